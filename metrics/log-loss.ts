import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean, pairwiseSum } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { typeOfTarget, uniqueLabels, type Label, type LabelArray } from "./_labels.js";
import { clip, isMatrix, isMatrixLike, toMatrix, type Matrix, type MatrixLike } from "./_probabilities.js";

/** float64 machine epsilon, `np.finfo(np.float64).eps`: scikit-learn's clipping bound. */
export const FLOAT64_EPS = 2.220446049250313e-16;

export interface LogLossOptions {
  /** Predictions are clipped to [eps, 1 − eps]; scikit-learn ≥ 1.5 always uses float64 epsilon. */
  eps?: number;
  /**
   * Divide each prediction row by its sum before clipping (Kaggle's multi-class log loss). Off by
   * default: scikit-learn ≥ 1.5 does not renormalise.
   */
  normalizeRows?: boolean;
}

/**
 * The truth as scikit-learn's `LabelBinarizer` encodes it: either the column of the single true
 * class per row (`index`), or a general indicator matrix.
 */
type EncodedTruth = { cols: number; index: Int32Array; matrix?: undefined } | { cols: number; matrix: Matrix; index?: undefined };

/**
 * Log loss (cross-entropy) of predicted probabilities, exactly as scikit-learn 1.5 `log_loss`.
 *
 * Formula: `L = −(1/n) Σ_i Σ_c y_ic · ln(clip(p_ic, ε, 1 − ε))` with ε = 2.220446049250313e-16.
 * Direction: lower is better, range [0, ∞).
 *
 * `yTrue` is either class labels (binary or multi-class; the classes are the sorted distinct
 * labels, so with two classes the larger label is the positive one) or an indicator matrix
 * (rows × classes, e.g. one-hot answers). `yProb` is either the positive-class probability per row
 * (binary: it becomes the columns [1 − p, p]) or a matrix with one column per class in sorted
 * class order. Rows are not renormalised (scikit-learn ≥ 1.5) and values outside [0, 1] are
 * clipped, not rejected.
 *
 * Edge cases: a single class in label `yTrue` throws UNDEFINED_METRIC; NaN / infinite
 * probabilities throw MISSING_VALUE / NON_FINITE; more or fewer probability columns than classes
 * throw UNEXPECTED_COLUMN / MISSING_COLUMN; no rows throws UNDEFINED_METRIC.
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#log-loss
 * @see docs/metrics/log-loss.md
 * @throws MetricError UNDEFINED_METRIC, MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH, MISSING_COLUMN,
 *   UNEXPECTED_COLUMN, NON_INTEGER, LABEL_TYPE_MISMATCH, MALFORMED_PREDICTION
 */
