/**
 * Semantics of the text, set and ranking graders that the shared conformance cases do not reach
 * (missing values, numeric columns, duplicate ids, Unicode digits and whitespace, column order,
 * vocabulary edge cases), against outcomes computed with MLE-bench's own graders (see the
 * fixture's "about"), plus kaggle-mode differences computed by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grade } from "../../src/index.js";
import { isClose } from "../helpers/close.js";
import { REPO_ROOT } from "../helpers/shared.js";

interface GraderCase {
  competition: string;
  name: string;
  answers: string;
  submission: string;
  outcome: "score" | "invalid" | "error";
  score?: number;
  note?: string;
}

const fixture = JSON.parse(readFileSync(join(REPO_ROOT, "test", "competitions", "fixtures", "text-graders.json"), "utf8")) as { cases: GraderCase[] };

function answersFor(testCase: Pick<GraderCase, "competition" | "answers">): string | Record<string, unknown>[] {
  if (testCase.competition !== "tensorflow2-question-answering") return testCase.answers;
  return testCase.answers.split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("text, set and ranking graders against MLE-bench's grade.py", () => {
  for (const testCase of fixture.cases) {
    it(`${testCase.competition}: ${testCase.name}`, () => {
      const report = grade({ competition: testCase.competition, submission: testCase.submission, answers: answersFor(testCase) });
      if (testCase.outcome === "score") {
        expect(report.error, report.error?.message).toBeNull();
        expect(isClose(report.raw_score!, testCase.score!, { rtol: 1e-12, atol: 1e-15 }), `${report.raw_score} vs ${testCase.score}`).toBe(true);
      } else {
        expect(report.outcome, `expected ${testCase.outcome}, got score ${report.raw_score}`).toBe("invalid");
        expect(report.error?.upstream, `${report.error?.code}: ${report.error?.message}`).toBe(testCase.outcome);
      }
    });
  }
});

function kaggle(competition: string, answers: string | Record<string, unknown>[], submission: string): number | null {
  const report = grade({ competition, submission, answers, mode: "kaggle" });
  if (report.error) throw new Error(`${report.error.code}: ${report.error.message}`);
  return report.raw_score;
}

describe("kaggle mode", () => {
  it("billion-word-imputation scores a missing sentence as empty", () => {
    // "abc" → "": 3 edits; "de" → "de": 0; mean 1.5.
    expect(kaggle("billion-word-imputation", "id,sentence\n1,abc\n2,de\n", "id,sentence\n1,\n2,de\n")).toBe(1.5);
  });

  it("bms-molecular-translation compares a missing InChI as empty, not 'nan'", () => {
    expect(kaggle("bms-molecular-translation", "image_id,InChI\na,InChI=1S\n", "image_id,InChI\na,\n")).toBe(8);
  });

  it("chaii scores submissions whose rows hold fewer than two distinct words", () => {
    // Both rows: {x} against {} → 0.
    expect(kaggle("chaii-hindi-and-tamil-question-answering", "id,PredictionString\na,x\nb,x\n", "id,PredictionString\na,\nb,\n")).toBe(0);
  });

  it("h-and-m pairs each customer with its first row", () => {
    // c1: relevant {a, b}, first row predicts "a" → 1/2; c2: "c" → 1. Mean 0.75.
    const answers = "customer_id,prediction\nc1,a b\nc2,c\n";
    expect(kaggle("h-and-m-personalized-fashion-recommendations", answers, "customer_id,prediction\nc1,a\nc1,b\nc2,c\n")).toBe(0.75);
  });

  it("micro F1 graders count predicted labels outside the answers as false positives", () => {
    // Truth {a,b},{c}; predictions {a, z},{c}: TP 2, FP 1 (z), FN 1 (b): 4/6.
    const answers = "Id,Tags\n1,a b\n2,c\n";
    expect(isClose(kaggle("facebook-recruiting-iii-keyword-extraction", answers, "Id,Tags\n1,a z\n2,c\n")!, 4 / 6, { rtol: 1e-15 })).toBe(true);
  });

  it("tensorflow2-question-answering scores F1 of the positive class", () => {
    const answers = [
      { example_id: "1", annotations: [{ yes_no_answer: "NONE", long_answer: { start_token: 0, end_token: 5 }, short_answers: [] }] },
      { example_id: "2", annotations: [{ yes_no_answer: "NONE", long_answer: { start_token: -1, end_token: -1 }, short_answers: [] }] },
    ];
    // 1_long correct (TP), 1_short blank with no answer (TN), 2_long wrong answer where none exists (FP),
    // 2_short blank (TN): F1 = 2/(2+1) = 2/3, where MLE-bench's accuracy gives 3/4.
    const submission = "example_id,PredictionString\n1_long,0:5\n1_short,\n2_long,3:4\n2_short,\n";
    expect(kaggle("tensorflow2-question-answering", answers, submission)).toBe(2 / 3);
    expect(grade({ competition: "tensorflow2-question-answering", submission, answers }).raw_score).toBe(0.75);
  });
});
