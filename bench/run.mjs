// Runs every benchmark in this folder, one process each (`npm run bench` builds the package first).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
let failed = false;
for (const file of readdirSync(here).filter((name) => name.endsWith(".mjs") && name !== "run.mjs").sort()) {
  console.log(`\n# ${file}`);
  const result = spawnSync(process.execPath, [join(here, file), ...process.argv.slice(2)], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
