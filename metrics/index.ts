/**
 * The metric registry. Each metric file is named here explicitly (no globbing, so bundlers and
 * Deno see plain imports); `test/metrics/registry.test.ts` fails when a file in `metrics/` is
 * missing from this list.
 */
import { UnknownMetricError, nearestNames } from "../src/errors.js";
import type { AnyMetric } from "./_define.js";
import { accuracyMetric } from "./accuracy.js";
import { biasAucMetric } from "./bias-auc.js";
import { box3dMapMetric } from "./box3d-map.js";
import { cocoAveragePrecisionMetric } from "./coco-average-precision.js";
import { diceHausdorffComboMetric } from "./dice-hausdorff-combo.js";
import { globalDiceMetric } from "./global-dice.js";
import { hausdorffDistanceMetric } from "./hausdorff-distance.js";
import { haversineDistanceQuantilesMetric } from "./haversine-distance-quantiles.js";
import { iouThresholdPrecisionMetric } from "./iou-threshold-precision.js";
import { klDivergenceMetric } from "./kl-divergence.js";
import { labelRankingAveragePrecisionMetric } from "./label-ranking-average-precision.js";
import { levenshteinDistanceMetric } from "./levenshtein-distance.js";
import { levenshteinErrorRateMetric } from "./levenshtein-error-rate.js";
import { logLossMetric } from "./log-loss.js";
import { logMaeByGroupMetric } from "./log-mae-by-group.js";
import { macroF1Metric } from "./macro-f1.js";
import { mapAtKMetric } from "./map-at-k.js";
import { matthewsCorrelationMetric } from "./matthews-correlation.js";
import { meanAbsoluteErrorMetric } from "./mean-absolute-error.js";
import { meanAngularErrorMetric } from "./mean-angular-error.js";
import { meanColumnRocAucMetric } from "./mean-column-roc-auc.js";
import { meanColumnwiseRootMeanSquaredErrorMetric } from "./mean-columnwise-root-mean-squared-error.js";
import { meanColumnwiseSpearmanMetric } from "./mean-columnwise-spearman.js";
import { meanDiceMetric } from "./mean-dice.js";
import { microF1Metric } from "./micro-f1.js";
import { modifiedLaplaceLogLikelihoodMetric } from "./modified-laplace-log-likelihood.js";
import { pearsonCorrelationMetric } from "./pearson-correlation.js";
import { pixelFBetaMetric } from "./pixel-f-beta.js";
import { pointInBoxF1Metric } from "./point-in-box-f1.js";
import { pooledDetectionMapMetric } from "./pooled-detection-map.js";
import { pooledKendallTauMetric } from "./pooled-kendall-tau.js";
import { probabilisticF1Metric } from "./probabilistic-f1.js";
import { quadraticWeightedKappaMetric } from "./quadratic-weighted-kappa.js";
import { rocAucMetric } from "./roc-auc.js";
import { rootMeanSquaredErrorMetric } from "./root-mean-squared-error.js";
import { rootMeanSquaredLogErrorMetric } from "./root-mean-squared-log-error.js";
import { spearmanCorrelationMetric } from "./spearman-correlation.js";
import { top1ErrorMetric } from "./top-1-error.js";
import { weightedBinaryLogLossMetric } from "./weighted-binary-log-loss.js";
import { weightedPartialAucMetric } from "./weighted-partial-auc.js";
import { wordJaccardMetric } from "./word-jaccard.js";

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
export type { BinaryMask, Bitmap } from "./_masks.js";
export type { Matrix, MatrixLike } from "./_probabilities.js";
export { decodeRle, encodeRle, emptyRunLengthMask, runLengthMaskToBitmap, RleError } from "./_rle.js";
export type { PythonException, RleOrder, RleProblem, RunLengthMask } from "./_rle.js";
export { accuracy, accuracyMetric } from "./accuracy.js";
export { biasAuc, biasAucMetric, type BiasAucOptions } from "./bias-auc.js";
export { box3dMeanAveragePrecision, box3dMapMetric } from "./box3d-map.js";
export { cocoAveragePrecision, cocoAveragePrecisionMetric } from "./coco-average-precision.js";
export { diceHausdorffCombo, diceHausdorffComboMetric, volumeHausdorffScore } from "./dice-hausdorff-combo.js";
export { globalDice, globalDiceMetric } from "./global-dice.js";
export { hausdorffDistance, hausdorffDistanceMetric } from "./hausdorff-distance.js";
export type { BinaryVolume } from "./hausdorff-distance.js";
export { haversineDistanceQuantiles, haversineDistanceQuantilesMetric } from "./haversine-distance-quantiles.js";
export { iouThresholdPrecision, iouThresholdPrecisionMetric, TGS_THRESHOLDS } from "./iou-threshold-precision.js";
export { klDivergence, klDivergenceMetric } from "./kl-divergence.js";
export { labelRankingAveragePrecision, labelRankingAveragePrecisionMetric, type LabelRankingAveragePrecisionOptions } from "./label-ranking-average-precision.js";
export { meanLevenshteinDistance, levenshteinDistanceMetric, type Sequence } from "./levenshtein-distance.js";
export { levenshteinErrorRate, levenshteinErrorRateMetric } from "./levenshtein-error-rate.js";
export { logLoss, logLossMetric } from "./log-loss.js";
export { logMaeByGroup, logMaeByGroupMetric } from "./log-mae-by-group.js";
export { macroF1, macroF1Metric } from "./macro-f1.js";
export { averagePrecisionAtK, meanAveragePrecisionAtK, mapAtKMetric, type RankedItem } from "./map-at-k.js";
export { matthewsCorrelation, matthewsCorrelationMetric } from "./matthews-correlation.js";
export { meanAbsoluteError, meanAbsoluteErrorMetric } from "./mean-absolute-error.js";
export { meanAngularError, meanAngularErrorMetric } from "./mean-angular-error.js";
export { meanColumnRocAuc, meanColumnRocAucMetric } from "./mean-column-roc-auc.js";
export { meanColumnwiseRootMeanSquaredError, meanColumnwiseRootMeanSquaredErrorMetric } from "./mean-columnwise-root-mean-squared-error.js";
export { meanColumnwiseSpearman, meanColumnwiseSpearmanMetric } from "./mean-columnwise-spearman.js";
export { diceCoefficient, meanDice, meanDiceMetric } from "./mean-dice.js";
export { microF1, microF1LabelSets, microF1Metric, type MicroF1LabelSetsOptions } from "./micro-f1.js";
export { modifiedLaplaceLogLikelihood, modifiedLaplaceLogLikelihoodMetric } from "./modified-laplace-log-likelihood.js";
export { pearsonCorrelation, pearsonCorrelationMetric } from "./pearson-correlation.js";
export { pixelFBeta, pixelFBetaMetric } from "./pixel-f-beta.js";
export { pointInBoxF1, pointInBoxF1Metric } from "./point-in-box-f1.js";
export { pooledDetectionMap, pooledDetectionMapMetric } from "./pooled-detection-map.js";
export { pooledKendallTau, pooledKendallTauMetric } from "./pooled-kendall-tau.js";
export { probabilisticF1, probabilisticF1Metric } from "./probabilistic-f1.js";
export { quadraticWeightedKappa, quadraticWeightedKappaMetric, type KappaOptions, type KappaWeights } from "./quadratic-weighted-kappa.js";
export { rocAuc, rocAucMetric, rocCurve, type RocCurve, type RocCurveOptions } from "./roc-auc.js";
export { rootMeanSquaredError, rootMeanSquaredErrorMetric } from "./root-mean-squared-error.js";
export { rootMeanSquaredLogError, rootMeanSquaredLogErrorMetric } from "./root-mean-squared-log-error.js";
export { spearmanCorrelation, spearmanCorrelationMetric } from "./spearman-correlation.js";
export { top1Error, top1ErrorMetric } from "./top-1-error.js";
export { weightedBinaryLogLoss, weightedBinaryLogLossMetric } from "./weighted-binary-log-loss.js";
export { weightedPartialAuc, weightedPartialAucMetric, type WeightedPartialAucOptions } from "./weighted-partial-auc.js";
export { wordJaccard, wordJaccardMetric, wordSet, type WordJaccardOptions } from "./word-jaccard.js";

