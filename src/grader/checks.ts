/**
 * The checks MLE-bench's graders share (`mlebench/competitions/utils.py` and the idioms repeated in
 * each `grade.py`), each raising a located SubmissionError that names what was expected.
 *
 * Every check takes `upstream`: whether MLE-bench rejects the same input with
 * InvalidSubmissionError (`invalid`) or crashes on it (`error`), so results stay comparable.
 */
import { SubmissionError, type Issue, type SubmissionErrorCode, type UpstreamOutcome } from "../errors.js";
import { Column, type CellKey } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { sameKeySets, sameKeysInOrder } from "./id-keys.js";

/** How many examples an id diagnostic lists before summarising. */
const EXAMPLES = 5;

export function fail(code: SubmissionErrorCode, message: string, options: { issues?: Issue[]; upstream?: UpstreamOutcome } = {}): never {
  throw new SubmissionError(code, message, options);
}

function label(frame: Frame, fallback: string): string {
  return frame.file ?? fallback;
}

/** Every named column must be present; reports all the missing ones. */
export function requireColumns(frame: Frame, names: readonly string[], options: { upstream?: UpstreamOutcome; role?: string } = {}): void {
  const missing = names.filter((name) => !frame.has(name));
  if (missing.length === 0) return;
  const file = label(frame, options.role ?? "submission");
  const got = describeColumns(frame.columnNames);
  const issues: Issue[] = missing.map((name) => ({
    code: "MISSING_COLUMN",
    message: `${file}: expected a column "${name}", got ${got}`,
    file: frame.file,
    column: name,
    expected: name,
    received: got,
  }));
  const names_ = missing.map((n) => `"${n}"`).join(", ");
  fail("MISSING_COLUMN", `${file}: missing column${missing.length > 1 ? "s" : ""} ${names_}; got ${got}`, { issues, upstream: options.upstream });
}

/** Column names for messages: all of them when few, else the first ten and a count (a file may have a million). */
export function describeColumns(names: readonly string[]): string {
  if (names.length <= 12) return `columns ${JSON.stringify(names)}`;
  return `${names.length} columns ${JSON.stringify(names.slice(0, 10)).slice(0, -1)}, …]`;
}

/** The columns must be exactly these (as a set), with nothing extra. */
export function requireExactColumns(frame: Frame, names: readonly string[], options: { upstream?: UpstreamOutcome } = {}): void {
  requireColumns(frame, names, options);
  const allowed = new Set(names);
  const extra = frame.columnNames.filter((name) => !allowed.has(name));
  if (extra.length === 0) return;
  const file = label(frame, "submission");
  const shown = extra.slice(0, 10).map((n) => `"${n}"`).join(", ") + (extra.length > 10 ? `, … (${extra.length} in all)` : "");
  fail("UNEXPECTED_COLUMN", `${file}: unexpected column${extra.length > 1 ? "s" : ""} ${shown}; expected exactly ${JSON.stringify(names)}`, {
    issues: extra.slice(0, 100).map((name) => ({ code: "UNEXPECTED_COLUMN", message: `unexpected column "${name}"`, file: frame.file, column: name, expected: names.join(","), received: name })),
    upstream: options.upstream,
  });
}

/** The submission must have as many rows as the answers. */
export function requireSameLength(submission: Frame, answers: { length: number }, options: { upstream?: UpstreamOutcome } = {}): void {
  if (submission.length === answers.length) return;
  const file = label(submission, "submission");
  fail("ROW_COUNT_MISMATCH", `${file}: expected ${answers.length} rows, got ${submission.length}`, {
    issues: [{ code: "ROW_COUNT_MISMATCH", message: `expected ${answers.length} rows, got ${submission.length}`, file: submission.file, expected: String(answers.length), received: String(submission.length) }],
    upstream: options.upstream,
  });
}

