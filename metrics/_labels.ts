/**
 * scikit-learn's label checks (`type_of_target`, `_check_targets`, 1.5.x), which decide whether a
 * classification metric runs, fails, or compares labels of different types element-wise.
 *
 * Labels arrive as JavaScript arrays mirroring a pandas column: numbers (NaN for missing),
 * booleans, or strings (an object column, possibly with NaN or booleans mixed in).
 */
import { MetricError } from "../src/errors.js";
import { compareCodePoints } from "../src/table/scalars.js";

export type Label = number | string | boolean;
export type LabelArray = ArrayLike<Label>;
export type TargetType = "binary" | "multiclass" | "continuous" | "unknown";

/** Whether the array is an object column in pandas terms (it holds at least one string). */
export function isObjectLabels(values: LabelArray): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] === "string") return true;
  return false;
}

/** A label's numeric value for numeric/bool arrays (booleans are 0/1, as numpy compares them). */
function asNumber(value: Label): number {
  return typeof value === "boolean" ? (value ? 1 : 0) : (value as number);
}

/**
 * Distinct labels in sorted order, as `np.unique` gives them; throws MetricError where numpy's sort
 * would raise TypeError (strings mixed with numbers or booleans).
 */
export function uniqueLabels(values: LabelArray, role = "labels"): Label[] {
  if (isObjectLabels(values)) {
    const seen = new Set<string>();
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (typeof value !== "string") {
        const code = typeof value === "number" && Number.isNaN(value) ? "MISSING_VALUE" : "LABEL_TYPE_MISMATCH";
        throw new MetricError(code, `${role}: expected labels of one type, got text mixed with ${describe(value)}`);
      }
      seen.add(value);
    }
    return [...seen].sort(compareCodePoints);
  }
  const allBool = Array.prototype.every.call(values, (v: Label) => typeof v === "boolean");
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) seen.add(asNumber(values[i]!));
  const sorted = [...seen].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b));
  return allBool ? sorted.map((v) => v === 1) : sorted;
}

function describe(value: Label): string {
  if (typeof value === "number") return Number.isNaN(value) ? "missing values" : "numbers";
  return typeof value === "boolean" ? "booleans" : "text";
}

/** `sklearn.utils.multiclass.type_of_target` for a 1-D array. */
export function typeOfTarget(values: LabelArray, role = "y"): TargetType {
  if (values.length === 0) return "binary";
  const object = isObjectLabels(values);
  if (object && typeof values[0] !== "string") return "unknown";
  if (!object) {
    let floating = false;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (typeof value === "number" && !Number.isInteger(value)) floating = true;
    }
    if (floating) {
      for (let i = 0; i < values.length; i++) {
        const value = values[i]!;
        if (typeof value === "number" && !Number.isFinite(value)) {
          throw new MetricError(Number.isNaN(value) ? "MISSING_VALUE" : "NON_FINITE", `${role}: expected finite labels, got ${Number.isNaN(value) ? "NaN" : value}`);
        }
      }
      return "continuous";
    }
  }
  return uniqueLabels(values, role).length > 2 ? "multiclass" : "binary";
}

export interface CheckedTargets {
  type: "binary" | "multiclass";
}

/**
 * `sklearn.metrics._classification._check_targets` for 1-D labels: both sides must be binary or
 * multiclass; two binary sides must have labels that sort together (text against numbers fails).
 */
export function checkClassificationTargets(yTrue: LabelArray, yPred: LabelArray): CheckedTargets {
  if (yTrue.length !== yPred.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected predictions for ${yTrue.length} samples, got ${yPred.length}`);
  }
  const trueType = typeOfTarget(yTrue, "y_true");
  const predType = typeOfTarget(yPred, "y_pred");
  const types = new Set<TargetType>([trueType, predType]);
  if (types.has("binary") && types.has("multiclass")) types.delete("binary");
  if (types.size > 1) {
    throw new MetricError(predType === "continuous" ? "NON_INTEGER" : "LABEL_TYPE_MISMATCH", `classification metrics can't handle a mix of ${trueType} and ${predType} targets`);
  }
  const type = [...types][0]!;
  if (type !== "binary" && type !== "multiclass") {
    throw new MetricError(type === "continuous" ? "NON_INTEGER" : "LABEL_TYPE_MISMATCH", `expected class labels, got ${type} targets`);
  }
  if (type === "binary") {
    const trueObject = isObjectLabels(yTrue);
    const predObject = isObjectLabels(yPred);
    if (trueObject !== predObject && yTrue.length > 0) {
      throw new MetricError("LABEL_TYPE_MISMATCH", "labels in y_true and y_pred should be of the same type: got text on one side and numbers on the other");
    }
    const union = new Set<Label>([...uniqueLabels(yTrue), ...uniqueLabels(yPred)].map((v) => (typeof v === "boolean" ? Number(v) : v)));
    return { type: union.size > 2 ? "multiclass" : "binary" };
  }
  return { type };
}

/** numpy's element-wise `==` between two labels (True == 1, "1" != 1, NaN != NaN). */
export function labelsEqual(a: Label, b: Label): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return asNumber(a) === asNumber(b);
}

export interface EncodedLabels {
  /** The sorted union of both arrays' labels (scikit-learn's `unique_labels`); booleans as 0/1. */
  labels: Array<number | string>;
  /** Index into `labels` of each true label. */
  trueCodes: Int32Array;
  /** Index into `labels` of each predicted label. */
  predCodes: Int32Array;
}

/**
 * `sklearn.utils.multiclass.unique_labels(y_true, y_pred)` with both arrays encoded as indices into
 * the sorted union, which is how scikit-learn's confusion-matrix metrics (F1, kappa, MCC) see them.
 * Call after {@link checkClassificationTargets}. Unlike accuracy's element-wise comparison, text
 * mixed with numbers or booleans throws LABEL_TYPE_MISMATCH ("Mix of label input types").
 */
export function encodeLabels(yTrue: LabelArray, yPred: LabelArray): EncodedLabels {
  const textual = isObjectLabels(yTrue) || isObjectLabels(yPred);
  const index = new Map<number | string, number>();
  const seen: Array<number | string> = [];
  const encode = (values: LabelArray, role: string): Int32Array => {
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const raw = values[i]!;
      if (textual && typeof raw !== "string") {
        const code = typeof raw === "number" && Number.isNaN(raw) ? "MISSING_VALUE" : "LABEL_TYPE_MISMATCH";
        throw new MetricError(code, `${role}: expected labels of one type, got text mixed with ${describe(raw)}`);
      }
      const key = textual ? (raw as string) : asNumber(raw);
      let code = index.get(key);
      if (code === undefined) {
        code = seen.length;
        index.set(key, code);
        seen.push(key);
      }
      codes[i] = code;
    }
    return codes;
  };
  const trueCodes = encode(yTrue, "y_true");
  const predCodes = encode(yPred, "y_pred");
  const order = seen.map((_, i) => i);
  order.sort(textual ? (a, b) => compareCodePoints(seen[a] as string, seen[b] as string) : (a, b) => (seen[a] as number) - (seen[b] as number));
  const rank = new Int32Array(seen.length);
  order.forEach((original, sorted) => (rank[original] = sorted));
  for (const codes of [trueCodes, predCodes]) for (let i = 0; i < codes.length; i++) codes[i] = rank[codes[i]!]!;
  return { labels: order.map((i) => seen[i]!), trueCodes, predCodes };
}
