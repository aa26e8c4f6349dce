/**
 * `mlegrade serve`: a validation server with MLE-bench's wire format, so agents and
 * `validate_submission.sh` (curl) work unchanged:
 * - `POST /validate`, multipart form with the file in field `file` → `200 {"result": "..."}`,
 *   the result being "Submission is valid." or "Submission invalid! …" (participant-safe text:
 *   never an answer, an answers-only id or a score);
 * - `GET /health` → `200 {"status": "running"}`.
 * Errors that are not verdicts use MLE-bench's error shape `{"error": "...", "details": "..."}`:
 * 400 for a request without a file, 503 when the queue is full, 504 when a validation runs past
 * its time limit, 500 when validation itself fails. An upload over the size limit is a verdict:
 * `413 {"result": "Submission invalid! …"}`.
 *
 * Uploads are streamed to a temporary file (never held in memory), then validated one at a time
 * per competition in a worker thread, behind a bounded queue. A validation that times out or
 * runs out of memory costs its worker, which is replaced; the server keeps serving.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Worker } from "node:worker_threads";
import busboy from "busboy";
import type { CompetitionDefinition } from "../competitions/define.js";
import { getCompetition } from "../competitions/index.js";
import type { GradingMode } from "../medals.js";
import { MAX_CSV_BYTES } from "../table/frame.js";
import { UploadValidator, type WorkerInit, type WorkerJob, type WorkerReply } from "./serve-worker.js";

export interface ServeOptions {
  competition: string | CompetitionDefinition;
  /** MLE-bench data dir holding the answers and/or sample submission. */
  dataDir?: string;
  answersPath?: string;
  samplePath?: string;
  mode?: GradingMode;
  /** Interface to listen on (default 0.0.0.0, as MLE-bench's server) and port (default 5000; 0 picks one). */
  host?: string;
  port?: number;
  /** Largest upload accepted, in bytes (default 512 MiB, what the grader can read into memory). */
  maxBytes?: number;
  /** Time limit of one validation, in milliseconds (default 5 minutes). */
  timeoutMs?: number;
  /** Validations that may wait per competition while one runs (default 8); more get 503. */
  queueLimit?: number;
  /** Run validations in a worker thread (default true; required for hard time limits). */
  isolate?: boolean;
  /** Old-generation memory limit of the worker, in MiB (default 4096). */
  workerMemoryMb?: number;
  /** Creates the worker (tests running from TypeScript sources supply their own). */
  createWorker?: (workerData: { mlegradeServe: WorkerInit }, options: { resourceLimits: { maxOldGenerationSizeMb: number } }) => Worker;
  /** One line per request. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Verdict {
  result: string;
  valid: boolean;
}

class TimeoutFailure extends Error {}

function duration(ms: number): string {
  return ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
class BusyFailure extends Error {}

/** Runs validations one at a time, in a worker thread or in this thread. */
interface Backend {
  validate(job: Omit<WorkerJob, "id">, timeoutMs: number): Promise<Verdict>;
  close(): Promise<void>;
}

class WorkerBackend implements Backend {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(
    private readonly init: WorkerInit,
    private readonly options: ServeOptions,
  ) {}

  private spawn(): Worker {
    const workerData = { mlegradeServe: this.init };
    const limits = { resourceLimits: { maxOldGenerationSizeMb: this.options.workerMemoryMb ?? 4096 } };
    const worker = this.options.createWorker ? this.options.createWorker(workerData, limits) : new Worker(new URL("./serve-worker.js", import.meta.url), { workerData, ...limits });
    worker.unref();
    return worker;
  }

  validate(job: Omit<WorkerJob, "id">, timeoutMs: number): Promise<Verdict> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<Verdict>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const retire = (): void => {
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== id) return;
        done();
        if ("error" in reply) reject(new Error(reply.error));
        else resolve({ result: reply.result, valid: reply.valid });
      };
      const onError = (error: Error): void => {
        done();
        retire();
        reject(error);
      };
      const onExit = (code: number): void => {
        done();
        if (this.worker === worker) this.worker = null;
        reject(new Error(`the validation worker stopped (exit code ${code})`));
      };
      const timer = setTimeout(() => {
        done();
        retire();
        reject(new TimeoutFailure(`validation took longer than ${duration(timeoutMs)}`));
      }, timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ id, ...job } satisfies WorkerJob);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

class InlineBackend implements Backend {
  private readonly validator: UploadValidator;

  constructor(options: ServeOptions) {
    this.validator = new UploadValidator(options);
  }

