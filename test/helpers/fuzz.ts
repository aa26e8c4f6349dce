/**
 * Fuzzing of CSV input, shared by `test/validate/fuzz.test.ts` (a few thousand cases in the
 * regular suite) and `bench/fuzz-csv.ts` (10^5 cases and more). Each case is one input — CSV-like
 * text, a plausible submission with noise, or raw bytes — read by Frame.fromCsv, validated (whole
 * and in random chunks, with and without a reference) and graded, for every competition below.
 * Nothing may throw anything but a typed MlegradeError, take more than a second, or return a
 * report that grows with the number of problems.
 */
import fc from "fast-check";
import type { Answers, CompetitionDefinition } from "../../src/competitions/define.js";
import { getCompetition } from "../../src/competitions/index.js";
import { MlegradeError } from "../../src/errors.js";
import { grade } from "../../src/grader/grade.js";
import { Frame } from "../../src/table/frame.js";
import { Validation, validate } from "../../src/validate/validate.js";
import { corpusCompetition } from "./bad-inputs.js";
import { csvText, submissionLike } from "./csv-arbitraries.js";

interface Target {
  competition: CompetitionDefinition;
  answers: string;
  sample: string;
}

const TARGETS: Target[] = [
  {
    competition: getCompetition("spaceship-titanic"),
    answers: "PassengerId,Transported\n0001_01,True\n0002_01,False\n1,True\n",
    sample: "PassengerId,Transported\n0001_01,False\n0002_01,False\n1,False\n",
  },
  {
    competition: getCompetition("champs-scalar-coupling"),
    answers: "id,type,scalar_coupling_constant\n1,1JHC,84.8\n2,2JHH,-11.3\n3,1JHC,80.1\n",
    sample: "id,scalar_coupling_constant\n1,0\n2,0\n3,0\n",
  },
  { competition: corpusCompetition("probability"), answers: "id,p\n1,1\n2,0\n3,1\n", sample: "id,p\n1,0.5\n2,0.5\n3,0.5\n" },
  { competition: corpusCompetition("mask"), answers: "id,mask\na,1 5\nb,\n", sample: "id,mask\na,\nb,\n" },
  { competition: corpusCompetition("boxes"), answers: "id,PredictionString\nimg1,none 1 0 0 1 1\n", sample: "id,PredictionString\nimg1,none 1 0 0 1 1\n" },
];

export interface FuzzInput {
  target: number;
  input: string | Uint8Array;
  cuts: number[];
}

/** One fuzz case: a target competition, an input and where to cut it into chunks. */
export function fuzzInput(): fc.Arbitrary<FuzzInput> {
  return fc.nat({ max: TARGETS.length - 1 }).chain((target) =>
    fc.record({
      target: fc.constant(target),
      input: fc.oneof(
        { weight: 4, arbitrary: submissionLike(TARGETS[target]!.competition.columns.map((c) => c.name)) },
        { weight: 3, arbitrary: csvText(80) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
        { weight: 1, arbitrary: submissionLike(TARGETS[target]!.competition.columns.map((c) => c.name)).map((text) => new TextEncoder().encode(text)) },
      ),
      cuts: fc.array(fc.nat(), { maxLength: 4 }),
    }),
  );
}

/** Whatever was thrown, unless it is a typed MlegradeError (then undefined). */
function untyped(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof MlegradeError ? undefined : error;
  }
}

/** Runs every check on one case; throws with a description when one fails. */
export function checkFuzzCase({ target, input, cuts }: FuzzInput): void {
  const started = performance.now();
  const { competition, answers, sample } = TARGETS[target]!;
  const bad = untyped(() => Frame.fromCsv(input));
  if (bad) throw new Error(`Frame.fromCsv threw an untyped error: ${String(bad)}`);

  for (const reference of [{}, { sample }, { answers, sample }]) {
    const report = validate({ competition, submission: input, ...reference });
    if (report.issues.length > 1000) throw new Error(`report keeps ${report.issues.length} issues`);
    if (report.valid !== (report.errors === 0)) throw new Error("valid disagrees with the error count");
    // The same report from the input in chunks.
    const validation = new Validation({ competition, ...reference });
    const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
    let from = 0;
    for (const point of [...points, input.length]) {
      validation.push(input.slice(from, point));
      from = point;
    }
    const chunked = validation.finish(validation.grade(input));
    if (JSON.stringify(chunked) !== JSON.stringify(report)) throw new Error("chunked validation differs from whole validation");
  }

  const graded = grade({ competition, submission: input, answers });
  if (graded.outcome === "invalid" && !graded.error?.code) throw new Error("invalid grade without a code");
  // With the answers, validation and grading agree on validity.
  if (validate({ competition, submission: input, answers }).valid !== (graded.outcome === "score")) throw new Error("validate() and grade() disagree");
  const elapsed = performance.now() - started;
  if (elapsed > 1000) throw new Error(`one case took ${elapsed.toFixed(0)} ms`);
}

/**
 * Real submissions of a competition (its conformance cases), with CSV noise spliced in at random
 * places, or plausible rows under its header: for fuzzing every registered grader.
 */
export function mutatedSubmission(competition: CompetitionDefinition, bases: readonly string[]): fc.Arbitrary<string> {
  const header = competition.columns.map((c) => c.name);
  if (bases.length === 0) return submissionLike(header);
  return fc.oneof(
    submissionLike(header),
    fc.tuple(fc.constantFrom(...bases), fc.nat(), csvText(8)).map(([base, at, noise]) => {
      const p = at % (base.length + 1);
      return base.slice(0, p) + noise + base.slice(p);
    }),
  );
}

/** Grading and validating with the answers: only typed errors, and the same verdict. */
export function checkGraderCase(competition: CompetitionDefinition, answers: Answers, submission: string): void {
  let graded: ReturnType<typeof grade> | undefined;
  const bad = untyped(() => (graded = grade({ competition, submission, answers })));
  if (bad) throw new Error(`${competition.id}: grade threw an untyped error: ${String(bad)}`);
  let report: ReturnType<typeof validate> | undefined;
  const badValidate = untyped(() => (report = validate({ competition, submission, answers })));
  if (badValidate) throw new Error(`${competition.id}: validate threw an untyped error: ${String(badValidate)}`);
  if (graded && report && report.valid !== (graded.outcome === "score")) throw new Error(`${competition.id}: validate() and grade() disagree`);
}
