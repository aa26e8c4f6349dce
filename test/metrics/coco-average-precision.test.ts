/**
 * coco-average-precision: hand-checked toy tables (including the VinBigData id-0 quirk) and a
 * fast-check comparison with a slow implementation written from the COCO definition
 * (interpolated precision p(r) = max precision at recall ≥ r, averaged over 101 recall points).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COCO_IOU_THRESHOLDS, cocoAveragePrecision, linspace } from "../../metrics/coco-average-precision.js";
import { closeMessage, isClose } from "../helpers/close.js";
import { KINDS } from "./arbitraries.js";

type Box = [number, number, number, number];
const truthOf = (rows: Array<[number, number, Box]>) => ({ image: rows.map((r) => r[0]), category: rows.map((r) => r[1]), boxes: rows.flatMap((r) => r[2]) });
const predOf = (rows: Array<[number, number, Box, number]>) => ({ ...truthOf(rows.map((r) => [r[0], r[1], r[2]])), score: rows.map((r) => r[3]) });

describe("coco-average-precision toy tables", () => {
  it("one box found, one missed: precision 1 at recall ≤ 0.5, then 0 → 51/101", () => {
    const truth = truthOf([[0, 1, [0, 0, 10, 10]], [0, 1, [20, 20, 10, 10]]]);
    const pred = predOf([[0, 1, [0, 0, 10, 10], 0.9], [0, 1, [50, 50, 5, 5], 0.8]]);
    // Precision is 1 / (1 + np.spacing(1)) just below 1.
    expect(isClose(cocoAveragePrecision(truth, pred, { iouThresholds: [0.5] }), 51 / 101, { rtol: 1e-15 })).toBe(true);
  });

  it("a false positive ranked first: precision 1/2 at every recall point", () => {
    const truth = truthOf([[0, 1, [0, 0, 10, 10]]]);
    const pred = predOf([[0, 1, [50, 50, 5, 5], 0.9], [0, 1, [0, 0, 10, 10], 0.8]]);
    const value = cocoAveragePrecision(truth, pred, { iouThresholds: [0.5] });
    expect(isClose(value, 0.5, { rtol: 1e-15 }), closeMessage(value, 0.5)).toBe(true);
  });

  it("a 10% shift matches at thresholds up to 0.80 of the default ten: 7/10", () => {
    // IoU of [0,10]² and [1,11]×[0,10] is 90/110 ≈ 0.818.
    const value = cocoAveragePrecision(truthOf([[0, 1, [0, 0, 10, 10]]]), predOf([[0, 1, [1, 0, 10, 10], 0.5]]));
    expect(isClose(value, 0.7, { rtol: 1e-15 }), closeMessage(value, 0.7)).toBe(true);
  });

  it("averages over categories of the ground truth only", () => {
    const truth = truthOf([[0, 1, [0, 0, 10, 10]], [1, 2, [0, 0, 10, 10]]]);
    const pred = predOf([[0, 1, [0, 0, 10, 10], 0.3], [0, 9, [0, 0, 10, 10], 0.99]]);
    const value = cocoAveragePrecision(truth, pred, { iouThresholds: [0.5] });
    expect(isClose(value, 0.5, { rtol: 1e-15 })).toBe(true);
  });

  it("with ids from 0 the first ground-truth box can never be a true positive", () => {
    const truth = truthOf([[0, 3, [0, 0, 4, 4]], [1, 3, [5, 5, 4, 4]]]);
    const pred = predOf([[0, 3, [0, 0, 4, 4], 1], [1, 3, [5, 5, 4, 4], 1]]);
    expect(cocoAveragePrecision(truth, pred, { iouThresholds: [0.4], idOffset: 1 })).toBe(1);
    // Detection 0 is a false positive, detection 1 a true positive: precision 1/2 up to recall 1/2.
    expect(isClose(cocoAveragePrecision(truth, pred, { iouThresholds: [0.4], idOffset: 0 }), (51 * 0.5) / 101, { rtol: 1e-15 })).toBe(true);
  });

  it("caps detections per image and category at maxDetections", () => {
    const truth = truthOf([0, 1, 2, 3].map((i): [number, number, Box] => [0, 1, [10 * i, 0, 5, 5]]));
    const pred = predOf([0, 1, 2, 3].map((i): [number, number, Box, number] => [0, 1, [10 * i, 0, 5, 5], 1 - i / 10]));
    expect(cocoAveragePrecision(truth, pred, { iouThresholds: [0.5] })).toBe(1);
    // Two of four found with precision 1: recall points 0 … 0.5.
    expect(isClose(cocoAveragePrecision(truth, pred, { iouThresholds: [0.5], maxDetections: 2 }), 51 / 101, { rtol: 1e-15 })).toBe(true);
  });

  it("returns −1 when no category has a box inside the area range", () => {
    const truth = { ...truthOf([[0, 1, [0, 0, 10, 10]]]), area: [-1] };
    expect(cocoAveragePrecision(truth, predOf([[0, 1, [0, 0, 10, 10], 1]]))).toBe(-1);
  });

  it("builds thresholds like np.linspace", () => {
    expect(linspace(0, 1, 101)[7]).toBe(7 * 0.01);
    expect(linspace(0, 1, 101)[100]).toBe(1);
    expect(COCO_IOU_THRESHOLDS.length).toBe(10);
    expect(COCO_IOU_THRESHOLDS[9]).toBe(0.95);
  });
});

/** COCO AP from its definition: greedy matching per image, then interpolated precision at 101 recall points. */
function slowCocoAp(input: Record<string, unknown>, thresholds: readonly number[]): number {
  const tImage = input.truthImage as number[];
  const tLabel = input.truthLabel as number[];
  const tBox = input.truthBoxes as number[];
  const pImage = input.predImage as number[];
  const pLabel = input.predLabel as number[];
  const pBox = input.predBoxes as number[];
  const pScore = input.predScore as number[];
  const iou = (p: number, g: number) => {
    const [dx, dy, dw, dh] = pBox.slice(4 * p, 4 * p + 4) as Box;
    const [gx, gy, gw, gh] = tBox.slice(4 * g, 4 * g + 4) as Box;
    const w = Math.min(dx + dw, gx + gw) - Math.max(dx, gx);
    const h = Math.min(dy + dh, gy + gh) - Math.max(dy, gy);
    if (w <= 0 || h <= 0) return 0;
    return (w * h) / (dw * dh + gw * gh - w * h);
  };
  const categories = [...new Set(tLabel)].sort((a, b) => a - b);
  const images = [...new Set([...tImage, ...pImage])].sort((a, b) => a - b);
  const values: number[] = [];
  for (const t of thresholds) {
    for (const k of categories) {
      const ranked: Array<{ score: number; tp: boolean; order: number }> = [];
      let gtCount = 0;
      for (const image of images) {
        const gts = tImage.map((_, i) => i).filter((i) => tImage[i] === image && tLabel[i] === k);
        gtCount += gts.length;
        const dets = pImage
          .map((_, i) => i)
          .filter((i) => pImage[i] === image && pLabel[i] === k)
          .sort((a, b) => pScore[b]! - pScore[a]! || a - b)
          .slice(0, 100);
        const used = new Set<number>();
        for (const d of dets) {
          let best = Math.min(t, 1 - 1e-10);
          let match = -1;
          for (const g of gts) {
            if (used.has(g)) continue;
            if (iou(d, g) >= best) {
              best = iou(d, g);
              match = g;
            }
          }
          if (match >= 0) used.add(match);
          ranked.push({ score: pScore[d]!, tp: match >= 0, order: ranked.length });
        }
      }
      ranked.sort((a, b) => b.score - a.score || a.order - b.order);
      const precision: number[] = [];
      const recall: number[] = [];
      let tp = 0;
      ranked.forEach((r, j) => {
        if (r.tp) tp++;
        precision.push(tp / (j + 1));
        recall.push(tp / gtCount);
      });
      for (let r = 0; r <= 100; r++) {
        let best = 0;
        for (let j = 0; j < ranked.length; j++) if (recall[j]! >= (r === 100 ? 1 : r * 0.01)) best = Math.max(best, precision[j]!);
        values.push(best);
      }
    }
  }
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe("coco-average-precision against the definition", () => {
  it("agrees on random scenes (single threshold and the default ten)", () => {
    fc.assert(
      fc.property(KINDS.detections!.arbitrary, fc.constantFrom([0.5], [0.4], [...COCO_IOU_THRESHOLDS]), (input, thresholds) => {
        const actual = cocoAveragePrecision(
          { image: input.truthImage as number[], category: input.truthLabel as number[], boxes: input.truthBoxes as number[] },
          { image: input.predImage as number[], category: input.predLabel as number[], boxes: input.predBoxes as number[], score: input.predScore as number[] },
          { iouThresholds: thresholds },
        );
        const expected = slowCocoAp(input, thresholds);
        return isClose(actual, expected, { rtol: 1e-12, atol: 1e-15 });
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });
});
