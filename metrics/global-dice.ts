import { defineMetric, noOptions } from "./_define.js";
import { overlapCounts, requireSameCount, type BinaryMask } from "./_masks.js";

/**
 * Global Dice coefficient: the Sørensen–Dice overlap of all predicted pixels of all images with all
 * true pixels, pooled before dividing.
 *
 * Formula: `score = 2 Σ_i |T_i ∩ P_i| / (Σ_i |T_i| + Σ_i |P_i|)`. Direction: higher is better,
 * range [0, 1].
 *
 * Edge cases: when every mask of both sides is empty the score is NaN (0/0, which MLE-bench
 * reports as a valid NaN score); no images also give NaN.
 *
 * @see https://www.kaggle.com/competitions/google-research-identify-contrails-reduce-global-warming/overview/evaluation
 * @see docs/metrics/global-dice.md
 * @throws MetricError ROW_COUNT_MISMATCH when the mask counts or the pixel counts of a pair differ
 */
export function globalDice(yTrue: readonly BinaryMask[], yPred: readonly BinaryMask[]): number {
  requireSameCount(yTrue, yPred);
  let intersection = 0;
  let union = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const counts = overlapCounts(yTrue[i]!, yPred[i]!, `mask ${i + 1}`);
    intersection += counts.intersection;
    union += counts.truth + counts.prediction;
  }
  return union === 0 ? NaN : (2 * intersection) / union;
}

export const globalDiceMetric = defineMetric({
  id: "global-dice",
  aliases: ["pooled-dice"],
  title: "Global Dice coefficient",
  description: "Sørensen–Dice overlap computed once over the pixels of all images together, so large masks weigh more than small ones.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "masks",
  options: noOptions,
  formula: {
    latex: String.raw`\frac{2\sum_i |T_i \cap P_i|}{\sum_i |T_i| + \sum_i |P_i|}`,
    text: "Twice the overlap of all predicted and all true pixels, divided by the total number of predicted and true pixels.",
  },
  edgeCases: [
    { when: "every mask on both sides is empty", then: "returns NaN (MLE-bench reports a valid NaN score)" },
    { when: "no images", then: "returns NaN" },
    { when: "a prediction has a different pixel count than its truth", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    {
      title: "Google Research - Identify Contrails to Reduce Global Warming: evaluation",
      authors: "Kaggle",
      year: 2023,
      url: "https://www.kaggle.com/competitions/google-research-identify-contrails-reduce-global-warming/overview/evaluation",
    },
    { title: "Sørensen–Dice coefficient", url: "https://en.wikipedia.org/wiki/Dice-S%C3%B8rensen_coefficient" },
  ],
  examples: [
    { input: { yTrue: [[1, 1, 0, 0], [1, 0, 0, 0]], yPred: [[1, 0, 0, 0], [1, 1, 1, 1]] }, output: 0.5, note: "2·(1 + 1) / (3 + 5)" },
    { input: { yTrue: [[0, 0]], yPred: [[0, 0]] }, output: NaN, note: "nothing to overlap: 0/0" },
  ],
  compat:
    "MLE-bench's contrails grader decodes every mask, concatenates them and calls `dice_coefficient` once with the default both-empty value NaN. The sums are exact integer counts, so the only rounding is the final division.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: readonly BinaryMask[]; yPred: readonly BinaryMask[] }) => globalDice(yTrue, yPred),
});
