import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { defineMetric } from "./_define.js";
import { checkRegressionInputs } from "./_regression.js";
import { rootMeanSquaredError } from "./root-mean-squared-error.js";

export interface RootMeanSquaredLogErrorOptions {
  /**
   * Which values are accepted: `nonnegative` (scikit-learn 1.5.1, which MLE-bench pins: any
   * negative value raises) or `above-minus-one` (scikit-learn ≥ 1.6: only values ≤ −1, outside the
   * domain of ln(1 + x), raise).
   */
  domain?: "nonnegative" | "above-minus-one";
}

/**
 * Root mean squared logarithmic error: the RMSE between ln(1 + truth) and ln(1 + prediction).
 *
 * Formula: `RMSLE = sqrt((1/n) Σ (ln(1 + ŷ_i) − ln(1 + y_i))²)`. Direction: lower is better,
 * range [0, ∞).
 *
 * Edge cases: a negative value throws OUT_OF_RANGE (scikit-learn 1.5.1; with `domain:
 * "above-minus-one"` only values ≤ −1 do); NaN or infinite values throw MISSING_VALUE / NON_FINITE;
 * different lengths throw ROW_COUNT_MISMATCH; no samples throws UNDEFINED_METRIC.
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#mean-squared-log-error
 * @see docs/metrics/root-mean-squared-log-error.md
 * @throws MetricError OUT_OF_RANGE, MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH, UNDEFINED_METRIC
 */
export function rootMeanSquaredLogError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: RootMeanSquaredLogErrorOptions = {}): number {
  checkRegressionInputs(yTrue, yPred);
  const strict = (options.domain ?? "nonnegative") === "nonnegative";
  const logs: Float64Array[] = [];
  for (const [name, values] of [["y_true", yTrue], ["y_pred", yPred]] as const) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (strict ? value < 0 : value <= -1) {
        throw new MetricError("OUT_OF_RANGE", `${name} position ${i + 1}: expected a value ${strict ? ">= 0" : "> -1"}, got ${value}`);
      }
      out[i] = Math.log1p(value);
    }
    logs.push(out);
  }
  return rootMeanSquaredError(logs[0]!, logs[1]!);
}

export const rootMeanSquaredLogErrorMetric = defineMetric({
  id: "root-mean-squared-log-error",
  aliases: ["rmsle", "root_mean_squared_log_error"],
  title: "Root mean squared logarithmic error",
  description: "RMSE between ln(1 + y) and ln(1 + ŷ): relative rather than absolute errors, for non-negative targets.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "regression",
  options: z.strictObject({
    domain: z
      ._default(z.enum(["nonnegative", "above-minus-one"]), "nonnegative")
      .check(z.describe("accepted values: nonnegative (scikit-learn 1.5.1, pinned by MLE-bench) or above-minus-one (scikit-learn >= 1.6)")),
  }),
  formula: {
    latex: String.raw`\mathrm{RMSLE} = \sqrt{\frac{1}{n}\sum_{i=1}^{n} \big(\ln(1 + \hat y_i) - \ln(1 + y_i)\big)^2}`,
    text: "The RMSE of the log1p-transformed values.",
  },
  edgeCases: [
    { when: "a negative value (default domain)", then: "throws OUT_OF_RANGE, as scikit-learn 1.5.1 raises ValueError" },
    { when: "a value <= -1 with domain above-minus-one", then: "throws OUT_OF_RANGE (scikit-learn >= 1.6)" },
    { when: "NaN in either input", then: "throws MISSING_VALUE" },
    { when: "an infinite value", then: "throws NON_FINITE" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
    { when: "no samples", then: "throws UNDEFINED_METRIC" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "scikit-learn user guide: mean squared logarithmic error", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#mean-squared-log-error" },
  ],
  examples: [
    { input: { yTrue: [3, 5, 2.5, 7], yPred: [2.5, 5, 4, 8] }, output: Math.sqrt(((Math.log(3.5 / 4) ** 2) + (Math.log(5 / 3.5) ** 2) + (Math.log(9 / 8) ** 2)) / 4) },
    { input: { yTrue: [1, 2], yPred: [-0.5, 2] }, output: { throws: "OUT_OF_RANGE" }, note: "scikit-learn 1.5.1 rejects any negative value" },
    { input: { yTrue: [1, 2], yPred: [-0.5, 2] }, options: { domain: "above-minus-one" }, output: Math.sqrt((Math.log(0.5) - Math.log(2)) ** 2 / 2) },
  ],
  compat:
    "Reproduces scikit-learn 1.5.1 `root_mean_squared_log_error` (MLE-bench's pinned version; added in 1.4, absent from Debian's 1.2): length and finiteness checks, then ValueError on any negative value, then RMSE of `log1p`. scikit-learn 1.6 narrowed the rejection to values <= -1 (`domain: \"above-minus-one\"`). nomad2018-predict-transparent-conductors averages it over two columns.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: ArrayLike<number>; yPred: ArrayLike<number> }, options: { domain: "nonnegative" | "above-minus-one" }) =>
    rootMeanSquaredLogError(yTrue, yPred, options),
});
