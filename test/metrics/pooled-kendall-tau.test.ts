import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countInversions, pooledKendallTau } from "../../metrics/pooled-kendall-tau.js";
import { thrownCode } from "../helpers/oracles.js";

const SEED = 20240607;

/** Discordant pairs by brute force. */
function slowInversions(values: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) if (values[i]! > values[j]!) count++;
  return count;
}

/** Groups of distinct cell ids with a predicted order that is a permutation of each. */
const notebooks = fc.array(
  fc.integer({ min: 1, max: 25 }).chain((n) => {
    const cells = Array.from({ length: n }, (_, i) => `c${i}`);
    return fc.tuple(fc.constant(cells), fc.shuffledSubarray(cells, { minLength: n, maxLength: n }));
  }),
  { minLength: 1, maxLength: 12 },
);

describe("pooled-kendall-tau", () => {
  it("counts inversions with strict comparisons", () => {
    expect(countInversions(Int32Array.from([3, 1, 2]))).toBe(2);
    expect(countInversions(Int32Array.from([1, 1, 0]))).toBe(2);
    expect(countInversions(Int32Array.from([2, 2, 2]))).toBe(0);
    expect(countInversions(new Int32Array(0))).toBe(0);
  });

  it("matches a hand-checked table", () => {
    expect(pooledKendallTau([["a", "b", "c"]], [["a", "b", "c"]])).toBe(1);
    expect(pooledKendallTau([["a", "b", "c"]], [["c", "b", "a"]])).toBe(-1);
    // one swap in a 4-cell notebook (12 ordered pairs) plus a correct 2-cell one (2): 1 - 4/14
    expect(pooledKendallTau([["a", "b", "c", "d"], ["x", "y"]], [["a", "c", "b", "d"], ["x", "y"]])).toBe(1 - 4 / 14);
  });

  it("fails where the Python metric raises", () => {
    expect(thrownCode(() => pooledKendallTau([["a", "b"]], [["a", "q"]]))).toBe("MISSING_IDS");
    expect(thrownCode(() => pooledKendallTau([["a"]], [["a"]]))).toBe("UNDEFINED_METRIC");
    expect(thrownCode(() => pooledKendallTau([], []))).toBe("UNDEFINED_METRIC");
    expect(thrownCode(() => pooledKendallTau([["a"]], []))).toBe("ROW_COUNT_MISMATCH");
  });

  it("merge-sort counting equals brute force", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (values) => countInversions(Int32Array.from(values)) === slowInversions(values)),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("equals the pooled brute-force definition and is symmetric for permutations", () => {
    fc.assert(
      fc.property(notebooks, (groups) => {
        const truth = groups.map(([cells]) => cells);
        const predicted = groups.map(([, order]) => order);
        let inversions = 0;
        let pairs = 0;
        groups.forEach(([cells, order]) => {
          inversions += slowInversions(order.map((cell) => cells.indexOf(cell)));
          pairs += cells.length * (cells.length - 1);
        });
        if (pairs === 0) return thrownCode(() => pooledKendallTau(truth, predicted)) === "UNDEFINED_METRIC";
        const value = pooledKendallTau(truth, predicted);
        return value === 1 - (4 * inversions) / pairs && value === pooledKendallTau(predicted, truth) && value >= -1 && value <= 1;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
