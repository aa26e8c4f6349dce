import { logMaeByGroup } from "../../metrics/log-mae-by-group.js";
import { requireColumns, requireFinite, requireSameIdSet } from "../grader/checks.js";
import { answersTable, floatsOf, labelsOf } from "../grader/prepare.js";
import { innerMergeOn } from "../grader/merge.js";
import { defineCompetition } from "./define.js";

const TARGET = "scalar_coupling_constant";

export default defineCompetition(
  {
    id: "champs-scalar-coupling",
    name: "Predicting Molecular Properties",
    splits: ["medium"],
    category: "Tabular (chemistry)",
    answers: "champs-scalar-coupling/prepared/private/answers.csv",
    sampleSubmission: "champs-scalar-coupling/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: TARGET, kind: "number" },
    ],
    answersColumns: ["id", "type", TARGET],
    metric: { id: "log-mae-by-group" },
    direction: "minimize",
    awardsMedals: true,
    rowMatching: "inner merge of the answers with the submission on id; id sets must be equal (duplicates are kept)",
    knownIssues: [
      "A coupling type predicted exactly gives ln(0) = -inf for the whole score, reported as a valid score (Kaggle's kernel floors each MAE at 1e-9; kaggle mode does too)",
      "Duplicate submission ids are not rejected: the merge repeats the answer row for each duplicate",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [TARGET, "id", "type"]);
    requireColumns(submission, [TARGET, "id"]);
    requireSameIdSet(submission, ans, "id");
    const merged = innerMergeOn(ans, submission, "id");
    const yTrue = floatsOf(ans, ans.col(TARGET).take(merged.left));
    const predictions = submission.col(TARGET).take(merged.right);
    const yPred = floatsOf(submission, predictions);
    requireFinite(submission, predictions, yPred);
    const groups = labelsOf(ans.col("type").take(merged.left));
    return logMaeByGroup(yTrue, yPred, groups as ArrayLike<string>, { floor: context.mode === "kaggle" ? 1e-9 : null });
  },
);
