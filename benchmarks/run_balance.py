"""Benchmark runner for line balancing: ALWABP-2 families and SALBP-1 (Scholl) against known optima.

Usage:
  python benchmarks/run_balance.py alwabp --families roszieg,heskia --time-limit 60 [--every 1]
                                   [--methods engine,cpsat]
  python benchmarks/run_balance.py alwabp-gen --time-limit 5 [--methods engine,cpsat]
  python benchmarks/run_balance.py salbp1 --time-limit 10 [--every 1]
  python benchmarks/run_balance.py salbp2 --time-limit 10 [--every 1]

Reads the instances from ../shared/benchmarks (never copied into the project), solves each
with `jobcarve balance`'s engine, and writes benchmarks/results/<set>.csv and a markdown
table (hits, proven optima, mean gap, median and max time) to stdout for
docs/performance.md. Instance names are only used to look up the known optimum.

ALWABP methods (compared in the same run, instance by instance): ``engine`` is
`solve_alwabp2` (constructive line, relaxation bound, CP-SAT asked to beat the line),
``engine-noprobe`` leaves out the bound probes (bisection on the cycle time with the
model as the test), ``engine-nolns`` the LNS over station windows after the model,
``engine-hint`` gives CP-SAT the line as a hint instead,
``engine-beam`` and ``engine-lns`` add the beam search or LNS phase, ``cpsat`` is the plain
CP-SAT line model with its own greedy hint, ``constructive`` only the constructive
heuristic with the relaxation bound. Every ALWABP line is checked (precedence, incompatible
pairs, loads within the cycle time, each worker once) and a broken one stops the run.
``alwabp-gen`` runs the families of benchmarks/gen_alwabp.py (generated first if missing);
their known value is the best line of any method in the run, proven when a bound meets it.

tonge/66: the data set's instances.csv lists LB = UB = 65, but its own branch and bound
(bb.csv) finished with 66 in 1,073 s and the CP-SAT model proves 66 too; optima.csv lists
66 (proven) with that note, and this runner takes optima.csv as it is.
"""

from __future__ import annotations

import argparse
import csv
import os
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

from jobcarve.carving.cpsat.line import _line_solution, solve_line  # noqa: E402
from jobcarve.carving.line import LineProblem, LineSolution  # noqa: E402
from jobcarve.carving.line.alwabp import (  # noqa: E402
    AlwabpGraph,
    Effort,
    heuristic_line,
    line_of,
    line_problems,
    lower_bound,
    solve_alwabp2,
)
from jobcarve.carving.line.formats import Instance, read_instance  # noqa: E402
from jobcarve.carving.line.salbp import solve_salbp1, solve_salbp2  # noqa: E402


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
        "constructive": sol.stats.get("constructive", ""),
        "guard": sol.stats.get("guard", ""),
        "probe_bound": sol.stats.get("probe_bound", ""),
        "continued": sol.stats.get("continued", ""),
    }


METHODS = (
    "engine",
    "engine-noprobe",
    "engine-nolns",
    "engine-hint",
    "engine-beam",
    "engine-lns",
    "cpsat",
    "constructive",
)


#: With --effort, each method gets that many deterministic seconds and this many times as
#: much wall clock as a guard (the shared machine's load then does not change the results).
GUARD = 20.0


def solve_alwabp(
    problem: LineProblem, method: str, limit: float, workers: int, effort: float | None = None
) -> LineSolution:
    """One ALWABP-2 run by the named method, its line checked."""
    t0 = time.perf_counter()
    wall = limit if effort is None else GUARD * effort
    if method == "engine":
        sol = solve_alwabp2(problem, time_limit_s=wall, workers=workers, effort_s=effort)
    elif method == "engine-noprobe":
        sol = solve_alwabp2(
            problem, time_limit_s=wall, workers=workers, effort_s=effort, probe_share=0.0
        )
    elif method == "engine-nolns":
        sol = solve_alwabp2(
            problem, time_limit_s=wall, workers=workers, effort_s=effort, lns_after=0.0
        )
    elif method == "engine-hint":
        sol = solve_alwabp2(
            problem, time_limit_s=wall, workers=workers, effort_s=effort, strict=False
        )
    elif method == "engine-beam":
        sol = solve_alwabp2(
            problem, time_limit_s=wall, workers=workers, beam_effort=20_000, effort_s=effort
        )
    elif method == "engine-lns":
        sol = solve_alwabp2(
            problem, time_limit_s=wall, workers=workers, lns_share=0.3, effort_s=effort
        )
    elif method == "cpsat":
        sol = solve_line(
            problem,
            "min_cycle",
            time_limit_s=wall,
            workers=workers,
            constructive=False,
            effort_s=effort,
        )
    elif method == "constructive":
        g = AlwabpGraph.from_problem(problem)
        found = heuristic_line(g, effort=Effort(limit=60_000, deadline=t0 + 0.5 * limit))
        assert found is not None
        sol = _line_solution(
            problem, "min_cycle", found[1], lower_bound(g, found[0]), time.perf_counter() - t0
        )
    else:
        raise ValueError(method)
    if sol.stations:
        g = AlwabpGraph.from_problem(problem)
        broken = line_problems(g, line_of(problem, sol), sol.cycle_time)
        if broken or sol.lower_bound > sol.cycle_time:
            sys.exit(f"{method}: invalid line: {broken[:3]} bound {sol.lower_bound}")
    return sol


