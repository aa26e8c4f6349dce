/**
 * Aggregation of grading reports into the headline numbers of MLE-bench's leaderboard, with the
 * same rules as its `experiments/aggregate_grading_reports.py`:
 *
 * - Reports are taken in order (grading-report files sorted by path, and within each file the
 *   competition reports sorted by competition id); the k-th report of each competition is seed k.
 * - By default only complete seeds count: the number of seeds is the smallest report count over the
 *   split's competitions, and a competition with no report at all is an error. With `padMissing`,
 *   the number of seeds is the largest count and gaps are filled with failed runs.
 * - Per seed, each rate is `count / competitions × 100`.
 * - Across seeds: the mean, the standard error of the mean (sample standard deviation with
 *   ddof = 1, divided by √seeds; 0 for a single seed) and mean ∓ 1.96 · SEM.
 *
 * pass@k (our addition) uses every attempt of a competition: with n attempts of which c succeed,
 * pass@k = 1 − C(n−c, k) / C(n, k) (the unbiased estimator of Chen et al., 2021), averaged over
 * the split's competitions.
 */
import { UsageError } from "./errors.js";
import { numpyMean, numpySum } from "./_internal/numeric.js";

/** The fields of a competition report that aggregation reads. */
export interface ReportFlags {
  competition_id: string;
  gold_medal: boolean;
  silver_medal: boolean;
  bronze_medal: boolean;
  above_median: boolean;
  submission_exists: boolean;
  valid_submission: boolean;
}

/** Per-seed rates, in MLE-bench's field order. */
export interface SeedMetrics {
  total_competitions: number;
  submission_exists_percentage: number;
  valid_submissions_percentage: number;
  above_median_percentage: number;
  gold_medal_percentage: number;
  silver_medal_percentage: number;
  bronze_medal_percentage: number;
  any_medal_percentage: number;
}

export type SeedMetricName = keyof SeedMetrics;

export interface AggregateStatistic {
  mean: number;
  ci_lower: number;
  ci_upper: number;
  standard_error: number;
}

export interface PassAtK {
  k: number;
  /** Competitions averaged over. */
  num_competitions: number;
  any_medal_percentage: number;
  gold_medal_percentage: number;
  silver_medal_percentage: number;
  bronze_medal_percentage: number;
  above_median_percentage: number;
  valid_submissions_percentage: number;
  submission_exists_percentage: number;
}

export interface AggregateResult {
  split: string;
  num_seeds_averaged: number;
  num_competitions_per_seed: number;
  metrics: Record<SeedMetricName, AggregateStatistic>;
  /** The per-seed rates the statistics were computed from. */
  seeds: SeedMetrics[];
  pass_at_k: PassAtK | null;
}

export interface AggregateOptions {
  /** The split's competition ids, in the split's order. */
  competitionIds: readonly string[];
  /** Name shown in the result (e.g. "low", "split75", or a file name). */
  split?: string;
  /** Fill missing runs with failures instead of keeping only complete seeds. */
  padMissing?: boolean;
  /** Use only the first n seeds (default: all available). */
  numSeeds?: number;
  /** Also compute pass@k over the attempts of each competition. */
  k?: number;
}

const FAILED: Omit<ReportFlags, "competition_id"> = {
  gold_medal: false,
  silver_medal: false,
  bronze_medal: false,
  above_median: false,
  submission_exists: false,
  valid_submission: false,
};

/**
 * Orders reports the way MLE-bench's aggregation reads them: files in sorted path order, and the
 * reports of each file by competition id (a stable sort).
 */
export function orderReports<R extends ReportFlags>(files: ReadonlyArray<{ path: string; reports: readonly R[] }>): R[] {
  const sortedFiles = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sortedFiles.flatMap((file) => [...file.reports].sort((a, b) => (String(a.competition_id) < String(b.competition_id) ? -1 : String(a.competition_id) > String(b.competition_id) ? 1 : 0)));
}

/** Groups reports into seeds: seed k holds the k-th report of each competition. */
export function buildSeeds(reports: readonly ReportFlags[], options: AggregateOptions): ReportFlags[][] {
  const byCompetition = new Map<string, ReportFlags[]>(options.competitionIds.map((id) => [id, []]));
  for (const report of reports) byCompetition.get(String(report.competition_id))?.push(report);
  const counts = options.competitionIds.map((id) => byCompetition.get(id)!.length);
  if (counts.length === 0) throw new UsageError("aggregate: the split names no competitions");
  const missing = options.competitionIds.filter((id) => byCompetition.get(id)!.length === 0);
  if (missing.length > 0 && !options.padMissing) {
    throw new UsageError(`aggregate: no report for ${missing.length} competition(s) of the split (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}); pass --pad-missing to count them as failed runs`);
  }
  const available = options.padMissing ? Math.max(...counts) : Math.min(...counts);
  if (available === 0) throw new UsageError("aggregate: no reports to form a seed");
  const wanted = options.numSeeds ?? available;
  if (wanted > available) throw new UsageError(`aggregate: ${wanted} seeds requested, but only ${available} ${options.padMissing ? "" : "complete "}seeds are available`);
  const seeds: ReportFlags[][] = [];
  for (let seed = 0; seed < wanted; seed++) {
    seeds.push(options.competitionIds.map((id) => byCompetition.get(id)![seed] ?? { competition_id: id, ...FAILED }));
  }
  return seeds;
}

