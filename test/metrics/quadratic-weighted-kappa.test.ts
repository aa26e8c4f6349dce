/**
 * quadratic-weighted-kappa: a hand-checked table, and fast-check against the definition as observed
 * versus chance disagreement over all (prediction, truth) pairs, with weights from label positions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quadraticWeightedKappa, type KappaWeights } from "../../metrics/quadratic-weighted-kappa.js";
import { MetricError } from "../../src/errors.js";
import { closeMessage, isClose } from "../helpers/close.js";

function slowKappa(yTrue: readonly number[], yPred: readonly number[], weights: KappaWeights): number {
  const labels = [...new Set([...yTrue, ...yPred])].sort((a, b) => a - b);
  const position = (label: number) => labels.indexOf(label);
  const w = (a: number, b: number) => {
    const d = Math.abs(position(a) - position(b));
    return weights === "quadratic" ? d * d : weights === "linear" ? d : d === 0 ? 0 : 1;
  };
  const n = yTrue.length;
  let observed = 0;
  for (let s = 0; s < n; s++) observed += w(yPred[s]!, yTrue[s]!);
  // Chance: a prediction and a truth drawn independently from their own marginals.
  let chance = 0;
  for (let s = 0; s < n; s++) for (let t = 0; t < n; t++) chance += w(yPred[s]!, yTrue[t]!);
  return 1 - observed / (chance / n);
}

describe("quadraticWeightedKappa", () => {
  it("matches a hand-checked table", () => {
    // truth 0 0 1 2, prediction 0 1 1 1: observed Σw = 0 + 1 + 0 + 1 = 2.
    // true counts (2,1,1), predicted counts (1,3,0); chance Σw = Σ_ij (i−j)²·t_i·p_j / 4
    //   = (2·3·1 + 1·1·1 + 1·1·4 + 1·3·1) / 4 = 14 / 4 → κ = 1 − 2 / 3.5 = 3/7
    const value = quadraticWeightedKappa([0, 0, 1, 2], [0, 1, 1, 1]);
    expect(isClose(value, 3 / 7), closeMessage(value, 3 / 7)).toBe(true);
  });

  it("weighs label positions, not values", () => {
    expect(quadraticWeightedKappa([0, 1, 2, 4], [0, 1, 2, 2])).toBe(quadraticWeightedKappa([0, 1, 2, 3], [0, 1, 2, 2]));
  });

  it("returns NaN for one shared class, 0 for a constant prediction", () => {
    expect(quadraticWeightedKappa([2, 2], [2, 2])).toBeNaN();
    expect(quadraticWeightedKappa([0, 1, 2], [1, 1, 1])).toBe(0);
    expect(() => quadraticWeightedKappa([0, 1, 2], [0, 1.5, 2])).toThrow(MetricError);
  });

  for (const weights of ["quadratic", "linear", "none"] as const) {
    it(`agrees with the definition, ${weights} weights (fast-check)`, () => {
      const labels = fc.integer({ min: 0, max: 9 });
      const pairs = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.array(labels, { minLength: n, maxLength: n }), fc.array(labels, { minLength: n, maxLength: n })));
      fc.assert(
        fc.property(pairs, ([yTrue, yPred]) => {
          const expected = slowKappa(yTrue, yPred, weights);
          return isClose(quadraticWeightedKappa(yTrue, yPred, { weights }), expected, { rtol: 1e-9, atol: 1e-12 });
        }),
        { numRuns: 200, seed: 33 },
      );
    });
  }
});
