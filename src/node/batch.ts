/**
 * Batch grading, a drop-in for MLE-bench's `mlebench grade`: the same JSONL input
 * (`competition_id`, `submission_path` per line; blank lines and lines starting with `#` or `//`
 * skipped) and the same `<timestamp>_grading_report.json` (totals + `competition_reports`).
 *
 * Submissions are graded on worker threads (one per core by default), each worker keeping the
 * parsed answers and leaderboard of the competitions it has seen. Every finished report is
 * appended to `<timestamp>_competition_reports.jsonl` as soon as it exists, so an interrupted batch
 * keeps what it computed; a submission whose grading fails (even a worker that dies) becomes a
 * report with an error, never a lost batch.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { UsageError } from "../errors.js";
import type { GradeReport } from "../grader/grade.js";
import { stringifyReport } from "../grader/json.js";
import type { GradingMode } from "../medals.js";
import { createBatchGrader, failedReport, type BatchJob } from "./batch-grader.js";

export interface BatchEntry {
  competition_id: string;
  submission_path: string;
}

export interface BatchReport {
  total_runs: number;
  total_runs_with_submissions: number;
  total_valid_submissions: number;
  total_medals: number;
  total_gold_medals: number;
  total_silver_medals: number;
  total_bronze_medals: number;
  total_above_median: number;
  competition_reports: GradeReport[];
}

export interface GradeBatchOptions {
  submissions: readonly BatchEntry[];
  dataDir: string;
  leaderboardsDir?: string;
  mode?: GradingMode;
  /** Worker threads; 1 grades in this thread. Default: the number of cores. */
  workers?: number;
  /** Called after each graded submission. */
  onProgress?: (done: number, total: number, report: GradeReport) => void;
  /** When given, each finished report is appended to this JSONL file at once. */
  checkpointPath?: string;
  signal?: AbortSignal;
}

/** Parses MLE-bench's submissions JSONL; throws UsageError naming the bad line. */
export function parseSubmissionsJsonl(text: string, file = "submissions.jsonl"): BatchEntry[] {
  const entries: BatchEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("//")) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UsageError(`${file} line ${index + 1}: expected a JSON object, got ${(error as Error).message}`);
    }
    const record = value as Record<string, unknown>;
    if (!record || typeof record !== "object" || record.competition_id === undefined || record.submission_path === undefined) {
      throw new UsageError(`${file} line ${index + 1}: expected "competition_id" and "submission_path", got ${line.slice(0, 120)}`);
    }
    entries.push({ competition_id: String(record.competition_id), submission_path: String(record.submission_path) });
  });
  return entries;
}

/** MLE-bench's totals over a list of reports. */
export function summarizeReports(reports: GradeReport[]): BatchReport {
  const count = (test: (r: GradeReport) => boolean) => reports.filter(test).length;
  const gold = count((r) => r.gold_medal);
  const silver = count((r) => r.silver_medal);
  const bronze = count((r) => r.bronze_medal);
  return {
    total_runs: reports.length,
    total_runs_with_submissions: count((r) => r.submission_exists),
    total_valid_submissions: count((r) => r.valid_submission),
    total_medals: gold + silver + bronze,
    total_gold_medals: gold,
    total_silver_medals: silver,
    total_bronze_medals: bronze,
    total_above_median: count((r) => r.above_median),
    competition_reports: reports,
  };
}

