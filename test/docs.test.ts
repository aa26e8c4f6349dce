/** The generated docs pages are up to date with the metadata (run `npm run docs` after a change). */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderAll } from "../docs/gen/render.js";
import { METRICS } from "../metrics/index.js";
import { COMPETITIONS } from "../src/competitions/index.js";
import { COMMANDS } from "../src/node/cli.js";
import { REPO_ROOT } from "./helpers/shared.js";

const DOCS = join(REPO_ROOT, "docs");
const pages = renderAll(METRICS, COMPETITIONS, COMMANDS);

describe("generated docs", () => {
  for (const [path, text] of pages) {
    it(`${path} is current`, () => {
      const file = join(DOCS, path);
      expect(existsSync(file), `${path} is missing: run npm run docs`).toBe(true);
      expect(readFileSync(file, "utf8"), `${path} is stale: run npm run docs`).toBe(text);
    });
  }
  it("has no pages left over from removed metrics or competitions", () => {
    expect(pages.has("medal-bands.svg")).toBe(true);
    for (const folder of ["metrics", "competitions"]) {
      for (const name of readdirSync(join(DOCS, folder))) expect(pages.has(`${folder}/${name}`), `${folder}/${name} is not generated`).toBe(true);
    }
  });
});
