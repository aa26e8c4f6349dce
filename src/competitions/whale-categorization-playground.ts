import { meanAveragePrecisionAtK } from "../../metrics/map-at-k.js";
import { requireExactColumns, requireSameIdSet, requireSameLength } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { spaceSeparatedLists } from "../grader/ranked.js";
import { defineCompetition } from "./define.js";

const ID = "Image";
const TARGET = "Id";

export default defineCompetition(
  {
    id: "whale-categorization-playground",
    name: "Humpback Whale Identification Challenge",
    splits: ["medium"],
    category: "Image retrieval",
    answers: "whale-categorization-playground/prepared/private/test.csv",
    sampleSubmission: "whale-categorization-playground/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "text", format: "up to 5 whale ids (e.g. new_whale w_1287fbc) separated by single spaces, best first" },
    ],
    extraColumns: "rejected",
    answersColumns: [ID, TARGET],
    metric: { id: "map-at-k", options: { k: 5 } },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "exactly the columns Image and Id; same row count; set of images must equal the answers'; both sorted by Image; rows paired in that order",
    knownIssues: [
      "Whale ids are split on single spaces: doubled or leading spaces create empty predictions that use up a rank; a missing prediction is the token 'nan'",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, TARGET]);
    requireExactColumns(submission, [ID, TARGET]);
    requireSameLength(submission, ans);
    requireSameIdSet(submission, ans, ID);
    const actual = spaceSeparatedLists(ans.sortBy(ID).col(TARGET));
    const predicted = spaceSeparatedLists(submission.sortBy(ID).col(TARGET));
    return meanAveragePrecisionAtK(actual, predicted, 5);
  },
);
