/**
 * bias-auc: a hand-checked table and a property against the definition written out: with
 * binarised predictions every AUC is (TPR + TNR) / 2 of its subset.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { biasAuc } from "../../metrics/bias-auc.js";
import { MetricError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

const SEED = 20240601;

/** (TPR + TNR) / 2 on the rows where keep holds, from binary truth and predictions; NaN if one class is absent. */
function balancedAccuracy(truth: number[], predicted: number[], keep: (i: number) => boolean): number {
  let tp = 0, p = 0, tn = 0, n = 0;
  truth.forEach((t, i) => {
    if (!keep(i)) return;
    if (t === 1) {
      p++;
      if (predicted[i] === 1) tp++;
    } else {
      n++;
      if (predicted[i] === 0) tn++;
    }
  });
  return p === 0 || n === 0 ? NaN : (tp / p + tn / n) / 2;
}

function definition(yTrue: number[], yScore: number[], identities: Record<string, number[]>): number {
  const bin = (v: number) => (v >= 0.5 ? 1 : 0);
  const t = yTrue.map(bin);
  const s = yScore.map(bin);
  const names = Object.keys(identities);
  const mean = (values: number[]) => Math.pow(values.reduce((a, v) => a + Math.pow(v, -5), 0) / values.length, -1 / 5);
  const parts = [0, 1, 2].map((kind) =>
    mean(
      names.map((name) => {
        const g = identities[name]!.map(bin);
        const keep = [(i: number) => g[i] === 1, (i: number) => (t[i] === 0 && g[i] === 1) || (t[i] === 1 && g[i] === 0), (i: number) => (t[i] === 1 && g[i] === 1) || (t[i] === 0 && g[i] === 0)][kind]!;
        return balancedAccuracy(t, s, keep);
      }),
    ),
  );
  return 0.25 * balancedAccuracy(t, s, () => true) + 0.25 * (parts[0]! + parts[1]! + parts[2]!);
}

describe("biasAuc", () => {
  it("hand-checked: one identity", () => {
    // Predictions binarised: [1, 1, 0, 1, 0, 0]. Overall (TPR 2/3 + TNR 2/3) / 2 = 2/3; subgroup rows 0-1:
    // 0.5; BPSN rows 0, 3, 5: (1/2 + 0) / 2 = 0.25; BNSP rows 1, 2, 4: 1.
    const value = biasAuc([0, 1, 0, 1, 0, 1], [0.6, 0.9, 0.1, 0.7, 0.2, 0.3], { a: [1, 1, 0, 0, 0, 0] });
    expect(isClose(value, 0.25 * (2 / 3) + 0.25 * (0.5 + 0.25 + 1), { rtol: 1e-14 })).toBe(true);
  });

  it("a zero AUC makes its power mean zero", () => {
    // Binarised predictions [1, 0, 0, 1]. Overall 0.5. Subgroups: a (rows 0, 1) ranked backwards → 0,
    // b (rows 2, 3) perfect → 1, so M(0, 1) = (∞ / 2)^(−1/5) = 0. BPSN and BNSP are 0.5 for both.
    const value = biasAuc([0, 1, 0, 1], [0.9, 0.1, 0.1, 0.9], { a: [1, 1, 0, 0], b: [0, 0, 1, 1] });
    expect(isClose(value, 0.25 * 0.5 + 0.25 * (0 + 0.5 + 0.5), { rtol: 1e-14 })).toBe(true);
  });

  it("throws UNDEFINED_METRIC naming the subset with a single class", () => {
    let error: unknown;
    try {
      biasAuc([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8], { a: [1, 0, 1, 0] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MetricError);
    expect((error as MetricError).code).toBe("UNDEFINED_METRIC");
    expect((error as MetricError).message).toContain('subgroup "a"');
  });

  it("matches the definition with binarised predictions", () => {
    const input = fc.integer({ min: 8, max: 60 }).chain((n) => {
      const unit = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0.5)), { minLength: n, maxLength: n });
      return fc.record({ yTrue: unit, yScore: unit, a: unit, b: unit, c: unit });
    });
    let defined = 0;
    fc.assert(
      fc.property(input, ({ yTrue, yScore, a, b, c }) => {
        const identities = { a, b, c };
        const expected = definition(yTrue, yScore, identities);
        let actual: number;
        try {
          actual = biasAuc(yTrue, yScore, identities);
        } catch (error) {
          // Undefined exactly when some subset lacks a class.
          return error instanceof MetricError && Number.isNaN(expected);
        }
        defined++;
        return isClose(actual, expected, { rtol: 1e-12, atol: 1e-15 });
      }),
      { numRuns: 300, seed: SEED },
    );
    expect(defined, "enough runs where every subset has both classes").toBeGreaterThan(50);
  });
});
