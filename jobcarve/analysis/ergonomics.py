"""Ergonomic load: the revised NIOSH lifting equation, and a simpler load band without geometry.

Both feed the lifting dimension of the fit and the ergonomic part of the cobot benefit.
Constants and tables come from ``task_catalogs/assessment.yaml`` (NIOSH 94-110, BAuA KIM).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from jobcarve.catalog import ErgonomicsParams
from jobcarve.messages import Reason
from jobcarve.model import Handling, Lift


def frequency_multiplier(
    lifts_per_min: float, duration_h: float, vertical_cm: float, params: ErgonomicsParams
) -> float:
    """NIOSH FM: the table row at or above the lift frequency (rounded up, conservative)."""
    rows = params.niosh_frequency_table.rows
    column = 0 if duration_h <= 1 else 1 if duration_h <= 2 else 2
    if vertical_cm >= 75:
        column += 3
    for row in rows:
        if lifts_per_min <= row[0]:
            return row[1 + column]
    return 0.0


def recommended_weight_limit(
    lift: Lift, lifts_per_min: float, duration_h: float, params: ErgonomicsParams
) -> float:
    """RWL = LC x HM x VM x DM x AM x FM x CM in kg (NIOSH 94-110, metric)."""
    h = max(lift.horizontal_cm, 25.0)
    hm = 0.0 if h > 63 else 25.0 / h
    v = lift.vertical_cm
    vm = 0.0 if v > 175 else max(0.0, 1 - 0.003 * abs(v - 75))
    d = max(lift.travel_cm, 25.0)
    dm = 0.0 if d > 175 else 0.82 + 4.5 / d
    a = lift.asymmetry_deg
    am = 0.0 if a > 135 else 1 - 0.0032 * a
    fm = frequency_multiplier(lifts_per_min, duration_h, v, params)
    coupling: list[float] = getattr(params.niosh_coupling, lift.coupling)
    cm = coupling[0 if v < 75 else 1]
    return params.niosh_load_constant_kg.value * hm * vm * dm * am * fm * cm


@dataclass(frozen=True)
class LiftingLoad:
    """The lifting demand a load implies, with its lifting index where geometry is given."""

    level: int
    lifting_index: float | None
    reason: Reason


def lifting_load(
    handling: Handling,
    seconds_per_unit: float | None,
    hours_per_week: float,
    shifts: int,
    params: ErgonomicsParams,
) -> LiftingLoad | None:
    """Lifting demand (0-4) from the handling attributes, or None without a load.

    With lift geometry, the NIOSH lifting index decides the band; without it, the load
    mass band of KIM-LHC, raised by one at high lift frequency.
    """
    mass = handling.part_mass_kg
    lifts = handling.lifts_per_unit
    if mass is None or not lifts or mass <= 0:
        return None
    lifts_per_min = lifts * 60 / seconds_per_unit if seconds_per_unit else 0.2
    duration_h = min(8.0, hours_per_week / (5 * shifts))
    if handling.lift is not None:
        rwl = recommended_weight_limit(handling.lift, lifts_per_min, duration_h, params)
        li = mass / rwl if rwl > 0 else float("inf")
        level = 1 + bisect.bisect_left(params.lifting_index_bands.value, li)
        level = min(level, 4)
        shown_li = min(li, 99.0)
        return LiftingLoad(
            level,
            shown_li,
            Reason("ergo.niosh", {"li": shown_li, "rwl": rwl, "mass": mass, "level": level}),
        )
    level = bisect.bisect_left(params.load_mass_bands_kg.value, mass)
    per_hour = lifts_per_min * 60
    if per_hour > params.high_frequency_lifts_per_hour.value and level > 0:
        level += 1
    level = min(level, 4)
    return LiftingLoad(
        level, None, Reason("ergo.mass_band", {"mass": mass, "per_hour": per_hour, "level": level})
    )
