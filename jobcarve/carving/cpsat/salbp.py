"""SALBP-1 as a direct CP-SAT model: the fewest stations for a cycle time, with windows.

`jobcarve balance` uses the station-oriented search in `jobcarve.carving.line.salbp`, which is
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

from ortools.sat.python import cp_model

from jobcarve.carving.cpsat import solve_once
from jobcarve.carving.line.problem import LineSolution
from jobcarve.carving.line.salbp import (
    SalbpGraph,
    greedy_stations,
    stations_solution,
    task_too_long,
)


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
    too_long = task_too_long(times, cycle, t0)
    if too_long is not None:
        return too_long
    graph = SalbpGraph.build(times, preds)
    start = greedy_stations(graph, cycle)
    ub = len(start)
    lb = max(math.ceil(sum(times) / cycle), sum(1 for t in times if 2 * t > cycle) or 1)
    if lb >= ub:
        return stations_solution(start, times, names, cycle, "optimal", lb, t0)
    m = cp_model.CpModel()
    head = [
        t + sum(times[j] for j in range(n) if (graph.before[i] >> j) & 1)
        for i, t in enumerate(times)
    ]
    tail = [
        t + sum(times[j] for j in range(n) if (graph.after[i] >> j) & 1)
        for i, t in enumerate(times)
    ]
    early = [max(1, math.ceil(h / cycle)) for h in head]
    late = [min(ub, ub + 1 - math.ceil(tl / cycle)) for tl in tail]
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
            for _, v in members:  # a station holding only zero-time tasks is still a station
                m.add_implication(v, used[k])
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
        return stations_solution(start, times, names, cycle, "feasible", lb, t0)
    result: dict[int, list[int]] = {}
    for (i, k), var in x.items():
        if solver.boolean_value(var):
            result.setdefault(k, []).append(i)
    stations = [sorted(result[k]) for k in sorted(result)]
    bound = max(lb, math.ceil(solver.best_objective_bound - 1e-9))
    proven = status == cp_model.OPTIMAL or len(stations) <= bound
    return stations_solution(
        stations, times, names, cycle, "optimal" if proven else "feasible", bound, t0
    )