  async validate(job: Omit<WorkerJob, "id">, timeoutMs: number): Promise<Verdict> {
    // In this thread a validation can only stop between chunks of the file.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await this.validator.validate(job, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw new TimeoutFailure(`validation took longer than ${duration(timeoutMs)}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {}
}

/** One validation at a time, with at most `limit` waiting. */
class Lane {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly limit: number) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.limit) return Promise.reject(new BusyFailure(`${this.waiting} validations are already queued`));
    this.waiting++;
    const result = this.tail.then(() => {
      this.waiting--;
      return task();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}

type Upload = { kind: "file"; path: string; name: string } | { kind: "too-large" } | { kind: "none" } | { kind: "bad"; message: string };

/** Streams the multipart field `file` to `path`, never holding more than a chunk in memory. */
function receiveUpload(req: IncomingMessage, path: string, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 16, parts: 32, fieldSize: 65536 } });
    } catch (error) {
      req.resume();
      resolve({ kind: "bad", message: (error as Error).message });
      return;
    }
    let upload: Upload = { kind: "none" };
    let writing: Promise<void> | null = null;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || writing) {
        stream.resume();
        return;
      }
      stream.on("limit", () => {
        upload = { kind: "too-large" };
      });
      upload = { kind: "file", path, name: safeName(info.filename) };
      writing = pipeline(stream, createWriteStream(path));
    });
    parser.on("error", (error: Error) => {
      req.unpipe(parser);
      req.resume();
      resolve({ kind: "bad", message: error.message });
    });
    parser.on("close", () => {
      (writing ?? Promise.resolve()).then(() => resolve(upload), reject);
    });
    req.on("aborted", () => resolve({ kind: "bad", message: "the upload was interrupted" }));
    req.pipe(parser);
  });
}

/** The uploaded file's base name, for messages (control characters removed, length capped). */
function safeName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const clean = basename(name ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 100);
  return clean || "submission.csv";
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Starts the server; resolves once it listens. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const competition = typeof options.competition === "string" ? getCompetition(options.competition) : options.competition;
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const log = options.log ?? (() => undefined);
  const isolate = options.isolate ?? true;
  // A worker looks the competition up by id: only registered competitions can run isolated.
  if (isolate) getCompetition(competition.id);
  const backend: Backend = isolate
    ? new WorkerBackend({ competition: competition.id, dataDir: options.dataDir, answersPath: options.answersPath, samplePath: options.samplePath, mode: options.mode }, options)
    : new InlineBackend({ ...options, competition });
  const lane = new Lane(options.queueLimit ?? 8);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") {
      if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { error: "Method not allowed", details: "use GET /health" }, { allow: "GET" });
      req.resume();
      return send(res, 200, { status: "running" });
    }
    if (url.pathname !== "/validate") {
      req.resume();
      return send(res, 404, { error: "Not found", details: "the server answers POST /validate and GET /health" });
    }
    if (req.method !== "POST") {
      req.resume();
      return send(res, 405, { error: "Method not allowed", details: "use POST /validate with a multipart form field named file" }, { allow: "POST" });
    }
    const dir = await mkdtemp(join(tmpdir(), "mlegrade-serve-"));
    try {
      const upload = await receiveUpload(req, join(dir, "submission.csv"), maxBytes);
      if (upload.kind === "too-large") {
        return send(res, 413, { result: `Submission invalid! The file is larger than this server accepts: more than ${maxBytes} bytes (TOO_LARGE)` });
      }
      if (upload.kind !== "file") {
        const details = upload.kind === "bad" ? upload.message : "no file field";
        return send(res, 400, { error: "Bad request: expected a multipart/form-data upload with the file in a field named \"file\"", details });
      }
      const verdict = await lane.run(() => backend.validate({ path: upload.path, fileName: upload.name }, timeoutMs));
      log(`POST /validate ${upload.name}: ${verdict.valid ? "valid" : "invalid"}`);
      return send(res, 200, { result: verdict.result });
    } catch (error) {
      if (error instanceof BusyFailure) return send(res, 503, { error: "The server is busy", details: error.message }, { "retry-after": "5" });
      if (error instanceof TimeoutFailure) return send(res, 504, { error: "Validation timed out", details: error.message });
      log(`POST /validate failed: ${(error as Error).message}`);
      return send(res, 500, { error: "An unexpected error occurred.", details: (error as Error).message });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  const server: Server = createServer((req, res) => {
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    handle(req, res).catch((error: unknown) => send(res, 500, { error: "An unexpected error occurred.", details: String(error) }));
  });
  server.requestTimeout = 600_000;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 5000, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`,
    port: address.port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await backend.close();
    },
  };
}
