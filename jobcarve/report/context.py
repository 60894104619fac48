"""The report's view model: small dataclasses with ready-to-print strings.

Templates only print what this module prepares: every number is formatted here for the
report's language, every chart is laid out here as coordinates. `gettext` is the
translation function of the report's language (see `i18n.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import networkx as nx

from jobcarve.carving.line import DECISECOND, LineSolution
from jobcarve.carving.plan import Plan
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.economics import LINE_KEYS, BusinessCase
from jobcarve.formatting import day, fixed, money, number, percent
from jobcarve.messages import DIMENSION_NAMES, LANGUAGES, Reason
from jobcarve.model import DIMENSIONS, ProcessModel, Role
from jobcarve.report.advice import advise, payback_text, thresholds
from jobcarve.report.balance import BalanceView, ProposalRow, balance_view, proposal_rows
from jobcarve.report.document import plan_bound
from jobcarve.results import Analysis, TaskResult
from jobcarve.uncertainty import Spread, Uncertainty

Gettext = Callable[[str], str]


def N_(text: str) -> str:
    """Marks a string for the catalogue; it is translated where it is used."""
    return text


#: readable names of the analysis parameters (assumptions table)
PARAMETER_LABELS = {
    "split.handover_overhead_share": N_("Extra hand-over time per extra part of a split task"),
    "split.auto_split_demanding_share": N_(
        "Share of set-up, measuring and decisions in a task split by jobcarve"
    ),
    "split.auto_split_heavy_share": N_("Share of the heavy lift in a task split by jobcarve"),
    "split.routine_cap": N_("Highest demand left in the routine part after an automatic split"),
    "fit.over_capacity_margin": N_("Margin at which a worker is under-challenged"),
    "fit.over_capacity_dimensions": N_(
        "Number of dimensions with that margin that signal monotony"
    ),
    "ergonomics.niosh_load_constant_kg": N_("NIOSH load constant (kg)"),
    "ergonomics.niosh_frequency_table": N_("NIOSH frequency table"),
    "ergonomics.niosh_coupling": N_("NIOSH grip factors"),
    "ergonomics.lifting_index_bands": N_("Lifting index bands"),
    "ergonomics.load_mass_bands_kg": N_("Load mass bands (kg)"),
    "ergonomics.high_frequency_lifts_per_hour": N_("Lifts per hour counted as frequent"),
    "cobot.gripper_mass_kg": N_("Mass of a gripper (kg)"),
    "cobot.payload_margin": N_("Safety factor on a cobot's payload"),
    "cobot.reach_margin": N_("Safety factor on a cobot's reach"),
    "cobot.min_cycle_s": N_("Shortest cobot cycle (seconds)"),
    "cobot.tolerance_repeatability_factor": N_("Tolerance needed per unit of cobot repeatability"),
    "cobot.max_process_force_n": N_("Highest process force next to people (N)"),
    "cobot.max_process_torque_nm": N_("Highest process torque for a cobot (Nm)"),
    "cobot.exposed_region": N_("Body region assumed in a collision (chest)"),
    "cobot.default_robot_mass_kg": N_("Moving mass of a cobot without a catalogue figure (kg)"),
    "cobot.mean_speed_share": N_("Average speed as a share of the allowed top speed"),
    "cobot.grip_release_s": N_("Time to grip and release (seconds)"),
    "cobot.default_reach_mm": N_("Path length per move without a model figure (mm)"),
    "cobot.available_hours_share": N_("Share of the shift hours a cobot cell runs"),
    "cobot.assist_share": N_("Share of the work a cobot takes when it assists a person"),
    "cobot.weights": N_("Weights of the cobot suitability score"),
    "cobot.benefit_weights": N_("Weights of the cobot benefit score"),
    "cobot.benefit_full_hours_per_week": N_(
        "Hours per week that give a cobot the full benefit score"
    ),
    "cobot.candidate_min_feasibility": N_(
        "Lowest suitability score for a cobot to take a task (0-100)"
    ),
    "cobot.assist_min_feasibility": N_("Lowest suitability score for a cobot to assist (0-100)"),
    "carving.min_job_hours": N_("Fewest hours per week of a new job"),
    "carving.min_kinds_per_job": N_("Fewest kinds of work in a new job"),
    "carving.max_job_ergonomic_load": N_("Highest physical load of a new job over the week (0-4)"),
    "carving.banenafspraak_hours": N_("Hours per week of one banenafspraak job"),
    "carving.max_cobots": N_("Most cobot cells in a plan"),
    "carving.volume_share_hours": N_(
        "Largest piece of a task's weekly volume given to one person (hours)"
    ),
    "carving.time_limit_s": N_("Solver time per plan (seconds)"),
    "carving.ergonomic_risk_lifting_index": N_(
        "Lifting index from which a unit needs a lifting aid in a new job"
    ),
    "carving.ergonomic_risk_repetitive_demand": N_(
        "Repetitive-work demand at which a cobot removes an ergonomic risk"
    ),
    "carving.max_volume_shares_per_unit": N_("Most pieces a task's weekly volume is shared into"),
    "carving.min_cobot_added_hours": N_("Fewest hours a week a cobot must add to be advised"),
    "carving.min_kind_share": N_("Smallest share of a job's hours for one kind of work"),
    "carving.proposals_evaluated": N_("Number of split proposals whose effect is computed"),
    "cobot.inspection_knockout_problem_solving": N_(
        "Judgement level at which inspection work stays human"
    ),
    "cobot.judgement_knockout_problem_solving": N_("Judgement level at which work stays human"),
    "cobot.large_gripper_mass_kg": N_("Mass of a gripper for large parts (kg)"),
    "cobot.large_part_size_mm": N_("Part size that needs a large gripper (mm)"),
    "cobot.max_shared_part_size_mm": N_("Largest part a cobot may move next to people (mm)"),
    "cobot.max_variants_candidate": N_("Most product variants for a cobot to take a task"),
    "cobot.perception_cap_sensory": N_("Perception demand above which a cobot cannot do the work"),
    "ergonomics.default_lifts_per_min": N_("Lifts per minute assumed when the model gives none"),
    "ergonomics.high_risk_lifting_index": N_("Lifting index of a high risk"),
    "ergonomics.risk_lifting_index": N_("Lifting index from which there is a risk"),
    "split.core_demand_level": N_("Demand level of the core of a task that a split keeps together"),
}


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
    cobots_label: str = ""


@dataclass(frozen=True)
class Decision:
    """The first screen: the answer, its price and its conditions (see advice.py)."""

    verdict: str  # go | go_with_conditions | not_now
    verdict_label: str
    sentence: str
    workers_label: str
    net: str
    net_negative: bool
    payback: str
    investment: str
    cobot: str
    jobs: tuple[str, ...]
    conditions: tuple[str, ...]
    more_conditions: int
    next_steps: tuple[str, ...]
    stages_note: str


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
class BoardTask:
    step: int
    name: str
    verdict: str
    verdict_label: str
    hours: str
    after: str
    holders: str


@dataclass(frozen=True)
class Lane:
    """One role's tasks in process order (the task board, a swimlane per role)."""

    role: str
    hard_to_fill: bool
    tasks: tuple[BoardTask, ...]


