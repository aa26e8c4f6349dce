import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { meanColumnAucOfAligned } from "../grader/auroc.js";
import { defineCompetition } from "./define.js";

const ID = "id";
const CLASSES = ["EC1", "EC2"];

export default defineCompetition(
  {
    id: "playground-series-s3e18",
    name: "Explore Multi-Label Classification with an Enzyme Substrate Dataset",
    splits: ["dev"],
    category: "Tabular (multi-label)",
    answers: "playground-series-s3e18/prepared/private/test.csv",
    sampleSubmission: "playground-series-s3e18/prepared/public/sample_submission.csv",
    columns: [{ name: ID, kind: "id" }, ...CLASSES.map((name) => ({ name, kind: "number" as const }))],
    answersColumns: [ID, ...CLASSES],
    metric: { id: "mean-column-roc-auc" },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: ["scores are not range-checked: any real number ranks; NaN or infinity crashes scikit-learn (null score)"],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, ...CLASSES]);
    requireColumns(submission, [ID]);
    requireColumns(submission, CLASSES);
    requireSameLength(submission, ans);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    requireSameSortedIds(sub, sortedAnswers, ID);
    return meanColumnAucOfAligned(sub, sortedAnswers, CLASSES);
  },
);
