/**
 * `npm run bench`: grading speed and memory of mlegrade against an idiomatic pandas + scikit-learn
 * baseline, on synthetic data at realistic and large sizes. Prints a Markdown report (the table in
 * docs/performance.md comes from it); no assertions.
 *
 *   npm run bench                       full run (10^4, 10^6, 10^7 rows; several minutes)
 *   npm run bench -- --quick            10^4 and 10^5 rows only
 *   npm run bench -- --only=binary-auc,levenshtein --repeat=3 --no-baseline --cpu=1
 *   npm run bench -- --others           then the other benchmarks of this folder (bench/*.mjs)
 *
 * Every measurement runs in its own child process pinned to one core (`taskset`), ours then the
 * baseline's, case by case. Data is generated once into os.tmpdir()/mlegrade-bench.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpus, freemem, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { dataFor } from "./lib/generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

/** The benchmarked competitions: one per metric family the issue names. */
const CASES = [
  { id: "tabular-rmse", competition: "new-york-city-taxi-fare-prediction", generator: "taxi", what: "RMSE, text keys", full: [1e4, 1e6, 1e7], quick: [1e4, 1e5] },
  { id: "tabular-rmse-shuffled", competition: "new-york-city-taxi-fare-prediction", generator: "taxiShuffled", baseline: "taxi", what: "RMSE, text keys, submission rows in another order", full: [1e4, 1e6], quick: [1e4] },
  { id: "binary-auc", competition: "tabular-playground-series-may-2022", generator: "tpsMay", what: "ROC AUC, integer ids", full: [1e4, 1e6, 1e7], quick: [1e4, 1e5] },
  { id: "logloss-120", competition: "dog-breed-identification", generator: "dogBreed", what: "log loss, 120 classes", full: [1e4, 1e5], quick: [1e4] },
  { id: "grouped-log-mae", competition: "champs-scalar-coupling", generator: "champs", what: "log-MAE by type, merge on id", full: [1e4, 1e6, 1e7], quick: [1e4, 1e5] },
  { id: "map-at-12", competition: "h-and-m-personalized-fashion-recommendations", generator: "handm", what: "MAP@12, hex ids", full: [1e4, 1e6], quick: [1e4, 1e5] },
  { id: "levenshtein", competition: "bms-molecular-translation", generator: "bms", what: "mean Levenshtein, InChI", full: [1e4, 1e6], quick: [1e4, 1e5] },
  { id: "detection-map", competition: "siim-covid19-detection", generator: "siim", what: "mAP@0.5 over boxes", full: [1e4, 1e6], quick: [1e4, 1e5] },
  { id: "rle-dice", competition: "google-research-identify-contrails-reduce-global-warming", generator: "contrails", what: "global Dice, 256×256 RLE masks", full: [1e3, 1e4], quick: [1e3] },
];

/** CSV ingest alone (read + parse submission.csv into typed columns). */
const INGEST = [
  { id: "ingest-2col", generator: "tpsMay", what: "id + 1 float column", full: [1e7], quick: [1e5] },
  { id: "ingest-121col", generator: "dogBreed", what: "id + 120 float columns", full: [1e5], quick: [1e4] },
];

/** Metrics alone on float64 arrays (issue #3: well under a second for 10^7 values). */
const METRICS = ["roc-auc", "log-loss", "root-mean-squared-error"];

const args = parseArgs(process.argv.slice(2));
const quick = Boolean(args.quick);
const only = args.only ? new Set(String(args.only).split(",")) : null;
const cpu = String(args.cpu ?? 0);
const dataRoot = join(tmpdir(), "mlegrade-bench");
const python = args.python ? String(args.python) : "/usr/bin/python3";
const pinned = hasTaskset();
const pythonStatus = checkPython();
const baseline = !args["no-baseline"] && pythonStatus.ok;
const results = [];

