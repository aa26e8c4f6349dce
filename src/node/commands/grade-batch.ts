import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../errors.js";
import { EXIT, modeOption, optionalString, required, type Command } from "../cli-kit.js";
import { gradeBatch, mlebenchTimestamp, parseSubmissionsJsonl, writeBatchReport } from "../batch.js";
import { readFileOrFail } from "../files.js";
import { createProgress } from "../progress.js";

export const gradeBatchCommand: Command = {
  name: "grade-batch",
  summary: "grade many submissions (MLE-bench's `mlebench grade` drop-in): JSONL in, <timestamp>_grading_report.json out",
  usage: "grade-batch --submissions FILE.jsonl --data-dir DIR [--leaderboards DIR] --out DIR [--workers N] [--mode mlebench|kaggle]",
  help: [
    ["--submissions FILE", "JSONL with competition_id and submission_path per line (# and // lines skipped)"],
    ["--data-dir DIR", "MLE-bench prepared data (answers at DIR/<id>/prepared/private/...)"],
    ["--leaderboards DIR", "folder with <id>.csv or <id>/leaderboard.csv; without it no medals"],
    ["--out DIR", "where the grading report is written"],
    ["--workers N", "worker threads (default: one per core)"],
    ["--mode MODE", "mlebench (default) or kaggle"],
  ],
  options: {
    submissions: { type: "string" },
    "data-dir": { type: "string" },
    leaderboards: { type: "string" },
    out: { type: "string" },
    workers: { type: "string" },
    mode: { type: "string" },
  },
  async run(values, _positionals, io) {
    const submissionsPath = required(values, "submissions", "grade-batch");
    const dataDir = required(values, "data-dir", "grade-batch");
    const out = required(values, "out", "grade-batch");
    const workersText = optionalString(values, "workers");
    const workers = workersText === undefined ? undefined : Number(workersText);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError(`grade-batch: --workers must be a positive integer, got ${JSON.stringify(workersText)}`);
    const entries = parseSubmissionsJsonl(Buffer.from(readFileOrFail(submissionsPath, "submissions file")).toString("utf8"), submissionsPath);
    const timestamp = mlebenchTimestamp();
    mkdirSync(out, { recursive: true });
    const progress = createProgress(io, "graded", entries.length);
    let invalid = 0;
    const report = await gradeBatch({
      submissions: entries,
      dataDir,
      leaderboardsDir: optionalString(values, "leaderboards"),
      mode: modeOption(values, "grade-batch"),
      workers,
      checkpointPath: join(out, `${timestamp}_competition_reports.jsonl`),
      signal: io.signal,
      onProgress: (done, _total, r) => {
        if (!r.valid_submission) invalid++;
        progress.update(done, `(${invalid} invalid)`);
      },
    });
    progress.finish(`(${report.total_runs - report.total_valid_submissions} without a valid score)`);
    const path = writeBatchReport(out, report, timestamp);
    const { competition_reports: _reports, ...totals } = report;
    io.stdout(JSON.stringify(totals, null, 4) + "\n");
    io.stdout(`Saved summary report to ${path}\n`);
    return io.signal?.aborted ? 130 : EXIT.ok;
  },
};
