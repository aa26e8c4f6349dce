import { resolve } from "node:path";
import { listCompetitions, getCompetition } from "../../competitions/index.js";
import type { SplitQuery } from "../../competitions/define.js";
import { UsageError } from "../../errors.js";
import type { Backend, RunGroupConfig } from "../../runner/types.js";
import { EXIT, modeOption, optionalString, required, type Command, type ParsedValues } from "../cli-kit.js";
import { formatNumber } from "../format.js";

function positiveNumber(values: ParsedValues, name: string, fallback: number, integer = true): number {
  const text = optionalString(values, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) throw new UsageError(`run: --${name} must be a ${integer ? "whole " : ""}number ≥ 0, got ${JSON.stringify(text)}`);
  return value;
}

export const runCommand: Command = {
  name: "run",
  summary: "run an agent image on competitions in containers (Docker or Kubernetes), then grade each submission",
  usage:
    "run --agent IMAGE (--competition ID[,ID…] | --split NAME) --data-dir DIR --seeds N --time-limit 24h --out DIR\n" +
    "     [--gpus N] [--cpus N] [--memory SIZE] [--concurrency N] [--leaderboards DIR] [--env KEY=VALUE]…\n" +
    "     [--grader-image TAG] [--backend docker|kubernetes] [--namespace NS --data-claim PVC --outputs-claim PVC]\n" +
    "run --resume DIR",
  help: [
    ["--agent IMAGE", "agent image; its own ENTRYPOINT/CMD runs as the image's user"],
    ["--competition ID", "competition id(s), comma-separated"],
    ["--split NAME", "all competitions of a split: lite, low, medium, high, dev, split75"],
    ["--data-dir DIR", "MLE-bench prepared data (public files and private answers)"],
    ["--seeds N", "runs per competition (default 1)"],
    ["--time-limit D", "wall-clock limit per run: 24h, 90m, 1h30m, 45s (default 24h)"],
    ["--out DIR", "run-group folder: state, one folder per run, grading_report.json"],
    ["--gpus N", "GPUs per agent (Docker device requests / nvidia.com/gpu)"],
    ["--cpus N", "CPU cores per agent"],
    ["--memory SIZE", "memory limit per agent: 16g, 512MiB, …"],
    ["--concurrency N", "runs at the same time (default 1)"],
    ["--leaderboards DIR", "leaderboards for medals in the reports"],
    ["--env KEY=VALUE", "extra environment variable for the agent (repeatable)"],
    ["--grader-image TAG", "grader sidecar image (default: built from this installation when missing)"],
    ["--backend NAME", "docker (default) or kubernetes"],
    ["--namespace NS", "Kubernetes namespace (kubernetes backend)"],
    ["--data-claim PVC", "Kubernetes PersistentVolumeClaim with the prepared data"],
    ["--outputs-claim PVC", "Kubernetes PersistentVolumeClaim for outputs, mounted on this host at --out"],
    ["--resume DIR", "continue a run group after a crash or Ctrl-C"],
    ["--mode MODE", "grading mode: mlebench (default) or kaggle"],
  ],
  options: {
    agent: { type: "string" },
    competition: { type: "string" },
    split: { type: "string" },
    "data-dir": { type: "string" },
    seeds: { type: "string" },
    "time-limit": { type: "string" },
    out: { type: "string" },
    gpus: { type: "string" },
    cpus: { type: "string" },
    memory: { type: "string" },
    concurrency: { type: "string" },
    leaderboards: { type: "string" },
    env: { type: "string", multiple: true },
    "grader-image": { type: "string" },
    backend: { type: "string" },
    namespace: { type: "string" },
    "data-claim": { type: "string" },
    "outputs-claim": { type: "string" },
    resume: { type: "string" },
    mode: { type: "string" },
  },
  async run(values, _positionals, io) {
    // The runner pulls in the Docker and Kubernetes clients: load it only for this command.
    const runner = await import("../../runner/index.js");
    const resumeDir = optionalString(values, "resume");
    const outDir = resolve(resumeDir ?? required(values, "out", "run"));
    let config: RunGroupConfig | undefined;
    if (!resumeDir) {
      const competitions = optionalString(values, "competition");
      const split = optionalString(values, "split");
      if (!competitions === !split) throw new UsageError("run: give exactly one of --competition ID and --split NAME");
      const ids = competitions ? competitions.split(",").map((id) => getCompetition(id.trim()).id) : listCompetitions(split as SplitQuery).map((c) => c.id);
      if (ids.length === 0) throw new UsageError(`run: split ${JSON.stringify(split)} has no competitions`);
      const env: Record<string, string> = {};
      for (const pair of (values.env as string[] | undefined) ?? []) {
        const at = pair.indexOf("=");
        if (at <= 0) throw new UsageError(`run: --env expects KEY=VALUE, got ${JSON.stringify(pair)}`);
        env[pair.slice(0, at)] = pair.slice(at + 1);
      }
      const memory = optionalString(values, "memory");
      const cpus = optionalString(values, "cpus");
      config = {
        agentImage: required(values, "agent", "run"),
        graderImage: optionalString(values, "grader-image") ?? runner.DEFAULT_GRADER_IMAGE,
        competitions: ids,
        seeds: Math.max(1, positiveNumber(values, "seeds", 1)),
        dataDir: resolve(required(values, "data-dir", "run")),
        leaderboardsDir: optionalString(values, "leaderboards") && resolve(optionalString(values, "leaderboards")!),
        timeLimitSeconds: runner.parseDuration(optionalString(values, "time-limit") ?? "24h"),
        stopGraceSeconds: 10,
        resources: {
          gpus: positiveNumber(values, "gpus", 0),
          cpus: cpus === undefined ? undefined : positiveNumber(values, "cpus", 0, false),
          memoryBytes: memory === undefined ? undefined : runner.parseSize(memory),
          pidsLimit: 4096,
          shmBytes: 4 * 1024 ** 3,
        },
        concurrency: Math.max(1, positiveNumber(values, "concurrency", 1)),
        mode: modeOption(values, "run"),
        env,
      };
    }

    const backendName = optionalString(values, "backend") ?? "docker";
    let backend: Backend;
    if (backendName === "docker") {
      const docker = await runner.connectDocker();
      const graderImage = config?.graderImage ?? runner.DEFAULT_GRADER_IMAGE;
      if (graderImage === runner.DEFAULT_GRADER_IMAGE && !(await runner.graderImageExists(docker, graderImage))) {
        io.stderr(`building the grader image ${graderImage} from this installation…\n`);
        await runner.buildGraderImage(docker, graderImage);
      }
      backend = new runner.DockerBackend(docker);
    } else if (backendName === "kubernetes") {
      backend = new runner.KubernetesBackend(await runner.connectKubernetes(), {
        namespace: required(values, "namespace", "run"),
        dataClaim: required(values, "data-claim", "run"),
        outputsClaim: required(values, "outputs-claim", "run"),
      });
    } else {
      throw new UsageError(`run: --backend must be docker or kubernetes, got ${JSON.stringify(backendName)}`);
    }

    const result = await runner.runGroup({
      backend,
      outDir,
      config,
      resume: Boolean(resumeDir),
      signal: io.signal,
      onEvent: (event) => {
        if (event.type === "start") io.stderr(`[${event.run.id}] started (attempt ${event.run.attempts})\n`);
        if (event.type === "skip") io.stderr(`[${event.run.id}] already finished, skipped\n`);
        if (event.type === "finish") {
          const r = event.report;
          const outcome = r.harness_error ? `harness error: ${r.harness_error}` : r.valid_submission ? `score ${formatNumber(r.score!)}` : `no valid submission${r.error ? ` (${r.error.code})` : ""}`;
          io.stderr(`[${event.run.id}] finished in ${formatNumber(r.wall_time_seconds, 1)} s, exit ${r.exit_code}${r.timed_out ? ", timed out" : ""}: ${outcome}\n`);
        }
      },
    });
    const { competition_reports: _reports, ...totals } = result.summary;
    io.stdout(JSON.stringify(totals, null, 2) + "\n");
    io.stdout(`run group ${result.state.id}: ${result.summaryPath}\n`);
    if (result.interrupted) {
      io.stderr(`interrupted: every container was stopped; continue with mlegrade run --resume ${outDir}\n`);
      return 130;
    }
    return EXIT.ok;
  },
};
