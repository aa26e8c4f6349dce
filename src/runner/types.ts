/**
 * Types shared by the container runner's backends (Docker on one host, Kubernetes beyond).
 */
import type { GradeReport } from "../grader/grade.js";
import type { GradingMode } from "../medals.js";

/** Resource limits and requests for one agent container. */
export interface Resources {
  /** GPUs given to the agent (0: none). */
  gpus: number;
  /** CPU cores (fractional allowed); undefined: no limit. */
  cpus?: number;
  /** Memory limit in bytes; undefined: no limit. */
  memoryBytes?: number;
  /** Maximum number of processes in the agent container. */
  pidsLimit: number;
  /** Size of /dev/shm in bytes (PyTorch data loaders need more than Docker's 64 MB). */
  shmBytes: number;
}

export interface RunGroupConfig {
  /** Agent image; its own ENTRYPOINT/CMD runs, as the image's user. */
  agentImage: string;
  /** Image of the grader sidecar that serves `POST /validate` (see buildGraderImage). */
  graderImage: string;
  competitions: string[];
  seeds: number;
  /** MLE-bench prepared data dir (public files and private answers). */
  dataDir: string;
  /** Leaderboards for medals in the reports (optional). */
  leaderboardsDir?: string;
  /** Wall-clock limit per run, in seconds. */
  timeLimitSeconds: number;
  /** Grace period between the stop signal and the kill, in seconds. */
  stopGraceSeconds: number;
  resources: Resources;
  /** Runs at the same time. */
  concurrency: number;
  mode: GradingMode;
  /** Extra environment variables for the agent. */
  env: Record<string, string>;
}

export type RunStatus = "pending" | "running" | "finished";

/** One (competition, seed) run as the state file records it. */
export interface RunRecord {
  id: string;
  competition: string;
  seed: number;
  status: RunStatus;
  /** Attempts started (a run interrupted by a crash is started again). */
  attempts: number;
}

export interface RunGroupState {
  version: 1;
  id: string;
  createdAt: string;
  config: RunGroupConfig;
  runs: RunRecord[];
}

/** What a backend reports for one finished agent run (before grading). */
export interface AgentOutcome {
  exitCode: number | null;
  timedOut: boolean;
  wallTimeSeconds: number;
  /** Why the agent never ran or was cut short, when the harness failed (not the agent). */
  harnessError?: string;
  hardware: Record<string, unknown>;
}

/** `report.json` of one run: the grade report plus how the agent run went. */
export type RunReport = GradeReport & {
  run_id: string;
  seed: number;
  agent_image: string;
  timed_out: boolean;
  exit_code: number | null;
  wall_time_seconds: number;
  harness_error: string | null;
  hardware: Record<string, unknown>;
};

/** Progress events for the CLI. */
export type RunEvent =
  | { type: "start"; run: RunRecord }
  | { type: "finish"; run: RunRecord; report: RunReport }
  | { type: "skip"; run: RunRecord }
  | { type: "log"; message: string };

/** Where a run's files live on the host and how the backend reaches them. */
export interface RunPaths {
  dir: string;
  submission: string;
  logs: string;
  code: string;
  instructions: string;
  validateScript: string;
  report: string;
}

export interface Backend {
  readonly name: string;
  /** Runs the agent for one (competition, seed) to completion, time limit or abort; never throws for agent failures. */
  runAgent(context: { groupId: string; run: RunRecord; paths: RunPaths; config: RunGroupConfig; signal: AbortSignal }): Promise<AgentOutcome>;
  /** Removes anything left from earlier attempts of this group (containers, jobs) before (re)starting. */
  cleanupGroup(groupId: string): Promise<void>;
}
