import { logLoss } from "../../metrics/log-loss.js";
import { fail } from "../grader/checks.js";
import { iscloseToOne, oneHotLogLossInputs, pandasRowSums, requireProbabilities, requireRowSums } from "../grader/log-loss.js";
import { answersTable } from "../grader/prepare.js";
import type { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const AUTHORS = ["EAP", "HPL", "MWS"];
const COLUMNS = ["id", ...AUTHORS];

/** `submission.shape != (len(answers), 4)` is invalid: say which dimension differs. */
function requireShape(submission: Frame, rows: number): void {
  const file = submission.file ?? "submission";
  if (submission.length !== rows) {
    fail("ROW_COUNT_MISMATCH", `${file}: expected ${rows} rows, got ${submission.length}`, {
      issues: [{ code: "ROW_COUNT_MISMATCH", message: `expected ${rows} rows, got ${submission.length}`, file: submission.file, expected: String(rows), received: String(submission.length) }],
    });
  }
  const count = submission.columns.length;
  if (count === COLUMNS.length) return;
  const missing = COLUMNS.filter((name) => !submission.has(name));
  const code = count < COLUMNS.length ? "MISSING_COLUMN" : "UNEXPECTED_COLUMN";
  const detail = code === "MISSING_COLUMN" && missing.length > 0 ? `; missing ${missing.map((n) => `"${n}"`).join(", ")}` : "";
  fail(code, `${file}: expected ${COLUMNS.length} columns ${JSON.stringify(COLUMNS)}, got ${count} ${JSON.stringify(submission.columnNames)}${detail}`, {
    issues: [{ code, message: `expected ${COLUMNS.length} columns, got ${count}`, file: submission.file, expected: COLUMNS.join(","), received: submission.columnNames.join(",") }],
  });
}

export default defineCompetition(
  {
    id: "spooky-author-identification",
    name: "Spooky Author Identification",
    splits: ["low"],
    category: "Text Classification",
    answers: "spooky-author-identification/prepared/private/test.csv",
    sampleSubmission: "spooky-author-identification/prepared/public/sample_submission.csv",
    columns: [{ name: "id", kind: "id" }, ...AUTHORS.map((name) => ({ name, kind: "probability" as const, range: [0, 1] as [number, number] }))],
    extraColumns: "rejected",
    answersColumns: COLUMNS,
    metric: { id: "log-loss" },
    direction: "minimize",
    awardsMedals: false,
    rounding: "python",
    rowMatching: "exactly 4 columns; both sorted by id; the sorted id lists must be equal (else MLE-bench crashes); columns matched by name",
    knownIssues: [
      "The row-sum and range checks run over every column except the FIRST, whatever it is: with id not first, the id column is summed (text ids crash the grader)",
      "Each row must sum to 1 within 1.1e-5 (np.isclose with atol 1e-6), although Kaggle rescaled rows (kaggle mode does)",
      "Probabilities are clipped at float64 epsilon (2.2e-16), not the 1e-15 Kaggle's evaluation states (kaggle mode uses 1e-15)",
      "Duplicate or unknown ids make MLE-bench's grader fail an assertion (a crash, not an invalid-submission verdict)",
    ],
  },
  (submission, answers, context) => {
    const kaggle = context.mode === "kaggle";
    const ans = answersTable(answers, COLUMNS);
    requireShape(submission, ans.length);
    const columns = submission.columns.slice(1);
    const sums = pandasRowSums(submission, columns);
    if (kaggle) requireRowSums(submission, sums, (sum) => sum > 0, "a positive row sum (rows are rescaled)");
    else requireRowSums(submission, sums, iscloseToOne, "probabilities summing to 1 (within 1.1e-5)");
    requireProbabilities(submission, columns);
    const { yTrue, yProb } = oneHotLogLossInputs(submission, ans, "id");
    return logLoss(yTrue, yProb, kaggle ? { eps: 1e-15, normalizeRows: true } : {});
  },
);
