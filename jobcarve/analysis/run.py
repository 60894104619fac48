"""The analysis of a process: fit per profile, split into units, cobot suitability per unit.

Longer than 600 lines for a reason: this is the one place that walks a process and puts
the screening together per task and unit (inherited screening data, the split choice,
the unit assessment and the task verdict); each rule it applies has its own module (fit,
split, cobot, ergonomics).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from jobcarve.analysis.cobot import Capacity, UnitWork, assess_cobot
from jobcarve.analysis.ergonomics import LiftingLoad, lifting_load, raised_lifting
from jobcarve.analysis.fit import FitContext, applies, assess_fit, profile_supports
from jobcarve.analysis.split import (
    COGNITIVE,
    HEAVY,
    UnitSpec,
    automatic_parts,
    catalogue_units,
    chain_units,
    occurrence_seconds,
    single_unit,
    split_reason,
    subtask_handovers,
    subtask_units,
    team_lift_limit,
    too_heavy_to_hand_on,
)
from jobcarve.catalog import AssessmentParams, CatalogEntry, Catalogs, Support, load_catalogs
from jobcarve.exceptions import InputError, Problem
from jobcarve.graph import task_hours_per_week
from jobcarve.messages import LANGUAGES, Reason, bilingual
from jobcarve.model import (
    DIMENSIONS,
    EXPOSURE_FLAGS,
    WORKING_DAYS,
    Handling,
    ProcessModel,
    Profile,
    Task,
)
from jobcarve.results import (
    Analysis,
    CobotVerdict,
    Fit,
    LiftingRisk,
    LiftingRiskLevel,
    SplitProposal,
    SplitSource,
    TaskResult,
    Unit,
)
from jobcarve.yamlsource import format_loc

#: kinds of activity that are lifting a load and nothing else (task_catalogs/supports.yaml): a
#: task of only these has no routine part beside its lift (transport has one: the moving)
LOAD_HANDLING = frozenset({"lifting", "palletising"})


def analyze(
    process: ProcessModel,
    catalogs: Catalogs | None = None,
    *,
    confirmed: frozenset[str] = frozenset(),
) -> Analysis:
    """Analyse a process: which tasks fit which profile, how they split, what a cobot can take.

    Splits enter the units the plan shares out only when confirmed: the task's own
    ``subtasks``, or its catalogue split with ``catalogue_split: confirmed``. Other splits
    that would help are kept as the task's `SplitProposal`. ``confirmed`` names tasks whose
    proposal is taken as confirmed (the plan uses this to compute what confirming each
    proposal would add; a user confirms in the model).

    Raises
    ------
    InputError
        If the model is valid but cannot be analysed: no profiles, or tasks without demands
        (no ``demands`` and no ``template``); every such problem is named with its location.
    """
    cats = catalogs if catalogs is not None else load_catalogs()
    if cats.params is None or not cats.cobots:
        raise InputError(
            [
                Problem(
                    "task_catalogs",
                    0,
                    0,
                    "",
                    "assessment.yaml or cobots.yaml is missing from the catalogues",
                )
            ]
        )
    _check_analysable(process, cats)
    params = cats.params
    if process.options.handover_overhead_share is not None:
        share = params.split.handover_overhead_share.model_copy(
            update={
                "value": process.options.handover_overhead_share,
                "source": "model options.handover_overhead_share",
                "source_nl": "opgegeven in de opties van het model",
            }
        )
        params = params.model_copy(
            update={"split": params.split.model_copy(update={"handover_overhead_share": share})}
        )
        cats = dataclasses.replace(cats, params=params)
    language = process.options.language
    available = {
        p.id: profile_supports(p, process.supports, cats.supports) for p in process.profiles
    }
    planning = process.planning
    capacity = Capacity(
        available_hours_per_week=planning.hours_per_fte
        * planning.shifts
        * params.cobot.available_hours_share.value,
        takt_s=planning.takt_s if process.process.kind == "line" else None,
        units_per_week=planning.units_per_week,
    )

    meta = _task_meta(process, cats)
    specs_by_task: dict[str, list[UnitSpec]] = {}
    sources: dict[str, tuple[SplitSource, Reason]] = {}
    proposals: dict[str, _Proposal] = {}
    whole: dict[str, dict[str, int]] = {}
    whole_ctx: dict[str, FitContext] = {}
    for task in process.tasks:
        demands, load = _adjusted(task, process, params, meta)
        whole[task.id] = demands
        handling, part_activities, part_dangerous = _whole(task, meta, params)
        own_dangerous = params.fit.dangerous_work.applies(task.handling or Handling())
        whole_ctx[task.id] = dataclasses.replace(
            _context(meta[task.id], handling, load, process, params),
            part_activities=part_activities,
            dangerous=own_dangerous or part_dangerous,
        )
        choice = _units_for(
            task, demands, process, cats, available, language, meta, whole_ctx[task.id]
        )
        if choice.proposal is not None and task.id in confirmed:
            specs_by_task[task.id] = choice.proposal.specs
            sources[task.id] = (choice.proposal.source, choice.proposal.reason)
        else:
            specs_by_task[task.id] = choice.specs
            sources[task.id] = (choice.source, choice.reason)
            if choice.proposal is not None:
                proposals[task.id] = choice.proposal

    last_units = {t: [s.id for s in specs if s.last] for t, specs in specs_by_task.items()}
    results: list[TaskResult] = []
    for task in process.tasks:
        specs = specs_by_task[task.id]
        inherited = [u for pred in task.after for u in last_units[pred]]
        units = [
            _assess_unit(spec, task, inherited, process, cats, available, capacity, meta)
            for spec in specs
        ]
        source, reason = sources[task.id]
        split_reasons = [reason]
        hours = task_hours_per_week(task, planning)
        overhead = sum(u.hours_per_week for u in units) - hours
        if source == "subtasks" and subtask_handovers(task) == 0:
            split_reasons.append(Reason("split.no_overhead"))
        elif source != "none":
            split_reasons.append(
                Reason(
                    "split.overhead",
                    {"overhead": overhead, "share": params.split.handover_overhead_share.value},
                )
            )
        proposal = None
        fit_units = units
        if task.id in proposals:
            chosen = proposals[task.id]
            proposed = [
                _assess_unit(spec, task, inherited, process, cats, available, capacity, meta)
                for spec in chosen.specs
            ]
            proposal = SplitProposal(chosen.source, tuple(proposed), (chosen.reason,))
            split_reasons.append(chosen.reason)
            if chosen.source == "catalogue":
                # a typical, sourced split: the task fits after splitting, once confirmed
                fit_units = proposed
        fit = {
            p.id: _task_fit(
                whole[task.id],
                p,
                available[p.id],
                fit_units,
                params,
                whole_ctx[task.id],
                confirmed=fit_units is units and source != "none",
            )
            for p in process.profiles
        }
        results.append(
            TaskResult(
                id=task.id,
                name=task.name,
                role=task.role or "",
                hours_per_week=hours,
                demands=whole[task.id],
                split=source,
                split_reasons=tuple(split_reasons),
                overhead_hours_per_week=overhead,
                fit=fit,
                units=tuple(units),
                proposal=proposal,
            )
        )
    return Analysis(
        company=process.company.name,
        process=process.process.name,
        profiles=tuple((p.id, p.name) for p in process.profiles),
        tasks=tuple(results),
        assumptions=tuple(params.assumptions()),
    )


def _check_analysable(process: ProcessModel, cats: Catalogs | None = None) -> None:
    smap = process.source
    file = smap.file if smap is not None else "<model>"

    def problem(loc: tuple[str | int, ...], message: str) -> Problem:
        if smap is not None:
            return smap.problem(loc, message)  # type: ignore[no-any-return]
        return Problem(file, 0, 0, format_loc(loc), message)

    problems: list[Problem] = []
    if not process.profiles:
        problems.append(
            problem(
                (),
                "the model has no profiles: add at least one worker profile (profiles:) to analyse it",
            )
        )

    def walk(tasks: Sequence[Task], loc: tuple[str | int, ...]) -> None:
        for i, task in enumerate(tasks):
            here = (*loc, i)
            if task.subtasks:
                walk(task.subtasks, (*here, "subtasks"))
            elif task.demands is None:
                problems.append(
                    problem(
                        here,
                        f'task "{task.id}" has no demands: add demands: or a template: to analyse it',
                    )
                )

    walk(process.tasks, ("tasks",))
    if cats is not None:
        problems += _screening_problems(process, cats, problem)
    if problems:
        raise InputError(problems)


def _adjusted(
    task: Task, process: ProcessModel, params: AssessmentParams, meta: dict[str, _TaskMeta]
) -> tuple[dict[str, int], LiftingLoad | None]:
    """The task's demands with the lifting demand raised to what its load implies.

    Not raised where a lifting aid is already in use (the ratings describe the work with it).
    """
    demands = task.demand_profile()
    assert demands is not None  # _check_analysable
    load = None
    if task.handling is not None and not task.subtasks:
        info = meta[task.id]
        load = lifting_load(
            task.handling,
            occurrence_seconds(task),
            task_hours_per_week(task, process.planning),
            shifts_worked(info.shift, process.planning.shifts),
            params.ergonomics,
            info.typical_s,
            days=info.days,
        )
        if load is not None and not info.lifting_aid_in_use:
            raised = raised_lifting(load, demands["lifting"], params.ergonomics)
            if raised is not None:
                demands = {**demands, "lifting": raised}
    return demands, load


@dataclass(frozen=True)
class _Proposal:
    specs: list[UnitSpec]
    source: Literal["catalogue", "automatic"]
    reason: Reason


@dataclass(frozen=True)
class _Choice:
    """The units a task enters the plan with, and a split proposal to confirm, if any."""

    specs: list[UnitSpec]
    source: SplitSource
    reason: Reason
    proposal: _Proposal | None = None


def _units_for(
    task: Task,
    demands: dict[str, int],
    process: ProcessModel,
    cats: Catalogs,
    available: dict[str, list[Support]],
    language: str,
    meta: dict[str, _TaskMeta],
    context: FitContext,
) -> _Choice:
    params = cats.params
    assert params is not None
    planning = process.planning
    if task.subtasks:
        specs = subtask_units(task, planning, params.split)
        return _Choice(specs, "subtasks", split_reason("subtasks", len(specs)))
    # the unit re-derives the lifting demand from the load, with its reason
    whole = single_unit(task, planning, task.demand_profile())
    fits = {
        p.id: assess_fit(demands, p, available[p.id], params.fit, context) for p in process.profiles
    }
    blocked = [p for p in process.profiles if not fits[p.id].accessible]
    entry = cats.entries.get(task.template) if task.template else None
    floor_split = (
        catalogue_units(task, planning, entry, demands, language, params.split)
        if entry is not None and entry.default_split and task.catalogue_split == "confirmed"
        else None
    )
    if floor_split is not None:
        # the task is done as the parts the adviser found: a support that applies to the
        # whole by one part's activity closes no gap another part carries (case 89: a jig
        # for sticking labels "closed" the checking of lots in the ERP), so a profile that
        # may not do some part is held out of the whole as well
        held = [
            p
            for p in process.profiles
            if p not in blocked
            and not all(_opens(s, p, available, params, task, meta, process) for s in floor_split)
        ]
        if held and not _helps(floor_split, held, available, params, task, meta, process):
            # held out by the parts and opened by none: the task is still done as its parts,
            # which rules the profile out of the whole (a diff review: the whole task
            # "fitted" through the supports of two parts, neither of which it may do)
            reason = split_reason("catalogue", len(floor_split), template=task.template)
            return _Choice(floor_split, "catalogue", reason)
        blocked += held
    if not blocked:
        return _Choice(whole, "none", split_reason("none", 1))
    if entry is not None and entry.default_split:
        if task.catalogue_split == "rejected":
            return _Choice(whole, "none", Reason("split.rejected"))
        specs = floor_split or catalogue_units(
            task, planning, entry, demands, language, params.split
        )
        if _helps(specs, blocked, available, params, task, meta, process):
            confirmed = split_reason("catalogue", len(specs), template=entry.id)
            if task.catalogue_split == "confirmed":
                return _Choice(specs, "catalogue", confirmed)
            to_confirm = Reason(
                "split.proposal.catalogue", {"template": entry.id, "count": len(specs)}
            )
            return _Choice(
                whole, "none", split_reason("none", 1), _Proposal(specs, "catalogue", to_confirm)
            )
        if task.catalogue_split == "confirmed":
            # the floor's split is the adviser's word, but none of its parts opens the task
            # to a profile: it stays whole, and says so (a review read "no split proposal
            # ... unless the adviser finds one on the floor" on a split confirmed there)
            said = {"template": entry.id, "count": len(specs)}
            return _Choice(whole, "none", Reason("split.confirmed_no_fit", said))
    if task.catalogue_split == "rejected":
        # the adviser found on the floor that the task stays whole: no automatic proposal
        # either (a review: proposals contradicted "not split" in the model's notes)
        return _Choice(whole, "none", Reason("split.kept_whole"))
    hard = {g.dimension for p in blocked for g in fits[p.id].gaps if g.closed_by is None}
    team_limit = too_heavy_to_hand_on(
        task, params.split, params.ergonomics.niosh_load_constant_kg.value
    )
    # a task that is nothing but moving the load (stacking bags on a pallet) has no routine
    # part without the lift: a heavy-lift proposal would leave "routine work" of nothing (an
    # adviser's reading of case 89: 25 kg bags at LI 4.3 "split" into a lift and a routine)
    activities = meta[task.id].activities
    lift_is_the_work = bool(activities) and set(activities or ()) <= LOAD_HANDLING
    parts = automatic_parts(
        task,
        demands,
        hard - set(HEAVY) if team_limit or lift_is_the_work else hard,
        language,
        params.split,
    )
    if parts is not None:
        specs = chain_units(task, planning, parts, params.split)
        if _helps(specs, blocked, available, params, task, meta, process):
            names = [p[0].replace("heavy_lift", "heavy") for p in parts if p[0] != "routine"]
            check = Reason(
                "split.proposal.automatic",
                {"parts": [f"split.part.{n}" for n in names], "count": len(specs)},
            )
            return _Choice(
                whole, "none", split_reason("none", 1), _Proposal(specs, "automatic", check)
            )
    core_level = params.split.core_demand_level.value
    core = sorted(d for d in hard if d in COGNITIVE and demands[d] >= core_level)
    if core:
        return _Choice(whole, "none", Reason("split.core", {"dimensions": core}))
    if team_limit and hard & set(HEAVY):
        mass = task.handling.heaviest_kg if task.handling else None
        said = {"mass": mass, "limit": team_limit}
        return _Choice(whole, "none", Reason("split.too_heavy_to_hand_on", said))
    if lift_is_the_work and hard & set(HEAVY):
        return _Choice(whole, "none", Reason("split.lift_is_the_work"))
    return _Choice(whole, "none", split_reason("none", 1))


def _opens(
    spec: UnitSpec,
    profile: Profile,
    available: dict[str, list[Support]],
    params: AssessmentParams,
    task: Task,
    meta: dict[str, _TaskMeta],
    process: ProcessModel,
) -> bool:
    """The profile may do this part of a split, with the supports that apply to it."""
    return (
        spec.demands is not None
        and assess_fit(
            spec.demands,
            profile,
            available[profile.id],
            params.fit,
            _context(_unit_meta(spec, task, meta), spec.handling, None, process, params),
        ).accessible
    )


def _helps(
    specs: list[UnitSpec],
    blocked: list[Profile],
    available: dict[str, list[Support]],
    params: AssessmentParams,
    task: Task,
    meta: dict[str, _TaskMeta],
    process: ProcessModel,
) -> bool:
    """A split helps when some unit becomes accessible to a profile that cannot do the whole task."""
    return any(_opens(s, p, available, params, task, meta, process) for s in specs for p in blocked)


def _assess_unit(
    spec: UnitSpec,
    task: Task,
    inherited: list[str],
    process: ProcessModel,
    cats: Catalogs,
    available: dict[str, list[Support]],
    capacity: Capacity,
    meta: dict[str, _TaskMeta],
) -> Unit:
    params = cats.params
    assert params is not None and spec.demands is not None
    demands = dict(spec.demands)
    info = _unit_meta(spec, task, meta)
    ergonomics: list[Reason] = []
    seconds, hours = spec.lifting_time()
    load = lifting_load(
        spec.handling,
        seconds,
        hours,
        shifts_worked(info.shift, process.planning.shifts),
        params.ergonomics,
        info.typical_s,
        days=info.days,
    )
    lifting_index = None
    if load is not None:
        ergonomics.append(load.reason)
        if load.assumed is not None:
            ergonomics.append(load.assumed)
        lifting_index = load.lifting_index
        if info.lifting_aid_in_use:
            ergonomics.append(Reason("ergo.aid_in_use"))
        elif (raised := raised_lifting(load, demands["lifting"], params.ergonomics)) is not None:
            ergonomics.append(
                Reason("ergo.raised", {"before": demands["lifting"], "after": raised})
            )
            demands["lifting"] = raised
        elif load.level > demands["lifting"]:
            ergonomics.append(
                Reason("ergo.kept", {"rating": demands["lifting"], "level": load.level})
            )
    context = _context(info, spec.handling, load, process, params)
    fit = {
        p.id: assess_fit(demands, p, available[p.id], params.fit, context) for p in process.profiles
    }
    work = UnitWork(
        demands,
        spec.handling,
        spec.hours_per_week,
        spec.seconds_per_unit,
        lifting_index,
        info.activities or (),
        spec.batch_size_units,
    )
    # work beside the line is decoupled from its takt by a buffer (a heat-pump maker's
    # brazing at 900 s a unit fed a 720 s line; a reading: "the line is impossible")
    cobot = assess_cobot(
        work,
        cats.cobots,
        params.cobot,
        capacity if info.on_line else dataclasses.replace(capacity, takt_s=None),
    )
    risk = _lifting_risk(load, cobot, info, params, cats, context, spec.hours_per_week)
    if risk is not None:
        ergonomics.append(risk.reason)
    after = tuple(spec.after) + (tuple(inherited) if spec.first else ())
    # with one shift, every shift and the day shift are any shift
    shift = "any" if info.shift in ("every", "day") and process.planning.shifts < 2 else info.shift
    return Unit(
        id=spec.id,
        name=spec.name,
        names=spec.names,
        task=task.id,
        role=spec.role or task.role or "",
        hours_per_week=spec.hours_per_week,
        seconds_per_unit=spec.seconds_per_unit,
        after=after,
        demands={d: demands[d] for d in DIMENSIONS},
        handling=spec.handling,
        lifting_index=lifting_index,
        ergonomics=tuple(ergonomics),
        fit=fit,
        cobot=cobot,
        workstation=info.workstation,
        area=info.area,
        shift=shift,
        activities=tuple(info.activities or ()),
        days_per_week=info.days if info.days is not None and info.days < WORKING_DAYS else None,
        daily=daily_work(spec.seconds_per_unit, info.shift, info.days),
        on_line=info.on_line,
        needs_rotation=any(
            s.rotation for f in fit.values() for s in _supports_by_id(cats, f.supports)
        ),
        lifting_risk=risk,
    )


def _supports_by_id(cats: Catalogs, ids: Sequence[str]) -> list[Support]:
    """Catalogue supports by id (unknown ids skipped)."""
    return [cats.supports[i] for i in ids if i in cats.supports]


def _task_fit(
    demands: dict[str, int],
    profile: Profile,
    available: list[Support],
    units: list[Unit],
    params: AssessmentParams,
    context: FitContext | None = None,
    confirmed: bool = False,
) -> Fit:
    """The task's fit: as a whole, or through its parts.

    A task whose parts are the adviser's confirmed split fits when the profile can do every
    part; it needs a split when only some parts fit.
    """
    whole = assess_fit(demands, profile, available, params.fit, context)
    if len(units) < 2:
        return whole
    fitting = [u for u in units if u.fit[profile.id].accessible]
    if whole.accessible and (not confirmed or len(fitting) == len(units)):
        return whole
    # a part of the adviser's split the profile may not do (a restriction, a load, an aid
    # that cannot be used there) rules out the whole task, whatever the whole's own screening
    if not fitting:
        return whole if not whole.accessible else _parts_ruled_out(profile, units)
    if confirmed and len(fitting) == len(units):
        # the task is done as the parts the adviser found, and the profile can do each part
        fits = [u.fit[profile.id] for u in units]
        supported = any(f.verdict == "fits_with_support" for f in fits)
        return Fit(
            profile.id,
            "fits_with_support" if supported else "fits",
            tuple(dict.fromkeys(g for f in fits for g in f.gaps)),
            tuple(sorted({s for f in fits for s in f.supports})),
            (Reason("fit.all_parts_fit", {"units": [u.name for u in units]}),),
            tuple(u.id for u in units),
        )
    rest = sorted(
        {
            g.dimension
            for u in units
            if not u.fit[profile.id].accessible
            for g in u.fit[profile.id].gaps
            if g.closed_by is None
        }
    )
    names = [u.name for u in fitting]
    others = [u.name for u in units if not u.fit[profile.id].accessible]
    if rest:
        reason = Reason("fit.needs_split", {"units": names, "rest": rest})
    elif others:
        reason = Reason("fit.needs_split_parts", {"units": names, "others": others})
    else:  # every part fits on its own, the whole does not: its own reasons say why
        reason = Reason("fit.needs_split_whole", {"units": names})
    # the needs-split sentence replaces the whole's summary, not its other reasons (a
    # restriction, the supports cap)
    summary = bool(whole.reasons) and whole.reasons[0].key == "fit.not_accessible"
    whys = whole.reasons[1:] if summary else whole.reasons
    return Fit(
        profile.id,
        "needs_split",
        whole.gaps,
        whole.supports,
        (reason, *(whys if not whole.accessible else ())),
        tuple(u.id for u in fitting),
    )


def _parts_ruled_out(profile: Profile, units: list[Unit]) -> Fit:
    """No part of the adviser's split is open to the profile: the whole task is not either."""
    fits = [u.fit[profile.id] for u in units]
    reasons = [Reason("fit.no_part", {"units": [u.name for u in units]})]
    for f in fits:
        reasons += [r for r in f.reasons if r not in reasons]  # Reason holds a dict: no set
    return Fit(
        profile.id,
        "not_accessible",
        tuple(dict.fromkeys(g for f in fits for g in f.gaps)),
        (),
        tuple(reasons),
        (),
    )


