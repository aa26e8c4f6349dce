/**
 * LRAP / lwlrap: hand-checked rows, and the metric against two independent formulations — the
 * per-row definition, and lwlrap as the plain mean over every (row, positive label) pair of the
 * precision at that label (the Freesound organisers' definition).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelRankingAveragePrecision } from "../../metrics/index.js";
import { MetricError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

const SEED = 31415;

/** Precision at positive label j of a row: positives scored ≥ s_j over labels scored ≥ s_j. */
function precisionAt(truth: number[], scores: number[], j: number): number {
  const atLeast = scores.map((s) => s >= scores[j]!);
  return atLeast.filter((flag, l) => flag && truth[l] === 1).length / atLeast.filter(Boolean).length;
}

function slowLrap(truth: number[][], scores: number[][]): number {
  const rows = truth.map((t, i) => {
    const positives = t.flatMap((v, j) => (v === 1 ? [j] : []));
    if (positives.length === 0 || positives.length === t.length) return 1;
    return positives.reduce((sum, j) => sum + precisionAt(t, scores[i]!, j), 0) / positives.length;
  });
  return rows.reduce((a, b) => a + b, 0) / rows.length;
}

function slowLwlrap(truth: number[][], scores: number[][]): number {
  let sum = 0;
  let count = 0;
  truth.forEach((t, i) => {
    const all = t.every((v) => v === 1);
    t.forEach((v, j) => {
      if (v !== 1) return;
      sum += all ? 1 : precisionAt(t, scores[i]!, j);
      count++;
    });
  });
  return sum / count;
}

const matrices = fc.record({ n: fc.integer({ min: 1, max: 12 }), m: fc.integer({ min: 1, max: 7 }) }).chain(({ n, m }) =>
  fc.record({
    truth: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    scores: fc.array(fc.array(fc.constantFrom(0, 0.1, 0.5, 0.9, 2), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
  }),
);

describe("labelRankingAveragePrecision", () => {
  it("matches hand-computed rows", () => {
    // Row 1: the positive is ranked 2nd → 1/2. Row 2: the positive is ranked 3rd → 1/3.
    expect(labelRankingAveragePrecision([[1, 0, 0], [0, 0, 1]], [[0.75, 0.5, 1], [1, 0.2, 0.1]])).toBe((1 / 2 + 1 / 3) / 2);
    // A tie with a negative: rank 2, one positive at or above → 1/2.
    expect(labelRankingAveragePrecision([[1, 0]], [[0.3, 0.3]])).toBe(0.5);
    // lwlrap: the empty row is dropped; row 1 has two positives (1/1 and 2/3).
    const lwlrap = labelRankingAveragePrecision([[1, 0, 1], [0, 0, 0]], [[0.9, 0.8, 0.1], [0, 0, 0]], { labelWeighted: true });
    expect(isClose(lwlrap, (1 + 2 / 3) / 2, { rtol: 1e-15 })).toBe(true);
    expect(() => labelRankingAveragePrecision([[1, 0]], [[NaN, 0]])).toThrow(MetricError);
    expect(() => labelRankingAveragePrecision([[0, 0]], [[0, 0]], { labelWeighted: true })).toThrow(/at least one row/);
  });

  it("equals the per-row definition", () => {
    fc.assert(
      fc.property(matrices, ({ truth, scores }) => isClose(labelRankingAveragePrecision(truth, scores), slowLrap(truth, scores), { rtol: 1e-12 })),
      { numRuns: 300, seed: SEED },
    );
  });

  it("with labelWeighted equals the mean precision over all positive labels", () => {
    fc.assert(
      fc.property(matrices, ({ truth, scores }) => {
        if (!truth.some((row) => row.includes(1))) return true;
        return isClose(labelRankingAveragePrecision(truth, scores, { labelWeighted: true }), slowLwlrap(truth, scores), { rtol: 1e-12 });
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
