/**
 * Reference vectors: every `fixtures/reference/<metric-id>.json` (written by
 * fixtures/reference/generate.py with scikit-learn / scipy) through the registered metric's
 * `evaluate`, to 1e-12 relative unless a case states its own tolerance.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getMetric, parseMetricOptions } from "../../metrics/index.js";
import { MlegradeError } from "../../src/errors.js";
import { isClose, closeMessage } from "../helpers/close.js";
import { REPO_ROOT } from "../helpers/shared.js";

const DIR = join(REPO_ROOT, "fixtures", "reference");

interface ReferenceCase {
  name: string;
  input: Record<string, unknown>;
  options?: Record<string, unknown>;
  expected?: number;
  error?: string;
  rtol?: number;
  atol?: number;
  note?: string;
}

/** Undoes the generator's encoding of non-finite floats ({"$float": "nan"}). */
export function decodeReference<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, inner) => {
    if (inner && typeof inner === "object" && !Array.isArray(inner) && "$float" in inner) {
      return { nan: NaN, inf: Infinity, "-inf": -Infinity }[inner.$float as string];
    }
    return inner;
  }) as T;
}

const files = readdirSync(DIR).filter((name) => name.endsWith(".json")).sort();

describe("reference vectors from scikit-learn / scipy", () => {
  it("exist", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    const document = decodeReference(JSON.parse(readFileSync(join(DIR, file), "utf8")) as { metric: string; cases: ReferenceCase[] });
    describe(document.metric, () => {
      const metric = getMetric(document.metric);
      for (const testCase of document.cases) {
        it(testCase.name, () => {
          const options = parseMetricOptions(metric, testCase.options ?? {});
          if (testCase.error !== undefined) {
            let thrown: unknown;
            try {
              metric.evaluate(testCase.input, options);
            } catch (error) {
              thrown = error;
            }
            expect(thrown, "expected the metric to throw").toBeInstanceOf(MlegradeError);
            expect((thrown as MlegradeError).code).toBe(testCase.error);
            return;
          }
          const actual = metric.evaluate(testCase.input, options);
          const tolerance = { rtol: testCase.rtol, atol: testCase.atol };
          expect(isClose(actual, testCase.expected!, tolerance), closeMessage(actual, testCase.expected!, tolerance)).toBe(true);
        });
      }
    });
  }
});
