import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { numpyMergesortOrder } from "../src/_internal/pysort.js";
import { defineMetric } from "./_define.js";
import { cocoBoxIou } from "./_geometry.js";

/** Ground-truth boxes for {@link cocoAveragePrecision}: one entry per box. */
export interface CocoBoxes {
  /** Image index of each box (a non-negative integer; images are taken in ascending index order). */
  image: ArrayLike<number>;
  /** Category id of each box. */
  category: ArrayLike<number>;
  /** `[x, y, width, height]` of each box, flattened (4 numbers per box). */
  boxes: ArrayLike<number>;
  /** Area of each box, used only for the area range; defaults to width·height. */
  area?: ArrayLike<number>;
}

/** Detections for {@link cocoAveragePrecision}. */
export interface CocoDetections extends CocoBoxes {
  /** Confidence of each detection. */
  score: ArrayLike<number>;
}

export interface CocoAveragePrecisionOptions {
  /** IoU thresholds (pycocotools' default: 0.50, 0.55, …, 0.95). */
  iouThresholds?: readonly number[];
  /** Detections kept per image and category, highest scores first (default 100). */
  maxDetections?: number;
  /**
   * Id given to the i-th ground-truth box and to the i-th detection: `i + idOffset` (default 1).
   * pycocotools stores a match as the partner's id and reads id 0 as "no match"; with 0, as
   * MLE-bench's VinBigData wrapper numbers them, the first ground-truth box can never be a true
   * positive and a ground-truth box matched by the first detection stays free for the next one.
   */
  idOffset?: number;
}

/** pycocotools' default IoU thresholds, `np.linspace(.5, .95, 10)`. */
export const COCO_IOU_THRESHOLDS: readonly number[] = linspace(0.5, 0.95, 10);
/** pycocotools' 101 recall points, `np.linspace(0, 1, 101)`. */
const RECALL_THRESHOLDS: readonly number[] = linspace(0, 1, 101);
/** pycocotools' "all" area range, [0², 1e5²]. */
const AREA_MIN = 0;
const AREA_MAX = 1e5 ** 2;
/** `np.spacing(1)`. */
const SPACING_1 = Number.EPSILON;

/** What `evaluateImg` keeps of one (image, category) cell. */
interface CellResult {
  /** Scores of the kept detections, highest first. */
  scores: Float64Array;
  /** Per threshold t and kept detection d, at t·D + d: whether matched to a non-zero id. */
  matched: Uint8Array;
  /** Same layout: whether the detection is ignored. */
  ignored: Uint8Array;
  /** Number of ground-truth boxes that are not ignored. */
  scorable: number;
}

/**
 * COCO average precision (pycocotools `COCOeval`, bbox, `stats[0]`): for each category that has
 * ground truth, detections are matched greedily per image, highest score first, to the unmatched
 * ground-truth box of highest IoU ≥ t; precision is interpolated (running maximum from the right)
 * at 101 recall points; the score is the mean over thresholds, recall points and categories.
 *
 * Direction: higher is better, in [0, 1]; −1 when no category has a ground-truth box inside the
 * area range (pycocotools' marker for "absent").
 *
 * Reproduced exactly: detections per image and category sorted by −score with a stable sort (NaN
 * last) and cut to `maxDetections`; ground-truth boxes with an area outside [0, 1e10] are ignored
 * and tried last; a detection may match an ignored box (it is then ignored too) unless it already
 * matched a regular one; ties in IoU go to the later ground-truth box (`if iou < best: continue`);
 * the IoU threshold is `min(t, 1 − 1e-10)`; unmatched detections outside the area range are
 * ignored; `precision = tp / (tp + fp + np.spacing(1))`; recall points are located with
 * `searchsorted(..., 'left')` and are 0 past the highest recall reached; the final mean is numpy's
 * over the flattened (threshold, recall, category) array. Categories are those of the ground
 * truth (other detections are dropped); an image counts for a category when it has ground truth
 * or detections of it; crowd annotations are not supported.
 *
 * @see https://github.com/cocodataset/cocoapi/blob/master/PythonAPI/pycocotools/cocoeval.py
 * @see docs/metrics/coco-average-precision.md
 * @throws MetricError ROW_COUNT_MISMATCH when the input arrays disagree in length
 */
