import { pooledDetectionMap, type ScoredBoxes } from "../../metrics/pooled-detection-map.js";
import { alignBySortedIds } from "../grader/align.js";
import { failCell, requiredTextCell, tokenFloat, type CellRef } from "../grader/prediction-strings.js";
import type { Frame } from "../table/frame.js";
import { pythonSplit } from "../table/scalars.js";
import { defineCompetition } from "./define.js";

const ID = "id";
const PREDICTIONS = "PredictionString";

/**
 * `parse_prediction_string` over a sorted frame: `strip().split()`, then groups of
 * `label confidence xmin ymin xmax ymax`. Python evaluates each group left to right, so a missing
 * token (IndexError: a crash) and a token that is not a number (ValueError: reported as invalid)
 * are told apart by whichever comes first.
 */
function parseBoxes(frame: Frame): ScoredBoxes {
  const column = frame.col(PREDICTIONS);
  const out = { image: [] as number[], label: [] as string[], boxes: [] as number[], score: [] as number[] };
  for (let row = 0; row < frame.length; row++) {
    const ref: CellRef = { frame, column, row };
    const tokens = pythonSplit(requiredTextCell(ref));
    for (let i = 0; i < tokens.length; i += 6) {
      const values: number[] = [];
      for (let j = 1; j < 6; j++) {
        if (i + j >= tokens.length) {
          failCell(ref, "MALFORMED_PREDICTION", "6 tokens per box (label confidence xmin ymin xmax ymax)", `${tokens.length} tokens`, "error");
        }
        values.push(tokenFloat(ref, tokens, i + j, "invalid"));
      }
      out.image.push(row);
      out.label.push(tokens[i]!);
      out.score.push(values[0]!);
      out.boxes.push(values[1]!, values[2]!, values[3]!, values[4]!);
    }
  }
  return out;
}

export default defineCompetition(
  {
    id: "siim-covid19-detection",
    name: "SIIM-FISABIO-RSNA COVID-19 Detection",
    splits: ["high"],
    category: "Object Detection",
    answers: "siim-covid19-detection/prepared/private/test.csv",
    sampleSubmission: "siim-covid19-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id" },
      { name: PREDICTIONS, kind: "prediction-string", format: "label confidence xmin ymin xmax ymax, repeated for each box", allowEmpty: false },
    ],
    answersColumns: [ID, PREDICTIONS],
    metric: { id: "pooled-detection-map", options: { iouThreshold: 0.5 } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "sort both by id; sorted ids must be equal; rows paired in that order",
    knownIssues: [
      "The id column must be named 'id' (the competition description says 'Id')",
      "Study-level labels (negative, typical, indeterminate, atypical) and image-level labels (none, opacity) are six classes of one mAP, each scored with boxes (study rows use '1 0 0 1 1')",
      "Every image without a box or prediction of a class adds a (0, 0) pair for that class, and a missed box adds (1, 0); predicted labels absent from the answers are ignored",
      "A class whose pairs are all positive makes the grader crash (null score)",
      "A missing token in the last box of a row crashes the grader; elsewhere the tokens shift and the row is reported invalid",
      "An empty PredictionString cell crashes the grader",
    ],
  },
  (submission, answers) => {
    const { submission: sub, answers: sortedAnswers } = alignBySortedIds(submission, answers, { id: ID, target: PREDICTIONS, order: "length-first" });
    const predictions = parseBoxes(sub);
    const truth = parseBoxes(sortedAnswers);
    if (sub.length === 0) return 0;
    return pooledDetectionMap(truth, predictions, { iouThreshold: 0.5, imageCount: sub.length });
  },
);
