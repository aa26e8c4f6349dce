/**
 * Generators for the probabilistic input kinds (log loss, KL divergence, weighted log loss, pF1),
 * merged into KINDS by `arbitraries.ts`. Rows of probabilities are drawn as positive weights and
 * normalised, so they sum to 1 up to rounding.
 */
import fc from "fast-check";
import type { MetricInputKind } from "../../metrics/_define.js";
import type { KindSpec } from "./arbitraries.js";

const unit = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });
const weight = fc.double({ min: 1e-6, max: 1, noNaN: true, noDefaultInfinity: true });

function normalised(row: number[]): number[] {
  const total = row.reduce((a, b) => a + b, 0);
  return row.map((v) => v / total);
}

/** n rows of k-class distributions. */
function distributions(n: number, k: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(weight, { minLength: k, maxLength: k }).map(normalised), { minLength: n, maxLength: n });
}

/** One-hot rows over k classes. */
function oneHot(n: number, k: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }).map((labels) => labels.map((c) => Array.from({ length: k }, (_, j) => (j === c ? 1 : 0))));
}

/** 0/1 labels that always hold both classes (the first two rows are 0 and 1). */
function binaryLabels(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n - 2, maxLength: n - 2 }).map((rest) => [0, 1, ...rest]);
}

const sizes = fc.record({ n: fc.integer({ min: 2, max: 40 }), k: fc.integer({ min: 2, max: 6 }) });

export const PROBABILITY_KINDS: Partial<Record<MetricInputKind, KindSpec>> = {
  "binary-probabilities": {
    arbitrary: fc.integer({ min: 2, max: 60 }).chain((n) => fc.record({ yTrue: binaryLabels(n), yProb: fc.array(unit, { minLength: n, maxLength: n }) })),
    truthKey: "yTrue",
    predictionKey: "yProb",
    rowKeys: ["yTrue", "yProb"],
  },
  "class-probabilities": {
    arbitrary: sizes.chain(({ n, k }) => fc.record({ yTrue: oneHot(n, k), yProb: distributions(n, k) })),
    truthKey: "yTrue",
    predictionKey: "yProb",
    rowKeys: ["yTrue", "yProb"],
  },
  "multilabel-probabilities": {
    arbitrary: sizes.chain(({ n, k }) =>
      fc.record({
        yTrue: fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
        yProb: fc.array(fc.array(unit, { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
      }),
    ),
    truthKey: "yTrue",
    predictionKey: "yProb",
    rowKeys: ["yTrue", "yProb"],
  },
  distributions: {
    arbitrary: sizes.chain(({ n, k }) => fc.record({ yTrue: distributions(n, k), yPred: distributions(n, k) })),
    truthKey: "yTrue",
    predictionKey: "yPred",
    rowKeys: ["yTrue", "yPred"],
  },
};
