import * as z from "zod/mini";
import { MetricError, type SubmissionErrorCode } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { pythonSortOrder } from "../src/_internal/pysort.js";
import { compareCodePoints } from "../src/table/scalars.js";
import { defineMetric } from "./_define.js";
import { vocAveragePrecision } from "./_average-precision.js";
import { QuadScratch, cornersAreOrthogonal, groundCorners, pyMax, pyMin, quadIntersectionArea, yawCosSin } from "./_geometry.js";

/** 3D boxes, one entry per box, each `[center_x, center_y, center_z, width, length, height, yaw]`. */
export interface Boxes3d {
  /** Sample (scene frame) index of each box, 0 ≤ sample < sampleCount. */
  sample: ArrayLike<number>;
  /** Class name of each box. */
  label: ArrayLike<string>;
  /** 7 numbers per box: center x, y, z, width, length, height, yaw (radians about z), flattened. */
  boxes: ArrayLike<number>;
}

/** Predicted 3D boxes with a confidence each. */
export interface ScoredBoxes3d extends Boxes3d {
  score: ArrayLike<number>;
}

export interface Box3dMapOptions {
  /** IoU thresholds; a match needs IoU strictly greater (default 0.5, 0.55, …, 0.95). */
  iouThresholds?: readonly number[];
  /** Number of samples (default: one more than the largest sample index); a sample without ground truth makes the score NaN. */
  sampleCount?: number;
}

/** The Lyft competition's IoU thresholds. */
export const LYFT_IOU_THRESHOLDS: readonly number[] = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

const FIELDS = ["center_x", "center_y", "center_z", "width", "length", "height", "yaw"] as const;

/** Why the Lyft devkit rejects a box, in the order its `Box3D` checks. */
export interface Box3dProblem {
  code: SubmissionErrorCode;
  expected: string;
  received: string;
}

/** A box the devkit rejects, with which input it came from and its index there. */
export class Box3dError extends MetricError {
  constructor(
    readonly role: "truth" | "prediction",
    readonly index: number,
    readonly problem: Box3dProblem,
  ) {
    const message = `${role} box ${index}: expected ${problem.expected}, got ${problem.received}`;
    super(problem.code, message, [{ code: problem.code, message, expected: problem.expected, received: problem.received }]);
    this.name = "Box3dError";
  }
}

/** Ground corners, z extent and volume of every box, computed as the devkit does. */
class BoxGeometry {
  readonly corners: Float64Array;
  readonly minZ: Float64Array;
  readonly maxZ: Float64Array;
  readonly volume: Float64Array;
  private readonly checked: Uint8Array;

  constructor(
    private readonly role: "truth" | "prediction",
    private readonly boxes: ArrayLike<number>,
  ) {
    const n = boxes.length / 7;
    this.corners = new Float64Array(8 * n);
    this.minZ = new Float64Array(n);
    this.maxZ = new Float64Array(n);
    this.volume = new Float64Array(n);
    this.checked = new Uint8Array(n);
    const cs = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      const at = 7 * i;
      const [cx, cy, cz, width, length, height, yaw] = [boxes[at]!, boxes[at + 1]!, boxes[at + 2]!, boxes[at + 3]!, boxes[at + 4]!, boxes[at + 5]!, boxes[at + 6]!];
      yawCosSin(yaw, cs);
      groundCorners(cx, cy, width, length, cs[0]!, cs[1]!, this.corners, 8 * i);
      this.minZ[i] = cz - height / 2;
      this.maxZ[i] = cz + height / 2;
      this.volume[i] = width * length * height;
    }
  }

  /** Throws what the devkit would raise when it builds box i. */
  check(i: number): void {
    if (this.checked[i]) return;
    const problem = box3dProblem(this.boxes, i);
    if (problem) throw new Box3dError(this.role, i, problem);
    this.checked[i] = 1;
  }
}

