import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLOAT64_EPS, logLoss } from "../../metrics/log-loss.js";
import { MetricError } from "../../src/errors.js";
import { closeMessage, isClose } from "../helpers/close.js";

const SEED = 424242;

function expectClose(actual: number, expected: number, tolerance = { rtol: 1e-12 }): void {
  expect(isClose(actual, expected, tolerance), closeMessage(actual, expected, tolerance)).toBe(true);
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricError) return error.code;
    throw error;
  }
  return undefined;
}

/** Straight from the definition: −ln of the clipped probability of the true class, averaged. */
function slowLogLoss(classes: number[], rows: number[][]): number {
  let total = 0;
  classes.forEach((c, i) => {
    const p = Math.min(Math.max(rows[i]![c]!, FLOAT64_EPS), 1 - FLOAT64_EPS);
    total += -Math.log(p);
  });
  return total / classes.length;
}

describe("log-loss: hand-checked values", () => {
  it("binary 1-D probabilities are the positive class", () => {
    // −(ln 0.8 + ln 0.7 + ln 0.9) / 3 = (0.2231435513 + 0.3566749439 + 0.1053605157) / 3
    expectClose(logLoss([0, 1, 1], [0.2, 0.7, 0.9]), 0.2283930036, { rtol: 1e-9 });
  });

  it("the larger label is the positive class, whatever its type", () => {
    const numeric = logLoss([0, 1, 1], [0.2, 0.7, 0.9]);
    expect(logLoss(["cat", "dog", "dog"], [0.2, 0.7, 0.9])).toBe(numeric);
    expect(logLoss([false, true, true], [0.2, 0.7, 0.9])).toBe(numeric);
    expect(logLoss([3, 8, 8], [0.2, 0.7, 0.9])).toBe(numeric);
    // Booleans mixed with numbers compare as 0/1, as numpy does.
    expect(logLoss([0, true, 1], [0.2, 0.7, 0.9])).toBe(numeric);
  });

  it("one-hot rows, labels and a Matrix object agree", () => {
    const rows = [[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.1, 0.1, 0.8]];
    const expected = -(Math.log(0.7) + Math.log(0.6) + Math.log(0.8)) / 3;
    expectClose(logLoss([1, 0, 2], rows), expected);
    expectClose(logLoss([[0, 1, 0], [1, 0, 0], [0, 0, 1]], rows), expected);
    const data = Float64Array.from(rows.flat());
    expectClose(logLoss({ rows: 3, cols: 3, data: Float64Array.from([0, 1, 0, 1, 0, 0, 0, 0, 1]) }, { rows: 3, cols: 3, data }), expected);
  });

  it("does not renormalise rows (scikit-learn ≥ 1.5)", () => {
    // A row [0.2, 0.4] with true class 1 costs −ln 0.4, not −ln(0.4 / 0.6).
    expectClose(logLoss([[0, 1], [1, 0]], [[0.2, 0.4], [0.5, 0.5]]), -(Math.log(0.4) + Math.log(0.5)) / 2);
    expectClose(logLoss([[0, 1], [1, 0]], [[0.2, 0.4], [0.5, 0.5]], { normalizeRows: true }), -(Math.log(0.4 / 0.6000000000000001) + Math.log(0.5)) / 2);
  });

  it("clips 0 and 1 at float64 epsilon, or at the eps option", () => {
    expect(logLoss([0, 1], [1, 0])).toBe(-Math.log(FLOAT64_EPS));
    expect(logLoss([0, 1], [1, 0], { eps: 1e-15 })).toBe(-Math.log(1e-15));
    expectClose(logLoss([0, 1], [1.5, -0.5]), -Math.log(FLOAT64_EPS));
  });

  it("throws typed errors where scikit-learn raises", () => {
    expect(codeOf(() => logLoss([1, 1], [0.2, 0.3]))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => logLoss([], []))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => logLoss([0, 1], [0.2, NaN]))).toBe("MISSING_VALUE");
    expect(codeOf(() => logLoss([0, 1], [0.2, Infinity]))).toBe("NON_FINITE");
    expect(codeOf(() => logLoss([0, 1, 1], [0.2, 0.3]))).toBe("ROW_COUNT_MISMATCH");
    expect(codeOf(() => logLoss([0, 1, 2], [0.2, 0.3, 0.4]))).toBe("MISSING_COLUMN");
    expect(codeOf(() => logLoss([[1, 0], [0, 1]], [[0.2, 0.3, 0.5], [0.2, 0.3, 0.5]]))).toBe("UNEXPECTED_COLUMN");
    expect(codeOf(() => logLoss([0.5, 1], [0.2, 0.3]))).toBe("NON_INTEGER");
    expect(codeOf(() => logLoss([[0.5, 0.5], [0, 1]], [[0.2, 0.8], [0.3, 0.7]]))).toBe("NON_INTEGER");
    expect(codeOf(() => logLoss([[0, 1], [1, 2], [2, 0]], [[0.2, 0.8], [0.3, 0.7], [0.5, 0.5]]))).toBe("LABEL_TYPE_MISMATCH");
    expect(codeOf(() => logLoss([[0, 1], [1]], [[0.2, 0.8], [0.3, 0.7]]))).toBe("MALFORMED_PREDICTION");
  });

  it("handles 10^7 probabilities quickly", () => {
    const n = 5_000_000;
    const yTrue = new Float64Array(n);
    const yProb = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yTrue[i] = i % 3 === 0 ? 1 : 0;
      yProb[i] = ((i * 7919) % 1000) / 1000;
    }
    const start = performance.now();
    const value = logLoss(yTrue, yProb);
    const seconds = (performance.now() - start) / 1000;
    expect(Number.isFinite(value)).toBe(true);
    // 5·10^6 rows are 10^7 values after widening to [1 − p, p]; generous bound for shared CI machines.
    expect(seconds).toBeLessThan(5);
  });
});

describe("log-loss: properties against the definition", () => {
  const rows = fc.integer({ min: 2, max: 30 }).chain((n) =>
    fc.integer({ min: 2, max: 6 }).chain((k) =>
      fc.record({
        classes: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
        probs: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
      }),
    ),
  );

  it("equals the mean of −ln p(true class) with one-hot truth", () => {
    fc.assert(
      fc.property(rows, ({ classes, probs }) => {
        const k = probs[0]!.length;
        const oneHot = classes.map((c) => Array.from({ length: k }, (_, j) => (j === c ? 1 : 0)));
        return isClose(logLoss(oneHot, probs), slowLogLoss(classes, probs), { rtol: 1e-12 });
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("1-D binary probabilities equal the two-column form", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 40 }), (pairs) => {
        const yTrue = [0, 1, ...pairs.map(([y]) => y)];
        const yProb = [0.3, 0.6, ...pairs.map(([, p]) => p)];
        return logLoss(yTrue, yProb) === logLoss(yTrue, yProb.map((p) => [1 - p, p]));
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
