"""Plans: who does each unit (an existing role, a carved job, a cobot), with the figures.

`plan(process)` analyses the process (unless an analysis is given), builds the pool
instance, runs the greedy start and the CP-SAT model, and returns a `Plan`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jobcarve.carving.assignment import Assignment, job_hours, violations
from jobcarve.carving.instance import PoolInstance, build_instance, resolve_options
from jobcarve.carving.line import LineSolution, Objective
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.exceptions import UsageError
from jobcarve.messages import Reason
from jobcarve.model import ProcessModel
from jobcarve.results import Analysis


@dataclass(frozen=True)
class PlanJob:
    """A job in the plan: a carved job for a profile, or what remains of an existing role."""

    id: str
    kind: str  # carved | existing
    profile: str | None
    role: str | None
    hours_per_week: float
    units: tuple[str, ...]
    supports: tuple[str, ...]
    tasks: tuple[str, ...]
    unit_hours: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "profile": self.profile,
            "role": self.role,
            "hours_per_week": round(self.hours_per_week, 3),
            "units": list(self.units),
            "unit_hours_per_week": {k: round(v, 3) for k, v in self.unit_hours.items()},
            "supports": list(self.supports),
            "tasks": list(self.tasks),
        }


@dataclass(frozen=True)
class PlanCobot:
    """A cobot cell in the plan with the units it takes over or assists."""

    id: str
    model: str | None
    units: tuple[str, ...]
    assists: tuple[str, ...]
    hours_per_week: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "model": self.model,
            "units": list(self.units),
            "assists": list(self.assists),
            "hours_per_week": round(self.hours_per_week, 3),
        }


@dataclass(frozen=True)
class Plan:
    """A plan with its headline figures, status and gap."""

    status: str
    gap: float
    bound_jobs: int
    jobs: tuple[PlanJob, ...]
    cobots: tuple[PlanCobot, ...]
    unit_holder: dict[str, list[dict[str, Any]]]
    options: dict[str, Any]
    greedy_jobs: int
    seconds: float
    stage_status: dict[str, str]
    hours_per_fte: float
    banenafspraak_hours: float
    skilled_hours_freed: float
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    interrupted: bool = False
    #: hard-to-fill role -> hours per week before less hours kept (sums to skilled_hours_freed)
    freed_by_role: dict[str, float] = field(default_factory=dict)
    #: the solver's view of the plan (for re-planning, e.g. Monte Carlo); not in the JSON
    instance: PoolInstance | None = field(default=None, repr=False, compare=False)
    assignment: Assignment | None = field(default=None, repr=False, compare=False)

    @property
    def carved(self) -> list[PlanJob]:
        return [j for j in self.jobs if j.kind == "carved"]

    def summary(self) -> dict[str, Any]:
        carved_hours = sum(j.hours_per_week for j in self.carved)
        return {
            "extra_workers": len(self.carved),
            "extra_fte": round(carved_hours / self.hours_per_fte, 3),
            "banenafspraak_jobs": round(carved_hours / self.banenafspraak_hours, 3),
            "carved_hours_per_week": round(carved_hours, 3),
            "skilled_hours_freed_per_week": round(self.skilled_hours_freed, 3),
            "cobots": len(self.cobots),
            "cobot_hours_per_week": round(sum(c.hours_per_week for c in self.cobots), 3),
            "status": self.status,
            "gap": round(self.gap, 4),
            "bound_extra_workers": self.bound_jobs,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "jobs": [j.to_dict() for j in self.jobs],
            "cobots": [c.to_dict() for c in self.cobots],
            "units": self.unit_holder,
            "options": self.options,
            "solver": {
                "greedy_extra_workers": self.greedy_jobs,
                "stages": self.stage_status,
            },
            "reasons": [r.to_dict() for r in self.reasons],
        }


def plan(
    process: ProcessModel,
    analysis: Analysis | None = None,
    *,
    catalogs: Catalogs | None = None,
    progress: Callable[[str], None] | None = None,
    **options: float | int | None,
) -> Plan:
    """The best plan for a pool process: carved jobs, cobots, and who does each unit.

    Options (each overrides the model's ``options:`` and the sourced default):
    ``min_job_hours``, ``min_kinds_per_job``, ``max_job_ergonomic_load``, ``max_cobots``,
    ``time_limit_s``, ``seed``, ``workers``.
    """
    from jobcarve.analysis import analyze
    from jobcarve.carving.cpsat.pool import PoolModel
    from jobcarve.carving.greedy import greedy

    cats = catalogs if catalogs is not None else load_catalogs()
    assert cats.params is not None
    result = analysis if analysis is not None else analyze(process, cats)
    opts = resolve_options(process, cats.params, **options)
    inst = build_instance(result, process, opts)
    start = greedy(inst)
    assert not violations(inst, start), violations(inst, start)
    report = PoolModel(inst).solve(start, progress)
    final = report.assignment
    if violations(inst, final):  # pragma: no cover - the model and the checker must agree
        raise AssertionError(f"solver plan breaks constraints: {violations(inst, final)}")
    jobs_found = len(final.jobs())
    gap = (report.bound - jobs_found) / report.bound if report.bound > 0 else 0.0
    result_plan = _to_plan(
        inst,
        process,
        final,
        report.status,
        gap,
        report.bound,
        len(start.jobs()),
        report.seconds,
        report.stage_status,
    )
    return dataclasses.replace(
        result_plan, interrupted=report.interrupted, instance=inst, assignment=final
    )


def _to_plan(
    inst: PoolInstance,
    process: ProcessModel,
    a: Assignment,
    status: str,
    gap: float,
    bound: int,
    greedy_jobs: int,
    seconds: float,
    stages: dict[str, str],
) -> Plan:
    units = inst.units
    share = inst.options.assist_share
    holders: dict[str, list[dict[str, Any]]] = {}

    def hold(u: int, kind: str, holder: str, hours: float) -> None:
        entry = {
            "kind": kind,
            "holder": holder,
            "hours_per_week": hours,
            "cobot_assist": u in a.assist_of,
        }
        for item in holders.setdefault(units[u].unit, []):
            if (item["kind"], item["holder"], item["cobot_assist"]) == (
                kind,
                holder,
                u in a.assist_of,
            ):
                item["hours_per_week"] += hours
                return
        holders[units[u].unit].append(entry)

    def human_hours(u: int) -> float:
        return units[u].hours * (1 - (share if u in a.assist_of else 0.0))

    def per_unit(members: list[int], pace: float = 1.0) -> dict[str, float]:
        out: dict[str, float] = {}
        for u in members:
            out[units[u].unit] = out.get(units[u].unit, 0.0) + human_hours(u) / pace
        return out

    jobs: list[PlanJob] = []
    counter: dict[str, int] = {}
    for (p, _slot), members in sorted(a.jobs().items()):
        prof = inst.profiles[p]
        counter[prof.id] = counter.get(prof.id, 0) + 1
        job_id = f"{prof.id}-{counter[prof.id]}"
        supports = sorted({s for u in members for s in units[u].supports[p]})
        hours = per_unit(members, prof.pace)
        jobs.append(
            PlanJob(
                job_id,
                "carved",
                prof.id,
                None,
                job_hours(inst, members, p, a),
                tuple(hours),
                tuple(supports),
                tuple(sorted({units[u].task for u in members})),
                hours,
            )
        )
        for u in members:
            hold(u, "carved", job_id, human_hours(u))
    cobots: list[PlanCobot] = []
    cobot_models = {c.id: c for c in load_catalogs().cobots}
    for number, (_m, members) in enumerate(sorted(a.cobots().items()), start=1):
        cid = f"cobot-{number}"
        takes = tuple(dict.fromkeys(units[u].unit for u in members if u in a.cobot_of))
        assists = tuple(dict.fromkeys(units[u].unit for u in members if u in a.assist_of))
        models = [
            m
            for m in (units[u].cobot_model for u in members)
            if m is not None and m in cobot_models
        ]
        model = (
            max(models, key=lambda mid: (cobot_models[mid].payload_kg, cobot_models[mid].reach_mm))
            if models
            else None
        )
        cobots.append(
            PlanCobot(cid, model, takes, assists, sum(units[u].cobot_hours for u in members))
        )
        for u in members:
            if u in a.cobot_of:
                hold(u, "cobot", cid, units[u].hours)
    for role in process.roles:
        members = [
            u
            for u, unit in enumerate(units)
            if unit.role == role.id and u not in a.job_of and u not in a.cobot_of
        ]
        hours = per_unit(members)
        jobs.append(
            PlanJob(
                role.id,
                "existing",
                None,
                role.id,
                sum(hours.values()),
                tuple(hours),
                (),
                tuple(sorted({units[u].task for u in members})),
                hours,
            )
        )
        for u in members:
            hold(u, "role", role.id, human_hours(u))
    holder = {
        k: [{**h, "hours_per_week": round(h["hours_per_week"], 3)} for h in v]
        for k, v in sorted(holders.items())
    }
    # hours freed in a hard-to-fill role = its hours before less what it keeps after the plan
    # (the before/after table of the report adds up to this; split hand-over work that moves
    # with a unit is work the new job does, not an hour the role saves)
    from jobcarve.graph import summarize

    before = {r.role: r.hours_per_week for r in summarize(process).roles}
    hard_roles = {r.id for r in process.roles if r.hard_to_fill}
    freed_by_role = {
        j.role: before.get(j.role, 0.0) - j.hours_per_week
        for j in jobs
        if j.kind == "existing" and j.role in hard_roles
    }
    freed = sum(freed_by_role.values())
    reasons: list[Reason] = []
    o = inst.options
    if not any(p.slots for p in inst.profiles):
        reasons.append(Reason("plan.no_slots", {"min_hours": o.min_job_hours}))
    return Plan(
        status=status,
        gap=gap,
        bound_jobs=bound,
        jobs=tuple(jobs),
        cobots=tuple(cobots),
        unit_holder=dict(sorted(holder.items())),
        options={
            "min_job_hours": o.min_job_hours,
            "min_kinds_per_job": o.min_kinds_per_job,
            "max_job_ergonomic_load": o.max_job_ergonomic_load,
            "max_cobots": o.max_cobots,
            "cobot_hours_available": round(o.cobot_hours_available, 3),
            "time_limit_s": o.time_limit_s,
            "seed": o.seed,
            "workers": o.workers,
        },
        greedy_jobs=greedy_jobs,
        seconds=seconds,
        stage_status=stages,
        hours_per_fte=o.hours_per_fte,
        banenafspraak_hours=o.banenafspraak_hours,
        skilled_hours_freed=freed,
        freed_by_role=freed_by_role,
        reasons=tuple(reasons),
    )


def line_plan(
    process: ProcessModel,
    analysis: Analysis | None = None,
    *,
    objective: Objective = "max_target_group",
    takt_s: float | None = None,
    catalogs: Catalogs | None = None,
    **options: float | int | None,
) -> LineSolution:
    """The line balance of a process of kind ``line`` (see `jobcarve.carving.line`).

    ``objective``: ``min_cycle`` (the whole team staffs stations; shortest cycle),
    ``min_stations`` (fewest workers at the takt) or ``max_target_group`` (most workers
    from the target group at the takt, then fewest stations). The takt defaults to
    ``planning.takt_s``.
    """
    from jobcarve.analysis import analyze
    from jobcarve.carving.cpsat.line import solve_line
    from jobcarve.carving.line import line_problem

    cats = catalogs if catalogs is not None else load_catalogs()
    assert cats.params is not None
    result = analysis if analysis is not None else analyze(process, cats)
    opts = resolve_options(process, cats.params, **options)
    problem = line_problem(process, result, max_cobots=opts.max_cobots)
    takt = takt_s if takt_s is not None else process.planning.takt_s
    cycle = None
    if objective != "min_cycle":
        if takt is None:
            raise UsageError(f"objective {objective} needs a takt: planning.takt_s or --takt")
        cycle = round(takt / problem.time_unit)
    if objective not in ("min_cycle", "min_stations", "max_target_group"):
        raise UsageError(f"unknown line objective {objective!r}")
    return solve_line(
        problem,
        objective,
        cycle_time=cycle,
        time_limit_s=opts.time_limit_s,
        seed=opts.seed,
        workers=opts.workers,
    )
