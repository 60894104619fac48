"""The data bundle of a pool-mode carving problem: dense indices, integer hours, options.

Built from an `Analysis` and its `ProcessModel`; the solver and the greedy start read only
this. Hours are integers in hundredths of an hour (36 s) so that CP-SAT works exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from jobcarve.analysis.places import floor_checks
from jobcarve.carving.balance import role_uses, seasonal_uses
from jobcarve.catalog import AssessmentParams, RestrictionRule
from jobcarve.exceptions import UsageError
from jobcarve.model import WORKING_DAYS, ProcessModel
from jobcarve.results import Analysis

#: Integer hours are in units of 1/SCALE hour.
SCALE = 100
#: The top of the 0-4 scale: no job's load limit goes above it.
MAX_LOAD = 4.0
#: Demands that make up the physical load of a job.
PHYSICAL = ("lifting", "pushing_pulling", "repetitive_hand_arm", "posture_mobility")


#: activities that say how or where work is done, not what a cobot's tool does there (a
#: line feeds it, at a bench, a label is read): not a kind of cell work of their own
_NOT_CELL_KINDS = frozenset(
    {"line_fed", "paced_line", "bench_work", "lifting", "reading", "counting"}
)
#: the kind of work whose activities say only how it is fed or that a load is lifted: moving
#: loads (a tray lifted into a feeder), one kind with itself
HANDLING_KIND = "handling"


def cell_kinds(activities: Iterable[str]) -> frozenset[str]:
    """The kinds of work a cobot cell would do at a unit (palletising, positioning, machine
    operation, ...): its activities but those that only say how the work is fed or what it
    also asks. One arm with one tool serves two workstations only where they share a kind
    (a reading of the office chair maker: one arm given the screwing at line station 1 and
    the palletising at the line's end, where the 5.1 h of palletising rode along; an egg
    packer's two pallet spots side by side are one palletising cell). Work that is only
    lifted or fed is `HANDLING_KIND` (a diff review: a feeder loaded by lifting read as not
    known, and rode with anything); work whose activities say only where or how it is read
    or counted (at a bench) has no kind known (a second review: "moving loads" for
    deburring at a bench let two benches share an arm)."""
    given = frozenset(activities)
    kinds = given - _NOT_CELL_KINDS
    if kinds or not given & {"lifting", "line_fed", "paced_line"}:
        return kinds
    return frozenset({HANDLING_KIND})


def apart(a: PoolUnit, b: PoolUnit) -> bool:
    """Work one cobot cell cannot serve together: no kind of work in common (`cell_kinds`),
    unless both are at one workstation the model names (a machine's loading and its
    deburring). Where the model names no workstation the work is apart too: one arm with one
    tool is not known to reach both (a diff review: a bakery's slicer loading and crate
    palletising on one arm, with no workstation given). Where either's kinds are not known,
    not apart. The one home of the rule for the plan, its greedy start and its check."""
    return (
        bool(a.kinds)
        and bool(b.kinds)
        and not a.kinds & b.kinds
        and (a.station is None or a.station != b.station)
    )


@dataclass(frozen=True)
class PoolUnit:
    """One unit, or one share of a large unit's weekly volume, as the optimiser sees it."""

    id: str
    unit: str
    task: str
    role: str
    hours: float
    hard_to_fill: bool
    physical: int
    access: tuple[bool, ...]  # per profile index
    supports: tuple[tuple[str, ...], ...]  # per profile index
    cobot: str  # candidate | assist | human
    cobot_hours: float
    cobot_model: str | None
    #: the same work in today's hours (no hand-over overhead): what its role gives up
    base_hours: float = 0.0
    #: an ergonomic risk for whoever does it (NIOSH lifting index > 1, KIM-MHO top band)
    risk: bool = False
    #: repetitive work that job rotation makes bearable: at most `rotation_max_share` of a job
    rotation: bool = False
    #: the area (else workstation) where the work is done: one cobot cell serves one place
    place: str | None = None
    #: the workstation, and the kinds of work a cobot would do there (`cell_kinds`): one cell
    #: serves two workstations of its place only where their work is of one kind (two pallet
    #: spots side by side), not a screwing station and a pallet spot at the line's two ends
    station: str | None = None
    kinds: frozenset[str] = frozenset()
    #: per profile index, the access by fit alone, before the room rule (`too_large`); empty:
    #: the same as `access`. A re-plan for other hours applies the rule again from it
    fit_access: tuple[bool, ...] = ()
    #: per profile index, the gaps supports close for that profile (0: fits as it is); empty:
    #: none anywhere. The plan prefers work that fits as it is (`STAGES`: supported_hours)
    supported_gaps: tuple[int, ...] = ()
    #: per profile index, the floor checks a job holding this part owes: restrictions of the
    #: profile that other work at its place brings (`analysis.places.floor_checks`: noise,
    #: dust, vehicles there); empty: none anywhere. Each weighs as one more gap (`gaps`)
    floor_checks: tuple[int, ...] = ()
    #: of work done in every shift (`Unit.shift` "every"), the most parts of this unit one job
    #: may hold: one shift's share, as a person works one shift a week (0: no such limit)
    per_holder: int = 0
    #: of work done on fewer days than the week (`Unit.days_per_week`), this part's standard
    #: hours on each of those days: a job's such work, with its daily work, is at most a
    #: working day a day (`PoolInstance.day_limit`, `assignment.day_work`); 0 for other work
    per_day: float = 0.0
    #: work that arises every working day (`Unit.daily`: a time per product, done in every
    #: shift, or given as done on five days): a fifth of it is on the day of a job's
    #: once-a-week work too
    daily: bool = False
    #: of daily work where a profile works fewer than five days: its parts in a shift (a
    #: multiple of five, so that each fifth is a working day's share); a job of a profile of
    #: d days holds at most d fifths of them (`PoolInstance.part_cap`): the other days' share
    #: stays with the role or goes to another holder (two adviser readings: a 4-day job held
    #: all of the daily reel changes, and nobody had them on the fifth day). 0: no such cap
    day_parts: int = 0
    #: the shift of this part: of work done in every shift its share's shift, of work done
    #: only at night the last shift; 0 (the first, the day shift) for the rest
    shift_part: int = 0
    #: work bound to the day shift (`Unit.shift` "day"): a job holding it works days, so it
    #: holds no part of a later shift (`shift_part` > 0)
    day: bool = False
    #: per profile index, the supports of its fit that remove a lifting risk that holds for anyone (a
    #: lifting aid where the lifting index is above the limit): the employer's duty under the
    #: Arbobesluit, not an individual provision (the business case does not count them as
    #: reimbursed); empty: none anywhere
    duty_supports: tuple[tuple[str, ...], ...] = ()

    def day_hours(self, days: int = WORKING_DAYS) -> float:
        """Its standard hours on the day of a job's work done on fewer days than the week, for
        a worker of ``days`` days a week (`PoolProfile.days`): a part of such work its
        `per_day`, daily work its week over those days, other work none."""
        return self.per_day + (self.hours / days if self.daily else 0.0)

    def gaps(self, p: int) -> int:
        """What a job of profile ``p`` holding this part rests on beyond the work as it is:
        the gaps supports close and the floor checks of its place (the plan prefers jobs
        that rest on fewer: `STAGES` supported_hours)."""
        return (self.supported_gaps[p] if self.supported_gaps else 0) + (
            self.floor_checks[p] if self.floor_checks else 0
        )

    def scaled(self, factor: float = 1.0) -> int:
        """Hours x factor in integer hundredths."""
        return round(self.hours * factor * SCALE)

    def base_scaled(self, factor: float = 1.0) -> int:
        """Today's hours x factor in integer hundredths."""
        return round(self.base_hours * factor * SCALE)


@dataclass(frozen=True)
class PoolProfile:
    """A worker profile as the optimiser sees it."""

    id: str
    name: str
    hours_available: float
    pace: float
    slots: int
    #: highest hours-weighted physical load of its jobs, where it differs from
    #: `PoolOptions.max_job_ergonomic_load` (a profile able to do heavy work:
    #: `carving.heavy_work_load_margin`); None: that option
    load_limit: float | None = None
    #: supports every job of this profile holds whatever its work asks (`Profile.needs`)
    needs: tuple[str, ...] = ()
    #: the profile's own working day in hours, where the model gives its week
    #: (`Profile.max_hours_per_day`, else its hours over `Profile.days_per_week`); None: a
    #: working day of the plan's week (`PoolInstance.day_limit`)
    own_day: float | None = None
    #: the days a week the profile's people work (`Profile.days_per_week`, else five): their
    #: daily work is shared over them (`PoolUnit.day_hours`)
    days: int = WORKING_DAYS


@dataclass(frozen=True)
class PoolOptions:
    """Constraints and solver settings, each resolved from the model or the sourced default."""

    min_job_hours: float
    min_kinds_per_job: int
    max_job_ergonomic_load: float
    max_cobots: int
    cobot_hours_available: float
    assist_share: float
    banenafspraak_hours: float
    hours_per_fte: float
    time_limit_s: float
    seed: int
    workers: int
    share_hours: float
    allow_displacement: bool = False
    min_kind_share: float = 0.0
    risk_lifting_index: float = 1.0
    risk_repetitive_demand: int = 4
    rotation_max_share: float = 0.5
    #: carved hours a week the later objectives may give up of the best found
    carved_hours_slack: float = 0.0
    #: work counts for a profile only where supports close at most this many gaps
    #: (carving.max_counted_supported_gaps); work beyond it is a trial, not counted; None: all
    max_counted_supported_gaps: int | None = None
    #: at most this many equal parts per unit (carving.max_volume_shares_per_unit): bounds the
    #: model the solver gets whatever the weekly hours; beyond it the parts grow larger
    max_shares: int = 40
    #: a unit goes into a carved job only when its hours today are at most this multiple of
    #: its role's room (carving.max_unit_room_ratio): the role could give it up whole
    max_unit_room_ratio: float = math.inf
    #: how much more load a job of a profile able to do heavy work may carry than
    #: `max_job_ergonomic_load` (carving.heavy_work_load_margin, or the model's option)
    heavy_work_load_margin: float = 0.0
    #: of the hours of a unit a cobot takes over, the share people keep to tend the cell
    #: (cobot.tending_share): it stays with the unit's role
    tending_share: float = 0.0
    #: the physical demand (0-4) of tending a cobot cell (cobot.tending_physical_demand)
    tending_physical: float = 1.0

    @property
    def taken_share(self) -> float:
        """The share of a unit's hours a cobot that takes it over releases from its role."""
        return 1.0 - self.tending_share


@dataclass(frozen=True)
class PoolInstance:
    """Everything the pool-mode optimiser needs."""

    units: tuple[PoolUnit, ...]
    profiles: tuple[PoolProfile, ...]
    options: PoolOptions
    #: hours per week each role's declared uses absorb (the work balance); a role missing
    #: here, or every role when displacement is allowed, has no limit
    role_limits: dict[str, float] = field(default_factory=dict)
    #: per profile id, the units it could do only with more gaps closed by supports than
    #: the plan counts (`PoolOptions.max_counted_supported_gaps`): to try out first
    trials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: per profile id, the units it could do (counted work) that stay with their role
    #: because they are larger than the role may give up (`too_large`)
    larger_than_room: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: per role with a limit, the hours of it that agency hours or overtime of a season
    #: absorb (`balance.seasonal_uses`): the plan prefers the roles' year-round room
    #: (`STAGES`: year_round_hours; an adviser's reading of the valve maker: 21.3 h of the
    #: packers' seasonal agency room used while the finishers' year-round room fitted)
    seasonal_room: dict[str, float] = field(default_factory=dict)
    #: per role with a limit, the hours of it that its leavers absorb (`balance.role_uses`):
    #: the plan prefers room there is today to work that waits for people leaving (`STAGES`:
    #: start_hours; readings of the ladder maker and the juice press: every job waited for
    #: the leavers of 2027 while a vacancy's work fitted now)
    leaver_room: dict[str, float] = field(default_factory=dict)

    @property
    def num_units(self) -> int:
        return len(self.units)

    def day_limit(self, p: int) -> float:
        """The standard hours a job of profile index ``p`` holds on the day of its work done on
        fewer days (`assignment.day_work`): a working day at its pace. That is the profile's
        own day where the model gives its week (`PoolProfile.own_day`: a worker of mornings
        of 5 h, or of 24 h on four days), else `hours_per_fte` / 5, or a fifth of the
        profile's hours where more."""
        prof = self.profiles[p]
        day = (
            prof.own_day
            if prof.own_day is not None
            else max(self.options.hours_per_fte, prof.hours_available) / WORKING_DAYS
        )
        return day * prof.pace

    def part_cap(self, u: int, p: int) -> int:
        """The most parts of unit ``u``'s work one job of profile index ``p`` may hold: one
        shift's share of work done in every shift (`PoolUnit.per_holder`), and of daily work
        the profile's days' share (`PoolUnit.day_parts`); 0: no cap."""
        unit = self.units[u]
        days = self.profiles[p].days
        if unit.day_parts and days < WORKING_DAYS:
            return unit.day_parts * days // WORKING_DAYS
        return unit.per_holder

    def load_limit(self, p: int) -> float:
        """The highest hours-weighted physical load of a job of profile index ``p``."""
        limit = self.profiles[p].load_limit
        return self.options.max_job_ergonomic_load if limit is None else limit


#: options `plan()` takes, with the range the model's ``options:`` allow (docs/limits.md)
OPTION_RANGES: dict[str, tuple[float, float, bool]] = {  # low, high, whole number
    "min_job_hours": (0.01, 60, False),
    "min_kinds_per_job": (1, 20, True),
    "max_job_ergonomic_load": (0, 4, False),
    "heavy_work_load_margin": (0, 1, False),
    "max_cobots": (0, 50, True),
    "time_limit_s": (0.01, 86400, False),
    "seed": (0, 2**31 - 1, True),
    "workers": (1, 64, True),
}


def _check_overrides(overrides: dict[str, float | int | None]) -> None:
    """A misspelt option or a value out of range is a `UsageError`, not silently ignored."""
    from jobcarve.model import Options
    from jobcarve.yamlsource import suggest

    known = {*OPTION_RANGES, *PoolOptions.__dataclass_fields__, *Options.model_fields}
    for name, value in overrides.items():
        if name not in known:
            raise UsageError(
                f"unknown option {name!r}{suggest(name, known)}; "
                f"options: {', '.join(OPTION_RANGES)}"
            )
        if value is None or name not in OPTION_RANGES:
            continue
        low, high, whole = OPTION_RANGES[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UsageError(f"option {name} must be a number, found {value!r}")
        if not math.isfinite(value) or not low <= value <= high:
            raise UsageError(f"option {name} must be from {low:g} to {high:g}, found {value!r}")
        if whole and float(value) != int(value):
            raise UsageError(f"option {name} must be a whole number, found {value!r}")


def job_supports(inst: PoolInstance, members: Iterable[int], p: int) -> tuple[str, ...]:
    """The supports of a job of profile index ``p`` holding ``members``: those its work asks,
    and those the profile's people have in any job (`PoolProfile.needs`: a job coach granted
    to them; two readings found "support: none" on a school leaver's job)."""
    asked = {s for u in members for s in inst.units[u].supports[p]}
    return tuple(sorted(asked | set(inst.profiles[p].needs)))


def too_large(today: float, room: float | None, ratio: float) -> bool:
    """A unit of ``today`` hours a week (without hand-over time) that its role, whose declared
    uses absorb ``room`` hours, could not give up whole (``ratio``:
    carving.max_unit_room_ratio): it stays with the role. A role without room (0) or without
    a limit (None: displacement allowed) is left to the work balance."""
    return room is not None and room > 0 and today > ratio * room + 1e-6


def resolve_options(
    process: ProcessModel,
    params: AssessmentParams,
    rotation_max_share: float = 0.5,
    **overrides: float | int | None,
) -> PoolOptions:
    """Options from (in order) explicit overrides, the model's options, the sourced defaults.

    ``rotation_max_share`` is the job-rotation support's `max_share_of_job`
    (task_catalogs/supports.yaml)."""
    _check_overrides(overrides)
    opts = process.options
    carving = params.carving

    def pick(name: str, default: float) -> float:
        value = overrides.get(name)
        if value is None:
            value = getattr(opts, name, None)
        return float(default if value is None else value)

    planning = process.planning
    seed = overrides.get("seed")
    workers = overrides.get("workers")
    allow = overrides.get("allow_displacement")
    if allow is None:
        allow = opts.allow_displacement
    return PoolOptions(
        min_job_hours=pick("min_job_hours", carving.min_job_hours.value),
        min_kinds_per_job=int(pick("min_kinds_per_job", carving.min_kinds_per_job.value)),
        max_job_ergonomic_load=pick("max_job_ergonomic_load", carving.max_job_ergonomic_load.value),
        max_cobots=int(pick("max_cobots", carving.max_cobots.value)),
        cobot_hours_available=planning.hours_per_fte
        * planning.shifts
        * params.cobot.available_hours_share.value,
        assist_share=params.cobot.assist_share.value,
        tending_share=params.cobot.tending_share.value,
        tending_physical=params.cobot.tending_physical_demand.value,
        banenafspraak_hours=carving.banenafspraak_hours.value,
        hours_per_fte=planning.hours_per_fte,
        time_limit_s=pick("time_limit_s", carving.time_limit_s.value),
        share_hours=carving.volume_share_hours.value,
        max_shares=int(carving.max_volume_shares_per_unit.value),
        max_unit_room_ratio=carving.max_unit_room_ratio.value,
        seed=int(seed if seed is not None else opts.seed),
        workers=int(workers if workers is not None else opts.workers),
        allow_displacement=bool(allow),
        min_kind_share=carving.min_kind_share.value,
        risk_lifting_index=carving.ergonomic_risk_lifting_index.value,
        risk_repetitive_demand=int(carving.ergonomic_risk_repetitive_demand.value),
        rotation_max_share=rotation_max_share,
        carved_hours_slack=carving.carved_hours_slack_hours.value,
        max_counted_supported_gaps=int(carving.max_counted_supported_gaps.value),
        heavy_work_load_margin=pick("heavy_work_load_margin", carving.heavy_work_load_margin.value),
    )


def build_instance(
    analysis: Analysis,
    process: ProcessModel,
    options: PoolOptions,
    lifting_aids: frozenset[str] = frozenset(),
    no_night: frozenset[str] = frozenset(),
    heavy_work: frozenset[str] = frozenset(),
    day_only: frozenset[str] = frozenset(),
    rules: tuple[RestrictionRule, ...] = (),
) -> PoolInstance:
    """The pool instance of an analysed process.

    Work done in every shift (`Unit.shift` "every") is shared out by shift: a job holds at
    most one shift's share of it, and a job of a profile in ``no_night`` (ids of profiles
    whose jobs hold no night work) none of the night shift's share (the last of three), nor
    any work done only at night (`Unit.shift` "night"); a job of a profile in ``day_only``
    (ids of profiles who work the day shift only) holds only the first shift's share, so
    that such jobs together hold at most that share.

    A job's hours-weighted physical load stays at `PoolOptions.max_job_ergonomic_load`, or
    that plus `PoolOptions.heavy_work_load_margin` for a profile in ``heavy_work`` (ids of
    profiles able to do heavy work, `heavy_work_profiles`).

    A unit with a lifting risk (NIOSH lifting index above the limit) goes into a carved job
    only where the profile's fit uses one of `lifting_aids` (a support that closes lifting
    and so takes the load): the target group does not get risky lifting that a cobot or an
    aid could remove (NIOSH 94-110: LI > 1 is a redesign signal).

    With the catalogue's restriction ``rules``, each part carries per profile the floor checks
    that other work at its place owes (`PoolUnit.floor_checks`).
    """
    hard = {r.id for r in process.roles if r.hard_to_fill}
    pids = [p.id for p in process.profiles]
    # a split task's units carry the hand-over overhead; their base hours do not
    base_factor = {t.id: t.today_share for t in analysis.tasks}
    limits: dict[str, float] = {}
    if not options.allow_displacement:
        limits = {
            r.id: sum(role_uses(r, process.planning.hours_per_fte).values()) for r in process.roles
        }
    # a profile of fewer days than the week shares daily work it may do by the day
    # (`day_parts`)
    fewer_days = tuple(
        p.days_per_week is not None and p.days_per_week < WORKING_DAYS for p in process.profiles
    )
    profile_days = tuple(
        p.days_per_week if few else None
        for p, few in zip(process.profiles, fewer_days, strict=True)
    )
    # the shortest working day at its pace: the plan's day, or a profile's own (`own_day`)
    fte_day = process.planning.hours_per_fte / WORKING_DAYS
    shortest_day = min(
        (min(fte_day, p.own_day or fte_day) * p.pace for p in process.profiles), default=fte_day
    )
    units = []
    trials: dict[str, list[str]] = {}
    larger: dict[str, list[str]] = {}
    # per profile, the hours of counted work that fits it, before the room of its roles:
    # what bounds its number of jobs (the room is the work balance's, and why_no_job's)
    fitting = dict.fromkeys(pids, 0.0)
    limit = options.max_counted_supported_gaps
    checks = {p.id: floor_checks(p, analysis.units, rules) for p in process.profiles}
    for unit in analysis.units:
        risk = (
            unit.lifting_index is not None and unit.lifting_index > options.risk_lifting_index
        ) or unit.demands["repetitive_hand_arm"] >= options.risk_repetitive_demand
        lift_risk = (
            unit.lifting_index is not None and unit.lifting_index > options.risk_lifting_index
        )
        # work that fits only with many gaps closed by supports is a trial, not counted;
        # lifting risk without a lifting aid rules the work out for trials as well
        # night work is closed to the jobs of profiles in no_night, for trials as well
        usable = {
            pid: unit.fit[pid].accessible
            and not (lift_risk and not lifting_aids & set(unit.fit[pid].supports))
            and not (unit.shift == "night" and pid in no_night)
            for pid in pids
        }
        counted = tuple(usable[pid] and unit.fit[pid].counted(limit) for pid in pids)
        for pid, ok in zip(pids, counted, strict=True):
            if ok:
                fitting[pid] += unit.hours_per_week
        # a unit its role could not give up whole stays with the role
        today = unit.hours_per_week * base_factor[unit.task]
        if too_large(today, limits.get(unit.role), options.max_unit_room_ratio):
            for pid, ok in zip(pids, counted, strict=True):
                if ok:
                    larger.setdefault(pid, []).append(unit.id)
            usable = dict.fromkeys(pids, False)
        access = tuple(usable[pid] and unit.fit[pid].counted(limit) for pid in pids)
        for pid, ok in zip(pids, access, strict=True):
            if usable[pid] and not ok:
                trials.setdefault(pid, []).append(unit.id)
        supports = tuple(unit.fit[p].supports for p in pids)
        # a large unit's weekly volume is shared out in equal parts of at most share_hours,
        # and in at most max_shares parts (larger ones beyond): 10^9 units a week must not
        # become 10^9 parts before the solver starts
        shifts = process.planning.shifts if unit.shift == "every" else 1
        parts = max(1, math.ceil(min(unit.hours_per_week / options.share_hours, 1e12) - 1e-9))
        # work done on fewer days than the week (`Unit.days_per_week`: the wash line cleaned
        # on Fridays, 16 h): a job holds at most a working day a day of such work and its
        # daily work (`day_limit`), so it is shared out in parts of at most a quarter of the
        # shortest profile's day, up to four times the usual number of parts
        cap = max(1, options.max_shares)
        if unit.days_per_week is not None:
            parts = max(
                parts,
                math.ceil(4 * unit.hours_per_week / (shortest_day * unit.days_per_week) - 1e-9),
            )
            cap = 4 * cap
        # work done in every shift is shared out per shift: equal parts, the same number in
        # each shift, the night's last (their access is the narrowest: see `_symmetry`)
        per_shift = max(1, min(math.ceil(parts / shifts), cap // shifts))
        parts = per_shift * shifts if shifts > 1 else min(parts, cap)
        daily = unit.daily
        # daily work that a profile of fewer days may do: whole days' shares per shift, so
        # that a job of d days holds d fifths of it (`part_cap`); such a share may be below
        # `share_hours` (a day is a fifth), and work no such profile may do is not re-split
        # (a diff review: parts of 0.65 h where no four-day profile fitted); work such a
        # profile may only try out too, so that a trial moves its days' share (`_trials`,
        # `part_cap`; a diff review: a four-day profile offered all of a daily unit)
        day_parts = 0
        if daily and any(usable[p] and f for p, f in zip(pids, fewer_days, strict=True)):
            per_shift = WORKING_DAYS * math.ceil((parts // max(shifts, 1)) / WORKING_DAYS)
            parts = per_shift * shifts
            day_parts = per_shift
        for i in range(parts):
            # the night's parts (the last of three shifts) go to no job of a profile in
            # no_night (work done only at night is closed to them above), and the parts of
            # every shift after the first (day) to no job of a profile in day_only: access
            # narrows from the first shift's parts to the last's
            shift = i // per_shift if shifts > 1 else 0
            night = shifts >= 3 and shift == shifts - 1
            # the jobs of a profile of d days work the first d days of the week, as their cards
            # plan them: of each shift's daily work they hold only those days' parts, so that
            # jobs of fewer days together leave the other days' share to holders of five days
            # or the role (a reading of the hose maker: two four-day jobs held all the foam
            # cleaning, and Friday's hoses had nobody; a diff review: a fitting profile of
            # four days must not open Thursday to the three-day ones)
            open_to = tuple(
                not (
                    (night and pid in no_night)
                    or (shift > 0 and pid in day_only)
                    or (
                        bool(day_parts)
                        and days is not None
                        and (i % day_parts) >= day_parts * days // WORKING_DAYS
                    )
                )
                for pid, days in zip(pids, profile_days, strict=True)
            )
            units.append(
                PoolUnit(
                    id=unit.id if parts == 1 else f"{unit.id}#{i + 1}",
                    unit=unit.id,
                    task=unit.task,
                    role=unit.role,
                    hours=unit.hours_per_week / parts,
                    hard_to_fill=unit.role in hard,
                    physical=max(unit.demands[d] for d in PHYSICAL),
                    access=tuple(a and o for a, o in zip(access, open_to, strict=True)),
                    supports=supports,
                    cobot=unit.cobot.label,
                    cobot_hours=unit.cobot.cobot_hours_per_week / parts,
                    cobot_model=unit.cobot.model.id if unit.cobot.model else None,
                    base_hours=unit.hours_per_week * base_factor[unit.task] / parts,
                    risk=risk,
                    rotation=unit.needs_rotation,
                    place=unit.area or unit.workstation,
                    station=unit.workstation,
                    kinds=cell_kinds(unit.activities),
                    fit_access=tuple(a and o for a, o in zip(counted, open_to, strict=True)),
                    supported_gaps=tuple(unit.fit[p].supported_gaps for p in pids),
                    floor_checks=tuple(checks[p][unit.id] for p in pids) if rules else (),
                    per_holder=per_shift if shifts > 1 else 0,
                    per_day=unit.hours_per_week / parts / unit.days_per_week
                    if unit.days_per_week is not None
                    else 0.0,
                    daily=daily,
                    day_parts=day_parts,
                    shift_part=max(1, process.planning.shifts - 1)
                    if unit.shift == "night"
                    else shift,
                    day=unit.shift == "day",
                    duty_supports=tuple(
                        tuple(sorted(lifting_aids & set(unit.fit[p].supports))) if lift_risk else ()
                        for p in pids
                    ),
                )
            )
    profiles = []
    for p in process.profiles:
        if options.min_job_hours > p.hours_per_week_available:
            slots = 0
        else:
            accessible = fitting[p.id] / p.pace
            bound = (
                int(accessible // options.min_job_hours)
                if options.min_job_hours > 0
                else len(units)
            )
            slots = min(bound, p.max_workers if p.max_workers is not None else 20, len(units))
        profiles.append(
            PoolProfile(
                p.id,
                p.name,
                p.hours_per_week_available,
                p.pace,
                max(0, slots),
                min(MAX_LOAD, options.max_job_ergonomic_load + options.heavy_work_load_margin)
                if p.id in heavy_work and options.heavy_work_load_margin > 0
                else None,
                tuple(p.needs),
                p.own_day,
                p.days_per_week or WORKING_DAYS,
            )
        )
    if options.min_kinds_per_job < 1:
        raise UsageError("min_kinds_per_job must be at least 1")
    weeks = process.planning.weeks_per_year
    seasonal = {
        r.id: sum(role_uses(r, process.planning.hours_per_fte)[use] for use in season)
        for r in process.roles
        if r.id in limits and (season := seasonal_uses(r, weeks))
    }
    return PoolInstance(
        tuple(units),
        tuple(profiles),
        options,
        limits,
        {p: tuple(ids) for p, ids in trials.items()},
        {p: tuple(ids) for p, ids in larger.items()},
        {r: h for r, h in seasonal.items() if h > 0},
        {
            r.id: leaving
            for r in process.roles
            if r.id in limits
            and (leaving := role_uses(r, process.planning.hours_per_fte)["leavers"]) > 0
        },
    )
