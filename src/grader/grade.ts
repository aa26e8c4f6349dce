/**
 * The grading pipeline, one straight path:
 * CSV text → parse (pandas rules) → competition grader (validation, id alignment, metric) →
 * MLE-bench rounding → medals against the leaderboard → report.
 *
 * Submission problems never throw: they produce a report with `outcome: "invalid"` and a typed
 * `error`. Only caller and data errors throw (unknown competition, unreadable answers or
 * leaderboard), as MlegradeError subclasses.
 */
import { checkCompetition, type Answers, type CompetitionDefinition, type JsonRecord } from "../competitions/define.js";
import { getCompetition } from "../competitions/index.js";
import {
  AnswersError,
  MetricError,
  MlegradeError,
  SubmissionError,
  type ErrorCode,
  type Issue,
  type SubmissionErrorCode,
  type UpstreamOutcome,
} from "../errors.js";
import {
  computeThresholds,
  parseLeaderboard,
  placeScore,
  type GradingMode,
  type Leaderboard,
  type Thresholds,
} from "../medals.js";
import { decodeUtf8 } from "../_internal/text.js";
import { mlebenchRound } from "../rounding.js";
import { Frame } from "../table/frame.js";
import { VERSION } from "../version.js";

export interface GradeOptions {
  /** Competition id or definition. */
  competition: string | CompetitionDefinition;
  /** The submission: CSV text, UTF-8 bytes, a parsed frame, or null when there is none. */
  submission: string | Uint8Array | Frame | null;
  /** The private answers: CSV text or bytes, a frame, or JSON records (JSONL competitions). */
  answers: string | Uint8Array | Frame | JsonRecord[];
  /** The competition's leaderboard (CSV text/bytes or parsed); without it no medals are computed. */
  leaderboard?: Leaderboard | string | Uint8Array | null;
  /** `mlebench` (default): bit-compatible with MLE-bench; `kaggle`: declared direction and medal eligibility. */
  mode?: GradingMode;
  /** Path written into the report (`submission_path`); also names the file in messages. */
  submissionPath?: string;
  /** Report timestamp; defaults to now. */
  createdAt?: Date;
}

export interface ReportError {
  /** A submission code, or (batch grading only) the code of the data or system error that stopped grading. */
  code: SubmissionErrorCode | ErrorCode;
  message: string;
  issues: Issue[];
  /** How MLE-bench's grader ends on the same input: rejected (`invalid`) or crashed (`error`). */
  upstream: UpstreamOutcome;
}

/**
 * A grading report. The first 16 fields are MLE-bench's competition report, with the same names
 * and meanings; the rest are mlegrade's additions (see the CLI contract).
 */
export interface GradeReport {
  competition_id: string;
  /** `round(score, 5)` as MLE-bench computes it, or null when the submission is invalid. */
  score: number | null;
  gold_threshold: number | null;
  silver_threshold: number | null;
  bronze_threshold: number | null;
  median_threshold: number | null;
  any_medal: boolean;
  gold_medal: boolean;
  silver_medal: boolean;
  bronze_medal: boolean;
  above_median: boolean;
  submission_exists: boolean;
  valid_submission: boolean;
  is_lower_better: boolean;
  created_at: string;
  submission_path: string;
  raw_score: number | null;
  outcome: "score" | "invalid";
  error: ReportError | null;
  rank: number | null;
  percentile: number | null;
  leaderboard_size: number | null;
  mode: GradingMode;
  signature: string;
  /** Notes a user should see: e.g. the leaderboard's direction disagrees with the declared one. */
  warnings: string[];
}

/** Grades one submission. Throws only for caller or data errors (see module doc). */
export function grade(options: GradeOptions): GradeReport {
  const competition = typeof options.competition === "string" ? getCompetition(options.competition) : checkCompetition(options.competition);
  const mode = options.mode ?? "mlebench";
  const submissionPath = options.submissionPath ?? "submission.csv";
  const file = baseName(submissionPath);
  const answers = loadAnswers(competition, options.answers);
  const leaderboard = loadLeaderboard(options.leaderboard);

  let rawScore: number | null = null;
  let error: ReportError | null = null;
  if (options.submission === null) {
    error = {
      code: "MISSING_SUBMISSION",
      message: `${submissionPath}: expected a submission CSV file, got none`,
      issues: [{ code: "MISSING_SUBMISSION", message: "no submission file", file }],
      upstream: "invalid",
    };
  } else {
    try {
      const submission = options.submission instanceof Frame ? options.submission : Frame.fromCsv(options.submission, { file });
      rawScore = competition.grade(submission, answers, { mode });
    } catch (caught) {
      error = toReportError(caught, file);
    }
  }
  return buildReport({ competition, mode, rawScore, error, leaderboard, submissionPath, submissionExists: options.submission !== null, createdAt: options.createdAt });
}

export type SafeGradeResult = { ok: true; report: GradeReport } | { ok: false; error: MlegradeError };

/**
 * {@link grade} that never throws an MlegradeError: caller and data errors (unknown competition,
 * unreadable answers or leaderboard) come back as `{ ok: false, error }`. Anything else (a bug) is
 * still thrown.
 */
