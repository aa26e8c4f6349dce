import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";

/** An item of a ranked list or of a set of relevant items (equal when `===`). */
export type RankedItem = string | number;

/**
 * Mean average precision at k (MAP@k): the average precision of each ranked prediction list
 * against its set of relevant items, averaged over rows.
 *
 * Formula: `AP@k = (1/min(|A|, k)) Σ_{i≤k} P(i)·rel(i)`, where `rel(i)` is 1 when the item at rank
 * i is relevant and has not appeared earlier in the list, and `P(i)` is the number of such hits up
 * to rank i divided by i; `MAP@k = (1/n) Σ AP@k`. Direction: higher is better, range [0, 1].
 *
 * Edge cases: an empty set of relevant items scores 0; repeated predictions are not rewarded twice
 * but still take a rank; only the first k predictions count; when the two lists of rows differ in
 * length the extra rows are ignored (Python's `zip`); no rows returns NaN.
 *
 * @see https://en.wikipedia.org/wiki/Evaluation_measures_(information_retrieval)#Mean_average_precision
 * @see docs/metrics/map-at-k.md
 * @throws MetricError MALFORMED_PREDICTION when a row is not a list
 */
export function meanAveragePrecisionAtK(actual: ArrayLike<ArrayLike<RankedItem> | ReadonlySet<RankedItem>>, predicted: ArrayLike<ArrayLike<RankedItem>>, k: number): number {
  const n = Math.min(actual.length, predicted.length);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const relevant = actual[i];
    const ranked = predicted[i];
    if (!isList(relevant) || !isList(ranked)) {
      throw new MetricError("MALFORMED_PREDICTION", `row ${i + 1}: expected lists of items, got ${describe(isList(relevant) ? ranked : relevant)}`);
    }
    const set = relevant instanceof Set ? (relevant as ReadonlySet<RankedItem>) : new Set(Array.from(relevant as ArrayLike<RankedItem>));
    scores[i] = averagePrecisionAtK(set, ranked as ArrayLike<RankedItem>, k);
  }
  return numpyMean(scores);
}

/**
 * Average precision at k of one ranked list: walking the first k predictions, each relevant item
 * not seen earlier in the list adds the precision at its rank; the sum is divided by
 * min(|actual|, k). An empty `actual` gives 0.
 */
export function averagePrecisionAtK(actual: ReadonlySet<RankedItem>, predicted: ArrayLike<RankedItem>, k: number): number {
  const n = Math.min(predicted.length, k);
  let score = 0;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const item = predicted[i]!;
    if (!actual.has(item) || seenBefore(predicted, item, i)) continue;
    hits += 1;
    score += hits / (i + 1);
  }
  if (actual.size === 0) return 0;
  return score / Math.min(actual.size, k);
}

function seenBefore(list: ArrayLike<RankedItem>, item: RankedItem, end: number): boolean {
  for (let j = 0; j < end; j++) if (list[j] === item) return true;
  return false;
}

function isList(value: unknown): boolean {
  return value instanceof Set || (value !== null && typeof value === "object" && typeof (value as ArrayLike<unknown>).length === "number") || typeof value === "string";
}

function describe(value: unknown): string {
  return typeof value === "number" && Number.isNaN(value) ? "a missing value (NaN)" : typeof value;
}

export const mapAtKMetric = defineMetric({
  id: "map-at-k",
  aliases: ["MAP@k", "MAP@12", "MAP@5", "map-at-5", "map-at-12", "mean-average-precision-at-k"],
  title: "Mean average precision at k (MAP@k)",
  description: "For each row, the precision at every rank (up to k) where a relevant item first appears, summed and divided by min(number of relevant items, k); averaged over rows.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "ranked-lists",
  options: z.strictObject({
    k: z
      ._default(z.int().check(z.positive()), 10)
      .check(z.describe("how many predictions per row count (MLE-bench: 12 for H&M, 5 for hotel-id and whale)")),
  }),
  formula: {
    latex: String.raw`\frac{1}{n}\sum_{u=1}^{n} \frac{1}{\min(|A_u|, k)} \sum_{i=1}^{\min(|\hat y_u|, k)} P_u(i)\,\mathrm{rel}_u(i)`,
    text: "For each row: walk the first k predictions; at each relevant item not predicted earlier, add (hits so far)/(rank); divide by min(|relevant|, k). Then the plain mean over rows.",
  },
  edgeCases: [
    { when: "a row with no relevant items", then: "scores 0" },
    { when: "the same item predicted twice", then: "the repeat is not a hit but still uses up a rank" },
    { when: "more than k predictions", then: "only the first k count" },
    { when: "the lists of rows have different lengths", then: "extra rows are ignored, as Python's zip does" },
    { when: "no rows", then: "returns NaN" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Evaluation measures (information retrieval): mean average precision (Wikipedia)", url: "https://en.wikipedia.org/wiki/Evaluation_measures_(information_retrieval)#Mean_average_precision" },
    { title: "benhamner/Metrics: average_precision.py", url: "https://github.com/benhamner/Metrics/blob/master/Python/ml_metrics/average_precision.py" },
    { title: "H&M Personalized Fashion Recommendations: evaluation", url: "https://www.kaggle.com/competitions/h-and-m-personalized-fashion-recommendations/overview/evaluation" },
  ],
  examples: [
    { input: { actual: [["a", "b"]], predicted: [["a", "x", "b"]] }, options: { k: 5 }, output: (1 + 2 / 3) / 2 },
    { input: { actual: [["w1"], ["w2"]], predicted: [["w1", "new_whale"], ["new_whale", "w2"]] }, options: { k: 5 }, output: 0.75 },
    { input: { actual: [["a"]], predicted: [["a", "a"]] }, options: { k: 5 }, output: 1, note: "a repeated prediction is not counted twice" },
    { input: { actual: [["a", "b", "c"]], predicted: [["x", "a"]] }, options: { k: 1 }, output: 0, note: "only the first k predictions count" },
  ],
  compat:
    "Reproduces MLE-bench's `mlebench.metrics.mean_average_precision_at_k` (after benhamner's ml_metrics): the same hit rule, the same left-to-right float accumulation, `np.mean` over rows and `zip` truncation. Items are compared with `===` (MLE-bench's graders compare text tokens).",
  since: "0.1.0",
  evaluate: ({ actual, predicted }: { actual: ArrayLike<ArrayLike<RankedItem>>; predicted: ArrayLike<ArrayLike<RankedItem>> }, { k }: { k: number }) =>
    meanAveragePrecisionAtK(actual, predicted, k),
});