if (!existsSync(join(root, "dist", "node.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first (npm run bench does)");
  process.exit(2);
}

printMachine();

section("Grading: read both CSV files, validate, align by id, compute the metric");
const gradeRows = [];
for (const c of CASES) {
  if (only && !only.has(c.id)) continue;
  if (!competitionRegistered(c.competition)) {
    note(`${c.id}: ${c.competition} is not registered in this build; skipped`);
    continue;
  }
  for (const n of quick ? c.quick : c.full) {
    const data = await generate(c.generator, n);
    const bytes = data.answersBytes + data.submissionBytes;
    const ours = measure("node", ["bench/lib/child.mjs", "grade", c.competition, data.dir], n);
    const theirs = baseline ? measure("python", ["grade", c.baseline ?? c.generator, data.dir], n) : null;
    const row = { ...c, n, bytes, ours, theirs };
    gradeRows.push(row);
    results.push({ kind: "grade", id: c.id, competition: c.competition, n, bytes, ours, theirs });
    progress(row);
  }
}
printGradeTable(gradeRows);

section("CSV ingest: read and parse submission.csv only (pandas: read_csv with float_precision=\"round_trip\", as MLE-bench reads)");
const ingestRows = [];
for (const c of INGEST) {
  if (only && !only.has(c.id)) continue;
  for (const n of quick ? c.quick : c.full) {
    const data = await generate(c.generator, n);
    const ours = measure("node", ["bench/lib/child.mjs", "ingest", data.dir], n);
    const theirs = baseline ? measure("python", ["ingest", data.dir], n) : null;
    const row = { ...c, n, bytes: data.submissionBytes, ours, theirs };
    ingestRows.push(row);
    results.push({ kind: "ingest", id: c.id, n, bytes: data.submissionBytes, ours, theirs });
    progress(row);
  }
}
printIngestTable(ingestRows);

section("Metrics alone on float64 arrays (scikit-learn on numpy arrays as the baseline)");
const metricRows = [];
for (const metric of METRICS) {
  if (only && !only.has(metric) && !only.has("metrics")) continue;
  const n = quick ? 1e6 : 1e7;
  const ours = measure("node", ["bench/lib/child.mjs", "metric", metric, String(n)], n);
  const theirs = baseline ? measure("python", ["metric", metric, String(n)], n) : null;
  const row = { id: metric, n, ours, theirs };
  metricRows.push(row);
  results.push({ kind: "metric", ...row });
  progress(row);
}
printMetricTable(metricRows);

if (!only || only.has("startup")) {
  section("Start-up: whole `mlegrade grade` process on a 100-row submission (median of 15 runs)");
  printStartup(await startup());
}

if (args.others) {
  // The focused benchmarks beside this one (segmentation, streaming validation, …), one process each.
  for (const file of readdirSync(here).filter((name) => name.endsWith(".mjs") && name !== "run.mjs" && !name.endsWith("-child.mjs")).sort()) {
    section(`bench/${file}`);
    const result = spawnSync(process.execPath, [join(here, file)], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) process.exitCode = 1;
  }
}

const out = join(dataRoot, "results.json");
writeFileSync(out, JSON.stringify({ machine: machine(), results }, null, 2));
note(`raw results: ${out}`);

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const out = {};
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`bench: unexpected argument ${arg}`);
    out[m[1]] = m[2] ?? true;
  }
  return out;
}

