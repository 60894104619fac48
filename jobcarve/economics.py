"""The business case of a plan: what the new jobs and cobots cost and bring, year by year.

Defaults come from ``task_catalogs/economics.yaml`` (each with its source and date, or
marked policy/estimate); a model's ``economics:`` block overrides any of them. Amounts are
euros. docs/method.md ("Business case") states every formula; in short, per carved job of
h paid hours a week (the hours already include the profile's slower pace):

* wage cost = h x paid weeks (52.14) x WML x (1 + holiday pay) x (1 + employer charges);
* the wage instrument of the job's profile, on its loonwaarde LW (the profile's
  ``loonwaarde``, else pace x quality factor): loonkostensubsidie = min(1 - LW, cap) x h x
  paid weeks x WML x (1 + holiday pay) x (1 + 23.5%), or Wajong loondispensatie =
  (1 - LW) x h x paid weeks x WML x (1 + holiday pay) x (1 + employer charges) when LW is
  at most 75%, or nothing. Pace lengthens the hours and the subsidy pays for the slower
  pace once: with LW = pace the employer pays for the standard hours the work takes;
* LKV banenafspraak = min(EUR 1.01 x h x paid weeks, EUR 2,000) for profiles with an
  instrument (they are in the doelgroepregister);
* coaching by a colleague in year 1; an external job coach for jobs that need one, 15% /
  7.5% / 6% of the worked hours in years 1-3, and its reimbursement; supports bought in
  year 1 and the reimbursement of individual provisions;
* cobots: the investment in year 1 (depreciation in the yearly view) and maintenance;
* the value of freed hours, by where each hour goes (the work balance,
  `jobcarve.carving.balance`): an open vacancy filled (the stated contribution, else the
  role's wage cost), overtime no longer worked (role cost x (1 + CAO surcharge)), agency
  hours no longer hired (role cost x (1 + agency premium)), backlog taken on (the stated
  margin, else nothing), leavers not replaced (the role's cost, from year 2); hours no use
  absorbs are worth nothing. Freed hours count in production weeks; year 1 counts the
  ramp-up share.

`business_case` gives the yearly lines (the average year over the horizon, so that the
lines times the horizon equal the cash flow's total when depreciation runs over the
horizon), the cash flow per year with NPV and payback year, the case per carved job and
per cobot, and the sensitivity (break-even value of a freed hour, tornado).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jobcarve.carving.assignment import Assignment, job_hours, released_by
from jobcarve.carving.balance import USES, RoleBalance, work_balance
from jobcarve.carving.instance import PoolInstance
from jobcarve.carving.plan import Plan
from jobcarve.catalog import Catalogs, EconomicsDefaults, load_catalogs
from jobcarve.model import ProcessModel, Profile, Role
from jobcarve.results import Analysis


def N_(message: str) -> str:
    """Mark a formula template for the report's translation catalogue (see report/i18n.py)."""
    return message


#: Catalogue entries that are not a single rate.
_NOT_RATES = ("format", "compiled", "support_costs")


@dataclass(frozen=True)
class SupportPrice:
    """One-off cost of a support per carved job, and whether it is an individual provision."""

    cost_eur: float
    reimbursable: bool
    source: str


@dataclass(frozen=True)
class Rates:
    """The economic figures in force for one model: defaults with the model's overrides."""

    values: dict[str, float]
    sources: dict[str, str]
    ranges: dict[str, tuple[float, float]]
    overridden: frozenset[str] = frozenset()
    supports: dict[str, SupportPrice] = field(default_factory=dict)

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
        if name in _NOT_RATES:
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
    prices = {
        sid: SupportPrice(item.cost_eur, item.reimbursable, item.source)
        for sid, item in defaults.support_costs.items.items()
    }
    for sid, cost in (overrides.get("support_costs_eur") or {}).items():
        known = prices.get(sid)
        prices[sid] = SupportPrice(
            float(cost), known.reimbursable if known else False, "model economics.support_costs_eur"
        )
    sources["support_costs"] = defaults.support_costs.source
    return Rates(values, sources, ranges, frozenset(overrides), prices)


# ---------------------------------------------------------------------------------------
# Formulas: a line's formula is a sum of parts, each an English template with typed values,
# so the report can print it in its own language (numbers, money, labels).


