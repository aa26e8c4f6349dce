/** top-1-error: hand-checked values and fast-check against counting mistakes directly. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { top1Error } from "../../metrics/top-1-error.js";
import { isClose } from "../helpers/close.js";

describe("top1Error", () => {
  it("counts wrong first guesses", () => {
    expect(top1Error([438, 171, 5, 5], [438, 3, 5, 6])).toBe(0.5);
    expect(top1Error([1, 2], [1, 2])).toBe(0);
    expect(top1Error([], [])).toBeNaN();
  });

  it("agrees with counting mistakes (fast-check)", () => {
    const labels = fc.integer({ min: 0, max: 5 });
    const pairs = fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(fc.array(labels, { minLength: n, maxLength: n }), fc.array(labels, { minLength: n, maxLength: n })));
    fc.assert(
      fc.property(pairs, ([yTrue, yPred]) => {
        const wrong = yTrue.filter((label, i) => label !== yPred[i]).length;
        return isClose(top1Error(yTrue, yPred), wrong / yTrue.length, { rtol: 1e-12, atol: 1e-15 });
      }),
      { numRuns: 300, seed: 34 },
    );
  });
});
