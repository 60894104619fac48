"""The report's view model: small dataclasses with ready-to-print strings.

Templates only print what this module prepares: every number is formatted here for the
report's language, every chart is laid out here as coordinates. `gettext` is the
translation function of the report's language (see `i18n.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import networkx as nx

from jobcarve.carving.line import DECISECOND, LineSolution
from jobcarve.carving.plan import Plan
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.economics import BusinessCase
from jobcarve.formatting import day, euro, fixed, number, percent
from jobcarve.messages import DIMENSION_NAMES, LANGUAGES
from jobcarve.model import DIMENSIONS, ProcessModel, Role
from jobcarve.report.balance import BalanceView, ProposalRow, balance_view, proposal_rows
from jobcarve.report.document import plan_bound
from jobcarve.results import Analysis, TaskResult
from jobcarve.uncertainty import Spread, Uncertainty

Gettext = Callable[[str], str]

#: Verdict classes of the task graph, in legend order.
VERDICTS = ("fits", "support", "split", "skilled", "cobot")


@dataclass(frozen=True)
class Headline:
    extra_workers: int
    extra_fte: str
    banenafspraak_jobs: str
    skilled_hours: str
    cobots: int
    status: str
    optimal: bool
    gap: str
    bound: str
    displaced: str = "0"
    displaced_hours: float = 0.0


@dataclass(frozen=True)
class Bar:
    label: str
    before: str
    after: str
    y: float
    before_width: float
    after_width: float
    hard_to_fill: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    x: float
    y: float
    verdict: str
    verdict_label: str
    hours: str


@dataclass(frozen=True)
class Edge:
    path: str


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    node_width: int
    node_height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True)
class JobUnit:
    name: str
    hours: str


@dataclass(frozen=True)
class Demand:
    dimension: str
    level: int


@dataclass(frozen=True)
class JobCard:
    id: str
    title: str
    profile: str
    hours: str
    fte: str
    units: tuple[JobUnit, ...]
    demands: tuple[Demand, ...]
    supports: tuple[str, ...]
    kinds: int


@dataclass(frozen=True)
class CobotCard:
    id: str
    model: str
    hours: str
    units: tuple[JobUnit, ...]
    assists: tuple[JobUnit, ...]
    payload_margin: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class GatedUnit:
    name: str
    gates: tuple[str, ...]


@dataclass(frozen=True)
class SplitRow:
    task: str
    hours: str
    source: str
    units: tuple[JobUnit, ...]
    overhead: str


@dataclass(frozen=True)
class TaskRow:
    name: str
    role: str
    hours: str
    verdict: str
    verdict_label: str
    fits: str


@dataclass(frozen=True)
class Assumption:
    key: str
    value: str
    source: str


@dataclass(frozen=True)
class Station:
    number: int
    worker: str
    load: str
    tasks: str


@dataclass(frozen=True)
class CaseRow:
    label: str
    amount: str
    formula: str
    negative: bool


@dataclass(frozen=True)
class CashRow:
    label: str
    amounts: tuple[str, ...]
    strong: bool = False


@dataclass(frozen=True)
class JobCaseRow:
    title: str
    hours: str
    loonwaarde: str
    instrument: str
    cost: str
    support: str
    value: str
    net: str
    net_negative: bool


@dataclass(frozen=True)
class CobotCaseRow:
    id: str
    investment: str
    value: str
    net: str
    payback: str


@dataclass(frozen=True)
class TornadoRow:
    label: str
    range: str
    y: float
    low_rect_x: float  # the bar from the base to the net with the input at its low end
    low_rect_width: float
    high_rect_x: float  # ... and at its high end
    high_rect_width: float
    low_x: float
    high_x: float
    net_low: str
    net_high: str
    low_worse: bool


@dataclass(frozen=True)
class TornadoChart:
    width: int
    height: int
    label_width: int
    base_x: float
    base: str
    rows: tuple[TornadoRow, ...]


@dataclass(frozen=True)
class RateRow:
    label: str
    value: str
    source: str


@dataclass(frozen=True)
class BusinessView:
    rows: tuple[CaseRow, ...]
    net: str
    net_negative: bool
    investment: str
    payback: str
    range_workers: str
    range_fte: str
    range_net: str
    range_payback: str
    draws: int
    horizon: int = 5
    years: tuple[str, ...] = ()
    cash: tuple[CashRow, ...] = ()
    npv: str = ""
    discount: str = ""
    payback_year: str = ""
    jobs: tuple[JobCaseRow, ...] = ()
    cobots: tuple[CobotCaseRow, ...] = ()
    break_even: str = ""
    tornado: TornadoChart | None = None
    rates: tuple[RateRow, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportContext:
    """Everything the templates print."""

    lang: str
    title: str
    company: str
    process: str
    sector: str
    location: str
    generated: str
    version: str
    headline: Headline
    chart: Chart
    graph: Graph
    tasks: tuple[TaskRow, ...]
    jobs: tuple[JobCard, ...]
    cobots: tuple[CobotCard, ...]
    gated: tuple[GatedUnit, ...]
    splits: tuple[SplitRow, ...]
    planning: tuple[Assumption, ...]
    assumptions: tuple[Assumption, ...]
    sources: tuple[str, ...]
    line: tuple[Station, ...] = ()
    line_summary: str = ""
    options: dict[str, str] = field(default_factory=dict)
    business: BusinessView | None = None
    balance: BalanceView | None = None
    proposals: tuple[ProposalRow, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for golden files)."""
        return asdict(self)


