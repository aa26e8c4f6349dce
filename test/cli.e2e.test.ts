/**
 * The built CLI (`dist/cli.js`, what `npx mlegrade` runs) as a user meets it: real processes,
 * real files, exit codes, stdout/stderr separation, no stack traces for user mistakes.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONFORMANCE, LEADERBOARDS, REPO_ROOT, hasShared } from "./helpers/shared.js";

const CLI = join(REPO_ROOT, "dist", "cli.js");

function mlegrade(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does)");
});

describe("mlegrade CLI (built)", () => {
  it("demo: grades the bundled submission and prints score, medal and rank", () => {
    const { code, stdout, stderr } = mlegrade("demo");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/spaceship-titanic: score 0\.806 /);
    expect(stdout).toMatch(/medal: bronze/);
    expect(stdout).toMatch(/rank: 92 of 400 teams/);
  });

  it("a reader that goes away (| head) ends the process quietly", async () => {
    const child = spawn(process.execPath, [CLI, "list"], { cwd: REPO_ROOT });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("--help and --version", () => {
    expect(mlegrade("--help").stdout).toMatch(/Commands:/);
    expect(mlegrade("grade", "--help").stdout).toMatch(/--competition ID/);
    expect(mlegrade("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("usage errors exit 2 with a message on stderr and no stack trace", () => {
    for (const args of [["grade"], ["grade", "--competition", "spaceship-titanic"], ["nope"], ["grade", "--bogus"], ["grade", "--competition", "spaceship-titanik", "--submission", "x.csv", "--answers", "y.csv"]]) {
      const { code, stdout, stderr } = mlegrade(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^mlegrade: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(mlegrade("grade", "--competition", "spaceship-titanik", "--submission", "x", "--answers", "y").stderr).toMatch(/did you mean "spaceship-titanic"/);
  });

  it("a missing answers file is a usage error naming the file", () => {
    const { code, stderr } = mlegrade("grade", "--competition", "spaceship-titanic", "--submission", "fixtures/demo/submission.csv", "--answers", "no/such/answers.csv");
    expect(code).toBe(2);
    expect(stderr).toMatch(/answers not found: no\/such\/answers\.csv/);
  });

  it("an invalid submission exits 1; --json carries the typed error", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlegrade-"));
    const submission = join(dir, "submission.csv");
    writeFileSync(submission, "PassengerId,Wrong\n0001_01,True\n");
    const { code, stdout } = mlegrade("grade", "--competition", "spaceship-titanic", "--submission", submission, "--answers", "fixtures/demo/answers.csv", "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.outcome).toBe("invalid");
    expect(report.score).toBeNull();
    expect(report.valid_submission).toBe(false);
    expect(report.submission_exists).toBe(true);
    expect(report.error.code).toBe("ROW_COUNT_MISMATCH");
  });

  it("a submission path that is not a .csv file counts as no submission", () => {
    const { code, stdout } = mlegrade("grade", "--competition", "spaceship-titanic", "--submission", "does-not-exist.csv", "--answers", "fixtures/demo/answers.csv", "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.submission_exists).toBe(false);
    expect(report.error.code).toBe("MISSING_SUBMISSION");
  });

  it("grade --json carries every field of MLE-bench's report plus ours", () => {
    const { code, stdout } = mlegrade("grade", "--competition", "spaceship-titanic", "--submission", "fixtures/demo/submission.csv", "--answers", "fixtures/demo/answers.csv", "--leaderboard", "fixtures/demo/leaderboard.csv", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report).slice(0, 16)).toEqual([
      "competition_id", "score", "gold_threshold", "silver_threshold", "bronze_threshold", "median_threshold",
      "any_medal", "gold_medal", "silver_medal", "bronze_medal", "above_median",
      "submission_exists", "valid_submission", "is_lower_better", "created_at", "submission_path",
    ]);
    for (const key of ["raw_score", "outcome", "error", "rank", "percentile", "leaderboard_size", "signature"]) expect(report).toHaveProperty(key);
    expect(report.bronze_medal).toBe(true);
    expect(report.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it("validate: exit 0 valid, 1 invalid; github annotations", () => {
    expect(mlegrade("validate", "--competition", "spaceship-titanic", "--submission", "fixtures/demo/submission.csv", "--answers", "fixtures/demo/answers.csv").code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "mlegrade-"));
    const submission = join(dir, "submission.csv");
    writeFileSync(submission, "PassengerId,Transported\n0001_01,perhaps\n");
    const { code, stdout } = mlegrade("validate", "--competition", "spaceship-titanic", "--submission", submission, "--format", "github");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=.*submission\.csv,line=2,title=UNKNOWN_LABEL::submission\.csv row 1, column "Transported": expected True or False, got "perhaps"$/m);
  });

  it("serve: the built server with its worker thread answers health and validate, and stops on Ctrl-C", async () => {
    const child = spawn(process.execPath, [CLI, "serve", "--competition", "spaceship-titanic", "--answers", "fixtures/demo/answers.csv", "--port", "0", "--host", "127.0.0.1"], { cwd: REPO_ROOT });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: "running" });
      const form = new FormData();
      form.append("file", new Blob([readFileSync(join(REPO_ROOT, "fixtures/demo/submission.csv"))]), "submission.csv");
      expect(await (await fetch(`${url}/validate`, { method: "POST", body: form })).json()).toEqual({ result: "Submission is valid." });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("list --split dev lists the dev competitions", () => {
    const { code, stdout } = mlegrade("list", "--split", "dev", "--json");
    expect(code).toBe(0);
    const ids = JSON.parse(stdout).map((row: { id: string }) => row.id);
    expect(ids).toContain("spaceship-titanic");
  });

  it.skipIf(!hasShared)("thresholds with --score places the score", () => {
    const { code, stdout } = mlegrade("thresholds", "--leaderboard", join(LEADERBOARDS, "spaceship-titanic.csv"), "--score", "0.81", "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.is_lower_better).toBe(false);
    expect(out.rank).toBeGreaterThan(1);
    expect(typeof out.percentile).toBe("number");
  });

  it.skipIf(!hasShared)("grades a conformance case with a leaderboard folder in MLE-bench's layout", () => {
    const { code, stdout } = mlegrade("grade", "--competition", "champs-scalar-coupling", "--submission", join(CONFORMANCE, "champs-scalar-coupling/cases/noisy_good.csv"), "--answers", join(CONFORMANCE, "champs-scalar-coupling/answers.csv"), "--leaderboards", LEADERBOARDS, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.score).toBe(-1.82179);
    expect(report.is_lower_better).toBe(true);
  });
});
