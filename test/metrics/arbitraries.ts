/**
 * Random valid inputs per metric input kind, for the registry-wide invariance tests. A kind lists
 * which inputs hold the truth and the prediction (for symmetry and f(y, y)), which inputs are
 * row-aligned arrays (permuted together for order invariance), and which holds scores (for
 * monotone-transform invariance). Add a kind here when a metric introduces one.
 */
import fc from "fast-check";
import type { MetricInputKind } from "../../metrics/_define.js";
import { PROBABILITY_KINDS } from "./arbitraries-probabilities.js";
import { SCORE_KINDS } from "./arbitraries-scores.js";

export interface KindSpec {
  arbitrary: fc.Arbitrary<Record<string, unknown>>;
  truthKey: string;
  predictionKey: string;
  /** Inputs that are arrays of one entry per row. */
  rowKeys: string[];
  /** The input holding real-valued scores, where a monotone transform applies. */
  scoreKey?: string;
  /** Makes the prediction equal the truth (defaults to copying truthKey into predictionKey). */
  perfect?: (input: Record<string, unknown>) => Record<string, unknown>;
}

const finite = (min = -1e6, max = 1e6) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Pairs of same-length arrays. */
function paired<T>(item: fc.Arbitrary<T>, minLength = 1, maxLength = 60): fc.Arbitrary<[T[], T[]]> {
  return fc.integer({ min: minLength, max: maxLength }).chain((n) => fc.tuple(fc.array(item, { minLength: n, maxLength: n }), fc.array(item, { minLength: n, maxLength: n })));
}

/** Flat 0/1 masks of one pixel count; sparse, dense and empty masks all occur. */
function mask(pixels: number): fc.Arbitrary<number[]> {
  return fc.oneof(
    fc.constant(new Array<number>(pixels).fill(0)),
    fc.array(fc.integer({ min: 0, max: 1 }), { minLength: pixels, maxLength: pixels }),
    fc.array(fc.constantFrom(0, 0, 0, 0, 1), { minLength: pixels, maxLength: pixels }),
  );
}

