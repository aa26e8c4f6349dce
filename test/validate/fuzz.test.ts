/**
 * Fuzzing in the regular suite: a few thousand CSV inputs through Frame.fromCsv, validate (whole,
 * chunked, three references) and grade (see test/helpers/fuzz.ts). `bench/fuzz-csv.ts` runs the
 * same property on 10^5 cases and more.
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { checkFuzzCase, fuzzInput } from "../helpers/fuzz.js";

describe("fuzzing CSV input", () => {
  it("never throws an untyped error, never takes long, reports stay bounded", () => {
    fc.assert(fc.property(fuzzInput(), checkFuzzCase), { numRuns: 1500, seed: 20250101 });
  });
});
