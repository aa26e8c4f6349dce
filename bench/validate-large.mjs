// Streaming validation of a large generated CSV: time and peak memory.
//
//   npm run build && node bench/validate-large.mjs [--mb 1024] [--reference definition|sample] [--keep]
//
// Writes a submission of about --mb MiB into the system's temporary folder (an id column and 20
// probability columns, every row valid, ids distinct), validates it in a fresh process with the
// built package (bench/validate-child.mjs, so the peak memory is the validation's alone), prints
// one JSON line and deletes the file unless --keep. With --reference sample, a sample submission
// of 100,000 ids is the reference, so the rows beyond it are reported as unexpected ids.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const COLUMNS = 20;

/** Writes about `megabytes` MiB of valid rows into `dir`; resolves to the path and row count. */
export async function writeLargeSubmission(dir, megabytes, columns = COLUMNS) {
  const path = join(dir, "submission.csv");
  const out = createWriteStream(path);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once("drain", resolve)));
  const target = megabytes * 1_048_576;
  let written = 0;
  let rows = 0;
  let seed = 12345;
  const header = ["id", ...Array.from({ length: columns }, (_, k) => `p${k}`)].join(",") + "\n";
  await write(header);
  written += header.length;
  while (written < target) {
    let block = "";
    for (let r = 0; r < 2000; r++) {
      let line = `row${rows++}`;
      for (let k = 0; k < columns; k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        line += `,${(seed / 4294967296).toFixed(6)}`;
      }
      block += line + "\n";
    }
    written += block.length;
    await write(block);
  }
  await new Promise((resolve) => out.end(resolve));
  return { path, rows };
}

/** Validates `path` in a fresh Node process with the built package; returns its JSON line. */
export function validateInChild(path, reference = "definition", columns = COLUMNS) {
  const child = fileURLToPath(new URL("./validate-child.mjs", import.meta.url));
  const result = spawnSync(process.execPath, [child, path, reference, String(columns)], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`validation failed (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

async function main() {
  const { values } = parseArgs({ options: { mb: { type: "string", default: "1024" }, reference: { type: "string", default: "definition" }, keep: { type: "boolean" } } });
  const dir = mkdtempSync(join(tmpdir(), "mlegrade-large-"));
  try {
    const started = performance.now();
    const { path, rows } = await writeLargeSubmission(dir, Number(values.mb));
    const generatedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    console.log(JSON.stringify({ rows, generatedSeconds, ...validateInChild(path, values.reference) }));
    if (values.keep) console.error(`kept ${path}`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