@dataclass(frozen=True)
class JobUnit:
    name: str
    hours: str


@dataclass(frozen=True)
class Demand:
    dimension: str
    level: int


@dataclass(frozen=True)
class ScheduleDay:
    day: str
    hours: str
    work: tuple[JobUnit, ...]


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
    schedule: tuple[ScheduleDay, ...] = ()
    where: str = ""
    coach: str = ""
    checks: tuple[str, ...] = ()
    short: str = ""


@dataclass(frozen=True)
class CobotCard:
    id: str
    model: str
    hours: str
    units: tuple[JobUnit, ...]
    assists: tuple[JobUnit, ...]
    payload_margin: str
    reasons: tuple[str, ...]
    use: str = ""
    use_short: str = ""


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
    kind: str = ""
    source_lang: str = ""
    value_lang: str = ""


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
    rates: tuple[Assumption, ...] = ()
    notes: tuple[str, ...] = ()
    range_notes: tuple[str, ...] = ()


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
    lanes: tuple[Lane, ...]
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
    decision: Decision | None = None
    adviser: str = ""
    organisation: str = ""
    line_cobots: str = ""
    profiles: tuple[str, ...] = ()
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
    n_cobots = summary["cobots"] if summary else 0
    headline = Headline(
        extra_workers=summary["extra_workers"] if summary else 0,
        extra_fte=fixed(summary["extra_fte"], lang, 1) if summary else "0",
        banenafspraak_jobs=fixed(summary["banenafspraak_jobs"], lang, 1) if summary else "0",
        skilled_hours=number(summary["skilled_hours_freed_per_week"], lang, 1) if summary else "0",
        cobots=n_cobots,
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
        cobots_label=_("cobot proposed") if n_cobots == 1 else _("cobots proposed"),
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
    jobs = tuple(_job_cards(process, plan, units, support_names, case, lang, _)) if plan else ()
    cobot_cards = tuple(_cobot_cards(plan, analysis, units, lang, cats, _)) if plan else ()
    business = (
        business_view(case, spread, lang, _, process, cats, plan) if case is not None else None
    )
    adviser = process.company.adviser
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
        chart=_chart(process, plan, lang, [j.title for j in jobs]),
        lanes=_lanes(process, analysis, plan, verdicts, labels, jobs, lang, _),
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
        jobs=jobs,
        cobots=cobot_cards,
        gated=tuple(
            GatedUnit(u.name, tuple(reason_text(g.reason, lang, _) for g in u.cobot.gates))
            for u in analysis.units
            if u.cobot.gates
        ),
        splits=tuple(
            SplitRow(
                task=t.name,
                hours=number(t.hours_per_week, lang, 1),
                source=reason_text(t.split_reasons[0], lang, _),
                units=tuple(JobUnit(u.name, number(u.hours_per_week, lang, 1)) for u in t.units),
                overhead=number(t.overhead_hours_per_week, lang, 1),
            )
            for t in analysis.tasks
            if t.split != "none"
        ),
        planning=_planning(process, plan, lang, _),
        assumptions=tuple(_assumption(a, lang, _) for a in analysis.assumptions),
        sources=tuple(_clean_source(x) for x in _sources(cats)),
        line=_stations(process, analysis, line, lang, _) if line else (),
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
        business=business,
        decision=_decision(process, plan, case, spread, jobs, cobot_cards, line, lang, _),
        adviser=adviser.name if adviser else "",
        organisation=adviser.organisation if adviser else "",
        line_cobots=_line_cobots(line, cobot_cards, _),
        profiles=tuple(p.name for p in process.profiles),
        balance=balance_view(process, plan, lang, _) if plan else None,
        proposals=proposal_rows(analysis, plan, lang, _) if plan else (),
    )


# --- Business case (issue #15): everything the business section prints -----------------