@dataclass(frozen=True)
class Part:
    """One term of a formula: a template with %(name)s fields and their typed values.

    Kinds: ``hours`` (h/week), ``weeks``, ``eur`` (with cents), ``eur0`` (whole euros),
    ``share`` (a fraction, printed as a percentage), ``count``, ``years``, ``number``,
    ``role`` (a role id), ``support`` (a support id).
    """

    template: str
    values: tuple[tuple[str, str, float | str], ...]  # (name, kind, value)

    def render(
        self, fmt: Callable[[str, float | str], str], translate: Callable[[str], str]
    ) -> str:
        return translate(self.template) % {name: fmt(kind, v) for name, kind, v in self.values}

    def to_dict(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "values": {
                name: (round(v, 4) if isinstance(v, float) else v) for name, _k, v in self.values
            },
        }


def english(kind: str, value: float | str) -> str:
    """A formula value in plain English notation (analysis.json)."""
    if isinstance(value, str):
        return value
    if kind == "eur":
        return f"EUR {value:,.2f}"
    if kind == "eur0":
        return f"EUR {value:,.0f}"
    if kind == "share":
        return f"{value * 100:.4g}%"
    if kind in ("count", "years"):
        return f"{value:g}"
    if kind == "weeks":
        return f"{value:.4g}"
    return f"{value:,.1f}"


@dataclass(frozen=True)
class CaseLine:
    """One line of the business case (average per year over the horizon)."""

    key: str
    amount_eur_per_year: float
    parts: tuple[Part, ...] = ()
    suffix: Part | None = None

    def render(
        self,
        fmt: Callable[[str, float | str], str] = english,
        translate: Callable[[str], str] = lambda s: s,
    ) -> str:
        text = " + ".join(p.render(fmt, translate) for p in self.parts) or "0"
        if self.suffix is not None:
            text = (
                f"({text}) {self.suffix.render(fmt, translate)}"
                if len(self.parts) > 1
                else (f"{text} {self.suffix.render(fmt, translate)}")
            )
        return text

    @property
    def formula(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "amount_eur_per_year": round(self.amount_eur_per_year, 2),
            "formula": self.formula,
            "terms": [p.to_dict() for p in self.parts],
            "common_factor": self.suffix.to_dict() if self.suffix is not None else None,
        }


# ---------------------------------------------------------------------------------------
# What a plan gives the business case.


@dataclass(frozen=True)
class JobFigures:
    """One carved job: its profile, paid hours, supports and the work it takes from roles."""

    id: str
    profile: str
    hours_per_week: float
    supports: tuple[str, ...]
    released: dict[str, float]  # role -> hours per week of today's work it takes over


@dataclass(frozen=True)
class CobotFigures:
    """One cobot cell and the work it takes from roles (its own share of assisted units)."""

    id: str
    released: dict[str, float]


@dataclass(frozen=True)
class PlanFigures:
    """The figures of a plan the business case needs (also built per Monte Carlo draw)."""

    jobs: tuple[JobFigures, ...]
    cobots: tuple[CobotFigures, ...]
    balance: tuple[RoleBalance, ...]

    @property
    def job_hours(self) -> tuple[float, ...]:
        return tuple(j.hours_per_week for j in self.jobs)

    def released(self) -> dict[str, float]:
        """Hours per week the plan releases from each role (jobs and cobots)."""
        out: dict[str, float] = {}
        items: list[JobFigures | CobotFigures] = [*self.jobs, *self.cobots]
        for item in items:
            for role, hours in item.released.items():
                out[role] = out.get(role, 0.0) + hours
        return out


EMPTY = PlanFigures((), (), ())


def figures_from_assignment(
    process: ProcessModel,
    inst: PoolInstance,
    a: Assignment,
    balance: Sequence[RoleBalance] | None = None,
) -> PlanFigures:
    """Jobs, cobots and work balance of a solver assignment (ids as `jobcarve.plan` names them).

    A job's paid hours are `job_hours` (standard time with hand-over overhead, over the
    profile's pace); the work it and each cobot take from the roles is in base hours of
    today's work, split like `jobcarve.carving.assignment.released`: a unit a cobot assists
    releases the cobot's share to the cobot and the rest to the job that holds it.
    """
    jobs: list[JobFigures] = []
    counter: dict[str, int] = {}
    for (p, _slot), members in sorted(a.jobs().items()):
        prof = inst.profiles[p]
        counter[prof.id] = counter.get(prof.id, 0) + 1
        released: dict[str, float] = {}
        for u in members:
            role = inst.units[u].role
            released[role] = released.get(role, 0.0) + released_by(inst, a, u)[0]
        supports = tuple(sorted({s for u in members for s in inst.units[u].supports[p]}))
        jobs.append(
            JobFigures(
                f"{prof.id}-{counter[prof.id]}",
                prof.id,
                job_hours(inst, members, p, a),
                supports,
                released,
            )
        )
    cobots: list[CobotFigures] = []
    for number, (_m, members) in enumerate(sorted(a.cobots().items()), start=1):
        released = {}
        for u in members:
            role = inst.units[u].role
            released[role] = released.get(role, 0.0) + released_by(inst, a, u)[1]
        cobots.append(CobotFigures(f"cobot-{number}", released))
    partial = PlanFigures(tuple(jobs), tuple(cobots), ())
    found = tuple(balance) if balance else work_balance(process, partial.released())
    return dataclasses.replace(partial, balance=found)


