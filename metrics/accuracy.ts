import { defineMetric, noOptions } from "./_define.js";
import { checkClassificationTargets, labelsEqual, type LabelArray } from "./_labels.js";

/**
 * Accuracy: the fraction of samples whose predicted label equals the true label.
 *
 * Formula: `accuracy = (1/n) Σ 1[ŷ_i = y_i]`. Direction: higher is better, range [0, 1].
 *
 * Edge cases: no samples returns NaN (scikit-learn warns and returns nan); text labels against
 * numeric labels compare unequal when either side has more than two classes, and throw
 * LABEL_TYPE_MISMATCH when both sides are binary (scikit-learn's "same type" TypeError);
 * non-integer float labels throw NON_INTEGER ("continuous" targets); NaN among float labels
 * throws MISSING_VALUE.
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#accuracy-score
 * @see docs/metrics/accuracy.md
 * @throws MetricError LABEL_TYPE_MISMATCH, NON_INTEGER, MISSING_VALUE, ROW_COUNT_MISMATCH
 */
export function accuracy(yTrue: LabelArray, yPred: LabelArray): number {
  checkClassificationTargets(yTrue, yPred);
  const n = yTrue.length;
  if (n === 0) return NaN;
  let correct = 0;
  for (let i = 0; i < n; i++) if (labelsEqual(yTrue[i]!, yPred[i]!)) correct++;
  return correct / n;
}

export const accuracyMetric = defineMetric({
  id: "accuracy",
  aliases: ["accuracy-score", "multi-class-classification-accuracy", "categorization-accuracy"],
  title: "Accuracy",
  description: "Fraction of samples whose predicted class label equals the true label (exact match).",
  direction: "maximize",
  range: [0, 1],
  inputKind: "labels",
  options: noOptions,
  formula: {
    latex: String.raw`\mathrm{accuracy}(y, \hat y) = \frac{1}{n}\sum_{i=1}^{n} \mathbf{1}[\hat y_i = y_i]`,
    text: "The number of exact label matches divided by the number of samples.",
  },
  edgeCases: [
    { when: "no samples", then: "returns NaN (scikit-learn warns and returns nan)" },
    { when: "text labels against numbers, either side with more than two classes", then: "compares element-wise, so those rows count as wrong" },
    { when: "text labels against numbers, both sides binary", then: "throws LABEL_TYPE_MISMATCH" },
    { when: "non-integer float labels", then: "throws NON_INTEGER (scikit-learn: continuous targets are not supported)" },
    { when: "NaN among numeric labels", then: "throws MISSING_VALUE" },
    { when: "booleans against 0/1 integers", then: "True equals 1 and False equals 0, as numpy compares them" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "scikit-learn user guide: accuracy score", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#accuracy-score" },
  ],
  examples: [
    { input: { yTrue: [0, 1, 2, 3], yPred: [0, 2, 1, 3] }, output: 0.5 },
    { input: { yTrue: ["cat", "dog", "cat"], yPred: ["cat", "dog", "dog"] }, output: 2 / 3 },
    { input: { yTrue: [true, false, true], yPred: [1, 0, 0] }, output: 2 / 3, note: "booleans equal 0/1 integers" },
    { input: { yTrue: [true, false], yPred: ["True", "False"] }, output: { throws: "LABEL_TYPE_MISMATCH" }, note: "binary labels of different types" },
    { input: { yTrue: [0, 1, 2], yPred: ["0", "1", "2"] }, output: 0, note: "multiclass labels of different types compare unequal" },
    { input: { yTrue: [0, 1], yPred: [0.5, 1] }, output: { throws: "NON_INTEGER" } },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `accuracy_score` on 1-D labels, including `_check_targets`: the mixed-type rules above match 1.5.1 (scikit-learn 1.9 raises on any text/number mix). MLE-bench's 12 accuracy graders call it on the id-sorted target columns.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: LabelArray; yPred: LabelArray }) => accuracy(yTrue, yPred),
});
