"""The business case: yearly lines, cash flow, the case per job and per cobot."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jobcarve.carving.balance import (
    PAID_FIRST,
    USES,
    RoleBalance,
    absorb,
    less_released,
    seasonal_last,
    work_balance,
)
from jobcarve.economics.case_lines import _case_lines
from jobcarve.economics.defaults import Rates, _year_weights, rates
from jobcarve.economics.figures import PlanFigures
from jobcarve.economics.freed import PAID_USES, FreedValue, late_split, value_freed_hours
from jobcarve.economics.lines import JOB_LINE_KEYS, LINE_KEYS, CaseLine
from jobcarve.economics.money import _job_money, _JobMoney
from jobcarve.economics.sensitivity import Sensitivity, sensitivity_of
from jobcarve.model import ProcessModel

# ---------------------------------------------------------------------------------------
# The business case.


@dataclass(frozen=True)
class JobCase:
    """What one carved job costs and brings (average per year over the horizon)."""

    id: str
    profile: str
    hours_per_week: float
    loonwaarde: float
    instrument: str
    items: dict[str, float]
    #: the wage per hour paid, without holiday pay (`JobWage`); 0 where not known
    wage_eur_per_hour: float = 0.0
    #: minimum, stated (a CAO wage), a youth share key, or detachering (the fee)
    wage_basis: str = "minimum"
    #: the youth share key of the statutory minimum for the profile's age ("" from 21)
    youth_key: str = ""
    #: every youth share key its wage or subsidy uses over the business case's years
    youth_keys: tuple[str, ...] = ()
    #: the year it starts: 1, or the leavers' year for a job too small without the work
    #: that waits for them (`JobFigures.starts_when_they_leave`)
    from_year: int = 1

    @property
    def net_eur_per_year(self) -> float:
        return sum(self.items.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "profile": self.profile,
            "hours_per_week": round(self.hours_per_week, 3),
            "loonwaarde": round(self.loonwaarde, 4),
            "instrument": self.instrument,
            "wage_eur_per_hour": round(self.wage_eur_per_hour, 2),
            "wage_basis": self.wage_basis,
            "from_year": self.from_year,
            "items_eur_per_year": {k: round(v, 2) for k, v in self.items.items()},
            "net_eur_per_year": round(self.net_eur_per_year, 2),
        }


@dataclass(frozen=True)
class CobotCase:
    """What one cobot adds beyond the plan without it (the jobs unchanged)."""

    id: str
    investment_eur: float
    value_eur_per_year: float
    maintenance_eur_per_year: float
    depreciation_eur_per_year: float
    payback_years: float | None
    #: the part of ``value_eur_per_year`` that is money paid (overtime, agency hours, a
    #: leaver's replacement: `PAID_USES`), the rest being the worth of extra capacity: per
    #: role, in the proportion of money paid in the role's freed value
    paid_value_eur_per_year: float = 0.0

    @property
    def paid_payback_years(self) -> float | None:
        """The payback on the money paid alone (None: never)."""
        margin = self.paid_value_eur_per_year - self.maintenance_eur_per_year
        return self.investment_eur / margin if margin > 0 else None

    @property
    def net_eur_per_year(self) -> float:
        return (
            self.value_eur_per_year - self.maintenance_eur_per_year - self.depreciation_eur_per_year
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "investment_eur": round(self.investment_eur, 2),
            "value_eur_per_year": round(self.value_eur_per_year, 2),
            "maintenance_eur_per_year": round(self.maintenance_eur_per_year, 2),
            "depreciation_eur_per_year": round(self.depreciation_eur_per_year, 2),
            "net_eur_per_year": round(self.net_eur_per_year, 2),
            "payback_years": None if self.payback_years is None else round(self.payback_years, 2),
            "paid_value_eur_per_year": round(self.paid_value_eur_per_year, 2),
            "paid_payback_years": None
            if self.paid_payback_years is None
            else round(self.paid_payback_years, 2),
        }


@dataclass(frozen=True)
class Year:
    """One year of the cash flow."""

    year: int
    items: dict[str, float]
    net: float
    cumulative: float
    discounted: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "items_eur": {k: round(v, 2) for k, v in self.items.items()},
            "net_eur": round(self.net, 2),
            "cumulative_eur": round(self.cumulative, 2),
            "discounted_eur": round(self.discounted, 2),
        }


def first_paid_back(nets: Sequence[float]) -> int | None:
    """The first year (1-based) the cumulative net is at least 0, counted from the first year
    anything happens: a year with nothing yet (the jobs start when people leave, no cobot)
    has not paid back anything (the ladder maker's year 1 read as "pays back in year 1")."""
    cumulative = 0.0
    started = False
    for i, net in enumerate(nets):
        started = started or abs(net) >= 0.005
        cumulative += net
        if started and cumulative >= 0:
            return i + 1
    return None


@dataclass(frozen=True)
class CashFlow:
    """The cash flow per year over the horizon, its NPV and payback year.

    ``capacity_eur`` is, per year, the part of the item ``value_freed_hours`` that is the
    worth of extra capacity (vacancies filled, work left undone taken on: the uses outside
    `PAID_USES`): no money saved. The same figures without it (``paid_*``) are the plan in
    money paid alone; their average is the first screen's "in money paid" when
    depreciation runs over the horizon (else the investment falls in year 1 here and is
    depreciated there)."""

    years: tuple[Year, ...]
    discount_rate: float
    npv_eur: float
    payback_year: int | None
    capacity_eur: tuple[float, ...] = ()

    @property
    def paid_net_eur(self) -> tuple[float, ...]:
        """The net per year without the worth of extra capacity."""
        capacity = self.capacity_eur or (0.0,) * len(self.years)
        return tuple(y.net - c for y, c in zip(self.years, capacity, strict=True))

    @property
    def paid_cumulative_eur(self) -> tuple[float, ...]:
        return tuple(itertools.accumulate(self.paid_net_eur))

    @property
    def paid_npv_eur(self) -> float:
        rate = self.discount_rate
        return sum(n / (1 + rate) ** (i + 1) for i, n in enumerate(self.paid_net_eur))

    @property
    def paid_payback_year(self) -> int | None:
        """The first year the cumulative net in money paid is not negative, where the plan
        has paid for itself at all (`payback_year`); None within the horizon otherwise."""
        if self.payback_year is None:
            return None
        return first_paid_back(self.paid_net_eur)

    @property
    def has_capacity(self) -> bool:
        return any(abs(c) >= 0.5 for c in self.capacity_eur)

    def to_dict(self) -> dict[str, Any]:
        return {
            "horizon_years": len(self.years),
            "discount_rate": self.discount_rate,
            "years": [y.to_dict() for y in self.years],
            "npv_eur": round(self.npv_eur, 2),
            "payback_year": self.payback_year,
            # the worth of extra capacity in the freed hours' value, and the plan without it
            "capacity_eur": [round(c, 2) for c in self.capacity_eur],
            "paid_net_eur": [round(n, 2) for n in self.paid_net_eur],
            "paid_npv_eur": round(self.paid_npv_eur, 2),
            "paid_payback_year": self.paid_payback_year,
        }


@dataclass(frozen=True)
class BusinessCase:
    """Yearly lines, net effect, cash flow, the case per job and per cobot, sensitivity."""

    lines: tuple[CaseLine, ...]
    net_eur_per_year: float
    cobot_investment_eur: float
    cobot_payback_years: float | None
    rates: dict[str, float] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    cash_flow: CashFlow | None = None
    jobs: tuple[JobCase, ...] = ()
    cobots: tuple[CobotCase, ...] = ()
    freed: tuple[FreedValue, ...] = ()
    sensitivity: Sensitivity | None = None
    sources_nl: dict[str, str] = field(default_factory=dict)
    #: the value of the freed hours per use (vacancies, overtime, ...), average per year over
    #: the horizon: its sum is the line ``value_freed_hours``
    freed_by_use: dict[str, float] = field(default_factory=dict)
    #: the same, with each role's freed hours going first to its paid cover (overtime, agency
    #: hours) and only then to vacancies and backlog (`PAID_FIRST`); empty where that reading
    #: is the same as the first
    freed_by_use_paid_first: dict[str, float] = field(default_factory=dict)

    def line(self, key: str) -> float:
        return next(item.amount_eur_per_year for item in self.lines if item.key == key)

    @property
    def cobot_paid_payback_years(self) -> float | None:
        """The cobots' payback on the money paid alone: their value less its worth of extra
        capacity (`CobotCase.paid_value_eur_per_year`); None where that never pays back."""
        paid = sum(c.paid_value_eur_per_year - c.maintenance_eur_per_year for c in self.cobots)
        return self.cobot_investment_eur / paid if self.cobots and paid > 0 else None

    @property
    def cobot_capacity_eur_per_year(self) -> float:
        """The part of the cobots' value that is the worth of extra capacity, no money."""
        return sum(c.value_eur_per_year - c.paid_value_eur_per_year for c in self.cobots)

    @property
    def paid_value_eur_per_year(self) -> float:
        """The part of the freed hours' value that is money paid today or that would be paid
        (overtime, agency hours, a leaver's replacement): `PAID_USES`."""
        return sum(v for use, v in self.freed_by_use.items() if use in PAID_USES)

    @property
    def capacity_value_eur_per_year(self) -> float:
        """The part of the freed hours' value that is the worth of extra capacity (vacancies
        filled, backlog taken on): no money saved, it pays only as more output."""
        return sum(v for use, v in self.freed_by_use.items() if use not in PAID_USES)

    @property
    def coaching_hours_per_week_year1(self) -> float:
        """Hours a week the colleagues who guide the new workers give in the first year (the
        line ``coaching``: every job, ``coaching_hours_per_week`` each). They come out of the
        time of the roles the jobs take work from, so the first year frees that much less.
        Only the jobs there in year 1: a job that starts when people leave is coached in its
        own first year (a reading of the duct maker: 8 h a week in year 1 for four jobs, two
        of which start in year 2)."""
        there = sum(1 for j in self.jobs if j.from_year == 1)
        return there * self.rates.get("coaching_hours_per_week", 0.0)

    @property
    def paid_first(self) -> tuple[float, float] | None:
        """The second reading, where it differs: the freed hours end overtime and agency
        hours before they fill vacancies or take on backlog. Its money paid (the freed hours'
        paid value) and its net effect per year; None where both readings are the same."""
        if not self.freed_by_use_paid_first:
            return None
        other = self.freed_by_use_paid_first
        paid = sum(v for use, v in other.items() if use in PAID_USES)
        net = self.net_eur_per_year - sum(self.freed_by_use.values()) + sum(other.values())
        return paid, net

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [item.to_dict() for item in self.lines],
            "net_eur_per_year": round(self.net_eur_per_year, 2),
            "basis": "average per year over the horizon; cobots as depreciation",
            "cobot_investment_eur": round(self.cobot_investment_eur, 2),
            "cobot_payback_years": None
            if self.cobot_payback_years is None
            else round(self.cobot_payback_years, 2),
            "cobot_paid_payback_years": None
            if self.cobot_paid_payback_years is None
            else round(self.cobot_paid_payback_years, 2),
            "cash_flow": self.cash_flow.to_dict() if self.cash_flow else None,
            "jobs": [j.to_dict() for j in self.jobs],
            "cobots": [c.to_dict() for c in self.cobots],
            "freed_hours": [
                {
                    "role": f.role,
                    "use": f.use,
                    "hours_per_week": round(f.hours_per_week, 3),
                    "eur_per_hour": round(f.eur_per_hour, 2),
                    "from_year": f.from_year,
                }
                for f in self.freed
            ],
            "value_freed_hours_by_use": {k: round(v, 2) for k, v in self.freed_by_use.items()},
            "value_freed_hours_by_use_paid_first": {
                k: round(v, 2) for k, v in self.freed_by_use_paid_first.items()
            },
            "sensitivity": self.sensitivity.to_dict() if self.sensitivity else None,
            "rates": {k: round(v, 4) for k, v in self.rates.items()},
            "sources": self.sources,
        }


