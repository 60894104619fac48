"""Benchmark runner for line balancing: ALWABP-2 families and SALBP-1 (Scholl) against known optima.

Usage:
  python benchmarks/run_balance.py alwabp --families roszieg,heskia --time-limit 60 [--every 1]
  python benchmarks/run_balance.py salbp1 --time-limit 10 [--every 1]
  python benchmarks/run_balance.py salbp2 --time-limit 10 [--every 1]

Reads the instances from ../shared/benchmarks (never copied into the project), solves each
with `jobcarve balance`'s engine, and writes benchmarks/results/<set>.csv and a markdown
table (hits, proven optima, mean gap, median and max time) to stdout for
docs/performance.md. Instance names are only used to look up the known optimum.
"""

from __future__ import annotations

import argparse
import csv
import platform
import statistics
import sys
import time
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT))

from jobcarve.carving.cpsat.line import solve_line  # noqa: E402
from jobcarve.carving.line import LineSolution  # noqa: E402
from jobcarve.carving.salbp import solve_salbp1, solve_salbp2  # noqa: E402
from jobcarve.lineformats import Instance, read_instance  # noqa: E402


@lru_cache(maxsize=32)
def _graph(path: Path) -> Instance:
    """A Scholl graph, read once for all its cycle times or station counts."""
    return read_instance(path, "in2")


def _result(
    set_name: str, instance: str, known: int, found: int, sol: LineSolution, seconds: float
) -> dict[str, object]:
    """One row of the results CSV, echoed to stderr as the run goes."""
    print(f"{instance}: {found} (known {known}) {sol.status} {seconds:.1f}s", file=sys.stderr)
    return {
        "set": set_name,
        "instance": instance,
        "known": known,
        "found": found,
        "lower_bound": sol.lower_bound,
        "status": sol.status,
        "seconds": round(seconds, 3),
    }


def run_alwabp(
    families: list[str], limit: float, every: int, workers: int
) -> list[dict[str, object]]:
    rows = []
    optima = list(csv.DictReader((SHARED / "alwabp" / "optima.csv").open()))
    for row in optima[::every]:
        if row["family"] not in families:
            continue
        inst = read_instance(SHARED / "alwabp" / row["instance"], "alwabp")
        t0 = time.perf_counter()
        sol = solve_line(inst.problem(), "min_cycle", time_limit_s=limit, workers=workers)
        seconds = time.perf_counter() - t0
        known = int(row["optimal_cycle_time"])
        rows.append(_result(row["family"], row["instance"], known, sol.cycle_time, sol, seconds))
    return rows


def run_salbp1(limit: float, every: int, workers: int) -> list[dict[str, object]]:
    rows = []
    for row in list(csv.DictReader((SHARED / "salbp" / "salbp1_optima.csv").open()))[::every]:
        inst = _graph(SHARED / "salbp" / row["graph_file"])
        t0 = time.perf_counter()
        sol = solve_salbp1(
            inst.first_times(),
            inst.predecessors(),
            int(row["cycle_time"]),
            time_limit_s=limit,
            workers=workers,
        )
        seconds = time.perf_counter() - t0
        known = int(row["optimal_stations"] or row["ub_stations"])
        rows.append(_result("salbp1", row["instance"], known, len(sol.stations), sol, seconds))
    return rows


def run_salbp2(limit: float, every: int) -> list[dict[str, object]]:
    """SALBP-2 (Scholl's 302 instances): the known value is the optimum or, if open, the best known."""
    rows = []
    for row in list(csv.DictReader((SHARED / "salbp" / "salbp2_optima.csv").open()))[::every]:
        inst = _graph(SHARED / "salbp" / row["graph_file"])
        t0 = time.perf_counter()
        sol = solve_salbp2(
            inst.first_times(), inst.predecessors(), int(row["n_stations"]), time_limit_s=limit
        )
        seconds = time.perf_counter() - t0
        known = int(row["optimal_cycle_time"] or row["ub_cycle_time"])
        set_name = f"salbp2 data set {row['data_set']}"
        rows.append(_result(set_name, row["instance"], known, sol.cycle_time, sol, seconds))
    return rows


def table(rows: list[dict[str, object]]) -> str:
    out = [
        "| set | instances | at known optimum | proven optimal | mean gap | median s | max s | total s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in dict.fromkeys(str(r["set"]) for r in rows):
        group = [r for r in rows if r["set"] == name]
        hits = sum(1 for r in group if r["found"] == r["known"])
        proven = sum(1 for r in group if r["status"] == "optimal")
        gaps = [(float(r["found"]) - float(r["known"])) / float(r["known"]) for r in group]  # type: ignore[arg-type]
        secs = [float(r["seconds"]) for r in group]  # type: ignore[arg-type]
        out.append(
            f"| {name} | {len(group)} | {hits} | {proven} | {100 * statistics.mean(gaps):.2f}% | {statistics.median(secs):.2f} | {max(secs):.1f} | {sum(secs):.0f} |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=["alwabp", "salbp1", "salbp2"])
    parser.add_argument("--families", default="roszieg,heskia,tonge")
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--every", type=int, default=1, help="take every n-th instance (a sample)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"no benchmark data at {SHARED}: the shared folder is not next to the project")
    if args.set == "alwabp":
        rows = run_alwabp(args.families.split(","), args.time_limit, args.every, args.workers)
    elif args.set == "salbp1":
        rows = run_salbp1(args.time_limit, args.every, args.workers)
    else:
        rows = run_salbp2(args.time_limit, args.every)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    name = f"{args.set}_{args.families.replace(',', '-') if args.set == 'alwabp' else 'scholl'}.csv"
    with (results / name).open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, time limit {args.time_limit:g} s, {args.workers} workers"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
