import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { modifiedLaplaceLogLikelihood } from "../../metrics/modified-laplace-log-likelihood.js";
import { fsum } from "../../src/_internal/numeric.js";
import { isClose } from "../helpers/close.js";
import { thrownCode } from "../helpers/oracles.js";

const SEED = 20240608;
const fvc = fc.double({ min: 500, max: 6000, noNaN: true, noDefaultInfinity: true });
const rows = fc.array(fc.tuple(fvc, fvc, fc.double({ min: -100, max: 2000, noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 60 });

/** The Kaggle definition, row by row. */
function slowLaplace(data: [number, number, number][], floor = 70, cap = 1000): number {
  return fsum(data.map(([t, p, c]) => {
    const sigma = c < floor ? floor : c;
    const delta = Math.abs(t - p) > cap ? cap : Math.abs(t - p);
    return -(Math.sqrt(2) * delta) / sigma - Math.log(Math.sqrt(2) * sigma);
  })) / data.length;
}

describe("modified-laplace-log-likelihood", () => {
  it("matches a hand-checked table", () => {
    // exact prediction at confidence 70: −ln(70√2) ≈ −4.59507 (the conformance 'perfect' case)
    expect(isClose(modifiedLaplaceLogLikelihood([3000], [3000], [70]), -4.595068832329332)).toBe(true);
    // error 140 with confidence 140: −√2 − ln(140√2)
    expect(isClose(modifiedLaplaceLogLikelihood([3000], [3140], [140]), -Math.SQRT2 - Math.log(140 * Math.SQRT2))).toBe(true);
    // the error is capped at 1000 and the confidence floored at 70
    expect(modifiedLaplaceLogLikelihood([0], [5000], [1])).toBe(modifiedLaplaceLogLikelihood([0], [1000], [70]));
  });

  it("propagates NaN and infinities as numpy does", () => {
    expect(modifiedLaplaceLogLikelihood([3000, 2000], [NaN, 2000], [100, 100])).toBeNaN();
    expect(modifiedLaplaceLogLikelihood([3000], [3000], [Infinity])).toBe(-Infinity);
    expect(modifiedLaplaceLogLikelihood([], [], [])).toBeNaN();
    expect(thrownCode(() => modifiedLaplaceLogLikelihood([1, 2], [1, 2], [70]))).toBe("ROW_COUNT_MISMATCH");
  });

  it("agrees with the definition, never exceeds −ln(70√2) and does not depend on row order", () => {
    fc.assert(
      fc.property(rows, (data) => {
        const [t, p, c] = [0, 1, 2].map((k) => data.map((row) => row[k]!));
        const value = modifiedLaplaceLogLikelihood(t!, p!, c!);
        const reversed = modifiedLaplaceLogLikelihood([...t!].reverse(), [...p!].reverse(), [...c!].reverse());
        return isClose(value, slowLaplace(data), { rtol: 1e-12 }) && value <= -Math.log(70 * Math.SQRT2) + 1e-12 && isClose(reversed, value, { rtol: 1e-12 });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
