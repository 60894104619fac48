"""Line mode: a paced line with stations in line order, one worker per station.

`LineProblem` is the assembly line worker assignment and balancing problem (ALWABP):
tasks with precedence, workers with task-specific times (None = cannot do the task), and
optionally cobots that can take some tasks at a station. The same problem object serves
the published benchmarks (``jobcarve balance``) and real processes (`line_plan`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx

from jobcarve.exceptions import NoSolutionError

Objective = Literal["min_cycle", "min_stations", "max_target_group"]


@dataclass(frozen=True)
class LineWorker:
    """A worker who can staff one station."""

    id: str
    kind: str  # existing | profile | generic
    group: str  # role id or profile id
    target_group: bool


@dataclass(frozen=True)
class LineProblem:
    """Tasks, precedence and worker-specific times of a line.

    ``times[w][t]`` is worker w's time for task t (None when w cannot do t). ``cobot_times[t]``
    is a cobot's time for task t (None when no cobot can do it).
    """

    tasks: tuple[str, ...]
    preds: tuple[tuple[int, ...], ...]
    workers: tuple[LineWorker, ...]
    times: tuple[tuple[int | None, ...], ...]
    cobot_times: tuple[int | None, ...] = ()
    max_cobots: int = 0
    time_unit: float = 1.0  # seconds per time unit of `times`
    #: most stations target-group workers may staff (the work balance in line terms);
    #: None: no limit (the published benchmarks, or displacement allowed)
    max_target_group: int | None = None

    @property
    def num_tasks(self) -> int:
        return len(self.tasks)

    @property
    def target_group_workers(self) -> int:
        """Workers from the target group (the profiles' people)."""
        return sum(1 for w in self.workers if w.target_group)

    @property
    def work_balance_allows_all(self) -> bool:
        """Whether every worker may staff a station under the work balance."""
        cap = self.max_target_group
        return cap is None or self.target_group_workers <= cap

    @property
    def plain_alwabp2(self) -> bool:
        """Whether shortest-cycle balancing is a plain ALWABP-2 (the `solve_alwabp2` engine).

        It is when no cobot can take a task (the engine's lines and bounds are the
        workers' own) and the work balance lets every worker staff a station.
        """
        cobots = self.max_cobots > 0 and any(c is not None for c in self.cobot_times)
        return not cobots and self.work_balance_allows_all

    def check(self) -> None:
        """Raise NoSolutionError with a reason a person understands if no line can exist."""
        graph: nx.DiGraph[int] = nx.DiGraph()
        graph.add_nodes_from(range(self.num_tasks))
        graph.add_edges_from((p, t) for t, ps in enumerate(self.preds) for p in ps)
        if not nx.is_directed_acyclic_graph(graph):
            raise NoSolutionError("the precedence relations contain a cycle")
        for t, name in enumerate(self.tasks):
            cobot = self.cobot_times[t] if self.cobot_times else None
            if all(row[t] is None for row in self.times) and cobot is None:
                raise NoSolutionError(f'no worker and no cobot can do task "{name}"')

    def why_no_line(self, cycle: int) -> dict[str, Any]:
        """What alone rules out a line at `cycle`, for a person to read (empty if nothing does).

        ``too_long``: units that neither a worker nor a cobot does within the cycle, each
        with its fastest time in seconds (largest first). ``too_few``: the units no cobot can take,
        each at its fastest worker's time, need more stations than there are workers who
        may staff one (the target-group workers up to the work balance's places). Neither
        says anything when only the combination of precedence, times and work balance binds.
        """
        fastest: list[int] = []
        too_long = []
        for t, name in enumerate(self.tasks):
            own = [x for row in self.times if (x := row[t]) is not None]
            cobot = self.cobot_times[t] if self.cobot_times and self.max_cobots else None
            best = min([*own, *([] if cobot is None else [cobot])], default=None)
            if best is not None and best > cycle:
                too_long.append((best, name))
            fastest.append(min(own) if own and cobot is None else 0)
        if too_long:
            slow = sorted(too_long, reverse=True)
            return {
                "kind": "too_long",
                "units": [[n, round(b * self.time_unit, 3)] for b, n in slow],
            }
        tg = self.target_group_workers
        cap = tg if self.max_target_group is None else min(tg, self.max_target_group)
        staff = len(self.workers) - tg + cap
        need = -(-sum(fastest) // cycle) if cycle > 0 else 0
        if need > staff:
            return {"kind": "too_few", "stations": need, "workers": staff}
        return {}


@dataclass(frozen=True)
class Station:
    """One station of a line solution."""

    index: int
    worker: str
    tasks: tuple[str, ...]
    cobot_tasks: tuple[str, ...]
    load: int
    cobot_load: int


@dataclass(frozen=True)
class LineSolution:
    """A line balance: stations in order, the cycle time and how good it is."""

    objective: Objective
    status: str  # optimal | feasible | infeasible
    cycle_time: int
    stations: tuple[Station, ...]
    lower_bound: int
    objective_value: int
    seconds: float
    reason: str = ""
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def target_group_workers(self) -> int:
        return int(self.stats.get("target_group_workers", 0))

    def assignment(self) -> dict[str, int]:
        """Task -> station number (1-based)."""
        return {t: s.index + 1 for s in self.stations for t in (*s.tasks, *s.cobot_tasks)}

    def to_dict(self, time_unit: float = 1.0) -> dict[str, Any]:
        return {
            "objective": self.objective,
            "objective_value": self.objective_value,
            "status": self.status,
            "cycle_time": self.cycle_time,
            "cycle_time_s": round(self.cycle_time * time_unit, 3),
            "lower_bound": self.lower_bound,
            "stations": len(self.stations),
            "target_group_workers": self.target_group_workers,
            "assignment": self.assignment(),
            "station_details": [
                {
                    "station": s.index + 1,
                    "worker": s.worker,
                    "tasks": list(s.tasks),
                    "cobot_tasks": list(s.cobot_tasks),
                    "load": s.load,
                    "cobot_load": s.cobot_load,
                }
                for s in self.stations
            ],
            "reason": self.reason,
            **({"no_line": self.stats["no_line"]} if "no_line" in self.stats else {}),
        }


def station_loads(
    problem: LineProblem, stations: Sequence[tuple[int, list[int], list[int]]]
) -> list[int]:
    """Load of each (worker, tasks, cobot tasks) station: the larger of worker and cobot time."""
    out = []
    for w, tasks, cobot in stations:
        human = sum(problem.times[w][t] or 0 for t in tasks)
        robot = sum(problem.cobot_times[t] or 0 for t in cobot) if cobot else 0
        out.append(max(human, robot))
    return out


def validate_solution(
    problem: LineProblem, stations: Sequence[tuple[int, list[int], list[int]]]
) -> list[str]:
    """Every rule a line solution breaks (empty when valid)."""
    problems = []
    where: dict[int, int] = {}
    used_workers = [w for w, _, _ in stations]
    if len(set(used_workers)) != len(used_workers):
        problems.append("a worker staffs two stations")
    cobots = 0
    for k, (w, tasks, cobot) in enumerate(stations):
        for t in tasks:
            if problem.times[w][t] is None:
                problems.append(f"worker {problem.workers[w].id} cannot do {problem.tasks[t]}")
            where[t] = k
        for t in cobot:
            if not problem.cobot_times or problem.cobot_times[t] is None:
                problems.append(f"no cobot can do {problem.tasks[t]}")
            where[t] = k
        cobots += bool(cobot)
    if cobots > problem.max_cobots:
        problems.append(f"{cobots} cobots, at most {problem.max_cobots}")
    if sorted(where) != list(range(problem.num_tasks)):
        problems.append("not every task is assigned exactly once")
    for t, ps in enumerate(problem.preds):
        for p in ps:
            if p in where and t in where and where[p] > where[t]:
                problems.append(f"{problem.tasks[p]} after {problem.tasks[t]}")
    return problems


#: Time unit of line problems built from process models: a tenth of a second.
DECISECOND = 0.1


def line_problem(
    process: Any,
    analysis: Any,
    max_cobots: int = 0,
    allow_displacement: bool = False,
    max_counted_supported_gaps: int | None = None,
    cobot_units: frozenset[str] | None = None,
) -> LineProblem:
    """The line problem of an analysed process of kind ``line``.

    Tasks are the units that recur per product and are on the line (fixed weekly hours and
    work per product beside the line, ``on_line: false``, are off-line work);
    their time is the average per product. Workers are the existing staff of the roles on
    the line, who can do units of roles at or below their education level, and the worker
    profiles (``max_workers`` people each, default one), who can do the units that fit them
    with at most ``max_counted_supported_gaps`` gaps closed by supports (the work the plan
    counts; beyond it the work is to try out first), at their pace. A cobot can take
    `candidate` units at its estimated time; with ``cobot_units``, only those (the units the
    cobots of the report's plan take: one home for the cobot decision).

    The work balance in line terms: a station staffed by a target-group worker is a place
    of today's staff, so target-group workers staff at most as many stations as the line
    roles' declared uses free whole places (each use's hours over the role's contract
    hours: a vacancy or a leaver is one place, 40 h of overtime at 38 h contracts is one),
    unless ``allow_displacement``.
    """
    from jobcarve.carving.balance import contract_hours, role_uses
    from jobcarve.model import EDUCATION_LEVELS

    units_per_week = process.planning.units_per_week
    line_units = [u for u in analysis.units if u.seconds_per_unit is not None and u.on_line]
    if not line_units:
        raise NoSolutionError("the process has no work per product unit to put on a line")
    index = {u.id: i for i, u in enumerate(line_units)}
    preds = []
    for u in line_units:
        preds.append(tuple(sorted({index[p] for p in _line_preds(u.id, analysis, index)})))
    std = [u.hours_per_week * 3600 / units_per_week for u in line_units]
    rank = {r.id: EDUCATION_LEVELS.index(r.education) for r in process.roles}
    workers: list[LineWorker] = []
    times: list[tuple[int | None, ...]] = []
    on_line = {u.role for u in line_units}
    for role in process.roles:
        if role.id not in on_line:
            continue
        for i in range(role.headcount):
            workers.append(LineWorker(f"{role.id}#{i + 1}", "existing", role.id, False))
            times.append(
                tuple(
                    round(s / DECISECOND) if rank.get(u.role, 0) <= rank[role.id] else None
                    for u, s in zip(line_units, std, strict=True)
                )
            )
    for prof in process.profiles:
        for i in range(prof.max_workers or 1):
            workers.append(LineWorker(f"{prof.id}#{i + 1}", "profile", prof.id, True))
            times.append(
                tuple(
                    round(s / prof.pace / DECISECOND)
                    if u.fit[prof.id].counted(max_counted_supported_gaps)
                    else None
                    for u, s in zip(line_units, std, strict=True)
                )
            )
    cobot = tuple(
        round(u.cobot.cobot_hours_per_week * 3600 / units_per_week / DECISECOND)
        if u.cobot.label == "candidate" and (cobot_units is None or u.id in cobot_units)
        else None
        for u in line_units
    )
    fte = process.planning.hours_per_fte
    places = sum(
        math.floor(sum(role_uses(r, fte).values()) / contract_hours(r, fte) + 1e-9)
        for r in process.roles
        if r.id in on_line
    )
    return LineProblem(
        tuple(u.id for u in line_units),
        tuple(preds),
        tuple(workers),
        tuple(times),
        cobot,
        max_cobots,
        DECISECOND,
        None if allow_displacement else places,
    )


def _line_preds(unit_id: str, analysis: Any, index: dict[str, int]) -> set[str]:
    """Predecessors among line units, looking through off-line units."""
    by_id = {u.id: u for u in analysis.units}
    out: set[str] = set()
    stack = list(by_id[unit_id].after)
    seen: set[str] = set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        if p in index:
            out.add(p)
        else:
            stack.extend(by_id[p].after)
    return out
