/**
 * Input checks shared by the regression metrics, with scikit-learn's rules (`_check_reg_targets`,
 * `check_array`): equal lengths, finite values, at least one sample.
 */
import { MetricError } from "../src/errors.js";

/** Equal lengths and every value finite; throws the error scikit-learn would raise, located by position. */
export function checkRegressionInputs(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length !== yPred.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} predictions, got ${yPred.length}`);
  }
  for (const [name, values] of [["y_true", yTrue], ["y_pred", yPred]] as const) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (!Number.isFinite(value)) {
        const code = Number.isNaN(value) ? "MISSING_VALUE" : "NON_FINITE";
        throw new MetricError(code, `${name} position ${i + 1}: expected a finite number, got ${value}`);
      }
    }
  }
}

/** scikit-learn's `check_array` needs at least one sample. */
export function requireSamples(n: number): void {
  if (n === 0) throw new MetricError("UNDEFINED_METRIC", "expected at least 1 sample, got 0");
}

/**
 * `transform(ŷ − y)` per row, after the checks above. One pass: a NaN or infinite input makes its
 * difference non-finite, and only then are the inputs checked for the precise error.
 */
export function transformedErrors(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, transform: (difference: number) => number): Float64Array {
  if (yTrue.length !== yPred.length) checkRegressionInputs(yTrue, yPred);
  const out = new Float64Array(yTrue.length);
  let suspect = false;
  for (let i = 0; i < out.length; i++) {
    const difference = yPred[i]! - yTrue[i]!;
    if (difference - difference !== 0) suspect = true;
    out[i] = transform(difference);
  }
  if (suspect) checkRegressionInputs(yTrue, yPred);
  requireSamples(yTrue.length);
  return out;
}
