/**
 * The platform-neutral entries (`mlegrade`, `mlegrade/metrics`) must run in a browser: bundling
 * them for the browser platform fails on any Node import, and running the bundle in a context with
 * no Node globals (no process, Buffer, require) must still grade.
 */
import { build } from "esbuild";
import { runInNewContext } from "node:vm";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/shared.js";

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|stream$|url$|util$|crypto$|http$|https$|net$|worker_threads$|zlib$|buffer$|events$)/;

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(REPO_ROOT, entry)],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "mlegrade",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "forbid-node",
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (NODE_BUILTINS.test(args.path)) return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}` }] };
            return undefined;
          });
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Core files: src/ outside node/ and runner/, and all of metrics/. */
function coreFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return path === "src/node" || path === "src/runner" ? [] : coreFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("the core runs anywhere JavaScript runs", () => {
  it("stays small where a page imports little (bundle-size budgets)", async () => {
    const { measure } = await import("../docs/gen/bundle-size.js");
    expect((await measure(`export { parseLeaderboard, computeThresholds, placeScore } from "./src/index.ts";`)).gzipped).toBeLessThan(12 * 1024);
    expect((await measure(`export { rocAuc } from "./src/metrics.ts";`)).gzipped).toBeLessThan(12 * 1024);
    expect((await measure(`export * from "./src/index.ts";`)).gzipped).toBeLessThan(200 * 1024);
  });

  it("imports zod only through zod/mini (the classic API adds about 90 kB gzipped)", () => {
    const offenders = [...coreFiles("src"), ...coreFiles("metrics")].filter((file) => /from "zod"/.test(readFileSync(join(REPO_ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  for (const entry of ["src/index.ts", "src/metrics.ts"]) {
    it(`${entry} bundles for the browser without Node built-ins`, async () => {
      const code = await bundle(entry);
      expect(code.length).toBeGreaterThan(1000);
    });
  }

  it("grades inside a context with no Node globals", async () => {
    const code = await bundle("src/index.ts");
    // A bare context: only the language's own globals plus what browsers also have.
    const context: Record<string, unknown> = { TextDecoder, TextEncoder, console };
    runInNewContext(`${code};\nthis.mlegrade = mlegrade;`, context);
    const api = context.mlegrade as typeof import("../src/index.js");
    expect(runInNewContext("typeof process + typeof Buffer + typeof require", context)).toBe("undefinedundefinedundefined");
    const report = api.grade({
      competition: "spaceship-titanic",
      submission: "PassengerId,Transported\n1,True\n2,False\n",
      answers: new TextEncoder().encode("PassengerId,Transported\n1,True\n2,True\n"),
      leaderboard: "score\n0.9\n0.8\n0.7\n0.5\n",
    });
    expect(report.outcome).toBe("score");
    expect(report.score).toBe(0.5);
    expect(report.rank).toBe(4);
    const validation = api.validate({
      competition: "spaceship-titanic",
      submission: new TextEncoder().encode("PassengerId,Transported\n1,True\n2,maybe\n"),
      sample: "PassengerId,Transported\n1,False\n2,False\n",
    });
    expect(validation.issues.map((i) => i.code)).toEqual(["UNKNOWN_LABEL"]);
    expect(api.participantText(validation)).toMatch(/^Submission invalid! /);
  });
});