/** `time.strftime("%Y-%m-%dT%H-%M-%S-%Z", time.gmtime())` as CPython on Linux prints it (zone "GMT"). */
export function mlebenchTimestamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}-${pad(date.getUTCMinutes())}-${pad(date.getUTCSeconds())}-GMT`;
}

const WORKER_FILE = fileURLToPath(new URL("./batch-worker.js", import.meta.url));

/** Grades many submissions; resolves with MLE-bench's summary (reports in input order). */
export async function gradeBatch(options: GradeBatchOptions): Promise<BatchReport> {
  const entries = options.submissions;
  const mode = options.mode ?? "mlebench";
  const jobs: BatchJob[] = entries.map((entry, index) => ({ index, ...entry, dataDir: options.dataDir, leaderboardsDir: options.leaderboardsDir, mode }));
  const results = new Array<GradeReport | undefined>(entries.length);
  let done = 0;
  const finish = (index: number, report: GradeReport) => {
    results[index] = report;
    done++;
    if (options.checkpointPath) appendFileSync(options.checkpointPath, stringifyReport({ index, ...report }, 0) + "\n");
    options.onProgress?.(done, entries.length, report);
  };

  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), entries.length || 1));
  if (workers === 1 || !existsSync(WORKER_FILE)) {
    const grader = createBatchGrader();
    for (const job of jobs) {
      if (options.signal?.aborted) break;
      finish(job.index, grader(job));
    }
  } else {
    await runOnWorkers(jobs, workers, finish, options.signal);
  }
  for (let i = 0; i < entries.length; i++) {
    if (!results[i] && !options.signal?.aborted) finish(i, failedReport({ ...entries[i]!, mode }, new Error("the grading worker stopped before grading this submission")));
  }
  return summarizeReports(results.filter((r): r is GradeReport => r !== undefined));
}

/** Spreads jobs over worker threads, keeping each competition on one worker (its answers are parsed once there). */
async function runOnWorkers(jobs: BatchJob[], workers: number, finish: (index: number, report: GradeReport) => void, signal?: AbortSignal): Promise<void> {
  const buckets: BatchJob[][] = Array.from({ length: workers }, () => []);
  const byCompetition = new Map<string, BatchJob[]>();
  for (const job of jobs) {
    const list = byCompetition.get(job.competition_id);
    if (list) list.push(job);
    else byCompetition.set(job.competition_id, [job]);
  }
  // Largest competitions first, each to the least loaded worker.
  for (const group of [...byCompetition.values()].sort((a, b) => b.length - a.length)) {
    buckets.reduce((least, bucket) => (bucket.length < least.length ? bucket : least)).push(...group);
  }
  await Promise.all(
    buckets.filter((bucket) => bucket.length > 0).map(
      (bucket) =>
        new Promise<void>((resolve) => {
          const worker = new Worker(WORKER_FILE, { workerData: bucket });
          const pending = new Set(bucket.map((job) => job.index));
          const stop = () => void worker.terminate();
          signal?.addEventListener("abort", stop, { once: true });
          // Structured cloning carries NaN and infinite scores as they are.
          worker.on("message", (message: { index: number; report: GradeReport }) => {
            pending.delete(message.index);
            finish(message.index, message.report);
          });
          let ended = false;
          const end = (error?: unknown) => {
            if (ended) return;
            ended = true;
            signal?.removeEventListener("abort", stop);
            if (!signal?.aborted) for (const index of pending) finish(index, failedReport(bucket.find((j) => j.index === index)!, error ?? new Error("the grading worker exited early")));
            resolve();
          };
          worker.on("error", (error) => end(error));
          worker.on("exit", () => end());
        }),
    ),
  );
}

/**
 * Writes the summary as MLE-bench does (`json.dump(indent=2)`, NaN as the bare token `NaN`) to
 * `<outDir>/<timestamp>_grading_report.json`; returns the path.
 */
export function writeBatchReport(outDir: string, report: BatchReport, timestamp = mlebenchTimestamp()): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${timestamp}_grading_report.json`);
  writeFileSync(path, pythonJson(report) + "\n");
  return path;
}

/** JSON with Python's spelling of non-finite floats (`NaN`, `Infinity`, `-Infinity`), indent 2. */
export function pythonJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner) => (typeof inner === "number" && !Number.isFinite(inner) ? `${NONFINITE_MARKER}${inner}` : inner), 2);
  return text.replace(new RegExp(`"${NONFINITE_MARKER}(NaN|Infinity|-Infinity)"`, "g"), "$1");
}

/** Reads a grading report written by MLE-bench or by us (bare NaN / Infinity tokens allowed). */
export function readGradingReport(path: string): BatchReport {
  try {
    return parsePythonJson(readFileSync(path, "utf8")) as BatchReport;
  } catch (error) {
    throw new UsageError(`${path}: expected a grading report (JSON), got ${(error as Error).message}`);
  }
}

const NONFINITE_MARKER = "@@mlegrade-nonfinite@@";

/** JSON.parse that also accepts Python's bare `NaN`, `Infinity` and `-Infinity` outside strings. */
export function parsePythonJson(text: string): unknown {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const token = text.startsWith("NaN", i) ? "NaN" : text.startsWith("-Infinity", i) ? "-Infinity" : text.startsWith("Infinity", i) ? "Infinity" : null;
    if (token) {
      out += `"${NONFINITE_MARKER}${token}"`;
      i += token.length - 1;
      continue;
    }
    out += c;
  }
  return JSON.parse(out, (_key, value) => (typeof value === "string" && value.startsWith(NONFINITE_MARKER) ? Number(value.slice(NONFINITE_MARKER.length)) : value));
}