@dataclass(frozen=True)
class _TaskMeta:
    """What the screening needs of a task (or subtask) besides its demands and handling."""

    workstation: str | None
    area: str | None
    activities: tuple[str, ...] | None
    aids_in_use: tuple[str, ...]
    aids_unusable: tuple[str, ...]
    entry: CatalogEntry | None
    typical_s: float | None
    lifting_aid_in_use: bool
    #: when the work is done (the task's `shift`, inherited): any, every (shift) or night
    shift: str = "any"
    #: the days a week the work is done (the task's `days_per_week`, inherited); None: every
    #: working day
    days: int | None = None
    #: on the paced line (the task's `on_line`, inherited): work beside the line has no takt
    on_line: bool = True


def _task_meta(process: ProcessModel, cats: Catalogs) -> dict[str, _TaskMeta]:
    """Workstation, area, activities and aids in use or unusable of every task and subtask
    (inherited)."""
    out: dict[str, _TaskMeta] = {}
    lifting = {s.id for s in cats.supports.values() if s.closes.get("lifting")}

    def walk(tasks: Sequence[Task], parent: _TaskMeta | None) -> None:
        for task in tasks:
            entry = cats.entries.get(task.template) if task.template else None
            activities: tuple[str, ...] | None
            if task.activities is not None:
                activities = tuple(task.activities)
            elif entry is not None and entry.activities:
                activities = tuple(entry.activities)
            else:
                activities = parent.activities if parent is not None else None
            aids = tuple(
                dict.fromkeys((*(parent.aids_in_use if parent else ()), *task.aids_in_use))
            )
            unusable = tuple(
                dict.fromkeys((*(parent.aids_unusable if parent else ()), *task.aids_unusable))
            )
            typical = None
            if entry is not None and entry.time_basis == "per_unit":
                typical = (entry.typical_time_s.min_s + entry.typical_time_s.max_s) / 2
            elif parent is not None and entry is None:
                typical = parent.typical_s
            info = _TaskMeta(
                workstation=task.workstation or (parent.workstation if parent else None),
                area=task.area or (parent.area if parent else None),
                activities=activities,
                aids_in_use=aids,
                aids_unusable=unusable,
                entry=entry if entry is not None else (parent.entry if parent else None),
                typical_s=typical,
                lifting_aid_in_use=bool(set(aids) & lifting),
                shift=task.shift if task.shift is not None else (parent.shift if parent else "any"),
                days=task.days_per_week
                if task.days_per_week is not None
                else (parent.days if parent else None),
                on_line=task.on_line
                if task.on_line is not None
                else (parent.on_line if parent else True),
            )
            out[task.id] = info
            walk(task.subtasks, info)

    walk(process.tasks, None)
    return out


