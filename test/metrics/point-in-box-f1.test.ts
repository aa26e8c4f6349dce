/**
 * point-in-box-f1: hand-checked toy tables, a fast-check comparison with a direct transcription
 * of the definition (every box scans every point of the page in order), and invariances the
 * registry cannot generate (truth holds boxes, predictions hold points).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { f1FromCounts, pointInBoxCounts, pointInBoxF1 } from "../../metrics/point-in-box-f1.js";
import { isClose } from "../helpers/close.js";

type BoxRow = [number, string, number, number, number, number];
type PointRow = [number, string, number, number];
const truthOf = (rows: BoxRow[]) => ({ page: rows.map((r) => r[0]), label: rows.map((r) => r[1]), boxes: rows.flatMap((r) => r.slice(2) as number[]) });
const predOf = (rows: PointRow[]) => ({ page: rows.map((r) => r[0]), label: rows.map((r) => r[1]), points: rows.flatMap((r) => r.slice(2) as number[]) });

describe("point-in-box-f1 toy tables", () => {
  it("counts a point on an edge as outside", () => {
    const truth = truthOf([[0, "a", 0, 0, 10, 10], [0, "b", 20, 0, 10, 10]]);
    const pred = predOf([[0, "a", 5, 5], [0, "b", 20, 5], [0, "b", 25, 5]]);
    expect(pointInBoxCounts(truth, pred)).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(isClose(pointInBoxF1(truth, pred), 0.8, { rtol: 1e-15 })).toBe(true);
  });

  it("gives each box the first unused point that fits, in box order", () => {
    // Box 1 takes (5, 5) although (2, 5) only fits box 1; box 2 ([4, 14]) then has nothing left.
    const truth = truthOf([[0, "a", 0, 0, 10, 10], [0, "a", 4, 0, 10, 10]]);
    const pred = predOf([[0, "a", 5, 5], [0, "a", 2, 5]]);
    expect(pointInBoxCounts(truth, pred)).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it("matches labels and pages exactly", () => {
    const truth = truthOf([[0, "U+3042", 0, 0, 10, 10]]);
    expect(pointInBoxCounts(truth, predOf([[0, "U+3044", 5, 5]]))).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(pointInBoxCounts(truth, predOf([[1, "U+3042", 5, 5]]))).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it("returns 0 without predictions, ground truth or true positives", () => {
    expect(f1FromCounts({ tp: 0, fp: 0, fn: 3 })).toBe(0);
    expect(f1FromCounts({ tp: 0, fp: 2, fn: 0 })).toBe(0);
    expect(f1FromCounts({ tp: 0, fp: 2, fn: 3 })).toBe(0);
    expect(f1FromCounts({ tp: 3, fp: 1, fn: 2 })).toBe((2 * 0.75 * 0.6) / (0.75 + 0.6));
  });

  it("lets NaN coordinates match nothing", () => {
    expect(pointInBoxCounts(truthOf([[0, "a", 0, 0, 10, 10]]), predOf([[0, "a", NaN, 5]]))).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
});

function slowCounts(truth: BoxRow[], pred: PointRow[]): { tp: number; fp: number; fn: number } {
  const used = pred.map(() => false);
  let tp = 0;
  let fn = 0;
  for (const [page, label, x, y, w, h] of truth) {
    const j = pred.findIndex((p, i) => !used[i] && p[0] === page && p[1] === label && x < p[2] && p[2] < x + w && y < p[3] && p[3] < y + h);
    if (j === -1) fn++;
    else {
      used[j] = true;
      tp++;
    }
  }
  return { tp, fp: used.filter((u) => !u).length, fn };
}

const coordinate = fc.integer({ min: 0, max: 40 }).map((v) => v / 2);
const boxRow = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom("a", "b", "c"), coordinate, coordinate, fc.integer({ min: 1, max: 20 }).map((v) => v / 2), fc.integer({ min: 1, max: 20 }).map((v) => v / 2));
const pointRow = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom("a", "b", "c"), coordinate, coordinate);

describe("point-in-box-f1 properties", () => {
  it("agrees with a direct transcription of the definition (points on a half-unit grid, so edges occur)", () => {
    fc.assert(
      fc.property(fc.array(boxRow, { maxLength: 15 }), fc.array(pointRow, { maxLength: 20 }), (truth, pred) => {
        const counts = pointInBoxCounts(truthOf(truth), predOf(pred));
        return JSON.stringify(counts) === JSON.stringify(slowCounts(truth, pred));
      }),
      { numRuns: 500, seed: 20240601 },
    );
  });

  it("scores box centres 1 and stays within [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(boxRow, { minLength: 1, maxLength: 15 }), fc.array(pointRow, { maxLength: 20 }), (truth, pred) => {
        const centres = predOf(truth.map(([page, label, x, y, w, h]): PointRow => [page, label, x + w / 2, y + h / 2]));
        const value = pointInBoxF1(truthOf(truth), predOf(pred));
        return pointInBoxF1(truthOf(truth), centres) === 1 && value >= 0 && value <= 1;
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });
});
