#!/usr/bin/env python3
"""Lists metadata mismatches (title, author or date) between predictions and the WCXB gold.
    scripts/meta_errors.py PRED.jsonl FIELD [N]"""
import json, os, sys
sys.path.insert(0, '../shared/eval')
from score import norm, author_match, date_match
gt = '../shared/datasets/wcxb-dev/ground-truth/'
field = sys.argv[2]; n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
gkey = {'title': 'title', 'author': 'author', 'date': 'publish_date'}[field]
preds = {os.path.basename(json.loads(l)['source']).split('.')[0]: json.loads(l) for l in open(sys.argv[1])}
bad = 0
for f in sorted(os.listdir(gt)):
    g = json.load(open(gt + f))['ground_truth'].get(gkey)
    if not g: continue
    p = preds.get(f[:-5], {}).get(field)
    ok = date_match(p, g) if field == 'date' else author_match(p, g) if field == 'author' else bool(p) and norm(p) == norm(g)
    if not ok:
        bad += 1
        if bad <= n: print(f"{f[:-5]}  gold={g!r}\n       pred={p!r}")
print('mismatches:', bad)
