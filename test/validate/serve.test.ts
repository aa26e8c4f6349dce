/**
 * The validation server over real HTTP on the loopback interface: MLE-bench's wire format,
 * participant-safe answers, limits, and a server that keeps serving after any bad request.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type RunningServer } from "../../src/node/serve.js";
import { probabilityCompetition } from "../helpers/competitions.js";
import { curlMultipart, dyingWorker, postFile, silentWorker, sourceWorker } from "../helpers/serve.js";

const execFileAsync = promisify(execFile);

const ANSWERS = "PassengerId,Transported\n0001_01,True\n0002_01,False\n0003_01,True\n";
const SAMPLE = "PassengerId,Transported\n0001_01,False\n0002_01,False\n0003_01,False\n";
const VALID = "PassengerId,Transported\n0003_01,True\n0001_01,False\n0002_01,False\n";

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mlegrade-serve-test-"));
  mkdirSync(join(dir, "spaceship-titanic/prepared/private"), { recursive: true });
  mkdirSync(join(dir, "spaceship-titanic/prepared/public"), { recursive: true });
  writeFileSync(join(dir, "spaceship-titanic/prepared/private/test.csv"), ANSWERS);
  writeFileSync(join(dir, "spaceship-titanic/prepared/public/sample_submission.csv"), SAMPLE);
  return dir;
}

/** POSTs a file the way `curl -F "file=@name" URL/validate` does. */
function upload(server: RunningServer, content: string | Uint8Array, options: { field?: string; filename?: string } = {}): Promise<{ status: number; body: Record<string, string> }> {
  return postFile(server.url, content, options);
}

async function health(server: RunningServer): Promise<unknown> {
  const response = await fetch(`${server.url}/health`);
  return { status: response.status, body: await response.json() };
}

