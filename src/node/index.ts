/**
 * `mlegrade/node`: file-system loading, MLE-bench data dirs, leaderboard folders and the CLI.
 * Node only.
 */
export {
  answersPathIn,
  findLeaderboard,
  gradeFile,
  loadAnswersFile,
  loadLeaderboardFile,
  readFileOrFail,
  resolveAnswersPath,
  resolveLeaderboard,
  sampleSubmissionPathIn,
} from "./files.js";
export type { GradeFileOptions } from "./files.js";
export { validateFile, loadReferences } from "./validate-file.js";
export type { ValidateFileOptions } from "./validate-file.js";
export { serve } from "./serve.js";
export type { RunningServer, ServeOptions } from "./serve.js";
export { run, COMMANDS } from "./cli.js";
export type { CliIO } from "./cli.js";
export { gradeBatch, parseSubmissionsJsonl, summarizeReports, writeBatchReport, readGradingReport, mlebenchTimestamp } from "./batch.js";
export type { BatchEntry, BatchReport, GradeBatchOptions } from "./batch.js";
