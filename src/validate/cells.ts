/**
 * Cell checks derived from a competition's column specs (`columns` in its definition): one
 * function per column that says what is wrong with a cell, if anything, without knowing the
 * answers. Each check is as lenient as the graders are: a number is anything Python's `float()`
 * accepts (graders convert text cells with numpy), a boolean is any spelling that compares equal
 * to True/False once pandas has read the column.
 */
import type { ColumnSpec } from "../competitions/define.js";
import type { SubmissionErrorCode } from "../errors.js";
import { parseBool, parseFloatText } from "../table/dtype.js";
import { pythonFloat, pythonSplit } from "../table/scalars.js";

/** What is wrong with one cell: a code and what was expected there (from the definition only). */
export interface CellProblem {
  code: SubmissionErrorCode;
  expected: string;
}

/** Checks one cell: its text and whether pandas reads it as missing. */
export type CellCheck = (text: string, missing: boolean) => CellProblem | undefined;

/** The number a grader gets from a cell: pandas' own parse, else Python's `float()`. */
export function cellNumber(text: string): number | undefined {
  return parseFloatText(text) ?? pythonFloat(text);
}

function describeRange(range: readonly [number, number] | undefined, fallback: string): string {
  if (!range) return fallback;
  return `${fallback} in [${range[0]}, ${range[1]}]`;
}

function showLabel(label: string | number | boolean): string {
  return typeof label === "string" ? JSON.stringify(label) : typeof label === "boolean" ? (label ? "True" : "False") : String(label);
}

/** "one of 3 labels (a, b, c)"; long lists are cut after a few. */
function describeLabels(labels: readonly (string | number | boolean)[]): string {
  const shown = labels.slice(0, 5).map(showLabel).join(", ");
  return `one of ${labels.length} label${labels.length === 1 ? "" : "s"} (${shown}${labels.length > 5 ? ", …" : ""})`;
}

/** A numeric check: number, finite, in range, integral if asked. */
function numberCheck(expected: string, range: readonly [number, number] | undefined, integer: boolean): CellCheck {
  return (text) => {
    const value = cellNumber(text);
    if (value === undefined) return { code: "NON_NUMERIC", expected };
    if (Number.isNaN(value)) return { code: "MISSING_VALUE", expected };
    if (!Number.isFinite(value)) return { code: "NON_FINITE", expected };
    if (range && (value < range[0] || value > range[1])) return { code: "OUT_OF_RANGE", expected };
    if (integer && !Number.isInteger(value)) return { code: "NON_INTEGER", expected };
    return undefined;
  };
}

function labelCheck(labels: readonly (string | number | boolean)[]): CellCheck {
  const texts = new Set<string>();
  const numbers = new Set<number>();
  for (const label of labels) {
    if (typeof label === "string") texts.add(label);
    else numbers.add(typeof label === "boolean" ? Number(label) : label);
  }
  const expected = describeLabels(labels);
  return (text) => {
    if (texts.has(text)) return undefined;
    if (numbers.size > 0) {
      const bool = parseBool(text);
      const value = bool !== undefined ? Number(bool) : parseFloatText(text);
      if (value !== undefined && numbers.has(value)) return undefined;
    }
    return { code: "UNKNOWN_LABEL", expected };
  };
}

const BOOLEAN_EXPECTED = "True or False";

function booleanCheck(text: string): CellProblem | undefined {
  if (parseBool(text) !== undefined) return undefined;
  const value = parseFloatText(text);
  return value === 0 || value === 1 ? undefined : { code: "UNKNOWN_LABEL", expected: BOOLEAN_EXPECTED };
}

const RLE_TOKEN = /^\d+$/;

/**
 * A run-length encoded mask: `start length` pairs of positive integers (starts non-negative),
 * runs in increasing order without overlap; `range`, when given, bounds the pixel indices
 * (`[1, height·width]` for Kaggle's 1-based masks). An empty cell or `-` is an empty mask.
 */
function rleCheck(range: readonly [number, number] | undefined, allowEmpty: boolean): { expected: string; check: CellCheck } {
  const expected = `run-length pairs "start length" in increasing order${range ? ` with pixels in [${range[0]}, ${range[1]}]` : ""}`;
  const check: CellCheck = (text) => {
    const tokens = pythonSplit(text);
    if (tokens.length === 0 || (tokens.length === 1 && tokens[0] === "-")) return allowEmpty ? undefined : { code: "MISSING_VALUE", expected: "a non-empty mask" };
    if (tokens.length % 2 !== 0) return { code: "MALFORMED_RLE", expected };
    let end = -Infinity;
    for (let k = 0; k < tokens.length; k += 2) {
      if (!RLE_TOKEN.test(tokens[k]!) || !RLE_TOKEN.test(tokens[k + 1]!)) return { code: "MALFORMED_RLE", expected };
      const start = Number(tokens[k]);
      const length = Number(tokens[k + 1]);
      if (length < 1 || start < end) return { code: "MALFORMED_RLE", expected };
      end = start + length;
      if (range && (start < range[0] || end - 1 > range[1])) return { code: "MALFORMED_RLE", expected };
    }
    return undefined;
  };
  return { expected, check };
}