def plan_balance(plan: Plan) -> tuple[RoleBalance, ...] | None:
    """The plan's own work balance (`Plan.work_balance`); None for a plan without one."""
    found = getattr(plan, "work_balance", None)
    return tuple(found) if found else None


def plan_figures(process: ProcessModel, analysis: Analysis | None, plan: Plan) -> PlanFigures:
    """The business-case inputs of a plan made by `jobcarve.plan`."""
    if plan.instance is None or plan.assignment is None:
        raise ValueError("the plan carries no solver instance; make it with jobcarve.plan")
    return figures_from_assignment(process, plan.instance, plan.assignment, plan_balance(plan))


def scaled_figures(process: ProcessModel, figures: PlanFigures, factor: float) -> PlanFigures:
    """The plan's figures with every job's hours and the released work scaled by `factor`."""
    jobs = tuple(
        dataclasses.replace(
            j,
            hours_per_week=j.hours_per_week * factor,
            released={k: v * factor for k, v in j.released.items()},
        )
        for j in figures.jobs
    )
    cobots = tuple(
        dataclasses.replace(c, released={k: v * factor for k, v in c.released.items()})
        for c in figures.cobots
    )
    partial = PlanFigures(jobs, cobots, ())
    return dataclasses.replace(partial, balance=work_balance(process, partial.released()))


# ---------------------------------------------------------------------------------------
# The value of freed hours, by destination.


@dataclass(frozen=True)
class FreedValue:
    """The yearly value (a full year at full pace) of one role's hours going to one use."""

    role: str
    use: str  # a key of USES, or "displaced"
    hours_per_week: float
    eur_per_hour: float
    part: Part
    from_year: int = 1

    @property
    def eur_per_year_full(self) -> float:
        return self.hours_per_week * self.eur_per_hour


def role_cost(role: Role, v: dict[str, float]) -> float:
    """The role's employer cost per hour (the model's figure, else the sourced default)."""
    return role.wage_cost_eur_per_hour or v["default_role_wage_cost_eur_per_hour"]


def value_freed_hours(
    balances: Iterable[RoleBalance], roles: Sequence[Role], v: dict[str, float]
) -> list[FreedValue]:
    """What each role's freed hours are worth per production week, use by use.

    The value of an hour (euros, times ``freed_hour_value_factor``):

    * ``vacancies``: the role's ``vacancy_value_eur_per_hour``, else its wage cost x
      ``vacancy_value_factor``;
    * ``overtime``: wage cost x (1 + ``overtime_surcharge_share``);
    * ``agency``: wage cost x (1 + ``agency_premium_share``);
    * ``backlog``: the role's ``backlog_margin_eur_per_hour``, else 0;
    * ``leavers``: wage cost (the replacement not hired), from ``leavers_from_year``;
    * hours no use absorbs (displaced): 0.
    """
    by_id = {r.id: r for r in roles}
    scale = v["freed_hour_value_factor"]
    out: list[FreedValue] = []
    for b in balances:
        role = by_id.get(b.role)
        if role is None:
            continue
        cost = role_cost(role, v)
        for use in USES:
            hours = b.absorbed.get(use, 0.0)
            if hours <= 0:
                continue
            start = 1
            if use == "vacancies":
                if role.vacancy_value_eur_per_hour is not None:
                    each = role.vacancy_value_eur_per_hour
                    part = Part(
                        N_("%(hours)s h/week fill vacancies (%(role)s) x %(value)s stated value"),
                        (
                            ("hours", "hours", hours),
                            ("role", "role", b.role),
                            ("value", "eur", each),
                        ),
                    )
                else:
                    each = cost * v["vacancy_value_factor"]
                    part = Part(
                        N_(
                            "%(hours)s h/week fill vacancies (%(role)s) x %(cost)s wage cost x %(factor)s"
                        ),
                        (
                            ("hours", "hours", hours),
                            ("role", "role", b.role),
                            ("cost", "eur", cost),
                            ("factor", "number", v["vacancy_value_factor"]),
                        ),
                    )
            elif use == "overtime":
                each = cost * (1 + v["overtime_surcharge_share"])
                part = Part(
                    N_(
                        "%(hours)s h/week less overtime (%(role)s) x %(cost)s x (1 + %(surcharge)s)"
                    ),
                    (
                        ("hours", "hours", hours),
                        ("role", "role", b.role),
                        ("cost", "eur", cost),
                        ("surcharge", "share", v["overtime_surcharge_share"]),
                    ),
                )
            elif use == "agency":
                each = cost * (1 + v["agency_premium_share"])
                part = Part(
                    N_(
                        "%(hours)s h/week less agency work (%(role)s) x %(cost)s x (1 + %(premium)s)"
                    ),
                    (
                        ("hours", "hours", hours),
                        ("role", "role", b.role),
                        ("cost", "eur", cost),
                        ("premium", "share", v["agency_premium_share"]),
                    ),
                )
            elif use == "backlog":
                each = role.backlog_margin_eur_per_hour or 0.0
                part = (
                    Part(
                        N_("%(hours)s h/week backlog taken on (%(role)s) x %(margin)s margin"),
                        (
                            ("hours", "hours", hours),
                            ("role", "role", b.role),
                            ("margin", "eur", each),
                        ),
                    )
                    if role.backlog_margin_eur_per_hour is not None
                    else Part(
                        N_("%(hours)s h/week backlog taken on (%(role)s): no margin stated, 0"),
                        (("hours", "hours", hours), ("role", "role", b.role)),
                    )
                )
            else:  # leavers
                each = cost
                start = int(v["leavers_from_year"])
                part = Part(
                    N_(
                        "%(hours)s h/week replace leavers (%(role)s) x %(cost)s wage cost, from year %(year)s"
                    ),
                    (
                        ("hours", "hours", hours),
                        ("role", "role", b.role),
                        ("cost", "eur", cost),
                        ("year", "count", float(start)),
                    ),
                )
            out.append(FreedValue(b.role, use, hours, each * scale, part, start))
        if b.displaced_hours_per_week > 0:
            out.append(
                FreedValue(
                    b.role,
                    "displaced",
                    b.displaced_hours_per_week,
                    0.0,
                    Part(
                        N_("%(hours)s h/week displaced (%(role)s): no value"),
                        (("hours", "hours", b.displaced_hours_per_week), ("role", "role", b.role)),
                    ),
                )
            )
    return out


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


