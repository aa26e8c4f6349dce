/**
 * macro-f1: a hand-checked table, and fast-check against a slow implementation written from the
 * textbook definition (precision and recall per class, F1 as their harmonic mean).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { macroF1 } from "../../metrics/macro-f1.js";
import { MetricError } from "../../src/errors.js";
import { closeMessage, isClose } from "../helpers/close.js";

function slowMacroF1(yTrue: readonly (number | string)[], yPred: readonly (number | string)[]): number {
  const labels = [...new Set([...yTrue, ...yPred])];
  let total = 0;
  for (const label of labels) {
    let tp = 0;
    let predicted = 0;
    let actual = 0;
    for (let i = 0; i < yTrue.length; i++) {
      if (yPred[i] === label) predicted++;
      if (yTrue[i] === label) actual++;
      if (yPred[i] === label && yTrue[i] === label) tp++;
    }
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    total += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return total / labels.length;
}

describe("macroF1", () => {
  it("matches a hand-checked table", () => {
    // truth   a a a b b c ; prediction a a b b c c
    // a: TP 2, FP 0, FN 1 → 4/5; b: TP 1, FP 1, FN 1 → 1/2; c: TP 1, FP 1, FN 0 → 2/3
    const value = macroF1(["a", "a", "a", "b", "b", "c"], ["a", "a", "b", "b", "c", "c"]);
    const expected = (4 / 5 + 1 / 2 + 2 / 3) / 3;
    expect(isClose(value, expected), closeMessage(value, expected)).toBe(true);
  });

  it("counts labels that are only predicted as 0", () => {
    // label 1: TP 2, FN 0, FP 0 → 1; label 7: predicted once, never true → 0; label 2: TP 0, FN 1 → 0
    expect(macroF1([1, 1, 2], [1, 1, 7])).toBe(1 / 3);
  });

  it("returns NaN on no samples and rejects text mixed with numbers", () => {
    expect(macroF1([], [])).toBeNaN();
    expect(() => macroF1(["a", "b", "c"], [1, 2, 3])).toThrow(MetricError);
  });

  it("agrees with the definition (fast-check)", () => {
    const labels = fc.integer({ min: 0, max: 6 });
    const pairs = fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(fc.array(labels, { minLength: n, maxLength: n }), fc.array(labels, { minLength: n, maxLength: n })));
    fc.assert(
      fc.property(pairs, ([yTrue, yPred]) => isClose(macroF1(yTrue, yPred), slowMacroF1(yTrue, yPred), { rtol: 1e-12, atol: 1e-15 })),
      { numRuns: 300, seed: 31 },
    );
  });

  it("runs 10^6 labels over 1000 classes quickly", () => {
    const n = 1_000_000;
    const yTrue = new Float64Array(n);
    const yPred = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yTrue[i] = (i * 7919) % 1000;
      yPred[i] = i % 3 === 0 ? (i * 31) % 1000 : yTrue[i]!;
    }
    const start = performance.now();
    const value = macroF1(yTrue, yPred);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(value).toBeGreaterThan(0.6);
  });
});
