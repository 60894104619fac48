"""Benchmark: 200 Monte Carlo draws of the plan of a 100-task model (target: under 60 s).

Usage: python benchmarks/bench_mc.py [--tasks 100] [--draws 200] [--plan-seconds 10]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from jobcarve import analyze, parse_process, plan  # noqa: E402
from jobcarve.uncertainty import monte_carlo  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description="Monte Carlo benchmark")
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--draws", type=int, default=200)
    parser.add_argument("--plan-seconds", type=float, default=10)
    args = parser.parse_args()
    process = parse_process(generate(args.tasks, seed=3))
    analysis = analyze(process)
    t0 = time.perf_counter()
    best = plan(process, analysis, time_limit_s=args.plan_seconds)
    t1 = time.perf_counter()
    spread = monte_carlo(process, best, draws=args.draws, seed=1)
    t2 = time.perf_counter()
    print(
        f"tasks {args.tasks}, units {len(analysis.units)}, volume shares {len(best.instance.units) if best.instance else 0}"
    )
    print(f"plan: {best.summary()['extra_workers']} extra workers ({t1 - t0:.1f} s)")
    print(
        f"monte carlo: {args.draws} draws in {t2 - t1:.2f} s; extra workers P10/P50/P90 = {spread.extra_workers.p10}/{spread.extra_workers.p50}/{spread.extra_workers.p90}"
    )


if __name__ == "__main__":
    main()
