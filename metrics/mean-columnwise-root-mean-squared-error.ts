import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric, noOptions } from "./_define.js";
import { rootMeanSquaredError } from "./root-mean-squared-error.js";

/**
 * Mean column-wise root mean squared error (MCRMSE): the RMSE of each target column, averaged
 * over the columns with equal weight.
 *
 * Formula: `MCRMSE = (1/K) Σ_k sqrt((1/n) Σ_i (y_ik − ŷ_ik)²)`. Direction: lower is better,
 * range [0, ∞).
 *
 * Inputs are given column by column: `yTrue[k]` and `yPred[k]` hold column k. Edge cases: NaN or
 * infinite values throw MISSING_VALUE / NON_FINITE; columns of different lengths throw
 * ROW_COUNT_MISMATCH; a different number of columns throws ROW_COUNT_MISMATCH; no rows throws
 * UNDEFINED_METRIC; no columns returns NaN (numpy's mean of nothing).
 *
 * @see https://www.kaggle.com/competitions/stanford-covid-vaccine/overview/evaluation
 * @see docs/metrics/mean-columnwise-root-mean-squared-error.md
 * @throws MetricError MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH, UNDEFINED_METRIC
 */
export function meanColumnwiseRootMeanSquaredError(yTrue: readonly ArrayLike<number>[], yPred: readonly ArrayLike<number>[]): number {
  if (yTrue.length !== yPred.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} prediction columns, got ${yPred.length}`);
  }
  const errors = new Float64Array(yTrue.length);
  for (let k = 0; k < yTrue.length; k++) {
    try {
      errors[k] = rootMeanSquaredError(yTrue[k]!, yPred[k]!);
    } catch (error) {
      if (error instanceof MetricError) throw new MetricError(error.code, `column ${k + 1}: ${error.message}`);
      throw error;
    }
  }
  return numpyMean(errors);
}

/** Row-major matrices (one array per row) as one array per column. */
export function toColumns(rows: readonly ArrayLike<number>[], name: string): Float64Array[] {
  const width = rows.length > 0 ? rows[0]!.length : 0;
  const columns = Array.from({ length: width }, () => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    if (row.length !== width) throw new MetricError("ROW_COUNT_MISMATCH", `${name} row ${i + 1}: expected ${width} values, got ${row.length}`);
    for (let k = 0; k < width; k++) columns[k]![i] = row[k]!;
  });
  return columns;
}

export const meanColumnwiseRootMeanSquaredErrorMetric = defineMetric({
  id: "mean-columnwise-root-mean-squared-error",
  aliases: ["mcrmse", "mean-column-wise-rmse"],
  title: "Mean column-wise root mean squared error (MCRMSE)",
  description: "RMSE computed separately for each target column, then averaged over the columns with equal weight.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "multioutput-regression",
  options: noOptions,
  formula: {
    latex: String.raw`\mathrm{MCRMSE} = \frac{1}{K}\sum_{k=1}^{K} \sqrt{\frac{1}{n}\sum_{i=1}^{n} (y_{ik} - \hat y_{ik})^2}`,
    text: "For each column, the RMSE over the rows; then the plain mean over columns.",
  },
  edgeCases: [
    { when: "NaN in either input", then: "throws MISSING_VALUE" },
    { when: "an infinite value", then: "throws NON_FINITE" },
    { when: "rows of different widths, or a different number of rows", then: "throws ROW_COUNT_MISMATCH" },
    { when: "no rows", then: "throws UNDEFINED_METRIC" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "OpenVaccine: COVID-19 mRNA Vaccine Degradation Prediction, evaluation", authors: "Stanford Das Lab / Kaggle", year: 2020, url: "https://www.kaggle.com/competitions/stanford-covid-vaccine/overview/evaluation" },
    { title: "scikit-learn user guide: mean squared error", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#mean-squared-error" },
  ],
  examples: [
    { input: { yTrue: [[1, 10], [2, 20]], yPred: [[1, 13], [4, 17]] }, output: (Math.sqrt(2) + 3) / 2, note: "column RMSEs √2 and 3" },
    { input: { yTrue: [[1, 2]], yPred: [[1, NaN]] }, output: { throws: "MISSING_VALUE" } },
  ],
  compat:
    "Reproduces MLE-bench's stanford-covid-vaccine grader: scikit-learn 1.5 `root_mean_squared_error` per column, then `np.mean` over the columns (equal to `root_mean_squared_error(multioutput='uniform_average')`). `evaluate` takes row-major matrices; the function takes one array per column.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: readonly ArrayLike<number>[]; yPred: readonly ArrayLike<number>[] }) => {
    if (yTrue.length !== yPred.length) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} prediction rows, got ${yPred.length}`);
    if (yTrue.length === 0) throw new MetricError("UNDEFINED_METRIC", "expected at least 1 sample, got 0");
    return meanColumnwiseRootMeanSquaredError(toColumns(yTrue, "y_true"), toColumns(yPred, "y_pred"));
  },
});