def build_context(
    process: ProcessModel,
    analysis: Analysis,
    plan: Plan | None,
    lang: str,
    gettext: Gettext,
    *,
    generated_at: datetime,
    version: str,
    line: LineSolution | None = None,
    catalogs: Catalogs | None = None,
    case: BusinessCase | None = None,
    spread: Uncertainty | None = None,
) -> ReportContext:
    """The view model of one report."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _ = gettext
    cats = catalogs if catalogs is not None else load_catalogs()
    units = {u.id: u for u in analysis.units}
    holders = plan.unit_holder if plan else {}
    on_cobot = {uid for uid, hs in holders.items() if any(h["kind"] == "cobot" for h in hs)}
    summary = plan.summary() if plan else None
    headline = Headline(
        extra_workers=summary["extra_workers"] if summary else 0,
        extra_fte=fixed(summary["extra_fte"], lang, 1) if summary else "0",
        banenafspraak_jobs=fixed(summary["banenafspraak_jobs"], lang, 1) if summary else "0",
        skilled_hours=number(summary["skilled_hours_freed_per_week"], lang, 1) if summary else "0",
        cobots=summary["cobots"] if summary else 0,
        status=_("proven optimal")
        if summary and summary["status"] == "optimal"
        else _("best found, not proven optimal")
        if plan is None or plan_bound(plan) is not None
        else _("greedy fallback: the solver found no plan in its time"),
        optimal=bool(summary and summary["status"] == "optimal"),
        gap=percent(summary["gap"], lang, 0) if summary else "",
        bound=number(known, lang, 1)  # known: plan_bound, never an unfound solver 0
        if plan is not None and (known := plan_bound(plan)) is not None
        else "",
        displaced=number(summary["displacement_hours"], lang, 1) if summary else "0",
        displaced_hours=summary["displacement_hours"] if summary else 0.0,
    )
    verdicts = {t.id: _task_verdict(t, on_cobot) for t in analysis.tasks}
    labels = {
        "fits": _("fits as it is"),
        "support": _("fits with support"),
        "split": _("fits after splitting"),
        "skilled": _("skilled work"),
        "cobot": _("cobot"),
    }
    support_names = {
        s.id: (s.name_nl if lang == "nl" else s.name_en) for s in cats.supports.values()
    }
    profile_names = {p.id: p.name for p in process.profiles}
    role_names = {r.id: r.name for r in process.roles}
    return ReportContext(
        lang=lang,
        title=_("Inclusive work redesign") + f": {process.company.name}",
        company=process.company.name,
        process=process.process.name,
        sector=process.company.sector,
        location=process.company.location,
        generated=day(generated_at, lang),
        version=version,
        headline=headline,
        chart=_chart(process, plan, lang),
        graph=_graph(process, analysis, verdicts, labels, lang),
        tasks=tuple(
            TaskRow(
                name=t.name,
                role=role_names.get(t.role, t.role),
                hours=number(t.hours_per_week, lang, 1),
                verdict=verdicts[t.id],
                verdict_label=labels[verdicts[t.id]],
                fits=", ".join(
                    profile_names[p] for p, f in t.fit.items() if f.verdict != "not_accessible"
                )
                or "-",
            )
            for t in analysis.tasks
        ),
        jobs=tuple(_job_cards(process, plan, units, support_names, lang, _)) if plan else (),
        cobots=tuple(_cobot_cards(plan, units, lang, cats)) if plan else (),
        gated=tuple(
            GatedUnit(u.name, tuple(g.reason.text(lang) for g in u.cobot.gates))
            for u in analysis.units
            if u.cobot.gates
        ),
        splits=tuple(
            SplitRow(
                task=t.name,
                hours=number(t.hours_per_week, lang, 1),
                source=t.split_reasons[0].text(lang),
                units=tuple(JobUnit(u.name, number(u.hours_per_week, lang, 1)) for u in t.units),
                overhead=number(t.overhead_hours_per_week, lang, 1),
            )
            for t in analysis.tasks
            if t.split != "none"
        ),
        planning=_planning(process, plan, lang, _),
        assumptions=tuple(
            Assumption(a["key"], _value(a["value"], lang), str(a["source"]))
            for a in analysis.assumptions
        ),
        sources=_sources(cats),
        line=tuple(
            Station(
                s.index + 1,
                s.worker,
                fixed(max(s.load, s.cobot_load) * DECISECOND, lang, 1),
                ", ".join((*s.tasks, *(f"{t} (cobot)" for t in s.cobot_tasks))),
            )
            for s in line.stations
        )
        if line
        else (),
        line_summary=(
            _(
                "At a takt of %(takt)s s the line needs %(stations)d stations, %(tg)d of them staffed by workers from the target group; the longest station takes %(cycle)s s."
            )
            % {
                "takt": number(process.planning.takt_s or 0, lang, 1),
                "stations": len(line.stations),
                "tg": line.target_group_workers,
                "cycle": fixed(line.cycle_time * DECISECOND, lang, 1),
            }
            if line and line.stations
            else ""
        ),
        options={k: str(v) for k, v in (plan.options.items() if plan else [])},
        business=business_view(case, spread, lang, _, process, cats) if case is not None else None,
        balance=balance_view(process, plan, lang, _) if plan else None,
        proposals=proposal_rows(analysis, plan, lang, _) if plan else (),
    )


# --- Business case (issue #15): everything the business section prints -----------------

CASE_LABELS = (
    "wage_cost_new_workers",
    "wage_cost_subsidy",
    "lkv_banenafspraak",
    "coaching",
    "jobcoach",
    "jobcoach_reimbursement",
    "supports",
    "supports_reimbursement",
    "cobot_depreciation",
    "cobot_investment",
    "cobot_maintenance",
    "value_freed_hours",
)


def case_label(key: str, _: Gettext) -> str:
    """The label of a business-case line (or cash-flow item) in the report's language."""
    labels = {
        "wage_cost_new_workers": _("Wage cost of the new workers"),
        "wage_cost_subsidy": _("Wage-cost subsidy (loonkostensubsidie or loondispensatie)"),
        "lkv_banenafspraak": _("Wage-cost benefit banenafspraak (LKV)"),
        "coaching": _("Coaching by colleagues (praktijkleren, year 1)"),
        "jobcoach": _("External job coach (years 1-3)"),
        "jobcoach_reimbursement": _("Job coach reimbursed by UWV or the municipality"),
        "supports": _("Supports at the workplace"),
        "supports_reimbursement": _("Supports reimbursed (werkvoorzieningen)"),
        "cobot_depreciation": _("Cobot cells: depreciation"),
        "cobot_investment": _("Cobot cells: investment"),
        "cobot_maintenance": _("Cobot cells: maintenance"),
        "value_freed_hours": _("Value of the freed hours, by where they go"),
    }
    return labels[key]


