import { matrixFromColumns } from "../../metrics/_probabilities.js";
import { meanColumnRocAuc } from "../../metrics/mean-column-roc-auc.js";
import { prepareForAuroc } from "../grader/auroc.js";
import { requireColumns, requireSameLength } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

const ID = "StudyInstanceUID";
/** The 9 graded classes, in MLE-bench's order; "CVC - Normal" and "Swan Ganz Catheter Present" are not graded. */
const GRADED = [
  "ETT - Abnormal",
  "ETT - Borderline",
  "ETT - Normal",
  "NGT - Abnormal",
  "NGT - Borderline",
  "NGT - Incompletely Imaged",
  "NGT - Normal",
  "CVC - Abnormal",
  "CVC - Borderline",
];
const UNGRADED = ["CVC - Normal", "Swan Ganz Catheter Present"];

export default defineCompetition(
  {
    id: "ranzcr-clip-catheter-line-classification",
    name: "RANZCR CLiP - Catheter and Line Position Challenge",
    splits: ["low"],
    category: "Image Classification",
    answers: "ranzcr-clip-catheter-line-classification/prepared/private/test.csv",
    sampleSubmission: "ranzcr-clip-catheter-line-classification/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      ...GRADED.map((name) => ({ name, kind: "probability" as const, range: [0, 1] as [number, number] })),
      ...UNGRADED.map((name) => ({ name, kind: "probability" as const, range: [0, 1] as [number, number], scored: false })),
    ],
    answersColumns: [ID, ...GRADED],
    metric: { id: "mean-column-roc-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "per graded class: sort both by StudyInstanceUID; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "only 9 of the 11 label columns are graded: CVC - Normal and Swan Ganz Catheter Present may be left out and are never checked",
      "each graded column must lie in [0, 1]; a NaN score passes that check and then crashes scikit-learn (null score)",
      "a row-count mismatch is an assertion (crash), not a rejection",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, ...GRADED]);
    requireColumns(submission, GRADED);
    requireSameLength(submission, ans, { upstream: "error" });
    // prepare_for_auroc_metric once per class, in order, so the first failing class decides the outcome.
    const prepared = GRADED.map((name) => prepareForAuroc(submission, ans, ID, name));
    const rows = submission.length;
    return meanColumnRocAuc(
      matrixFromColumns(prepared.map((p) => Float64Array.from(p.yTrue, Number)), rows),
      matrixFromColumns(prepared.map((p) => p.yScore), rows),
      GRADED,
    );
  },
);
