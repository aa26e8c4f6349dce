/**
 * Random mask pairs for the mask-metric oracle tests: the same images as row-by-row bitmaps and as
 * decoded run-length masks (so the run-based code paths are checked against plain pixel loops).
 */
import fc from "fast-check";
import { decodeRle, encodeRle, type RleOrder, type RunLengthMask } from "../../metrics/_rle.js";

export interface MaskCase {
  height: number;
  width: number;
  truths: number[][];
  predictions: number[][];
}

function bits(pixels: number): fc.Arbitrary<number[]> {
  return fc.oneof(
    fc.constant(new Array<number>(pixels).fill(0)),
    fc.constant(new Array<number>(pixels).fill(1)),
    fc.array(fc.integer({ min: 0, max: 1 }), { minLength: pixels, maxLength: pixels }),
    fc.array(fc.constantFrom(0, 0, 0, 0, 0, 1), { minLength: pixels, maxLength: pixels }),
  );
}

/** Up to 8 images of one random size, each truth with a prediction. */
export const maskCases: fc.Arbitrary<MaskCase> = fc
  .record({ n: fc.integer({ min: 0, max: 8 }), height: fc.integer({ min: 1, max: 7 }), width: fc.integer({ min: 1, max: 7 }) })
  .chain(({ n, height, width }) =>
    fc.record({
      height: fc.constant(height),
      width: fc.constant(width),
      truths: fc.array(bits(height * width), { minLength: n, maxLength: n }),
      predictions: fc.array(bits(height * width), { minLength: n, maxLength: n }),
    }),
  );

/** The bitmaps as run-length masks walking the image in `order`. */
export function asRuns(bitmaps: number[][], height: number, width: number, order: RleOrder = "column-major"): RunLengthMask[] {
  return bitmaps.map((bitmap) => decodeRle(encodeRle(bitmap, height, width, order), height, width, order));
}

/** |T|, |P|, |T ∩ P| by counting pixels. */
export function counts(truth: number[], prediction: number[]): { t: number; p: number; both: number } {
  let t = 0;
  let p = 0;
  let both = 0;
  truth.forEach((value, i) => {
    t += value;
    p += prediction[i]!;
    both += value & prediction[i]!;
  });
  return { t, p, both };
}

export function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
