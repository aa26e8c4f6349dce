import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rootMeanSquaredLogError } from "../../metrics/root-mean-squared-log-error.js";
import { isClose } from "../helpers/close.js";
import { slowRmse, thrownCode } from "../helpers/oracles.js";

const SEED = 20240603;
const pairs = (item: fc.Arbitrary<number>) =>
  fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(fc.array(item, { minLength: n, maxLength: n }), fc.array(item, { minLength: n, maxLength: n })));

describe("root-mean-squared-log-error", () => {
  it("matches a hand-checked table", () => {
    // ln(1 + e - 1) - ln(1 + 0) = 1 for one row of two
    expect(isClose(rootMeanSquaredLogError([0, 3], [Math.E - 1, 3]), Math.sqrt(0.5))).toBe(true);
    expect(rootMeanSquaredLogError([0, 1, 2], [0, 1, 2])).toBe(0);
  });

  it("rejects negative values as scikit-learn 1.5.1 does, or only values <= -1 with the newer domain", () => {
    expect(thrownCode(() => rootMeanSquaredLogError([1, 2], [-0.001, 2]))).toBe("OUT_OF_RANGE");
    expect(thrownCode(() => rootMeanSquaredLogError([-0.001, 2], [1, 2]))).toBe("OUT_OF_RANGE");
    expect(thrownCode(() => rootMeanSquaredLogError([1, 2], [-0.5, 2], { domain: "above-minus-one" }))).toBeUndefined();
    expect(thrownCode(() => rootMeanSquaredLogError([1, 2], [-1, 2], { domain: "above-minus-one" }))).toBe("OUT_OF_RANGE");
    // Finiteness is checked before the sign, as in scikit-learn.
    expect(thrownCode(() => rootMeanSquaredLogError([-1, 2], [1, NaN]))).toBe("MISSING_VALUE");
  });

  it("agrees with the definition on random non-negative inputs", () => {
    const positive = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(pairs(positive), ([t, p]) => isClose(rootMeanSquaredLogError(t, p), slowRmse(t.map(Math.log1p), p.map(Math.log1p)), { rtol: 1e-12, atol: 1e-300 })),
      { seed: SEED, numRuns: 300 },
    );
  });
});
