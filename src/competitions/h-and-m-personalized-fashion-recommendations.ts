import { meanAveragePrecisionAtK } from "../../metrics/map-at-k.js";
import { fail, requireExactColumns } from "../grader/checks.js";
import { spaceSeparatedLists } from "../grader/ranked.js";
import { AnswersError, type Issue } from "../errors.js";
import type { CellKey } from "../table/column.js";
import { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const ID = "customer_id";
const TARGET = "prediction";

export default defineCompetition(
  {
    id: "h-and-m-personalized-fashion-recommendations",
    name: "H&M Personalized Fashion Recommendations",
    splits: ["medium"],
    category: "Recommendation",
    answers: "h-and-m-personalized-fashion-recommendations/prepared/private/answers.csv",
    sampleSubmission: "h-and-m-personalized-fashion-recommendations/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "text", format: "up to 12 article ids separated by single spaces, best first" },
    ],
    extraColumns: "rejected",
    answersColumns: [ID, TARGET],
    metric: { id: "map-at-k", options: { k: 12 } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "submission rows filtered to the answers' customers; both sorted by customer_id; rows paired by position with no id comparison (zip)",
    knownIssues: [
      "Extra customers in the submission are ignored, but a customer listed twice shifts every later pair (rows are paired by position after sorting) and the surplus rows are dropped; kaggle mode pairs each customer with its first row",
      "Article ids are compared as text split on single spaces: the answers store ids without Kaggle's leading zero, so 10-digit zero-padded ids never match, and doubled spaces create empty predictions that use up a rank",
      "A missing prediction is the token 'nan'",
    ],
  },
  (submission, answers, context) => {
    if (!(answers instanceof Frame) || answers.columnNames.length !== 2 || !answers.has(ID) || !answers.has(TARGET)) {
      throw new AnswersError(`answers: expected exactly the columns ${ID} and ${TARGET}`);
    }
    requireExactColumns(submission, [ID, TARGET]);
    const answerIds = answers.col(ID);
    const wanted = new Set<CellKey>();
    for (let i = 0; i < answerIds.length; i++) wanted.add(answerIds.key(i));
    const subIds = submission.col(ID);
    const present = new Set<CellKey>();
    for (let i = 0; i < subIds.length; i++) present.add(subIds.key(i));
    const missing: Issue[] = [];
    for (let i = 0; i < answerIds.length; i++) {
      if (!present.has(answerIds.key(i))) missing.push({ code: "MISSING_IDS", message: `customer ${String(answerIds.get(i))} is missing`, file: submission.file, column: ID, expected: String(answerIds.get(i)) });
    }
    if (missing.length > 0) {
      fail("MISSING_IDS", `${submission.file ?? "submission"} column "${ID}": expected every customer of the answers, got ${missing.length} missing (first ${missing[0]!.expected})`, { issues: missing.slice(0, 20) });
    }
    const keepFirstOnly = context.mode === "kaggle";
    const kept = new Set<CellKey>();
    const filtered = submission.filter(
      Array.from({ length: subIds.length }, (_, i) => {
        const key = subIds.key(i);
        if (!wanted.has(key) || (keepFirstOnly && kept.has(key))) return false;
        kept.add(key);
        return true;
      }),
    );
    const sortedSubmission = filtered.sortBy(ID);
    const sortedAnswers = answers.sortBy(ID);
    const actual = spaceSeparatedLists(sortedAnswers.col(TARGET));
    const predicted = spaceSeparatedLists(sortedSubmission.col(TARGET));
    return meanAveragePrecisionAtK(actual, predicted, 12);
  },
);
