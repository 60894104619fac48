"""An assignment of units to holders, and how to check and score it.

Shared by the greedy start and the CP-SAT model, so that both are judged by the same rules
(property tests compare them).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from jobcarve.carving.balance import RoleBalance, leaver_hours, less_released
from jobcarve.carving.instance import PoolInstance, apart


@dataclass
class Assignment:
    """Who does each unit: a carved job (profile index, slot), a cobot (index), or the role."""

    job_of: dict[int, tuple[int, int]] = field(default_factory=dict)
    cobot_of: dict[int, int] = field(default_factory=dict)  # candidate units taken over
    assist_of: dict[int, int] = field(default_factory=dict)  # assist units the cobot helps with

    def jobs(self) -> dict[tuple[int, int], list[int]]:
        """Units per carved job."""
        out: dict[tuple[int, int], list[int]] = {}
        for u, job in sorted(self.job_of.items()):
            out.setdefault(job, []).append(u)
        return out

    def cobots(self) -> dict[int, list[int]]:
        """Units per cobot (taken over or assisted)."""
        out: dict[int, list[int]] = {}
        for u, m in sorted({**self.cobot_of, **self.assist_of}.items()):
            out.setdefault(m, []).append(u)
        return out

    def cells(self) -> list[tuple[str, list[int]]]:
        """Each cobot's plan id (``cobot-N``, numbered in cobot order from 1) and its units:
        the one home of the numbering the plan, its reasons and the business case share."""
        return [
            (f"cobot-{number}", members)
            for number, (_m, members) in enumerate(sorted(self.cobots().items()), start=1)
        ]


def job_hours(inst: PoolInstance, units: list[int], profile: int, assignment: Assignment) -> float:
    """Hours per week of a carved job: standard time / pace, less the cobot's share of assisted units."""
    pace = inst.profiles[profile].pace
    total = 0.0
    for u in units:
        share = inst.options.assist_share if u in assignment.assist_of else 0.0
        total += inst.units[u].hours * (1 - share) / pace
    return total


def released_by(inst: PoolInstance, a: Assignment, u: int) -> tuple[float, float]:
    """Hours of today's work unit ``u`` releases from its role: (to its job, to a cobot).

    The one copy of the rule: a unit in a carved job releases its base hours to the job,
    less the cobot's share when a cobot assists it; a unit a cobot takes over releases its
    base hours to the cobot, less the share people keep to tend the cell (which stays with
    the role); a unit a cobot assists releases the cobot's share to the cobot (the rest to
    its job, or nothing while it stays with its role).
    """
    unit = inst.units[u]
    if u in a.cobot_of:
        return 0.0, unit.base_hours * inst.options.taken_share
    share = inst.options.assist_share if u in a.assist_of else 0.0
    to_job = unit.base_hours * (1 - share) if u in a.job_of else 0.0
    return to_job, unit.base_hours * share


def released(inst: PoolInstance, a: Assignment) -> dict[str, float]:
    """Hours of today's work per role that the assignment takes from the role's people
    (`released_by`, summed per role)."""
    out: dict[str, float] = {}
    for u, unit in enumerate(inst.units):
        if u in a.job_of or u in a.cobot_of or u in a.assist_of:
            to_job, to_cobot = released_by(inst, a, u)
            out[unit.role] = out.get(unit.role, 0.0) + to_job + to_cobot
    return out


def named_jobs(inst: PoolInstance, a: Assignment) -> list[tuple[str, int, list[int]]]:
    """The carved jobs as the plan names them: (id, profile index, units), the id being the
    profile's id and the job's number among that profile's jobs ("packer-2"). The one copy of
    the rule, for the plan and the business case."""
    out: list[tuple[str, int, list[int]]] = []
    counter: dict[str, int] = {}
    for (p, _slot), members in sorted(a.jobs().items()):
        pid = inst.profiles[p].id
        counter[pid] = counter.get(pid, 0) + 1
        out.append((f"{pid}-{counter[pid]}", p, members))
    return out


