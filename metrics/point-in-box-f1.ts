import { MetricError } from "../src/errors.js";
import { defineMetric, noOptions } from "./_define.js";

/** Labelled ground-truth boxes `[x, y, width, height]`, one entry per box, grouped by page. */
export interface PageBoxes {
  /** Page index of each box. */
  page: ArrayLike<number>;
  label: ArrayLike<string>;
  /** `[x, y, width, height]` of each box, flattened (4 numbers per box). */
  boxes: ArrayLike<number>;
}

/** Labelled predicted points `[x, y]`, one entry per point. */
export interface PagePoints {
  page: ArrayLike<number>;
  label: ArrayLike<string>;
  /** `[x, y]` of each point, flattened (2 numbers per point). */
  points: ArrayLike<number>;
}

/** True positives, false positives and false negatives of {@link pointInBoxCounts}. */
export interface DetectionCounts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Point-in-box F1 (Kuzushiji Recognition): micro F1 over all pages of the matching described in
 * {@link pointInBoxCounts}. `F1 = 2PR / (P + R)` with `P = TP / (TP + FP)` and
 * `R = TP / (TP + FN)`; 0 when there is no prediction, no ground truth or no true positive.
 *
 * Direction: higher is better, in [0, 1].
 *
 * @see https://www.kaggle.com/competitions/kuzushiji-recognition/overview/evaluation
 * @see docs/metrics/point-in-box-f1.md
 * @throws MetricError ROW_COUNT_MISMATCH when the input arrays disagree in length
 */
export function pointInBoxF1(truth: PageBoxes, predictions: PagePoints): number {
  return f1FromCounts(pointInBoxCounts(truth, predictions));
}

/**
 * Matches predicted points to ground-truth boxes page by page, as Kaggle's Kuzushiji metric does:
 * each box, in order, takes the lowest-index unused point of its page that has the same label and
 * lies strictly inside it (`x < px < x + width`, `y < py < y + height`); a box without one is a
 * false negative, and the points left unused are false positives.
 */
export function pointInBoxCounts(truth: PageBoxes, predictions: PagePoints): DetectionCounts {
  const g = truth.page.length;
  const p = predictions.page.length;
  if (truth.label.length !== g || truth.boxes.length !== 4 * g) {
    throw new MetricError("ROW_COUNT_MISMATCH", `truth: expected ${g} labels and ${4 * g} box numbers, got ${truth.label.length} and ${truth.boxes.length}`);
  }
  if (predictions.label.length !== p || predictions.points.length !== 2 * p) {
    throw new MetricError("ROW_COUNT_MISMATCH", `predictions: expected ${p} labels and ${2 * p} point coordinates, got ${predictions.label.length} and ${predictions.points.length}`);
  }
  // Candidate points by (page, label), in index order.
  const candidates = new Map<number, Map<string, number[]>>();
  for (let i = 0; i < p; i++) {
    const page = predictions.page[i]!;
    let byLabel = candidates.get(page);
    if (!byLabel) candidates.set(page, (byLabel = new Map()));
    const label = predictions.label[i]!;
    const list = byLabel.get(label);
    if (list) list.push(i);
    else byLabel.set(label, [i]);
  }
  const used = new Uint8Array(p);
  const { boxes } = truth;
  const { points } = predictions;
  let tp = 0;
  for (let j = 0; j < g; j++) {
    const list = candidates.get(truth.page[j]!)?.get(truth.label[j]!);
    const xmin = boxes[4 * j]!;
    const ymin = boxes[4 * j + 1]!;
    const xmax = xmin + boxes[4 * j + 2]!;
    const ymax = ymin + boxes[4 * j + 3]!;
    if (list) {
      for (const i of list) {
        if (used[i]) continue;
        const x = points[2 * i]!;
        const y = points[2 * i + 1]!;
        if (xmin < x && xmax > x && ymin < y && ymax > y) {
          used[i] = 1;
          tp++;
          break;
        }
      }
    }
  }
  return { tp, fp: p - tp, fn: g - tp };
}

/** The Kuzushiji metric's F1 from pooled counts, in its order of operations. */
export function f1FromCounts({ tp, fp, fn }: DetectionCounts): number {
  if (tp + fp === 0 || tp + fn === 0) return 0;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return precision > 0 && recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export const pointInBoxF1Metric = defineMetric({
  id: "point-in-box-f1",
  aliases: ["kuzushiji-f1"],
  title: "Point-in-box F1",
  description:
    "Micro F1 of labelled points against labelled boxes: a point is a true positive when it lies strictly inside an unmatched box of the same label (Kuzushiji Recognition).",
  direction: "maximize",
  range: [0, 1],
  // Truth holds boxes and predictions hold points, so the shared generators do not apply; test/metrics/point-in-box-f1.test.ts has its own properties.
  inputKind: "custom",
  options: noOptions,
  formula: {
    latex: String.raw`F_1 = \frac{2PR}{P+R},\quad P = \frac{TP}{TP+FP},\quad R = \frac{TP}{TP+FN}`,
    text: "Each box, in order, takes the first unused point of its page with the same label strictly inside it (TP) or counts as a miss (FN); unused points are FP; counts are pooled over pages.",
  },
  edgeCases: [
    { when: "a point lies exactly on a box edge", then: "it is not inside (strict inequalities)" },
    { when: "several points fit a box", then: "the one listed first is used; the others stay available for later boxes" },
    { when: "no predictions or no ground truth at all", then: "returns 0" },
    { when: "no true positive", then: "returns 0" },
    { when: "a coordinate is NaN", then: "the point matches nothing" },
  ],
  properties: { symmetric: false, orderInvariant: false, bounded: true, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Kuzushiji Recognition: evaluation", authors: "Kaggle / CODH", year: 2019, url: "https://www.kaggle.com/competitions/kuzushiji-recognition/overview/evaluation" },
    { title: "Kuzushiji metric (Python port)", authors: "Sohier Dane", url: "https://gist.github.com/SohierDane/a90ef46d79808fe3afc70c80bae45972" },
  ],
  examples: [
    {
      input: {
        truthPage: [0, 0],
        truthLabel: ["U+3042", "U+3044"],
        truthBoxes: [0, 0, 10, 10, 20, 0, 10, 10],
        predPage: [0, 0, 0],
        predLabel: ["U+3042", "U+3044", "U+3044"],
        predPoints: [5, 5, 20, 5, 25, 5],
      },
      output: 0.8,
      note: "the point (20, 5) lies on the second box's edge, so only (25, 5) matches it: TP 2, FP 1, FN 0",
    },
  ],
  compat:
    "Reproduces MLE-bench's vendored `kuzushiji_metric.py` (Kaggle's Python port of the C# metric): strict inequalities, `xmax = x + width`, lowest-index candidate (`np.argmax` of the mask), counts pooled over pages.",
  since: "0.1.0",
  evaluate: (input: {
    truthPage: ArrayLike<number>;
    truthLabel: ArrayLike<string>;
    truthBoxes: ArrayLike<number>;
    predPage: ArrayLike<number>;
    predLabel: ArrayLike<string>;
    predPoints: ArrayLike<number>;
  }) =>
    pointInBoxF1(
      { page: input.truthPage, label: input.truthLabel, boxes: input.truthBoxes },
      { page: input.predPage, label: input.predLabel, points: input.predPoints },
    ),
});
