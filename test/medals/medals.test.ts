/** Medal rules on hand-checked cases: band boundaries, ties, strict median, NaN, direction, what-if helpers. */
import { describe, expect, it } from "vitest";
import {
  computeThresholds,
  inferLowerIsBetter,
  leaderboardFromScores,
  medalPositions,
  pandasMedian,
  placeScore,
  resampleLeaderboard,
  thresholdCurve,
} from "../../src/medals.js";

describe("medalPositions (Kaggle progression bands)", () => {
  it.each([
    [1, 1, 1, 1],
    [9, 1, 1, 3],
    [10, 1, 2, 4],
    [99, 9, 19, 39],
    [100, 10, 20, 40],
    [249, 10, 49, 99],
    [250, 10, 50, 100],
    [999, 11, 50, 100],
    [1000, 12, 50, 100],
    [5000, 20, 250, 500],
  ])("%i teams → gold %i, silver %i, bronze %i", (teams, gold, silver, bronze) => {
    expect(medalPositions(teams)).toEqual({ gold, silver, bronze });
  });
  it("rejects an empty leaderboard", () => {
    expect(() => medalPositions(0)).toThrow(/at least one team/);
  });
});

describe("thresholds and placement", () => {
  // 10 teams, higher is better: gold = position 1, silver = 2, bronze = 4.
  const lb = leaderboardFromScores([0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5]);
  const t = computeThresholds(lb);

  it("reads the scores at the positions; median is pandas' (mean of the middle two)", () => {
    expect([t.gold, t.silver, t.bronze, t.median, t.isLowerBetter]).toEqual([0.95, 0.9, 0.8, 0.725, false]);
  });
  it("a tie with the threshold earns the medal; medals are exclusive", () => {
    expect(placeScore(0.95, t, lb)).toMatchObject({ gold: true, silver: false, bronze: false, anyMedal: true, rank: 1 });
    expect(placeScore(0.9, t, lb)).toMatchObject({ gold: false, silver: true, bronze: false, rank: 2 });
    expect(placeScore(0.8, t, lb)).toMatchObject({ silver: false, bronze: true, rank: 4, percentile: 60 });
    expect(placeScore(0.79, t, lb)).toMatchObject({ anyMedal: false, aboveMedian: true, rank: 5 });
  });
  it("above median is strict; null and NaN scores earn nothing", () => {
    expect(placeScore(0.725, t, lb).aboveMedian).toBe(false);
    expect(placeScore(null, t, lb)).toMatchObject({ anyMedal: false, aboveMedian: false, rank: null });
    expect(placeScore(NaN, t, lb)).toMatchObject({ anyMedal: false, aboveMedian: false, rank: null });
  });
  it("lower is better when the first score is strictly below the last", () => {
    const low = leaderboardFromScores([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(inferLowerIsBetter(low)).toBe(true);
    const tl = computeThresholds(low);
    expect(placeScore(0.1, tl, low).gold).toBe(true);
    // 5 teams: gold and silver at position 1 (0.1), bronze at position 2 (0.2).
    expect(placeScore(0.2, tl, low)).toMatchObject({ gold: false, silver: false, bronze: true, aboveMedian: true, rank: 2 });
    expect(placeScore(0.25, tl, low)).toMatchObject({ anyMedal: false, aboveMedian: true, rank: 3 });
    // A flat leaderboard reads as higher-is-better, as MLE-bench's strict comparison does.
    expect(inferLowerIsBetter(leaderboardFromScores([1, 1, 1]))).toBe(false);
  });
  it("kaggle mode uses the declared direction and medal eligibility", () => {
    const tk = computeThresholds(lb, { mode: "kaggle", direction: "minimize" });
    expect(tk.isLowerBetter).toBe(true);
    expect(placeScore(0.95, t, lb, { awardsMedals: false })).toMatchObject({ anyMedal: false, aboveMedian: true });
  });
  it("teams without a score count in n but not in the median", () => {
    const withNaN = leaderboardFromScores([0.9, 0.8, NaN, 0.6]);
    expect(pandasMedian(withNaN.scores)).toBe(0.8);
    expect(computeThresholds(withNaN).teams).toBe(4);
    expect(placeScore(0.7, computeThresholds(withNaN), withNaN).percentile).toBe(50);
  });
});

describe("what-if helpers", () => {
  const lb = leaderboardFromScores([0.9, 0.8, 0.7, 0.6, 0.5]);
  it("resampling to the same size is the identity; endpoints are kept", () => {
    expect(Array.from(resampleLeaderboard(lb, 5).scores)).toEqual([0.9, 0.8, 0.7, 0.6, 0.5]);
    const nine = Array.from(resampleLeaderboard(lb, 9).scores);
    expect(nine[0]).toBe(0.9);
    expect(nine[8]).toBe(0.5);
    expect(nine[1]).toBeCloseTo(0.85, 14);
  });
  it("thresholdCurve reports thresholds and medal fractions per team count", () => {
    const curve = thresholdCurve(lb, [10, 1000]);
    expect(curve.map((p) => p.teams)).toEqual([10, 1000]);
    expect(curve[1]!.positions).toEqual({ gold: 12, silver: 50, bronze: 100 });
    expect(curve[1]!.fractions).toEqual({ gold: 0.012, silver: 0.05, bronze: 0.1 });
  });
});
