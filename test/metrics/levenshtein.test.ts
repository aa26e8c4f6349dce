/**
 * Levenshtein distance and error rate: hand-checked toy values and the bit-parallel distance
 * against the textbook dynamic programme, on random strings and token lists of up to a few
 * hundred symbols (several 32-bit blocks).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levenshteinErrorRate, meanLevenshteinDistance } from "../../metrics/index.js";
import { MetricError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";

const SEED = 424242;

/** The O(nm) recurrence, straight from the definition. */
function slowDistance<T>(a: readonly T[], b: readonly T[]): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

const symbol = fc.constantFrom("a", "b", "c", "é", "😀", "𝔸", "Σ", " ");
const text = (maxLength: number) => fc.array(symbol, { maxLength }).map((chars) => chars.join(""));

describe("meanLevenshteinDistance", () => {
  it("matches hand-computed distances", () => {
    // kitten→sitting: k→s, e→i, +g = 3; flaw→lawn: −f, +n = 2; abc→"" = 3; "" → "" = 0.
    expect(meanLevenshteinDistance(["kitten", "flaw", "abc", ""], ["sitting", "lawn", "", ""])).toBe(2);
    expect(meanLevenshteinDistance(["a😀😀b"], ["ab"])).toBe(2);
    expect(meanLevenshteinDistance([[7, 8, 9]], [[9, 8, 7]])).toBe(2);
    expect(meanLevenshteinDistance([], [])).toBeNaN();
  });

  it("equals the dynamic programme over code points", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text(140), text(140)), { minLength: 1, maxLength: 6 }), (pairs) => {
        const expected = pairs.reduce((sum, [a, b]) => sum + slowDistance(Array.from(a), Array.from(b)), 0) / pairs.length;
        const actual = meanLevenshteinDistance(pairs.map(([a]) => a), pairs.map(([, b]) => b));
        return isClose(actual, expected, { rtol: 1e-15 });
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("handles long, nearly equal and unrelated strings", () => {
    const base = "InChI=1S/C20H25N3O/c1-4-22(5-2)20(24)14-9-16-15-7-6-8-17-19(15)13(11-21-17)10-18(16)23(3)12-14/h6-9,11,14,18,21H,4-5,10,12H2,1-3H3";
    const edited = base.replace("C20", "C21").replace("N3O", "NO").concat("/t14-,18-/m1/s1");
    expect(meanLevenshteinDistance([base], [edited])).toBe(slowDistance(Array.from(base), Array.from(edited)));
    const long = "ab".repeat(400);
    expect(meanLevenshteinDistance([long], ["ba".repeat(400)])).toBe(2);
  });

  it("reports values that are not sequences", () => {
    expect(() => meanLevenshteinDistance(["a"], [NaN as unknown as string])).toThrow(MetricError);
    expect(() => meanLevenshteinDistance(["a"], [5 as unknown as string])).toThrow(/expected a string or a list of tokens/);
    expect(() => meanLevenshteinDistance(["a"], [])).toThrow(/expected 1 predicted sequences/);
  });

  it("grades 100,000 sentence pairs quickly", () => {
    const words = "the of and to a in that is was he for it with as his on be at by".split(" ");
    let seed = 9;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sentence = () => Array.from({ length: 25 }, () => words[Math.floor(next() * words.length)]).join(" ");
    const truth = Array.from({ length: 100_000 }, sentence);
    const predicted = truth.map((s, i) => (i % 2 ? s.replace(" the ", " ") : sentence()));
    const start = performance.now();
    meanLevenshteinDistance(truth, predicted);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe("levenshteinErrorRate", () => {
  it("matches hand-computed rates", () => {
    // [1,2,3]→[1,3]: one deletion; [4]→[4,5]: one insertion; 2 edits / 4 true tokens.
    expect(levenshteinErrorRate([[1, 2, 3], [4]], [[1, 3], [4, 5]])).toBe(0.5);
    expect(levenshteinErrorRate([[1]], [[2, 3, 4]])).toBe(3);
    expect(levenshteinErrorRate([[]], [[1]])).toBe(Infinity);
    expect(levenshteinErrorRate([[]], [[]])).toBeNaN();
  });

  it("equals the summed dynamic programme over the true length", () => {
    const tokens = fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 70 });
    fc.assert(
      fc.property(fc.array(fc.tuple(tokens, tokens), { minLength: 1, maxLength: 8 }), (pairs) => {
        const edits = pairs.reduce((sum, [a, b]) => sum + slowDistance(a, b), 0);
        const length = pairs.reduce((sum, [a]) => sum + a.length, 0);
        const actual = levenshteinErrorRate(pairs.map(([a]) => a), pairs.map(([, b]) => b));
        return length === 0 ? !Number.isFinite(actual) : isClose(actual, edits / length, { rtol: 1e-15 });
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
