import * as z from "zod/mini";
import { MetricError } from "../src/errors.js";
import { defineMetric } from "./_define.js";
import { checkClassificationTargets, encodeLabels, type Label, type LabelArray } from "./_labels.js";

/**
 * Micro-averaged F1 of single-label predictions: true positives, false positives and false
 * negatives pooled over all classes. With one label per row this equals accuracy.
 *
 * Formula: `F1_micro = 2·ΣTP / (2·ΣTP + ΣFP + ΣFN)`; with single labels each wrong row is one FP
 * and one FN, so `F1_micro = correct / n`. Direction: higher is better, range [0, 1].
 *
 * Edge cases: no rows returns 0 (scikit-learn's zero_division); text labels against numbers throw
 * LABEL_TYPE_MISMATCH (scikit-learn: "Mix of label input types"); non-integer float labels throw
 * NON_INTEGER; NaN among labels throws MISSING_VALUE.
 *
 * @see https://scikit-learn.org/1.5/modules/model_evaluation.html#precision-recall-f-measure-metrics
 * @see docs/metrics/micro-f1.md
 * @throws MetricError LABEL_TYPE_MISMATCH, NON_INTEGER, MISSING_VALUE, ROW_COUNT_MISMATCH
 */
export function microF1(yTrue: LabelArray, yPred: LabelArray): number {
  checkClassificationTargets(yTrue, yPred);
  const { trueCodes, predCodes } = encodeLabels(yTrue, yPred);
  let correct = 0;
  for (let i = 0; i < trueCodes.length; i++) if (trueCodes[i] === predCodes[i]) correct++;
  const wrong = trueCodes.length - correct;
  return f1FromCounts(correct, wrong, wrong);
}

/**
 * 2·TP / (2·TP + FP + FN) from integer counts (exact up to 2^53, so the quotient is correctly
 * rounded, as scikit-learn ≥ 1.4 computes it); 0 when nothing is true or predicted.
 */
function f1FromCounts(tp: number, fp: number, fn: number): number {
  const denominator = 2 * tp + fp + fn;
  return denominator === 0 ? 0 : (2 * tp) / denominator;
}

export interface MicroF1LabelSetsOptions {
  /**
   * The label vocabulary (scikit-learn's `MultiLabelBinarizer(classes=…)`): labels outside it are
   * ignored on both sides. Null: every label counts.
   */
  classes?: readonly Label[] | null;
}

/** Python equality for set members: True == 1, False == 0. */
function memberKey(label: Label): string | number {
  return typeof label === "boolean" ? Number(label) : label;
}

/**
 * Micro-averaged F1 of multi-label predictions given as label sets: every (row, label) cell counts,
 * and the counts are pooled over rows and labels.
 *
 * Formula: `F1_micro = 2·Σ|T_i ∩ P_i| / (Σ|T_i| + Σ|P_i|)` over the sets restricted to the
 * vocabulary. Direction: higher is better, range [0, 1].
 *
 * Edge cases: a label repeated within a row counts once; with `classes`, labels outside the
 * vocabulary are dropped (not counted as false positives); nothing true and nothing predicted
 * gives 0; inputs of different lengths throw ROW_COUNT_MISMATCH.
 *
 * @throws MetricError ROW_COUNT_MISMATCH, MALFORMED_PREDICTION
 */
export function microF1LabelSets(yTrue: ArrayLike<ArrayLike<Label>>, yPred: ArrayLike<ArrayLike<Label>>, options: MicroF1LabelSetsOptions = {}): number {
  if (yTrue.length !== yPred.length) {
    throw new MetricError("ROW_COUNT_MISMATCH", `expected label sets for ${yTrue.length} rows, got ${yPred.length}`);
  }
  const vocabulary = options.classes ? new Set(options.classes.map(memberKey)) : null;
  const keep = (label: Label) => vocabulary === null || vocabulary.has(memberKey(label));
  let tp = 0;
  let trueCount = 0;
  let predCount = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const truth = new Set<string | number>();
    for (const label of labelsAt(yTrue, i, "y_true")) if (keep(label)) truth.add(memberKey(label));
    const predicted = new Set<string | number>();
    for (const label of labelsAt(yPred, i, "y_pred")) if (keep(label)) predicted.add(memberKey(label));
    trueCount += truth.size;
    predCount += predicted.size;
    for (const label of predicted) if (truth.has(label)) tp++;
  }
  return f1FromCounts(tp, predCount - tp, trueCount - tp);
}

