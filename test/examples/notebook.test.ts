/**
 * The notebook's code cells, run in order as one plain script against the built package (what
 * `npm:mlegrade` resolves to) with a small stand-in for the `Deno` global, on a real leaderboard.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readSimpleCsv } from "../helpers/csv.js";
import { LEADERBOARDS, REPO_ROOT, hasShared } from "../helpers/shared.js";

const NOTEBOOK = join(REPO_ROOT, "examples", "notebook", "medal-thresholds.ipynb");
const DIST = join(REPO_ROOT, "dist", "index.js");

const DENO_SHIM = `
import { readFile } from "node:fs/promises";
globalThis.Deno = {
  env: { get: (name) => process.env[name] },
  readTextFile: (path) => readFile(path, "utf8"),
  jupyter: {
    svg: (strings, ...values) => {
      const svg = String.raw({ raw: strings }, ...values);
      console.log("SVG " + svg.length + " " + (svg.match(/<line class="threshold/g) ?? []).length + " thresholds");
      return { svg };
    },
  },
};
`;

describe.skipIf(!hasShared)("examples/notebook", () => {
  it("is a Deno-kernel notebook whose code cells run as a script", () => {
    expect(existsSync(DIST), "run npm run build first").toBe(true);
    const notebook = JSON.parse(readFileSync(NOTEBOOK, "utf8"));
    expect(notebook.metadata.kernelspec.name).toBe("deno");
    const code = notebook.cells
      .filter((cell: { cell_type: string }) => cell.cell_type === "code")
      .map((cell: { source: string[] }) => cell.source.join(""))
      .join("\n;\n")
      .replaceAll('"npm:mlegrade"', JSON.stringify(pathToFileURL(DIST).href));
    const script = join(mkdtempSync(join(tmpdir(), "mlegrade-notebook-")), "notebook.mjs");
    writeFileSync(script, DENO_SHIM + code);
    const leaderboard = join(LEADERBOARDS, "spaceship-titanic.csv");
    const run = spawnSync(process.execPath, [script], { encoding: "utf8", env: { ...process.env, MLEGRADE_LEADERBOARD: leaderboard } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const reference = readSimpleCsv(join(LEADERBOARDS, "thresholds-reference.csv")).find((r) => r.competition_id === "spaceship-titanic")!;
    expect(run.stdout).toContain(`gold ${Number(reference.gold_threshold)}, silver ${Number(reference.silver_threshold)}, bronze ${Number(reference.bronze_threshold)}, median ${Number(reference.median_threshold)}`);
    expect(run.stdout).toMatch(/SVG \d+ 4 thresholds/);
    expect(run.stdout).toMatch(/'gold'/);
    expect(run.stdout).toMatch(/5000/);
  });
});
