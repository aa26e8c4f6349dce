/**
 * The ROC machinery the AUC metrics share, step for step as scikit-learn 1.5 computes it
 * (`sklearn/metrics/_ranking.py`): label handling (`roc_auc_score`'s two-class rule, `roc_curve`'s
 * `pos_label` rule), the cumulative counts at each distinct score (`_binary_clf_curve`), the
 * `drop_intermediate` thinning, the rates, and `auc` (numpy's trapezoid with pairwise summation).
 * Scores are radix-sorted per class (linear time), so the cost is a few passes over the data.
 * Keeping the same point set and the same arithmetic keeps results on numpy's last bit.
 */
import { MetricError } from "../src/errors.js";
import { pairwiseSum } from "../src/_internal/numeric.js";
import { sortFloat64 } from "../src/_internal/sort.js";
import { labelsEqual, typeOfTarget, uniqueLabels, type Label, type LabelArray } from "./_labels.js";

/** A ROC curve as `roc_curve` returns it: a leading (0, 0) point at threshold +∞. */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

function isNumberArray(values: LabelArray): values is ArrayLike<number> {
  if (ArrayBuffer.isView(values)) return true;
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "number") return false;
  return true;
}

/**
 * Distinct values of numeric labels (up to three: a third means "more than two"), after
 * `type_of_target`'s checks: non-integer values make the target continuous, and a continuous
 * target with NaN or infinity is rejected as such.
 */
function numericClasses(values: ArrayLike<number>, role: string): number[] {
  let first = NaN;
  let second = NaN;
  let count = 0;
  let nonInteger = false;
  let nan = false;
  let infinite = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === first || value === second) continue; // the common case: a class already seen
    if (!Number.isInteger(value)) {
      nonInteger = true;
      if (value !== value) nan = true;
      else if (!Number.isFinite(value)) infinite = true;
    } else if (count === 0) {
      first = value;
      count = 1;
    } else if (count === 1) {
      second = value;
      count = 2;
    } else count = 3;
  }
  if (nan) throw new MetricError("MISSING_VALUE", `${role}: expected class labels, got NaN`);
  if (infinite) throw new MetricError("NON_FINITE", `${role}: expected class labels, got an infinite value`);
  if (nonInteger) throw new MetricError("NON_INTEGER", `${role}: expected two class labels, got continuous values`);
  if (count === 3) return [first, second, NaN];
  return count === 2 ? [Math.min(first, second), Math.max(first, second)] : count === 1 ? [first] : [];
}

/** The sorted distinct labels (at most three for numbers: a third stands for "more than two"). */
function classesOf(yTrue: LabelArray, numeric: boolean, role: string): Label[] {
  if (numeric) return numericClasses(yTrue as ArrayLike<number>, role);
  const type = typeOfTarget(yTrue, role);
  if (type === "continuous") throw new MetricError("NON_INTEGER", `${role}: expected class labels, got continuous values`);
  if (type === "unknown") throw new MetricError("LABEL_TYPE_MISMATCH", `${role}: expected labels of one type, got a mix`);
  return uniqueLabels(yTrue, role);
}

/**
 * Which rows are positive: those whose label equals `positive` under numpy's `==` (True equals 1,
 * "1" does not). `numeric` says the labels are all numbers, for the fast comparison.
 */
export interface BinaryTarget {
  labels: LabelArray;
  positive: Label;
  numeric: boolean;
}

/**
 * `roc_auc_score`'s binary rule: y_true must hold exactly two classes, and the larger one (in
 * numpy's sort order) is the positive class.
 */
export function twoClassTarget(yTrue: LabelArray, role = "y_true"): BinaryTarget {
  const numeric = isNumberArray(yTrue);
  const classes = classesOf(yTrue, numeric, role);
  if (classes.length !== 2) {
    const got = classes.length > 2 ? "more than two" : String(classes.length);
    throw new MetricError("UNDEFINED_METRIC", `${role}: expected two classes for ROC AUC, got ${got}`);
  }
  return { labels: yTrue, positive: classes[1]!, numeric };
}

/**
 * `roc_curve`'s rule: with `posLabel` given, rows equal to it are positive (y_true may then have
 * more than two classes); without it, y_true must take values in {0, 1} or {−1, 1} and 1 is positive.
 */