def run_alwabp(
    families: list[str],
    limit: float,
    every: int,
    workers: int,
    methods: list[str],
    effort: float | None = None,
    only: set[str] | None = None,
) -> list[dict[str, object]]:
    rows = []
    optima = list(csv.DictReader((SHARED / "alwabp" / "optima.csv").open()))
    for row in optima[::every]:
        if row["family"] not in families or (
            only and row["instance"].removeprefix("instances/") not in only
        ):
            continue
        problem = read_instance(SHARED / "alwabp" / row["instance"], "alwabp").problem()
        known = int(row["optimal_cycle_time"])
        for method in methods:
            t0 = time.perf_counter()
            sol = solve_alwabp(problem, method, limit, workers, effort)
            seconds = time.perf_counter() - t0
            found = sol.cycle_time if sol.stations else 10**9
            rows.append(
                _result(f"{row['family']} {method}", row["instance"], known, found, sol, seconds)
            )
    return rows


def run_alwabp_gen(
    limit: float,
    every: int,
    workers: int,
    methods: list[str],
    effort: float | None = None,
    families: set[str] | None = None,
    start: int = 0,
) -> list[dict[str, object]]:
    """The generated families; known value = best line found by any run so far.

    ``best_known.csv`` next to the instances keeps, per instance, the best line and the
    best bound of every run (any method, any limit); this run's rows are measured against
    it after it has been updated with this run.
    """
    from gen_alwabp import DEFAULT_GRAPHS, generate

    folder = HERE / "results" / "alwabp_gen"
    index_file = folder / "families.csv"
    have = (
        {r["family"] for r in csv.DictReader(index_file.open())} if index_file.exists() else set()
    )
    if not {g.lower() for g in DEFAULT_GRAPHS.split(",")} <= have:
        # the same seed gives the same files, so regenerating keeps the earlier instances
        generate(DEFAULT_GRAPHS.split(","), 2, 1, folder)
    memory = folder / "best_known.csv"
    best_known: dict[str, tuple[int, int]] = {}
    if memory.exists():
        for r in csv.DictReader(memory.open()):
            best_known[r["instance"]] = (int(r["best"]), int(r["bound"]))
    rows = []
    index = [r for r in csv.DictReader((folder / "families.csv").open())]
    for row in [r for r in index if not families or r["family"] in families][start::every]:
        problem = read_instance(folder / row["instance"], "alwabp").problem()
        found_rows = []
        for method in methods:
            t0 = time.perf_counter()
            sol = solve_alwabp(problem, method, limit, workers, effort)
            seconds = time.perf_counter() - t0
            found = sol.cycle_time if sol.stations else 10**9
            found_rows.append(
                _result(f"{row['family']} {method}", row["instance"], 0, found, sol, seconds)
            )
        old_best, old_bound = best_known.get(row["instance"], (10**9, 0))
        best = min(old_best, *(int(r["found"]) for r in found_rows))  # type: ignore[call-overload]
        bound = max(old_bound, *(int(r["lower_bound"]) for r in found_rows))  # type: ignore[call-overload]
        if bound > best:
            sys.exit(f"{row['instance']}: bound {bound} above a line of {best}")
        best_known[row["instance"]] = (best, bound)
        for r in found_rows:
            r["known"] = best
            r["best_bound"] = bound
        rows += found_rows
    if memory.exists():
        # another run may have written meanwhile: keep the best of both
        for r in csv.DictReader(memory.open()):
            mine = best_known.get(r["instance"], (10**9, 0))
            best_known[r["instance"]] = (
                min(mine[0], int(r["best"])),
                max(mine[1], int(r["bound"])),
            )
    with memory.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["instance", "best", "bound"])
        writer.writerows([k, b, lb] for k, (b, lb) in sorted(best_known.items()))
    return rows


def check_salbp(inst: Instance, sol: LineSolution, cycle: int | None) -> None:
    """Stop the run on a broken SALBP line: every task once, precedence, loads, the bound."""
    times, preds = inst.first_times(), inst.predecessors()
    where: dict[int, int] = {}
    broken: list[str] = []
    limit = cycle if cycle is not None else sol.cycle_time
    for k, st in enumerate(sol.stations):
        tasks = [int(t) - 1 for t in st.tasks]
        for t in tasks:
            if t in where:
                broken.append(f"task {t + 1} twice")
            where[t] = k
        if sum(times[t] for t in tasks) > limit:
            broken.append(f"station {k + 1} above {limit}")
    if sorted(where) != list(range(len(times))):
        broken.append("not every task assigned")
    broken += [
        f"{p + 1} after {t + 1}"
        for t, ps in enumerate(preds)
        for p in ps
        if where.get(p, 0) > where.get(t, 0)
    ]
    value = len(sol.stations) if cycle is not None else sol.cycle_time
    if sol.lower_bound > value:
        broken.append(f"bound {sol.lower_bound} above {value}")
    if broken:
        sys.exit(f"{inst.name}: invalid line: {broken[:3]}")


