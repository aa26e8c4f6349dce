import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";

export interface ModifiedLaplaceLogLikelihoodOptions {
  /** Lower bound on the standard deviation (Kaggle: 70). */
  sigmaFloor?: number;
  /** Upper bound on the absolute error (Kaggle: 1000). */
  errorCap?: number;
}

/**
 * Modified Laplace log likelihood (OSIC Pulmonary Fibrosis Progression): the log density of a
 * Laplace distribution centred on the prediction with the participant's confidence as its standard
 * deviation, with the confidence floored and the error capped.
 *
 * Formula: `σ = max(confidence, 70)`, `Δ = min(|y − ŷ|, 1000)`,
 * `score = (1/n) Σ (−√2·Δ/σ − ln(√2·σ))`. Direction: higher is better (the values are negative;
 * closer to 0 is better), range (−∞, ∞).
 *
 * Edge cases: NaN in any input propagates to a NaN score (numpy's maximum/minimum propagate NaN);
 * an infinite confidence gives −∞; no rows returns NaN (numpy's mean of nothing); inputs of
 * different lengths throw ROW_COUNT_MISMATCH.
 *
 * @see https://www.kaggle.com/competitions/osic-pulmonary-fibrosis-progression/overview/evaluation
 * @see docs/metrics/modified-laplace-log-likelihood.md
 * @throws MetricError ROW_COUNT_MISMATCH
 */
export function modifiedLaplaceLogLikelihood(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  confidence: ArrayLike<number>,
  options: ModifiedLaplaceLogLikelihoodOptions = {},
): number {
  const n = yTrue.length;
  if (yPred.length !== n || confidence.length !== n) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${n} predictions and confidences, got ${yPred.length} and ${confidence.length}`);
  }
  const floor = options.sigmaFloor ?? 70;
  const cap = options.errorCap ?? 1000;
  const root2 = Math.SQRT2;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // np.maximum / np.minimum propagate NaN, as Math.max / Math.min do.
    const sigma = Math.max(confidence[i]!, floor);
    const delta = Math.min(Math.abs(yTrue[i]! - yPred[i]!), cap);
    values[i] = (-root2 * delta) / sigma - Math.log(root2 * sigma);
  }
  return numpyMean(values);
}

export const modifiedLaplaceLogLikelihoodMetric = defineMetric({
  id: "modified-laplace-log-likelihood",
  aliases: ["laplace-log-likelihood"],
  title: "Modified Laplace log likelihood",
  description:
    "Mean log density of a Laplace distribution centred on each prediction, with the stated confidence (floored at 70) as its spread and the error capped at 1000; rewards honest uncertainty.",
  direction: "maximize",
  range: [-Infinity, Infinity],
  // The input is a triple (truth, prediction, confidence) that no shared generator produces;
  // test/metrics/modified-laplace-log-likelihood.test.ts checks its properties.
  inputKind: "custom",
  options: z.strictObject({
    sigmaFloor: z._default(z.number().check(z.positive()), 70).check(z.describe("lower bound on the confidence (standard deviation)")),
    errorCap: z._default(z.number().check(z.positive()), 1000).check(z.describe("upper bound on the absolute error")),
  }),
  formula: {
    latex: String.raw`\frac{1}{n}\sum_{i=1}^{n}\Big(-\frac{\sqrt2\,\Delta_i}{\sigma_i} - \ln(\sqrt2\,\sigma_i)\Big),\ \sigma_i = \max(c_i, 70),\ \Delta_i = \min(|y_i - \hat y_i|, 1000)`,
    text: "For each row, minus √2 times the capped error over the floored confidence, minus the log of √2 times that confidence; then the mean.",
  },
  edgeCases: [
    { when: "NaN in any input", then: "returns NaN (MLE-bench reports it as a valid score)" },
    { when: "confidence below 70, zero or negative", then: "treated as 70" },
    { when: "an infinite confidence", then: "returns −∞" },
    { when: "no rows", then: "returns NaN (numpy's mean of an empty array)" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: false, perfectIsBest: false, monotoneInvariant: false },
  references: [
    { title: "OSIC Pulmonary Fibrosis Progression: evaluation", authors: "OSIC / Kaggle", year: 2020, url: "https://www.kaggle.com/competitions/osic-pulmonary-fibrosis-progression/overview/evaluation" },
    { title: "OSIC: understanding Laplace log likelihood", authors: "Rohan Rao", year: 2020, url: "https://www.kaggle.com/code/rohanrao/osic-understanding-laplace-log-likelihood" },
  ],
  examples: [
    { input: { yTrue: [2000], yPred: [2000], confidence: [70] }, output: -Math.log(Math.SQRT2 * 70), note: "exact prediction at the minimum confidence" },
    { input: { yTrue: [2000], yPred: [3500], confidence: [10] }, output: (-Math.SQRT2 * 1000) / 70 - Math.log(Math.SQRT2 * 70), note: "error capped at 1000, confidence floored at 70" },
    { input: { yTrue: [2000], yPred: [NaN], confidence: [100] }, output: NaN },
  ],
  compat:
    "Reproduces MLE-bench's osic-pulmonary-fibrosis-progression `laplace_log_likelihood` (numpy element-wise, `np.maximum(confidence, 70)`, `np.minimum(|error|, 1000)`, `np.mean`), which follows the Kaggle host's definition; MLE-bench fills missing confidences with 0 (so 70) before calling it.",
  since: "0.1.0",
  evaluate: (
    { yTrue, yPred, confidence }: { yTrue: ArrayLike<number>; yPred: ArrayLike<number>; confidence: ArrayLike<number> },
    options: { sigmaFloor: number; errorCap: number },
  ) => modifiedLaplaceLogLikelihood(yTrue, yPred, confidence, options),
});