export function posLabelTarget(yTrue: LabelArray, posLabel: Label | undefined, role = "y_true"): BinaryTarget {
  const numeric = isNumberArray(yTrue);
  const classes = classesOf(yTrue, numeric, role);
  if (posLabel !== undefined) return { labels: yTrue, positive: posLabel, numeric };
  const numbers = classes.map((c) => (typeof c === "string" ? NaN : Number(c)));
  const allowed = numbers.length <= 2 && numbers.every((c) => c === 0 || c === 1 || c === -1) && !(numbers[0] === -1 && numbers[1] === 0);
  if (!allowed) {
    const got = classes.length > 2 ? "more than two classes" : classes.map(String).join(", ");
    throw new MetricError("UNDEFINED_METRIC", `${role}: expected labels in {0, 1} or {-1, 1} when no positive label is given, got ${got}`);
  }
  return { labels: yTrue, positive: 1, numeric };
}

/**
 * The scores of the positive rows and of the negative rows, each sorted ascending. Scores must be
 * finite numbers (scikit-learn's `check_array` / `assert_all_finite`).
 */
function sortedByClass(target: BinaryTarget, scores: ArrayLike<number>, role: string): { pos: Float64Array; neg: Float64Array } {
  const { labels, positive } = target;
  const n = labels.length;
  if (scores.length !== n) throw new MetricError("ROW_COUNT_MISMATCH", `${role}: expected ${n} scores, got ${scores.length}`);
  // Room for every row in both: untouched pages of a large zeroed buffer cost nothing.
  const pos = new Float64Array(n);
  const neg = new Float64Array(n);
  let p = 0;
  let q = 0;
  if (target.numeric && typeof positive === "number") {
    const numbers = labels as ArrayLike<number>;
    for (let i = 0; i < n; i++) {
      const score = scores[i]!;
      if (!Number.isFinite(score)) throw nonFinite(role, i, score);
      if (numbers[i] === positive) pos[p++] = score;
      else neg[q++] = score;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const score = scores[i]!;
      if (!Number.isFinite(score)) throw nonFinite(role, i, score);
      if (labelsEqual(labels[i]!, positive)) pos[p++] = score;
      else neg[q++] = score;
    }
  }
  // Each class is sorted on its own and the two are merged from the top: no labels travel through the sort.
  return { pos: sortFloat64(pos.subarray(0, p)), neg: sortFloat64(neg.subarray(0, q)) };
}

function nonFinite(role: string, i: number, score: number): MetricError {
  const code = Number.isNaN(score) ? "MISSING_VALUE" : "NON_FINITE";
  return new MetricError(code, `${role} position ${i + 1}: expected a finite number, got ${score}`);
}

/**
 * Walks the ROC curve as `roc_curve` builds it, calling `visit(fp, tp, threshold)` for each point:
 * `_binary_clf_curve` takes the cumulative counts of negatives (fp) and positives (tp) at the end
 * of each group of tied scores, highest score first (a group of ties is one step, which gives ties
 * half credit), and `drop_intermediate` then skips each point that lies between two equal steps
 * (zero second difference of both counts in the unthinned sequence); the first and last points
 * always stay. The leading (0, 0) point is not visited.
 */
function walkCurve(pos: Float64Array, neg: Float64Array, drop: boolean, visit: (fp: number, tp: number, threshold: number) => void): void {
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  // The latest point waits until the next one shows whether it lies between equal steps.
  let pending = false;
  let pendingFp = 0;
  let pendingTp = 0;
  let pendingThreshold = 0;
  let first = true;
  let beforeFp = 0;
  let beforeTp = 0;
  while (i >= 0 || j >= 0) {
    const value = i < 0 ? neg[j]! : j < 0 ? pos[i]! : pos[i]! > neg[j]! ? pos[i]! : neg[j]!;
    while (i >= 0 && pos[i] === value) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === value) {
      fp++;
      j--;
    }
    if (!drop) {
      visit(fp, tp, value);
      continue;
    }
    if (pending) {
      if (first || fp - 2 * pendingFp + beforeFp !== 0 || tp - 2 * pendingTp + beforeTp !== 0) visit(pendingFp, pendingTp, pendingThreshold);
      first = false;
      beforeFp = pendingFp;
      beforeTp = pendingTp;
    }
    pending = true;
    pendingFp = fp;
    pendingTp = tp;
    pendingThreshold = value;
  }
  if (pending) visit(pendingFp, pendingTp, pendingThreshold);
}

