/**
 * Streaming validation in bounded memory: a generated 64 MiB submission (ids and 20 probability
 * columns) validated by the built package in a fresh process (bench/validate-large.mjs), whose
 * peak resident memory must stay under 200 MiB. `node bench/validate-large.mjs --mb 1024` runs
 * the same for 1 GB.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, "dist", "node.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
});

describe("streaming validation memory", () => {
  for (const reference of ["definition", "sample"]) {
    it(`64 MiB against the ${reference}: peak resident memory under 200 MiB`, () => {
      const run = spawnSync(process.execPath, [join(REPO_ROOT, "bench/validate-large.mjs"), "--mb", "64", "--reference", reference], { encoding: "utf8", cwd: REPO_ROOT });
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as { rows: number; peakRssMiB: number; valid: boolean; counts: Record<string, number> };
      expect(result.rows).toBeGreaterThan(300_000);
      expect(result.valid).toBe(reference === "definition");
      if (reference === "sample") expect(result.counts.UNEXPECTED_IDS).toBe(result.rows - 100_000);
      expect(result.peakRssMiB).toBeLessThan(200);
    }, 120_000);
  }
});
