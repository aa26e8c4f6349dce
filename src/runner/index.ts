/**
 * `mlegrade/runner`: runs agents in containers on GPU hosts and grades what they hand in
 * (Node only). Docker on one host (`DockerBackend`), Kubernetes beyond (`KubernetesBackend`).
 */
export { runGroup, writeSummary, SUMMARY_FILE } from "./run-group.js";
export type { RunGroupOptions, RunGroupResult } from "./run-group.js";
export { DockerBackend, RunnerError, agentContainerSpec, connectDocker, demux, sidecarContainerSpec, LABEL_GROUP, LABEL_ROLE, LABEL_RUN } from "./docker.js";
export { KubernetesBackend, connectKubernetes, instructionsConfigMap, jobManifest, jobName, networkPolicyManifest, K8S_LABEL_GROUP, K8S_LABEL_RUN } from "./kubernetes.js";
export type { JobStatus, KubeApi, KubernetesOptions, PodSummary } from "./kubernetes.js";
export { DEFAULT_GRADER_IMAGE, buildGraderImage, graderImageExists } from "./grader-image.js";
export { AGENT_PATHS, VALIDATION_URL, instructionsText } from "./instructions.js";
export { loadState, planRuns, reconcile, runPaths, writeFileAtomic, STATE_FILE } from "./state.js";
export { parseDuration, parseSize } from "./units.js";
export type { AgentOutcome, Backend, Resources, RunEvent, RunGroupConfig, RunGroupState, RunPaths, RunRecord, RunReport, RunStatus } from "./types.js";
