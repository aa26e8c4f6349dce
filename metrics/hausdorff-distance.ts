import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { defineMetric } from "./_define.js";

/** A binary image or volume: its shape (outermost axis first) and one value per voxel in that order. */
export interface BinaryVolume {
  /** Size of each axis, e.g. `[slices, height, width]`. */
  readonly shape: readonly number[];
  /** Voxels in C order (the last axis varies fastest); a non-zero value or `true` is set. */
  readonly data: ArrayLike<number | boolean>;
}

export interface HausdorffDistanceOptions {
  /**
   * `"none"`: distances in voxel units. `"unit-cube"`: each coordinate divided by the truth's size
   * along its axis and the distance divided by √(number of axes), as MLE-bench's uw-madison grader
   * does, so the value lies in [0, 1).
   */
  normalize?: "none" | "unit-cube";
}

/** Set voxels of a volume: their coordinates, axis by axis (count × ndim). */
interface PointSet {
  count: number;
  coords: Int32Array;
}

function checkVolume(volume: BinaryVolume, name: string): void {
  let size = 1;
  for (const n of volume.shape) {
    if (!Number.isInteger(n) || n < 0) throw new MetricError("ROW_COUNT_MISMATCH", `${name}: expected a shape of whole numbers, got [${volume.shape.join(", ")}]`);
    size *= n;
  }
  if (volume.data.length !== size) throw new MetricError("ROW_COUNT_MISMATCH", `${name}: expected ${size} voxels for shape [${volume.shape.join(", ")}], got ${volume.data.length}`);
}

function pointsOf(volume: BinaryVolume): PointSet {
  const { shape, data } = volume;
  const ndim = shape.length;
  let coords = new Int32Array(1024 * ndim);
  let count = 0;
  const row = ndim > 0 ? shape[ndim - 1]! : 1;
  const at = new Int32Array(ndim); // coordinates of the current row's first voxel, advanced with carries
  for (let start = 0; start < data.length; start += row) {
    for (let x = 0; x < row; x++) {
      if (!data[start + x]) continue;
      if ((count + 1) * ndim > coords.length) {
        const grown = new Int32Array(coords.length * 2);
        grown.set(coords);
        coords = grown;
      }
      coords.set(at, count * ndim);
      if (ndim > 0) coords[count * ndim + ndim - 1] = x;
      count++;
    }
    for (let k = ndim - 2; k >= 0; k--) {
      if (++at[k]! < shape[k]!) break;
      at[k] = 0;
    }
  }
  return { count, coords: coords.subarray(0, count * ndim) };
}

/**
 * Work arrays shared by the distance transforms of one Hausdorff computation, grown on demand: the
 * transform's values and nearest voxels, and a mark per cell.
 */
class Scratch {
  private f = new Float64Array(0);
  private near = new Int32Array(0);
  private mark = new Uint8Array(0);

  transform(cells: number): { f: Float64Array; near: Int32Array } {
    if (this.f.length < cells) {
      this.f = new Float64Array(cells);
      this.near = new Int32Array(cells);
    }
    return { f: this.f.subarray(0, cells), near: this.near.subarray(0, cells) };
  }

  marks(cells: number): Uint8Array {
    if (this.mark.length < cells) this.mark = new Uint8Array(cells);
    const mark = this.mark.subarray(0, cells);
    mark.fill(0);
    return mark;
  }
}

/** Lines transformed together in a pass along a strided axis, so that memory is read in runs. */
const BLOCK = 64;

/**
 * The lower envelope of parabolas (Felzenszwalb & Huttenlocher) of the line `f[at … at + n)`: for
 * each q, min over p of f[p] + w·(q − p)², and the `near` label of the minimising p, in place.
 */
