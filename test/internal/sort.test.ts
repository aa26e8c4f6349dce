/** The radix sort behind the ranking metrics agrees with the engine's numeric sort on any finite or infinite doubles. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortFloat64 } from "../../src/_internal/sort.js";

const SEED = 20240601;

function same(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe("sortFloat64", () => {
  it("sorts like Float64Array.prototype.sort (−0 before +0, infinities at the ends)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (values) => {
        const input = Float64Array.from(values);
        const expected = input.slice().sort();
        const sorted = sortFloat64(input);
        expect(sorted, "sorted in place").toBe(input);
        return same(sorted, expected);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("handles the edges of the double range", () => {
    const values = [0, -0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 1, -1, 2.2250738585072014e-308];
    expect(Array.from(sortFloat64(Float64Array.from(values)))).toEqual([-Infinity, -Number.MAX_VALUE, -1, -5e-324, -0, 0, 5e-324, 2.2250738585072014e-308, 1, Number.MAX_VALUE, Infinity]);
    expect(sortFloat64(new Float64Array(0)).length).toBe(0);
    expect(Array.from(sortFloat64(Float64Array.of(3, 3, 3)))).toEqual([3, 3, 3]);
  });

  it("sorts many values sharing most digits (passes that cannot be skipped next to ones that can)", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => 0.5 + ((i * 7919) % 5000) * 2 ** -40);
    const expected = values.slice().sort();
    expect(same(sortFloat64(values), expected)).toBe(true);
  });
});
