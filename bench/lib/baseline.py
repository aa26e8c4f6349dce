"""
The Python baseline of `npm run bench`: each competition graded the idiomatic pandas +
scikit-learn way (read_csv as MLE-bench calls it, merge or sort on the id, a scikit-learn or
numpy function for the metric). Run by bench/run.mjs in a fresh process per measurement:

    python3 bench/lib/baseline.py grade <case> <dir>
    python3 bench/lib/baseline.py ingest <dir>
    python3 bench/lib/baseline.py metric <metric> <n>

Prints one JSON line: {"ms": ..., "score": ..., "rssMB": ...}. Importing pandas and scikit-learn
is not timed, as loading mlegrade is not timed on the other side.
"""

import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import (
    average_precision_score,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    roc_auc_score,
)


def read_csv(path):
    # MLE-bench reads every CSV with float_precision="round_trip" (mlebench/utils.py).
    return pd.read_csv(path, float_precision="round_trip")


def load(d):
    return read_csv(os.path.join(d, "submission.csv")), read_csv(os.path.join(d, "answers.csv"))


def taxi(d):
    sub, ans = load(d)
    merged = ans.merge(sub, on="key", suffixes=("_true", "_pred"))
    return float(np.sqrt(mean_squared_error(merged["fare_amount_true"], merged["fare_amount_pred"])))


def tps_may(d):
    sub, ans = load(d)
    merged = ans.merge(sub, on="id", suffixes=("_true", "_pred"))
    return float(roc_auc_score(merged["target_true"], merged["target_pred"]))


def dog_breed(d):
    sub, ans = load(d)
    sub = sub[ans.columns].sort_values("id")
    ans = ans.sort_values("id")
    assert (sub["id"].values == ans["id"].values).all()
    classes = [c for c in ans.columns if c != "id"]
    return float(log_loss(ans[classes].to_numpy(), sub[classes].to_numpy()))


def champs(d):
    sub, ans = load(d)
    merged = ans.merge(sub, on="id", suffixes=("_true", "_pred"))
    log_maes = [
        np.log(mean_absolute_error(group["scalar_coupling_constant_true"], group["scalar_coupling_constant_pred"]))
        for _, group in merged.groupby("type")
    ]
    return float(np.mean(log_maes))


def apk(actual, predicted, k):
    predicted = predicted[:k]
    score = 0.0
    hits = 0
    for i, p in enumerate(predicted):
        if p in actual and p not in predicted[:i]:
            hits += 1
            score += hits / (i + 1.0)
    return score / min(len(actual), k) if actual else 0.0


def handm(d):
    sub, ans = load(d)
    sub = sub[sub["customer_id"].isin(ans["customer_id"])]
    sub = sub.sort_values("customer_id").reset_index(drop=True)
    ans = ans.sort_values("customer_id").reset_index(drop=True)
    actual = ans["prediction"].astype(str).str.split(" ").apply(set).tolist()
    predicted = sub["prediction"].astype(str).str.split(" ").tolist()
    return float(np.mean([apk(a, p, 12) for a, p in zip(actual, predicted)]))


def bms(d):
    from Levenshtein import distance  # Debian: python3-levenshtein (what MLE-bench uses)

    sub, ans = load(d)
    sub = sub.sort_values("image_id")
    ans = ans.sort_values("image_id")
    assert (sub["image_id"].values == ans["image_id"].values).all()
    return float(np.mean([distance(a, b) for a, b in zip(ans["InChI"].astype(str), sub["InChI"].astype(str))]))


def boxes(text):
    tokens = text.split()
    return [(tokens[i], float(tokens[i + 1]), *map(float, tokens[i + 2 : i + 6])) for i in range(0, len(tokens), 6)]


def iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def siim(d):
    sub, ans = load(d)
    sub = sub.sort_values("id")
    ans = ans.sort_values("id")
    assert (sub["id"].values == ans["id"].values).all()
    predicted = sub["PredictionString"].apply(boxes).tolist()
    truth = ans["PredictionString"].apply(boxes).tolist()
    aps = []
    for cls in sorted({b[0] for image in truth for b in image}):
        y_true, y_score = [], []
        for preds, gts in zip(predicted, truth):
            gt_boxes = [g[2:] for g in gts if g[0] == cls]
            matched = [False] * len(gt_boxes)
            pairs = 0
            for p in sorted((p for p in preds if p[0] == cls), key=lambda p: -p[1]):
                best, best_iou = -1, 0.0
                for j, g in enumerate(gt_boxes):
                    if not matched[j]:
                        v = iou(p[2:], g)
                        if v > best_iou and v > 0.5:
                            best, best_iou = j, v
                y_true.append(1 if best >= 0 else 0)
                y_score.append(p[1])
                pairs += 1
                if best >= 0:
                    matched[best] = True
            missed = matched.count(False)
            y_true += [1] * missed
            y_score += [0.0] * missed
            if pairs + missed == 0:
                y_true.append(0)
                y_score.append(0.0)
        aps.append(average_precision_score(y_true, y_score))
    return float(np.mean(aps))


def rle_mask(rle, height, width):
    mask = np.zeros(height * width, dtype=np.uint8)
    if isinstance(rle, str) and rle not in ("", "-"):
        runs = np.asarray(rle.split(), dtype=np.int64)
        for start, length in zip(runs[0::2] - 1, runs[1::2]):
            mask[start : start + length] = 1
    return mask


def contrails(d):
    sub, ans = load(d)
    sub = sub.sort_values("record_id")
    ans = ans.sort_values("record_id")
    assert (sub["record_id"].values == ans["record_id"].values).all()
    inter = total = 0
    for p, t, h, w in zip(sub["encoded_pixels"], ans["encoded_pixels"], ans["height"], ans["width"]):
        pm = rle_mask(p, int(h), int(w))
        tm = rle_mask(t, int(h), int(w))
        inter += int(np.sum(pm & tm))
        total += int(pm.sum()) + int(tm.sum())
    return 2 * inter / total


GRADERS = {
    "taxi": taxi,
    "tpsMay": tps_may,
    "dogBreed": dog_breed,
    "champs": champs,
    "handm": handm,
    "bms": bms,
    "siim": siim,
    "contrails": contrails,
}


def metric_inputs(n):
    i = np.arange(n, dtype=np.uint64)
    y_true = (i % 3 == 0).astype(np.float64)
    y_score = ((i * np.uint64(2654435761)) % np.uint64(2**32) % np.uint64(1000003)).astype(np.float64) / 1000003 * 0.98 + 0.01
    return y_true, y_score


METRICS = {
    "roc-auc": lambda t, s: roc_auc_score(t, s),
    "log-loss": lambda t, s: log_loss(t, s),
    "root-mean-squared-error": lambda t, s: np.sqrt(mean_squared_error(t, s)),
}


def main():
    mode, *args = sys.argv[1:]
    if mode == "grade":
        grader, d = args
        start = time.perf_counter()
        score = GRADERS[grader](d)
    elif mode == "ingest":
        (d,) = args
        start = time.perf_counter()
        frame = read_csv(os.path.join(d, "submission.csv"))
        score = frame.shape[0] * frame.shape[1]
    elif mode == "metric":
        name, n = args
        y_true, y_score = metric_inputs(int(n))
        start = time.perf_counter()
        score = METRICS[name](y_true, y_score)
    else:
        raise SystemExit(f"unknown mode {mode}")
    ms = (time.perf_counter() - start) * 1000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"ms": ms, "score": float(score), "rssMB": rss}))


if __name__ == "__main__":
    main()