export function cocoAveragePrecision(truth: CocoBoxes, detections: CocoDetections, options: CocoAveragePrecisionOptions = {}): number {
  const thresholds = options.iouThresholds ?? COCO_IOU_THRESHOLDS;
  const maxDet = options.maxDetections ?? 100;
  const idOffset = options.idOffset ?? 1;
  checkBoxes("truth", truth);
  const d = checkBoxes("detections", detections);
  if (detections.score.length !== d) throw new MetricError("ROW_COUNT_MISMATCH", `detections: expected ${d} scores, got ${detections.score.length}`);

  const categories = [...new Set(Array.from(truth.category).filter((c) => !Number.isNaN(c)))].sort((a, b) => a - b);
  const categoryIndex = new Map(categories.map((c, k) => [c, k]));
  const gtCells = groupCells(truth, categoryIndex);
  const dtCells = groupCells(detections, categoryIndex);
  const T = thresholds.length;
  const R = RECALL_THRESHOLDS.length;
  // precision[t][r][k], flattened in that order; -1 marks a category without scorable ground truth.
  const precision = new Float64Array(T * R * categories.length).fill(-1);

  for (let k = 0; k < categories.length; k++) {
    const cells: CellResult[] = [];
    const images = [...new Set([...(gtCells.get(k)?.keys() ?? []), ...(dtCells.get(k)?.keys() ?? [])])].sort((a, b) => a - b);
    for (const image of images) {
      cells.push(evaluateCell(truth, gtCells.get(k)?.get(image) ?? [], detections, dtCells.get(k)?.get(image) ?? [], thresholds, maxDet, idOffset));
    }
    if (cells.length === 0) continue;
    accumulateCategory(cells, T, k, categories.length, precision);
  }
  const kept: number[] = [];
  for (const value of precision) if (value > -1) kept.push(value);
  return kept.length === 0 ? -1 : numpyMean(kept);
}

/** `np.linspace(start, stop, num)` element by element: `i·step + start`, the last one exactly `stop`. */
export function linspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : i * step + start));
}

function checkBoxes(role: string, boxes: CocoBoxes): number {
  const n = boxes.image.length;
  if (boxes.category.length !== n || boxes.boxes.length !== 4 * n || (boxes.area && boxes.area.length !== n)) {
    throw new MetricError(
      "ROW_COUNT_MISMATCH",
      `${role}: expected ${n} categories, ${4 * n} box coordinates${boxes.area ? ` and ${n} areas` : ""}, got ${boxes.category.length}, ${boxes.boxes.length}${boxes.area ? ` and ${boxes.area.length}` : ""}`,
    );
  }
  return n;
}

/** Box indices by category index, then by image, in input order. */
function groupCells(boxes: CocoBoxes, categoryIndex: Map<number, number>): Map<number, Map<number, number[]>> {
  const cells = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < boxes.image.length; i++) {
    const k = categoryIndex.get(boxes.category[i]!);
    if (k === undefined) continue;
    let byImage = cells.get(k);
    if (!byImage) cells.set(k, (byImage = new Map()));
    const image = boxes.image[i]!;
    const list = byImage.get(image);
    if (list) list.push(i);
    else byImage.set(image, [i]);
  }
  return cells;
}

function areaOf(boxes: CocoBoxes, i: number): number {
  return boxes.area ? boxes.area[i]! : boxes.boxes[4 * i + 2]! * boxes.boxes[4 * i + 3]!;
}

function outsideArea(area: number): boolean {
  return area < AREA_MIN || area > AREA_MAX;
}

