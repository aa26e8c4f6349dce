/**
 * File-system side of grading (Node only): MLE-bench's data-dir layout, leaderboard folders, and
 * `gradeFile`, which reads the files and calls the platform-neutral `grade`.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompetitionDefinition } from "../competitions/define.js";
import { getCompetition } from "../competitions/index.js";
import { UsageError } from "../errors.js";
import { buildReport, grade, loadAnswers, toReportError, type GradeReport } from "../grader/grade.js";
import { MAX_CSV_BYTES, tooLargeError } from "../table/frame.js";
import { parseLeaderboard, type GradingMode, type Leaderboard } from "../medals.js";
import type { Answers } from "../competitions/define.js";

/** Reads a file, turning a missing file into a UsageError (exit code 2) that names it. */
export function readFileOrFail(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${what} not found: ${path}`, "FILE_NOT_FOUND");
    if (code === "EISDIR") throw new UsageError(`${what} is a folder, expected a file: ${path}`, "FILE_NOT_FOUND");
    throw new UsageError(`${what} could not be read: ${path}: ${(error as Error).message}`, "FILE_NOT_FOUND");
  }
}

/** Answers path inside an MLE-bench data dir (`<dir>/<id>/prepared/private/...`). */
export function answersPathIn(dataDir: string, competition: CompetitionDefinition): string {
  return join(dataDir, competition.answers);
}

export function sampleSubmissionPathIn(dataDir: string, competition: CompetitionDefinition): string {
  return join(dataDir, competition.sampleSubmission);
}

/**
 * The leaderboard file of a competition in a folder holding `<id>.csv` or `<id>/leaderboard.csv`
 * (so MLE-bench's `mlebench/competitions` folder works as is); undefined when neither exists.
 */
export function findLeaderboard(dir: string, competitionId: string): string | undefined {
  for (const candidate of [join(dir, `${competitionId}.csv`), join(dir, competitionId, "leaderboard.csv")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function loadLeaderboardFile(path: string): Leaderboard {
  return parseLeaderboard(readFileOrFail(path, "leaderboard"), path);
}

export interface GradeFileOptions {
  competition: string | CompetitionDefinition;
  submissionPath: string;
  /** Answers file; or give `dataDir`. */
  answersPath?: string;
  dataDir?: string;
  /** Answers already loaded (batch grading reuses them across submissions). */
  answers?: Answers;
  leaderboardPath?: string;
  leaderboardsDir?: string;
  leaderboard?: Leaderboard | null;
  mode?: GradingMode;
}

/** Resolves the answers file from `answersPath` or `dataDir`. */
export function resolveAnswersPath(competition: CompetitionDefinition, options: { answersPath?: string; dataDir?: string }): string {
  if (options.answersPath) return options.answersPath;
  if (options.dataDir) return answersPathIn(options.dataDir, competition);
  throw new UsageError("expected --answers FILE or --data-dir DIR");
}

/** Loads a competition's answers from disk. */
export function loadAnswersFile(competition: CompetitionDefinition, path: string): Answers {
  return loadAnswers(competition, readFileOrFail(path, "answers"));
}

/** Resolves the leaderboard from a file or a folder; null when none was given. */
export function resolveLeaderboard(competitionId: string, options: { leaderboardPath?: string; leaderboardsDir?: string }): Leaderboard | null {
  if (options.leaderboardPath) return loadLeaderboardFile(options.leaderboardPath);
  if (options.leaderboardsDir) {
    const path = findLeaderboard(options.leaderboardsDir, competitionId);
    if (!path) throw new UsageError(`no leaderboard for ${competitionId} in ${options.leaderboardsDir} (looked for ${competitionId}.csv and ${competitionId}/leaderboard.csv)`, "FILE_NOT_FOUND");
    return loadLeaderboardFile(path);
  }
  return null;
}

/**
 * Grades a submission file. Like MLE-bench, a path that is not an existing `.csv` file counts as no
 * submission (`submission_exists: false`).
 */
export function gradeFile(options: GradeFileOptions): GradeReport {
  const competition = typeof options.competition === "string" ? getCompetition(options.competition) : options.competition;
  const answers = options.answers ?? loadAnswersFile(competition, resolveAnswersPath(competition, options));
  const leaderboard = options.leaderboard !== undefined ? options.leaderboard : resolveLeaderboard(competition.id, options);
  const path = options.submissionPath;
  const exists = existsSync(path) && statSync(path).isFile() && extname(path).toLowerCase() === ".csv";
  if (exists && statSync(path).size > MAX_CSV_BYTES) {
    // Too large to read into memory: the verdict without reading it.
    const error = toReportError(tooLargeError(statSync(path).size, basename(path)), basename(path));
    return buildReport({ competition, mode: options.mode ?? "mlebench", rawScore: null, error, leaderboard, submissionPath: path, submissionExists: true });
  }
  return grade({
    competition,
    submission: exists ? readFileSync(path) : null,
    answers,
    leaderboard,
    mode: options.mode,
    submissionPath: path,
  });
}

/** Absolute path of a file shipped with the package (the demo fixtures). */
export function packagePath(...parts: string[]): string {
  return resolve(packageRoot(), ...parts);
}

function packageRoot(): string {
  // dist/<entry>.js and src/node/<file>.ts both sit two levels or fewer below the package root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, "package.json"))) return dir;
    dir = resolve(dir, "..");
  }
  return process.cwd();
}
