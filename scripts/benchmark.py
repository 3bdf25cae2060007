#!/usr/bin/env python3
"""Runs tamis and the reference tools on the same pages in one run and writes docs/BENCHMARKS.md.

    python3 scripts/benchmark.py [--peers-python .peers/bin/python] [--skip-peers] [--warc]

Needs ../shared (datasets and eval) and, for the peers, a virtualenv with
../shared/eval/requirements-peers.txt installed (see ../shared/eval/README.md).
Accuracy comes from ../shared/eval/score.py. Time per page is single-threaded extraction from the
raw page bytes, file reading excluded, as peers.py measures the peers; tamis is timed by
crates/tamis/examples/bench.rs. With --warc, a WARC packed from WCXB dev by make_warc.py is run end to
end (read, decompress, extract, write) by tamis (1 and 2 threads) and by the peers through peers.py.
"""
import argparse, datetime, json, os, platform, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
DATA = os.path.join(SHARED, "datasets")
OUT = os.path.join(ROOT, "bench-out", "benchmark")
TAMIS = os.path.join(ROOT, "target", "release", "tamis")
BENCH = os.path.join(ROOT, "target", "release", "examples", "bench")
PEERS = ["resiliparse", "rs-trafilatura", "trafilatura", "trafilatura-fast", "readability", "justext"]