def shifts_worked(shift: str, shifts: int) -> int:
    """The shifts a week's work is spread over: one for work bound to the day or the night
    shift, else every shift the process runs (a palletiser at a day-shift line lifts its
    22.5 hours in five day shifts, 4.5 hours a shift, not 1.5 over fifteen; blind case 84)."""
    return 1 if shift in ("day", "night") else shifts


def daily_work(seconds_per_unit: float | None, shift: str, days: int | None) -> bool:
    """Whether work arises every working day (`Unit.daily`): work per product (it runs while
    production runs), work done in every shift (in a process of one shift, every day), and
    work given as done on five days (`days_per_week: 5`); never work done on fewer days.
    Work given in hours a week without these is movable within the week (a weekly
    lubrication round, a Friday clean): the model says where it must be done every day.
    The one reading of daily work for the plan (a job of a profile of fewer days holds at
    most its days' share: `PoolUnit.day_parts`; a day's share of it is on the day of work
    done on fewer days: `PoolUnit.day_hours`) and the job card's week."""
    if days is not None:
        return days >= WORKING_DAYS
    return seconds_per_unit is not None or shift == "every"


def _unit_meta(spec: UnitSpec, task: Task, meta: dict[str, _TaskMeta]) -> _TaskMeta:
    """The unit's screening data: a subtask's own, a catalogue unit's activities, or the task's."""
    if spec.source_task is not None and spec.source_task.id in meta:
        return meta[spec.source_task.id]
    info = meta[task.id]
    entry = info.entry
    prefix = f"{task.id}."
    if entry is not None and spec.id.startswith(prefix):
        suffix = spec.id[len(prefix) :]
        unit = next((u for u in entry.default_split if u.id == suffix), None)
        if unit is not None and unit.activities is not None and task.activities is None:
            return dataclasses.replace(info, activities=tuple(unit.activities))
    return info


