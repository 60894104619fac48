"""CP-SAT model of line balancing with worker assignment (ALWABP), with optional cobots.

Variables: x[t, k] task t at station k; y[w, k] worker w staffs station k; open[k]; cb[t, k]
the cobot at station k does t. Precedence in the cumulative form (a task is at or before
station k only if all its predecessors are), worker-dependent loads with big-M on the
worker assignment, incompatible task-worker pairs excluded per station.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from jobcarve.carving.cpsat import solve_once
from jobcarve.carving.line.problem import (
    LineProblem,
    LineSolution,
    Objective,
    Station,
    station_loads,
)


def greedy_stations(
    problem: LineProblem, cycle: int, max_stations: int, prefer_target_group: bool = False
) -> list[tuple[int, list[int], list[int]]] | None:
    """Station-oriented greedy for a fixed cycle time: None if it cannot place every task.

    Each new station takes the unused worker who can pack the most standard work (or, when
    `prefer_target_group`, a target-group worker first) into the cycle time, filling tasks
    whose predecessors are placed, longest first.
    """
    n = problem.num_tasks
    placed: set[int] = set()
    used: set[int] = set()
    stations: list[tuple[int, list[int], list[int]]] = []
    succ_count = [0] * n
    for ps in problem.preds:
        for p in ps:
            succ_count[p] += 1
    while len(placed) < n:
        if len(stations) >= max_stations:
            return None
        best: tuple[tuple[int, int, int], int, list[int]] | None = None
        tg_used = sum(1 for w in used if problem.workers[w].target_group)
        for w in range(len(problem.workers)):
            if w in used:
                continue
            if (
                problem.workers[w].target_group
                and problem.max_target_group is not None
                and tg_used >= problem.max_target_group
            ):
                continue  # the work balance: no more places for target-group workers
            load = 0
            chosen: list[int] = []
            done = set(placed)
            progress = True
            while progress:
                progress = False
                ready = [
                    t
                    for t in range(n)
                    if t not in done and all(p in done for p in problem.preds[t])
                ]
                ready.sort(key=lambda t: (-(problem.times[w][t] or 0), -succ_count[t], t))
                for t in ready:
                    tw = problem.times[w][t]
                    if tw is not None and load + tw <= cycle:
                        chosen.append(t)
                        done.add(t)
                        load += tw
                        progress = True
                        break
            work = sum(_fastest(problem, t) for t in chosen)
            tg = problem.workers[w].target_group if prefer_target_group else False
            key = (int(tg), work, -w)
            if chosen and (best is None or key > best[0]):
                best = (key, w, chosen)
        if best is None:
            return None
        _, w, chosen = best
        used.add(w)
        placed.update(chosen)
        stations.append((w, chosen, []))
    return stations


def _fastest(problem: LineProblem, task: int) -> int:
    """The shortest worker time of a task (0 if no worker can do it)."""
    return min((v for row in problem.times if (v := row[task]) is not None), default=0)


def lower_bound(problem: LineProblem, stations: int) -> int:
    """Cycle-time lower bound: the largest single task and the total work spread evenly."""
    fastest: list[int] = []
    for t in range(problem.num_tasks):
        options: list[int] = [v for row in problem.times if (v := row[t]) is not None]
        robot = problem.cobot_times[t] if problem.cobot_times and problem.max_cobots else None
        if robot is not None:
            options.append(robot)
        fastest.append(min(options, default=0))
    return max(
        max(fastest, default=0),
        math.ceil(sum(fastest) / max(1, stations + min(problem.max_cobots, stations))),
    )


def solve_line(
    problem: LineProblem,
    objective: Objective,
    *,
    cycle_time: int | None = None,
    time_limit_s: float = 10.0,
    seed: int = 0,
    workers: int = 1,
    start: Sequence[tuple[int, Sequence[int]]] | None = None,
    cycle_bounds: tuple[int, int] | None = None,
    constructive: bool = True,
    effort_s: float | None = None,
    strict: bool = False,
    progress: list[tuple[float, float]] | None = None,
    spent: list[float] | None = None,
) -> LineSolution:
    """Solve one of the three line objectives.

    ``min_cycle``: every worker staffs a station; minimise the cycle time.
    ``min_stations``: at most `cycle_time`; minimise the number of staffed stations.
    ``max_target_group``: at most `cycle_time`; maximise target-group workers, then fewer stations.

    ``start`` (min_cycle): a valid line without cobots, (worker, tasks) per station, used as
    a complete hint and returned if the solver finds nothing better in time; by default the
    constructive ALWABP heuristic's line. ``cycle_bounds`` (min_cycle): a proven lower
    bound and the cycle time of `start`; the upper one also narrows each task's station
    window (the least work before and after it must fit in the stations around it).
    ``constructive=False`` keeps the model's own simple greedy hint (for comparisons).
    ``effort_s``: CP-SAT's deterministic time limit (then `time_limit_s` is only a guard).
    ``strict`` (min_cycle with `start`): the start line is not hinted but beaten: the model
    asks for a cycle time below it (windows for that cycle time), an infeasible model
    proves the start optimal, and a model that finds nothing returns the start.
    ``progress``: gets (wall, deterministic) seconds into the search of every line found.
    ``spent``: gets the deterministic seconds the search took.
    """
    t0 = time.perf_counter()
    problem.check()
    n, nw = problem.num_tasks, len(problem.workers)
    if objective != "min_cycle" and cycle_time is None:
        raise ValueError(f"objective {objective} needs a cycle time")
    k_max = nw if objective == "min_cycle" else min(nw, n)
    m = cp_model.CpModel()
    x = {(t, k): m.new_bool_var(f"x{t}_{k}") for t in range(n) for k in range(k_max)}
    y = {(w, k): m.new_bool_var(f"y{w}_{k}") for w in range(nw) for k in range(k_max)}
    open_ = [m.new_bool_var(f"open{k}") for k in range(k_max)]
    can_cobot = [
        t
        for t in range(n)
        if problem.cobot_times and problem.cobot_times[t] is not None and problem.max_cobots > 0
    ]
    cb = {(t, k): m.new_bool_var(f"cb{t}_{k}") for t in can_cobot for k in range(k_max)}
    cobot_at = [m.new_bool_var(f"cobot{k}") for k in range(k_max)] if can_cobot else []

    for t in range(n):
        m.add_exactly_one(x[t, k] for k in range(k_max))
    for k in range(k_max):
        m.add(sum(y[w, k] for w in range(nw)) == open_[k])
        for t in range(n):
            m.add_implication(x[t, k], open_[k])
        if k + 1 < k_max:
            m.add(open_[k] >= open_[k + 1])
    for w in range(nw):
        if objective == "min_cycle":
            m.add_exactly_one(y[w, k] for k in range(k_max))
        else:
            m.add_at_most_one(y[w, k] for k in range(k_max))
    if objective == "min_cycle":
        for k in range(k_max):
            m.add(open_[k] == 1)
    # precedence, cumulative form
    for t, ps in enumerate(problem.preds):
        for p in ps:
            for k in range(k_max):
                m.add(sum(x[t, kk] for kk in range(k + 1)) <= sum(x[p, kk] for kk in range(k + 1)))
    # incompatible pairs
    for w in range(nw):
        for t in range(n):
            if problem.times[w][t] is None:
                for k in range(k_max):
                    if (t, k) in cb:
                        # only the cobot may do t at a station staffed by w
                        m.add(x[t, k] + y[w, k] <= 1 + cb[t, k])
                    else:
                        m.add(x[t, k] + y[w, k] <= 1)
    # cobots
    for (t, k), var in cb.items():
        m.add_implication(var, x[t, k])
        m.add_implication(var, cobot_at[k])
    if cobot_at:
        m.add(sum(cobot_at) <= problem.max_cobots)

    if objective == "min_cycle" and start is None and constructive:
        # the ALWABP engine's line (without cobots: valid whenever humans can do every task)
        found = _alwabp_start(problem, bound=not can_cobot)
        if found is not None:
            start, low = found
            if cycle_bounds is None:
                cycle_bounds = (low, line_cycle_of(problem, start))
    if objective == "min_cycle" and start is not None and cycle_bounds is None:
        cycle_bounds = (0, line_cycle_of(problem, start))
    beat = line_cycle_of(problem, start) if start is not None else 0
    # nothing to beat when the start already meets the bound
    strict = strict and objective == "min_cycle" and cycle_bounds is not None
    if strict and cycle_bounds is not None and cycle_bounds[0] < beat:
        cycle_bounds = (cycle_bounds[0], min(cycle_bounds[1], beat - 1))
    else:
        strict = False
    window = [(0, k_max - 1)] * n
    if objective == "min_cycle" and cycle_bounds is not None and not can_cobot:
        window = _windows(problem, cycle_bounds[1], k_max)
        for t, (first, last) in enumerate(window):
            for k in range(k_max):
                if not first <= k <= last:
                    m.add(x[t, k] == 0)
    upper = (cycle_bounds[1] if cycle_bounds else None) if objective == "min_cycle" else cycle_time
    if upper is not None:
        # a reduction rule of ALWABP (Borba & Ritt 2014): a worker who needs longer than the
        # cycle time for a task never staffs its station (docs/performance.md, ninth session)
        for w in range(nw):
            for t in range(n):
                tw = problem.times[w][t]
                if tw is None or tw <= upper:
                    continue
                # a window may lie outside the line (a bound below the work per station)
                for k in range(max(0, window[t][0]), min(k_max - 1, window[t][1]) + 1):
                    if (t, k) in cb:
                        m.add(x[t, k] + y[w, k] <= 1 + cb[t, k])
                    else:
                        m.add(x[t, k] + y[w, k] <= 1)

    cobot_time = [problem.cobot_times[t] or 0 if problem.cobot_times else 0 for t in range(n)]
    horizon = (
        sum(max(max((row[t] or 0) for row in problem.times), cobot_time[t]) for t in range(n)) + 1
    )
    lb = lower_bound(problem, k_max if objective == "min_cycle" else 1)
    if objective == "min_cycle":
        low, high = lb, horizon
        if cycle_bounds is not None:
            low, high = max(lb, cycle_bounds[0]), max(lb, min(horizon, cycle_bounds[1]))
        lb = low
        cycle = m.new_int_var(low, high, "cycle")
    else:
        assert cycle_time is not None
        cycle = m.new_constant(cycle_time)
    for w in range(nw):
        for k in range(k_max):
            terms = []
            for t in range(n):
                tw = problem.times[w][t]
                if tw:
                    terms.append(tw * x[t, k])
                    if (t, k) in cb:
                        terms.append(-tw * cb[t, k])
            if terms:
                m.add(sum(terms) <= cycle).only_enforce_if(y[w, k])
    for k in range(k_max):
        robot = [problem.cobot_times[t] * cb[t, k] for t in can_cobot if problem.cobot_times[t]]  # type: ignore[operator]
        if robot:
            m.add(sum(robot) <= cycle)

    # objective and a greedy hint
    tg = [w for w in range(nw) if problem.workers[w].target_group]
    if problem.max_target_group is not None and tg:
        # the work balance in line terms (line_problem): places the declared uses free
        m.add(sum(y[w, k] for w in tg for k in range(k_max)) <= problem.max_target_group)
    hint: Sequence[tuple[int, Sequence[int], Sequence[int]]] | None = None
    if objective == "min_cycle":
        m.minimize(cycle)
        if start is not None and not strict:
            hint = [(w, list(ts), []) for w, ts in start]
        elif not strict:
            for c in range(lb, horizon + 1, max(1, (horizon - lb) // 200)):
                hint = greedy_stations(problem, c, k_max)
                if hint is not None:
                    break
    elif objective == "min_stations":
        m.minimize(sum(open_))
        assert cycle_time is not None
        hint = greedy_stations(problem, cycle_time, k_max)
        if constructive and not can_cobot:
            fewest = _fewest_stations(problem, cycle_time)
            if fewest is not None and (hint is None or len(fewest) < len(hint)):
                hint = [(w, list(ts), []) for w, ts in fewest]
    else:
        m.maximize(sum(y[w, k] for w in tg for k in range(k_max)) * (k_max + 1) - sum(open_))
        assert cycle_time is not None
        hint = greedy_stations(problem, cycle_time, k_max, prefer_target_group=True)
    if hint is not None:
        used_workers = {w for w, _, _ in hint}
        spare = [w for w in range(nw) if w not in used_workers]
        full = list(hint)
        if objective == "min_cycle":
            full += [(w, [], []) for w in spare][: k_max - len(full)]
        where = {t: k for k, (_, tasks, _) in enumerate(full) for t in tasks}
        staff = {k: w for k, (w, _, _) in enumerate(full)}
        for k in range(k_max):
            m.add_hint(open_[k], k in staff)
            for t in range(n):
                m.add_hint(x[t, k], where.get(t) == k)
                if (t, k) in cb:
                    m.add_hint(cb[t, k], False)
            for w in range(nw):
                m.add_hint(y[w, k], staff.get(k) == w)
        for var in cobot_at:
            m.add_hint(var, False)
        if objective == "min_cycle":
            loads = station_loads(problem, [(w, list(ts), list(cs)) for w, ts, cs in full])
            m.add_hint(cycle, max(loads, default=0))

    solver, status = solve_once(
        m,
        time_limit_s=time_limit_s,
        seed=seed,
        workers=workers,
        deterministic_s=effort_s,
        progress=progress,
    )
    if spent is not None:
        spent.append(solver.deterministic_time)
    seconds = time.perf_counter() - t0
    if strict and status in (cp_model.UNKNOWN, cp_model.INFEASIBLE):
        # nothing below the start line: found in time (then the start stands) or proven
        assert start is not None
        proven = beat if status == cp_model.INFEASIBLE else lb
        return _line_solution(problem, objective, start, proven, seconds)
    if status == cp_model.UNKNOWN and hint is not None:
        # the solver found nothing in time: the start line is valid and is the answer
        line = [(w, tuple(ts)) for w, ts, _ in hint if ts or objective == "min_cycle"]
        return _line_solution(problem, objective, line, lb, seconds)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        reason = (
            "no line meets the cycle time with these workers"
            if status == cp_model.INFEASIBLE
            else "no solution found within the time limit"
        )
        return LineSolution(
            objective,
            "infeasible" if status == cp_model.INFEASIBLE else "unknown",
            0,
            (),
            lb,
            0,
            seconds,
            reason,
        )
    stations: list[Station] = []
    for k in range(k_max):
        if not solver.boolean_value(open_[k]):
            continue
        w = next(w for w in range(nw) if solver.boolean_value(y[w, k]))
        human_ids = [
            i
            for i in range(n)
            if solver.boolean_value(x[i, k])
            and not ((i, k) in cb and solver.boolean_value(cb[i, k]))
        ]
        robot_ids = [i for i in range(n) if (i, k) in cb and solver.boolean_value(cb[i, k])]
        load = sum(problem.times[w][i] or 0 for i in human_ids)
        rload = sum(problem.cobot_times[i] or 0 for i in robot_ids)
        stations.append(
            Station(
                len(stations),
                problem.workers[w].id,
                tuple(problem.tasks[i] for i in human_ids),
                tuple(problem.tasks[i] for i in robot_ids),
                load,
                rload,
            )
        )
    achieved = max((max(s.load, s.cobot_load) for s in stations), default=0)
    bound = round(solver.best_objective_bound)
    value = round(solver.objective_value)
    tg_count = sum(1 for w in tg for k in range(k_max) if solver.boolean_value(y[w, k]))
    if objective == "min_cycle":
        bound, value = max(lb, bound), achieved
        # CP-SAT's answer is never worse than the hint in theory; keep the better line anyway
        if start is not None and line_cycle_of(problem, start) < achieved:
            return _line_solution(problem, objective, start, bound, seconds)
    return LineSolution(
        objective,
        "optimal" if status == cp_model.OPTIMAL else "feasible",
        achieved,
        tuple(stations),
        bound,
        value,
        seconds,
        stats={"target_group_workers": tg_count},
    )


def line_cycle_of(problem: LineProblem, line: Sequence[tuple[int, Sequence[int]]]) -> int:
    """The cycle time of a cobot-free line given as (worker, tasks) per station."""
    return max(station_loads(problem, [(w, list(ts), []) for w, ts in line]), default=0)


def _alwabp_start(
    problem: LineProblem, bound: bool = True
) -> tuple[list[tuple[int, tuple[int, ...]]], int] | None:
    """The ALWABP engine's constructive line (0.1-0.5 s on 70 tasks) and its relaxation
    bound (0 when ``bound`` is off: with cobots the workers' bound does not hold)."""
    from jobcarve.carving.line.alwabp import AlwabpGraph, Effort, heuristic_line, lower_bound

    g = AlwabpGraph.from_problem(problem)
    found = heuristic_line(g, effort=Effort(limit=60_000))
    if found is None:
        return None
    return found[1], lower_bound(g, found[0]) if bound else 0


def _fewest_stations(problem: LineProblem, cycle: int) -> list[tuple[int, tuple[int, ...]]] | None:
    """The constructive portfolio's line with the fewest stations within the cycle time."""
    from jobcarve.carving.line.alwabp import AlwabpGraph, construct, portfolio

    g = AlwabpGraph.from_problem(problem)
    best = None
    for gr, rev, rule, pick in portfolio(g):
        line = construct(gr, cycle, rule, pick)
        if line is not None and (best is None or len(line) < len(best)):
            best = line[::-1] if rev else line
    return best


def _windows(problem: LineProblem, upper: int, stations: int) -> list[tuple[int, int]]:
    """Per task, the first and last station (0-based) it can take in a line within `upper`.

    The tasks before a task (and the task) need at least their fastest times' sum of
    capacity in the stations up to its own; the same for the tasks after it.
    """
    from jobcarve.carving.line.alwabp import AlwabpGraph

    g = AlwabpGraph.from_problem(problem)
    out = []
    for t in range(g.n):
        head = g.tmin[t] + sum(g.tmin[p] for p in range(g.n) if g.before[t] >> p & 1)
        tail = g.tmin[t] + sum(g.tmin[s] for s in range(g.n) if g.after[t] >> s & 1)
        first = max(0, math.ceil(head / max(upper, 1)) - 1)
        last = min(stations - 1, stations - math.ceil(tail / max(upper, 1)))
        out.append((first, max(first, last)))
    return out


def _line_solution(
    problem: LineProblem,
    objective: Objective,
    line: Sequence[tuple[int, Sequence[int]]],
    bound: int,
    seconds: float,
) -> LineSolution:
    """A LineSolution of a cobot-free line given as (worker, tasks) per station."""
    stations: list[Station] = []
    for w, tasks in line:
        load = sum(problem.times[w][t] or 0 for t in tasks)
        stations.append(
            Station(
                len(stations),
                problem.workers[w].id,
                tuple(problem.tasks[t] for t in tasks),
                (),
                load,
                0,
            )
        )
    cycle = max((s.load for s in stations), default=0)
    tg = sum(problem.workers[w].target_group for w, _ in line)
    if objective != "min_cycle":
        # a fixed cycle time: the line is a feasible answer, with no proof
        value = (
            len(line)
            if objective == "min_stations"
            else tg * (len(problem.workers) + 1) - len(line)
        )
        return LineSolution(
            objective,
            "feasible",
            cycle,
            tuple(stations),
            bound,
            value,
            seconds,
            stats={"target_group_workers": tg},
        )
    return LineSolution(
        objective,
        "optimal" if bound >= cycle else "feasible",
        cycle,
        tuple(stations),
        min(bound, cycle),
        cycle,
        seconds,
        stats={"target_group_workers": tg},
    )
