/**
 * Runs a group of (competition, seed) agent runs on a backend, grades each submission, and keeps
 * the group resumable: the plan and attempt counts live in `run-group.json`, each finished run's
 * `report.json` is written once, atomically, and a run without a report is started again on
 * `--resume`. Interrupting (Ctrl-C) stops every container and leaves the unfinished runs pending.
 */
import { existsSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { GradeReport } from "../grader/grade.js";
import { failedReport } from "../node/batch-grader.js";
import { parsePythonJson, pythonJson, summarizeReports, type BatchReport } from "../node/batch.js";
import { gradeFile } from "../node/files.js";
import { instructionsText, VALIDATE_SCRIPT } from "./instructions.js";
import { loadState, newGroupId, planRuns, reconcile, runPaths, saveState, writeFileAtomic } from "./state.js";
import type { AgentOutcome, Backend, RunEvent, RunGroupConfig, RunGroupState, RunRecord, RunReport } from "./types.js";

export const SUMMARY_FILE = "grading_report.json";

export interface RunGroupOptions {
  backend: Backend;
  outDir: string;
  /** A new group's configuration; omit when resuming. */
  config?: RunGroupConfig;
  /** Continue the group in outDir. */
  resume?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface RunGroupResult {
  state: RunGroupState;
  summary: BatchReport;
  summaryPath: string;
  interrupted: boolean;
}

function gradeRun(state: RunGroupState, run: RunRecord, outcome: AgentOutcome, outDir: string): RunReport {
  const config = state.config;
  const paths = runPaths(outDir, run);
  const submissionPath = join(paths.submission, "submission.csv");
  let report: GradeReport;
  try {
    report = gradeFile({ competition: run.competition, submissionPath, dataDir: config.dataDir, leaderboardsDir: config.leaderboardsDir, mode: config.mode });
  } catch (error) {
    report = failedReport({ competition_id: run.competition, submission_path: submissionPath, mode: config.mode }, error);
  }
  return {
    ...report,
    run_id: run.id,
    seed: run.seed,
    agent_image: config.agentImage,
    timed_out: outcome.timedOut,
    exit_code: outcome.exitCode,
    wall_time_seconds: outcome.wallTimeSeconds,
    harness_error: outcome.harnessError ?? null,
    hardware: outcome.hardware,
  };
}

/** Reads the finished runs' reports in plan order and writes the group summary (grade-batch's format). */
export function writeSummary(outDir: string, state: RunGroupState): { summary: BatchReport; path: string } {
  const reports: RunReport[] = [];
  for (const run of state.runs) {
    const path = runPaths(outDir, run).report;
    if (existsSync(path)) reports.push(parsePythonJson(readFileSync(path, "utf8")) as RunReport);
  }
  const summary = summarizeReports(reports);
  const path = join(outDir, SUMMARY_FILE);
  writeFileAtomic(path, pythonJson(summary) + "\n");
  return { summary, path };
}

function prepareRunFolder(outDir: string, run: RunRecord, config: RunGroupConfig): void {
  const paths = runPaths(outDir, run);
  // Output folders any uid can write: the agent runs as its image's user.
  for (const dir of [paths.submission, paths.logs, paths.code]) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o777);
  }
  writeFileSync(paths.instructions, instructionsText(run.competition, config.timeLimitSeconds));
  writeFileSync(paths.validateScript, VALIDATE_SCRIPT);
  chmodSync(paths.validateScript, 0o755);
}

export async function runGroup(options: RunGroupOptions): Promise<RunGroupResult> {
  const { backend, outDir } = options;
  const signal = options.signal ?? new AbortController().signal;
  const emit = options.onEvent ?? (() => undefined);
  let state: RunGroupState;
  if (options.resume) {
    state = reconcile(outDir, loadState(outDir));
  } else {
    if (!options.config) throw new Error("runGroup: a new group needs a config");
    if (existsSync(join(outDir, "run-group.json"))) {
      throw new Error(`${outDir} already holds a run group; use --resume to continue it or choose another --out`);
    }
    state = { version: 1, id: newGroupId(), createdAt: new Date().toISOString(), config: options.config, runs: planRuns(options.config) };
  }
  saveState(outDir, state);
  // Containers or jobs left by an earlier runner of this group (crashed, killed) go first.
  await backend.cleanupGroup(state.id);

  const update = (run: RunRecord, patch: Partial<RunRecord>) => {
    state = { ...state, runs: state.runs.map((r) => (r.id === run.id ? { ...r, ...patch } : r)) };
    saveState(outDir, state);
    return state.runs.find((r) => r.id === run.id)!;
  };

  const queue = state.runs.filter((run) => {
    if (run.status === "finished") emit({ type: "skip", run });
    return run.status !== "finished";
  });
  const worker = async () => {
    for (;;) {
      if (signal.aborted) return;
      const next = queue.shift();
      if (!next) return;
      const run = update(next, { status: "running", attempts: next.attempts + 1 });
      emit({ type: "start", run });
      prepareRunFolder(outDir, run, state.config);
      const outcome = await backend.runAgent({ groupId: state.id, run, paths: runPaths(outDir, run), config: state.config, signal });
      if (signal.aborted) {
        update(run, { status: "pending" });
        return;
      }
      const report = gradeRun(state, run, outcome, outDir);
      // Written like the group summary: Python's JSON, bare NaN for a NaN score.
      writeFileAtomic(runPaths(outDir, run).report, pythonJson(report) + "\n");
      const finished = update(run, { status: "finished" });
      emit({ type: "finish", run: finished, report });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, state.config.concurrency) }, worker));
  if (signal.aborted) await backend.cleanupGroup(state.id);
  const { summary, path } = writeSummary(outDir, state);
  return { state, summary, summaryPath: path, interrupted: signal.aborted };
}