@dataclass(frozen=True)
class CashFlow:
    """The cash flow per year over the horizon, its NPV and payback year."""

    years: tuple[Year, ...]
    discount_rate: float
    npv_eur: float
    payback_year: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "horizon_years": len(self.years),
            "discount_rate": self.discount_rate,
            "years": [y.to_dict() for y in self.years],
            "npv_eur": round(self.npv_eur, 2),
            "payback_year": self.payback_year,
        }


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

    def line(self, key: str) -> float:
        return next(item.amount_eur_per_year for item in self.lines if item.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [item.to_dict() for item in self.lines],
            "net_eur_per_year": round(self.net_eur_per_year, 2),
            "basis": "average per year over the horizon; cobots as depreciation",
            "cobot_investment_eur": round(self.cobot_investment_eur, 2),
            "cobot_payback_years": None
            if self.cobot_payback_years is None
            else round(self.cobot_payback_years, 2),
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
            "sensitivity": self.sensitivity.to_dict() if self.sensitivity else None,
            "rates": {k: round(v, 4) for k, v in self.rates.items()},
            "sources": self.sources,
        }


#: Line keys in report order; the cash flow uses the same keys (cobot_investment instead of
#: cobot_depreciation).
LINE_KEYS = (
    "wage_cost_new_workers",
    "wage_cost_subsidy",
    "lkv_banenafspraak",
    "coaching",
    "jobcoach",
    "jobcoach_reimbursement",
    "supports",
    "supports_reimbursement",
    "cobot_depreciation",
    "cobot_maintenance",
    "value_freed_hours",
)


def profile_loonwaarde(profile: Profile, r: Rates, v: dict[str, float]) -> float:
    """A profile's loonwaarde: its own, else the model's override, else pace x quality."""
    if profile.loonwaarde is not None:
        base = profile.loonwaarde
    elif "loonwaarde_share" in r.overridden:
        base = v["loonwaarde_share"]
    else:
        base = profile.pace * (profile.quality_factor or 1.0)
    return min(1.0, max(0.0, base * v.get("loonwaarde_scale", 1.0)))


def _year_weights(v: dict[str, float]) -> tuple[int, list[float]]:
    horizon = max(1, int(v["horizon_years"]))
    ramp = [v["ramp_up_year1_share"] if y == 1 else 1.0 for y in range(1, horizon + 1)]
    return horizon, ramp


