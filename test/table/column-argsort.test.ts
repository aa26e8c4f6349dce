/** Column.argsort through the radix and multikey sorts, and its reuse of the previous column's order. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column, type Cell } from "../../src/table/column.js";
import { Frame } from "../../src/table/frame.js";

function slowOrder(column: Column): number[] {
  const order = Array.from({ length: column.length }, (_, i) => i);
  return order.sort((a, b) => {
    const x = column.get(a);
    const y = column.get(b);
    const xm = column.isMissing(a);
    const ym = column.isMissing(b);
    if (xm || ym) return xm === ym ? a - b : xm ? 1 : -1;
    if (typeof x === "string" || typeof y === "string") return typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : a - b) : typeof x === "string" ? 1 : -1;
    return Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : a - b;
  });
}

describe("Column.argsort", () => {
  it("is the stable order whatever column was sorted before", () => {
    const numbers = fc.array(fc.oneof(fc.constantFrom(0, -0, 1, 2, NaN, -1.5), fc.double()), { maxLength: 30 });
    const texts = fc.array(fc.oneof(fc.constantFrom<Cell>("a", "b", "", "ab", NaN)), { maxLength: 30 });
    const column = fc.oneof(numbers.map((v) => Column.fromNumbers("x", v)), texts.map((c) => Column.fromCells("x", c)));
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 4 }), (columns) => {
        for (const c of columns) expect(Array.from(c.argsort())).toEqual(slowOrder(c));
      }),
      { numRuns: 500, seed: 20261128 },
    );
  });

  it("reuses the order of a column with the same keys, and hands out copies", () => {
    const answers = Frame.fromCsv("key,y\nc,1\na,2\nb,3\na,4\n");
    const submission = Frame.fromCsv("key,y\nc,0.5\na,0.25\nb,1\na,2\n");
    const first = answers.col("key").argsort();
    expect(Array.from(first)).toEqual([1, 3, 2, 0]);
    first.fill(0);
    expect(Array.from(submission.col("key").argsort())).toEqual([1, 3, 2, 0]);
    expect(Array.from(Frame.fromCsv("key\nc\nb\nb\na\n").col("key").argsort())).toEqual([3, 1, 2, 0]);
    expect(answers.sortBy("y")).toBe(answers);
  });
});
