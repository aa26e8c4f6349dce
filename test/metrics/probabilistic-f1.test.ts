import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { probabilisticF1 } from "../../metrics/probabilistic-f1.js";
import { MetricError } from "../../src/errors.js";
import { closeMessage, isClose } from "../helpers/close.js";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricError) return error.code;
    throw error;
  }
  return undefined;
}

/** From the definition: clipped sums, precision, recall, F-beta. */
function slow(yTrue: number[], yProb: number[], beta: number): number {
  const p = yProb.map((v) => Math.min(Math.max(v, 0), 1));
  const tp = p.reduce((s, v, i) => s + (yTrue[i] ? v : 0), 0);
  const all = p.reduce((s, v) => s + v, 0);
  const positives = yTrue.filter((y) => y).length;
  const precision = tp / all;
  const recall = tp / positives;
  if (!(precision > 0 && recall > 0)) return 0;
  return ((1 + beta * beta) * precision * recall) / (beta * beta * precision + recall);
}

describe("probabilistic-f1", () => {
  it("hand-checked toy table", () => {
    // pTP = 0.9 + 0.6 = 1.5, pFP = 0.3; P = 1.5/1.8 = 5/6, R = 1.5/2 = 3/4; F1 = 2·(5/8)/(19/12) = 15/19.
    const value = probabilisticF1([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.1]);
    expect(isClose(value, 15 / 19, { rtol: 1e-15 }), closeMessage(value, 15 / 19)).toBe(true);
  });

  it("follows Python's min/max: NaN gives 0, values are clipped", () => {
    expect(probabilisticF1([1, 0], [0.9, NaN])).toBe(0);
    expect(probabilisticF1([1, 0], [NaN, 0.1])).toBe(0);
    expect(probabilisticF1([1, 0], [1.7, -3])).toBe(1);
    expect(probabilisticF1([1, 0, 1], [0, 0, 0])).toBe(0);
  });

  it("throws where the reference divides integers by zero", () => {
    expect(codeOf(() => probabilisticF1([0, 0], [0.5, 0.5]))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => probabilisticF1([1, 0], [-1, -2]))).toBe("UNDEFINED_METRIC");
    expect(codeOf(() => probabilisticF1([1, 0], [0.5]))).toBe("ROW_COUNT_MISMATCH");
  });

  it("matches the definition on random inputs, for several beta", () => {
    const input = fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: -0.5, max: 1.5, noNaN: true })), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(input, fc.constantFrom(0.5, 1, 2), (pairs, beta) => {
        const yTrue = [1, ...pairs.map(([y]) => y)];
        const yProb = [0.5, ...pairs.map(([, p]) => p)];
        return isClose(probabilisticF1(yTrue, yProb, { beta }), slow(yTrue, yProb, beta), { rtol: 1e-12, atol: 1e-15 });
      }),
      { numRuns: 300, seed: 370123 },
    );
  });
});