/** `Box3D.get_iou` of prediction p against ground truth g: ground-polygon overlap × z overlap over the union volume, clipped to [0, 1]. */
function box3dIou(pred: BoxGeometry, p: number, truth: BoxGeometry, g: number, scratch: QuadScratch): number {
  const height = pyMax(0, pyMin(truth.maxZ[g]!, pred.maxZ[p]!) - pyMax(truth.minZ[g]!, pred.minZ[p]!));
  const area = height > 0 ? quadIntersectionArea(pred.corners, 8 * p, truth.corners, 8 * g, scratch) : 0;
  const intersection = height * area;
  const iou = intersection / (pred.volume[p]! + truth.volume[g]! - intersection);
  return Math.min(Math.max(iou, 0), 1);
}

/**
 * Mean average precision of 3D boxes as the Lyft 3D Object Detection competition computes it
 * (its devkit's `mAP_evaluation.py`, as MLE-bench runs it): for each sample and each IoU threshold,
 * the mean over the sample's ground-truth classes of the VOC all-point AP; then the mean over all
 * (sample, threshold) values.
 *
 * Per sample, threshold and class: predictions are ranked by descending confidence (Python's
 * stable sort); each is matched to the ground-truth box of highest IoU (the first on ties) and is a
 * true positive when that IoU is > t and the box is still unmatched, else a false positive (no
 * fallback to the second best box). IoU is the intersection of the rotated ground rectangles times
 * the z overlap, over the union volume. A class with no prediction scores 0; predictions of classes
 * absent from the sample's ground truth are ignored; a sample without ground truth gives NaN.
 *
 * Direction: higher is better, in [0, 1] (NaN when a sample has no ground truth).
 *
 * @see https://www.kaggle.com/competitions/3d-object-detection-for-autonomous-vehicles/overview/evaluation
 * @see docs/metrics/box3d-map.md
 * @throws MetricError MISSING_VALUE, NON_FINITE, OUT_OF_RANGE or MALFORMED_PREDICTION when a box
 *   that gets evaluated is one the devkit rejects (see {@link box3dProblem}); ROW_COUNT_MISMATCH
 */
export function box3dMeanAveragePrecision(truth: Boxes3d, predictions: ScoredBoxes3d, options: Box3dMapOptions = {}): number {
  const thresholds = options.iouThresholds ?? LYFT_IOU_THRESHOLDS;
  const g = checkLengths("truth", truth);
  const p = checkLengths("predictions", predictions);
  if (predictions.score.length !== p) throw new MetricError("ROW_COUNT_MISMATCH", `predictions: expected ${p} scores, got ${predictions.score.length}`);
  let samples = options.sampleCount ?? 0;
  if (options.sampleCount === undefined) {
    for (let i = 0; i < g; i++) samples = Math.max(samples, truth.sample[i]! + 1);
    for (let i = 0; i < p; i++) samples = Math.max(samples, predictions.sample[i]! + 1);
  }
  const truthBySample = bySample(truth.sample, samples, "truth");
  const predBySample = bySample(predictions.sample, samples, "predictions");
  const truthGeometry = new BoxGeometry("truth", truth.boxes);
  const predGeometry = new BoxGeometry("prediction", predictions.boxes);
  const scratch = new QuadScratch();
  const T = thresholds.length;
  const values = new Float64Array(samples * T);

  for (let s = 0; s < samples; s++) {
    const gts = truthBySample[s]!;
    if (gts.length === 0) {
      values.fill(NaN, s * T, (s + 1) * T);
      continue;
    }
    const classes = [...new Set(gts.map((i) => truth.label[i]!))].sort(compareCodePoints);
    // aps[t * K + k]
    const aps = new Float64Array(T * classes.length);
    classes.forEach((cls, k) => {
      const preds = predBySample[s]!.filter((i) => predictions.label[i] === cls);
      if (preds.length === 0) return;
      const classGts = gts.filter((i) => truth.label[i] === cls);
      for (const i of classGts) truthGeometry.check(i);
      const ranked = Array.from(pythonSortOrder(preds.map((i) => predictions.score[i]!), true), (j) => preds[j]!);
      for (const i of ranked) predGeometry.check(i);
      const G = classGts.length;
      // Best ground-truth box of each prediction: np.max / np.argmax (the first NaN wins if any).
      const best = new Float64Array(ranked.length);
      const bestAt = new Int32Array(ranked.length);
      ranked.forEach((pi, a) => {
        let max = -Infinity;
        let at = -1;
        for (let b = 0; b < G; b++) {
          const iou = box3dIou(predGeometry, pi, truthGeometry, classGts[b]!, scratch);
          if (Number.isNaN(iou)) {
            max = NaN;
            at = b;
            break;
          }
          if (iou > max) {
            max = iou;
            at = b;
          }
        }
        best[a] = max;
        bestAt[a] = at;
      });
      const taken = new Uint8Array(G);
      const tp = new Uint8Array(ranked.length);
      for (let t = 0; t < T; t++) {
        taken.fill(0);
        tp.fill(0);
        for (let a = 0; a < ranked.length; a++) {
          if (best[a]! > thresholds[t]! && !taken[bestAt[a]!]) {
            tp[a] = 1;
            taken[bestAt[a]!] = 1;
          }
        }
        aps[t * classes.length + k] = vocAveragePrecision(tp, G);
      }
    });
    for (let t = 0; t < T; t++) values[s * T + t] = numpyMean(aps.subarray(t * classes.length, (t + 1) * classes.length));
  }
  return numpyMean(values);
}

