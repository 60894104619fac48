"""What a plan gives the business case: its jobs, cobots and work balance."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from jobcarve.carving.assignment import (
    Assignment,
    job_hours,
    leaver_shares,
    named_jobs,
    released_by,
)
from jobcarve.carving.balance import RoleBalance, work_balance
from jobcarve.carving.instance import PoolInstance, job_supports
from jobcarve.carving.plan import Plan
from jobcarve.model import ProcessModel
from jobcarve.results import Analysis

# ---------------------------------------------------------------------------------------
# What a plan gives the business case.


@dataclass(frozen=True)
class JobFigures:
    """One carved job: its profile, paid hours, supports and the work it takes from roles."""

    id: str
    profile: str
    hours_per_week: float
    supports: tuple[str, ...]
    released: dict[str, float]  # role -> hours per week of today's work it takes over
    #: the supports that remove a lifting risk that holds for anyone in this job's work
    #: (`PoolUnit.duty_supports`): the employer's duty, not reimbursed
    duty_supports: tuple[str, ...] = ()
    #: too small without the work that waits for people leaving
    #: (`carving.assignment.leaver_shares`): the business case starts it in the year they go
    #: (``leavers_from_year``)
    starts_when_they_leave: bool = False


@dataclass(frozen=True)
class CobotFigures:
    """One cobot cell and the work it takes from roles (its own share of assisted units)."""

    id: str
    released: dict[str, float]


@dataclass(frozen=True)
class PlanFigures:
    """The figures of a plan the business case needs (also built per Monte Carlo draw)."""

    jobs: tuple[JobFigures, ...]
    cobots: tuple[CobotFigures, ...]
    balance: tuple[RoleBalance, ...]

    @property
    def job_hours(self) -> tuple[float, ...]:
        return tuple(j.hours_per_week for j in self.jobs)

    def released_by_jobs(self) -> dict[str, float]:
        """Hours per week the plan's jobs release from each role (without the cobots)."""
        out: dict[str, float] = {}
        for job in self.jobs:
            for role, hours in job.released.items():
                out[role] = out.get(role, 0.0) + hours
        return out

    def released(self) -> dict[str, float]:
        """Hours per week the plan releases from each role (jobs and cobots)."""
        out: dict[str, float] = {}
        items: list[JobFigures | CobotFigures] = [*self.jobs, *self.cobots]
        for item in items:
            for role, hours in item.released.items():
                out[role] = out.get(role, 0.0) + hours
        return out


EMPTY = PlanFigures((), (), ())


def figures_from_assignment(
    process: ProcessModel,
    inst: PoolInstance,
    a: Assignment,
    balance: Sequence[RoleBalance] | None = None,
) -> PlanFigures:
    """Jobs, cobots and work balance of a solver assignment (ids as `jobcarve.plan` names them).

    A job's paid hours are `job_hours` (standard time with hand-over overhead, over the
    profile's pace); the work it and each cobot take from the roles is in base hours of
    today's work, split like `jobcarve.carving.assignment.released`: a unit a cobot assists
    releases the cobot's share to the cobot and the rest to the job that holds it.
    """
    jobs: list[JobFigures] = []
    named = named_jobs(inst, a)
    for job_id, p, members in named:
        prof = inst.profiles[p]
        released: dict[str, float] = {}
        for u in members:
            role = inst.units[u].role
            released[role] = released.get(role, 0.0) + released_by(inst, a, u)[0]
        supports = job_supports(inst, members, p)
        duty = {
            s
            for u in members
            if inst.units[u].duty_supports
            for s in inst.units[u].duty_supports[p]
        }
        jobs.append(
            JobFigures(
                job_id,
                prof.id,
                job_hours(inst, members, p, a),
                supports,
                released,
                tuple(sorted(duty)),
            )
        )
    cobots: list[CobotFigures] = []
    for cid, members in a.cells():
        released = {}
        for u in members:
            role = inst.units[u].role
            released[role] = released.get(role, 0.0) + released_by(inst, a, u)[1]
        cobots.append(CobotFigures(cid, released))
    partial = PlanFigures(tuple(jobs), tuple(cobots), ())
    found = tuple(balance) if balance else work_balance(process, partial.released())
    # the jobs too small without the work that waits for people leaving start when they go
    shares = leaver_shares(inst, a, named, found)
    late = [
        dataclasses.replace(job, starts_when_they_leave=True) if shares[job.id].late else job
        for job in jobs
    ]
    return dataclasses.replace(partial, jobs=tuple(late), balance=found)


def plan_balance(plan: Plan) -> tuple[RoleBalance, ...] | None:
    """The plan's own work balance (`Plan.work_balance`); None for a plan without one."""
    found = getattr(plan, "work_balance", None)
    return tuple(found) if found else None


def plan_figures(process: ProcessModel, analysis: Analysis | None, plan: Plan) -> PlanFigures:
    """The business-case inputs of a plan made by `jobcarve.plan`."""
    if plan.instance is None or plan.assignment is None:
        raise ValueError("the plan carries no solver instance; make it with jobcarve.plan")
    return figures_from_assignment(process, plan.instance, plan.assignment, plan_balance(plan))


def scaled_figures(process: ProcessModel, figures: PlanFigures, factor: float) -> PlanFigures:
    """The plan's figures with every job's hours and the released work scaled by `factor`."""
    jobs = tuple(
        dataclasses.replace(
            j,
            hours_per_week=j.hours_per_week * factor,
            released={k: v * factor for k, v in j.released.items()},
        )
        for j in figures.jobs
    )
    cobots = tuple(
        dataclasses.replace(c, released={k: v * factor for k, v in c.released.items()})
        for c in figures.cobots
    )
    partial = PlanFigures(jobs, cobots, ())
    return dataclasses.replace(partial, balance=work_balance(process, partial.released()))
