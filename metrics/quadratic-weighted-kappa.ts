import * as z from "zod/mini";
import { pairwiseSum } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { checkClassificationTargets, encodeLabels, type LabelArray } from "./_labels.js";

export type KappaWeights = "quadratic" | "linear" | "none";

export interface KappaOptions {
  /** Disagreement weight between label positions i and j: (i−j)², |i−j|, or 1 off the diagonal. */
  weights?: KappaWeights;
}

function weightOf(weights: KappaWeights): (i: number, j: number) => number {
  if (weights === "quadratic") return (i, j) => (i - j) * (i - j);
  if (weights === "linear") return (i, j) => Math.abs(i - j);
  return (i, j) => (i === j ? 0 : 1);
}

/** numpy reduces a k×k array in pairwise blocks of 128; this walks the same blocks without the array. */
const BLOCK = 128;

/**
 * Cohen's kappa with quadratic (default), linear or no weights, as scikit-learn computes it.
 *
 * Formula: labels L = sorted union of true and predicted labels; O_ij = number of samples
 * predicted L_i whose truth is L_j; E_ij = (count of truth L_i)·(count of prediction L_j) / n;
 * W_ij = (i − j)² for the positions i, j in L (not the label values);
 * `κ = 1 − Σ W·O / Σ W·E`. Direction: higher is better, range [−1, 1].
 *
 * Edge cases: when truth and prediction are one and the same class (or there are no samples)
 * Σ W·E = 0 and the result is NaN, as scikit-learn returns; weights follow label positions, so a
 * label value missing from both sides does not widen the gaps (0,1,2,4 weights 4 as 3 steps);
 * text labels mixed with numbers throw LABEL_TYPE_MISMATCH; non-integer float labels throw
 * NON_INTEGER; NaN among numeric labels throws MISSING_VALUE.
 *
 * @see https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.cohen_kappa_score.html
 * @see docs/metrics/quadratic-weighted-kappa.md
 * @throws MetricError LABEL_TYPE_MISMATCH, NON_INTEGER, MISSING_VALUE, ROW_COUNT_MISMATCH
 */
export function quadraticWeightedKappa(yTrue: LabelArray, yPred: LabelArray, options: KappaOptions = {}): number {
  checkClassificationTargets(yTrue, yPred);
  const { labels, trueCodes, predCodes } = encodeLabels(yTrue, yPred);
  const weight = weightOf(options.weights ?? "quadratic");
  const k = labels.length;
  const n = trueCodes.length;
  const trueCounts = new Float64Array(k);
  const predCounts = new Float64Array(k);
  // Σ W·O is a sum of integers: exact in any order.
  let observed = 0;
  for (let s = 0; s < n; s++) {
    trueCounts[trueCodes[s]!]!++;
    predCounts[predCodes[s]!]!++;
    observed += weight(predCodes[s]!, trueCodes[s]!);
  }
  // Σ W·E summed over the k×k matrix in row-major order with numpy's pairwise blocks, so the last
  // bits match `np.sum(w_mat * expected)` (scikit-learn is called as cohen_kappa_score(y_pred, y_true)).
  const block = new Float64Array(BLOCK);
  const sumRange = (start: number, length: number): number => {
    if (length <= BLOCK) {
      for (let t = 0; t < length; t++) {
        const m = start + t;
        const i = Math.floor(m / k);
        const j = m - i * k;
        block[t] = weight(i, j) * ((trueCounts[i]! * predCounts[j]!) / n);
      }
      return pairwiseSum(block, 0, length);
    }
    let half = Math.floor(length / 2);
    half -= half % 8;
    return sumRange(start, half) + sumRange(start + half, length - half);
  };
  const expected = 0 + sumRange(0, k * k);
  return 1 - observed / expected;
}

