/**
 * Measures what the platform-neutral entries cost in a browser bundle (esbuild, minified, ESM,
 * browser platform; gzip -9), for docs/browser.md:  npx tsx docs/gen/bundle-size.ts
 */
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const BUNDLE_CASES: Array<[label: string, source: string]> = [
  ["everything in `mlegrade` (82 graders, 41 metrics, medals, validation, reports)", `export * from "./src/index.ts";`],
  ["everything in `mlegrade/metrics`", `export * from "./src/metrics.ts";`],
  ["`grade` from `mlegrade`", `export { grade } from "./src/index.ts";`],
  ["`parseLeaderboard`, `computeThresholds`, `placeScore` from `mlegrade`", `export { parseLeaderboard, computeThresholds, placeScore } from "./src/index.ts";`],
  ["`rocAuc` from `mlegrade/metrics`", `export { rocAuc } from "./src/metrics.ts";`],
  ["`logLoss` from `mlegrade/metrics`", `export { logLoss } from "./src/metrics.ts";`],
];

export async function measure(source: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0]!.contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("| import | minified | minified + gzip |\n|---|---|---|");
  for (const [label, source] of BUNDLE_CASES) {
    const { minified, gzipped } = await measure(source);
    console.log(`| ${label} | ${(minified / 1024).toFixed(1)} KiB | ${(gzipped / 1024).toFixed(1)} KiB |`);
  }
}
