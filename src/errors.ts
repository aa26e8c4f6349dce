/**
 * Typed errors with stable codes.
 *
 * Every failure mlegrade reports is an `MlegradeError` whose `code` callers can switch on. Errors are
 * split by who can fix them: the participant (`SubmissionError`), the maintainer of the data
 * (`AnswersError`, `LeaderboardError`, `DefinitionError`) or the caller (`UsageError`,
 * `OptionsError`). Each error carries the located `issues` that caused it, all of them, not only
 * the first.
 */

/** Codes for problems in a submission: the participant can fix these. */
export const SUBMISSION_CODES = [
  /** Generic: the grader rejected the submission (MLE-bench's InvalidSubmissionError). */
  "INVALID_SUBMISSION",
  /** There is no submission file, or it is not a `.csv` file. */
  "MISSING_SUBMISSION",
  /** The bytes are not a readable CSV (unterminated quote, ragged row, bad encoding). */
  "PARSE_ERROR",
  "ENCODING_ERROR",
  /** No columns at all (empty file). */
  "EMPTY_FILE",
  /** The header is present but there are no rows where rows are needed. */
  "NO_ROWS",
  "MISSING_COLUMN",
  "UNEXPECTED_COLUMN",
  "DUPLICATE_COLUMN",
  "COLUMN_ORDER",
  /** Ids present in the answers but not in the submission. */
  "MISSING_IDS",
  /** Ids present in the submission but not in the answers. */
  "UNEXPECTED_IDS",
  "DUPLICATE_IDS",
  /** Ids in the same place do not match (row-by-row comparison after sorting or in file order). */
  "ID_MISMATCH",
  "ROW_COUNT_MISMATCH",
  /** A value that must be a number is not one. */
  "NON_NUMERIC",
  /** A value is missing (empty cell or a pandas NA spelling such as `NaN`, `NA`, `null`). */
  "MISSING_VALUE",
  /** `inf` / `-inf` where a finite number is needed. */
  "NON_FINITE",
  "OUT_OF_RANGE",
  /** A value must be an integer class label and is not. */
  "NON_INTEGER",
  /** Labels of different types (text against numbers) cannot be compared. */
  "LABEL_TYPE_MISMATCH",
  /** Probabilities in a row do not sum to 1. */
  "ROW_SUM",
  /** A run-length encoding is malformed (odd token count, unsorted, overlapping, non-positive). */
  "MALFORMED_RLE",
  /** A structured prediction string (boxes, token lists) is malformed. */
  "MALFORMED_PREDICTION",
  /** The metric is undefined on these inputs (a single class where two are needed, all empty). */
  "UNDEFINED_METRIC",
  /** A label outside the competition's class set (or not True/False where a boolean is needed). */
  "UNKNOWN_LABEL",
  /** The input exceeds one of mlegrade's size limits (in-memory grading, a field's length, a server's request cap). */
  "TOO_LARGE",
] as const;

/** Codes for problems in the maintainer's data or in how mlegrade is called. */
export const SYSTEM_CODES = [
  "INVALID_ANSWERS",
  "INVALID_LEADERBOARD",
  "INVALID_DEFINITION",
  "INVALID_OPTIONS",
  "UNKNOWN_COMPETITION",
  "UNKNOWN_METRIC",
  "USAGE",
  "FILE_NOT_FOUND",
  "RUNNER",
  /** A bug in mlegrade: an exception that is not one of ours. */
  "INTERNAL",
] as const;

export type SubmissionErrorCode = (typeof SUBMISSION_CODES)[number];
export type SystemErrorCode = (typeof SYSTEM_CODES)[number];
export type ErrorCode = SubmissionErrorCode | SystemErrorCode;

/** One located problem. Rows are 1-based data rows (the header is row 0); lines are 1-based file lines. */
export interface Issue {
  code: ErrorCode;
  message: string;
  file?: string;
  /** 1-based data row (the first row after the header is row 1). */
  row?: number;
  /** 1-based line of the file where that row starts. */
  line?: number;
  column?: string;
  expected?: string;
  received?: string;
}

/**
 * How MLE-bench's own grader ends on the same input: `invalid` when it raises
 * InvalidSubmissionError, `error` when it crashes with any other exception. Both produce a null
 * score there; we keep the distinction so compatibility can be checked.
 */