def _whole(
    task: Task, meta: dict[str, _TaskMeta], params: AssessmentParams
) -> tuple[Handling, tuple[str, ...], bool]:
    """The handling of a task done whole, with the exposures of its hand-made subtasks, and
    their activities, and whether one part is dangerous work: a task with a colour-coded, dusty
    or wet part is colour, dust or wet work for whoever does all of it, as its demands are the
    peak of its parts. (A support that helps one part does not thereby help the whole: the
    activities stay the task's own for the supports. Dangerous work is judged per part, with
    the part's own flags over its task's: a knife in one part and a vibrating screwdriver in
    another are not a vibrating hazardous tool.)"""
    handling = task.handling or Handling()
    flags: set[str] = set()
    activities: list[str] = []
    dangerous = False

    def walk(parts: Sequence[Task], above: Handling) -> None:
        nonlocal dangerous
        for part in parts:
            own = above
            if part.handling is not None:
                # what a part exposes the person to holds for the task as a whole
                flags.update(f for f in EXPOSURE_FLAGS if getattr(part.handling, f))
                own = above.model_copy(update=part.handling.model_dump(exclude_none=True))
            dangerous = dangerous or params.fit.dangerous_work.applies(own)
            info = meta.get(part.id)
            activities.extend(info.activities or () if info is not None else ())
            walk(part.subtasks, own)

    walk(task.subtasks, handling)
    added = {f: True for f in flags if not getattr(handling, f)}
    merged = handling.model_copy(update=added) if added else handling
    return merged, tuple(dict.fromkeys(activities)), dangerous


