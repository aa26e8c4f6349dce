#!/usr/bin/env node
/**
 * Builds the browser example into one self-contained file, examples/browser/dist/index.html, with
 * the app and mlegrade's core inlined (no network, opens from disk). Run by `npm run build`.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const result = await build({
  entryPoints: [join(here, "app.ts")],
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  write: false,
  legalComments: "none",
});
const script = result.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
const html = readFileSync(join(here, "index.html"), "utf8").replace('<script src="app.js"></script>', () => `<script>${script}</script>`);
mkdirSync(join(here, "dist"), { recursive: true });
writeFileSync(join(here, "dist", "index.html"), html);
console.log(`examples/browser/dist/index.html: ${(html.length / 1024).toFixed(0)} KiB`);
