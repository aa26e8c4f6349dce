/** mean-absolute-error and log-mae-by-group: hand-checked values and fast-check against the definitions. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logMaeByGroup } from "../../metrics/log-mae-by-group.js";
import { meanAbsoluteError } from "../../metrics/mean-absolute-error.js";
import { isClose } from "../helpers/close.js";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const rows = (n: number) => fc.array(finite, { minLength: n, maxLength: n });

describe("meanAbsoluteError", () => {
  it("hand-checked values", () => {
    expect(meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8])).toBe(0.5);
    expect(meanAbsoluteError([1, 2], [1, 2])).toBe(0);
    expect(() => meanAbsoluteError([], [])).toThrow(/at least 1 sample/);
    expect(() => meanAbsoluteError([1], [NaN])).toThrow(/finite number/);
  });

  it("agrees with the definition (fast-check)", () => {
    const pairs = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(rows(n), rows(n)));
    fc.assert(
      fc.property(pairs, ([t, p]) => {
        const direct = t.reduce((sum, value, i) => sum + Math.abs(p[i]! - value), 0) / t.length;
        return isClose(meanAbsoluteError(t, p), direct, { rtol: 1e-9, atol: 1e-9 });
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe("logMaeByGroup", () => {
  it("hand-checked values", () => {
    // a: |2−1|, |2−2| → MAE 0.5; b: 0, 2 → MAE 1; mean of ln 0.5 and ln 1.
    expect(logMaeByGroup([1, 2, 10, 20], [2, 2, 10, 22], ["a", "a", "b", "b"])).toBe(Math.log(0.5) / 2);
    expect(logMaeByGroup([1, 2], [1, 2], ["a", "a"])).toBe(-Infinity);
    expect(logMaeByGroup([1, 2], [1, 2], ["a", "a"], { floor: 1e-9 })).toBe(Math.log(1e-9));
    // Groups weigh equally whatever their size; rows without a group are left out.
    expect(isClose(logMaeByGroup([0, 0, 0, 0, 5], [1, 1, 1, 100, 5], ["g", "g", "g", "h", NaN]), (Math.log(1) + Math.log(100)) / 2)).toBe(true);
  });

  it("agrees with the definition (fast-check)", () => {
    const input = fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(rows(n), rows(n), fc.array(fc.constantFrom("x", "y", "z"), { minLength: n, maxLength: n })));
    fc.assert(
      fc.property(input, ([t, p, g]) => {
        const groups = [...new Set(g)];
        const logs = groups.map((key) => {
          const idx = g.flatMap((value, i) => (value === key ? [i] : []));
          return Math.log(idx.reduce((sum, i) => sum + Math.abs(p[i]! - t[i]!), 0) / idx.length);
        });
        const direct = logs.reduce((a, b) => a + b, 0) / logs.length;
        return isClose(logMaeByGroup(t, p, g), direct, { rtol: 1e-9, atol: 1e-9 });
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
