import { RSNA_2022_WEIGHTS, weightedBinaryLogLoss } from "../../metrics/weighted-binary-log-loss.js";
import { AnswersError } from "../errors.js";
import { fail, requireColumns, requireSameSortedIds } from "../grader/checks.js";
import { requireProbabilities } from "../grader/log-loss.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import type { Frame } from "../table/frame.js";
import { compareCodePoints } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

const VARIABLES = ["patient_overall", "C1", "C2", "C3", "C4", "C5", "C6", "C7"];

/**
 * `(sub.row_id.values != ans.row_id.values).any()` on the sorted ids. Equal lengths compare
 * position by position (invalid on a difference); different lengths make numpy raise, unless one
 * side has a single row and broadcasts.
 */
function requireAlignedIds(sub: Frame, ans: Frame): void {
  if (sub.length === ans.length) return requireSameSortedIds(sub, ans, "row_id");
  const subIds = sub.col("row_id");
  const ansIds = ans.col("row_id");
  const file = sub.file ?? "submission";
  if (sub.length === 1 || ans.length === 1) {
    const n = Math.max(sub.length, ans.length);
    for (let i = 0; i < n; i++) {
      if (subIds.key(sub.length === 1 ? 0 : i) !== ansIds.key(ans.length === 1 ? 0 : i)) {
        fail("ID_MISMATCH", `${file} column "row_id": expected the answers' ${ans.length} ids, got ${sub.length} rows`);
      }
    }
  }
  fail("ROW_COUNT_MISMATCH", `${file}: expected ${ans.length} rows, got ${sub.length}`, {
    issues: [{ code: "ROW_COUNT_MISMATCH", message: `expected ${ans.length} rows, got ${sub.length}`, file: sub.file, expected: String(ans.length), received: String(sub.length) }],
    upstream: "error",
  });
}

/**
 * The grader's unmelt: each `<study>_<variable>` id split at its FIRST underscore, pivoted to one
 * row per study (sorted) and the eight variable columns. The sorted ids of both sides are equal,
 * so one layout serves both; a study lacking a variable leaves NaN, as pandas' pivot does.
 */
function pivotLayout(ids: readonly string[]): { studies: number; cell: Int32Array } {
  if (!ids.some((id) => id.includes("_"))) {
    fail("MALFORMED_PREDICTION", `column "row_id": expected ids of the form <StudyInstanceUID>_<variable>, got none with an underscore`, { upstream: "error" });
  }
  const parts = ids.map((id) => {
    const cut = id.indexOf("_");
    return cut < 0 ? { study: id, variable: "" } : { study: id.slice(0, cut), variable: id.slice(cut + 1) };
  });
  const studies = [...new Set(parts.map((p) => p.study))].sort(compareCodePoints);
  const rowOf = new Map(studies.map((study, i) => [study, i]));
  const cell = new Int32Array(ids.length).fill(-1);
  const seen = new Set<string>();
  parts.forEach(({ study, variable }, k) => {
    const key = `${study}\u0000${variable}`;
    if (seen.has(key)) fail("DUPLICATE_IDS", `column "row_id": ${study}_${variable} appears twice, so the pivot to one row per study fails`, { upstream: "error" });
    seen.add(key);
    const j = VARIABLES.indexOf(variable);
    if (j >= 0) cell[k] = rowOf.get(study)! * VARIABLES.length + j;
  });
  const present = new Set(parts.map((p) => p.variable));
  const absent = VARIABLES.filter((v) => !present.has(v));
  if (absent.length > 0) fail("MISSING_IDS", `column "row_id": no row for ${absent.join(", ")}, so the pivot lacks those columns`, { upstream: "error" });
  return { studies: studies.length, cell };
}

export default defineCompetition(
  {
    id: "rsna-2022-cervical-spine-fracture-detection",
    name: "RSNA 2022 Cervical Spine Fracture Detection",
    splits: ["high"],
    category: "Image Classification (3D CT)",
    answers: "rsna-2022-cervical-spine-fracture-detection/prepared/private/answers.csv",
    sampleSubmission: "rsna-2022-cervical-spine-fracture-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: "row_id", kind: "id", format: "<StudyInstanceUID>_<patient_overall|C1|…|C7>" },
      { name: "fractured", kind: "probability", range: [0, 1] },
    ],
    answersColumns: ["row_id", "fractured"],
    metric: { id: "weighted-binary-log-loss", options: { positiveWeights: [...RSNA_2022_WEIGHTS.positive], negativeWeights: [...RSNA_2022_WEIGHTS.negative] } },
    direction: "minimize",
    awardsMedals: true,
    rounding: "numpy",
    rowMatching: "both sorted by row_id; the sorted ids must be equal; then both pivoted to one row per study (id split at its first underscore) with the 8 variable columns",
    knownIssues: [
      "A missing or extra row makes numpy fail to compare the id arrays (a crash, not an invalid-submission verdict)",
      "Weights follow the TRUE label of each cell (patient_overall 7 or 14, vertebrae 1 or 2) and each study's loss is divided by its total weight",
    ],
  },
  (submission, answers) => {
    requireColumns(submission, ["row_id"]);
    requireColumns(submission, ["fractured"]);
    requireProbabilities(submission, [submission.col("fractured")]);
    const sortedAnswers = answersTable(answers, ["row_id", "fractured"]).sortBy("row_id");
    const t = floatsOf(sortedAnswers, sortedAnswers.col("fractured"));
    if (t.some((v) => v !== 0 && v !== 1)) throw new AnswersError("answers: expected fractured values of 0 or 1");
    const sub = submission.sortBy("row_id");
    requireAlignedIds(sub, sortedAnswers);
    const { studies, cell } = pivotLayout(sortedAnswers.col("row_id").toStrings());
    const truth = new Float64Array(studies * VARIABLES.length).fill(NaN);
    const prob = new Float64Array(studies * VARIABLES.length).fill(NaN);
    const p = floatsOf(sub, sub.col("fractured"), { upstream: "error" });
    cell.forEach((position, k) => {
      if (position < 0) return;
      truth[position] = t[k]!;
      prob[position] = p[k]!;
    });
    const shape = { rows: studies, cols: VARIABLES.length };
    return weightedBinaryLogLoss({ ...shape, data: truth }, { ...shape, data: prob }, { positiveWeights: RSNA_2022_WEIGHTS.positive, negativeWeights: RSNA_2022_WEIGHTS.negative });
  },
);
