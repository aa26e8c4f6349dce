import { getCompetition } from "../../competitions/index.js";
import type { GradeReport } from "../../grader/grade.js";
import { stringifyReport } from "../../grader/json.js";
import { formatNumber } from "../format.js";
import { EXIT, modeOption, optionalString, required, type CliIO, type Command } from "../cli-kit.js";
import { gradeFile } from "../files.js";

export const gradeCommand: Command = {
  name: "grade",
  summary: "score one submission; with a leaderboard, medals, rank and percentile",
  usage: "grade --competition ID --submission FILE (--answers FILE | --data-dir DIR) [--leaderboard FILE | --leaderboards DIR] [--mode mlebench|kaggle] [--json]",
  help: [
    ["--competition ID", "competition id (see mlegrade list)"],
    ["--submission FILE", "the submission CSV"],
    ["--answers FILE", "the private answers file (.csv, or .jsonl where the competition uses JSONL)"],
    ["--data-dir DIR", "MLE-bench prepared data: answers read from DIR/<id>/prepared/private/..."],
    ["--leaderboard FILE", "Kaggle leaderboard CSV (a score column, best team first)"],
    ["--leaderboards DIR", "folder with <id>.csv or <id>/leaderboard.csv (MLE-bench's mlebench/competitions works)"],
    ["--mode MODE", "mlebench (default, bit-compatible) or kaggle (declared direction, medal eligibility)"],
    ["--json", "print the report as one JSON object"],
  ],
  options: {
    competition: { type: "string" },
    submission: { type: "string" },
    answers: { type: "string" },
    "data-dir": { type: "string" },
    leaderboard: { type: "string" },
    leaderboards: { type: "string" },
    mode: { type: "string" },
    json: { type: "boolean" },
  },
  run(values, _positionals, io) {
    const competition = getCompetition(required(values, "competition", "grade"));
    const report = gradeFile({
      competition,
      submissionPath: required(values, "submission", "grade"),
      answersPath: optionalString(values, "answers"),
      dataDir: optionalString(values, "data-dir"),
      leaderboardPath: optionalString(values, "leaderboard"),
      leaderboardsDir: optionalString(values, "leaderboards"),
      mode: modeOption(values, "grade"),
    });
    if (values.json) io.stdout(stringifyReport(report) + "\n");
    else printReport(report, io);
    return report.outcome === "score" ? EXIT.ok : EXIT.invalid;
  },
};

/** The human summary of a report: score, medal and rank, or why the submission is invalid. */
export function printReport(report: GradeReport, io: CliIO): void {
  const competition = getCompetition(report.competition_id);
  const direction = report.is_lower_better ? "lower is better" : "higher is better";
  if (report.outcome === "invalid") {
    const error = report.error!;
    io.stdout(`${report.competition_id}: invalid submission (${error.code})\n`);
    io.stdout(`  ${error.message}\n`);
    const shown = error.issues.slice(0, 10);
    if (error.issues.length > 1) for (const issue of shown) io.stdout(`  - ${issue.message}\n`);
    if (error.issues.length > shown.length) io.stdout(`  … and ${error.issues.length - shown.length} more\n`);
    return;
  }
  io.stdout(`${report.competition_id}: score ${formatNumber(report.score!)} (${competition.metric.id}, ${direction})\n`);
  if (report.leaderboard_size !== null) {
    const medal = report.gold_medal ? "gold" : report.silver_medal ? "silver" : report.bronze_medal ? "bronze" : "none";
    const cmp = report.is_lower_better ? "≤" : "≥";
    io.stdout(
      `  medal: ${medal}  (gold ${cmp} ${formatNumber(report.gold_threshold!)}, silver ${cmp} ${formatNumber(report.silver_threshold!)}, bronze ${cmp} ${formatNumber(report.bronze_threshold!)})\n`,
    );
    io.stdout(`  median: ${formatNumber(report.median_threshold!)}  ${report.above_median ? "above median" : "not above median"}\n`);
    io.stdout(`  rank: ${report.rank} of ${report.leaderboard_size} teams (better than ${formatNumber(report.percentile!, 1)}% of them)\n`);
  } else {
    io.stdout("  no leaderboard given: pass --leaderboard FILE or --leaderboards DIR for medals and rank\n");
  }
  for (const warning of report.warnings) io.stdout(`  warning: ${warning}\n`);
}
