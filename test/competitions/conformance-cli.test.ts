/**
 * The conformance cases through the CLI: `mlegrade grade --competition ID --submission FILE
 * --answers FILE --json`, in-process through `run()` (the same code path the bin uses; the built
 * binary itself is exercised in cli.e2e.test.ts).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listCompetitions } from "../../src/index.js";
import { run } from "../../src/node/cli.js";
import { captureIO } from "../helpers/io.js";
import { compareCase, conformanceIds, hasShared, loadSuite } from "../helpers/shared.js";

const available = new Set(conformanceIds());
const registered = listCompetitions("all").filter((c) => available.has(c.id));

describe.skipIf(!hasShared)("conformance with MLE-bench's graders (CLI)", () => {
  for (const competition of registered) {
    it(competition.id, async () => {
      const suite = loadSuite(competition.id);
      for (const testCase of suite.cases) {
        const io = captureIO();
        const code = await run(
          ["grade", "--competition", competition.id, "--submission", join(suite.dir, testCase.submission), "--answers", join(suite.dir, suite.answers), "--json"],
          io,
        );
        expect(io.err(), testCase.name).toBe("");
        const report = JSON.parse(io.out(), (_key, value) => (value === "NaN" ? NaN : value === "Infinity" ? Infinity : value === "-Infinity" ? -Infinity : value));
        expect(code, testCase.name).toBe(testCase.outcome === "score" ? 0 : 1);
        expect(compareCase(testCase, report), `${testCase.name}`).toBeNull();
      }
    });
  }
});
