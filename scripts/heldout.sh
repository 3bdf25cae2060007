#!/usr/bin/env bash
# Scores tamis on the pages the classifier was never trained on (the held-out fifth of WCXB dev and
# of ScrapingHub), in HTML and in text mode (as given, and without blank lines).   scripts/heldout.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/datasets/wcxb-dev
dir=bench-out/heldout
rm -rf "$dir" && mkdir -p "$dir/ground-truth" "$dir/html" "$dir/text"
python3 - "$data" "$dir" <<'PY'
import os, sys
sys.path.insert(0, "scripts")
from folds import fold  # the shipped models are trained without fold 0
data, out = sys.argv[1], sys.argv[2]
for name in os.listdir(os.path.join(data, "ground-truth")):
    pid = name[:-5]
    if fold(pid) == 0:
        os.symlink(os.path.abspath(os.path.join(data, "ground-truth", name)), os.path.join(out, "ground-truth", name))
        os.symlink(os.path.abspath(os.path.join(data, "html", pid + ".html.gz")), os.path.join(out, "html", pid + ".html.gz"))
        os.symlink(os.path.abspath(os.path.join(data, "text", pid + ".txt")), os.path.join(out, "text", pid + ".txt"))
PY
cargo build --release -q -p tamis-cli
sh=bench-out/heldout-sh
rm -rf "$sh" && mkdir -p "$sh/html" "$sh/text"
python3 - ../shared/datasets/scrapinghub "$sh" <<'PY'
import json, os, sys
sys.path.insert(0, "scripts")
from folds import fold
data, out = sys.argv[1], sys.argv[2]
gold = json.load(open(os.path.join(data, "ground-truth.json"), encoding="utf-8"))
kept = {k: v for k, v in gold.items() if fold(k) == 0}
json.dump(kept, open(os.path.join(out, "ground-truth.json"), "w"))
for pid in kept:
    os.symlink(os.path.abspath(os.path.join(data, "html", pid + ".html.gz")), os.path.join(out, "html", pid + ".html.gz"))
    os.symlink(os.path.abspath(os.path.join(data, "text", pid + ".txt")), os.path.join(out, "text", pid + ".txt"))
PY
for mode in html text; do
    ./target/release/tamis extract "$dir/$mode" --format jsonl -o "bench-out/heldout-$mode.jsonl" --quiet --no-cross-page 2>/dev/null || true
    echo "== held-out WCXB dev, $mode mode"
    python3 ../shared/eval/score.py "$dir" "bench-out/heldout-$mode.jsonl"
    ./target/release/tamis extract "$sh/$mode" --format jsonl -o "bench-out/heldout-sh-$mode.jsonl" --quiet --no-cross-page 2>/dev/null || true
    echo "== held-out ScrapingHub, $mode mode"
    python3 ../shared/eval/score.py "$sh" "bench-out/heldout-sh-$mode.jsonl"
done
# Text mode again on the same pages without their blank lines, the way WET files write text.
for set in "$dir" "$sh"; do
    mkdir -p "$set/flat"
    for f in "$set"/text/*.txt; do grep -v '^[[:space:]]*$' "$f" > "$set/flat/$(basename "$f")" || true; done
done
./target/release/tamis extract "$dir/flat" --format jsonl -o bench-out/heldout-flat.jsonl --quiet --no-cross-page 2>/dev/null || true
echo "== held-out WCXB dev, text mode without blank lines"
python3 ../shared/eval/score.py "$dir" bench-out/heldout-flat.jsonl
./target/release/tamis extract "$sh/flat" --format jsonl -o bench-out/heldout-sh-flat.jsonl --quiet --no-cross-page 2>/dev/null || true
echo "== held-out ScrapingHub, text mode without blank lines"
python3 ../shared/eval/score.py "$sh" bench-out/heldout-sh-flat.jsonl
