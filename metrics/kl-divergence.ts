import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { clip, requireSameShape, toMatrix, type Matrix, type MatrixLike } from "./_probabilities.js";

export interface KlDivergenceOptions {
  /** Predictions are clipped to [epsilon, 1 − epsilon]; the truth is not clipped. */
  epsilon?: number;
  /**
   * Check both matrices as Kaggle's metric does before scoring: no value below 0 or above 1, every
   * row summing to 1 within numpy's `allclose` tolerance. Default true.
   */
  validate?: boolean;
}

/**
 * Kullback–Leibler divergence KL(truth ‖ prediction) per row, averaged over rows, as Kaggle's
 * metric computes it (HMS harmful brain activity classification).
 *
 * Formula: `KL = (1/n) Σ_i Σ_c y_ic · ln(y_ic / clip(p_ic, ε, 1 − ε))`, where cells with
 * y_ic = 0 contribute 0 (scipy's `rel_entr` convention) and ε = 1e-15. Direction: lower is better,
 * range [0, ∞).
 *
 * Edge cases: with `validate` (default) a value below 0 or above 1 throws OUT_OF_RANGE and a row
 * not summing to 1 (|s − 1| > 1e-8 + 1e-5) throws ROW_SUM. NaN cells are skipped, as pandas' sums
 * skip them: a NaN prediction contributes nothing to its row. No rows gives NaN.
 *
 * @see https://www.kaggle.com/code/metric/kullback-leibler-divergence
 * @see docs/metrics/kl-divergence.md
 * @throws MetricError OUT_OF_RANGE, ROW_SUM, ROW_COUNT_MISMATCH, MISSING_COLUMN, UNEXPECTED_COLUMN, MALFORMED_PREDICTION
 */
export function klDivergence(yTrue: MatrixLike, yPred: MatrixLike, options: KlDivergenceOptions = {}): number {
  const truth = toMatrix(yTrue, "y_true");
  const pred = toMatrix(yPred, "y_pred");
  requireSameShape(truth, pred, ["y_true", "y_pred"]);
  if (options.validate ?? true) {
    verifyProbabilities(truth, "y_true");
    verifyProbabilities(pred, "y_pred");
  }
  const epsilon = options.epsilon ?? 1e-15;
  const { rows, cols } = truth;
  const rowSums = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let total = 0;
    for (let c = 0; c < cols; c++) {
      const y = truth.data[i * cols + c]!;
      if (y === 0) continue;
      const term = y * Math.log(y / clip(pred.data[i * cols + c]!, epsilon, 1 - epsilon));
      // pandas' row sum skips NaN terms.
      if (!Number.isNaN(term)) total += term;
    }
    rowSums[i] = total;
  }
  return numpyMean(rowSums);
}

/**
 * Kaggle's `verify_valid_probabilities` on a matrix: minimum ≥ 0, maximum ≤ 1 and every row sum
 * `np.allclose` to 1, NaN cells skipped as pandas skips them. Row sums run left to right.
 */
export function verifyProbabilities(matrix: Matrix, role: string): void {
  const { rows, cols, data } = matrix;
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (value < 0 || value > 1) {
      throw new MetricError("OUT_OF_RANGE", `${role} row ${Math.floor(i / cols) + 1}, column ${(i % cols) + 1}: expected a probability in [0, 1], got ${value}`);
    }
  }
  for (let i = 0; i < rows; i++) {
    let total = 0;
    for (let c = 0; c < cols; c++) {
      const value = data[i * cols + c]!;
      if (!Number.isNaN(value)) total += value;
    }
    if (!allcloseToOne(total)) throw new MetricError("ROW_SUM", `${role} row ${i + 1}: expected values summing to 1, got ${total}`);
  }
}

/** `np.allclose(x, 1)`: |x − 1| ≤ 1e-8 + 1e-5·1. */
export function allcloseToOne(value: number): boolean {
  return Math.abs(value - 1) <= 1e-8 + 1e-5;
}

export const klDivergenceMetric = defineMetric({
  id: "kl-divergence",
  aliases: ["KL-divergence", "kullback-leibler-divergence", "kl_divergence"],
  title: "Kullback–Leibler divergence",
  description: "Relative entropy of the true distribution with respect to the predicted one, summed over classes per row and averaged over rows.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "distributions",
  options: z.strictObject({
    epsilon: z._default(z.number().check(z.positive(), z.lt(0.5)), 1e-15).check(z.describe("clip predictions to [epsilon, 1 − epsilon] (Kaggle's metric: 1e-15)")),
    validate: z
      ._default(z.boolean(), true)
      .check(z.describe("reject values outside [0, 1] and rows not summing to 1, as Kaggle's metric does before scoring")),
  }),
  formula: {
    latex: String.raw`\mathrm{KL} = \frac{1}{n}\sum_{i=1}^{n}\sum_{c:\,y_{ic}\neq 0} y_{ic}\,\ln\frac{y_{ic}}{\min(\max(p_{ic},\varepsilon),1-\varepsilon)}`,
    text: "For each row, the sum over classes with a non-zero true probability of y·ln(y/p), predictions clipped to [ε, 1 − ε]; then the mean over rows.",
  },
  edgeCases: [
    { when: "a true probability is 0", then: "that cell contributes 0, whatever the prediction (0·ln 0 = 0)" },
    { when: "a prediction is 0 where the truth is not", then: "clipped to 1e-15, so the cell costs y·ln(y/1e-15)" },
    { when: "a value outside [0, 1] (validate on)", then: "throws OUT_OF_RANGE" },
    { when: "a row not summing to 1 within 1e-8 + 1e-5 (validate on)", then: "throws ROW_SUM" },
    { when: "a NaN cell", then: "skipped: it adds nothing to its row's sum, as in pandas" },
    { when: "no rows", then: "returns NaN" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Kaggle metric: Kullback–Leibler divergence", authors: "Kaggle", url: "https://www.kaggle.com/code/metric/kullback-leibler-divergence" },
    { title: "Kullback–Leibler divergence", url: "https://en.wikipedia.org/wiki/Kullback%E2%80%93Leibler_divergence" },
    { title: "scipy.special.rel_entr", url: "https://docs.scipy.org/doc/scipy/reference/generated/scipy.special.rel_entr.html" },
  ],
  examples: [
    { input: { yTrue: [[0, 1], [1, 0]], yPred: [[0.1, 0.9], [0.8, 0.2]] }, output: (Math.log(1 / 0.9) + Math.log(1 / 0.8)) / 2 },
    { input: { yTrue: [[0.5, 0.5]], yPred: [[0.5, 0.5]] }, output: 0, note: "identical distributions" },
    { input: { yTrue: [[0.5, 0.5]], yPred: [[0.5, 0.6]] }, output: { throws: "ROW_SUM" } },
  ],
  compat:
    "Reproduces Kaggle's `kullback-leibler-divergence` metric as MLE-bench vendors it for hms-harmful-brain-activity-classification: `verify_valid_probabilities` on both sides, one-sided clipping of the submission at 1e-15, zero terms where the truth is zero, row sums with NaN skipped (pandas) and `np.average` of the row sums (micro average, no weights).",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: MatrixLike; yPred: MatrixLike }, options: { epsilon: number; validate: boolean }) => klDivergence(yTrue, yPred, options),
});