@dataclass(frozen=True)
class _JobMoney:
    """The per-job amounts per year (cash), with what the formulas need to name them."""

    per_job: list[dict[str, list[float]]]
    meta: list[tuple[float, str]]  # loonwaarde and instrument per job
    subsidy_groups: dict[tuple[str, float], float]  # (instrument, LW) -> hours per week
    lkv_groups: dict[float, int]  # hours per week -> workers
    support_count: dict[str, int]
    coached_hours: float
    coach_rate: float
    coach_shares: list[float]

    def average(self, key: str, horizon: int) -> float:
        return sum(sum(j[key]) for j in self.per_job) / horizon


def _job_money(
    process: ProcessModel, figures: PlanFigures, r: Rates, v: dict[str, float], horizon: int
) -> _JobMoney:
    """Every job's wage, instrument, LKV, coaching, job coach and supports per year."""
    paid = v["paid_weeks_per_year"]
    prod = process.planning.weeks_per_year
    wage_h = v["minimum_wage_eur_per_hour"] * (1 + v["holiday_pay_share"])
    charges = v["employer_charges_share"]
    supplement = v["lks_employer_supplement_share"]
    cap = v["lks_cap_share"]
    profiles = {p.id: p for p in process.profiles}
    costs = {role.id: role_cost(role, v) for role in process.roles}
    coach_rate = (
        sum(costs.values()) / len(costs) if costs else v["default_role_wage_cost_eur_per_hour"]
    )
    coach_shares = [v["jobcoach_share_year1"], v["jobcoach_share_year2"], v["jobcoach_share_year3"]]
    coach_shares = [s if y < horizon else 0.0 for y, s in enumerate(coach_shares)]
    per_job_years: list[dict[str, list[float]]] = []
    job_meta: list[tuple[float, str]] = []
    subsidy_groups: dict[tuple[str, float], float] = {}
    lkv_groups: dict[float, int] = {}
    support_count: dict[str, int] = {}
    coached_hours = 0.0
    for job in figures.jobs:
        prof = profiles.get(job.profile)
        instrument: str = prof.instrument if prof is not None else "none"
        lw = profile_loonwaarde(prof, r, v) if prof is not None else 1.0
        h = job.hours_per_week
        wage = h * paid * wage_h * (1 + charges)
        if instrument == "lks":
            share = min(max(0.0, 1 - lw), cap)
            subsidy = share * h * paid * wage_h * (1 + supplement)
        elif instrument == "loondispensatie" and lw <= v["loondispensatie_max_loonwaarde_share"]:
            subsidy = (1 - lw) * h * paid * wage_h * (1 + charges)
        else:
            subsidy = 0.0
        if subsidy:
            key = (instrument, round(lw, 6))
            subsidy_groups[key] = subsidy_groups.get(key, 0.0) + h
        lkv = 0.0
        if instrument != "none":
            lkv = min(v["lkv_eur_per_hour"] * h * paid, v["lkv_max_eur_per_year"])
            lkv_groups[round(h, 6)] = lkv_groups.get(round(h, 6), 0) + 1
        coaching_y1 = (
            v["coaching_hours_per_week"] * prod * coach_rate + v["praktijkverklaring_cost_eur"]
        )
        coached = "job_coach" in job.supports
        if coached:
            coached_hours += h
        support_cost = 0.0
        support_back = 0.0
        for sid in job.supports:
            price = r.supports.get(sid)
            if price is None or not price.cost_eur:
                continue
            support_count[sid] = support_count.get(sid, 0) + 1
            support_cost += price.cost_eur
            if price.reimbursable:
                support_back += price.cost_eur * v["support_reimbursed_share"]
        years: dict[str, list[float]] = {k: [0.0] * horizon for k in LINE_KEYS}
        for y in range(horizon):
            years["wage_cost_new_workers"][y] = -wage
            years["wage_cost_subsidy"][y] = subsidy
            years["lkv_banenafspraak"][y] = lkv
            if y == 0:
                years["coaching"][y] = -coaching_y1
                years["supports"][y] = -support_cost
                years["supports_reimbursement"][y] = support_back
            if coached and y < 3:
                cost = coach_shares[y] * h * prod * v["jobcoach_rate_eur_per_hour"]
                years["jobcoach"][y] = -cost
                years["jobcoach_reimbursement"][y] = cost * v["jobcoach_reimbursed_share"]
        per_job_years.append(years)
        job_meta.append((lw, instrument))

    return _JobMoney(
        per_job_years,
        job_meta,
        subsidy_groups,
        lkv_groups,
        support_count,
        coached_hours,
        coach_rate,
        coach_shares,
    )


