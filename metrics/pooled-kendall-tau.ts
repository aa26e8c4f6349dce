import { MetricError } from "../src/errors.js";
import { defineMetric, noOptions } from "./_define.js";

/**
 * Pooled Kendall tau over groups of ordered items (Google AI4Code): the predicted order of each
 * group's items is compared with the true order, and discordant pairs are pooled over all groups
 * before normalising.
 *
 * Formula: for group g with n_g items, `ranks` are the positions in the true order of the items in
 * predicted order, and I_g is the number of inversions of `ranks` (pairs i < j with
 * ranks_i > ranks_j); `τ = 1 − 4 Σ_g I_g / Σ_g n_g(n_g − 1)`. Direction: higher is better, range
 * [−1, 1] (when each prediction is a permutation of its truth).
 *
 * Edge cases: an item may appear several times, and then its first position in the true order is
 * used; a predicted item absent from the true order throws MISSING_IDS (Python's `list.index`
 * raises ValueError); no pairs at all (every group has fewer than 2 items) throws UNDEFINED_METRIC
 * (ZeroDivisionError); a different number of groups throws ROW_COUNT_MISMATCH. n_g is the length
 * of the true order; group sizes are not otherwise compared.
 *
 * @see https://www.kaggle.com/code/ryanholbrook/competition-metric-kendall-tau-correlation
 * @see docs/metrics/pooled-kendall-tau.md
 * @throws MetricError MISSING_IDS, UNDEFINED_METRIC, ROW_COUNT_MISMATCH
 */
export function pooledKendallTau(yTrue: readonly (readonly string[])[], yPred: readonly (readonly string[])[]): number {
  if (yTrue.length !== yPred.length) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} predicted orders, got ${yPred.length}`);
  let inversions = 0;
  let pairs = 0;
  for (let g = 0; g < yTrue.length; g++) {
    const truth = yTrue[g]!;
    const predicted = yPred[g]!;
    const position = new Map<string, number>();
    truth.forEach((item, i) => {
      if (!position.has(item)) position.set(item, i);
    });
    const ranks = new Int32Array(predicted.length);
    predicted.forEach((item, i) => {
      const rank = position.get(item);
      if (rank === undefined) throw new MetricError("MISSING_IDS", `group ${g + 1}: expected item ${JSON.stringify(item)} in the true order, got none`);
      ranks[i] = rank;
    });
    inversions += countInversions(ranks);
    pairs += truth.length * (truth.length - 1);
  }
  if (pairs === 0) throw new MetricError("UNDEFINED_METRIC", "expected at least one group with 2 or more items, got none");
  return 1 - (4 * inversions) / pairs;
}

/** Pairs i < j with values[i] > values[j], by merge sort in O(n log n); sorts `values` in place. */
export function countInversions(values: Int32Array): number {
  const n = values.length;
  let count = 0;
  let source: Int32Array = values;
  let target: Int32Array = new Int32Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let start = 0; start < n; start += 2 * width) {
      const middle = Math.min(start + width, n);
      const end = Math.min(start + 2 * width, n);
      let i = start;
      let j = middle;
      let k = start;
      while (i < middle && j < end) {
        if (source[j]! < source[i]!) {
          count += middle - i;
          target[k++] = source[j++]!;
        } else {
          target[k++] = source[i++]!;
        }
      }
      while (i < middle) target[k++] = source[i++]!;
      while (j < end) target[k++] = source[j++]!;
    }
    [source, target] = [target, source];
  }
  return count;
}

export const pooledKendallTauMetric = defineMetric({
  id: "pooled-kendall-tau",
  aliases: ["kendall-tau", "kendall-tau-inversions"],
  title: "Kendall tau pooled over groups",
  description: "Kendall rank correlation between predicted and true orders of items, with discordant pairs pooled over all groups before normalising.",
  direction: "maximize",
  range: [-1, 1],
  // Lists of string items per group, which no shared generator produces; the metric's own test
  // checks its properties.
  inputKind: "custom",
  options: noOptions,
  formula: {
    latex: String.raw`\tau = 1 - \frac{4\sum_g I_g}{\sum_g n_g (n_g - 1)}`,
    text: "One minus four times the pooled number of discordant pairs over the pooled number of ordered pairs.",
  },
  edgeCases: [
    { when: "a predicted item that is not in the true order", then: "throws MISSING_IDS (Python's list.index raises ValueError)" },
    { when: "every group has fewer than two items", then: "throws UNDEFINED_METRIC (division by zero)" },
    { when: "an item repeated in the true order", then: "its first position is used" },
    { when: "a different number of groups", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Competition metric: Kendall tau correlation (AI4Code)", authors: "Ryan Holbrook / Kaggle", year: 2022, url: "https://www.kaggle.com/code/ryanholbrook/competition-metric-kendall-tau-correlation" },
    { title: "Google AI4Code: evaluation", authors: "Google / Kaggle", year: 2022, url: "https://www.kaggle.com/competitions/AI4Code/overview/evaluation" },
  ],
  examples: [
    { input: { yTrue: [["a", "b", "c"]], yPred: [["a", "b", "c"]] }, output: 1 },
    { input: { yTrue: [["a", "b", "c"]], yPred: [["c", "b", "a"]] }, output: -1 },
    { input: { yTrue: [["a", "b", "c"], ["x", "y"]], yPred: [["b", "a", "c"], ["x", "y"]] }, output: 1 - 4 / 8, note: "one discordant pair out of 3 + 1, pooled" },
    { input: { yTrue: [["a", "b"]], yPred: [["a", "z"]] }, output: { throws: "MISSING_IDS" } },
  ],
  compat:
    "Reproduces the Kaggle metric notebook's `kendall_tau` that MLE-bench's AI4Code grader copies: ranks by `list.index` (first occurrence), inversions counted with strict comparisons (bisect_right), Python integer sums, then `1 - 4 * inversions / pairs` as a Python float. MLE-bench passes the submission's orders as the truth argument and the answers' as the prediction; for permutations the count is the same either way.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: readonly (readonly string[])[]; yPred: readonly (readonly string[])[] }) => pooledKendallTau(yTrue, yPred),
});
