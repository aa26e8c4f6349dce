/**
 * Reading the space-separated prediction strings of the detection graders (boxes, points) with
 * located errors: which row, which token, what was expected.
 */
import type { UpstreamOutcome } from "../errors.js";
import type { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { pythonFloat } from "../table/scalars.js";
import { fail } from "./checks.js";

/** Where a prediction string came from, for messages. */
export interface CellRef {
  frame: Frame;
  column: Column;
  /** Row of `column` (after any sorting). */
  row: number;
}

function where(ref: CellRef): string {
  const { frame, column, row } = ref;
  return `${frame.file ?? "submission"} row ${column.sourceRow(row) + 1}, column "${column.name}"`;
}

/** Fails with one located issue on a prediction-string cell. */
export function failCell(ref: CellRef, code: Parameters<typeof fail>[0], expected: string, received: string, upstream: UpstreamOutcome): never {
  const { frame, column, row } = ref;
  const message = `${where(ref)}: expected ${expected}, got ${received}`;
  fail(code, message, { issues: [frame.issueAt(code, column.sourceRow(row), column.name, message, { expected, received })], upstream });
}

/**
 * The cell as text, or null when it is missing (NaN). Any other value (a number or boolean, as
 * pandas types a column of them) has no `.split`/`.strip` in Python, so the grader crashes.
 */
export function textCell(ref: CellRef): string | null {
  const value = ref.column.get(ref.row);
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isNaN(value)) return null;
  return failCell(ref, "MALFORMED_PREDICTION", "a space-separated prediction string", JSON.stringify(value), "error");
}

/** The cell as text; a missing cell crashes the grader (`'float' object has no attribute …`). */
export function requiredTextCell(ref: CellRef): string {
  const text = textCell(ref);
  if (text === null) return failCell(ref, "MISSING_VALUE", "a space-separated prediction string", "an empty cell", "error");
  return text;
}

/** Python's `float(token)` on one token of a prediction string, failing with the token's position. */
export function tokenFloat(ref: CellRef, tokens: readonly string[], index: number, upstream: UpstreamOutcome): number {
  const token = tokens[index]!;
  const value = pythonFloat(token);
  if (value === undefined) failCell(ref, "NON_NUMERIC", `a number at token ${index + 1}`, JSON.stringify(token), upstream);
  return value;
}