describe("mlegrade serve, worker thread", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve({ competition: "spaceship-titanic", dataDir: dataDir(), port: 0, host: "127.0.0.1", createWorker: sourceWorker, maxBytes: 4096 });
  });
  afterAll(() => server.close());

  it("GET /health", async () => {
    expect(await health(server)).toEqual({ status: 200, body: { status: "running" } });
  });

  it("POST /validate: MLE-bench's answer for a valid file", async () => {
    expect(await upload(server, VALID)).toEqual({ status: 200, body: { result: "Submission is valid." } });
  });

  it("POST /validate: located problems, never an answer", async () => {
    const { status, body } = await upload(server, "PassengerId,Transported\n0001_01,yes\n0009_01,True\n", { filename: "mine.csv" });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["result"]);
    expect(body.result).toMatch(/^Submission invalid! /);
    expect(body.result).toMatch(/mine\.csv row 1, column "Transported": expected True or False, got "yes"/);
    expect(body.result).toMatch(/id "0009_01" is not in the sample submission/);
    expect(body.result).toMatch(/ids of the test set are missing/);
    expect(body.result).not.toMatch(/0002_01|0003_01/);
  });

  it("an upload over the size limit is a verdict, and the rest of the body is drained", async () => {
    const big = `PassengerId,Transported\n${"0001_01,True\n".repeat(1000)}`;
    const { status, body } = await upload(server, big);
    expect(status).toBe(413);
    expect(body.result).toMatch(/^Submission invalid! The file is larger than this server accepts/);
  });

  it("requests that are not uploads: 400, 404, 405, all JSON", async () => {
    expect((await fetch(`${server.url}/validate`, { method: "POST" })).status).toBe(400);
    expect((await upload(server, VALID, { field: "other" })).status).toBe(400);
    const garbled = await fetch(`${server.url}/validate`, { method: "POST", body: "--x\r\ngarbage", headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect([400, 200]).toContain(garbled.status);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    const get = await fetch(`${server.url}/validate`);
    expect(get.status).toBe(405);
    expect(await get.json()).toHaveProperty("error");
  });

  it("keeps serving after broken connections and raw garbage", async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, "127.0.0.1", () => {
        socket.write("POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nid,");
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, "127.0.0.1", () => socket.end("\u0000\u0001 NOT HTTP\r\n\r\n"));
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
      socket.resume();
    });
    expect(await health(server)).toEqual({ status: 200, body: { status: "running" } });
    expect((await upload(server, VALID)).body.result).toBe("Submission is valid.");
  });

  it("concurrent uploads are validated one at a time and all answered", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(server, i % 2 ? VALID : "x\n1\n")));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.result === "Submission is valid.")).toEqual([false, true, false, true, false, true]);
  });

  it.skipIf(spawnSync("curl", ["--version"]).status !== 0)("validate_submission.sh's curl command works unchanged", async () => {
    const file = writeTemp(VALID);
    // The command MLE-bench's environment/validate_submission.sh runs (asynchronously: the
    // server answers from this process).
    const curl = await execFileAsync("curl", ["-s", "-X", "POST", "-F", `file=@${file}`, `${server.url}/validate`], { timeout: 20_000 });
    expect(JSON.parse(curl.stdout)).toEqual({ result: "Submission is valid." });
    const health = await execFileAsync("curl", ["-s", `${server.url}/health`], { timeout: 20_000 });
    expect(JSON.parse(health.stdout)).toEqual({ status: "running" });
  });

  it("works with a plain http.request as well (Expect: 100-continue, as curl sends for large files)", async () => {
    const { body, contentType } = curlMultipart("file", "submission.csv", VALID);
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.url}/validate`, { method: "POST", headers: { "content-type": contentType, "content-length": body.length, expect: "100-continue" } }, (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (data += chunk));
        res.on("end", () => resolve(data));
      });
      req.on("continue", () => req.end(body));
      req.on("error", reject);
    });
    expect(JSON.parse(text)).toEqual({ result: "Submission is valid." });
  });
});

describe("mlegrade serve, limits", () => {
  it("a validation past its time limit gets 504, and the next one a fresh worker", async () => {
    let first = true;
    const server = await serve({
      competition: "spaceship-titanic",
      answersPath: join(dataDir(), "spaceship-titanic/prepared/private/test.csv"),
      port: 0,
      host: "127.0.0.1",
      timeoutMs: 4000,
      createWorker: (data, options) => {
        if (first) {
          first = false;
          return silentWorker();
        }
        return sourceWorker(data, options);
      },
    });
    try {
      const slow = await upload(server, VALID);
      expect(slow.status).toBe(504);
      expect(slow.body).toEqual({ error: "Validation timed out", details: "validation took longer than 4000 ms" });
      expect((await upload(server, VALID)).body).toEqual({ result: "Submission is valid." });
    } finally {
      await server.close();
    }
  });

  it("a full queue gets 503; a crashed worker 500; the server goes on", async () => {
    let workers = 0;
    const server = await serve({
      competition: "spaceship-titanic",
      samplePath: join(dataDir(), "spaceship-titanic/prepared/public/sample_submission.csv"),
      port: 0,
      host: "127.0.0.1",
      timeoutMs: 3000,
      queueLimit: 1,
      createWorker: (data, options) => {
        workers++;
        if (workers === 1) return silentWorker();
        if (workers === 2) return dyingWorker();
        return sourceWorker(data, options);
      },
    });
    try {
      const answers = await Promise.all([upload(server, VALID), upload(server, VALID), upload(server, VALID)]);
      expect(answers.map((a) => a.status).sort()).toEqual([500, 503, 504]);
      expect(answers.find((a) => a.status === 503)!.body.error).toBe("The server is busy");
      expect(answers.find((a) => a.status === 500)!.body.error).toBe("An unexpected error occurred.");
      expect(await health(server)).toEqual({ status: 200, body: { status: "running" } });
      expect((await upload(server, VALID)).body).toEqual({ result: "Submission is valid." });
    } finally {
      await server.close();
    }
  });

  it("without a worker thread (any definition): same answers", async () => {
    const server = await serve({ competition: probabilityCompetition, samplePath: writeTemp("id,p\na,0\nb,0\n"), port: 0, host: "127.0.0.1", isolate: false });
    try {
      expect((await upload(server, "id,p\na,0.5\nb,0.25\n")).body).toEqual({ result: "Submission is valid." });
      expect((await upload(server, "id,p\na,1.5\n")).body.result).toMatch(/expected a probability in \[0, 1\], got "1.5"/);
    } finally {
      await server.close();
    }
  });
});

function writeTemp(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "mlegrade-serve-test-")), "sample.csv");
  writeFileSync(path, content);
  return path;
}
