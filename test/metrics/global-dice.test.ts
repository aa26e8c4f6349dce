import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globalDice } from "../../metrics/global-dice.js";
import { isClose } from "../helpers/close.js";
import { asRuns, counts, maskCases } from "../helpers/masks.js";

describe("globalDice: hand-checked", () => {
  it("pools pixels before dividing", () => {
    // Image 1: |T| = 2, |P| = 1, overlap 1. Image 2: |T| = 1, |P| = 4, overlap 1. 2·2 / (3 + 5).
    expect(globalDice([[1, 1, 0, 0], [1, 0, 0, 0]], [[1, 0, 0, 0], [1, 1, 1, 1]])).toBe(0.5);
  });
  it("weighs a large mask more than a small one, unlike the per-image mean", () => {
    // A perfect 1-pixel image and a missed 9-pixel image: pooled 2·1 / (10 + 1), per-image mean 0.5.
    expect(globalDice([[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]], [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], new Array(10).fill(0)])).toBe(2 / 11);
  });
  it("is NaN when everything is empty, and 0 when only the prediction is", () => {
    expect(globalDice([[0, 0]], [[0, 0]])).toBeNaN();
    expect(globalDice([[0, 1]], [[0, 0]])).toBe(0);
  });
});

describe("globalDice: against a pixel-loop oracle", () => {
  it("bitmaps and runs alike", () => {
    fc.assert(
      fc.property(maskCases, ({ height, width, truths, predictions }) => {
        let both = 0;
        let total = 0;
        truths.forEach((truth, i) => {
          const c = counts(truth, predictions[i]!);
          both += c.both;
          total += c.t + c.p;
        });
        const want = total === 0 ? NaN : (2 * both) / total;
        expect(isClose(globalDice(truths, predictions), want)).toBe(true);
        expect(isClose(globalDice(asRuns(truths, height, width), asRuns(predictions, height, width)), want)).toBe(true);
      }),
      { numRuns: 300, seed: 32 },
    );
  });
});