def _context(
    info: _TaskMeta,
    handling: Handling,
    load: LiftingLoad | None,
    process: ProcessModel,
    params: AssessmentParams,
) -> FitContext:
    return FitContext(
        activities=info.activities,
        handling=handling,
        aids_in_use=info.aids_in_use,
        aids_unusable=info.aids_unusable,
        unsafe=load is not None and load.unsafe and not info.lifting_aid_in_use,
        shifts=process.planning.shifts,
        rules=tuple(params.restrictions),
        mass_bands_kg=tuple(params.ergonomics.load_mass_bands_kg.value),
        lifting_aid_in_use=info.lifting_aid_in_use,
        dangerous=params.fit.dangerous_work.applies(handling),
        shift=info.shift,
        night_in_new_jobs=bool(params.carving.night_work_in_new_jobs.value),
    )


def _lifting_risk(
    load: LiftingLoad | None,
    cobot: CobotVerdict,
    info: _TaskMeta,
    params: AssessmentParams,
    cats: Catalogs,
    context: FitContext,
    hours: float = 0.0,
) -> LiftingRisk | None:
    """A lifting index above 1 (or not rated) is a risk whoever does the work, with its remedies.

    A cobot is named as a remedy only in a cell with other work where the unit's ``hours``
    are fewer than a cell is advised for (`carving.min_cobot_added_hours`; two readings: a
    cobot named for 3.8 h and 6.4 h of palletising, where the cobot section said a cell is
    not advised for so few hours).

    With a lifting aid in use the lift is the aid's, unless the model gives the lift's
    geometry: then the index is that of the lift with the aid (a lift table or a spring
    leveller keeps the layer at a good height, but the person still lifts each carton).
    """
    if load is None or (info.lifting_aid_in_use and load.lifting_index is None):
        return None
    ergo = params.ergonomics
    li = load.lifting_index
    mass = context.handling.heaviest_kg or 0.0
    # without lift geometry a load above the NIOSH load constant still has LI > 1 in any lift
    heavy = li is None and mass > ergo.niosh_load_constant_kg.value
    if not load.unsafe and not heavy and (li is None or li <= ergo.risk_lifting_index.value):
        return None
    remedies: list[object] = []
    small = False
    if cobot.label in ("candidate", "assist") and cobot.model is not None:
        name = f"{cobot.model.manufacturer} {cobot.model.model}"
        least = params.carving.min_cobot_added_hours.value
        small = hours < least - 0.005
        key = "remedy.cobot_small" if small else "remedy.cobot"
        said_cobot = {"model": name, "hours": least}
        remedies.append(
            bilingual(
                Reason(key, said_cobot).text("nl"),
                Reason(key, said_cobot).text("en"),
            )
        )
    elif cobot.label == "guarded_cell":
        remedies.append("remedy.guarded_cell")
    # the lifting supports, and of them those the model says cannot be used here
    lifting = [s for s in cats.supports.values() if s.closes.get("lifting")]
    unusable = any(s.id in info.aids_unusable for s in lifting)
    aid_names = [
        s.id for s in lifting if s.id not in info.aids_in_use and applies(s, context) is not False
    ]
    # a load two people may not lift together: no lighter load or better lift by hand
    # (a reading of the sunshade maker: "a lighter load or a better lift" for 80 kg
    # awnings carried by two)
    team = team_lift_limit(params.split, ergo.niosh_load_constant_kg.value)
    # the company's aid ruled out here while an aid of its kind would serve this work: one
    # made for this load is named too, before a robot cell, the proportionate measure (a
    # reading of the office chair maker: a guarded robot cell and "the load closer to the
    # body" for a 12.5 kg chair top at station 3, where a balancer is the adviser's remedy)
    wider = dataclasses.replace(context, aids_unusable=())
    other_aid = not aid_names and any(
        s.id in info.aids_unusable and applies(s, wider) is not False for s in lifting
    )
    # before a robot cell, and before a cobot that serves only in a cell with other work
    # (a diff review: the cell named first, the aid after it)
    cells = [i for i, r in enumerate(remedies) if r == "remedy.guarded_cell" or (i == 0 and small)]
    at = cells[0] if cells else None
    aid = (
        "remedy.lifting_aid"
        if aid_names
        else "remedy.other_aid"
        if other_aid and remedies and not load.unsafe and mass <= team
        else None
    )
    if aid is not None:
        remedies.insert(len(remedies) if at is None else at, aid)
    if load.unsafe or not remedies:
        # fewer lifts help only where the lift itself is within the limit when rare (a
        # review: "fewer lifts" offered for 25 kg sacks at LI 3.8, 3.6 however rare)
        rare = load.rare_lifting_index
        heavy_lift = (rare is not None and rare > 1) or (li is None and heavy)
        # where the model says the company's lifting aid cannot be used here, the remedy is
        # another aid, made for this load (a reading of the ladder maker: "a lifting aid at
        # this workstation" for 3.5 m ladders its vacuum lifter cannot take)
        if heavy_lift and mass > team:
            remedies.append("remedy.mechanical")
        elif heavy_lift:
            remedies.append("remedy.load_other_aid" if unusable else "remedy.load")
        else:
            remedies.append("remedy.redesign")
    lift = context.handling.lift
    # where the lift itself loses most (an adviser's reading: "removed by a lifting aid" for
    # 80 lifts an hour of 300 parts, where the reach of 55 cm halves the limit): named as a
    # remedy only where changing those parts brings the index to 1 (a diff review: "a
    # better lift" offered for a 48 kg load at LI 7.3), and the frequency only where the
    # model gives it (an assumed rate is no figure of the floor)
    weak = [(k, m, gain) for k, m, gain in load.weak if k != "f" or load.assumed is None][:2]
    if (
        weak
        and lift is not None
        and li is not None
        and li * math.prod(gain for _k, _m, gain in weak) <= ergo.risk_lifting_index.value
    ):
        now: dict[str, dict[str, float]] = {
            "h": {"cm": lift.horizontal_cm},
            "v": {"cm": lift.vertical_cm},
            "d": {"cm": lift.travel_cm},
            "a": {"deg": lift.asymmetry_deg},
            "f": {"n": round(load.reason.params.get("per_hour", 0.0))},
            "c": {},
        }
        factors = [Reason(f"remedy.factor.{k}", {**now[k], "m": m}) for k, m, _g in weak]
        remedies.append(
            bilingual(
                *(
                    Reason(
                        "remedy.lift_factors", {"factors": [f.text(lang) for f in factors]}
                    ).text(lang)
                    for lang in LANGUAGES
                )
            )
        )
    removed_by = (
        tuple([cobot.model.id] if cobot.label in ("candidate", "assist") and cobot.model else [])
        + (("guarded_cell",) if cobot.label == "guarded_cell" else ())
        + tuple(aid_names)
    )
    level: LiftingRiskLevel
    said: dict[str, object] = {"li": li or 0.0, "remedies": remedies}
    if load.unsafe:
        level, key = "not_rated", "ergo.risk_unsafe"
    elif li is not None and li >= ergo.high_risk_lifting_index.value:
        level, key = "high", "ergo.risk_high"
    elif heavy:
        level, key = "increased", "ergo.risk_mass"
        said = {"mass": mass, "lc": ergo.niosh_load_constant_kg.value, "remedies": remedies}
    else:
        level, key = "increased", "ergo.risk"
    if info.lifting_aid_in_use and key in ("ergo.risk", "ergo.risk_high"):
        key += "_aid"
    return LiftingRisk(li, level, removed_by, Reason(key, said))