/**
 * What the Lyft devkit's `Box3D` would raise for box i (`boxes` holds 7 numbers per box), or null:
 * a NaN center, size or yaw (ValueError), an infinite yaw (its quaternion is NaN), a size that is
 * not positive (AssertionError), or corners failing the right-angle check (AssertionError, e.g. for
 * infinite coordinates).
 */
export function box3dProblem(boxes: ArrayLike<number>, i: number): Box3dProblem | null {
  const at = 7 * i;
  for (let f = 0; f < 7; f++) {
    if (Number.isNaN(boxes[at + f]!)) return { code: "MISSING_VALUE", expected: `a number for ${FIELDS[f]}`, received: "nan" };
  }
  if (!Number.isFinite(boxes[at + 6]!)) return { code: "NON_FINITE", expected: "a finite yaw", received: String(boxes[at + 6]) };
  for (let f = 3; f < 6; f++) {
    if (!(boxes[at + f]! > 0)) return { code: "OUT_OF_RANGE", expected: `a positive ${FIELDS[f]}`, received: String(boxes[at + f]) };
  }
  const cs = yawCosSin(boxes[at + 6]!);
  const corners = new Float64Array(8);
  groundCorners(boxes[at]!, boxes[at + 1]!, boxes[at + 3]!, boxes[at + 4]!, cs[0]!, cs[1]!, corners);
  if (!cornersAreOrthogonal(corners)) {
    for (let f = 0; f < 6; f++) {
      if (!Number.isFinite(boxes[at + f]!)) return { code: "NON_FINITE", expected: `a finite ${FIELDS[f]}`, received: String(boxes[at + f]) };
    }
    return { code: "MALFORMED_PREDICTION", expected: "a box whose ground corners pass the devkit's right-angle check", received: "corners that do not" };
  }
  return null;
}

function checkLengths(role: string, boxes: Boxes3d): number {
  const n = boxes.sample.length;
  if (boxes.label.length !== n || boxes.boxes.length !== 7 * n) {
    throw new MetricError("ROW_COUNT_MISMATCH", `${role}: expected ${n} labels and ${7 * n} box numbers, got ${boxes.label.length} and ${boxes.boxes.length}`);
  }
  return n;
}

function bySample(sample: ArrayLike<number>, count: number, role: string): number[][] {
  const lists = Array.from({ length: count }, (): number[] => []);
  for (let i = 0; i < sample.length; i++) {
    const list = lists[sample[i]!];
    if (!list) throw new MetricError("OUT_OF_RANGE", `${role} box ${i}: expected a sample index in [0, ${count}), got ${sample[i]}`);
    list.push(i);
  }
  return lists;
}

