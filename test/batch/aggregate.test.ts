/**
 * Aggregation checked against figures computed by hand from MLE-bench's rules
 * (experiments/aggregate_grading_reports.py): seed formation, per-seed percentages, mean, SEM with
 * ddof = 1, the 95% interval, padding, and pass@k.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aggregate, orderReports, passAtK, type ReportFlags } from "../../src/aggregate.js";
import { run } from "../../src/node/cli.js";
import { isClose } from "../helpers/close.js";
import { captureIO } from "../helpers/io.js";

const none = { gold_medal: false, silver_medal: false, bronze_medal: false, above_median: false, submission_exists: true, valid_submission: true };
const r = (competition_id: string, flags: Partial<ReportFlags> = {}): ReportFlags => ({ competition_id, ...none, ...flags });

// Two "runs" (grading-report files) over a three-competition split. Reports inside a file are
// deliberately out of id order: aggregation sorts them.
const fileB = { path: "runs/b.json", reports: [r("c", { submission_exists: false, valid_submission: false }), r("a", { silver_medal: true, above_median: true }), r("b", { above_median: true })] };
const fileA = { path: "runs/a.json", reports: [r("b", { valid_submission: false }), r("a", { gold_medal: true, above_median: true }), r("c", { bronze_medal: true, above_median: true })] };
const ids = ["a", "b", "c"];

describe("aggregate", () => {
  it("orders files by path and reports by competition id", () => {
    expect(orderReports([fileB, fileA]).map((x) => x.competition_id)).toEqual(["a", "b", "c", "a", "b", "c"]);
  });

  it("matches hand-computed figures", () => {
    const result = aggregate(orderReports([fileB, fileA]), { competitionIds: ids, split: "toy" });
    expect(result.num_seeds_averaged).toBe(2);
    expect(result.num_competitions_per_seed).toBe(3);
    // Seed 1 (a.json): gold, none, bronze → any medal 2/3; seed 2 (b.json): silver, none, none → 1/3.
    expect(result.seeds.map((s) => s.any_medal_percentage)).toEqual([(2 / 3) * 100, (1 / 3) * 100]);
    const any = result.metrics.any_medal_percentage;
    // mean 50; sample sd = sqrt(2 · (50/3)²) = 23.5702…; SEM = sd / √2 = 16.6667
    expect(isClose(any.mean, 50)).toBe(true);
    expect(isClose(any.standard_error, 50 / 3, { rtol: 1e-12 })).toBe(true);
    expect(isClose(any.ci_lower, 50 - 1.96 * (50 / 3))).toBe(true);
    expect(isClose(any.ci_upper, 50 + 1.96 * (50 / 3))).toBe(true);
    // Valid submissions: seed 1 has 2/3, seed 2 has 2/3 → SEM 0.
    expect(result.metrics.valid_submissions_percentage.mean).toBeCloseTo((2 / 3) * 100, 12);
    expect(result.metrics.valid_submissions_percentage.standard_error).toBe(0);
    expect(result.metrics.submission_exists_percentage.mean).toBeCloseTo(((3 / 3 + 2 / 3) / 2) * 100, 12);
    expect(result.metrics.total_competitions.mean).toBe(3);
    expect(result.pass_at_k).toBeNull();
  });

  it("keeps only complete seeds unless padding is asked for", () => {
    const reports = orderReports([fileA, { path: "runs/c.json", reports: [r("a", { gold_medal: true })] }]);
    expect(aggregate(reports, { competitionIds: ids }).num_seeds_averaged).toBe(1);
    const padded = aggregate(reports, { competitionIds: ids, padMissing: true });
    expect(padded.num_seeds_averaged).toBe(2);
    // Seed 2: a gold, b and c padded as failures → 1/3 any medal, 1/3 submissions.
    expect(padded.seeds[1]!.any_medal_percentage).toBeCloseTo(100 / 3, 12);
    expect(padded.seeds[1]!.submission_exists_percentage).toBeCloseTo(100 / 3, 12);
    expect(() => aggregate(reports, { competitionIds: [...ids, "d"] })).toThrow(/no report for 1 competition/);
    expect(aggregate(reports, { competitionIds: [...ids, "d"], padMissing: true }).num_competitions_per_seed).toBe(4);
  });

  it("a single seed has zero standard error", () => {
    const result = aggregate(orderReports([fileA]), { competitionIds: ids });
    expect(result.metrics.any_medal_percentage).toEqual({ mean: (2 / 3) * 100, ci_lower: (2 / 3) * 100, ci_upper: (2 / 3) * 100, standard_error: 0 });
  });

  it("pass@k is the unbiased estimator", () => {
    expect(passAtK(3, 1, 2)).toBeCloseTo(2 / 3, 15); // 1 − C(2,2)/C(3,2)
    expect(passAtK(5, 0, 3)).toBe(0);
    expect(passAtK(5, 3, 3)).toBe(1); // fewer failures than k
    expect(passAtK(10, 2, 1)).toBeCloseTo(0.2, 15);
    const result = aggregate(orderReports([fileA, fileB]), { competitionIds: ids, k: 2 });
    // a: 2 attempts, both medal → 1; b: none → 0; c: 1 of 2 → 1 − C(1,2)/C(2,2) = 1 → mean 2/3.
    expect(result.pass_at_k!.any_medal_percentage).toBeCloseTo((2 / 3) * 100, 12);
    expect(() => aggregate(orderReports([fileA]), { competitionIds: ids, k: 2 })).toThrow(/needs 2 attempts/);
  });

  it("the CLI reads report files and prints the contract's JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlegrade-agg-"));
    const split = join(dir, "toy.txt");
    writeFileSync(split, "a\nb\nc\n");
    for (const file of [fileA, fileB]) {
      const path = join(dir, file.path.replace("runs/", ""));
      writeFileSync(path, JSON.stringify({ total_runs: 3, competition_reports: file.reports }));
    }
    const io = captureIO();
    const code = await run(["aggregate", join(dir, "b.json"), join(dir, "a.json"), "--split", split, "--k", "2", "--json"], io);
    expect(code, io.err()).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.split).toBe(split);
    expect(out.num_seeds_averaged).toBe(2);
    expect(out.metrics.any_medal_percentage.mean).toBeCloseTo(50, 12);
    expect(Object.keys(out.metrics.any_medal_percentage)).toEqual(["mean", "ci_lower", "ci_upper", "standard_error"]);
    expect(out.pass_at_k.k).toBe(2);
    const text = captureIO();
    expect(await run(["aggregate", join(dir, "a.json"), "--split", split], text)).toBe(0);
    expect(text.out()).toMatch(/any_medal_percentage\s+66\.67 ± 0/);
    const bad = captureIO();
    expect(await run(["aggregate"], bad)).toBe(2);
    expect(bad.err()).toMatch(/expected one or more grading report files/);
  });
});
