#!/usr/bin/env bash
# Scores tamis on the WCXB dev pages the classifier was never trained on (the held-out fifth),
# in HTML and in text mode.   scripts/heldout.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/datasets/wcxb-dev
dir=bench-out/heldout
rm -rf "$dir" && mkdir -p "$dir/ground-truth" "$dir/html" "$dir/text"
python3 - "$data" "$dir" <<'PY'
import hashlib, os, sys
data, out = sys.argv[1], sys.argv[2]
for name in os.listdir(os.path.join(data, "ground-truth")):
    pid = name[:-5]
    if hashlib.md5(pid.encode()).digest()[0] % 5 == 0:
        os.symlink(os.path.abspath(os.path.join(data, "ground-truth", name)), os.path.join(out, "ground-truth", name))
        os.symlink(os.path.abspath(os.path.join(data, "html", pid + ".html.gz")), os.path.join(out, "html", pid + ".html.gz"))
        os.symlink(os.path.abspath(os.path.join(data, "text", pid + ".txt")), os.path.join(out, "text", pid + ".txt"))
PY
cargo build --release -q -p tamis-cli
for mode in html text; do
    ./target/release/tamis extract "$dir/$mode" --format jsonl -o "bench-out/heldout-$mode.jsonl" --quiet 2>/dev/null || true
    echo "== held-out WCXB dev, $mode mode"
    python3 ../shared/eval/score.py "$dir" "bench-out/heldout-$mode.jsonl"
done