def _cobot_cases(
    process: ProcessModel, figures: PlanFigures, freed: Sequence[FreedValue], v: dict[str, float]
) -> list[CobotCase]:
    """Each cobot: the freed value with the plan minus without its hours, and its costs."""
    prod = process.planning.weeks_per_year
    roles = process.roles
    released_total = figures.released()
    cell = v["cobot_cell_cost_eur"]
    maint = v["cobot_maintenance_eur_per_year"]
    cobot_cases = []
    for cobot in figures.cobots:
        without = dict(released_total)
        for role, hours in cobot.released.items():
            without[role] = max(0.0, without.get(role, 0.0) - hours)
        rest = value_freed_hours(work_balance(process, without), roles, v)
        full_with = sum(f.eur_per_year_full for f in freed) * prod
        full_without = sum(f.eur_per_year_full for f in rest) * prod
        added = full_with - full_without
        cobot_cases.append(
            CobotCase(
                cobot.id,
                cell,
                added,
                maint,
                cell / v["depreciation_years"],
                cell / (added - maint) if added > maint else None,
            )
        )
    return cobot_cases


def _cash_flow(
    money: _JobMoney,
    figures: PlanFigures,
    v: dict[str, float],
    value_by_year: list[float],
    horizon: int,
) -> CashFlow:
    """The cash flow per year: the jobs' items, the cobots and the freed value."""
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
            **{k: items[k] for k in LINE_KEYS[:8]},
            "cobot_investment": 0.0 - investment if y == 0 else 0.0,
            "cobot_maintenance": 0.0 - n_cobots * maint,
            "value_freed_hours": value_by_year[y],
        }
        net = sum(items.values())
        cumulative += net
        disc = net / (1 + rate) ** (y + 1)
        npv += disc
        if payback_year is None and cumulative >= 0 and (figures.jobs or n_cobots):
            payback_year = y + 1
        years_out.append(Year(y + 1, items, net, cumulative, disc))
    cash = CashFlow(tuple(years_out), rate, npv, payback_year)

    return cash


def _value_suffix(
    v: dict[str, float], prod: float, horizon: int, freed: Sequence[FreedValue]
) -> Part:
    """The common factors of the freed-hour values: weeks, ramp-up, leavers' start, scale."""
    values: tuple[tuple[str, str, float | str], ...] = (
        ("weeks", "weeks", prod),
        ("ramp", "share", v["ramp_up_year1_share"]),
        ("leavers", "count", v["leavers_from_year"]),
        ("years", "years", float(horizon)),
        ("scale", "number", v["freed_hour_value_factor"]),
    )
    leavers = any(f.use == "leavers" for f in freed)
    if v["freed_hour_value_factor"] != 1:
        template = (
            N_(
                "x %(scale)s (value factor) x %(weeks)s production weeks, year 1 at %(ramp)s, leavers from year %(leavers)s, / %(years)s years"
            )
            if leavers
            else N_(
                "x %(scale)s (value factor) x %(weeks)s production weeks, year 1 at %(ramp)s, / %(years)s years"
            )
        )
    else:
        template = (
            N_(
                "x %(weeks)s production weeks, year 1 at %(ramp)s, leavers from year %(leavers)s, / %(years)s years"
            )
            if leavers
            else N_("x %(weeks)s production weeks, year 1 at %(ramp)s, / %(years)s years")
        )
    return Part(template, values)


