import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanColumnwiseSpearman } from "../../metrics/mean-columnwise-spearman.js";
import { spearmanCorrelation } from "../../metrics/spearman-correlation.js";
import { fsum } from "../../src/_internal/numeric.js";
import { isClose } from "../helpers/close.js";
import { thrownCode } from "../helpers/oracles.js";

const SEED = 20240606;

describe("mean-columnwise-spearman", () => {
  it("matches a hand-checked table", () => {
    expect(meanColumnwiseSpearman([[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [3, 2, 1]])).toBe(0);
    expect(meanColumnwiseSpearman([[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [2, 3, 4]])).toBe(1);
  });

  it("is NaN when one column is constant or holds NaN", () => {
    expect(meanColumnwiseSpearman([[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [0, 0, 0]])).toBeNaN();
    expect(meanColumnwiseSpearman([[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [0, NaN, 1]])).toBeNaN();
    expect(meanColumnwiseSpearman([], [])).toBeNaN();
    expect(thrownCode(() => meanColumnwiseSpearman([[1, 2]], []))).toBe("ROW_COUNT_MISMATCH");
  });

  it("is the mean of the columns' Spearman correlations", () => {
    const cell = fc.integer({ min: 0, max: 9 }).map((v) => v / 9);
    const matrices = fc
      .tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 6 }))
      .chain(([n, k]) => fc.tuple(...[0, 1].map(() => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: k, maxLength: k }))));
    fc.assert(
      fc.property(matrices, ([t, p]) => {
        const each = t.map((column, k) => spearmanCorrelation(column, p[k]!));
        const expected = each.some(Number.isNaN) ? NaN : fsum(each) / each.length;
        return isClose(meanColumnwiseSpearman(t, p), expected, { rtol: 1e-12, atol: 1e-12 });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
