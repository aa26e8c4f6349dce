/**
 * Box geometry shared by the detection metrics: axis-aligned IoU in the two conventions the
 * graders use, rotated ground rectangles of 3D boxes, convex polygon clipping and areas.
 *
 * Every function works on plain numbers or flat Float64Arrays (x0, y0, x1, y1, …) so the metric
 * loops allocate nothing per pair.
 */

/** C's `fmin`: the smaller argument, ignoring a NaN one (NaN only if both are NaN). */
export function cMin(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a < b ? a : b;
}

/** C's `fmax`: the larger argument, ignoring a NaN one. */
export function cMax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a > b ? a : b;
}

/** Python's `max(a, b)` on floats: b only when b > a (so a NaN `a` wins, a NaN `b` loses). */
export function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

/** Python's `min(a, b)` on floats: b only when b < a. */
export function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

/**
 * IoU of two `[x, y, w, h]` boxes as pycocotools' C routine `bbIou` computes it (non-crowd):
 * the overlap's width and height use C's fmin/fmax and count only when positive; the union is
 * `w_d·h_d + w_g·h_g − overlap`. Works on whatever numbers it is given (negative sizes, NaN).
 */
export function cocoBoxIou(dx: number, dy: number, dw: number, dh: number, gx: number, gy: number, gw: number, gh: number): number {
  const w = cMin(dw + dx, gw + gx) - cMax(dx, gx);
  if (w <= 0) return 0;
  const h = cMin(dh + dy, gh + gy) - cMax(dy, gy);
  if (h <= 0) return 0;
  const inter = w * h;
  return inter / (dw * dh + gw * gh - inter);
}

/**
 * IoU of two `[xmin, ymin, xmax, ymax]` boxes with Python's `max`/`min` and `max(0, ·)` on the
 * overlap sides, 0 when the union is not positive (the siim-covid19 grader's `calculate_iou`).
 */