/**
 * `roc_curve` from the target and scores: rates fps / fps[-1] and tps / tps[-1] after a
 * leading (0, 0) point at threshold +∞; a class with no rows gives NaN rates for its axis
 * (scikit-learn warns).
 */
export function rocCurveOf(target: BinaryTarget, scores: ArrayLike<number>, drop = true, role = "y_score"): RocCurve {
  const { pos, neg } = sortedByClass(target, scores, role);
  const capacity = pos.length + neg.length + 1;
  const fpr = new Float64Array(capacity);
  const tpr = new Float64Array(capacity);
  const thresholds = new Float64Array(capacity);
  const totalFp = neg.length;
  const totalTp = pos.length;
  fpr[0] = totalFp > 0 ? 0 : NaN;
  tpr[0] = totalTp > 0 ? 0 : NaN;
  thresholds[0] = Infinity;
  let m = 1;
  walkCurve(pos, neg, drop, (fp, tp, threshold) => {
    fpr[m] = totalFp > 0 ? fp / totalFp : NaN;
    tpr[m] = totalTp > 0 ? tp / totalTp : NaN;
    thresholds[m] = threshold;
    m++;
  });
  return { fpr: fpr.subarray(0, m), tpr: tpr.subarray(0, m), thresholds: thresholds.subarray(0, m) };
}

/**
 * `auc(*roc_curve(y, s)[:2])` with both classes present, without materialising the curve: the
 * trapezoid terms of the thinned points, summed pairwise as numpy does. The fpr never decreases,
 * so `auc`'s direction check always passes.
 */
export function binaryRocAuc(target: BinaryTarget, scores: ArrayLike<number>, role = "y_score"): number {
  const { pos, neg } = sortedByClass(target, scores, role);
  const totalFp = neg.length;
  const totalTp = pos.length;
  const terms = new Float64Array(totalFp + totalTp);
  let count = 0;
  let previousX = 0;
  let previousY = 0;
  walkCurve(pos, neg, true, (fp, tp) => {
    const x = fp / totalFp;
    const y = tp / totalTp;
    terms[count++] = ((x - previousX) * (y + previousY)) / 2;
    previousX = x;
    previousY = y;
  });
  return 0 + pairwiseSum(terms, 0, count);
}

/**
 * numpy's `trapz(y, x)`: `((x[k] − x[k−1]) · (y[k] + y[k−1])) / 2` for each k, summed with
 * numpy's pairwise summation.
 */
function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return 0;
  const terms = new Float64Array(n - 1);
  for (let k = 1; k < n; k++) terms[k - 1] = ((x[k]! - x[k - 1]!) * (y[k]! + y[k - 1]!)) / 2;
  return 0 + pairwiseSum(terms);
}

/**
 * `sklearn.metrics.auc(x, y)`: at least two points; x must be non-decreasing (or
 * non-increasing, which flips the sign); then the trapezoid area.
 */
export function areaUnderCurve(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new MetricError("ROW_COUNT_MISMATCH", `auc: expected ${x.length} y values, got ${y.length}`);
  if (x.length < 2) throw new MetricError("UNDEFINED_METRIC", `auc: expected at least 2 points, got ${x.length}`);
  // numpy: any(dx < 0) and not all(dx <= 0) raises; a NaN step counts as "not <= 0".
  let decreasing = false;
  let notFalling = false;
  for (let k = 1; k < x.length; k++) {
    const dx = x[k]! - x[k - 1]!;
    if (dx < 0) decreasing = true;
    else if (!(dx <= 0)) notFalling = true;
  }
  if (decreasing && notFalling) throw new MetricError("UNDEFINED_METRIC", "auc: expected x to be monotonic, got x neither increasing nor decreasing");
  const area = trapezoid(x, y);
  return decreasing ? -area : area;
}
