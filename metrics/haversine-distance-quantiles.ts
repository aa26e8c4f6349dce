import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { numpyMean } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { numpyQuantileOfSorted, sortedWithNaNLast } from "./_quantile.js";

export type GroupLabel = string | number | boolean;

export interface HaversineDistanceQuantilesOptions {
  /** Quantiles of each group's distances that are averaged (Kaggle: the 50th and 95th percentiles). */
  quantiles?: readonly number[];
  /** Sphere radius in metres (Kaggle: 6 371 000). */
  radius?: number;
}

const DEG_TO_RAD = Math.PI / 180;

/**
 * Haversine distance quantiles (Google Smartphone Decimeter Challenge): for each group (a trip or
 * phone), the great-circle distances between predicted and true positions are summarised by the
 * mean of their 50th and 95th percentiles; the score is the mean over groups.
 *
 * Formula: `d_i = 2R·asin(sqrt(sin²(Δφ/2) + cos φ̂ cos φ sin²(Δλ/2)))` with latitudes φ and
 * longitudes λ in radians; per group `(Q_0.5(d) + Q_0.95(d)) / 2` with numpy's linear
 * quantiles; `score = (1/G) Σ_g`. Direction: lower is better, range [0, ∞) (metres).
 *
 * Edge cases: NaN in a group's positions makes that group, and so the score, NaN; rows whose group
 * is missing (NaN) are left out; no rows returns NaN; inputs of different lengths throw
 * ROW_COUNT_MISMATCH. Groups are averaged in order of first appearance.
 *
 * @see https://www.kaggle.com/competitions/smartphone-decimeter-2022/overview/evaluation
 * @see docs/metrics/haversine-distance-quantiles.md
 * @throws MetricError ROW_COUNT_MISMATCH
 */
