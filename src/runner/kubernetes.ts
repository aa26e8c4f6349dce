/**
 * Kubernetes backend: one Job per (competition, seed), for groups that outgrow one host.
 *
 * Each Job's pod has two containers:
 * - the grader (`mlegrade serve`) as a native sidecar (an init container with `restartPolicy:
 *   Always`, Kubernetes ≥ 1.29): it starts first, the agent starts once its startup probe answers,
 *   and it is stopped when the agent ends. Only it mounts the competition's private answers
 *   (`<id>/prepared/private` of the data volume, read-only);
 * - the agent, from the agent image with its own command, with the public data (`<id>/prepared/public`,
 *   read-only), its submission/logs/code folders on the outputs volume (a PersistentVolumeClaim that
 *   outlives the pod) and `nvidia.com/gpu`, CPU and memory limits.
 * `activeDeadlineSeconds` is the time limit, `backoffLimit: 0` means no retry, and a NetworkPolicy
 * for the group's pods denies all ingress and egress (containers of one pod still talk over
 * localhost, so the agent reaches the grader and nothing else).
 *
 * The runner reads the outputs volume through a host path where it is mounted too (`--out`), so
 * collecting and grading work as with Docker.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { getCompetition } from "../competitions/index.js";
import { RunnerError } from "./docker.js";
import { AGENT_PATHS, VALIDATION_PORT, VALIDATION_URL, VALIDATE_SCRIPT, instructionsText } from "./instructions.js";
import type { AgentOutcome, Backend, RunGroupConfig, RunPaths, RunRecord } from "./types.js";

export interface KubernetesOptions {
  namespace: string;
  /** PVC holding MLE-bench's prepared data (`<id>/prepared/public`, `<id>/prepared/private`). */
  dataClaim: string;
  /** PVC for run outputs; the runner sees it at `--out`. */
  outputsClaim: string;
  /** Seconds between polls of a Job's status. */
  pollSeconds?: number;
  /** Optional node selector (e.g. a GPU node pool). */
  nodeSelector?: Record<string, string>;
  serviceAccountName?: string;
}

/** The few API calls the backend makes, so tests can substitute a fake cluster. */
export interface KubeApi {
  createConfigMap(namespace: string, body: object): Promise<void>;
  createJob(namespace: string, body: object): Promise<void>;
  readJob(namespace: string, name: string): Promise<JobStatus>;
  listPods(namespace: string, labelSelector: string): Promise<PodSummary[]>;
  readPodLog(namespace: string, pod: string, container: string): Promise<string>;
  applyNetworkPolicy(namespace: string, body: object): Promise<void>;
  deleteJobs(namespace: string, labelSelector: string): Promise<void>;
  deleteConfigMaps(namespace: string, labelSelector: string): Promise<void>;
}

export interface JobStatus {
  succeeded: number;
  failed: number;
  active: number;
  /** Condition reasons, e.g. "DeadlineExceeded", "BackoffLimitExceeded". */
  reasons: string[];
  startTime?: string;
  completionTime?: string;
}

export interface PodSummary {
  name: string;
  nodeName?: string;
  /** Exit code of each terminated container, by container name. */
  exitCodes: Record<string, number | undefined>;
}

export const K8S_LABEL_GROUP = "mlegrade.io/group";
export const K8S_LABEL_RUN = "mlegrade.io/run";

/** A DNS-1123 name of at most 63 characters for a run's objects. */
export function jobName(groupId: string, run: Pick<RunRecord, "competition" | "seed">): string {
  const clean = (text: string) => text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  const suffix = `-${clean(groupId).slice(-6)}-s${run.seed}`;
  return `mlg-${clean(run.competition)}`.slice(0, 63 - suffix.length).replace(/-+$/, "") + suffix;
}

function labelValue(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "").slice(0, 63) || "x";
}

/** The run's subfolder of the outputs volume, as a relative path (matches the runner's run folder). */
function outputsSubPath(run: Pick<RunRecord, "competition" | "seed">): string {
  return `runs/${run.competition}/seed-${run.seed}`;
}

/** The ConfigMap with the agent's instructions and validation script. */
export function instructionsConfigMap(groupId: string, run: RunRecord, config: RunGroupConfig, namespace: string): object {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: jobName(groupId, run), namespace, labels: { [K8S_LABEL_GROUP]: labelValue(groupId), [K8S_LABEL_RUN]: labelValue(run.id) } },
    data: { "instructions.txt": instructionsText(run.competition, config.timeLimitSeconds), "validate_submission.sh": VALIDATE_SCRIPT },
  };
}

