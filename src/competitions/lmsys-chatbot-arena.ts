import { logLoss } from "../../metrics/log-loss.js";
import { numpyRound } from "../rounding.js";
import { requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { oneHotLogLossInputs, pandasRowSums, requireProbabilities, requireRowSums } from "../grader/log-loss.js";
import { answersTable } from "../grader/prepare.js";
import { defineCompetition } from "./define.js";

const CLASSES = ["winner_model_a", "winner_model_b", "winner_tie"];
const REQUIRED = ["id", ...CLASSES];

export default defineCompetition(
  {
    id: "lmsys-chatbot-arena",
    name: "LMSYS - Chatbot Arena Human Preference Predictions",
    splits: ["medium"],
    category: "Text Classification",
    answers: "lmsys-chatbot-arena/prepared/private/answers.csv",
    sampleSubmission: "lmsys-chatbot-arena/prepared/public/sample_submission.csv",
    columns: [{ name: "id", kind: "id" }, ...CLASSES.map((name) => ({ name, kind: "probability" as const, range: [0, 1] as [number, number] }))],
    answersColumns: REQUIRED,
    metric: { id: "log-loss" },
    direction: "minimize",
    awardsMedals: true,
    rounding: "python",
    rowMatching: "restricted to id and the three winner columns; both sorted by id; the sorted ids must be equal position by position",
    knownIssues: [
      "Each row's three probabilities must sum to exactly 1 after numpy rounds the sum to 6 decimals",
      "No renormalisation: rows are scored as submitted, clipped at float64 epsilon",
    ],
  },
  (submission, answers) => {
    requireColumns(submission, REQUIRED);
    const ans = answersTable(answers, REQUIRED).select(REQUIRED);
    requireSameLength(submission, ans);
    const columns = CLASSES.map((name) => submission.col(name));
    requireProbabilities(submission, columns);
    const sums = pandasRowSums(submission, columns);
    requireRowSums(submission, sums, (sum) => numpyRound(sum, 6) === 1, "probabilities summing to 1 at 6 decimals");
    const sub = submission.select(REQUIRED).sortBy("id");
    const sortedAnswers = ans.sortBy("id");
    requireSameSortedIds(sub, sortedAnswers, "id");
    const { yTrue, yProb } = oneHotLogLossInputs(sub, sortedAnswers, "id");
    return logLoss(yTrue, yProb);
  },
);
