import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      metrics: "src/metrics.ts",
      node: "src/node/index.ts",
      runner: "src/runner/index.ts",
      "batch-worker": "src/node/batch-worker.ts",
      "serve-worker": "src/node/serve-worker.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    shims: true,
    target: "node20",
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    clean: false,
    target: "node20",
    splitting: false,
  },
]);
