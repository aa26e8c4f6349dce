import { describe, expect, it } from "vitest";
import { diceHausdorffCombo, volumeHausdorffScore } from "../../metrics/dice-hausdorff-combo.js";
import type { BinaryVolume } from "../../metrics/hausdorff-distance.js";

const vol = (shape: number[], set: number[]): BinaryVolume => {
  const data = new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0);
  for (const i of set) data[i] = 1;
  return { shape, data };
};

describe("volumeHausdorffScore: the uw-madison shortcuts", () => {
  it("NaN for both empty, 0 for identical, 1 for one empty", () => {
    expect(volumeHausdorffScore(vol([2, 2, 2], []), vol([2, 2, 2], []))).toBeNaN();
    expect(volumeHausdorffScore(vol([2, 2, 2], [1, 5]), vol([2, 2, 2], [1, 5]))).toBe(0);
    expect(volumeHausdorffScore(vol([2, 2, 2], [1]), vol([2, 2, 2], []))).toBe(1);
    expect(volumeHausdorffScore(vol([2, 2, 2], []), vol([2, 2, 2], [1]))).toBe(1);
  });
  it("1 when the prediction has more than ten times the true voxels, without measuring", () => {
    const truth = vol([1, 4, 4], [0]);
    expect(volumeHausdorffScore(truth, vol([1, 4, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toBe(1);
    // Exactly ten times is measured: the farthest voxel is (0, 1, 3) → (0, 1/4, 3/4), |·| / √3.
    expect(volumeHausdorffScore(truth, vol([1, 4, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe(Math.sqrt(0.25 ** 2 + 0.75 ** 2) / Math.sqrt(3));
  });
  it("identical data in different shapes is not identical", () => {
    // (0,0,1) in 1×1×2 against (0,1,0) in 1×2×1: normalised by the truth's shape (1, 1, 2).
    expect(volumeHausdorffScore(vol([1, 1, 2], [1]), vol([1, 2, 1], [1]))).toBe(Math.sqrt(1 + 0.25) / Math.sqrt(3));
  });
});

describe("diceHausdorffCombo", () => {
  it("weighs nan-mean Dice 0.4 and one minus nan-mean distance 0.6", () => {
    // Slices: Dice 2/3, both-empty skipped, 0. Volumes: distance 0, skipped, 1 → mean 0.5.
    const score = diceHausdorffCombo(
      [[1, 1, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0]],
      [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
      [vol([1, 1, 2], [0]), vol([1, 1, 2], []), vol([1, 1, 2], [1])],
      [vol([1, 1, 2], [0]), vol([1, 1, 2], []), vol([1, 1, 2], [])],
    );
    expect(score).toBe(0.4 * (1 / 3) + 0.6 * 0.5);
  });
  it("takes other weights and volumes from a generator", () => {
    function* volumes(): Generator<BinaryVolume> {
      yield vol([1, 1, 2], [0]);
    }
    expect(diceHausdorffCombo([[1, 0]], [[1, 0]], volumes(), volumes(), { diceWeight: 0.5, hausdorffWeight: 0.5 })).toBe(1);
  });
  it("is NaN when everything is empty", () => {
    expect(diceHausdorffCombo([[0]], [[0]], [vol([1, 1, 1], [])], [vol([1, 1, 1], [])])).toBeNaN();
  });
  it("needs as many predicted volumes as true ones", () => {
    expect(() => diceHausdorffCombo([[1]], [[1]], [vol([1, 1, 1], [0])], [])).toThrow(/expected a predicted volume for volume 1/);
    expect(() => diceHausdorffCombo([[1]], [[1]], [], [vol([1, 1, 1], [0])])).toThrow(/expected 0 predicted volumes, got more/);
  });
});