export function xyxyIou(ax0: number, ay0: number, ax1: number, ay1: number, bx0: number, by0: number, bx1: number, by1: number): number {
  const width = pyMax(0, pyMin(ax1, bx1) - pyMax(ax0, bx0));
  const height = pyMax(0, pyMin(ay1, by1) - pyMax(ay0, by0));
  const inter = width * height;
  const union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * cos and sin of a yaw angle as the Lyft devkit obtains them: pyquaternion's quaternion for a
 * rotation of `yaw` about z is (cos(yaw/2), 0, 0, sin(yaw/2)), normalised only when its squared
 * norm is more than 1e-14 away from 1; the rotation matrix gives cos = w² − z² and sin = 2wz
 * (numpy sums the other, zero, products exactly).
 */
export function yawCosSin(yaw: number, out: Float64Array = new Float64Array(2)): Float64Array {
  const half = yaw / 2;
  let w = Math.cos(half);
  let z = Math.sin(half);
  const squared = w * w + z * z;
  if (!(Math.abs(1 - squared) < 1e-14)) {
    const norm = Math.sqrt(squared);
    if (norm > 0) {
      w /= norm;
      z /= norm;
    }
  }
  out[0] = w * w - z * z;
  out[1] = w * z + z * w;
  return out;
}

/**
 * The four ground corners of a 3D box in the Lyft devkit's order and arithmetic (counter-clockwise
 * for positive sizes): front-right, front-left, back-left, back-right, where "front" is along the
 * length axis (cos, sin). Writes x0, y0, …, x3, y3 into `out` at `offset`.
 */
export function groundCorners(cx: number, cy: number, width: number, length: number, cos: number, sin: number, out: Float64Array, offset = 0): void {
  const lc = (length / 2) * cos;
  const ls = (length / 2) * sin;
  const wc = (width / 2) * cos;
  const ws = (width / 2) * sin;
  out[offset] = cx + lc + ws;
  out[offset + 1] = cy + ls - wc;
  out[offset + 2] = cx + lc - ws;
  out[offset + 3] = cy + ls + wc;
  out[offset + 4] = cx - lc - ws;
  out[offset + 5] = cy - ls + wc;
  out[offset + 6] = cx - lc + ws;
  out[offset + 7] = cy - ls - wc;
}

/**
 * The devkit's sanity check on a ground rectangle: at each corner the two edges must be
 * perpendicular, `|dot| ≤ 1e-8` (numpy's `isclose(dot, 0)`; a NaN or infinite dot fails).
 */
export function cornersAreOrthogonal(corners: ArrayLike<number>, offset = 0): boolean {
  // (corner, neighbour, neighbour) triples the devkit checks: 0-1-3, 1-0-2, 2-1-3, 3-0-2.
  const triples = [0, 1, 3, 1, 0, 2, 2, 1, 3, 3, 0, 2];
  for (let k = 0; k < 12; k += 3) {
    const a = offset + 2 * triples[k]!;
    const b = offset + 2 * triples[k + 1]!;
    const c = offset + 2 * triples[k + 2]!;
    const dot = (corners[b]! - corners[a]!) * (corners[c]! - corners[a]!) + (corners[b + 1]! - corners[a + 1]!) * (corners[c + 1]! - corners[a + 1]!);
    if (!(Math.abs(dot) <= 1e-8)) return false;
  }
  return true;
}

/**
 * Signed area of a simple polygon (shoelace), computed relative to its first vertex so that large
 * coordinates lose no precision; positive for counter-clockwise vertices.
 */
export function signedPolygonArea(points: ArrayLike<number>, count: number, offset = 0): number {
  if (count < 3) return 0;
  const x0 = points[offset]!;
  const y0 = points[offset + 1]!;
  let sum = 0;
  let px = points[offset + 2]! - x0;
  let py = points[offset + 3]! - y0;
  for (let i = 2; i < count; i++) {
    const qx = points[offset + 2 * i]! - x0;
    const qy = points[offset + 2 * i + 1]! - y0;
    sum += px * qy - qx * py;
    px = qx;
    py = qy;
  }
  return sum / 2;
}

/** Scratch buffers for {@link convexIntersectionArea}; reuse one per metric call. */
export class ClipBuffers {
  a = new Float64Array(32);
  b = new Float64Array(32);

  ensure(vertices: number): void {
    if (this.a.length < 2 * vertices) {
      this.a = new Float64Array(4 * vertices);
      this.b = new Float64Array(4 * vertices);
    }
  }
}

/**
 * Area of the intersection of two convex polygons (Sutherland–Hodgman clipping of `subject` by
 * each edge of `clip`, then the shoelace area). `clip` must be counter-clockwise; points on a clip
 * edge count as inside. Both are flat vertex lists without a repeated closing vertex.
 */
export function convexIntersectionArea(
  subject: ArrayLike<number>,
  subjectCount: number,
  clip: ArrayLike<number>,
  clipCount: number,
  buffers: ClipBuffers = new ClipBuffers(),
): number {
  buffers.ensure(subjectCount + clipCount + 1);
  let input = buffers.a;
  let output = buffers.b;
  for (let i = 0; i < subjectCount * 2; i++) input[i] = subject[i]!;
  let count = subjectCount;
  for (let e = 0; e < clipCount && count > 0; e++) {
    const ex = clip[2 * e]!;
    const ey = clip[2 * e + 1]!;
    const next = (e + 1) % clipCount;
    const dx = clip[2 * next]! - ex;
    const dy = clip[2 * next + 1]! - ey;
    let produced = 0;
    let sx = input[2 * count - 2]!;
    let sy = input[2 * count - 1]!;
    let sSide = dx * (sy - ey) - dy * (sx - ex);
    for (let i = 0; i < count; i++) {
      const px = input[2 * i]!;
      const py = input[2 * i + 1]!;
      const pSide = dx * (py - ey) - dy * (px - ex);
      if (pSide >= 0) {
        if (sSide < 0) {
          const t = sSide / (sSide - pSide);
          output[2 * produced] = sx + t * (px - sx);
          output[2 * produced + 1] = sy + t * (py - sy);
          produced++;
        }
        output[2 * produced] = px;
        output[2 * produced + 1] = py;
        produced++;
      } else if (sSide >= 0) {
        const t = sSide / (sSide - pSide);
        output[2 * produced] = sx + t * (px - sx);
        output[2 * produced + 1] = sy + t * (py - sy);
        produced++;
      }
      sx = px;
      sy = py;
      sSide = pSide;
    }
    count = produced;
    const swap = input;
    input = output;
    output = swap;
  }
  return Math.abs(signedPolygonArea(input, count));
}

/** Whether the axis-aligned bounding boxes of two 4-corner polygons are disjoint or only touch. */
export function quadBoundsSeparate(a: ArrayLike<number>, aOffset: number, b: ArrayLike<number>, bOffset: number): boolean {
  let aMinX = Infinity, aMaxX = -Infinity, aMinY = Infinity, aMaxY = -Infinity;
  let bMinX = Infinity, bMaxX = -Infinity, bMinY = Infinity, bMaxY = -Infinity;
  for (let i = 0; i < 4; i++) {
    const ax = a[aOffset + 2 * i]!, ay = a[aOffset + 2 * i + 1]!;
    const bx = b[bOffset + 2 * i]!, by = b[bOffset + 2 * i + 1]!;
    if (ax < aMinX) aMinX = ax;
    if (ax > aMaxX) aMaxX = ax;
    if (ay < aMinY) aMinY = ay;
    if (ay > aMaxY) aMaxY = ay;
    if (bx < bMinX) bMinX = bx;
    if (bx > bMaxX) bMaxX = bx;
    if (by < bMinY) bMinY = by;
    if (by > bMaxY) bMaxY = by;
  }
  return aMaxX <= bMinX || bMaxX <= aMinX || aMaxY <= bMinY || bMaxY <= aMinY;
}

/**
 * Area of the intersection of two 4-corner convex polygons (counter-clockwise), both taken from
 * flat corner arrays. Coordinates are shifted to the first corner of `a` before clipping, so boxes
 * far from the origin keep their precision.
 */
export function quadIntersectionArea(a: ArrayLike<number>, aOffset: number, b: ArrayLike<number>, bOffset: number, scratch: QuadScratch): number {
  if (quadBoundsSeparate(a, aOffset, b, bOffset)) return 0;
  const ox = a[aOffset]!;
  const oy = a[aOffset + 1]!;
  const { subject, clip } = scratch;
  for (let i = 0; i < 4; i++) {
    subject[2 * i] = a[aOffset + 2 * i]! - ox;
    subject[2 * i + 1] = a[aOffset + 2 * i + 1]! - oy;
    clip[2 * i] = b[bOffset + 2 * i]! - ox;
    clip[2 * i + 1] = b[bOffset + 2 * i + 1]! - oy;
  }
  return convexIntersectionArea(subject, 4, clip, 4, scratch.buffers);
}

/** Reusable scratch space for {@link quadIntersectionArea}. */
export class QuadScratch {
  readonly subject = new Float64Array(8);
  readonly clip = new Float64Array(8);
  readonly buffers = new ClipBuffers();
}
