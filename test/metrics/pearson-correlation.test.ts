import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pearsonCorrelation } from "../../metrics/pearson-correlation.js";
import { isClose } from "../helpers/close.js";
import { slowPearson, thrownCode } from "../helpers/oracles.js";

const SEED = 20240605;
// Subnormal numbers are left out: their rounding makes "the same formula" differ by far more than an ulp.
const value = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((v) => v / 8),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) > 1e-200),
);
const pairs = fc.integer({ min: 3, max: 60 }).chain((n) => fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })));

describe("pearson-correlation", () => {
  it("matches a hand-checked table", () => {
    // centred x = (-1.5, -0.5, 0.5, 1.5), y = (-1.5, 0.5, -0.5, 1.5): Σxy = 4, Σx² = Σy² = 5 → 0.8
    expect(isClose(pearsonCorrelation([1, 2, 3, 4], [1, 3, 2, 4]), 0.8)).toBe(true);
    // scipy 1.14.1's arithmetic gives the last digit below 0.8 (library-versions.md)
    expect(pearsonCorrelation([1, 2, 3, 4], [1, 3, 2, 4])).toBe(0.7999999999999999);
    expect(isClose(pearsonCorrelation([1, 2, 3], [-2, -4, -6]), -1)).toBe(true);
  });

  it("follows scipy 1.14.1 on degenerate inputs", () => {
    expect(pearsonCorrelation([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(pearsonCorrelation([1, 2], [5, 3])).toBe(-1);
    expect(pearsonCorrelation([1, 2], [3, 3])).toBe(0);
    expect(pearsonCorrelation([1, 2, 3], [1, Infinity, 3])).toBeNaN();
    expect(pearsonCorrelation([1, 2, 3], [1, NaN, 3])).toBeNaN();
    expect(thrownCode(() => pearsonCorrelation([1], [1]))).toBe("UNDEFINED_METRIC");
    expect(thrownCode(() => pearsonCorrelation([1, 2, 3], [1, 2]))).toBe("ROW_COUNT_MISMATCH");
  });

  it("does not overflow on huge deviations", () => {
    expect(isClose(pearsonCorrelation([-5e210, 5e210, 3e200, -3e200], [1, 2, 3, 4]), 0.31622776599786423)).toBe(true);
  });

  it("agrees with the textbook formula and stays in [-1, 1]", () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        const value = pearsonCorrelation(x, y);
        if (x.every((v) => v === x[0]) || y.every((v) => v === y[0])) return Number.isNaN(value);
        const expected = slowPearson(x, y);
        return value >= -1 && value <= 1 && isClose(value, Math.min(1, Math.max(-1, expected)), { rtol: 1e-9, atol: 1e-9 });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