function transformLine(f: Float64Array, near: Int32Array, at: number, n: number, w: number, work: LineWork): void {
  const { v, z, outF, outNear } = work;
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = f[at + q]!;
    if (fq === Infinity) continue;
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = -Infinity;
      continue;
    }
    const hq = fq + w * q * q;
    for (;;) {
      const p = v[k]!;
      const s = (hq - (f[at + p]! + w * p * p)) / (2 * w * (q - p));
      if (s <= z[k]!) {
        k--;
        continue;
      }
      k++;
      v[k] = q;
      z[k] = s;
      break;
    }
  }
  if (k < 0) return;
  z[k + 1] = Infinity;
  let j = 0;
  for (let q = 0; q < n; q++) {
    while (z[j + 1]! < q) j++;
    const p = v[j]!;
    outF[q] = w * (q - p) * (q - p) + f[at + p]!;
    outNear[q] = near[at + p]!;
  }
  for (let q = 0; q < n; q++) {
    f[at + q] = outF[q]!;
    near[at + q] = outNear[q]!;
  }
}

interface LineWork {
  v: Int32Array;
  z: Float64Array;
  outF: Float64Array;
  outNear: Int32Array;
  /** BLOCK lines gathered from a strided axis, one after another. */
  blockF: Float64Array;
  blockNear: Int32Array;
}

/**
 * One pass of the distance transform along an axis of length n whose neighbours lie `stride`
 * apart. Only the blocks of n·stride cells that `occupied` marks can hold finite values, and only
 * the lines whose offset within a block `needed` marks (all when null) are transformed. The last
 * axis (stride 1) is transformed in place; other axes are gathered BLOCK neighbouring lines at a
 * time, so memory is read in runs.
 */
function transformAxis(f: Float64Array, near: Int32Array, n: number, stride: number, w: number, occupied: Uint8Array, needed: Uint8Array | null, work: LineWork): void {
  const span = n * stride;
  const { blockF, blockNear } = work;
  for (let block = 0; block < occupied.length; block++) {
    if (!occupied[block]) continue;
    const outer = block * span;
    if (stride === 1) {
      transformLine(f, near, outer, n, w, work);
      continue;
    }
    for (let first = 0; first < stride; first += BLOCK) {
      const lines = Math.min(BLOCK, stride - first);
      if (needed) {
        let any = false;
        for (let j = 0; j < lines && !any; j++) any = needed[first + j] === 1;
        if (!any) continue;
      }
      const base = outer + first;
      let finite = false;
      for (let q = 0; q < n; q++) {
        const row = base + q * stride;
        for (let j = 0; j < lines; j++) {
          const value = f[row + j]!;
          blockF[j * n + q] = value;
          blockNear[j * n + q] = near[row + j]!;
          if (value !== Infinity) finite = true;
        }
      }
      if (!finite) continue;
      for (let j = 0; j < lines; j++) {
        if (needed && !needed[first + j]) continue;
        transformLine(blockF, blockNear, j * n, n, w, work);
        for (let q = 0; q < n; q++) {
          const cell = base + j + q * stride;
          f[cell] = blockF[j * n + q]!;
          near[cell] = blockNear[j * n + q]!;
        }
      }
    }
  }
}

/** How distances are measured: voxel indices as scipy's coordinates, and the axis scales. */
interface Measure {
  ndim: number;
  /** Length of one voxel step along each axis (1, or 1/shape when normalising). */
  unit: Float64Array;
  /** A voxel index as the coordinate scipy sees (divided by the truth's shape when normalising). */
  coordinate: (k: number, index: number) => number;
}

/** A grid over the bounding box of some point sets. */
interface Grid {
  lo: Int32Array;
  dims: Int32Array;
  strides: Int32Array;
  cells: number;
}

function boundingGrid(sets: readonly PointSet[], ndim: number): Grid {
  const lo = new Int32Array(ndim).fill(2 ** 31 - 1);
  const hi = new Int32Array(ndim).fill(-1);
  for (const set of sets) {
    for (let p = 0; p < set.count; p++) {
      for (let k = 0; k < ndim; k++) {
        const c = set.coords[p * ndim + k]!;
        if (c < lo[k]!) lo[k] = c;
        if (c > hi[k]!) hi[k] = c;
      }
    }
  }
  const dims = new Int32Array(ndim);
  const strides = new Int32Array(ndim);
  let cells = 1;
  for (let k = ndim - 1; k >= 0; k--) {
    dims[k] = hi[k]! - lo[k]! + 1;
    strides[k] = cells;
    cells *= dims[k]!;
  }
  if (cells > 2 ** 31 - 1) throw new MetricError("ROW_COUNT_MISMATCH", `volumes too large for an exact Hausdorff distance: a bounding box of ${cells} voxels`);
  return { lo, dims, strides, cells };
}

