import { meanAveragePrecisionAtK } from "../../metrics/map-at-k.js";
import { requireColumns, requireSameIdSet, requireSameLength } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { spaceSeparatedLists } from "../grader/ranked.js";
import { defineCompetition } from "./define.js";

const ID = "image";
const TARGET = "hotel_id";

export default defineCompetition(
  {
    id: "hotel-id-2021-fgvc8",
    name: "Hotel-ID to Combat Human Trafficking 2021 - FGVC8",
    splits: ["medium"],
    category: "Image retrieval",
    answers: "hotel-id-2021-fgvc8/prepared/private/test.csv",
    sampleSubmission: "hotel-id-2021-fgvc8/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: TARGET, kind: "text", format: "up to 5 hotel ids separated by single spaces, best first" },
    ],
    answersColumns: [ID, TARGET],
    metric: { id: "map-at-k", options: { k: 5 } },
    direction: "maximize",
    awardsMedals: false,
    rowMatching: "set of images must equal the answers' and row counts must match; both sorted by image; rows paired in that order",
    knownIssues: [
      "Hotel ids are compared as text split on single spaces: when every row holds one numeric id pandas reads integers (zero padding disappears), and a decimal such as 36363.0 never matches",
      "Doubled or leading spaces create empty predictions that use up a rank; a missing prediction is the token 'nan'",
    ],
  },
  (submission, answers) => {
    const ans = answersTable(answers, [ID, TARGET]);
    requireColumns(submission, [ID, TARGET]);
    requireSameIdSet(submission, ans, ID);
    requireSameLength(submission, ans);
    const actual = spaceSeparatedLists(ans.sortBy(ID).col(TARGET));
    const predicted = spaceSeparatedLists(submission.sortBy(ID).col(TARGET));
    return meanAveragePrecisionAtK(actual, predicted, 5);
  },
);
