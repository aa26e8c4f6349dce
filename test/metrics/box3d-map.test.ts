/**
 * box3d-map: hand-checked toy tables, a fast-check comparison with a slow implementation written
 * from the definition for axis-aligned boxes (analytic overlaps, AP = Σ ΔR · max precision at
 * recall ≥ R), and the invariances the registry cannot generate for 7-parameter boxes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { box3dMeanAveragePrecision, box3dProblem, LYFT_IOU_THRESHOLDS } from "../../metrics/box3d-map.js";
import { MlegradeError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

type Box = [number, number, number, number, number, number, number];
const truthOf = (rows: Array<[number, string, Box]>) => ({ sample: rows.map((r) => r[0]), label: rows.map((r) => r[1]), boxes: rows.flatMap((r) => r[2]) });
const predOf = (rows: Array<[number, string, number, Box]>) => ({ ...truthOf(rows.map((r) => [r[0], r[1], r[3]])), score: rows.map((r) => r[2]) });
const CAR: Box = [0, 0, 0, 2, 4, 2, 0];

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MlegradeError) return error.code;
    throw error;
  }
  return undefined;
}

describe("box3d-map toy tables", () => {
  it("a box shifted by 0.5 along its length: IoU 14/18, a match at 6 of the 10 thresholds", () => {
    expect(box3dMeanAveragePrecision(truthOf([[0, "car", CAR]]), predOf([[0, "car", 0.9, [0.5, 0, 0, 2, 4, 2, 0]]]))).toBe(0.6);
  });

  it("a cube and the same cube turned by 45°: IoU 8(√2−1)·2 / (16 − 8(√2−1)·2) ≈ 0.707, 5 of 10", () => {
    const value = box3dMeanAveragePrecision(truthOf([[0, "car", [0, 0, 0, 2, 2, 2, 0]]]), predOf([[0, "car", 0.9, [0, 0, 0, 2, 2, 2, Math.PI / 4]]]));
    expect(value).toBe(0.5);
  });

  it("a GT class without predictions scores 0 in its sample", () => {
    const truth = truthOf([[0, "car", CAR], [0, "bus", [10, 0, 0, 3, 10, 3, 0]]]);
    expect(box3dMeanAveragePrecision(truth, predOf([[0, "car", 0.9, CAR]]))).toBe(0.5);
  });

  it("a false positive ranked before the match halves the precision (envelope from the right)", () => {
    const pred = predOf([[0, "car", 0.9, [20, 0, 0, 2, 4, 2, 0]], [0, "car", 0.5, CAR]]);
    expect(box3dMeanAveragePrecision(truthOf([[0, "car", CAR]]), pred)).toBe(0.5);
  });

  it("a prediction whose best box is taken is a false positive, even if another box fits", () => {
    const truth = truthOf([[0, "car", CAR], [0, "car", [0.6, 0, 0, 2, 4, 2, 0]]]);
    // Both predictions overlap the first box best; the second one does not fall back to the second box.
    const pred = predOf([[0, "car", 0.9, CAR], [0, "car", 0.8, [0.25, 0, 0, 2, 4, 2, 0]]]);
    expect(box3dMeanAveragePrecision(truth, pred, { iouThresholds: [0.5] })).toBe(0.5);
  });

  it("a sample without ground truth makes the score NaN", () => {
    expect(box3dMeanAveragePrecision(truthOf([[0, "car", CAR]]), predOf([[0, "car", 0.9, CAR]]), { sampleCount: 2 })).toBeNaN();
  });

  it("averages per-sample means over samples and thresholds", () => {
    const truth = truthOf([[0, "car", CAR], [1, "car", CAR]]);
    const pred = predOf([[0, "car", 0.9, CAR], [1, "car", 0.9, [0.5, 0, 0, 2, 4, 2, 0]]]);
    expect(isClose(box3dMeanAveragePrecision(truth, pred), 0.8, { rtol: 1e-15 })).toBe(true);
  });

  it("rejects evaluated boxes as the devkit does, and only those", () => {
    const truth = truthOf([[0, "car", CAR]]);
    expect(code(() => box3dMeanAveragePrecision(truth, predOf([[0, "car", 0.9, [0, 0, 0, 0, 4, 2, 0]]])))).toBe("OUT_OF_RANGE");
    expect(code(() => box3dMeanAveragePrecision(truth, predOf([[0, "car", 0.9, [0, 0, 0, 2, 4, NaN, 0]]])))).toBe("MISSING_VALUE");
    expect(code(() => box3dMeanAveragePrecision(truth, predOf([[0, "car", 0.9, [0, 0, 0, 2, 4, 2, -Infinity]]])))).toBe("NON_FINITE");
    expect(code(() => box3dMeanAveragePrecision(truth, predOf([[0, "car", 0.9, [Infinity, 0, 0, 2, 4, 2, 0.2]]])))).toBe("NON_FINITE");
    expect(box3dMeanAveragePrecision(truth, predOf([[0, "car", 0.9, CAR], [0, "bus", 0.9, [0, 0, 0, -1, 4, 2, 0]]]))).toBe(1);
    expect(box3dProblem(CAR, 0)).toBeNull();
  });
});

/** IoU of two axis-aligned boxes (yaw 0: length along x, width along y). */
function axisIou(a: Box, b: Box): number {
  const overlap = (c1: number, h1: number, c2: number, h2: number) => Math.max(0, Math.min(c1 + h1 / 2, c2 + h2 / 2) - Math.max(c1 - h1 / 2, c2 - h2 / 2));
  const inter = overlap(a[0], a[4], b[0], b[4]) * overlap(a[1], a[3], b[1], b[3]) * overlap(a[2], a[5], b[2], b[5]);
  return inter / (a[3] * a[4] * a[5] + b[3] * b[4] * b[5] - inter);
}

