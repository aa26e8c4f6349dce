import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { transformedErrors } from "./_regression.js";

/**
 * Mean absolute error: the average absolute difference between prediction and truth.
 *
 * Formula: `MAE = (1/n) Σ |ŷ_i − y_i|`. Direction: lower is better, range [0, ∞).
 *
 * Edge cases: NaN or infinite values throw MISSING_VALUE / NON_FINITE (scikit-learn's
 * `check_array` rejects them); different lengths throw ROW_COUNT_MISMATCH; no samples throws
 * UNDEFINED_METRIC (scikit-learn requires at least one sample).
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#mean-absolute-error
 * @see docs/metrics/mean-absolute-error.md
 * @throws MetricError MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH, UNDEFINED_METRIC
 */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return numpyMean(transformedErrors(yTrue, yPred, Math.abs));
}

export const meanAbsoluteErrorMetric = defineMetric({
  id: "mean-absolute-error",
  aliases: ["mae", "mean_absolute_error"],
  title: "Mean absolute error",
  description: "Average absolute difference between predicted and true values.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "regression",
  options: noOptions,
  formula: { latex: String.raw`\mathrm{MAE} = \frac{1}{n}\sum_{i=1}^{n} |\hat y_i - y_i|`, text: "The mean of the absolute errors." },
  edgeCases: [
    { when: "NaN in either input", then: "throws MISSING_VALUE" },
    { when: "an infinite value", then: "throws NON_FINITE" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
    { when: "no samples", then: "throws UNDEFINED_METRIC (scikit-learn: found array with 0 samples)" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [{ title: "scikit-learn user guide: mean absolute error", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#mean-absolute-error" }],
  examples: [
    { input: { yTrue: [3, -0.5, 2, 7], yPred: [2.5, 0, 2, 8] }, output: 0.5 },
    { input: { yTrue: [1, 2], yPred: [1, NaN] }, output: { throws: "MISSING_VALUE" } },
  ],
  compat: "Matches scikit-learn 1.5 `mean_absolute_error` (uniform average, numpy pairwise summation).",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<number>; yPred: ArrayLike<number> }) => meanAbsoluteError(yTrue, yPred),
});
