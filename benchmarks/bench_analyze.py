"""Benchmark: `jobcarve.analyze` on synthetic models of N tasks (fit, split, cobot).

Usage: python benchmarks/bench_analyze.py [--sizes 500,1000,2000,5000,10000] [--repeat 3]

The model is read once per size (reading is measured by bench_read.py); the analysis is
timed `repeat` times in the same process and the median is reported, with the time per
task and the ratio to the smallest size.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from jobcarve import Limits, analyze, read_process  # noqa: E402
from jobcarve.catalog import load_catalogs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description="analysis benchmark")
    parser.add_argument("--sizes", default="500,1000,2000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load_catalogs()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "m.yaml"
            path.write_text(generate(n), encoding="utf-8")
            process = read_process(path, limits=Limits(max_file_bytes=1 << 30, max_tasks=10**6))
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            result = analyze(process)
            times.append(time.perf_counter() - t0)
        rows.append((n, len(result.units), statistics.median(times)))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print()
    print("| tasks | units | analyse s | us per task | x smallest |")
    print("|---:|---:|---:|---:|---:|")
    base = rows[0][2]
    for n, units, t in rows:
        print(f"| {n:,} | {units:,} | {t:.3f} | {1e6 * t / n:.0f} | {t / base:.1f} |")


if __name__ == "__main__":
    main()
