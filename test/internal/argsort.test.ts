/** The id argsorts give exactly the stable order of a comparison sort (NaN / missing last, ties in row order). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { argsortNumbers, argsortTexts } from "../../src/_internal/argsort.js";

const SEED = 20261128;

/** Stable ascending order, NaN last, −0 tied with +0: what `sort_values` gives. */
function slowNumbers(values: readonly number[]): number[] {
  const order = values.map((_, i) => i);
  return order.sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

function slowTexts(cells: readonly unknown[]): number[] {
  const order = cells.map((_, i) => i);
  return order.sort((a, b) => {
    const x = cells[a];
    const y = cells[b];
    if (typeof x !== "string" || typeof y !== "string") return typeof x === typeof y ? a - b : typeof x === "string" ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

const numbers = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53)),
);
const texts = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom("a", "b", "ab", "", "0", "é", "\u00ff", "z", "\u4e00") }) },
  { weight: 1, arbitrary: fc.constant(NaN) },
);

describe("argsortNumbers", () => {
  it("is the stable order with NaN last", () => {
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 400 }), (values) => {
        expect(Array.from(argsortNumbers(Float64Array.from(values)))).toEqual(slowNumbers(values));
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it("keeps ties (−0 and +0 too) and sorted input in row order", () => {
    expect(Array.from(argsortNumbers([1, -0, 0, -0, 1, NaN, -1]))).toEqual([6, 1, 2, 3, 0, 4, 5]);
    expect(Array.from(argsortNumbers([1, 2, 2, 3, NaN, NaN]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(argsortNumbers([NaN, 1]))).toEqual([1, 0]);
    expect(Array.from(argsortNumbers([]))).toEqual([]);
  });

  it("sorts large integer ids", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5003) * 1e6 + 900000);
    expect(Array.from(argsortNumbers(values))).toEqual(slowNumbers(Array.from(values)));
  });
});

describe("argsortTexts", () => {
  it("is the stable UTF-16 order with missing cells last", () => {
    fc.assert(
      fc.property(fc.array(texts, { maxLength: 400 }), (cells) => {
        expect(Array.from(argsortTexts(cells))).toEqual(slowTexts(cells));
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it("handles long common prefixes, duplicates and sorted input", () => {
    const prefix = "x".repeat(3000);
    const cells = Array.from({ length: 300 }, (_, i) => `${prefix}${(i * 37) % 101}`);
    expect(Array.from(argsortTexts(cells))).toEqual(slowTexts(cells));
    expect(Array.from(argsortTexts(["a", "b", "b", NaN]))).toEqual([0, 1, 2, 3]);
    expect(Array.from(argsortTexts([NaN, "b", "a", "b", ""]))).toEqual([4, 2, 1, 3, 0]);
  });
});