def leaver_waits(
    inst: PoolInstance,
    a: Assignment,
    jobs: Iterable[tuple[int, list[int]]],
    leaving: Mapping[str, float],
) -> dict[str, tuple[float, float]]:
    """Per role, the most of these jobs' hours (the workers' own, at their pace) that come
    free only when the role's leavers go, with those hours in today's hours as the work
    balance counts them.

    ``jobs`` are (profile index, units); ``leaving`` is per role the hours the work balance's
    use ``leavers`` absorbs (today's hours, without hand-over time). The jobs' work of a role
    rests on the leavers in the share those hours can cover of what the jobs release from the
    role (`released_by`); where the jobs hold all of it, the balance's own figure (one home:
    11.2 h beside the balance's 11.3 h was the same 11.25 h, rounded from two sums). One
    job's card asks it of that job, the first screen of all carved jobs."""
    own: dict[str, float] = {}
    today: dict[str, float] = {}
    share = inst.options.assist_share
    for p, members in jobs:
        pace = inst.profiles[p].pace
        for u in members:
            role = inst.units[u].role
            human = inst.units[u].hours * (1 - (share if u in a.assist_of else 0.0))
            own[role] = own.get(role, 0.0) + human / pace
            today[role] = today.get(role, 0.0) + released_by(inst, a, u)[0]
    out = {}
    for role, hours in own.items():
        gone = leaving.get(role, 0.0)
        if gone >= 0.05 and today[role] >= 0.05:
            # a cobot that takes some of the role's work too leaves the jobs at most their own
            held = gone if today[role] > gone - 0.05 else today[role]
            out[role] = (hours * min(1.0, gone / today[role]), held)
    return out


@dataclass(frozen=True)
class LeaverShare:
    """How one carved job stands to the work that waits for people leaving
    (`leaver_shares`)."""

    #: too small without that work: it starts when they go (in the business case too)
    late: bool
    #: per role, the leavers' hours (today's hours) the job is read against: what the jobs
    #: judged before it left of them for a late job, what the late jobs leave for one that
    #: starts at once
    leaving: dict[str, float]
    #: the kinds of work (tasks) the job keeps without the work of the roles whose part of
    #: it all waits for the leavers (`job_rest`): fewer than a job needs is said on its card
    kinds: int = 0


def leaver_shares(
    inst: PoolInstance,
    a: Assignment,
    jobs: Sequence[tuple[str, int, list[int]]],
    balance: Sequence[RoleBalance],
) -> dict[str, LeaverShare]:
    """Per job id, whether it starts when people leave, and the leavers' hours it is read
    against.

    A job starts when they go where it is too small without the work that waits for them:
    fewer than a job's fewest hours (a reading of the office chair maker: 12.6 h of one task
    left), so no job until they go (`job_rest`). Fewer kinds of work than a job needs until
    then do not hold it back (a job of 12.6 h of two kinds is a job; on the first 17 cases with
    leavers, counting kinds would have held back 11 more jobs in 7 cases, and the whole plan
    of two of them: a policy for the team, not a reading's mend), but the
    job's card says so (a reading of the dental lab: 12.6 h of two kinds, where a job has
    three, and the report silent). The business case starts it in the year the leavers go
    (four readings: wages paid from year 1 for work that exists only after a retirement).

    ``jobs`` are (id, profile index, units), ``balance`` the plan's work balance. The
    leavers' hours are shared, not read against every job (a diff check of the dairy: two
    jobs of 18 and 22 h of packing each read against the same 16 h of one leaver, so both
    would have waited): the job with the fewest hours without that work goes first; the
    next is read against the leavers' hours of the balance without the jobs that start late
    before it (`less_released`, the same rule as the business case's years before they
    go); a job that starts at once against what all of them leave."""
    least = inst.options.min_job_hours - 0.05
    late_released: dict[str, float] = {}

    def leaving() -> dict[str, float]:
        return leaver_hours(less_released(balance, late_released))

    full = leaver_hours(balance)
    order = sorted(jobs, key=lambda job: (job_rest(inst, a, job[1], job[2], full)[0], job[0]))
    out: dict[str, LeaverShare] = {}
    for job_id, p, members in order:
        left = leaving()
        hours, kinds = job_rest(inst, a, p, members, left)
        if hours >= least:
            continue
        out[job_id] = LeaverShare(True, left, kinds)
        for u in members:
            role = inst.units[u].role
            late_released[role] = late_released.get(role, 0.0) + released_by(inst, a, u)[0]
    rest_of = leaving()
    return {
        job_id: out.get(job_id)
        or LeaverShare(False, rest_of, job_rest(inst, a, p, members, rest_of)[1])
        for job_id, p, members in jobs
    }


def job_rest(
    inst: PoolInstance,
    a: Assignment,
    p: int,
    members: list[int],
    leaving: Mapping[str, float],
) -> tuple[float, int]:
    """What a job of profile index ``p`` keeps without the work that waits for people
    leaving (`leaver_waits` against ``leaving``): its own hours a week (infinite where none
    of its work waits), and its kinds of work by the variety rule (`kinds_of`) on what is
    left, each role's part less the share of it that waits."""
    waits = leaver_waits(inst, a, [(p, members)], leaving)
    if not waits:
        return math.inf, kinds_of(inst, kind_hours(inst, members))
    per_role: dict[str, float] = {}
    for u in members:
        role = inst.units[u].role
        per_role[role] = per_role.get(role, 0.0) + job_hours(inst, [u], p, a)
    left: dict[str, float] = {}
    for u in members:
        unit = inst.units[u]
        own = waits.get(unit.role, (0.0, 0.0))[0]
        share = 1.0 - min(1.0, own / per_role[unit.role]) if per_role[unit.role] > 0 else 1.0
        left[unit.task] = left.get(unit.task, 0.0) + unit.hours * share
    hours = job_hours(inst, members, p, a) - sum(own for own, _today in waits.values())
    return hours, kinds_of(inst, left)