def _cobot_cases(
    process: ProcessModel,
    figures: PlanFigures,
    freed: Sequence[FreedValue],
    v: dict[str, float],
    yearly: Callable[[Sequence[FreedValue]], float],
    valued: Callable[[Sequence[RoleBalance]], list[FreedValue]],
) -> tuple[list[CobotCase], dict[str, float]]:
    """Each cobot: its share of what the cobots add to the freed value, and its costs; and
    the cobots' value per role.

    Per role, the cobots together add the role's freed value with the plan less the value
    without any cobot's hours (the jobs unchanged); each cobot has the share of its hours in
    that role. Valued together, not one by one: freed hours fill the uses in order, so each
    cobot valued as the last hours freed would count the same top slice twice. `yearly` is
    the plan's average yearly value (ramp-up and leavers' start included), so the jobs'
    and the cobots' values add up to the plan's (a review found the cobot table without the
    ramp-up, EUR 1,913 apart from the plan's sum).
    """
    released_total = figures.released()
    cell = v["cobot_cell_cost_eur"]
    maint = v["cobot_maintenance_eur_per_year"]
    by_cobots: dict[str, float] = {}
    for cobot in figures.cobots:
        for role, hours in cobot.released.items():
            by_cobots[role] = by_cobots.get(role, 0.0) + hours
    without = {
        role: max(0.0, hours - by_cobots.get(role, 0.0)) for role, hours in released_total.items()
    }
    rest = valued(work_balance(process, without))
    by_role = {
        role: yearly([f for f in freed if f.role == role])
        - yearly([f for f in rest if f.role == role])
        for role in by_cobots
    }
    # the money paid within what the cobots add: the role's own share of money paid in
    # its freed value, pro rata, not the uses the cobots' hours happen to fill last (a
    # review: valued as the last hours, a cobot got overtime in one reading of the uses and
    # only vacancies in the other, the paid-first one)
    paid_by_role = {}
    for role in by_cobots:
        total = yearly([f for f in freed if f.role == role])
        paid = yearly([f for f in freed if f.role == role and f.use in PAID_USES])
        paid_by_role[role] = by_role[role] * paid / total if total > 0 else 0.0
    cobot_cases = []
    for cobot in figures.cobots:
        added, paid = (
            sum(
                values[role] * hours / by_cobots[role]
                for role, hours in cobot.released.items()
                if by_cobots[role] > 0
            )
            for values in (by_role, paid_by_role)
        )
        cobot_cases.append(
            CobotCase(
                cobot.id,
                cell,
                added,
                maint,
                cell / v["depreciation_years"],
                cell / (added - maint) if added > maint else None,
                paid_value_eur_per_year=paid,
            )
        )
    return cobot_cases, by_role