/**
 * Whether some prediction's IoU lies within 1e-9 of a threshold: there the result depends on the
 * last bits of the arithmetic (in the devkit too), so properties skip such scenes.
 */
function nearThreshold(truth: Array<[number, string, Box]>, pred: Array<[number, string, number, Box]>): boolean {
  return pred.some((p) => truth.some((t) => t[0] === p[0] && LYFT_IOU_THRESHOLDS.some((th) => Math.abs(axisIou(p[3], t[2]) - th) < 1e-9)));
}

/** The score from the definition, for axis-aligned boxes. */
function slowMap(truth: Array<[number, string, Box]>, pred: Array<[number, string, number, Box]>, samples: number): number {
  const iou = axisIou;
  const values: number[] = [];
  for (let s = 0; s < samples; s++) {
    const gts = truth.filter((t) => t[0] === s);
    const classes = [...new Set(gts.map((t) => t[1]))].sort();
    for (const threshold of LYFT_IOU_THRESHOLDS) {
      if (classes.length === 0) {
        values.push(NaN);
        continue;
      }
      let sum = 0;
      for (const cls of classes) {
        const boxes = gts.filter((t) => t[1] === cls).map((t) => t[2]);
        const preds = pred.filter((p) => p[0] === s && p[1] === cls).sort((a, b) => b[2] - a[2]);
        if (preds.length === 0) continue;
        const taken = new Set<number>();
        let tp = 0;
        const precision: number[] = [];
        const recall: number[] = [];
        preds.forEach((p, k) => {
          const ious = boxes.map((b) => iou(p[3], b));
          const best = ious.indexOf(Math.max(...ious));
          if (ious[best]! > threshold && !taken.has(best)) {
            taken.add(best);
            tp++;
          }
          precision.push(tp / (k + 1));
          recall.push(tp / boxes.length);
        });
        let ap = 0;
        for (let k = 0; k < preds.length; k++) ap += (recall[k]! - (k === 0 ? 0 : recall[k - 1]!)) * Math.max(...precision.slice(k));
        sum += ap;
      }
      values.push(sum / classes.length);
    }
  }
  return values.reduce((a, b) => a + b, 0) / values.length;
}

const axisBox = fc
  .record({
    x: fc.double({ min: -10, max: 10, noNaN: true }),
    y: fc.double({ min: -10, max: 10, noNaN: true }),
    z: fc.double({ min: -2, max: 2, noNaN: true }),
    w: fc.double({ min: 0.5, max: 4, noNaN: true }),
    l: fc.double({ min: 0.5, max: 8, noNaN: true }),
    h: fc.double({ min: 0.5, max: 3, noNaN: true }),
  })
  .map(({ x, y, z, w, l, h }): Box => [x, y, z, w, l, h, 0]);