/** The submission must have at least one row. */
export function requireRows(submission: Frame, options: { upstream?: UpstreamOutcome } = {}): void {
  if (submission.length > 0) return;
  const file = label(submission, "submission");
  fail(submission.columns.length === 0 ? "EMPTY_FILE" : "NO_ROWS", `${file}: expected rows, got ${submission.columns.length === 0 ? "an empty file" : "only a header"}`, {
    upstream: options.upstream,
  });
}

interface IdDiagnosis {
  code: SubmissionErrorCode;
  message: string;
  issues: Issue[];
}

function keyCounts(column: Column): Map<CellKey, number[]> {
  const rows = new Map<CellKey, number[]>();
  for (let i = 0; i < column.length; i++) {
    const key = column.key(i);
    const list = rows.get(key);
    if (list) list.push(i);
    else rows.set(key, [i]);
  }
  return rows;
}

function show(column: Column, row: number): string {
  const value = column.get(row);
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * Explains how the ids of a submission column differ from the answers: duplicates, ids the
 * answers have that the submission lacks, and ids the answers do not have.
 */
export function diagnoseIds(submission: Frame, subIds: Column, ansIds: Column): IdDiagnosis | null {
  const file = label(submission, "submission");
  const sub = keyCounts(subIds);
  const ans = keyCounts(ansIds);
  const duplicates: Issue[] = [];
  const unexpected: Issue[] = [];
  const missing: Issue[] = [];
  for (const [key, rows] of sub) {
    const expectedCount = ans.get(key)?.length ?? 0;
    if (expectedCount === 0) {
      for (const row of rows) {
        unexpected.push(submission.issueAt("UNEXPECTED_IDS", subIds.sourceRow(row), subIds.name, `id ${show(subIds, row)} is not in the answers`, { received: show(subIds, row) }));
      }
    } else if (rows.length > expectedCount) {
      for (const row of rows.slice(expectedCount)) {
        duplicates.push(submission.issueAt("DUPLICATE_IDS", subIds.sourceRow(row), subIds.name, `id ${show(subIds, row)} appears ${rows.length} times`, { received: show(subIds, row), expected: `${expectedCount} row` }));
      }
    }
  }
  for (const [key, rows] of ans) {
    const have = sub.get(key)?.length ?? 0;
    if (have < rows.length) {
      missing.push({ code: "MISSING_IDS", message: `id ${show(ansIds, rows[0]!)} is missing`, file: submission.file, column: subIds.name, expected: show(ansIds, rows[0]!) });
    }
  }
  if (duplicates.length + unexpected.length + missing.length === 0) return null;
  const parts: string[] = [];
  if (duplicates.length) parts.push(`${duplicates.length} duplicate id${duplicates.length > 1 ? "s" : ""} (first at row ${duplicates[0]!.row})`);
  if (missing.length) parts.push(`${missing.length} id${missing.length > 1 ? "s" : ""} missing`);
  if (unexpected.length) parts.push(`${unexpected.length} unexpected id${unexpected.length > 1 ? "s" : ""} (first ${unexpected[0]!.received} at row ${unexpected[0]!.row})`);
  const code: SubmissionErrorCode = duplicates.length ? "DUPLICATE_IDS" : missing.length ? "MISSING_IDS" : "UNEXPECTED_IDS";
  const issues = [...duplicates.slice(0, EXAMPLES * 4), ...missing.slice(0, EXAMPLES * 4), ...unexpected.slice(0, EXAMPLES * 4)];
  return { code, message: `${file} column "${subIds.name}": ids differ from the answers: ${parts.join(", ")}`, issues };
}

/**
 * `sorted(sub[id]) == sorted(ans[id])` element-wise, the check most graders run. With different
 * lengths numpy cannot compare the arrays, so MLE-bench crashes unless a length check came first.
 */
export function requireSameSortedIds(submission: Frame, answers: Frame, subId: string, ansId = subId, options: { upstream?: UpstreamOutcome } = {}): void {
  const [subIds, ansIds] = asNumpyCompares(submission.col(subId), answers.col(ansId));
  if (sameKeysInOrder(subIds, ansIds)) return;
  const diagnosis = diagnoseIds(submission, subIds, ansIds);
  if (diagnosis) {
    const upstream = options.upstream ?? (subIds.length !== ansIds.length ? "error" : "invalid");
    fail(diagnosis.code, diagnosis.message, { issues: diagnosis.issues, upstream });
  }
}

/**
 * numpy compares arrays of different numeric dtypes (int64 with float64) as float64, so an integer
 * beyond 2^53 equals its nearest float there: such columns are compared without their exact values.
 */
function asNumpyCompares(a: Column, b: Column): [Column, Column] {
  if (!a.isNumeric || !b.isNumeric || a.dtype === b.dtype) return [a, b];
  const rounded = (c: Column) => (c.bigValues ? new Column({ name: c.name, dtype: "float64", values: c.values, sourceRows: c.sourceRows }) : c);
  return [rounded(a), rounded(b)];
}

/** `set(sub[id]) == set(ans[id])`: only the distinct ids are compared (duplicates pass). */
export function requireSameIdSet(submission: Frame, answers: Frame, subId: string, ansId = subId, options: { upstream?: UpstreamOutcome } = {}): void {
  const subIds = submission.col(subId);
  const ansIds = answers.col(ansId);
  if (sameKeySets(subIds, ansIds)) return;
  const subKeys = new Set<CellKey>();
  const ansKeys = new Set<CellKey>();
  for (let i = 0; i < subIds.length; i++) subKeys.add(subIds.key(i));
  for (let i = 0; i < ansIds.length; i++) ansKeys.add(ansIds.key(i));
  let same = subKeys.size === ansKeys.size;
  if (same) for (const key of subKeys) if (!ansKeys.has(key)) same = false;
  if (same) return;
  const diagnosis = diagnoseIds(submission, subIds, ansIds)!;
  fail(diagnosis.code === "DUPLICATE_IDS" ? "MISSING_IDS" : diagnosis.code, diagnosis.message, {
    issues: diagnosis.issues.filter((issue) => issue.code !== "DUPLICATE_IDS"),
    upstream: options.upstream,
  });
}

/**
 * The first row whose value cannot be used, as an issue; for messages that point at one cell.
 */
export function cellIssue(frame: Frame, column: Column, row: number, code: SubmissionErrorCode, expected: string): Issue {
  const received = show(column, row);
  return frame.issueAt(code, column.sourceRow(row), column.name, `${label(frame, "submission")} row ${column.sourceRow(row) + 1}, column "${column.name}": expected ${expected}, got ${received}`, {
    expected,
    received,
  });
}

/** Throws with every offending cell of a column (up to a cap), located by row. */
export function failCells(frame: Frame, column: Column, rows: number[], code: SubmissionErrorCode, expected: string, upstream: UpstreamOutcome = "invalid"): never {
  const issues = rows.slice(0, 100).map((row) => cellIssue(frame, column, row, code, expected));
  const more = rows.length > 1 ? ` (${rows.length} cells)` : "";
  fail(code, `${issues[0]!.message}${more}`, { issues, upstream });
}

/**
 * Every value must be a finite number (scikit-learn's `check_array` rejects NaN and infinity, so
 * MLE-bench crashes on them). `values` are the column's numbers in the column's row order.
 */
export function requireFinite(frame: Frame, column: Column, values: ArrayLike<number>, upstream: UpstreamOutcome = "error"): void {
  const missing: number[] = [];
  const infinite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) missing.push(i);
    else if (!Number.isFinite(value)) infinite.push(i);
  }
  if (missing.length > 0) failCells(frame, column, missing, "MISSING_VALUE", "a number", upstream);
  if (infinite.length > 0) failCells(frame, column, infinite, "NON_FINITE", "a finite number", upstream);
}
