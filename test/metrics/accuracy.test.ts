/** accuracy: hand-checked values, scikit-learn's label-type rules, and fast-check against counting matches. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accuracy } from "../../metrics/accuracy.js";
import { MetricError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MetricError ? error.code : "untyped";
  }
  return undefined;
}

describe("accuracy", () => {
  it("hand-checked values", () => {
    expect(accuracy([0, 1, 2, 3], [0, 2, 1, 3])).toBe(0.5);
    expect(accuracy(["cat", "dog"], ["cat", "dog"])).toBe(1);
    expect(accuracy([1, 1, 1], [0, 0, 0])).toBe(0);
    expect(accuracy([true, false, true, false], [1, 0, 0, 0])).toBe(0.75);
    expect(accuracy([1, 2, 3], [1.0, 2.0, 4.0])).toBe(2 / 3);
    expect(accuracy([], [])).toBeNaN();
  });

  it("follows scikit-learn 1.5's rules for labels of different types", () => {
    expect(accuracy([0, 1, 2], ["0", "1", "2"])).toBe(0);
    expect(code(() => accuracy([true, false], ["True", "False"]))).toBe("LABEL_TYPE_MISMATCH");
    expect(code(() => accuracy([0, 1], [0.5, 1]))).toBe("NON_INTEGER");
    expect(code(() => accuracy([0, 1], [0]))).toBe("ROW_COUNT_MISMATCH");
    expect(code(() => accuracy(["a", "b", NaN], ["a", "b", "c"]))).toBe("MISSING_VALUE");
  });

  it("agrees with counting matches (fast-check)", () => {
    const label = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(0.0, 1.0, 2.0));
    const pairs = fc.integer({ min: 1, max: 100 }).chain((n) => fc.tuple(fc.array(label, { minLength: n, maxLength: n }), fc.array(label, { minLength: n, maxLength: n })));
    fc.assert(
      fc.property(pairs, ([yTrue, yPred]) => {
        const matches = yTrue.filter((value, i) => value === yPred[i]).length;
        return isClose(accuracy(yTrue, yPred), matches / yTrue.length, { rtol: 1e-15 });
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
