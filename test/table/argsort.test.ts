/** Column.argsort on text columns: code-point order, missing values last, ties in file order. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Column } from "../../src/table/column.js";
import { compareCodePoints } from "../../src/table/scalars.js";

/** The order from the definition: text by code point, NaN last, stable. */
function slowOrder(cells: (string | number)[]): number[] {
  return cells
    .map((cell, i) => [cell, i] as const)
    .sort(([x, i], [y, j]) => {
      if (typeof x !== "string" || typeof y !== "string") return (typeof x === "string" ? -1 : typeof y === "string" ? 1 : 0) || i - j;
      return compareCodePoints(x, y) || i - j;
    })
    .map(([, i]) => i);
}

describe("Column.argsort on text", () => {
  it("sorts by code point with missing cells last and ties in file order", () => {
    const column = Column.fromCells("id", ["b", NaN, "a", "B", "a", "\u{1F600}", "\uFFFD"]);
    expect(Array.from(column.argsort())).toEqual([3, 2, 4, 0, 6, 5, 1]);
  });

  it("agrees with the definition, with and without surrogate pairs", () => {
    const cell = fc.oneof(fc.constant(NaN), fc.string({ maxLength: 4 }), fc.string({ unit: "grapheme", maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
        expect(Array.from(Column.fromCells("id", cells).argsort())).toEqual(slowOrder(cells));
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });
});
