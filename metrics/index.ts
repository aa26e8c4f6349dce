/**
 * The metric registry. Each metric file is named here explicitly (no globbing, so bundlers and
 * Deno see plain imports); `test/metrics/registry.test.ts` fails when a file in `metrics/` is
 * missing from this list.
 */
import { UnknownMetricError, nearestNames } from "../src/errors.js";
import type { AnyMetric } from "./_define.js";
import { accuracyMetric } from "./accuracy.js";
import { diceHausdorffComboMetric } from "./dice-hausdorff-combo.js";
import { globalDiceMetric } from "./global-dice.js";
import { hausdorffDistanceMetric } from "./hausdorff-distance.js";
import { iouThresholdPrecisionMetric } from "./iou-threshold-precision.js";
import { logMaeByGroupMetric } from "./log-mae-by-group.js";
import { macroF1Metric } from "./macro-f1.js";
import { matthewsCorrelationMetric } from "./matthews-correlation.js";
import { meanAbsoluteErrorMetric } from "./mean-absolute-error.js";
import { meanDiceMetric } from "./mean-dice.js";
import { pixelFBetaMetric } from "./pixel-f-beta.js";
import { quadraticWeightedKappaMetric } from "./quadratic-weighted-kappa.js";
import { top1ErrorMetric } from "./top-1-error.js";

export { defineMetric, parseMetricOptions, noOptions } from "./_define.js";
export type {
  AnyMetric,
  MetricDescriptor,
  MetricDirection,
  MetricEdgeCase,
  MetricExample,
  MetricInputKind,
  MetricProperties,
  MetricReference,
} from "./_define.js";
export { accuracy, accuracyMetric } from "./accuracy.js";
export { decodeRle, encodeRle, emptyRunLengthMask, runLengthMaskToBitmap, RleError } from "./_rle.js";
export type { PythonException, RleOrder, RleProblem, RunLengthMask } from "./_rle.js";
export type { BinaryMask, Bitmap } from "./_masks.js";
export { diceHausdorffCombo, diceHausdorffComboMetric, volumeHausdorffScore } from "./dice-hausdorff-combo.js";
export { globalDice, globalDiceMetric } from "./global-dice.js";
export { hausdorffDistance, hausdorffDistanceMetric } from "./hausdorff-distance.js";
export type { BinaryVolume } from "./hausdorff-distance.js";
export { iouThresholdPrecision, iouThresholdPrecisionMetric, TGS_THRESHOLDS } from "./iou-threshold-precision.js";
export { logMaeByGroup, logMaeByGroupMetric } from "./log-mae-by-group.js";
export { macroF1, macroF1Metric } from "./macro-f1.js";
export { matthewsCorrelation, matthewsCorrelationMetric } from "./matthews-correlation.js";
export { meanAbsoluteError, meanAbsoluteErrorMetric } from "./mean-absolute-error.js";
export { diceCoefficient, meanDice, meanDiceMetric } from "./mean-dice.js";
export { pixelFBeta, pixelFBetaMetric } from "./pixel-f-beta.js";
export { quadraticWeightedKappa, quadraticWeightedKappaMetric, type KappaOptions, type KappaWeights } from "./quadratic-weighted-kappa.js";
export { top1Error, top1ErrorMetric } from "./top-1-error.js";

const DESCRIPTORS = [
  accuracyMetric,
  diceHausdorffComboMetric,
  globalDiceMetric,
  hausdorffDistanceMetric,
  iouThresholdPrecisionMetric,
  logMaeByGroupMetric,
  macroF1Metric,
  matthewsCorrelationMetric,
  meanAbsoluteErrorMetric,
  meanDiceMetric,
  pixelFBetaMetric,
  quadraticWeightedKappaMetric,
  top1ErrorMetric,
] as const;

/** Ids of the registered metrics. */
export type MetricId = (typeof DESCRIPTORS)[number]["id"];

/** Every registered metric. */
export const METRICS: readonly AnyMetric[] = DESCRIPTORS;

const byName = new Map<string, AnyMetric>();
for (const metric of METRICS) {
  for (const name of [metric.id, ...metric.aliases]) {
    if (byName.has(name)) throw new Error(`metric name "${name}" is registered twice`);
    byName.set(name, metric);
  }
}

/** The metric with this id or alias; throws UnknownMetricError (code UNKNOWN_METRIC) with suggestions. */
export function getMetric(name: string): AnyMetric {
  const metric = byName.get(name);
  if (!metric) throw new UnknownMetricError(name, nearestNames(name, byName.keys()));
  return metric;
}

/** All registered metrics. */
export function listMetrics(): readonly AnyMetric[] {
  return METRICS;
}
