import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { toColumns } from "./mean-columnwise-root-mean-squared-error.js";
import { spearmanCorrelation } from "./spearman-correlation.js";

/**
 * Mean column-wise Spearman correlation: Spearman's rank correlation of each target column,
 * averaged over the columns with equal weight (Google QUEST Q&A Labeling).
 *
 * Formula: `score = (1/K) Σ_k ρ(y_·k, ŷ_·k)`. Direction: higher is better, range [−1, 1].
 *
 * Inputs are given column by column: `yTrue[k]` and `yPred[k]` hold column k. Edge cases: a column
 * whose truth or prediction is constant, or holds NaN, has ρ = NaN, which makes the mean NaN
 * (MLE-bench reports it as a valid score); a different number of columns or rows throws
 * ROW_COUNT_MISMATCH; no columns returns NaN.
 *
 * @see https://www.kaggle.com/competitions/google-quest-challenge/overview/evaluation
 * @see docs/metrics/mean-columnwise-spearman.md
 * @throws MetricError ROW_COUNT_MISMATCH
 */
export function meanColumnwiseSpearman(yTrue: readonly ArrayLike<number>[], yPred: readonly ArrayLike<number>[]): number {
  if (yTrue.length !== yPred.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} prediction columns, got ${yPred.length}`);
  }
  const correlations = new Float64Array(yTrue.length);
  for (let k = 0; k < yTrue.length; k++) correlations[k] = spearmanCorrelation(yTrue[k]!, yPred[k]!);
  return numpyMean(correlations);
}

export const meanColumnwiseSpearmanMetric = defineMetric({
  id: "mean-columnwise-spearman",
  aliases: ["column-wise-spearman", "mean-column-wise-spearman"],
  title: "Mean column-wise Spearman correlation",
  description: "Spearman's rank correlation computed for each target column, then averaged over the columns with equal weight.",
  direction: "maximize",
  range: [-1, 1],
  inputKind: "multioutput-regression",
  options: noOptions,
  formula: { latex: String.raw`\frac{1}{K}\sum_{k=1}^{K} \rho\big(y_{\cdot k}, \hat y_{\cdot k}\big)`, text: "The plain mean over columns of each column's Spearman correlation." },
  edgeCases: [
    { when: "a constant column (truth or prediction)", then: "that column's correlation is NaN, so the score is NaN" },
    { when: "NaN in a column", then: "that column's correlation is NaN, so the score is NaN" },
    { when: "a different number of columns or rows", then: "throws ROW_COUNT_MISMATCH" },
    { when: "no columns", then: "returns NaN" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "Google QUEST Q&A Labeling: evaluation", authors: "Google / Kaggle", year: 2020, url: "https://www.kaggle.com/competitions/google-quest-challenge/overview/evaluation" },
    { title: "scipy.stats.spearmanr (SciPy 1.14.1)", url: "https://docs.scipy.org/doc/scipy-1.14.1/reference/generated/scipy.stats.spearmanr.html" },
  ],
  examples: [
    { input: { yTrue: [[1, 1], [2, 2], [3, 3]], yPred: [[1, 3], [2, 2], [3, 1]] }, output: 0, note: "column correlations 1 and −1" },
    { input: { yTrue: [[1, 1], [2, 2], [3, 3]], yPred: [[1, 0.5], [2, 0.5], [3, 0.5]] }, output: NaN, note: "a constant column makes the mean NaN" },
  ],
  compat:
    "Reproduces MLE-bench's google-quest-challenge grader: scipy 1.14.1 `spearmanr(sub[col], ans[col]).correlation` for each of the 30 columns, then `np.mean` (NaN propagates). `evaluate` takes row-major matrices; the function takes one array per column.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: readonly ArrayLike<number>[]; yPred: readonly ArrayLike<number>[] }) => {
    if (yTrue.length !== yPred.length) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} prediction rows, got ${yPred.length}`);
    return meanColumnwiseSpearman(toColumns(yTrue, "y_true"), toColumns(yPred, "y_pred"));
  },
});