def kinds_of(inst: PoolInstance, hours: Mapping[str, float]) -> int:
    """The kinds of work (tasks) that count for the variety rule among ``hours`` (standard
    hours per task): those of at least `min_kind_share` of the whole."""
    total = sum(hours.values())
    least = max(0.05, inst.options.min_kind_share * total)
    return sum(1 for h in hours.values() if h >= least - 0.005)


def kind_hours(inst: PoolInstance, members: list[int]) -> dict[str, float]:
    """Hours of a job's work per task (standard time), the basis of the variety rule."""
    out: dict[str, float] = {}
    for u in members:
        out[inst.units[u].task] = out.get(inst.units[u].task, 0.0) + inst.units[u].hours
    return out


def shift_parts(inst: PoolInstance, members: list[int], p: int) -> dict[str, int]:
    """Per unit of which a job of profile index ``p`` holds more parts than one shift's share
    or its days' share (`PoolInstance.part_cap`), the parts it holds; empty when there is
    none."""
    held: dict[str, list[int]] = {}
    for u in members:
        if inst.part_cap(u, p):
            held.setdefault(inst.units[u].unit, []).append(u)
    return {
        unit: len(parts) for unit, parts in held.items() if len(parts) > inst.part_cap(parts[0], p)
    }


def day_and_later(inst: PoolInstance, members: list[int]) -> bool:
    """True when a job holds work bound to the day shift and work of a later shift (a later
    shift's part of work done in every shift, or work done only at night): nobody works
    both (a review: the dispensary's morning work in the job that held the late shift's bag
    tipping)."""
    return any(inst.units[u].day for u in members) and any(
        inst.units[u].shift_part > 0 for u in members
    )


def day_work(inst: PoolInstance, members: list[int], p: int) -> float:
    """A job's standard hours on the day of its work done on fewer days than the week
    (`PoolUnit.per_day`), with a day's share of its daily work (`PoolUnit.daily`: a fifth,
    or one over the days profile index ``p`` works); 0 for a job without such work. At most
    `PoolInstance.day_limit` (an adviser's reading of case 89: Friday's wash-line cleaning;
    a diff review: a Friday of 11.4 h with the daily work)."""
    if not any(inst.units[u].per_day for u in members):
        return 0.0
    days = inst.profiles[p].days
    return sum(inst.units[u].day_hours(days) for u in members)


