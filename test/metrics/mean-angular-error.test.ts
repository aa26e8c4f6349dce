import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanAngularError } from "../../metrics/mean-angular-error.js";
import { fsum } from "../../src/_internal/numeric.js";
import { isClose } from "../helpers/close.js";
import { thrownCode } from "../helpers/oracles.js";

const SEED = 20240609;
const azimuth = fc.double({ min: 0, max: 2 * Math.PI, noNaN: true, noDefaultInfinity: true });
const zenith = fc.double({ min: 0, max: Math.PI, noNaN: true, noDefaultInfinity: true });
const events = fc.array(fc.tuple(azimuth, zenith, azimuth, zenith), { minLength: 1, maxLength: 50 });

/** The angle between two unit vectors, from their Cartesian coordinates with atan2 (accurate near 0 and π). */
function slowAngle(a1: number, z1: number, a2: number, z2: number): number {
  const u = [Math.sin(z1) * Math.cos(a1), Math.sin(z1) * Math.sin(a1), Math.cos(z1)];
  const v = [Math.sin(z2) * Math.cos(a2), Math.sin(z2) * Math.sin(a2), Math.cos(z2)];
  const cross = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
  return Math.atan2(Math.hypot(...cross), u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!);
}

describe("mean-angular-error", () => {
  it("matches a hand-checked table", () => {
    // 90° apart on the horizon; the poles are π apart; the same direction is 0
    expect(isClose(meanAngularError([0], [Math.PI / 2], [Math.PI / 2], [Math.PI / 2]), Math.PI / 2)).toBe(true);
    expect(meanAngularError([0], [0], [0], [Math.PI])).toBe(Math.PI);
    expect(meanAngularError([0, 0], [0, 0], [0, 0], [0, Math.PI])).toBe(Math.PI / 2);
  });

  it("an exact copy scores at most about 1e-8 (arccos rounding)", () => {
    const azimuths = Array.from({ length: 200 }, (_, i) => (i * 0.731) % (2 * Math.PI));
    const zeniths = Array.from({ length: 200 }, (_, i) => (i * 0.377) % Math.PI);
    const value = meanAngularError(azimuths, zeniths, azimuths, zeniths);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1e-7);
  });

  it("propagates NaN and checks lengths", () => {
    expect(meanAngularError([0, 1], [1, 1], [NaN, 1], [1, 1])).toBeNaN();
    expect(meanAngularError([], [], [], [])).toBeNaN();
    expect(thrownCode(() => meanAngularError([0], [0], [0], []))).toBe("ROW_COUNT_MISMATCH");
  });

  it("agrees with the Cartesian definition, is symmetric and stays in [0, π]", () => {
    fc.assert(
      fc.property(events, (rows) => {
        const [a1, z1, a2, z2] = [0, 1, 2, 3].map((k) => rows.map((row) => row[k]!));
        const value = meanAngularError(a1!, z1!, a2!, z2!);
        const expected = fsum(rows.map(([p, q, r, s]) => slowAngle(p, q, r, s))) / rows.length;
        // arccos loses up to ~1e-8 near 0 and π; elsewhere the two agree far more closely.
        return isClose(value, expected, { atol: 2e-8, rtol: 1e-12 }) && value === meanAngularError(a2!, z2!, a1!, z1!) && value >= 0 && value <= Math.PI;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
