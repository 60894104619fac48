"""Plan stability and effort: the headline of every example at two solver budgets.

For each example and each ``--limits`` value (default 10 and 60 s of CP-SAT deterministic
time per plan) it prints the headline (workers, carved hours, cobots), the status and gap,
the deterministic effort per stage and the wall time, and at the end whether the headline
is the same at every budget. The solver's effort is deterministic, so the figures (not the
wall times) are the same on any machine load; record them in docs/performance.md.

    python benchmarks/bench_plan.py [--limits 10 60] [examples/*.yaml]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from jobcarve import read_process
from jobcarve.analysis import analyze
from jobcarve.carving import plan

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", type=Path)
    parser.add_argument("--limits", nargs="+", type=float, default=[10.0, 60.0])
    args = parser.parse_args(argv)
    models = args.models or sorted((ROOT / "examples").glob("*.yaml"))
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    same = True
    for path in models:
        process = read_process(path)
        analysis = analyze(process)
        heads = []
        for limit in args.limits:
            t0 = time.perf_counter()
            result = plan(process, analysis, time_limit_s=limit, evaluate_proposals=False)
            wall = time.perf_counter() - t0
            s = result.summary()
            head = (s["extra_workers"], round(s["carved_hours_per_week"], 1), s["cobots"])
            heads.append(head)
            print(
                json.dumps(
                    {
                        "model": path.stem,
                        "limit_s": limit,
                        "workers": head[0],
                        "carved_hours": head[1],
                        "cobots": head[2],
                        "status": s["status"],
                        "gap": s["gap"],
                        "stages": result.stage_status,
                        "wall_s": round(wall, 1),
                    }
                )
            )
        if len(set(heads)) > 1:
            same = False
            print(f"  {path.stem}: the headline differs between budgets: {heads}")
    print("headline the same at every budget:", same)
    return 0


if __name__ == "__main__":
    sys.exit(main())
