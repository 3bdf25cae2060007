#!/usr/bin/env bash
# Builds tamis and scores it on the development sets in ../shared (HTML and text mode).
#   scripts/eval.sh [wcxb|wcxb-text|scrapinghub|scrapinghub-text|all]
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/datasets
out=bench-out
mkdir -p "$out"
cargo build --release -q -p tamis-cli
run() { # name input-dir dataset
    ./target/release/tamis extract "$2" --format jsonl -o "$out/$1.jsonl" --quiet --no-cross-page 2>"$out/$1.err" || true
    echo "== $1"
    python3 ../shared/eval/score.py "$3" "$out/$1.jsonl" --json "$out/$1.score.json"
}
what=${1:-all}
case $what in wcxb|all) run wcxb $data/wcxb-dev/html $data/wcxb-dev ;; esac
case $what in wcxb-text|all) run wcxb-text $data/wcxb-dev/text $data/wcxb-dev ;; esac
case $what in scrapinghub|all) run scrapinghub $data/scrapinghub/html $data/scrapinghub ;; esac
case $what in scrapinghub-text|all) run scrapinghub-text $data/scrapinghub/text $data/scrapinghub ;; esac
