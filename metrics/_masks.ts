/**
 * Binary masks as the mask metrics take them, and the pixel counts they share.
 *
 * A mask is either a decoded run-length encoding ({@link RunLengthMask}, from `decodeRle`) or a
 * flat bitmap stored row by row (any array-like of 0/1 or booleans; a non-zero value is a set
 * pixel). Two masks are compared pixel by pixel, so both must cover the same number of pixels.
 * Two run-length masks that walk the image the same way are compared run against run, without
 * any bitmap; other pairs go through row-by-row bitmaps.
 */
import { MetricError } from "../src/errors.js";
import { runLengthMaskToBitmap, type RunLengthMask } from "./_rle.js";

export type Bitmap = ArrayLike<number | boolean>;
export type BinaryMask = RunLengthMask | Bitmap;

/** Pixel counts of a truth/prediction pair: |T|, |P| and |T ∩ P|, and the pixel count N. */
export interface OverlapCounts {
  truth: number;
  prediction: number;
  intersection: number;
  pixels: number;
}

export function isRunLengthMask(mask: BinaryMask): mask is RunLengthMask {
  return (mask as RunLengthMask).starts instanceof Float64Array && typeof (mask as RunLengthMask).area === "number" && !ArrayBuffer.isView(mask);
}

function pixelCount(mask: BinaryMask): number {
  return isRunLengthMask(mask) ? mask.height * mask.width : mask.length;
}

function bitmapArea(mask: Bitmap): number {
  let area = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) area++;
  return area;
}

/** Number of set pixels. */
function maskArea(mask: BinaryMask): number {
  return isRunLengthMask(mask) ? mask.area : bitmapArea(mask);
}

function runsIntersection(a: RunLengthMask, b: RunLengthMask): number {
  const as = a.starts;
  const ae = a.ends;
  const bs = b.starts;
  const be = b.ends;
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < as.length && j < bs.length) {
    const lo = as[i]! > bs[j]! ? as[i]! : bs[j]!;
    const hi = ae[i]! < be[j]! ? ae[i]! : be[j]!;
    if (hi > lo) total += hi - lo;
    if (ae[i]! < be[j]!) i++;
    else j++;
  }
  return total;
}

function bitmapIntersection(a: Bitmap, b: Bitmap): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) if (a[i] && b[i]) total++;
  return total;
}

/**
 * |T|, |P| and |T ∩ P| of one pair, straight from the runs where both are run-length masks.
 * `where` names the pair in the size-mismatch message.
 *
 * @throws MetricError ROW_COUNT_MISMATCH when the masks cover different numbers of pixels
 */
export function overlapCounts(truth: BinaryMask, prediction: BinaryMask, where = "mask"): OverlapCounts {
  const pixels = pixelCount(truth);
  const other = pixelCount(prediction);
  if (pixels !== other) throw new MetricError("ROW_COUNT_MISMATCH", `${where}: expected a prediction of ${pixels} pixels, got ${other}`);
  const truthRuns = isRunLengthMask(truth);
  const predictionRuns = isRunLengthMask(prediction);
  if (truthRuns && predictionRuns) {
    const sameWalk = truth.order === prediction.order || truth.height === 1 || truth.width === 1;
    const intersection = sameWalk ? runsIntersection(truth, prediction) : bitmapIntersection(runLengthMaskToBitmap(truth), runLengthMaskToBitmap(prediction));
    return { truth: truth.area, prediction: prediction.area, intersection, pixels };
  }
  const t = truthRuns ? runLengthMaskToBitmap(truth) : truth;
  const p = predictionRuns ? runLengthMaskToBitmap(prediction) : prediction;
  return { truth: maskArea(truth), prediction: maskArea(prediction), intersection: bitmapIntersection(t, p), pixels };
}

/** Checks that truth and prediction hold the same number of masks. */
export function requireSameCount(yTrue: { length: number }, yPred: { length: number }, what = "masks"): void {
  if (yTrue.length !== yPred.length) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} predicted ${what}, got ${yPred.length}`);
}
