/**
 * The official medal thresholds (`../shared/leaderboards/thresholds-reference.csv`, written by
 * MLE-bench's own grader into published reports) recomputed from the 81 leaderboard files, all
 * five values exact; the same through the CLI.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeThresholds, parseLeaderboard } from "../../src/index.js";
import { run } from "../../src/node/cli.js";
import { readSimpleCsv } from "../helpers/csv.js";
import { LEADERBOARDS, hasShared } from "../helpers/shared.js";
import { captureIO } from "../helpers/io.js";

const reference = hasShared ? readSimpleCsv(join(LEADERBOARDS, "thresholds-reference.csv")) : [];
const withFile = reference.filter((row) => existsSync(join(LEADERBOARDS, `${row.competition_id}.csv`)));

describe.skipIf(!hasShared)("thresholds reproduce MLE-bench's published values", () => {
  it("covers the 81 verified leaderboard files", () => {
    expect(withFile).toHaveLength(81);
  });

  for (const row of withFile) {
    it(`${row.competition_id} (API)`, () => {
      const leaderboard = parseLeaderboard(readFileSync(join(LEADERBOARDS, `${row.competition_id}.csv`)));
      const t = computeThresholds(leaderboard);
      expect([t.gold, t.silver, t.bronze, t.median, t.isLowerBetter]).toEqual([
        Number(row.gold_threshold),
        Number(row.silver_threshold),
        Number(row.bronze_threshold),
        Number(row.median_threshold),
        row.is_lower_better === "True",
      ]);
    });
  }

  it("all 81 through the CLI with --json", async () => {
    for (const row of withFile) {
      const io = captureIO();
      const code = await run(["thresholds", "--leaderboard", join(LEADERBOARDS, `${row.competition_id}.csv`), "--json"], io);
      expect(code, io.err()).toBe(0);
      const out = JSON.parse(io.out());
      expect([out.gold_threshold, out.silver_threshold, out.bronze_threshold, out.median_threshold, out.is_lower_better], row.competition_id).toEqual([
        Number(row.gold_threshold),
        Number(row.silver_threshold),
        Number(row.bronze_threshold),
        Number(row.median_threshold),
        row.is_lower_better === "True",
      ]);
    }
  });

  it("reproduces ventilator-pressure-prediction from its unverified rank/score copy", () => {
    const row = reference.find((r) => r.competition_id === "ventilator-pressure-prediction")!;
    const leaderboard = parseLeaderboard(readFileSync(join(LEADERBOARDS, "unverified", "ventilator-pressure-prediction.mle-dojo-private-rank-score.csv")));
    const t = computeThresholds(leaderboard);
    expect([t.gold, t.silver, t.bronze, t.median, t.isLowerBetter]).toEqual([
      Number(row.gold_threshold),
      Number(row.silver_threshold),
      Number(row.bronze_threshold),
      Number(row.median_threshold),
      true,
    ]);
  });
});
