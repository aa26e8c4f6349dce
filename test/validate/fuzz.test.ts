/**
 * Fuzzing in the regular suite: a few thousand CSV inputs through Frame.fromCsv, validate (whole,
 * chunked, three references) and grade (see test/helpers/fuzz.ts), then every registered
 * competition's grader on mutated real submissions. `bench/fuzz-csv.ts` runs the first property on
 * 10^5 cases and more.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { COMPETITIONS } from "../../src/competitions/index.js";
import { loadAnswers } from "../../src/grader/grade.js";
import { checkFuzzCase, checkGraderCase, fuzzInput, mutatedSubmission } from "../helpers/fuzz.js";
import { conformanceIds, hasShared, loadSuite } from "../helpers/shared.js";

describe("fuzzing CSV input", () => {
  it("never throws an untyped error, never takes long, reports stay bounded", () => {
    fc.assert(fc.property(fuzzInput(), checkFuzzCase), { numRuns: 1500, seed: 20250101 });
  });

  const registered = new Map(COMPETITIONS.map((c) => [c.id, c]));
  it.skipIf(!hasShared)("every registered grader: typed errors only, and validate() agrees with grade()", () => {
    for (const id of conformanceIds().filter((id) => registered.has(id))) {
      const competition = registered.get(id)!;
      const suite = loadSuite(id);
      const answers = loadAnswers(competition, readFileSync(join(suite.dir, suite.answers)));
      const bases = suite.cases.slice(0, 4).map((c) => readFileSync(join(suite.dir, c.submission), "utf8"));
      fc.assert(
        fc.property(mutatedSubmission(competition, bases), (submission) => checkGraderCase(competition, answers, submission)),
        { numRuns: 25, seed: 31 },
      );
    }
  }, 300_000);
});
