import { matthewsCorrelation } from "../../metrics/matthews-correlation.js";
import { requireColumns, requireSameIdSet, requireSameLength } from "../grader/checks.js";
import { answersTable, labelsOf } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

const ID = "contact_id";
const TARGET = "contact";

export default defineCompetition(
  {
    id: "nfl-player-contact-detection",
    name: "1st and Future - Player Contact Detection",
    splits: ["high"],
    category: "Video / Tabular Classification",
    answers: "nfl-player-contact-detection/prepared/private/test.csv",
    sampleSubmission: "nfl-player-contact-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "integer" },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "matthews-correlation" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "contact_id sets and row counts must be equal; sort both by contact_id; rows paired in that order",
    knownIssues: [
      "Probabilities crash the grader (scikit-learn rejects continuous targets): submit 0/1 labels",
      "A constant prediction (all 0 or all 1) scores exactly 0",
      "Text labels such as 'yes'/'no' crash the grader (labels of different types)",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, TARGET]);
    requireColumns(submission, [ID, TARGET]);
    requireSameIdSet(submission, ans, ID);
    requireSameLength(submission, ans);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    return matthewsCorrelation(labelsOf(sortedAnswers.col(TARGET)), labelsOf(sub.col(TARGET)));
  },
);
