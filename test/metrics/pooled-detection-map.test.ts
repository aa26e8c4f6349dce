/**
 * pooled-detection-map: hand-checked toy tables and a fast-check comparison with a slow
 * implementation written from the definition (pairs per class, then AP as the sum over distinct
 * score thresholds of ΔR · P, each threshold counted from scratch).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepwiseAveragePrecision } from "../../metrics/_average-precision.js";
import { pooledDetectionMap, type BoxLabel } from "../../metrics/pooled-detection-map.js";
import { MlegradeError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";
import { KINDS } from "./arbitraries.js";

type Box = [number, number, number, number];
const truthOf = (rows: Array<[number, BoxLabel, Box]>) => ({ image: rows.map((r) => r[0]), label: rows.map((r) => r[1]), boxes: rows.flatMap((r) => r[2]) });
const predOf = (rows: Array<[number, BoxLabel, number, Box]>) => ({ ...truthOf(rows.map((r) => [r[0], r[1], r[3]])), score: rows.map((r) => r[2]) });
const SQ: Box = [0, 0, 10, 10];

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MlegradeError) return error.code;
    throw error;
  }
  return undefined;
}

describe("stepwiseAveragePrecision (scikit-learn average_precision_score)", () => {
  it("matches hand-computed curves", () => {
    // Scores .9 .8 .7 with labels 1 0 1: P = 1, 1/2, 2/3 at R = 1/2, 1/2, 1.
    expect(stepwiseAveragePrecision([1, 0, 1], [0.9, 0.8, 0.7])).toBe(0.5 + 0.5 * (2 / 3));
    // Ties form one step: both at 0.5 → P = 1/2, R = 1.
    expect(stepwiseAveragePrecision([1, 0], [0.5, 0.5])).toBe(0.5);
    expect(stepwiseAveragePrecision([0, 1], [0.2, 0.9])).toBe(1);
  });

  it("rejects non-finite scores", () => {
    expect(code(() => stepwiseAveragePrecision([1, 0], [NaN, 0.5]))).toBe("NON_FINITE");
    expect(code(() => stepwiseAveragePrecision([1, 0], [Infinity, 0.5]))).toBe("NON_FINITE");
  });
});

describe("pooled-detection-map toy tables", () => {
  it("one hit, one false positive and one missed box", () => {
    // Pairs (1, .9), (0, .8), (1, 0): P = 1 at R = 1/2; the missed box enters at threshold 0 with P = 2/3.
    const value = pooledDetectionMap(truthOf([[0, "opacity", SQ], [1, "opacity", SQ]]), predOf([[0, "opacity", 0.9, [1, 1, 10, 10]], [1, "opacity", 0.8, [50, 50, 60, 60]]]));
    expect(value).toBe(0.5 + 0.5 * (2 / 3));
  });

  it("averages the classes of the ground truth, ignoring other predicted labels", () => {
    // Class a: (1, .5) plus (0, 0) for image 1 → AP 1. Class b: (0, 0) for image 0 and (1, 0) for the missed box → AP 1/2.
    const truth = truthOf([[0, "a", SQ], [1, "b", SQ]]);
    const pred = predOf([[0, "a", 0.5, SQ], [0, "z", 0.99, SQ]]);
    expect(pooledDetectionMap(truth, pred)).toBe(0.75);
  });

  it("IoU exactly 0.5 is not a match", () => {
    // [0,10]×[0,5] inside [0,10]²: IoU 50/100 = 0.5, not a match.
    const truth = truthOf([[0, "a", SQ], [1, "a", SQ]]);
    const value = pooledDetectionMap(truth, predOf([[0, "a", 0.9, [0, 0, 10, 5]]]));
    // Pairs (0, .9), (1, 0), (1, 0): P = 0 at R = 0, then 2/3 at R = 1.
    expect(value).toBe(2 / 3);
  });

  it("throws UNDEFINED_METRIC when every pair of a class is positive", () => {
    expect(code(() => pooledDetectionMap(truthOf([[0, "a", SQ]]), predOf([[0, "a", 0.9, SQ]])))).toBe("UNDEFINED_METRIC");
  });

  it("counts images without boxes through imageCount", () => {
    expect(code(() => pooledDetectionMap(truthOf([[0, "a", SQ]]), predOf([[0, "a", 0.9, SQ]]), { imageCount: 1 }))).toBe("UNDEFINED_METRIC");
    expect(pooledDetectionMap(truthOf([[0, "a", SQ]]), predOf([[0, "a", 0.9, SQ]]), { imageCount: 3 })).toBe(1);
  });

  it("returns 0 without ground truth", () => {
    expect(pooledDetectionMap(truthOf([]), predOf([[0, "a", 0.9, SQ]]))).toBe(0);
  });
});

/** From the definition: build the pairs per class, then AP = Σ over distinct thresholds of ΔR · P. */
function slowPooledMap(input: Record<string, unknown>): number {
  const tImage = input.truthImage as number[];
  const tLabel = input.truthLabel as number[];
  const tBox = input.truthBoxes as number[];
  const pImage = input.predImage as number[];
  const pLabel = input.predLabel as number[];
  const pBox = input.predBoxes as number[];
  const pScore = input.predScore as number[];
  const images = Math.max(0, ...tImage, ...pImage) + 1;
  const iou = (p: number, g: number) => {
    const [a0, a1, a2, a3] = pBox.slice(4 * p, 4 * p + 4) as Box;
    const [b0, b1, b2, b3] = tBox.slice(4 * g, 4 * g + 4) as Box;
    const inter = Math.max(0, Math.min(a2, b2) - Math.max(a0, b0)) * Math.max(0, Math.min(a3, b3) - Math.max(a1, b1));
    const union = (a2 - a0) * (a3 - a1) + (b2 - b0) * (b3 - b1) - inter;
    return union > 0 ? inter / union : 0;
  };
  const aps: number[] = [];
  for (const cls of [...new Set(tLabel)].sort((a, b) => a - b)) {
    const pairs: Array<[number, number]> = [];
    for (let image = 0; image < images; image++) {
      const gts = tLabel.map((_, i) => i).filter((i) => tImage[i] === image && tLabel[i] === cls);
      const preds = pLabel
        .map((_, i) => i)
        .filter((i) => pImage[i] === image)
        .sort((a, b) => pScore[b]! - pScore[a]! || a - b)
        .filter((i) => pLabel[i] === cls);
      const used = new Set<number>();
      const before = pairs.length;
      for (const p of preds) {
        let best = -1;
        for (const g of gts) if (!used.has(g) && iou(p, g) > 0.5 && (best === -1 || iou(p, g) > iou(p, best))) best = g;
        if (best !== -1) used.add(best);
        pairs.push([best !== -1 ? 1 : 0, pScore[p]!]);
      }
      for (const g of gts) if (!used.has(g)) pairs.push([1, 0]);
      if (pairs.length === before) pairs.push([0, 0]);
    }
    if (pairs.every(([y]) => y === 1)) return NaN;
    const positives = pairs.filter(([y]) => y === 1).length;
    const thresholds = [...new Set(pairs.map(([, s]) => s))].sort((a, b) => b - a);
    let ap = 0;
    let previousRecall = 0;
    for (const threshold of thresholds) {
      const kept = pairs.filter(([, s]) => s >= threshold);
      const tp = kept.filter(([y]) => y === 1).length;
      ap += (tp / positives - previousRecall) * (tp / kept.length);
      previousRecall = tp / positives;
    }
    aps.push(ap);
  }
  return aps.length ? aps.reduce((a, b) => a + b, 0) / aps.length : 0;
}

describe("pooled-detection-map against the definition", () => {
  it("agrees on random scenes", () => {
    fc.assert(
      fc.property(KINDS.detections!.arbitrary, (input) => {
        const expected = slowPooledMap(input);
        let actual: number;
        try {
          actual = pooledDetectionMap(
            { image: input.truthImage as number[], label: input.truthLabel as number[], boxes: input.truthBoxes as number[] },
            { image: input.predImage as number[], label: input.predLabel as number[], boxes: input.predBoxes as number[], score: input.predScore as number[] },
          );
        } catch (error) {
          return error instanceof MlegradeError && error.code === "UNDEFINED_METRIC" && Number.isNaN(expected);
        }
        return isClose(actual, expected, { rtol: 1e-12, atol: 1e-15 });
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });
});
