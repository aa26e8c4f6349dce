import * as z from "zod/mini";
import { OptionsError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { clip, requireSameShape, toMatrix, type MatrixLike } from "./_probabilities.js";

export interface WeightedBinaryLogLossOptions {
  /** Weight of each column where the true label is 1 (default 1 for every column). */
  positiveWeights?: readonly number[] | null;
  /** Weight of each column where the true label is 0 (default 1 for every column). */
  negativeWeights?: readonly number[] | null;
  /** Predictions are clipped to [eps, 1 − eps]. */
  eps?: number;
}

/**
 * Weighted multi-label binary log loss, normalised per row (RSNA 2022 cervical spine fracture).
 *
 * Formula: for row i and column j, `ℓ_ij = −(y ln p + (1 − y) ln(1 − p))` with
 * p = clip(p_ij, ε, 1 − ε), and weight `w_ij = y·w⁺_j + (1 − y)·w⁻_j` chosen by the TRUE label;
 * each row scores `Σ_j w_ij ℓ_ij / Σ_j w_ij` and the result is the mean over rows. Direction:
 * lower is better, range [0, ∞).
 *
 * Edge cases: NaN predictions propagate to a NaN result (as numpy does; graders reject them
 * first); a row whose weights sum to 0 gives NaN; no rows gives NaN; mismatched shapes throw.
 *
 * @see https://www.kaggle.com/competitions/rsna-2022-cervical-spine-fracture-detection/overview/evaluation
 * @see docs/metrics/weighted-binary-log-loss.md
 * @throws MetricError ROW_COUNT_MISMATCH, MISSING_COLUMN, UNEXPECTED_COLUMN, MALFORMED_PREDICTION;
 *   OptionsError when a weight list does not have one weight per column
 */
export function weightedBinaryLogLoss(yTrue: MatrixLike, yProb: MatrixLike, options: WeightedBinaryLogLossOptions = {}): number {
  const truth = toMatrix(yTrue, "y_true");
  const prob = toMatrix(yProb, "y_prob");
  requireSameShape(truth, prob, ["y_true", "y_prob"]);
  const { rows, cols } = truth;
  const positive = weightsFor(options.positiveWeights, cols, "positiveWeights");
  const negative = weightsFor(options.negativeWeights, cols, "negativeWeights");
  const eps = options.eps ?? 1e-15;
  const rowLoss = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    // MLE-bench's arrays come out of pandas in column-major order, so numpy sums each row left to right.
    let weighted = 0;
    let totalWeight = 0;
    for (let j = 0; j < cols; j++) {
      const y = truth.data[i * cols + j]!;
      const p = clip(prob.data[i * cols + j]!, eps, 1 - eps);
      const loss = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
      const weight = y * positive[j]! + (1 - y) * negative[j]!;
      weighted += loss * weight;
      totalWeight += weight;
    }
    rowLoss[i] = weighted / totalWeight;
  }
  return numpyMean(rowLoss);
}

function weightsFor(weights: readonly number[] | null | undefined, cols: number, name: string): Float64Array {
  if (weights === null || weights === undefined) return new Float64Array(cols).fill(1);
  if (weights.length !== cols) {
    throw new OptionsError(`weighted-binary-log-loss option ${name}: expected ${cols} weights (one per column), got ${weights.length}`, [
      { code: "INVALID_OPTIONS", message: `${name}: expected ${cols} weights, got ${weights.length}` },
    ]);
  }
  return Float64Array.from(weights);
}

/** RSNA 2022's weights for [patient_overall, C1, …, C7]. */
export const RSNA_2022_WEIGHTS = {
  positive: [14, 2, 2, 2, 2, 2, 2, 2],
  negative: [7, 1, 1, 1, 1, 1, 1, 1],
} as const;

