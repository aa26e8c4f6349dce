/**
 * Streaming structural validation: bytes (or text) in, chunk by chunk; issues out. Holds the
 * header, the record in progress, id counters and the first few issues of each kind, never the
 * rows, so memory does not grow with the file (ids aside: see `ids.ts`).
 *
 * It reads the file as pandas does (`src/table/tokenize.ts`, `src/table/dtype.ts`) and checks
 * what can be checked without scoring: encoding, header, required and unexpected columns, the
 * id column, row count and ids against a reference (answers or sample submission), and every
 * cell against its column spec (kind, range, labels, RLE and prediction-string structure).
 */
import type { ColumnSpec, CompetitionDefinition } from "../competitions/define.js";
import { cutSequence, invalidUtf8Offset, utf8Decoder, type Utf8Decoder } from "../_internal/text.js";
import { describeColumns } from "../grader/checks.js";
import { dedupeHeader } from "../table/frame.js";
import { PANDAS_NA_VALUES } from "../table/scalars.js";
import { CsvParseFailure, CsvTokenizer } from "../table/tokenize.js";
import { cellCheckFor, type CellCheck } from "./cells.js";
import { IdTracker, type IdReference } from "./ids.js";
import { IssueLog, cellMessage, showText } from "./issues.js";

/** Longest field the streaming reader collects across chunks (characters). */
export const MAX_FIELD_LENGTH = 32 * 1024 * 1024;
/** Input is handed to the tokenizer in pieces of at most this many bytes or characters. */
export const CHUNK_SIZE = 1 << 20;

export interface StreamValidatorOptions {
  competition: CompetitionDefinition;
  /** File name used in messages. */
  file: string;
  reference: IdReference | null;
  log: IssueLog;
  /** Cell texts read as missing; defaults to pandas' list. */
  naValues?: ReadonlySet<string>;
}

/** What the structural pass saw, besides its issues. */
export interface StreamSummary {
  rows: number;
  columns: number;
}

interface ColumnPlan {
  spec: ColumnSpec;
  name: string;
  /** Position in the header (before the index shift). */
  position: number;
  check: CellCheck;
}

export class StreamValidator {
  private readonly tokenizer: CsvTokenizer;
  private readonly naValues: ReadonlySet<string>;
  private readonly log: IssueLog;
  private readonly file: string;
  private decoder: Utf8Decoder | null = null;
  /** Bytes of a UTF-8 sequence the previous chunk cut off (held by the decoder). */
  private carry: Uint8Array = new Uint8Array(0);
  /** Line breaks in the bytes decoded so far, counted as the tokenizer counts lines. */
  private newlines = 0;
  private afterCR = false;
  private lenient = false;
  private stopped = false;
  private bytes = 0;

  // The record in progress.
  private fields: string[] = [];
  private fieldCount = 0;
  private records = 0;
  /** Which field positions are needed (after the header and first record); null: keep all. */
  private wanted: Uint8Array | null = null;

  // Learned from the header and the first data record.
  private header: string[] = [];
  private plans: ColumnPlan[] = [];
  private idPlans: ColumnPlan[] = [];
  private indexWidth = 0;
  private maxWidth = 0;
  private ids: IdTracker | null = null;
  private nulSeen = false;

  constructor(private readonly options: StreamValidatorOptions) {
    this.naValues = options.naValues ?? PANDAS_NA_VALUES;
    this.log = options.log;
    this.file = options.file;
    this.tokenizer = new CsvTokenizer(
      {
        field: (chunk, start, end, text) => {
          const k = this.fieldCount++;
          if (this.wanted === null || (k < this.wanted.length && this.wanted[k] === 1)) {
            this.fields[k] = text ?? chunk.slice(start, end);
          }
        },
        endRecord: (line) => this.endRecord(line),
        nul: (line) => this.nul(line),
      },
      MAX_FIELD_LENGTH,
    );
  }

  /** Feeds the next piece of the file: UTF-8 bytes or already decoded text. */
  push(chunk: Uint8Array | string): void {
    if (this.stopped) return;
    if (typeof chunk === "string") {
      for (let at = 0; at < chunk.length && !this.stopped; at += CHUNK_SIZE) this.text(chunk.slice(at, at + CHUNK_SIZE), false);
      return;
    }
    for (let at = 0; at < chunk.length && !this.stopped; at += CHUNK_SIZE) {
      const piece = chunk.subarray(at, at + CHUNK_SIZE);
      this.bytes += piece.length;
      this.text(this.decode(piece), false);
    }
  }