def tornado_label(key: str, _: Gettext) -> str:
    """The label of a sensitivity input."""
    labels = {
        "loonwaarde_scale": _("loonwaarde of the profiles"),
        "freed_hour_value_factor": _("value of a freed hour"),
        "hours_scale": _("hours of the plan"),
        "cobot_cell_cost_eur": _("cost of a cobot cell"),
        "minimum_wage_eur_per_hour": _("hourly wage"),
        "employer_charges_share": _("employer charges"),
        "coaching_hours_per_week": _("coaching hours per week"),
        "jobcoach_rate_eur_per_hour": _("job coach rate"),
        "support_reimbursed_share": _("share of supports reimbursed"),
        "ramp_up_year1_share": _("productivity in year 1"),
        "vacancy_value_factor": _("value of vacancy work"),
        "agency_premium_share": _("agency premium"),
        "cobot_maintenance_eur_per_year": _("cobot maintenance"),
    }
    return labels.get(key, key)


def _range(spread: Spread | None, fmt: Callable[[float], str]) -> str:
    if spread is None or spread.p10 is None or spread.p90 is None:
        return "-"
    return f"{fmt(spread.p10)} – {fmt(spread.p90)}"


def _formula_value(kind: str, value: float | str, lang: str, names: dict[str, str]) -> str:
    """One value of a business-case formula in the report's notation."""
    if isinstance(value, str):
        return names.get(value, value)
    if kind == "eur":
        return euro(value, lang, cents=True)
    if kind == "eur0":
        return euro(value, lang)
    if kind == "share":
        return number(value * 100, lang, 2) + "%"
    if kind in ("count", "years"):
        return number(value, lang, 0)
    if kind == "weeks":
        return number(value, lang, 2)
    if kind == "number":
        return number(value, lang, 2)
    return number(value, lang, 1)


