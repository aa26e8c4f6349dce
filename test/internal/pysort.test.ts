/**
 * Sort orders as Python orders them. Without NaN keys CPython's sort is simply stable; with NaN
 * keys (where `<` is false both ways) the result depends on timsort's exact comparisons. The
 * expected orders below were produced by CPython 3.11.2 (Debian 12) with
 * `sorted(range(n), key=lambda i: keys[i], reverse=reverse)` for
 * `keys[i] = nan if i % nanEvery == 0 else ((i * a) % m) / 4`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numpyMergesortOrder, pythonSortOrder } from "../../src/_internal/pysort.js";

const PYTHON_ORDERS = [
  { n: 10, a: 7, m: 5, nanEvery: 3, reverse: true, order: [0, 2, 1, 3, 4, 5, 6, 7, 8, 9] },
  { n: 100, a: 37, m: 23, nanEvery: 5, reverse: true, order: [0, 5, 10, 15, 18, 20, 25, 30, 35, 36, 40, 41, 13, 8, 31, 3, 26, 21, 44, 45, 49, 16, 39, 11, 34, 6, 29, 1, 24, 47, 19, 42, 14, 37, 9, 32, 4, 27, 22, 17, 12, 7, 2, 48, 43, 38, 33, 28, 23, 46, 50, 55, 60, 64, 65, 70, 72, 75, 77, 80, 85, 87, 59, 82, 54, 67, 62, 57, 52, 88, 83, 53, 90, 93, 78, 95, 98, 73, 96, 68, 91, 63, 86, 58, 81, 76, 99, 71, 94, 66, 89, 61, 84, 56, 79, 51, 74, 97, 69, 92] },
  { n: 150, a: 11, m: 97, nanEvery: 7, reverse: false, order: [0, 9, 18, 27, 36, 1, 10, 19, 37, 2, 11, 20, 29, 3, 12, 30, 4, 13, 22, 5, 6, 7, 31, 23, 32, 15, 33, 16, 34, 8, 14, 25, 17, 21, 24, 26, 28, 35, 53, 71, 45, 54, 72, 46, 55, 73, 38, 47, 39, 48, 57, 40, 41, 42, 62, 64, 65, 74, 66, 75, 58, 67, 50, 59, 68, 51, 60, 69, 43, 44, 49, 52, 56, 61, 63, 70, 76, 77, 97, 106, 80, 89, 107, 81, 90, 99, 108, 82, 100, 109, 83, 92, 101, 110, 102, 111, 85, 86, 78, 79, 84, 93, 94, 103, 95, 104, 87, 96, 88, 91, 98, 105, 112, 115, 124, 142, 116, 125, 134, 143, 117, 135, 144, 118, 127, 136, 145, 128, 137, 146, 138, 130, 113, 122, 114, 119, 120, 129, 121, 148, 131, 123, 126, 132, 133, 139, 140, 149, 141, 147] },
];

function keysOf(n: number, a: number, m: number, nanEvery: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % nanEvery === 0 ? NaN : ((i * a) % m) / 4));
}

describe("pythonSortOrder", () => {
  for (const { n, a, m, nanEvery, reverse, order } of PYTHON_ORDERS) {
    it(`reproduces CPython's order with NaN keys (n = ${n}, reverse = ${reverse})`, () => {
      expect(Array.from(pythonSortOrder(keysOf(n, a, m, nanEvery), reverse))).toEqual(order);
    });
  }

  it("is a stable sort when no key is NaN", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }), fc.boolean(), (keys, reverse) => {
        const expected = keys.map((_, i) => i).sort((x, y) => (reverse ? keys[y]! - keys[x]! : keys[x]! - keys[y]!) || x - y);
        return JSON.stringify(Array.from(pythonSortOrder(keys, reverse))) === JSON.stringify(expected);
      }),
      { numRuns: 200, seed: 20240601 },
    );
  });

  it("keeps every index exactly once with NaN keys", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 9 })), { maxLength: 400 }), fc.boolean(), (keys, reverse) => {
        const order = Array.from(pythonSortOrder(keys, reverse)).sort((x, y) => x - y);
        return order.every((v, i) => v === i);
      }),
      { numRuns: 200, seed: 20240601 },
    );
  });
});

describe("numpyMergesortOrder", () => {
  it("sorts ascending, stably, NaN last", () => {
    expect(Array.from(numpyMergesortOrder([3, NaN, 1, 3, -0, 0, NaN, -Infinity]))).toEqual([7, 4, 5, 2, 0, 3, 1, 6]);
  });
});
