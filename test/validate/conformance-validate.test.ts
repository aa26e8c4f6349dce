/**
 * validate() on every conformance case of ../shared (MLE-bench's verdicts), for every registered
 * competition: with the answers it must call a file valid exactly when MLE-bench scores it, and
 * never throw. Without the answers (the definition's column specs only) it may miss problems, but
 * should rarely reject what MLE-bench scores; those cases are counted, and listed when they grow.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPETITIONS } from "../../src/competitions/index.js";
import { loadAnswers } from "../../src/grader/grade.js";
import { participantText } from "../../src/validate/participant.js";
import { validate } from "../../src/validate/validate.js";
import { conformanceIds, hasShared, loadSuite } from "../helpers/shared.js";

const registered = new Map(COMPETITIONS.map((c) => [c.id, c]));
const ids = conformanceIds().filter((id) => registered.has(id));

describe.skipIf(!hasShared)("validate() on the conformance cases", () => {
  const doubted: string[] = [];
  for (const id of ids) {
    it(id, () => {
      const suite = loadSuite(id);
      const competition = registered.get(id)!;
      const answers = loadAnswers(competition, readFileSync(join(suite.dir, suite.answers)));
      for (const c of suite.cases) {
        const submission = new Uint8Array(readFileSync(join(suite.dir, c.submission)));
        const report = validate({ competition, submission, answers });
        expect(report.valid, `${c.name}: ${report.grader?.code}`).toBe(c.outcome === "score");
        expect(participantText(report).startsWith(report.valid ? "Submission is valid." : "Submission invalid! ")).toBe(true);
        const definitionOnly = validate({ competition, submission });
        if (c.outcome === "score" && !definitionOnly.valid) doubted.push(`${id}/${c.name}: ${[...new Set(definitionOnly.issues.filter((i) => i.severity === "error").map((i) => i.code))].join("+")}`);
      }
    });
  }

  it("without the answers, few files MLE-bench scores are rejected (definitions to make more precise)", () => {
    // Known: composite keys declared as one id column (smartphone-decimeter-2022, uw-madison), ids that
    // repeat by design (hms), an RLE column without allowEmpty (contrails), text labels a grader scores.
    expect(doubted.length, doubted.join("\n")).toBeLessThanOrEqual(30);
  });
});
