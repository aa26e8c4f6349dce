import { MetricError } from "../src/errors.js";
import { numpyMean, pairwiseSum } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";

/**
 * Spearman's rank correlation coefficient: the Pearson correlation of the two inputs' ranks, with
 * tied values sharing their average rank.
 *
 * Formula: `ρ = cov(rank(x), rank(y)) / (σ_rank(x) · σ_rank(y))`. Direction: higher is better,
 * range [−1, 1].
 *
 * Edge cases (as scipy's `spearmanr`): fewer than two values, a constant input or any NaN returns
 * NaN; infinities are ranked like other values; inputs of different lengths throw
 * ROW_COUNT_MISMATCH.
 *
 * @see https://docs.scipy.org/doc/scipy-1.14.1/reference/generated/scipy.stats.spearmanr.html
 * @see docs/metrics/spearman-correlation.md
 * @throws MetricError ROW_COUNT_MISMATCH
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${n} values in both inputs, got ${n} and ${y.length}`);
  if (n <= 1) return NaN;
  if (isConstant(x) || isConstant(y) || hasNaN(x) || hasNaN(y)) return NaN;
  return correlationOfCentred(centred(averageRanks(x)), centred(averageRanks(y)));
}

/** Whether every value equals the first (`(a == a[0]).all()`: a leading NaN is never constant). */
export function isConstant(values: ArrayLike<number>): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return values.length === 0 || first === first;
}

function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) return true;
  return false;
}

/** 1-based ranks with ties given their average rank (scipy `rankdata(method="average")`); no NaN. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const rank = start + 1 + (end - start - 1) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

function centred(values: Float64Array): Float64Array {
  const mean = numpyMean(values);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i]! - mean;
  return out;
}

/** `np.corrcoef(x, y)[1, 0]` from centred inputs: covariance over the two standard deviations, clipped to [−1, 1]. */
function correlationOfCentred(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  const xy = new Float64Array(n);
  const xx = new Float64Array(n);
  const yy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xy[i] = x[i]! * y[i]!;
    xx[i] = x[i]! * x[i]!;
    yy[i] = y[i]! * y[i]!;
  }
  const factor = 1 / (n - 1);
  const r = (pairwiseSum(xy) * factor) / Math.sqrt(pairwiseSum(yy) * factor) / Math.sqrt(pairwiseSum(xx) * factor);
  return Math.min(Math.max(r, -1), 1);
}

export const spearmanCorrelationMetric = defineMetric({
  id: "spearman-correlation",
  aliases: ["spearman", "spearmanr", "spearman-rank-correlation"],
  title: "Spearman rank correlation",
  description: "Pearson correlation between the ranks of the two inputs (ties share their average rank); measures how monotonic the relationship is.",
  direction: "maximize",
  range: [-1, 1],
  inputKind: "regression",
  options: noOptions,
  formula: {
    latex: String.raw`\rho = \frac{\sum_i (R_i - \bar R)(S_i - \bar S)}{\sqrt{\sum_i (R_i - \bar R)^2}\sqrt{\sum_i (S_i - \bar S)^2}},\ R = \mathrm{rank}(y),\ S = \mathrm{rank}(\hat y)`,
    text: "Rank both inputs (average ranks for ties), then take the Pearson correlation of the ranks.",
  },
  edgeCases: [
    { when: "a constant input", then: "returns NaN (scipy warns ConstantInputWarning)" },
    { when: "NaN in either input", then: "returns NaN (nan_policy='propagate')" },
    { when: "fewer than two values", then: "returns NaN" },
    { when: "ties", then: "tied values share their average rank" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "scipy.stats.spearmanr (SciPy 1.14.1)", url: "https://docs.scipy.org/doc/scipy-1.14.1/reference/generated/scipy.stats.spearmanr.html" },
    { title: "Spearman's rank correlation coefficient", url: "https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient" },
  ],
  examples: [
    { input: { yTrue: [1, 2, 3, 4, 5], yPred: [5, 6, 7, 8, 7] }, output: 0.8207826816681233 },
    { input: { yTrue: [1, 2, 3], yPred: [10, 100, 1000] }, output: 1, note: "any increasing relationship scores 1" },
    { input: { yTrue: [1, 2, 3], yPred: [0.5, 0.5, 0.5] }, output: NaN, note: "constant input" },
  ],
  compat:
    "Reproduces scipy 1.14.1 `spearmanr(a, b).correlation` on two 1-D inputs: NaN for fewer than 2 observations, for a constant input and (nan_policy='propagate') for any NaN; average ranks; `np.corrcoef` of the ranks clipped to [−1, 1]. numpy's BLAS dot product may sum in another order, so the last digit can differ (library-versions.md).",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<number>; yPred: ArrayLike<number> }) => spearmanCorrelation(yTrue, yPred),
});
