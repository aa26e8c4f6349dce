/**
 * Box geometry of the detection metrics against shapes computed by hand (squares, rectangles,
 * a square rotated by 45°, disjoint, contained and touching shapes), and the convex clipping
 * against an independent intersection algorithm (vertices inside the other polygon plus edge
 * crossings, sorted by angle).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  QuadScratch,
  cMax,
  cMin,
  cocoBoxIou,
  convexIntersectionArea,
  cornersAreOrthogonal,
  groundCorners,
  pyMax,
  pyMin,
  quadBoundsSeparate,
  quadIntersectionArea,
  signedPolygonArea,
  xyxyIou,
  yawCosSin,
} from "../../metrics/_geometry.js";
import { isClose } from "../helpers/close.js";

const SEED = 20240601;

/** Axis-aligned rectangle [x0, x1] × [y0, y1] as a counter-clockwise quad. */
function rect(x0: number, y0: number, x1: number, y1: number): number[] {
  return [x0, y0, x1, y0, x1, y1, x0, y1];
}

/** Square of side s centred at (cx, cy), rotated by angle, counter-clockwise. */
function square(cx: number, cy: number, s: number, angle: number): number[] {
  const out: number[] = [];
  for (const [u, v] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
    const x = (u * s) / 2;
    const y = (v * s) / 2;
    out.push(cx + x * Math.cos(angle) - y * Math.sin(angle), cy + x * Math.sin(angle) + y * Math.cos(angle));
  }
  return out;
}

function clipArea(a: number[], b: number[]): number {
  return convexIntersectionArea(a, a.length / 2, b, b.length / 2);
}

describe("C and Python min/max", () => {
  it("fmin/fmax ignore a NaN argument; Python's max/min keep the first unless the second compares", () => {
    expect(cMin(NaN, 2)).toBe(2);
    expect(cMax(3, NaN)).toBe(3);
    expect(cMin(1, 2)).toBe(1);
    expect(cMax(1, 2)).toBe(2);
    expect(Number.isNaN(pyMax(NaN, 0))).toBe(true);
    expect(pyMax(0, NaN)).toBe(0);
    expect(pyMin(5, 3)).toBe(3);
    expect(pyMin(3, NaN)).toBe(3);
  });
});

describe("cocoBoxIou ([x, y, w, h], pycocotools bbIou)", () => {
  it("matches hand-computed overlaps", () => {
    expect(cocoBoxIou(0, 0, 10, 10, 0, 0, 10, 10)).toBe(1);
    expect(cocoBoxIou(0, 0, 10, 10, 5, 0, 10, 10)).toBe(50 / 150);
    expect(cocoBoxIou(0, 0, 10, 10, 2, 2, 4, 4)).toBe(16 / 100); // contained
    expect(cocoBoxIou(0, 0, 10, 10, 10, 0, 10, 10)).toBe(0); // touching edge
    expect(cocoBoxIou(0, 0, 10, 10, 10, 10, 5, 5)).toBe(0); // touching corner
    expect(cocoBoxIou(0, 0, 10, 10, 50, 50, 5, 5)).toBe(0); // disjoint
  });

  it("gives 0 for boxes with no positive width or height", () => {
    expect(cocoBoxIou(0, 0, 0, 10, 0, 0, 0, 10)).toBe(0);
    expect(cocoBoxIou(0, 0, -5, 10, 0, 0, 10, 10)).toBe(0);
  });

  it("follows C's fmin/fmax with NaN: a NaN position is ignored, a NaN size makes the union NaN", () => {
    // w = fmin(NaN, 10) − fmax(NaN, 0) = 10: the box overlaps as if it sat on the other one.
    expect(cocoBoxIou(NaN, 0, 10, 10, 0, 0, 10, 10)).toBe(1);
    expect(Number.isNaN(cocoBoxIou(0, 0, NaN, 10, 0, 0, 10, 10))).toBe(true);
  });
});