export const quadraticWeightedKappaMetric = defineMetric({
  id: "quadratic-weighted-kappa",
  aliases: ["qwk", "quadratic-kappa", "weighted-kappa"],
  title: "Quadratic weighted kappa",
  description: "Cohen's kappa with disagreement weighted by the squared distance between class positions: agreement between ordinal ratings beyond what chance gives.",
  direction: "maximize",
  range: [-1, 1],
  inputKind: "labels",
  options: z.strictObject({
    weights: z
      ._default(z.enum(["quadratic", "linear", "none"]), "quadratic")
      .check(z.describe("disagreement weight between label positions i and j: (i−j)² (quadratic, MLE-bench), |i−j| (linear) or 1 (none: plain Cohen's kappa)")),
  }),
  formula: {
    latex: String.raw`\kappa = 1 - \frac{\sum_{i,j} W_{ij} O_{ij}}{\sum_{i,j} W_{ij} E_{ij}},\quad W_{ij} = (i-j)^2,\quad E_{ij} = \frac{n^{\mathrm{true}}_i\, n^{\mathrm{pred}}_j}{n}`,
    text: "O is the confusion matrix over the sorted union of labels, E the matrix expected from the two marginal distributions, W the squared difference of label positions; one minus the ratio of weighted disagreements.",
  },
  edgeCases: [
    { when: "truth and prediction are all the same single class", then: "returns NaN (0/0), as scikit-learn does" },
    { when: "no samples", then: "returns NaN" },
    { when: "constant prediction against varied truth", then: "returns 0" },
    { when: "label values with gaps (e.g. 0, 1, 2, 4)", then: "weights use positions in the sorted union of labels present, not the values" },
    { when: "text labels against numbers or booleans", then: "throws LABEL_TYPE_MISMATCH (scikit-learn: mix of label input types)" },
    { when: "non-integer float labels", then: "throws NON_INTEGER (continuous targets are not supported); integral floats such as 3.0 are fine" },
    { when: "NaN among numeric labels", then: "throws MISSING_VALUE" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "scikit-learn: cohen_kappa_score", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.cohen_kappa_score.html" },
    { title: "APTOS 2019 Blindness Detection: evaluation", authors: "Kaggle", year: 2019, url: "https://www.kaggle.com/competitions/aptos2019-blindness-detection/overview/evaluation" },
  ],
  examples: [
    { input: { yTrue: [0, 1, 2, 3], yPred: [0, 1, 2, 3] }, output: 1 },
    { input: { yTrue: [0, 1, 2], yPred: [0, 2, 1] }, output: 0.5, note: "two neighbours swapped (0.4999999999999999 in floating point, as scikit-learn gives)" },
    { input: { yTrue: [0, 1, 2], yPred: [0, 2, 1] }, options: { weights: "linear" }, output: 0.25 },
    { input: { yTrue: [0, 1, 2], yPred: [0, 2, 1] }, options: { weights: "none" }, output: 0, note: "plain Cohen's kappa: one agreement in three is what chance gives" },
    { input: { yTrue: [0, 1, 2, 4], yPred: [0, 1, 2, 2] }, output: 0.875, note: "label 4 is at position 3, so the miss weighs 1, not 4" },
    { input: { yTrue: [0, 1, 2, 2], yPred: [1, 1, 1, 1] }, output: 0, note: "a constant prediction" },
    { input: { yTrue: [3, 3], yPred: [3, 3] }, output: NaN, note: "one class on both sides: 0/0" },
    { input: { yTrue: [0, 1], yPred: [0.5, 1] }, output: { throws: "NON_INTEGER" } },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `cohen_kappa_score(y_pred, y_true, weights=...)`, the argument order MLE-bench's aptos2019 and learning-agency-lab graders use (the other order differs only in the last bits): confusion matrix over the sorted union of labels, `expected = outer(column sums, row sums) / n`, weights from label positions, `np.sum` with numpy's pairwise summation.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: LabelArray; yPred: LabelArray }, options: { weights: KappaWeights }) => quadraticWeightedKappa(yTrue, yPred, options),
});
