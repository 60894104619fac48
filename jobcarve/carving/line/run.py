"""``jobcarve balance`` without the command line: which problem a file poses, which solver runs.

The command line only parses its options and prints `BalanceResult.to_dict`; a Python user
gets the same result from `balance_instance`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jobcarve.carving.line.problem import LineSolution
from jobcarve.exceptions import UsageError

BalanceProblem = Literal["ALWABP-2", "SALBP-1", "SALBP-2"]


@dataclass(frozen=True)
class BalanceResult:
    """A balanced published instance: the problem solved and the line found."""

    problem: BalanceProblem
    instance: str
    solution: LineSolution
    effort_s: float | None = None

    @property
    def objective(self) -> int:
        """Stations for SALBP-1, the cycle time otherwise."""
        if self.problem == "SALBP-1":
            return len(self.solution.stations)
        return self.solution.cycle_time

    def to_dict(self) -> dict[str, Any]:
        s = self.solution
        data: dict[str, Any] = {
            "problem": self.problem,
            "instance": self.instance,
            "objective": self.objective,
            "cycle_time": s.cycle_time,
            "stations": len(s.stations),
            "status": s.status,
            "lower_bound": s.lower_bound,
            "assignment": s.assignment(),
            "workers": {str(st.index + 1): st.worker for st in s.stations},
            "seconds": round(s.seconds, 3),
            "reason": s.reason,
        }
        if self.problem == "ALWABP-2":
            data["effort"] = self.effort_s
            data["time_limit_stopped"] = bool(s.stats.get("guard", False))
        return data

    def summary(self) -> str:
        """One line for the terminal."""
        s = self.solution
        return (
            f"{self.problem} {self.instance}: objective {self.objective} ({s.status}), "
            f"lower bound {s.lower_bound}, {len(s.stations)} stations, "
            f"cycle time {s.cycle_time}, {s.seconds:.2f} s"
        )


def balance_instance(
    path: str | Path,
    fmt: str | None = None,
    *,
    cycle_time: int | None = None,
    stations: int | None = None,
    time_limit_s: float = 10.0,
    seed: int = 0,
    workers: int = 1,
    effort_s: float | None = None,
) -> BalanceResult:
    """Read an instance file and balance it.

    A file with several workers is ALWABP-2 (shortest cycle time) unless ``cycle_time``
    (SALBP-1: fewest stations) or ``stations`` (SALBP-2: shortest cycle time) is given;
    a single-worker file uses its own cycle time (SALBP-1) when it has one.
    """
    from jobcarve.carving.line.alwabp import solve_alwabp2
    from jobcarve.carving.line.formats import check_balance_size, read_instance
    from jobcarve.carving.line.salbp import solve_salbp1, solve_salbp2

    if cycle_time is not None and stations is not None:
        raise UsageError("give --cycle-time (SALBP-1) or --stations (SALBP-2), not both")
    inst = read_instance(path, fmt)
    check_balance_size(inst)  # sizes checked up front: the time limit must hold
    problem: BalanceProblem
    if inst.num_workers > 1 and cycle_time is None and stations is None:
        solution = solve_alwabp2(
            inst.problem(), time_limit_s=time_limit_s, seed=seed, workers=workers, effort_s=effort_s
        )
        problem = "ALWABP-2"
    elif cycle_time is not None or (stations is None and inst.cycle_time is not None):
        c = cycle_time if cycle_time is not None else inst.cycle_time
        assert c is not None
        solution = solve_salbp1(
            inst.first_times(),
            inst.predecessors(),
            c,
            time_limit_s=time_limit_s,
            seed=seed,
            workers=workers,
        )
        problem = "SALBP-1"
    elif stations is not None:
        solution = solve_salbp2(
            inst.first_times(), inst.predecessors(), stations, time_limit_s=time_limit_s
        )
        problem = "SALBP-2"
    else:
        raise UsageError(
            "a single-worker instance needs --cycle-time (SALBP-1) or --stations (SALBP-2)"
        )
    return BalanceResult(problem, str(path), solution, effort_s if problem == "ALWABP-2" else None)
