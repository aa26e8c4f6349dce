/** A text column kept as slices of the file's text behaves exactly like the same column of strings. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column, sameKeys, type Cell } from "../../src/table/column.js";
import { Frame } from "../../src/table/frame.js";

/** The cells as slices of one text; every third string is given as an unescaped special instead. */
function sliced(cells: Cell[]): Column {
  const start = new Int32Array(cells.length);
  const end = new Int32Array(cells.length);
  const special = new Map<number, string>();
  let text = "";
  cells.forEach((cell, i) => {
    if (typeof cell !== "string") {
      start[i] = -1;
      return;
    }
    if (i % 3 === 2) {
      special.set(i, cell);
      start[i] = 0;
      return;
    }
    start[i] = text.length;
    text += cell;
    end[i] = text.length;
  });
  return new Column({ name: "id", dtype: "object", slices: { text: `${text}x`, start, end, special } });
}

const cells = fc.array(fc.oneof({ weight: 5, arbitrary: fc.string({ unit: fc.constantFrom("a", "b", "0", "é", "\u{1F600}", " ") , maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant(NaN) }), { maxLength: 40 });

describe("text slices", () => {
  it("read, compare, reorder and sort like strings", () => {
    fc.assert(
      fc.property(cells, cells, (a, b) => {
        const lazy = sliced(a);
        const eager = Column.fromCells("id", a);
        for (let i = 0; i < a.length; i++) {
          expect(lazy.get(i)).toEqual(eager.get(i));
          expect(lazy.isMissing(i)).toBe(eager.isMissing(i));
        }
        expect(Array.from(lazy.argsort())).toEqual(Array.from(eager.argsort()));
        expect(lazy.toStrings()).toEqual(eager.toStrings());
        const order = Array.from({ length: a.length }, (_, i) => a.length - 1 - i);
        expect(lazy.take(order).cells).toEqual(eager.take(order).cells);
        expect(sameKeys(lazy, sliced(b))).toBe(sameKeys(eager, Column.fromCells("id", b)));
        expect(sameKeys(lazy, sliced(a))).toBe(a.every((c) => typeof c === "string"));
        expect(lazy.cells).toEqual(a);
      }),
      { numRuns: 500, seed: 20261128 },
    );
  });

  it("are what the CSV reader gives text columns", () => {
    const frame = Frame.fromCsv('id,x\nb,1\n"a""q",2\n,3\nc\n');
    const id = frame.col("id");
    expect(id.slices).toBeDefined();
    expect(Array.from(id.argsort())).toEqual([1, 0, 3, 2]);
    expect(id.cells).toEqual(["b", 'a"q', NaN, "c"]);
  });
});
