/**
 * The Docker backend end to end with a real engine (.ci/run starts dockerd; images cannot be
 * pulled, so the agent images are imported from Debian's busybox-static and the grader image is
 * built from this checkout's Node runtime and dist/). Four agents: one that validates and submits,
 * one that overruns the time limit, one that hunts for the answers, one that crashes.
 * Without an engine the suite says so and skips.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Dockerode from "dockerode";
import { DockerBackend, LABEL_GROUP, buildGraderImage, connectDocker, runGroup, type RunGroupConfig } from "../../src/runner/index.js";
import { CONFORMANCE, REPO_ROOT, hasShared } from "../helpers/shared.js";

const BUSYBOX = "/bin/busybox";
const GRADER = "mlegrade-grader:e2e";

async function engine(): Promise<Dockerode | null> {
  try {
    return await connectDocker();
  } catch (error) {
    console.warn(`docker.e2e: SKIPPED, no Docker engine: ${(error as Error).message}`);
    return null;
  }
}

const docker = hasShared && existsSync(BUSYBOX) ? await engine() : null;
if (!existsSync(BUSYBOX)) console.warn("docker.e2e: SKIPPED, no /bin/busybox (apt-get install busybox-static)");

/** An agent image: busybox's root file system with one shell script as its command. */
function importAgent(tag: string, script: string): void {
  const root = mkdtempSync(join(tmpdir(), "mlegrade-agent-"));
  mkdirSync(join(root, "bin"), { recursive: true });
  copyFileSync(BUSYBOX, join(root, "bin", "busybox"));
  for (const tool of ["sh", "cat", "cp", "ls", "find", "sleep", "wget", "echo", "mkdir", "grep", "head", "rm", "printf", "id", "timeout"]) {
    execFileSync("ln", ["-s", "busybox", join(root, "bin", tool)]);
  }
  mkdirSync(join(root, "tmp"), { recursive: true });
  chmodSync(join(root, "tmp"), 0o1777);
  writeFileSync(join(root, "agent.sh"), script, { mode: 0o755 });
  const archive = join(mkdtempSync(join(tmpdir(), "mlegrade-agent-tar-")), "rootfs.tar");
  execFileSync("tar", ["-C", root, "-cf", archive, "."]);
  execFileSync("docker", ["import", "-c", 'CMD ["/bin/sh", "/agent.sh"]', "-c", "USER 1000", archive, tag]);
}

