"""Re-planning a plan for changed task hours (the Monte Carlo draws), from the plan itself.

`replan(plan, factor)` scales every unit's hours by its task's factor and turns the plan's
own assignment into a feasible plan for those hours: jobs that grew beyond their profile's
hours lose the smallest part that brings them back (`_trim`), the rules are restored
(`repair`: jobs below the minimum hours or variety are dissolved, no role gives up more
than its work balance allows), the freed work is carved greedily into new jobs with at
most the plan's cobots, and free work then goes into jobs with hours to spare (`_top_up`).
The result keeps every rule of `jobcarve.carving.assignment.violations`, so its figures
are a lower bound on the best plan for the drawn hours.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from jobcarve.carving.assignment import Assignment, job_hours, violations
from jobcarve.carving.greedy import greedy, repair
from jobcarve.carving.instance import PoolInstance, too_large
from jobcarve.carving.plan import Plan


@dataclass(frozen=True)
class Replanned:
    """A re-planned assignment and the instance (scaled hours) it is feasible for."""

    instance: PoolInstance
    assignment: Assignment


def replan(plan: Plan, factor: Mapping[str, float]) -> Replanned:
    """The plan repaired and extended for task hours scaled by ``factor`` (task id -> factor).

    The draws measure this plan's uncertainty: the greedy extension may add jobs but no
    cobot the optimiser did not choose (a cobot is advised only where it removes a risk or
    adds enough hours, which the greedy does not weigh). A task missing from ``factor``
    keeps its hours.
    """
    if plan.instance is None or plan.assignment is None:
        raise ValueError("the plan carries no solver instance; make it with jobcarve.plan")
    base = plan.assignment
    inst = dataclasses.replace(
        plan.instance,
        options=dataclasses.replace(plan.instance.options, max_cobots=len(base.cobots())),
    )
    drawn = _scaled(inst, factor)
    a = _top_up(drawn, greedy(drawn, repair(drawn, _trim(drawn, _fitting(drawn, base)))))
    if violations(drawn, a):  # pragma: no cover - repair and greedy keep every rule
        a = greedy(drawn)
    return Replanned(drawn, a)


def _fitting(inst: PoolInstance, a: Assignment) -> Assignment:
    """The assignment without units its jobs' profiles may no longer take (a unit that grew
    larger than its role may give up, `too_large`)."""
    jobs = {u: job for u, job in a.job_of.items() if inst.units[u].access[job[0]]}
    return Assignment(jobs, dict(a.cobot_of), dict(a.assist_of))


def _trim(inst: PoolInstance, a: Assignment) -> Assignment:
    """Jobs that grew beyond their profile's hours lose the smallest part that suffices."""
    out = Assignment(dict(a.job_of), dict(a.cobot_of), dict(a.assist_of))
    for (p, _j), members in sorted(out.jobs().items()):
        limit = inst.profiles[p].hours_available
        members = list(members)
        while members and (over := job_hours(inst, members, p, out) - limit) > 0:
            enough = [u for u in members if job_hours(inst, [u], p, out) >= over]
            victim = (
                min(enough, key=lambda u: (inst.units[u].hours, u))
                if enough
                else max(members, key=lambda u: (inst.units[u].hours, u))
            )
            members.remove(victim)
            out.job_of.pop(victim)
    return out


def _top_up(inst: PoolInstance, a: Assignment) -> Assignment:
    """Free units go into existing jobs with hours to spare (hard-to-fill first, then largest)."""
    out = Assignment(dict(a.job_of), dict(a.cobot_of), dict(a.assist_of))
    free = sorted(
        (u for u in range(inst.num_units) if u not in out.job_of and u not in out.cobot_of),
        key=lambda u: (not inst.units[u].hard_to_fill, -inst.units[u].hours, u),
    )
    for u in free:
        for job, members in sorted(out.jobs().items()):
            p = job[0]
            if not inst.units[u].access[p]:
                continue
            if job_hours(inst, [*members, u], p, out) > inst.profiles[p].hours_available:
                continue
            out.job_of[u] = job
            if violations(inst, out):
                del out.job_of[u]
                continue
            break
    return out


def _scaled(inst: PoolInstance, factor: Mapping[str, float]) -> PoolInstance:
    """The instance at the drawn hours, with the room rule (`too_large`) applied again to each
    unit's drawn hours: a unit that grows larger than its role may give up leaves the jobs,
    and one that shrinks within it may be carved."""
    today: dict[str, float] = {}
    for u in inst.units:
        today[u.unit] = today.get(u.unit, 0.0) + u.base_hours * factor.get(u.task, 1.0)
    ratio = inst.options.max_unit_room_ratio
    units = []
    for u in inst.units:
        fit = u.fit_access or u.access
        large = too_large(today[u.unit], inst.role_limits.get(u.role), ratio)
        units.append(
            dataclasses.replace(
                u,
                hours=u.hours * factor.get(u.task, 1.0),
                cobot_hours=u.cobot_hours * factor.get(u.task, 1.0),
                base_hours=u.base_hours * factor.get(u.task, 1.0),
                access=tuple(False for _ in fit) if large else fit,
            )
        )
    return dataclasses.replace(inst, units=tuple(units))
