#!/usr/bin/env python3
"""Lists a page type's worst pages with the start of gold and prediction, for error analysis.
    scripts/worst.py PRED.jsonl [TYPE] [N]"""
import json, sys, os
sys.path.insert(0, '../shared/eval')
from score import word_prf
gt = '../shared/datasets/wcxb-dev/ground-truth/'
preds = {}
for l in open(sys.argv[1]):
    r = json.loads(l); preds[os.path.basename(r['source']).split('.')[0]] = r
typ = sys.argv[2] if len(sys.argv) > 2 else None
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
rows = []
for f in sorted(os.listdir(gt)):
    d = json.load(open(gt + f)); pid = f[:-5]
    t = d['_internal']['page_type']['primary']
    if typ and t != typ: continue
    if pid not in preds: continue  # scores only the pages predicted (a held-out run has a fifth)
    g = d['ground_truth'].get('main_content') or ''
    p = preds.get(pid, {}).get('text') or ''
    pr, rc, f1 = word_prf(p, g)
    rows.append((f1, pr, rc, pid, t, d.get('url', ''), g, p))
rows.sort()
for f1, pr, rc, pid, t, url, g, p in rows[:n]:
    print(f'===== {pid} {t} f1={f1:.2f} p={pr:.2f} r={rc:.2f} gold={len(g)} pred={len(p)} {url}')
    print('GOLD:', g[:400].replace('\n', ' / '))
    print('PRED:', p[:400].replace('\n', ' / '))
