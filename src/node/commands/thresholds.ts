import { getCompetition } from "../../competitions/index.js";
import { stringifyReport } from "../../grader/json.js";
import { computeThresholds, placeScore } from "../../medals.js";
import { UsageError } from "../../errors.js";
import { formatNumber } from "../format.js";
import { EXIT, modeOption, optionalString, required, type Command } from "../cli-kit.js";
import { loadLeaderboardFile } from "../files.js";

export const thresholdsCommand: Command = {
  name: "thresholds",
  summary: "gold/silver/bronze/median thresholds of a leaderboard; with --score, the medal, rank and percentile",
  usage: "thresholds --leaderboard FILE [--competition ID] [--score X] [--mode mlebench|kaggle] [--json]",
  help: [
    ["--leaderboard FILE", "Kaggle leaderboard CSV (a score column, best team first)"],
    ["--competition ID", "competition id: names the output and gives the declared direction in kaggle mode"],
    ["--score X", "a score to place on the leaderboard"],
    ["--mode MODE", "mlebench (default: direction inferred from the leaderboard) or kaggle (declared direction)"],
    ["--json", "print one JSON object"],
  ],
  options: {
    leaderboard: { type: "string" },
    competition: { type: "string" },
    score: { type: "string" },
    mode: { type: "string" },
    json: { type: "boolean" },
  },
  run(values, _positionals, io) {
    const leaderboardPath = required(values, "leaderboard", "thresholds");
    const mode = modeOption(values, "thresholds");
    const competitionId = optionalString(values, "competition");
    const competition = competitionId ? getCompetition(competitionId) : undefined;
    if (mode === "kaggle" && !competition) throw new UsageError("thresholds: --mode kaggle needs --competition ID for the declared direction");
    const scoreText = optionalString(values, "score");
    const score = scoreText === undefined ? undefined : Number(scoreText);
    if (score !== undefined && (scoreText!.trim() === "" || Number.isNaN(score))) throw new UsageError(`thresholds: --score must be a number, got ${JSON.stringify(scoreText)}`);

    const leaderboard = loadLeaderboardFile(leaderboardPath);
    const t = computeThresholds(leaderboard, { mode, direction: competition?.direction });
    const out: Record<string, unknown> = {
      competition_id: competition?.id ?? null,
      gold_threshold: t.gold,
      silver_threshold: t.silver,
      bronze_threshold: t.bronze,
      median_threshold: t.median,
      is_lower_better: t.isLowerBetter,
      leaderboard_size: t.teams,
      positions: t.positions,
      mode,
    };
    if (score !== undefined) {
      const p = placeScore(score, t, leaderboard, { awardsMedals: mode === "kaggle" ? competition!.awardsMedals : true });
      Object.assign(out, {
        score,
        any_medal: p.anyMedal,
        gold_medal: p.gold,
        silver_medal: p.silver,
        bronze_medal: p.bronze,
        above_median: p.aboveMedian,
        rank: p.rank,
        percentile: p.percentile,
      });
    }
    if (values.json) {
      io.stdout(stringifyReport(out) + "\n");
      return EXIT.ok;
    }
    const cmp = t.isLowerBetter ? "≤" : "≥";
    io.stdout(`${competition ? `${competition.id}: ` : ""}${t.teams} teams, ${t.isLowerBetter ? "lower" : "higher"} is better\n`);
    io.stdout(`  gold    ${cmp} ${formatNumber(t.gold, 10)}  (position ${t.positions.gold})\n`);
    io.stdout(`  silver  ${cmp} ${formatNumber(t.silver, 10)}  (position ${t.positions.silver})\n`);
    io.stdout(`  bronze  ${cmp} ${formatNumber(t.bronze, 10)}  (position ${t.positions.bronze})\n`);
    io.stdout(`  median    ${formatNumber(t.median, 10)}\n`);
    if (score !== undefined) {
      const medal = out.gold_medal ? "gold" : out.silver_medal ? "silver" : out.bronze_medal ? "bronze" : "none";
      io.stdout(`score ${formatNumber(score, 10)}: medal ${medal}, ${out.above_median ? "above" : "not above"} median, rank ${out.rank} of ${t.teams} (better than ${formatNumber(out.percentile as number, 1)}%)\n`);
    }
    return EXIT.ok;
  },
};
