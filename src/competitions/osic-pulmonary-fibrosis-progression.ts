import { modifiedLaplaceLogLikelihood } from "../../metrics/modified-laplace-log-likelihood.js";
import { fail, failCells, requireColumns } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { requireNumericDtype } from "../grader/regression.js";
import type { CellKey } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { AnswersError } from "../errors.js";
import { defineCompetition } from "./define.js";

const ID = "Patient_Week";

export default defineCompetition(
  {
    id: "osic-pulmonary-fibrosis-progression",
    name: "OSIC Pulmonary Fibrosis Progression",
    splits: ["medium"],
    category: "Tabular / Image Regression",
    answers: "osic-pulmonary-fibrosis-progression/prepared/private/test.csv",
    sampleSubmission: "osic-pulmonary-fibrosis-progression/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: "FVC", kind: "number" },
      { name: "Confidence", kind: "number" },
    ],
    answersColumns: [ID, "FVC", "Patient"],
    metric: { id: "modified-laplace-log-likelihood" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching:
      "only each patient's 3 latest measured weeks are scored; the submission's rows for those Patient_Weeks and the answers' are both sorted by Patient_Week and paired in that order; every submitted Patient_Week must exist in the answers",
    knownIssues: [
      "A submission may cover only some of the scored weeks: the others are ignored, and a submission with none of them scores NaN (kaggle mode requires every scored week)",
      "A missing, zero or negative Confidence counts as 70; a missing FVC makes the score NaN, reported as a valid score",
      "A Patient_Week submitted twice crashes the grader (null score) unless it is the only scored row, in which case both copies are scored",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [ID, "FVC", "Patient"]);
    requireColumns(submission, [ID, "FVC", "Confidence"]);
    const subIds = submission.col(ID);
    const ansIds = ans.col(ID);
    const known = new Set<CellKey>();
    for (let i = 0; i < ansIds.length; i++) known.add(ansIds.key(i));
    const unknown: number[] = [];
    for (let i = 0; i < subIds.length; i++) if (!known.has(subIds.key(i))) unknown.push(i);
    if (unknown.length > 0) failCells(submission, subIds, unknown, "UNEXPECTED_IDS", "a Patient_Week of the answers");
    requireNumericDtype(submission, submission.col("FVC"), { bool: true });
    requireNumericDtype(submission, submission.col("Confidence"), { bool: true });

    // The scored answers: measured rows, each patient's 3 largest week numbers.
    const scored = latestWeeks(ans);
    const scoredKeys = new Set<CellKey>(scored.map((row) => ansIds.key(row)));
    const subRows: number[] = [];
    for (let i = 0; i < subIds.length; i++) if (scoredKeys.has(subIds.key(i))) subRows.push(i);
    const sub = submission.take(subRows).sortBy(ID);
    const scoredAnswers = ans.take(scored).sortBy(ID);
    const submittedKeys = new Set<CellKey>();
    for (let i = 0; i < sub.length; i++) submittedKeys.add(sub.col(ID).key(i));
    const ansRows: number[] = [];
    for (let i = 0; i < scoredAnswers.length; i++) if (submittedKeys.has(scoredAnswers.col(ID).key(i))) ansRows.push(i);
    if (context.mode === "kaggle") requireEveryScoredWeek(submission, sub, scoredAnswers, ansRows.length);

    const fvcTrue = floatsOf(scoredAnswers, scoredAnswers.col("FVC").take(ansRows));
    const fvcPred = floatsOf(sub, sub.col("FVC"));
    const confidence = floatsOf(sub, sub.col("Confidence")).map((c) => (Number.isNaN(c) ? 0 : c));
    if (fvcTrue.length !== fvcPred.length) {
      // numpy broadcasts a single answer against repeated submission rows; other mismatches crash.
      if (fvcTrue.length !== 1) {
        fail("DUPLICATE_IDS", `${submission.file ?? "submission"}: expected each scored Patient_Week once, got ${fvcPred.length} rows for ${fvcTrue.length} weeks`, { upstream: "error" });
      }
      return modifiedLaplaceLogLikelihood(new Float64Array(fvcPred.length).fill(fvcTrue[0]!), fvcPred, confidence);
    }
    return modifiedLaplaceLogLikelihood(fvcTrue, fvcPred, confidence);
  },
);

/** Rows of the answers with a measured FVC, keeping each patient's 3 rows with the largest week number. */
function latestWeeks(ans: Frame): number[] {
  const fvc = floatsOf(ans, ans.col("FVC"));
  const ids = ans.col(ID).toStrings();
  const patients = ans.col("Patient");
  const rows: number[] = [];
  const weeks = new Map<number, number>();
  for (let i = 0; i < ans.length; i++) {
    if (Number.isNaN(fvc[i]!)) continue;
    const week = Number(ids[i]!.split("_").pop());
    if (!Number.isInteger(week)) throw new AnswersError(`answers row ${i + 1}: expected a Patient_Week ending in a week number, got ${JSON.stringify(ids[i])}`);
    weeks.set(i, week);
    rows.push(i);
  }
  rows.sort((a, b) => weeks.get(a)! - weeks.get(b)! || a - b);
  // groupby("Patient").tail(3): the last 3 rows of each patient in that order (missing patients dropped).
  const byPatient = new Map<CellKey, number[]>();
  for (const row of rows) {
    if (patients.isMissing(row)) continue;
    const key = patients.key(row);
    let list = byPatient.get(key);
    if (!list) byPatient.set(key, (list = []));
    list.push(row);
  }
  const kept = new Set<number>();
  for (const list of byPatient.values()) for (const row of list.slice(-3)) kept.add(row);
  return rows.filter((row) => kept.has(row));
}

/** kaggle mode: every scored Patient_Week must be submitted exactly once. */
function requireEveryScoredWeek(submission: Frame, sub: Frame, scoredAnswers: Frame, covered: number): void {
  const file = submission.file ?? "submission";
  if (sub.length > covered) fail("DUPLICATE_IDS", `${file}: expected each scored Patient_Week once, got ${sub.length} rows for ${covered} weeks`);
  if (covered < scoredAnswers.length) {
    fail("MISSING_IDS", `${file} column "${ID}": expected all ${scoredAnswers.length} scored Patient_Weeks, got ${covered}`);
  }
}
