"""How sure the headcount is: a seeded Monte Carlo over task times, volume and economics.

Each draw takes every task's time from a triangular distribution (its ``time_low`` /
time / ``time_high``, else +-15%), the weekly volume likewise (``units_per_week_low`` /
``_high``, else +-10%), every profile's loonwaarde scaled by one draw within
+-``loonwaarde_spread_share``, the cobot cell cost and the value of a freed hour
(``freed_hour_value_factor``: what the company makes of the hours its staff give up, the
least certain figure of the business case) from their ranges in economics.yaml; a model
that states its own factor fixes it.
It then re-plans from the optimised plan as a warm start (`jobcarve.carving.replan`, the
public re-planning function; this module only draws numbers and reads figures): the plan is repaired to the
drawn hours (jobs that grew too long lose the smallest part that brings them back within
the profile's hours, jobs that fell below the minimum hours or variety are dissolved, and
no role gives up more than its work balance allows), extended greedily with the freed
work into new jobs, with at most the plan's cobots, and then topped up: free work goes
into jobs that have hours to spare. The re-plan is a feasible plan, so each draw's
headcount is a lower bound on the optimum for that draw. Same seed, same figures.

Without the top-up the re-plan could only lose hours (a grown job is trimmed, a shrunk job
stays short), which pushed the ranges down. One bias is real and stays: when the plan's new
jobs are already at their profiles' most hours, longer task times cannot add FTE while
shorter ones take some away, so the plan's FTE is the top of what those jobs can hold and
may lie above the 90th percentile. The report says so where it happens.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from jobcarve.carving.plan import Plan
from jobcarve.carving.replan import replan
from jobcarve.economics import Rates, business_case, figures_from_assignment, rates
from jobcarve.model import ProcessModel


@dataclass(frozen=True)
class Spread:
    """Percentiles of a figure over the draws."""

    p10: float | None
    p50: float | None
    p90: float | None

    def to_dict(self) -> dict[str, float | None]:
        return {
            k: (None if v is None else round(v, 3)) for k, v in dataclasses.asdict(self).items()
        }


@dataclass(frozen=True)
class Uncertainty:
    """The spread of the plan's figures over the Monte Carlo draws."""

    draws: int
    seed: int
    extra_workers: Spread
    extra_fte: Spread
    net_eur_per_year: Spread
    payback_years: Spread | None  # None when the plan has no cobots
    payback_never_share: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "draws": self.draws,
            "seed": self.seed,
            "extra_workers": self.extra_workers.to_dict(),
            "extra_fte": self.extra_fte.to_dict(),
            "net_eur_per_year": self.net_eur_per_year.to_dict(),
            "payback_years": self.payback_years.to_dict() if self.payback_years else None,
            "payback_never_share": round(self.payback_never_share, 3),
            "method": "triangular draws of task times, volume, loonwaarde, cobot cost and the value of a freed hour; plan repaired and extended greedily from the optimised plan",
        }


def percentile(values: list[float], q: float) -> float | None:
    """Linear-interpolation percentile (q in 0..100); None for no values; inf stays inf."""
    if not values:
        return None
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    if data[hi] == math.inf:
        return math.inf if pos > lo or data[lo] == math.inf else data[lo]
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def _spread(values: list[float]) -> Spread:
    ps = [percentile(values, q) for q in (10, 50, 90)]
    return Spread(*[None if v is None or v == math.inf else v for v in ps])


def monte_carlo(
    process: ProcessModel,
    plan: Plan,
    *,
    draws: int | None = None,
    seed: int | None = None,
    r: Rates | None = None,
    progress: Callable[[str], None] | None = None,
) -> Uncertainty:
    """Percentiles of extra workers, FTE, net effect and cobot payback over seeded draws.

    ``progress`` gets a line after the first draw, then at most one a second, and after
    the last (each draw re-plans, so many draws of a large model take minutes).
    """
    r = r if r is not None else rates(process)
    n = int(
        draws
        if draws is not None
        else (process.options.draws if process.options.draws is not None else r["draws"])
    )
    seed = process.options.seed if seed is None else seed
    rng = random.Random(seed)
    tasks = {t.id: t for t in process.tasks}
    time_spread, volume_spread = r["default_time_spread_share"], r["default_volume_spread_share"]
    pl = process.planning
    v_low = (
        (pl.units_per_week_low / pl.units_per_week) if pl.units_per_week_low else 1 - volume_spread
    )
    v_high = (
        (pl.units_per_week_high / pl.units_per_week)
        if pl.units_per_week_high
        else 1 + volume_spread
    )
    # the economic ranges are the same in every draw (a model's own figure has none: fixed)
    lw = r["loonwaarde_spread_share"]
    cc_low, cc_high = r.ranges.get("cobot_cell_cost_eur", (r["cobot_cell_cost_eur"],) * 2)
    fv = r["freed_hour_value_factor"]
    fv_low, fv_high = r.ranges.get("freed_hour_value_factor", (fv, fv))
    workers, fte, net, payback = [], [], [], []
    started = shown = perf_counter()
    for number in range(1, n + 1):
        volume = rng.triangular(v_low, v_high, 1.0)
        factor: dict[str, float] = {}
        for tid, task in tasks.items():
            time = task.time_s_per_unit or task.time_min_per_batch or task.hours_per_week
            low = task.time_low / time if task.time_low and time else 1 - time_spread
            high = task.time_high / time if task.time_high and time else 1 + time_spread
            scale = rng.triangular(low, high, 1.0)
            factor[tid] = scale * (volume if task.hours_per_week is None else 1.0)
        draw = replan(plan, factor)
        figures = figures_from_assignment(process, draw.instance, draw.assignment)
        case = business_case(
            process,
            figures,
            r,
            sensitivity=False,
            loonwaarde_scale=rng.triangular(1 - lw, 1 + lw, 1.0),
            cobot_cell_cost_eur=rng.triangular(cc_low, cc_high, r["cobot_cell_cost_eur"]),
            freed_hour_value_factor=rng.triangular(fv_low, fv_high, fv),
        )
        workers.append(float(len(figures.job_hours)))
        fte.append(sum(figures.job_hours) / pl.hours_per_fte)
        net.append(case.net_eur_per_year)
        payback.append(
            case.cobot_payback_years if case.cobot_payback_years is not None else math.inf
        )
        if progress is not None:
            now = perf_counter()
            if number in (1, n) or now - shown >= 1.0:
                shown = now
                progress(f"  Monte Carlo draw {number}/{n} at {now - started:.1f} s")
    has_cobots = bool(plan.cobots)
    never = sum(1 for p in payback if p == math.inf) / n if n and has_cobots else 0.0
    return Uncertainty(
        n,
        seed,
        _spread(workers),
        _spread(fte),
        _spread(net),
        _spread(payback) if has_cobots else None,
        never,
    )