  /** Ends the input and reports what only the whole file shows (row count, missing ids). */
  end(): StreamSummary {
    if (!this.stopped) this.text(this.decoder ? this.decode(undefined) : "", true);
    const file = this.file;
    // After a parse error the rest of the file is unread: only that error is reported.
    if (!this.stopped) {
      if (this.records === 0) {
        this.log.report("EMPTY_FILE", "error", () => ({ origin: "format", file, message: `${file}: expected a header and rows, got an empty file`, expected: "a header and rows", received: "an empty file" }));
      } else if (this.records === 1) {
        this.log.report("NO_ROWS", "error", () => ({ origin: "format", file, message: `${file}: expected rows after the header, got none`, expected: "at least one row", received: "only a header" }));
      } else {
        this.checkRowCount(this.records - 1);
        this.ids?.finish(this.log);
      }
    }
    return { rows: Math.max(0, this.records - 1), columns: this.header.length };
  }

  private checkRowCount(rows: number): void {
    const reference = this.options.reference;
    if (!reference || rows === reference.rows) return;
    const file = this.file;
    const where = reference.source === "sample" ? "the sample submission" : "the answers";
    this.log.report("ROW_COUNT_MISMATCH", "error", () => ({
      origin: "reference",
      file,
      message: `${file}: expected ${reference.rows} rows (as in ${where}), got ${rows}`,
      expected: String(reference.rows),
      received: String(rows),
    }));
  }

  /**
   * Decodes the next bytes (undefined: the end of the input). The first bytes that are not UTF-8
   * are reported with their line; decoding then goes on with
   * replacement characters, from the same place whatever the chunking, to find the other issues.
   */
  private decode(bytes: Uint8Array | undefined): string {
    if (!this.decoder) this.decoder = utf8Decoder(true);
    const options = { stream: bytes !== undefined };
    if (this.lenient) return this.decoder.decode(bytes, options);
    const input = bytes ?? new Uint8Array(0);
    try {
      const text = this.decoder.decode(bytes, options);
      this.carry = cutSequence(this.carry, input);
      this.newlines += this.lineBreaks(input, input.length);
      return text;
    } catch {
      const all = new Uint8Array(this.carry.length + input.length);
      all.set(this.carry);
      all.set(input, this.carry.length);
      const offset = invalidUtf8Offset(all);
      const line = 1 + this.newlines + this.lineBreaks(all.subarray(this.carry.length), Math.max(0, offset - this.carry.length));
      const file = this.file;
      const received = offset >= 0 ? `byte 0x${all[offset]!.toString(16).padStart(2, "0")}` : "a UTF-8 sequence cut off by the end of the file";
      this.log.report("ENCODING_ERROR", "error", () => ({ origin: "format", file, line, message: `${file} line ${line}: expected UTF-8 text, got ${received}`, expected: "UTF-8", received }));
      this.lenient = true;
      this.decoder = utf8Decoder(false, this.bytes > all.length);
      return this.decoder.decode(all, options);
    }
  }

  /** Line breaks in bytes[0, end) as the tokenizer counts them: CR, LF, and CRLF as one. */
  private lineBreaks(bytes: Uint8Array, end: number): number {
    let count = 0;
    let afterCR = this.afterCR;
    for (let i = 0; i < end; i++) {
      const b = bytes[i]!;
      if (b === 13) count++;
      else if (b === 10 && !afterCR) count++;
      afterCR = b === 13;
    }
    if (end === bytes.length) this.afterCR = afterCR;
    return count;
  }

  private nul(line: number): void {
    if (this.nulSeen) return;
    this.nulSeen = true;
    const file = this.file;
    this.log.report("PARSE_ERROR", "warning", () => ({ origin: "format", file, line, message: `${file} line ${line}: NUL character; pandas drops the rest of its field`, received: "NUL" }));
  }

  private text(chunk: string, last: boolean): void {
    try {
      this.tokenizer.write(chunk, last);
    } catch (error) {
      if (!(error instanceof CsvParseFailure)) throw error;
      this.stopped = true;
      const file = this.file;
      const code = error.tooLarge ? "TOO_LARGE" : "PARSE_ERROR";
      this.log.report(code, "error", () => ({ origin: "format", file, line: error.line, message: `${file} line ${error.line}: ${error.tooLarge ? "" : "not a readable CSV: "}${error.message}` }));
    }
  }

  private endRecord(line: number): void {
    const count = this.fieldCount;
    this.fieldCount = 0;
    const record = this.records++;
    if (record === 0) this.readHeader(line, count);
    else {
      if (record === 1) this.planRows(count);
      this.checkRow(record, line, count);
    }
  }

