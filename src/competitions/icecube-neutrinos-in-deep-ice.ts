import { meanAngularError } from "../../metrics/mean-angular-error.js";
import { requireExactColumns, requireFinite, requireSameIdSet, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { requireNumericDtype } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

const ID = "event_id";
const ANGLES = ["azimuth", "zenith"] as const;

export default defineCompetition(
  {
    id: "icecube-neutrinos-in-deep-ice",
    name: "IceCube - Neutrinos in Deep Ice",
    splits: ["medium"],
    category: "Tabular / Signal Regression",
    answers: "icecube-neutrinos-in-deep-ice/prepared/private/test.csv",
    sampleSubmission: "icecube-neutrinos-in-deep-ice/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: "azimuth", kind: "number" },
      { name: "zenith", kind: "number" },
    ],
    extraColumns: "rejected",
    answersColumns: [ID, ...ANGLES],
    metric: { id: "mean-angular-error" },
    direction: "minimize",
    awardsMedals: true,
    rowMatching: "the event_id sets must be equal (and the row counts); sort both by event_id and pair rows in that order",
    knownIssues: [
      "An exact copy of the answers scores about 1e-8 rather than 0 (arccos near 1 magnifies last-bit rounding); only the 5-decimal score is stable",
      "The columns must be exactly event_id, azimuth and zenith; boolean or text angles are rejected",
      "Duplicate event_ids pass when the id sets and row counts still match (kaggle mode rejects them)",
    ],
  },
  (submission, answers, context) => {
    requireExactColumns(submission, [ID, ...ANGLES]);
    for (const name of ANGLES) requireNumericDtype(submission, submission.col(name), { bool: false });
    for (const name of ANGLES) requireFinite(submission, submission.col(name), submission.col(name).values!, "invalid");
    const ans = answersTable(answers, [ID, ...ANGLES]);
    requireSameLength(submission, ans);
    requireSameIdSet(submission, ans, ID);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    if (context.mode === "kaggle") requireSameSortedIds(sub, sortedAnswers, ID, ID, { upstream: "invalid" });
    const [azimuthTrue, zenithTrue] = ANGLES.map((name) => floatsOf(sortedAnswers, sortedAnswers.col(name)));
    const [azimuthPred, zenithPred] = ANGLES.map((name) => sub.col(name).values!);
    return meanAngularError(azimuthTrue!, zenithTrue!, azimuthPred!, zenithPred!);
  },
);
