import { logMaeByGroup } from "../../metrics/log-mae-by-group.js";
import { requireColumns, requireFinite, requireSameIdSet } from "../grader/checks.js";
import { answersTable, floatsOf, labelsOf } from "../grader/prepare.js";
import { textRanks } from "../grader/id-keys.js";
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
    // Types as ranks in code-point order where they are all text (groups the same, without a string per row).
    const ranks = textRanks(ans.col("type"));
    let groups: ArrayLike<string | number | boolean>;
    if (ranks) {
      const taken = new Float64Array(merged.left.length);
      for (let k = 0; k < taken.length; k++) taken[k] = ranks[merged.left[k]!]!;
      groups = taken;
    } else groups = labelsOf(ans.col("type").take(merged.left)) as ArrayLike<string | number | boolean>;
    return logMaeByGroup(yTrue, yPred, groups, { floor: context.mode === "kaggle" ? 1e-9 : null });
  },
);
