import { numpySum } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { pairedEditDistances, type Sequence } from "./_levenshtein.js";

/**
 * Levenshtein error rate: the total edit distance between true and predicted sequences divided by
 * the total length of the true sequences (the word error rate when the tokens are words).
 *
 * Formula: `score = Σ lev(y_i, ŷ_i) / Σ |y_i|`, with unit costs; strings count code points, token
 * lists count tokens. Direction: lower is better, range [0, ∞) (it exceeds 1 when predictions are
 * longer than the truth).
 *
 * Edge cases: empty truths everywhere give 0/0 = NaN, or +∞ when some prediction is non-empty
 * (numpy's division); a missing value (NaN) throws MISSING_VALUE and any other non-sequence value
 * MALFORMED_PREDICTION; inputs of different lengths throw ROW_COUNT_MISMATCH.
 *
 * @see https://en.wikipedia.org/wiki/Word_error_rate
 * @see docs/metrics/levenshtein-error-rate.md
 * @throws MetricError MISSING_VALUE, MALFORMED_PREDICTION, ROW_COUNT_MISMATCH
 */
export function levenshteinErrorRate(yTrue: ArrayLike<Sequence>, yPred: ArrayLike<Sequence>): number {
  const { distances, trueLengths } = pairedEditDistances(yTrue, yPred);
  // Both sums are of integers (exact); the quotient is then correctly rounded, as numpy's is.
  return numpySum(distances) / numpySum(trueLengths);
}

export const levenshteinErrorRateMetric = defineMetric({
  id: "levenshtein-error-rate",
  aliases: ["levenhstein-distance", "normalized-levenshtein-distance", "word-error-rate"],
  title: "Levenshtein error rate",
  description: "Total unit-cost edit distance between true and predicted sequences divided by the total number of true symbols or tokens (word error rate for word tokens).",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "sequences",
  options: noOptions,
  formula: {
    latex: String.raw`\frac{\sum_{i=1}^{n} \operatorname{lev}(y_i, \hat y_i)}{\sum_{i=1}^{n} |y_i|}`,
    text: "The sum over rows of the edit distance, divided by the total length of the true sequences.",
  },
  edgeCases: [
    { when: "every true sequence is empty", then: "returns NaN (0/0) or +∞ when some prediction is non-empty, as numpy divides" },
    { when: "predictions much longer than the truth", then: "the rate exceeds 1" },
    { when: "a missing value (NaN)", then: "throws MISSING_VALUE" },
    { when: "a value that is neither text nor a token list", then: "throws MALFORMED_PREDICTION" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Word error rate (Wikipedia)", url: "https://en.wikipedia.org/wiki/Word_error_rate" },
    { title: "Multi-modal Gesture Recognition: evaluation", url: "https://www.kaggle.com/competitions/multi-modal-gesture-recognition/overview/evaluation" },
  ],
  examples: [
    { input: { yTrue: [[1, 2, 3], [4]], yPred: [[1, 3], [4, 5]] }, output: 0.5, note: "2 edits over 4 true tokens" },
    { input: { yTrue: ["abc"], yPred: ["abd"] }, output: 1 / 3 },
    { input: { yTrue: [[1]], yPred: [[2, 3, 4]] }, output: 3, note: "can exceed 1" },
  ],
  compat:
    "Reproduces multi-modal-gesture-recognition's `final_edit_distance`: `np.sum` of `Levenshtein.distance` over integer token lists divided by the total number of true tokens.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<Sequence>; yPred: ArrayLike<Sequence> }) => levenshteinErrorRate(yTrue, yPred),
});