const jitter = fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }));
const scene = fc.integer({ min: 1, max: 3 }).chain((samples) =>
  fc.record({
    samples: fc.constant(samples),
    truth: fc.array(fc.tuple(fc.integer({ min: 0, max: samples - 1 }), fc.constantFrom("car", "bus"), axisBox), { minLength: 1, maxLength: 8 }),
    extra: fc.array(fc.tuple(fc.integer({ min: 0, max: samples - 1 }), fc.constantFrom("car", "bus", "van"), axisBox), { maxLength: 4 }),
    moves: fc.array(jitter, { minLength: 8, maxLength: 8 }),
  }),
);

function predictionsOf({ truth, extra, moves }: { truth: Array<[number, string, Box]>; extra: Array<[number, string, Box]>; moves: Array<[number, number]> }): Array<[number, string, number, Box]> {
  const moved = truth.map(([s, label, box], i): [number, string, number, Box] => {
    const [dx, dy] = moves[i]!;
    return [s, label, (i + 1) / 16, [box[0] + dx, box[1] + dy, box[2], box[3], box[4], box[5], 0]];
  });
  return [...moved, ...extra.map(([s, label, box], i): [number, string, number, Box] => [s, label, (i + 0.5) / 16, box])];
}

describe("box3d-map properties", () => {
  it("agrees with the definition on axis-aligned scenes", () => {
    fc.assert(
      fc.property(scene, (input) => {
        const pred = predictionsOf(input);
        fc.pre(!nearThreshold(input.truth, pred));
        const actual = box3dMeanAveragePrecision(truthOf(input.truth), predOf(pred), { sampleCount: input.samples });
        return isClose(actual, slowMap(input.truth, pred, input.samples), { rtol: 1e-9, atol: 1e-12 });
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  it("scores a perfect copy 1 whenever every sample has ground truth", () => {
    fc.assert(
      fc.property(scene, (input) => {
        const truth = input.truth.map(([, label, box]): [number, string, Box] => [0, label, box]);
        const pred = truth.map(([s, label, box], i): [number, string, number, Box] => [s, label, 1 - i / 10, box]);
        return box3dMeanAveragePrecision(truthOf(truth), predOf(pred)) === 1;
      }),
      { numRuns: 100, seed: 20240601 },
    );
  });

  it("ignores a strictly increasing transform of the scores and the order of prediction rows", () => {
    fc.assert(
      fc.property(scene, fc.integer(), (input, salt) => {
        const pred = predictionsOf(input);
        const base = box3dMeanAveragePrecision(truthOf(input.truth), predOf(pred), { sampleCount: input.samples });
        const transformed = pred.map(([s, l, score, box]): [number, string, number, Box] => [s, l, Math.atan(score) * 3 + 1, box]);
        const shuffled = [...pred].sort((a, b) => (((a[2] * 1e6) ^ salt) % 7) - (((b[2] * 1e6) ^ salt) % 7));
        const same = (v: number) => (Number.isNaN(base) ? Number.isNaN(v) : isClose(v, base, { rtol: 1e-12 }));
        return (
          same(box3dMeanAveragePrecision(truthOf(input.truth), predOf(transformed), { sampleCount: input.samples })) &&
          same(box3dMeanAveragePrecision(truthOf(input.truth), predOf(shuffled), { sampleCount: input.samples }))
        );
      }),
      { numRuns: 100, seed: 20240601 },
    );
  });

  it("does not change when the whole scene moves far from the origin", () => {
    fc.assert(
      fc.property(scene, (input) => {
        const pred = predictionsOf(input);
        fc.pre(!nearThreshold(input.truth, pred));
        const shift = <T extends unknown[]>(row: T, at: number): T => {
          const box = row[at] as Box;
          const copy = [...row] as T;
          copy[at] = [box[0] + 2300, box[1] + 700, box[2] - 18, box[3], box[4], box[5], box[6]];
          return copy;
        };
        const near = box3dMeanAveragePrecision(truthOf(input.truth), predOf(pred), { sampleCount: input.samples });
        const far = box3dMeanAveragePrecision(truthOf(input.truth.map((t) => shift(t, 2))), predOf(pred.map((p) => shift(p, 3))), { sampleCount: input.samples });
        return Number.isNaN(near) ? Number.isNaN(far) : isClose(far, near, { rtol: 1e-9 });
      }),
      { numRuns: 100, seed: 20240601 },
    );
  });
});
