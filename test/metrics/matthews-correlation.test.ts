/**
 * matthews-correlation: hand-checked binary tables, and fast-check against Gorodkin's definition
 * (covariance of one-hot class indicators), written without the confusion-matrix shortcut.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matthewsCorrelation } from "../../metrics/matthews-correlation.js";
import { MetricError } from "../../src/errors.js";
import { closeMessage, isClose } from "../helpers/close.js";

function slowMcc(yTrue: readonly number[], yPred: readonly number[]): number {
  const labels = [...new Set([...yTrue, ...yPred])];
  const n = yTrue.length;
  const cov = (a: readonly number[], b: readonly number[]): number => {
    let total = 0;
    for (const label of labels) {
      let meanA = 0;
      let meanB = 0;
      for (let s = 0; s < n; s++) {
        meanA += a[s] === label ? 1 / n : 0;
        meanB += b[s] === label ? 1 / n : 0;
      }
      for (let s = 0; s < n; s++) total += ((a[s] === label ? 1 : 0) - meanA) * ((b[s] === label ? 1 : 0) - meanB);
    }
    return total;
  };
  const denominator = Math.sqrt(cov(yTrue, yTrue) * cov(yPred, yPred));
  return denominator < 1e-9 ? 0 : cov(yTrue, yPred) / denominator;
}

describe("matthewsCorrelation", () => {
  it("matches the binary formula on a hand-checked table", () => {
    // TP 3, TN 4, FP 1, FN 2: (12 − 2) / √(4·5·5·6)
    const yTrue = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const yPred = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const expected = 10 / Math.sqrt(4 * 5 * 5 * 6);
    const value = matthewsCorrelation(yTrue, yPred);
    expect(isClose(value, expected), closeMessage(value, expected)).toBe(true);
  });

  it("returns 0 when one side is constant, and rejects probabilities", () => {
    expect(matthewsCorrelation([0, 1, 1], [1, 1, 1])).toBe(0);
    expect(matthewsCorrelation([], [])).toBe(0);
    expect(() => matthewsCorrelation([0, 1, 1], [0.2, 0.7, 1])).toThrow(MetricError);
    expect(() => matthewsCorrelation(["a", "b", "c"], [0, 1, 2])).toThrow(MetricError);
  });

  it("agrees with the definition (fast-check)", () => {
    const labels = fc.integer({ min: 0, max: 4 });
    const pairs = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.array(labels, { minLength: n, maxLength: n }), fc.array(labels, { minLength: n, maxLength: n })));
    fc.assert(
      fc.property(pairs, ([yTrue, yPred]) => isClose(matthewsCorrelation(yTrue, yPred), slowMcc(yTrue, yPred), { rtol: 1e-9, atol: 1e-12 })),
      { numRuns: 300, seed: 32 },
    );
  });
});
