import { getCompetition } from "../../competitions/index.js";
import { UsageError } from "../../errors.js";
import { EXIT, modeOption, optionalString, required, type Command } from "../cli-kit.js";
import { serve } from "../serve.js";

function positiveNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`serve: ${flag} must be a positive number, got ${JSON.stringify(text)}`);
  return value;
}

export const serveCommand: Command = {
  name: "serve",
  summary: "validation server wire-compatible with MLE-bench's: POST /validate (multipart field file), GET /health",
  usage: "serve --competition ID (--data-dir DIR | --answers FILE | --sample FILE) [--port 5000] [--host 0.0.0.0] [--max-mb 512] [--timeout 300] [--queue 8] [--mode mlebench|kaggle]",
  help: [
    ["--competition ID", "competition id (see mlegrade list)"],
    ["--data-dir DIR", "MLE-bench prepared data: answers (grader check) and sample submission, where present"],
    ["--answers FILE", "private answers, instead of or besides --data-dir"],
    ["--sample FILE", "sample submission, instead of or besides --data-dir"],
    ["--port N", "port to listen on (default 5000, as MLE-bench; 0 picks a free one)"],
    ["--host HOST", "interface to listen on (default 0.0.0.0, as MLE-bench)"],
    ["--max-mb N", "largest upload accepted, in MiB (default 512)"],
    ["--timeout S", "time limit of one validation, in seconds (default 300)"],
    ["--queue N", "validations that may wait while one runs (default 8; more get 503)"],
    ["--mode MODE", "grading mode for the grader check: mlebench (default) or kaggle"],
  ],
  options: {
    competition: { type: "string" },
    "data-dir": { type: "string" },
    answers: { type: "string" },
    sample: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "max-mb": { type: "string" },
    timeout: { type: "string" },
    queue: { type: "string" },
    mode: { type: "string" },
  },
  async run(values, _positionals, io) {
    const competition = getCompetition(required(values, "competition", "serve"));
    const dataDir = optionalString(values, "data-dir");
    const answersPath = optionalString(values, "answers");
    const samplePath = optionalString(values, "sample");
    if (!dataDir && !answersPath && !samplePath) throw new UsageError("serve: expected --data-dir DIR, --answers FILE or --sample FILE (see mlegrade serve --help)");
    const portText = optionalString(values, "port") ?? "5000";
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`serve: --port must be a port number, got ${JSON.stringify(portText)}`);
    const maxMb = positiveNumber(optionalString(values, "max-mb"), "--max-mb");
    const timeout = positiveNumber(optionalString(values, "timeout"), "--timeout");
    const queue = positiveNumber(optionalString(values, "queue"), "--queue");
    const server = await serve({
      competition,
      dataDir,
      answersPath,
      samplePath,
      mode: modeOption(values, "serve"),
      port,
      host: optionalString(values, "host"),
      maxBytes: maxMb === undefined ? undefined : Math.floor(maxMb * 1_048_576),
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
      queueLimit: queue === undefined ? undefined : Math.floor(queue),
      log: (line) => io.stderr(`mlegrade serve: ${line}\n`),
    });
    io.stdout(`mlegrade serve: ${competition.id} listening on ${server.url} (POST /validate, GET /health)\n`);
    // Serve until interrupted (Ctrl-C aborts the signal).
    await new Promise<void>((resolve) => {
      if (!io.signal || io.signal.aborted) return resolve();
      io.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await server.close();
    return EXIT.ok;
  },
};
