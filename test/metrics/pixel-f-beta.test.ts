import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pixelFBeta } from "../../metrics/pixel-f-beta.js";
import { isClose } from "../helpers/close.js";
import { asRuns, counts, maskCases, mean } from "../helpers/masks.js";

describe("pixelFBeta: hand-checked", () => {
  it("weighs precision above recall at β = 0.5", () => {
    // TP 2, FN 2, FP 0: precision 1, recall 0.5 → 1.25·0.5 / (0.25 + 0.5) = 5/6.
    expect(pixelFBeta([[1, 1, 1, 1]], [[1, 1, 0, 0]])).toBe(2.5 / 3);
    // TP 2, FN 0, FP 2: precision 0.5, recall 1 → 1.25·0.5 / (0.125 + 1) = 5/9.
    expect(pixelFBeta([[1, 1, 0, 0]], [[1, 1, 1, 1]])).toBe(2.5 / 4.5);
  });
  it("scores nothing-to-find as 0 and averages fragments", () => {
    expect(pixelFBeta([[0, 0]], [[0, 0]])).toBe(0);
    expect(pixelFBeta([[0, 0], [1, 0]], [[0, 0], [1, 0]])).toBe(0.5);
  });
  it("reduces to precision at β = 0 and recall at β = ∞", () => {
    expect(pixelFBeta([[1, 1, 0, 0]], [[1, 0, 1, 1]], { beta: 0 })).toBe(1 / 3);
    expect(pixelFBeta([[1, 1, 0, 0]], [[1, 0, 1, 1]], { beta: Infinity })).toBe(0.5);
  });
});

describe("pixelFBeta: against precision and recall", () => {
  for (const beta of [0.5, 1, 2]) {
    it(`β = ${beta}, bitmaps and runs alike`, () => {
      fc.assert(
        fc.property(maskCases, ({ height, width, truths, predictions }) => {
          const scores = truths.map((truth, i) => {
            const { t, p, both } = counts(truth, predictions[i]!);
            const precision = p === 0 ? 0 : both / p;
            const recall = t === 0 ? 0 : both / t;
            const b2 = beta * beta;
            return precision + recall === 0 ? 0 : ((1 + b2) * precision * recall) / (b2 * precision + recall);
          });
          const want = mean(scores);
          const tolerance = { rtol: 1e-12, atol: 1e-15 };
          expect(isClose(pixelFBeta(truths, predictions, { beta }), want, tolerance)).toBe(true);
          const runs = pixelFBeta(asRuns(truths, height, width, "row-major"), asRuns(predictions, height, width, "row-major"), { beta });
          expect(isClose(runs, want, tolerance)).toBe(true);
        }),
        { numRuns: 300, seed: 34 },
      );
    });
  }
});
