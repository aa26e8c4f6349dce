import { requireExactColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { meanColumnAucOfAligned } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

const ID = "image_id";
const CLASSES = ["healthy", "multiple_diseases", "rust", "scab"];

export default defineCompetition(
  {
    id: "plant-pathology-2020-fgvc7",
    name: "Plant Pathology 2020 - FGVC7",
    splits: ["low"],
    category: "Image Classification",
    answers: "plant-pathology-2020-fgvc7/prepared/private/test.csv",
    sampleSubmission: "plant-pathology-2020-fgvc7/prepared/public/sample_submission.csv",
    columns: [{ name: ID, kind: "id" }, ...CLASSES.map((name) => ({ name, kind: "number" as const }))],
    extraColumns: "rejected",
    answersColumns: [ID, ...CLASSES],
    metric: { id: "mean-column-roc-auc" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by image_id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "scores are not range-checked: any real number ranks; NaN or infinity crashes scikit-learn (null score)",
      "the submission must have exactly the columns image_id, healthy, multiple_diseases, rust, scab (any order); an extra column is rejected",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, ...CLASSES]);
    requireSameLength(submission, ans);
    requireExactColumns(submission, [ID, ...CLASSES]);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    requireSameSortedIds(sub, sortedAnswers, ID);
    return meanColumnAucOfAligned(sub, sortedAnswers, CLASSES);
  },
);
