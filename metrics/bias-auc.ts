import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { sequentialSum } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";
import { rocAuc } from "./roc-auc.js";

export interface BiasAucOptions {
  /** Truth, identities (and predictions, when binarised) count as 1 when ≥ this value; NaN counts as 0. */
  threshold?: number;
  /** Binarise the predictions at `threshold` before the AUCs (MLE-bench: true; Kaggle: false). */
  binarizePredictions?: boolean;
  /** Exponent of the generalized (power) mean over identities. */
  power?: number;
  /** Weight of the overall AUC and of each of the three bias means. */
  weight?: number;
}

/** 1 where the value is at least the threshold, else 0 (NaN gives 0, as `1 if x >= t else 0` does). */
function binarize(values: ArrayLike<number>, threshold: number): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i]! >= threshold ? 1 : 0;
  return out;
}

function subsetAuc(label: string, truth: Uint8Array, scores: ArrayLike<number>, keep: (i: number) => boolean): number {
  const rows: number[] = [];
  for (let i = 0; i < truth.length; i++) if (keep(i)) rows.push(i);
  const t = Uint8Array.from(rows, (i) => truth[i]!);
  const s = Float64Array.from(rows, (i) => scores[i]!);
  try {
    return rocAuc(t, s);
  } catch (error) {
    if (error instanceof MetricError) throw new MetricError(error.code, `${label}: ${error.message}`, error.issues);
    throw error;
  }
}

/**
 * Jigsaw unintended-bias AUC: the overall ROC AUC blended with generalized means of three
 * per-identity bias AUCs (subgroup, BPSN, BNSP).
 *
 * Formula: `score = w·AUC_overall + w·(M_p(subgroup) + M_p(BPSN) + M_p(BNSP))` with
 * `M_p(a) = ((1/G) Σ_g a_g^p)^(1/p)`, p = −5, w = 0.25. For identity g: subgroup AUC on rows
 * mentioning g; BPSN (background positive, subgroup negative) on non-toxic rows mentioning g and
 * toxic rows not mentioning it; BNSP on toxic rows mentioning g and non-toxic rows not mentioning
 * it. Truth and identities are binarised at 0.5 (NaN → 0); MLE-bench binarises the predictions
 * too. Direction: higher is better, range [0, 1].
 *
 * Edge cases: any of the 1 + 3G subsets with a single class throws UNDEFINED_METRIC; an AUC of 0
 * makes its power mean 0; NaN predictions count as 0 when binarised and throw MISSING_VALUE when
 * not.
 *
 * @see https://www.kaggle.com/competitions/jigsaw-unintended-bias-in-toxicity-classification/overview/evaluation
 * @see docs/metrics/bias-auc.md
 * @throws MetricError UNDEFINED_METRIC, MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH
 */
