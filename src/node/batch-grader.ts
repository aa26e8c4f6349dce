/**
 * Grades batch jobs one at a time with per-competition caches (parsed answers, leaderboards), in
 * the main thread or inside a worker (`batch-worker.ts`). Never throws: a job that cannot be graded
 * becomes a report carrying the error.
 */
import { existsSync } from "node:fs";
import type { Answers, CompetitionDefinition } from "../competitions/define.js";
import { getCompetition } from "../competitions/index.js";
import { MlegradeError } from "../errors.js";
import { pythonIsoformat, signature, type GradeReport } from "../grader/grade.js";
import type { GradingMode, Leaderboard } from "../medals.js";
import { gradeFile, loadAnswersFile, resolveAnswersPath, resolveLeaderboard } from "./files.js";

export interface BatchJob {
  index: number;
  competition_id: string;
  submission_path: string;
  dataDir: string;
  leaderboardsDir?: string;
  mode: GradingMode;
}

/** A report for a submission whose grading could not run (unknown competition, missing answers, a bug). */
export function failedReport(job: Pick<BatchJob, "competition_id" | "submission_path" | "mode">, error: unknown): GradeReport {
  let competition: CompetitionDefinition | undefined;
  try {
    competition = getCompetition(job.competition_id);
  } catch {
    competition = undefined;
  }
  const known = error instanceof MlegradeError;
  return {
    competition_id: job.competition_id,
    score: null,
    gold_threshold: null,
    silver_threshold: null,
    bronze_threshold: null,
    median_threshold: null,
    any_medal: false,
    gold_medal: false,
    silver_medal: false,
    bronze_medal: false,
    above_median: false,
    submission_exists: existsSync(job.submission_path),
    valid_submission: false,
    is_lower_better: competition?.direction === "minimize",
    created_at: pythonIsoformat(new Date()),
    submission_path: job.submission_path,
    raw_score: null,
    outcome: "invalid",
    error: {
      code: known ? error.code : "INTERNAL",
      message: error instanceof Error ? error.message : String(error),
      issues: known ? error.issues : [],
      upstream: "error",
    },
    rank: null,
    percentile: null,
    leaderboard_size: null,
    mode: job.mode,
    signature: competition ? signature(competition, job.mode) : "",
    warnings: [],
  };
}

/** A grading function with caches that live as long as it does. */
export function createBatchGrader(): (job: BatchJob) => GradeReport {
  const answers = new Map<string, Answers>();
  const leaderboards = new Map<string, Leaderboard | null>();
  return (job) => {
    try {
      const competition = getCompetition(job.competition_id);
      let parsed = answers.get(competition.id);
      if (!parsed) {
        parsed = loadAnswersFile(competition, resolveAnswersPath(competition, { dataDir: job.dataDir }));
        answers.set(competition.id, parsed);
      }
      let leaderboard = leaderboards.get(competition.id);
      if (leaderboard === undefined) {
        leaderboard = resolveLeaderboard(competition.id, { leaderboardsDir: job.leaderboardsDir });
        leaderboards.set(competition.id, leaderboard);
      }
      return gradeFile({ competition, submissionPath: job.submission_path, answers: parsed, leaderboard, mode: job.mode });
    } catch (error) {
      return failedReport(job, error);
    }
  };
}
