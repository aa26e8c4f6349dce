/**
 * One measurement in a fresh process (run by bench/run.mjs, pinned to one core):
 *   node bench/lib/child.mjs grade <competition> <dir>     read + parse + grade, as `mlegrade grade` does
 *   node bench/lib/child.mjs ingest <dir>                  read + parse submission.csv only
 *   node bench/lib/child.mjs metric <metric> <n>           one metric on n synthetic float64 values
 * Prints one JSON line: { ms, score, rssMB }. Loading the library is not timed (see the start-up
 * figure for that).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [mode, ...args] = process.argv.slice(2);
const { gradeFile } = await import("../../dist/node.js");
const { Frame } = await import("../../dist/index.js");
const metrics = await import("../../dist/metrics.js");

function rssMB() {
  return process.resourceUsage().maxRSS / 1024;
}

let result;
if (mode === "grade") {
  const [competition, dir] = args;
  const start = performance.now();
  const report = gradeFile({ competition, submissionPath: join(dir, "submission.csv"), answersPath: join(dir, "answers.csv") });
  const ms = performance.now() - start;
  result = { ms, score: report.raw_score, error: report.error ? `${report.error.code}: ${report.error.message}` : undefined };
} else if (mode === "ingest") {
  const [dir] = args;
  const start = performance.now();
  const frame = Frame.fromCsv(readFileSync(join(dir, "submission.csv")), { file: "submission.csv" });
  const ms = performance.now() - start;
  result = { ms, score: frame.length * frame.columns.length };
} else if (mode === "metric") {
  const [metric, size] = args;
  const n = Number(size);
  // Same values as bench/lib/baseline.py builds: labels i % 3 == 0, scores from a fixed hash of i.
  const yTrue = new Float64Array(n);
  const yScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = i % 3 === 0 ? 1 : 0;
    yScore[i] = ((Math.imul(i, 2654435761) >>> 0) % 1000003) / 1000003 * 0.98 + 0.01;
  }
  const run = {
    "roc-auc": () => metrics.rocAuc(yTrue, yScore),
    "log-loss": () => metrics.logLoss(yTrue, yScore),
    "root-mean-squared-error": () => metrics.rootMeanSquaredError(yTrue, yScore),
  }[metric];
  const start = performance.now();
  const score = run();
  const ms = performance.now() - start;
  result = { ms, score };
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(JSON.stringify({ ...result, rssMB: rssMB() }) + "\n");