export function biasAuc(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  identities: Readonly<Record<string, ArrayLike<number>>>,
  options: BiasAucOptions = {},
): number {
  const threshold = options.threshold ?? 0.5;
  const power = options.power ?? -5;
  const weight = options.weight ?? 0.25;
  const n = yTrue.length;
  if (yScore.length !== n) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${n} predictions, got ${yScore.length}`);
  const names = Object.keys(identities);
  if (names.length === 0) throw new MetricError("UNDEFINED_METRIC", "expected at least one identity column, got none");
  for (const name of names) {
    if (identities[name]!.length !== n) throw new MetricError("ROW_COUNT_MISMATCH", `identity "${name}": expected ${n} values, got ${identities[name]!.length}`);
  }
  const truth = binarize(yTrue, threshold);
  const scores = options.binarizePredictions === false ? yScore : binarize(yScore, threshold);

  const overall = subsetAuc("overall", truth, scores, () => true);
  const subgroup = new Float64Array(names.length);
  const bpsn = new Float64Array(names.length);
  const bnsp = new Float64Array(names.length);
  names.forEach((name, g) => {
    const member = binarize(identities[name]!, threshold);
    subgroup[g] = subsetAuc(`subgroup "${name}"`, truth, scores, (i) => member[i] === 1);
    bpsn[g] = subsetAuc(`BPSN "${name}"`, truth, scores, (i) => (truth[i] === 0) === (member[i] === 1));
    bnsp[g] = subsetAuc(`BNSP "${name}"`, truth, scores, (i) => (truth[i] === 1) === (member[i] === 1));
  });
  const means = [subgroup, bpsn, bnsp].map((aucs) => powerMean(aucs, power));
  return weight * overall + sequentialSum(means.map((m) => weight * m));
}

/** `(Σ a^p / G)^(1/p)`, the sum taken left to right as Python's `sum()` does. */
function powerMean(values: Float64Array, power: number): number {
  const powers = values.map((v) => Math.pow(v, power));
  return Math.pow(sequentialSum(powers) / values.length, 1 / power);
}

const optionsSchema = z.strictObject({
  threshold: z._default(z.number(), 0.5).check(z.describe("values ≥ threshold count as toxic / as mentioning the identity; NaN counts as 0")),
  binarizePredictions: z
    ._default(z.boolean(), true)
    .check(z.describe("binarise predictions at the threshold before the AUCs (MLE-bench); false uses the raw scores (Kaggle)")),
  power: z._default(z.number().check(z.refine((p) => p !== 0, "expected a non-zero power")), -5).check(z.describe("exponent of the generalized mean over identities")),
  weight: z._default(z.number(), 0.25).check(z.describe("weight of the overall AUC and of each bias mean")),
});

export const biasAucMetric = defineMetric({
  id: "bias-auc",
  aliases: ["jigsaw-unintended-bias-in-toxicity-classification-score", "jigsaw-bias-auc", "unintended-bias-auc"],
  title: "Jigsaw unintended-bias AUC",
  description: "Overall ROC AUC blended with power means (p = −5) of subgroup, BPSN and BNSP AUCs over identity groups, each weighted 0.25; penalises models whose ranking is worse for rows that mention an identity.",
  direction: "maximize",
  range: [0, 1],
  // Three aligned inputs (truth, scores and a set of identity columns): no shared generator fits.
  inputKind: "custom",
  options: optionsSchema,
  formula: {
    latex: String.raw`w\,\mathrm{AUC} + w\sum_{s \in \{\mathrm{sub},\,\mathrm{BPSN},\,\mathrm{BNSP}\}} \Big(\frac{1}{G}\sum_{g=1}^{G} \mathrm{AUC}_{s,g}^{\,p}\Big)^{1/p}`,
    text: "A quarter of the overall AUC plus a quarter of each of three power means (p = −5) of per-identity AUCs on the subgroup, BPSN and BNSP subsets.",
  },
  edgeCases: [
    { when: "a subset (overall, or a subgroup, BPSN or BNSP set) has one class", then: "throws UNDEFINED_METRIC (scikit-learn 1.5 raises ValueError)" },
    { when: "predictions binarised (default)", then: "each AUC is (TPR + TNR) / 2 at the threshold; a prediction of exactly 0.5 counts as toxic" },
    { when: "NaN prediction", then: "counts as 0 when binarised; throws MISSING_VALUE otherwise" },
    { when: "NaN truth or identity value", then: "counts as 0" },
    { when: "an AUC of 0", then: "its power mean is 0 (0^−5 = ∞)" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Jigsaw Unintended Bias in Toxicity Classification: evaluation", authors: "Jigsaw / Kaggle", year: 2019, url: "https://www.kaggle.com/competitions/jigsaw-unintended-bias-in-toxicity-classification/overview/evaluation" },
    { title: "Nuanced Metrics for Measuring Unintended Bias with Real Data for Text Classification", authors: "Borkan, Dixon, Sorensen, Thain, Vasserman", year: 2019, url: "https://arxiv.org/abs/1903.04561" },
  ],
  examples: [
    {
      input: { yTrue: [0, 1, 0, 1], yScore: [0.1, 0.9, 0.2, 0.8], identities: { a: [1, 1, 0, 0], b: [0, 1, 1, 0] } },
      output: 1,
    },
    {
      input: { yTrue: [0, 1, 0, 1, 0, 1], yScore: [0.6, 0.9, 0.1, 0.7, 0.2, 0.3], identities: { a: [1, 1, 0, 0, 0, 0] } },
      output: 0.25 * (2 / 3) + 0.25 * (0.5 + 0.25 + 1),
      note: "predictions binarised at 0.5: overall AUC 2/3; for a: subgroup 0.5, BPSN 0.25, BNSP 1",
    },
    { input: { yTrue: [0, 1], yScore: [0.2, 0.8], identities: { a: [1, 1] } }, output: { throws: "UNDEFINED_METRIC" }, note: "BPSN/BNSP subsets have one class" },
  ],
  compat:
    "Reproduces MLE-bench's jigsaw-unintended-bias grader: predictions, toxicity and identities binarised with `1 if x >= 0.5 else 0` (NaN → 0), 1 + 3G scikit-learn 1.5 `roc_auc_score` calls (a single-class subset raises), power means with Python's left-to-right `sum`, and 0.25 weights. Kaggle's own metric uses the raw predictions (`binarizePredictions: false`).",
  since: "0.1.0",
  evaluate: (
    { yTrue, yScore, identities }: { yTrue: ArrayLike<number>; yScore: ArrayLike<number>; identities: Record<string, ArrayLike<number>> },
    options: z.infer<typeof optionsSchema>,
  ) => biasAuc(yTrue, yScore, identities, options),
});
