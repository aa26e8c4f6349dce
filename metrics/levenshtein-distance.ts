import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { pairedEditDistances, type Sequence } from "./_levenshtein.js";

export type { Sequence } from "./_levenshtein.js";

/**
 * Mean Levenshtein distance: the unit-cost edit distance between each true and predicted sequence,
 * averaged over rows.
 *
 * Formula: `score = (1/n) Σ lev(y_i, ŷ_i)`, where `lev` counts the fewest insertions, deletions and
 * substitutions (each costing 1) turning one sequence into the other. Strings are compared by
 * Unicode code point (an emoji is one symbol, not two UTF-16 units); token lists by token.
 * Direction: lower is better, range [0, ∞).
 *
 * Edge cases: no rows returns NaN (numpy's mean of nothing); a missing value (NaN) throws
 * MISSING_VALUE and any other non-text value MALFORMED_PREDICTION, where python-Levenshtein raises
 * TypeError; inputs of different lengths throw ROW_COUNT_MISMATCH.
 *
 * @see https://en.wikipedia.org/wiki/Levenshtein_distance
 * @see docs/metrics/levenshtein-distance.md
 * @throws MetricError MISSING_VALUE, MALFORMED_PREDICTION, ROW_COUNT_MISMATCH
 */
export function meanLevenshteinDistance(yTrue: ArrayLike<Sequence>, yPred: ArrayLike<Sequence>): number {
  return numpyMean(pairedEditDistances(yTrue, yPred).distances);
}

export const levenshteinDistanceMetric = defineMetric({
  id: "levenshtein-distance",
  aliases: ["mean-levenshtein-distance", "edit-distance"],
  title: "Mean Levenshtein distance",
  description: "Unit-cost edit distance between each true and predicted string (by code point) or token list, averaged over rows.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "sequences",
  options: noOptions,
  formula: {
    latex: String.raw`\frac{1}{n}\sum_{i=1}^{n} \operatorname{lev}(y_i, \hat y_i)`,
    text: "For each row, the fewest single-symbol insertions, deletions and substitutions that turn the prediction into the truth; then the plain mean over rows.",
  },
  edgeCases: [
    { when: "no rows", then: "returns NaN (numpy's mean of an empty list)" },
    { when: "characters outside the Basic Multilingual Plane (emoji, rare CJK)", then: "count as one symbol each, as in Python strings" },
    { when: "a missing value (NaN)", then: "throws MISSING_VALUE (python-Levenshtein raises TypeError)" },
    { when: "a value that is neither text nor a token list", then: "throws MALFORMED_PREDICTION" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Levenshtein distance (Wikipedia)", url: "https://en.wikipedia.org/wiki/Levenshtein_distance" },
    { title: "Myers, A fast bit-vector algorithm for approximate string matching based on dynamic programming (1999)", authors: "Gene Myers", year: 1999, url: "https://www.cs.umd.edu/class/spring2008/cmsc858s/myers.pdf" },
    { title: "python-Levenshtein / Levenshtein.distance", url: "https://rapidfuzz.github.io/Levenshtein/levenshtein.html#distance" },
  ],
  examples: [
    { input: { yTrue: ["kitten", "flaw"], yPred: ["sitting", "lawn"] }, output: 2.5 },
    { input: { yTrue: ["a😀b"], yPred: ["ab"] }, output: 1, note: "an emoji is one code point" },
    { input: { yTrue: [[1, 2, 3]], yPred: [[1, 3, 4]] }, output: 2, note: "token lists compare token by token" },
    { input: { yTrue: ["abc"], yPred: [NaN] }, output: { throws: "MISSING_VALUE" } },
  ],
  compat:
    "Reproduces `Levenshtein.distance` (python-Levenshtein 0.25, the rapidfuzz backend MLE-bench pins) averaged with `np.mean`, as billion-word-imputation and bms-molecular-translation grade. Computed with Myers' bit-parallel algorithm over code points, so results are exact integers before the mean.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<Sequence>; yPred: ArrayLike<Sequence> }) => meanLevenshteinDistance(yTrue, yPred),
});
