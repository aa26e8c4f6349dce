/**
 * What the runner asks of the container engines, checked without an engine: the agent's Docker
 * settings (GPU device requests, limits, read-only data, loopback-only network shared with the
 * grader), the grader's (answers mounted only there), and the Kubernetes manifests, validated
 * against the Kubernetes schemas (kubernetes-models).
 */
import { describe, expect, it } from "vitest";
import { Job } from "kubernetes-models/batch/v1";
import { ConfigMap } from "kubernetes-models/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { agentContainerSpec, instructionsConfigMap, jobManifest, jobName, networkPolicyManifest, parseDuration, parseSize, runPaths, sidecarContainerSpec } from "../../src/runner/index.js";
import type { RunGroupConfig, RunRecord } from "../../src/runner/index.js";

const config: RunGroupConfig = {
  agentImage: "example/agent:1",
  graderImage: "mlegrade-grader:test",
  competitions: ["spaceship-titanic"],
  seeds: 2,
  dataDir: "/data/mle",
  timeLimitSeconds: 3600,
  stopGraceSeconds: 10,
  resources: { gpus: 2, cpus: 8, memoryBytes: 32 * 1024 ** 3, pidsLimit: 4096, shmBytes: 4 * 1024 ** 3 },
  concurrency: 1,
  mode: "mlebench",
  env: { HF_HUB_OFFLINE: "1" },
};
const run: RunRecord = { id: "spaceship-titanic/seed-1", competition: "spaceship-titanic", seed: 1, status: "pending", attempts: 0 };
const paths = runPaths("/out", run);

describe("Docker settings", () => {
  const agent = agentContainerSpec({ groupId: "g1", run, paths, config, sidecarId: "abc123" });
  const sidecar = sidecarContainerSpec({ groupId: "g1", run, config });

  it("requests GPUs as NVIDIA device requests, with CPU, memory and process limits", () => {
    expect(agent.HostConfig!.DeviceRequests).toEqual([{ Driver: "nvidia", Count: 2, Capabilities: [["gpu"]] }]);
    expect(agent.HostConfig!.NanoCpus).toBe(8e9);
    expect(agent.HostConfig!.Memory).toBe(32 * 1024 ** 3);
    expect(agent.HostConfig!.PidsLimit).toBe(4096);
    expect(agentContainerSpec({ groupId: "g1", run, paths, config: { ...config, resources: { ...config.resources, gpus: 0 } }, sidecarId: "x" }).HostConfig!.DeviceRequests).toBeUndefined();
  });

  it("runs the image's own command and user, with the competition in the environment", () => {
    expect(agent.Image).toBe("example/agent:1");
    expect(agent.Cmd).toBeUndefined();
    expect(agent.Entrypoint).toBeUndefined();
    expect(agent.User).toBeUndefined();
    expect(agent.Env).toEqual(expect.arrayContaining(["COMPETITION_ID=spaceship-titanic", "HF_HUB_OFFLINE=1"]));
  });

  it("gives the agent public data read-only and its output folders, never the answers", () => {
    const binds = agent.HostConfig!.Binds!;
    expect(binds).toContain("/data/mle/spaceship-titanic/prepared/public:/home/data:ro");
    expect(binds).toContain("/out/runs/spaceship-titanic/seed-1/submission:/home/submission");
    expect(binds.some((b) => b.includes("private"))).toBe(false);
    expect(sidecar.HostConfig!.Binds).toEqual(["/data/mle/spaceship-titanic/prepared/private:/data/spaceship-titanic/prepared/private:ro"]);
  });

  it("shares only the grader's loopback-only network namespace", () => {
    expect(sidecar.HostConfig!.NetworkMode).toBe("none");
    expect(agent.HostConfig!.NetworkMode).toBe("container:abc123");
    expect(sidecar.Cmd).toEqual(["serve", "--competition", "spaceship-titanic", "--data-dir", "/data", "--port", "5000"]);
  });
});

describe("Kubernetes manifests", () => {
  const options = { namespace: "mle", dataClaim: "mle-data", outputsClaim: "mle-out" };
  const job = jobManifest("20240101-120000-abcdef", run, config, options) as any;

  it("are valid against the Kubernetes schemas", () => {
    expect(() => new Job(job).validate()).not.toThrow();
    expect(() => new ConfigMap(instructionsConfigMap("20240101-120000-abcdef", run, config, "mle") as never).validate()).not.toThrow();
    expect(() => new NetworkPolicy(networkPolicyManifest("20240101-120000-abcdef", "mle") as never).validate()).not.toThrow();
  });

  it("limit GPUs, enforce the time limit and never retry", () => {
    const agent = job.spec.template.spec.containers[0];
    expect(agent.resources.limits["nvidia.com/gpu"]).toBe("2");
    expect(job.spec.activeDeadlineSeconds).toBe(3600);
    expect(job.spec.backoffLimit).toBe(0);
    expect(job.spec.template.spec.restartPolicy).toBe("Never");
  });

  it("mount the answers only in the grader sidecar, outputs on the claim that outlives the pod", () => {
    const spec = job.spec.template.spec;
    const grader = spec.initContainers[0];
    expect(grader.restartPolicy).toBe("Always");
    expect(grader.volumeMounts[0]).toMatchObject({ name: "data", subPath: "spaceship-titanic/prepared/private", readOnly: true });
    const agentMounts = spec.containers[0].volumeMounts;
    expect(agentMounts.find((m: any) => m.mountPath === "/home/data")).toMatchObject({ subPath: "spaceship-titanic/prepared/public", readOnly: true });
    expect(agentMounts.some((m: any) => String(m.subPath).includes("private"))).toBe(false);
    expect(agentMounts.find((m: any) => m.mountPath === "/home/submission").subPath).toBe("runs/spaceship-titanic/seed-1/submission");
    expect(spec.volumes.find((v: any) => v.name === "outputs").persistentVolumeClaim.claimName).toBe("mle-out");
  });

  it("deny all egress for the group's pods", () => {
    const policy = networkPolicyManifest("20240101-120000-abcdef", "mle") as any;
    expect(policy.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(policy.spec.egress).toEqual([]);
    expect(policy.spec.podSelector.matchLabels["mlegrade.io/group"]).toBe(job.spec.template.metadata.labels["mlegrade.io/group"]);
  });

  it("name objects within DNS-1123 limits", () => {
    const name = jobName("20240101-120000-abcdef", { competition: "3d-object-detection-for-autonomous-vehicles", seed: 12 });
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});

describe("units", () => {
  it("parses durations and sizes", () => {
    expect(parseDuration("24h")).toBe(86400);
    expect(parseDuration("1h30m")).toBe(5400);
    expect(parseDuration("45s")).toBe(45);
    expect(parseDuration("90")).toBe(90);
    expect(() => parseDuration("1 day")).toThrow(/expected a duration/);
    expect(parseSize("16g")).toBe(16 * 1024 ** 3);
    expect(parseSize("512MiB")).toBe(512 * 1024 ** 2);
    expect(parseSize("2GB")).toBe(2e9);
    expect(() => parseSize("lots")).toThrow(/expected a size/);
  });
});