def run_salbp1(
    limit: float, every: int, workers: int, only: set[str] | None = None
) -> list[dict[str, object]]:
    rows = []
    for row in list(csv.DictReader((SHARED / "salbp" / "salbp1_optima.csv").open()))[::every]:
        if only and row["instance"] not in only:
            continue
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
        check_salbp(inst, sol, int(row["cycle_time"]))
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
        check_salbp(inst, sol, None)
        if len(sol.stations) > int(row["n_stations"]):
            sys.exit(
                f"{row['instance']}: {len(sol.stations)} stations, at most {row['n_stations']}"
            )
        known = int(row["optimal_cycle_time"] or row["ub_cycle_time"])
        set_name = f"salbp2 data set {row['data_set']}"
        rows.append(_result(set_name, row["instance"], known, sol.cycle_time, sol, seconds))
    return rows


def table(rows: list[dict[str, object]]) -> str:
    out = [
        "| set | instances | at known optimum | proven optimal | mean gap | mean bound gap | median s | max s | total s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in dict.fromkeys(str(r["set"]) for r in rows):
        group = [r for r in rows if r["set"] == name]
        hits = sum(1 for r in group if r["found"] == r["known"])
        proven = sum(1 for r in group if r["status"] == "optimal")
        gaps = [(float(r["found"]) - float(r["known"])) / float(r["known"]) for r in group]  # type: ignore[arg-type]
        bgaps = [(float(r["known"]) - float(r["lower_bound"])) / float(r["known"]) for r in group]  # type: ignore[arg-type]
        secs = [float(r["seconds"]) for r in group]  # type: ignore[arg-type]
        out.append(
            f"| {name} | {len(group)} | {hits} | {proven} | {100 * statistics.mean(gaps):.2f}% | {100 * statistics.mean(bgaps):.1f}% | {statistics.median(secs):.2f} | {max(secs):.1f} | {sum(secs):.0f} |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=["alwabp", "alwabp-gen", "salbp1", "salbp2"])
    parser.add_argument("--families", default="roszieg,heskia,tonge")
    parser.add_argument("--methods", default="engine", help=f"ALWABP: any of {', '.join(METHODS)}")
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument(
        "--effort",
        type=float,
        default=None,
        help="ALWABP: deterministic seconds per instance instead of the wall clock "
        f"(the wall clock, {GUARD:g} x this, only guards)",
    )
    parser.add_argument("--every", type=int, default=1, help="take every n-th instance (a sample)")
    parser.add_argument(
        "--start", type=int, default=0, help="alwabp-gen: with --every, the first one taken"
    )
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--only",
        default="",
        help="ALWABP and SALBP-1: only these instances, e.g. tonge/47,tonge/50 or "
        "SCHOLL_c1394 (to rerun the unproven ones)",
    )
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"no benchmark data at {SHARED}: the shared folder is not next to the project")
    methods = args.methods.split(",")
    if any(m not in METHODS for m in methods):
        sys.exit(f"unknown method in {args.methods!r}: use {', '.join(METHODS)}")
    if args.set == "alwabp":
        rows = run_alwabp(
            args.families.split(","),
            args.time_limit,
            args.every,
            args.workers,
            methods,
            args.effort,
            set(filter(None, args.only.split(","))),
        )
    elif args.set == "alwabp-gen":
        rows = run_alwabp_gen(
            args.time_limit,
            args.every,
            args.workers,
            methods,
            args.effort,
            set(args.families.split(","))
            if args.families != parser.get_default("families")
            else None,
            args.start,
        )
    elif args.set == "salbp1":
        rows = run_salbp1(
            args.time_limit, args.every, args.workers, set(filter(None, args.only.split(",")))
        )
    else:
        rows = run_salbp2(args.time_limit, args.every)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    budget = f"e{args.effort:g}" if args.effort is not None else f"{args.time_limit:g}s"
    what = args.families.replace(",", "-") if args.set.startswith("alwabp") else "scholl"
    if args.set == "alwabp-gen" and args.families == parser.get_default("families"):
        what = "all"  # every generated family (the shared families' names do not apply)
    # the budget is in the name: a run at another limit never overwrites a recorded one
    name = f"{args.set}_{what}_{budget}.csv"
    if args.only:
        name = f"{args.set}_only_{budget}.csv"  # a rerun of some instances keeps the family's file
    with (results / name).open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[-1]))
        writer.writeheader()
        writer.writerows(rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {load:.1f} at the end, "
        f"time limit {args.time_limit:g} s, effort {args.effort} deterministic s, {args.workers} workers"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
