/**
 * Micro F1: single labels equal accuracy; label sets against a slow count over every
 * (row, label) cell of the vocabulary.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accuracy, microF1, microF1LabelSets } from "../../metrics/index.js";
import { MetricError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

const SEED = 16180;

function slowMicroF1(truth: string[][], predicted: string[][], classes: string[] | null): number {
  const vocabulary = classes ?? [...new Set([...truth.flat(), ...predicted.flat()])];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  truth.forEach((t, i) => {
    for (const label of vocabulary) {
      const inTruth = t.includes(label);
      const inPred = predicted[i]!.includes(label);
      if (inTruth && inPred) tp++;
      else if (inPred) fp++;
      else if (inTruth) fn++;
    }
  });
  return 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

describe("microF1", () => {
  it("matches hand-computed values", () => {
    expect(microF1(["a", "b", "c", "a"], ["a", "c", "c", "a"])).toBe(0.75);
    expect(microF1([0, 0, 0], [0, 0, 0])).toBe(1);
    expect(microF1([], [])).toBe(0);
    // 2·2 / (3 true + 3 predicted); with the vocabulary {a, b, c}, d is ignored: 2·2 / (3 + 2).
    expect(microF1LabelSets([["a", "b"], ["c"]], [["a"], ["c", "d"]])).toBe(4 / 6);
    expect(microF1LabelSets([["a", "b"], ["c"]], [["a"], ["c", "d"]], { classes: ["a", "b", "c"] })).toBe(0.8);
    expect(microF1LabelSets([["a"]], [["a", "a", "a"]])).toBe(1);
    expect(microF1LabelSets([[]], [[]], { classes: ["a"] })).toBe(0);
  });

  it("rejects a mix of text and numbers, unlike accuracy", () => {
    expect(accuracy(["0", "1", "2"], [0, 1, 2])).toBe(0);
    expect(() => microF1(["0", "1", "2"], [0, 1, 2])).toThrow(MetricError);
    expect(() => microF1(["a", "b", NaN], ["a", "b", "c"])).toThrow(/missing|NaN/i);
  });

  it("equals accuracy on single labels", () => {
    const labels = fc.array(fc.constantFrom("x", "y", "z"), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(labels, labels, (a, b) => {
        const n = Math.min(a.length, b.length);
        return microF1(a.slice(0, n), b.slice(0, n)) === accuracy(a.slice(0, n), b.slice(0, n));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("equals the cell-by-cell count on label sets, with and without a vocabulary", () => {
    const set = fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(set, set), { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, restrict) => {
        const truth = rows.map(([t]) => t);
        const predicted = rows.map(([, p]) => p);
        const classes = restrict ? ["a", "b", "c"] : null;
        return isClose(microF1LabelSets(truth, predicted, { classes }), slowMicroF1(truth, predicted, classes), { rtol: 1e-15 });
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