function labelsAt(rows: ArrayLike<ArrayLike<Label>>, i: number, role: string): Label[] {
  const row: unknown = rows[i];
  if (row instanceof Set) return [...(row as Set<Label>)];
  if (row !== null && typeof row === "object" && typeof (row as ArrayLike<Label>).length === "number") return Array.from(row as ArrayLike<Label>);
  throw new MetricError("MALFORMED_PREDICTION", `${role} row ${i + 1}: expected a list of labels, got ${typeof row === "number" && Number.isNaN(row) ? "a missing value (NaN)" : typeof row}`);
}

type MicroF1Input = { yTrue: LabelArray; yPred: LabelArray } | { yTrue: ArrayLike<ArrayLike<Label>>; yPred: ArrayLike<ArrayLike<Label>> };

function isLabelSets(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value instanceof Set || Array.isArray(value) || ArrayBuffer.isView(value)) return true;
  }
  return false;
}

export const microF1Metric = defineMetric({
  id: "micro-f1",
  aliases: ["micro-f1-score", "f1-micro"],
  title: "Micro-averaged F1",
  description: "F1 with true positives, false positives and false negatives pooled over all classes: equals accuracy for single labels; for label sets, every (row, label) cell counts.",
  direction: "maximize",
  range: [0, 1],
  inputKind: "labels",
  options: z.strictObject({
    classes: z
      ._default(z.nullable(z.array(z.union([z.string(), z.number(), z.boolean()]))), null)
      .check(z.describe("label sets only: the vocabulary (MultiLabelBinarizer classes); labels outside it are ignored on both sides. Null: every label counts")),
  }),
  formula: {
    latex: String.raw`F_1^{\mathrm{micro}} = \frac{2\sum_c TP_c}{2\sum_c TP_c + \sum_c FP_c + \sum_c FN_c}`,
    text: "Twice the pooled true positives over twice the pooled true positives plus the pooled false positives and false negatives. With one label per row: the fraction of rows predicted exactly. With label sets: 2·|shared labels| / (|true labels| + |predicted labels|), summed over rows.",
  },
  edgeCases: [
    { when: "single labels", then: "equals accuracy (each wrong row is one false positive and one false negative)" },
    { when: "nothing true and nothing predicted (or no rows)", then: "returns 0 (scikit-learn's zero_division default)" },
    { when: "single labels: text against numbers", then: "throws LABEL_TYPE_MISMATCH (scikit-learn: mix of label input types)" },
    { when: "single labels: non-integer floats or NaN", then: "throws NON_INTEGER / MISSING_VALUE" },
    { when: "label sets with classes", then: "labels outside the vocabulary are dropped, not counted as false positives" },
    { when: "a label repeated within a row", then: "counts once" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "scikit-learn user guide: precision, recall and F-measures", url: "https://scikit-learn.org/1.5/modules/model_evaluation.html#precision-recall-f-measure-metrics" },
    { title: "scikit-learn MultiLabelBinarizer", url: "https://scikit-learn.org/1.5/modules/generated/sklearn.preprocessing.MultiLabelBinarizer.html" },
  ],
  examples: [
    { input: { yTrue: ["a", "b", "c", "a"], yPred: ["a", "c", "c", "a"] }, output: 0.75, note: "single labels: accuracy" },
    { input: { yTrue: [["a", "b"], ["c"]], yPred: [["a"], ["c", "d"]] }, output: 4 / 6, note: "label sets: 2·2 / (3 + 3)" },
    { input: { yTrue: [["a", "b"], ["c"]], yPred: [["a"], ["c", "d"]] }, options: { classes: ["a", "b", "c"] }, output: 0.8, note: "d is outside the vocabulary and ignored" },
    { input: { yTrue: ["a", "b"], yPred: [1, 2] }, output: { throws: "LABEL_TYPE_MISMATCH" } },
  ],
  compat:
    "Reproduces scikit-learn 1.5 `f1_score(average='micro')`: on 1-D labels with `_check_targets` and `unique_labels` (a text/number mix raises, unlike accuracy_score); on MultiLabelBinarizer indicator matrices built with a fixed `classes` list (facebook-recruiting-iii, imet-2020, plant-pathology-2021). The F-score is 2TP/(2TP+FP+FN) from exact counts, as scikit-learn ≥ 1.4 computes it (1.2 went through precision and recall and can differ in the last bit).",
  since: "0.1.0",
  evaluate: (input: MicroF1Input, { classes }: { classes: Label[] | null }) =>
    isLabelSets(input.yTrue) || isLabelSets(input.yPred)
      ? microF1LabelSets(input.yTrue as ArrayLike<ArrayLike<Label>>, input.yPred as ArrayLike<ArrayLike<Label>>, { classes })
      : microF1(input.yTrue as LabelArray, input.yPred as LabelArray),
});
