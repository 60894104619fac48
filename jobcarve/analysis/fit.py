"""Fit of a task or unit for a worker profile on the 13 demand dimensions.

Matching rule of the domain brief (sec. 2.5): a task fits when capacity >= demand on every
dimension. Each gap is closed by the support the profile can use (its own list, else the
company's: `profile_supports`) that closes the most levels on that dimension; supports do
not add up on one dimension, which keeps the verdict on the safe side.

A support closes a gap only where it applies (``applies_to`` in supports.yaml: the kinds
of activity and handling it helps with); where the task's activities are unknown, a
support that needs an activity does not apply, while one that only excludes some does. Supports already in use on the task
(``aids_in_use``) are part of today's demands: they are neither counted again nor proposed.
A tapering support (the job coach) is flagged as temporary. Only job rotation closes
repetitive hand-arm work (up to its ``max_demand``), and the unit then needs rotation in
the carved job. Restrictions
stated in physical terms cap capacities or exclude work, as assessment.yaml maps them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from jobcarve.catalog import (
    FitParams,
    RestrictionRule,
    Support,
    checks_hit,
    profile_restrictions,
)
from jobcarve.messages import Reason, bilingual
from jobcarve.model import AMBIENT_EXPOSURES, DIMENSIONS, Handling, Profile
from jobcarve.results import Fit, Gap


@dataclass(frozen=True)
class FitContext:
    """What the fit needs to know of the work besides its demands.

    ``activities`` None means unknown: supports that need an activity then do not apply.
    """

    activities: tuple[str, ...] | None = None
    handling: Handling = field(default_factory=Handling)
    aids_in_use: tuple[str, ...] = ()
    #: supports the modeller says cannot be used on this work (not at its workstation, ...)
    aids_unusable: tuple[str, ...] = ()
    unsafe: bool = False
    shifts: int = 1
    rules: tuple[RestrictionRule, ...] = ()
    mass_bands_kg: tuple[float, ...] = ()
    lifting_aid_in_use: bool = False
    #: dangerous work (assessment.yaml fit.dangerous_work: a vibrating hazardous hand tool,
    #: hazardous substances): not work for a new job
    dangerous: bool = False
    #: activities of the work's parts (a task done whole with its subtasks): a restriction
    #: that excludes an activity excludes the whole task when one part has it
    part_activities: tuple[str, ...] = ()
    #: when the work is done (the task's `shift`): any, every (shift) or night
    shift: str = "any"
    #: new jobs may hold night work (`carving.night_work_in_new_jobs`)
    night_in_new_jobs: bool = True


def profile_supports(
    profile: Profile, company: Sequence[str], supports: dict[str, Support]
) -> list[Support]:
    """Supports a profile can use, and job rotation (work organisation, open to everyone).

    A profile that lists supports can use those: the modeller chose them for this
    archetype (the company's lifting aid is not the tool of a profile whose list leaves it
    out). A profile without a list can use every support the company provides.
    """
    ids = set(profile.supports) if profile.supports else set(company)
    # catalogue order: simplest first
    return [s for s in supports.values() if s.id in ids or s.rotation]


def for_profile(support: Support, capacities: dict[str, int]) -> Support | None:
    """The support as it works for a profile with these capacities (None: it closes nothing).

    A gap a support closes only for some limitation (``closes_only_below``) stays open for
    a profile without that limitation.
    """
    if not support.closes_only_below:
        return support
    closes = {
        d: n
        for d, n in support.closes.items()
        if all(capacities[c] < level for c, level in support.closes_only_below.get(d, {}).items())
    }
    if closes == support.closes:
        return support
    return support.model_copy(update={"closes": closes}) if closes else None


def applies(support: Support, context: FitContext) -> bool | None:
    """Whether `support` applies to the work: True, False, or None (activities unknown)."""
    if support.id in context.aids_unusable:
        return False
    cond = support.applies_to
    if cond is None:
        return True
    h = context.handling
    if cond.min_part_mass_kg is not None and (h.part_mass_kg or 0) < cond.min_part_mass_kg:
        return False
    if cond.stationary and h.walking:
        return False
    if (
        cond.max_part_size_mm is not None
        and h.part_size_mm is not None
        and h.part_size_mm > cond.max_part_size_mm
    ):
        return False
    if cond.max_variants is not None and h.variants is not None and h.variants > cond.max_variants:
        return False
    if context.activities is None:
        # exclusions need known activities to exclude; a required activity needs them to apply
        return None if cond.activities_any else True
    acts = set(context.activities)
    if cond.activities_any and not acts & set(cond.activities_any):
        return False
    if acts & set(cond.activities_none):
        return False
    only = set(cond.activities_not_only)
    return not (only and acts <= only)


def closes(support: Support, dimension: str, demand: int) -> int:
    """Levels of gap `support` closes on `dimension` at this demand (0 above its max_demand)."""
    if demand > support.max_demand.get(dimension, 4):
        return 0
    return support.closes.get(dimension, 0)


def _smallest_cover(
    needed: dict[str, int], demands: dict[str, int], available: Sequence[Support]
) -> list[Support]:
    """The fewest supports (catalogue order breaks ties) that close the most gaps.

    Supports are listed simplest first in supports.yaml (picture instructions before
    projected instructions), so the first smallest set is the simplest one.
    """
    useful = [s for s in available if any(closes(s, d, demands[d]) >= n for d, n in needed.items())]

    def closed(combo: tuple[Support, ...]) -> int:
        return sum(
            1 for d, n in needed.items() if any(closes(s, d, demands[d]) >= n for s in combo)
        )

    best: tuple[Support, ...] = ()
    best_closed = 0
    for size in range(1, min(len(useful), 4) + 1):
        for combo in itertools.combinations(useful, size):
            count = closed(combo)
            if count > best_closed:
                best, best_closed = combo, count
        if best_closed == len(needed):
            break
    return list(best)


def _name(s: Support) -> dict[str, str]:
    return bilingual(s.name_nl, s.name_en)


def _restrictions(
    profile: Profile, context: FitContext, capacities: dict[str, int], demands: dict[str, int]
) -> tuple[dict[str, int], list[tuple[str, Reason]], list[Reason], list[Reason]]:
    """Capped capacities, (dimension, reason) per cap, exclusions and schedule notes.

    A load heavier than a ``max_lift_kg`` restriction is a lifting gap of at least one
    level whatever the load band says (only a lifting aid that applies can close it); where
    a lifting aid is already in use, the aid takes the load and the rule does not apply.
    """
    rules = {r.id: r for r in context.rules}
    capped = dict(capacities)
    caps: list[tuple[str, Reason]] = []
    excluded: list[Reason] = []
    notes: list[Reason] = []
    for restriction in profile_restrictions(profile, context.rules):
        rule = rules.get(restriction.kind)
        if rule is None:
            continue
        value = restriction.value if restriction.value is not None else 0.0
        name = bilingual(rule.named(value, "nl"), rule.named(value, "en"))
        limits = dict(rule.caps)
        if rule.lift_mass_cap and context.mass_bands_kg:
            limits["lifting"] = bisect.bisect_left(list(context.mass_bands_kg), value)
            h = context.handling
            # a lifting aid already in use takes the load: the person does not lift it. The
            # person lifts the part where the model counts the lifts, or says the work is
            # lifting without a count (blind case 88: a 6 kg packet laid into a press)
            lifts = h.lifted or "lifting" in {*(context.activities or ()), *context.part_activities}
            # the heaviest load, where loads vary (cartons of 8-18 kg for a 10 kg limit)
            heavy = lifts and (h.heaviest_kg or 0) > value
            if heavy and not context.lifting_aid_in_use:
                limits["lifting"] = min(limits["lifting"], max(0, demands["lifting"] - 1))
        for dim, level in limits.items():
            if level < capped[dim]:
                capped[dim] = level
                caps.append(
                    (
                        dim,
                        Reason(
                            "fit.restriction_cap",
                            {"restriction": name, "dimension": dim, "level": level},
                        ),
                    )
                )
        flags: list[str] = [f for f in rule.excludes if getattr(context.handling, f, None)]
        acts = {*(context.activities or ()), *context.part_activities}
        # an activity stands for the rule's exposure where the model does not state it:
        # cleaning is wet work unless the unit says it is dry (wet_work: false: sweeping,
        # blowing out a bin), as the job card reads it (a review); cleaning agents are the
        # hazardous_substance flag's, excluded above where stated
        exposures = [f for f in rule.excludes if f in AMBIENT_EXPOSURES]
        stated_clear = bool(exposures) and all(
            getattr(context.handling, f, None) is False for f in exposures
        )
        if not stated_clear:
            flags += [a for a in rule.excludes_activities if a in acts]
        for flag in flags:
            excluded.append(
                Reason("fit.restriction_excludes", {"restriction": name, "flag": f"flag.{flag}"})
            )
        notes += [
            Reason(
                "fit.restriction_check",
                {"restriction": name, "condition": bilingual(check.nl, check.en)},
            )
            for check in checks_hit(rule, context.handling, acts)
        ]
        if rule.no_night_work and context.shift == "night":
            excluded.append(
                Reason("fit.restriction_excludes", {"restriction": name, "flag": "flag.night"})
            )
        elif rule.day_shift_only and context.shift == "every" and context.shifts >= 2:
            # the plan gives such a profile only the day shift's share (carving.instance)
            notes.append(
                Reason(
                    "fit.restriction_day_share",
                    {"restriction": name, "shifts": context.shifts},
                )
            )
        elif rule.no_night_work and context.shift == "every" and context.shifts >= 3:
            # the plan gives such a profile no night share of the work (carving.instance)
            notes.append(
                Reason(
                    "fit.restriction_night_share",
                    {"restriction": name, "shifts": context.shifts},
                )
            )
        elif rule.schedule_en and context.shifts >= (2 if rule.day_shift_only else 3):
            notes.append(
                Reason(
                    "fit.restriction_schedule",
                    {
                        "restriction": name,
                        "condition": bilingual(rule.schedule_nl, rule.schedule_en),
                    },
                )
            )
    return capped, caps, excluded, notes


def assess_fit(
    demands: dict[str, int],
    profile: Profile,
    available: Sequence[Support],
    params: FitParams,
    context: FitContext | None = None,
) -> Fit:
    """Verdict `fits`, `fits_with_support` or `not_accessible`, with every gap listed.

    (`needs_split` is decided per task, from the fit of its units.)
    """
    ctx = context if context is not None else FitContext()
    capacities, caps, excluded, notes = _restrictions(
        profile, ctx, profile.capacities.as_dict(), demands
    )
    in_use = [s for s in available if s.id in ctx.aids_in_use]
    available = [x for s in available if (x := for_profile(s, capacities)) is not None]
    usable = [s for s in available if s.id not in ctx.aids_in_use and applies(s, ctx)]
    needed = {d: demands[d] - capacities[d] for d in DIMENSIONS if demands[d] > capacities[d]}
    context_reasons: list[Reason] = []
    if in_use:
        context_reasons.append(Reason("fit.aids_in_use", {"aids": [_name(s) for s in in_use]}))
    context_reasons += [r for dim, r in caps if dim in needed]
    context_reasons += notes
    if ctx.shift == "night" and not ctx.night_in_new_jobs and not excluded:
        # the plan keeps night work out of new jobs (carving.night_work_in_new_jobs)
        context_reasons.append(Reason("fit.night_not_in_new_jobs"))
    gap_of = {d: Gap(d, demands[d], capacities[d], None) for d in needed}  # filled below
    if ctx.unsafe or ctx.dangerous or excluded:
        first = (
            [Reason("fit.unsafe")] * ctx.unsafe
            + [Reason("fit.dangerous_work")] * ctx.dangerous
            + excluded
        )
        return Fit(
            profile.id,
            "not_accessible",
            tuple(gap_of.values()),
            (),
            (*first, *context_reasons),
        )
    chosen = _smallest_cover(needed, demands, usable)
    gaps: list[Gap] = []
    open_dims: list[str] = []
    for dim, size in needed.items():
        closer = next((s for s in chosen if closes(s, dim, demands[dim]) >= size), None)
        gaps.append(
            Gap(
                dim,
                demands[dim],
                capacities[dim],
                closer.id if closer else None,
                temporary=closer is not None and closer.taper is not None,
            )
        )
        if closer is None:
            open_dims.append(dim)
    used = {g.closed_by for g in gaps if g.closed_by}
    gap_reasons = tuple(
        Reason("fit.gap", {"dimension": g.dimension, "demand": g.demand, "capacity": g.capacity})
        for g in gaps
    )
    if not gaps:
        reasons: list[Reason] = [Reason("fit.fits")]
        margin = int(params.over_capacity_margin.value)
        spare = sum(1 for d in DIMENSIONS if capacities[d] - demands[d] >= margin)
        if spare >= params.over_capacity_dimensions.value:
            reasons.append(Reason("fit.under_challenge", {"count": spare}))
        return Fit(profile.id, "fits", (), (), (*reasons, *context_reasons))
    closed = [g.dimension for g in gaps if g.closed_by]
    if not open_dims and len(closed) > params.max_supported_gaps.value:
        # supports compensate a limitation; a profile short on this much of the work is a
        # mismatch, however many supports there are (assessment.yaml fit.max_supported_gaps)
        many = Reason(
            "fit.too_many_gaps",
            {
                "count": len(closed),
                "max": int(params.max_supported_gaps.value),
                "dimensions": closed,
            },
        )
        return Fit(
            profile.id, "not_accessible", tuple(gaps), (), (many, *gap_reasons, *context_reasons)
        )
    if not open_dims:
        used_supports = [s for s in usable if s.id in used]
        reason = Reason(
            "fit.with_support",
            {
                "supports": [_name(s) for s in used_supports],
                "dimensions": [g.dimension for g in gaps],
            },
        )
        why: list[Reason] = []
        for s in used_supports:
            if s.rotation:
                why.append(Reason("fit.rotation", {"share": s.max_share_of_job or 0.0}))
            elif s.taper is not None:
                shares = s.taper.hours_share_by_year
                why.append(
                    Reason(
                        "fit.temporary_support",
                        {
                            "support": _name(s),
                            "shares": " / ".join(f"{x:.1%}".replace(".0%", "%") for x in shares),
                            "years": len(shares),
                            "dimensions": [g.dimension for g in gaps if g.closed_by == s.id],
                        },
                    )
                )
            elif s.applies_to is not None:
                why.append(
                    Reason(
                        "fit.support_applies",
                        {
                            "support": _name(s),
                            "why": bilingual(s.applies_to.reason_nl, s.applies_to.reason_en),
                        },
                    )
                )
        return Fit(
            profile.id,
            "fits_with_support",
            tuple(gaps),
            tuple(sorted(used)),
            (reason, *why, *gap_reasons, *context_reasons),
        )
    reason = Reason("fit.not_accessible", {"dimensions": open_dims})
    # supports the profile has that would close an open gap but do not apply here
    would = [
        s
        for s in available
        if s.id not in ctx.aids_in_use
        and s not in usable
        and any(closes(s, d, demands[d]) >= needed[d] for d in open_dims)
    ]
    above = [
        Reason(
            "fit.above_support_max",
            {"support": _name(s), "dimension": d, "demand": demands[d], "max": s.max_demand[d]},
        )
        for s in usable
        for d in open_dims
        if s.closes.get(d, 0) >= needed[d] and closes(s, d, demands[d]) == 0
    ]
    unknown = [s for s in would if applies(s, ctx) is None]
    not_here = [
        Reason(
            "fit.support_not_here",
            {
                "support": _name(s),
                "why": bilingual(s.applies_to.reason_nl, s.applies_to.reason_en),
            },
        )
        for s in would
        if s.applies_to is not None and s.id not in ctx.aids_unusable and applies(s, ctx) is False
    ]
    not_here += [
        Reason("fit.support_unusable", {"support": _name(s)})
        for s in would
        if s.id in ctx.aids_unusable
    ]
    if unknown:
        not_here.append(Reason("fit.activities_unknown", {"supports": [_name(s) for s in unknown]}))
    return Fit(
        profile.id,
        "not_accessible",
        tuple(gaps),
        (),
        (reason, *gap_reasons, *above, *not_here, *context_reasons),
    )
