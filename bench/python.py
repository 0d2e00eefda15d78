#!/usr/bin/env python3
"""Throughput of the Python package, beside the native engine on the same text.

    python bench/python.py [--cli target/release/wasim] [--workers 2]

Run it with the Python that has the `wasim` package (and Dask) installed. The text is the
committed sample of real news that `wasim bench` measures (`bench/real-sample.txt`: NewsFANE,
WikiFANE and Wojood articles, a blank line between two). One row each: the engine natively,
document by document (`wasim bench`); the `wasim` command on the same articles (a file each,
JSONL out, one thread and all cores); `wasim.annotate` in a loop on one thread;
`wasim.annotate_many` on all cores (dicts, and JSON lines); the Dask recipe on the sample four
times over, on a local cluster of worker processes with one thread each (busy MB/s per worker,
and the run's wall clock). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
import time

import wasim

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def timed(f, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "wasim"))
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="wasim-bench-py-")
    sample = open(os.path.join(ROOT, "bench", "real-sample.txt"), encoding="utf-8").read()
    corpora = {"real news (bench/real-sample.txt)": [d for d in sample.split("\n\n") if d.strip()]}
    cores = os.cpu_count() or 1
    print(f"Python {sys.version.split()[0]}, wasim {wasim.__version__}, {cores} cores\n")
    print("| corpus | measure | MB/s |")
    print("|---|---|---:|")
    wasim.annotate("تحميل النموذج")
    for name, texts in corpora.items():
        size = mb(texts)
        folder = os.path.join(tmp, name.split()[0])
        os.makedirs(folder)
        files = []
        for i, t in enumerate(texts):
            files.append(os.path.join(folder, f"{i:05d}.txt"))
            with open(files[-1], "w", encoding="utf-8") as f:
                f.write(t)
        native = subprocess.run([a.cli, "bench"], check=True, capture_output=True, text=True).stdout
        row = next(line for line in native.splitlines() if line.startswith("| annotate"))
        print(f"| {name}: {size:.2f} MB, {len(texts)} articles | the engine natively, one thread, document by document "
              f"(`wasim bench`) | {float(row.split('|')[3]):.2f} |")
        for jobs in (1, cores):
            cli = timed(lambda: subprocess.run([a.cli, "annotate", "--jobs", str(jobs), "--format", "jsonl", *files],
                                               check=True, stdout=subprocess.DEVNULL))
            print(f"| | the `wasim` command, `annotate --jobs {jobs} --format jsonl` | {size / cli:.2f} |")
        one = timed(lambda: [wasim.annotate(t) for t in texts])
        print(f"| | `wasim.annotate` in a loop, one thread | {size / one:.2f} |")
        many = timed(lambda: wasim.annotate_many(texts))
        print(f"| | `wasim.annotate_many`, {cores} threads, dicts | {size / many:.2f} |")
        lines = timed(lambda: wasim.annotate_many(texts, as_json=True))
        print(f"| | `wasim.annotate_many`, {cores} threads, JSON lines | {size / lines:.2f} |")
    dask_run(next(iter(corpora.values())) * 4, a.workers, tmp)


def dask_run(texts: list[str], workers: int, tmp: str) -> None:
    from distributed import Client, LocalCluster

    import wasim.dask

    src = os.path.join(tmp, "articles")
    os.makedirs(src)
    for i, t in enumerate(texts):
        with open(os.path.join(src, f"{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(t)
    out = os.path.join(tmp, "annotated")
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(lambda: wasim.annotate("تحميل النموذج"))  # each worker loads the model first
        r = wasim.dask.annotate_corpus(src, out, client=client, partition_mb=0.25)
    out_mb = sum(os.path.getsize(p) for p in glob.glob(os.path.join(out, "part-*.jsonl"))) / 1e6
    for k, (w, s) in enumerate(sorted(r.workers().items())):
        print(f"| {'' if k else 'the sample 4 times, Dask'} | worker {re.sub(r'^tcp://', '', w)}: {int(s['tasks'])} tasks, "
              f"{int(s['documents'])} articles, busy MB/s | {s['mb_per_s']:.2f} |")
    print(f"| | {workers} workers × 1 thread: {r.documents} articles, {r.bytes / 1e6:.2f} MB in "
          f"{r.seconds:.2f} s, wall clock MB/s | {r.bytes / 1e6 / r.seconds:.2f} |")
    print(f"\n(output: {out}, {len(r.parts)} parts, {out_mb:.1f} MB of wasim/1 JSONL for {r.bytes / 1e6:.1f} MB "
          f"of text; run record in {out}/_wasim.json)")


if __name__ == "__main__":
    main()