describe("xyxyIou ([xmin, ymin, xmax, ymax], siim-covid19)", () => {
  it("matches hand-computed overlaps", () => {
    expect(xyxyIou(0, 0, 10, 10, 0, 0, 10, 10)).toBe(1);
    expect(xyxyIou(0, 0, 10, 10, 5, 0, 15, 10)).toBe(50 / 150);
    expect(xyxyIou(0, 0, 10, 10, 2, 2, 6, 6)).toBe(16 / 100);
    expect(xyxyIou(0, 0, 10, 10, 10, 0, 20, 10)).toBe(0);
    expect(xyxyIou(0, 0, 10, 10, 20, 20, 30, 30)).toBe(0);
    expect(xyxyIou(0, 0, 10, 10, 0, 0, 10, 5)).toBe(0.5);
  });

  it("gives 0 when the union is not positive", () => {
    expect(xyxyIou(0, 0, 0, 0, 0, 0, 0, 0)).toBe(0);
    expect(xyxyIou(10, 10, 0, 0, 10, 10, 0, 0)).toBe(0);
  });
});

describe("polygon areas and convex clipping", () => {
  it("signed area is positive counter-clockwise and negative clockwise", () => {
    expect(signedPolygonArea(rect(0, 0, 2, 3), 4)).toBe(6);
    expect(signedPolygonArea([0, 0, 0, 3, 2, 3, 2, 0], 4)).toBe(-6);
    expect(signedPolygonArea([0, 0, 4, 0, 0, 3], 3)).toBe(6);
    expect(signedPolygonArea([0, 0, 1, 1], 2)).toBe(0);
  });

  it("keeps its precision far from the origin", () => {
    expect(signedPolygonArea(rect(1e7, 1e7 + 0.5, 1e7 + 0.25, 1e7 + 0.75), 4)).toBe(0.0625);
  });

  it("intersects squares as computed by hand", () => {
    expect(clipArea(rect(0, 0, 1, 1), rect(0, 0, 1, 1))).toBe(1); // identical
    expect(clipArea(rect(0, 0, 1, 1), rect(0.5, 0.5, 1.5, 1.5))).toBe(0.25); // offset
    expect(clipArea(rect(0, 0, 4, 4), rect(1, 1, 2, 3))).toBe(2); // contained
    expect(clipArea(rect(1, 1, 2, 3), rect(0, 0, 4, 4))).toBe(2); // containing
    expect(clipArea(rect(0, 0, 1, 1), rect(1, 0, 2, 1))).toBe(0); // touching edge
    expect(clipArea(rect(0, 0, 1, 1), rect(1, 1, 2, 2))).toBe(0); // touching corner
    expect(clipArea(rect(0, 0, 1, 1), rect(3, 3, 4, 4))).toBe(0); // disjoint
  });

  it("intersects a square with itself rotated by 45° into an octagon of area 8(√2 − 1)", () => {
    const area = clipArea(square(0, 0, 2, 0), square(0, 0, 2, Math.PI / 4));
    expect(isClose(area, 8 * (Math.SQRT2 - 1), { rtol: 1e-14 })).toBe(true);
  });

  it("intersects a diamond touching a square at one vertex with area 0", () => {
    // Diamond centred at (2, 0.5) with half-diagonal 1 touches the unit square at (1, 0.5).
    const diamond = [2, -0.5, 3, 0.5, 2, 1.5, 1, 0.5];
    expect(clipArea(rect(0, 0, 1, 1), diamond)).toBe(0);
  });

  it("cuts a corner triangle off a square with a rotated square", () => {
    // Diamond with a vertex at the square's centre (0.5, 0.5) and half-diagonal 0.5:
    // its left half (a triangle of area 0.25) lies inside the unit square.
    const diamond = [1, 0, 1.5, 0.5, 1, 1, 0.5, 0.5];
    expect(isClose(clipArea(rect(0, 0, 1, 1), diamond), 0.25, { rtol: 1e-15 })).toBe(true);
  });

  it("agrees with an independent intersection algorithm on random convex quads", () => {
    const quad = fc
      .record({
        cx: fc.double({ min: -5, max: 5, noNaN: true }),
        cy: fc.double({ min: -5, max: 5, noNaN: true }),
        w: fc.double({ min: 0.1, max: 6, noNaN: true }),
        l: fc.double({ min: 0.1, max: 6, noNaN: true }),
        yaw: fc.double({ min: -4, max: 4, noNaN: true }),
      })
      .map(({ cx, cy, w, l, yaw }) => {
        const out = new Float64Array(8);
        groundCorners(cx, cy, w, l, Math.cos(yaw), Math.sin(yaw), out);
        return Array.from(out);
      });
    fc.assert(
      fc.property(quad, quad, (a, b) => {
        const fast = quadIntersectionArea(a, 0, b, 0, new QuadScratch());
        const slow = oracleIntersectionArea(a, b);
        return Math.abs(fast - slow) <= 1e-9 * Math.max(1, slow) && Math.abs(fast - quadIntersectionArea(b, 0, a, 0, new QuadScratch())) <= 1e-9 * Math.max(1, slow);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("gives the analytic overlap of axis-aligned rectangles", () => {
    const side = fc.double({ min: 0.1, max: 10, noNaN: true });
    const at = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(at, at, side, side, at, at, side, side, (ax, ay, aw, ah, bx, by, bw, bh) => {
        const expected = Math.max(0, Math.min(ax + aw, bx + bw) - Math.max(ax, bx)) * Math.max(0, Math.min(ay + ah, by + bh) - Math.max(ay, by));
        const actual = clipArea(rect(ax, ay, ax + aw, ay + ah), rect(bx, by, bx + bw, by + bh));
        return Math.abs(actual - expected) <= 1e-12 * Math.max(1, aw * ah);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("reports separated bounding boxes (touching counts as separated)", () => {
    expect(quadBoundsSeparate(rect(0, 0, 1, 1), 0, rect(1, 0, 2, 1), 0)).toBe(true);
    expect(quadBoundsSeparate(rect(0, 0, 1, 1), 0, rect(0.5, 0.5, 2, 2), 0)).toBe(false);
  });
});

describe("3D box ground rectangles (Lyft devkit)", () => {
  it("takes cos and sin from the yaw quaternion's rotation matrix", () => {
    expect(Array.from(yawCosSin(0))).toEqual([1, 0]);
    const [c90, s90] = yawCosSin(Math.PI / 2);
    expect(Math.abs(c90!)).toBeLessThan(1e-15);
    expect(s90).toBe(1);
    const [c180, s180] = yawCosSin(Math.PI);
    expect(c180).toBe(-1);
    expect(Math.abs(s180!)).toBeLessThan(1e-15);
    for (const yaw of [0.4124, -2.7559, 3, 1e-8, 100]) {
      const [c, s] = yawCosSin(yaw);
      expect(isClose(c!, Math.cos(yaw), { atol: 4e-16 })).toBe(true);
      expect(isClose(s!, Math.sin(yaw), { atol: 4e-16 })).toBe(true);
    }
  });

  it("puts the corners front-right, front-left, back-left, back-right, counter-clockwise", () => {
    const out = new Float64Array(8);
    groundCorners(10, 20, 2, 4, 1, 0, out);
    expect(Array.from(out)).toEqual([12, 19, 12, 21, 8, 21, 8, 19]);
    expect(signedPolygonArea(out, 4)).toBe(8);
    groundCorners(0, 0, 2, 4, 0, 1, out); // facing +y
    expect(Array.from(out)).toEqual([1, 2, -1, 2, -1, -2, 1, -2]);
  });

  it("checks right angles: fine for real boxes, failing for infinite or NaN corners", () => {
    const out = new Float64Array(8);
    const [c, s] = yawCosSin(0.4124);
    groundCorners(2363.3878, 762.1175, 1.686, 4.6991, c!, s!, out);
    expect(cornersAreOrthogonal(out)).toBe(true);
    groundCorners(0, 0, 2, Infinity, c!, s!, out);
    expect(cornersAreOrthogonal(out)).toBe(false);
    groundCorners(NaN, 0, 2, 4, c!, s!, out);
    expect(cornersAreOrthogonal(out)).toBe(false);
  });

  it("intersects rotated ground rectangles far from the origin as near the origin", () => {
    const a = new Float64Array(8);
    const b = new Float64Array(8);
    const [c1, s1] = yawCosSin(0.3);
    const [c2, s2] = yawCosSin(0.9);
    groundCorners(0, 0, 2, 4, c1!, s1!, a);
    groundCorners(0.7, 0.2, 1.8, 4.4, c2!, s2!, b);
    const near = quadIntersectionArea(a, 0, b, 0, new QuadScratch());
    groundCorners(2300, 700, 2, 4, c1!, s1!, a);
    groundCorners(2300.7, 700.2, 1.8, 4.4, c2!, s2!, b);
    const far = quadIntersectionArea(a, 0, b, 0, new QuadScratch());
    expect(isClose(far, near, { rtol: 1e-11 })).toBe(true);
  });
});

/**
 * Area of the intersection of two convex polygons, computed differently from the clipping: the
 * vertices of each polygon inside the other plus all edge crossings, ordered by angle around their
 * centroid, then the shoelace formula.
 */
function oracleIntersectionArea(a: number[], b: number[]): number {
  const points: Array<[number, number]> = [];
  const inside = (p: [number, number], poly: number[]) => {
    const n = poly.length / 2;
    for (let i = 0; i < n; i++) {
      const [x0, y0, x1, y1] = [poly[2 * i]!, poly[2 * i + 1]!, poly[(2 * i + 2) % poly.length]!, poly[(2 * i + 3) % poly.length]!];
      if ((x1 - x0) * (p[1] - y0) - (y1 - y0) * (p[0] - x0) < -1e-12) return false;
    }
    return true;
  };
  const vertices = (poly: number[]) => Array.from({ length: poly.length / 2 }, (_, i): [number, number] => [poly[2 * i]!, poly[2 * i + 1]!]);
  for (const p of vertices(a)) if (inside(p, b)) points.push(p);
  for (const p of vertices(b)) if (inside(p, a)) points.push(p);
  const va = vertices(a);
  const vb = vertices(b);
  for (let i = 0; i < va.length; i++) {
    const [p, p2] = [va[i]!, va[(i + 1) % va.length]!];
    for (let j = 0; j < vb.length; j++) {
      const [q, q2] = [vb[j]!, vb[(j + 1) % vb.length]!];
      const r = [p2[0] - p[0], p2[1] - p[1]];
      const s = [q2[0] - q[0], q2[1] - q[1]];
      const denom = r[0]! * s[1]! - r[1]! * s[0]!;
      if (denom === 0) continue;
      const t = ((q[0] - p[0]) * s[1]! - (q[1] - p[1]) * s[0]!) / denom;
      const u = ((q[0] - p[0]) * r[1]! - (q[1] - p[1]) * r[0]!) / denom;
      if (t >= 0 && t <= 1 && u >= 0 && u <= 1) points.push([p[0] + t * r[0]!, p[1] + t * r[1]!]);
    }
  }
  if (points.length < 3) return 0;
  const cx = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  points.sort((p, q) => Math.atan2(p[1] - cy, p[0] - cx) - Math.atan2(q[1] - cy, q[0] - cx));
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [p, q] = [points[i]!, points[(i + 1) % points.length]!];
    twice += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(twice) / 2;
}
