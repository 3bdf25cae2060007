#!/usr/bin/env python3
"""Compares LightGBM settings for the block classifier (or, with --text, the line classifier) by
4-fold cross-validation over the training split: each training page is scored by a model that did
not learn from its fold, the thresholds are chosen on those scores as train_model.py chooses them,
and the mean page F1 is printed per set. The held-out fifth is not touched, so it stays a fair
check of whatever setting is then shipped.

    .train/bin/python scripts/tune_model.py [--text] [--held-out-fold K] --leaves 15 31 63 --min-leaf 40 200 [--trees 150 300 ...]

Every combination of the values given is tried (the defaults are the shipped settings). Each
costs four trainings: about 30 s for HTML, 1-3 min for text on this project's 2-core machine.
"""
import argparse, contextlib, io, itertools, os, sys, time

import lightgbm as lgb
import numpy as np

import train_model
from train_model import (fold, held_out, html_thresholds, lgb_params, page_f1, text_threshold,
                         training_rows, words)


def oof_probabilities(X, y, w, page_of, params, trees):
    """Each training row's probability from a model trained without its page's fold."""
    folds = np.asarray([fold(p) for p in page_of])
    prob = np.zeros(len(X))
    never = train_model.HELD_OUT_FOLD
    for k in (k for k in range(5) if k != never):
        rows = (folds != never) & (folds != k)
        booster = lgb.train(params, lgb.Dataset(X[rows], y[rows], weight=w[rows]), num_boost_round=trees)
        prob[folds == k] = booster.predict(X[folds == k])
    return prob


def mean_f1_by_set(prob, pages, threshold, article_threshold):
    by_set = {}
    for pid, texts, gold, article, a, b, data in pages:
        if held_out(pid):
            continue
        th = article_threshold if article and article_threshold is not None else threshold
        kept = "\n".join(t for t, p in zip(texts, prob[a:b]) if p > th)
        by_set.setdefault(os.path.basename(os.path.normpath(data)), []).append(page_f1(words(kept), words(gold)))
    return {name: float(np.mean(v)) for name, v in by_set.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", nargs="+", default=["../shared/datasets/wcxb-dev", "../shared/datasets/scrapinghub"])
    ap.add_argument("--features", default="bench-out/features.jsonl")
    ap.add_argument("--text", action="store_true", help="tune the line classifier of text mode")
    ap.add_argument("--leaves", nargs="+", type=int, default=[63])
    ap.add_argument("--min-leaf", nargs="+", type=int, default=[40])
    ap.add_argument("--trees", nargs="+", type=int, default=None, help="default 150, 70 with --text")
    ap.add_argument("--rate", nargs="+", type=float, default=None, help="default 0.08, 0.15 with --text")
    ap.add_argument("--feature-fraction", nargs="+", type=float, default=[0.8])
    ap.add_argument("--l2", nargs="+", type=float, default=[1.0])
    ap.add_argument("--article-weight", nargs="+", type=float, default=None,
                    help="weight of ScrapingHub's pages against a WCXB page's (default 3 with --text, 1 without)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--held-out-fold", type=int, default=0, choices=range(5),
                    help="the fold (0-4) never touched, as train_model.py's; the shipped models hold out fold 0")
    args = ap.parse_args()
    train_model.HELD_OUT_FOLD = args.held_out_fold
    trees = args.trees or [train_model.default_trees(args.text)]
    rates = args.rate or [train_model.default_rate(args.text)]
    weights = args.article_weight or [train_model.default_article_weight(args.text)]
    rows_of = None  # (weight, its training rows): the weight varies slowest, so one set is held at a time
    for aw, leaves, min_leaf, n_trees, rate, ff, l2 in itertools.product(
            weights, args.leaves, args.min_leaf, trees, rates, args.feature_fraction, args.l2):
        if rows_of is None or rows_of[0] != aw:
            rows_of = (aw, training_rows(args.data, args.features, args.text, aw))
        X, y, w, page_of, pages = rows_of[1]
        start = time.time()
        params = lgb_params(leaves, rate, args.seed, min_leaf, ff, l2)
        prob = oof_probabilities(X, y, w, page_of, params, n_trees)
        with contextlib.redirect_stderr(io.StringIO()):  # the threshold choosers report every step
            if args.text:
                threshold, article_threshold = text_threshold(prob, pages), None
            else:
                threshold, article_threshold = html_thresholds(prob, pages)
        scores = mean_f1_by_set(prob, pages, threshold, article_threshold)
        print(f"article weight {aw} leaves {leaves} min_leaf {min_leaf} trees {n_trees} rate {rate} feature_fraction {ff} l2 {l2}: "
              + ", ".join(f"{name} {f:.4f}" for name, f in scores.items())
              + f", mean {np.mean(list(scores.values())):.4f} (thresholds {threshold}"
              + (f", articles {article_threshold}" if article_threshold is not None else "")
              + f"; {time.time() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
