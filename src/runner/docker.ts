/**
 * Docker backend: one host, through the Docker Engine API (dockerode).
 *
 * Per run, two containers:
 * - the grader sidecar (`mlegrade serve`) with the competition's private answers mounted read-only,
 *   in a network namespace of its own that has only a loopback interface (`NetworkMode: none`);
 * - the agent, from the agent image with its own ENTRYPOINT/CMD and user, joined to the sidecar's
 *   network namespace (`NetworkMode: container:<sidecar>`), so `http://localhost:5000/validate` is the
 *   only thing it can reach. It shares nothing else with the sidecar: not the file system (the
 *   answers are mounted only there), not the process namespace.
 * The agent sees the public data read-only at /home/data and writes /home/submission, /home/logs and
 * /home/code, which are folders of the run on the host. The harness enforces the wall-clock limit
 * (stop, then kill after a grace period), records the exit code and the container's output, and
 * removes both containers.
 */
import { existsSync, writeFileSync } from "node:fs";
import { cpus, hostname, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import type Dockerode from "dockerode";
import { getCompetition } from "../competitions/index.js";
import { MlegradeError } from "../errors.js";
import { AGENT_PATHS, VALIDATION_PORT, VALIDATION_URL } from "./instructions.js";
import type { AgentOutcome, Backend, RunGroupConfig, RunPaths, RunRecord } from "./types.js";

export const LABEL_GROUP = "io.mlegrade.group";
export const LABEL_RUN = "io.mlegrade.run";
export const LABEL_ROLE = "io.mlegrade.role";

export class RunnerError extends MlegradeError {
  constructor(message: string) {
    super("RUNNER", message);
    this.name = "RunnerError";
  }
}

/** Connects to the Docker engine (DOCKER_HOST or the default socket); dockerode is an optional peer dependency. */
export async function connectDocker(options?: Dockerode.DockerOptions): Promise<Dockerode> {
  let module: { default: typeof Dockerode };
  try {
    module = (await import("dockerode")) as unknown as { default: typeof Dockerode };
  } catch {
    throw new RunnerError("the Docker backend needs the dockerode package: npm install dockerode");
  }
  const docker = new module.default(options);
  try {
    await docker.ping();
  } catch (error) {
    throw new RunnerError(`no Docker engine answers (${process.env.DOCKER_HOST ?? "/var/run/docker.sock"}): ${(error as Error).message}`);
  }
  return docker;
}

/** The container settings for a run's agent, as sent to the engine (exported for tests). */
export function agentContainerSpec(context: { groupId: string; run: RunRecord; paths: RunPaths; config: RunGroupConfig; sidecarId: string }): Dockerode.ContainerCreateOptions {
  const { groupId, run, paths, config, sidecarId } = context;
  const publicDir = resolve(config.dataDir, run.competition, "prepared", "public");
  const resources = config.resources;
  const env = { COMPETITION_ID: run.competition, MLEGRADE_VALIDATION_URL: VALIDATION_URL, ...config.env };
  return {
    Image: config.agentImage,
    name: `mlegrade-${groupId}-${run.competition}-seed${run.seed}-agent`.slice(0, 200),
    Env: Object.entries(env).map(([key, value]) => `${key}=${value}`),
    Labels: { [LABEL_GROUP]: groupId, [LABEL_RUN]: run.id, [LABEL_ROLE]: "agent" },
    HostConfig: {
      NetworkMode: `container:${sidecarId}`,
      Binds: [
        `${publicDir}:${AGENT_PATHS.data}:ro`,
        `${resolve(paths.submission)}:${AGENT_PATHS.submission}`,
        `${resolve(paths.logs)}:${AGENT_PATHS.logs}`,
        `${resolve(paths.code)}:${AGENT_PATHS.code}`,
        `${resolve(paths.instructions)}:${AGENT_PATHS.instructions}:ro`,
        `${resolve(paths.validateScript)}:${AGENT_PATHS.validateScript}:ro`,
      ],
      ...(resources.cpus !== undefined ? { NanoCpus: Math.round(resources.cpus * 1e9) } : {}),
      ...(resources.memoryBytes !== undefined ? { Memory: resources.memoryBytes, MemorySwap: resources.memoryBytes } : {}),
      PidsLimit: resources.pidsLimit,
      ShmSize: resources.shmBytes,
      ...(resources.gpus > 0 ? { DeviceRequests: [{ Driver: "nvidia", Count: resources.gpus, Capabilities: [["gpu"]] }] } : {}),
      Privileged: false,
      CapDrop: ["NET_RAW"],
      SecurityOpt: ["no-new-privileges"],
    },
  };
}

/** The grader sidecar's settings: answers mounted read-only only here, loopback-only networking. */
export function sidecarContainerSpec(context: { groupId: string; run: RunRecord; config: RunGroupConfig }): Dockerode.ContainerCreateOptions {
  const { groupId, run, config } = context;
  const competition = getCompetition(run.competition);
  const answersDir = dirname(resolve(config.dataDir, competition.answers));
  const inside = `/data/${dirname(competition.answers)}`;
  return {
    Image: config.graderImage,
    name: `mlegrade-${groupId}-${run.competition}-seed${run.seed}-grader`.slice(0, 200),
    Cmd: ["serve", "--competition", run.competition, "--data-dir", "/data", "--port", String(VALIDATION_PORT)],
    Labels: { [LABEL_GROUP]: groupId, [LABEL_RUN]: run.id, [LABEL_ROLE]: "grader" },
    HostConfig: {
      NetworkMode: "none",
      Binds: [`${answersDir}:${inside}:ro`],
      ReadonlyRootfs: true,
      Tmpfs: { "/tmp": "rw,size=268435456" },
      Memory: 4 * 1024 ** 3,
      PidsLimit: 256,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DockerBackend implements Backend {
  readonly name = "docker";
  constructor(private readonly docker: Dockerode) {}

  async cleanupGroup(groupId: string): Promise<void> {
    const containers = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL_GROUP}=${groupId}`] } });
    await Promise.all(containers.map((c) => this.docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  }

  /** Waits until the sidecar answers GET /health from inside its own network namespace. */
  private async waitForGrader(sidecar: Dockerode.Container, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const probe = `fetch("http://127.0.0.1:${VALIDATION_PORT}/health").then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`;
    while (Date.now() < deadline && !signal.aborted) {
      const state = await sidecar.inspect();
      if (!state.State.Running) throw new RunnerError(`the grader sidecar exited (code ${state.State.ExitCode}) before serving: ${await this.tail(sidecar)}`);
      const exec = await sidecar.exec({ Cmd: ["/usr/local/bin/node", "-e", probe], AttachStdout: false, AttachStderr: false });
      await exec.start({ Detach: true });
      for (let i = 0; i < 20; i++) {
        const info = await exec.inspect();
        if (!info.Running) {
          if (info.ExitCode === 0) return;
          break;
        }
        await sleep(50);
      }
      await sleep(200);
    }
    if (!signal.aborted) throw new RunnerError(`the grader sidecar did not answer /health within ${timeoutMs / 1000} s: ${await this.tail(sidecar)}`);
  }

  private async tail(container: Dockerode.Container): Promise<string> {
    try {
      const buffer = (await container.logs({ stdout: true, stderr: true, tail: 20 })) as unknown as Buffer;
      return demux(buffer).trim().slice(-2000);
    } catch {
      return "(no logs)";
    }
  }

  async runAgent(context: { groupId: string; run: RunRecord; paths: RunPaths; config: RunGroupConfig; signal: AbortSignal }): Promise<AgentOutcome> {
    const { groupId, run, paths, config, signal } = context;
    const started = Date.now();
    const hardware: Record<string, unknown> = {
      backend: "docker",
      gpus_requested: config.resources.gpus,
      cpus_limit: config.resources.cpus ?? null,
      memory_limit_bytes: config.resources.memoryBytes ?? null,
      host: hostname(),
      host_cpus: cpus().length,
      host_cpu_model: cpus()[0]?.model ?? null,
      host_memory_bytes: totalmem(),
    };
    let sidecar: Dockerode.Container | undefined;
    let agent: Dockerode.Container | undefined;
    try {
      const publicDir = resolve(config.dataDir, run.competition, "prepared", "public");
      if (!existsSync(publicDir)) throw new RunnerError(`no public data for ${run.competition}: ${publicDir} does not exist`);
      sidecar = await this.docker.createContainer(sidecarContainerSpec({ groupId, run, config }));
      await sidecar.start();
      await this.waitForGrader(sidecar, 60_000, signal);
      if (signal.aborted) return { exitCode: null, timedOut: false, wallTimeSeconds: (Date.now() - started) / 1000, harnessError: "interrupted", hardware };

      agent = await this.docker.createContainer(agentContainerSpec({ groupId, run, paths, config, sidecarId: sidecar.id }));
      const image = await this.docker.getImage(config.agentImage).inspect().catch(() => undefined);
      hardware.agent_image_id = image?.Id ?? null;
      const agentStart = Date.now();
      await agent.start();
      let timedOut = false;
      const stopAgent = () => agent!.stop({ t: config.stopGraceSeconds }).catch(() => undefined);
      const timer = setTimeout(() => {
        timedOut = true;
        void stopAgent();
      }, config.timeLimitSeconds * 1000);
      const onAbort = () => void stopAgent();
      signal.addEventListener("abort", onAbort, { once: true });
      let exitCode: number | null = null;
      try {
        const result = (await agent.wait()) as { StatusCode: number };
        exitCode = result.StatusCode;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
      }
      const wallTimeSeconds = (Date.now() - agentStart) / 1000;
      const output = (await agent.logs({ stdout: true, stderr: true, timestamps: true })) as unknown as Buffer;
      writeFileSync(join(paths.logs, "container.log"), demux(output));
      if (signal.aborted) return { exitCode, timedOut: false, wallTimeSeconds, harnessError: "interrupted", hardware };
      return { exitCode, timedOut, wallTimeSeconds, hardware };
    } catch (error) {
      return { exitCode: null, timedOut: false, wallTimeSeconds: (Date.now() - started) / 1000, harnessError: (error as Error).message, hardware };
    } finally {
      for (const container of [agent, sidecar]) {
        if (container) await container.remove({ force: true }).catch(() => undefined);
      }
    }
  }
}

/** Docker's multiplexed log stream (8-byte frame headers) as text; plain text passes through. */
export function demux(buffer: Buffer): string {
  if (!Buffer.isBuffer(buffer)) return String(buffer ?? "");
  const parts: string[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && (buffer[offset] === 1 || buffer[offset] === 2) && buffer[offset + 1] === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size).toString("utf8"));
    offset += 8 + size;
  }
  if (offset === 0) return buffer.toString("utf8");
  return parts.join("");
}
