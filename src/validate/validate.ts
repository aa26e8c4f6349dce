/**
 * `validate()`: is a submission well-formed for a competition? Everything that can be checked
 * without scoring, all issues collected (not only the first), each located and typed.
 *
 * Three references, best first:
 * - with the answers, the competition's grader runs on the file, exactly as `grade()` would: its
 *   verdict decides validity (MLE-bench's own validation does the same). The generic checks run as
 *   well and add every other issue they find; when the grader accepts the file, what they doubted
 *   is reported as warnings;
 * - with the sample submission, ids and row count are compared with it;
 * - with neither, only the competition's column specs are used (types, ranges, labels,
 *   duplicates).
 * Ids and row count come from the sample when given (it has the submission's shape), else from
 * the answers when they hold the id columns.
 */
import type { Answers, CompetitionDefinition, JsonRecord } from "../competitions/define.js";
import { getCompetition } from "../competitions/index.js";
import { AnswersError, MlegradeError, formatLocation, type ErrorCode, type Issue, type UpstreamOutcome } from "../errors.js";
import { loadAnswers, toReportError, type ReportError } from "../grader/grade.js";
import type { GradingMode } from "../medals.js";
import { Frame } from "../table/frame.js";
import { buildReference, type IdReference } from "./ids.js";
import { DEFAULT_MAX_ISSUES, DEFAULT_MAX_PER_CODE, IssueLog, type ValidationIssue } from "./issues.js";
import { StreamValidator } from "./stream.js";

export interface ValidationSetup {
  /** Competition id or definition. */
  competition: string | CompetitionDefinition;
  /** The private answers (CSV text or bytes, a frame, or JSON records); enables the grader check. */
  answers?: string | Uint8Array | Frame | JsonRecord[] | null;
  /** The competition's sample submission (CSV text or bytes, or a frame): ids and row count. */
  sample?: string | Uint8Array | Frame | null;
  /** Grading mode for the grader check (default `mlebench`). */
  mode?: GradingMode;
  /** The submission's path or name, for messages (default `submission.csv`). */
  submissionPath?: string;
  /** At most this many issues are kept in the report (all are counted). Default 1000. */
  maxIssues?: number;
}

export interface ValidateOptions extends ValidationSetup {
  /** The submission: CSV text or UTF-8 bytes; null when there is none. */
  submission: string | Uint8Array | null;
}

/** The grader's verdict on a file, without its score (a validation never reveals one). */
export type GraderVerdict = { outcome: "score" } | { outcome: "invalid"; error: ReportError };

export interface ValidationReport {
  competition_id: string;
  /** The submission's file name. */
  file: string;
  /** No errors (warnings allowed). */
  valid: boolean;
  /** What ids and row count were compared with. */
  reference: "sample" | "answers" | "definition";
  /** The grader's verdict when it ran (answers given): scored, or the code it rejected the file with. */
  grader: { outcome: "score" | "invalid"; code: ErrorCode | null; upstream: UpstreamOutcome | null } | null;
  /** Data rows and header columns read. */
  rows: number;
  columns: number;
  errors: number;
  warnings: number;
  /** Every issue found, counted by code (errors and warnings). */
  counts: Partial<Record<ErrorCode, number>>;
  /** The first issues (up to `maxIssues`, a hundred of each code), errors first. */
  issues: ValidationIssue[];
  /** Whether more issues were found than `issues` holds. */
  truncated: boolean;
}

/**
 * A validation fed chunk by chunk (what the Node file reader and the server use); `validate()`
 * is this with the whole input at once.
 */
export class Validation {
  readonly competition: CompetitionDefinition;
  readonly file: string;
  readonly answers: Answers | null;
  readonly reference: IdReference | null;
  private readonly log: IssueLog;
  private readonly stream: StreamValidator;
  private readonly mode: GradingMode;

  constructor(setup: ValidationSetup) {
    this.competition = typeof setup.competition === "string" ? getCompetition(setup.competition) : setup.competition;
    this.file = baseName(setup.submissionPath ?? "submission.csv");
    this.mode = setup.mode ?? "mlebench";
    this.log = new IssueLog(setup.maxIssues ?? DEFAULT_MAX_ISSUES, DEFAULT_MAX_PER_CODE);
    this.answers = setup.answers === undefined || setup.answers === null ? null : loadAnswers(this.competition, setup.answers);
    this.reference = chooseReference(this.competition, setup.sample ?? null, this.answers, this.log);
    this.stream = new StreamValidator({ competition: this.competition, file: this.file, reference: this.reference, log: this.log });
  }

