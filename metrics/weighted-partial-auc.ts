import * as z from "zod/mini";
import { defineMetric } from "./_define.js";
import type { Label, LabelArray } from "./_labels.js";
import { areaUnderCurve, posLabelTarget, rocCurveOf } from "./_roc.js";

export interface WeightedPartialAucOptions {
  /** TPR band edges, ascending, from 0 to 1 (ALASKA2: [0, 0.4, 1]). */
  tprThresholds?: readonly number[];
  /** One weight per band (ALASKA2: [2, 1]). */
  weights?: readonly number[];
  /** The positive class (ALASKA2: 1). */
  posLabel?: Label;
}

const DEFAULT_THRESHOLDS = [0, 0.4, 1] as const;
const DEFAULT_WEIGHTS = [2, 1] as const;

/**
 * Weighted partial ROC AUC (ALASKA2's weighted AUC): the ROC curve is cut into horizontal bands
 * of true positive rate, each band's area is weighted, and the sum is normalised so a perfect
 * ranking scores 1.
 *
 * Formula: for bands [t_b, t_{b+1}] with weights w_b,
 * `score = Σ_b w_b · A_b / Σ_b w_b · (t_{b+1} − t_b)`, where A_b is the trapezoid area under
 * (fpr, tpr − t_b) over the ROC points with t_b ≤ tpr ≤ t_{b+1}, closed by the point
 * (1, t_{b+1}). Each band edge missing from the curve is inserted first, its fpr interpolated
 * linearly. Direction: higher is better, range [0, 1]; constant scores give 0.5857 with the
 * default bands, not 0.5.
 *
 * Edge cases: no positive rows give 0 (every band is empty); no negative rows give NaN; NaN
 * scores throw MISSING_VALUE, infinite ones NON_FINITE.
 *
 * @see https://www.kaggle.com/competitions/alaska2-image-steganalysis/overview/evaluation
 * @see docs/metrics/weighted-partial-auc.md
 * @throws MetricError MISSING_VALUE, NON_FINITE, NON_INTEGER, UNDEFINED_METRIC, ROW_COUNT_MISMATCH
 */
export function weightedPartialAuc(yTrue: LabelArray, yScore: ArrayLike<number>, options: WeightedPartialAucOptions = {}): number {
  const edges = options.tprThresholds ?? DEFAULT_THRESHOLDS;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const curve = rocCurveOf(posLabelTarget(yTrue, options.posLabel ?? 1), yScore);
  const { fpr, tpr } = insertTprThresholds(Array.from(curve.fpr), Array.from(curve.tpr), edges);
  let total = 0;
  for (let b = 0; b < weights.length; b++) {
    const low = edges[b]!;
    const high = edges[b + 1]!;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = 0; k < tpr.length; k++) {
      // A point exactly on an edge belongs to both bands it separates.
      if (low <= tpr[k]! && tpr[k]! <= high) {
        xs.push(fpr[k]!);
        ys.push(tpr[k]! - low);
      }
    }
    if (xs.length === 0) continue;
    xs.push(1);
    ys.push(high - low);
    total += areaUnderCurve(xs, ys) * weights[b]!;
  }
  let normalization = 0;
  for (let b = 0; b < weights.length; b++) normalization += (edges[b + 1]! - edges[b]!) * weights[b]!;
  return total / normalization;
}

/**
 * Adds each band edge that is not exactly (float equality) one of the curve's TPR values, before
 * the first point whose TPR exceeds it, with fpr interpolated linearly from its neighbours. An
 * edge above every TPR is not added.
 */
function insertTprThresholds(fpr: number[], tpr: number[], edges: readonly number[]): { fpr: number[]; tpr: number[] } {
  for (const edge of edges) {
    if (tpr.includes(edge)) continue;
    const i = tpr.findIndex((value) => value > edge);
    if (i < 0) continue;
    // MLE-bench's loop reads index i − 1, which wraps to the last point when i = 0 (Python lists).
    const before = i === 0 ? tpr.length - 1 : i - 1;
    const interpolated = fpr[before]! + ((fpr[i]! - fpr[before]!) * (edge - tpr[before]!)) / (tpr[i]! - tpr[before]!);
    tpr.splice(i, 0, edge);
    fpr.splice(i, 0, interpolated);
  }
  return { fpr, tpr };
}

