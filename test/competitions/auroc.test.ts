/**
 * The ROC AUC graders on inputs the shared conformance cases do not cover: pandas typing of the
 * score column (booleans, text, blanks), NaN and infinity, id quirks, jigsaw-toxic's unscored rows
 * and column pairing, jigsaw-unintended-bias's prediction column rules, ranzcr's per-class order,
 * and the kaggle-mode differences. Outcomes and scores in auroc-cases.json come from MLE-bench's
 * own grade.py run on Debian's pandas / scikit-learn (see the file's "about").
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grade } from "../../src/index.js";
import { Frame } from "../../src/table/frame.js";
import { isClose } from "../helpers/close.js";
import { REPO_ROOT } from "../helpers/shared.js";

interface EdgeCase {
  competition: string;
  name: string;
  submission: string;
  answers: string;
  outcome: "score" | "invalid" | "error";
  score?: number;
  message?: string;
}

const { cases } = JSON.parse(readFileSync(join(REPO_ROOT, "test/competitions/auroc-cases.json"), "utf8")) as { cases: EdgeCase[] };

/** Our error code for each rejected case (MLE-bench's outcome is checked separately). */
const CODES: Record<string, string> = {
  "booleans with a missing cell": "MISSING_VALUE",
  "text score": "NON_NUMERIC",
  "inf with a leading blank": "NON_NUMERIC",
  "infinite score": "OUT_OF_RANGE",
  "integer beyond 64 bits": "NON_NUMERIC",
  "just above one": "OUT_OF_RANGE",
  "NaN score": "MISSING_VALUE",
  "all NaN": "MISSING_VALUE",
  "duplicate id": "DUPLICATE_IDS",
  "header only": "ROW_COUNT_MISMATCH",
  "id with a trailing blank": "MISSING_IDS",
  "NaN in a scored row": "MISSING_VALUE",
  "extra column": "UNEXPECTED_COLUMN",
  "an id not in the answers": "MISSING_IDS",
  "a duplicated id in place of an unscored one": "ROW_COUNT_MISMATCH",
  "text in a scored row": "NON_NUMERIC",
  "text float() rejects": "NON_NUMERIC",
  "text label": "NON_NUMERIC",
  "NaN label": "MISSING_VALUE",
  "infinite label": "NON_FINITE",
  "both prediction and toxicity": "DUPLICATE_COLUMN",
  "one row": "MISSING_IDS",
  "text prediction": "NON_NUMERIC",
  "NaN in a graded column before an out-of-range one": "MISSING_VALUE",
  "out-of-range before a NaN": "OUT_OF_RANGE",
};

function codeFor(testCase: EdgeCase): string | undefined {
  if (testCase.competition === "jigsaw-unintended-bias-in-toxicity-classification" && testCase.name === "header only") return "MISSING_IDS";
  if (testCase.competition === "plant-pathology-2020-fgvc7" && testCase.name === "duplicate id") return "DUPLICATE_IDS";
  if (testCase.competition === "plant-pathology-2020-fgvc7" && testCase.name === "NaN score") return "MISSING_VALUE";
  return CODES[testCase.name];
}

describe("ROC AUC graders: edge cases scored by MLE-bench's grade.py", () => {
  for (const testCase of cases) {
    it(`${testCase.competition}: ${testCase.name} (${testCase.outcome})`, () => {
      const report = grade({ competition: testCase.competition, submission: testCase.submission, answers: testCase.answers });
      if (testCase.outcome === "score") {
        expect(report.error, report.error?.message).toBeNull();
        expect(isClose(report.raw_score!, testCase.score!, { rtol: 1e-12 }), `${report.raw_score} vs ${testCase.score}`).toBe(true);
        return;
      }
      expect(report.outcome).toBe("invalid");
      expect(report.error!.upstream, report.error!.message).toBe(testCase.outcome);
      const code = codeFor(testCase);
      expect(code, "every rejected case names our code").toBeDefined();
      expect(report.error!.code, report.error!.message).toBe(code);
    });
  }
});

describe("ROC AUC graders: error locations", () => {
  it("points at the offending cell", () => {
    const answers = "id,has_cactus\na,0\nb,1\nc,1\n";
    const report = grade({ competition: "aerial-cactus-identification", submission: "id,has_cactus\na,0.2\nb,1.5\nc,0.3\n", answers, submissionPath: "sub.csv" });
    expect(report.error!.issues[0]).toMatchObject({ code: "OUT_OF_RANGE", file: "sub.csv", row: 2, column: "has_cactus", received: "1.5" });
  });

  it("locates a NaN score by its row in the file, not in sorted order", () => {
    const answers = "id,has_cactus\na,0\nb,1\nc,1\n";
    const report = grade({ competition: "aerial-cactus-identification", submission: "id,has_cactus\nc,0.2\nb,\na,0.3\n", answers });
    expect(report.error!.issues[0]).toMatchObject({ code: "MISSING_VALUE", row: 2, column: "has_cactus" });
  });
});

describe("ROC AUC graders: pd.to_numeric on text that pandas can convert", () => {
  it("crashes upstream (min() compares text with 0), so the outcome is error", () => {
    // Only reachable through the API: read_csv would have typed this column as numbers.
    const submission = Frame.fromRecord({ id: ["a", "b", "c"], has_cactus: ["0.2", "0.7", "0.3"] });
    const report = grade({ competition: "aerial-cactus-identification", submission, answers: "id,has_cactus\na,0\nb,1\nc,1\n" });
    expect(report.error).toMatchObject({ code: "NON_NUMERIC", upstream: "error" });
  });
});

describe("ROC AUC graders: kaggle mode", () => {
  const find = (competition: string, name: string) => cases.find((c) => c.competition === competition && c.name === name)!;

  it("jigsaw-toxic pairs class columns by name", () => {
    const permuted = find("jigsaw-toxic-comment-classification-challenge", "columns in another order");
    const inOrder = find("jigsaw-toxic-comment-classification-challenge", "rows shuffled");
    const mlebench = grade({ competition: permuted.competition, submission: permuted.submission, answers: permuted.answers });
    const kaggle = grade({ competition: permuted.competition, submission: permuted.submission, answers: permuted.answers, mode: "kaggle" });
    expect(mlebench.raw_score).toBe(permuted.score);
    expect(kaggle.raw_score).toBe(inOrder.score);
  });

  it("jigsaw-unintended-bias ranks the raw predictions", () => {
    const testCase = find("jigsaw-unintended-bias-in-toxicity-classification", "binarised predictions");
    const kaggle = grade({ competition: testCase.competition, submission: testCase.submission, answers: testCase.answers, mode: "kaggle" });
    // The spec's formula with raw predictions (fixtures/reference/cases/bias_auc.py's oracle, binarize_predictions=False).
    expect(isClose(kaggle.raw_score!, 0.8921091634380783)).toBe(true);
  });
});
