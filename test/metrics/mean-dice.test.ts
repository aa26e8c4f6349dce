import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diceCoefficient, meanDice } from "../../metrics/mean-dice.js";
import { decodeRle } from "../../metrics/_rle.js";
import { isClose } from "../helpers/close.js";
import { asRuns, counts, maskCases, mean } from "../helpers/masks.js";

describe("meanDice: hand-checked", () => {
  // Two 2×2 images. Image 1: truth {a, b}, prediction {a} → 2·1/3. Image 2: both empty.
  const yTrue = [[1, 1, 0, 0], [0, 0, 0, 0]];
  const yPred = [[1, 0, 0, 0], [0, 0, 0, 0]];
  it("averages per-image Dice, both-empty images counting 1", () => {
    expect(meanDice(yTrue, yPred)).toBe((2 / 3 + 1) / 2);
  });
  it("lets both-empty images count 0 or be skipped", () => {
    expect(meanDice(yTrue, yPred, { bothEmpty: 0 })).toBe(1 / 3);
    expect(meanDice(yTrue, yPred, { bothEmpty: "skip" })).toBe(2 / 3);
    expect(meanDice([[0]], [[0]], { bothEmpty: "skip" })).toBeNaN();
  });
  it("gives NaN for no images", () => {
    expect(meanDice([], [])).toBeNaN();
  });
  it("computes a 40-megapixel pair from its runs", () => {
    // 8000×5000 image: truth pixels 1..20,000,000, prediction 10,000,001..40,000,000.
    const truth = decodeRle("1 20000000", 8000, 5000);
    const prediction = decodeRle("10000001 30000000", 8000, 5000);
    expect(diceCoefficient(truth, prediction)).toBe((2 * 10_000_000) / 50_000_000);
  });
  it("rejects pairs of different sizes", () => {
    expect(() => meanDice([[1, 0]], [[1, 0, 0]])).toThrow(/expected a prediction of 2 pixels, got 3/);
    expect(() => meanDice([[1, 0]], [])).toThrow(/expected 1 predicted masks, got 0/);
  });
});

describe("meanDice: against a pixel-loop oracle", () => {
  const oracle = (truths: number[][], predictions: number[][], bothEmpty: number | "skip") => {
    const values: number[] = [];
    truths.forEach((truth, i) => {
      const { t, p, both } = counts(truth, predictions[i]!);
      if (t + p === 0) {
        if (bothEmpty !== "skip") values.push(bothEmpty);
      } else values.push((2 * both) / (t + p));
    });
    return mean(values);
  };
  for (const bothEmpty of [1, 0, "skip"] as const) {
    it(`bothEmpty ${bothEmpty}, bitmaps and runs alike`, () => {
      fc.assert(
        fc.property(maskCases, ({ height, width, truths, predictions }) => {
          const want = oracle(truths, predictions, bothEmpty);
          const tolerance = { rtol: 1e-12, atol: 1e-15 };
          expect(isClose(meanDice(truths, predictions, { bothEmpty }), want, tolerance)).toBe(true);
          const runs = meanDice(asRuns(truths, height, width), asRuns(predictions, height, width), { bothEmpty });
          expect(isClose(runs, want, tolerance)).toBe(true);
          const mixed = meanDice(asRuns(truths, height, width, "row-major"), asRuns(predictions, height, width), { bothEmpty });
          expect(isClose(mixed, want, tolerance)).toBe(true);
        }),
        { numRuns: 300, seed: 31 },
      );
    });
  }
});
