#!/usr/bin/python3
"""XGBoost peer for arbml's GBDT: benchmark, train and predict on float32 files written by arbml.

Data files are raw little-endian float32, row-major: X is rows x cols, y is rows.
Every subcommand prints one JSON object on stdout.

  bench   --x X --y Y --cols C --train-rows N [--rounds 100] [--depth 6] [--save model.json]
  train   --x X --y Y --cols C --params JSON --save model.json
  predict --model model.json --x X --cols C --out preds.f32
"""
import argparse
import json
import sys
import time

import numpy as np

try:
    import xgboost as xgb
except ImportError:
    print(json.dumps({"error": "python xgboost is not installed"}))
    sys.exit(3)


def load(path, cols=None):
    a = np.fromfile(path, dtype="<f4")
    return a.reshape(-1, cols) if cols else a


def dmatrix(x, y=None, names=None):
    return xgb.DMatrix(x, label=y, missing=np.nan, feature_names=names, nthread=1)


def bench(args):
    x = load(args.x, args.cols)
    y = load(args.y)
    n = args.train_rows
    dtrain = dmatrix(x[:n], y[:n])
    params = {"tree_method": "hist", "nthread": 1, "max_depth": args.depth, "eta": 0.3, "max_bin": 256,
              "objective": "reg:squarederror", "base_score": 0.5}
    t0 = time.perf_counter()
    booster = xgb.train(params, dtrain, num_boost_round=args.rounds)
    train_s = time.perf_counter() - t0
    best = float("inf")
    for _ in range(args.repeats + 1):
        fresh = dmatrix(x[n:])  # a new DMatrix each time: xgboost caches predictions per DMatrix
        t0 = time.perf_counter()
        pred = booster.predict(fresh)
        best = min(best, time.perf_counter() - t0)
    rmse = float(np.sqrt(np.mean((pred.astype(np.float64) - y[n:].astype(np.float64)) ** 2)))
    if args.save:
        booster.save_model(args.save)
    if args.out:
        pred.astype("<f4").tofile(args.out)
    return {"train_s": train_s, "predict_rows_per_s": (len(x) - n) / best, "rmse": rmse,
            "version": xgb.__version__}


def train(args):
    x = load(args.x, args.cols)
    y = load(args.y)
    params = {"tree_method": "hist", "nthread": 1}
    params.update(json.loads(args.params))
    rounds = int(params.pop("num_rounds", 100))
    names = params.pop("feature_names", None)
    booster = xgb.train(params, dmatrix(x, y, names), num_boost_round=rounds)
    booster.save_model(args.save)
    return {"trees": rounds, "path": args.save}


def predict(args):
    booster = xgb.Booster()
    booster.load_model(args.model)
    x = load(args.x, args.cols)
    pred = booster.predict(dmatrix(x, names=booster.feature_names))
    pred.astype("<f4").tofile(args.out)
    return {"rows": int(len(pred)), "path": args.out}


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bench")
    t = sub.add_parser("train")
    q = sub.add_parser("predict")
    for s in (b, t, q):
        s.add_argument("--x", required=True)
        s.add_argument("--cols", type=int, required=True)
    for s in (b, t):
        s.add_argument("--y", required=True)
    b.add_argument("--train-rows", type=int, required=True)
    b.add_argument("--rounds", type=int, default=100)
    b.add_argument("--depth", type=int, default=6)
    b.add_argument("--repeats", type=int, default=5)
    b.add_argument("--save")
    b.add_argument("--out")
    t.add_argument("--params", default="{}")
    t.add_argument("--save", required=True)
    q.add_argument("--model", required=True)
    q.add_argument("--out", required=True)
    args = p.parse_args()
    result = {"bench": bench, "train": train, "predict": predict}[args.cmd](args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
