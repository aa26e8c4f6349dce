import { defineMetric, noOptions } from "./_define.js";
import { accuracy } from "./accuracy.js";
import type { LabelArray } from "./_labels.js";

/**
 * Top-1 classification error: the fraction of samples whose (first) predicted label is wrong,
 * i.e. one minus {@link accuracy}.
 *
 * Formula: `error = 1 − (1/n) Σ 1[ŷ_i = y_i]`. Direction: lower is better, range [0, 1].
 *
 * Edge cases: the same as accuracy, which it calls: no samples returns NaN; text labels against
 * numbers compare unequal when either side has more than two classes and throw
 * LABEL_TYPE_MISMATCH when both are binary; non-integer float labels throw NON_INTEGER.
 *
 * @see https://www.kaggle.com/competitions/inaturalist-2019-fgvc6/overview/evaluation
 * @see docs/metrics/top-1-error.md
 * @throws MetricError LABEL_TYPE_MISMATCH, NON_INTEGER, MISSING_VALUE, ROW_COUNT_MISMATCH
 */
export function top1Error(yTrue: LabelArray, yPred: LabelArray): number {
  return 1 - accuracy(yTrue, yPred);
}

export const top1ErrorMetric = defineMetric({
  id: "top-1-error",
  aliases: ["top-1-classification-error", "error-rate", "zero-one-loss"],
  title: "Top-1 classification error",
  description: "Fraction of samples whose predicted class label (the first guess, where several are given) differs from the true label: one minus accuracy.",
  direction: "minimize",
  range: [0, 1],
  inputKind: "labels",
  options: noOptions,
  formula: {
    latex: String.raw`\mathrm{error}(y, \hat y) = 1 - \frac{1}{n}\sum_{i=1}^{n} \mathbf{1}[\hat y_i = y_i]`,
    text: "One minus the fraction of exact label matches.",
  },
  edgeCases: [
    { when: "no samples", then: "returns NaN" },
    { when: "text labels against numbers, either side with more than two classes", then: "compares element-wise, so those rows count as errors" },
    { when: "text labels against numbers, both sides binary", then: "throws LABEL_TYPE_MISMATCH" },
    { when: "non-integer float labels", then: "throws NON_INTEGER" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "iNaturalist 2019 at FGVC6: evaluation", authors: "Kaggle", year: 2019, url: "https://www.kaggle.com/competitions/inaturalist-2019-fgvc6/overview/evaluation" },
    { title: "scikit-learn: zero_one_loss", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.zero_one_loss.html" },
  ],
  examples: [
    { input: { yTrue: [0, 1, 2, 3], yPred: [0, 2, 1, 3] }, output: 0.5 },
    { input: { yTrue: [5, 5, 5], yPred: [5, 5, 5] }, output: 0 },
    { input: { yTrue: [0, 1], yPred: [0.5, 1] }, output: { throws: "NON_INTEGER" } },
  ],
  compat:
    "Computes `1 - accuracy_score(y_true, y_pred)` with scikit-learn 1.5 semantics (see accuracy), as MLE-bench's inaturalist-2019-fgvc6 grader does after taking the first predicted label of each row.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: LabelArray; yPred: LabelArray }) => top1Error(yTrue, yPred),
});