function hasTaskset() {
  try {
    execFileSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function checkPython() {
  const probe = spawnSync(python, ["-c", "import sys, pandas, sklearn, numpy, scipy; print(sys.version.split()[0], pandas.__version__, sklearn.__version__, numpy.__version__)"], { encoding: "utf8" });
  if (probe.status !== 0) {
    return { ok: false, message: `the baseline needs ${python} with pandas, scikit-learn and scipy; on Debian/Ubuntu: sudo apt-get install python3-pandas python3-sklearn python3-scipy python3-levenshtein (or pass --python=/path/to/python3). Printing mlegrade's figures only.` };
  }
  const [version, pandas, sklearn, numpy] = probe.stdout.trim().split(" ");
  const lev = spawnSync(python, ["-c", "import Levenshtein"]).status === 0;
  return { ok: true, version, pandas, sklearn, numpy, levenshtein: lev };
}

function machine() {
  const model = cpus()[0]?.model ?? "unknown CPU";
  return {
    cpu: model,
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    freeGB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    python: pythonStatus.ok ? `Python ${pythonStatus.version}, pandas ${pythonStatus.pandas}, scikit-learn ${pythonStatus.sklearn}, numpy ${pythonStatus.numpy}` : "Python baseline not available",
    pinned: pinned ? `taskset -c ${cpu}` : "not pinned (taskset not found)",
  };
}

function printMachine() {
  const m = machine();
  console.log(`# mlegrade bench${quick ? " (quick)" : ""}\n`);
  console.log(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GiB memory (${m.freeGB} GiB free at start)`);
  console.log(`- Node ${m.node}; ${m.python}`);
  console.log(`- Each measurement: a fresh process, ${m.pinned}; time = read + parse + grade (library import excluded); RSS = the process's peak resident set`);
  if (!pythonStatus.ok) console.log(`- Baseline skipped: ${pythonStatus.message}`);
  else if (!pythonStatus.levenshtein) console.log(`- The levenshtein baseline needs python3-levenshtein (apt-get install python3-levenshtein); that row has no baseline`);
  console.log("");
}

function section(title) {
  console.log(`\n## ${title}\n`);
}

function note(text) {
  console.log(`> ${text}`);
}

function competitionRegistered(id) {
  const probe = spawnSync(process.execPath, ["--input-type=module", "-e", `import { COMPETITIONS } from ${JSON.stringify(join(root, "dist", "index.js"))}; process.exit(COMPETITIONS.some((c) => c.id === ${JSON.stringify(id)}) ? 0 : 1);`]);
  return probe.status === 0;
}

async function generate(generator, n) {
  const started = performance.now();
  const data = await dataFor(dataRoot, generator, n);
  const seconds = (performance.now() - started) / 1000;
  if (seconds > 1) process.stderr.write(`  generated ${generator} n=${n} in ${seconds.toFixed(1)} s\n`);
  return data;
}

/** Runs one measurement `repeat` times (default: 3 up to 10^5 rows, else 1) and keeps the fastest. */
function measure(side, childArgs, n) {
  if (side === "python" && childArgs[1] === "bms" && !pythonStatus.levenshtein) return { skipped: "python3-levenshtein missing" };
  const repeat = Number(args.repeat ?? (n <= 1e5 ? 3 : 1));
  let best = null;
  for (let k = 0; k < repeat; k++) {
    const command = side === "node" ? [process.execPath, ...childArgs] : [python, join(here, "lib", "baseline.py"), ...childArgs];
    const full = pinned ? ["taskset", "-c", cpu, ...command] : command;
    const started = performance.now();
    const run = spawnSync(full[0], full.slice(1), { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
    const processMs = performance.now() - started;
    if (run.status !== 0) {
      const reason = (run.stderr || run.stdout || `exit ${run.status} ${run.signal ?? ""}`).trim().split("\n").slice(-3).join(" | ");
      return { failed: reason.slice(0, 300) };
    }
    const result = { ...JSON.parse(run.stdout.trim().split("\n").pop()), processMs };
    if (!best || result.ms < best.ms) best = result;
  }
  return best;
}

function progress(row) {
  const fmt = (r) => (!r ? "-" : r.failed ? `failed (${r.failed})` : r.skipped ? `skipped (${r.skipped})` : `${r.ms.toFixed(1)} ms, ${r.rssMB.toFixed(0)} MB`);
  process.stderr.write(`  ${row.id} n=${row.n}: mlegrade ${fmt(row.ours)}; baseline ${fmt(row.theirs)}\n`);
}

function ok(r) {
  return r && !r.failed && !r.skipped;
}

function ms(r) {
  if (!r) return "–";
  if (r.failed) return "failed";
  if (r.skipped) return "–";
  return r.ms >= 100 ? r.ms.toFixed(0) : r.ms.toFixed(1);
}

function mb(r) {
  return ok(r) ? r.rssMB.toFixed(0) : "–";
}

function speedup(ours, theirs) {
  return ok(ours) && ok(theirs) ? `${(theirs.ms / ours.ms).toFixed(1)}×` : "–";
}

/** Whole child processes (start-up and library imports included): what a user waits for. */
function processSpeedup(ours, theirs) {
  return ok(ours) && ok(theirs) ? `${(theirs.processMs / ours.processMs).toFixed(1)}×` : "–";
}

function memoryRatio(ours, theirs) {
  return ok(ours) && ok(theirs) ? (ours.rssMB / theirs.rssMB).toFixed(2) : "–";
}

function rate(bytes, r) {
  return ok(r) ? (bytes / 1e6 / (r.ms / 1000)).toFixed(0) : "–";
}

function rows(n) {
  const exponent = Math.log10(n);
  return Number.isInteger(exponent) ? `10^${exponent}` : String(n);
}

function agree(ours, theirs) {
  if (!ok(ours) || !ok(theirs)) return ok(ours) && ours.error ? ours.error : "–";
  if (ours.score === theirs.score) return "equal";
  const diff = Math.abs(ours.score - theirs.score) / Math.max(Math.abs(theirs.score), 1e-300);
  return diff < 1e-9 ? `rel. diff ${diff.toExponential(0)}` : `DIFFER: ${ours.score} vs ${theirs.score}`;
}

function table(header, body) {
  if (body.length === 0) {
    console.log("(none selected)");
    return;
  }
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map((h, i) => (i < 2 ? "---" : "--:")).join("|")}|`);
  for (const line of body) console.log(`| ${line.join(" | ")} |`);
}

function printGradeTable(list) {
  table(
    ["case", "competition (metric)", "rows", "input MB", "mlegrade ms", "pandas ms", "speed-up", "whole-process speed-up", "mlegrade MB/s", "mlegrade RSS MB", "pandas RSS MB", "RSS ratio", "scores"],
    list.map((r) => [r.id, `${r.competition} (${r.what})`, rows(r.n), (r.bytes / 1e6).toFixed(1), ms(r.ours), ms(r.theirs), speedup(r.ours, r.theirs), processSpeedup(r.ours, r.theirs), rate(r.bytes, r.ours), mb(r.ours), mb(r.theirs), memoryRatio(r.ours, r.theirs), agree(r.ours, r.theirs)]),
  );
  for (const r of list) {
    if (r.ours?.failed) note(`${r.id} ${rows(r.n)}: mlegrade failed: ${r.ours.failed}`);
    if (r.theirs?.failed) note(`${r.id} ${rows(r.n)}: baseline failed: ${r.theirs.failed}`);
  }
}

function printIngestTable(list) {
  table(
    ["case", "columns", "rows", "file MB", "mlegrade ms", "pandas ms", "speed-up", "mlegrade MB/s", "pandas MB/s", "mlegrade RSS MB", "pandas RSS MB"],
    list.map((r) => [r.id, r.what, rows(r.n), (r.bytes / 1e6).toFixed(1), ms(r.ours), ms(r.theirs), speedup(r.ours, r.theirs), rate(r.bytes, r.ours), rate(r.bytes, r.theirs), mb(r.ours), mb(r.theirs)]),
  );
}

function printMetricTable(list) {
  table(
    ["metric", "", "values", "mlegrade ms", "scikit-learn ms", "speed-up", "scores"],
    list.map((r) => [r.id, "", rows(r.n), ms(r.ours), ms(r.theirs), speedup(r.ours, r.theirs), agree(r.ours, r.theirs)]),
  );
}

async function startup() {
  const data = await generate("tpsMay", 100);
  const runs = 15;
  const time = (command) => {
    const samples = [];
    for (let k = 0; k < runs; k++) {
      const full = pinned ? ["taskset", "-c", cpu, ...command] : command;
      const started = performance.now();
      const run = spawnSync(full[0], full.slice(1), { cwd: root, encoding: "utf8" });
      samples.push(performance.now() - started);
      if (run.status !== 0 && run.status !== 1) throw new Error(`start-up run failed: ${run.stderr}`);
    }
    samples.sort((a, b) => a - b);
    return samples[runs >> 1];
  };
  const cli = [process.execPath, join(root, "dist", "cli.js"), "grade", "--competition", "tabular-playground-series-may-2022", "--submission", join(data.dir, "submission.csv"), "--answers", join(data.dir, "answers.csv")];
  return {
    cli: time(cli),
    node: time([process.execPath, "-e", "0"]),
    python: baseline ? time([python, join(here, "lib", "baseline.py"), "grade", "tpsMay", data.dir]) : null,
  };
}

function printStartup(s) {
  table(
    ["process", "", "median ms"],
    [
      ["`mlegrade grade` (tabular-playground-series-may-2022, 100 rows)", "", s.cli.toFixed(0)],
      ["`node -e 0` (Node's own start-up, for reference)", "", s.node.toFixed(0)],
      ...(s.python === null ? [] : [["Python baseline, same grade (imports pandas + scikit-learn)", "", s.python.toFixed(0)]]),
    ],
  );
}
