import { MetricError } from "../src/errors.js";
import { numpyMean, numpySum } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { isConstant } from "./spearman-correlation.js";

/**
 * Pearson correlation coefficient: the covariance of the two inputs divided by the product of
 * their standard deviations.
 *
 * Formula: `r = Σ (x_i − x̄)(y_i − ȳ) / (‖x − x̄‖ ‖y − ȳ‖)`, clipped to [−1, 1].
 * Direction: higher is better, range [−1, 1].
 *
 * Edge cases (as scipy 1.14.1's `pearsonr`): a constant input returns NaN, except with exactly two
 * values, where scipy returns `sign(x₂ − x₁)·sign(y₂ − y₁)` (0 for a constant input); NaN or
 * infinite values give NaN; fewer than two values throw UNDEFINED_METRIC; inputs of different
 * lengths throw ROW_COUNT_MISMATCH.
 *
 * @see https://docs.scipy.org/doc/scipy-1.14.1/reference/generated/scipy.stats.pearsonr.html
 * @see docs/metrics/pearson-correlation.md
 * @throws MetricError ROW_COUNT_MISMATCH, UNDEFINED_METRIC
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${n} values in both inputs, got ${n} and ${y.length}`);
  if (n < 2) throw new MetricError("UNDEFINED_METRIC", `expected at least 2 values, got ${n}`);
  if (n === 2) return Math.sign(x[1]! - x[0]!) * Math.sign(y[1]! - y[0]!);
  if (isConstant(x) || isConstant(y)) return NaN;
  const xm = scaledDeviations(x);
  const ym = scaledDeviations(y);
  const products = new Float64Array(n);
  for (let i = 0; i < n; i++) products[i] = ((xm.deviations[i]! / xm.norm) * ym.deviations[i]!) / ym.norm;
  const r = numpySum(products);
  // xp_clip: NaN stays NaN.
  return r < -1 ? -1 : r > 1 ? 1 : r;
}

/** Deviations from the mean and their 2-norm, scaled by the largest deviation first as scipy does. */
function scaledDeviations(values: ArrayLike<number>): { deviations: Float64Array; norm: number } {
  const n = values.length;
  const mean = numpyMean(values);
  const deviations = new Float64Array(n);
  let largest = 0;
  let nan = false;
  for (let i = 0; i < n; i++) {
    const deviation = values[i]! - mean;
    deviations[i] = deviation;
    const size = Math.abs(deviation);
    if (Number.isNaN(size)) nan = true;
    else if (size > largest) largest = size;
  }
  // np.max propagates NaN.
  if (nan) largest = NaN;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const scaled = deviations[i]! / largest;
    squares[i] = scaled * scaled;
  }
  return { deviations, norm: largest * Math.sqrt(numpySum(squares)) };
}

export const pearsonCorrelationMetric = defineMetric({
  id: "pearson-correlation",
  aliases: ["pearson", "pearsonr", "pearson-correlation-coefficient"],
  title: "Pearson correlation coefficient",
  description: "Linear correlation between predictions and truth: covariance over the product of the standard deviations.",
  direction: "maximize",
  range: [-1, 1],
  inputKind: "regression",
  options: noOptions,
  formula: {
    latex: String.raw`r = \frac{\sum_i (y_i - \bar y)(\hat y_i - \bar{\hat y})}{\sqrt{\sum_i (y_i - \bar y)^2}\sqrt{\sum_i (\hat y_i - \bar{\hat y})^2}}`,
    text: "The dot product of the two mean-centred inputs, each divided by its length; clipped to [−1, 1].",
  },
  edgeCases: [
    { when: "a constant input (three or more values)", then: "returns NaN (scipy warns ConstantInputWarning)" },
    { when: "exactly two values", then: "returns sign(x₂ − x₁)·sign(y₂ − y₁), so 0 when one input is constant (scipy 1.14.1)" },
    { when: "NaN or an infinite value", then: "returns NaN" },
    { when: "fewer than two values", then: "throws UNDEFINED_METRIC (scipy raises ValueError)" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "scipy.stats.pearsonr (SciPy 1.14.1)", url: "https://docs.scipy.org/doc/scipy-1.14.1/reference/generated/scipy.stats.pearsonr.html" },
    { title: "Pearson correlation coefficient", url: "https://en.wikipedia.org/wiki/Pearson_correlation_coefficient" },
  ],
  examples: [
    { input: { yTrue: [1, 2, 3, 4], yPred: [1, 3, 2, 4] }, output: 0.8 },
    { input: { yTrue: [1, 2, 3], yPred: [2, 4, 6] }, output: 1 },
    { input: { yTrue: [0.25, 0.5, 1], yPred: [0, 0, 0] }, output: NaN, note: "constant prediction" },
    { input: { yTrue: [1, 2], yPred: [3, 3] }, output: 0, note: "two values: scipy's sign rule, even for a constant input" },
  ],
  compat:
    "Reproduces scipy 1.14.1 `pearsonr(x, y).statistic` (MLE-bench's pinned version) step by step: numpy pairwise means and sums, deviations scaled by their largest magnitude before the 2-norm, `sum(xm/‖xm‖ * ym/‖ym‖)`, clip to [−1, 1], NaN for constant inputs, and the sign rule for two values. Other scipy versions order the arithmetic differently, so the last digit can differ: pearsonr([1,2,3,4],[1,3,2,4]) is 0.8 on scipy 1.10 and 1.17 but 0.7999999999999999 with the 1.14/1.15 arithmetic reproduced here.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<number>; yPred: ArrayLike<number> }) => pearsonCorrelation(yTrue, yPred),
});
