/**
 * The fuzzing properties of test/validate/fuzz.test.ts on many more cases:
 *
 *   npx tsx bench/fuzz-csv.ts [--runs 100000] [--graders 500] [--seed N]
 *
 * `--runs` cases of CSV text, plausible submissions and raw bytes through Frame.fromCsv, validate
 * (whole and chunked, three references) and grade for five competitions; then `--graders` mutated
 * real submissions per registered competition (from ../shared/conformance) through its grader and
 * validate. Prints one JSON line (cases, seconds, seed, failures); a failure also prints
 * fast-check's counterexample and replay path, and exits 1.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { COMPETITIONS } from "../src/competitions/index.js";
import { loadAnswers } from "../src/grader/grade.js";
import { checkFuzzCase, checkGraderCase, fuzzInput, mutatedSubmission } from "../test/helpers/fuzz.js";
import { conformanceIds, hasShared, loadSuite } from "../test/helpers/shared.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "100000" }, graders: { type: "string", default: "500" }, seed: { type: "string", default: "20250101" } } });
const seed = Number(values.seed);
let cases = 0;
let graderCases = 0;
const started = performance.now();
const seconds = () => Number(((performance.now() - started) / 1000).toFixed(1));
try {
  fc.assert(
    fc.property(fuzzInput(), (input) => {
      cases++;
      checkFuzzCase(input);
    }),
    { numRuns: Number(values.runs), seed, endOnFailure: true },
  );
  if (hasShared) {
    const registered = new Map(COMPETITIONS.map((c) => [c.id, c]));
    for (const id of conformanceIds().filter((id) => registered.has(id))) {
      const competition = registered.get(id)!;
      const suite = loadSuite(id);
      const answers = loadAnswers(competition, readFileSync(join(suite.dir, suite.answers)));
      const bases = suite.cases.map((c) => readFileSync(join(suite.dir, c.submission), "utf8"));
      fc.assert(
        fc.property(mutatedSubmission(competition, bases), (submission) => {
          graderCases++;
          checkGraderCase(competition, answers, submission);
        }),
        { numRuns: Number(values.graders), seed, endOnFailure: true },
      );
    }
  }
  console.log(JSON.stringify({ cases, graderCases, seconds: seconds(), seed, failures: 0 }));
} catch (error) {
  console.error(String(error));
  console.log(JSON.stringify({ cases, graderCases, seconds: seconds(), seed, failures: 1 }));
  process.exitCode = 1;
}
