"""The business case of a plan: what the new jobs and cobots cost and what they pay back.

Defaults come from ``task_catalogs/economics.yaml`` (each with its source and date); a
model's ``economics:`` block overrides any of them. All amounts are euros per year
unless named otherwise. Formulas (domain brief sec. 4.2):

* wage cost of a new worker = hours x weeks x WML x (1 + holiday pay) x (1 + employer charges)
* loonkostensubsidie = min(1 - loonwaarde, cap) x hours x weeks x WML x (1 + holiday pay)
  x (1 + employer-cost supplement)
* coaching = coaching hours per week x weeks x the skilled hourly cost, per new worker
* cobots: depreciation = cell cost / years, plus maintenance per year
* value freed = hours per week freed in hard-to-fill roles x weeks x the role's hourly
  cost x value factor (hours freed in other roles are not counted: a conservative choice)
* payback of the cobots = cell costs / (value of the hard-to-fill hours the cobots free
  - maintenance), in years; none when that value does not exceed maintenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jobcarve.carving.plan import Plan
from jobcarve.catalog import Catalogs, EconomicsDefaults, load_catalogs
from jobcarve.model import ProcessModel
from jobcarve.results import Analysis


@dataclass(frozen=True)
class Rates:
    """The economic figures in force for one model: defaults with the model's overrides."""

    values: dict[str, float]
    sources: dict[str, str]
    ranges: dict[str, tuple[float, float]]

    def __getitem__(self, key: str) -> float:
        return self.values[key]


def rates(process: ProcessModel, catalogs: Catalogs | None = None) -> Rates:
    """The economic figures for a model, each with where it comes from."""
    cats = catalogs if catalogs is not None else load_catalogs()
    defaults = cats.economics
    if defaults is None:
        raise RuntimeError("task_catalogs/economics.yaml is missing")
    values: dict[str, float] = {}
    sources: dict[str, str] = {}
    ranges: dict[str, tuple[float, float]] = {}
    overrides = process.economics.model_dump(exclude_none=True)
    for name in EconomicsDefaults.model_fields:
        if name in ("format", "compiled"):
            continue
        param = getattr(defaults, name)
        if name in overrides:
            values[name] = float(overrides[name])
            sources[name] = f"model economics.{name}"
        else:
            values[name] = param.value
            sources[name] = param.source
            if param.low is not None and param.high is not None:
                ranges[name] = (param.low, param.high)
    return Rates(values, sources, ranges)


@dataclass(frozen=True)
class CaseLine:
    """One line of the business case."""

    key: str
    amount_eur_per_year: float
    formula: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "amount_eur_per_year": round(self.amount_eur_per_year, 2),
            "formula": self.formula,
        }


@dataclass(frozen=True)
class BusinessCase:
    """Yearly costs and benefits of a plan, the net effect and the cobots' payback."""

    lines: tuple[CaseLine, ...]
    net_eur_per_year: float
    cobot_investment_eur: float
    cobot_payback_years: float | None
    rates: dict[str, float] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def line(self, key: str) -> float:
        return next(item.amount_eur_per_year for item in self.lines if item.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [item.to_dict() for item in self.lines],
            "net_eur_per_year": round(self.net_eur_per_year, 2),
            "cobot_investment_eur": round(self.cobot_investment_eur, 2),
            "cobot_payback_years": None
            if self.cobot_payback_years is None
            else round(self.cobot_payback_years, 2),
            "rates": {k: round(v, 4) for k, v in self.rates.items()},
            "sources": self.sources,
        }


@dataclass(frozen=True)
class PlanFigures:
    """The few figures of a plan the business case needs (also built per Monte Carlo draw)."""

    job_hours: tuple[float, ...]  # hours per week of each carved job
    cobots: int
    freed_by_role: dict[str, float]  # hard-to-fill role -> hours per week freed (jobs and cobots)
    freed_by_cobot_role: dict[str, float]  # hard-to-fill role -> hours per week freed by cobots


def plan_figures(process: ProcessModel, analysis: Analysis, plan: Plan) -> PlanFigures:
    """The business-case inputs of a plan."""
    hard = {r.id for r in process.roles if r.hard_to_fill}
    role_of = {u.id: u.role for u in analysis.units}
    share = _assist_share()
    freed: dict[str, float] = {}
    by_cobot: dict[str, float] = {}
    for unit_id, holders in plan.unit_holder.items():
        role = role_of.get(unit_id, "")
        if role not in hard:
            continue
        for h in holders:
            hours = h["hours_per_week"]
            # a holder's hours are the person's part; with a cobot assisting, the cobot does
            # `share` of the unit's time on top: unit time = hours / (1 - share)
            robot = hours / (1 - share) * share if h["cobot_assist"] and share < 1 else 0.0
            if h["kind"] == "carved":
                freed[role] = freed.get(role, 0.0) + hours + robot
            elif h["kind"] == "cobot":
                freed[role] = freed.get(role, 0.0) + hours
                by_cobot[role] = by_cobot.get(role, 0.0) + hours
            elif robot:
                freed[role] = freed.get(role, 0.0) + robot
            if robot:
                by_cobot[role] = by_cobot.get(role, 0.0) + robot
    if plan.freed_by_role:  # the role's hours before less what it keeps (one home)
        freed = dict(plan.freed_by_role)
    return PlanFigures(
        tuple(j.hours_per_week for j in plan.carved), len(plan.cobots), freed, by_cobot
    )


