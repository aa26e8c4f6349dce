import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { requireSameShape, toMatrix, type Matrix, type MatrixLike } from "./_probabilities.js";
import { rocAuc } from "./roc-auc.js";

function column(matrix: Matrix, c: number): Float64Array {
  const out = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) out[i] = matrix.data[i * matrix.cols + c]!;
  return out;
}

/**
 * Mean column-wise ROC AUC (macro-averaged ROC AUC): the binary ROC AUC of each label column,
 * averaged with equal weight.
 *
 * Formula: `score = (1/C) Σ_c AUC(y_true[:, c], y_score[:, c])`. Direction: higher is better,
 * range [0, 1].
 *
 * Inputs are (n_samples × n_labels) matrices: rows of numbers, or a row-major {@link Matrix}
 * (which graders build from columns without an array per row). `names` label the columns in
 * messages.
 *
 * Edge cases: any column whose truth has a single class throws UNDEFINED_METRIC (scikit-learn 1.5
 * raises ValueError rather than skipping the column); NaN scores throw MISSING_VALUE; matrices of
 * different shapes throw ROW_COUNT_MISMATCH / MISSING_COLUMN / UNEXPECTED_COLUMN; no columns
 * throws UNDEFINED_METRIC.
 *
 * @see https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.roc_auc_score.html
 * @see docs/metrics/mean-column-roc-auc.md
 * @throws MetricError UNDEFINED_METRIC, MISSING_VALUE, NON_FINITE, NON_INTEGER, MISSING_COLUMN, UNEXPECTED_COLUMN, ROW_COUNT_MISMATCH, MALFORMED_PREDICTION
 */
export function meanColumnRocAuc(yTrue: MatrixLike, yScore: MatrixLike, names?: readonly string[]): number {
  const truth = toMatrix(yTrue, "y_true");
  const scores = toMatrix(yScore, "y_score");
  requireSameShape(truth, scores, ["y_true", "y_score"]);
  if (truth.cols === 0) throw new MetricError("UNDEFINED_METRIC", "expected at least one label column, got none");
  const aucs = new Float64Array(truth.cols);
  for (let c = 0; c < truth.cols; c++) {
    try {
      aucs[c] = rocAuc(column(truth, c), column(scores, c));
    } catch (error) {
      if (!(error instanceof MetricError)) throw error;
      const label = names?.[c] !== undefined ? `column "${names[c]}"` : `column ${c + 1}`;
      throw new MetricError(error.code, `${label}: ${error.message}`, error.issues);
    }
  }
  return numpyMean(aucs);
}

export const meanColumnRocAucMetric = defineMetric({
  id: "mean-column-roc-auc",
  aliases: ["mean-column-wise-roc-auc", "column-wise-roc-auc", "auroc-multi-label", "macro-roc-auc"],
  title: "Mean column-wise ROC AUC",
  description: "Binary ROC AUC of each label column, averaged over the columns with equal weight (macro average).",
  direction: "maximize",
  range: [0, 1],
  inputKind: "multilabel-scores",
  options: noOptions,
  formula: {
    latex: String.raw`\frac{1}{C}\sum_{c=1}^{C} \mathrm{AUC}\big(y_{\cdot c}, \hat s_{\cdot c}\big)`,
    text: "The ROC AUC of each column (ties counting one half), then the plain mean over columns.",
  },
  edgeCases: [
    { when: "a column's truth has one class", then: "throws UNDEFINED_METRIC (scikit-learn 1.5 raises; 1.6+ returns NaN for that column, making the mean NaN)" },
    { when: "NaN score", then: "throws MISSING_VALUE" },
    { when: "matrices of different shapes", then: "throws ROW_COUNT_MISMATCH, MISSING_COLUMN or UNEXPECTED_COLUMN" },
    { when: "no columns", then: "throws UNDEFINED_METRIC" },
    { when: "labels other than 0/1 in a column", then: "that column's larger label is positive (scikit-learn's indicator-matrix form needs 0/1)" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "scikit-learn: roc_auc_score (average='macro')", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.roc_auc_score.html" },
  ],
  examples: [
    { input: { yTrue: [[0, 1], [0, 0], [1, 1], [1, 0]], yScore: [[0.1, 0.9], [0.4, 0.1], [0.35, 0.8], [0.8, 0.2]] }, output: 0.875, note: "column AUCs 0.75 and 1" },
    { input: { yTrue: [[0, 1], [1, 1]], yScore: [[0.2, 0.5], [0.7, 0.6]] }, output: { throws: "UNDEFINED_METRIC" }, note: "the second column has one class" },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `roc_auc_score(average='macro')` on label-indicator matrices (and the `np.mean` / `np.average` of per-column `roc_auc_score` calls that some graders write out): per-column binary ROC AUC exactly as `roc-auc`, then numpy's mean. A single-class column raises as in 1.5. Used by jigsaw-toxic-comment-classification-challenge, plant-pathology-2020-fgvc7, playground-series-s3e18 and ranzcr-clip-catheter-line-classification.",
  since: "0.1.0",
  evaluate: ({ yTrue, yScore }: { yTrue: MatrixLike; yScore: MatrixLike }) => meanColumnRocAuc(yTrue, yScore),
});
