import { meanColumnAucOfAligned } from "../grader/auroc.js";
import { diagnoseIds, fail, requireColumns, requireSameLength } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import type { CellKey } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { defineCompetition } from "./define.js";

const ID = "id";
const CLASSES = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"];

/**
 * Rows Kaggle scored: the six labels sum to at least 0 (unscored rows hold -1 everywhere; pandas'
 * row sum skips NaN).
 */
function scoredRows(answers: Frame): Uint8Array {
  const keep = new Uint8Array(answers.length);
  const columns = CLASSES.map((name) => answers.col(name));
  for (let i = 0; i < answers.length; i++) {
    let sum = 0;
    for (const column of columns) {
      const value = Number(column.get(i));
      if (!Number.isNaN(value)) sum += value;
    }
    keep[i] = sum >= 0 ? 1 : 0;
  }
  return keep;
}

/**
 * `submission[keep_mask]` with the mask indexed by the answers' sorted ids: positional when both
 * id lists are equal, otherwise aligned by id label, which crashes when a submission id is not in
 * the answers (pandas: "Unalignable boolean Series").
 */
function alignMask(sub: Frame, answers: Frame, keep: Uint8Array): Uint8Array {
  const subIds = sub.col(ID);
  const ansIds = answers.col(ID);
  let same = true;
  for (let i = 0; i < subIds.length && same; i++) same = subIds.key(i) === ansIds.key(i);
  if (same) return keep;
  const rowOf = new Map<CellKey, number>();
  for (let i = 0; i < ansIds.length; i++) rowOf.set(ansIds.key(i), i);
  const out = new Uint8Array(sub.length);
  for (let i = 0; i < sub.length; i++) {
    const row = rowOf.get(subIds.key(i));
    if (row === undefined) {
      const diagnosis = diagnoseIds(sub, subIds, ansIds)!;
      fail(diagnosis.code, diagnosis.message, { issues: diagnosis.issues, upstream: "error" });
    }
    out[i] = keep[row]!;
  }
  return out;
}

function rowsWhere(mask: Uint8Array): number[] {
  const rows: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) rows.push(i);
  return rows;
}

export default defineCompetition(
  {
    id: "jigsaw-toxic-comment-classification-challenge",
    name: "Toxic Comment Classification Challenge",
    splits: ["low"],
    category: "Text Classification",
    answers: "jigsaw-toxic-comment-classification-challenge/prepared/private/test.csv",
    sampleSubmission: "jigsaw-toxic-comment-classification-challenge/prepared/public/sample_submission.csv",
    columns: [{ name: ID, kind: "id" }, ...CLASSES.map((name) => ({ name, kind: "number" as const }))],
    extraColumns: "rejected",
    answersColumns: [ID, ...CLASSES],
    metric: { id: "mean-column-roc-auc" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by id; rows whose answers hold -1 labels are dropped; the remaining rows are paired in sorted order",
    knownIssues: [
      "score columns are paired with the answer columns by position, not by name: a submission with its class columns in another order is scored against the wrong labels (kaggle mode pairs them by name)",
      "an extra column, a different row count or an id not in the answers crashes the grader (null score) instead of being rejected",
      "scores are not range-checked; NaN in a row Kaggle did not score is ignored, NaN in a scored row crashes scikit-learn",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, [ID, ...CLASSES]);
    requireColumns(submission, [ID]);
    requireColumns(submission, CLASSES);
    requireSameLength(submission, ans, { upstream: "error" });
    const sub = submission.sortBy(ID);
    const sortedAnswers = ans.sortBy(ID);
    const keep = scoredRows(sortedAnswers);
    const keptAnswers = sortedAnswers.take(rowsWhere(keep));
    const keptSub = sub.take(rowsWhere(alignMask(sub, sortedAnswers, keep)));
    if (keptSub.length !== keptAnswers.length) {
      fail("ROW_COUNT_MISMATCH", `${submission.file ?? "submission"}: expected ${keptAnswers.length} scored rows, got ${keptSub.length}`, { upstream: "error" });
    }
    // MLE-bench pairs every non-id submission column, in file order, with the answers' label
    // columns in theirs; an extra column makes scikit-learn index past the labels (a crash).
    const trueNames = ans.columnNames.filter((name) => name !== ID);
    const subNames = sub.columnNames.filter((name) => name !== ID);
    if (subNames.length > trueNames.length || (context.mode === "kaggle" && subNames.length > CLASSES.length)) {
      const extra = subNames.filter((name) => !CLASSES.includes(name));
      fail("UNEXPECTED_COLUMN", `${submission.file ?? "submission"}: unexpected column${extra.length > 1 ? "s" : ""} ${extra.map((n) => `"${n}"`).join(", ")}; expected exactly ${JSON.stringify([ID, ...CLASSES])}`, {
        upstream: "error",
      });
    }
    const scoreNames = context.mode === "kaggle" ? CLASSES : subNames;
    const labelNames = context.mode === "kaggle" ? CLASSES : trueNames.slice(0, scoreNames.length);
    return meanColumnAucOfAligned(keptSub, keptAnswers, labelNames, scoreNames);
  },
);
