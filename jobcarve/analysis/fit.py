"""Fit of a task or unit for a worker profile on the 13 demand dimensions.

Matching rule of the domain brief (sec. 2.5): a task fits when capacity >= demand on every
dimension. Each gap is closed by the support (available to the profile or provided by the
company) that closes the most levels on that dimension; supports do not add up on one
dimension, which keeps the verdict on the safe side.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from jobcarve.catalog import FitParams, Support
from jobcarve.messages import Reason, bilingual
from jobcarve.model import DIMENSIONS, Profile
from jobcarve.results import Fit, Gap


def profile_supports(
    profile: Profile, company: Sequence[str], supports: dict[str, Support]
) -> list[Support]:
    """Supports a profile can use: its own and those the company provides."""
    ids = set(profile.supports) | set(company)
    return [s for s in supports.values() if s.id in ids]  # catalogue order: simplest first


def _smallest_cover(needed: dict[str, int], available: Sequence[Support]) -> list[Support]:
    """The fewest supports (catalogue order breaks ties) that close the most gaps.

    Supports are listed simplest first in supports.yaml (picture instructions before
    projected instructions), so the first smallest set is the simplest one.
    """
    useful = [s for s in available if any(s.closes.get(d, 0) >= n for d, n in needed.items())]

    def closed(combo: tuple[Support, ...]) -> int:
        return sum(1 for d, n in needed.items() if any(s.closes.get(d, 0) >= n for s in combo))

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


def assess_fit(
    demands: dict[str, int], profile: Profile, available: Sequence[Support], params: FitParams
) -> Fit:
    """Verdict `fits`, `fits_with_support` or `not_accessible`, with every gap listed.

    (`needs_split` is decided per task, from the fit of its units.)
    """
    capacities = profile.capacities.as_dict()
    needed = {d: demands[d] - capacities[d] for d in DIMENSIONS if demands[d] > capacities[d]}
    chosen = _smallest_cover(needed, available)
    gaps: list[Gap] = []
    open_dims: list[str] = []
    for dim, size in needed.items():
        closer = next((s for s in chosen if s.closes.get(dim, 0) >= size), None)
        gaps.append(Gap(dim, demands[dim], capacities[dim], closer.id if closer else None))
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
        return Fit(profile.id, "fits", (), (), tuple(reasons))
    if not open_dims:
        names = [bilingual(s.name_nl, s.name_en) for s in available if s.id in used]
        reason = Reason(
            "fit.with_support", {"supports": names, "dimensions": [g.dimension for g in gaps]}
        )
        return Fit(
            profile.id,
            "fits_with_support",
            tuple(gaps),
            tuple(sorted(used)),
            (reason, *gap_reasons),
        )
    reason = Reason("fit.not_accessible", {"dimensions": open_dims})
    return Fit(profile.id, "not_accessible", tuple(gaps), (), (reason, *gap_reasons))
