import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageRanks, spearmanCorrelation } from "../../metrics/spearman-correlation.js";
import { isClose } from "../helpers/close.js";
import { slowPearson, slowRanks, thrownCode } from "../helpers/oracles.js";

const SEED = 20240604;
// Few distinct values, so that ties are common.
const tied = fc.integer({ min: -5, max: 5 }).map((v) => v / 2);
const value = fc.oneof(tied, fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
const pairs = fc.integer({ min: 2, max: 60 }).chain((n) => fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })));
const constant = (v: number[]) => v.every((x) => x === v[0]);

describe("spearman-correlation", () => {
  it("ranks ties by their average rank", () => {
    expect(Array.from(averageRanks([10, 20, 10, 30, 20, 20]))).toEqual([1.5, 4, 1.5, 6, 4, 4]);
    expect(Array.from(averageRanks([-Infinity, 0, Infinity]))).toEqual([1, 2, 3]);
  });

  it("matches a hand-checked table", () => {
    // ranks x = 1..5, y = 1, 2, 3.5, 5, 3.5: Σd² = 0 + 0 + 0.25 + 1 + 2.25 = 3.5 → with ties, Pearson of ranks
    expect(isClose(spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233)).toBe(true);
    expect(spearmanCorrelation([1, 2, 3, 4], [1, 4, 9, 16])).toBe(1);
    expect(spearmanCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
  });

  it("returns NaN where scipy does", () => {
    expect(spearmanCorrelation([1, 2, 3], [7, 7, 7])).toBeNaN();
    expect(spearmanCorrelation([1, 2, 3], [1, NaN, 3])).toBeNaN();
    expect(spearmanCorrelation([1], [1])).toBeNaN();
    expect(spearmanCorrelation([], [])).toBeNaN();
    expect(thrownCode(() => spearmanCorrelation([1, 2], [1]))).toBe("ROW_COUNT_MISMATCH");
  });

  it("equals the Pearson correlation of counted average ranks", () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        const value = spearmanCorrelation(x, y);
        if (constant(x) || constant(y)) return Number.isNaN(value);
        return isClose(value, slowPearson(slowRanks(x), slowRanks(y)), { rtol: 1e-12, atol: 1e-12 });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("ignores strictly increasing transforms of either input", () => {
    fc.assert(
      fc.property(pairs, ([x, y]) => {
        const a = spearmanCorrelation(x, y);
        // Scaling by powers of two is strictly increasing in floating point too.
        const b = spearmanCorrelation(x.map((v) => v * 4), y.map((v) => v * 2));
        return Number.isNaN(a) ? Number.isNaN(b) : isClose(a, b, { rtol: 1e-12, atol: 1e-12 });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