const FREE_FIELD = /label|class|category|name|id$|^id|text|token/i;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Field-name pairs whose first must be below the second in each group (box corners). */
const ORDERED_PAIRS: Array<[RegExp, RegExp]> = [
  [/^x_?min$/i, /^x_?max$/i],
  [/^y_?min$/i, /^y_?max$/i],
  [/^z_?min$/i, /^z_?max$/i],
  [/^x1$/i, /^x2$/i],
  [/^y1$/i, /^y2$/i],
];

/**
 * A structured prediction string described by the spec's `format`, e.g.
 * `"label conf xmin ymin xmax ymax"`: whitespace-separated tokens in groups of the format's
 * length; fields named like labels, classes or ids are free text (checked against `labels` when
 * given), every other field must be a finite number, and box corners must be ordered
 * (`xmin < xmax`, `x1 < x2`, …). Without a usable format only emptiness is checked.
 */
function predictionStringCheck(spec: ColumnSpec): { expected: string; check?: CellCheck } {
  const fields = spec.format ? pythonSplit(spec.format) : [];
  if (fields.length === 0 || !fields.every((f) => IDENTIFIER.test(f))) return { expected: spec.format ? `a prediction string "${spec.format}"` : "a prediction string" };
  const free = fields.map((f) => FREE_FIELD.test(f));
  const labelSet = spec.labels ? new Set(spec.labels.map(String)) : undefined;
  const pairs = ORDERED_PAIRS.map(([a, b]) => [fields.findIndex((f) => a.test(f)), fields.findIndex((f) => b.test(f))] as const).filter(([a, b]) => a >= 0 && b >= 0);
  const expected = `groups of ${fields.length} tokens "${fields.join(" ")}"`;
  const values = new Float64Array(fields.length);
  const check: CellCheck = (text) => {
    const tokens = pythonSplit(text);
    if (tokens.length % fields.length !== 0) return { code: "MALFORMED_PREDICTION", expected };
    for (let g = 0; g < tokens.length; g += fields.length) {
      for (let f = 0; f < fields.length; f++) {
        const token = tokens[g + f]!;
        if (free[f]) {
          if (labelSet && /label|class|category/i.test(fields[f]!) && !labelSet.has(token)) return { code: "MALFORMED_PREDICTION", expected: `${expected} with ${fields[f]} ${describeLabels(spec.labels!)}` };
          continue;
        }
        const value = pythonFloat(token);
        if (value === undefined || !Number.isFinite(value)) return { code: "MALFORMED_PREDICTION", expected: `${expected} with a finite number for ${fields[f]}` };
        values[f] = value;
      }
      for (const [a, b] of pairs) {
        if (!(values[a]! < values[b]!)) return { code: "MALFORMED_PREDICTION", expected: `${expected} with ${fields[a]} < ${fields[b]}` };
      }
    }
    return undefined;
  };
  return { expected, check };
}

/** What a column's cells must be (for messages) and the check of a present (non-missing) cell. */
function kindCheck(spec: ColumnSpec): { expected: string; check?: CellCheck } {
  switch (spec.kind) {
    case "probability": {
      const range = spec.range ?? [0, 1];
      const expected = describeRange(range, "a probability");
      return { expected, check: numberCheck(expected, range, false) };
    }
    case "number": {
      const expected = describeRange(spec.range, "a number");
      return { expected, check: numberCheck(expected, spec.range, false) };
    }
    case "integer": {
      const expected = describeRange(spec.range, "an integer");
      return { expected, check: numberCheck(expected, spec.range, true) };
    }
    case "label":
      return spec.labels && spec.labels.length > 0 ? { expected: describeLabels(spec.labels), check: labelCheck(spec.labels) } : { expected: "a label" };
    case "boolean":
      return { expected: BOOLEAN_EXPECTED, check: booleanCheck };
    case "rle":
      return rleCheck(spec.range, spec.allowEmpty ?? false);
    case "prediction-string":
      return predictionStringCheck(spec);
    case "id":
      return { expected: "an id" };
    default:
      return { expected: "a value" };
  }
}

/**
 * The check for one submission column. Missing cells (pandas' NA spellings and empty cells) are
 * rejected unless the spec sets `allowEmpty`.
 */
export function cellCheckFor(spec: ColumnSpec): CellCheck {
  const { expected, check } = kindCheck(spec);
  const allowEmpty = spec.allowEmpty ?? false;
  const missingProblem: CellProblem = { code: "MISSING_VALUE", expected };
  return (text, missing) => {
    if (missing) return allowEmpty ? undefined : missingProblem;
    return check?.(text, false);
  };
}