export function haversineDistanceQuantiles(
  latitudeTrue: ArrayLike<number>,
  longitudeTrue: ArrayLike<number>,
  latitudePred: ArrayLike<number>,
  longitudePred: ArrayLike<number>,
  groups?: ArrayLike<GroupLabel>,
  options: HaversineDistanceQuantilesOptions = {},
): number {
  const n = latitudeTrue.length;
  const lengths = [n, longitudeTrue.length, latitudePred.length, longitudePred.length, groups?.length ?? n];
  if (lengths.some((length) => length !== n)) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${n} values in every input, got ${lengths.join(", ")}`);
  }
  const quantiles = options.quantiles ?? [0.5, 0.95];
  const radius = options.radius ?? 6_371_000;
  const distances = haversineDistances(latitudeTrue, longitudeTrue, latitudePred, longitudePred, radius);
  const members = groupRows(n, groups);
  const scores = new Float64Array(members.length);
  const summary = new Float64Array(quantiles.length);
  members.forEach((rows, g) => {
    const sorted = sortedWithNaNLast(Float64Array.from(rows, (i) => distances[i]!));
    quantiles.forEach((q, k) => (summary[k] = numpyQuantileOfSorted(sorted, q)));
    scores[g] = numpyMean(summary);
  });
  return numpyMean(scores);
}

/** Great-circle distances on a sphere of the given radius, from positions in degrees. */
export function haversineDistances(
  latitudeTrue: ArrayLike<number>,
  longitudeTrue: ArrayLike<number>,
  latitudePred: ArrayLike<number>,
  longitudePred: ArrayLike<number>,
  radius = 6_371_000,
): Float64Array {
  const out = new Float64Array(latitudeTrue.length);
  const diameter = 2 * radius;
  for (let i = 0; i < out.length; i++) {
    // numpy's deg2rad multiplies by π/180; the order of operations follows the Kaggle notebook.
    const lat1 = latitudePred[i]! * DEG_TO_RAD;
    const lat2 = latitudeTrue[i]! * DEG_TO_RAD;
    const dlat = lat2 - lat1;
    const dlng = longitudeTrue[i]! * DEG_TO_RAD - longitudePred[i]! * DEG_TO_RAD;
    const sinLat = Math.sin(dlat / 2);
    const sinLng = Math.sin(dlng / 2);
    const a = sinLat * sinLat + Math.cos(lat1) * Math.cos(lat2) * (sinLng * sinLng);
    out[i] = diameter * Math.asin(Math.sqrt(a));
  }
  return out;
}

/** Row indices per group, groups in order of first appearance; NaN labels are left out. */
function groupRows(n: number, groups: ArrayLike<GroupLabel> | undefined): number[][] {
  if (!groups) return n === 0 ? [] : [Array.from({ length: n }, (_, i) => i)];
  const members = new Map<GroupLabel, number[]>();
  for (let i = 0; i < n; i++) {
    const label = groups[i]!;
    if (typeof label === "number" && Number.isNaN(label)) continue;
    let rows = members.get(label);
    if (!rows) members.set(label, (rows = []));
    rows.push(i);
  }
  return [...members.values()];
}

export const haversineDistanceQuantilesMetric = defineMetric({
  id: "haversine-distance-quantiles",
  aliases: ["average-haversine-distance", "mean-haversine-quantiles"],
  title: "Haversine distance quantiles (mean of P50 and P95 per group)",
  description:
    "Great-circle distance in metres between predicted and true positions; per group (trip or phone) the mean of the 50th and 95th percentile distances, then the mean over groups.",
  direction: "minimize",
  range: [0, Infinity],
  // Four coordinate arrays and a group label per row, which no shared generator produces; the
  // metric's own test checks its properties.
  inputKind: "custom",
  options: z.strictObject({
    quantiles: z
      ._default(z.array(z.number().check(z.gte(0), z.lte(1))).check(z.minLength(1)), [0.5, 0.95])
      .check(z.describe("quantiles of each group's distances that are averaged")),
    radius: z._default(z.number().check(z.positive()), 6_371_000).check(z.describe("sphere radius in metres")),
  }),
  formula: {
    latex: String.raw`d_i = 2R\arcsin\sqrt{\sin^2\tfrac{\Delta\varphi_i}{2} + \cos\hat\varphi_i\cos\varphi_i\sin^2\tfrac{\Delta\lambda_i}{2}},\quad \frac{1}{G}\sum_{g}\frac{Q_{0.5}(d_g) + Q_{0.95}(d_g)}{2}`,
    text: "Haversine distance per row; per group the mean of its 50th and 95th percentile distances (numpy's linear interpolation); then the mean over groups.",
  },
  edgeCases: [
    { when: "NaN in a group's coordinates", then: "that group's quantiles are NaN, so the score is NaN" },
    { when: "a group with one row", then: "both quantiles are that row's distance" },
    { when: "rows whose group label is NaN", then: "left out" },
    { when: "no rows", then: "returns NaN" },
    { when: "inputs of different lengths", then: "throws ROW_COUNT_MISMATCH" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Google Smartphone Decimeter Challenge 2022: evaluation", authors: "Google / Kaggle", year: 2022, url: "https://www.kaggle.com/competitions/smartphone-decimeter-2022/overview/evaluation" },
    { title: "GSDC2 - baseline submission (the metric's reference code)", authors: "saitodevel01", year: 2022, url: "https://www.kaggle.com/code/saitodevel01/gsdc2-baseline-submission" },
  ],
  examples: [
    { input: { latitudeTrue: [0, 0], longitudeTrue: [0, 0], latitudePred: [0, 0], longitudePred: [0, 0] }, output: 0 },
    {
      input: { latitudeTrue: [0, 0, 0], longitudeTrue: [0, 0, 0], latitudePred: [0, 0, 0], longitudePred: [0, 1, 2] },
      output: 6_371_000 * 1.45 * (Math.PI / 180),
      note: "errors of 0°, 1° and 2° along the equator: P50 = 1°, P95 = 1.9°, mean 1.45° of arc",
    },
  ],
  compat:
    "Reproduces MLE-bench's smartphone-decimeter-2022 grader (the Kaggle baseline notebook's `calc_score`): `np.deg2rad`, the haversine formula with R = 6 371 000 m, `np.quantile` with numpy's default linear method, `np.mean` of the two quantiles, then `np.mean` over trips in order of first appearance in the answers.",
  since: "0.1.0",
  evaluate: (
    input: {
      latitudeTrue: ArrayLike<number>;
      longitudeTrue: ArrayLike<number>;
      latitudePred: ArrayLike<number>;
      longitudePred: ArrayLike<number>;
      groups?: ArrayLike<GroupLabel>;
    },
    options: { quantiles: number[]; radius: number },
  ) => haversineDistanceQuantiles(input.latitudeTrue, input.longitudeTrue, input.latitudePred, input.longitudePred, input.groups, options),
});
