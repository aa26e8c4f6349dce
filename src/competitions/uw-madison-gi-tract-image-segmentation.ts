import { runLengthMaskToBitmap, type RunLengthMask } from "../../metrics/_rle.js";
import { diceHausdorffCombo } from "../../metrics/dice-hausdorff-combo.js";
import type { BinaryVolume } from "../../metrics/hausdorff-distance.js";
import { AnswersError } from "../errors.js";
import { diagnoseIds, fail, failCells, requireColumns } from "../grader/checks.js";
import { answersTable } from "../grader/prepare.js";
import { answerSizes, decodeAnswerRles, decodeRleColumn } from "../grader/rle.js";
import { Column } from "../table/column.js";
import type { Frame } from "../table/frame.js";
import { compareCodePoints } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

const ANSWER_COLUMNS = ["id", "class", "predicted", "image_height", "image_width"];

/** One case-day volume: its slices (each the rows OR-ed into it), in sorted id order. */
interface VolumePlan {
  slices: number[][];
  height: number;
  width: number;
}

/**
 * MLE-bench's `group_masks_by_day`: rows sorted by id (stable), rows with the same id OR-ed into one
 * slice, slices grouped by the id's text before "_slice_" in order of first appearance. Masks OR-ed
 * or stacked together must have the same size, else numpy raises (`mismatch` is called).
 */
function planVolumes(ids: readonly string[], masks: readonly RunLengthMask[], mismatch: (row: number, other: number) => never): VolumePlan[] {
  const order = Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => compareCodePoints(ids[a]!, ids[b]!) || a - b);
  const volumes = new Map<string, VolumePlan>();
  for (let k = 0; k < order.length; ) {
    const first = order[k]!;
    const rows = [first];
    for (k++; k < order.length && ids[order[k]!] === ids[first]; k++) rows.push(order[k]!);
    const { height, width } = masks[first]!;
    for (const row of rows) if (masks[row]!.height !== height || masks[row]!.width !== width) mismatch(row, first);
    const id = ids[first]!;
    const cut = id.indexOf("_slice_");
    const caseDay = cut < 0 ? id : id.slice(0, cut);
    const volume = volumes.get(caseDay);
    if (!volume) volumes.set(caseDay, { slices: [rows], height, width });
    else if (volume.height !== height || volume.width !== width) mismatch(first, volume.slices[0]![0]!);
    else volume.slices.push(rows);
  }
  return [...volumes.values()];
}

/** The 3-D masks of the first `count` volumes, built one at a time (`np.stack` of the OR-ed slices). */
function* buildVolumes(plans: readonly VolumePlan[], masks: readonly RunLengthMask[], count: number): Generator<BinaryVolume> {
  for (let v = 0; v < count; v++) {
    const { slices, height, width } = plans[v]!;
    const area = height * width;
    const data = new Uint8Array(slices.length * area);
    slices.forEach((rows, s) => {
      for (const row of rows) runLengthMaskToBitmap(masks[row]!, data, s * area);
    });
    yield { shape: [slices.length, height, width], data };
  }
}

/** Kaggle mode: the submission's rows reordered to the answers' (id, class) rows, one to one. */
function alignByIdAndClass(submission: Frame, answers: Frame): Frame {
  const keyColumn = (frame: Frame): Column => {
    const ids = frame.col("id").toStrings();
    const classes = frame.col("class").toStrings();
    return new Column({ name: "id, class", dtype: "object", cells: ids.map((id, i) => `${id} ${classes[i]}`) });
  };
  const subKeys = keyColumn(submission);
  const ansKeys = keyColumn(answers);
  const diagnosis = diagnoseIds(submission, subKeys, ansKeys);
  if (diagnosis) fail(diagnosis.code, diagnosis.message, { issues: diagnosis.issues });
  const rowOf = new Map<unknown, number>();
  for (let i = 0; i < subKeys.length; i++) rowOf.set(subKeys.key(i), i);
  return submission.take(Array.from({ length: answers.length }, (_, i) => rowOf.get(ansKeys.key(i))!));
}

