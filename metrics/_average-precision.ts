/**
 * Areas under precision–recall curves as the detection graders compute them: scikit-learn's
 * step-wise `average_precision_score` and the PASCAL VOC all-point interpolated AP of the Lyft
 * devkit. (pycocotools' 101-point interpolation lives with the COCO metric.)
 */
import { MetricError } from "../src/errors.js";
import { numpySum } from "../src/_internal/numeric.js";

/**
 * scikit-learn's binary `average_precision_score(y_true, y_score)`: thresholds are the distinct
 * scores in descending order (tied scores form one step), and
 * `AP = Σ_k (R_k − R_{k−1}) · P_k` with `R_0 = 0` and no interpolation. The sum runs from the
 * lowest threshold up, with numpy's pairwise summation, as `-np.sum(np.diff(recall) * precision[:-1])`.
 *
 * `yTrue` holds 0/1 (1 = positive). Without positives the recall is 1 everywhere (scikit-learn
 * warns) and the AP is −0.
 *
 * @throws MetricError NON_FINITE when a score is NaN or infinite (scikit-learn raises ValueError)
 */
export function stepwiseAveragePrecision(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const n = yScore.length;
  if (yTrue.length !== n) throw new MetricError("ROW_COUNT_MISMATCH", `expected as many scores as labels, got ${n} scores and ${yTrue.length} labels`);
  for (let i = 0; i < n; i++) {
    const score = yScore[i]!;
    if (!Number.isFinite(score)) {
      throw new MetricError("NON_FINITE", `score ${i}: expected a finite number, got ${score} (scikit-learn: Input contains ${Number.isNaN(score) ? "NaN" : "infinity"})`);
    }
  }
  if (n === 0) return NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => yScore[b]! - yScore[a]!);
  // Cumulative positives and sample counts at the end of each group of tied scores.
  const tps: number[] = [];
  const counts: number[] = [];
  let positives = 0;
  for (let k = 0; k < n; k++) {
    positives += yTrue[order[k]!]! === 1 ? 1 : 0;
    if (k === n - 1 || yScore[order[k + 1]!]! !== yScore[order[k]!]!) {
      tps.push(positives);
      counts.push(k + 1);
    }
  }
  const steps = tps.length;
  const total = tps[steps - 1]!;
  const terms = new Float64Array(steps);
  // Reversed arrays (lowest threshold first): term j = (R[j+1] − R[j]) · P[j], with R[steps] = 0.
  for (let j = 0; j < steps; j++) {
    const k = steps - 1 - j;
    const recall = total === 0 ? 1 : tps[k]! / total;
    const nextRecall = k === 0 ? 0 : total === 0 ? 1 : tps[k - 1]! / total;
    const precision = tps[k]! / counts[k]!;
    terms[j] = (nextRecall - recall) * precision;
  }
  return -numpySum(terms);
}

/**
 * PASCAL VOC all-point AP as the Lyft devkit computes it from detections ranked by score:
 * `tp[k]` is 1 for a true positive and 0 for a false positive. Recall is `cumTP / numGt`,
 * precision `cumTP / max(cumTP + cumFP, eps)`; sentinels (0, 0) and (1, 0) are added, precision
 * is replaced by its running maximum from the right, and the AP is the numpy sum of
 * `ΔR · P` over the points where the recall changes.
 */
export function vocAveragePrecision(tp: ArrayLike<number>, numGt: number): number {
  const n = tp.length;
  const recall = new Float64Array(n + 2);
  const precision = new Float64Array(n + 2);
  let cum = 0;
  for (let k = 0; k < n; k++) {
    cum += tp[k]!;
    recall[k + 1] = cum / numGt;
    precision[k + 1] = cum / Math.max(k + 1, Number.EPSILON);
  }
  recall[n + 1] = 1;
  for (let i = n + 1; i > 0; i--) if (!(precision[i - 1]! >= precision[i]!)) precision[i - 1] = precision[i]!;
  const terms: number[] = [];
  for (let k = 0; k <= n; k++) {
    if (recall[k + 1] !== recall[k]) terms.push((recall[k + 1]! - recall[k]!) * precision[k + 1]!);
  }
  return numpySum(terms);
}
