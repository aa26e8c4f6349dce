import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RSNA_2022_WEIGHTS, weightedBinaryLogLoss } from "../../metrics/weighted-binary-log-loss.js";
import { MlegradeError } from "../../src/errors.js";
import { closeMessage, isClose } from "../helpers/close.js";

function expectClose(actual: number, expected: number, tolerance = { rtol: 1e-12 }): void {
  expect(isClose(actual, expected, tolerance), closeMessage(actual, expected, tolerance)).toBe(true);
}

/** Straight from the definition, cell by cell. */
function slow(yTrue: number[][], yProb: number[][], positive: number[], negative: number[]): number {
  let total = 0;
  yTrue.forEach((row, i) => {
    let weighted = 0;
    let weights = 0;
    row.forEach((y, j) => {
      const p = Math.min(Math.max(yProb[i]![j]!, 1e-15), 1 - 1e-15);
      const w = y === 1 ? positive[j]! : negative[j]!;
      weighted += w * -(y === 1 ? Math.log(p) : Math.log(1 - p));
      weights += w;
    });
    total += weighted / weights;
  });
  return total / yTrue.length;
}

describe("weighted-binary-log-loss", () => {
  it("weights each cell by its true label and normalises per row (hand-checked)", () => {
    // Row 1: positive col 0 (w 14, −ln 0.9), negative col 1 (w 1, −ln 0.8): (14·0.1053605 + 0.2231436) / 15.
    // Row 2: both negative (w 7 and 1): (7·(−ln 0.5) + (−ln 0.9)) / 8.
    const value = weightedBinaryLogLoss([[1, 0], [0, 0]], [[0.9, 0.2], [0.5, 0.1]], { positiveWeights: [14, 2], negativeWeights: [7, 1] });
    const row1 = (14 * 0.10536051565782628 + 0.2231435513142097) / 15;
    const row2 = (7 * 0.6931471805599453 + 0.10536051565782628) / 8;
    expectClose(value, (row1 + row2) / 2);
  });

  it("a perfect prediction costs only the clipping", () => {
    const value = weightedBinaryLogLoss([[1, 0, 1]], [[1, 0, 1]]);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(2e-15);
  });

  it("propagates NaN and rejects mismatched shapes and weights", () => {
    expect(weightedBinaryLogLoss([[1, 0]], [[NaN, 0.5]])).toBeNaN();
    expect(() => weightedBinaryLogLoss([[1, 0]], [[0.5, 0.5, 0.5]])).toThrow(MlegradeError);
    expect(() => weightedBinaryLogLoss([[1, 0]], [[0.5, 0.5]], { positiveWeights: [1, 2, 3] })).toThrow(MlegradeError);
  });

  it("matches the definition on random RSNA-shaped inputs", () => {
    const rsna = fc.integer({ min: 1, max: 20 }).chain((n) =>
      fc.record({
        yTrue: fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 8, maxLength: 8 }), { minLength: n, maxLength: n }),
        yProb: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(rsna, ({ yTrue, yProb }) => {
        const positive = [...RSNA_2022_WEIGHTS.positive];
        const negative = [...RSNA_2022_WEIGHTS.negative];
        return isClose(weightedBinaryLogLoss(yTrue, yProb, { positiveWeights: positive, negativeWeights: negative }), slow(yTrue, yProb, positive, negative), { rtol: 1e-12, atol: 1e-15 });
      }),
      { numRuns: 300, seed: 2022 },
    );
  });
});
