import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { pythonSortOrder } from "../src/_internal/pysort.js";
import { compareCodePoints } from "../src/table/scalars.js";
import { defineMetric } from "./_define.js";
import { stepwiseAveragePrecision } from "./_average-precision.js";
import { xyxyIou } from "./_geometry.js";

/** A class label: text, or a number. */
export type BoxLabel = string | number;

/** Labelled `[xmin, ymin, xmax, ymax]` boxes, one entry per box. */
export interface LabeledBoxes {
  /** Image index of each box, 0 ≤ image < imageCount. */
  image: ArrayLike<number>;
  /** Class label of each box (classes are taken in sorted order: numbers, then text by code point). */
  label: ArrayLike<BoxLabel>;
  /** `[xmin, ymin, xmax, ymax]` of each box, flattened (4 numbers per box). */
  boxes: ArrayLike<number>;
}

/** Predicted boxes with a confidence each. */
export interface ScoredBoxes extends LabeledBoxes {
  score: ArrayLike<number>;
}

export interface PooledDetectionMapOptions {
  /** A prediction matches a ground-truth box when their IoU is strictly greater than this (default 0.5). */
  iouThreshold?: number;
  /** Number of images (default: one more than the largest image index). Images without boxes still count. */
  imageCount?: number;
}

/**
 * Mean over classes of scikit-learn's average precision over (label, score) pairs pooled across
 * images, the way MLE-bench's siim-covid19-detection grader builds them.
 *
 * For each class (the labels of the ground truth, in code-point order) and each image: the
 * image's predictions are taken by descending confidence (a stable sort of the whole image's
 * list); each prediction of the class takes the not-yet-matched ground-truth box of that class
 * with the highest IoU, if that IoU is > `iouThreshold` (the first box wins ties) → pair
 * (1, confidence), else (0, confidence); each unmatched ground-truth box adds (1, 0); an image
 * with no pair for the class adds (0, 0). The class's AP is `average_precision_score` over the
 * pooled pairs (step-wise, tied scores grouped); the result is numpy's mean of the class APs.
 *
 * Direction: higher is better, in [0, 1]. Returns 0 when the ground truth has no boxes.
 *
 * @see https://www.kaggle.com/competitions/siim-covid19-detection/overview/evaluation
 * @see docs/metrics/pooled-detection-map.md
 * @throws MetricError UNDEFINED_METRIC when every pair of a class is positive (MLE-bench asserts);
 *   NON_FINITE when a confidence of a scored class is NaN or infinite; ROW_COUNT_MISMATCH
 */
export function pooledDetectionMap(truth: LabeledBoxes, predictions: ScoredBoxes, options: PooledDetectionMapOptions = {}): number {
  const threshold = options.iouThreshold ?? 0.5;
  const g = checkLengths("truth", truth);
  const p = checkLengths("predictions", predictions);
  if (predictions.score.length !== p) throw new MetricError("ROW_COUNT_MISMATCH", `predictions: expected ${p} scores, got ${predictions.score.length}`);
  let images = options.imageCount ?? 0;
  if (options.imageCount === undefined) {
    for (let i = 0; i < g; i++) images = Math.max(images, truth.image[i]! + 1);
    for (let i = 0; i < p; i++) images = Math.max(images, predictions.image[i]! + 1);
  }
  const gtByImage = byImage(truth.image, images, "truth");
  const predByImage = byImage(predictions.image, images, "predictions");
  const classes = [...new Set(Array.from(truth.label))].sort(compareLabels);
  const { score, boxes: pb, label: pl } = predictions;
  const { boxes: tb, label: tl } = truth;
  // Python re-sorts each image's list in place for every class; with NaN confidences that can move items again.
  const hasNaN = predByImage.map((list) => list.some((i) => Number.isNaN(score[i]!)));
  const sortInPlace = (image: number) => {
    const list = predByImage[image]!;
    const order = pythonSortOrder(list.map((i) => score[i]!), true);
    predByImage[image] = Array.from(order, (k) => list[k]!);
  };
  for (let image = 0; image < images; image++) sortInPlace(image);

  const aps: number[] = [];
  for (const cls of classes) {
    const yTrue: number[] = [];
    const yScore: number[] = [];
    for (let image = 0; image < images; image++) {
      if (hasNaN[image] && cls !== classes[0]) sortInPlace(image);
      const gts = gtByImage[image]!.filter((i) => tl[i] === cls);
      const matched = new Uint8Array(gts.length);
      let pairs = 0;
      for (const i of predByImage[image]!) {
        if (pl[i] !== cls) continue;
        let bestIou = 0;
        let best = -1;
        for (let j = 0; j < gts.length; j++) {
          if (matched[j]) continue;
          const t = 4 * gts[j]!;
          const iou = xyxyIou(pb[4 * i]!, pb[4 * i + 1]!, pb[4 * i + 2]!, pb[4 * i + 3]!, tb[t]!, tb[t + 1]!, tb[t + 2]!, tb[t + 3]!);
          if (iou > bestIou && iou > threshold) {
            bestIou = iou;
            best = j;
          }
        }
        if (best !== -1) matched[best] = 1;
        yTrue.push(best !== -1 ? 1 : 0);
        yScore.push(score[i]!);
        pairs++;
      }
      for (let j = 0; j < gts.length; j++) {
        if (matched[j]) continue;
        yTrue.push(1);
        yScore.push(0);
        pairs++;
      }
      if (pairs === 0) {
        yTrue.push(0);
        yScore.push(0);
      }
    }
    if (yTrue.every((y) => y === 1)) {
      throw new MetricError("UNDEFINED_METRIC", `class ${JSON.stringify(cls)}: expected at least one negative pair, got ${yTrue.length} positive pairs and none negative (MLE-bench asserts: y_true is all 1s)`);
    }
    aps.push(stepwiseAveragePrecision(yTrue, yScore));
  }
  return aps.length > 0 ? numpyMean(aps) : 0;
}

