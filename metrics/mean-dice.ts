import * as z from "zod/mini";
import { numpyMean, numpyNanMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { overlapCounts, requireSameCount, type BinaryMask } from "./_masks.js";

export type { BinaryMask } from "./_masks.js";

export interface MeanDiceOptions {
  /**
   * The value of an image whose truth and prediction are both empty, or `"skip"` to leave such
   * images out of the mean (MLE-bench's `np.nanmean`). Default 1 (hubmap-kidney-segmentation).
   */
  bothEmpty?: number | "skip";
}

/**
 * Mean Dice coefficient over images (per-image Sørensen–Dice, then the plain mean).
 *
 * Formula: `score = (1/n) Σ_i 2|T_i ∩ P_i| / (|T_i| + |P_i|)`. Direction: higher is better, range
 * [0, 1].
 *
 * Edge cases: an image with both masks empty scores `bothEmpty` (1 by default) or, with
 * `bothEmpty: "skip"`, is left out of the mean; no images (or only skipped ones) give NaN; masks
 * are compared straight from their runs when both are run-length masks.
 *
 * @see https://en.wikipedia.org/wiki/Dice-S%C3%B8rensen_coefficient
 * @see docs/metrics/mean-dice.md
 * @throws MetricError ROW_COUNT_MISMATCH when the mask counts or the pixel counts of a pair differ
 */
export function meanDice(yTrue: readonly BinaryMask[], yPred: readonly BinaryMask[], options: MeanDiceOptions = {}): number {
  requireSameCount(yTrue, yPred);
  const bothEmpty = options.bothEmpty ?? 1;
  const skip = bothEmpty === "skip";
  const values = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const counts = overlapCounts(yTrue[i]!, yPred[i]!, `mask ${i + 1}`);
    const union = counts.truth + counts.prediction;
    values[i] = union === 0 ? (skip ? NaN : bothEmpty) : (2 * counts.intersection) / union;
  }
  return skip ? numpyNanMean(values) : numpyMean(values);
}

/**
 * Dice coefficient of one mask pair: `2|T ∩ P| / (|T| + |P|)`, or `bothEmpty` (default NaN) when
 * both masks are empty, as MLE-bench's `dice_coefficient`.
 *
 * @throws MetricError ROW_COUNT_MISMATCH when the masks have different pixel counts
 */
export function diceCoefficient(truth: BinaryMask, prediction: BinaryMask, bothEmpty = NaN): number {
  const counts = overlapCounts(truth, prediction);
  const union = counts.truth + counts.prediction;
  return union === 0 ? bothEmpty : (2 * counts.intersection) / union;
}

export const meanDiceMetric = defineMetric({
  id: "mean-dice",
  aliases: ["dice-coefficient", "dice"],
  title: "Mean Dice coefficient",
  description: "Sørensen–Dice overlap of each image's predicted mask with its true mask, averaged over images with equal weight.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "masks",
  options: z.strictObject({
    bothEmpty: z
      ._default(z.union([z.number().check(z.minimum(0), z.maximum(1)), z.literal("skip")]), 1)
      .check(z.describe('score of an image whose truth and prediction are both empty; "skip" leaves it out of the mean (np.nanmean)')),
  }),
  formula: {
    latex: String.raw`\frac{1}{n}\sum_{i=1}^{n} \frac{2\,|T_i \cap P_i|}{|T_i| + |P_i|}`,
    text: "For each image, twice the overlap divided by the total size of the two masks; then the plain mean over images.",
  },
  edgeCases: [
    { when: "both masks of an image are empty", then: "that image scores `bothEmpty` (1 by default; hubmap-kidney-segmentation)" },
    { when: 'bothEmpty is "skip"', then: "images with both masks empty are left out of the mean (np.nanmean; uw-madison's Dice part)" },
    { when: "no images, or every image skipped", then: "returns NaN" },
    { when: "a prediction has a different pixel count than its truth", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Sørensen–Dice coefficient", url: "https://en.wikipedia.org/wiki/Dice-S%C3%B8rensen_coefficient" },
    { title: "HuBMAP - Hacking the Kidney: evaluation", authors: "Kaggle", year: 2020, url: "https://www.kaggle.com/competitions/hubmap-kidney-segmentation/overview/evaluation" },
  ],
  examples: [
    { input: { yTrue: [[1, 1, 0, 0]], yPred: [[1, 0, 0, 0]] }, output: 2 / 3 },
    { input: { yTrue: [[1, 1, 0, 0], [0, 0, 0, 0]], yPred: [[1, 1, 0, 0], [0, 0, 0, 0]] }, output: 1, note: "both empty counts as 1" },
    { input: { yTrue: [[1, 0], [0, 0]], yPred: [[0, 1], [0, 0]] }, options: { bothEmpty: "skip" }, output: 0, note: "the empty pair is skipped" },
    { input: { yTrue: [[1, 0, 0]], yPred: [[1, 0]] }, output: { throws: "ROW_COUNT_MISMATCH" } },
  ],
  compat:
    "MLE-bench's `mlebench.metrics.dice_coefficient` (2·sum(P·T) / (sum P + sum T), `both_empty_value` when both sums are 0) per image, then `np.mean` (hubmap, both empty → 1.0) or `np.nanmean` with both empty → NaN (uw-madison's Dice part). Pairwise summation as numpy does it.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: readonly BinaryMask[]; yPred: readonly BinaryMask[] }, options: { bothEmpty: number | "skip" }) => meanDice(yTrue, yPred, options),
});
