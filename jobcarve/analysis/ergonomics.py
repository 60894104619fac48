"""Ergonomic load: the revised NIOSH lifting equation, and a simpler load band without geometry.

Both feed the lifting dimension of the fit and the ergonomic part of the cobot benefit.
Constants and tables come from ``task_catalogs/assessment.yaml`` (NIOSH 94-110, BAuA KIM).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from jobcarve.catalog import ErgonomicsParams
from jobcarve.messages import Reason
from jobcarve.model import WORKING_DAYS, Handling, Lift


def frequency_multiplier(
    lifts_per_min: float, duration_h: float, vertical_cm: float, params: ErgonomicsParams
) -> float:
    """NIOSH FM: the table row at or above the lift frequency (rounded up, conservative); a
    frequency within `frequency_rounding_share` above a row is that row (a model's rounded
    lifts per product: 0.04167 lifts a product at 0.5 s a product is 5.0004 lifts a minute,
    the 5-a-minute row)."""
    rows = params.niosh_frequency_table.rows
    column = 0 if duration_h <= 1 else 1 if duration_h <= 2 else 2
    if vertical_cm >= 75:
        column += 3
    rounding = 1 + params.frequency_rounding_share.value
    for row in rows:
        if lifts_per_min <= row[0] * rounding:
            return row[1 + column]
    return 0.0


def niosh_multipliers(
    lift: Lift, lifts_per_min: float, duration_h: float, params: ErgonomicsParams
) -> dict[str, float]:
    """The NIOSH multipliers of a lift (NIOSH 94-110, metric): horizontal `h`, vertical
    `v`, distance `d`, asymmetry `a`, frequency `f` and coupling `c`."""
    h = max(lift.horizontal_cm, 25.0)
    v = lift.vertical_cm
    d = max(lift.travel_cm, 25.0)
    a = lift.asymmetry_deg
    coupling: list[float] = getattr(params.niosh_coupling, lift.coupling)
    return {
        "h": 0.0 if h > 63 else 25.0 / h,
        "v": 0.0 if v > 175 else max(0.0, 1 - 0.003 * abs(v - 75)),
        "d": 0.0 if d > 175 else 0.82 + 4.5 / d,
        "a": 0.0 if a > 135 else 1 - 0.0032 * a,
        "f": frequency_multiplier(lifts_per_min, duration_h, v, params),
        "c": coupling[0 if v < 75 else 1],
    }


def recommended_weight_limit(
    lift: Lift, lifts_per_min: float, duration_h: float, params: ErgonomicsParams
) -> float:
    """RWL = LC x HM x VM x DM x AM x FM x CM in kg (NIOSH 94-110, metric)."""
    factors = niosh_multipliers(lift, lifts_per_min, duration_h, params)
    return params.niosh_load_constant_kg.value * math.prod(factors.values())


@dataclass(frozen=True)
class LiftingLoad:
    """The lifting demand a load implies, with its lifting index where geometry is given.

    ``unsafe``: the recommended weight limit is 0 (NIOSH frequency multiplier 0, or a lift
    outside the equation's range): as modelled nobody can do it safely, so it is not rated
    (``lifting_index`` is None). ``assumed``: the reason why the lifting frequency was assumed.
    """

    level: int
    lifting_index: float | None
    reason: Reason
    unsafe: bool = False
    assumed: Reason | None = None
    #: the lifting index if the lifts were rare (frequency multiplier 1): above 1, fewer lifts
    #: alone cannot make the lift safe (the load, the reach or the height must change)
    rare_lifting_index: float | None = None
    #: the lift's NIOSH multipliers below `ergonomics.weak_lift_multiplier` (key, value,
    #: what the index is multiplied by when that part is set right: the value, and for the
    #: frequency the value over its rarest row's at the same duration), lowest first
    weak: tuple[tuple[str, float, float], ...] = ()


def raised_lifting(load: LiftingLoad, rating: int, params: ErgonomicsParams) -> int | None:
    """The lifting demand a load imposes over the modeller's rating, or None if the rating stands.

    The load raises the rating where it implies at least ``raise_margin_levels`` more, or
    where nobody lifts it safely (an unsafe lift, a lifting index at or above the high-risk
    level); one level apart is within the bands' own uncertainty, and the rating of the
    adviser who saw the work stands (the lifting risk is flagged either way).
    """
    if load.level <= rating:
        return None
    high = load.unsafe or (
        load.lifting_index is not None
        and load.lifting_index >= params.high_risk_lifting_index.value
    )
    if high or load.level - rating >= params.raise_margin_levels.value:
        return load.level
    return None


def lifts_per_minute(
    handling: Handling,
    seconds_per_unit: float | None,
    typical_s: float | None,
    params: ErgonomicsParams,
) -> tuple[float, Reason | None]:
    """Lifts per minute, and a reason when the frequency had to be assumed.

    From the unit's time per product and ``lifts_per_unit``; else (fixed hours, or no lifts
    per unit given) from ``lifts_per_hour``, else from the
    catalogue template's typical time per product, else the policy default (never NIOSH's
    most favourable row).
    """
    lifts = handling.lifts_per_unit or 0.0
    if seconds_per_unit and lifts:
        return lifts * 60 / seconds_per_unit, None
    if handling.lifts_per_hour is not None:
        return handling.lifts_per_hour / 60, None
    if typical_s:
        per_min = lifts * 60 / typical_s
        return per_min, Reason(
            "ergo.frequency_assumed", {"per_min": per_min, "basis": "ergo.basis.template"}
        )
    per_min = params.default_lifts_per_min.value
    return per_min, Reason(
        "ergo.frequency_assumed", {"per_min": per_min, "basis": "ergo.basis.default"}
    )


def lifting_load(
    handling: Handling,
    seconds_per_unit: float | None,
    hours_per_week: float,
    shifts: int,
    params: ErgonomicsParams,
    typical_s: float | None = None,
    days: int | None = None,
) -> LiftingLoad | None:
    """Lifting demand (0-4) from the handling attributes, or None without a load.

    With lift geometry, the NIOSH lifting index decides the band; without it, the load
    mass band of KIM-LHC, raised by one at high lift frequency. `typical_s` is the
    catalogue template's typical seconds per product, used for tasks in fixed hours
    without ``lifts_per_hour``. `shifts`: the shifts a week the work is spread over (one
    for work bound to the day or the night shift); `days`: the days a week it is done
    (`Task.days_per_week`; None: every working day): the week's lifting falls on those.
    """
    mass = handling.part_mass_kg
    if mass is None or not handling.lifted:
        return None
    per_min, assumed = lifts_per_minute(handling, seconds_per_unit, typical_s, params)
    duration_h = min(8.0, hours_per_week / ((days or WORKING_DAYS) * shifts))
    if handling.lift is not None:
        rwl = recommended_weight_limit(handling.lift, per_min, duration_h, params)
        if rwl <= 0:
            fm = frequency_multiplier(per_min, duration_h, handling.lift.vertical_cm, params)
            key = "ergo.niosh_zero" if fm == 0 else "ergo.niosh_outside"
            return LiftingLoad(
                4,
                None,
                Reason(key, {"per_min": per_min, "hours": duration_h}),
                unsafe=True,
                assumed=assumed,
            )
        # the index as the report shows it (two decimals): "1.00 above 1" was a reading's
        # finding where 1.002 was compared and 1.00 shown
        # NIOSH rates a lift whose load varies at its heaviest load (94-110: the average and
        # the maximum weight are recorded, the index uses the maximum); the load band below
        # stays on the usual load
        mass = handling.heaviest_kg or mass
        li = round(mass / rwl, 2)
        lift = handling.lift
        inputs = {  # the equation's inputs, shown next to the index (a report review)
            "h": lift.horizontal_cm,
            "v": lift.vertical_cm,
            "d": lift.travel_cm,
            "a": lift.asymmetry_deg,
            "coupling": f"ergo.coupling.{lift.coupling}",
            "per_hour": per_min * 60,
            "hours": duration_h,
        }
        level = 1 + bisect.bisect_left(params.lifting_index_bands.value, li)
        level = min(level, 4)
        factors = niosh_multipliers(handling.lift, per_min, duration_h, params)
        # rare lifts (the table's first row) still cost at a long duration (0.85 over 2-8 h)
        rare = frequency_multiplier(0.2, duration_h, handling.lift.vertical_cm, params)
        weak = sorted(
            (v, k, v / rare if k == "f" and rare > 0 else v)
            for k, v in factors.items()
            if v < params.weak_lift_multiplier.value
        )
        return LiftingLoad(
            level,
            li,
            Reason("ergo.niosh", {"li": li, "rwl": rwl, "mass": mass, "level": level, **inputs}),
            assumed=assumed,
            rare_lifting_index=li * factors["f"],
            weak=tuple((k, v, gain) for v, k, gain in weak),
        )
    level = bisect.bisect_left(params.load_mass_bands_kg.value, mass)
    per_hour = per_min * 60
    # frequent lifts raise the band from KIM-LHC's second load row (5 kg); below it the
    # frequency is repetitive hand-arm work, the task's repetition demand
    if (
        per_hour > params.high_frequency_lifts_per_hour.value
        and level > 0
        and mass >= params.high_frequency_min_mass_kg.value
    ):
        level += 1
    level = min(level, 4)
    return LiftingLoad(
        level,
        None,
        Reason("ergo.mass_band", {"mass": mass, "per_hour": per_hour, "level": level}),
        assumed=assumed,
    )
