/** `mlegrade report` reads grading reports (ours or MLE-bench's, NaN tokens included) and writes the page. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/node/cli.js";
import { captureIO } from "../helpers/io.js";
import { LEADERBOARDS, hasShared } from "../helpers/shared.js";

describe.skipIf(!hasShared)("mlegrade report", () => {
  it("writes a page with a chart per competition that has a leaderboard", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlegrade-report-cli-"));
    const input = join(dir, "2024-01-01T00-00-00-GMT_grading_report.json");
    const base = { gold_medal: false, silver_medal: false, bronze_medal: false, above_median: true, submission_exists: true, valid_submission: true };
    // As MLE-bench writes it: bare NaN for a NaN score.
    writeFileSync(
      input,
      `{"total_runs": 3, "competition_reports": [
        ${JSON.stringify({ competition_id: "spaceship-titanic", score: 0.81, submission_path: "a.csv", ...base })},
        {"competition_id": "champs-scalar-coupling", "score": NaN, "submission_path": "b.csv", "gold_medal": false, "silver_medal": false, "bronze_medal": false, "above_median": false, "submission_exists": true, "valid_submission": true},
        ${JSON.stringify({ competition_id: "spaceship-titanic", score: null, submission_path: "c.csv", ...base, above_median: false, valid_submission: false })}
      ]}`,
    );
    const out = join(dir, "report.html");
    const io = captureIO();
    expect(await run(["report", input, "--leaderboards", LEADERBOARDS, "--out", out], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/3 runs, 2 leaderboard charts/);
    const html = readFileSync(out, "utf8");
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain("NaN");
  });

  it("rejects input that is not a grading report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlegrade-report-cli-"));
    const input = join(dir, "x.json");
    writeFileSync(input, '{"hello": 1}');
    const io = captureIO();
    expect(await run(["report", input, "--out", join(dir, "o.html")], io)).toBe(2);
    expect(io.err()).toMatch(/expected a grading report/);
  });
});