export type UpstreamOutcome = "invalid" | "error";

export class MlegradeError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];

  constructor(code: ErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = "MlegradeError";
    this.code = code;
    this.issues = issues.length > 0 ? issues : [{ code, message }];
  }

  toJSON(): { code: ErrorCode; message: string; issues: Issue[] } {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

/** The submission cannot be graded; the participant can fix it. */
export class SubmissionError extends MlegradeError {
  override readonly code: SubmissionErrorCode;
  /** What MLE-bench's grader does on the same input (see {@link UpstreamOutcome}). */
  readonly upstream: UpstreamOutcome;

  constructor(
    code: SubmissionErrorCode,
    message: string,
    options: { issues?: Issue[]; upstream?: UpstreamOutcome } = {},
  ) {
    super(code, message, options.issues);
    this.name = "SubmissionError";
    this.code = code;
    this.upstream = options.upstream ?? "invalid";
  }
}

/** The private answers are unreadable or do not have the shape the competition needs. */
export class AnswersError extends MlegradeError {
  constructor(message: string, issues: Issue[] = []) {
    super("INVALID_ANSWERS", message, issues);
    this.name = "AnswersError";
  }
}

export class LeaderboardError extends MlegradeError {
  constructor(message: string, issues: Issue[] = []) {
    super("INVALID_LEADERBOARD", message, issues);
    this.name = "LeaderboardError";
  }
}

export class DefinitionError extends MlegradeError {
  constructor(message: string, issues: Issue[] = []) {
    super("INVALID_DEFINITION", message, issues);
    this.name = "DefinitionError";
  }
}

export class OptionsError extends MlegradeError {
  constructor(message: string, issues: Issue[] = []) {
    super("INVALID_OPTIONS", message, issues);
    this.name = "OptionsError";
  }
}

export class UsageError extends MlegradeError {
  constructor(message: string, code: SystemErrorCode = "USAGE") {
    super(code, message);
    this.name = "UsageError";
  }
}

export class UnknownCompetitionError extends MlegradeError {
  readonly suggestions: string[];
  constructor(id: string, suggestions: string[]) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
    super("UNKNOWN_COMPETITION", `unknown competition "${id}"${hint}`);
    this.name = "UnknownCompetitionError";
    this.suggestions = suggestions;
  }
}

export class UnknownMetricError extends MlegradeError {
  readonly suggestions: string[];
  constructor(id: string, suggestions: string[]) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
    super("UNKNOWN_METRIC", `unknown metric "${id}"${hint}`);
    this.name = "UnknownMetricError";
    this.suggestions = suggestions;
  }
}

export function isMlegradeError(value: unknown): value is MlegradeError {
  return value instanceof MlegradeError;
}

export function isSubmissionCode(code: string): code is SubmissionErrorCode {
  return (SUBMISSION_CODES as readonly string[]).includes(code);
}

/** Formats the location prefix of an issue: `file row 3, column "x"`. */
export function formatLocation(issue: Pick<Issue, "file" | "row" | "column">): string {
  const cell: string[] = [];
  if (issue.row !== undefined) cell.push(`row ${issue.row}`);
  if (issue.column !== undefined) cell.push(`column "${issue.column}"`);
  return [issue.file, cell.join(", ")].filter((part) => part).join(" ");
}

/** Levenshtein-ranked suggestions for an unknown name (used by the registries). */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: Array<[number, string]> = [];
  for (const candidate of candidates) {
    scored.push([editDistance(name.toLowerCase(), candidate.toLowerCase()), candidate]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  const cutoff = Math.max(3, Math.floor(name.length / 2));
  return scored.filter(([d, c]) => d <= cutoff || c.includes(name)).slice(0, limit).map(([, c]) => c);
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * A metric cannot be computed on its inputs (one class where two are needed, mixed label types,
 * mismatched lengths). Metrics are pure functions and know nothing of files; the grading pipeline
 * turns this into a located {@link SubmissionError}.
 */
export class MetricError extends MlegradeError {
  override readonly code: SubmissionErrorCode;
  constructor(code: SubmissionErrorCode, message: string, issues: Issue[] = []) {
    super(code, message, issues);
    this.name = "MetricError";
    this.code = code;
  }
}
