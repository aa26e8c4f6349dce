/**
 * weighted-partial-auc: hand-checked curves, and a property against the same quantity computed
 * another way: 2·∫min(tpr, 0.4) dfpr + ∫max(tpr − 0.4, 0) dfpr over the unthinned ROC polyline,
 * divided by 1.4 (competitions.md, alaska2).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weightedPartialAuc } from "../../metrics/weighted-partial-auc.js";
import { isClose } from "../helpers/close.js";

const SEED = 20240601;

/** ROC vertices from the definition: lower the threshold through each distinct score. */
function rocPolyline(yTrue: number[], yScore: number[]): Array<[number, number]> {
  const positives = yTrue.filter((y) => y === 1).length;
  const negatives = yTrue.length - positives;
  const distinct = [...new Set(yScore)].sort((a, b) => b - a);
  const points: Array<[number, number]> = [[0, 0]];
  for (const threshold of distinct) {
    let tp = 0;
    let fp = 0;
    yScore.forEach((s, i) => {
      if (s >= threshold) yTrue[i] === 1 ? tp++ : fp++;
    });
    points.push([fp / negatives, tp / positives]);
  }
  return points;
}

/** ∫ f(tpr) dfpr along the polyline, for f = min(·, c) or max(· − c, 0), splitting segments at tpr = c. */
function integrate(points: Array<[number, number]>, f: (y: number) => number, c: number): number {
  let area = 0;
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1]!;
    const [x1, y1] = points[k]!;
    if (x1 === x0) continue;
    if ((y0 - c) * (y1 - c) < 0) {
      const xc = x0 + ((c - y0) * (x1 - x0)) / (y1 - y0);
      area += ((xc - x0) * (f(y0) + f(c))) / 2 + ((x1 - xc) * (f(c) + f(y1))) / 2;
    } else area += ((x1 - x0) * (f(y0) + f(y1))) / 2;
  }
  return area;
}

function byIntegrals(yTrue: number[], yScore: number[]): number {
  const points = rocPolyline(yTrue, yScore);
  const low = integrate(points, (y) => Math.min(y, 0.4), 0.4);
  const high = integrate(points, (y) => Math.max(y - 0.4, 0), 0.4);
  return (2 * low + high) / 1.4;
}

describe("weightedPartialAuc", () => {
  it.each([
    { name: "perfect ranking", yTrue: [0, 1, 0, 1], yScore: [0.1, 0.9, 0.2, 0.8], expected: 1 },
    { name: "reversed ranking", yTrue: [0, 1, 0, 1], yScore: [0.9, 0.1, 0.8, 0.2], expected: 0 },
    // Diagonal ROC: band 1 = 0.08 + 0.24 (from fpr 0.4 at the height 0.4), band 2 = 0.18.
    { name: "constant scores", yTrue: [0, 1, 0, 1], yScore: [3, 3, 3, 3], expected: (2 * 0.32 + 0.18) / 1.4 },
  ])("$name → $expected", ({ yTrue, yScore, expected }) => {
    expect(isClose(weightedPartialAuc(yTrue, yScore), expected, { rtol: 1e-15 })).toBe(true);
  });

  it("reduces to the plain ROC AUC with one band of weight 1", () => {
    // positives 0.9, 0.7, 0.2 against negatives 0.8, 0.6: 3 of 6 pairs.
    expect(weightedPartialAuc([1, 0, 1, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.2], { tprThresholds: [0, 1], weights: [1] })).toBe(0.5);
  });

  it("returns 0 without positives and NaN without negatives, as MLE-bench's grader does", () => {
    expect(weightedPartialAuc([0, 0, 0], [0.1, 0.2, 0.3])).toBe(0);
    expect(weightedPartialAuc([1, 1], [0.1, 0.2])).toBeNaN();
  });

  it("equals the band integrals over the ROC polyline", () => {
    const input = fc.integer({ min: 2, max: 60 }).chain((n) =>
      fc.record({
        yTrue: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }).map((y) => [0, 1, ...y.slice(2)]),
        yScore: fc.array(fc.integer({ min: 0, max: 30 }).map((k) => k / 10), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(input, ({ yTrue, yScore }) => isClose(weightedPartialAuc(yTrue, yScore), byIntegrals(yTrue, yScore), { rtol: 1e-9, atol: 1e-12 })),
      { numRuns: 300, seed: SEED },
    );
  });
});