const optionsSchema = z
  .strictObject({
    tprThresholds: z
      ._default(z.array(z.number().check(z.gte(0), z.lte(1))).check(z.minLength(2)), [...DEFAULT_THRESHOLDS])
      .check(z.describe("TPR band edges, ascending")),
    weights: z._default(z.array(z.number().check(z.gte(0))).check(z.minLength(1)), [...DEFAULT_WEIGHTS]).check(z.describe("one weight per band")),
    posLabel: z._default(z.union([z.number(), z.string(), z.boolean()]), 1).check(z.describe("the positive class")),
  })
  .check(
    z.refine((o) => o.weights.length === o.tprThresholds.length - 1, { message: "expected one weight per band (tprThresholds.length - 1)" }),
    z.refine((o) => o.tprThresholds.every((t, i) => i === 0 || t > o.tprThresholds[i - 1]!), { message: "expected ascending tprThresholds" }),
  );

export const weightedPartialAucMetric = defineMetric({
  id: "weighted-partial-auc",
  aliases: ["weighted-auroc", "alaska-weighted-auc", "weighted-auc"],
  title: "Weighted partial ROC AUC (TPR bands)",
  description: "ROC area split into horizontal bands of true positive rate, each band weighted (ALASKA2: TPR below 0.4 counts twice), normalised so that a perfect ranking scores 1.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "binary-scores",
  options: optionsSchema,
  formula: {
    latex: String.raw`\frac{\sum_b w_b \int \mathrm{clip}(\mathrm{tpr} - t_b,\, 0,\, t_{b+1} - t_b)\, d\,\mathrm{fpr}}{\sum_b w_b (t_{b+1} - t_b)}`,
    text: "For each TPR band, the trapezoid area between the band's floor and the ROC curve (capped at the band's top), weighted; divided by the weighted band heights.",
  },
  edgeCases: [
    { when: "all scores equal", then: "returns 0.5857… (= 0.82 / 1.4) with the default bands: band 2 starts at the fpr where the curve reaches 0.4" },
    { when: "a ROC point lies exactly on a band edge", then: "it belongs to both bands; an edge is inserted only when no TPR equals it exactly" },
    { when: "no positive rows", then: "returns 0 (the TPR is NaN, so every band is empty)" },
    { when: "no negative rows", then: "returns NaN" },
    { when: "NaN score", then: "throws MISSING_VALUE" },
    { when: "infinite score", then: "throws NON_FINITE" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "ALASKA2 Image Steganalysis: evaluation", authors: "Kaggle", year: 2020, url: "https://www.kaggle.com/competitions/alaska2-image-steganalysis/overview/evaluation" },
    { title: "scikit-learn: roc_curve", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.metrics.roc_curve.html" },
  ],
  examples: [
    { input: { yTrue: [0, 1, 0, 1], yScore: [0.1, 0.9, 0.2, 0.8] }, output: 1 },
    { input: { yTrue: [0, 1, 0, 1], yScore: [0.5, 0.5, 0.5, 0.5] }, output: 0.82 / 1.4, note: "constant scores" },
    { input: { yTrue: [0, 1], yScore: [0.3, Infinity] }, output: { throws: "NON_FINITE" } },
  ],
  compat:
    "Reproduces MLE-bench's alaska2 grader: scikit-learn 1.5 `roc_curve(pos_label=1)` (tie grouping, leading (0, 0), drop_intermediate), insertion of each band edge missing from the TPR values by exact float comparison with linear fpr interpolation, per-band masks that share boundary points, the closing point (1, top), `sklearn.metrics.auc` per band, then the weighted sum over Σ w·height (1.4). Kaggle's original kernel skipped the edge insertion.",
  since: "0.1.0",
  evaluate: ({ yTrue, yScore }: { yTrue: LabelArray; yScore: ArrayLike<number> }, options: z.infer<typeof optionsSchema>) => weightedPartialAuc(yTrue, yScore, options),
});