export default defineCompetition(
  {
    id: "uw-madison-gi-tract-image-segmentation",
    name: "UW-Madison GI Tract Image Segmentation",
    splits: ["medium"],
    category: "Image Segmentation",
    answers: "uw-madison-gi-tract-image-segmentation/prepared/private/test.csv",
    sampleSubmission: "uw-madison-gi-tract-image-segmentation/prepared/public/sample_submission.csv",
    columns: [
      { name: "id", kind: "id" },
      { name: "class", kind: "id" },
      { name: "predicted", kind: "rle", allowEmpty: true, format: "start length pairs, 1-based, column-major" },
    ],
    answersColumns: ANSWER_COLUMNS,
    metric: { id: "dice-hausdorff-combo", options: { diceWeight: 0.4, hausdorffWeight: 0.6 } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching:
      "none for Dice: submission row i is paired with answers row i by position (extra rows ignored); for Hausdorff each side is sorted by id, grouped into case-day volumes, and volumes are paired by position (kaggle mode pairs rows by id and class)",
    knownIssues: [
      "Rows are paired with the answers by file position, without comparing ids or classes: the same rows in another order score lower (or crash when the images differ in size), and missing or extra rows are silently dropped",
      "The class column must exist but is never read: the three classes of a slice are merged for the Hausdorff part",
      "A malformed encoding (unsorted, overlapping or non-positive runs, non-integer tokens) crashes MLE-bench's grader instead of being reported as invalid",
      "When every mask is empty on both sides the score is NaN, which MLE-bench reports as a valid score",
    ],
  },
  (submission, answers, context) => {
    const ans = answersTable(answers, ANSWER_COLUMNS);
    requireColumns(submission, ["id", "class", "predicted"]);
    const sub = context.mode === "kaggle" ? alignByIdAndClass(submission, ans) : submission;
    const sizes = answerSizes(ans.col("image_height"), ans.col("image_width"));
    const count = Math.min(sub.length, ans.length);
    const yPred = decodeRleColumn(sub, sub.col("predicted").fillMissing(""), sizes, { assertion: "error", count });
    const yTrue = decodeAnswerRles(ans.col("predicted").fillMissing(""), sizes);

    const idColumn = sub.col("id");
    const nonText: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = idColumn.get(i);
      if (typeof id === "string") ids.push(id);
      else nonText.push(i);
    }
    if (nonText.length > 0) failCells(sub, idColumn, nonText, "LABEL_TYPE_MISMATCH", "a text id such as case123_day20_slice_0001", "error");
    const predictedPlans = planVolumes(ids, yPred, (row, other) => {
      const size = (i: number) => `${yPred[i]!.height}×${yPred[i]!.width} pixels`;
      const issue = sub.issueAt(
        "ID_MISMATCH",
        idColumn.sourceRow(row),
        "id",
        `${sub.file ?? "submission"} row ${idColumn.sourceRow(row) + 1}, column "id": expected ${size(other)} like row ${idColumn.sourceRow(other) + 1} (${ids[other]}), got ${size(row)}: rows take their image size from the answers row in the same position, and the masks of one slice or case-day must agree`,
        { expected: size(other), received: size(row) },
      );
      fail("ID_MISMATCH", issue.message, { issues: [issue], upstream: "error" });
    });
    const answerIds = ans.col("id").toStrings();
    const truePlans = planVolumes(answerIds, yTrue, (row) => {
      throw new AnswersError(`answers row ${row + 1}: masks of one slice or case-day volume have different image sizes`);
    });
    const volumes = Math.min(predictedPlans.length, truePlans.length);
    return diceHausdorffCombo(
      yTrue.slice(0, count),
      yPred,
      buildVolumes(truePlans, yTrue, volumes),
      buildVolumes(predictedPlans, yPred, volumes),
      { diceWeight: 0.4, hausdorffWeight: 0.6 },
    );
  },
);
