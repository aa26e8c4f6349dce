/**
 * mlegrade: grade machine-learning competition submissions exactly as MLE-bench does.
 *
 * This entry is platform-neutral (browser, Deno, Node): it takes text, bytes or parsed tables,
 * never file paths. File-system helpers and the CLI live in `mlegrade/node`.
 */
export { VERSION as version, VERSION } from "./version.js";

export { grade, safeGrade, buildReport, signature, parseJsonl, loadAnswers } from "./grader/grade.js";
export type { GradeOptions, GradeReport, ReportError, SafeGradeResult } from "./grader/grade.js";
export { stringifyReport, toJsonValue } from "./grader/json.js";

export { validate, Validation } from "./validate/validate.js";
export type { GraderVerdict, ValidateOptions, ValidationReport, ValidationSetup } from "./validate/validate.js";
export type { IssueOrigin, Severity, ValidationIssue } from "./validate/issues.js";
export { participantText, participantIssue } from "./validate/participant.js";

export { aggregate, buildSeeds, meanWithError, orderReports, passAtK, seedMetrics } from "./aggregate.js";
export type { AggregateOptions, AggregateResult, AggregateStatistic, PassAtK, ReportFlags, SeedMetrics } from "./aggregate.js";

export { renderReportHtml, distributionChart } from "./report/html.js";
export type { ReportForPage, ReportPageOptions } from "./report/html.js";

export { getCompetition, listCompetitions, COMPETITIONS } from "./competitions/index.js";
export { checkCompetition, defineCompetition, splitsOf, SPLITS } from "./competitions/define.js";
export type {
  Answers,
  ColumnKind,
  ColumnSpec,
  CompetitionDefinition,
  CompetitionMeta,
  GradeContext,
  GradeFunction,
  JsonRecord,
  Split,
  SplitQuery,
} from "./competitions/define.js";

export {
  computeThresholds,
  computeThresholds as thresholds,
  inferLowerIsBetter,
  leaderboardFromScores,
  medalPositions,
  pandasMedian,
  parseLeaderboard,
  placeScore,
  resampleLeaderboard,
  thresholdCurve,
} from "./medals.js";
export type { Direction, GradingMode, Leaderboard, Placement, ThresholdOptions, ThresholdPoint, Thresholds } from "./medals.js";

export { mlebenchRound, numpyRound, pythonRound } from "./rounding.js";
export type { RoundingKind } from "./rounding.js";

export { Frame } from "./table/frame.js";
export type { ReadCsvOptions } from "./table/frame.js";
export { Column } from "./table/column.js";
export type { Cell, Dtype } from "./table/column.js";

export {
  AnswersError,
  DefinitionError,
  LeaderboardError,
  MetricError,
  MlegradeError,
  OptionsError,
  SubmissionError,
  UnknownCompetitionError,
  UnknownMetricError,
  UsageError,
  SUBMISSION_CODES,
  SYSTEM_CODES,
  isMlegradeError,
} from "./errors.js";
export type { ErrorCode, Issue, SubmissionErrorCode, SystemErrorCode, UpstreamOutcome } from "./errors.js";

export { getMetric, listMetrics } from "../metrics/index.js";
export type { AnyMetric, MetricDescriptor, MetricId } from "../metrics/index.js";
