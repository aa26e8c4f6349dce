import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { defineMetric } from "./_define.js";

export interface ProbabilisticF1Options {
  /** Weight of recall relative to precision (F1: beta = 1). */
  beta?: number;
}

/**
 * Probabilistic F-beta score (pF1 for beta = 1), as Kaggle's reference implementation computes it
 * (RSNA screening mammography breast cancer detection).
 *
 * Formula: with p_i = min(max(ŷ_i, 0), 1), pTP = Σ_{y_i true} p_i and pFP = Σ_{y_i false} p_i,
 * `pPrecision = pTP / (pTP + pFP)`, `pRecall = pTP / #positives`,
 * `pFβ = (1 + β²)·pPrecision·pRecall / (β²·pPrecision + pRecall)` when both are positive, else 0.
 * Direction: higher is better, range [0, 1].
 *
 * Edge cases: the clipping follows Python's `min`/`max`, which pass NaN through, so one NaN
 * prediction makes the sums NaN and the score 0; no positive label throws UNDEFINED_METRIC (the
 * reference divides the integer 0 by 0); every prediction negative (all clipped to 0) throws
 * UNDEFINED_METRIC for the same reason, while all-zero predictions score 0. A label counts as
 * positive when it is truthy in Python (non-zero; NaN counts as positive).
 *
 * @see https://www.kaggle.com/code/sohier/probabilistic-f-score
 * @see docs/metrics/probabilistic-f1.md
 * @throws MetricError ROW_COUNT_MISMATCH, UNDEFINED_METRIC
 */
export function probabilisticF1(yTrue: ArrayLike<number | boolean>, yProb: ArrayLike<number>, options: ProbabilisticF1Options = {}): number {
  if (yTrue.length !== yProb.length) throw new MetricError("ROW_COUNT_MISMATCH", `expected ${yTrue.length} predictions, got ${yProb.length}`);
  const beta = options.beta ?? 1;
  let positives = 0;
  let ctp = 0;
  let cfp = 0;
  // Python's max(x, 0) and min(x, 1) return numpy scalars when x is within [0, 1] (or NaN) and the
  // Python ints 0 / 1 otherwise; only all-int sums make a zero denominator raise.
  let numpyTyped = false;
  for (let i = 0; i < yTrue.length; i++) {
    let p = yProb[i]!;
    if (0 > p) p = 0;
    else if (1 < p) p = 1;
    else numpyTyped = true;
    const label = yTrue[i]!;
    if (label !== 0 && label !== false) {
      positives++;
      ctp += p;
    } else {
      cfp += p;
    }
  }
  if (positives === 0) throw new MetricError("UNDEFINED_METRIC", "probabilistic F1 needs at least one positive label, got none");
  if (ctp + cfp === 0 && !numpyTyped) {
    throw new MetricError("UNDEFINED_METRIC", "every prediction is below 0, so precision is 0/0 (the reference implementation raises ZeroDivisionError)");
  }
  const betaSquared = beta * beta;
  const precision = ctp / (ctp + cfp);
  const recall = ctp / positives;
  if (precision > 0 && recall > 0) return ((1 + betaSquared) * (precision * recall)) / (betaSquared * precision + recall);
  return 0;
}

export const probabilisticF1Metric = defineMetric({
  id: "probabilistic-f1",
  aliases: ["probabilistic-f1-score", "pf1", "pfbeta"],
  title: "Probabilistic F1 (pF-beta)",
  description: "F-beta score computed from probabilities: expected true and false positives are the sums of the clipped predictions over positive and negative rows.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "binary-probabilities",
  options: z.strictObject({
    beta: z._default(z.number().check(z.positive()), 1).check(z.describe("weight of recall relative to precision; 1 gives pF1")),
  }),
  formula: {
    latex: String.raw`pF_\beta = \frac{(1+\beta^2)\,pP\cdot pR}{\beta^2\,pP + pR},\quad pP = \frac{\sum_{y_i=1} p_i}{\sum_i p_i},\quad pR = \frac{\sum_{y_i=1} p_i}{\#\{i: y_i = 1\}},\quad p_i = \min(\max(\hat y_i, 0), 1)`,
    text: "Predictions are clipped to [0, 1]; their sum over positive rows is the probabilistic true-positive count, over negative rows the false-positive count; precision, recall and F-beta follow as usual, and the score is 0 unless both are positive.",
  },
  edgeCases: [
    { when: "a NaN prediction", then: "returns 0: Python's min/max pass NaN through, the sums become NaN and NaN > 0 is false" },
    { when: "predictions outside [0, 1]", then: "clipped to [0, 1]" },
    { when: "no positive label", then: "throws UNDEFINED_METRIC (the reference raises ZeroDivisionError)" },
    { when: "every prediction is 0", then: "returns 0" },
    { when: "every prediction is negative", then: "throws UNDEFINED_METRIC (the clipped values are Python ints and 0/0 raises)" },
    { when: "a NaN label", then: "counts as positive (NaN is truthy in Python)" },
  ],
  properties: { symmetric: false, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Kaggle: probabilistic F score (reference implementation)", url: "https://www.kaggle.com/code/sohier/probabilistic-f-score" },
    { title: "Probabilistic Extension of Precision, Recall, and F1 Score for More Thorough Evaluation of Classification Models", authors: "Reda Yacouby, Dustin Axman", year: 2020, url: "https://aclanthology.org/2020.eval4nlp-1.9.pdf" },
  ],
  examples: [
    { input: { yTrue: [1, 0, 1, 0], yProb: [0.9, 0.2, 0.6, 0.1] }, output: (2 * (1.5 / 1.8) * (1.5 / 2)) / (1.5 / 1.8 + 1.5 / 2) },
    { input: { yTrue: [1, 0], yProb: [1, 0] }, output: 1, note: "perfect" },
    { input: { yTrue: [1, 0], yProb: [0.9, NaN] }, output: 0, note: "one NaN makes the score 0" },
    { input: { yTrue: [1, 0], yProb: [1.7, -3] }, output: 1, note: "clipped to [0, 1]" },
    { input: { yTrue: [0, 0], yProb: [0.5, 0.5] }, output: { throws: "UNDEFINED_METRIC" }, note: "no positive label" },
  ],
  compat:
    "Reproduces MLE-bench's rsna-breast-cancer-detection grader, which vendors Kaggle's `pfbeta`: a Python loop with `min(max(p, 0), 1)`, left-to-right sums, and the ZeroDivisionError cases (no positive label; all predictions negative) reported as errors.",
  since: "0.1.0",
  evaluate: ({ yTrue, yProb }: { yTrue: ArrayLike<number | boolean>; yProb: ArrayLike<number> }, options: { beta: number }) => probabilisticF1(yTrue, yProb, options),
});