export const weightedBinaryLogLossMetric = defineMetric({
  id: "weighted-binary-log-loss",
  aliases: ["weighted-multi-label-log-loss", "weighted-log-loss"],
  title: "Weighted multi-label binary log loss",
  description: "Binary log loss per cell of a multi-label matrix, weighted by a per-column weight chosen by the true label, normalised by each row's total weight and averaged over rows.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "multilabel-probabilities",
  options: z.strictObject({
    positiveWeights: z
      ._default(z.nullable(z.array(z.number().check(z.nonnegative()))), null)
      .check(z.describe("weight per column where the true label is 1; null gives 1 everywhere (RSNA 2022: [14, 2, 2, 2, 2, 2, 2, 2])")),
    negativeWeights: z
      ._default(z.nullable(z.array(z.number().check(z.nonnegative()))), null)
      .check(z.describe("weight per column where the true label is 0; null gives 1 everywhere (RSNA 2022: [7, 1, 1, 1, 1, 1, 1, 1])")),
    eps: z._default(z.number().check(z.positive(), z.lt(0.5)), 1e-15).check(z.describe("clip predictions to [eps, 1 − eps]")),
  }),
  formula: {
    latex: String.raw`L = \frac{1}{n}\sum_{i=1}^{n}\frac{\sum_j w_{ij}\,\ell_{ij}}{\sum_j w_{ij}},\quad \ell_{ij} = -\big(y_{ij}\ln p_{ij} + (1-y_{ij})\ln(1-p_{ij})\big),\quad w_{ij} = y_{ij} w^{+}_j + (1-y_{ij}) w^{-}_j`,
    text: "Each cell's binary log loss (predictions clipped to [ε, 1 − ε]) is weighted by its column's positive or negative weight according to the true label; each row's weighted sum is divided by its total weight; the result is the mean over rows.",
  },
  edgeCases: [
    { when: "a prediction is 0 or 1", then: "clipped to [1e-15, 1 − 1e-15]: a confident miss costs about 34.5 for that cell" },
    { when: "NaN prediction", then: "the result is NaN (numpy propagates it); the RSNA grader rejects NaN before scoring" },
    { when: "a row's weights sum to 0", then: "that row is NaN, so the result is NaN" },
    { when: "weights not given", then: "every weight is 1: the plain mean binary log loss per row, averaged over rows" },
    { when: "no rows", then: "returns NaN (numpy's mean of nothing)" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "RSNA 2022 Cervical Spine Fracture Detection: evaluation", authors: "RSNA / Kaggle", year: 2022, url: "https://www.kaggle.com/competitions/rsna-2022-cervical-spine-fracture-detection/overview/evaluation" },
    { title: "Cross-entropy", url: "https://en.wikipedia.org/wiki/Cross-entropy" },
  ],
  examples: [
    { input: { yTrue: [[1, 0]], yProb: [[0.8, 0.1]] }, output: -(Math.log(0.8) + Math.log(0.9)) / 2, note: "unit weights: the mean of the two cells' losses" },
    {
      input: { yTrue: [[1, 0]], yProb: [[0.8, 0.1]] },
      options: { positiveWeights: [14, 2], negativeWeights: [7, 1] },
      output: (-14 * Math.log(0.8) - Math.log(0.9)) / 15,
      note: "the first column is positive (weight 14), the second negative (weight 1)",
    },
  ],
  compat:
    "Reproduces MLE-bench's rsna-2022-cervical-spine-fracture-detection grader (the metric from the competition's discussion): clip at 1e-15, weights chosen by the true label, per-row normalisation, numpy mean. The grader stores the weights as float32 arrays; integer weights are exact in float32 and combine with the int64 labels as float64, so the float32 storage does not change any result. Each row's cells are summed left to right (pandas hands numpy column-major arrays).",
  since: "0.1.0",
  evaluate: (
    { yTrue, yProb }: { yTrue: MatrixLike; yProb: MatrixLike },
    options: { positiveWeights: number[] | null; negativeWeights: number[] | null; eps: number },
  ) => weightedBinaryLogLoss(yTrue, yProb, options),
});
