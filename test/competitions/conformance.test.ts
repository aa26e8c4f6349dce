/**
 * Every registered competition against `../shared/conformance/<id>/`: the cases MLE-bench's own
 * Python graders scored. Runs through the public API; `cli.conformance.test.ts` runs the same
 * cases through the CLI.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grade, listCompetitions } from "../../src/index.js";
import { compareCase, conformanceIds, hasShared, loadSuite } from "../helpers/shared.js";

const available = new Set(conformanceIds());
const registered = listCompetitions("all").filter((c) => available.has(c.id));

describe.skipIf(!hasShared)("conformance with MLE-bench's graders (public API)", () => {
  it("has conformance cases for every registered competition", () => {
    const missing = listCompetitions("all").filter((c) => !available.has(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  for (const competition of registered) {
    describe(competition.id, () => {
      const suite = loadSuite(competition.id);
      const answers = readFileSync(join(suite.dir, suite.answers));
      for (const testCase of suite.cases) {
        it(`${testCase.name} (${testCase.outcome})`, () => {
          const report = grade({
            competition: competition.id,
            submission: readFileSync(join(suite.dir, testCase.submission)),
            answers,
            submissionPath: testCase.submission,
          });
          const difference = compareCase(testCase, report);
          expect(difference, `${competition.id}/${testCase.name}: ${testCase.note ?? ""}`).toBeNull();
          if (testCase.outcome !== "score") {
            // We keep MLE-bench's distinction between a rejected and a crashed submission.
            expect(report.error?.upstream, `${testCase.name}: ${report.error?.code} ${report.error?.message}`).toBe(testCase.outcome === "error" ? "error" : "invalid");
          }
        });
      }
    });
  }
});
