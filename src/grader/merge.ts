/**
 * `pandas.merge(left, right, on=key, how="inner")`: the row pairs whose keys are equal, in the order
 * of the left rows (pandas keeps the left keys' order for inner joins), each left row repeated once
 * per matching right row (in right order). NaN keys match nothing.
 */
import type { Frame } from "../table/frame.js";
import { indexKeys } from "./id-keys.js";

export function innerMergeOn(left: Frame, right: Frame, key: string, rightKey = key): { left: Int32Array; right: Int32Array } {
  const leftColumn = left.col(key);
  const index = indexKeys(right.col(rightKey), leftColumn);
  let outLeft = new Int32Array(leftColumn.length);
  let outRight = new Int32Array(leftColumn.length);
  let count = 0;
  for (let i = 0; i < leftColumn.length; i++) {
    for (let r = index.find(i); r >= 0; r = index.next[r]!) {
      if (count === outLeft.length) {
        outLeft = grow(outLeft);
        outRight = grow(outRight);
      }
      outLeft[count] = i;
      outRight[count++] = r;
    }
  }
  return { left: outLeft.slice(0, count), right: outRight.slice(0, count) };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2 + 16);
  grown.set(array);
  return grown;
}