/** The points of a set that `keep` accepts (by index). */
function subset(set: PointSet, ndim: number, keep: (p: number) => boolean): PointSet {
  const kept: number[] = [];
  for (let p = 0; p < set.count; p++) if (keep(p)) kept.push(p);
  if (kept.length === set.count) return set;
  const coords = new Int32Array(kept.length * ndim);
  kept.forEach((p, i) => coords.set(set.coords.subarray(p * ndim, (p + 1) * ndim), i * ndim));
  return { count: kept.length, coords };
}

/**
 * The squared distance from each point of `from` to its nearest point of `to` (0 for points in
 * `to`), exactly: a separable Euclidean distance transform of `to` over the bounding box of both
 * sets (one pass per axis, weighted by the squared axis unit, tracking each cell's nearest target
 * voxel) in O(grid cells). Passes skip blocks no target reaches yet and lines no `from` point
 * outside `to` depends on. The distance to the nearest target voxel is then recomputed in scipy's
 * arithmetic (coordinates divided by the truth's shape, squared differences summed axis by axis),
 * so the values match `directed_hausdorff`'s to the last bit unless two targets are equidistant to
 * within rounding.
 */
function nearestSquared(from: PointSet, to: PointSet, measure: Measure, scratch: Scratch): Float64Array {
  const { ndim, unit, coordinate } = measure;
  const { lo, dims, strides, cells } = boundingGrid([from, to], ndim);
  const gridIndex = (coords: Int32Array, p: number): number => {
    let g = 0;
    for (let k = 0; k < ndim; k++) g += (coords[p * ndim + k]! - lo[k]!) * strides[k]!;
    return g;
  };
  const { f, near } = scratch.transform(cells);
  f.fill(Infinity);
  const targets = new Int32Array(to.count);
  for (let p = 0; p < to.count; p++) {
    const g = gridIndex(to.coords, p);
    targets[p] = g;
    f[g] = 0;
    near[g] = g;
  }
  const distances = new Float64Array(from.count);
  const pending: number[] = [];
  for (let p = 0; p < from.count; p++) if (f[gridIndex(from.coords, p)] !== 0) pending.push(p);
  if (pending.length === 0) return distances;

  let longest = 0;
  for (let k = 0; k < ndim; k++) longest = Math.max(longest, dims[k]!);
  const work: LineWork = {
    v: new Int32Array(longest),
    z: new Float64Array(longest + 1),
    outF: new Float64Array(longest),
    outNear: new Int32Array(longest),
    blockF: new Float64Array(longest * BLOCK),
    blockNear: new Int32Array(longest * BLOCK),
  };
  const pendingCells = pending.map((p) => gridIndex(from.coords, p));
  for (let k = ndim - 1; k >= 0; k--) {
    // After the passes along the later axes, a block of cells sharing their coordinates on axes
    // 0 … k−1 is finite only if a target voxel shares them too; and only lines that share their
    // coordinates on axes k+1 … with a pending point feed a value the last pass needs.
    const span = dims[k]! * strides[k]!;
    const occupied = new Uint8Array(cells / span);
    for (const g of targets) occupied[Math.floor(g / span)] = 1;
    let needed: Uint8Array | null = null;
    if (strides[k]! > 1) {
      needed = new Uint8Array(strides[k]!);
      for (const g of pendingCells) needed[g % strides[k]!] = 1;
    }
    transformAxis(f, near, dims[k]!, strides[k]!, unit[k]! * unit[k]!, occupied, needed, work);
  }
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    let b = near[pendingCells[i]!]!;
    let d2 = 0;
    for (let k = 0; k < ndim; k++) {
      const bk = Math.floor(b / strides[k]!);
      b -= bk * strides[k]!;
      const diff = coordinate(k, from.coords[p * ndim + k]!) - coordinate(k, bk + lo[k]!);
      d2 += diff * diff;
    }
    distances[p] = d2;
  }
  return distances;
}

