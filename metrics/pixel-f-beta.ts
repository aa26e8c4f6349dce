import * as z from "zod/mini";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { overlapCounts, requireSameCount, type BinaryMask } from "./_masks.js";

export interface PixelFBetaOptions {
  /** Weight of recall against precision; 0.5 (the default) weighs precision more. */
  beta?: number;
}

/**
 * F-beta from pixel counts as scikit-learn ≥ 1.4 computes it: `(1+β²)·TP / (β²·|T| + |P|)`, 0 for 0/0.
 */
function fBetaFromCounts(tp: number, trueSum: number, predSum: number, beta: number): number {
  if (beta === Infinity) return trueSum === 0 ? 0 : tp / trueSum;
  if (beta === 0) return predSum === 0 ? 0 : tp / predSum;
  const beta2 = beta * beta;
  const denominator = beta2 * trueSum + predSum;
  return denominator === 0 ? 0 : ((1 + beta2) * tp) / denominator;
}

/**
 * Pixel F-beta averaged over images (the Vesuvius Challenge ink metric): every pixel of an image is
 * a binary sample; F-beta per image, then the plain mean.
 *
 * Formula: `F_β = (1+β²)·TP / ((1+β²)·TP + β²·FN + FP)` per image, `score = (1/n) Σ_i F_β,i`; with
 * β = 0.5 that is `1.25·TP / (1.25·TP + 0.25·FN + FP)`. Direction: higher is better, range [0, 1].
 *
 * Edge cases: an image with no true and no predicted pixels scores 0 (scikit-learn's
 * `zero_division` default), not 1; an empty prediction scores 0; no images give NaN.
 *
 * @see https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.fbeta_score.html
 * @see docs/metrics/pixel-f-beta.md
 * @throws MetricError ROW_COUNT_MISMATCH when the mask counts or the pixel counts of a pair differ
 */
export function pixelFBeta(yTrue: readonly BinaryMask[], yPred: readonly BinaryMask[], options: PixelFBetaOptions = {}): number {
  requireSameCount(yTrue, yPred);
  const beta = options.beta ?? 0.5;
  const scores = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const counts = overlapCounts(yTrue[i]!, yPred[i]!, `mask ${i + 1}`);
    scores[i] = fBetaFromCounts(counts.intersection, counts.truth, counts.prediction, beta);
  }
  return numpyMean(scores);
}

export const pixelFBetaMetric = defineMetric({
  id: "pixel-f-beta",
  aliases: ["f0.5-score", "mean-pixel-f-beta"],
  title: "Pixel F-beta, averaged over images",
  description: "F-beta score of each image's mask with every pixel a binary sample (β = 0.5 weighs precision above recall), averaged over images.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "masks",
  options: z.strictObject({
    beta: z._default(z.number().check(z.minimum(0)), 0.5).check(z.describe("weight of recall relative to precision (0: precision, Infinity: recall)")),
  }),
  formula: {
    latex: String.raw`\frac{1}{n}\sum_{i=1}^{n} \frac{(1+\beta^2)\,\mathrm{TP}_i}{(1+\beta^2)\,\mathrm{TP}_i + \beta^2\,\mathrm{FN}_i + \mathrm{FP}_i}`,
    text: "For each image, F-beta over its pixels from the true-positive, false-negative and false-positive pixel counts; then the plain mean over images.",
  },
  edgeCases: [
    { when: "an image has no true and no predicted pixels", then: "that image scores 0 (scikit-learn's zero_division default)" },
    { when: "the prediction is empty and the truth is not", then: "that image scores 0" },
    { when: "no images", then: "returns NaN" },
    { when: "a prediction has a different pixel count than its truth", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: false, monotoneInvariant: false },
  references: [
    { title: "scikit-learn: fbeta_score", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.fbeta_score.html" },
    { title: "Vesuvius Challenge - Ink Detection: evaluation", authors: "Kaggle", year: 2023, url: "https://www.kaggle.com/competitions/vesuvius-challenge-ink-detection/overview/evaluation" },
  ],
  examples: [
    { input: { yTrue: [[1, 1, 0, 0]], yPred: [[1, 0, 1, 0]] }, output: 0.5, note: "TP 1, FN 1, FP 1" },
    { input: { yTrue: [[1, 1, 1, 1]], yPred: [[1, 1, 0, 0]] }, output: 1.25 * 2 / (1.25 * 2 + 0.25 * 2), note: "precision weighs more: missing half the pixels still scores 0.8333" },
    { input: { yTrue: [[0, 0]], yPred: [[0, 0]] }, output: 0, note: "nothing to find scores 0, not 1" },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `fbeta_score(y_true, y_pred, beta=0.5)` on flattened boolean masks: the count form (1+β²)·TP / (β²·(TP+FN) + TP+FP) introduced in 1.4 (1.2 divided precision and recall, which differs in the last bits), 0 for 0/0. MLE-bench's vesuvius grader then takes `np.mean` over fragments.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: readonly BinaryMask[]; yPred: readonly BinaryMask[] }, options: { beta: number }) => pixelFBeta(yTrue, yPred, options),
});
