import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { transformedErrors } from "./_regression.js";

/**
 * Root mean squared error: the square root of the average squared difference between prediction
 * and truth.
 *
 * Formula: `RMSE = sqrt((1/n) Σ (y_i − ŷ_i)²)`. Direction: lower is better, range [0, ∞).
 *
 * Edge cases: NaN or infinite values throw MISSING_VALUE / NON_FINITE (scikit-learn's
 * `check_array` rejects them); different lengths throw ROW_COUNT_MISMATCH; no samples throws
 * UNDEFINED_METRIC (scikit-learn requires at least one sample).
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#mean-squared-error
 * @see docs/metrics/root-mean-squared-error.md
 * @throws MetricError MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH, UNDEFINED_METRIC
 */
export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return Math.sqrt(numpyMean(transformedErrors(yTrue, yPred, (difference) => difference * difference)));
}

export const rootMeanSquaredErrorMetric = defineMetric({
  id: "root-mean-squared-error",
  aliases: ["rmse", "root_mean_squared_error"],
  title: "Root mean squared error",
  description: "Square root of the mean squared difference between predicted and true values; large errors weigh more than in MAE.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "regression",
  options: noOptions,
  formula: { latex: String.raw`\mathrm{RMSE} = \sqrt{\frac{1}{n}\sum_{i=1}^{n} (y_i - \hat y_i)^2}`, text: "The square root of the mean of the squared errors." },
  edgeCases: [
    { when: "NaN in either input", then: "throws MISSING_VALUE" },
    { when: "an infinite value", then: "throws NON_FINITE" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
    { when: "no samples", then: "throws UNDEFINED_METRIC (scikit-learn: found array with 0 samples)" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [{ title: "scikit-learn user guide: mean squared error", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#mean-squared-error" }],
  examples: [
    { input: { yTrue: [3, -0.5, 2, 7], yPred: [2.5, 0, 2, 8] }, output: Math.sqrt(0.375) },
    { input: { yTrue: [1, 2], yPred: [1, 2] }, output: 0 },
    { input: { yTrue: [1, 2], yPred: [1, Infinity] }, output: { throws: "NON_FINITE" } },
  ],
  compat:
    "Matches scikit-learn 1.5 `root_mean_squared_error` (added in 1.4; Debian's 1.2 lacks it): the square root of numpy's pairwise-summed mean of squared differences. Used by denoising-dirty-documents, new-york-city-taxi-fare-prediction and petfinder-pawpularity-score; MLE-bench rounds the numpy float64 with numpy's `round`.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<number>; yPred: ArrayLike<number> }) => rootMeanSquaredError(yTrue, yPred),
});