  /** The next piece of the submission: UTF-8 bytes or decoded text. */
  push(chunk: Uint8Array | string): void {
    this.stream.push(chunk);
  }

  /** Runs the grader on the whole submission (only when answers were given). */
  grade(submission: string | Uint8Array): GraderVerdict | null {
    if (!this.answers) return null;
    try {
      const frame = Frame.fromCsv(submission, { file: this.file });
      this.competition.grade(frame, this.answers, { mode: this.mode });
      return { outcome: "score" };
    } catch (caught) {
      return { outcome: "invalid", error: toReportError(caught, this.file) };
    }
  }

  /** Ends the input and merges the grader's verdict (from {@link grade}) into the report. */
  finish(verdict: GraderVerdict | null = null): ValidationReport {
    const summary = this.stream.end();
    const log = this.log;
    if (verdict?.outcome === "score") log.downgradeErrors();
    else if (verdict?.outcome === "invalid") {
      for (const issue of verdict.error.issues) {
        if (log.covers(issue.code, issue.row)) continue;
        log.report(issue.code, "error", () => ({ ...issue, file: issue.file ?? this.file, message: located(issue, this.file), origin: "grader" }));
      }
    }
    const issues = log.issues();
    return {
      competition_id: this.competition.id,
      file: this.file,
      valid: log.errors === 0,
      reference: this.reference?.source ?? "definition",
      grader: verdict ? { outcome: verdict.outcome, code: verdict.outcome === "invalid" ? verdict.error.code : null, upstream: verdict.outcome === "invalid" ? verdict.error.upstream : null } : null,
      rows: summary.rows,
      columns: summary.columns,
      errors: log.errors,
      warnings: log.warnings,
      counts: countsByCode(log),
      issues,
      truncated: issues.length < log.total,
    };
  }

  /** The report for a submission that does not exist. */
  missing(): ValidationReport {
    const file = this.file;
    this.log.report("MISSING_SUBMISSION", "error", () => ({ origin: "format", file, message: `${file}: expected a submission CSV file, got none` }));
    const issues = this.log.issues();
    return {
      competition_id: this.competition.id,
      file,
      valid: false,
      reference: this.reference?.source ?? "definition",
      grader: null,
      rows: 0,
      columns: 0,
      errors: this.log.errors,
      warnings: this.log.warnings,
      counts: countsByCode(this.log),
      issues,
      truncated: false,
    };
  }
}

/**
 * Validates one submission (see the module doc). Never throws for a problem with the
 * submission; throws MlegradeError subclasses for the caller's problems (unknown competition,
 * unreadable answers or sample submission).
 */
export function validate(options: ValidateOptions): ValidationReport {
  const validation = new Validation(options);
  if (options.submission === null) return validation.missing();
  validation.push(options.submission);
  return validation.finish(validation.grade(options.submission));
}

function chooseReference(competition: CompetitionDefinition, sample: ValidationSetup["sample"], answers: Answers | null, log: IssueLog): IdReference | null {
  const idColumns = competition.columns.filter((c) => c.kind === "id").map((c) => c.name);
  if (sample !== null && sample !== undefined) {
    const frame = sample instanceof Frame ? sample : readSample(sample);
    const reference = buildReference(frame, idColumns, "sample");
    const absent = idColumns.filter((name) => !frame.has(name));
    if (absent.length > 0) {
      log.report("MISSING_COLUMN", "warning", () => ({
        origin: "reference",
        column: absent[0],
        message: `the sample submission has no column ${absent.map((n) => `"${n}"`).join(", ")}: ids are not compared with it`,
      }));
    }
    return reference;
  }
  if (answers instanceof Frame && idColumns.length > 0 && idColumns.every((name) => answers.has(name))) {
    return buildReference(answers, idColumns, "answers");
  }
  return null;
}

/** Reads a sample submission; an unreadable one is a data error (AnswersError), not the participant's. */
export function readSample(sample: string | Uint8Array): Frame {
  try {
    return Frame.fromCsv(sample, { file: "sample submission" });
  } catch (caught) {
    if (caught instanceof MlegradeError) throw new AnswersError(`sample submission: ${caught.message}`, caught.issues);
    throw caught;
  }
}

/** Issue counts by code, in code order (so equal reports serialise equally). */
function countsByCode(log: IssueLog): Partial<Record<ErrorCode, number>> {
  return Object.fromEntries([...log.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A grader's issue message, prefixed with its location when it does not name the file. */
function located(issue: Issue, file: string): string {
  if (issue.message.startsWith(issue.file ?? file)) return issue.message;
  return `${formatLocation({ ...issue, file: issue.file ?? file })}: ${issue.message}`;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