def _input_value(key: str, value: float, lang: str) -> str:
    """A sensitivity input's value: a percentage, an amount or a number."""
    if key.endswith(("_share", "_scale", "_factor")):
        return percent(value, lang, 0)
    if key.endswith(("_eur", "_per_hour", "_per_year")):
        return euro(value, lang, cents=value < 100)
    return number(value, lang, 1)


def _tornado(case: BusinessCase, lang: str, _: Gettext) -> TornadoChart | None:
    s = case.sensitivity
    if s is None or not s.tornado:
        return None
    label_w, plot_w, row_h, margin = 230, 440, 30, 80
    base = s.base_net_eur_per_year
    reach = max(max(abs(b.net_at_low - base), abs(b.net_at_high - base)) for b in s.tornado)
    scale = (plot_w / 2 - margin) / reach if reach > 0 else 0.0
    centre = label_w + plot_w / 2
    rows = []
    for i, bar in enumerate(s.tornado):
        low_x = centre + (bar.net_at_low - base) * scale
        high_x = centre + (bar.net_at_high - base) * scale
        rows.append(
            TornadoRow(
                label=tornado_label(bar.key, _),
                range=f"{_input_value(bar.key, bar.low_value, lang)} – "
                f"{_input_value(bar.key, bar.high_value, lang)}",
                y=round(8 + i * row_h, 1),
                low_rect_x=round(min(low_x, centre), 1),
                low_rect_width=round(abs(low_x - centre), 1),
                high_rect_x=round(min(high_x, centre), 1),
                high_rect_width=round(abs(high_x - centre), 1),
                low_x=round(low_x, 1),
                high_x=round(high_x, 1),
                net_low=euro(bar.net_at_low, lang),
                net_high=euro(bar.net_at_high, lang),
                low_worse=bar.net_at_low < bar.net_at_high,
            )
        )
    return TornadoChart(
        width=label_w + plot_w,
        height=16 + row_h * len(rows),
        label_width=label_w,
        base_x=round(centre, 1),
        base=euro(base, lang),
        rows=tuple(rows),
    )


#: The rates the report names in plain words (key, label), in this order.
_NAMED_RATES = (
    "minimum_wage_eur_per_hour",
    "paid_weeks_per_year",
    "employer_charges_share",
    "lks_cap_share",
    "lks_employer_supplement_share",
    "lkv_eur_per_hour",
    "jobcoach_rate_eur_per_hour",
    "overtime_surcharge_share",
    "agency_premium_share",
    "vacancy_value_factor",
    "ramp_up_year1_share",
    "discount_rate_share",
)


def _rate_label(key: str, _: Gettext) -> str:
    labels = {
        "minimum_wage_eur_per_hour": _("Statutory minimum wage per hour"),
        "paid_weeks_per_year": _("Paid weeks per year (wages and subsidies)"),
        "employer_charges_share": _("Employer charges on the wage"),
        "lks_cap_share": _("Highest loonkostensubsidie (share of the minimum wage)"),
        "lks_employer_supplement_share": _("Loonkostensubsidie supplement for employer costs"),
        "lkv_eur_per_hour": _("LKV banenafspraak per paid hour"),
        "jobcoach_rate_eur_per_hour": _("Job coach per hour"),
        "overtime_surcharge_share": _("Overtime surcharge (CAO)"),
        "agency_premium_share": _("Agency premium over own wage cost"),
        "vacancy_value_factor": _("Value of vacancy work, times the wage cost"),
        "ramp_up_year1_share": _("Share of the freed-hour value counted in year 1"),
        "discount_rate_share": _("Discount rate for the net present value"),
    }
    return labels[key]


