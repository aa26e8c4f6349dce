import { meanColumnwiseSpearman } from "../../metrics/mean-columnwise-spearman.js";
import { fail, requireColumns, requireSameLength, requireSameSortedIds } from "../grader/checks.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import { rankableValues } from "../grader/regression.js";
import { defineCompetition } from "./define.js";

const ID = "qa_id";
/** The 30 target columns, in the order MLE-bench averages them. */
const TARGETS = [
  "question_asker_intent_understanding",
  "question_body_critical",
  "question_conversational",
  "question_expect_short_answer",
  "question_fact_seeking",
  "question_has_commonly_accepted_answer",
  "question_interestingness_others",
  "question_interestingness_self",
  "question_multi_intent",
  "question_not_really_a_question",
  "question_opinion_seeking",
  "question_type_choice",
  "question_type_compare",
  "question_type_consequence",
  "question_type_definition",
  "question_type_entity",
  "question_type_instructions",
  "question_type_procedure",
  "question_type_reason_explanation",
  "question_type_spelling",
  "question_well_written",
  "answer_helpful",
  "answer_level_of_information",
  "answer_plausible",
  "answer_relevance",
  "answer_satisfaction",
  "answer_type_instructions",
  "answer_type_procedure",
  "answer_type_reason_explanation",
  "answer_well_written",
] as const;

export default defineCompetition(
  {
    id: "google-quest-challenge",
    name: "Google QUEST Q&A Labeling",
    splits: ["medium"],
    category: "Text (multi-target regression)",
    answers: "google-quest-challenge/prepared/private/test.csv",
    sampleSubmission: "google-quest-challenge/prepared/public/sample_submission.csv",
    columns: [{ name: ID, kind: "id" }, ...TARGETS.map((name) => ({ name, kind: "number" as const }))],
    extraColumns: "rejected",
    answersColumns: [ID, ...TARGETS],
    metric: { id: "mean-columnwise-spearman" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by qa_id and pair rows in that order; qa_ids are not compared (kaggle mode: sorted qa_ids must be equal)",
    knownIssues: [
      "qa_ids are never compared: a submission with the right number of rows but other ids is scored against whichever answers sort into the same positions (kaggle mode rejects it)",
      "One constant column or one missing value makes the score NaN, reported as a valid score",
      "Values are not range-checked; a column holding text is ranked in text order",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [ID, ...TARGETS]);
    requireColumns(submission, [ID]);
    requireColumns(submission, TARGETS);
    if (submission.columns.length !== TARGETS.length + 1) {
      const expected = new Set<string>([ID, ...TARGETS]);
      const extra = submission.columnNames.filter((name) => !expected.has(name));
      fail("UNEXPECTED_COLUMN", `${submission.file ?? "submission"}: expected exactly ${TARGETS.length + 1} columns, got ${submission.columns.length}; unexpected ${extra.map((name) => `"${name}"`).join(", ")}`, {
        issues: extra.map((name) => ({ code: "UNEXPECTED_COLUMN" as const, message: `unexpected column "${name}"`, file: submission.file, column: name, received: name })),
      });
    }
    requireSameLength(submission, ans);
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    if (context.mode === "kaggle") requireSameSortedIds(sub, sortedAnswers, ID, ID, { upstream: "invalid" });
    const yPred = TARGETS.map((name) => rankableValues(sub.col(name)));
    const yTrue = TARGETS.map((name) => floatsOf(sortedAnswers, sortedAnswers.col(name)));
    return meanColumnwiseSpearman(yTrue, yPred);
  },
);
