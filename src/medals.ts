/**
 * Kaggle medal thresholds as MLE-bench computes them (`Grader.rank_score` in `grade_helpers.py`),
 * plus the rank and percentile a score would take.
 *
 * Kaggle's progression rules give medals by leaderboard position, in four bands of team count n
 * (positions are 1-based and computed with truncating `int()` on a double product):
 *
 * | teams n          | gold                 | silver              | bronze              |
 * |------------------|----------------------|---------------------|---------------------|
 * | 1 ≤ n < 100      | max(1, ⌊0.1n⌋)       | max(1, ⌊0.2n⌋)      | max(1, ⌊0.4n⌋)      |
 * | 100 ≤ n < 250    | 10                   | max(1, ⌊0.2n⌋)      | max(1, ⌊0.4n⌋)      |
 * | 250 ≤ n < 1000   | 10 + ⌊0.002n⌋        | 50                  | 100                 |
 * | n ≥ 1000         | 10 + ⌊0.002n⌋        | max(1, ⌊0.05n⌋)     | max(1, ⌊0.1n⌋)      |
 *
 * The threshold is the score at that position; a score equal to it earns the medal. Medals are
 * exclusive (gold, else silver, else bronze). The median threshold is pandas' median of the scores
 * (missing scores skipped, mean of the two middle values for an even count), and beating it is
 * strict. NaN scores and null scores earn nothing.
 *
 * Direction: MLE-bench infers "lower is better" when the first leaderboard score is strictly below
 * the last (`mlebench` mode). In `kaggle` mode the competition's declared direction is used and
 * competitions that do not award medals get none.
 */
import { LeaderboardError } from "./errors.js";
import { Frame } from "./table/frame.js";

export interface Leaderboard {
  /** Scores in leaderboard order, best team first; NaN where a team has no score. */
  readonly scores: Float64Array;
}

export type Direction = "maximize" | "minimize";
export type GradingMode = "mlebench" | "kaggle";

export interface Thresholds {
  gold: number;
  silver: number;
  bronze: number;
  median: number;
  isLowerBetter: boolean;
  /** Number of teams (rows), including teams without a score. */
  teams: number;
  /** 1-based positions the thresholds were read from. */
  positions: { gold: number; silver: number; bronze: number };
}

export interface Placement {
  gold: boolean;
  silver: boolean;
  bronze: boolean;
  anyMedal: boolean;
  aboveMedian: boolean;
  /** 1-based position the score would take: one more than the number of teams strictly better. */
  rank: number | null;
  /** Percentage of leaderboard teams with a strictly worse score (NaN scores count as worse). */
  percentile: number | null;
}

/** Reads a Kaggle leaderboard CSV (needs a `score` column; rows best first). */
export function parseLeaderboard(input: string | Uint8Array, file = "leaderboard.csv"): Leaderboard {
  let frame: Frame;
  try {
    frame = Frame.fromCsv(input, { file });
  } catch (error) {
    throw new LeaderboardError(`${file}: ${(error as Error).message}`);
  }
  if (!frame.has("score")) {
    throw new LeaderboardError(`${file}: expected a "score" column, got columns ${JSON.stringify(frame.columnNames)}`, [
      { code: "INVALID_LEADERBOARD", message: "missing score column", file, column: "score", expected: "a score column", received: frame.columnNames.join(",") },
    ]);
  }
  const column = frame.col("score");
  if (!column.values || column.dtype === "bool") {
    throw new LeaderboardError(`${file}: column "score": expected numbers, got text`);
  }
  return { scores: Float64Array.from(column.values) };
}

/** A leaderboard from a plain list of scores, best first (for "what if" studies). */
export function leaderboardFromScores(scores: ArrayLike<number>): Leaderboard {
  return { scores: Float64Array.from(scores) };
}

/** MLE-bench's direction rule: lower is better iff the first score is strictly below the last. */
export function inferLowerIsBetter(leaderboard: Leaderboard): boolean {
  const { scores } = leaderboard;
  if (scores.length === 0) throw new LeaderboardError("leaderboard: expected at least one team, got none");
  return scores[0]! < scores[scores.length - 1]!;
}

/** The 1-based medal positions for a leaderboard of n teams (Kaggle progression bands). */
export function medalPositions(teams: number): { gold: number; silver: number; bronze: number } {
  if (!(teams >= 1) || !Number.isInteger(teams)) {
    throw new LeaderboardError(`leaderboard: expected at least one team, got ${teams}`);
  }
  const at = (fraction: number) => Math.max(1, Math.trunc(teams * fraction));
  if (teams < 100) return { gold: at(0.1), silver: at(0.2), bronze: at(0.4) };
  if (teams < 250) return { gold: 10, silver: at(0.2), bronze: at(0.4) };
  if (teams < 1000) return { gold: 10 + Math.trunc(teams * 0.002), silver: 50, bronze: 100 };
  return { gold: 10 + Math.trunc(teams * 0.002), silver: at(0.05), bronze: at(0.1) };
}

