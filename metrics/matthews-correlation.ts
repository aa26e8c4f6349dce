import { defineMetric, noOptions } from "./_define.js";
import { checkClassificationTargets, encodeLabels, type LabelArray } from "./_labels.js";

/**
 * Matthews correlation coefficient (multiclass R_K statistic of Gorodkin).
 *
 * Formula: with the confusion matrix C over the sorted union of labels, t_k = true count of class
 * k, p_k = predicted count, c = number correct, s = number of samples,
 * `MCC = (c·s − Σ_k t_k·p_k) / √((s² − Σ_k p_k²)(s² − Σ_k t_k²))`. Direction: higher is better,
 * range [−1, 1].
 *
 * Edge cases: when either factor under the root is 0 (all true labels or all predictions in one
 * class, or no samples) it returns 0, as scikit-learn does; text labels mixed with numbers throw
 * LABEL_TYPE_MISMATCH; non-integer float labels (probabilities) throw NON_INTEGER; NaN among
 * numeric labels throws MISSING_VALUE.
 *
 * @see https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.matthews_corrcoef.html
 * @see docs/metrics/matthews-correlation.md
 * @throws MetricError LABEL_TYPE_MISMATCH, NON_INTEGER, MISSING_VALUE, ROW_COUNT_MISMATCH
 */
export function matthewsCorrelation(yTrue: LabelArray, yPred: LabelArray): number {
  checkClassificationTargets(yTrue, yPred);
  const { labels, trueCodes, predCodes } = encodeLabels(yTrue, yPred);
  const k = labels.length;
  const trueCounts = new Float64Array(k);
  const predCounts = new Float64Array(k);
  let correct = 0;
  for (let i = 0; i < trueCodes.length; i++) {
    const t = trueCodes[i]!;
    const p = predCodes[i]!;
    trueCounts[t]!++;
    predCounts[p]!++;
    if (t === p) correct++;
  }
  // Every product and sum below is an integer under 2^53 for any realistic n, so the order of
  // the sums cannot change the result; only the last multiplication, root and division round.
  const samples = trueCodes.length;
  let truePred = 0;
  let predPred = 0;
  let trueTrue = 0;
  for (let c = 0; c < k; c++) {
    truePred += trueCounts[c]! * predCounts[c]!;
    predPred += predCounts[c]! * predCounts[c]!;
    trueTrue += trueCounts[c]! * trueCounts[c]!;
  }
  const covTruePred = correct * samples - truePred;
  const covPredPred = samples * samples - predPred;
  const covTrueTrue = samples * samples - trueTrue;
  if (covPredPred * covTrueTrue === 0) return 0;
  return covTruePred / Math.sqrt(covTrueTrue * covPredPred);
}

export const matthewsCorrelationMetric = defineMetric({
  id: "matthews-correlation",
  aliases: ["matthews-correlation-coefficient", "mcc", "matthews-corrcoef"],
  title: "Matthews correlation coefficient",
  description: "Correlation between true and predicted class labels computed from the confusion matrix; 1 is perfect, 0 no better than chance, −1 total disagreement (binary).",
  direction: "maximize",
  range: [-1, 1],
  inputKind: "labels",
  options: noOptions,
  formula: {
    latex: String.raw`\mathrm{MCC} = \frac{c\,s - \sum_k t_k p_k}{\sqrt{\big(s^2 - \sum_k p_k^2\big)\big(s^2 - \sum_k t_k^2\big)}}`,
    text: "c = correct predictions, s = samples, t_k and p_k = how often class k is true and predicted; for two classes this is (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)).",
  },
  edgeCases: [
    { when: "all true labels, or all predictions, are one class", then: "returns 0 (the denominator is 0), even for a perfect prediction" },
    { when: "no samples", then: "returns 0" },
    { when: "text labels against numbers or booleans", then: "throws LABEL_TYPE_MISMATCH (scikit-learn raises TypeError), with two or more classes" },
    { when: "non-integer float predictions (probabilities)", then: "throws NON_INTEGER (continuous targets are not supported)" },
    { when: "NaN among numeric labels", then: "throws MISSING_VALUE" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: false, monotoneInvariant: false },
  references: [
    { title: "scikit-learn: matthews_corrcoef", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.matthews_corrcoef.html" },
    { title: "Comparing two K-category assignments by a K-category correlation coefficient", authors: "J. Gorodkin", year: 2004, url: "https://doi.org/10.1016/j.compbiolchem.2004.09.006" },
  ],
  examples: [
    { input: { yTrue: [1, 1, 1, 0], yPred: [1, 0, 1, 1] }, output: -1 / 3 },
    { input: { yTrue: [0, 1, 0, 1], yPred: [0, 1, 0, 1] }, output: 1 },
    { input: { yTrue: [1, 1, 1], yPred: [1, 1, 1] }, output: 0, note: "one class: the denominator is 0" },
    { input: { yTrue: [0, 1, 1], yPred: [0.1, 0.9, 0.8] }, output: { throws: "NON_INTEGER" }, note: "probabilities must be thresholded first" },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `matthews_corrcoef` on 1-D labels, including `_check_targets` and its LabelEncoder (text mixed with numbers raises there even for multiclass labels, where accuracy compares element-wise). MLE-bench's nfl-player-contact-detection grader calls it on the id-sorted `contact` columns.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: LabelArray; yPred: LabelArray }) => matthewsCorrelation(yTrue, yPred),
});