/** Side of the coarse cells used to rule out points that cannot be the farthest. */
const COARSE = 4;
/** Below this many points the coarse pass costs more than it saves. */
const PRUNE_ABOVE = 512;

/**
 * Keeps the points of `from` that may be the farthest from `to`, and the points of `to` that may be
 * nearest to them. On a grid of COARSE-voxel cells, the distance between two cells' centres is
 * within 2r of the distance between any voxels they hold (r: the cell's half diagonal), so a cell
 * whose centre distance to the nearest target cell is D holds points at distances in [D − 2r, D + 2r].
 * L = the largest D − 2r is a lower bound of the answer: cells with D + 2r < L cannot hold the
 * farthest point. Targets farther than the largest remaining D + 2r from every kept point, along
 * some axis, cannot be the nearest and are dropped too.
 */
function prune(from: PointSet, to: PointSet, measure: Measure, scratch: Scratch): { from: PointSet; to: PointSet } {
  const { ndim, unit } = measure;
  const { lo, dims } = boundingGrid([from, to], ndim);
  const coarseDims = Int32Array.from(dims, (n) => Math.ceil(n / COARSE));
  const coarseStrides = new Int32Array(ndim);
  let coarseCells = 1;
  for (let k = ndim - 1; k >= 0; k--) {
    coarseStrides[k] = coarseCells;
    coarseCells *= coarseDims[k]!;
  }
  const cellOf = (set: PointSet, p: number): number => {
    let cell = 0;
    for (let k = 0; k < ndim; k++) cell += Math.floor((set.coords[p * ndim + k]! - lo[k]!) / COARSE) * coarseStrides[k]!;
    return cell;
  };
  /** The distinct coarse cells of a set, as a point set of coarse indices, and each cell's position in it. */
  const cellsOf = (set: PointSet): { cells: PointSet; position: Int32Array } => {
    const position = new Int32Array(coarseCells).fill(-1);
    const list: number[] = [];
    for (let p = 0; p < set.count; p++) {
      const cell = cellOf(set, p);
      if (position[cell] === -1) {
        position[cell] = list.length;
        list.push(cell);
      }
    }
    const coords = new Int32Array(list.length * ndim);
    list.forEach((cell, i) => {
      let rest = cell;
      for (let k = 0; k < ndim; k++) {
        coords[i * ndim + k] = Math.floor(rest / coarseStrides[k]!);
        rest -= coords[i * ndim + k]! * coarseStrides[k]!;
      }
    });
    return { cells: { count: list.length, coords }, position };
  };
  const fromCells = cellsOf(from);
  const toCells = cellsOf(to);
  const coarseMeasure: Measure = { ndim, unit: Float64Array.from(unit, (u) => u * COARSE), coordinate: (k, index) => index * COARSE * unit[k]! };
  const centre = Array.from(nearestSquared(fromCells.cells, toCells.cells, coarseMeasure, scratch), Math.sqrt);
  let r2 = 0;
  for (let k = 0; k < ndim; k++) r2 += (((COARSE - 1) / 2) * unit[k]!) ** 2;
  const slack = 2 * Math.sqrt(r2);
  let lower = 0;
  for (const d of centre) lower = Math.max(lower, d - slack);
  const cut = lower - 1e-9 * Math.max(lower, slack);
  const keep = centre.map((d) => d + slack >= cut);
  let reach = 0;
  centre.forEach((d, i) => {
    if (keep[i]) reach = Math.max(reach, d + slack);
  });
  const kept = subset(from, ndim, (p) => keep[fromCells.position[cellOf(from, p)]!]!);
  // Targets outside the kept points' box widened by `reach` (per axis, in voxels) are too far.
  const box = boundingGrid([kept], ndim);
  const margin = Float64Array.from(unit, (u) => Math.ceil(reach / u) + 1);
  const targets = subset(to, ndim, (p) => {
    for (let k = 0; k < ndim; k++) {
      const c = to.coords[p * ndim + k]!;
      if (c < box.lo[k]! - margin[k]! || c > box.lo[k]! + box.dims[k]! - 1 + margin[k]!) return false;
    }
    return true;
  });
  return targets.count > 0 ? { from: kept, to: targets } : { from: kept, to };
}

