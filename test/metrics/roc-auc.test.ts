/**
 * roc-auc and rocCurve: hand-checked tables, scikit-learn's documented curve, and fast-check
 * properties against a slow pair-counting definition (Mann–Whitney U / (P·N), ties one half).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rocAuc, rocCurve } from "../../metrics/roc-auc.js";
import { MetricError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

const SEED = 20240601;

/** From the definition: the share of (positive, negative) pairs ranked correctly, ties counting one half. */
function pairwiseAuc(yTrue: number[], yScore: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 1) continue;
    for (let j = 0; j < yTrue.length; j++) {
      if (yTrue[j] !== 0) continue;
      pairs++;
      if (yScore[i]! > yScore[j]!) wins += 1;
      else if (yScore[i] === yScore[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MetricError) return error.code;
    throw error;
  }
  return undefined;
}

const binaryInput = fc.integer({ min: 2, max: 80 }).chain((n) =>
  fc.record({
    yTrue: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }).map((y) => [0, 1, ...y.slice(2)]),
    yScore: fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }).map((k) => k / 4), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: n, maxLength: n }),
  }),
);

describe("rocAuc: hand-checked tables", () => {
  it.each([
    // positives 0.9, 0.7, 0.2 against negatives 0.8, 0.6: 3 of 6 pairs ordered correctly.
    { yTrue: [1, 0, 1, 0, 1], yScore: [0.9, 0.8, 0.7, 0.6, 0.2], expected: 3 / 6 },
    // every positive above every negative.
    { yTrue: [0, 0, 1, 1], yScore: [1, 2, 3, 4], expected: 1 },
    // all tied: every pair counts one half.
    { yTrue: [0, 1, 1], yScore: [7, 7, 7], expected: 0.5 },
    // positives 0.5, 0.5 vs negatives 0.5, 0.1: pairs (0.5,0.5) ×2 half, (0.5,0.1) ×2 win → 3/4.
    { yTrue: [1, 1, 0, 0], yScore: [0.5, 0.5, 0.5, 0.1], expected: 0.75 },
    // labels 3 and 8: 8 is positive; positives 0.2, 0.4 vs negative 0.3 → 1 of 2.
    { yTrue: [8, 3, 8], yScore: [0.2, 0.3, 0.4], expected: 0.5 },
  ])("$yTrue / $yScore → $expected", ({ yTrue, yScore, expected }) => {
    expect(rocAuc(yTrue, yScore)).toBe(expected);
  });

  it("accepts typed arrays, booleans and text labels", () => {
    expect(rocAuc(Float64Array.of(0, 1, 0, 1), Float32Array.of(0.1, 0.9, 0.2, 0.3))).toBe(1);
    expect(rocAuc([false, true, true], [0.3, 0.1, 0.9])).toBe(0.5);
    expect(rocAuc(["no", "yes", "yes"], [0.3, 0.1, 0.9])).toBe(0.5);
  });

  it("throws typed errors where scikit-learn raises", () => {
    expect(codeOf(() => rocAuc([1, 1], [0.1, 0.2]))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => rocAuc([], []))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => rocAuc([0, 1, 2], [0.1, 0.2, 0.3]))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => rocAuc([0, 0.5, 1], [0.1, 0.2, 0.3]))).toBe("NON_INTEGER");
    expect(codeOf(() => rocAuc([0, 1, NaN], [0.1, 0.2, 0.3]))).toBe("MISSING_VALUE");
    expect(codeOf(() => rocAuc([0, 1], [0.1, NaN]))).toBe("MISSING_VALUE");
    expect(codeOf(() => rocAuc([0, 1], [0.1, -Infinity]))).toBe("NON_FINITE");
    expect(codeOf(() => rocAuc([0, 1], [0.1]))).toBe("ROW_COUNT_MISMATCH");
    expect(codeOf(() => rocAuc(["a", 1, "b"] as never, [0.1, 0.2, 0.3]))).toBe("LABEL_TYPE_MISMATCH");
  });
});