def _case_lines(
    process: ProcessModel,
    figures: PlanFigures,
    r: Rates,
    v: dict[str, float],
    money: _JobMoney,
    freed: Sequence[FreedValue],
    value_by_year: list[float],
    horizon: int,
) -> list[CaseLine]:
    """The yearly lines (average over the horizon), each with its formula."""
    paid = v["paid_weeks_per_year"]
    prod = process.planning.weeks_per_year
    wage_h = v["minimum_wage_eur_per_hour"] * (1 + v["holiday_pay_share"])
    charges = v["employer_charges_share"]
    supplement = v["lks_employer_supplement_share"]
    cap = v["lks_cap_share"]
    subsidy_groups, lkv_groups = money.subsidy_groups, money.lkv_groups
    support_count, coached_hours = money.support_count, money.coached_hours
    coach_rate, coach_shares = money.coach_rate, money.coach_shares
    n_cobots = len(figures.cobots)
    cell = v["cobot_cell_cost_eur"]
    maint = v["cobot_maintenance_eur_per_year"]
    depreciation = n_cobots * cell / v["depreciation_years"] if n_cobots else 0.0

    def avg(key: str) -> float:
        return money.average(key, horizon)

    hours = sum(figures.job_hours)
    n = len(figures.jobs)
    years_part = Part(N_("/ %(years)s years"), (("years", "years", float(horizon)),))
    lines: list[CaseLine] = [
        CaseLine(
            "wage_cost_new_workers",
            avg("wage_cost_new_workers"),
            ()
            if not n
            else (
                Part(
                    N_(
                        "%(hours)s h/week x %(weeks)s paid weeks x %(wage)s (minimum wage with holiday pay) x (1 + %(charges)s employer charges)"
                    ),
                    (
                        ("hours", "hours", hours),
                        ("weeks", "weeks", paid),
                        ("wage", "eur", wage_h),
                        ("charges", "share", charges),
                    ),
                ),
            ),
        ),
        CaseLine(
            "wage_cost_subsidy",
            avg("wage_cost_subsidy"),
            tuple(
                Part(
                    N_(
                        "loonkostensubsidie min(1 - %(lw)s, %(cap)s) x %(hours)s h/week x %(weeks)s paid weeks x %(wage)s x (1 + %(supplement)s)"
                    ),
                    (
                        ("lw", "share", lw),
                        ("cap", "share", cap),
                        ("hours", "hours", h),
                        ("weeks", "weeks", paid),
                        ("wage", "eur", wage_h),
                        ("supplement", "share", supplement),
                    ),
                )
                if instrument == "lks"
                else Part(
                    N_(
                        "loondispensatie (1 - %(lw)s) x %(hours)s h/week x %(weeks)s paid weeks x %(wage)s x (1 + %(charges)s)"
                    ),
                    (
                        ("lw", "share", lw),
                        ("hours", "hours", h),
                        ("weeks", "weeks", paid),
                        ("wage", "eur", wage_h),
                        ("charges", "share", charges),
                    ),
                )
                for (instrument, lw), h in sorted(subsidy_groups.items())
            ),
        ),
        CaseLine(
            "lkv_banenafspraak",
            avg("lkv_banenafspraak"),
            tuple(
                Part(
                    N_(
                        "%(workers)s x min(%(rate)s x %(hours)s h/week x %(weeks)s paid weeks, %(max)s)"
                    ),
                    (
                        ("workers", "count", float(count)),
                        ("rate", "eur", v["lkv_eur_per_hour"]),
                        ("hours", "hours", h),
                        ("weeks", "weeks", paid),
                        ("max", "eur0", v["lkv_max_eur_per_year"]),
                    ),
                )
                for h, count in sorted(lkv_groups.items())
            ),
        ),
        CaseLine(
            "coaching",
            avg("coaching"),
            (
                Part(
                    N_("%(workers)s x %(hours)s h/week x %(weeks)s weeks x %(rate)s in year 1"),
                    (
                        ("workers", "count", float(n)),
                        ("hours", "hours", v["coaching_hours_per_week"]),
                        ("weeks", "weeks", prod),
                        ("rate", "eur", coach_rate),
                    ),
                ),
            )
            + (
                (
                    Part(
                        N_("%(workers)s x %(cost)s praktijkverklaring"),
                        (
                            ("workers", "count", float(n)),
                            ("cost", "eur0", v["praktijkverklaring_cost_eur"]),
                        ),
                    ),
                )
                if v["praktijkverklaring_cost_eur"]
                else ()
            )
            if n
            else (),
            years_part if n else None,
        ),
        CaseLine(
            "jobcoach",
            avg("jobcoach"),
            (
                Part(
                    N_(
                        "(%(y1)s + %(y2)s + %(y3)s) x %(hours)s h/week x %(weeks)s weeks x %(rate)s"
                    ),
                    (
                        ("y1", "share", coach_shares[0]),
                        ("y2", "share", coach_shares[1]),
                        ("y3", "share", coach_shares[2]),
                        ("hours", "hours", coached_hours),
                        ("weeks", "weeks", prod),
                        ("rate", "eur", v["jobcoach_rate_eur_per_hour"]),
                    ),
                ),
            )
            if coached_hours
            else (),
            years_part if coached_hours else None,
        ),
        CaseLine(
            "jobcoach_reimbursement",
            avg("jobcoach_reimbursement"),
            (
                Part(
                    N_("%(share)s of the job-coach cost"),
                    (("share", "share", v["jobcoach_reimbursed_share"]),),
                ),
            )
            if coached_hours
            else (),
        ),
        CaseLine(
            "supports",
            avg("supports"),
            tuple(
                Part(
                    N_("%(count)s x %(support)s at %(cost)s"),
                    (
                        ("count", "count", float(count)),
                        ("support", "support", sid),
                        ("cost", "eur0", r.supports[sid].cost_eur),
                    ),
                )
                for sid, count in sorted(support_count.items())
            ),
            years_part if support_count else None,
        ),
        CaseLine(
            "supports_reimbursement",
            avg("supports_reimbursement"),
            (
                Part(
                    N_("%(share)s of %(cost)s for individual provisions"),
                    (
                        ("share", "share", v["support_reimbursed_share"]),
                        (
                            "cost",
                            "eur0",
                            sum(
                                r.supports[s].cost_eur * c
                                for s, c in support_count.items()
                                if r.supports[s].reimbursable
                            ),
                        ),
                    ),
                ),
            )
            if any(r.supports[s].reimbursable for s in support_count)
            else (),
            years_part if any(r.supports[s].reimbursable for s in support_count) else None,
        ),
        CaseLine(
            "cobot_depreciation",
            0.0 - depreciation,
            (
                Part(
                    N_("%(cobots)s x %(cost)s / %(years)s years"),
                    (
                        ("cobots", "count", float(n_cobots)),
                        ("cost", "eur0", cell),
                        ("years", "years", v["depreciation_years"]),
                    ),
                ),
            )
            if n_cobots
            else (),
        ),
        CaseLine(
            "cobot_maintenance",
            0.0 - n_cobots * maint,
            (
                Part(
                    N_("%(cobots)s x %(cost)s"),
                    (("cobots", "count", float(n_cobots)), ("cost", "eur0", maint)),
                ),
            )
            if n_cobots
            else (),
        ),
        CaseLine(
            "value_freed_hours",
            sum(value_by_year) / horizon,
            tuple(f.part for f in freed),
            _value_suffix(v, prod, horizon, freed) if freed else None,
        ),
    ]
    return lines