function compareLabels(a: BoxLabel, b: BoxLabel): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return compareCodePoints(a, b);
}

function checkLengths(role: string, boxes: LabeledBoxes): number {
  const n = boxes.image.length;
  if (boxes.label.length !== n || boxes.boxes.length !== 4 * n) {
    throw new MetricError("ROW_COUNT_MISMATCH", `${role}: expected ${n} labels and ${4 * n} box coordinates, got ${boxes.label.length} and ${boxes.boxes.length}`);
  }
  return n;
}

function byImage(image: ArrayLike<number>, count: number, role: string): number[][] {
  const lists = Array.from({ length: count }, (): number[] => []);
  for (let i = 0; i < image.length; i++) {
    const list = lists[image[i]!];
    if (!list) throw new MetricError("OUT_OF_RANGE", `${role} box ${i}: expected an image index in [0, ${count}), got ${image[i]}`);
    list.push(i);
  }
  return lists;
}

export const pooledDetectionMapMetric = defineMetric({
  id: "pooled-detection-map",
  aliases: ["siim-covid19-map"],
  title: "Pooled-pair detection mAP",
  description:
    "Mean over classes of scikit-learn's average precision over true/false-positive and missed-box pairs pooled across images, with greedy IoU > 0.5 matching (MLE-bench's SIIM-COVID-19 metric).",
  direction: "maximize",
  range: [0, 1],
  inputKind: "detections",
  options: z.strictObject({
    iouThreshold: z
      ._default(z.number().check(z.gte(0), z.lte(1)), 0.5)
      .check(z.describe("a prediction matches a ground-truth box when their IoU is strictly greater than this")),
    imageCount: z
      ._default(z.nullable(z.int().check(z.nonnegative())), null)
      .check(z.describe("number of images, counting those without boxes; null: one more than the largest image index")),
  }),
  formula: {
    latex: String.raw`\mathrm{mAP} = \frac{1}{|C|}\sum_{c\in C} \sum_{k} (R_{c,k} - R_{c,k-1})\,P_{c,k}`,
    text: "Per class, pool (is-positive, score) pairs over images (matched prediction → (1, conf), unmatched prediction → (0, conf), missed box → (1, 0), image without any → (0, 0)), take scikit-learn's step-wise average precision, then average over classes.",
  },
  edgeCases: [
    { when: "every pair of a class is positive (each image has boxes of the class and no false positive)", then: "throws UNDEFINED_METRIC (MLE-bench's assertion fails)" },
    { when: "a confidence of a class in the ground truth is NaN or infinite", then: "throws NON_FINITE (scikit-learn rejects it)" },
    { when: "several unmatched boxes have the same best IoU", then: "the first one is matched" },
    { when: "predictions of labels absent from the ground truth", then: "ignored" },
    { when: "a missed box (score 0) ties with predictions of confidence 0", then: "they form one threshold step" },
    { when: "no ground-truth boxes at all", then: "returns 0" },
  ],
  properties: { symmetric: false, orderInvariant: false, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "SIIM-FISABIO-RSNA COVID-19 Detection: evaluation", authors: "Kaggle", year: 2021, url: "https://www.kaggle.com/competitions/siim-covid19-detection/overview/evaluation" },
    { title: "scikit-learn average_precision_score", url: "https://scikit-learn.org/stable/modules/generated/sklearn.metrics.average_precision_score.html" },
  ],
  examples: [
    {
      input: {
        truthImage: [0, 1],
        truthLabel: ["opacity", "opacity"],
        truthBoxes: [0, 0, 10, 10, 0, 0, 10, 10],
        predImage: [0, 1],
        predLabel: ["opacity", "opacity"],
        predBoxes: [1, 1, 10, 10, 50, 50, 60, 60],
        predScore: [0.9, 0.8],
      },
      output: 0.8333333333333333,
      note: "pairs (1, 0.9), (0, 0.8) and the missed box (1, 0): recall 1/2 at precision 1, then 1 at precision 2/3",
    },
  ],
  compat:
    "Reproduces MLE-bench's `calculate_map` for siim-covid19-detection: Python's stable in-place sort by confidence (including CPython's order for NaN keys), `max`/`min` IoU with `union > 0`, strict `> 0.5`, and scikit-learn 1.5 `average_precision_score` (step-wise, tie-grouped, numpy pairwise sum), averaged with `np.mean`.",
  since: "0.1.0",
  evaluate: (
    input: {
      truthImage: ArrayLike<number>;
      truthLabel: ArrayLike<BoxLabel>;
      truthBoxes: ArrayLike<number>;
      predImage: ArrayLike<number>;
      predLabel: ArrayLike<BoxLabel>;
      predBoxes: ArrayLike<number>;
      predScore: ArrayLike<number>;
    },
    options: { iouThreshold: number; imageCount: number | null },
  ) =>
    pooledDetectionMap(
      { image: input.truthImage, label: input.truthLabel, boxes: input.truthBoxes },
      { image: input.predImage, label: input.predLabel, boxes: input.predBoxes, score: input.predScore },
      { iouThreshold: options.iouThreshold, imageCount: options.imageCount ?? undefined },
    ),
});