  private readHeader(line: number, count: number): void {
    const raw = this.fields.slice(0, count);
    this.fields = [];
    this.header = dedupeHeader(raw);
    const file = this.file;
    const { competition } = this.options;

    const seen = new Map<string, number>();
    for (const name of raw) if (name !== "") seen.set(name, (seen.get(name) ?? 0) + 1);
    for (const [name, times] of seen) {
      if (times < 2) continue;
      this.log.report("DUPLICATE_COLUMN", "error", () => ({
        origin: "format",
        file,
        line,
        column: name,
        expected: "each column once",
        received: `${times} columns "${name}"`,
        message: `${file}: column "${name}" appears ${times} times (pandas renames the repeats ${name}.1, ${name}.2, …)`,
      }));
    }

    const positions = new Map<string, number>();
    this.header.forEach((name, i) => positions.set(name, i));
    const specs = new Set(competition.columns.map((c) => c.name));
    for (const spec of competition.columns) {
      const position = positions.get(spec.name);
      if (position === undefined) {
        const hint = this.header.find((name) => name.trim().toLowerCase() === spec.name.toLowerCase());
        // A column the grader does not score may be optional (the spec cannot say): a warning.
        this.log.report("MISSING_COLUMN", spec.scored === false ? "warning" : "error", () => ({
          origin: "format",
          file,
          line,
          column: spec.name,
          expected: spec.name,
          received: describeColumns(this.header),
          message: `${file}: expected a column "${spec.name}", got ${hint !== undefined ? `"${hint}" (names must match exactly)` : describeColumns(this.header)}`,
        }));
        continue;
      }
      const plan = { spec, name: spec.name, position, check: cellCheckFor(spec) };
      this.plans.push(plan);
      if (spec.kind === "id") this.idPlans.push(plan);
    }
    if (competition.extraColumns === "rejected") {
      for (const name of this.header) {
        if (specs.has(name)) continue;
        this.log.report("UNEXPECTED_COLUMN", "error", () => ({
          origin: "format",
          file,
          line,
          column: name,
          expected: competition.columns.map((c) => c.name).join(","),
          received: name,
          message: `${file}: unexpected column "${name}"; expected exactly ${JSON.stringify(competition.columns.map((c) => c.name))}`,
        }));
      }
    }
    const idSpecs = competition.columns.filter((c) => c.kind === "id");
    const idColumns = idSpecs.map((c) => c.name);
    if (idColumns.length > 0 && this.idPlans.length === idColumns.length) {
      const unique = idSpecs.every((c) => c.unique !== false);
      this.ids = new IdTracker({ file, columns: idColumns, reference: this.options.reference, keep: this.log.maxPerCode, unique });
    }
  }

  /** The first data record fixes the index width (pandas' implicit index) and the fields needed. */
  private planRows(count: number): void {
    const width = this.header.length;
    this.indexWidth = Math.max(0, count - width);
    this.maxWidth = width + this.indexWidth;
    if (this.indexWidth > 0) {
      const file = this.file;
      const extra = this.indexWidth;
      this.log.report("PARSE_ERROR", "warning", () => ({
        origin: "format",
        file,
        row: 1,
        expected: `${width} fields, as in the header`,
        received: `${count} fields`,
        message: `${file} row 1: ${count} fields for ${width} header names; pandas reads the first ${extra} as the index, so the other values shift one column right`,
      }));
    }
    const wanted = new Uint8Array(this.maxWidth);
    for (const plan of this.plans) wanted[plan.position + this.indexWidth] = 1;
    this.wanted = wanted;
  }

  private checkRow(row: number, line: number, count: number): void {
    const file = this.file;
    if (count > this.maxWidth) {
      const maxWidth = this.maxWidth;
      this.log.report("PARSE_ERROR", "error", () => ({
        origin: "format",
        file,
        row,
        line,
        expected: `${maxWidth} fields`,
        received: `${count} fields`,
        message: `${file} row ${row} (line ${line}): expected ${maxWidth} fields, got ${count} (pandas cannot read the file)`,
      }));
    }
    const fields = this.fields;
    const shift = this.indexWidth;
    for (const plan of this.plans) {
      const at = plan.position + shift;
      const text = at < count ? fields[at]! : "";
      const problem = plan.check(text, this.naValues.has(text));
      if (!problem) continue;
      this.log.report(problem.code, "error", () => {
        const where = { file, row, column: plan.name };
        const received = showText(text);
        return { origin: "format", ...where, line, expected: problem.expected, received, message: cellMessage(where, problem.expected, received) };
      });
    }
    if (this.ids) {
      const texts = this.idPlans.map((plan) => {
        const at = plan.position + shift;
        return at < count ? fields[at]! : "";
      });
      this.ids.add(row, line, texts, texts.map((t) => this.naValues.has(t)));
    }
    if (row === 1) this.fields = [];
  }
}
