import * as z from "zod/mini";
import { MetricError, OptionsError } from "../src/errors.js";
import { numpySum, pairwiseSum } from "../src/_internal/numeric.js";
import { defineMetric } from "./_define.js";

export interface LabelRankingAveragePrecisionOptions {
  /** Weight of each row (scikit-learn's `sample_weight`); defaults to 1 each. */
  sampleWeight?: ArrayLike<number> | null;
  /**
   * Label-weighted LRAP (lwlrap, Freesound Audio Tagging): rows without a positive label are left
   * out and every other row is weighted by its number of positive labels, so each positive label
   * counts equally. Cannot be combined with `sampleWeight`.
   */
  labelWeighted?: boolean;
}

/**
 * Label ranking average precision (LRAP): for each row and each of its positive labels, the share
 * of positive labels among the labels scored at least as high; averaged over the row's positives,
 * then over rows (optionally weighted).
 *
 * Formula: `LRAP = Σ_i w_i·(1/|Y_i|) Σ_{j∈Y_i} |{k∈Y_i : s_ik ≥ s_ij}| / |{k : s_ik ≥ s_ij}|  /  Σ_i w_i`.
 * Ties count against the prediction (a label tied with a negative is ranked below it).
 * Direction: higher is better, range [0, 1].
 *
 * Edge cases: a row whose labels are all positive or all negative scores 1 (scikit-learn's rule;
 * `labelWeighted` drops rows without positives first); NaN scores throw MISSING_VALUE and infinite
 * ones NON_FINITE (scikit-learn's input check); true labels other than 0/1 throw OUT_OF_RANGE;
 * no rows throw UNDEFINED_METRIC; rows of different widths throw ROW_COUNT_MISMATCH.
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#label-ranking-average-precision
 * @see docs/metrics/label-ranking-average-precision.md
 * @throws MetricError MISSING_VALUE, NON_FINITE, OUT_OF_RANGE, UNDEFINED_METRIC, ROW_COUNT_MISMATCH
 */
export function labelRankingAveragePrecision(
  yTrue: ArrayLike<ArrayLike<number | boolean>>,
  yScore: ArrayLike<ArrayLike<number>>,
  options: LabelRankingAveragePrecisionOptions = {},
): number {
  if (yTrue.length !== yScore.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected scores for ${yTrue.length} rows, got ${yScore.length}`);
  }
  const { sampleWeight, labelWeighted = false } = options;
  if (labelWeighted && sampleWeight) throw new OptionsError("labelWeighted sets the row weights itself: expected no sampleWeight, got one");
  if (sampleWeight && sampleWeight.length !== yTrue.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} sample weights, got ${sampleWeight.length}`);
  }
  const width = yTrue.length > 0 ? yTrue[0]!.length : 0;
  // Rows kept (all, or those with a positive label) and their weights.
  const rows: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < yTrue.length; i++) {
    const truth = yTrue[i]!;
    const scores = yScore[i]!;
    if (truth.length !== width || scores.length !== width) {
      throw new MetricError("ROW_COUNT_MISMATCH", `row ${i + 1}: expected ${width} labels and scores, got ${truth.length} labels and ${scores.length} scores`);
    }
    let positives = 0;
    for (let j = 0; j < width; j++) {
      const label = truth[j]!;
      if (label === true || label === 1) positives++;
      else if (label !== false && label !== 0) throw new MetricError("OUT_OF_RANGE", `y_true row ${i + 1}, label ${j + 1}: expected 0 or 1, got ${label}`);
    }
    if (labelWeighted && positives === 0) continue;
    rows.push(i);
    weights.push(labelWeighted ? positives : sampleWeight ? sampleWeight[i]! : 1);
  }
  for (const i of rows) {
    const scores = yScore[i]!;
    for (let j = 0; j < width; j++) {
      const s = scores[j]!;
      if (!Number.isFinite(s)) {
        throw new MetricError(Number.isNaN(s) ? "MISSING_VALUE" : "NON_FINITE", `y_score row ${i + 1}, label ${j + 1}: expected a finite score, got ${s}`);
      }
    }
  }
  if (rows.length === 0) throw new MetricError("UNDEFINED_METRIC", "expected at least one row to rank, got none");

  const ratios = new Float64Array(width);
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const truth = yTrue[i]!;
    const scores = yScore[i]!;
    let relevant = 0;
    for (let j = 0; j < width; j++) if (truth[j] === true || truth[j] === 1) relevant++;
    let aux = 1;
    if (relevant > 0 && relevant < width) {
      // For each positive j (in column order): L = positives scored ≥ s_j, rank = labels scored ≥ s_j.
      let count = 0;
      for (let j = 0; j < width; j++) {
        if (truth[j] !== true && truth[j] !== 1) continue;
        const s = scores[j]!;
        let rank = 0;
        let above = 0;
        for (let l = 0; l < width; l++) {
          if (scores[l]! >= s) {
            rank++;
            if (truth[l] === true || truth[l] === 1) above++;
          }
        }
        ratios[count++] = above / rank;
      }
      aux = pairwiseSum(ratios, 0, count) / count;
    }
    // scikit-learn multiplies only when weights are given; a factor of 1 changes nothing.
    total += aux * weights[r]!;
  }
  return total / numpySum(weights);
}

