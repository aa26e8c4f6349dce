/**
 * Generator for the binary ranking kind (ROC AUC, weighted partial AUC), merged into KINDS by
 * `arbitraries.ts`. Scores lie on a grid of 0.01 steps: plenty of ties, and a strictly increasing
 * transform never merges two distinct scores (tiny doubles would collapse under atan).
 */
import fc from "fast-check";
import type { MetricInputKind } from "../../metrics/_define.js";
import type { KindSpec } from "./arbitraries.js";

const gridScore = fc.integer({ min: -300, max: 300 }).map((k) => k / 100);

export const SCORE_KINDS: Partial<Record<MetricInputKind, KindSpec>> = {
  "binary-scores": {
    // Both classes always occur (rows 0 and 1 are set; the order tests shuffle rows anyway).
    arbitrary: fc.integer({ min: 2, max: 60 }).chain((n) =>
      fc.record({
        yTrue: fc.array(fc.constantFrom(0, 1), { minLength: n - 2, maxLength: n - 2 }).map((rest) => [0, 1, ...rest]),
        yScore: fc.array(gridScore, { minLength: n, maxLength: n }),
      }),
    ),
    truthKey: "yTrue",
    predictionKey: "yScore",
    rowKeys: ["yTrue", "yScore"],
    scoreKey: "yScore",
  },
};