def business_view(
    case: BusinessCase,
    spread: Uncertainty | None,
    lang: str,
    _: Gettext,
    process: ProcessModel | None = None,
    catalogs: Catalogs | None = None,
) -> BusinessView:
    """The business case, its cash flow, the case per job and cobot, and its range, formatted."""
    names: dict[str, str] = {}
    if process is not None:
        names.update({r.id: r.name for r in process.roles})
    if catalogs is not None:
        names.update(
            {s.id: (s.name_nl if lang == "nl" else s.name_en) for s in catalogs.supports.values()}
        )

    def value(kind: str, v: float | str) -> str:
        return _formula_value(kind, v, lang, names)

    rows = tuple(
        CaseRow(
            case_label(line.key, _),
            euro(line.amount_eur_per_year, lang),
            line.render(value, _) if line.parts else "-",
            line.amount_eur_per_year < 0,
        )
        for line in case.lines
        if line.parts or abs(line.amount_eur_per_year) >= 0.5
    )
    payback = (
        _("no cobot in the plan")
        if not case.cobot_investment_eur
        else (
            _("%(years)s years") % {"years": fixed(case.cobot_payback_years, lang, 1)}
            if case.cobot_payback_years is not None
            else _("does not pay back")
        )
    )
    cash_rows: list[CashRow] = []
    years: tuple[str, ...] = ()
    npv = discount = payback_year = ""
    horizon = 5
    if case.cash_flow is not None:
        flow = case.cash_flow
        horizon = len(flow.years)
        years = tuple(str(y.year) for y in flow.years)
        for key in flow.years[0].items if flow.years else ():
            amounts = [y.items[key] for y in flow.years]
            if any(abs(a) >= 0.5 for a in amounts):
                cash_rows.append(CashRow(case_label(key, _), tuple(euro(a, lang) for a in amounts)))
        cash_rows.append(
            CashRow(_("Net"), tuple(euro(y.net, lang) for y in flow.years), strong=True)
        )
        cash_rows.append(
            CashRow(_("Cumulative"), tuple(euro(y.cumulative, lang) for y in flow.years))
        )
        npv = euro(flow.npv_eur, lang)
        discount = percent(flow.discount_rate, lang, 1)
        payback_year = (
            _("year %(year)s") % {"year": flow.payback_year}
            if flow.payback_year is not None
            else _("not within %(years)s years") % {"years": horizon}
        )
    instruments = {
        "lks": _("loonkostensubsidie"),
        "loondispensatie": _("loondispensatie"),
        "none": _("none"),
    }
    profile_names = {p.id: p.name for p in process.profiles} if process is not None else {}
    jobs = tuple(
        JobCaseRow(
            title=f"{i}. {profile_names.get(j.profile, j.profile)}",
            hours=number(j.hours_per_week, lang, 1),
            loonwaarde=percent(j.loonwaarde, lang, 0),
            instrument=instruments.get(j.instrument, j.instrument),
            cost=euro(j.items["wage_cost_new_workers"], lang),
            support=euro(
                sum(
                    v
                    for k, v in j.items.items()
                    if k not in ("wage_cost_new_workers", "value_freed_hours")
                ),
                lang,
            ),
            value=euro(j.items["value_freed_hours"], lang),
            net=euro(j.net_eur_per_year, lang),
            net_negative=j.net_eur_per_year < 0,
        )
        for i, j in enumerate(case.jobs, start=1)
    )
    cobots = tuple(
        CobotCaseRow(
            id=c.id,
            investment=euro(c.investment_eur, lang),
            value=euro(c.value_eur_per_year, lang),
            net=euro(c.net_eur_per_year, lang),
            payback=fixed(c.payback_years, lang, 1)
            if c.payback_years is not None
            else _("does not pay back"),
        )
        for c in case.cobots
    )
    s = case.sensitivity
    break_even = ""
    if s is not None and s.break_even_eur_per_released_hour is not None:
        break_even = _(
            "The plan breaks even when an hour of work it frees is worth %(break_even)s on average; as valued here it is worth %(value)s (%(hours)s freed hours a week)."
        ) % {
            "break_even": euro(s.break_even_eur_per_released_hour, lang, cents=True),
            "value": euro(s.value_eur_per_released_hour or 0.0, lang, cents=True),
            "hours": number(s.released_hours_per_week, lang, 1),
        }
    rate_rows = tuple(
        RateRow(
            _rate_label(k, _),
            _formula_value(
                "share" if k.endswith("_share") else "eur" if "eur" in k else "number",
                case.rates[k],
                lang,
                names,
            ),
            case.sources.get(k, ""),
        )
        for k in _NAMED_RATES
        if k in case.rates
    )
    notes = [
        _(
            "The no-risk policy (no-riskpolis): if a worker from the banenafspraak target group falls ill, UWV pays a sickness benefit (Ziektewet) of 70 to 100% of the capped daily wage for up to 104 weeks, which the employer sets off against the wage it keeps paying. It lowers the risk of these jobs and is not counted as an amount here."
        ),
        _(
            "The LKV banenafspraak is counted on top of the loonkostensubsidie: sources from before 2026 allow the combination (it is excluded only for Wsw and beschut werk); the 2026 rule could not be verified, so check it with the payroll administration."
        ),
    ]
    if any(f.use == "backlog" and f.eur_per_hour == 0 for f in case.freed):
        notes.append(
            _("Backlog work is counted at no value because the model states no margin for it.")
        )
    if any(f.use == "displaced" for f in case.freed):
        notes.append(
            _(
                "Some freed hours have no declared use (no vacancy, overtime, agency work, backlog or leaver takes them): they are worth nothing here and mean work taken from people employed today."
            )
        )
    return BusinessView(
        rows=rows,
        net=euro(case.net_eur_per_year, lang),
        net_negative=case.net_eur_per_year < 0,
        investment=euro(case.cobot_investment_eur, lang),
        payback=payback,
        range_workers=_range(
            spread.extra_workers if spread else None, lambda v: number(v, lang, 0)
        ),
        range_fte=_range(spread.extra_fte if spread else None, lambda v: fixed(v, lang, 1)),
        range_net=_range(spread.net_eur_per_year if spread else None, lambda v: euro(v, lang)),
        range_payback=_range(spread.payback_years if spread else None, lambda v: fixed(v, lang, 1)),
        draws=spread.draws if spread else 0,
        horizon=horizon,
        years=years,
        cash=tuple(cash_rows),
        npv=npv,
        discount=discount,
        payback_year=payback_year,
        jobs=jobs,
        cobots=cobots,
        break_even=break_even,
        tornado=_tornado(case, lang, _),
        rates=rate_rows,
        notes=tuple(notes),
    )


