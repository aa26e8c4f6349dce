/**
 * Word-level Jaccard: toy values computed by hand, and the metric against a slow version written
 * with arrays (no sets) from the definition.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wordJaccard } from "../../metrics/index.js";
import { MetricError } from "../../src/errors.js";
import { PY_WHITESPACE } from "../../src/table/scalars.js";
import { isClose } from "../helpers/close.js";

const SEED = 1337;
const SPACE = new RegExp(`[${PY_WHITESPACE}]`);

/** Distinct lower-cased words, scanning character by character. */
function slowWords(text: string): string[] {
  const words: string[] = [];
  let current = "";
  for (const char of text.toLowerCase() + " ") {
    if (SPACE.test(char)) {
      if (current && !words.includes(current)) words.push(current);
      current = "";
    } else current += char;
  }
  return words;
}

function slowJaccard(a: string, b: string): number {
  const x = slowWords(a);
  const y = slowWords(b);
  const shared = x.filter((w) => y.includes(w)).length;
  const union = x.length + y.length - shared;
  return union === 0 ? 0 : shared / union;
}

describe("wordJaccard", () => {
  it("matches hand-computed values", () => {
    // {the,cat,sat} vs {the,cat}: 2/3; {hello,world} both: 1.
    expect(wordJaccard(["the cat sat", "Hello World"], ["the cat", "hello\u3000world"])).toBe((2 / 3 + 1) / 2);
    // Σ at the end of a word lowers to ς, in the middle to σ, as Python's str.lower().
    expect(wordJaccard(["\u039f\u0394\u039f\u03a3"], ["\u03bf\u03b4\u03bf\u03c3"])).toBe(0);
    expect(wordJaccard(["\u039f\u0394\u039f\u03a3"], ["\u03bf\u03b4\u03bf\u03c2"])).toBe(1);
    // U+200B (zero-width space) does not split; U+001F does.
    expect(wordJaccard(["a\u200bb"], ["a b"])).toBe(0);
    expect(wordJaccard(["a\u001fb"], ["a b"])).toBe(1);
    expect(wordJaccard([""], [" "])).toBe(0);
    expect(() => wordJaccard([""], [" "], { bothEmpty: "error" })).toThrow(MetricError);
    expect(wordJaccard([], [])).toBeNaN();
  });

  it("equals the slow definition", () => {
    const piece = fc.constantFrom("a", "A", "b", "ß", "SS", "ΣΑΣ", "σας", "😀", " ", "\t", "\u00a0", "\u200b", "\u0085");
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 10 }), (pairs) => {
        const expected = pairs.reduce((sum, [a, b]) => sum + slowJaccard(a, b), 0) / pairs.length;
        return isClose(wordJaccard(pairs.map(([a]) => a), pairs.map(([, b]) => b)), expected, { rtol: 1e-12 });
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
