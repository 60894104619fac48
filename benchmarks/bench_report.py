"""Benchmark: rendering the HTML report of a synthetic model of N tasks.

Usage: python benchmarks/bench_report.py [--tasks 500] [--plan-seconds 10] [--repeat 3]

The analysis and the plan are computed once (not timed); the view model and the template
rendering are timed, median of the repeats, and the size of report.html is reported.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from jobcarve import analyze, plan, read_process  # noqa: E402
from jobcarve.report import render_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description="report rendering benchmark")
    parser.add_argument("--tasks", type=int, default=500)
    parser.add_argument("--plan-seconds", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.yaml"
        path.write_text(generate(args.tasks), encoding="utf-8")
        process = read_process(path)
    analysis = analyze(process)
    t0 = time.perf_counter()
    best = plan(process, analysis, time_limit_s=args.plan_seconds)
    plan_s = time.perf_counter() - t0
    times, size = [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        html = render_report(process, analysis, best, lang="nl")
        times.append(time.perf_counter() - t0)
        size = len(html.encode("utf-8"))
    print(
        f"tasks {args.tasks}, units {len(analysis.units)}, carved jobs {len(best.carved)} (plan {plan_s:.1f} s)"
    )
    print(
        f"render median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}), report.html {size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
