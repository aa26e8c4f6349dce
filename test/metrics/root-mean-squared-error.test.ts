import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rootMeanSquaredError } from "../../metrics/root-mean-squared-error.js";
import { isClose } from "../helpers/close.js";
import { slowRmse, thrownCode } from "../helpers/oracles.js";

const SEED = 20240603;
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const pairs = (item: fc.Arbitrary<number>) =>
  fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(fc.array(item, { minLength: n, maxLength: n }), fc.array(item, { minLength: n, maxLength: n })));

describe("root-mean-squared-error", () => {
  it("matches a hand-checked table", () => {
    // errors 1, 2, 2: mean square (1 + 4 + 4) / 3 = 3
    expect(rootMeanSquaredError([1, 2, 3], [2, 0, 5])).toBe(Math.sqrt(3));
    expect(rootMeanSquaredError([5], [5])).toBe(0);
    expect(rootMeanSquaredError([0, 0, 0, 0], [3, -3, 3, -3])).toBe(3);
  });

  it("rejects what scikit-learn rejects", () => {
    expect(thrownCode(() => rootMeanSquaredError([1, 2], [1]))).toBe("ROW_COUNT_MISMATCH");
    expect(thrownCode(() => rootMeanSquaredError([1, NaN], [1, 2]))).toBe("MISSING_VALUE");
    expect(thrownCode(() => rootMeanSquaredError([1, 2], [1, -Infinity]))).toBe("NON_FINITE");
    expect(thrownCode(() => rootMeanSquaredError([], []))).toBe("UNDEFINED_METRIC");
  });

  it("agrees with the definition on random inputs", () => {
    fc.assert(fc.property(pairs(value), ([t, p]) => isClose(rootMeanSquaredError(t, p), slowRmse(t, p), { rtol: 1e-12, atol: 1e-300 })), { seed: SEED, numRuns: 300 });
  });

  it("handles 10^6 values quickly", () => {
    const n = 1_000_000;
    const t = new Float64Array(n).map((_, i) => Math.sin(i));
    const p = new Float64Array(n).map((_, i) => Math.sin(i) + 0.5 * Math.cos(i * 7));
    const start = performance.now();
    const value = rootMeanSquaredError(t, p);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(isClose(value, slowRmse(Array.from(t), Array.from(p)), { rtol: 1e-12 })).toBe(true);
  });
});
