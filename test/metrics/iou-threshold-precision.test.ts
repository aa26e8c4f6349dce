import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iouThresholdPrecision, TGS_THRESHOLDS } from "../../metrics/iou-threshold-precision.js";
import { isClose } from "../helpers/close.js";
import { asRuns, counts, maskCases, mean } from "../helpers/masks.js";

describe("iouThresholdPrecision: hand-checked", () => {
  it("uses np.arange(0.5, 1.0, 0.05) as numpy computes it", () => {
    // Printed by numpy 1.24: np.arange(0.5, 1.0, 0.05).tolist()
    expect(TGS_THRESHOLDS).toEqual([0.5, 0.55, 0.6000000000000001, 0.6500000000000001, 0.7000000000000002, 0.7500000000000002, 0.8000000000000003, 0.8500000000000003, 0.9000000000000004, 0.9500000000000004]);
  });
  it("counts the thresholds an image's IoU beats, strictly", () => {
    expect(iouThresholdPrecision([[1, 1, 1, 0]], [[1, 1, 0, 0]])).toBe(0.4); // IoU 2/3
    expect(iouThresholdPrecision([[1, 1, 0, 0]], [[1, 0, 0, 0]])).toBe(0); // IoU 0.5 is not > 0.5
    expect(iouThresholdPrecision([[1, 1, 1, 1]], [[1, 1, 1, 0]])).toBe(0.5); // 0.75 is not > 0.7500000000000002
    expect(iouThresholdPrecision([[1, 1]], [[1, 1]])).toBe(1);
  });
  it("scores empty truths 1 or 0", () => {
    expect(iouThresholdPrecision([[0, 0], [0, 0]], [[0, 0], [0, 1]])).toBe(0.5);
  });
  it("gives an empty prediction IoU |T|/N (MLE-bench) or 0", () => {
    // |T| = 3 of N = 4 pixels: IoU 0.75 beats 5 thresholds.
    expect(iouThresholdPrecision([[1, 1, 1, 0]], [[0, 0, 0, 0]])).toBe(0.5);
    expect(iouThresholdPrecision([[1, 1, 1, 0]], [[0, 0, 0, 0]], { emptyPrediction: "zero" })).toBe(0);
    expect(iouThresholdPrecision([[1, 1, 1, 1]], [[0, 0, 0, 0]])).toBe(1);
  });
  it("takes other thresholds", () => {
    expect(iouThresholdPrecision([[1, 1, 1, 0]], [[1, 1, 0, 0]], { thresholds: [0.1, 0.9] })).toBe(0.5);
  });
});

describe("iouThresholdPrecision: against a pixel-loop oracle", () => {
  for (const emptyPrediction of ["mlebench", "zero"] as const) {
    it(`emptyPrediction ${emptyPrediction}, bitmaps and runs alike`, () => {
      fc.assert(
        fc.property(maskCases, ({ height, width, truths, predictions }) => {
          const scores = truths.map((truth, i) => {
            const { t, p, both } = counts(truth, predictions[i]!);
            if (t === 0) return p === 0 ? 1 : 0;
            const iou = p === 0 ? (emptyPrediction === "mlebench" ? t / truth.length : 0) : both / (t + p - both);
            return TGS_THRESHOLDS.filter((threshold) => iou > threshold).length / 10;
          });
          const want = mean(scores);
          expect(isClose(iouThresholdPrecision(truths, predictions, { emptyPrediction }), want)).toBe(true);
          expect(isClose(iouThresholdPrecision(asRuns(truths, height, width), asRuns(predictions, height, width), { emptyPrediction }), want)).toBe(true);
        }),
        { numRuns: 300, seed: 33 },
      );
    });
  }
});
