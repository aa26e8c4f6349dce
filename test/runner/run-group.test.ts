/**
 * Run groups survive crashes: after `kill -9` of the runner, `--resume` skips finished runs,
 * re-runs unfinished ones, and never loses or duplicates a report. Uses a stand-in backend in a
 * real child process (the Docker end-to-end test does the same with real containers).
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadState, runPaths } from "../../src/runner/state.js";
import { CONFORMANCE, REPO_ROOT, hasShared } from "../helpers/shared.js";

const SCRIPT = join(REPO_ROOT, "test", "runner", "fixtures", "fake-run-group.ts");

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mlegrade-rg-data-"));
  mkdirSync(join(dir, "spaceship-titanic", "prepared", "private"), { recursive: true });
  mkdirSync(join(dir, "spaceship-titanic", "prepared", "public"), { recursive: true });
  copyFileSync(join(CONFORMANCE, "spaceship-titanic", "answers.csv"), join(dir, "spaceship-titanic", "prepared", "private", "test.csv"));
  return dir;
}

const submission = join(CONFORMANCE, "spaceship-titanic", "cases", "good.csv");

describe.skipIf(!hasShared)("run group state", () => {
  it("kill -9 mid-group, then --resume: finished runs kept, the rest re-run, one report each", async () => {
    const data = dataDir();
    const out = join(mkdtempSync(join(tmpdir(), "mlegrade-rg-")), "group");
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, out, data, submission], { cwd: REPO_ROOT, env: { ...process.env, RUN_MS: "700" } });
    // Kill the runner right after the second run started (the first has its report).
    await new Promise<void>((resolve, reject) => {
      let starts = 0;
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        for (const line of lines) {
          if (JSON.parse(line).type === "start" && ++starts === 2) {
            child.kill("SIGKILL");
            resolve();
          }
        }
      });
      child.on("exit", () => reject(new Error("runner exited before it could be killed")));
    });
    await new Promise((resolve) => child.on("close", resolve));

    const crashed = loadState(out);
    expect(crashed.runs.map((r) => r.status)).toEqual(["finished", "running", "pending", "pending"]);
    const first = runPaths(out, crashed.runs[0]!).report;
    const firstReport = readFileSync(first, "utf8");
    const firstMtime = statSync(first).mtimeMs;
    expect(existsSync(runPaths(out, crashed.runs[1]!).report)).toBe(false);

    const resumed = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, out, data, submission, "--resume"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, RUN_MS: "50" } });
    expect(resumed.status, resumed.stderr).toBe(0);
    const events = resumed.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(events.filter((e) => e.type === "skip").map((e) => e.run)).toEqual(["spaceship-titanic/seed-0"]);
    expect(events.filter((e) => e.type === "start").map((e) => e.run)).toEqual(["spaceship-titanic/seed-1", "spaceship-titanic/seed-2", "spaceship-titanic/seed-3"]);

    const state = loadState(out);
    expect(state.runs.map((r) => [r.status, r.attempts])).toEqual([["finished", 1], ["finished", 2], ["finished", 1], ["finished", 1]]);
    // The finished run's report was neither rewritten nor duplicated.
    expect(readFileSync(first, "utf8")).toBe(firstReport);
    expect(statSync(first).mtimeMs).toBe(firstMtime);
    for (const run of state.runs) {
      const files = readdirSync(runPaths(out, run).dir);
      expect(files.filter((f) => f.startsWith("report")), run.id).toEqual(["report.json"]);
    }
    // No temporary files left by the atomic writes.
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const summary = JSON.parse(readFileSync(join(out, "grading_report.json"), "utf8"));
    expect(summary.total_runs).toBe(4);
    expect(summary.total_valid_submissions).toBe(4);
    expect(summary.competition_reports.map((r: { run_id: string }) => r.run_id)).toEqual(state.runs.map((r) => r.id));
    expect(summary.competition_reports[0].score).toBe(0.83218);
  }, 60_000);

  it("refuses to start a new group in a folder that holds one", () => {
    const data = dataDir();
    const out = join(mkdtempSync(join(tmpdir(), "mlegrade-rg-")), "group");
    expect(spawnSync(process.execPath, ["--import", "tsx", SCRIPT, out, data, submission], { cwd: REPO_ROOT, env: { ...process.env, RUN_MS: "1" } }).status).toBe(0);
    const again = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, out, data, submission], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, RUN_MS: "1" } });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already holds a run group/);
  }, 60_000);
});