def _screening_problems(
    process: ProcessModel,
    cats: Catalogs,
    problem: Callable[[tuple[str | int, ...], str], Problem],
) -> list[Problem]:
    """Unknown activities, aids in use and restriction kinds, each with its location."""
    problems: list[Problem] = []
    params = cats.params
    rules = {r.id for r in params.restrictions} if params is not None else set()

    def walk(tasks: Sequence[Task], loc: tuple[str | int, ...]) -> None:
        for i, task in enumerate(tasks):
            here = (*loc, i)
            for j, act in enumerate(task.activities or []):
                if cats.activities and act not in cats.activities:
                    problems.append(
                        problem(
                            (*here, "activities", j),
                            f'unknown activity "{act}"; known: {", ".join(sorted(cats.activities))}',
                        )
                    )
            for field in ("aids_in_use", "aids_unusable"):
                for j, aid in enumerate(getattr(task, field)):
                    if aid not in cats.supports:
                        problems.append(
                            problem(
                                (*here, field, j),
                                f'unknown support "{aid}"; see `jobcarve catalog supports`',
                            )
                        )
            walk(task.subtasks, (*here, "subtasks"))

    walk(process.tasks, ("tasks",))
    for i, profile in enumerate(process.profiles):
        for j, restriction in enumerate(profile.restrictions):
            if restriction.kind not in rules:
                problems.append(
                    problem(
                        ("profiles", i, "restrictions", j, "kind"),
                        f'unknown restriction "{restriction.kind}"; known: {", ".join(sorted(rules))}',
                    )
                )
            elif restriction.kind == "max_lift_kg" and restriction.value is None:
                problems.append(
                    problem(
                        ("profiles", i, "restrictions", j),
                        "restriction max_lift_kg needs a value (kg)",
                    )
                )
    return problems
