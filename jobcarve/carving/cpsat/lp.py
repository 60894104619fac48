"""Linear relaxations solved with GLOP (OR-Tools' LP solver), kept here by the ortools fence."""

from __future__ import annotations

from collections.abc import Sequence


def rcmax_lp_feasible(times: Sequence[Sequence[int | None]], cycle: int) -> bool:
    """Whether the LP relaxation of R||Cmax fits every worker's load in ``cycle``.

    ``times[w][t]`` is worker w's time for task t (None: w cannot do t). Pairs above the
    cycle time are left out; a task no worker can do within it makes the LP infeasible.
    """
    from ortools.linear_solver import pywraplp  # type: ignore[import-untyped]

    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:  # pragma: no cover - GLOP ships with OR-Tools
        return True
    n = len(times[0]) if times else 0
    x = {}
    for w, row in enumerate(times):
        for t, v in enumerate(row):
            if v is not None and v <= cycle:
                x[w, t] = solver.NumVar(0.0, 1.0, "")
    for t in range(n):
        terms = [x[w, t] for w in range(len(times)) if (w, t) in x]
        if not terms:
            return False
        solver.Add(solver.Sum(terms) == 1)
    for w, row in enumerate(times):
        terms = [(row[t] or 0) * x[w, t] for t in range(n) if (w, t) in x]
        if terms:
            solver.Add(solver.Sum(terms) <= cycle + 1e-7)
    return bool(solver.Solve() == pywraplp.Solver.OPTIMAL)
