"""A fast constructive start: fill carved jobs profile by profile, then cobots.

Used as the CP-SAT hint and as a reference (CP-SAT must never do worse). It opens a job
for a profile, adds accessible units (hard-to-fill roles first, then the largest) while
the hours stay within the profile's, and keeps the job only when it meets the minimum
hours, the variety and the ergonomic limit.
"""

from __future__ import annotations

from jobcarve.carving.assignment import Assignment, violations
from jobcarve.carving.instance import PoolInstance


def greedy(inst: PoolInstance) -> Assignment:
    """A feasible assignment built greedily (possibly with no jobs at all)."""
    a = Assignment()
    o = inst.options
    taken: set[int] = set()
    order = sorted(range(len(inst.profiles)), key=lambda p: (-inst.profiles[p].hours_available, p))
    for p in order:
        prof = inst.profiles[p]
        for slot in range(prof.slots):
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
                if u in chosen or hours + unit.hours / prof.pace > prof.hours_available:
                    continue
                if load + unit.physical * unit.hours > o.max_job_ergonomic_load * (
                    weight + unit.hours
                ):
                    continue
                chosen.append(u)
                hours += unit.hours / prof.pace
                weight += unit.hours
                load += unit.physical * unit.hours
            trial = Assignment({**a.job_of, **{c: (p, slot) for c in chosen}})
            if not chosen or violations(inst, trial):
                break
            a = trial
            taken.update(chosen)
    # cobots: candidate units left with their roles, hard-to-fill first, while capacity lasts
    loads: dict[int, float] = {}
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
