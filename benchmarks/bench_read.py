"""Benchmark: read + validate + build the task graph of synthetic models of N tasks.

Usage: python benchmarks/bench_read.py [--sizes 500,1000,5000,10000,50000] [--repeat 3]

Each size runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own.
Prints a markdown table for docs/performance.md: the median of the repeats, the time per
task and the ratio to the smallest size (ratios in one run are robust on a noisy machine).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from jobcarve import Limits, build_task_graph, read_process, summarize
from jobcarve.catalog import load_catalogs
load_catalogs()  # catalogues are read once per process; not part of the model's cost
t0 = time.perf_counter()
process = read_process(sys.argv[1], limits=Limits(max_file_bytes=1 << 30, max_tasks=10**6))
t1 = time.perf_counter()
graph = build_task_graph(process)
summary = summarize(process, graph)
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"read": t1 - t0, "graph": t2 - t1, "rss_mb": rss, "tasks": summary.tasks}))
"""


def run(n: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"model_{n}.yaml"
        path.write_text(generate(n), encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        runs = []
        for _ in range(repeat):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
            )
            runs.append(json.loads(out.stdout))
    read = statistics.median(r["read"] for r in runs)
    graph = statistics.median(r["graph"] for r in runs)
    return {
        "n": n,
        "file_mb": size_mb,
        "read_s": read,
        "graph_s": graph,
        "total_s": read + graph,
        "rss_mb": max(r["rss_mb"] for r in runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="read/validate/graph benchmark")
    parser.add_argument("--sizes", default="500,1000,5000,10000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = [run(n, args.repeat) for n in sizes]
    base = rows[0]
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}"
    )
    print()
    print(
        "| tasks | file MB | read + validate s | graph + figures s | total s | us per task | x smallest | peak RSS MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['file_mb']:.1f} | {r['read_s']:.3f} | {r['graph_s']:.3f} | {r['total_s']:.3f} "
            f"| {1e6 * r['total_s'] / r['n']:.0f} | {r['total_s'] / base['total_s']:.1f} | {r['rss_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
