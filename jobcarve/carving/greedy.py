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

from jobcarve.carving.assignment import (
    Assignment,
    day_and_later,
    day_work,
    job_hours,
    kind_hours,
    released,
    released_by,
    violations,
)
from jobcarve.carving.instance import PoolInstance, apart


def _copy(a: Assignment) -> Assignment:
    return Assignment(dict(a.job_of), dict(a.cobot_of), dict(a.assist_of))


def greedy(inst: PoolInstance, start: Assignment | None = None) -> Assignment:
    """A feasible assignment built greedily, on top of `start` if given."""
    a = _copy(start) if start is not None else Assignment()
    o = inst.options
    gone = released(inst, a)
    budget = {r: limit - gone.get(r, 0.0) for r, limit in inst.role_limits.items()}

    def affordable(u: int, hours: float, spent: dict[str, float]) -> bool:
        role = inst.units[u].role
        return role not in budget or spent.get(role, 0.0) + hours <= budget[role] + 1e-9

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
            spent: dict[str, float] = {}
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
                most = inst.part_cap(u, p)
                if most and most <= sum(inst.units[c].unit == unit.unit for c in chosen):
                    continue  # one shift's share, or the profile's days' share of daily work
                if day_work(inst, [*chosen, u], p) > inst.day_limit(p) + 1e-6:
                    continue  # at most a working day a day of work done on fewer days
                if day_and_later(inst, [*chosen, u]):
                    continue  # a day job holds the day shift's share only
                # what the unit's role gives up: all of it, less what a cobot already took
                gives = unit.base_hours * (1 - share)
                if not affordable(u, gives, spent):
                    continue
                if load + unit.physical * unit.hours > inst.load_limit(p) * (weight + unit.hours):
                    continue
                chosen.append(u)
                spent[unit.role] = spent.get(unit.role, 0.0) + gives
                hours += extra
                weight += unit.hours
                load += unit.physical * unit.hours
            chosen = _varied(inst, chosen)
            trial = _copy(a)
            trial.job_of.update({c: (p, slot) for c in chosen})
            if not chosen or violations(inst, trial):
                break
            a = trial
            taken.update(chosen)
            for c in chosen:
                share = o.assist_share if c in a.assist_of else 0.0
                role = inst.units[c].role
                if role in budget:
                    budget[role] -= inst.units[c].base_hours * (1 - share)
    # cobots: candidate units left with their roles, hard-to-fill first, while capacity lasts
    loads: dict[int, float] = {}
    for m, members in a.cobots().items():
        loads[m] = sum(inst.units[u].cobot_hours for u in members)
    for u in sorted(
        range(inst.num_units),
        key=lambda u: (not inst.units[u].hard_to_fill, -inst.units[u].hours, u),
    ):
        unit = inst.units[u]
        if unit.cobot != "candidate" or u in taken or not (unit.hard_to_fill or unit.risk):
            continue
        if not affordable(u, unit.base_hours * o.taken_share, {}):
            continue
        for m in range(o.max_cobots):
            members = a.cobots().get(m, [])
            here = {inst.units[v].place for v in members} - {None}
            if unit.place is not None and here and unit.place not in here:
                continue
            if any(apart(unit, inst.units[v]) for v in members):
                continue
            if loads.get(m, 0.0) + unit.cobot_hours <= o.cobot_hours_available:
                loads[m] = loads.get(m, 0.0) + unit.cobot_hours
                a.cobot_of[u] = m
                if unit.role in budget:
                    budget[unit.role] -= unit.base_hours * o.taken_share
                break
    return a


def _varied(inst: PoolInstance, chosen: list[int]) -> list[int]:
    """The job without kinds of work under the minimum share of its hours, and with at most
    the allowed share of work that needs rotation."""
    share = inst.options.min_kind_share
    members = list(chosen)
    rotating = sorted(
        (u for u in members if inst.units[u].rotation), key=lambda u: -inst.units[u].hours
    )
    while rotating and sum(
        inst.units[u].hours for u in rotating
    ) > inst.options.rotation_max_share * sum(inst.units[u].hours for u in members):
        members.remove(rotating.pop(0))
    while members:
        kinds = kind_hours(inst, members)
        total = sum(kinds.values())
        small = [t for t, h in kinds.items() if h < share * total]
        if not small:
            return members
        drop = min(small, key=lambda t: (kinds[t], t))
        members = [u for u in members if inst.units[u].task != drop]
    return members


def repair(inst: PoolInstance, a: Assignment) -> Assignment:
    """A feasible assignment as close to `a` as this simple rule gets, for changed hours."""
    o = inst.options
    out = _copy(a)
    # the work balance first: a role that would give up more than its uses absorb takes
    # back its smallest moved units until it fits
    for role, gone in sorted(released(inst, out).items()):
        limit = inst.role_limits.get(role)
        if limit is None:
            continue
        moved = sorted(
            (u for u in {*out.job_of, *out.cobot_of, *out.assist_of} if inst.units[u].role == role),
            key=lambda u: (inst.units[u].base_hours, u),
        )
        while moved and gone > limit + 1e-6:
            u = moved.pop(0)
            gone -= sum(released_by(inst, out, u))
            out.job_of.pop(u, None)
            out.cobot_of.pop(u, None)
            out.assist_of.pop(u, None)
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