def _assist_share() -> float:
    params = load_catalogs().params
    return params.cobot.assist_share.value if params is not None else 0.5


def business_case(
    process: ProcessModel, figures: PlanFigures, r: Rates | None = None, **draw: float
) -> BusinessCase:
    """The business case of a plan's figures; `draw` replaces rates (Monte Carlo)."""
    r = r if r is not None else rates(process)
    v = {**r.values, **draw}
    weeks = process.planning.weeks_per_year
    wage_h = v["minimum_wage_eur_per_hour"] * (1 + v["holiday_pay_share"])
    hours = sum(figures.job_hours)
    wage_cost = hours * weeks * wage_h * (1 + v["employer_charges_share"])
    lks_share = min(max(0.0, 1 - v["loonwaarde_share"]), v["lks_cap_share"])
    subsidy = lks_share * hours * weeks * wage_h * (1 + v["lks_employer_supplement_share"])
    skilled_rate = _role_rates(process, v)
    mean_skilled = (
        sum(skilled_rate.values()) / len(skilled_rate)
        if skilled_rate
        else v["default_role_wage_cost_eur_per_hour"]
    )
    coaching = len(figures.job_hours) * v["coaching_hours_per_week"] * weeks * mean_skilled
    coaching += len(figures.job_hours) * v["praktijkverklaring_cost_eur"]
    investment = figures.cobots * v["cobot_cell_cost_eur"]
    depreciation = investment / v["depreciation_years"] if figures.cobots else 0.0
    maintenance = figures.cobots * v["cobot_maintenance_eur_per_year"]
    factor = v["freed_hour_value_factor"]
    freed_value = sum(
        h * weeks * skilled_rate.get(role, v["default_role_wage_cost_eur_per_hour"]) * factor
        for role, h in figures.freed_by_role.items()
    )
    cobot_value = sum(
        h * weeks * skilled_rate.get(role, v["default_role_wage_cost_eur_per_hour"]) * factor
        for role, h in figures.freed_by_cobot_role.items()
    )
    payback = (
        investment / (cobot_value - maintenance)
        if figures.cobots and cobot_value > maintenance
        else None
    )
    lines = (
        CaseLine(
            "wage_cost_new_workers",
            -wage_cost,
            f"{hours:.1f} h/week x {weeks:g} weeks x EUR {wage_h:.2f} x (1 + {v['employer_charges_share']:.2f})",
        ),
        CaseLine(
            "wage_cost_subsidy",
            subsidy,
            f"min(1 - {v['loonwaarde_share']:.2f}, {v['lks_cap_share']:.2f}) x {hours:.1f} h x {weeks:g} x EUR {wage_h:.2f} x (1 + {v['lks_employer_supplement_share']:.3f})",
        ),
        CaseLine(
            "coaching",
            -coaching,
            f"{len(figures.job_hours)} workers x {v['coaching_hours_per_week']:g} h/week x {weeks:g} x EUR {mean_skilled:.2f}",
        ),
        CaseLine(
            "cobot_depreciation",
            -depreciation,
            f"{figures.cobots} x EUR {v['cobot_cell_cost_eur']:,.0f} / {v['depreciation_years']:g} years",
        ),
        CaseLine(
            "cobot_maintenance",
            -maintenance,
            f"{figures.cobots} x EUR {v['cobot_maintenance_eur_per_year']:,.0f}",
        ),
        CaseLine(
            "value_freed_hours",
            freed_value,
            f"{sum(figures.freed_by_role.values()):.1f} h/week in hard-to-fill roles x {weeks:g} x role cost x {factor:g}",
        ),
    )
    net = sum(item.amount_eur_per_year for item in lines)
    return BusinessCase(lines, net, investment, payback, dict(v), dict(r.sources))


def _role_rates(process: ProcessModel, v: dict[str, float]) -> dict[str, float]:
    return {
        role.id: role.wage_cost_eur_per_hour or v["default_role_wage_cost_eur_per_hour"]
        for role in process.roles
        if role.hard_to_fill
    }
