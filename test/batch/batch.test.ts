/**
 * Batch grading (MLE-bench's `mlebench grade` drop-in): JSONL parsing, totals, per-submission
 * failure isolation, the report file, and the same results on worker threads (built CLI) as in
 * process.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeBatch, parseSubmissionsJsonl, pythonJson, readGradingReport } from "../../src/node/batch.js";
import { CONFORMANCE, REPO_ROOT, hasShared } from "../helpers/shared.js";

let dataDir: string;
let work: string;
let jsonl: string;
const entries: Array<{ competition_id: string; submission_path: string }> = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "mlegrade-batch-"));
  dataDir = join(work, "data");
  // MLE-bench's prepared-data layout, built from the conformance answers at test time.
  for (const [id, file] of [["spaceship-titanic", "test.csv"], ["champs-scalar-coupling", "answers.csv"]] as const) {
    mkdirSync(join(dataDir, id, "prepared", "private"), { recursive: true });
    copyFileSync(join(CONFORMANCE, id, "answers.csv"), join(dataDir, id, "prepared", "private", file));
  }
  const cases: Array<[string, string]> = [
    ["spaceship-titanic", "good"],
    ["spaceship-titanic", "short"],
    ["champs-scalar-coupling", "noisy_good"],
    ["champs-scalar-coupling", "perfect"],
    ["champs-scalar-coupling", "error_nan_prediction"],
    ["spaceship-titanic", "perfect"],
  ];
  for (const [id, name] of cases) entries.push({ competition_id: id, submission_path: join(CONFORMANCE, id, "cases", `${name}.csv`) });
  entries.push({ competition_id: "spaceship-titanic", submission_path: join(work, "missing.csv") });
  entries.push({ competition_id: "no-such-competition", submission_path: join(CONFORMANCE, "spaceship-titanic", "cases", "good.csv") });
  jsonl = join(work, "submissions.jsonl");
  writeFileSync(jsonl, ["# a comment", "", ...entries.map((e) => JSON.stringify(e)), "// another comment", ""].join("\n"));
});

describe("parseSubmissionsJsonl", () => {
  it("skips blank and commented lines like MLE-bench's read_jsonl", () => {
    expect(parseSubmissionsJsonl('# x\n\n  // y\n{"competition_id": "a", "submission_path": "b.csv"}\n')).toEqual([{ competition_id: "a", submission_path: "b.csv" }]);
  });
  it("names the bad line", () => {
    expect(() => parseSubmissionsJsonl('{"competition_id": "a", "submission_path": "b"}\n{oops}\n', "s.jsonl")).toThrow(/s\.jsonl line 2: expected a JSON object/);
    expect(() => parseSubmissionsJsonl('{"competition_id": "a"}\n', "s.jsonl")).toThrow(/line 1: expected "competition_id" and "submission_path"/);
  });
});

describe.skipIf(!hasShared)("gradeBatch", () => {
  it("grades every submission, isolating failures, with MLE-bench's totals", async () => {
    const seen: number[] = [];
    const report = await gradeBatch({ submissions: entries, dataDir, workers: 1, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(report.competition_reports.map((r) => r.competition_id)).toEqual(entries.map((e) => e.competition_id));
    expect(report.competition_reports.map((r) => r.score)).toEqual([0.83218, null, -1.82179, -Infinity, null, 1, null, null]);
    expect(report).toMatchObject({
      total_runs: 8,
      total_runs_with_submissions: 7,
      total_valid_submissions: 4,
      total_medals: 0,
      total_above_median: 0,
    });
    const unknown = report.competition_reports[7]!;
    expect(unknown.error?.code).toBe("UNKNOWN_COMPETITION");
    expect(report.competition_reports[6]!.error?.code).toBe("MISSING_SUBMISSION");
  });

  it("writes the report as Python's json.dump would, and reads it back", () => {
    const text = pythonJson({ score: NaN, low: -Infinity, ok: 1.5, nested: [Infinity] });
    expect(text).toBe('{\n  "score": NaN,\n  "low": -Infinity,\n  "ok": 1.5,\n  "nested": [\n    Infinity\n  ]\n}');
    const path = join(work, "r.json");
    writeFileSync(path, `{"total_runs": 1, "competition_reports": [{"score": NaN, "x": -Infinity}]}`);
    expect(readGradingReport(path).competition_reports[0]).toEqual({ score: NaN, x: -Infinity });
  });

  it("the built CLI grades on worker threads with the same results", async () => {
    const inProcess = await gradeBatch({ submissions: entries, dataDir, workers: 1 });
    const out = join(work, "out");
    const run = spawnSync(process.execPath, [join(REPO_ROOT, "dist", "cli.js"), "grade-batch", "--submissions", jsonl, "--data-dir", dataDir, "--out", out, "--workers", "2"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(out);
    const reportFile = files.find((f) => /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-GMT_grading_report\.json$/.test(f));
    expect(reportFile, files.join(",")).toBeDefined();
    expect(files.some((f) => f.endsWith("_competition_reports.jsonl"))).toBe(true);
    const text = readFileSync(join(out, reportFile!), "utf8");
    expect(text).toMatch(/"score": -Infinity/);
    const written = readGradingReport(join(out, reportFile!));
    const strip = (r: { created_at?: string }) => ({ ...r, created_at: undefined });
    expect(written.competition_reports.map(strip)).toEqual(inProcess.competition_reports.map(strip));
    const { competition_reports: _a, ...totals } = written;
    const { competition_reports: _b, ...expected } = inProcess;
    expect(totals).toEqual(expected);
    expect(run.stdout).toMatch(/Saved summary report to /);
  });
});
