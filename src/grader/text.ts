/**
 * Text cells as the text graders read them: `fillna("")` or nothing before a string method, and
 * Python's `int()` for integer tokens.
 */
import { AnswersError, type UpstreamOutcome } from "../errors.js";
import type { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { PY_WHITESPACE } from "../table/scalars.js";
import { failCells } from "./checks.js";

/**
 * The cells of a column as strings, for graders that call a string method on each cell: missing
 * cells become "" (`fillna("")`) or fail as MISSING_VALUE; numbers and booleans fail as
 * MALFORMED_PREDICTION (Python raises AttributeError or TypeError on them, so MLE-bench crashes).
 */
export function textCells(frame: Frame, column: Column, options: { missing: "empty" | "fail"; upstream?: UpstreamOutcome }): string[] {
  const out = new Array<string>(column.length);
  const missing: number[] = [];
  const notText: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const cell = column.get(i);
    if (typeof cell === "string") out[i] = cell;
    else if (column.isMissing(i)) {
      if (options.missing === "empty") out[i] = "";
      else missing.push(i);
    } else notText.push(i);
  }
  const upstream = options.upstream ?? "error";
  if (missing.length > 0) failCells(frame, column, missing, "MISSING_VALUE", "text", upstream);
  if (notText.length > 0) failCells(frame, column, notText, "MALFORMED_PREDICTION", "text", upstream);
  return out;
}

/** Like {@link textCells} for the answers: a cell that is not text is the maintainer's problem. */
export function answerTexts(column: Column, missing: "empty" | "fail"): string[] {
  const out = new Array<string>(column.length);
  for (let i = 0; i < column.length; i++) {
    const cell = column.get(i);
    if (typeof cell === "string") out[i] = cell;
    else if (column.isMissing(i) && missing === "empty") out[i] = "";
    else throw new AnswersError(`answers row ${column.sourceRow(i) + 1}, column "${column.name}": expected text, got ${String(cell)}`);
  }
  return out;
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const TRIM = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, "g");

/** The value 0–9 of a Unicode decimal digit: digits come in runs of ten consecutive code points. */
function digitValue(codePoint: number): number {
  let start = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/**
 * Python's `int(text)` in base 10, as a canonical decimal string (no leading zeros, "-" only for
 * negative values), or undefined where Python raises ValueError. Accepts surrounding whitespace, a
 * sign, single underscores between digits and any Unicode decimal digits (Arabic-Indic, Devanagari…).
 */
export function pythonInt(text: string): string | undefined {
  const trimmed = text.replace(TRIM, "");
  let i = 0;
  let negative = false;
  if (trimmed[0] === "+" || trimmed[0] === "-") {
    negative = trimmed[0] === "-";
    i = 1;
  }
  let digits = "";
  let previousUnderscore = true; // an underscore may not lead
  for (const char of trimmed.slice(i)) {
    if (char === "_") {
      if (previousUnderscore) return undefined;
      previousUnderscore = true;
      continue;
    }
    const code = char.codePointAt(0)!;
    if (code >= 48 && code <= 57) digits += char;
    else if (code > 127 && DECIMAL_DIGIT.test(char)) digits += String(digitValue(code));
    else return undefined;
    previousUnderscore = false;
  }
  if (digits.length === 0 || previousUnderscore) return undefined;
  const canonical = digits.replace(/^0+(?=\d)/, "");
  return negative && canonical !== "0" ? `-${canonical}` : canonical;
}