#: keys of the business-case lines and cash-flow items the report names (one home: the
#: economics' line keys; the cash flow has the investment where the lines depreciate it)
CASE_LABELS = (*LINE_KEYS, "cobot_investment")


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
    low, high = fmt(spread.p10), fmt(spread.p90)
    return low if low == high else f"{low} – {high}"  # "5", not "5 – 5"


def _rate_rows(case: BusinessCase, lang: str, _: Gettext) -> tuple[Assumption, ...]:
    """The money rates behind the business case, with their kind of source."""
    labels = {
        "minimum_wage_eur_per_hour": (_("Statutory minimum wage per hour (WML)"), "money"),
        "holiday_pay_share": (_("Holiday allowance"), "share"),
        "employer_charges_share": (_("Employer charges on top of the wage"), "share"),
        "loonwaarde_share": (_("Wage value of a new worker (loonwaarde)"), "share"),
        "lks_cap_share": (_("Highest wage-cost subsidy, share of the minimum wage"), "share"),
        "lks_employer_supplement_share": (
            _("Supplement on the subsidy for employer costs"),
            "share",
        ),
        "coaching_hours_per_week": (_("Coaching hours per new worker per week"), "number"),
        "cobot_cell_cost_eur": (_("Price of a cobot cell"), "money"),
        "cobot_maintenance_eur_per_year": (_("Maintenance of a cobot cell per year"), "money"),
        "depreciation_years": (_("Write-off period of a cobot cell in years"), "number"),
        "freed_hour_value_factor": (_("Value of a freed hour, share of its wage cost"), "share"),
        "default_role_wage_cost_eur_per_hour": (
            _("Wage cost per hour of a role without its own figure"),
            "money",
        ),
    }
    rows = []
    for key, (label, kind) in labels.items():
        if key not in case.rates:
            continue
        v = case.rates[key]
        value = (
            money(v, lang, cents=v < 1000)
            if kind == "money"
            else percent(v, lang, 1 if round(v * 100) != v * 100 else 0)
            if kind == "share"
            else number(v, lang, 1)
        )
        source = case.sources.get(key, "")
        rows.append(Assumption(label, value, _clean_source(source), _source_kind(source, _), "en"))
    return tuple(rows)


def _formula(
    key: str,
    case: BusinessCase,
    process: ProcessModel | None,
    plan: Plan | None,
    lang: str,
    _: Gettext,
) -> str:
    """The computation of a business-case line in the report's language, from the same figures."""
    v = case.rates
    if process is None or plan is None or not v:
        return case_formula_fallback(case, key)
    weeks = process.planning.weeks_per_year
    carved = plan.carved
    hours = sum(j.hours_per_week for j in carved)
    wml = v.get("minimum_wage_eur_per_hour", 0.0)
    holiday = v.get("holiday_pay_share", 0.0)
    wage_h = wml * (1 + holiday)
    n = len(carved)
    hard = [r for r in process.roles if r.hard_to_fill]
    default_rate = v.get("default_role_wage_cost_eur_per_hour", 0.0)
    rate = {r.id: r.wage_cost_eur_per_hour or default_rate for r in hard}
    f = {
        "hours": number(hours, lang, 1),
        "weeks": number(weeks, lang, 1),
        "wage": money(wage_h, lang, cents=True),
        "wml": money(wml, lang, cents=True),
        "holiday": percent(holiday, lang, 0),
        "n": str(n),
    }
    if key == "wage_cost_new_workers":
        return _(
            "%(hours)s h/week × %(weeks)s weeks × %(wage)s per hour (minimum wage %(wml)s plus %(holiday)s holiday allowance) × (1 + %(charges)s employer charges)"
        ) % {**f, "charges": percent(v.get("employer_charges_share", 0.0), lang, 0)}
    if key == "wage_cost_subsidy":
        lw = v.get("loonwaarde_share", 0.0)
        share = min(max(0.0, 1 - lw), v.get("lks_cap_share", 0.0))
        return _(
            "%(share)s of the wage (100%% less a wage value of %(lw)s, at most %(cap)s) × %(hours)s h/week × %(weeks)s weeks × %(wage)s × (1 + %(supp)s supplement)"
        ) % {
            **f,
            "share": percent(share, lang, 0),
            "lw": percent(lw, lang, 0),
            "cap": percent(v.get("lks_cap_share", 0.0), lang, 0),
            "supp": percent(v.get("lks_employer_supplement_share", 0.0), lang, 1),
        }
    if key == "coaching":
        mean = sum(rate.values()) / len(rate) if rate else default_rate
        return _(
            "%(n)s new workers × %(ch)s h/week × %(weeks)s weeks × %(rate)s per hour (average wage cost of the hard-to-fill roles)"
        ) % {
            **f,
            "ch": number(v.get("coaching_hours_per_week", 0.0), lang, 1),
            "rate": money(mean, lang, cents=True),
        }
    if key == "cobot_depreciation":
        return _("%(c)s × %(cell)s / %(years)s years") % {
            "c": str(len(plan.cobots)),
            "cell": money(v.get("cobot_cell_cost_eur", 0.0), lang),
            "years": number(v.get("depreciation_years", 0.0), lang, 1),
        }
    if key == "cobot_maintenance":
        return _("%(c)s × %(m)s per year") % {
            "c": str(len(plan.cobots)),
            "m": money(v.get("cobot_maintenance_eur_per_year", 0.0), lang),
        }
    if key == "value_freed_hours":
        parts = [
            _("%(role)s %(hours)s h at %(rate)s")
            % {
                "role": r.name,
                "hours": number(plan.freed_by_role.get(r.id, 0.0), lang, 1),
                "rate": money(rate[r.id], lang, cents=True),
            }
            for r in hard
            if abs(plan.freed_by_role.get(r.id, 0.0)) >= 0.05
        ]
        return _(
            "%(hours)s h/week freed in hard-to-fill roles (%(parts)s) × %(weeks)s weeks × %(factor)s of the wage cost"
        ) % {
            **f,
            "hours": number(plan.skilled_hours_freed, lang, 1),
            "parts": "; ".join(parts) or "-",
            "factor": percent(v.get("freed_hour_value_factor", 1.0), lang, 0),
        }
    return case_formula_fallback(case, key)