/** The Job manifest of one run. */
export function jobManifest(groupId: string, run: RunRecord, config: RunGroupConfig, options: KubernetesOptions): Record<string, unknown> {
  const competition = getCompetition(run.competition);
  const name = jobName(groupId, run);
  const labels = { [K8S_LABEL_GROUP]: labelValue(groupId), [K8S_LABEL_RUN]: labelValue(run.id), "app.kubernetes.io/managed-by": "mlegrade" };
  const answersDir = competition.answers.slice(0, competition.answers.lastIndexOf("/"));
  const limits: Record<string, string> = {};
  const requests: Record<string, string> = {};
  if (config.resources.gpus > 0) limits["nvidia.com/gpu"] = String(config.resources.gpus);
  if (config.resources.cpus !== undefined) limits.cpu = requests.cpu = String(config.resources.cpus);
  if (config.resources.memoryBytes !== undefined) limits.memory = requests.memory = String(config.resources.memoryBytes);
  const out = outputsSubPath(run);
  const env = { COMPETITION_ID: run.competition, MLEGRADE_VALIDATION_URL: VALIDATION_URL, ...config.env };
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, namespace: options.namespace, labels },
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: Math.ceil(config.timeLimitSeconds),
      ttlSecondsAfterFinished: 86400,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: "Never",
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: config.stopGraceSeconds,
          ...(options.serviceAccountName ? { serviceAccountName: options.serviceAccountName } : {}),
          ...(options.nodeSelector ? { nodeSelector: options.nodeSelector } : {}),
          initContainers: [
            {
              name: "grader",
              image: config.graderImage,
              restartPolicy: "Always",
              args: ["serve", "--competition", run.competition, "--data-dir", "/data", "--port", String(VALIDATION_PORT)],
              startupProbe: { httpGet: { path: "/health", port: VALIDATION_PORT }, periodSeconds: 2, failureThreshold: 60 },
              resources: { limits: { cpu: "1", memory: "4Gi" }, requests: { cpu: "250m", memory: "512Mi" } },
              securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 65534, capabilities: { drop: ["ALL"] } },
              volumeMounts: [
                { name: "data", mountPath: `/data/${answersDir}`, subPath: answersDir, readOnly: true },
                { name: "tmp", mountPath: "/tmp" },
              ],
            },
          ],
          containers: [
            {
              name: "agent",
              image: config.agentImage,
              env: Object.entries(env).map(([key, value]) => ({ name: key, value })),
              resources: { limits, requests },
              securityContext: { allowPrivilegeEscalation: false },
              volumeMounts: [
                { name: "data", mountPath: AGENT_PATHS.data, subPath: `${run.competition}/prepared/public`, readOnly: true },
                { name: "outputs", mountPath: AGENT_PATHS.submission, subPath: `${out}/submission` },
                { name: "outputs", mountPath: AGENT_PATHS.logs, subPath: `${out}/logs` },
                { name: "outputs", mountPath: AGENT_PATHS.code, subPath: `${out}/code` },
                { name: "instructions", mountPath: AGENT_PATHS.instructions, subPath: "instructions.txt", readOnly: true },
                { name: "instructions", mountPath: AGENT_PATHS.validateScript, subPath: "validate_submission.sh", readOnly: true },
                { name: "shm", mountPath: "/dev/shm" },
              ],
            },
          ],
          volumes: [
            { name: "data", persistentVolumeClaim: { claimName: options.dataClaim, readOnly: true } },
            { name: "outputs", persistentVolumeClaim: { claimName: options.outputsClaim } },
            { name: "instructions", configMap: { name, defaultMode: 0o755 } },
            { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
            { name: "shm", emptyDir: { medium: "Memory", sizeLimit: String(config.resources.shmBytes) } },
          ],
        },
      },
    },
  };
}

/** Denies all ingress and egress for the group's pods (containers of a pod still share localhost). */
export function networkPolicyManifest(groupId: string, namespace: string): Record<string, unknown> {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: `mlegrade-deny-${labelValue(groupId).toLowerCase().replace(/[^a-z0-9-]/g, "-")}`.slice(0, 63).replace(/-+$/, ""), namespace },
    spec: {
      podSelector: { matchLabels: { [K8S_LABEL_GROUP]: labelValue(groupId) } },
      policyTypes: ["Ingress", "Egress"],
      ingress: [],
      egress: [],
    },
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

export class KubernetesBackend implements Backend {
  readonly name = "kubernetes";
  private policyApplied = new Set<string>();
  constructor(
    private readonly api: KubeApi,
    private readonly options: KubernetesOptions,
  ) {}

  async cleanupGroup(groupId: string): Promise<void> {
    const selector = `${K8S_LABEL_GROUP}=${labelValue(groupId)}`;
    await this.api.deleteJobs(this.options.namespace, selector);
    await this.api.deleteConfigMaps(this.options.namespace, selector);
  }

