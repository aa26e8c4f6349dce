import { cocoAveragePrecision } from "../../metrics/coco-average-precision.js";
import { AnswersError } from "../errors.js";
import { requireColumns, requireSameIdSet } from "../grader/checks.js";
import { failCell, requiredTextCell, tokenFloat } from "../grader/prediction-strings.js";
import { answersTable, floatsOf } from "../grader/prepare.js";
import type { CellKey } from "../table/column.js";
import { defineCompetition } from "./define.js";

const ID = "image_id";
const PREDICTIONS = "PredictionString";
const COORDINATES = ["x_min", "y_min", "x_max", "y_max"] as const;

export default defineCompetition(
  {
    id: "vinbigdata-chest-xray-abnormalities-detection",
    name: "VinBigData Chest X-ray Abnormalities Detection",
    splits: ["high"],
    category: "Object Detection",
    answers: "vinbigdata-chest-xray-abnormalities-detection/prepared/private/answers.csv",
    sampleSubmission: "vinbigdata-chest-xray-abnormalities-detection/prepared/public/sample_submission.csv",
    columns: [
      { name: ID, kind: "id", unique: false },
      { name: PREDICTIONS, kind: "prediction-string", format: "class_id confidence x_min y_min x_max y_max, repeated for each box" },
    ],
    answersColumns: [ID, "class_id", ...COORDINATES],
    metric: { id: "coco-average-precision", options: { iouThresholds: [0.4], maxDetections: 100, idOffset: 0 } },
    direction: "maximize",
    awardsMedals: true,
    rowMatching: "set of image_ids must equal the answers'; rows are not paired: every row's boxes are added to its image (several rows per image allowed)",
    knownIssues: [
      "Boxes are passed to pycocotools as [x_min, y_min, x_max, y_max] where it expects [x, y, width, height], so IoU is computed on [x_min, x_min + x_max] × [y_min, y_min + y_max] (for ground truth and predictions alike)",
      "Annotation ids start at 0 and pycocotools reads a match with id 0 as no match: the first answers row can never be a true positive (a perfect copy of the answers scores 0.94661), and the box of the submission's first detection can be matched again, so the score depends on submission row order",
      "Boxes with x_max < x_min or y_max < y_min have a negative area: such predictions are ignored unless matched",
      "Predicted classes that are absent from the answers are ignored; each image keeps its 100 highest-scoring boxes per class",
      "A row with an empty PredictionString crashes the grader (write '14 1 0 0 1 1' for 'No finding')",
      "kaggle mode passes real [x, y, width, height] boxes and numbers annotations from 1, so a perfect copy scores 1; the AP stays pycocotools' 101-point COCO AP at IoU 0.4",
    ],
  },
  (submission, answers, context) => {
    // kaggle mode gives pycocotools real [x, y, width, height] boxes and ids from 1 (see docs/compat.md).
    const kaggle = context.mode === "kaggle";
    const ans = answersTable(answers, ["class_id", ...COORDINATES, ID]);
    for (const name of COORDINATES) {
      for (let i = 0; i < ans.length; i++) {
        if (ans.col(name).isMissing(i)) throw new AnswersError(`answers: expected no missing values in column "${name}", got one at row ${i + 1}`);
      }
    }
    requireColumns(submission, [PREDICTIONS, ID]);
    requireSameIdSet(submission, ans, ID);

    // Images are numbered in order of first appearance in the answers; ground truth is listed image by image.
    const ansIds = ans.col(ID);
    const imageOf = new Map<CellKey, number>();
    const rowsByImage: number[][] = [];
    for (let i = 0; i < ans.length; i++) {
      const key = ansIds.key(i);
      let image = imageOf.get(key);
      if (image === undefined) {
        image = rowsByImage.length;
        imageOf.set(key, image);
        rowsByImage.push([]);
      }
      rowsByImage[image]!.push(i);
    }
    const gtRows = rowsByImage.flat();
    const classIds = floatsOf(ans, ans.col("class_id"));
    const [x0, y0, x1, y1] = COORDINATES.map((name) => floatsOf(ans, ans.col(name)));
    const truthBoxes = new Float64Array(4 * gtRows.length);
    const truthArea = new Float64Array(gtRows.length);
    gtRows.forEach((row, j) => {
      truthBoxes.set([x0![row]!, y0![row]!, kaggle ? x1![row]! - x0![row]! : x1![row]!, kaggle ? y1![row]! - y0![row]! : y1![row]!], 4 * j);
      truthArea[j] = (x1![row]! - x0![row]!) * (y1![row]! - y0![row]!);
    });
    const truth = {
      image: Int32Array.from(gtRows, (row) => imageOf.get(ansIds.key(row))!),
      category: Float64Array.from(gtRows, (row) => classIds[row]!),
      boxes: truthBoxes,
      area: truthArea,
    };

    // Predictions in submission row order, each string as `class confidence x_min y_min x_max y_max` groups.
    const subIds = submission.col(ID);
    const strings = submission.col(PREDICTIONS);
    const image: number[] = [];
    const category: number[] = [];
    const score: number[] = [];
    const boxes: number[] = [];
    const area: number[] = [];
    for (let row = 0; row < submission.length; row++) {
      const ref = { frame: submission, column: strings, row };
      const tokens = requiredTextCell(ref).split(" ");
      const values = tokens.map((_, t) => tokenFloat(ref, tokens, t, "error"));
      if (values.length % 6 !== 0) {
        failCell(ref, "MALFORMED_PREDICTION", "6 numbers per box (class confidence x_min y_min x_max y_max)", `${values.length} numbers`, "error");
      }
      const imageIndex = imageOf.get(subIds.key(row))!;
      for (let k = 0; k < values.length; k += 6) {
        const classValue = values[k]!;
        if (!Number.isFinite(classValue)) {
          failCell(ref, "NON_FINITE", `a finite class id at token ${k + 1}`, String(classValue), "error");
        }
        image.push(imageIndex);
        category.push(Math.trunc(classValue));
        score.push(values[k + 1]!);
        const [xmin, ymin, xmax, ymax] = [values[k + 2]!, values[k + 3]!, values[k + 4]!, values[k + 5]!];
        boxes.push(xmin, ymin, kaggle ? xmax - xmin : xmax, kaggle ? ymax - ymin : ymax);
        area.push((xmax - xmin) * (ymax - ymin));
      }
    }
    return cocoAveragePrecision(truth, { image, category, score, boxes, area }, { iouThresholds: [0.4], maxDetections: 100, idOffset: kaggle ? 1 : 0 });
  },
);