export const labelRankingAveragePrecisionMetric = defineMetric({
  id: "label-ranking-average-precision",
  aliases: ["lrap", "lwlrap", "label-ranking-average-precision-score"],
  title: "Label ranking average precision (LRAP)",
  description: "For each positive label of a row, the fraction of labels ranked at or above it that are positive; averaged over the row's positive labels and then over rows, optionally weighted (lwlrap weights rows by their number of positive labels).",
  direction: "maximize",
  range: [0, 1],
  inputKind: "multilabel-scores",
  options: z.strictObject({
    labelWeighted: z
      ._default(z.boolean(), false)
      .check(z.describe("lwlrap: drop rows without positive labels and weight each row by its number of positive labels (Freesound Audio Tagging 2019)")),
  }),
  formula: {
    latex: String.raw`\frac{\sum_i w_i \frac{1}{|Y_i|}\sum_{j \in Y_i} \frac{|\{k \in Y_i : s_{ik} \ge s_{ij}\}|}{|\{k : s_{ik} \ge s_{ij}\}|}}{\sum_i w_i}`,
    text: "For each row i with positive labels Y_i and each j in Y_i: the number of positive labels scored at least s_ij over the number of labels scored at least s_ij. Average over Y_i, then take the weighted mean over rows.",
  },
  edgeCases: [
    { when: "a row with all labels positive, or none", then: "scores 1 (scikit-learn's convention); with labelWeighted, rows without positives are dropped instead" },
    { when: "tied scores", then: "count against the prediction: a positive tied with a negative is ranked below it" },
    { when: "NaN or infinite scores", then: "throws MISSING_VALUE / NON_FINITE (scikit-learn's check_array)" },
    { when: "a true label other than 0/1", then: "throws OUT_OF_RANGE" },
    { when: "no rows (or, with labelWeighted, no positive label anywhere)", then: "throws UNDEFINED_METRIC" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: true },
  references: [
    { title: "scikit-learn user guide: label ranking average precision", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#label-ranking-average-precision" },
    { title: "Freesound Audio Tagging 2019: evaluation (lwlrap)", url: "https://www.kaggle.com/competitions/freesound-audio-tagging-2019/overview/evaluation" },
    { title: "Tsoumakas, Katakis and Vlahavas, Mining multi-label data (2010)", authors: "Grigorios Tsoumakas, Ioannis Katakis, Ioannis Vlahavas", year: 2010, url: "https://link.springer.com/chapter/10.1007/978-0-387-09823-4_34" },
  ],
  examples: [
    { input: { yTrue: [[1, 0, 0], [0, 0, 1]], yScore: [[0.75, 0.5, 1], [1, 0.2, 0.1]] }, output: 5 / 12, note: "scikit-learn's documented example" },
    { input: { yTrue: [[1, 0], [1, 1]], yScore: [[0.5, 0.5], [0.1, 0.9]] }, output: 0.75, note: "a tie ranks the positive below the negative; an all-positive row scores 1" },
    { input: { yTrue: [[1, 0, 1], [0, 0, 0]], yScore: [[0.9, 0.8, 0.1], [0.1, 0.2, 0.3]] }, options: { labelWeighted: true }, output: (1 + 2 / 3) / 2, note: "lwlrap drops the row without positives" },
    { input: { yTrue: [[1, 0]], yScore: [[NaN, 0]] }, output: { throws: "MISSING_VALUE" } },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `label_ranking_average_precision_score` (ranks by `rankdata(-s, 'max')`, the per-row mean with numpy's summation, left-to-right accumulation over rows, division by the summed weights). With labelWeighted it is the lwlrap of Freesound's reference notebook, which MLE-bench's freesound-audio-tagging-2019 grader calls.",
  since: "0.1.0",
  evaluate: (
    { yTrue, yScore, sampleWeight }: { yTrue: ArrayLike<ArrayLike<number | boolean>>; yScore: ArrayLike<ArrayLike<number>>; sampleWeight?: ArrayLike<number> },
    { labelWeighted }: { labelWeighted: boolean },
  ) => labelRankingAveragePrecision(yTrue, yScore, { sampleWeight, labelWeighted }),
});