def _task_verdict(task: TaskResult, on_cobot: set[str]) -> str:
    if any(u.id in on_cobot for u in task.units):
        return "cobot"
    fits = [f.verdict for f in task.fit.values()]
    if "fits" in fits:
        return "fits"
    if "fits_with_support" in fits:
        return "support"
    if "needs_split" in fits:
        return "split"
    return "skilled"


def _chart(process: ProcessModel, plan: Plan | None, lang: str) -> Chart:
    from jobcarve.graph import summarize

    before = {r.role: r.hours_per_week for r in summarize(process).roles}
    after = dict(before)
    if plan is not None:
        after = {j.role: j.hours_per_week for j in plan.jobs if j.kind == "existing" and j.role}
    rows: list[tuple[Role | None, float, float]] = [
        (r, before.get(r.id, 0.0), after.get(r.id, 0.0)) for r in process.roles
    ]
    if plan is not None:
        for job in plan.carved:
            rows.append((None, 0.0, job.hours_per_week))
    top = max([b for _, b, _ in rows] + [a for _, _, a in rows] + [1.0])
    step = _nice_step(top)
    label_w, plot_w, row_h = 230, 420, 34
    bars = []
    for i, (role, b, a) in enumerate(rows):
        label = (
            role.name
            if role is not None
            else _carved_label(
                plan, i - len(process.roles), {p.id: p.name for p in process.profiles}
            )
        )
        bars.append(
            Bar(
                label=label,
                before=number(b, lang, 1),
                after=number(a, lang, 1),
                y=10 + i * row_h,
                before_width=round(plot_w * b / (step * _ceil_div(top, step)), 1),
                after_width=round(plot_w * a / (step * _ceil_div(top, step)), 1),
                hard_to_fill=bool(role is not None and role.hard_to_fill),
            )
        )
    n_ticks = _ceil_div(top, step)
    ticks = tuple(
        (round(label_w + plot_w * k / n_ticks, 1), number(k * step, lang, 0))
        for k in range(n_ticks + 1)
    )
    return Chart(
        width=label_w + plot_w + 80,
        height=20 + row_h * len(rows) + 24,
        label_width=label_w,
        bars=tuple(bars),
        ticks=ticks,
    )


def _carved_label(plan: Plan | None, index: int, names: dict[str, str] | None = None) -> str:
    assert plan is not None
    job = plan.carved[index]
    name = (names or {}).get(job.profile or "", job.profile or "")
    return f"{index + 1}. {name}" if len(name) <= 28 else f"{index + 1}. {name[:27]}…"


def _nice_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 8:
            return float(step)
    return top / 8


