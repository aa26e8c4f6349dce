/**
 * Registry-driven invariances, checked with fast-check on every metric whose input kind has a
 * generator: values stay within the declared range, symmetric metrics are symmetric, row order
 * does not matter, f(y, y) is the best value, ranking metrics ignore monotone transforms of the
 * scores, and inputs are never mutated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { METRICS, parseMetricOptions, type AnyMetric } from "../../metrics/index.js";
import { MlegradeError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";
import { KINDS, type KindSpec } from "./arbitraries.js";

const RUNS = 200;
const SEED = 20240601;
const tolerance = { rtol: 1e-9, atol: 1e-12 };

function evaluate(metric: AnyMetric, input: Record<string, unknown>): number | MlegradeError {
  try {
    return metric.evaluate(input, parseMetricOptions(metric, {}));
  } catch (error) {
    if (error instanceof MlegradeError) return error;
    throw error;
  }
}

function same(a: number | MlegradeError, b: number | MlegradeError): boolean {
  if (a instanceof MlegradeError || b instanceof MlegradeError) return a instanceof MlegradeError && b instanceof MlegradeError && a.code === b.code;
  return isClose(a, b, tolerance) || isClose(b, a, tolerance);
}

function permute(input: Record<string, unknown>, spec: KindSpec, order: number[]): Record<string, unknown> {
  const out = { ...input };
  for (const key of spec.rowKeys) out[key] = order.map((i) => (input[key] as unknown[])[i]);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

for (const metric of METRICS) {
  const spec = KINDS[metric.inputKind];
  describe.skipIf(!spec)(`${metric.id} invariances`, () => {
    const s = spec!;
    const best = metric.direction === "maximize" ? metric.range[1] : metric.range[0];

    it("never throws anything but an MlegradeError, and does not mutate its inputs", () => {
      fc.assert(fc.property(s.arbitrary, (input) => {
        evaluate(metric, deepFreeze(structuredClone(input)));
      }), { numRuns: RUNS, seed: SEED });
    });

    if (metric.properties.bounded) {
      it(`stays within ${metric.range}`, () => {
        fc.assert(fc.property(s.arbitrary, (input) => {
          const value = evaluate(metric, input);
          return value instanceof MlegradeError || Number.isNaN(value) || (value >= metric.range[0] - 1e-12 && value <= metric.range[1] + 1e-12);
        }), { numRuns: RUNS, seed: SEED });
      });
    }

    if (metric.properties.symmetric) {
      it("is symmetric in truth and prediction", () => {
        fc.assert(fc.property(s.arbitrary, (input) => {
          const swapped = { ...input, [s.truthKey]: input[s.predictionKey], [s.predictionKey]: input[s.truthKey] };
          return same(evaluate(metric, input), evaluate(metric, swapped));
        }), { numRuns: RUNS, seed: SEED });
      });
    }

    if (metric.properties.orderInvariant) {
      it("does not depend on row order", () => {
        fc.assert(fc.property(s.arbitrary, fc.integer(), (input, salt) => {
          const n = (input[s.rowKeys[0]!] as unknown[]).length;
          const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * 2654435761 + salt) >>> 0) % 1009 - ((b * 2654435761 + salt) >>> 0) % 1009 || a - b);
          return same(evaluate(metric, input), evaluate(metric, permute(input, s, order)));
        }), { numRuns: RUNS, seed: SEED });
      });
    }

    if (metric.properties.perfectIsBest) {
      it(`gives its best value ${best} when the prediction equals the truth`, () => {
        fc.assert(fc.property(s.arbitrary, (input) => {
          const perfect = s.perfect ? s.perfect(input) : { ...input, [s.predictionKey]: input[s.truthKey] };
          const value = evaluate(metric, perfect);
          return value instanceof MlegradeError || Number.isNaN(value) || isClose(value, best, tolerance);
        }), { numRuns: RUNS, seed: SEED });
      });
    }

    if (metric.properties.monotoneInvariant && spec?.scoreKey) {
      it("ignores a strictly increasing transform of the scores", () => {
        fc.assert(fc.property(s.arbitrary, (input) => {
          const scores = input[s.scoreKey!] as number[];
          const transformed = { ...input, [s.scoreKey!]: scores.map((x) => Math.atan(x) * 3 + 1) };
          return same(evaluate(metric, input), evaluate(metric, transformed));
        }), { numRuns: RUNS, seed: SEED });
      });
    }
  });
}

describe("invariance coverage", () => {
  it("every metric kind used has a generator, or is declared custom", () => {
    const uncovered = METRICS.filter((m) => !KINDS[m.inputKind] && m.inputKind !== "custom").map((m) => `${m.id} (${m.inputKind})`);
    expect(uncovered).toEqual([]);
  });
});
