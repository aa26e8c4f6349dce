import * as z from "zod/mini";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { overlapCounts, requireSameCount, type BinaryMask } from "./_masks.js";

/** `np.arange(start, stop, step)` for floats: numpy steps by `(start + step) - start`, not by `step`. */
function numpyArange(start: number, stop: number, step: number): number[] {
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const delta = start + step - start;
  return Array.from({ length: n }, (_, i) => start + i * delta);
}

/** The TGS thresholds, `np.arange(0.5, 1.0, 0.05)`: 0.5, 0.55, 0.6000000000000001, … 0.9500000000000004. */
export const TGS_THRESHOLDS: readonly number[] = Object.freeze(numpyArange(0.5, 1.0, 0.05));

export interface IouThresholdPrecisionOptions {
  /** IoU thresholds t; an image counts as a hit at t when IoU > t. Default {@link TGS_THRESHOLDS}. */
  thresholds?: readonly number[];
  /**
   * IoU of an empty prediction against a non-empty truth: `"mlebench"` gives |T|/N (N pixels), as
   * MLE-bench's `np.histogram2d` binning does; `"zero"` gives 0, as the definition says.
   */
  emptyPrediction?: "mlebench" | "zero";
}

/**
 * Single-object IoU-threshold precision (the TGS Salt metric): per image, the fraction of IoU
 * thresholds the predicted mask beats; then the mean over images.
 *
 * Formula: `score = (1/n) Σ_i (1/|𝒯|) Σ_{t∈𝒯} 1[IoU(T_i, P_i) > t]`, with
 * 𝒯 = {0.5, 0.55, …, 0.95}. Direction: higher is better, range [0, 1].
 *
 * Edge cases: an empty truth scores 1 when the prediction is empty too and 0 otherwise; an empty
 * prediction against a non-empty truth has IoU |T|/N in `"mlebench"` mode (so an image more than
 * half salt still scores) and 0 in `"zero"` mode; the comparison is strict (IoU = 0.5 misses 0.5);
 * no images give NaN.
 *
 * @see https://www.kaggle.com/competitions/tgs-salt-identification-challenge/overview/evaluation
 * @see docs/metrics/iou-threshold-precision.md
 * @throws MetricError ROW_COUNT_MISMATCH when the mask counts or the pixel counts of a pair differ
 */
export function iouThresholdPrecision(yTrue: readonly BinaryMask[], yPred: readonly BinaryMask[], options: IouThresholdPrecisionOptions = {}): number {
  requireSameCount(yTrue, yPred);
  const thresholds = options.thresholds ?? TGS_THRESHOLDS;
  const quirk = (options.emptyPrediction ?? "mlebench") === "mlebench";
  const scores = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const { truth, prediction, intersection, pixels } = overlapCounts(yTrue[i]!, yPred[i]!, `mask ${i + 1}`);
    if (truth === 0) {
      scores[i] = prediction === 0 ? 1 : 0;
      continue;
    }
    const iou = prediction === 0 ? (quirk ? truth / pixels : 0) : intersection / (truth + prediction - intersection);
    let hits = 0;
    for (const t of thresholds) if (iou > t) hits++;
    scores[i] = hits / thresholds.length;
  }
  return numpyMean(scores);
}

export const iouThresholdPrecisionMetric = defineMetric({
  id: "iou-threshold-precision",
  aliases: ["mean-precision-intersection-over-union-at-different-thresholds", "tgs-iou-precision"],
  title: "Single-object IoU-threshold precision",
  description:
    "For each image, the fraction of IoU thresholds 0.5, 0.55, …, 0.95 that the overlap of the predicted and true mask exceeds (a one-object image is a hit or a miss at each threshold), averaged over images.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "masks",
  options: z.strictObject({
    thresholds: z
      ._default(z.array(z.number()).check(z.minLength(1)), () => [...TGS_THRESHOLDS])
      .check(z.describe("IoU thresholds; an image is a hit at t when IoU > t (np.arange(0.5, 1.0, 0.05) as floats)")),
    emptyPrediction: z
      ._default(z.enum(["mlebench", "zero"]), "mlebench")
      .check(z.describe('IoU of an empty prediction against a non-empty truth: "mlebench" |T|/N (numpy histogram binning), "zero" 0')),
  }),
  formula: {
    latex: String.raw`\frac{1}{n}\sum_{i=1}^{n}\frac{1}{|\mathcal{T}|}\sum_{t\in\mathcal{T}} \mathbf{1}\!\left[\frac{|T_i\cap P_i|}{|T_i\cup P_i|} > t\right],\quad \mathcal{T}=\{0.5, 0.55, \dots, 0.95\}`,
    text: "Each image scores the share of thresholds its intersection over union beats; empty truths score 1 for an empty prediction and 0 otherwise; then the mean over images.",
  },
  edgeCases: [
    { when: "truth and prediction are both empty", then: "the image scores 1" },
    { when: "the truth is empty and the prediction is not", then: "the image scores 0" },
    {
      when: 'the prediction is empty and the truth is not, emptyPrediction "mlebench"',
      then: "IoU is |T|/N (N = pixels per image), so a truth covering more than half the image still earns credit",
    },
    { when: 'the prediction is empty and the truth is not, emptyPrediction "zero"', then: "IoU is 0: the image scores 0" },
    { when: "IoU equals a threshold exactly", then: "a miss at that threshold (strict >)" },
    { when: "no images", then: "returns NaN" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "TGS Salt Identification Challenge: evaluation", authors: "Kaggle", year: 2018, url: "https://www.kaggle.com/competitions/tgs-salt-identification-challenge/overview/evaluation" },
    { title: "Jaccard index", url: "https://en.wikipedia.org/wiki/Jaccard_index" },
  ],
  examples: [
    { input: { yTrue: [[1, 1, 1, 0]], yPred: [[1, 1, 0, 0]] }, output: 0.4, note: "IoU 2/3 beats 0.5 to 0.65" },
    { input: { yTrue: [[0, 0], [0, 0]], yPred: [[0, 0], [1, 0]] }, output: 0.5 },
    { input: { yTrue: [[1, 1, 1, 0]], yPred: [[0, 0, 0, 0]] }, output: 0.5, note: "empty prediction: IoU taken as 3/4, which misses 0.7500000000000002" },
    { input: { yTrue: [[1, 1, 1, 0]], yPred: [[0, 0, 0, 0]] }, options: { emptyPrediction: "zero" }, output: 0 },
  ],
  compat:
    "MLE-bench's tgs-salt `iou_metric`: `np.histogram2d` with two bins per axis, which puts an all-zero prediction in the upper bin and so gives IoU |T|/N; thresholds are `np.arange(0.5, 1.0, 0.05)` (0.6000000000000001, …), compared with a strict `>`; per-image values averaged with `np.mean`.",
  since: "0.1.0",
  evaluate: (
    { yTrue, yPred }: { yTrue: readonly BinaryMask[]; yPred: readonly BinaryMask[] },
    options: { thresholds: number[]; emptyPrediction: "mlebench" | "zero" },
  ) => iouThresholdPrecision(yTrue, yPred, options),
});