/** The rates of one seed. */
export function seedMetrics(seed: readonly ReportFlags[]): SeedMetrics {
  const n = seed.length;
  const rate = (test: (r: ReportFlags) => boolean) => (seed.filter(test).length / n) * 100;
  return {
    total_competitions: n,
    submission_exists_percentage: rate((r) => r.submission_exists),
    valid_submissions_percentage: rate((r) => r.valid_submission),
    above_median_percentage: rate((r) => r.above_median),
    gold_medal_percentage: rate((r) => r.gold_medal),
    silver_medal_percentage: rate((r) => r.silver_medal),
    bronze_medal_percentage: rate((r) => r.bronze_medal),
    any_medal_percentage: rate((r) => r.gold_medal || r.silver_medal || r.bronze_medal),
  };
}

/** Mean, standard error (ddof = 1; 0 for one value) and the 95% interval mean ∓ 1.96 · SEM. */
export function meanWithError(values: readonly number[]): AggregateStatistic {
  const mean = numpyMean(values);
  let sem = 0;
  if (values.length > 1) {
    const squares = values.map((v) => (v - mean) * (v - mean));
    sem = Math.sqrt(numpySum(squares) / (values.length - 1)) / Math.sqrt(values.length);
  }
  return { mean, ci_lower: mean - 1.96 * sem, ci_upper: mean + 1.96 * sem, standard_error: sem };
}

/** Unbiased pass@k for n attempts with c successes: 1 − C(n−c, k)/C(n, k). */
export function passAtK(n: number, c: number, k: number): number {
  if (k > n) throw new UsageError(`pass@k needs at least k = ${k} attempts, got ${n}`);
  if (n - c < k) return 1;
  let fail = 1;
  for (let i = n - c + 1; i <= n; i++) fail *= 1 - k / i;
  return 1 - fail;
}

function passAtKMetrics(reports: readonly ReportFlags[], options: AggregateOptions, k: number): PassAtK {
  const attempts = new Map<string, ReportFlags[]>(options.competitionIds.map((id) => [id, []]));
  for (const report of reports) attempts.get(String(report.competition_id))?.push(report);
  const ids = options.competitionIds;
  const short = ids.filter((id) => attempts.get(id)!.length < k);
  if (short.length > 0 && !options.padMissing) {
    throw new UsageError(`aggregate: pass@${k} needs ${k} attempts per competition; ${short.length} competition(s) have fewer (${short.slice(0, 5).join(", ")}); pass --pad-missing to count missing attempts as failures`);
  }
  const rate = (test: (r: ReportFlags) => boolean) => {
    let total = 0;
    for (const id of ids) {
      const runs = attempts.get(id)!;
      const n = Math.max(runs.length, k);
      total += passAtK(n, runs.filter(test).length, k);
    }
    return (total / ids.length) * 100;
  };
  return {
    k,
    num_competitions: ids.length,
    any_medal_percentage: rate((r) => r.gold_medal || r.silver_medal || r.bronze_medal),
    gold_medal_percentage: rate((r) => r.gold_medal),
    silver_medal_percentage: rate((r) => r.silver_medal),
    bronze_medal_percentage: rate((r) => r.bronze_medal),
    above_median_percentage: rate((r) => r.above_median),
    valid_submissions_percentage: rate((r) => r.valid_submission),
    submission_exists_percentage: rate((r) => r.submission_exists),
  };
}

/** Aggregates reports (already in MLE-bench's reading order, see {@link orderReports}) over a split. */
export function aggregate(reports: readonly ReportFlags[], options: AggregateOptions): AggregateResult {
  const seeds = buildSeeds(reports, options).map(seedMetrics);
  const names = Object.keys(seeds[0]!) as SeedMetricName[];
  const metrics = Object.fromEntries(names.map((name) => [name, meanWithError(seeds.map((s) => s[name]))])) as Record<SeedMetricName, AggregateStatistic>;
  return {
    split: options.split ?? "custom",
    num_seeds_averaged: seeds.length,
    num_competitions_per_seed: options.competitionIds.length,
    metrics,
    seeds,
    pass_at_k: options.k !== undefined ? passAtKMetrics(reports, options, options.k) : null,
  };
}