def _payback_range(case: BusinessCase, spread: Uncertainty | None, lang: str, _: Gettext) -> str:
    if not case.cobot_investment_eur:
        return _("no cobot in the plan")
    pb = spread.payback_years if spread is not None else None
    if pb is None or pb.p10 is None:
        return _("does not pay back")
    if pb.p90 is None:
        return _("%(low)s years or never") % {"low": fixed(pb.p10, lang, 1)}
    return f"{fixed(pb.p10, lang, 1)} – {fixed(pb.p90, lang, 1)}"


def case_formula_fallback(case: BusinessCase, key: str) -> str:
    """The business case's own formula text (a line this view does not know yet)."""
    return next((item.formula for item in case.lines if item.key == key), "")


def _formula_value(kind: str, value: float | str, lang: str, names: dict[str, str]) -> str:
    """One value of a business-case formula in the report's notation."""
    if isinstance(value, str):
        return names.get(value, value)
    if kind == "eur":
        return money(value, lang, cents=True)
    if kind == "eur0":
        return money(value, lang)
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
        return money(value, lang, cents=value < 100)
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
                net_low=money(bar.net_at_low, lang),
                net_high=money(bar.net_at_high, lang),
                low_worse=bar.net_at_low < bar.net_at_high,
            )
        )
    return TornadoChart(
        width=label_w + plot_w,
        height=16 + row_h * len(rows),
        label_width=label_w,
        base_x=round(centre, 1),
        base=money(base, lang),
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
    plan: Plan | None = None,
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
            money(line.amount_eur_per_year, lang),
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
                cash_rows.append(
                    CashRow(case_label(key, _), tuple(money(a, lang) for a in amounts))
                )
        cash_rows.append(
            CashRow(_("Net"), tuple(money(y.net, lang) for y in flow.years), strong=True)
        )
        cash_rows.append(
            CashRow(_("Cumulative"), tuple(money(y.cumulative, lang) for y in flow.years))
        )
        npv = money(flow.npv_eur, lang)
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
            cost=money(j.items["wage_cost_new_workers"], lang),
            support=money(
                sum(
                    v
                    for k, v in j.items.items()
                    if k not in ("wage_cost_new_workers", "value_freed_hours")
                ),
                lang,
            ),
            value=money(j.items["value_freed_hours"], lang),
            net=money(j.net_eur_per_year, lang),
            net_negative=j.net_eur_per_year < 0,
        )
        for i, j in enumerate(case.jobs, start=1)
    )
    cobots = tuple(
        CobotCaseRow(
            id=c.id,
            investment=money(c.investment_eur, lang),
            value=money(c.value_eur_per_year, lang),
            net=money(c.net_eur_per_year, lang),
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
            "break_even": money(s.break_even_eur_per_released_hour, lang, cents=True),
            "value": money(s.value_eur_per_released_hour or 0.0, lang, cents=True),
            "hours": number(s.released_hours_per_week, lang, 1),
        }
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
    range_notes: list[str] = []
    if spread is not None and spread.draws and plan is not None:
        summary = plan.summary()
        fte = spread.extra_fte
        if fte.p90 is not None and summary["extra_fte"] > fte.p90 + 0.05:
            full = sum(
                1
                for j in plan.carved
                if plan.instance is not None
                and j.hours_per_week
                >= next(p.hours_available for p in plan.instance.profiles if p.id == j.profile)
                - 0.5
            )
            range_notes.append(
                _(
                    "The plan's %(fte)s FTE lies above this range: %(full)s of its %(n)s new jobs already have the most hours their profile can work, so longer task times cannot add hours while shorter ones take some away. The range shows what can be lost, not a better plan."
                )
                % {
                    "fte": fixed(summary["extra_fte"], lang, 1),
                    "full": str(full),
                    "n": str(len(plan.carved)),
                }
            )
        net = spread.net_eur_per_year
        if (
            net.p10 is not None
            and net.p90 is not None
            and not net.p10 - 1 <= case.net_eur_per_year <= net.p90 + 1
        ):
            range_notes.append(
                _(
                    "The plan's net effect (%(net)s) lies outside this range. The plan uses the most likely value of each estimate; the draws also vary the wage value and the cobot price, whose ranges are not symmetric, and re-plan each draw quickly, which moves less work out of hard-to-fill roles than the full plan."
                )
                % {"net": money(case.net_eur_per_year, lang)}
            )
    return BusinessView(
        rows=rows,
        net=money(case.net_eur_per_year, lang),
        net_negative=case.net_eur_per_year < 0,
        investment=money(case.cobot_investment_eur, lang),
        payback=payback,
        range_workers=_range(
            spread.extra_workers if spread else None, lambda v: number(v, lang, 0)
        ),
        range_fte=_range(spread.extra_fte if spread else None, lambda v: fixed(v, lang, 1)),
        range_net=_range(spread.net_eur_per_year if spread else None, lambda v: money(v, lang)),
        range_payback=_payback_range(case, spread, lang, _),
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
        rates=_rate_rows(case, lang, _),
        notes=tuple(notes),
        range_notes=tuple(range_notes),
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


def _chart(
    process: ProcessModel, plan: Plan | None, lang: str, titles: list[str] | None = None
) -> Chart:
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
    label_w, plot_w, row_h = 400, 300, 34
    bars = []
    for i, (role, b, a) in enumerate(rows):
        label = role.name if role is not None else (titles or [])[i - len(process.roles)]
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


def _nice_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 8:
            return float(step)
    return top / 8


def _ceil_div(a: float, b: float) -> int:
    return max(1, int(-(-a // b)))


def _lanes(
    process: ProcessModel,
    analysis: Analysis,
    plan: Plan | None,
    verdicts: dict[str, str],
    labels: dict[str, str],
    jobs: tuple[JobCard, ...],
    lang: str,
    _: Gettext,
) -> tuple[Lane, ...]:
    """The task board: a lane per role, tasks numbered in process order (topological)."""
    g: nx.DiGraph[str] = nx.DiGraph()
    for t in process.tasks:
        g.add_node(t.id)
        for p in t.after:
            g.add_edge(p, t.id)
    order = list(nx.lexicographical_topological_sort(g, key=lambda n: n))
    step = {tid: i for i, tid in enumerate(order, start=1)}
    results = {t.id: t for t in analysis.tasks}
    job_number = {j.id: i for i, j in enumerate(jobs, start=1)}
    lanes: dict[str, list[BoardTask]] = {}
    for tid in order:
        res = results[tid]
        who: list[str] = []
        if plan is not None:
            for u in res.units:
                for h in plan.unit_holder.get(u.id, []):
                    if h["kind"] == "carved" and h["holder"] in job_number:
                        who.append(_("new job %(n)s") % {"n": job_number[h["holder"]]})
                    elif h["kind"] == "cobot":
                        who.append(_("cobot"))
                    elif h["kind"] == "role":
                        who.append(_("stays with the role"))
        after = sorted(step[p] for p in g.predecessors(tid))
        lanes.setdefault(res.role or "", []).append(
            BoardTask(
                step=step[tid],
                name=res.name,
                verdict=verdicts[tid],
                verdict_label=labels[verdicts[tid]],
                hours=number(res.hours_per_week or 0.0, lang, 1),
                after=(_("after step %(steps)s") % {"steps": ", ".join(map(str, after))})
                if after
                else _("first step"),
                holders=", ".join(dict.fromkeys(who)),
            )
        )
    return tuple(
        Lane(r.name, r.hard_to_fill, tuple(lanes[r.id])) for r in process.roles if r.id in lanes
    )


DAYS = {
    "nl": ("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
}


def _lower_first(text: str) -> str:
    """``Nabewerker`` -> ``nabewerker``; ``CNC-operator`` stays (an abbreviation)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def job_titles(process: ProcessModel, plan: Plan, units: dict[str, Any], _: Gettext) -> list[str]:
    """One title per carved job (one home for the cards, the hours table and the first screen)."""
    role_names = {r.id: r.name for r in process.roles}
    titles = []
    for job in plan.carved:
        by_role: dict[str, float] = {}
        for uid, h in job.unit_hours.items():
            by_role[units[uid].role] = by_role.get(units[uid].role, 0.0) + h
        main = sorted(by_role, key=lambda r: -by_role[r])[:2]
        names = [_lower_first(role_names.get(r, r)) for r in main]
        titles.append(_capital(_("assistant %(roles)s") % {"roles": _(" and ").join(names)}))
    seen: dict[str, int] = {}
    for t in titles:
        seen[t] = seen.get(t, 0) + 1
    count: dict[str, int] = {}
    out = []
    for t in titles:
        if seen[t] > 1:
            count[t] = count.get(t, 0) + 1
            out.append(f"{t} {chr(64 + count[t])}")
        else:
            out.append(t)
    return out


def _schedule(
    by_hours: list[tuple[str, float]], units: dict[str, Any], total: float, lang: str
) -> tuple[ScheduleDay, ...]:
    """A simple week: the job's hours over 4 or 5 days, work poured in day by day."""
    days = 4 if total <= 28.5 else 5
    per_day = total / days
    out: list[list[tuple[str, float]]] = [[] for _d in range(days)]
    d, room = 0, per_day
    for uid, h in by_hours:
        left = h
        while left > 1e-6:
            take = min(left, room) if d < days - 1 else left
            merged = False
            for i, (name, hh) in enumerate(out[d]):
                if name == units[uid].name:
                    out[d][i] = (name, hh + take)
                    merged = True
            if not merged:
                out[d].append((units[uid].name, take))
            left -= take
            room -= take
            if room <= 1e-6 and d < days - 1:
                d, room = d + 1, per_day
    return tuple(
        ScheduleDay(
            DAYS[lang][i],
            number(sum(h for _n, h in work), lang, 1),
            tuple(JobUnit(n, number(h, lang, 1)) for n, h in work if h >= 0.05),
        )
        for i, work in enumerate(out)
    )


def _job_cards(
    process: ProcessModel,
    plan: Plan,
    units: dict[str, Any],
    support_names: dict[str, str],
    case: BusinessCase | None,
    lang: str,
    _: Gettext,
) -> list[JobCard]:
    profiles = {p.id: p for p in process.profiles}
    role_names = {r.id: r.name for r in process.roles}
    titles = job_titles(process, plan, units, _)
    o = plan.options
    coach_hours = case.rates.get("coaching_hours_per_week") if case is not None else None
    cards = []
    for n, job in enumerate(plan.carved, start=1):
        demands = {d: max(units[u].demands[d] for u in job.units) for d in DIMENSIONS}
        by_hours = sorted(job.unit_hours.items(), key=lambda kv: -kv[1])
        roles = list(dict.fromkeys(units[u].role for u, _h in by_hours))
        fte = job.hours_per_week / process.planning.hours_per_fte
        checks = [
            _("%(hours)s hours per week: at least %(min)s")
            % {
                "hours": number(job.hours_per_week, lang, 1),
                "min": number(o["min_job_hours"], lang, 1),
            },
            _("%(kinds)s kinds of work: at least %(min)s, so the work is varied")
            % {
                "kinds": len(job.tasks),
                "min": o["min_kinds_per_job"],
            },
            _("physical load within the limit for a whole week (%(max)s on the 0-4 scale)")
            % {"max": number(o["max_job_ergonomic_load"], lang, 1)},
        ]
        cards.append(
            JobCard(
                id=job.id,
                title=f"{n}. {titles[n - 1]}",
                short=titles[n - 1],
                profile=profiles[job.profile].name if job.profile else "",
                hours=number(job.hours_per_week, lang, 1),
                fte=fixed(fte, lang, 2),
                units=tuple(JobUnit(units[u].name, number(h, lang, 1)) for u, h in by_hours),
                demands=tuple(
                    Demand(DIMENSION_NAMES[d][LANGUAGES.index(lang)], lvl)
                    for d, lvl in demands.items()
                    if lvl >= 3
                ),
                supports=tuple(support_names.get(s, s) for s in job.supports),
                kinds=len(job.tasks),
                schedule=_schedule(by_hours, units, job.hours_per_week, lang),
                where=_("at the workplaces of: %(roles)s")
                % {"roles": ", ".join(role_names.get(r, r) for r in roles)},
                coach=_(
                    "a fixed colleague from the team guides the new worker, about %(hours)s hours a week in the first year, with a job coach from the municipality or UWV when needed"
                )
                % {"hours": number(coach_hours, lang, 1)}
                if coach_hours
                else _("a fixed colleague from the team guides the new worker"),
                checks=tuple(checks),
            )
        )
    return cards


def reason_text(reason: Reason, lang: str, _: Gettext) -> str:
    """A reason in plain words: the report's own wording for jargon-laden messages."""
    p = reason.params
    if reason.key == "cobot.candidate":
        return _(
            "Suitable for a cobot: it scores %(f)s out of 100 on suitability, and nothing rules a cobot out."
        ) % {"f": number(p["feasibility"], lang, 0)}
    if reason.key == "cobot.assist":
        return _(
            "A cobot can take part of this work: it scores %(f)s out of 100 on suitability."
        ) % {"f": number(p["feasibility"], lang, 0)}
    if reason.key == "cobot.human_gate":
        return _("Human work: a safety or technical limit rules out a cobot.")
    if reason.key == "gate.tolerance":
        return _(
            "Needs more precision than a cobot gives: a tolerance of %(tol)s mm is less than %(factor)s times the best repeatability (%(rep)s mm)."
        ) % {
            "tol": number(p["tolerance"], lang, 3),
            "factor": number(p["factor"], lang, 1),
            "rep": number(p["repeatability"], lang, 3),
        }
    if reason.key == "gate.cycle":
        return _(
            "Not enough cobot time: a cobot would need %(need)s hours a week for this; %(available)s are available."
        ) % {
            "need": number(p["cobot_hours"], lang, 1),
            "available": number(p["available"], lang, 1),
        }
    if reason.key == "split.catalogue":
        return _("Split by the standard split for this kind of task (%(count)s parts).") % {
            "count": p["count"]
        }
    if reason.key == "split.automatic":
        return (
            reason.text(lang)
            + " "
            + _("This split is a rule of thumb of jobcarve: check it on the shop floor.")
        )
    return reason.text(lang)


def _assist_share(analysis: Analysis) -> float:
    for a in analysis.assumptions:
        if a["key"] == "cobot.assist_share":
            return float(a["value"])
    return 0.5


def _cobot_cards(
    plan: Plan,
    analysis: Analysis,
    units: dict[str, Any],
    lang: str,
    cats: Catalogs,
    _: Gettext,
) -> list[CobotCard]:
    models = {c.id: c for c in cats.cobots}
    share = _assist_share(analysis)
    available = float(plan.options.get("cobot_hours_available") or 0.0)
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
            reasons += [
                f"{units[uid].name}: {reason_text(r, lang, _)}"
                for r in units[uid].cobot.reasons[:2]
            ]
        # the cobot's own share of each unit (the unit's other holders keep the rest)
        taken = {
            uid: sum(
                h["hours_per_week"]
                for h in plan.unit_holder.get(uid, [])
                if h["kind"] == "cobot" and h["holder"] == cobot.id
            )
            for uid in cobot.units
        }
        helped = {
            uid: sum(
                h["hours_per_week"] * share / (1 - share)
                for h in plan.unit_holder.get(uid, [])
                if h["cobot_assist"] and share < 1
            )
            for uid in cobot.assists
        }
        cards.append(
            CobotCard(
                id=cobot.id,
                model=f"{model.manufacturer} {model.model}" if model else "-",
                hours=number(cobot.hours_per_week, lang, 1),
                units=tuple(
                    JobUnit(
                        _("%(name)s (of %(total)s h/week in all)")
                        % {
                            "name": units[u].name,
                            "total": number(units[u].hours_per_week, lang, 1),
                        },
                        number(taken[u], lang, 1),
                    )
                    for u in cobot.units
                ),
                assists=tuple(
                    JobUnit(
                        _("%(name)s (of %(total)s h/week in all)")
                        % {
                            "name": units[u].name,
                            "total": number(units[u].hours_per_week, lang, 1),
                        },
                        number(helped[u], lang, 1),
                    )
                    for u in cobot.assists
                ),
                payload_margin=(number(min(margins), lang, 1) + " kg") if margins else "-",
                reasons=tuple(dict.fromkeys(reasons)),
                use=_(
                    "It runs %(hours)s of the %(available)s hours a week it could run (%(share)s)."
                )
                % {
                    "hours": number(cobot.hours_per_week, lang, 1),
                    "available": number(available, lang, 1),
                    "share": percent(cobot.hours_per_week / available, lang, 0)
                    if available
                    else "-",
                }
                if available
                else "",
                use_short=_("runs %(share)s of the hours it could run")
                % {"share": percent(cobot.hours_per_week / available, lang, 0)}
                if available
                else "",
            )
        )
    return cards


def _worker_name(worker: str, process: ProcessModel, _: Gettext) -> str:
    base, _sep, num = worker.partition("#")
    roles = {r.id: r.name for r in process.roles}
    if base in roles:
        return roles[base] + (f" {num}" if num and num != "1" else "")
    return _("new worker")


def _stations(
    process: ProcessModel, analysis: Analysis, line: LineSolution, lang: str, _: Gettext
) -> tuple[Station, ...]:
    names = {u.id: u.name for u in analysis.units}
    names.update({t.id: t.name for t in analysis.tasks})
    new = 0
    rows = []
    for s in line.stations:
        base = s.worker.partition("#")[0]
        if base in {r.id for r in process.roles}:
            worker = _worker_name(s.worker, process, _)
        else:
            new += 1
            worker = _capital(_("new worker %(n)s") % {"n": new})
        rows.append(
            Station(
                s.index + 1,
                worker,
                fixed(max(s.load, s.cobot_load) * DECISECOND, lang, 1),
                "; ".join(
                    (
                        *(names.get(t, t) for t in s.tasks),
                        *(
                            _("%(task)s (by the cobot)") % {"task": names.get(t, t)}
                            for t in s.cobot_tasks
                        ),
                    )
                ),
            )
        )
    return tuple(rows)


def _line_cobots(line: LineSolution | None, cobots: tuple[CobotCard, ...], _: Gettext) -> str:
    if line is None or not line.stations:
        return ""
    with_cobot = [s.index + 1 for s in line.stations if s.cobot_tasks]
    if not with_cobot:
        return ""
    return _(
        "The line plan under The line places a cobot at station(s) %(stations)s; the pool plan above does not need one. Decide on a cobot from the line plan only after the line is balanced on the shop floor."
    ) % {"stations": ", ".join(str(n) for n in with_cobot)}


def _decision(
    process: ProcessModel,
    plan: Plan | None,
    case: BusinessCase | None,
    spread: Uncertainty | None,
    jobs: tuple[JobCard, ...],
    cobots: tuple[CobotCard, ...],
    line: LineSolution | None,
    lang: str,
    _: Gettext,
) -> Decision | None:
    if plan is None:
        return None
    summary = plan.summary()
    workers = summary["extra_workers"]
    names = tuple(c.model for c in cobots)
    advice = advise(
        extra_workers=workers,
        freed_hours=plan.summary()["absorbed_hours_per_week"],
        case=case,
        spread=spread,
        cobot_names=names,
        lang=lang,
        _=_,
    )
    labels = {
        "go": _("Go"),
        "go_with_conditions": _("Go, on conditions"),
        "not_now": _("Not now, not in this form"),
    }
    net = case.net_eur_per_year if case is not None else 0.0
    fte = fixed(summary["extra_fte"], lang, 1)
    workers_label = (
        _("1 new job for a worker from the target group")
        if workers == 1
        else _("%(n)s new jobs for workers from the target group") % {"n": workers}
    )
    if case is None:
        sentence = workers_label
    elif net >= 0:
        sentence = _(
            "The plan offers work to %(n)s people (%(fte)s FTE) and brings in %(net)s a year net."
        ) % {"n": workers, "fte": fte, "net": money(net, lang)}
    else:
        sentence = _(
            "The plan offers work to %(n)s people (%(fte)s FTE) but costs %(net)s a year net."
        ) % {"n": workers, "fte": fte, "net": money(-net, lang)}
    cobot = (
        "; ".join(f"{c.model} ({c.use_short})" if c.use_short else c.model for c in cobots)
        if cobots
        else _("none")
    )
    t = thresholds().values
    shown = int(t["max_conditions_shown"])
    stages_note = ""  # the status paragraph under the first screen says what is proven
    return Decision(
        verdict=advice.verdict,
        verdict_label=labels[advice.verdict],
        sentence=sentence,
        workers_label=workers_label,
        net=money(net, lang),
        net_negative=net < 0,
        payback=payback_text(case, lang, _) if case is not None else "-",
        investment=money(case.cobot_investment_eur, lang) if case is not None else "-",
        cobot=cobot,
        jobs=tuple(j.short for j in jobs),
        conditions=tuple(c.text for c in advice.conditions[:shown]),
        more_conditions=max(0, len(advice.conditions) - shown),
        next_steps=advice.next_steps,
        stages_note=stages_note,
    )


#: internal notes of the developers that do not ship: dropped from source texts
_INTERNAL = re.compile(
    r"\s*(?:\(?(?:as transcribed in |policy after |after )?(?:the )?domain brief sec\. [\d.]+(?: \[I\])?\)?"
    r"|\(?cobots_hrc\.md(?: sec\. \d+)?(?: step [A-Z](?:\.\d+)?)?(?: decision rule)?\)?)[,;:]?",
)


#: the kind of a source is said in words next to it; its English label goes
_KIND_PREFIX = re.compile(r"^\s*(?:policy|estimate|derived)(?:\s*\[I\])?\s*:?\s*", re.I)


def _clean_source(source: str) -> str:
    text = _INTERNAL.sub("", source).strip(" ,;:")
    text = _KIND_PREFIX.sub("", text)
    text = re.sub(r"\s{2,}", " ", text).replace("( ", "(").replace(" )", ")")
    text = re.sub(r"\(\s*\)", "", text).strip(" ,;:")
    return text


def _source_kind(source: str, _: Gettext) -> str:
    low = source.lower().lstrip()
    if low.startswith("policy") or low.startswith("model options") or " policy" in low[:20]:
        return _("choice of jobcarve (no published norm)")
    if low.startswith("estimate"):
        return _("estimate")
    if low.startswith("derived"):
        return _("derived from published figures")
    if low.startswith("model"):
        return _("from the process model")
    return _("published source")


def _assumption(a: dict[str, Any], lang: str, _: Gettext) -> Assumption:
    key = str(a["key"])
    label = PARAMETER_LABELS.get(key)
    source = str(a["source"])
    value = a["value"]
    return Assumption(
        _(label) if label else key,
        _value(value, lang, _),
        _clean_source(source),
        _source_kind(source, _),
        "en",
        "en" if isinstance(value, dict) else "",
    )


def _planning(
    process: ProcessModel, plan: Plan | None, lang: str, _: Gettext
) -> tuple[Assumption, ...]:
    p = process.planning
    rows = [
        Assumption(
            _("Units per week"),
            number(p.units_per_week, lang, 1),
            _("process model"),
        ),
        Assumption(
            _("Working weeks per year"),
            number(p.weeks_per_year, lang, 1),
            _("process model"),
        ),
        Assumption(_("Hours per FTE"), number(p.hours_per_fte, lang, 1), _("process model")),
        Assumption(_("Shifts"), str(p.shifts), _("process model")),
    ]
    if plan is not None:
        o = plan.options
        rows += [
            Assumption(
                _("Minimum hours of a carved job"),
                number(o["min_job_hours"], lang, 1),
                _("option of the plan (model options or default)"),
            ),
            Assumption(
                _("Minimum kinds of work per job"),
                str(o["min_kinds_per_job"]),
                _("option of the plan (model options or default)"),
            ),
            Assumption(
                _("Maximum physical load of a job"),
                number(o["max_job_ergonomic_load"], lang, 1),
                _("option of the plan (model options or default)"),
            ),
            Assumption(
                _("Maximum number of cobots"),
                str(o["max_cobots"]),
                _("option of the plan (model options or default)"),
            ),
        ]
    return tuple(rows)


def _value(value: Any, lang: str, _: Gettext) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (int, float)):
        return number(float(value), lang, 3)
    if isinstance(value, list):
        if value and isinstance(value[0], list):
            return _("table of %(n)s rows") % {"n": len(value)}
        return "; ".join(_value(v, lang, _) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v, lang, _)}" for k, v in value.items())
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
class DiffBar:
    label: str
    value: str
    y: float
    x: float
    width: float
    negative: bool


@dataclass(frozen=True)
class DiffChart:
    """One figure across the scenarios, as horizontal bars from a zero line."""

    id: str
    title: str
    width: int
    height: int
    label_width: int
    zero: float
    bars: tuple[DiffBar, ...]


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
    charts: tuple[DiffChart, ...] = ()


def diff_chart(
    chart_id: str, title: str, items: list[tuple[str, float, str]], label_w: int = 250
) -> DiffChart:
    """Bars of one figure per scenario; negative values run left of the zero line."""
    plot_w, row_h = 300, 26
    low = min([0.0, *(v for _l, v, _t in items)])
    high = max([0.0, *(v for _l, v, _t in items)])
    span = (high - low) or 1.0
    zero = label_w + plot_w * (-low / span)
    bars = []
    for i, (label, value, text) in enumerate(items):
        w = plot_w * abs(value) / span
        bars.append(
            DiffBar(
                label=label if len(label) <= 34 else label[:33] + "…",
                value=text,
                y=6 + i * row_h,
                x=round(zero - w if value < 0 else zero, 1),
                width=round(w, 1),
                negative=value < 0,
            )
        )
    return DiffChart(
        chart_id,
        title,
        label_w + plot_w + 110,
        12 + row_h * len(items),
        label_w,
        round(zero, 1),
        tuple(bars),
    )


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
                net=money(s.case.net_eur_per_year, lang),
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
    charts = (
        diff_chart(
            "cmp-net",
            _("Net effect per year"),
            [
                (s.name, s.case.net_eur_per_year, money(s.case.net_eur_per_year, lang))
                for s in scenarios
            ],
        ),
        diff_chart(
            "cmp-workers",
            _("Extra workers from the target group"),
            [
                (s.name, float(s.summary()["extra_workers"]), str(s.summary()["extra_workers"]))
                for s in scenarios
            ],
        ),
        diff_chart(
            "cmp-hours",
            _("Hours freed in hard-to-fill roles"),
            [
                (
                    s.name,
                    s.summary()["skilled_hours_freed_per_week"],
                    number(s.summary()["skilled_hours_freed_per_week"], lang, 1),
                )
                for s in scenarios
            ],
        ),
    )
    return ComparisonContext(
        charts=charts,
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