def run(cmd, **kw):
    print("+", " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def score(dataset, preds):
    out = preds + ".score.json"
    run([sys.executable, os.path.join(SHARED, "eval", "score.py"), dataset, preds, "--json", out])
    return json.load(open(out))


def tamis_time(pages_dir, parse_only=False):
    """tamis's single-threaded time per page; with parse_only, decoding and html5ever parsing alone."""
    env = dict(os.environ, TAMIS_BENCH_PARSE_ONLY="1") if parse_only else None
    line = subprocess.run([BENCH, pages_dir], capture_output=True, text=True, check=True, env=env).stdout.strip()
    mean = float(re.search(r"mean ([\d.]+) ms/page", line).group(1))
    median = float(re.search(r"median ([\d.]+) ms/page", line).group(1))
    return mean, median, line


def run_rss(cmd):
    """Runs a command; returns its own peak resident memory in MB (os.wait4's rusage of that child)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def tamis_predict(pages_dir, out):
    """Extracts every page with one thread, each page on its own evidence (no cross-page counts, as the
    issues measure it); returns the peak resident memory of that run, in MB."""
    return run_rss([TAMIS, "extract", pages_dir, "--format", "jsonl", "-j", "1", "-o", out, "--quiet",
                    "--no-cross-page"])


def peer(py, tool, dataset, out):
    line = run([py, os.path.join(SHARED, "eval", "peers.py"), tool, dataset, out]).stdout.strip().splitlines()[-1]
    m = re.search(r"([\d.]+) ms/page", line)
    return float(m.group(1)) if m else None, line


def fmt(x, digits=3):
    return "–" if x is None else f"{x:.{digits}f}"


def meta(s, field):
    return s.get("metadata", {}).get(field, {}).get("accuracy")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peers-python", default=os.path.join(ROOT, ".peers", "bin", "python"))
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--warc", action="store_true")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "tamis-cli", "-p", "tamis", "--example", "bench"],
                   cwd=ROOT, check=True)
    started = time.time()
    results = {}
    for name in ("wcxb-dev", "scrapinghub"):
        ds = os.path.join(DATA, name)
        rows = {}
        preds = os.path.join(OUT, f"tamis-{name}.jsonl")
        rss = tamis_predict(os.path.join(ds, "html"), preds)
        mean, median, _ = tamis_time(os.path.join(ds, "html"))
        parse_ms, _, _ = tamis_time(os.path.join(ds, "html"), parse_only=True)
        rows["tamis"] = {"score": score(ds, preds), "ms": mean, "median": median, "rss": rss, "parse_ms": parse_ms}
        tpreds = os.path.join(OUT, f"tamis-{name}-text.jsonl")
        tamis_predict(os.path.join(ds, "text"), tpreds)
        tmean, tmedian, tline = tamis_time(os.path.join(ds, "text"))
        mbps = float(re.search(r"([\d.]+) MB/s", tline).group(1))
        rows["tamis text mode"] = {"score": score(ds, tpreds), "ms": tmean, "median": tmedian, "mbps": mbps}
        if not args.skip_peers:
            for tool in PEERS:
                p = os.path.join(OUT, f"{tool}-{name}.jsonl")
                try:
                    ms, _ = peer(args.peers_python, tool, ds, p)
                    rows[tool] = {"score": score(ds, p), "ms": ms}
                except subprocess.CalledProcessError as e:
                    print(f"{tool} failed: {e.stderr[-500:]}", file=sys.stderr)
        results[name] = rows
    duel = None if args.skip_peers else head_to_head(args)
    warc = run_warc(args) if args.warc else None
    write_report(results, warc, time.time() - started, args, duel)


ROUNDS = 3
# The WARC runs are short (10 s or so) and the 2-thread speed-up is a ratio of two of them, so the
# machine's bursts of load move it most: more rounds there.
WARC_ROUNDS = 5


def head_to_head(args):
    """tamis and resiliparse timed over WCXB dev in alternation, ROUNDS times each: the machine's noise
    comes in bursts, so alternating rounds and taking medians compares the two under the same load."""
    ds = os.path.join(DATA, "wcxb-dev")
    rounds = []
    for _ in range(ROUNDS):
        mean, median, _ = tamis_time(os.path.join(ds, "html"))
        ms, _ = peer(args.peers_python, "resiliparse", ds, os.path.join(OUT, "resiliparse-duel.jsonl"))
        rounds.append((mean, median, ms))
    return rounds


def run_warc(args):
    """End-to-end WARC throughput: tamis with 1 and 2 threads, and the peers, on one packed WARC."""
    path = os.path.join(OUT, "wcxb-dev.warc.gz")
    if not os.path.exists(path):
        run([args.peers_python, os.path.join(SHARED, "eval", "make_warc.py"), os.path.join(DATA, "wcxb-dev"), path])
    runs = {}

    def tamis_run(threads):
        stats = os.path.join(OUT, f"warc-stats-{threads}.json")
        t0 = time.perf_counter()
        rss = run_rss([TAMIS, "extract", path, "-j", str(threads), "-o", os.path.join(OUT, f"warc-{threads}.jsonl.zst"),
                       "--stats", stats, "--quiet"])
        spent = time.perf_counter() - t0
        s = json.load(open(stats))
        runs.setdefault(f"tamis -j {threads}", []).append(
            {"records": s["read"], "mb": s["bytes"] / 1e6, "s": spent, "mbps": s["bytes"] / 1e6 / spent, "rss": rss})

    def peer_run(tool):
        cmd = [args.peers_python, os.path.join(SHARED, "eval", "peers.py"), tool, path,
               os.path.join(OUT, f"warc-{tool}.jsonl")]
        line = run(cmd).stdout.strip().splitlines()[-1]
        m = re.search(r"(\d+) records, ([\d.]+) MB of payload, ([\d.]+) s end to end.*?([\d.]+) MB/s", line)
        if m:
            runs.setdefault(tool, []).append({"records": int(m.group(1)), "mb": float(m.group(2)),
                                              "s": float(m.group(3)), "mbps": float(m.group(4))})

    # The fast tools alternate, WARC_ROUNDS times each, and the median round is reported.
    for _ in range(WARC_ROUNDS):
        tamis_run(1)
        tamis_run(2)
        if not args.skip_peers:
            peer_run("resiliparse")
    if not args.skip_peers:
        # Every peer runs over the whole WARC: trafilatura's first 300 records ran at 4.0 MB/s, the
        # whole file at 1.3 MB/s (its slow pages come later), so a prefix flatters it.
        peer_run("rs-trafilatura")
        peer_run("trafilatura")
    out = {}
    for tool, rs in runs.items():
        ordered = [r["mbps"] for r in rs]
        rs = sorted(rs, key=lambda r: r["mbps"])
        out[tool] = dict(rs[len(rs) // 2], rounds=ordered)
    # Memory over a WARC of 1 GB and more: the packed WARC 16 times over (gzip members concatenate).
    big = os.path.join(OUT, "wcxb-dev-x16.warc.gz")
    if not os.path.exists(big):
        with open(big, "wb") as f:
            for _ in range(16):
                f.write(open(path, "rb").read())
    stats = os.path.join(OUT, "warc-stats-big.json")
    t0 = time.perf_counter()
    rss = run_rss([TAMIS, "extract", big, "-j", "2", "-o", os.path.join(OUT, "warc-big.jsonl.zst"),
                   "--stats", stats, "--quiet"])
    spent = time.perf_counter() - t0
    s = json.load(open(stats))
    out["big"] = {"gb": os.path.getsize(big) / 1e9, "records": s["read"], "written": s["written"], "s": spent,
                  "mbps": s["bytes"] / 1e6 / spent, "rss": rss}
    return out


def paired_ratio(warc, a, b):
    """Median over rounds of a's MB/s ÷ b's MB/s, each pair run back to back (same load), and the
    ratios themselves."""
    pairs = [x / y for x, y in zip(warc[a]["rounds"], warc[b]["rounds"])]
    return sorted(pairs)[len(pairs) // 2], pairs


def held_out_table(results):
    """Every tool's F1 (and title accuracy) on the held-out pages that scripts/heldout.sh lays out."""
    sets = {"wcxb-dev": os.path.join(ROOT, "bench-out", "heldout"),
            "scrapinghub": os.path.join(ROOT, "bench-out", "heldout-sh")}
    files = {"tamis": "tamis-{}.jsonl", "tamis text mode": "tamis-{}-text.jsonl"}
    rows = []
    for tool in results["wcxb-dev"]:
        cells = []
        for name, gold in sets.items():
            preds = os.path.join(OUT, files.get(tool, tool + "-{}.jsonl").format(name))
            if not os.path.exists(preds):
                cells.append(None)
                continue
            out = preds + ".heldout.json"
            run([sys.executable, os.path.join(SHARED, "eval", "score.py"), gold, preds, "--json", out])
            cells.append(json.load(open(out)))
        wcxb, sh = cells
        title = ((wcxb or {}).get("metadata") or {}).get("title", {}).get("accuracy")
        rows.append((wcxb["f1"] if wcxb else 0.0, tool, wcxb, sh, title))
    table = ["| tool | WCXB dev held-out F1 | ScrapingHub held-out F1 | title |", "|---|---|---|---|"]
    fmt = lambda r, digits=3: f"{r['f1']:.{digits}f}" if r else "–"
    for _, tool, wcxb, sh, title in sorted(rows, key=lambda r: -r[0]):
        table.append(f"| {tool} | {fmt(wcxb)} | {fmt(sh)} | {f'{title:.2f}' if title is not None else '–'} |")
    return table + [""]


def crossval_section():
    """The last `scripts/crossval.sh` run's figures, with the commit it ran at (it takes half an
    hour, so the benchmark reads its results instead of running it)."""
    out = os.path.join(ROOT, "bench-out", "crossval")
    lines = ["## Every page unseen: five-fold cross-validation", ""]
    try:
        commit = open(os.path.join(out, "commit")).read().strip()
        scores = {(s, m): json.load(open(os.path.join(out, f"{s}-{m}.score.json")))
                  for s in ("wcxb-dev", "scrapinghub") for m in ("html", "text")}
    except (OSError, ValueError):
        return lines + ["No run of `scripts/crossval.sh` found in bench-out/crossval.", ""]
    try:
        trained = open(os.path.join(out, "models-commit")).read().strip()
    except OSError:
        trained = "an earlier commit"
    when = "" if trained == commit else f" (with `--reuse`: the fold models of the full run at {trained})"
    lines += [f"`scripts/crossval.sh` at {commit}{when}: the block and line classifiers retrained five times, "
              "each time without one fifth of the pages, which are then extracted; so every page of both sets "
              "is scored by classifiers that never saw it (the metadata models stay the shipped ones). These "
              "are the fairest figures for pages like these that tamis has never met.", "",
              "| set | mode | F1 | lowest page type |", "|---|---|---|---|"]
    for (s, m), r in scores.items():
        types = r.get("by_type") or {}
        low = min(types.items(), key=lambda kv: kv[1]["f1"]) if types else None
        low_cell = f"{low[0]} {low[1]['f1']:.3f}" if low else "–"
        lines.append(f"| {s} | {m} | {r['f1']:.4f} | {low_cell} |")
    return lines + [""]


def write_report(results, warc, spent, args, duel=None):
    cpu = "unknown CPU"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} cores ({cpu}), {platform.system()}, "
        f"all tools in one run of `python3 scripts/benchmark.py{' --warc' if warc else ''}` ({spent / 60:.0f} min). "
        "The machine is shared and noisy: compare tools within a table, not across runs.",
        "",
        "Accuracy is `../shared/eval/score.py`'s; time is single-threaded extraction per page from the raw "
        "bytes (file reading excluded): `../shared/eval/peers.py` for the peers, `crates/tamis/examples/bench.rs` "
        "for tamis.",
        "",
        "**tamis's classifiers are trained on 4 pages in 5 of these sets** (`scripts/train_model.py`), so the "
        "full-set figures below flatter it. The figures to quote are on pages never trained on: the held-out "
        "fifth further down, and, fairest, the five-fold cross-validation at the end, where every page is "
        "scored by classifiers that never saw it.",
        "",
    ]
    for name, rows in results.items():
        wcxb = name == "wcxb-dev"
        lines += [f"## {name}", ""]
        if wcxb:
            lines += ["| tool | F1 | precision | recall | title | author | date | mean ms/page | median ms/page |",
                      "|---|---|---|---|---|---|---|---|---|"]
        else:
            lines += ["| tool | F1 | precision | recall | mean ms/page | median ms/page |", "|---|---|---|---|---|---|"]
        for tool, r in sorted(rows.items(), key=lambda kv: -kv[1]["score"]["f1"]):
            s = r["score"]
            cells = [tool, fmt(s["f1"]), fmt(s["precision"]), fmt(s["recall"])]
            if wcxb:
                cells += [fmt(meta(s, "title"), 2), fmt(meta(s, "author"), 2), fmt(meta(s, "date"), 2)]
            cells += [fmt(r.get("ms"), 2), fmt(r.get("median"), 2)]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        t = rows["tamis"]["score"]
        if wcxb:
            lines += ["tamis by page type: " + ", ".join(f"{k} {v['f1']:.3f}" for k, v in t["by_type"].items()) + ".", ""]
            lines += [f"Peak resident memory of `tamis extract` over the whole set, one thread: {rows['tamis']['rss']:.0f} MB.", ""]
        tr = rows["tamis"]
        lines += [f"Where the time goes: decoding and html5ever parsing alone take {tr['parse_ms']:.2f} ms/page "
                  f"({tr['parse_ms'] / tr['ms']:.0%} of tamis's {tr['ms']:.2f}; `TAMIS_BENCH_PARSE_ONLY=1` "
                  "`target/release/examples/bench DIR`); cutting into blocks, classifying, metadata and rendering "
                  "take the rest. For instruction counts by function: `valgrind --tool=callgrind "
                  "target/release/examples/bench DIR`.", ""]
        if "resiliparse" in rows and rows["resiliparse"].get("ms"):
            ratio = rows["resiliparse"]["ms"] / rows["tamis"]["ms"]
            lines += [f"Speed ratio, resiliparse ms/page ÷ tamis ms/page (mean): {ratio:.2f}.", ""]
        tm = rows.get("tamis text mode")
        if tm:
            lines += [f"Text mode reads {tm['mbps']:.0f} MB of text per second on one core.", ""]
    if duel:
        med = lambda xs: sorted(xs)[len(xs) // 2]
        t_mean, t_median, r_ms = (med([r[i] for r in duel]) for i in range(3))
        lines += ["## tamis against resiliparse, in alternation", "",
                  f"WCXB dev, single thread, {len(duel)} alternating rounds each (mean ms/page per round):", "",
                  "| round | tamis mean | tamis median | resiliparse mean |", "|---|---|---|---|"]
        lines += [f"| {i + 1} | {a:.2f} | {b:.2f} | {c:.2f} |" for i, (a, b, c) in enumerate(duel)]
        pairs = sorted(c / a for a, _, c in duel)
        lines += ["", f"Median of rounds: tamis {t_mean:.2f} ms/page (median page {t_median:.2f}), resiliparse "
                  f"{r_ms:.2f} ms/page; resiliparse ÷ tamis, median of the rounds' ratios: "
                  f"{pairs[len(pairs) // 2]:.2f}.", ""]
    if warc:
        lines += ["## WARC end to end (WCXB dev packed by make_warc.py: read, decompress, extract, write)", "",
                  "`-j 1` is one thread doing everything; the peers are single-threaded Python. tamis and "
                  "resiliparse ran in alternation, the median round is shown (all rounds in the last column).", "",
                  "| tool | records | MB of payload | seconds | MB/s | peak RSS MB | rounds, MB/s |",
                  "|---|---|---|---|---|---|---|"]
        big = warc.pop("big", None)
        for tool, r in warc.items():
            rounds = ", ".join(f"{x:.1f}" for x in r.get("rounds", []))
            lines.append(f"| {tool} | {r['records']} | {r['mb']:.1f} | {r['s']:.1f} | {r['mbps']:.1f} | "
                         f"{fmt(r.get('rss'), 0)} | {rounds} |")
        lines.append("")
        one = warc.get("tamis -j 1")
        # Ratios of runs made back to back in one round share the machine's load of the moment.
        for a, b, label in (("tamis -j 2", "tamis -j 1", "2 threads ÷ 1 thread"),
                            ("tamis -j 1", "resiliparse", "tamis -j 1 ÷ resiliparse")):
            if a in warc and b in warc:
                ratio, pairs = paired_ratio(warc, a, b)
                lines += [f"{label}: {ratio:.2f} (median of the rounds' ratios: "
                          f"{', '.join(f'{p:.2f}' for p in pairs)}).", ""]
        if one and "trafilatura" in warc:
            lines += [f"tamis -j 1 ÷ trafilatura: {one['mbps'] / warc['trafilatura']['mbps']:.1f}.", ""]
        if big:
            lines += [f"Memory over {big['gb']:.2f} GB of WARC (the packed WARC 16 times over), `-j 2`: peak RSS "
                      f"{big['rss']:.0f} MB; {big['records']} records read, {big['written']} written, in "
                      f"{big['s']:.0f} s ({big['mbps']:.0f} MB/s of payload).", ""]
    held = subprocess.run(["bash", os.path.join(ROOT, "scripts", "heldout.sh")], cwd=ROOT, capture_output=True,
                          text=True).stdout
    lines += ["## Held-out pages: the figures to quote", "",
              "The fifth of each set that the classifiers never saw (a fixed hash of the page id). Every tool's "
              "predictions of this run, scored on those pages alone:", ""]
    lines += held_out_table(results)
    lines += ["tamis on the same pages, as printed by `scripts/heldout.sh` (score.py's output for each set and "
              "mode):", "", "```", held.strip(), "```", ""]
    lines += crossval_section()
    path = os.path.join(ROOT, "docs", "BENCHMARKS.md")
    open(path, "w").write("\n".join(lines) + "\n")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
