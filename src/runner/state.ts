/**
 * A run group's state on disk. Every write is atomic (write a temporary file, fsync, rename), so a
 * crash or `kill -9` leaves either the old or the new file, never a torn one. A run is finished
 * exactly when its `report.json` exists: that file is the source of truth, the state file only
 * records the plan and attempt counts.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "../errors.js";
import type { RunGroupConfig, RunGroupState, RunPaths, RunRecord } from "./types.js";

export const STATE_FILE = "run-group.json";

/** Writes a file atomically: temporary file in the same folder, fsync, rename over the target. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** A short, sortable, unique id for a run group. */
export function newGroupId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
  return `${stamp}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The runs of a group: every competition × seed, in that order. */
export function planRuns(config: RunGroupConfig): RunRecord[] {
  const runs: RunRecord[] = [];
  for (const competition of config.competitions) {
    for (let seed = 0; seed < config.seeds; seed++) {
      runs.push({ id: `${competition}/seed-${seed}`, competition, seed, status: "pending", attempts: 0 });
    }
  }
  return runs;
}

export function runPaths(outDir: string, run: Pick<RunRecord, "competition" | "seed">): RunPaths {
  const dir = join(outDir, "runs", run.competition, `seed-${run.seed}`);
  return {
    dir,
    submission: join(dir, "submission"),
    logs: join(dir, "logs"),
    code: join(dir, "code"),
    instructions: join(dir, "instructions.txt"),
    validateScript: join(dir, "validate_submission.sh"),
    report: join(dir, "report.json"),
  };
}

export function saveState(outDir: string, state: RunGroupState): void {
  writeFileAtomic(join(outDir, STATE_FILE), JSON.stringify(state, null, 2) + "\n");
}

export function loadState(outDir: string): RunGroupState {
  const path = join(outDir, STATE_FILE);
  if (!existsSync(path)) throw new UsageError(`--resume: no ${STATE_FILE} in ${outDir}; is it a run-group folder?`, "FILE_NOT_FOUND");
  let state: RunGroupState;
  try {
    state = JSON.parse(readFileSync(path, "utf8")) as RunGroupState;
  } catch (error) {
    throw new UsageError(`--resume: ${path} is not readable JSON: ${(error as Error).message}`);
  }
  if (state.version !== 1 || !Array.isArray(state.runs)) throw new UsageError(`--resume: ${path} is not a run-group state file`);
  return state;
}

/**
 * Reconciles a state read from disk after a crash: runs with a report are finished, every other
 * run goes back to pending and its partial outputs are cleared so it starts clean.
 */
export function reconcile(outDir: string, state: RunGroupState): RunGroupState {
  const runs = state.runs.map((run): RunRecord => {
    const paths = runPaths(outDir, run);
    if (existsSync(paths.report)) return { ...run, status: "finished" };
    for (const dir of [paths.submission, paths.logs, paths.code]) rmSync(dir, { recursive: true, force: true });
    return { ...run, status: "pending" };
  });
  return { ...state, runs };
}
