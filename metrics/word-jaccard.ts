import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { pythonSplit } from "../src/table/scalars.js";
import { defineMetric } from "./_define.js";

export interface WordJaccardOptions {
  /**
   * A row where neither text has a word: `"zero"` scores it 0 (scikit-learn's `jaccard_score`
   * with its default zero_division); `"error"` throws UNDEFINED_METRIC (the Kaggle formula divides
   * by zero).
   */
  bothEmpty?: "zero" | "error";
}

/**
 * Word-level Jaccard similarity, averaged over rows: for each row, the words shared by the true and
 * predicted texts over the words in either, after lower-casing.
 *
 * Formula: `score = (1/n) Σ |A_i ∩ B_i| / |A_i ∪ B_i|`, with `A = set(y.lower().split())` (Python's
 * full Unicode lower-casing; splitting on runs of Unicode whitespace). Direction: higher is better,
 * range [0, 1].
 *
 * Edge cases: a row where both texts have no word scores 0 (`bothEmpty: "zero"`) or throws
 * UNDEFINED_METRIC (`bothEmpty: "error"`); no rows returns NaN; a value that is not text throws
 * MALFORMED_PREDICTION (MISSING_VALUE for NaN); inputs of different lengths throw
 * ROW_COUNT_MISMATCH.
 *
 * @see https://en.wikipedia.org/wiki/Jaccard_index
 * @see docs/metrics/word-jaccard.md
 * @throws MetricError UNDEFINED_METRIC, MISSING_VALUE, MALFORMED_PREDICTION, ROW_COUNT_MISMATCH
 */
export function wordJaccard(yTrue: ArrayLike<string>, yPred: ArrayLike<string>, options: WordJaccardOptions = {}): number {
  if (yTrue.length !== yPred.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} predicted texts, got ${yPred.length}`);
  }
  const bothEmpty = options.bothEmpty ?? "zero";
  const scores = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const a = wordSet(textAt(yTrue, i, "y_true"));
    const b = wordSet(textAt(yPred, i, "y_pred"));
    let shared = 0;
    for (const word of a) if (b.has(word)) shared++;
    const union = a.size + b.size - shared;
    if (union === 0) {
      if (bothEmpty === "error") throw new MetricError("UNDEFINED_METRIC", `row ${i + 1}: expected a word in the true or the predicted text, got none in either (the Jaccard index divides by zero)`);
      scores[i] = 0;
    } else {
      scores[i] = shared / union;
    }
  }
  return numpyMean(scores);
}

/** The set of words of a text: Python's `set(text.lower().split())`. */
export function wordSet(text: string): Set<string> {
  return new Set(pythonSplit(text.toLowerCase()));
}

function textAt(values: ArrayLike<string>, i: number, role: string): string {
  const value: unknown = values[i];
  if (typeof value === "string") return value;
  const missing = typeof value === "number" && Number.isNaN(value);
  throw new MetricError(missing ? "MISSING_VALUE" : "MALFORMED_PREDICTION", `${role} row ${i + 1}: expected text, got ${missing ? "a missing value (NaN)" : typeof value}`);
}

export const wordJaccardMetric = defineMetric({
  id: "word-jaccard",
  aliases: ["word-level-jaccard-score", "jaccard-similarity", "word-set-jaccard"],
  title: "Word-level Jaccard similarity",
  description: "Per row, the number of distinct lower-cased words shared by the true and predicted texts over the number of distinct words in either; averaged over rows.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "sequences",
  options: z.strictObject({
    bothEmpty: z
      ._default(z.enum(["zero", "error"]), "zero")
      .check(z.describe('a row where neither text has a word: "zero" scores it 0 (scikit-learn); "error" throws UNDEFINED_METRIC (the Kaggle formula divides by zero)')),
  }),
  formula: {
    latex: String.raw`\frac{1}{n}\sum_{i=1}^{n} \frac{|A_i \cap B_i|}{|A_i \cup B_i|},\quad A_i = \operatorname{set}(\operatorname{lower}(y_i).\operatorname{split}())`,
    text: "For each row, lower-case both texts, split them on whitespace into sets of words, and divide the size of the intersection by the size of the union; then take the plain mean over rows.",
  },
  edgeCases: [
    { when: "neither text of a row has a word", then: 'scores 0 with bothEmpty "zero"; throws UNDEFINED_METRIC with bothEmpty "error"' },
    { when: "repeated words", then: "count once (sets)" },
    { when: "case and Unicode", then: "Python's full lower-casing (Σ at a word's end becomes ς); ß is not folded to ss" },
    { when: "whitespace", then: "Python's str.split(): U+0085, U+00A0, U+1680, U+2000–U+200A, U+3000 and \\x1c–\\x1f split words; U+200B and U+FEFF do not" },
    { when: "no rows", then: "returns NaN" },
    { when: "a value that is not text", then: "throws MALFORMED_PREDICTION (MISSING_VALUE for NaN)" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Jaccard index (Wikipedia)", url: "https://en.wikipedia.org/wiki/Jaccard_index" },
    { title: "scikit-learn jaccard_score", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.jaccard_score.html" },
    { title: "Tweet Sentiment Extraction: evaluation", url: "https://www.kaggle.com/competitions/tweet-sentiment-extraction/overview/evaluation" },
  ],
  examples: [
    { input: { yTrue: ["the cat sat", "Hello World"], yPred: ["the cat", "hello  world"] }, output: (2 / 3 + 1) / 2 },
    { input: { yTrue: ["", "a"], yPred: [" ", "a"] }, output: 0.5, note: "a row without words scores 0" },
    { input: { yTrue: ["", "a"], yPred: [" ", "a"] }, options: { bothEmpty: "error" }, output: { throws: "UNDEFINED_METRIC" } },
  ],
  compat:
    'With bothEmpty "zero" it reproduces scikit-learn 1.5 `jaccard_score(average="samples")` on MultiLabelBinarizer word sets (chaii-hindi-and-tamil-question-answering); with "error" the Kaggle `jaccard` function averaged with `np.mean` (tweet-sentiment-extraction), which raises ZeroDivisionError on such rows. Lower-casing uses JavaScript\'s full Unicode mapping, which matches Python\'s `str.lower()` (final sigma included) except for characters added to Unicode after the Python build\'s version.',
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<string>; yPred: ArrayLike<string> }, options: WordJaccardOptions) => wordJaccard(yTrue, yPred, options),
});
