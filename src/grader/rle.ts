/**
 * Run-length encoded mask columns, decoded the way MLE-bench's segmentation graders decode them
 * (`utils.rle_decode`, see `metrics/_rle.ts`), with every malformed cell located by row and column.
 *
 * Whether a malformed encoding makes MLE-bench report an invalid submission or crash depends on the
 * grader: those that wrap the decoder in `except AssertionError` reject assertion failures (unsorted,
 * non-positive or overlapping runs) as invalid, and every grader crashes on the ValueError of a
 * non-integer token or an unpairable odd count. Callers say which via `assertion`.
 */
import { decodeRle, RleError, type RleOrder, type RunLengthMask } from "../../metrics/_rle.js";
import { AnswersError, SubmissionError, type Issue, type SubmissionErrorCode, type UpstreamOutcome } from "../errors.js";
import type { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";

export interface RleColumnOptions {
  /** What MLE-bench does on an AssertionError from the decoder: `invalid` (caught) or `error`. */
  assertion: UpstreamOutcome;
  order?: RleOrder;
}

/** Image sizes per row, from the answers. */
export interface ImageSizes {
  heights: ArrayLike<number>;
  widths: ArrayLike<number>;
}

/** The located issue for a malformed cell. */
function rleIssue(frame: Frame, column: Column, row: number, error: RleError): Issue {
  const code: SubmissionErrorCode = error.problem === "not-a-string" && column.isMissing(row) ? "MISSING_VALUE" : "MALFORMED_RLE";
  const where = `${frame.file ?? "submission"} row ${column.sourceRow(row) + 1}, column "${column.name}"`;
  return frame.issueAt(code, column.sourceRow(row), column.name, `${where}: expected ${error.expected}, got ${error.received}`, {
    expected: error.expected,
    received: error.received,
  });
}

function upstreamOf(error: RleError, assertion: UpstreamOutcome): UpstreamOutcome {
  return error.python === "AssertionError" ? assertion : "error";
}

/** Decodes one submission cell; a malformed one throws a located SubmissionError. */
export function decodeRleCell(frame: Frame, column: Column, row: number, height: number, width: number, options: RleColumnOptions): RunLengthMask {
  try {
    return decodeRle(column.get(row), height, width, options.order);
  } catch (error) {
    if (!(error instanceof RleError)) throw error;
    const issue = rleIssue(frame, column, row, error);
    throw new SubmissionError(issue.code as SubmissionErrorCode, issue.message, { issues: [issue], upstream: upstreamOf(error, options.assertion) });
  }
}

/**
 * Decodes the first `count` cells of a submission column (default: all), row i with the size of
 * answers row i. Every malformed cell is reported (up to 100); MLE-bench stops at the first one, so
 * that one decides the upstream outcome.
 */
export function decodeRleColumn(frame: Frame, column: Column, sizes: ImageSizes, options: RleColumnOptions & { count?: number }): RunLengthMask[] {
  const count = options.count ?? column.length;
  const masks = new Array<RunLengthMask>(count);
  const issues: Issue[] = [];
  let first: RleError | undefined;
  let failures = 0;
  for (let i = 0; i < count; i++) {
    try {
      masks[i] = decodeRle(column.get(i), sizes.heights[i]!, sizes.widths[i]!, options.order);
    } catch (error) {
      if (!(error instanceof RleError)) throw error;
      first ??= error;
      failures++;
      if (issues.length < 100) issues.push(rleIssue(frame, column, i, error));
    }
  }
  if (first) {
    const more = failures > 1 ? ` (${failures} cells)` : "";
    throw new SubmissionError(issues[0]!.code as SubmissionErrorCode, `${issues[0]!.message}${more}`, { issues, upstream: upstreamOf(first, options.assertion) });
  }
  return masks;
}

/** Decodes the answers' encodings; the maintainer's data must be well formed. */
export function decodeAnswerRles(column: Column, sizes: ImageSizes, order: RleOrder = "column-major"): RunLengthMask[] {
  const masks = new Array<RunLengthMask>(column.length);
  for (let i = 0; i < column.length; i++) {
    try {
      masks[i] = decodeRle(column.get(i), sizes.heights[i]!, sizes.widths[i]!, order);
    } catch (error) {
      if (error instanceof RleError) throw new AnswersError(`answers row ${column.sourceRow(i) + 1}, column "${column.name}": ${error.message}`);
      throw error;
    }
  }
  return masks;
}

/** Image sizes of the answers as whole numbers (`int(value)` / `astype(int)` truncates floats). */
export function answerSizes(heights: Column, widths: Column): ImageSizes {
  const read = (column: Column): Float64Array => {
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const value = Number(column.get(i));
      if (!Number.isFinite(value) || value < 0) throw new AnswersError(`answers row ${column.sourceRow(i) + 1}, column "${column.name}": expected an image size, got ${String(column.get(i))}`);
      out[i] = Math.trunc(value);
    }
    return out;
  };
  return { heights: read(heights), widths: read(widths) };
}
