/**
 * mean-column-roc-auc: a hand-checked table, and properties: it is the mean of the per-column
 * ROC AUCs, ignores row order and strictly increasing transforms of each column's scores.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanColumnRocAuc } from "../../metrics/mean-column-roc-auc.js";
import { rocAuc } from "../../metrics/roc-auc.js";
import { MetricError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

const SEED = 20240601;

function thrown(fn: () => unknown): MetricError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
  return undefined;
}

/** Columns of 0/1 labels (each with both classes) and grid scores, column-major. */
const matrices = fc.record({ n: fc.integer({ min: 2, max: 40 }), columns: fc.integer({ min: 1, max: 5 }) }).chain(({ n, columns }) =>
  fc.record({
    yTrue: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }).map((c) => [0, 1, ...c.slice(2)]), { minLength: columns, maxLength: columns }),
    yScore: fc.array(fc.array(fc.integer({ min: -20, max: 20 }).map((k) => k / 8), { minLength: n, maxLength: n }), { minLength: columns, maxLength: columns }),
  }),
);

describe("meanColumnRocAuc", () => {
  it("averages the per-column AUCs (hand-checked)", () => {
    // Column 1: positives 0.35, 0.8 vs negatives 0.1, 0.4 → 3 of 4 pairs; column 2 separates perfectly.
    expect(meanColumnRocAuc([[0, 0, 1, 1], [1, 0, 1, 0]], [[0.1, 0.4, 0.35, 0.8], [0.9, 0.1, 0.8, 0.2]])).toBe(0.875);
  });

  it("rejects a single-class column, naming it", () => {
    const error = thrown(() => meanColumnRocAuc([[0, 1], [1, 1]], [[0.2, 0.7], [0.5, 0.6]], ["first", "second"]));
    expect(error?.code).toBe("UNDEFINED_METRIC");
    expect(error?.message).toContain('column "second"');
  });

  it("checks the column counts", () => {
    expect(thrown(() => meanColumnRocAuc([[0, 1], [0, 1]], [[0.2, 0.7]]))?.code).toBe("MISSING_COLUMN");
    expect(thrown(() => meanColumnRocAuc([[0, 1]], [[0.2, 0.7], [0.1, 0.2]]))?.code).toBe("UNEXPECTED_COLUMN");
    expect(thrown(() => meanColumnRocAuc([], []))?.code).toBe("UNDEFINED_METRIC");
  });

  it("is the numpy mean of the column AUCs, for any row order and any increasing transform", () => {
    fc.assert(
      fc.property(matrices, fc.integer(), ({ yTrue, yScore }, salt) => {
        const value = meanColumnRocAuc(yTrue, yScore);
        const each = yTrue.map((column, c) => rocAuc(column, yScore[c]!));
        expect(isClose(value, each.reduce((a, b) => a + b, 0) / each.length, { rtol: 1e-15 })).toBe(true);
        const n = yTrue[0]!.length;
        const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * 2654435761 + salt) >>> 0) % 1009 - ((b * 2654435761 + salt) >>> 0) % 1009 || a - b);
        const permuted = meanColumnRocAuc(yTrue.map((col) => order.map((i) => col[i]!)), yScore.map((col) => order.map((i) => col[i]!)));
        const transformed = meanColumnRocAuc(yTrue, yScore.map((col) => col.map((x) => Math.exp(x) - 3)));
        return permuted === value && transformed === value;
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
