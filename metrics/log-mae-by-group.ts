import * as z from "zod/mini";
import { numpyMean } from "../src/_internal/numeric.js";
import { compareCodePoints } from "../src/table/scalars.js";
import { defineMetric } from "./_define.js";
import { meanAbsoluteError } from "./mean-absolute-error.js";

export type GroupLabel = string | number | boolean;

export interface LogMaeByGroupOptions {
  /**
   * Lower bound applied to each group's MAE before the log. MLE-bench applies none, so a group
   * predicted exactly gives ln(0) = −∞; Kaggle's host kernel floors at 1e-9.
   */
  floor?: number | null;
}

/**
 * Log of the group-wise mean absolute error, averaged over groups (champs-scalar-coupling).
 *
 * Formula: `score = (1/G) Σ_g ln( (1/n_g) Σ_{i∈g} |ŷ_i − y_i| )`. Direction: lower is better,
 * range (−∞, ∞).
 *
 * Edge cases: a group predicted exactly contributes −∞ (with no floor), which makes the score −∞;
 * NaN predictions throw MISSING_VALUE; rows whose group is missing are left out (pandas' groupby
 * drops NaN keys); no groups returns NaN.
 *
 * @see https://www.kaggle.com/competitions/champs-scalar-coupling/overview/evaluation
 * @see docs/metrics/log-mae-by-group.md
 * @throws MetricError MISSING_VALUE, NON_FINITE, ROW_COUNT_MISMATCH
 */
export function logMaeByGroup(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  groups: ArrayLike<GroupLabel>,
  options: LogMaeByGroupOptions = {},
): number {
  // Each row's group as a small integer, then the rows of each group in row order (counting sort).
  const n = groups.length;
  const ids = new Int32Array(n);
  const idOf = new Map<GroupLabel, number>();
  const labels: GroupLabel[] = [];
  const codes = smallCodes(groups);
  for (let i = 0; i < n; i++) {
    if (codes) {
      // Groups given as small integer codes (a factorized column): the code is the id.
      const code = codes[i]!;
      if (code !== code) {
        ids[i] = -1;
        continue;
      }
      while (labels.length <= code) labels.push(NaN);
      labels[code] = code;
      ids[i] = code;
      continue;
    }
    const group = groups[i]!;
    if (typeof group === "number" && Number.isNaN(group)) {
      ids[i] = -1;
      continue;
    }
    let id = idOf.get(group);
    if (id === undefined) {
      id = labels.length;
      labels.push(group);
      idOf.set(group, id);
    }
    ids[i] = id;
  }
  const offsets = new Int32Array(labels.length + 1);
  for (let i = 0; i < n; i++) if (ids[i]! >= 0) offsets[ids[i]! + 1]!++;
  for (let g = 0; g < labels.length; g++) offsets[g + 1]! += offsets[g]!;
  const next = offsets.slice(0, labels.length);
  const rows = new Int32Array(offsets[labels.length]!);
  for (let i = 0; i < n; i++) if (ids[i]! >= 0) rows[next[ids[i]!]!++] = i;
  // pandas' groupby visits keys in sorted order; the order only matters for the last bits of the mean.
  const order = labels.map((_, g) => g).filter((g) => offsets[g + 1]! > offsets[g]!).sort((a, b) => {
    const x = labels[a]!;
    const y = labels[b]!;
    return typeof x === "string" && typeof y === "string" ? compareCodePoints(x, y) : Number(x) - Number(y);
  });
  const logs = new Float64Array(order.length);
  order.forEach((id, g) => {
    const from = offsets[id]!;
    const size = offsets[id + 1]! - from;
    const t = new Float64Array(size);
    const p = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      const i = rows[from + k]!;
      t[k] = yTrue[i]!;
      p[k] = yPred[i]!;
    }
    let mae = meanAbsoluteError(t, p);
    if (options.floor !== undefined && options.floor !== null) mae = Math.max(mae, options.floor);
    logs[g] = Math.log(mae);
  });
  return numpyMean(logs);
}

/** The groups as a Float64Array of integer codes in [0, 2^16) or NaN, else undefined. */
function smallCodes(groups: ArrayLike<GroupLabel>): Float64Array | undefined {
  if (!(groups instanceof Float64Array)) return undefined;
  for (let i = 0; i < groups.length; i++) {
    const code = groups[i]!;
    if (code === code && !(Number.isInteger(code) && code >= 0 && code < 65536)) return undefined;
  }
  return groups;
}

export const logMaeByGroupMetric = defineMetric({
  id: "log-mae-by-group",
  aliases: ["log-mean-absolute-error", "group-log-mae"],
  title: "Log MAE averaged over groups",
  description: "Natural log of the mean absolute error within each group, averaged over groups with equal weight.",
  direction: "minimize",
  range: [-Infinity, Infinity],
  inputKind: "grouped-regression",
  options: z.strictObject({
    floor: z._default(z.nullable(z.number().check(z.positive())), null).check(z.describe("lower bound on each group's MAE before the log; null (MLE-bench) applies none")),
  }),
  formula: {
    latex: String.raw`\frac{1}{G}\sum_{g=1}^{G} \ln\Big(\frac{1}{n_g}\sum_{i \in g} |\hat y_i - y_i|\Big)`,
    text: "For each group, the log of its mean absolute error; then the plain mean over groups.",
  },
  edgeCases: [
    { when: "a group is predicted exactly and no floor is set", then: "that group contributes −∞, so the score is −∞ (MLE-bench reports it as a valid score)" },
    { when: "floor is set (Kaggle's kernel uses 1e-9)", then: "each group's MAE is raised to at least the floor before the log" },
    { when: "NaN prediction", then: "throws MISSING_VALUE" },
    { when: "rows whose group is missing", then: "left out, as pandas' groupby drops NaN keys" },
    { when: "no rows", then: "returns NaN" },
  ],
  properties: { symmetric: true, orderInvariant: true, bounded: false, perfectIsBest: true, monotoneInvariant: false },
  references: [
    { title: "Predicting Molecular Properties: evaluation", authors: "CHAMPS / Kaggle", year: 2019, url: "https://www.kaggle.com/competitions/champs-scalar-coupling/overview/evaluation" },
  ],
  examples: [
    { input: { yTrue: [1, 2, 10, 20], yPred: [2, 2, 10, 22], groups: ["a", "a", "b", "b"] }, output: (Math.log(0.5) + Math.log(1)) / 2 },
    { input: { yTrue: [1, 2], yPred: [1, 2], groups: ["a", "a"] }, output: -Infinity, note: "an exact group gives ln 0" },
    { input: { yTrue: [1, 2], yPred: [1, 2], groups: ["a", "a"] }, options: { floor: 1e-9 }, output: Math.log(1e-9) },
  ],
  compat:
    "MLE-bench's champs grader: per `type` group scikit-learn `mean_absolute_error`, then `np.log`, then `np.mean` over groups in sorted key order; no floor, so an exact group gives −∞.",
  since: "0.1.0",
  evaluate: (
    { yTrue, yPred, groups }: { yTrue: ArrayLike<number>; yPred: ArrayLike<number>; groups: ArrayLike<GroupLabel> },
    options: { floor: number | null },
  ) => logMaeByGroup(yTrue, yPred, groups, options),
});
