import { defineMetric, noOptions } from "./_define.js";
import type { Label, LabelArray } from "./_labels.js";
import { binaryRocAuc, posLabelTarget, rocCurveOf, twoClassTarget, type RocCurve } from "./_roc.js";

/**
 * Area under the ROC curve (binary ROC AUC): the probability that a random positive scores higher
 * than a random negative, ties counting one half.
 *
 * Formula: with the points (fpr, tpr) of the ROC curve at each distinct score, highest first,
 * `AUC = Σ_k (fpr_k − fpr_{k−1}) · (tpr_k + tpr_{k−1}) / 2`, which equals the Mann–Whitney
 * U / (P·N). Direction: higher is better, range [0, 1] (0.5 for constant or random scores).
 *
 * Edge cases: y_true must hold exactly two classes and the larger one is positive (one class, or
 * three, throws UNDEFINED_METRIC, as scikit-learn raises ValueError); non-integer labels throw
 * NON_INTEGER; NaN scores throw MISSING_VALUE and infinite ones NON_FINITE; different lengths
 * throw ROW_COUNT_MISMATCH.
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#roc-metrics
 * @see docs/metrics/roc-auc.md
 * @throws MetricError UNDEFINED_METRIC, NON_INTEGER, MISSING_VALUE, NON_FINITE, LABEL_TYPE_MISMATCH, ROW_COUNT_MISMATCH
 */
export function rocAuc(yTrue: LabelArray, yScore: ArrayLike<number>): number {
  return binaryRocAuc(twoClassTarget(yTrue), yScore);
}

export interface RocCurveOptions {
  /** The positive class; without it y_true must take values in {0, 1} or {−1, 1} and 1 is positive. */
  posLabel?: Label;
  /** Drop the points that lie on a straight run of equal steps (scikit-learn's default, true). */
  dropIntermediate?: boolean;
}

/**
 * The ROC curve exactly as scikit-learn 1.5's `roc_curve` returns it: false and true positive
 * rates at each distinct score from the highest down, after a leading (0, 0) point whose
 * threshold is +∞; `dropIntermediate` (default true) removes the points between equal steps.
 * A class with no rows gives NaN rates for that axis.
 *
 * @throws MetricError UNDEFINED_METRIC, NON_INTEGER, MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH
 */
export function rocCurve(yTrue: LabelArray, yScore: ArrayLike<number>, options: RocCurveOptions = {}): RocCurve {
  return rocCurveOf(posLabelTarget(yTrue, options.posLabel), yScore, options.dropIntermediate ?? true);
}

export type { RocCurve } from "./_roc.js";

export const rocAucMetric = defineMetric({
  id: "roc-auc",
  aliases: ["auc-roc", "auroc", "roc_auc_score", "binary-roc-auc"],
  title: "ROC AUC",
  description: "Area under the receiver operating characteristic curve of binary scores: how well the scores rank positives above negatives.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "binary-scores",
  options: noOptions,
  formula: {
    latex: String.raw`\mathrm{AUC} = \sum_{k} (\mathrm{fpr}_k - \mathrm{fpr}_{k-1})\,\frac{\mathrm{tpr}_k + \mathrm{tpr}_{k-1}}{2}`,
    text: "Trapezoid area under the ROC curve traced by lowering the threshold through each distinct score; tied scores form one step, so a tied positive–negative pair counts one half.",
  },
  edgeCases: [
    { when: "y_true has one class", then: "throws UNDEFINED_METRIC (scikit-learn 1.5 raises ValueError; 1.6 and later return NaN)" },
    { when: "y_true has more than two classes", then: "throws UNDEFINED_METRIC" },
    { when: "non-integer labels in y_true", then: "throws NON_INTEGER (continuous targets are not supported)" },
    { when: "NaN score or label", then: "throws MISSING_VALUE" },
    { when: "infinite score", then: "throws NON_FINITE" },
    { when: "all scores equal", then: "returns 0.5" },
    { when: "labels other than 0/1", then: "the larger label (numbers numerically, text by code point, True over False) is the positive class" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "scikit-learn user guide: receiver operating characteristic", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#roc-metrics" },
    { title: "An introduction to ROC analysis", authors: "Tom Fawcett", year: 2006, url: "https://people.inf.elte.hu/kiss/11dwhdm/roc.pdf" },
  ],
  examples: [
    { input: { yTrue: [0, 0, 1, 1], yScore: [0.1, 0.4, 0.35, 0.8] }, output: 0.75 },
    { input: { yTrue: [0, 1, 0, 1], yScore: [0.5, 0.5, 0.2, 0.9] }, output: 0.875, note: "a tied positive–negative pair counts one half" },
    { input: { yTrue: ["ham", "spam", "spam"], yScore: [0.9, 0.2, 0.4] }, output: 0, note: "the larger label (\"spam\") is positive" },
    { input: { yTrue: [1, 1, 1], yScore: [0.2, 0.5, 0.9] }, output: { throws: "UNDEFINED_METRIC" }, note: "one class" },
    { input: { yTrue: [0, 1], yScore: [0.2, NaN] }, output: { throws: "MISSING_VALUE" } },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `roc_auc_score` on binary targets: `label_binarize` (larger class positive), `roc_curve` with `drop_intermediate=True` (the same point set), and `auc` with numpy's trapezoid and pairwise summation, so results match to the last bit. One class in y_true raises, as in 1.5 (1.6+ return NaN). Scores are sorted with a linear-time radix sort per class. Used by MLE-bench's 11 single-column AUC graders, ranzcr, plant-pathology-2020 and (via `rocCurve`) alaska2.",
  since: "0.1.0",
  evaluate: ({ yTrue, yScore }: { yTrue: LabelArray; yScore: ArrayLike<number> }) => rocAuc(yTrue, yScore),
});