export function logLoss(yTrue: LabelArray | MatrixLike, yProb: ArrayLike<number> | MatrixLike, options: LogLossOptions = {}): number {
  const eps = options.eps ?? FLOAT64_EPS;
  // scikit-learn checks the predictions first (finite, at least one row), then the lengths, then the truth.
  const prob: Matrix = isMatrixLike(yProb)
    ? toMatrix(yProb, "y_prob")
    : { rows: yProb.length, cols: 1, data: yProb instanceof Float64Array ? yProb : Float64Array.from(yProb) };
  requireFiniteProbabilities(prob);
  if (prob.rows === 0) throw new MetricError("UNDEFINED_METRIC", "log loss needs at least one sample, got none");
  const truthRows = isMatrix(yTrue) ? yTrue.rows : (yTrue as ArrayLike<unknown>).length;
  if (truthRows !== prob.rows) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${truthRows} predictions, got ${prob.rows}`);
  const truth = encodeTruth(yTrue);
  // A single probability column is the positive class: [1 − p, p].
  const predCols = prob.cols === 1 ? 2 : prob.cols;
  if (predCols !== truth.cols) {
    throw new MetricError(predCols < truth.cols ? "MISSING_COLUMN" : "UNEXPECTED_COLUMN", `y_true has ${truth.cols} classes but y_prob has ${predCols} probability columns`);
  }

  const n = prob.rows;
  const k = predCols;
  const low = eps;
  const high = 1 - eps;
  const data = prob.data;
  const losses = new Float64Array(n);
  const index = truth.index;
  if (index && !options.normalizeRows) {
    // One true class per row: the row sum of xlogy is exactly ln p of that class.
    if (prob.cols === 1) {
      for (let i = 0; i < n; i++) {
        const p = data[i]!;
        losses[i] = -Math.log(clip(index[i] === 1 ? p : 1 - p, low, high));
      }
    } else {
      for (let i = 0; i < n; i++) losses[i] = -Math.log(clip(data[i * k + index[i]!]!, low, high));
    }
    return numpyMean(losses);
  }
  const row = new Float64Array(k);
  const terms = new Float64Array(k);
  const weights = truth.matrix?.data;
  for (let i = 0; i < n; i++) {
    if (prob.cols === 1) {
      row[0] = 1 - data[i]!;
      row[1] = data[i]!;
    } else {
      for (let c = 0; c < k; c++) row[c] = data[i * k + c]!;
    }
    if (options.normalizeRows) {
      const total = pairwiseSum(row);
      for (let c = 0; c < k; c++) row[c] = row[c]! / total;
    }
    for (let c = 0; c < k; c++) {
      const y = weights ? weights[i * k + c]! : index![i] === c ? 1 : 0;
      terms[c] = y === 0 ? 0 : y * Math.log(clip(row[c]!, low, high));
    }
    losses[i] = -pairwiseSum(terms);
  }
  return numpyMean(losses);
}

function requireFiniteProbabilities(prob: Matrix): void {
  const data = prob.data;
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (!Number.isFinite(value)) {
      const where = `y_prob row ${Math.floor(i / prob.cols) + 1}${prob.cols > 1 ? `, column ${(i % prob.cols) + 1}` : ""}`;
      throw new MetricError(Number.isNaN(value) ? "MISSING_VALUE" : "NON_FINITE", `${where}: expected a finite probability, got ${value}`);
    }
  }
}

/** scikit-learn's `LabelBinarizer().fit(y_true).transform(y_true)`, with binary labels widened to [1 − t, t]. */
function encodeTruth(yTrue: LabelArray | MatrixLike): EncodedTruth {
  if (isMatrixLike(yTrue)) {
    const matrix = toMatrix(yTrue, "y_true");
    // A single column is a column vector of labels.
    if (matrix.cols !== 1) return encodeIndicator(matrix);
    yTrue = matrix.data;
  }
  const labels = yTrue as LabelArray;
  const classes = numericClasses(labels) ?? genericClasses(labels);
  if (classes.length < 2) {
    throw new MetricError("UNDEFINED_METRIC", `y_true contains only one label (${String(classes[0])}); log loss needs at least two classes (pass one-hot rows to name the classes)`);
  }
  const index = new Int32Array(labels.length);
  if (classes.length === 2 && typeof classes[1] === "number") {
    const positive = classes[1];
    for (let i = 0; i < labels.length; i++) index[i] = labelKey(labels[i]!) === positive ? 1 : 0;
  } else {
    const position = new Map<Label, number>();
    classes.forEach((label, c) => position.set(labelKey(label), c));
    for (let i = 0; i < labels.length; i++) index[i] = position.get(labelKey(labels[i]!))!;
  }
  return { cols: classes.length, index };
}

/**
 * Sorted distinct labels of an all-number array in one pass, with `type_of_target`'s errors (a
 * non-finite value among floats, or non-integral floats); undefined when some label is not a number.
 */
function numericClasses(labels: LabelArray): number[] | undefined {
  let first = NaN;
  let second = NaN;
  let distinct = 0;
  let more: Set<number> | undefined;
  let nonInteger = -1;
  let nonFinite = -1;
  for (let i = 0; i < labels.length; i++) {
    const value = labels[i]!;
    if (typeof value !== "number") return undefined;
    if (!Number.isInteger(value)) {
      if (nonInteger < 0) nonInteger = i;
      if (nonFinite < 0 && !Number.isFinite(value)) nonFinite = i;
      continue;
    }
    if (value === first || value === second) continue;
    if (distinct === 0) first = value;
    else if (distinct === 1) second = value;
    else (more ??= new Set([first, second])).add(value);
    if (distinct < 2) distinct++;
  }
  if (nonFinite >= 0) {
    const value = labels[nonFinite] as number;
    throw new MetricError(Number.isNaN(value) ? "MISSING_VALUE" : "NON_FINITE", `y_true position ${nonFinite + 1}: expected finite labels, got ${value}`);
  }
  if (nonInteger >= 0) throw new MetricError("NON_INTEGER", "y_true: expected class labels, got continuous values");
  const values = more ? [...more] : distinct === 2 ? [first, second] : [first];
  return values.sort((a, b) => a - b);
}

/** Labels of any type: text, booleans, or a mix (scikit-learn's rules via `_labels.ts`). */
function genericClasses(labels: LabelArray): Label[] {
  const type = typeOfTarget(labels, "y_true");
  if (type === "continuous") throw new MetricError("NON_INTEGER", "y_true: expected class labels, got continuous values");
  if (type === "unknown") throw new MetricError("LABEL_TYPE_MISMATCH", "y_true: expected labels of one type, got a mix");
  return uniqueLabels(labels, "y_true");
}

/** Numbers and booleans share keys (True == 1), text never equals a number. */
function labelKey(label: Label): Label {
  return typeof label === "boolean" ? Number(label) : label;
}

/**
 * A matrix `y_true` must be what scikit-learn calls a multilabel indicator: finite, integral, at
 * most two distinct values; its values are used as they are. One-hot rows become class indices.
 */
function encodeIndicator(matrix: Matrix): EncodedTruth {
  const { rows, cols, data } = matrix;
  let first = NaN;
  let second = NaN;
  let oneHot = true;
  const index = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let ones = 0;
    for (let c = 0; c < cols; c++) {
      const value = data[i * cols + c]!;
      if (!Number.isInteger(value)) {
        const code = Number.isNaN(value) ? "MISSING_VALUE" : Number.isFinite(value) ? "NON_INTEGER" : "NON_FINITE";
        throw new MetricError(code, `y_true row ${i + 1}: expected 0 or 1, got ${value}`);
      }
      if (value !== first && value !== second) {
        if (Number.isNaN(first)) first = value;
        else if (Number.isNaN(second)) second = value;
        else throw new MetricError("LABEL_TYPE_MISMATCH", `y_true: expected an indicator matrix (two distinct values), got ${first}, ${second} and ${value}`);
      }
      if (value === 1) {
        ones++;
        index[i] = c;
      } else if (value !== 0) oneHot = false;
    }
    if (ones !== 1) oneHot = false;
  }
  return oneHot ? { cols, index } : { cols, matrix };
}

export const logLossMetric = defineMetric({
  id: "log-loss",
  aliases: ["multi-class-log-loss", "binary-log-loss", "logloss", "log_loss", "cross-entropy"],
  title: "Log loss",
  description: "Negative mean log-likelihood of the true classes under the predicted probabilities (binary or multi-class cross-entropy).",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "class-probabilities",
  options: z.strictObject({
    eps: z
      ._default(z.number().check(z.positive(), z.lt(0.5)), FLOAT64_EPS)
      .check(z.describe("clip predictions to [eps, 1 − eps]; scikit-learn ≥ 1.5 uses float64 epsilon 2.220446049250313e-16, Kaggle 1e-15")),
    normalizeRows: z
      ._default(z.boolean(), false)
      .check(z.describe("divide each prediction row by its sum before clipping (Kaggle's multi-class log loss); scikit-learn ≥ 1.5 does not")),
  }),
  formula: {
    latex: String.raw`L = -\frac{1}{n}\sum_{i=1}^{n}\sum_{c=1}^{k} y_{ic}\,\ln\big(\min(\max(p_{ic}, \varepsilon), 1-\varepsilon)\big),\quad \varepsilon = 2^{-52}`,
    text: "For each row, minus the log of the probability given to its true class (after clipping to [ε, 1 − ε]); then the mean over rows.",
  },
  edgeCases: [
    { when: "y_true has a single class and is given as labels", then: "throws UNDEFINED_METRIC (scikit-learn's ValueError); one-hot rows name every class and work" },
    { when: "a probability is exactly 0 or 1", then: "clipped to ε or 1 − ε: a confident miss costs −ln ε ≈ 36.04 for that row" },
    { when: "rows do not sum to 1", then: "used as they are (scikit-learn ≥ 1.5 only warns); normalizeRows rescales them" },
    { when: "a probability outside [0, 1]", then: "clipped to [ε, 1 − ε], not rejected" },
    { when: "NaN or infinite probability", then: "throws MISSING_VALUE or NON_FINITE" },
    { when: "1-D probabilities", then: "read as the probability of the larger label: columns [1 − p, p]" },
    { when: "the number of probability columns differs from the number of classes", then: "throws MISSING_COLUMN or UNEXPECTED_COLUMN" },
    { when: "no rows", then: "throws UNDEFINED_METRIC" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "scikit-learn user guide: log loss", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#log-loss" },
    { title: "Cross-entropy", url: "https://en.wikipedia.org/wiki/Cross-entropy" },
  ],
  examples: [
    { input: { yTrue: ["spam", "ham", "ham", "spam"], yProb: [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]] }, output: 0.21616187468057912, note: "columns follow the sorted labels: ham, spam" },
    { input: { yTrue: [0, 1, 1], yProb: [0.2, 0.7, 0.9] }, output: -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9)) / 3, note: "1-D probabilities of the positive class" },
    { input: { yTrue: [[0, 1, 0], [1, 0, 0]], yProb: [[0.2, 0.7, 0.1], [0.6, 0.2, 0.2]] }, output: -(Math.log(0.7) + Math.log(0.6)) / 2, note: "one-hot truth" },
    { input: { yTrue: [0, 1], yProb: [1, 0] }, output: -Math.log(FLOAT64_EPS), note: "both rows confidently wrong: clipped at float64 epsilon" },
    { input: { yTrue: [1, 1], yProb: [0.5, 0.5] }, output: { throws: "UNDEFINED_METRIC" }, note: "a single class in label form" },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `log_loss`: clipping to [ε, 1 − ε] with ε = float64 epsilon and no renormalisation of rows (scikit-learn ≤ 1.4 renormalised rows after clipping; ≤ 1.1 clipped at 1e-15), 1-D predictions widened to [1 − p, p], classes in sorted order, an indicator `y_true` used as given, a single label class an error, and the row losses averaged with numpy's pairwise summation. MLE-bench's six log-loss graders call it (dogs-vs-cats, statoil, dog-breed, leaf, spooky, lmsys).",
  since: "0.1.0",
  evaluate: ({ yTrue, yProb }: { yTrue: LabelArray | MatrixLike; yProb: ArrayLike<number> | MatrixLike }, options: { eps: number; normalizeRows: boolean }) =>
    logLoss(yTrue, yProb, options),
});
