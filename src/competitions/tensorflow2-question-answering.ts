import { microF1, microF1LabelSets } from "../../metrics/micro-f1.js";
import { diagnoseIds, fail, failCells, requireColumns } from "../grader/checks.js";
import { pythonInt } from "../grader/text.js";
import { AnswersError, type Issue } from "../errors.js";
import { Column } from "../table/column.js";
import { Frame } from "../table/frame.js";
import { PY_WHITESPACE } from "../table/scalars.js";
import { defineCompetition, type JsonRecord } from "./define.js";

const ID = "example_id";
const TARGET = "PredictionString";
const STRIP = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, "g");

interface Annotation {
  long_answer?: { start_token?: unknown; end_token?: unknown };
  short_answers?: Array<{ start_token?: unknown; end_token?: unknown }>;
  yes_no_answer?: unknown;
}

/** Python's `int()` of a JSON value (a number is truncated), as a canonical decimal string. */
function tokenOf(value: unknown, where: string): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(Math.trunc(value));
  const parsed = typeof value === "string" ? pythonInt(value) : undefined;
  if (parsed === undefined) throw new AnswersError(`answers: ${where}: expected an integer token index, got ${JSON.stringify(value)}`);
  return parsed;
}

/** The answers an `<id>_long` or `<id>_short` row accepts: "start:end" spans and YES/NO. */
function validAnswers(annotation: Annotation, kind: "long" | "short", exampleId: string): string[] {
  if (kind === "long") {
    const long = annotation.long_answer ?? {};
    if (long.start_token === -1) return [];
    return [`${tokenOf(long.start_token, `${exampleId} long_answer`)}:${tokenOf(long.end_token, `${exampleId} long_answer`)}`];
  }
  const spans = (annotation.short_answers ?? []).map((span) => `${tokenOf(span.start_token, `${exampleId} short_answers`)}:${tokenOf(span.end_token, `${exampleId} short_answers`)}`);
  if (annotation.yes_no_answer !== "NONE") spans.push(String(annotation.yes_no_answer));
  return spans;
}

export default defineCompetition(
  {
    id: "tensorflow2-question-answering",
    name: "TensorFlow 2.0 Question Answering",
    splits: ["medium"],
    category: "Text (question answering)",
    answers: "tensorflow2-question-answering/prepared/private/test.jsonl",
    sampleSubmission: "tensorflow2-question-answering/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id", format: "<example_id>_long or <example_id>_short" },
      { name: TARGET, kind: "text", allowEmpty: true, format: "start_token:end_token, YES, NO or blank" },
    ],
    answersColumns: [ID, "annotations"],
    metric: { id: "micro-f1" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "exactly two rows per answer example (<id>_long and <id>_short), ids unique and equal as a set; each row looked up by id",
    knownIssues: [
      "The score is scikit-learn's micro F1 over per-row 0/1 labels, which equals accuracy: a blank prediction on a question with no answer counts as correct, and a wrong span costs the same as a missed one. Kaggle's metric is the F1 of the positive class (kaggle mode)",
      "Only the first annotation of each example is used",
      "A span whose start or end is not an integer ('a:b') crashes the grader (null score); any other text than 'start:end', YES, NO or blank is rejected",
    ],
  },
  (submission, answers, context) => {
    if (answers instanceof Frame) throw new AnswersError("answers: expected JSON records (test.jsonl), got a CSV table");
    const records = answers as JsonRecord[];
    if (submission.length !== 2 * records.length) {
      fail("ROW_COUNT_MISMATCH", `${submission.file ?? "submission"}: expected ${2 * records.length} rows (a _long and a _short row per example), got ${submission.length}`, {
        issues: [{ code: "ROW_COUNT_MISMATCH", message: "row count", file: submission.file, expected: String(2 * records.length), received: String(submission.length) }],
      });
    }
    requireColumns(submission, [ID, TARGET]);
    // fillna("") then astype(str) on every column.
    const ids = submission.col(ID).fillMissing("").toStrings();
    const predictions = submission.col(TARGET).fillMissing("").toStrings();
    const expected: string[] = [];
    const annotations = new Map<string, Annotation>();
    for (const record of records) {
      const id = record[ID];
      const text = typeof id === "string" ? id : String(id);
      expected.push(`${text}_long`, `${text}_short`);
      const first = Array.isArray(record.annotations) ? (record.annotations[0] as Annotation | undefined) : undefined;
      if (!first) throw new AnswersError(`answers: example ${text}: expected at least one annotation`);
      // The grader keys annotations by the raw example_id, so only text ids can be found again.
      if (typeof id === "string") annotations.set(id, first);
    }
    const idColumn = Column.fromCells(ID, ids);
    const expectedColumn = Column.fromCells(ID, expected);
    const seen = new Set(ids);
    const wanted = new Set(expected);
    if (seen.size !== wanted.size || [...seen].some((id) => !wanted.has(id))) {
      const diagnosis = diagnoseIds(submission, idColumn, expectedColumn)!;
      fail(diagnosis.code === "DUPLICATE_IDS" ? "MISSING_IDS" : diagnosis.code, diagnosis.message, { issues: diagnosis.issues.filter((issue) => issue.code !== "DUPLICATE_IDS") });
    }
    if (seen.size !== ids.length) {
      const diagnosis = diagnoseIds(submission, idColumn, expectedColumn);
      fail("DUPLICATE_IDS", diagnosis?.message ?? `${submission.file ?? "submission"}: expected unique ${ID} values`, { issues: diagnosis?.issues ?? [] });
    }
    const yPred: number[] = [];
    const yTrue: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      let prediction = predictions[i]!.replace(STRIP, "");
      yPred.push(prediction ? 1 : 0);
      const parts = prediction.split(":");
      if (prediction.includes(":") && parts.length === 2) {
        const start = pythonInt(parts[0]!);
        const end = pythonInt(parts[1]!);
        if (start === undefined || end === undefined) {
          failCells(submission, submission.col(TARGET), [i], "MALFORMED_PREDICTION", "start_token:end_token with integer token indices", "error");
        }
        prediction = `${start}:${end}`;
      } else if (prediction !== "YES" && prediction !== "NO" && prediction !== "") {
        failCells(submission, submission.col(TARGET), [i], "MALFORMED_PREDICTION", "start_token:end_token, YES, NO or blank", "invalid");
      }
      const id = ids[i]!;
      const kind = id.endsWith("_long") ? "long" : "short";
      const exampleId = id.split(kind === "long" ? "_long" : "_short")[0]!;
      const annotation = annotations.get(exampleId);
      if (!annotation) {
        const issue: Issue = submission.issueAt("UNEXPECTED_IDS", submission.col(ID).sourceRow(i), ID, `no answer example "${exampleId}" for id "${id}"`, { received: id });
        fail("UNEXPECTED_IDS", `${submission.file ?? "submission"} row ${i + 1}: expected an answer example for ${JSON.stringify(id)}, found none under ${JSON.stringify(exampleId)}`, { issues: [issue], upstream: "error" });
      }
      const valid = validAnswers(annotation, kind, exampleId);
      yTrue.push(prediction ? (valid.includes(prediction) ? 1 : 0) : valid.length > 0 ? 1 : 0);
    }
    if (context.mode === "kaggle") {
      // Kaggle: F1 of the positive class (TP: a correct answer; FP: a wrong one or an answer where
      // none exists; FN: no answer where one exists), i.e. micro F1 over the single label "1".
      const sets = (labels: number[]) => labels.map((label) => (label === 1 ? [1] : []));
      return microF1LabelSets(sets(yTrue), sets(yPred));
    }
    return microF1(yTrue, yPred);
  },
);
