/**
 * Random valid inputs per metric input kind, for the registry-wide invariance tests. A kind lists
 * which inputs hold the truth and the prediction (for symmetry and f(y, y)), which inputs are
 * row-aligned arrays (permuted together for order invariance), and which holds scores (for
 * monotone-transform invariance). Add a kind here when a metric introduces one.
 */
import fc from "fast-check";
import type { MetricInputKind } from "../../metrics/_define.js";

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
};