def _cash_flow(
    money: _JobMoney,
    figures: PlanFigures,
    v: dict[str, float],
    value_by_year: list[float],
    horizon: int,
    capacity_by_year: list[float],
) -> CashFlow:
    """The cash flow per year: the jobs' items, the cobots and the freed value (of which
    ``capacity_by_year`` is the worth of extra capacity)."""
    per_job_years = money.per_job
    n_cobots = len(figures.cobots)
    investment = n_cobots * v["cobot_cell_cost_eur"]
    maint = v["cobot_maintenance_eur_per_year"]
    years_out: list[Year] = []
    cumulative = 0.0
    npv = 0.0
    payback_year = None
    rate = v["discount_rate_share"]
    for y in range(horizon):
        items = {k: sum(j[k][y] for j in per_job_years) for k in LINE_KEYS}
        del items["cobot_depreciation"]
        items = {
            **{k: items[k] for k in JOB_LINE_KEYS},
            "cobot_investment": 0.0 - investment if y == 0 else 0.0,
            "cobot_maintenance": 0.0 - n_cobots * maint,
            "value_freed_hours": value_by_year[y],
        }
        net = sum(items.values())
        cumulative += net
        disc = net / (1 + rate) ** (y + 1)
        npv += disc
        years_out.append(Year(y + 1, items, net, cumulative, disc))
    if figures.jobs or n_cobots:
        payback_year = first_paid_back([y.net for y in years_out])
    cash = CashFlow(tuple(years_out), rate, npv, payback_year, tuple(capacity_by_year))

    return cash


