/**
 * What a participant may be told about a validation run against the private answers (Kaggle's
 * convention: participant-visible versus host-only errors). The text never shows an answer value,
 * an id that only the answers hold, or a score:
 * - issues of the file's own format keep their message (it names only the definition's
 *   expectations and the submission's own content);
 * - id and row-count issues keep the submission's ids and the expected row count (public through
 *   the sample submission), but missing ids are only counted, never listed;
 * - the grader's own messages are replaced by a fixed description of their code, with the
 *   location and the submission's cell.
 * The wording follows MLE-bench's grading server: "Submission is valid." or "Submission invalid! …".
 */
import type { ErrorCode } from "../errors.js";
import type { ValidationIssue } from "./issues.js";
import type { ValidationReport } from "./validate.js";

const DESCRIPTIONS: Partial<Record<ErrorCode, string>> = {
  INVALID_SUBMISSION: "the grader rejected the submission",
  MISSING_SUBMISSION: "no submission file",
  PARSE_ERROR: "not a readable CSV",
  ENCODING_ERROR: "not UTF-8 text",
  EMPTY_FILE: "the file is empty",
  NO_ROWS: "a header but no rows",
  MISSING_COLUMN: "a required column is missing",
  UNEXPECTED_COLUMN: "a column that is not allowed",
  DUPLICATE_COLUMN: "a column name appears more than once",
  COLUMN_ORDER: "columns in the wrong order",
  MISSING_IDS: "ids of the test set are missing",
  UNEXPECTED_IDS: "an id that is not in the test set",
  DUPLICATE_IDS: "an id that appears more than once",
  ID_MISMATCH: "ids that do not match the test set",
  ROW_COUNT_MISMATCH: "the wrong number of rows",
  NON_NUMERIC: "a value that is not a number",
  MISSING_VALUE: "a missing value",
  NON_FINITE: "an infinite value",
  OUT_OF_RANGE: "a value out of range",
  NON_INTEGER: "a value that is not an integer",
  LABEL_TYPE_MISMATCH: "labels of the wrong type",
  UNKNOWN_LABEL: "a label that is not allowed",
  ROW_SUM: "probabilities that do not sum to 1",
  MALFORMED_RLE: "a malformed run-length encoding",
  MALFORMED_PREDICTION: "a malformed prediction string",
  UNDEFINED_METRIC: "the metric cannot be computed for this submission",
  TOO_LARGE: "the file is too large",
};

/** How many issues the participant text lists before summarising. */
const LISTED = 10;

/** One issue as a participant may see it. */
export function participantIssue(issue: ValidationIssue): string {
  if (issue.origin === "format" || (issue.origin === "reference" && issue.code !== "MISSING_IDS")) return issue.message;
  const where: string[] = [];
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.column !== undefined) where.push(`column ${JSON.stringify(issue.column)}`);
  const description = DESCRIPTIONS[issue.code] ?? "the submission is invalid";
  const received = issue.received !== undefined && issue.row !== undefined ? `, got ${issue.received}` : "";
  return `${issue.file ?? "submission"}${where.length ? ` ${where.join(", ")}` : ""}: ${description}${received}`;
}

/** The participant-safe verdict text (the `result` of the validation server). */
export function participantText(report: ValidationReport): string {
  if (report.valid) return "Submission is valid.";
  const lines: string[] = [];
  // Missing ids are only counted: listing them could reveal ids that only the answers hold.
  const missing = report.counts.MISSING_IDS ?? 0;
  if (missing > 0) lines.push(`${report.file}: ${missing} id${missing === 1 ? "" : "s"} of the test set ${missing === 1 ? "is" : "are"} missing`);
  let listed = missing;
  for (const issue of report.issues) {
    if (lines.length >= LISTED) break;
    if (issue.severity !== "error" || issue.code === "MISSING_IDS") continue;
    const text = participantIssue(issue);
    if (!lines.includes(text)) lines.push(text);
    listed++;
  }
  const rest = report.errors - listed;
  return [
    `Submission invalid! ${report.errors} problem${report.errors === 1 ? "" : "s"} found:`,
    ...lines.map((line) => `- ${line}`),
    ...(rest > 0 ? [`- … and ${rest} more`] : []),
  ].join("\n");
}
