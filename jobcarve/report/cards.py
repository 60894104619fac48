"""Cards of the plan: one per carved job (with its week schedule), per cobot, and the line's stations."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from jobcarve.analysis.places import exposures_near
from jobcarve.carving.line import DECISECOND, LineSolution
from jobcarve.carving.plan import (
    Plan,
    PlanCobot,
    PlanJob,
    day_only_profiles,
    no_night_profiles,
    role_keeps,
    room_left,
)
from jobcarve.carving.status import SolveStatus
from jobcarve.catalog import (
    Catalogs,
    checks_hit,
    young_rules,
)
from jobcarve.economics import BusinessCase
from jobcarve.formatting import fixed, join_items, number, percent
from jobcarve.messages import DIMENSION_NAMES, LANGUAGES, MESSAGES
from jobcarve.model import AMBIENT_EXPOSURES, DIMENSIONS, ProcessModel, Profile
from jobcarve.report.labels import Gettext, reason_text
from jobcarve.results import Analysis, Unit


@dataclass(frozen=True)
class JobUnit:
    name: str
    hours: str


@dataclass(frozen=True)
class Demand:
    dimension: str
    level: int


@dataclass(frozen=True)
class ScheduleDay:
    day: str
    hours: str
    work: tuple[JobUnit, ...]
    #: the day's hours of work, in tenths as shown
    tenths: int = 0


@dataclass(frozen=True)
class JobCard:
    id: str
    title: str
    profile: str
    hours: str
    fte: str
    units: tuple[JobUnit, ...]
    demands: tuple[Demand, ...]
    supports: tuple[str, ...]
    kinds: int
    schedule: tuple[ScheduleDay, ...] = ()
    #: the statutory break on days of more than `carving.break_after_hours` of work, else ""
    break_note: str = ""
    where: str = ""
    coach: str = ""
    checks: tuple[str, ...] = ()
    short: str = ""
    #: what to check on the floor before the job starts (a line's feed at a slower pace,
    #: one shift's share of work done in every shift)
    floor: tuple[str, ...] = ()
    #: supports the profile can use (the model's list) that this job's work does not need
    #: to close a gap: to offer the worker (a review: "Supports needed: none" on the card of
    #: a profile who learns with pictures and a coach)
    profile_supports: tuple[str, ...] = ()
    #: the profile's restrictions (the model's list) in words: what the team leader and the
    #: colleagues who guide must know, so that nobody asks the worker to "just help" with
    #: the lift beside the job (a reading of the weaving mill: a 10 kg limit on no card)
    limits: tuple[str, ...] = ()
    #: the learning route: a praktijkverklaring where the job's work matches standard
    #: tasks (`JobQuality.learning_templates`), else what to ask
    learning: str = ""
    #: the worker's own hours a week of this job that wait for people leaving (0: none)
    waits_hours: float = 0.0
    #: whether the job rests on a floor check of its places: other work there raises what
    #: the profile's restriction keeps the worker from (dust, noise, vehicles)
    exposed_nearby: bool = False
    #: whether the job holds work done in every shift beyond the first shift's share, with
    #: the other new jobs: one of them works a later shift (its card says so; the first
    #: screen names it: a reading of the galvaniser, a young man with a job coach in the
    #: late shift until 23:00 and the answer silent)
    later_shift: bool = False
    #: whether the job is too small without the work that waits for people leaving: it
    #: starts when they go (its card says so; the first screen names it)
    starts_when_they_leave: bool = False


@dataclass(frozen=True)
class CobotCard:
    id: str
    model: str
    hours: str
    units: tuple[JobUnit, ...]
    assists: tuple[JobUnit, ...]
    payload: str
    reasons: tuple[str, ...]
    use: str = ""
    use_short: str = ""
    #: its heading, numbered ("1. Dobot CR5"): the cobot section's and the business table's
    title: str = ""
    #: units whose line or machine feeds them faster than the cobot works near people
    slow_for_feed: tuple[str, ...] = ()
    #: who tends the cell, and for how many hours (`Holding.tending`); empty without
    tending: str = ""
    #: where the cell serves more than one workstation: that one arm must reach them all
    places: str = ""
    #: why the plan advises the cell: the risk it takes over, the hours it adds or frees
    #: (`PlanCobot.why`; the comparison itself is `cobot_effect_text`, once for all cells)
    advised: str = ""


@dataclass(frozen=True)
class Station:
    number: int
    worker: str
    load: str
    tasks: str


DAYS = {
    "nl": ("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
}


def _lower_first(text: str) -> str:
    """``Nabewerker`` -> ``nabewerker``; ``CNC-operator`` stays (an abbreviation)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short_role(name: str) -> str:
    """A role's name without the parts in brackets (the name itself if nothing is left)."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def job_titles(process: ProcessModel, plan: Plan, units: dict[str, Any], _: Gettext) -> list[str]:
    """One title per carved job (one home for the cards, the hours table and the first screen)."""
    role_names = {r.id: r.name for r in process.roles}
    titles = []
    for job in plan.carved:
        by_role: dict[str, float] = {}
        for uid, h in job.unit_hours.items():
            by_role[units[uid].role] = by_role.get(units[uid].role, 0.0) + h
        # up to three roles by name, beyond that the two largest and a count (a reading:
        # "and one other role" without naming it)
        main = sorted(by_role, key=lambda r: -by_role[r])[: 3 if len(by_role) <= 3 else 2]
        # a role's name without its explanation in brackets: "CNC-verspaner (programmeren,
        # instellen)" would promise the assistant the skilled part of the role
        names = [_lower_first(_short_role(role_names.get(r, r))) for r in main]
        # "job with" the roles, not "assistant": two reviews read "Assistent ... C" as
        # belittling, and a job that carries a whole dispensary assists nobody
        # a job of more roles says so (a reading: "job with sewer and TIG welder" for a job
        # in four teams)
        more = len(by_role) - len(main)
        # names that hold a comma themselves ("Monteur, controleur en inpakker") are parted
        # by semicolons (`join_items`)
        head = join_items(names[:-1])
        title = (
            _("job with %(roles)s")
            % {"roles": _(" and ").join([head, names[-1]]) if head else names[-1]}
            if not more
            else _("job with %(roles)s and %(more)s other roles")
            % {"roles": join_items(names), "more": more}
        )
        titles.append(_capital(title))
    seen: dict[str, int] = {}
    for t in titles:
        seen[t] = seen.get(t, 0) + 1
    count: dict[str, int] = {}
    out = []
    for t in titles:
        if seen[t] > 1:
            count[t] = count.get(t, 0) + 1
            out.append(f"{t} ({chr(64 + count[t])})")
        else:
            out.append(t)
    return out


def _each_day(unit: Any, hours: float, days: int, some_bound: bool) -> bool:
    """Work that the week of ``days`` days lays out on each day: daily work (`Unit.daily`:
    per product, in every shift, or given as done on five days), work done on at least that
    many days, and, as a layout only, weekly hours of at least an hour a day in a job with
    no work on fewer days (samples to test, orders to pack before the carrier comes: a review
    found a week that left them undone on some days). The plan counts such weekly hours as
    movable within the worker's days, and so does the card's choice of days (`_schedule`)."""
    bound = unit.days_per_week
    return (bound is None or bound >= days) and (
        unit.daily or bound is not None or (hours >= days * 1.0 and not some_bound)
    )


def _bound_days(n: int, days: int) -> list[int]:
    """The days (0: Monday) of work done on ``n`` of a week's ``days``: one day the last (the
    wash line on Fridays), more spread evenly from the first to the last (three of five:
    Monday, Wednesday and Friday, as deliveries come; an adviser's reading of case 97: the
    coater's deliveries of Monday, Wednesday and Friday planned on Wednesday to Friday)."""
    if n <= 1:
        return [days - 1]
    return sorted({round(k * (days - 1) / (n - 1)) for k in range(n)})


def _schedule(
    by_hours: list[tuple[str, float]],
    units: dict[str, Any],
    total: float,
    lang: str,
    whole: frozenset[str] = frozenset(),
    work_days: int | None = None,
    max_day: float | None = None,
) -> tuple[ScheduleDay, ...]:
    """A simple week: the job's hours over 4 or 5 days (4 up to 28.5 h), and 5 where the job
    holds daily work (`Unit.daily`) that no role or cobot keeps any of (`whole`): on a fifth
    day nobody would do it (an adviser's reading of case 91: the die fetching, all in a job
    of four days, undone on Fridays), or work done on fewer days than the week.

    Daily work runs every day, so every day gets its share of it: work per product while
    production runs, work done in every shift (a sample round: a review found the round's
    week as one block), work given as done on five days. The week lays out weekly hours of
    at least an hour a day on each day too (`_each_day`). Work done on fewer days
    (`Unit.days_per_week`: the wash line cleaned on Fridays) is on days spread over the week
    from its last (`_bound_days`: one day the last, three Monday, Wednesday and Friday), and
    then only daily work is on those days besides it: the plan holds that day to a working
    day (`assignment.day_work`), and other weekly work moves to the other days. Smaller
    weekly work fills the rest of the days in turn.
    """
    some_bound = any(units[u].days_per_week is not None for u, _h in by_hours)

    def arises_daily(uid: str, hours: float, days: int) -> bool:
        return _each_day(units[uid], hours, days, some_bound)

    days = (
        4
        if total <= 28.5
        and not any(u in whole and units[u].daily for u, _h in by_hours)
        # work done on fewer days (the wash line on Fridays) is on its day: a five-day week
        and not some_bound
        else 5
    )
    # the worker's own week (a reading: a woman who works four days planned on five, a man
    # of five mornings on four days): enough days for the longest day, at most the days
    if max_day:
        days = max(days, min(5, math.ceil(total / max_day - 1e-9)))
    if work_days is not None:
        # the days the worker works (a reading of the office chair maker: "28 h on five
        # days" planned on four days of 6.9 h, the fifth day's daily work left to nobody)
        days = work_days
    per_day = total / days
    out: list[dict[str, float]] = [{} for _d in range(days)]
    room = [per_day] * days

    def put(d: int, uid: str, hours: float) -> None:
        out[d][uid] = out[d].get(uid, 0.0) + hours
        room[d] -= hours

    def on_days(uid: str) -> int | None:
        bound = units[uid].days_per_week
        return min(bound, days) if bound is not None and bound < days else None

    def every_day(uid: str, hours: float) -> bool:
        return on_days(uid) is None and arises_daily(uid, hours, days)

    daily = [(u, h) for u, h in by_hours if every_day(u, h)]
    # work done on fewer days (the wash line on Fridays) is on days spread over the week
    bound = [(u, h, n) for u, h in by_hours if (n := on_days(u)) is not None]
    weekly = [(u, h) for u, h in by_hours if not every_day(u, h) and on_days(u) is None]
    for uid, h in daily:
        for d in range(days):
            put(d, uid, h / days)
    for uid, h, n in bound:
        for d in _bound_days(n, days):
            put(d, uid, h / n)
    d = 0
    for uid, h in weekly:
        left = h
        while left > 1e-6:
            while d < days - 1 and room[d] <= 1e-6:
                d += 1
            take = min(left, room[d]) if d < days - 1 else left
            put(d, uid, take)
            left -= take
    # in tenths of an hour that add up: each unit's week as the card lists it
    # (`unit_tenths`), shared over its days by largest remainder, and each day the sum of
    # what it shows (a review: 5.8 x 4 days = 23.2 against a job of 23.4 h)
    week = unit_tenths(by_hours, total)
    shown: list[dict[str, int]] = [{} for _d in range(days)]
    for k, (uid, _h) in enumerate(by_hours):
        name = units[uid].label(lang)
        on = [d for d in range(days) if out[d].get(uid, 0.0) > 0]
        shares = apportion([out[d][uid] * 10 for d in on], week[uid], start=k)
        for d, tenths in zip(on, shares, strict=True):
            shown[d][name] = shown[d].get(name, 0) + tenths
    if max_day:
        _within_longest_day(shown, math.floor(max_day * 10 + 1e-6))
    return tuple(
        ScheduleDay(
            DAYS[lang][i],
            number(sum(work.values()) / 10, lang, 1),
            tuple(JobUnit(n, number(t / 10, lang, 1)) for n, t in work.items() if t > 0),
            sum(work.values()),
        )
        for i, work in enumerate(shown)
    )


def _within_longest_day(shown: list[dict[str, int]], cap: int) -> None:
    """Move a tenth of an hour of the same work from a day the rounding put above the
    worker's longest day (``cap`` tenths) to a day of that work below it, until none is
    above or none can move (a reading of the flag printer: a 6.1 h Wednesday for a profile
    of at most 6 h a day, 6.0 h before rounding). Each unit's week and the week's total
    stay as they are."""
    for _round in range(100):
        over = [d for d, work in enumerate(shown) if sum(work.values()) > cap]
        if not over:
            return
        moved = False
        for d in over:
            for name, tenths in sorted(shown[d].items(), key=lambda kv: -kv[1]):
                to = next(
                    (
                        e
                        for e, work in enumerate(shown)
                        if e != d and work.get(name, 0) > 0 and sum(work.values()) < cap
                    ),
                    None,
                )
                if tenths > 0 and to is not None:
                    shown[d][name] -= 1
                    shown[to][name] += 1
                    moved = True
                    break
        if not moved:
            return


def apportion(values: list[float], target: int, start: int = 0) -> list[int]:
    """Whole numbers near ``values`` that add up to ``target`` (largest remainder: each
    value's floor, and the units left over to the largest fractions; equal fractions from
    index ``start`` on, so that a week's units do not all round up on its first day)."""
    if not values:
        return []
    n = len(values)
    floors = [math.floor(v + 1e-9) for v in values]
    left = target - sum(floors)
    order = sorted(range(n), key=lambda i: (-(values[i] - floors[i]), (i - start) % n))
    out = list(floors)
    if left >= 0:
        for k in range(left):
            out[order[k % len(order)]] += 1
    else:  # the target is below the floors' sum: take from the smallest fractions
        for k in range(-left):
            i = order[-1 - (k % len(order))]
            out[i] = max(0, out[i] - 1)
    return out


def unit_tenths(by_hours: list[tuple[str, float]], total: float) -> dict[str, int]:
    """A job's hours per unit in tenths of an hour that add up to its total as shown."""
    return dict(
        zip(
            (u for u, _h in by_hours),
            apportion([h * 10 for _u, h in by_hours], round(total * 10)),
            strict=True,
        )
    )


def _job_cards(
    process: ProcessModel,
    plan: Plan,
    units: dict[str, Any],
    support_names: dict[str, str],
    case: BusinessCase | None,
    lang: str,
    _: Gettext,
    cats: Catalogs,
) -> list[JobCard]:
    """The job cards."""
    profiles = {p.id: p for p in process.profiles}
    exposure_acts = exposure_activities(cats)
    day_profiles = day_only_profiles(process, cats)
    night_free = no_night_profiles(process, cats)
    role_names = {r.id: r.name for r in process.roles}
    titles = job_titles(process, plan, units, _)
    o = plan.options
    coach_hours = case.rates.get("coaching_hours_per_week") if case is not None else None
    cards = []
    for n, job in enumerate(plan.carved, start=1):
        demands = {d: max(units[u].demands[d] for u in job.units) for d in DIMENSIONS}
        by_hours = sorted(job.unit_hours.items(), key=lambda kv: -kv[1])
        tenths = unit_tenths(by_hours, job.hours_per_week)
        roles = list(dict.fromkeys(units[u].role for u, _h in by_hours))
        fte = job.hours_per_week / process.planning.hours_per_fte
        checks = [
            _("%(hours)s hours per week: at least %(min)s")
            % {
                "hours": number(job.hours_per_week, lang, 1),
                "min": number(o["min_job_hours"], lang, 1),
            },
            # a task's parts are one kind: say so where the week's list has more lines than
            # kinds (a reading: "3 kinds of work" above four lines)
            (
                _("One kind of work: at least %(min)s")
                if len(job.tasks) == 1
                else _(
                    "%(kinds)s kinds of work (its %(parts)s pieces of work come from %(kinds)s tasks): at least %(min)s, so the work is varied"
                )
                if len(job.units) > len(job.tasks)
                else _("%(kinds)s kinds of work: at least %(min)s, so the work is varied")
            )
            % {
                "kinds": len(job.tasks),
                "parts": len(job.units),
                "min": o["min_kinds_per_job"],
            },
            _(
                "physical load %(load)s, within the limit for a whole week (%(max)s on the 0-4 scale)"
            )
            % {
                "load": fixed(job.physical_load or 0.0, lang, 2),
                "max": number(plan.load_limit(job.profile), lang, 2),
            },
        ]
        if job.profile:
            checks += _short_job(job, plan, profiles[job.profile], units, lang, _)
        pace = profiles[job.profile].pace if job.profile else 1.0
        fed = [u for u, _h in by_hours if "line_fed" in units[u].activities]
        floor = []
        if fed and pace < 1:
            # a buffer takes a slower pace only where the feed stops in between (two
            # reviews: a chute of 12 rolls fills in 10 minutes at pace 0.8)
            floor.append(
                _(
                    "work fed by a line or a machine, for a worker at %(pace)s of the standard pace: %(work)s. A buffer takes the difference only while the feed pauses (order changes, breaks): check the feed rate and the buffer on the floor, or let the feed run slower there"
                )
                % {
                    "pace": percent(pace, lang, 0),
                    "work": "; ".join(units[u].label(lang) for u in fed),
                }
            )
        young = (
            young_rules(profiles[job.profile].age, cats.params.restrictions)
            if job.profile and cats.params
            else []
        )
        for rule in young:
            # the Arbeidstijdenwet's hours for 16 and 17 hold whatever the process's shifts
            restriction = rule.name_nl if lang == "nl" else rule.name_en
            floor.append(
                _("the worker is %(restriction)s: %(condition)s")
                % {
                    "restriction": restriction,
                    "condition": rule.schedule_nl if lang == "nl" else rule.schedule_en,
                }
            )
            # the work the rule asks to check (noise over 85 dB(A), a forklift): named on
            # the card, where the floor reads it (a review: it was in analysis.json only)
            hits: dict[str, list[str]] = {}
            for u, _h in by_hours:
                for check in checks_hit(rule, units[u].handling, units[u].activities):
                    hits.setdefault(check.nl if lang == "nl" else check.en, []).append(
                        units[u].label(lang)
                    )
            floor += [
                _("the worker is %(restriction)s: %(condition)s")
                % {
                    "restriction": restriction,
                    "condition": f"{condition}: {'; '.join(work)}",
                }
                for condition, work in hits.items()
            ]
        # a vehicle asks training for it and its work, whoever drives (an adviser's reading:
        # scrap bins emptied by forklift in a school leaver's job, nothing said); for 16 and
        # 17 the rule's own check above adds the certificate and the supervision
        driven = [u for u, _h in by_hours if "driving" in units[u].activities]
        if driven:
            floor.append(
                _(
                    "driving: %(work)s. Only after training for this vehicle and this work, and the employer's instruction, with a colleague who watches the first weeks (Arbobesluit art. 7.17c; a forklift certificate alone does not show the skill for this work)"
                )
                % {"work": "; ".join(units[u].label(lang) for u in driven)}
            )
        # heavy lifting NIOSH could not rate (no geometry in the model): measured before the
        # job starts, not after (a reading of the medicine packer: 13 h of unloading 15 kg
        # cartons in a job whose card asked for nothing)
        unrated = [units[u].label(lang) for u, _h in by_hours if lift_unrated(units[u])]
        if unrated:
            floor.append(
                _(
                    "heavy lifting the model gives no lift geometry for, so NIOSH could not rate it: %(work)s. Measure these lifts (NIOSH or KIM-LHC) before the job starts; where the lifting index is above 1, a lifting aid or lighter loads first"
                )
                % {"work": "; ".join(unrated)}
            )
        shift_work = [units[u].label(lang) for u, _h in by_hours if units[u].shift == "every"]
        if shift_work:
            floor.append(
                _("one shift's share of the work done in every shift: %(work)s")
                % {"work": "; ".join(shift_work)}
            )
        # the new jobs together hold more than one shift's share: one works a later shift
        # (a review: two day jobs held 22.5 of the 15 h a shift of enveloping)
        # a job of a profile who works days only holds the day shift's share by construction
        # (carving.instance): its card says so, and the later-shift note is for the others
        day_only = job.profile in day_profiles
        # work bound to the day shift makes a day job too (carving.assignment.day_and_later)
        day_work = [units[u].label(lang) for u, _h in by_hours if units[u].shift == "day"]
        later = [
            units[u].label(lang)
            for u, _h in by_hours
            if units[u].shift == "every"
            and plan.carved_standard_hours(u)
            > units[u].hours_per_week / process.planning.shifts + 0.05
        ]
        if day_only and process.planning.shifts >= 2:
            floor.append(
                _(
                    "the profile works the day shift only: this job is in the day shift, and of the work done in every shift it holds the day shift's share"
                )
            )
        if day_work and not day_only and process.planning.shifts >= 2:
            floor.append(
                _(
                    "the job holds work done in the day shift only (%(work)s): it is a day job, and of the work done in every shift it holds the day shift's share"
                )
                % {"work": "; ".join(day_work)}
            )
        if later and not day_only and not day_work:
            floor.append(
                (
                    # of three shifts the later one is the late (evening) shift: this job
                    # holds no night work (a review asked which shift a worker of 17 works)
                    _(
                        "the new jobs together hold more than one shift's share of %(work)s: at least one of them works the late shift, never the night shift. Agree the shift with the worker and the job coach; a fixed colleague and the coach must be there in that shift too"
                    )
                    if process.planning.shifts >= 3 and job.profile in night_free
                    else _(
                        "the new jobs together hold more than one shift's share of %(work)s: at least one of them works in a later shift than the first. Agree the shift with the worker and the job coach; a fixed colleague and the coach must be there in that shift too"
                    )
                )
                % {"work": "; ".join(later)}
            )
        # what the work exposes the worker to: the risk inventory's measures and instruction
        # (a review: 9.4 h a week of rubber dust in a job whose card named no dust)
        for flag in AMBIENT_EXPOSURES:
            how = {
                u: _exposes(units[u], flag, exposure_acts.get(flag, frozenset()))
                for u, _h in by_hours
            }
            exposure = MESSAGES[f"flag.{flag}"][LANGUAGES.index(lang)]
            stated = [units[u].label(lang) for u, h in how.items() if h == "stated"]
            inferred = [units[u].label(lang) for u, h in how.items() if h == "inferred"]
            if stated:
                floor.append(
                    _(
                        "work with %(exposure)s: %(work)s. The risk inventory (RI&E) names the protection, and the worker is shown how to use it before starting"
                    )
                    % {"exposure": exposure, "work": "; ".join(stated)}
                )
            if inferred:
                # the model gives the activity (cleaning), not the exposure: ask, not assert
                floor.append(
                    _(
                        "work that may bring %(exposure)s by its kind (the model does not say whether it does): %(work)s. Check it on the floor; where it does, the risk inventory (RI&E) names the protection"
                    )
                    % {"exposure": exposure, "work": "; ".join(inferred)}
                )
        nearby = _exposed_nearby(job, profiles, units, cats, lang, _)
        floor += nearby
        # the work of roles whose freed hours rest on people leaving, or on agency hours
        # hired only in a season: that part of the job is there when they go, or in the
        # season (a review: a job built on a hygiene leaver's hours of next year, the card
        # silent)
        # the roles' figures of the work balance (one home), not a share of this job
        balance = {b.role: b for b in plan.work_balance}
        # read against the leavers' hours the plan gives this job: the jobs too small
        # without them first (`Plan.leaver_shares`; a diff review: a card "up to 20 h"
        # against the hours the business case had given another job)
        waits = plan.job_waits(job)
        late = plan.starts_when_they_leave(job)  # too small without that work
        if waits:
            # this job's own part: at most its work of the role, at most what rests on the
            # leavers (an adviser: "job 2 starts only when the forklift driver retires", read
            # from a role-level line in a checklist)
            # in the worker's own hours, with the work balance's figure in today's hours
            # beside it (a reading of the medicine packer: 15.8 h on the card, 12 h in the
            # balance, and nothing said of why)
            own = {r: h for r, (h, _t) in waits.items()}
            said = {
                "hours": number(sum(own.values()), lang, 1),
                "roles": _roles_with_hours(own, role_names, lang, _),
                "today": number(sum(t for _h, t in waits.values()), lang, 1),
            }
            floor.append(
                _(
                    "up to %(hours)s h a week of this job's work comes free only when people leave: %(roles)s. These are the worker's own hours at their pace; in today's hours, as the work balance counts them, that is %(today)s h of the roles' work"
                )
                % said
                if late
                else _(
                    "up to %(hours)s h a week of this job's work comes free only when people leave: %(roles)s. These are the worker's own hours at their pace; in today's hours, as the work balance counts them, that is %(today)s h of the roles' work. Until they go, that part of the job has no work yet, while the business case pays the whole job from year 1: the plan gives the leavers' hours first to the jobs that would be too small without them, and the work balance gives each role's hours"
                )
                % said
            )
            rest = job.hours_per_week - sum(own.values())
            kinds = plan.leaver_shares()[job.id].kinds
            if not late and kinds < int(o["min_kinds_per_job"]):
                # enough hours without that work, too few kinds (a reading of the dental lab:
                # 12.6 h of prints and sintering until the senior retires, and nothing said)
                floor.append(
                    _(
                        "until they go, this job has %(rest)s hours a week of %(kinds)s kinds of work, fewer than the %(least)s kinds a job needs: add work of another kind for that time, or start the job when they go"
                    )
                    % {
                        "rest": number(max(0.0, rest), lang, 1),
                        "kinds": kinds,
                        "least": o["min_kinds_per_job"],
                    }
                )
            if late:
                # a job that is too small without that part is no job until they go (a
                # reading of the office chair maker: 12.6 h of one task left, "the employer's
                # choice" where nothing else came free)
                start = next((c.from_year for c in case.jobs if c.id == job.id), 0) if case else 0
                when = (
                    _(
                        "it starts when they go (in the business case in year %(year)s), unless other work is found for it"
                    )
                    if start > 1
                    else _("it starts when they go, unless other work is found for it")
                ) % {"year": start}
                floor.append(
                    _(
                        "without the work that waits for people leaving, this job has %(rest)s hours a week, less than the %(min)s hours of a job: %(when)s"
                    )
                    % {
                        "rest": number(max(0.0, rest), lang, 1),
                        "min": number(o["min_job_hours"], lang, 1),
                        "when": when,
                    }
                )
        seasonal = {
            r: balance[r].seasonal_hours_per_week
            for r in roles
            if r in balance and balance[r].seasonal_hours_per_week >= 0.05
        }
        # this job's own part of it, read as the leavers' part is (a reading of the duvet
        # maker: "the report gives only role totals", where a job held no year-round work)
        rests_on = plan.seasonal_rests(job) if seasonal else {}
        in_season = {r: h for r, (h, _t) in rests_on.items()}
        if in_season:
            # what is left all year from the job's start: without the seasonal part, and,
            # for a job that starts at once, without the part that waits for people leaving
            # (a second reading of the duvet maker: "at least 12.9 h" outside the season
            # were the pillow casings that wait for two retirements)
            year_round = plan.year_round_hours(job)
            said = {
                "hours": number(sum(in_season.values()), lang, 1),
                # in today's hours as well, as the work balance counts them (a diff review: a
                # job's 10.5 h beside its role's 10 h in the same sentence)
                "today": number(sum(t for _h, t in rests_on.values()), lang, 1),
                "own": _roles_with_hours(in_season, role_names, lang, _),
                "roles": _roles_with_hours(seasonal, role_names, lang, _),
                "rest": number(year_round, lang, 1),
                "min": number(o["min_job_hours"], lang, 1),
            }
            floor.append(
                (
                    _(
                        "up to %(hours)s h a week of this job's own work, at the worker's pace, rests on agency work or overtime only in a season: %(own)s (%(today)s h in today's hours, of all the plan takes from each role, per week: %(roles)s). Out of season today's staff do that work themselves: decide which year-round work fills those weeks, or offer that part as seasonal hours; the job's work all year from its start is at least %(rest)s h a week"
                    )
                    if year_round >= float(o["min_job_hours"]) - 0.05
                    else _(
                        "up to %(hours)s h a week of this job's own work, at the worker's pace, rests on agency work or overtime only in a season: %(own)s (%(today)s h in today's hours, of all the plan takes from each role, per week: %(roles)s). Out of season today's staff do that work themselves. The job's work all year from its start, without that part and without work that waits for people leaving, may be only %(rest)s h a week, less than the %(min)s hours of a job: plan it as seasonal work, or find year-round work for it before it starts"
                    )
                )
                % said
            )
        # cleaning inside a machine with its own hazard (a drum, a press): locked out first
        # (two reviews: a seasoning drum and a CNC machine cleaned with no word on it;
        # ISO 14118:2017, prevention of unexpected start-up)
        locked = [
            units[u].label(lang)
            for u, _h in by_hours
            if units[u].handling.machine_hazard and "cleaning" in units[u].activities
        ]
        if locked:
            floor.append(
                _(
                    "cleaning at a machine with its own hazard: %(work)s. Before the worker reaches in, the machine is switched off and locked out with the worker's own lock (lockout-tagout), and a colleague who knows the machine checks that it cannot start (ISO 14118, prevention of unexpected start-up)"
                )
                % {"work": "; ".join(locked)}
            )
        # repetitive hand-arm work at a high demand (3 of 4: KIM-MHO's band of strongly
        # raised load): how much, and that it is spread over the day (a review: all the
        # tape peeling of a lens lab in two jobs, the card silent on its load)
        repetitive = [(u, h) for u, h in by_hours if units[u].demands["repetitive_hand_arm"] >= 3]
        if repetitive and len(repetitive) == len(by_hours):
            # nothing else to spread it between (a review of the packaging example: "in
            # blocks between other work" on a job of nothing but such work)
            floor.append(
                _(
                    "repetitive hand-arm work at a high demand (3 or more on the 0-4 scale, KIM-MHO's band of strongly raised load) in all of this job's work, %(hours)s hours a week: there is no other work to spread it between. Add a task with other movements, or build in short breaks every hour and change between its tasks, and check with the worker after the first weeks whether hands, wrists and shoulders keep up"
                )
                % {"hours": number(sum(tenths[u] for u, _h in repetitive) / 10, lang, 1)}
            )
        elif repetitive:
            floor.append(
                _(
                    "repetitive hand-arm work at a high demand (3 or more on the 0-4 scale, KIM-MHO's band of strongly raised load): %(work)s, %(hours)s hours a week. Spread it over the day in blocks between other work, as the week plan does, and check with the worker after the first weeks whether hands, wrists and shoulders keep up"
                )
                % {
                    "work": "; ".join(units[u].label(lang) for u, _h in repetitive),
                    "hours": number(sum(tenths[u] for u, _h in repetitive) / 10, lang, 1),
                }
            )
        # work no role or cobot keeps any of: the new jobs together do all of it (a reading
        # of the hose maker: two jobs of four days, Monday to Thursday, shared the foam
        # cleaning, and Friday's hoses had nobody)
        whole = frozenset(
            u for u in job.units if all(h.kind == "carved" for h in plan.unit_holder.get(u, ()))
        )
        prof = profiles[job.profile] if job.profile else None
        # the worker's longest day: the profile's, at most the law's (9 h under 18, 12 h)
        law = cats.params.carving.longest_day(bool(young)) if cats.params else None
        longest = min(prof.max_hours_per_day or law, law) if prof and law else None
        schedule = _schedule(
            by_hours,
            units,
            job.hours_per_week,
            lang,
            whole,
            prof.days_per_week if prof else None,
            longest,
        )
        days = len(schedule)
        if prof is not None and days < 5 and prof.days_per_week is not None:
            # weekly work of an hour a day or more that this job alone holds, in a week of
            # fewer days. Of daily work (`Unit.daily`) the plan gives such a job at most its
            # days' share; weekly hours it counts as movable within the worker's days, so the
            # card says what follows if the work comes every day and cannot wait (two
            # readings: "about 0.8 h on the other days" beside a balance that counted all of
            # it freed; a diff review: "all in this job" of work two jobs shared, and of work
            # done on four days)
            every = [
                (u, h)
                for u, h in by_hours
                if not units[u].daily
                and units[u].days_per_week is None
                and h >= days * 1.0
                and {(k.kind, k.holder) for k in plan.unit_holder.get(u, ())}
                == {("carved", job.id)}
            ]
            if every:
                floor.append(
                    _(
                        "if work in hours a week that is all in this job comes every working day (%(work)s): the people of this profile work %(days)s days a week, and the plan counts all of it in this job, so the worker does the other days' share on their own days, before or after; where it cannot wait, a colleague keeps that share, about %(hours)s hours a week at a colleague's pace, and the hours the job frees are that much smaller"
                    )
                    % {
                        "work": join_items(units[u].label(lang) for u, _h in every),
                        "days": days,
                        # the job's hours are at the worker's pace: a colleague's are fewer
                        "hours": number(
                            sum(h for _u, h in every) * prof.pace * (5 - days) / 5,
                            lang,
                            1,
                        ),
                    }
                )
        if longest is not None and any(d.tenths > round(longest * 10) + 1 for d in schedule):
            # work done on fewer days can make a day longer than the worker's (the tenths'
            # rounding adds at most one)
            floor.append(
                _(
                    "the week plan has a day of %(hours)s hours, longer than the %(longest)s hours this worker works in a day: agree the days with the worker, or leave part of that day's work with a colleague"
                )
                % {
                    "hours": number(max(d.tenths for d in schedule) / 10, lang, 1),
                    "longest": number(longest, lang, 1),
                }
            )
        cards.append(
            JobCard(
                id=job.id,
                title=f"{n}. {titles[n - 1]}",
                short=titles[n - 1]
                + (
                    " ("
                    + _("up to %(hours)s h a week of it waits for people leaving")
                    % {"hours": number(sum(h for h, _t in waits.values()), lang, 1)}
                    + ")"
                    if waits
                    else ""
                ),
                waits_hours=sum(h for h, _t in waits.values()),
                starts_when_they_leave=late,
                exposed_nearby=bool(nearby),
                later_shift=bool(later and not day_only and not day_work),
                profile=profiles[job.profile].name if job.profile else "",
                hours=number(job.hours_per_week, lang, 1),
                fte=fixed(fte, lang, 2),
                units=tuple(
                    JobUnit(units[u].label(lang), number(tenths[u] / 10, lang, 1))
                    for u, _h in by_hours
                ),
                demands=tuple(
                    Demand(DIMENSION_NAMES[d][LANGUAGES.index(lang)], lvl)
                    for d, lvl in demands.items()
                    if lvl >= 3
                ),
                # a support the profile's people have in any job (`needs`) says so: it closes
                # no gap in this work
                supports=tuple(
                    _("%(support)s: in every job of this profile")
                    % {"support": support_names.get(s, s)}
                    if job.profile and s in profiles[job.profile].needs
                    else support_names.get(s, s)
                    for s in job.supports
                ),
                profile_supports=tuple(
                    support_names.get(s, s)
                    for s in (profiles[job.profile].supports if job.profile else ())
                    if s not in job.supports
                ),
                limits=_limits(profiles[job.profile], cats, lang) if job.profile else (),
                kinds=len(job.tasks),
                schedule=schedule,
                break_note=_break_note(schedule, cats, lang, _, young=bool(young)),
                where=_("at the workplaces of: %(roles)s")
                % {"roles": ", ".join(role_names.get(r, r) for r in roles)},
                coach=(
                    _(
                        "a fixed colleague from the team guides the new worker, about %(hours)s hours a week in the first year, with the job coach of the sociaal werkbedrijf that seconds the worker"
                    )
                    if job.profile and profiles[job.profile].instrument == "detachering"
                    # a job coach the job has (its profile needs one) is no "when needed" (a
                    # reading of the duct maker: "in every job of this profile" beside it)
                    else _(
                        "a fixed colleague from the team guides the new worker, about %(hours)s hours a week in the first year, with the job coach from the municipality or UWV that the job has"
                    )
                    if "job_coach" in job.supports
                    # a profile whose supports the model gives without a job coach has none
                    # (a reading of the bed refurbisher: "with a job coach when needed" for a
                    # man whose limit is medical, not a skill a coach trains)
                    else _(
                        "a fixed colleague from the team guides the new worker, about %(hours)s hours a week in the first year"
                    )
                    if job.profile
                    and profiles[job.profile].supports
                    and "job_coach" not in profiles[job.profile].supports
                    else _(
                        "a fixed colleague from the team guides the new worker, about %(hours)s hours a week in the first year, with a job coach from the municipality or UWV when needed"
                    )
                )
                % {"hours": number(coach_hours, lang, 1)}
                if coach_hours
                else _("a fixed colleague from the team guides the new worker"),
                checks=tuple(checks),
                floor=tuple(floor),
                learning=_learning(job, cats, lang, _),
            )
        )
    return cards


def _break_note(
    schedule: tuple[ScheduleDay, ...], cats: Catalogs, lang: str, _: Gettext, young: bool = False
) -> str:
    """The statutory break where a day of the week plan has more hours of work than
    `carving.break_after_hours` (`break_after_hours_under_18` for a worker under 18;
    Arbeidstijdenwet art. 5:4): the hours are work, the break comes on top (two adviser
    readings: days of 6.2 and 6.4 h with no break said)."""
    if cats.params is None:
        return ""
    carving = cats.params.carving
    after = carving.break_after(young)
    if not any(d.tenths > round(after * 10) for d in schedule):
        return ""
    long_after = carving.long_break_after_hours.value
    if any(d.tenths > round(long_after * 10) for d in schedule):
        return _(
            "A day of more than %(hours)s hours of work has a break of at least 45 minutes on top of these hours, and a day of more than %(short)s hours one of at least 30 minutes (Arbeidstijdenwet art. 5:4); plan them with the worker, with short pauses more often where the profile needs them."
        ) % {"hours": number(long_after, lang, 1), "short": number(after, lang, 1)}
    return _(
        "A day of more than %(hours)s hours of work has a break of at least 30 minutes on top of these hours (Arbeidstijdenwet art. 5:4); plan it with the worker, with short pauses more often where the profile needs them."
    ) % {"hours": number(after, lang, 1)}


def _learning(job: Any, cats: Catalogs, lang: str, _: Gettext) -> str:
    """The job's learning route as its work supports it: the standard tasks (catalogue
    templates) it practises name the MBO work processes of a praktijkverklaring; a job with
    none says so (a review: every card promised the route, the data had it for one job)."""
    names = [
        (e.name_nl if lang == "nl" else e.name_en) if (e := cats.entries.get(t)) else t
        for t in (job.quality.learning_templates if job.quality is not None else ())
    ]
    if names:
        return _(
            "learning on the job (praktijkleren) at a recognised training company, with a praktijkverklaring from SBB for the MBO work processes the worker masters; the job's work matches the standard tasks %(tasks)s."
        ) % {"tasks": join_items(names)}
    return _(
        "learning on the job (praktijkleren); none of the job's work matches a standard task with an MBO work process, so ask the training company or SBB whether a praktijkverklaring fits this work."
    )


#: the lifting demand from which lifting is heavy: KIM-LHC's risk ranges 3 (substantially
#: increased: redesign recommended) and 4 (high) on the 0-4 demand scale (domain brief sec.
#: 3.2)
HEAVY_LIFTING = 3


def lift_unrated(u: Unit) -> bool:
    """Heavy lifting without a lifting index or a flagged risk: the model gives no lift
    geometry, so NIOSH could not rate it. A lift a lifting aid in use takes is left out. The
    one home for the report's list of such lifts and the job cards' check."""
    return (
        u.lifting_index is None
        and u.lifting_risk is None
        and u.handling.lifted
        and u.demands["lifting"] >= HEAVY_LIFTING
        and not any(r.key == "ergo.aid_in_use" for r in u.ergonomics)
    )


def _exposed_nearby(
    job: Any, profiles: dict[str, Any], units: dict[str, Any], cats: Catalogs, lang: str, _: Gettext
) -> list[str]:
    """The floor checks for a profile restricted from an exposure that other work at the
    job's places raises, by its handling flags (a review: the COPD profile at the insertion
    stand, beside the hose saw's rubber dust, in a job whose own units raise none); what
    counts is `analysis.places.exposures_near`'s, which the plan weighs too."""
    if not job.profile or cats.params is None:
        return []
    out = []
    for near in exposures_near(
        profiles[job.profile], job.unit_hours, units, cats.params.restrictions
    ):
        rule = near.rule
        if near.vehicles:
            out.append(
                _(
                    "the profile's restriction '%(restriction)s' holds, and vehicles drive at the job's workplaces (where the model names no area or workstation: of the same team) for other work: %(work)s. Check on the floor that the way to the job's work and the work itself are apart from their routes (a separated, marked walkway, a fixed crossing), or keep the job away from there"
                )
                % {
                    "restriction": rule.name_nl if lang == "nl" else rule.name_en,
                    "work": "; ".join(u.label(lang) for u in near.units),
                }
            )
            continue
        out.append(
            _(
                "the profile's restriction '%(restriction)s' keeps the worker from %(exposure)s, and other work at the job's workplaces (where the model names no area or workstation: of the same team) raises it: %(work)s. Measure the exposure at those workplaces before the job starts, or keep the job away from that work"
            )
            % {
                "restriction": rule.name_nl if lang == "nl" else rule.name_en,
                "exposure": "; ".join(
                    MESSAGES[f"flag.{f}"][LANGUAGES.index(lang)] for f in near.flags
                ),
                "work": "; ".join(u.label(lang) for u in near.units),
            }
        )
    return out


def exposure_activities(cats: Catalogs) -> dict[str, frozenset[str]]:
    """The kinds of activity that bring an exposure a job card names (`AMBIENT_EXPOSURES`) as the
    catalogue's restrictions count it: a restriction that excludes the flag excludes these
    activities too (no_wet_work: cleaning by hand). A restriction's activities go to the
    card's exposures it excludes only (no_wet_work's cleaning is wet work, not a hazardous
    substance)."""
    found: dict[str, set[str]] = {}
    for rule in cats.params.restrictions if cats.params else ():
        for flag in rule.excludes:
            if flag in AMBIENT_EXPOSURES:
                found.setdefault(flag, set()).update(rule.excludes_activities)
    return {flag: frozenset(acts) for flag, acts in found.items()}


def _exposes(unit: Any, flag: str, activities: frozenset[str]) -> str:
    """Whether the unit brings this exposure: "stated" by its handling flag, "inferred" from
    an activity that a restriction excluding the flag excludes too (cleaning as wet work)
    where the model does not state the flag, else "" (a flag stated false is dry work: a
    review found sweeping wire ends named as wet work)."""
    value = getattr(unit.handling, flag)
    if value:
        return "stated"
    if value is None and activities & set(unit.activities):
        return "inferred"
    return ""


def _assist_share(analysis: Analysis) -> float:
    for a in analysis.assumptions:
        if a["key"] == "cobot.assist_share":
            return float(a["value"])
    return 0.5


def _payload_text(need: float, rated: float, cats: Catalogs, lang: str, _: Gettext) -> str:
    """The heaviest load the cobot moves, its reserve and the rated payload, in one sentence.

    The need already carries the safety factor (cobot.payload_margin): a need equal to the
    rated payload is a cobot with that reserve, not one run without any.
    """
    factor = cats.params.cobot.payload_margin.value if cats.params else 1.0
    return _(
        "Heaviest load (part and gripper) %(load)s kg; with a reserve of %(reserve)s that is "
        "%(need)s kg of the %(rated)s kg the cobot may carry."
    ) % {
        "load": number(need / factor, lang, 1),
        "reserve": percent(factor - 1, lang, 0),
        "need": number(need, lang, 1),
        "rated": number(rated, lang, 1),
    }


def _limits(profile: Profile, cats: Catalogs, lang: str) -> tuple[str, ...]:
    """The restrictions the model lists for the profile, in the catalogue's words with their
    value ("no lifting over 10 kg"); those of young workers are on the card's floor checks
    with their schedule."""
    rules = {r.id: r for r in cats.params.restrictions} if cats.params else {}
    out = []
    for restriction in profile.restrictions:
        rule = rules.get(restriction.kind)
        if rule is None:
            continue
        out.append(rule.named(restriction.value, lang))
    return tuple(dict.fromkeys(out))


def _places_text(
    served: tuple[str, ...],
    units: dict[str, Unit],
    name: str,
    reach_mm: float | None,
    lang: str,
    _: Gettext,
) -> str:
    """Where a cell serves units of more than one workstation (of one area, as the carving
    allows), that one arm reaches them only where they lie within its reach of each other (a
    reading: one arm of 1.75 m given two palletising points 8 m apart). The cell is named, as
    the first screen's condition gathers the words of every cell."""
    first: dict[str, str] = {}
    for uid in served:
        station = units[uid].workstation
        if station is not None and station not in first:
            first[station] = units[uid].label(lang)
    if len(first) < 2:
        return ""
    figures = {"name": name, "n": len(first), "places": join_items(first.values())}
    if reach_mm:
        return _(
            "The cell (%(name)s) serves %(n)s workstations (at %(places)s): one arm reaches them only where they lie within its reach (%(reach)s) of each other. Check it on the floor plan; otherwise the quotation holds an arm on a rail or one cell per workstation."
        ) % {**figures, "reach": f"{number(reach_mm / 1000, lang, 2)} m"}
    return (
        _(
            "The cell (%(name)s) serves %(n)s workstations (at %(places)s): one arm reaches them only where they lie within its reach of each other. Check it on the floor plan; otherwise the quotation holds an arm on a rail or one cell per workstation."
        )
        % figures
    )


def _tending_text(
    process: ProcessModel, plan: Plan, cobot: PlanCobot, lang: str, _: Gettext
) -> str:
    """The hours the roles keep to tend a cobot's cell, and which roles, in one sentence. A
    unit two cells share is tended for each cell in proportion to its part of the unit (a
    review: both cards named the whole unit's tending)."""
    role_names = {r.id: r.name for r in process.roles}
    per_role: dict[str, float] = {}
    for uid in cobot.units:
        holders = plan.unit_holder.get(uid, ())
        on_cobots = sum(h.hours_per_week for h in holders if h.kind == "cobot")
        mine = sum(h.hours_per_week for h in holders if h.kind == "cobot" and h.holder == cobot.id)
        part = mine / on_cobots if on_cobots > 0 else 0.0
        for h in holders:
            if h.tending:
                per_role[h.holder] = per_role.get(h.holder, 0.0) + h.hours_per_week * part
    if not per_role:
        return ""
    return _(
        "Tending the cell stays work for people: about %(hours)s h/week, kept by "
        "%(roles)s (bringing parts or pallets, taking away the output, clearing faults, "
        "changeovers)."
    ) % {
        "hours": number(sum(per_role.values()), lang, 1),
        "roles": _roles_with_hours(
            dict(sorted(per_role.items(), key=lambda kv: -kv[1])), role_names, lang, _
        ),
    }


def _short_job(
    job: PlanJob,
    plan: Plan,
    profile: Profile,
    units: dict[str, Any],
    lang: str,
    _: Gettext,
) -> list[str]:
    """Why a job holds fewer hours than its profile can work, where it is short by at least
    the smallest job (a reading of the fish processor: "job 2 is 18.3 h for a man
    available 32 h, and the report gives no reason"): its physical load at the limit, or
    no more work that fits within what the roles may give up; else what is left. Short:
    by at least the hours of the smallest job (`min_job_hours`), room for another job."""
    available = profile.hours_per_week_available
    if available - job.hours_per_week < float(plan.options["min_job_hours"]):
        return []
    said = {"hours": number(job.hours_per_week, lang, 1), "available": number(available, lang, 1)}
    inst = plan.instance
    if inst is None or plan.options.get("allow_displacement"):
        return []
    p = next((i for i, q in enumerate(inst.profiles) if q.id == job.profile), None)
    if p is None:
        return []
    # the work that fits the profile and that its roles still keep, within their room left
    parts: dict[str, tuple[float, float]] = {}  # unit: (physical demand, smallest part)
    for u in inst.units:
        if u.access[p]:
            least = min(parts.get(u.unit, (0.0, u.base_hours))[1], u.base_hours)
            parts[u.unit] = (u.physical, least)
    # the role's holdings are today's hours already (`carving.plan._to_plan`)
    unit_kept = {uid: role_keeps(plan.unit_holder, uid) for uid in parts}
    kept: dict[str, float] = {}
    for uid, hours in unit_kept.items():
        kept[units[uid].role] = kept.get(units[uid].role, 0.0) + hours
    # what each role may still give up after the plan (the plan's own rule: a role without
    # a limit gives up all it keeps)
    most = room_left(inst, plan.work_balance)
    room = {role: min(hours, most.get(role, math.inf)) for role, hours in kept.items()}
    left = sum(room.values())
    if left < 0.5:
        return [
            _(
                "%(hours)s of the %(available)s hours a week this profile can work: the roles may give up no more of the work that fits (the other jobs and cobots hold the rest, or taking it would displace people)"
            )
            % said
        ]
    # the load binds where any part of the work left would lift the job past its limit, on
    # the standard hours the plan holds the load to (`PlanJob.physical_load`)
    limit = plan.load_limit(job.profile)
    standard = sum(
        h.hours_per_week
        for u in job.units
        for h in plan.unit_holder.get(u, ())
        if h.kind == "carved" and h.holder == job.id
    )
    load = job.physical_load or 0.0
    added = [
        (load * standard + physical * min(share, room[units[uid].role]))
        / (standard + min(share, room[units[uid].role]))
        for uid, (physical, share) in parts.items()
        if unit_kept[uid] > 1e-6 and room.get(units[uid].role, 0.0) > 1e-6
    ]
    if added and min(added) > limit:
        return [
            _(
                "%(hours)s of the %(available)s hours a week this profile can work: with any of the work that fits and is left, the physical load would pass the limit (%(max)s)"
            )
            % {**said, "max": number(limit, lang, 2)}
        ]
    if plan.status == SolveStatus.OPTIMAL:
        return [
            _(
                "%(hours)s of the %(available)s hours a week this profile can work: %(left)s h of work that fits is still within what the roles may give up, but with it the job would break a rule of a job (kinds of work and their shares, one shift's share, the days' share of daily work, job rotation)"
            )
            % {**said, "left": number(left, lang, 1)}
        ]
    return []


def _roles_with_hours(
    hours: dict[str, float], role_names: dict[str, str], lang: str, _: Gettext
) -> str:
    """Roles with their hours a week in running text: "hygiene worker (21.3 h), packer (4 h)"."""
    return join_items(
        _("%(role)s (%(hours)s h)")
        % {"role": _lower_first(role_names.get(r, r)), "hours": number(h, lang, 1)}
        for r, h in hours.items()
    )


def _cobot_cards(
    process: ProcessModel,
    plan: Plan,
    analysis: Analysis,
    units: dict[str, Any],
    lang: str,
    cats: Catalogs,
    _: Gettext,
) -> list[CobotCard]:
    models = {c.id: c for c in cats.cobots}
    share = _assist_share(analysis)
    # a unit's hours today (without the hand-over time of a split), per unit id
    today: dict[str, float] = {}
    for pu in plan.instance.units if plan.instance is not None else ():
        today[pu.unit] = today.get(pu.unit, 0.0) + pu.base_hours
    available = float(plan.options.get("cobot_hours_available") or 0.0)
    cards = []
    for n, cobot in enumerate(plan.cobots, start=1):
        model = models.get(cobot.model or "")
        needs = [
            units[u].cobot.model.payload_needed_kg
            for u in (*cobot.units, *cobot.assists)
            if units[u].cobot.model
        ]
        reasons = []
        for uid in (*cobot.units, *cobot.assists):
            reasons += [
                f"{units[uid].label(lang)}: {reason_text(r, lang, _)}"
                for r in units[uid].cobot.reasons[:2]
            ]
        # the cobot's own share of each unit (the unit's other holders keep the rest)
        taken = {
            uid: sum(
                h.hours_per_week
                for h in plan.unit_holder.get(uid, [])
                if h.kind == "cobot" and h.holder == cobot.id
            )
            for uid in cobot.units
        }
        helped = {
            uid: sum(
                h.hours_per_week * share / (1 - share)
                for h in plan.unit_holder.get(uid, [])
                if h.cobot_assist and share < 1
            )
            for uid in cobot.assists
        }
        # units whose feed the cobot keeps up with only with a safety scanner
        slow = tuple(
            units[u].label(lang)
            for u in cobot.units
            if any(r.key == "cobot.line_rate" for r in units[u].cobot.reasons)
        )
        cards.append(
            CobotCard(
                id=cobot.id,
                model=f"{model.manufacturer} {model.model}" if model else "-",
                title=f"{n}. {model.manufacturer} {model.model}" if model else f"{n}. -",
                hours=number(cobot.hours_per_week, lang, 1),
                units=tuple(
                    JobUnit(
                        _("%(name)s (of %(total)s h/week in all)")
                        % {
                            "name": units[u].label(lang),
                            # today's hours, as the cobot's and the tending hours are
                            "total": number(today.get(u, units[u].hours_per_week), lang, 1),
                        },
                        number(taken[u], lang, 1),
                    )
                    for u in cobot.units
                ),
                assists=tuple(
                    JobUnit(
                        _("%(name)s (of %(total)s h/week in all)")
                        % {
                            "name": units[u].label(lang),
                            "total": number(units[u].hours_per_week, lang, 1),
                        },
                        number(helped[u], lang, 1),
                    )
                    for u in cobot.assists
                ),
                payload=_payload_text(max(needs), model.payload_kg, cats, lang, _)
                if needs and model
                else "",
                reasons=tuple(dict.fromkeys(reasons)),
                slow_for_feed=slow,
                tending=_tending_text(process, plan, cobot, lang, _),
                places=_places_text(
                    (*cobot.units, *cobot.assists),
                    units,
                    f"{model.manufacturer} {model.model}" if model else cobot.model or "",
                    model.reach_mm if model else None,
                    lang,
                    _,
                ),
                advised=_advised_text(plan, cobot, units, lang, _),
                use=_(
                    "It runs %(hours)s of the %(available)s hours a week it could run (%(share)s)."
                )
                % {
                    "hours": number(cobot.hours_per_week, lang, 1),
                    "available": number(available, lang, 1),
                    "share": percent(cobot.hours_per_week / available, lang, 0)
                    if available
                    else "-",
                }
                if available
                else "",
                use_short=(
                    # at the feed's rate only with a safety scanner (the first screen's
                    # condition): at the speed near people it falls behind (a review read
                    # "runs 64%" as spare capacity)
                    _(
                        "runs %(share)s of the hours it could run, at the line's rate with a safety scanner"
                    )
                    if slow
                    else _("runs %(share)s of the hours it could run")
                )
                % {"share": percent(cobot.hours_per_week / available, lang, 0)}
                if available
                else "",
            )
        )
    return cards


def _advised_text(
    plan: Plan, cobot: PlanCobot, units: dict[str, Any], lang: str, _: Gettext
) -> str:
    """Why the plan advises this cell (`PlanCobot.why`): the risk it takes over, and the
    hours it adds or frees, which the comparison with the best plan without a cobot gives
    once for all the cells (`cobot_effect_text`)."""
    said = []
    if "ergonomics" in cobot.why and cobot.risk_units:
        said.append(
            _("The plan advises it for the lifting or repetition risk it takes over: %(units)s.")
            % {"units": "; ".join(units[u].label(lang) for u in cobot.risk_units)}
        )
    if "adds_hours" in cobot.why and plan.cobot_effect is not None:
        said.append(
            _(
                "The plan advises it for the hours it adds or frees where they are needed (the comparison with the best plan without a cobot is above the cards)."
            )
        )
    return " ".join(said)


def cobot_effect_text(plan: Plan | None, lang: str, _: Gettext) -> str:
    """What the plan's cobots add, said once for all the cells: the plan's carved hours,
    hours freed in hard-to-fill roles and hours freed for the roles' declared uses (the
    plan's own figures, as the headline and the balance give them), against the best plan
    without a cobot (`Plan.cobot_effect`). Empty without an effect."""
    effect = plan.cobot_effect if plan is not None else None
    if plan is None or effect is None:
        return ""
    figures = {
        "with": _("With its cobot") if len(plan.cobots) == 1 else _("With its cobots"),
        "carved": number(plan.figures().carved_hours_per_week, lang, 1),
        "hard": number(plan.skilled_hours_freed, lang, 1),
        "freed": number(plan.freed_hours, lang, 1),
        "carved0": number(effect.carved_hours_without, lang, 1),
        "hard0": number(effect.hard_to_fill_hours_without, lang, 1),
        "freed0": number(effect.freed_hours_without, lang, 1),
    }
    if plan.skilled_hours_freed < 0.05 and effect.hard_to_fill_hours_without < 0.05:
        return (
            _(
                "%(with)s the plan makes %(carved)s hours a week of new jobs and frees %(freed)s hours for the roles' declared uses (open vacancies, overtime, agency hours, work left undone, people leaving); without a cobot the best plan makes %(carved0)s and frees %(freed0)s."
            )
            % figures
        )
    return (
        _(
            "%(with)s the plan makes %(carved)s hours a week of new jobs, frees %(hard)s hours in hard-to-fill roles and %(freed)s hours in all for the roles' declared uses (open vacancies, overtime, agency hours, work left undone, people leaving); without a cobot the best plan makes %(carved0)s, frees %(hard0)s and %(freed0)s."
        )
        % figures
    )


def _worker_name(worker: str, process: ProcessModel, _: Gettext) -> str:
    base, _sep, num = worker.partition("#")
    roles = {r.id: r.name for r in process.roles}
    if base in roles:
        return roles[base] + (f" {num}" if num and num != "1" else "")
    return _("new worker")


def _stations(
    process: ProcessModel, analysis: Analysis, line: LineSolution, lang: str, _: Gettext
) -> tuple[Station, ...]:
    names = {u.id: u.label(lang) for u in analysis.units}
    names.update({t.id: t.name for t in analysis.tasks})
    new = 0
    rows = []
    for s in line.stations:
        base = s.worker.partition("#")[0]
        if base in {r.id for r in process.roles}:
            worker = _worker_name(s.worker, process, _)
        else:
            new += 1
            worker = _capital(_("new worker %(n)s") % {"n": new})
        rows.append(
            Station(
                s.index + 1,
                worker,
                fixed(max(s.load, s.cobot_load) * DECISECOND, lang, 1),
                "; ".join(
                    (
                        *(names.get(t, t) for t in s.tasks),
                        *(
                            _("%(task)s (by the cobot)") % {"task": names.get(t, t)}
                            for t in s.cobot_tasks
                        ),
                    )
                ),
            )
        )
    return tuple(rows)
