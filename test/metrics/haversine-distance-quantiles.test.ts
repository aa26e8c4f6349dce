import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineDistanceQuantiles, haversineDistances } from "../../metrics/haversine-distance-quantiles.js";
import { numpyQuantileOfSorted } from "../../metrics/_quantile.js";
import { isClose } from "../helpers/close.js";
import { thrownCode } from "../helpers/oracles.js";

const SEED = 20240610;
const R = 6_371_000;

/** Hyndman–Fan type 7 quantile (numpy's "linear") on a sorted copy. */
function slowQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

describe("haversine-distance-quantiles", () => {
  it("interpolates quantiles as numpy does", () => {
    const sorted = [0, 10, 20, 40];
    expect(numpyQuantileOfSorted(sorted, 0.5)).toBe(15);
    // (n − 1)·0.95 = 2.85: 40 − 20·(1 − 0.85) rounds to 36.99999999999999, as np.quantile gives
    expect(numpyQuantileOfSorted(sorted, 0.95)).toBe(36.99999999999999);
    expect(numpyQuantileOfSorted(sorted, 1)).toBe(40);
    expect(numpyQuantileOfSorted([7], 0.95)).toBe(7);
    expect(numpyQuantileOfSorted([1, NaN], 0.5)).toBeNaN();
  });

  it("matches a hand-checked table", () => {
    // along the equator a difference of θ degrees is R·θ·π/180 metres
    const metre = (degrees: number) => (R * degrees * Math.PI) / 180;
    expect(isClose(haversineDistances([0], [0], [0], [1])[0]!, metre(1))).toBe(true);
    // one trip with errors 0°, 1°, 2°: (P50 + P95) / 2 = (1 + 1.9) / 2 degrees
    expect(isClose(haversineDistanceQuantiles([0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 1, 2]), metre(1.45))).toBe(true);
    // two trips averaged with equal weight, whatever their sizes
    const value = haversineDistanceQuantiles([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [2, 4, 4, 4], ["a", "b", "b", "b"]);
    expect(isClose(value, (metre(2) + metre(4)) / 2)).toBe(true);
  });

  it("propagates NaN per group and checks lengths", () => {
    expect(haversineDistanceQuantiles([0, 1], [0, 1], [NaN, 1], [0, 1], ["a", "b"])).toBeNaN();
    expect(haversineDistanceQuantiles([], [], [], [])).toBeNaN();
    expect(thrownCode(() => haversineDistanceQuantiles([0], [0], [0], [0], ["a", "b"]))).toBe("ROW_COUNT_MISMATCH");
  });

  it("agrees with the definition on random trips and ignores row order within a trip", () => {
    const row = fc.tuple(
      fc.double({ min: -80, max: 80, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -179, max: 179, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -0.01, max: 0.01, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -0.01, max: 0.01, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom("t1", "t2", "t3"),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const lat = rows.map((r) => r[0]);
        const lng = rows.map((r) => r[1]);
        const latP = rows.map((r) => r[0] + r[2]);
        const lngP = rows.map((r) => r[1] + r[3]);
        const groups = rows.map((r) => r[4]);
        const d = haversineDistances(lat, lng, latP, lngP);
        const order = [...new Set(groups)];
        const expected = order.map((g) => {
          const mine = Array.from(d).filter((_, i) => groups[i] === g);
          return (slowQuantile(mine, 0.5) + slowQuantile(mine, 0.95)) / 2;
        });
        const value = haversineDistanceQuantiles(lat, lng, latP, lngP, groups);
        const reversed = haversineDistanceQuantiles([...lat].reverse(), [...lng].reverse(), [...latP].reverse(), [...lngP].reverse(), [...groups].reverse());
        return isClose(value, expected.reduce((a, b) => a + b, 0) / expected.length, { rtol: 1e-9, atol: 1e-9 }) && isClose(reversed, value, { rtol: 1e-9, atol: 1e-9 });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
