/** Slow, obviously-correct reference implementations and small helpers for the metric tests. */
import { MetricError } from "../../src/errors.js";
import { fsum } from "../../src/_internal/numeric.js";

/** The code of the MetricError `fn` throws, undefined when it returns. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof MetricError ? error.code : "not a MetricError";
  }
  return undefined;
}

/** RMSE from the definition, with an exactly rounded sum. */
export function slowRmse(t: readonly number[], p: readonly number[]): number {
  return Math.sqrt(fsum(t.map((x, i) => (x - p[i]!) ** 2)) / t.length);
}

/** Pearson's r from the textbook formula with exactly rounded sums. */
export function slowPearson(x: readonly number[], y: readonly number[]): number {
  const mx = fsum(x) / x.length;
  const my = fsum(y) / y.length;
  const sxy = fsum(x.map((v, i) => (v - mx) * (y[i]! - my)));
  const sxx = fsum(x.map((v) => (v - mx) ** 2));
  const syy = fsum(y.map((v) => (v - my) ** 2));
  return sxy / Math.sqrt(sxx * syy);
}

/** Average ranks by counting: rank = #smaller + (#equal + 1) / 2. */
export function slowRanks(values: readonly number[]): number[] {
  return values.map((v) => values.filter((w) => w < v).length + (values.filter((w) => w === v).length + 1) / 2);
}
