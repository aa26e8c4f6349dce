/**
 * Running the validation server from the TypeScript sources: its worker thread loads
 * `src/node/serve-worker.ts` through tsx (the built package uses `dist/serve-worker.js`).
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { request } from "node:http";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { REPO_ROOT } from "./shared.js";

const require = createRequire(import.meta.url);
// tsx's ESM API, found through its package's export map (require.resolve would give the CJS one).
const TSX_ROOT = dirname(require.resolve("tsx/package.json"));
const TSX_EXPORT = (JSON.parse(readFileSync(join(TSX_ROOT, "package.json"), "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]!;
const TSX_API = pathToFileURL(join(TSX_ROOT, TSX_EXPORT.import.default)).href;
const WORKER = pathToFileURL(join(REPO_ROOT, "src/node/serve-worker.ts")).href;
const BOOT = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then(({ tsImport }) => tsImport(workerData.file, workerData.file));
`;

/** A worker running the server's worker module from source. */
export function sourceWorker(workerData: object, options: { resourceLimits?: ResourceLimits } = {}): Worker {
  return new Worker(BOOT, { eval: true, workerData: { ...workerData, tsxApi: TSX_API, file: WORKER }, ...options });
}

/** A worker that never answers (for time limits and full queues). */
export function silentWorker(): Worker {
  return new Worker("setInterval(() => {}, 1000);", { eval: true });
}

/** A worker that dies at once (a crash, as running out of memory would be). */
export function dyingWorker(): Worker {
  return new Worker("process.exit(3);", { eval: true });
}

/**
 * A multipart/form-data body as curl builds it for `curl -F "file=@name"`: boundary of dashes
 * and hex digits, the part's headers, the bytes, the closing boundary.
 */
export function curlMultipart(field: string, filename: string, content: Uint8Array | string): { body: Buffer; contentType: string } {
  const boundary = `------------------------${"0123456789abcdef".repeat(1).slice(0, 16)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * POSTs a file as `curl -F "field=@filename"` does, on a fresh connection: the server runs in the
 * test's process, so a kept-alive connection reused after a long synchronous step could meet the
 * server's overdue idle timer closing it.
 */
export function postFile(url: string, content: Uint8Array | string, options: { field?: string; filename?: string } = {}): Promise<{ status: number; body: Record<string, string> }> {
  const form = curlMultipart(options.field ?? "file", options.filename ?? "submission.csv", content);
  return new Promise((resolve, reject) => {
    const req = request(`${url}/validate`, { method: "POST", agent: false, headers: { "content-type": form.contentType, "content-length": form.body.length } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, string> }));
    });
    req.on("error", reject);
    req.end(form.body);
  });
}
