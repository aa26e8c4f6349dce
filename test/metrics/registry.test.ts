/**
 * The metric registry is complete and every descriptor is well formed: each file in metrics/ is
 * registered, ids match file names, every property flag is declared, the TSDoc agrees with the
 * descriptor (direction and reference URL), and every example in the metadata runs as stated.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { METRICS, getMetric, parseMetricOptions } from "../../metrics/index.js";
import { MlegradeError } from "../../src/errors.js";
import { isClose } from "../helpers/close.js";
import { REPO_ROOT } from "../helpers/shared.js";

const METRICS_DIR = join(REPO_ROOT, "metrics");
const metricFiles = readdirSync(METRICS_DIR).filter((f) => f.endsWith(".ts") && !f.startsWith("_") && f !== "index.ts");
const FLAGS = ["symmetric", "orderInvariant", "bounded", "perfectIsBest", "monotoneInvariant"] as const;

describe("metric registry", () => {
  it("registers every file in metrics/ (and nothing else)", () => {
    expect(METRICS.map((m) => `${m.id}.ts`).sort()).toEqual([...metricFiles].sort());
  });

  for (const metric of METRICS) {
    describe(metric.id, () => {
      const source = readFileSync(join(METRICS_DIR, `${metric.id}.ts`), "utf8");

      it("has a complete descriptor", () => {
        expect(metric.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(["maximize", "minimize"]).toContain(metric.direction);
        expect(metric.range[0]).toBeLessThanOrEqual(metric.range[1]);
        for (const flag of FLAGS) expect(typeof metric.properties[flag], flag).toBe("boolean");
        if (metric.properties.bounded) expect(Number.isFinite(metric.range[0]) && Number.isFinite(metric.range[1])).toBe(true);
        expect(metric.references.length).toBeGreaterThan(0);
        for (const ref of metric.references) expect(ref.url).toMatch(/^https:\/\//);
        expect(metric.examples.length).toBeGreaterThan(0);
        expect(metric.edgeCases.length).toBeGreaterThan(0);
        expect(metric.formula.latex.length).toBeGreaterThan(0);
        expect(metric.compat.length).toBeGreaterThan(20);
        expect(metric.since).toMatch(/^\d+\.\d+\.\d+$/);
        for (const alias of metric.aliases) expect(getMetric(alias)).toBe(metric);
      });

      it("TSDoc states the same direction and reference as the descriptor", () => {
        const doc = source.match(/\/\*\*[\s\S]*?\*\/\s*export function/)?.[0];
        expect(doc, "a TSDoc comment on the exported function").toBeDefined();
        expect(doc).toContain(metric.direction === "maximize" ? "higher is better" : "lower is better");
        expect(doc).toContain(`@see ${metric.references[0]!.url}`);
        expect(doc).toContain(`@see docs/metrics/${metric.id}.md`);
      });

      metric.examples.forEach((example, i) => {
        it(`example ${i + 1}${example.note ? `: ${example.note}` : ""}`, () => {
          const options = parseMetricOptions(metric, example.options ?? {});
          if (typeof example.output === "object") {
            let thrown: unknown;
            try {
              metric.evaluate(example.input, options);
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(MlegradeError);
            expect((thrown as MlegradeError).code).toBe(example.output.throws);
          } else {
            const actual = metric.evaluate(example.input, options);
            expect(isClose(actual, example.output), `expected ${example.output}, got ${actual}`).toBe(true);
          }
        });
      });
    });
  }
});
