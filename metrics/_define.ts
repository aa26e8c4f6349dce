/**
 * The shape every metric file exports: a pure function plus a descriptor built with
 * {@link defineMetric}. The registry (`metrics/index.ts`), the generated docs pages and the
 * registry-wide tests all read the descriptor, so it is the single source of truth about a metric.
 */
import * as z from "zod/mini";
import type { $ZodType, output } from "zod/v4/core";
import { OptionsError } from "../src/errors.js";

export type MetricDirection = "maximize" | "minimize";

/**
 * The shape of a metric's inputs. Registry-wide tests generate random inputs per kind, so a new
 * kind needs a generator in `test/metrics/arbitraries.ts`.
 */
export type MetricInputKind =
  | "binary-scores" // yTrue: two label values, yScore: real scores
  | "multilabel-scores" // yTrue: 0/1 matrix, yScore: real matrix
  | "labels" // yTrue, yPred: class labels (numbers, strings or booleans)
  | "binary-probabilities" // yTrue: 0/1, yProb: probability of the positive class
  | "class-probabilities" // yTrue: one-hot matrix, yProb: probability matrix
  | "multilabel-probabilities" // yTrue: 0/1 matrix, yProb: matrix of probabilities in [0, 1]
  | "distributions" // yTrue, yPred: rows of non-negative weights
  | "regression" // yTrue, yPred: real numbers
  | "grouped-regression" // yTrue, yPred: real numbers, groups: a group label per row
  | "multioutput-regression" // yTrue, yPred: real matrices
  | "ranked-lists" // actual: sets, predicted: ranked lists
  | "label-sets" // yTrue, yPred: sets of labels per row
  | "sequences" // yTrue, yPred: strings or token sequences
  | "masks" // yTrue, yPred: binary masks
  | "point-sets" // two sets of points
  | "detections" // ground-truth and predicted boxes
  | "custom";

export interface MetricReference {
  title: string;
  authors?: string;
  year?: number;
  url: string;
}

export interface MetricEdgeCase {
  /** The condition, e.g. "y_true has a single class". */
  when: string;
  /** What happens: "returns NaN", "throws UNDEFINED_METRIC", … */
  then: string;
}

export interface MetricExample {
  /** Named inputs as `evaluate` takes them. */
  input: Record<string, unknown>;
  options?: Record<string, unknown>;
  /** The value returned, or the error code thrown (`{ throws: "UNDEFINED_METRIC" }`). */
  output: number | { throws: string };
  /** What the example shows. */
  note?: string;
}

/** Flags the registry-wide invariance tests rely on; every metric declares each one. */
export interface MetricProperties {
  /** f(a, b) = f(b, a). */
  symmetric: boolean;
  /** Permuting rows (the same permutation on every input) leaves the value unchanged. */
  orderInvariant: boolean;
  /** The value always lies within `range` (finite bounds). */
  bounded: boolean;
  /** f(y, y) equals the best value of `range`. */
  perfectIsBest: boolean;
  /** Invariant under a strictly increasing transform of the scores (ranking metrics). */
  monotoneInvariant: boolean;
}

export interface MetricDescriptor<
  Input extends Record<string, unknown> = Record<string, unknown>,
  Options extends $ZodType = $ZodType,
  Id extends string = string,
> {
  /** kebab-case, equal to the file name. */
  id: Id;
  /** MLE-bench grader names and common names that resolve to this metric. */
  aliases: readonly string[];
  title: string;
  /** One or two sentences: what it measures. */
  description: string;
  direction: MetricDirection;
  /** [worst, best] for bounded metrics in the order [min, max]; ±Infinity where open. */
  range: readonly [number, number];
  inputKind: MetricInputKind;
  /** Options with defaults (a zod schema; the core uses `zod/mini` to stay small), validated on each call. */
  options: Options;
  formula: { latex: string; text: string };
  edgeCases: readonly MetricEdgeCase[];
  properties: MetricProperties;
  references: readonly MetricReference[];
  examples: readonly MetricExample[];
  /** How scikit-learn / scipy / MLE-bench behave and which behaviour this reproduces. */
  compat: string;
  /** mlegrade version that added the metric. */
  since: string;
  /** Runs the metric on named inputs (the same names the examples use). */
  evaluate: (input: Input, options: output<Options>) => number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- evaluate takes each metric's own input shape
export type AnyMetric = MetricDescriptor<any, $ZodType>;

/** Identity helper that checks a descriptor's shape and keeps its literal types. */
export function defineMetric<Input extends Record<string, unknown>, Options extends $ZodType, const Id extends string>(
  descriptor: MetricDescriptor<Input, Options, Id>,
): MetricDescriptor<Input, Options, Id> {
  return descriptor;
}

/** Validates options against a metric's schema, filling defaults; throws OptionsError on bad options. */
export function parseMetricOptions<Options extends $ZodType>(metric: { id: string; options: Options }, options: unknown): output<Options> {
  const result = z.safeParse(metric.options, options ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      code: "INVALID_OPTIONS" as const,
      message: `${metric.id} option ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    }));
    throw new OptionsError(`invalid options for metric ${metric.id}: ${issues.map((i) => i.message).join("; ")}`, issues);
  }
  return result.data;
}

/** Schema for metrics without options. */
export const noOptions = z.strictObject({});