export const KINDS: Partial<Record<MetricInputKind, KindSpec>> = {
  masks: {
    arbitrary: fc
      .record({ n: fc.integer({ min: 1, max: 12 }), pixels: fc.integer({ min: 1, max: 40 }) })
      .chain(({ n, pixels }) => fc.record({ yTrue: fc.array(mask(pixels), { minLength: n, maxLength: n }), yPred: fc.array(mask(pixels), { minLength: n, maxLength: n }) })),
    truthKey: "yTrue",
    predictionKey: "yPred",
    rowKeys: ["yTrue", "yPred"],
  },
  ...PROBABILITY_KINDS,
  ...SCORE_KINDS,
  labels: {
    arbitrary: paired(fc.integer({ min: 0, max: 4 })).map(([yTrue, yPred]) => ({ yTrue, yPred })),
    truthKey: "yTrue",
    predictionKey: "yPred",
    rowKeys: ["yTrue", "yPred"],
  },
  regression: {
    arbitrary: paired(finite()).map(([yTrue, yPred]) => ({ yTrue, yPred })),
    truthKey: "yTrue",
    predictionKey: "yPred",
    rowKeys: ["yTrue", "yPred"],
  },
  "grouped-regression": {
    arbitrary: fc.integer({ min: 1, max: 60 }).chain((n) =>
      fc.record({
        yTrue: fc.array(finite(), { minLength: n, maxLength: n }),
        yPred: fc.array(finite(), { minLength: n, maxLength: n }),
        groups: fc.array(fc.constantFrom("a", "b", "c"), { minLength: n, maxLength: n }),
      }),
    ),
    truthKey: "yTrue",
    predictionKey: "yPred",
    rowKeys: ["yTrue", "yPred", "groups"],
  },
  sequences: {
    // Texts of one to five words (so every row has a word), with case and Unicode variety.
    arbitrary: paired(fc.array(fc.constantFrom("a", "b", "ab", "B", "Ab", "ß", "ΣΑΣ", "😀", "x\u00a0y"), { minLength: 1, maxLength: 5 }).map((words) => words.join(" "))).map(
      ([yTrue, yPred]) => ({ yTrue, yPred }),
    ),
    truthKey: "yTrue",
    predictionKey: "yPred",
    rowKeys: ["yTrue", "yPred"],
  },
  "ranked-lists": {
    arbitrary: paired(fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), { minLength: 1, maxLength: 8 })).map(([actual, predicted]) => ({ actual, predicted })),
    truthKey: "actual",
    predictionKey: "predicted",
    rowKeys: ["actual", "predicted"],
    perfect: (input) => ({ ...input, predicted: (input.actual as string[][]).map((items) => [...new Set(items)]) }),
  },
  "multilabel-scores": {
    arbitrary: fc.record({ n: fc.integer({ min: 1, max: 30 }), labels: fc.integer({ min: 1, max: 6 }) }).chain(({ n, labels }) =>
      fc.record({
        yTrue: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: labels, maxLength: labels }), { minLength: n, maxLength: n }),
        // Few distinct values, so ties are common.
        yScore: fc.array(fc.array(fc.constantFrom(-1, 0, 0.25, 0.5, 0.75, 1, 3), { minLength: labels, maxLength: labels }), { minLength: n, maxLength: n }),
      }),
    ),
    truthKey: "yTrue",
    predictionKey: "yScore",
    rowKeys: ["yTrue", "yScore"],
  },
  "multioutput-regression": {
    // Row-major matrices: n rows of k values each.
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }))
      .chain(([n, k]) => {
        const matrix = fc.array(fc.array(finite(), { minLength: k, maxLength: k }), { minLength: n, maxLength: n });
        return fc.record({ yTrue: matrix, yPred: matrix });
      }),
    truthKey: "yTrue",
    predictionKey: "yPred",
    rowKeys: ["yTrue", "yPred"],
  },
  // Ground-truth and predicted boxes on a few images, as flat arrays: boxes are
  // [x0, y0, x0 + w, y0 + h] with w, h > 0, which reads as valid xyxy and as valid xywh boxes.
  // Truth and predictions have different lengths, so there are no row-aligned inputs to permute.
  // Scores are multiples of 0.001 so that the monotone transform cannot merge two of them.
  detections: {
    arbitrary: fc.record({ truth: fc.array(labelledBox(), { minLength: 1, maxLength: 12 }), pred: fc.array(fc.tuple(labelledBox(), fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000)), { maxLength: 16 }) }).map(({ truth, pred }) => ({
      truthImage: truth.map((b) => b.image),
      truthLabel: truth.map((b) => b.label),
      truthBoxes: truth.flatMap((b) => b.box),
      predImage: pred.map(([b]) => b.image),
      predLabel: pred.map(([b]) => b.label),
      predBoxes: pred.flatMap(([b]) => b.box),
      predScore: pred.map(([, score]) => score),
    })),
    truthKey: "truthBoxes",
    predictionKey: "predBoxes",
    rowKeys: [],
    scoreKey: "predScore",
    perfect: (input) => {
      const n = (input.truthImage as number[]).length;
      return { ...input, predImage: input.truthImage, predLabel: input.truthLabel, predBoxes: input.truthBoxes, predScore: Array.from({ length: n }, (_, i) => (i + 1) / n) };
    },
  },
};

function labelledBox(): fc.Arbitrary<{ image: number; label: number; box: number[] }> {
  const coordinate = fc.double({ min: 0, max: 100, noNaN: true });
  const side = fc.double({ min: 0.5, max: 40, noNaN: true });
  return fc.record({ image: fc.integer({ min: 0, max: 2 }), label: fc.integer({ min: 0, max: 2 }), x: coordinate, y: coordinate, w: side, h: side }).map(({ image, label, x, y, w, h }) => ({
    image,
    label,
    box: [x, y, x + w, y + h],
  }));
}