/** pandas `Series.median()`: NaN skipped; mean of the two middle values for an even count; NaN if empty. */
export function pandasMedian(values: ArrayLike<number>): number {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) present.push(values[i]!);
  if (present.length === 0) return NaN;
  const sorted = Float64Array.from(present).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ThresholdOptions {
  /** `mlebench` infers the direction from the leaderboard; `kaggle` uses `direction`. */
  mode?: GradingMode;
  /** Declared direction, required in `kaggle` mode. */
  direction?: Direction;
}

/** Gold, silver, bronze and median thresholds of a leaderboard. */
export function computeThresholds(leaderboard: Leaderboard, options: ThresholdOptions = {}): Thresholds {
  const { scores } = leaderboard;
  const teams = scores.length;
  const positions = medalPositions(teams);
  const mode = options.mode ?? "mlebench";
  let isLowerBetter: boolean;
  if (mode === "kaggle") {
    if (!options.direction) throw new LeaderboardError("kaggle mode needs the competition's declared direction");
    isLowerBetter = options.direction === "minimize";
  } else {
    isLowerBetter = inferLowerIsBetter(leaderboard);
  }
  return {
    gold: scores[positions.gold - 1]!,
    silver: scores[positions.silver - 1]!,
    bronze: scores[positions.bronze - 1]!,
    median: pandasMedian(scores),
    isLowerBetter,
    teams,
    positions,
  };
}

/**
 * Where a score lands: medals (inclusive thresholds, exclusive medals), above-median (strict),
 * rank and percentile. A null or NaN score earns nothing and has no rank.
 */
export function placeScore(score: number | null, thresholds: Thresholds, leaderboard?: Leaderboard, options: { awardsMedals?: boolean } = {}): Placement {
  const none: Placement = { gold: false, silver: false, bronze: false, anyMedal: false, aboveMedian: false, rank: null, percentile: null };
  if (score === null || Number.isNaN(score)) return none;
  const better = thresholds.isLowerBetter ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  const atLeast = (a: number, b: number) => a === b || better(a, b);
  const medals = options.awardsMedals ?? true;
  const gold = medals && atLeast(score, thresholds.gold);
  const silver = medals && !gold && atLeast(score, thresholds.silver);
  const bronze = medals && !gold && !silver && atLeast(score, thresholds.bronze);
  const aboveMedian = better(score, thresholds.median);
  let rank: number | null = null;
  let percentile: number | null = null;
  if (leaderboard) {
    let ahead = 0;
    let behind = 0;
    for (const other of leaderboard.scores) {
      if (Number.isNaN(other) || better(score, other)) behind++;
      else if (better(other, score)) ahead++;
    }
    rank = ahead + 1;
    percentile = leaderboard.scores.length === 0 ? null : (100 * behind) / leaderboard.scores.length;
  }
  return { gold, silver, bronze, anyMedal: gold || silver || bronze, aboveMedian, rank, percentile };
}

/**
 * A leaderboard of `teams` teams with the same score distribution as `leaderboard`: the score at
 * position i is read by linear interpolation at the matching fraction of the original ranking
 * (first and last positions map to the original best and worst). For "what if this competition had
 * n teams" studies; teams without a score are dropped first.
 */
export function resampleLeaderboard(leaderboard: Leaderboard, teams: number): Leaderboard {
  if (!(teams >= 1) || !Number.isInteger(teams)) throw new LeaderboardError(`resample: expected a positive whole number of teams, got ${teams}`);
  const scored = Array.from(leaderboard.scores).filter((s) => !Number.isNaN(s));
  if (scored.length === 0) throw new LeaderboardError("resample: the leaderboard has no scores");
  const out = new Float64Array(teams);
  for (let i = 0; i < teams; i++) {
    const at = teams === 1 ? 0 : (i * (scored.length - 1)) / (teams - 1);
    const lo = Math.floor(at);
    const hi = Math.min(scored.length - 1, lo + 1);
    out[i] = scored[lo]! + (scored[hi]! - scored[lo]!) * (at - lo);
  }
  return { scores: out };
}

export interface ThresholdPoint extends Thresholds {
  /** Fraction of teams that earn at least each medal. */
  fractions: { gold: number; silver: number; bronze: number };
}

/**
 * How the thresholds move with the number of teams: for each team count, the leaderboard resampled
 * to that size (see {@link resampleLeaderboard}) and its thresholds.
 */
export function thresholdCurve(leaderboard: Leaderboard, teamCounts: readonly number[], options: ThresholdOptions = {}): ThresholdPoint[] {
  return teamCounts.map((teams) => {
    const thresholds = computeThresholds(resampleLeaderboard(leaderboard, teams), options);
    const { gold, silver, bronze } = thresholds.positions;
    return { ...thresholds, fractions: { gold: gold / teams, silver: silver / teams, bronze: bronze / teams } };
  });
}
