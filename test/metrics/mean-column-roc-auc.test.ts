/**
 * mean-column-roc-auc: a hand-checked table, and properties: it is the mean of the per-column
 * ROC AUCs, takes rows or a row-major Matrix alike, and ignores row order and strictly
 * increasing transforms of each column's scores.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../metrics/_probabilities.js";
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

const columnsOf = (rows: number[][]) => rows[0]!.map((_, c) => rows.map((row) => row[c]!));

/** n rows × k label columns: 0/1 labels (each column with both classes) and grid scores. */
const matrices = fc.record({ n: fc.integer({ min: 2, max: 40 }), k: fc.integer({ min: 1, max: 5 }) }).chain(({ n, k }) =>
  fc.record({
    yTrue: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: k, maxLength: k }), { minLength: n - 2, maxLength: n - 2 }).map((rest) => [Array(k).fill(0), Array(k).fill(1), ...rest]),
    yScore: fc.array(fc.array(fc.integer({ min: -20, max: 20 }).map((v) => v / 8), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
  }),
);

describe("meanColumnRocAuc", () => {
  it("averages the per-column AUCs (hand-checked)", () => {
    // Column 1: positives 0.35, 0.8 vs negatives 0.1, 0.4 → 3 of 4 pairs; column 2 separates perfectly.
    const yTrue = [[0, 1], [0, 0], [1, 1], [1, 0]];
    const yScore = [[0.1, 0.9], [0.4, 0.1], [0.35, 0.8], [0.8, 0.2]];
    expect(meanColumnRocAuc(yTrue, yScore)).toBe(0.875);
    expect(meanColumnRocAuc(matrixFromColumns(columnsOf(yTrue), 4), matrixFromColumns(columnsOf(yScore), 4))).toBe(0.875);
  });

  it("rejects a single-class column, naming it", () => {
    const error = thrown(() => meanColumnRocAuc([[0, 1], [1, 1]], [[0.2, 0.5], [0.7, 0.6]], ["first", "second"]));
    expect(error?.code).toBe("UNDEFINED_METRIC");
    expect(error?.message).toContain('column "second"');
  });

  it("checks the shapes", () => {
    expect(thrown(() => meanColumnRocAuc([[0, 1], [1, 0]], [[0.2], [0.7]]))?.code).toBe("MISSING_COLUMN");
    expect(thrown(() => meanColumnRocAuc([[0], [1]], [[0.2, 0.1], [0.7, 0.2]]))?.code).toBe("UNEXPECTED_COLUMN");
    expect(thrown(() => meanColumnRocAuc([[0], [1]], [[0.2]]))?.code).toBe("ROW_COUNT_MISMATCH");
    expect(thrown(() => meanColumnRocAuc([[], []], [[], []]))?.code).toBe("UNDEFINED_METRIC");
  });

  it("is the numpy mean of the column AUCs, for any row order and any increasing transform", () => {
    fc.assert(
      fc.property(matrices, fc.integer(), ({ yTrue, yScore }, salt) => {
        const value = meanColumnRocAuc(yTrue, yScore);
        const truthColumns = columnsOf(yTrue);
        const scoreColumns = columnsOf(yScore);
        const each = truthColumns.map((column, c) => rocAuc(column, scoreColumns[c]!));
        expect(isClose(value, each.reduce((a, b) => a + b, 0) / each.length, { rtol: 1e-15 })).toBe(true);
        const order = yTrue.map((_, i) => i).sort((a, b) => ((a * 2654435761 + salt) >>> 0) % 1009 - ((b * 2654435761 + salt) >>> 0) % 1009 || a - b);
        const permuted = meanColumnRocAuc(order.map((i) => yTrue[i]!), order.map((i) => yScore[i]!));
        const transformed = meanColumnRocAuc(yTrue, yScore.map((row) => row.map((x) => Math.exp(x) - 3)));
        return permuted === value && transformed === value;
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