const DESCRIPTORS = [
  accuracyMetric,
  biasAucMetric,
  box3dMapMetric,
  cocoAveragePrecisionMetric,
  diceHausdorffComboMetric,
  globalDiceMetric,
  hausdorffDistanceMetric,
  haversineDistanceQuantilesMetric,
  iouThresholdPrecisionMetric,
  klDivergenceMetric,
  labelRankingAveragePrecisionMetric,
  levenshteinDistanceMetric,
  levenshteinErrorRateMetric,
  logLossMetric,
  logMaeByGroupMetric,
  macroF1Metric,
  mapAtKMetric,
  matthewsCorrelationMetric,
  meanAbsoluteErrorMetric,
  meanAngularErrorMetric,
  meanColumnRocAucMetric,
  meanColumnwiseRootMeanSquaredErrorMetric,
  meanColumnwiseSpearmanMetric,
  meanDiceMetric,
  microF1Metric,
  modifiedLaplaceLogLikelihoodMetric,
  pearsonCorrelationMetric,
  pixelFBetaMetric,
  pointInBoxF1Metric,
  pooledDetectionMapMetric,
  pooledKendallTauMetric,
  probabilisticF1Metric,
  quadraticWeightedKappaMetric,
  rocAucMetric,
  rootMeanSquaredErrorMetric,
  rootMeanSquaredLogErrorMetric,
  spearmanCorrelationMetric,
  top1ErrorMetric,
  weightedBinaryLogLossMetric,
  weightedPartialAucMetric,
  wordJaccardMetric,
] as const;

/** Ids of the registered metrics. */
export type MetricId = (typeof DESCRIPTORS)[number]["id"];

/** Every registered metric. */
export const METRICS: readonly AnyMetric[] = DESCRIPTORS;

// Built on first use, so that importing one metric function from this barrel tree-shakes the rest.
let byName: Map<string, AnyMetric> | undefined;

function names(): Map<string, AnyMetric> {
  if (!byName) {
    byName = new Map();
    for (const metric of METRICS) {
      for (const name of [metric.id, ...metric.aliases]) {
        if (byName.has(name)) throw new Error(`metric name "${name}" is registered twice`);
        byName.set(name, metric);
      }
    }
  }
  return byName;
}

/** The metric with this id or alias; throws UnknownMetricError (code UNKNOWN_METRIC) with suggestions. */
export function getMetric(name: string): AnyMetric {
  const metric = names().get(name);
  if (!metric) throw new UnknownMetricError(name, nearestNames(name, names().keys()));
  return metric;
}

/** All registered metrics. */
export function listMetrics(): readonly AnyMetric[] {
  return METRICS;
}