export const box3dMapMetric = defineMetric({
  id: "box3d-map",
  aliases: ["lyft-3d-map"],
  title: "3D box mean average precision (Lyft)",
  description:
    "Mean over samples and IoU thresholds 0.5:0.05:0.95 of the per-sample mAP of rotated 3D boxes (VOC all-point AP per class), as in the Lyft 3D Object Detection competition.",
  direction: "maximize",
  range: [0, 1],
  // Boxes have 7 parameters and per-sample class sets, unlike the 2D generators; test/metrics/box3d-map.test.ts has its own properties.
  inputKind: "custom",
  options: z.strictObject({
    iouThresholds: z
      ._default(z.array(z.number().check(z.gte(0), z.lte(1))).check(z.minLength(1)), [...LYFT_IOU_THRESHOLDS])
      .check(z.describe("IoU thresholds; a prediction is a true positive when its IoU is strictly greater")),
    sampleCount: z
      ._default(z.nullable(z.int().check(z.nonnegative())), null)
      .check(z.describe("number of samples, counting those without boxes; null: one more than the largest sample index")),
  }),
  formula: {
    latex: String.raw`\mathrm{score} = \frac{1}{|S|\,|T|}\sum_{s\in S}\sum_{t\in T}\frac{1}{|C_s|}\sum_{c\in C_s}\mathrm{AP}_{\mathrm{VOC}}(s, c, t)`,
    text: "For every sample s and threshold t: average over the sample's ground-truth classes of the VOC all-point AP (precision envelope, area under the step curve) with IoU > t; then average all (sample, threshold) values.",
  },
  edgeCases: [
    { when: "a sample has no ground-truth box", then: "its mAP is the mean of nothing, NaN, and so is the score (MLE-bench reports NaN as a valid score)" },
    { when: "a ground-truth class has no prediction in the sample", then: "its AP is 0" },
    { when: "a prediction's best box is already matched", then: "it is a false positive, even if another box would match" },
    { when: "an evaluated box has a NaN value, an infinite yaw or coordinate, or a size ≤ 0", then: "throws (the devkit raises); boxes of classes absent from the sample's ground truth are never checked" },
    { when: "IoU exactly equal to a threshold", then: "not a match (strict >)" },
  ],
  properties: { symmetric: false, orderInvariant: false, bounded: true, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "Lyft 3D Object Detection for Autonomous Vehicles: evaluation", authors: "Lyft / Kaggle", year: 2019, url: "https://www.kaggle.com/competitions/3d-object-detection-for-autonomous-vehicles/overview/evaluation" },
    { title: "lyft_dataset_sdk mAP_evaluation.py", authors: "Lyft", url: "https://github.com/lyft/nuscenes-devkit/blob/master/lyft_dataset_sdk/eval/detection/mAP_evaluation.py" },
  ],
  examples: [
    {
      input: {
        truthSample: [0],
        truthLabel: ["car"],
        truthBoxes: [0, 0, 0, 2, 4, 2, 0],
        predSample: [0],
        predLabel: ["car"],
        predBoxes: [0.5, 0, 0, 2, 4, 2, 0],
        predScore: [0.9],
      },
      output: 0.6,
      note: "a box shifted by 0.5 along its length: IoU 14/18 ≈ 0.78, a match at the thresholds 0.5 to 0.75 (6 of 10)",
    },
  ],
  compat:
    "Reproduces MLE-bench's grader with the vendored Lyft devkit: cos/sin from pyquaternion's rotation matrix, the devkit's corner arithmetic and checks, strict `> t`, `np.argmax` matching without fallback, `max(tp + fp, eps)`, the VOC envelope and numpy sums and means. The ground-polygon intersection is computed by convex clipping instead of shapely/GEOS, so the IoU can differ in the last bits: only an IoU within ~1e-12 of a threshold could classify differently.",
  since: "0.1.0",
  evaluate: (
    input: {
      truthSample: ArrayLike<number>;
      truthLabel: ArrayLike<string>;
      truthBoxes: ArrayLike<number>;
      predSample: ArrayLike<number>;
      predLabel: ArrayLike<string>;
      predBoxes: ArrayLike<number>;
      predScore: ArrayLike<number>;
    },
    options: { iouThresholds: number[]; sampleCount: number | null },
  ) =>
    box3dMeanAveragePrecision(
      { sample: input.truthSample, label: input.truthLabel, boxes: input.truthBoxes },
      { sample: input.predSample, label: input.predLabel, boxes: input.predBoxes, score: input.predScore },
      { iouThresholds: options.iouThresholds, sampleCount: options.sampleCount ?? undefined },
    ),
});
