import { matrixFromColumns } from "../../metrics/_probabilities.js";
import { meanColumnRocAuc } from "../../metrics/mean-column-roc-auc.js";
import { requireColumns, requireFinite, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
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
    const scores = CLASSES.map((name) => {
      const column = sub.col(name);
      const values = floatsOf(sub, column);
      requireFinite(sub, column, values);
      return values;
    });
    return meanColumnRocAuc(
      matrixFromColumns(CLASSES.map((name) => floatsOf(sortedAnswers, sortedAnswers.col(name))), sub.length),
      matrixFromColumns(scores, sub.length),
      CLASSES,
    );
  },
);