export function safeGrade(options: GradeOptions): SafeGradeResult {
  try {
    return { ok: true, report: grade(options) };
  } catch (error) {
    if (error instanceof MlegradeError) return { ok: false, error };
    throw error;
  }
}

/** Turns what a grader threw into a report error; rethrows anything that is not the submission's fault. */
export function toReportError(caught: unknown, file: string): ReportError {
  if (caught instanceof SubmissionError) {
    return { code: caught.code, message: caught.message, issues: caught.issues, upstream: caught.upstream };
  }
  if (caught instanceof MetricError) {
    const message = `${file}: ${caught.message}`;
    return { code: caught.code, message, issues: caught.issues.map((issue) => ({ ...issue, file: issue.file ?? file })), upstream: "error" };
  }
  throw caught;
}

interface ReportParts {
  competition: CompetitionDefinition;
  mode: GradingMode;
  rawScore: number | null;
  error: ReportError | null;
  leaderboard: Leaderboard | null;
  submissionPath: string;
  submissionExists: boolean;
  createdAt?: Date;
}

/** Rounds, places the score on the leaderboard and assembles the report. */
export function buildReport(parts: ReportParts): GradeReport {
  const { competition, mode, rawScore, error, leaderboard } = parts;
  const score = rawScore === null ? null : mlebenchRound(rawScore, competition.rounding);
  const warnings: string[] = [];
  let thresholds: Thresholds | null = null;
  if (leaderboard) {
    thresholds = computeThresholds(leaderboard, { mode, direction: competition.direction });
    const declaredLower = competition.direction === "minimize";
    if (mode === "mlebench" && thresholds.isLowerBetter !== declaredLower) {
      warnings.push(
        `the leaderboard's first and last scores say ${thresholds.isLowerBetter ? "lower" : "higher"} is better, but ${competition.id} is declared ${competition.direction}; medals follow the leaderboard as MLE-bench does (use --mode kaggle for the declared direction)`,
      );
    }
  }
  const placement = thresholds
    ? placeScore(score, thresholds, leaderboard ?? undefined, { awardsMedals: mode === "kaggle" ? competition.awardsMedals : true })
    : null;
  return {
    competition_id: competition.id,
    score,
    gold_threshold: thresholds?.gold ?? null,
    silver_threshold: thresholds?.silver ?? null,
    bronze_threshold: thresholds?.bronze ?? null,
    median_threshold: thresholds?.median ?? null,
    any_medal: placement?.anyMedal ?? false,
    gold_medal: placement?.gold ?? false,
    silver_medal: placement?.silver ?? false,
    bronze_medal: placement?.bronze ?? false,
    above_median: placement?.aboveMedian ?? false,
    submission_exists: parts.submissionExists,
    valid_submission: score !== null,
    is_lower_better: thresholds ? thresholds.isLowerBetter : competition.direction === "minimize",
    created_at: pythonIsoformat(parts.createdAt ?? new Date()),
    submission_path: parts.submissionPath,
    raw_score: rawScore,
    outcome: score === null ? "invalid" : "score",
    error,
    rank: placement?.rank ?? null,
    percentile: placement?.percentile ?? null,
    leaderboard_size: leaderboard ? leaderboard.scores.length : null,
    mode,
    signature: signature(competition, mode),
    warnings,
  };
}

/** `metric|options|mode|rounding|version`, so a reported score says how it was computed. */
export function signature(competition: CompetitionDefinition, mode: GradingMode): string {
  const options = Object.entries(competition.metric.options)
    .map(([key, value]) => `${key}:${JSON.stringify(value)}`)
    .join(",");
  return [`${competition.metric.id}${options ? `(${options})` : ""}`, `competition:${competition.id}`, `mode:${mode}`, `round:${competition.rounding}-5`, `v:${VERSION}`].join("|");
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Parses answers given as text or bytes (CSV, or JSONL for the competitions that use it). */
export function loadAnswers(competition: CompetitionDefinition, answers: GradeOptions["answers"]): Answers {
  if (answers instanceof Frame || Array.isArray(answers)) return answers;
  const jsonl = competition.answers.endsWith(".jsonl");
  try {
    if (jsonl) return parseJsonl(typeof answers === "string" ? answers : decodeUtf8(answers));
    return Frame.fromCsv(answers, { file: "answers" });
  } catch (caught) {
    if (caught instanceof MlegradeError && !(caught instanceof AnswersError)) {
      throw new AnswersError(`answers for ${competition.id}: ${caught.message}`, caught.issues);
    }
    throw caught;
  }
}

/** Parses JSON Lines (blank lines skipped); throws AnswersError naming the bad line. */
export function parseJsonl(text: string): JsonRecord[] {
  const records: JsonRecord[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      records.push(JSON.parse(line) as JsonRecord);
    } catch (caught) {
      throw new AnswersError(`answers line ${i + 1}: expected a JSON object, got ${(caught as Error).message}`);
    }
  }
  return records;
}

function loadLeaderboard(leaderboard: GradeOptions["leaderboard"]): Leaderboard | null {
  if (leaderboard === undefined || leaderboard === null) return null;
  if (typeof leaderboard === "string" || leaderboard instanceof Uint8Array) return parseLeaderboard(leaderboard);
  return leaderboard;
}

/** `datetime.now().isoformat()`: local time, microseconds, no time zone. */
export function pythonIsoformat(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}000`
  );
}