  async runAgent(context: { groupId: string; run: RunRecord; paths: RunPaths; config: RunGroupConfig; signal: AbortSignal }): Promise<AgentOutcome> {
    const { groupId, run, paths, config, signal } = context;
    const { namespace } = this.options;
    const started = Date.now();
    const name = jobName(groupId, run);
    const hardware: Record<string, unknown> = {
      backend: "kubernetes",
      namespace,
      job: name,
      gpus_requested: config.resources.gpus,
      cpus_limit: config.resources.cpus ?? null,
      memory_limit_bytes: config.resources.memoryBytes ?? null,
    };
    try {
      if (!this.policyApplied.has(groupId)) {
        await this.api.applyNetworkPolicy(namespace, networkPolicyManifest(groupId, namespace));
        this.policyApplied.add(groupId);
      }
      await this.api.createConfigMap(namespace, instructionsConfigMap(groupId, run, config, namespace));
      await this.api.createJob(namespace, jobManifest(groupId, run, config, this.options));
      let status: JobStatus;
      for (;;) {
        status = await this.api.readJob(namespace, name);
        if (status.succeeded > 0 || status.failed > 0 || status.reasons.length > 0 || signal.aborted) break;
        await sleep((this.options.pollSeconds ?? 10) * 1000, signal);
      }
      const selector = `job-name=${name}`;
      const pods = await this.api.listPods(namespace, selector);
      const pod = pods[0];
      if (pod) {
        hardware.node = pod.nodeName ?? null;
        const log = await this.api.readPodLog(namespace, pod.name, "agent").catch((error: Error) => `(no log: ${error.message})`);
        writeFileSync(join(paths.logs, "container.log"), log);
      }
      const wallTimeSeconds = status.startTime && status.completionTime ? (Date.parse(status.completionTime) - Date.parse(status.startTime)) / 1000 : (Date.now() - started) / 1000;
      if (signal.aborted) return { exitCode: null, timedOut: false, wallTimeSeconds, harnessError: "interrupted", hardware };
      return { exitCode: pod?.exitCodes.agent ?? null, timedOut: status.reasons.includes("DeadlineExceeded"), wallTimeSeconds, hardware };
    } catch (error) {
      return { exitCode: null, timedOut: false, wallTimeSeconds: (Date.now() - started) / 1000, harnessError: (error as Error).message, hardware };
    }
  }
}

/** A KubeApi over @kubernetes/client-node (an optional peer dependency), from the default kubeconfig. */
export async function connectKubernetes(): Promise<KubeApi> {
  let k8s: typeof import("@kubernetes/client-node");
  try {
    k8s = await import("@kubernetes/client-node");
  } catch {
    throw new RunnerError("the Kubernetes backend needs the @kubernetes/client-node package: npm install @kubernetes/client-node");
  }
  const config = new k8s.KubeConfig();
  config.loadFromDefault();
  const batch = config.makeApiClient(k8s.BatchV1Api);
  const core = config.makeApiClient(k8s.CoreV1Api);
  const networking = config.makeApiClient(k8s.NetworkingV1Api);
  return {
    async createConfigMap(namespace, body) {
      await core.createNamespacedConfigMap({ namespace, body: body as never });
    },
    async createJob(namespace, body) {
      await batch.createNamespacedJob({ namespace, body: body as never });
    },
    async readJob(namespace, name) {
      const job = await batch.readNamespacedJobStatus({ name, namespace });
      return {
        succeeded: job.status?.succeeded ?? 0,
        failed: job.status?.failed ?? 0,
        active: job.status?.active ?? 0,
        reasons: (job.status?.conditions ?? []).filter((c) => c.status === "True" && (c.type === "Failed" || c.type === "Complete")).map((c) => c.reason ?? c.type),
        startTime: job.status?.startTime?.toISOString(),
        completionTime: job.status?.completionTime?.toISOString(),
      };
    },
    async listPods(namespace, labelSelector) {
      const list = await core.listNamespacedPod({ namespace, labelSelector });
      return list.items.map((pod) => ({
        name: pod.metadata!.name!,
        nodeName: pod.spec?.nodeName,
        exitCodes: Object.fromEntries((pod.status?.containerStatuses ?? []).map((s) => [s.name, s.state?.terminated?.exitCode])),
      }));
    },
    async readPodLog(namespace, pod, container) {
      return core.readNamespacedPodLog({ namespace, name: pod, container });
    },
    async applyNetworkPolicy(namespace, body) {
      try {
        await networking.createNamespacedNetworkPolicy({ namespace, body: body as never });
      } catch (error) {
        if (!String((error as Error).message).includes("AlreadyExists") && (error as { code?: number }).code !== 409) throw error;
      }
    },
    async deleteJobs(namespace, labelSelector) {
      await batch.deleteCollectionNamespacedJob({ namespace, labelSelector, propagationPolicy: "Background" });
    },
    async deleteConfigMaps(namespace, labelSelector) {
      await core.deleteCollectionNamespacedConfigMap({ namespace, labelSelector });
    },
  };
}