def _ceil_div(a: float, b: float) -> int:
    return max(1, int(-(-a // b)))


def _graph(
    process: ProcessModel,
    analysis: Analysis,
    verdicts: dict[str, str],
    labels: dict[str, str],
    lang: str,
) -> Graph:
    """Layered left-to-right layout: columns by topological generation, rows by barycentre."""
    g: nx.DiGraph[str] = nx.DiGraph()
    for t in process.tasks:
        g.add_node(t.id)
        for p in t.after:
            g.add_edge(p, t.id)
    layers = [sorted(layer) for layer in nx.topological_generations(g)]
    position: dict[str, int] = {}
    for layer in layers:
        layer.sort(
            key=lambda n: (
                sum(position[p] for p in g.predecessors(n)) / max(1, g.in_degree(n))
                if g.in_degree(n)
                else 0,
                n,
            )
        )
        for i, n in enumerate(layer):
            position[n] = i
    node_w, node_h, gap_x, gap_y, pad = 170, 46, 50, 18, 12
    names = {t.id: t.name for t in process.tasks}
    hours = {t.id: t.hours_per_week for t in analysis.tasks}
    coords: dict[str, tuple[float, float]] = {}
    nodes = []
    for col, layer in enumerate(layers):
        for row, n in enumerate(layer):
            x, y = pad + col * (node_w + gap_x), pad + row * (node_h + gap_y)
            coords[n] = (x, y)
            label = names[n] if len(names[n]) <= 24 else names[n][:23] + "…"
            nodes.append(
                Node(n, label, x, y, verdicts[n], labels[verdicts[n]], number(hours[n], lang, 1))
            )
    edges = []
    for u, v in g.edges:
        (x1, y1), (x2, y2) = coords[u], coords[v]
        sx, sy, ex, ey = x1 + node_w, y1 + node_h / 2, x2, y2 + node_h / 2
        mid = (sx + ex) / 2
        edges.append(
            Edge(f"M{sx:.0f},{sy:.0f} C{mid:.0f},{sy:.0f} {mid:.0f},{ey:.0f} {ex - 6:.0f},{ey:.0f}")
        )
    width = pad * 2 + len(layers) * (node_w + gap_x) - gap_x
    height = pad * 2 + max((len(layer) for layer in layers), default=1) * (node_h + gap_y) - gap_y
    return Graph(int(width), int(height), node_w, node_h, tuple(nodes), tuple(edges))


def _job_cards(
    process: ProcessModel,
    plan: Plan,
    units: dict[str, Any],
    support_names: dict[str, str],
    lang: str,
    _: Gettext,
) -> list[JobCard]:
    profiles = {p.id: p for p in process.profiles}
    task_names = {t.id: t.name for t in process.tasks}
    cards = []
    for n, job in enumerate(plan.carved, start=1):
        demands = {d: max(units[u].demands[d] for u in job.units) for d in DIMENSIONS}
        by_hours = sorted(job.unit_hours.items(), key=lambda kv: -kv[1])
        main_tasks = list(dict.fromkeys(task_names[units[u].task] for u, _h in by_hours))[:2]
        title = _("Production assistant") + ": " + " & ".join(main_tasks).lower()
        cards.append(
            JobCard(
                id=job.id,
                title=f"{n}. {title}",
                profile=profiles[job.profile].name if job.profile else "",
                hours=number(job.hours_per_week, lang, 1),
                fte=fixed(job.hours_per_week / process.planning.hours_per_fte, lang, 2),
                units=tuple(JobUnit(units[u].name, number(h, lang, 1)) for u, h in by_hours),
                demands=tuple(
                    Demand(DIMENSION_NAMES[d][LANGUAGES.index(lang)], lvl)
                    for d, lvl in demands.items()
                    if lvl > 0
                ),
                supports=tuple(support_names.get(s, s) for s in job.supports),
                kinds=len(job.tasks),
            )
        )
    return cards


def _cobot_cards(plan: Plan, units: dict[str, Any], lang: str, cats: Catalogs) -> list[CobotCard]:
    models = {c.id: c for c in cats.cobots}
    cards = []
    for cobot in plan.cobots:
        model = models.get(cobot.model or "")
        margins = [
            units[u].cobot.model.payload_margin_kg
            for u in (*cobot.units, *cobot.assists)
            if units[u].cobot.model
        ]
        reasons = []
        for uid in (*cobot.units, *cobot.assists):
            reasons += [r.text(lang) for r in units[uid].cobot.reasons[:2]]
        cards.append(
            CobotCard(
                id=cobot.id,
                model=f"{model.manufacturer} {model.model}" if model else "-",
                hours=number(cobot.hours_per_week, lang, 1),
                units=tuple(
                    JobUnit(units[u].name, number(units[u].hours_per_week, lang, 1))
                    for u in cobot.units
                ),
                assists=tuple(
                    JobUnit(units[u].name, number(units[u].hours_per_week, lang, 1))
                    for u in cobot.assists
                ),
                payload_margin=(number(min(margins), lang, 1) + " kg") if margins else "-",
                reasons=tuple(dict.fromkeys(reasons)),
            )
        )
    return cards


def _planning(
    process: ProcessModel, plan: Plan | None, lang: str, _: Gettext
) -> tuple[Assumption, ...]:
    p = process.planning
    rows = [
        Assumption(
            _("Units per week"),
            number(p.units_per_week, lang, 1),
            _("model: planning.units_per_week"),
        ),
        Assumption(
            _("Working weeks per year"),
            number(p.weeks_per_year, lang, 1),
            _("model: planning.weeks_per_year"),
        ),
        Assumption(
            _("Hours per FTE"), number(p.hours_per_fte, lang, 1), _("model: planning.hours_per_fte")
        ),
        Assumption(_("Shifts"), str(p.shifts), _("model: planning.shifts")),
    ]
    if plan is not None:
        o = plan.options
        rows += [
            Assumption(
                _("Minimum hours of a carved job"),
                number(o["min_job_hours"], lang, 1),
                "carving.min_job_hours",
            ),
            Assumption(
                _("Minimum kinds of work per job"),
                str(o["min_kinds_per_job"]),
                "carving.min_kinds_per_job",
            ),
            Assumption(
                _("Maximum physical load of a job"),
                number(o["max_job_ergonomic_load"], lang, 1),
                "carving.max_job_ergonomic_load",
            ),
            Assumption(_("Maximum number of cobots"), str(o["max_cobots"]), "carving.max_cobots"),
        ]
    return tuple(rows)


def _value(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return number(float(value), lang, 3)
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            return f"{len(value)} rows"
        return "; ".join(_value(v, lang) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v, lang)}" for k, v in value.items())
    return str(value)


def _sources(cats: Catalogs) -> tuple[str, ...]:
    out: list[str] = []
    for cat in cats.task_catalogs:
        out.extend(cat.sources)
    out.extend(s.source for s in cats.supports.values())
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class ScenarioRow:
    name: str
    short: str
    workers: str
    fte: str
    banenafspraak: str
    freed: str
    cobots: str
    net: str
    payback: str
    range_workers: str
    status: str
    y: float
    bar: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class ComparisonContext:
    lang: str
    title: str
    company: str
    process: str
    generated: str
    version: str
    rows: tuple[ScenarioRow, ...]
    chart_width: int
    chart_height: int
    label_width: int
    ticks: tuple[tuple[float, str], ...]


def build_comparison_context(
    comparison: Any, lang: str, gettext: Gettext, *, generated_at: datetime, version: str
) -> ComparisonContext:
    """The view model of the comparison report."""
    _ = gettext
    scenarios = comparison.scenarios
    top = max(
        [s.summary()["extra_workers"] for s in scenarios]
        + [s.uncertainty.extra_workers.p90 or 0 for s in scenarios if s.uncertainty]
        + [1]
    )
    label_w, plot_w, row_h = 260, 380, 36
    n_ticks = max(1, int(-(-top // 1)))
    step = 1 if n_ticks <= 10 else _nice_step(top)
    n_ticks = _ceil_div(top, step)
    scale = plot_w / (n_ticks * step)
    rows = []
    for i, s in enumerate(scenarios):
        sm = s.summary()
        spread = s.uncertainty
        payback = (
            _("no cobot")
            if not s.case.cobot_investment_eur
            else (
                fixed(s.case.cobot_payback_years, lang, 1)
                if s.case.cobot_payback_years is not None
                else _("does not pay back")
            )
        )
        rows.append(
            ScenarioRow(
                name=s.name,
                short=s.name if len(s.name) <= 34 else s.name[:33] + "…",
                workers=str(sm["extra_workers"]),
                fte=fixed(sm["extra_fte"], lang, 1),
                banenafspraak=fixed(sm["banenafspraak_jobs"], lang, 1),
                freed=number(sm["skilled_hours_freed_per_week"], lang, 1),
                cobots=str(sm["cobots"]),
                net=euro(s.case.net_eur_per_year, lang),
                payback=payback,
                range_workers=_range(
                    spread.extra_workers if spread else None, lambda v: number(v, lang, 0)
                ),
                status=_("proven optimal")
                if sm["status"] == "optimal"
                else _("best found, not proven optimal"),
                y=10 + i * row_h,
                bar=round(sm["extra_workers"] * scale, 1),
                low=round((spread.extra_workers.p10 or 0) * scale, 1)
                if spread and spread.extra_workers.p10 is not None
                else None,
                high=round((spread.extra_workers.p90 or 0) * scale, 1)
                if spread and spread.extra_workers.p90 is not None
                else None,
            )
        )
    ticks = tuple(
        (round(label_w + scale * k * step, 1), number(k * step, lang, 0))
        for k in range(n_ticks + 1)
    )
    return ComparisonContext(
        lang=lang,
        title=_("Scenarios compared") + f": {comparison.company}",
        company=comparison.company,
        process=comparison.process,
        generated=day(generated_at, lang),
        version=version,
        rows=tuple(rows),
        chart_width=label_w + plot_w + 60,
        chart_height=20 + row_h * len(rows) + 24,
        label_width=label_w,
        ticks=ticks,
    )
