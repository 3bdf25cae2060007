#!/usr/bin/env bash
# Five-fold cross-validation of the block classifier (HTML) and the line classifier (text mode):
# for each fold k, both are retrained without fold k (train_model.py --held-out-fold k), tamis is
# rebuilt, and fold k's pages are extracted. Every page of WCXB dev and ScrapingHub is thus scored
# by classifiers that never saw it; the five folds' records are then scored together.
# The metadata models (title, author, date) stay the shipped ones, trained without fold 0 only, so
# this measures the main text, not the metadata. The shipped model files are restored at the end.
#   scripts/crossval.sh            (needs .train, see train_model.py; about 30 minutes on 2 cores)
#   scripts/crossval.sh --reuse    (the fold models of the last run, kept in bench-out/crossval/foldK:
#                                   to measure a change of the rules around the models in 8 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/datasets
out=bench-out/crossval
models="crates/tamis/data/model.json crates/tamis/data/text-model.json"
mkdir -p "$out"
for m in $models; do cp "$m" "$out/$(basename "$m").shipped"; done
restore() { for m in $models; do cp "$out/$(basename "$m").shipped" "$m"; done; }
trap restore EXIT
# The commit the figures belong to, "+changes" when the sources differ from it.
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . || commit="$commit+changes"
# One directory of links per fold and set, the pages of that fold only.
.train/bin/python - "$data" "$out" <<'PY'
import json, os, shutil, sys
sys.path.insert(0, "scripts")
from folds import fold  # the folds the models are trained on, from one definition
data, out = sys.argv[1], sys.argv[2]
def link(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    os.symlink(os.path.abspath(src), dst)
for k in range(5):
    for name in ("wcxb-dev", "scrapinghub"):
        shutil.rmtree(os.path.join(out, f"fold{k}", name), ignore_errors=True)
for name in os.listdir(os.path.join(data, "wcxb-dev", "ground-truth")):
    pid = name[:-5]
    d = os.path.join(out, f"fold{fold(pid)}", "wcxb-dev")
    link(os.path.join(data, "wcxb-dev", "html", pid + ".html.gz"), os.path.join(d, "html", pid + ".html.gz"))
    link(os.path.join(data, "wcxb-dev", "text", pid + ".txt"), os.path.join(d, "text", pid + ".txt"))
for pid in json.load(open(os.path.join(data, "scrapinghub", "ground-truth.json"), encoding="utf-8")):
    d = os.path.join(out, f"fold{fold(pid)}", "scrapinghub")
    link(os.path.join(data, "scrapinghub", "html", pid + ".html.gz"), os.path.join(d, "html", pid + ".html.gz"))
    link(os.path.join(data, "scrapinghub", "text", pid + ".txt"), os.path.join(d, "text", pid + ".txt"))
PY
rm -f "$out"/*-html.jsonl "$out"/*-text.jsonl
for k in 0 1 2 3 4; do
    echo "== fold $k" >&2
    if [ "${1:-}" = --reuse ]; then
        for m in $models; do cp "$out/fold$k/$(basename "$m")" "$m"; done
    else
        .train/bin/python scripts/train_model.py --held-out-fold "$k" --features "$out/features.jsonl" 2>&1 | tail -1 >&2
        .train/bin/python scripts/train_model.py --text --held-out-fold "$k" --features "$out/features.jsonl" 2>&1 | tail -1 >&2
        for m in $models; do cp "$m" "$out/fold$k/"; done
    fi
    cargo build --release -q -p tamis-cli
    for set in wcxb-dev scrapinghub; do
        for mode in html text; do
            ./target/release/tamis extract "$out/fold$k/$set/$mode" --format jsonl -o "$out/fold$k/$set-$mode.jsonl" \
                --quiet --no-cross-page 2>/dev/null || true
            cat "$out/fold$k/$set-$mode.jsonl" >>"$out/$set-$mode.jsonl"
        done
    done
done
for set in wcxb-dev scrapinghub; do
    for mode in html text; do
        echo "== $set, $mode mode, every page scored by classifiers trained without its fold"
        python3 ../shared/eval/score.py "$data/$set" "$out/$set-$mode.jsonl" --json "$out/$set-$mode.score.json"
    done
done
echo "$commit" >"$out/commit"
# The commit the fold models were trained at: this one, or with --reuse the last full run's.
[ "${1:-}" = --reuse ] || echo "$commit" >"$out/models-commit"
restore
cargo build --release -q -p tamis-cli
