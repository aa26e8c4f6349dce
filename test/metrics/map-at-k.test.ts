/**
 * MAP@k: hand-checked rankings and the metric against the textbook formula
 * AP@k = Σ_{i≤k} P(i)·rel(i) / min(|A|, k), with rel counting only the first occurrence.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averagePrecisionAtK, meanAveragePrecisionAtK } from "../../metrics/index.js";
import { isClose } from "../helpers/close.js";

const SEED = 2718;

function slowAp(actual: string[], predicted: string[], k: number): number {
  const relevant = [...new Set(actual)];
  if (relevant.length === 0) return 0;
  const top = predicted.slice(0, k);
  let sum = 0;
  for (let i = 0; i < top.length; i++) {
    const rel = relevant.includes(top[i]!) && top.indexOf(top[i]!) === i ? 1 : 0;
    if (!rel) continue;
    const hitsSoFar = top.slice(0, i + 1).filter((item, j) => relevant.includes(item) && top.indexOf(item) === j).length;
    sum += hitsSoFar / (i + 1);
  }
  return sum / Math.min(relevant.length, k);
}

describe("meanAveragePrecisionAtK", () => {
  it("matches hand-computed rankings", () => {
    // Hits at ranks 1 and 3: (1/1 + 2/3) / 2.
    expect(averagePrecisionAtK(new Set(["a", "b"]), ["a", "x", "b"], 5)).toBe((1 + 2 / 3) / 2);
    // The whale case: the answer in second place scores 1/2.
    expect(meanAveragePrecisionAtK([["w1"], ["w2"]], [["w1", "new_whale"], ["new_whale", "w2"]], 5)).toBe(0.75);
    // A repeat does not score twice; the empty token takes a rank.
    expect(meanAveragePrecisionAtK([["a"]], [["a", "a"]], 5)).toBe(1);
    expect(meanAveragePrecisionAtK([["a"]], [["", "a"]], 5)).toBe(0.5);
    // More relevant items than k: divided by k.
    expect(meanAveragePrecisionAtK([["a", "b", "c"]], [["a", "b"]], 2)).toBe(1);
    expect(meanAveragePrecisionAtK([[]], [["a"]], 5)).toBe(0);
    // zip: the unmatched third row is ignored.
    expect(meanAveragePrecisionAtK([["a"], ["b"], ["c"]], [["a"], ["x"]], 5)).toBe(0.5);
  });

  it("equals the textbook formula", () => {
    const list = fc.array(fc.constantFrom("a", "b", "c", "d", "e", ""), { maxLength: 9 });
    fc.assert(
      fc.property(fc.array(fc.tuple(list, list), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 12 }), (rows, k) => {
        const expected = rows.reduce((sum, [a, p]) => sum + slowAp(a, p, k), 0) / rows.length;
        return isClose(meanAveragePrecisionAtK(rows.map(([a]) => a), rows.map(([, p]) => p), k), expected, { rtol: 1e-12 });
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
