/**
 * Writes docs/metrics/*.md and docs/competitions/*.md from the metadata (`npm run docs`), and
 * removes generated pages whose metric or competition no longer exists.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { METRICS } from "../../metrics/index.js";
import { COMPETITIONS } from "../../src/competitions/index.js";
import { COMMANDS } from "../../src/node/cli.js";
import { renderAll } from "./render.js";

const DOCS = join(dirname(fileURLToPath(import.meta.url)), "..");
const pages = renderAll(METRICS, COMPETITIONS, COMMANDS);
for (const folder of ["metrics", "competitions"]) {
  mkdirSync(join(DOCS, folder), { recursive: true });
  for (const name of readdirSync(join(DOCS, folder))) {
    if (name.endsWith(".md") && !pages.has(`${folder}/${name}`)) rmSync(join(DOCS, folder, name));
  }
}
for (const [path, text] of pages) writeFileSync(join(DOCS, path), text);
console.log(`wrote ${pages.size} pages under docs/`);
