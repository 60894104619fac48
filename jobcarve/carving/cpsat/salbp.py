"""SALBP-1 as a direct CP-SAT model: the fewest stations for a cycle time, with windows.

`jobcarve balance` uses the station-oriented search in `jobcarve.carving.salbp`, which is
far stronger on the published sets; this model is kept as an independent check of that
search (tests compare both on random instances).

A greedy (largest positional weight first) gives the upper bound; earliest and latest
stations of each task (from the work that must come before and after it) restrict the
assignment variables; the lower bound is the larger of the total work spread over the
cycle time and the number of tasks longer than half of it.
"""

from __future__ import annotations

import math
import time

import networkx as nx
from ortools.sat.python import cp_model

from jobcarve.carving.cpsat import solve_once
from jobcarve.carving.line import LineSolution, Station


def _closure(preds: list[list[int]]) -> tuple[list[set[int]], list[set[int]]]:
    g: nx.DiGraph[int] = nx.DiGraph()
    g.add_nodes_from(range(len(preds)))
    g.add_edges_from((p, j) for j, ps in enumerate(preds) for p in ps)
    before = [set(nx.ancestors(g, i)) for i in range(len(preds))]
    after = [set(nx.descendants(g, i)) for i in range(len(preds))]
    return before, after


def greedy_salbp1(
    times: list[int], preds: list[list[int]], cycle: int, after: list[set[int]]
) -> list[list[int]]:
    """Station-oriented greedy: fill each station with ready tasks, largest positional weight first."""
    weight = [times[i] + sum(times[j] for j in after[i]) for i in range(len(times))]
    done: set[int] = set()
    stations: list[list[int]] = []
    while len(done) < len(times):
        load, station = 0, []
        while True:
            ready = [
                i
                for i in range(len(times))
                if i not in done and all(p in done for p in preds[i]) and load + times[i] <= cycle
            ]
            if not ready:
                break
            best = max(ready, key=lambda i: (weight[i], times[i], -i))
            station.append(best)
            done.add(best)
            load += times[best]
        if not station:
            raise ValueError("a task is longer than the cycle time")
        stations.append(station)
    return stations


def solve_salbp1_cpsat(
    times: list[int],
    preds: list[list[int]],
    cycle: int,
    *,
    time_limit_s: float = 10.0,
    seed: int = 0,
    workers: int = 1,
) -> LineSolution:
    """The fewest stations for `cycle`; status optimal, feasible or infeasible (a task too long)."""
    t0 = time.perf_counter()
    n = len(times)
    names = [str(i + 1) for i in range(n)]
    if max(times) > cycle:
        longest = max(range(n), key=lambda i: times[i])
        return LineSolution(
            "min_stations",
            "infeasible",
            0,
            (),
            0,
            0,
            time.perf_counter() - t0,
            f"task {longest + 1} takes {times[longest]}, longer than the cycle time {cycle}",
        )
    before, after = _closure(preds)
    start = greedy_salbp1(times, preds, cycle, after)
    ub = len(start)
    lb = max(math.ceil(sum(times) / cycle), sum(1 for t in times if 2 * t > cycle) or 1)
    if lb >= ub:
        return _solution(start, times, names, cycle, "optimal", lb, t0)
    m = cp_model.CpModel()
    early = [math.ceil((times[i] + sum(times[j] for j in before[i])) / cycle) for i in range(n)]
    late = [
        ub + 1 - math.ceil((times[i] + sum(times[j] for j in after[i])) / cycle) for i in range(n)
    ]
    x = {
        (i, k): m.new_bool_var(f"x{i}_{k}") for i in range(n) for k in range(early[i], late[i] + 1)
    }
    used = {k: m.new_bool_var(f"y{k}") for k in range(1, ub + 1)}
    station = [m.new_int_var(early[i], late[i], f"s{i}") for i in range(n)]
    for i in range(n):
        ks = range(early[i], late[i] + 1)
        m.add_exactly_one(x[i, k] for k in ks)
        m.add(station[i] == sum(k * x[i, k] for k in ks))
    for j, ps in enumerate(preds):
        for p in ps:
            m.add(station[p] <= station[j])
    for k in range(1, ub + 1):
        members = [(i, x[i, k]) for i in range(n) if (i, k) in x]
        if members:
            m.add(sum(times[i] * v for i, v in members) <= cycle * used[k])
        else:
            m.add(used[k] == 0)
        if k < ub:
            m.add(used[k] >= used[k + 1])
    for k in range(1, lb + 1):
        m.add(used[k] == 1)
    m.minimize(sum(used.values()))
    for k, tasks in enumerate(start, start=1):
        for i in tasks:
            if (i, k) in x:
                m.add_hint(x[i, k], 1)
    solver, status = solve_once(m, time_limit_s=time_limit_s, seed=seed, workers=workers)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _solution(start, times, names, cycle, "feasible", lb, t0)
    result: dict[int, list[int]] = {}
    for (i, k), var in x.items():
        if solver.boolean_value(var):
            result.setdefault(k, []).append(i)
    stations = [sorted(result[k]) for k in sorted(result)]
    bound = max(lb, math.ceil(solver.best_objective_bound - 1e-9))
    return _solution(
        stations,
        times,
        names,
        cycle,
        "optimal" if status == cp_model.OPTIMAL else "feasible",
        bound,
        t0,
    )


def _solution(
    stations: list[list[int]],
    times: list[int],
    names: list[str],
    cycle: int,
    status: str,
    bound: int,
    t0: float,
) -> LineSolution:
    out = tuple(
        Station(
            k,
            f"station {k + 1}",
            tuple(names[i] for i in tasks),
            (),
            sum(times[i] for i in tasks),
            0,
        )
        for k, tasks in enumerate(stations)
    )
    achieved = max(s.load for s in out)
    if len(out) <= bound:
        status = "optimal"
    return LineSolution(
        "min_stations", status, achieved, out, bound, len(out), time.perf_counter() - t0
    )
