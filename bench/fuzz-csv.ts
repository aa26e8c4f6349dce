/**
 * The fuzzing property of test/validate/fuzz.test.ts on many more cases:
 *
 *   npx tsx bench/fuzz-csv.ts [--runs 100000] [--seed N]
 *
 * Prints one JSON line: cases run, seconds, and the seed (a failure prints fast-check's
 * counterexample and replay path, and exits 1).
 */
import fc from "fast-check";
import { parseArgs } from "node:util";
import { checkFuzzCase, fuzzInput } from "../test/helpers/fuzz.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "100000" }, seed: { type: "string", default: "20250101" } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
let cases = 0;
const started = performance.now();
try {
  fc.assert(
    fc.property(fuzzInput(), (input) => {
      cases++;
      checkFuzzCase(input);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  console.log(JSON.stringify({ cases, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), seed, failures: 0 }));
} catch (error) {
  console.error(String(error));
  console.log(JSON.stringify({ cases, seconds: Number(((performance.now() - started) / 1000).toFixed(1)), seed, failures: 1 }));
  process.exitCode = 1;
}
