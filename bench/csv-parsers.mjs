// CSV parsers on the same text in memory, best of three: mlegrade's reader (pandas' typing rules,
// `Frame.fromCsv`) against general-purpose JavaScript parsers with number typing turned on. The
// others are not dependencies of mlegrade; install them to include them:
//
//   npm install --no-save udsv csv-parse papaparse && npm run build && node bench/csv-parsers.mjs
//
// or point MLEGRADE_BENCH_MODULES at a node_modules folder that has them.
//
// Files come from bench/run.mjs's data folder (run `npm run bench -- --quick` once first), or pass
// CSV paths as arguments.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Frame } from "../dist/index.js";

const elsewhere = process.env.MLEGRADE_BENCH_MODULES;

async function optional(name) {
  try {
    if (!elsewhere) return await import(name);
    return await import(pathToFileURL(createRequire(join(elsewhere, "x.js")).resolve(name)).href);
  } catch {
    return undefined;
  }
}

const udsv = await optional("udsv");
const csvParse = await optional("csv-parse/sync");
const papa = (await optional("papaparse"))?.default;

const parsers = {
  mlegrade: (text) => Frame.fromCsv(text),
  ...(udsv && { udsv: (text) => udsv.initParser(udsv.inferSchema(text)).typedCols(text) }),
  ...(csvParse && { "csv-parse": (text) => csvParse.parse(text, { cast: true }) }),
  ...(papa && { papaparse: (text) => papa.parse(text, { dynamicTyping: true }) }),
};
const missing = ["udsv", "csv-parse", "papaparse"].filter((name) => !(name in parsers));
if (missing.length > 0) console.log(`(not installed, skipped: ${missing.join(", ")}; npm install --no-save ${missing.join(" ")})`);

let files = process.argv.slice(2);
if (files.length === 0) {
  const root = join(tmpdir(), "mlegrade-bench");
  const folders = existsSync(root) ? readdirSync(root) : [];
  // The largest of each kind present, up to 10^6 rows (10^4 for the wide one).
  for (const [kind, limit] of [["tpsMay", 1e6], ["dogBreed", 1e4], ["taxi", 1e6]]) {
    const sizes = folders.map((name) => new RegExp(`^${kind}-(\\d+)-v\\d+$`).exec(name)).filter((m) => m && Number(m[1]) <= limit);
    const largest = sizes.sort((a, b) => Number(b[1]) - Number(a[1]))[0];
    if (largest) files.push(join(root, largest[0], "submission.csv"));
  }
}
if (files.length === 0) console.log("no data yet: run `npm run bench -- --quick` first, or pass CSV files");

console.log("| file | MB | " + Object.keys(parsers).map((name) => `${name} ms (MB/s)`).join(" | ") + " |");
console.log("|---|--:|" + Object.keys(parsers).map(() => "--:").join("|") + "|");
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const mb = text.length / 1e6;
  const cells = Object.values(parsers).map((parse) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const start = performance.now();
      parse(text);
      best = Math.min(best, performance.now() - start);
    }
    return `${best.toFixed(0)} (${(mb / (best / 1000)).toFixed(0)})`;
  });
  console.log(`| ${file.split("/").slice(-2).join("/")} | ${mb.toFixed(1)} | ${cells.join(" | ")} |`);
}