def _paid_first(balance: Sequence[RoleBalance]) -> tuple[RoleBalance, ...]:
    """The roles' balances with the freed hours going to the paid cover first
    (`PAID_FIRST`); empty where no role's hours go elsewhere than in the first reading."""
    other = []
    for b in balance:
        # seasonal agency hours and overtime stay last in this reading too (a diff review:
        # the second reading put the fencing warehouse's hours back on temps hired 30 weeks
        # a year)
        order = seasonal_last(PAID_FIRST, b.seasonal)
        absorbed = absorb(b.released_hours_per_week, b.uses, order)[0]
        seasonal = sum((absorbed[use] for use in b.seasonal), 0.0)
        other.append(dataclasses.replace(b, absorbed=absorbed, seasonal_hours_per_week=seasonal))
    moved = any(
        abs(o.absorbed.get(use, 0.0) - b.absorbed.get(use, 0.0)) > 0.005
        for o, b in zip(other, balance, strict=True)
        for use in PAID_FIRST
    )
    return tuple(other) if moved else ()


def business_case(
    process: ProcessModel,
    figures: PlanFigures,
    r: Rates | None = None,
    *,
    sensitivity: bool = True,
    **draw: float,
) -> BusinessCase:
    """The business case of a plan's figures; `draw` replaces rates (Monte Carlo, tornado).

    Besides rate names, `draw` takes ``loonwaarde_scale`` (every loonwaarde times it) and
    ``wage_paid_scale`` (every wage paid times it, at least 1; the loonkostensubsidie stays on
    the statutory minimum: the tornado's wage bar).
    """
    r = r if r is not None else rates(process)
    v = {**r.values, **draw}
    prod = process.planning.weeks_per_year
    horizon, ramp = _year_weights(v)
    money = _job_money(process, figures, r, v, horizon)
    # the jobs that start when people leave free their hours from that year: before it the
    # roles' balances are the plan's without them (`less_released`)
    # the year the jobs that start when people leave start (`_job_money`'s one rule)
    leavers_year = min((first for first in money.from_years if first > 1), default=1)
    late_released: dict[str, float] = {}
    for job, first in zip(figures.jobs, money.from_years, strict=True):
        if first > 1:
            for role, hours in job.released.items():
                late_released[role] = late_released.get(role, 0.0) + hours

    def valued(balance: Sequence[RoleBalance], order: tuple[str, ...] = USES) -> list[FreedValue]:
        full = value_freed_hours(balance, process.roles, v, prod)
        if not late_released:
            return full
        before = less_released(balance, late_released, order)
        return late_split(
            full,
            value_freed_hours(before, process.roles, v, prod),
            leavers_year,
            v["ramp_up_year1_share"],
        )

    freed = valued(figures.balance)

    def value_years(items: Sequence[FreedValue]) -> list[float]:
        # the hours the jobs that start late free have the ramp-up in their first year
        return [
            sum(
                f.eur_per_year_full * prod * ramp[y - f.from_year + 1 if f.with_late_jobs else y]
                for f in items
                if y + 1 >= f.from_year
            )
            for y in range(horizon)
        ]

    def yearly(items: Sequence[FreedValue]) -> float:
        return sum(value_years(items)) / horizon

    def by_use(items: Sequence[FreedValue]) -> dict[str, float]:
        return {
            use: sum(value_years([f for f in items if f.use == use])) / horizon
            for use in dict.fromkeys(f.use for f in items)
        }

    other = _paid_first(figures.balance)
    value_by_year = value_years(freed)
    role_value: dict[str, float] = {}  # average yearly value of each role's freed hours
    late_value: dict[str, float] = {}  # of it, what the jobs that start late free
    for f in freed:
        role_value[f.role] = role_value.get(f.role, 0.0) + yearly([f])
        if f.with_late_jobs:
            late_value[f.role] = late_value.get(f.role, 0.0) + yearly([f])
    cobot_cases, cobot_role_value = _cobot_cases(process, figures, freed, v, yearly, valued)
    n_cobots = len(figures.cobots)
    investment = n_cobots * v["cobot_cell_cost_eur"]
    maintenance = n_cobots * v["cobot_maintenance_eur_per_year"]
    cobot_value = sum(c.value_eur_per_year for c in cobot_cases)
    payback = (
        investment / (cobot_value - maintenance) if n_cobots and cobot_value > maintenance else None
    )
    lines = _case_lines(process, figures, r, v, money, freed, value_by_year, horizon)
    # the jobs share what the cobots do not add, in proportion to the hours each releases:
    # what the hours freed only with the jobs that start late are worth is theirs, the rest
    # is the jobs' that start at once (all jobs' where none of them works in the role)
    at_once: dict[str, float] = {}
    for job, first in zip(figures.jobs, money.from_years, strict=True):
        if first == 1:
            for role, hours in job.released.items():
                at_once[role] = at_once.get(role, 0.0) + hours
    jobs_released = figures.released_by_jobs()
    job_cases = []
    for job, years, terms, first in zip(
        figures.jobs, money.per_job, money.meta, money.from_years, strict=True
    ):
        items = {k: sum(years[k]) / horizon for k in JOB_LINE_KEYS}
        common = 0.0
        for role, hours in job.released.items():
            share_of = at_once.get(role, 0.0) if at_once.get(role, 0.0) > 0 else jobs_released[role]
            if (first == 1 or at_once.get(role, 0.0) <= 0) and share_of > 0:
                rest = role_value.get(role, 0.0) - late_value.get(role, 0.0)
                common += max(0.0, rest - cobot_role_value.get(role, 0.0)) * hours / share_of
        items["value_freed_hours"] = common + sum(
            late_value.get(role, 0.0) * hours / late_released[role]
            for role, hours in job.released.items()
            if first > 1 and late_released.get(role, 0.0) > 0
        )
        job_cases.append(
            JobCase(
                job.id,
                job.profile,
                job.hours_per_week,
                terms.loonwaarde,
                terms.instrument,
                items,
                terms.wage_eur_per_hour,
                terms.wage_basis,
                terms.youth_key,
                terms.youth_keys,
                first,
            )
        )
    case = BusinessCase(
        tuple(lines),
        sum(item.amount_eur_per_year for item in lines),
        investment,
        payback,
        dict(v),
        dict(r.sources),
        _cash_flow(
            money,
            figures,
            v,
            value_by_year,
            horizon,
            value_years([f for f in freed if f.use not in PAID_USES]),
        ),
        tuple(job_cases),
        tuple(cobot_cases),
        tuple(freed),
        None,
        dict(r.sources_nl),
        by_use(freed),
        by_use(valued(other, PAID_FIRST)) if other else {},
    )
    if sensitivity:
        case = dataclasses.replace(
            case, sensitivity=sensitivity_of(process, figures, r, case, draw)
        )
    return case