/** Squared directed Hausdorff distance from `from` to `to`: the largest nearest-point distance. */
function directedSquared(from: PointSet, to: PointSet, measure: Measure, scratch: Scratch): number {
  if (from.count === 0) return 0;
  if (to.count === 0) return Infinity;
  // Points of `from` that are also in `to` are at distance 0: only the others can be the farthest.
  const { ndim } = measure;
  const { lo, strides, cells } = boundingGrid([from, to], ndim);
  const index = (set: PointSet, p: number): number => {
    let g = 0;
    for (let k = 0; k < ndim; k++) g += (set.coords[p * ndim + k]! - lo[k]!) * strides[k]!;
    return g;
  };
  const inTarget = scratch.marks(cells);
  for (let p = 0; p < to.count; p++) inTarget[index(to, p)] = 1;
  const outside = subset(from, ndim, (p) => inTarget[index(from, p)] === 0);
  if (outside.count === 0) return 0;
  const reduced = outside.count > PRUNE_ABOVE ? prune(outside, to, measure, scratch) : { from: outside, to };
  let worst = 0;
  for (const d2 of nearestSquared(reduced.from, reduced.to, measure, scratch)) if (d2 > worst) worst = d2;
  return worst;
}

/**
 * Hausdorff distance between two binary images or volumes: the largest distance from a set voxel
 * of either one to the nearest set voxel of the other, over voxel coordinates (numpy `argwhere`).
 *
 * Formula: `HD(T, P) = max( max_{t∈T} min_{p∈P} ‖t − p‖, max_{p∈P} min_{t∈T} ‖p − t‖ )`.
 * Direction: lower is better, range [0, ∞).
 *
 * Edge cases: both empty gives 0 and exactly one empty gives ∞ (scipy's `directed_hausdorff`
 * conventions); the two shapes may differ (coordinates are compared as they are); with
 * `normalize: "unit-cube"` coordinates are divided by the truth's shape and the distance by
 * √(number of axes). Computed exactly in O(voxels of the bounding box) with a Euclidean distance
 * transform, not O(|T|·|P|), after ruling out on a coarse grid the voxels that cannot be the
 * farthest; equidistant nearest voxels may make the last bit differ from scipy's.
 *
 * @see https://docs.scipy.org/doc/scipy-1.14.1/reference/generated/scipy.spatial.distance.directed_hausdorff.html
 * @see docs/metrics/hausdorff-distance.md
 * @throws MetricError ROW_COUNT_MISMATCH when a shape does not match its data or the volumes have different numbers of axes
 */
export function hausdorffDistance(yTrue: BinaryVolume, yPred: BinaryVolume, options: HausdorffDistanceOptions = {}): number {
  checkVolume(yTrue, "truth");
  checkVolume(yPred, "prediction");
  const ndim = yTrue.shape.length;
  if (yPred.shape.length !== ndim) throw new MetricError("ROW_COUNT_MISMATCH", `prediction: expected ${ndim} axes like the truth, got ${yPred.shape.length}`);
  const normalize = options.normalize === "unit-cube";
  const truth = pointsOf(yTrue);
  const prediction = pointsOf(yPred);
  if (truth.count === 0 || prediction.count === 0) return truth.count === prediction.count ? 0 : Infinity;
  const shape = yTrue.shape;
  const measure: Measure = {
    ndim,
    unit: Float64Array.from(shape, (n) => (normalize ? 1 / n : 1)),
    coordinate: normalize ? (k, index) => index / shape[k]! : (_k, index) => index,
  };
  const scratch = new Scratch();
  const forward = directedSquared(truth, prediction, measure, scratch);
  const backward = directedSquared(prediction, truth, measure, scratch);
  const distance = Math.max(Math.sqrt(forward), Math.sqrt(backward));
  return normalize ? distance / Math.sqrt(ndim) : distance;
}