describe.skipIf(!docker)("Docker backend with a real engine", () => {
  let data: string;
  let out: string;
  const answers = join(CONFORMANCE, "spaceship-titanic", "answers.csv");
  const answerText = readFileSync(answers, "utf8");
  const secretId = answerText.split("\n")[1]!.split(",")[0]!;

  beforeAll(async () => {
    await buildGraderImage(docker!, GRADER);
    importAgent(
      "mlegrade-test-agent:good",
      `#!/bin/sh
echo "agent running as $(id -u) on $COMPETITION_ID"
cat /home/instructions.txt > /home/logs/instructions-seen.txt
cp /home/data/sample_submission.csv /tmp/s.csv
/home/validate_submission.sh /tmp/s.csv > /home/logs/validation.txt 2>&1
cp /tmp/s.csv /home/submission/submission.csv
echo "solution" > /home/code/train.py
`,
    );
    importAgent("mlegrade-test-agent:slow", "#!/bin/sh\necho started\nsleep 600\n");
    importAgent(
      "mlegrade-test-agent:snoop",
      `#!/bin/sh
# Looks for the private answers anywhere it can reach.
find / -xdev -name 'test.csv' 2>/dev/null > /home/logs/found.txt
find / -path /proc -prune -o -type f -print 2>/dev/null | head -n 2000 > /home/logs/files.txt
cat /proc/1/root/data/spaceship-titanic/prepared/private/test.csv > /home/logs/proc.txt 2>&1
wget -q -O /home/logs/outside.txt http://93.184.216.34/ 2>/home/logs/outside-error.txt
cp /home/data/sample_submission.csv /home/submission/submission.csv
`,
    );
    importAgent("mlegrade-test-agent:crash", "#!/bin/sh\necho failing >&2\nexit 3\n");

    data = mkdtempSync(join(tmpdir(), "mlegrade-e2e-data-"));
    const pub = join(data, "spaceship-titanic", "prepared", "public");
    mkdirSync(pub, { recursive: true });
    mkdirSync(join(data, "spaceship-titanic", "prepared", "private"), { recursive: true });
    copyFileSync(answers, join(data, "spaceship-titanic", "prepared", "private", "test.csv"));
    const ids = answerText.trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    writeFileSync(join(pub, "sample_submission.csv"), ["PassengerId,Transported", ...ids.map((id) => `${id},False`)].join("\n") + "\n");
    writeFileSync(join(pub, "description.md"), "# Spaceship Titanic (test)\n");
    out = mkdtempSync(join(tmpdir(), "mlegrade-e2e-out-"));
  }, 180_000);

  afterAll(() => {
    for (const tag of ["good", "slow", "snoop", "crash"]) {
      try {
        execFileSync("docker", ["rmi", "-f", `mlegrade-test-agent:${tag}`], { stdio: "ignore" });
      } catch {
        // already gone
      }
    }
  });

  const config = (agentImage: string, timeLimitSeconds = 60): RunGroupConfig => ({
    agentImage,
    graderImage: GRADER,
    competitions: ["spaceship-titanic"],
    seeds: 1,
    dataDir: data,
    timeLimitSeconds,
    stopGraceSeconds: 1,
    resources: { gpus: 0, cpus: 1, memoryBytes: 512 * 1024 ** 2, pidsLimit: 256, shmBytes: 64 * 1024 ** 2 },
    concurrency: 1,
    mode: "mlebench",
    env: {},
  });

  async function runOne(name: string, agentImage: string, timeLimitSeconds?: number) {
    const dir = join(out, name);
    const result = await runGroup({ backend: new DockerBackend(docker!), outDir: dir, config: config(agentImage, timeLimitSeconds) });
    const runDir = join(dir, "runs", "spaceship-titanic", "seed-0");
    const report = JSON.parse(readFileSync(join(runDir, "report.json"), "utf8"));
    const left = await docker!.listContainers({ all: true, filters: { label: [`${LABEL_GROUP}=${result.state.id}`] } });
    expect(left, "containers left behind").toEqual([]);
    return { result, report, runDir };
  }

  it("an agent that reads the data, validates and submits is graded", async () => {
    const { report, runDir } = await runOne("good", "mlegrade-test-agent:good");
    expect(report.harness_error).toBeNull();
    expect(report.exit_code).toBe(0);
    expect(report.timed_out).toBe(false);
    expect(report.valid_submission).toBe(true);
    expect(typeof report.score).toBe("number");
    expect(readFileSync(join(runDir, "logs", "validation.txt"), "utf8")).toMatch(/"result"/);
    expect(readFileSync(join(runDir, "logs", "validation.txt"), "utf8")).toMatch(/valid/i);
    expect(readFileSync(join(runDir, "logs", "container.log"), "utf8")).toMatch(/agent running as 1000 on spaceship-titanic/);
    expect(readFileSync(join(runDir, "code", "train.py"), "utf8")).toBe("solution\n");
    expect(readFileSync(join(runDir, "logs", "instructions-seen.txt"), "utf8")).toMatch(/localhost:5000\/validate/);
    expect(report.hardware).toMatchObject({ backend: "docker", cpus_limit: 1, memory_limit_bytes: 512 * 1024 ** 2 });
  }, 120_000);

  it("an agent that overruns the time limit is stopped and marked timed out", async () => {
    const started = Date.now();
    const { report } = await runOne("slow", "mlegrade-test-agent:slow", 3);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(report.timed_out).toBe(true);
    expect(report.wall_time_seconds).toBeGreaterThanOrEqual(3);
    expect(report.submission_exists).toBe(false);
    expect(report.valid_submission).toBe(false);
  }, 120_000);

  it("an agent cannot read the answers or reach the network", async () => {
    const { report, runDir } = await runOne("snoop", "mlegrade-test-agent:snoop");
    const logs = readdirSync(join(runDir, "logs")).map((f) => readFileSync(join(runDir, "logs", f), "utf8")).join("\n");
    expect(logs).not.toContain(secretId);
    expect(readFileSync(join(runDir, "logs", "found.txt"), "utf8").trim()).toBe("");
    expect(existsSync(join(runDir, "logs", "outside.txt")) && readFileSync(join(runDir, "logs", "outside.txt"), "utf8")).toBeFalsy();
    expect(report.valid_submission).toBe(true);
  }, 120_000);

  it("a crashing agent is recorded with its exit code, without a submission", async () => {
    const { report, runDir } = await runOne("crash", "mlegrade-test-agent:crash");
    expect(report.exit_code).toBe(3);
    expect(report.timed_out).toBe(false);
    expect(report.submission_exists).toBe(false);
    expect(report.error.code).toBe("MISSING_SUBMISSION");
    expect(readFileSync(join(runDir, "logs", "container.log"), "utf8")).toMatch(/failing/);
  }, 120_000);

  it("interrupting (Ctrl-C) stops and removes every container and leaves the run for --resume", async () => {
    const dir = join(out, "interrupted");
    const controller = new AbortController();
    const pending = runGroup({
      backend: new DockerBackend(docker!),
      outDir: dir,
      config: config("mlegrade-test-agent:slow", 600),
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "start") setTimeout(() => controller.abort(), 1500);
      },
    });
    const result = await pending;
    expect(result.interrupted).toBe(true);
    const left = await docker!.listContainers({ all: true, filters: { label: [`${LABEL_GROUP}=${result.state.id}`] } });
    expect(left).toEqual([]);
    expect(result.state.runs.map((r) => r.status)).toEqual(["pending"]);
    expect(existsSync(join(dir, "runs", "spaceship-titanic", "seed-0", "report.json"))).toBe(false);
  }, 120_000);

  it("the group summary has grade-batch's format", () => {
    const summary = JSON.parse(readFileSync(join(out, "good", "grading_report.json"), "utf8"));
    expect(Object.keys(summary)).toEqual(["total_runs", "total_runs_with_submissions", "total_valid_submissions", "total_medals", "total_gold_medals", "total_silver_medals", "total_bronze_medals", "total_above_median", "competition_reports"]);
    expect(summary.total_runs).toBe(1);
  });
});

void REPO_ROOT;