/** pycocotools `evaluateImg` for one image and category (area range "all"). */
function evaluateCell(
  truth: CocoBoxes,
  gtList: number[],
  detections: CocoDetections,
  dtList: number[],
  thresholds: readonly number[],
  maxDet: number,
  idOffset: number,
): CellResult {
  // Ground truth: regular boxes first, ignored ones last (stable).
  const gtIgnoreRaw = gtList.map((i) => (outsideArea(areaOf(truth, i)) ? 1 : 0));
  const gtOrder = gtList.map((_, j) => j).sort((a, b) => gtIgnoreRaw[a]! - gtIgnoreRaw[b]! || a - b);
  const gts = gtOrder.map((j) => gtList[j]!);
  const gtIgnore = gtOrder.map((j) => gtIgnoreRaw[j]!);
  // Detections: highest score first (stable, NaN last), at most maxDet.
  const negated = dtList.map((i) => -detections.score[i]!);
  const dts = Array.from(numpyMergesortOrder(negated).subarray(0, maxDet), (j) => dtList[j]!);
  const G = gts.length;
  const D = dts.length;
  const T = thresholds.length;
  const matched = new Uint8Array(T * D);
  const ignored = new Uint8Array(T * D);
  if (G > 0 && D > 0) {
    const ious = new Float64Array(D * G);
    const tb = truth.boxes;
    const db = detections.boxes;
    for (let a = 0; a < D; a++) {
      const di = 4 * dts[a]!;
      for (let b = 0; b < G; b++) {
        const gi = 4 * gts[b]!;
        ious[a * G + b] = cocoBoxIou(db[di]!, db[di + 1]!, db[di + 2]!, db[di + 3]!, tb[gi]!, tb[gi + 1]!, tb[gi + 2]!, tb[gi + 3]!);
      }
    }
    const gtMatchedBy = new Float64Array(G);
    for (let t = 0; t < T; t++) {
      gtMatchedBy.fill(0);
      for (let a = 0; a < D; a++) {
        let best = Math.min(thresholds[t]!, 1 - 1e-10);
        let m = -1;
        for (let b = 0; b < G; b++) {
          if (gtMatchedBy[b]! > 0) continue;
          if (m > -1 && gtIgnore[m] === 0 && gtIgnore[b] === 1) break;
          const iou = ious[a * G + b]!;
          if (iou < best) continue;
          best = iou;
          m = b;
        }
        if (m === -1) continue;
        ignored[t * D + a] = gtIgnore[m]!;
        matched[t * D + a] = gts[m]! + idOffset !== 0 ? 1 : 0;
        gtMatchedBy[m] = dts[a]! + idOffset;
      }
    }
  }
  for (let a = 0; a < D; a++) {
    if (!outsideArea(areaOf(detections, dts[a]!))) continue;
    for (let t = 0; t < T; t++) if (!matched[t * D + a]) ignored[t * D + a] = 1;
  }
  let scorable = 0;
  for (const flag of gtIgnore) if (flag === 0) scorable++;
  return { scores: Float64Array.from(dts, (i) => detections.score[i]!), matched, ignored, scorable };
}

/** pycocotools `accumulate` for one category: precision at the 101 recall points per threshold. */
function accumulateCategory(cells: CellResult[], T: number, k: number, K: number, precision: Float64Array): void {
  let npig = 0;
  let total = 0;
  for (const cell of cells) {
    npig += cell.scorable;
    total += cell.scores.length;
  }
  if (npig === 0) return;
  const negated = new Float64Array(total);
  const cellOf = new Int32Array(total);
  const indexIn = new Int32Array(total);
  let p = 0;
  cells.forEach((cell, c) => {
    for (let a = 0; a < cell.scores.length; a++, p++) {
      negated[p] = -cell.scores[a]!;
      cellOf[p] = c;
      indexIn[p] = a;
    }
  });
  const order = numpyMergesortOrder(negated);
  const R = RECALL_THRESHOLDS.length;
  const rc = new Float64Array(total);
  const pr = new Float64Array(total);
  for (let t = 0; t < T; t++) {
    let tp = 0;
    let fp = 0;
    for (let j = 0; j < total; j++) {
      const q = order[j]!;
      const cell = cells[cellOf[q]!]!;
      const at = t * cell.scores.length + indexIn[q]!;
      if (!cell.ignored[at]) {
        if (cell.matched[at]) tp++;
        else fp++;
      }
      rc[j] = tp / npig;
      pr[j] = tp / (fp + tp + SPACING_1);
    }
    for (let i = total - 1; i > 0; i--) if (pr[i]! > pr[i - 1]!) pr[i - 1] = pr[i]!;
    // searchsorted(rc, recThrs, 'left'); recall points past the end keep precision 0.
    let j = 0;
    for (let r = 0; r < R; r++) {
      const threshold = RECALL_THRESHOLDS[r]!;
      while (j < total && rc[j]! < threshold) j++;
      precision[(t * R + r) * K + k] = j < total ? pr[j]! : 0;
    }
  }
}