def business_case(
    process: ProcessModel,
    figures: PlanFigures,
    r: Rates | None = None,
    *,
    sensitivity: bool = True,
    **draw: float,
) -> BusinessCase:
    """The business case of a plan's figures; `draw` replaces rates (Monte Carlo, tornado).

    Besides rate names, `draw` takes ``loonwaarde_scale`` (every loonwaarde times it).
    """
    r = r if r is not None else rates(process)
    v = {**r.values, **draw}
    prod = process.planning.weeks_per_year
    horizon, ramp = _year_weights(v)
    money = _job_money(process, figures, r, v, horizon)
    freed = value_freed_hours(figures.balance, process.roles, v)

    def value_years(items: Sequence[FreedValue]) -> list[float]:
        return [
            sum(f.eur_per_year_full * prod * ramp[y] for f in items if y + 1 >= f.from_year)
            for y in range(horizon)
        ]

    value_by_year = value_years(freed)
    role_value: dict[str, float] = {}  # average yearly value of each role's freed hours
    for f in freed:
        role_value[f.role] = role_value.get(f.role, 0.0) + sum(value_years([f])) / horizon
    cobot_cases = _cobot_cases(process, figures, freed, v)
    n_cobots = len(figures.cobots)
    investment = n_cobots * v["cobot_cell_cost_eur"]
    maintenance = n_cobots * v["cobot_maintenance_eur_per_year"]
    cobot_value = sum(c.value_eur_per_year for c in cobot_cases)
    payback = (
        investment / (cobot_value - maintenance) if n_cobots and cobot_value > maintenance else None
    )
    lines = _case_lines(process, figures, r, v, money, freed, value_by_year, horizon)
    released_total = figures.released()
    job_cases = []
    for job, years, (lw, instrument) in zip(figures.jobs, money.per_job, money.meta, strict=True):
        items = {k: sum(years[k]) / horizon for k in LINE_KEYS[:8]}
        items["value_freed_hours"] = sum(
            role_value.get(role, 0.0) * hours / released_total[role]
            for role, hours in job.released.items()
            if released_total.get(role, 0.0) > 0
        )
        job_cases.append(JobCase(job.id, job.profile, job.hours_per_week, lw, instrument, items))
    case = BusinessCase(
        tuple(lines),
        sum(item.amount_eur_per_year for item in lines),
        investment,
        payback,
        dict(v),
        dict(r.sources),
        _cash_flow(money, figures, v, value_by_year, horizon),
        tuple(job_cases),
        tuple(cobot_cases),
        tuple(freed),
        None,
    )
    if sensitivity:
        case = dataclasses.replace(
            case, sensitivity=sensitivity_of(process, figures, r, case, draw)
        )
    return case


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
    ("support_reimbursed_share", "rate"),
    ("ramp_up_year1_share", "rate"),
    ("vacancy_value_factor", "rate"),
    ("agency_premium_share", "rate"),
    ("cobot_maintenance_eur_per_year", "rate"),
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
        nets = []
        for value in (low, high):
            if key == "hours_scale":
                moved = business_case(
                    process, scaled_figures(process, figures, value), r, sensitivity=False, **draw
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
        released, per_hour, break_even, tuple(bars[:TORNADO_BARS]), case.net_eur_per_year
    )
