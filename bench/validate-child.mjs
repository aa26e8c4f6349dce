// Validates one file with the built package (dist/) and prints time and peak memory as JSON.
// Run by bench/validate-large.ts in a fresh process: node bench/validate-child.mjs FILE definition|sample
import { statSync } from "node:fs";
import { defineCompetition, Frame } from "../dist/index.js";
import { validateFile } from "../dist/node.js";

const [path, reference = "definition", columns = "20"] = process.argv.slice(2);
const width = Number(columns);
const competition = defineCompetition(
  {
    id: "bench-probabilities",
    name: "Streaming benchmark",
    splits: ["dev"],
    answers: "bench/prepared/private/answers.csv",
    sampleSubmission: "bench/prepared/public/sample_submission.csv",
    columns: [{ name: "id", kind: "id" }, ...Array.from({ length: width }, (_, k) => ({ name: `p${k}`, kind: "probability" }))],
    answersColumns: ["id"],
    metric: { id: "accuracy" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "none (benchmark)",
  },
  () => 0,
);
let sample = null;
if (reference === "sample") {
  const ids = Array.from({ length: 100_000 }, (_, i) => `row${i}`);
  sample = Frame.fromRecord({ id: ids, p0: ids.map(() => 0.5) });
}
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const started = performance.now();
const report = await validateFile({ competition, submissionPath: path, answers: null, sample, onProgress: () => {
  peak = Math.max(peak, process.memoryUsage().rss);
} });
const seconds = (performance.now() - started) / 1000;
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
const megabytes = statSync(path).size / 1_048_576;
console.log(JSON.stringify({
  megabytes: Math.round(megabytes),
  reference: report.reference,
  rows: report.rows,
  valid: report.valid,
  counts: report.counts,
  seconds: Number(seconds.toFixed(1)),
  mbPerSecond: Number((megabytes / seconds).toFixed(1)),
  rssBeforeMiB: Math.round(rssBefore / 1_048_576),
  peakRssMiB: Math.round(peak / 1_048_576),
}));
