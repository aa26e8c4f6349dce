/** The fast paths of pythonFloat and pythonSplit give what Python's float() and str.split() give. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PY_WHITESPACE, pythonFloat, pythonSplit } from "../../src/table/scalars.js";

// float(text) in CPython 3.11 (None: ValueError).
const FLOATS: Array<[string, number | null]> = [
  ["1", 1], ["-1", -1], ["+1", 1], ["1.5", 1.5], [".5", 0.5], ["5.", 5], ["-0", -0], ["1e5", 100000], ["1E-05", 1e-5],
  ["1e400", Infinity], ["-1e400", -Infinity], [" 1", 1], ["1 ", 1], ["1_000", 1000], ["inf", Infinity], ["-Infinity", -Infinity],
  ["nan", NaN], ["1e", null], ["", null], ["abc", null], ["0x10", null], ["\u0661\u0662", 12], ["1.5e+3", 1500], ["00012", 12],
  ["9007199254740993", 9007199254740992], ["0.1234567890123456789", 0.12345678901234568],
];

describe("Python scalars", () => {
  it("pythonFloat reads like float()", () => {
    for (const [text, expected] of FLOATS) {
      const value = pythonFloat(text);
      if (expected === null) expect(value, text).toBeUndefined();
      else expect(Object.is(value, expected), `${text}: ${value}`).toBe(true);
    }
  });

  it("pythonSplit splits like str.split() on any whitespace", () => {
    const run = new RegExp(`[${PY_WHITESPACE}]+`);
    const text = fc.string({ unit: fc.constantFrom("a", "1", ".", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u0085", "é", "~") });
    fc.assert(
      fc.property(text, (value) => {
        expect(pythonSplit(value)).toEqual(value.split(run).filter((token) => token.length > 0));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });
});
