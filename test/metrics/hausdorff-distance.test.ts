import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hausdorffDistance, type BinaryVolume } from "../../metrics/hausdorff-distance.js";
import { isClose } from "../helpers/close.js";

/** Set voxels' coordinates, as np.argwhere lists them. */
function argwhere(volume: BinaryVolume): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < volume.data.length; i++) {
    if (!volume.data[i]) continue;
    const coords: number[] = [];
    let rest = i;
    for (let k = volume.shape.length - 1; k >= 0; k--) {
      coords.unshift(rest % volume.shape[k]!);
      rest = Math.floor(rest / volume.shape[k]!);
    }
    out.push(coords);
  }
  return out;
}

/** scipy's directed_hausdorff by brute force: max over u of min over v of the distance. */
function directed(u: number[][], v: number[][]): number {
  let worst = 0;
  for (const a of u) {
    let best = Infinity;
    for (const b of v) best = Math.min(best, a.reduce((sum, x, k) => sum + (x - b[k]!) ** 2, 0));
    worst = Math.max(worst, best);
  }
  return Math.sqrt(worst);
}

function bruteForce(truth: BinaryVolume, prediction: BinaryVolume, normalize: boolean): number {
  const scale = (points: number[][]) => (normalize ? points.map((p) => p.map((x, k) => x / truth.shape[k]!)) : points);
  const t = scale(argwhere(truth));
  const p = scale(argwhere(prediction));
  if (t.length === 0 && p.length === 0) return 0;
  if (t.length === 0 || p.length === 0) return Infinity;
  const d = Math.max(directed(t, p), directed(p, t));
  return normalize ? d / Math.sqrt(truth.shape.length) : d;
}

const volume = (shape: number[]): fc.Arbitrary<BinaryVolume> => {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc
    .oneof(fc.array(fc.constantFrom(0, 0, 0, 0, 0, 0, 1), { minLength: size, maxLength: size }), fc.array(fc.integer({ min: 0, max: 1 }), { minLength: size, maxLength: size }))
    .map((data) => ({ shape, data }));
};

const shape = (ndim: number) => fc.array(fc.integer({ min: 1, max: 6 }), { minLength: ndim, maxLength: ndim });

describe("hausdorffDistance: hand-checked", () => {
  it("measures the farthest stray voxel", () => {
    expect(hausdorffDistance({ shape: [1, 4], data: [1, 0, 0, 0] }, { shape: [1, 4], data: [1, 0, 0, 1] })).toBe(3);
    expect(hausdorffDistance({ shape: [2, 2], data: [1, 0, 0, 0] }, { shape: [2, 2], data: [0, 0, 0, 1] })).toBe(Math.SQRT2);
  });
  it("normalises by the truth's shape and √axes", () => {
    // Truth (0, 0, 0) in a 2×4×5 volume, prediction adds (1, 3, 4): (1/2, 3/4, 4/5), |·| / √3.
    const truth = { shape: [2, 4, 5], data: new Array(40).fill(0) };
    truth.data[0] = 1;
    const prediction = { shape: [2, 4, 5], data: truth.data.slice() };
    prediction.data[39] = 1;
    const want = Math.sqrt(0.5 ** 2 + 0.75 ** 2 + 0.8 ** 2) / Math.sqrt(3);
    expect(hausdorffDistance(truth, prediction, { normalize: "unit-cube" })).toBe(want);
  });
  it("follows scipy on empty sets", () => {
    expect(hausdorffDistance({ shape: [2], data: [0, 0] }, { shape: [2], data: [0, 0] })).toBe(0);
    expect(hausdorffDistance({ shape: [2], data: [0, 1] }, { shape: [2], data: [0, 0] })).toBe(Infinity);
  });
  it("rejects data that does not fit its shape", () => {
    expect(() => hausdorffDistance({ shape: [2, 2], data: [0, 1] }, { shape: [2, 2], data: [0, 0, 0, 0] })).toThrow(/expected 4 voxels/);
    expect(() => hausdorffDistance({ shape: [4], data: [0, 1, 0, 0] }, { shape: [2, 2], data: [0, 0, 0, 0] })).toThrow(/expected 1 axes/);
  });
});

describe("hausdorffDistance: against brute force", () => {
  for (const ndim of [1, 2, 3]) {
    it(`${ndim}-D, same and different shapes, both normalisations`, () => {
      fc.assert(
        fc.property(
          shape(ndim).chain((s) => fc.tuple(volume(s), fc.boolean().chain((same) => (same ? volume(s) : shape(ndim).chain(volume))))),
          fc.boolean(),
          ([truth, prediction], normalize) => {
            const want = bruteForce(truth, prediction, normalize);
            const got = hausdorffDistance(truth, prediction, { normalize: normalize ? "unit-cube" : "none" });
            expect(isClose(got, want), `got ${got}, want ${want}`).toBe(true);
          },
        ),
        { numRuns: 400, seed: 35 + ndim },
      );
    });
  }

  it("large volumes, where points that cannot be the farthest are ruled out on a coarse grid first", () => {
    // More than 512 points outside the other mask, so the coarse pruning runs.
    const big = (seed: number): fc.Arbitrary<[BinaryVolume, BinaryVolume]> =>
      fc.tuple(fc.integer({ min: 4, max: 9 }), fc.integer({ min: 12, max: 24 }), fc.integer({ min: 12, max: 24 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })).map(([d, h, w, salt]) => {
        let state = seed ^ salt;
        const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
        const shape = [d, h, w];
        const size = d * h * w;
        const truth = Array.from({ length: size }, () => (random() < 0.35 ? 1 : 0));
        const prediction = truth.map((v) => (random() < 0.3 ? 1 - v : v));
        return [{ shape, data: truth }, { shape, data: prediction }];
      });
    fc.assert(
      fc.property(big(41), fc.boolean(), ([truth, prediction], normalize) => {
        const want = bruteForce(truth, prediction, normalize);
        const got = hausdorffDistance(truth, prediction, { normalize: normalize ? "unit-cube" : "none" });
        // Equidistant targets may round differently in the last bit (scipy keeps the smallest).
        expect(isClose(got, want), `got ${got}, want ${want}`).toBe(true);
      }),
      { numRuns: 25, seed: 41 },
    );
  });

  it("is symmetric without normalisation", () => {
    fc.assert(
      fc.property(shape(3).chain((s) => fc.tuple(volume(s), volume(s))), ([a, b]) => {
        expect(hausdorffDistance(a, b)).toBe(hausdorffDistance(b, a));
      }),
      { numRuns: 200, seed: 39 },
    );
  });
});
