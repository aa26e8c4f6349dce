/**
 * `pandas.merge(left, right, on=key, how="inner")`: the row pairs whose keys are equal, in the order
 * of the left rows (pandas keeps the left keys' order for inner joins), each left row repeated once
 * per matching right row (in right order). NaN keys match nothing.
 */
import type { CellKey } from "../table/column.js";
import type { Frame } from "../table/frame.js";

export function innerMergeOn(left: Frame, right: Frame, key: string, rightKey = key): { left: Int32Array; right: Int32Array } {
  const rightRows = new Map<CellKey, number[]>();
  const rightColumn = right.col(rightKey);
  for (let i = 0; i < rightColumn.length; i++) {
    const k = rightColumn.key(i);
    const rows = rightRows.get(k);
    if (rows) rows.push(i);
    else rightRows.set(k, [i]);
  }
  const leftColumn = left.col(key);
  const outLeft: number[] = [];
  const outRight: number[] = [];
  for (let i = 0; i < leftColumn.length; i++) {
    const rows = rightRows.get(leftColumn.key(i));
    if (!rows) continue;
    for (const r of rows) {
      outLeft.push(i);
      outRight.push(r);
    }
  }
  return { left: Int32Array.from(outLeft), right: Int32Array.from(outRight) };
}