export const hausdorffDistanceMetric = defineMetric({
  id: "hausdorff-distance",
  aliases: ["hausdorff"],
  title: "Hausdorff distance",
  description: "The largest distance from a set voxel of one mask to the nearest set voxel of the other, in either direction: how far the worst boundary error reaches.",
  direction: "minimize",
  range: [0, Infinity],
  inputKind: "custom",
  options: z.strictObject({
    normalize: z
      ._default(z.enum(["none", "unit-cube"]), "none")
      .check(z.describe('"unit-cube" divides coordinates by the truth\'s shape and the distance by √(axes), as MLE-bench\'s uw-madison grader does')),
  }),
  formula: {
    latex: String.raw`\max\Big(\max_{t\in T}\min_{p\in P}\lVert t-p\rVert,\ \max_{p\in P}\min_{t\in T}\lVert p-t\rVert\Big)`,
    text: "The larger of the two directed distances, each the farthest any set voxel of one mask lies from the other mask.",
  },
  edgeCases: [
    { when: "both masks are empty", then: "returns 0 (scipy's directed_hausdorff of two empty sets)" },
    { when: "exactly one mask is empty", then: "returns ∞" },
    { when: "the two shapes differ", then: "voxel coordinates are compared as they are (normalised by the truth's shape with unit-cube)" },
    { when: "a shape does not match its data length, or the numbers of axes differ", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: false, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    {
      title: "scipy.spatial.distance.directed_hausdorff",
      url: "https://docs.scipy.org/doc/scipy-1.14.1/reference/generated/scipy.spatial.distance.directed_hausdorff.html",
    },
    { title: "Distance Transforms of Sampled Functions", authors: "P. F. Felzenszwalb, D. P. Huttenlocher", year: 2012, url: "https://cs.brown.edu/people/pfelzens/papers/dt-final.pdf" },
    { title: "An Efficient Algorithm for Calculating the Exact Hausdorff Distance", authors: "A. A. Taha, A. Hanbury", year: 2015, url: "https://doi.org/10.1109/TPAMI.2015.2408351" },
  ],
  examples: [
    { input: { yTrue: { shape: [1, 4], data: [1, 0, 0, 0] }, yPred: { shape: [1, 4], data: [1, 0, 0, 1] } }, output: 3 },
    { input: { yTrue: { shape: [2, 2], data: [1, 0, 0, 0] }, yPred: { shape: [2, 2], data: [0, 0, 0, 1] } }, output: Math.SQRT2 },
    {
      input: { yTrue: { shape: [2, 2], data: [1, 0, 0, 0] }, yPred: { shape: [2, 2], data: [0, 0, 0, 1] } },
      options: { normalize: "unit-cube" },
      output: Math.sqrt(0.5) / Math.SQRT2,
      note: "coordinates halved, then divided by √2",
    },
    { input: { yTrue: { shape: [3], data: [0, 1, 0] }, yPred: { shape: [3], data: [0, 0, 0] } }, output: Infinity },
  ],
  compat:
    "Symmetric maximum of scipy `directed_hausdorff` on `np.argwhere` coordinates, as MLE-bench's uw-madison grader calls it; scipy's early-break search is replaced by coarse-grid bounds that rule out voxels which cannot be the farthest, then an exact Euclidean distance transform with the nearest voxel tracked; the final distances use scipy's arithmetic (bit-identical except when two nearest voxels are equidistant and round differently). Inputs are volumes, which the registry-wide generators do not produce (input kind custom); its own tests compare it with a brute-force search.",
  since: "0.1.0",
  evaluate: ({ yTrue, yPred }: { yTrue: BinaryVolume; yPred: BinaryVolume }, options: { normalize: "none" | "unit-cube" }) => hausdorffDistance(yTrue, yPred, options),
});
