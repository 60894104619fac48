"""A fast constructive start, and the repair of a plan to changed hours.

`greedy` is the CP-SAT hint and a reference (CP-SAT must never do worse): it opens a job
for a profile, adds accessible units (hard-to-fill roles first, then the largest) while
the hours stay within the profile's and the physical load under its limit, and keeps the
job only when it meets every rule. Given a start assignment it only adds: free units into
new jobs and onto cobots. `repair` makes an assignment feasible again after the hours
changed (a Monte Carlo draw): it trims jobs and cobots that grew too large and dissolves
jobs that no longer meet the minimum hours or variety.
"""

from __future__ import annotations

from jobcarve.carving.assignment import Assignment, job_hours, violations
from jobcarve.carving.instance import PoolInstance


def _copy(a: Assignment) -> Assignment:
    return Assignment(dict(a.job_of), dict(a.cobot_of), dict(a.assist_of))


def greedy(inst: PoolInstance, start: Assignment | None = None) -> Assignment:
    """A feasible assignment built greedily, on top of `start` if given."""
    a = _copy(start) if start is not None else Assignment()
    o = inst.options
    taken: set[int] = set(a.job_of) | set(a.cobot_of)
    used_slots = set(a.job_of.values())
    order = sorted(range(len(inst.profiles)), key=lambda p: (-inst.profiles[p].hours_available, p))
    for p in order:
        prof = inst.profiles[p]
        for slot in range(prof.slots):
            if (p, slot) in used_slots:
                continue
            free = [u for u in range(inst.num_units) if u not in taken and inst.units[u].access[p]]
            free.sort(key=lambda u: (not inst.units[u].hard_to_fill, -inst.units[u].hours, u))
            chosen: list[int] = []
            hours = weight = load = 0.0
            # one unit of each task first, for variety, then fill up with the rest
            firsts: dict[str, int] = {}
            for u in free:
                firsts.setdefault(inst.units[u].task, u)
            for u in [*firsts.values(), *free]:
                unit = inst.units[u]
                share = o.assist_share if u in a.assist_of else 0.0
                extra = unit.hours * (1 - share) / prof.pace
                if u in chosen or hours + extra > prof.hours_available:
                    continue
                if load + unit.physical * unit.hours > o.max_job_ergonomic_load * (
                    weight + unit.hours
                ):
                    continue
                chosen.append(u)
                hours += extra
                weight += unit.hours
                load += unit.physical * unit.hours
            trial = _copy(a)
            trial.job_of.update({c: (p, slot) for c in chosen})
            if not chosen or violations(inst, trial):
                break
            a = trial
            taken.update(chosen)
    # cobots: candidate units left with their roles, hard-to-fill first, while capacity lasts
    loads: dict[int, float] = {}
    for m, members in a.cobots().items():
        loads[m] = sum(inst.units[u].cobot_hours for u in members)
    for u in sorted(
        range(inst.num_units),
        key=lambda u: (not inst.units[u].hard_to_fill, -inst.units[u].hours, u),
    ):
        unit = inst.units[u]
        if unit.cobot != "candidate" or u in taken or not unit.hard_to_fill:
            continue
        for m in range(o.max_cobots):
            if loads.get(m, 0.0) + unit.cobot_hours <= o.cobot_hours_available:
                loads[m] = loads.get(m, 0.0) + unit.cobot_hours
                a.cobot_of[u] = m
                break
    return a


def repair(inst: PoolInstance, a: Assignment) -> Assignment:
    """A feasible assignment as close to `a` as this simple rule gets, for changed hours."""
    o = inst.options
    out = _copy(a)
    for _m, members in sorted(out.cobots().items()):
        members = sorted(members, key=lambda u: -inst.units[u].cobot_hours)
        while members and sum(inst.units[u].cobot_hours for u in members) > o.cobot_hours_available:
            u = members.pop(0)
            out.cobot_of.pop(u, None)
            out.assist_of.pop(u, None)
    for (p, _j), members in sorted(out.jobs().items()):
        prof = inst.profiles[p]
        members = list(members)
        while members and job_hours(inst, members, p, out) > prof.hours_available:
            tasks = [inst.units[u].task for u in members]
            # drop a part of a task the job has more of, else the largest part
            spare = [u for u in members if tasks.count(inst.units[u].task) > 1]
            victim = max(spare or members, key=lambda u: (inst.units[u].hours, u))
            members.remove(victim)
            out.job_of.pop(victim)
        trial_ok = members and not [
            v for v in violations(inst, _only_job(out, members)) if "job of" in v
        ]
        if not trial_ok:
            for u in members:
                out.job_of.pop(u, None)
    return out


def _only_job(a: Assignment, members: list[int]) -> Assignment:
    return Assignment(
        {u: a.job_of[u] for u in members},
        {},
        {u: m for u, m in a.assist_of.items() if u in members},
    )
