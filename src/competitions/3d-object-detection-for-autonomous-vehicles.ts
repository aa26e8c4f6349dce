import { Box3dError, box3dMeanAveragePrecision, type ScoredBoxes3d } from "../../metrics/box3d-map.js";
import { AnswersError, SubmissionError } from "../errors.js";
import { alignBySortedIds } from "../grader/align.js";
import { failCell, textCell, tokenFloat, type CellRef } from "../grader/prediction-strings.js";
import type { Frame } from "../table/frame.js";
import { PY_WHITESPACE } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

const ID = "Id";
const PREDICTIONS = "PredictionString";
const FORMAT = "confidence center_x center_y center_z width length height yaw class_name";
const BLANK = new RegExp(`^[${PY_WHITESPACE}]*$`);

interface ParsedBoxes extends ScoredBoxes3d {
  sample: number[];
  label: string[];
  boxes: number[];
  score: number[];
  /** Row of the (sorted) frame and position in its string of each box, for messages. */
  row: number[];
  position: number[];
}

/**
 * `parse_row` on every row of a sorted frame: a blank string has no boxes; otherwise the string is
 * split on single spaces and must hold 9 tokens per box (else InvalidSubmissionError); the 8
 * numbers of each box go through `float()` (a ValueError crashes the grader), and an infinite yaw
 * crashes the quaternion construction (`math.cos`).
 */
function parseRows(frame: Frame, missingIsEmpty: boolean): ParsedBoxes {
  const column = frame.col(PREDICTIONS);
  const out: ParsedBoxes = { sample: [], label: [], boxes: [], score: [], row: [], position: [] };
  for (let row = 0; row < frame.length; row++) {
    const ref: CellRef = { frame, column, row };
    const text = textCell(ref) ?? (missingIsEmpty ? "" : failCell(ref, "MISSING_VALUE", "a prediction string", "an empty cell", "error"));
    if (BLANK.test(text)) continue;
    const tokens = text.split(" ");
    if (tokens.length % 9 !== 0) {
      failCell(ref, "MALFORMED_PREDICTION", `9 tokens per object (${FORMAT})`, `${tokens.length} tokens`, "invalid");
    }
    for (let i = 0; i < tokens.length; i += 9) {
      const values = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => tokenFloat(ref, tokens, i + j, "error"));
      // pyquaternion turns the yaw into a quaternion with math.cos, which raises for ±inf, whatever the class.
      if (Math.abs(values[7]!) === Infinity) failCell(ref, "NON_FINITE", `a finite yaw (object ${i / 9 + 1})`, String(values[7]), "error");
      out.sample.push(row);
      out.score.push(values[0]!);
      out.boxes.push(...values.slice(1));
      out.label.push(tokens[i + 8]!);
      out.row.push(row);
      out.position.push(i / 9 + 1);
    }
  }
  return out;
}

export default defineCompetition(
  {
    id: "3d-object-detection-for-autonomous-vehicles",
    name: "Lyft 3D Object Detection for Autonomous Vehicles",
    splits: ["high"],
    category: "Object Detection (3D)",
    answers: "3d-object-detection-for-autonomous-vehicles/prepared/private/test.csv",
    sampleSubmission: "3d-object-detection-for-autonomous-vehicles/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: PREDICTIONS, kind: "prediction-string", format: `${FORMAT}, repeated for each object`, allowEmpty: true },
    ],
    answersColumns: [ID, PREDICTIONS],
    metric: { id: "box3d-map" },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by Id; sorted Ids must be equal; rows paired in that order",
    knownIssues: [
      "Tokens are split on single spaces: a double space makes an empty token, so the count is no longer a multiple of 9 (invalid) or float('') crashes the grader",
      "The confidence is required (9 tokens per object, not 8)",
      "A sample whose answers have no box would make the score NaN (reported as a valid score)",
      "Predicted classes absent from a sample's ground truth are ignored, and their boxes are never checked; an evaluated box with a size ≤ 0 or a NaN value crashes the grader, and so does an infinite yaw in any box",
      "Each prediction is compared only with its best-IoU ground-truth box: if that box is already taken it is a false positive",
    ],
  },
  (submission, answers) => {
    const { submission: sub, answers: sortedAnswers } = alignBySortedIds(submission, answers, { id: ID, target: PREDICTIONS, order: "length-first" });
    const predictions = parseRows(sub, true);
    let truth: ParsedBoxes;
    try {
      truth = parseRows(sortedAnswers, false);
    } catch (error) {
      if (error instanceof SubmissionError) throw new AnswersError(`answers: ${error.message}`);
      throw error;
    }
    try {
      return box3dMeanAveragePrecision(truth, predictions, { sampleCount: sub.length });
    } catch (error) {
      if (!(error instanceof Box3dError)) throw error;
      if (error.role === "truth") throw new AnswersError(`answers: ${error.message}`);
      const row = predictions.row[error.index]!;
      failCell(
        { frame: sub, column: sub.col(PREDICTIONS), row },
        error.problem.code,
        `${error.problem.expected} (object ${predictions.position[error.index]})`,
        error.problem.received,
        "error",
      );
    }
  },
);