def violations(inst: PoolInstance, a: Assignment) -> list[str]:
    """Every constraint the assignment breaks (empty when it is feasible)."""
    out: list[str] = []
    o = inst.options
    for u in a.job_of:
        if u in a.cobot_of:
            out.append(f"unit {inst.units[u].id} is both in a job and on a cobot")
    for (p, _j), units in a.jobs().items():
        prof = inst.profiles[p]
        hours = job_hours(inst, units, p, a)
        slack = 0.01 * len(units)  # the solver works in hundredths of an hour per unit
        if hours < o.min_job_hours - slack or hours > prof.hours_available + slack:
            out.append(
                f"job of {prof.id} has {hours:.2f} h, outside [{o.min_job_hours}, {prof.hours_available}]"
            )
        kinds = kind_hours(inst, units)
        if len(kinds) < o.min_kinds_per_job:
            out.append(f"job of {prof.id} has fewer than {o.min_kinds_per_job} kinds of work")
        total = sum(kinds.values())
        for task, h in kinds.items():
            if h < o.min_kind_share * total - 0.01 * len(units):
                out.append(
                    f"job of {prof.id}: {task} is {h / total:.0%} of its work, "
                    f"under {o.min_kind_share:.0%}"
                )
        for u in units:
            if not inst.units[u].access[p]:
                out.append(f"unit {inst.units[u].id} does not fit profile {prof.id}")
        for unit, count in shift_parts(inst, units, p).items():
            out.append(
                f"job of {prof.id} holds {count} parts of {unit}, over one shift's or its days' share"
            )
        if day_and_later(inst, units):
            out.append(f"job of {prof.id} holds day-shift work and a later shift's share")
        on_the_day = day_work(inst, units, p)
        if on_the_day > inst.day_limit(p) + 0.01 * len(units):
            out.append(
                f"job of {prof.id} holds {on_the_day:.2f} h a day of work done on"
                f" fewer days, over a working day ({inst.day_limit(p):.2f} h)"
            )
        weight = sum(inst.units[u].hours for u in units)
        load = sum(inst.units[u].physical * inst.units[u].hours for u in units)
        if weight and load > inst.load_limit(p) * weight + 0.05 * len(units):
            out.append(
                f"job of {prof.id} has physical load {load / weight:.2f} > {inst.load_limit(p)}"
            )
        rotation = sum(inst.units[u].hours for u in units if inst.units[u].rotation)
        if rotation > o.rotation_max_share * weight + 0.01 * len(units):
            out.append(
                f"job of {prof.id}: repetitive work needing rotation is {rotation:.1f} h "
                f"of {weight:.1f} h, over {o.rotation_max_share:.0%}"
            )
    per_profile: dict[int, set[int]] = {}
    for p, j in a.jobs():
        per_profile.setdefault(p, set()).add(j)
    for p, slots in per_profile.items():
        if len(slots) > inst.profiles[p].slots:
            out.append(f"more jobs for {inst.profiles[p].id} than allowed")
    for u in a.cobot_of:
        if inst.units[u].cobot != "candidate":
            out.append(f"unit {inst.units[u].id} is not a cobot candidate")
    for u in a.assist_of:
        if inst.units[u].cobot != "assist":
            out.append(f"unit {inst.units[u].id} is not a cobot assist unit")
    for role, hours in released(inst, a).items():
        limit = inst.role_limits.get(role)
        if limit is not None and hours > limit + 0.01 * inst.num_units:
            out.append(f"role {role} gives up {hours:.2f} h, its uses absorb {limit:.2f} h")
    cobots = a.cobots()
    if len(cobots) > o.max_cobots:
        out.append(f"{len(cobots)} cobots, at most {o.max_cobots}")
    for m, units in cobots.items():
        places = {pl for u in units if (pl := inst.units[u].place) is not None}
        if len(places) > 1:
            out.append(f"cobot {m} serves {len(places)} places: {', '.join(sorted(places))}")
        for i, u in enumerate(units):
            for v in units[i + 1 :]:
                if apart(inst.units[u], inst.units[v]):
                    out.append(
                        f"cobot {m} serves {inst.units[u].id} and {inst.units[v].id}: "
                        "two workstations, no kind of work in common"
                    )
        hours = sum(inst.units[u].cobot_hours for u in units)
        if hours > o.cobot_hours_available + 0.01 * len(units):
            out.append(f"cobot {m} needs {hours:.1f} h > {o.cobot_hours_available:.1f} h")
    return out


def objectives(
    inst: PoolInstance, a: Assignment
) -> tuple[int, int, int, int, int, int, int, int, int, int]:
    """The lexicographic objective of `jobcarve.carving.cpsat.pool.PLAN_STAGES`, in hundredths of
    hours: (carved hours, hard-to-fill hours freed, risk hours a cobot takes, -jobs,
    profiles with a job (the jobs stage weighs both), -teams (the roles whose work a job
    holds, summed over the jobs), -hours in jobs that fit only with supports times the gaps
    they close and the floor checks of their place (`PoolUnit.gaps`), -cobots, -hours
    resting on the leavers' room or a season's beyond the room each role has today, -hours
    resting on room of a season beyond each role's year-round room)."""
    jobs = a.jobs()
    carved = sum(round(job_hours(inst, units, p, a) * 100) for (p, _), units in jobs.items())
    share = inst.options.assist_share
    moved = risk = 0
    for u, unit in enumerate(inst.units):
        if unit.hard_to_fill:
            if u in a.job_of:
                moved += unit.scaled()
            elif u in a.cobot_of:
                moved += unit.scaled(inst.options.taken_share)
            elif u in a.assist_of:
                moved += unit.scaled(share)
        if unit.risk and (u in a.cobot_of or u in a.assist_of):
            risk += unit.scaled()
    supported = sum(
        inst.units[u].scaled() * inst.units[u].gaps(p) for u, (p, _) in a.job_of.items()
    )
    teams = sum(len({inst.units[u].role for u in units}) for units in jobs.values())
    served = len({p for p, _slot in jobs})
    given = released(inst, a)
    seasonal = sum(
        max(0, round(given.get(r, 0.0) * 100) - round((inst.role_limits[r] - h) * 100))
        for r, h in inst.seasonal_room.items()
    )
    later = sum(
        max(
            0,
            round(given.get(r, 0.0) * 100)
            - round((inst.role_limits[r] - inst.seasonal_room.get(r, 0.0) - h) * 100),
        )
        for r, h in inst.leaver_room.items()
    )
    return (
        carved,
        moved,
        risk,
        -len(jobs),
        served,
        -teams,
        -supported,
        -len(a.cobots()),
        -later,
        -seasonal,
    )
