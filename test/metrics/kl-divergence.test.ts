import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { klDivergence } from "../../metrics/kl-divergence.js";
import { MetricError } from "../../src/errors.js";
import { closeMessage, isClose } from "../helpers/close.js";

function expectClose(actual: number, expected: number, tolerance = { rtol: 1e-12 }): void {
  expect(isClose(actual, expected, tolerance), closeMessage(actual, expected, tolerance)).toBe(true);
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricError) return error.code;
    throw error;
  }
  return undefined;
}

/** Σ y ln(y/p) over cells with y > 0, averaged over rows. */
function slow(yTrue: number[][], yPred: number[][]): number {
  let total = 0;
  yTrue.forEach((row, i) => row.forEach((y, c) => {
    if (y > 0) total += y * Math.log(y / Math.min(Math.max(yPred[i]![c]!, 1e-15), 1 - 1e-15));
  }));
  return total / yTrue.length;
}

function normalise(row: number[]): number[] {
  const sum = row.reduce((a, b) => a + b, 0);
  return row.map((v) => v / sum);
}

describe("kl-divergence", () => {
  it("hand-checked: one-hot truth gives −ln of the true class's probability", () => {
    // Row 1: 1·ln(1/0.9) = 0.1053605157; row 2: 1·ln(1/0.8) = 0.2231435513; mean 0.1642520335.
    expectClose(klDivergence([[0, 1], [1, 0]], [[0.1, 0.9], [0.8, 0.2]]), 0.16425203348601, { rtol: 1e-11 });
  });

  it("zero truth cells contribute nothing, zero predictions are clipped", () => {
    expect(klDivergence([[0, 1]], [[0, 1]])).toBeLessThan(1e-14);
    expectClose(klDivergence([[0.5, 0.5]], [[0, 1]]), (0.5 * Math.log(0.5 / 1e-15) + 0.5 * Math.log(0.5 / (1 - 1e-15))));
  });

  it("validates like Kaggle's metric unless told not to", () => {
    expect(codeOf(() => klDivergence([[0.5, 0.5]], [[0.5, 0.6]]))).toBe("ROW_SUM");
    expect(codeOf(() => klDivergence([[0.5, 0.5]], [[-0.5, 1.5]]))).toBe("OUT_OF_RANGE");
    expect(codeOf(() => klDivergence([[0.5, 0.6]], [[0.5, 0.5]]))).toBe("ROW_SUM");
    expectClose(klDivergence([[0.5, 0.5]], [[0.5, 0.6]], { validate: false }), 0.5 * Math.log(0.5 / 0.6));
    // Within allclose's 1e-8 + 1e-5 the row passes.
    expect(codeOf(() => klDivergence([[0.5, 0.5]], [[0.5, 0.500005]]))).toBeUndefined();
  });

  it("skips NaN cells as pandas' row sums do", () => {
    expectClose(klDivergence([[0.5, 0.5]], [[NaN, 1]]), 0.5 * Math.log(0.5 / (1 - 1e-15)));
  });

  it("matches the definition on random distributions", () => {
    const rows = fc.integer({ min: 1, max: 6 }).chain((k) =>
      fc.array(fc.tuple(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k }), fc.array(fc.double({ min: 1e-9, max: 1, noNaN: true }), { minLength: k, maxLength: k })), { minLength: 1, maxLength: 30 }),
    );
    fc.assert(
      fc.property(rows, (pairs) => {
        const valid = pairs.filter(([t]) => t.some((v) => v > 0));
        if (valid.length === 0) return true;
        const yTrue = valid.map(([t]) => normalise(t));
        const yPred = valid.map(([, p]) => normalise(p));
        return isClose(klDivergence(yTrue, yPred, { validate: false }), slow(yTrue, yPred), { rtol: 1e-10, atol: 1e-14 });
      }),
      { numRuns: 300, seed: 468705 },
    );
  });
});
