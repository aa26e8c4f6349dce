import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { checkClassificationTargets, encodeLabels, type LabelArray } from "./_labels.js";

/**
 * Macro-averaged F1: the F1 score of each class, then the unweighted mean over classes.
 *
 * Formula: for each label c in the sorted union of true and predicted labels,
 * `F1_c = 2·TP_c / (2·TP_c + FP_c + FN_c)`; `macroF1 = (1/C) Σ_c F1_c`.
 * Direction: higher is better, range [0, 1].
 *
 * Edge cases: a label that is only predicted (never true) has TP = 0 and counts as 0, pulling the
 * mean down; the denominator is never 0 for a label of the union, so scikit-learn's zero_division
 * rule (→ 0) never applies; no samples returns NaN; text labels mixed with numbers throw
 * LABEL_TYPE_MISMATCH (even when multiclass, unlike accuracy); non-integer float labels throw
 * NON_INTEGER; NaN among numeric labels throws MISSING_VALUE.
 *
 * @see https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.f1_score.html
 * @see docs/metrics/macro-f1.md
 * @throws MetricError LABEL_TYPE_MISMATCH, NON_INTEGER, MISSING_VALUE, ROW_COUNT_MISMATCH
 */
export function macroF1(yTrue: LabelArray, yPred: LabelArray): number {
  checkClassificationTargets(yTrue, yPred);
  const { labels, trueCodes, predCodes } = encodeLabels(yTrue, yPred);
  const k = labels.length;
  if (k === 0) return NaN;
  const truePositives = new Float64Array(k);
  const trueCounts = new Float64Array(k);
  const predCounts = new Float64Array(k);
  for (let i = 0; i < trueCodes.length; i++) {
    const t = trueCodes[i]!;
    const p = predCodes[i]!;
    trueCounts[t]!++;
    predCounts[p]!++;
    if (t === p) truePositives[t]!++;
  }
  // scikit-learn ≥ 1.4 divides the counts directly: (1 + β²)·TP / (β²·(TP + FN) + (TP + FP)).
  const scores = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const denominator = trueCounts[c]! + predCounts[c]!;
    scores[c] = denominator === 0 ? 0 : (2 * truePositives[c]!) / denominator;
  }
  return numpyMean(scores);
}

export const macroF1Metric = defineMetric({
  id: "macro-f1",
  aliases: ["macro-f1-score", "f1-macro"],
  title: "Macro F1",
  description: "Unweighted mean over classes of each class's F1 score (harmonic mean of precision and recall), counting every label that is true or predicted.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "labels",
  options: noOptions,
  formula: {
    latex: String.raw`\mathrm{F1}_{\mathrm{macro}} = \frac{1}{|C|}\sum_{c \in C} \frac{2\,\mathrm{TP}_c}{2\,\mathrm{TP}_c + \mathrm{FP}_c + \mathrm{FN}_c},\quad C = \mathrm{labels}(y) \cup \mathrm{labels}(\hat y)`,
    text: "For each label that appears in the truth or the predictions, 2·TP / (2·TP + FP + FN); then the plain mean over those labels.",
  },
  edgeCases: [
    { when: "a label is predicted but never true", then: "it scores 0 and counts in the mean" },
    { when: "a label is true but never predicted", then: "it scores 0 and counts in the mean" },
    { when: "no samples", then: "returns NaN (scikit-learn 1.5 averages an empty list of labels to nan)" },
    { when: "text labels against numbers or booleans", then: "throws LABEL_TYPE_MISMATCH (scikit-learn: mix of label input types), even with many classes" },
    { when: "non-integer float labels", then: "throws NON_INTEGER (continuous targets are not supported)" },
    { when: "NaN among numeric labels", then: "throws MISSING_VALUE" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "scikit-learn: f1_score", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.f1_score.html" },
    { title: "scikit-learn user guide: precision, recall and F-measures", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#precision-recall-f-measure-metrics" },
  ],
  examples: [
    { input: { yTrue: [0, 1, 2, 0], yPred: [0, 2, 1, 0] }, output: 1 / 3, note: "class 0 scores 1, classes 1 and 2 score 0" },
    { input: { yTrue: [1, 1, 1], yPred: [1, 1, 9] }, output: 0.4, note: "label 9 is only predicted: F1 = (0.8 + 0) / 2" },
    { input: { yTrue: ["a", "b"], yPred: ["a", "b"] }, output: 1 },
    { input: { yTrue: [0, 1, 2], yPred: ["0", "1", "2"] }, output: { throws: "LABEL_TYPE_MISMATCH" } },
    { input: { yTrue: [0, 1], yPred: [0.5, 1] }, output: { throws: "NON_INTEGER" } },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `f1_score(average='macro')` on 1-D labels: labels = sorted union of both arrays, per-label F1 from the counts (the formula scikit-learn uses since 1.4; 1.2's precision/recall form differs only in the last bits), mean with numpy's pairwise sum. MLE-bench's herbarium-2020/2021/2022 and iwildcam-2019 graders call it on `int()`-converted labels.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: LabelArray; yPred: LabelArray }) => macroF1(yTrue, yPred),
});