export const cocoAveragePrecisionMetric = defineMetric({
  id: "coco-average-precision",
  aliases: ["mAP-at-IoU>0.4", "coco-map", "cocoeval-ap"],
  title: "COCO average precision (pycocotools)",
  description:
    "Object-detection average precision as pycocotools' COCOeval computes its headline number: greedy IoU matching per image, 101-point interpolated precision, averaged over IoU thresholds and ground-truth categories.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "detections",
  options: z.strictObject({
    iouThresholds: z
      ._default(z.array(z.number().check(z.gte(0), z.lte(1))).check(z.minLength(1)), [...COCO_IOU_THRESHOLDS])
      .check(z.describe("IoU thresholds a match must reach (≥); pycocotools' default is 0.50:0.05:0.95, VinBigData uses [0.4]")),
    maxDetections: z._default(z.int().check(z.positive()), 100).check(z.describe("detections kept per image and category, highest scores first")),
    idOffset: z
      ._default(z.int(), 1)
      .check(z.describe("annotation id of the i-th box is i + idOffset; 0 reproduces MLE-bench's VinBigData numbering, where pycocotools reads the match id 0 as no match")),
  }),
  formula: {
    latex: String.raw`\mathrm{AP} = \frac{1}{|T|\,|K|}\sum_{t\in T}\sum_{k\in K}\frac{1}{101}\sum_{r\in\{0,0.01,\dots,1\}} \max_{r' \ge r} p_{t,k}(r')`,
    text: "For each IoU threshold t and category k, match detections greedily by score to unmatched ground-truth boxes with IoU ≥ t, compute the precision envelope, read it at recall 0, 0.01, …, 1 (0 beyond the highest recall), and average everything.",
  },
  edgeCases: [
    { when: "two ground-truth boxes have the same IoU with a detection", then: "the later one is matched (pycocotools' `if iou < best: continue`)" },
    { when: "idOffset is 0", then: "the first ground-truth box can never be a true positive, and a box matched by the first detection can be matched again" },
    { when: "a box has a negative area (corners swapped)", then: "a ground-truth box is ignored; a detection is ignored unless it is matched" },
    { when: "a category has ground truth but no detections", then: "it contributes precision 0 at every recall point" },
    { when: "detections of categories absent from the ground truth", then: "ignored" },
    { when: "more than maxDetections detections in an image and category", then: "only the highest-scoring maxDetections count" },
    { when: "no category has a ground-truth box inside the area range", then: "returns −1, pycocotools' marker for an absent value (outside the range)" },
  ],
  properties: { symmetric: false, orderInvariant: false, bounded: false, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "pycocotools cocoeval.py", authors: "COCO API", url: "https://github.com/cocodataset/cocoapi/blob/master/PythonAPI/pycocotools/cocoeval.py" },
    { title: "COCO detection evaluation", authors: "COCO Consortium", url: "https://cocodataset.org/#detection-eval" },
    { title: "Microsoft COCO: Common Objects in Context", authors: "Lin et al.", year: 2014, url: "https://arxiv.org/abs/1405.0312" },
  ],
  examples: [
    {
      input: {
        truthImage: [0, 0],
        truthLabel: [1, 1],
        truthBoxes: [0, 0, 10, 10, 20, 20, 10, 10],
        predImage: [0, 0],
        predLabel: [1, 1],
        predBoxes: [0, 0, 10, 10, 50, 50, 5, 5],
        predScore: [0.9, 0.8],
      },
      options: { iouThresholds: [0.5] },
      output: 0.5049504950495048,
      note: "one of two boxes found by the top detection: precision 1 up to recall 0.5, then 0",
    },
    {
      input: { truthImage: [0], truthLabel: [3], truthBoxes: [0, 0, 4, 4], predImage: [0], predLabel: [3], predBoxes: [0, 0, 4, 4], predScore: [1] },
      options: { iouThresholds: [0.4], idOffset: 0 },
      output: 0,
      note: "with ids from 0 the first ground-truth box cannot be matched (VinBigData)",
    },
  ],
  compat:
    "Reproduces pycocotools 2.0 `COCOeval` (iouType 'bbox', useCats, area range 'all', `stats[0]`), including numpy's mergesort orders, `np.spacing(1)`, `searchsorted(side='left')`, the `min(t, 1-1e-10)` threshold, the id-0 quirk and numpy's pairwise mean; box IoU follows the C routine `bbIou` (fmin/fmax).",
  since: "0.1.0",
  evaluate: (
    input: {
      truthImage: ArrayLike<number>;
      truthLabel: ArrayLike<number>;
      truthBoxes: ArrayLike<number>;
      truthArea?: ArrayLike<number>;
      predImage: ArrayLike<number>;
      predLabel: ArrayLike<number>;
      predBoxes: ArrayLike<number>;
      predScore: ArrayLike<number>;
      predArea?: ArrayLike<number>;
    },
    options: { iouThresholds: number[]; maxDetections: number; idOffset: number },
  ) =>
    cocoAveragePrecision(
      { image: input.truthImage, category: input.truthLabel, boxes: input.truthBoxes, area: input.truthArea },
      { image: input.predImage, category: input.predLabel, boxes: input.predBoxes, score: input.predScore, area: input.predArea },
      options,
    ),
});