describe("rocCurve", () => {
  it("reproduces scikit-learn's documented example", () => {
    // sklearn.metrics.roc_curve docstring: y = [1, 1, 2, 2], scores [0.1, 0.4, 0.35, 0.8], pos_label=2.
    const curve = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
    expect(Array.from(curve.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(curve.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(curve.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it("drops the points between equal steps only when asked to (the default)", () => {
    // Descending: n, n, n, p, p, p — fps 1,2,3,3,3,3 and tps 0,0,0,1,2,3.
    const yTrue = [0, 0, 0, 1, 1, 1];
    const yScore = [6, 5, 4, 3, 2, 1];
    const full = rocCurve(yTrue, yScore, { dropIntermediate: false });
    expect(Array.from(full.fpr)).toEqual([0, 1 / 3, 2 / 3, 1, 1, 1, 1]);
    expect(Array.from(full.tpr)).toEqual([0, 0, 0, 0, 1 / 3, 2 / 3, 1]);
    const thin = rocCurve(yTrue, yScore);
    // Kept: the first point, the corner (3, 0) where the step changes, and the last; (3, 1) and
    // (3, 2) lie between equal steps. scikit-learn 1.2.1 gives the same points (its first
    // threshold is max + 1 = 7 instead of 1.5's +∞).
    expect(Array.from(thin.fpr)).toEqual([0, 1 / 3, 1, 1]);
    expect(Array.from(thin.tpr)).toEqual([0, 0, 0, 1]);
    expect(Array.from(thin.thresholds)).toEqual([Infinity, 6, 4, 1]);
  });

  it("needs labels in {0, 1} or {-1, 1} unless a positive label is given", () => {
    expect(codeOf(() => rocCurve([1, 2], [0.1, 0.2]))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => rocCurve(["a", "b"], [0.1, 0.2]))).toBe("UNDEFINED_METRIC");
    expect(Array.from(rocCurve([-1, 1], [0.1, 0.2]).tpr)).toEqual([0, 1, 1]);
    expect(Array.from(rocCurve(["a", "b", "c"], [0.1, 0.2, 0.3], { posLabel: "b" }).tpr)).toEqual([0, 0, 1, 1]);
  });

  it("gives NaN rates for an axis whose class has no rows, as scikit-learn does (with a warning)", () => {
    const curve = rocCurve([0, 0], [0.1, 0.2]);
    expect(Array.from(curve.fpr)).toEqual([0, 0.5, 1]);
    expect(curve.tpr.every(Number.isNaN)).toBe(true);
  });
});

describe("rocAuc: properties against the pair-counting definition", () => {
  it("equals the Mann–Whitney statistic", () => {
    fc.assert(
      fc.property(binaryInput, ({ yTrue, yScore }) => isClose(rocAuc(yTrue, yScore), pairwiseAuc(yTrue, yScore), { rtol: 1e-12, atol: 1e-15 })),
      { numRuns: 300, seed: SEED },
    );
  });

  it("is exactly unchanged by row order, and flips to 1 − AUC when the labels swap", () => {
    fc.assert(
      fc.property(binaryInput, fc.integer(), ({ yTrue, yScore }, salt) => {
        const order = yTrue.map((_, i) => i).sort((a, b) => ((a * 2654435761 + salt) >>> 0) % 997 - ((b * 2654435761 + salt) >>> 0) % 997 || a - b);
        const auc = rocAuc(yTrue, yScore);
        expect(rocAuc(order.map((i) => yTrue[i]!), order.map((i) => yScore[i]!))).toBe(auc);
        return isClose(rocAuc(yTrue.map((y) => 1 - y), yScore), 1 - auc, { atol: 1e-12 });
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it("ranks 10^6 scores quickly (sort-based, no quadratic step)", () => {
    const n = 1_000_000;
    const yTrue = new Float64Array(n);
    const yScore = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yTrue[i] = i % 3 === 0 ? 1 : 0;
      yScore[i] = ((i * 2654435761) % 1000003) / 1000003 + yTrue[i]! * 0.1;
    }
    const start = performance.now();
    const auc = rocAuc(yTrue, yScore);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(auc).toBeGreaterThan(0.5);
  });
});
