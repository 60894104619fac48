"""The sensitivity of the business case: break-even value of a freed hour and tornado."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jobcarve.economics.defaults import Rates, _year_weights
from jobcarve.economics.figures import PlanFigures, scaled_figures
from jobcarve.model import ProcessModel

if TYPE_CHECKING:
    from jobcarve.economics.case import BusinessCase


@dataclass(frozen=True)
class TornadoBar:
    """The net per year with one input at its low and at its high value."""

    key: str
    low_value: float
    high_value: float
    net_at_low: float
    net_at_high: float

    @property
    def swing(self) -> float:
        return abs(self.net_at_high - self.net_at_low)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.key,
            "low": round(self.low_value, 4),
            "high": round(self.high_value, 4),
            "net_eur_per_year_at_low": round(self.net_at_low, 2),
            "net_eur_per_year_at_high": round(self.net_at_high, 2),
        }


@dataclass(frozen=True)
class Sensitivity:
    """The break-even value of a freed hour and the inputs that move the net most."""

    released_hours_per_week: float
    value_eur_per_released_hour: float | None
    break_even_eur_per_released_hour: float | None
    tornado: tuple[TornadoBar, ...]
    base_net_eur_per_year: float
    #: the released hours a year the value per hour is over: the hours a week x the
    #: production weeks x the years' average of the ramp-up (a reading: "worth EUR 29.25"
    #: could not be traced)
    weeks_per_year: float = 0.0
    ramp_share: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        def r2(x: float | None) -> float | None:
            return None if x is None else round(x, 2)

        return {
            "released_hours_per_week": round(self.released_hours_per_week, 3),
            "value_eur_per_released_hour": r2(self.value_eur_per_released_hour),
            "break_even_eur_per_released_hour": r2(self.break_even_eur_per_released_hour),
            "base_net_eur_per_year": round(self.base_net_eur_per_year, 2),
            "tornado": [b.to_dict() for b in self.tornado],
        }


#: Inputs the tornado may move: (key, how). "rate" moves a rate over its range (or +-the
#: tornado spread); "scale" moves a factor around 1.
TORNADO_INPUTS: tuple[tuple[str, str], ...] = (
    ("loonwaarde_scale", "scale"),
    ("freed_hour_value_factor", "rate"),
    ("hours_scale", "scale"),
    ("cobot_cell_cost_eur", "rate"),
    ("minimum_wage_eur_per_hour", "rate"),
    ("employer_charges_share", "rate"),
    ("coaching_hours_per_week", "rate"),
    ("jobcoach_rate_eur_per_hour", "rate"),
    ("jobcoach_reimbursed_share", "rate"),
    ("support_reimbursed_share", "rate"),
    ("ramp_up_year1_share", "rate"),
    ("vacancy_value_factor", "rate"),
    ("agency_premium_share", "rate"),
    ("cobot_maintenance_eur_per_year", "rate"),
)

#: Legal floors among those inputs: the tornado moves them up only (the statutory minimum
#: wage is what a new worker earns at least; a cao scale pays more, nothing pays less).
FLOORS = frozenset({"minimum_wage_eur_per_hour"})

#: Inputs that are shares of a whole (0-1): the tornado keeps them within it (the agency
#: premium is a share of the wage that may pass 1, and is not among them).
SHARES = frozenset(
    {
        "jobcoach_reimbursed_share",
        "support_reimbursed_share",
        "ramp_up_year1_share",
        "employer_charges_share",
    }
)

#: The most inputs a tornado shows.
TORNADO_BARS = 8


def sensitivity_of(
    process: ProcessModel,
    figures: PlanFigures,
    r: Rates,
    case: BusinessCase,
    draw: dict[str, float],
) -> Sensitivity:
    """Break-even value of a freed hour and the tornado of the inputs that move the net most."""
    from jobcarve.economics.case import business_case  # the case calls this module

    v = {**r.values, **draw}
    horizon, ramp = _year_weights(v)
    prod = process.planning.weeks_per_year
    released = sum(b.released_hours_per_week for b in figures.balance)
    value_line = case.line("value_freed_hours")
    weight = released * prod * sum(ramp) / horizon  # released hours per year (average)
    per_hour = value_line / weight if weight > 0 else None
    break_even = (value_line - case.net_eur_per_year) / weight if weight > 0 else None
    spread = v["tornado_spread_share"]
    bars: list[TornadoBar] = []
    for key, how in TORNADO_INPUTS:
        if how == "scale":
            s = v["loonwaarde_spread_share"] if key == "loonwaarde_scale" else spread
            base = draw.get(key, 1.0)
            low, high = base * (1 - s), base * (1 + s)
        else:
            base = v[key]
            if key in r.ranges and key not in draw:
                low, high = r.ranges[key]
            else:
                low, high = base * (1 - spread), base * (1 + spread)
            if key in FLOORS:
                low = max(low, base)
            if key in SHARES:
                # a share of a whole: the job coach reimbursed at 100% +- 20% is 80-100%
                low, high = max(0.0, low), min(1.0, high)
        nets = []
        for value in (low, high):
            if key == "hours_scale":
                moved = business_case(
                    process, scaled_figures(process, figures, value), r, sensitivity=False, **draw
                )
            elif key == "minimum_wage_eur_per_hour":
                # a wage paid above the minimum (a CAO scale): the loonkostensubsidie stays on
                # the statutory minimum (Participatiewet), so only the wage paid moves
                moved = business_case(
                    process,
                    figures,
                    r,
                    sensitivity=False,
                    **{**draw, "wage_paid_scale": value / base if base else 1.0},
                )
            else:
                moved = business_case(
                    process, figures, r, sensitivity=False, **{**draw, key: value}
                )
            nets.append(moved.net_eur_per_year)
        bar = TornadoBar(key, low, high, nets[0], nets[1])
        # an input that moves the net exactly like one shown already (say the value of
        # vacancy work when every freed hour fills a vacancy) adds nothing to the chart
        same = any(
            abs(b.net_at_low - bar.net_at_low) < 0.5 and abs(b.net_at_high - bar.net_at_high) < 0.5
            for b in bars
        )
        if bar.swing > 0.5 and not same:
            bars.append(bar)
    bars.sort(key=lambda b: -b.swing)
    return Sensitivity(
        released,
        per_hour,
        break_even,
        tuple(bars[:TORNADO_BARS]),
        case.net_eur_per_year,
        prod,
        sum(ramp) / horizon,
    )
