import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanColumnwiseRootMeanSquaredError } from "../../metrics/mean-columnwise-root-mean-squared-error.js";
import { fsum } from "../../src/_internal/numeric.js";
import { isClose } from "../helpers/close.js";
import { slowRmse, thrownCode } from "../helpers/oracles.js";

const SEED = 20240603;
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe("mean-columnwise-root-mean-squared-error", () => {
  it("averages the column RMSEs", () => {
    // column 1 errors 0, 2 -> sqrt(2); column 2 errors 3, 3 -> 3
    expect(meanColumnwiseRootMeanSquaredError([[1, 2], [10, 20]], [[1, 4], [13, 17]])).toBe((Math.sqrt(2) + 3) / 2);
    expect(Number.isNaN(meanColumnwiseRootMeanSquaredError([], []))).toBe(true);
    expect(thrownCode(() => meanColumnwiseRootMeanSquaredError([[1]], [[1], [2]]))).toBe("ROW_COUNT_MISMATCH");
  });

  it("agrees with the mean of per-column definitions", () => {
    const matrices = fc
      .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5 }))
      .chain(([n, k]) => fc.tuple(...[0, 1].map(() => fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: k, maxLength: k }))));
    fc.assert(
      fc.property(matrices, ([t, p]) => {
        const expected = fsum(t.map((column, k) => slowRmse(column, p[k]!))) / t.length;
        return isClose(meanColumnwiseRootMeanSquaredError(t, p), expected, { rtol: 1e-12, atol: 1e-300 });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
