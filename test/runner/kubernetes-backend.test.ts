/**
 * The Kubernetes backend against a stand-in cluster: the objects it creates, how it reads a Job's
 * end (success, exit code, deadline exceeded = timed out), and the agent's log collection.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KubernetesBackend, runPaths, type JobStatus, type KubeApi, type RunGroupConfig, type RunRecord } from "../../src/runner/index.js";

const config: RunGroupConfig = {
  agentImage: "agent:1",
  graderImage: "grader:1",
  competitions: ["spaceship-titanic"],
  seeds: 1,
  dataDir: "/data",
  timeLimitSeconds: 120,
  stopGraceSeconds: 5,
  resources: { gpus: 1, pidsLimit: 100, shmBytes: 1024 ** 3 },
  concurrency: 1,
  mode: "mlebench",
  env: {},
};
const run: RunRecord = { id: "spaceship-titanic/seed-0", competition: "spaceship-titanic", seed: 0, status: "running", attempts: 1 };

function fakeCluster(statuses: JobStatus[], exitCode: number) {
  const calls: string[] = [];
  const created: Record<string, object[]> = { jobs: [], configMaps: [], policies: [] };
  let poll = 0;
  const api: KubeApi = {
    async createConfigMap(_ns, body) {
      calls.push("createConfigMap");
      created.configMaps!.push(body);
    },
    async createJob(_ns, body) {
      calls.push("createJob");
      created.jobs!.push(body);
    },
    async readJob() {
      calls.push("readJob");
      return statuses[Math.min(poll++, statuses.length - 1)]!;
    },
    async listPods(_ns, selector) {
      calls.push(`listPods ${selector}`);
      return [{ name: "pod-1", nodeName: "gpu-node-7", exitCodes: { agent: exitCode } }];
    },
    async readPodLog(_ns, _pod, container) {
      return `log of ${container}\n`;
    },
    async applyNetworkPolicy(_ns, body) {
      calls.push("applyNetworkPolicy");
      created.policies!.push(body);
    },
    async deleteJobs() {
      calls.push("deleteJobs");
    },
    async deleteConfigMaps() {
      calls.push("deleteConfigMaps");
    },
  };
  return { api, calls, created };
}

const running: JobStatus = { succeeded: 0, failed: 0, active: 1, reasons: [] };

describe("KubernetesBackend", () => {
  it("submits a Job behind a deny-all NetworkPolicy and collects a successful run", async () => {
    const cluster = fakeCluster([running, { succeeded: 1, failed: 0, active: 0, reasons: ["Complete"], startTime: "2024-01-01T00:00:00Z", completionTime: "2024-01-01T00:01:30Z" }], 0);
    const backend = new KubernetesBackend(cluster.api, { namespace: "mle", dataClaim: "data", outputsClaim: "out", pollSeconds: 0 });
    const out = mkdtempSync(join(tmpdir(), "mlegrade-k8s-"));
    const paths = runPaths(out, run);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(paths.logs, { recursive: true });
    const outcome = await backend.runAgent({ groupId: "g-123456", run, paths, config, signal: new AbortController().signal });
    expect(outcome).toMatchObject({ exitCode: 0, timedOut: false, wallTimeSeconds: 90 });
    expect(outcome.hardware).toMatchObject({ backend: "kubernetes", node: "gpu-node-7", gpus_requested: 1 });
    expect(cluster.calls.slice(0, 3)).toEqual(["applyNetworkPolicy", "createConfigMap", "createJob"]);
    expect(readFileSync(join(paths.logs, "container.log"), "utf8")).toBe("log of agent\n");
    const job = cluster.created.jobs![0] as { spec: { activeDeadlineSeconds: number } };
    expect(job.spec.activeDeadlineSeconds).toBe(120);
  });

  it("reports a Job stopped by its deadline as timed out", async () => {
    const cluster = fakeCluster([running, running, { succeeded: 0, failed: 1, active: 0, reasons: ["DeadlineExceeded"] }], 137);
    const backend = new KubernetesBackend(cluster.api, { namespace: "mle", dataClaim: "data", outputsClaim: "out", pollSeconds: 0 });
    const out = mkdtempSync(join(tmpdir(), "mlegrade-k8s-"));
    const paths = runPaths(out, run);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(paths.logs, { recursive: true });
    const outcome = await backend.runAgent({ groupId: "g-123456", run, paths, config, signal: new AbortController().signal });
    expect(outcome).toMatchObject({ exitCode: 137, timedOut: true });
    await backend.cleanupGroup("g-123456");
    expect(cluster.calls.slice(-2)).toEqual(["deleteJobs", "deleteConfigMaps"]);
  });

  it("turns an API failure into a harness error, not a crash", async () => {
    const cluster = fakeCluster([running], 0);
    cluster.api.createJob = async () => {
      throw new Error("forbidden: jobs.batch is forbidden");
    };
    const backend = new KubernetesBackend(cluster.api, { namespace: "mle", dataClaim: "data", outputsClaim: "out", pollSeconds: 0 });
    const out = mkdtempSync(join(tmpdir(), "mlegrade-k8s-"));
    const outcome = await backend.runAgent({ groupId: "g", run, paths: runPaths(out, run), config, signal: new AbortController().signal });
    expect(outcome.harnessError).toMatch(/forbidden/);
  });
});
