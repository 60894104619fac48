"""The business section's view: the case's lines with formulas, cash flow, per job and per cobot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jobcarve.carving.plan import Plan
from jobcarve.catalog import Catalogs
from jobcarve.economics import LINE_KEYS, BusinessCase, JobCase
from jobcarve.economics.money import rising_terms
from jobcarve.formatting import day, fixed, join_items, money, number, percent
from jobcarve.model import YOUTH_AGES, ProcessModel
from jobcarve.report.advice import (
    capacity_uses,
    loonwaarde_gaps,
    paid_payback_note,
    payback_text,
)
from jobcarve.report.charts import TornadoChart, _tornado
from jobcarve.report.labels import Assumption, Gettext, sourced
from jobcarve.uncertainty import Spread, Uncertainty


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
    #: a part of the row above, not an item of its own (indented, not added again)
    part: bool = False


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
    #: of the value, the money paid (less overtime, agency hours, leavers not replaced),
    #: and the payback on that alone
    paid: str = ""
    paid_payback: str = ""
    #: the cobot's card heading with its number, as the cobot section names it (not its id)
    title: str = ""


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
    #: the cash flow in money paid alone, where part of the freed hours' value is capacity
    paid_note: str = ""
    #: some job is a secondment: its fee stands where a hire's wage does
    seconded: bool = False
    jobs: tuple[JobCaseRow, ...] = ()
    cobots: tuple[CobotCaseRow, ...] = ()
    break_even: str = ""
    tornado: TornadoChart | None = None
    rates: tuple[Assumption, ...] = ()
    notes: tuple[str, ...] = ()
    range_notes: tuple[str, ...] = ()


# --- Business case (issue #15): everything the business section prints -----------------

#: keys of the business-case lines and cash-flow items the report names (one home: the
#: economics' line keys; the cash flow has the investment where the lines depreciate it)
CASE_LABELS = (*LINE_KEYS, "cobot_investment")


def case_label(key: str, _: Gettext) -> str:
    """The label of a business-case line (or cash-flow item) in the report's language."""
    labels = {
        "wage_cost_new_workers": _("Wage cost of the new workers"),
        "wage_cost_subsidy": _(
            "Wage-cost subsidy (loonkostensubsidie) or the lower wage under loondispensatie"
        ),
        "lkv_banenafspraak": _("Wage-cost benefit banenafspraak (LKV)"),
        "lkv_arbeidsgehandicapt": _(
            "Wage-cost benefit for a disabled worker (LKV, a job's first 3 years)"
        ),
        "coaching": _("Coaching by colleagues (praktijkleren, a job's first year)"),
        "jobcoach": _("External job coach (a job's first 3 years)"),
        "jobcoach_reimbursement": _("Job coach reimbursed by UWV or the municipality"),
        "supports": _("Supports at the workplace"),
        "supports_reimbursement": _("Supports reimbursed (werkvoorzieningen)"),
        "cobot_depreciation": _("Cobot cells: depreciation"),
        "cobot_investment": _("Cobot cells: investment"),
        "cobot_maintenance": _("Cobot cells: maintenance"),
        "value_freed_hours": _("Value of the freed hours, by where they go"),
    }
    return labels[key]


def _range(spread: Spread | None, fmt: Callable[[float], str]) -> str:
    if spread is None or spread.p10 is None or spread.p90 is None:
        return "-"
    low, high = fmt(spread.p10), fmt(spread.p90)
    return low if low == high else f"{low} – {high}"  # "5", not "5 – 5"


def _rate_rows(case: BusinessCase, lang: str, _: Gettext) -> tuple[Assumption, ...]:
    """The money rates behind the business case, with their kind of source."""
    labels = {
        "minimum_wage_eur_per_hour": (_("Statutory minimum wage per hour (WML)"), "money"),
        **{
            f"youth_minimum_wage_share_{age}": (
                _("Youth minimum wage at %(age)s, share of the minimum wage") % {"age": age},
                "share",
            )
            for age in YOUTH_AGES
        },
        "holiday_pay_share": (_("Holiday allowance"), "share"),
        "employer_charges_share": (_("Employer charges on top of the wage"), "share"),
        "loonwaarde_share": (_("Wage value of a new worker (loonwaarde)"), "share"),
        "lks_cap_share": (_("Highest wage-cost subsidy, share of the minimum wage"), "share"),
        "lks_employer_supplement_share": (
            _("Supplement on the subsidy for employer costs"),
            "share",
        ),
        "lkv_eur_per_hour": (_("LKV banenafspraak per paid hour"), "money"),
        "lkv_ag_eur_per_hour": (
            _("LKV disabled worker (arbeidsgehandicapte werknemer) per paid hour"),
            "money",
        ),
        "lkv_max_eur_per_year": (_("LKV banenafspraak: at most per year"), "money"),
        "lkv_ag_max_eur_per_year": (_("LKV disabled worker: at most per year"), "money"),
        "lkv_ag_years": (_("LKV disabled worker: years"), "number"),
        "coaching_hours_per_week": (_("Coaching hours per new worker per week"), "number"),
        "praktijkverklaring_cost_eur": (_("Praktijkverklaring per new worker"), "money"),
        "jobcoach_rate_eur_per_hour": (_("External job coach per hour"), "money"),
        "jobcoach_reimbursed_share": (_("Share of the job coach reimbursed"), "share"),
        "support_reimbursed_share": (
            _("Share reimbursed of the supports that are work provisions (werkvoorzieningen)"),
            "share",
        ),
        "cobot_cell_cost_eur": (_("Price of a cobot cell"), "money"),
        "cobot_maintenance_eur_per_year": (_("Maintenance of a cobot cell per year"), "money"),
        "depreciation_years": (_("Write-off period of a cobot cell in years"), "number"),
        "freed_hour_value_factor": (_("Value of a freed hour, share of its wage cost"), "share"),
        "vacancy_value_factor": (
            _("Value of an hour of vacancy work, share of its wage cost"),
            "share",
        ),
        "overtime_surcharge_share": (_("Overtime surcharge (CAO) on an hour saved"), "share"),
        "agency_premium_share": (_("Agency premium on an agency hour saved"), "share"),
        "default_role_wage_cost_eur_per_hour": (
            _("Wage cost per hour of a role without its own figure"),
            "money",
        ),
        "discount_rate_share": (_("Discount rate for the net present value"), "share"),
        # the year the text points to as "the year set for leavers" (a reading of the dental
        # lab: it stood only in analysis.json)
        "leavers_from_year": (
            _(
                "Year from which people who leave within the horizon are gone (the model gives no date)"
            ),
            "number",
        ),
    }
    # a rate that feeds only one line or one use of freed hours is shown where that line or use
    # is in this case (the overtime surcharge of a plan without overtime is no assumption of it)
    line_of = {
        "lkv_eur_per_hour": "lkv_banenafspraak",
        "lkv_max_eur_per_year": "lkv_banenafspraak",
        "lkv_ag_eur_per_hour": "lkv_arbeidsgehandicapt",
        "lkv_ag_max_eur_per_year": "lkv_arbeidsgehandicapt",
        "lkv_ag_years": "lkv_arbeidsgehandicapt",
        "coaching_hours_per_week": "coaching",
        "praktijkverklaring_cost_eur": "coaching",
        "jobcoach_rate_eur_per_hour": "jobcoach",
        # a reimbursed share of 0 is an assumption of the case too: tied to the cost line
        "jobcoach_reimbursed_share": "jobcoach",
        "support_reimbursed_share": "supports",
        "cobot_cell_cost_eur": "cobot_depreciation",
        "cobot_maintenance_eur_per_year": "cobot_maintenance",
        "depreciation_years": "cobot_depreciation",
    }
    use_of = {
        "vacancy_value_factor": "vacancies",
        "overtime_surcharge_share": "overtime",
        "agency_premium_share": "agency",
        "leavers_from_year": "leavers",
    }
    present = {item.key for item in case.lines if abs(item.amount_eur_per_year) >= 0.5}
    uses = {f.use for f in case.freed if f.hours_per_week > 0}
    if not any(
        f.use == "vacancies" and any(name == "factor" for name, _k, _v in f.part.values)
        for f in case.freed
    ):
        uses.discard("vacancies")  # every vacancy has its own stated value: no factor used
    # a youth share is an assumption of a case whose jobs have a profile of that age
    # every share of the years the worker is younger than 21, for the wage or the subsidy
    youth = {k for j in case.jobs for k in (j.youth_key, *j.youth_keys)}
    rows = []
    for key, (label, kind) in labels.items():
        if key not in case.rates:
            continue
        if key.startswith("youth_minimum_wage_share_") and key not in youth:
            continue
        if key in line_of and line_of[key] not in present:
            continue
        if key in use_of and use_of[key] not in uses:
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
        rows.append(sourced(label, value, source, case.sources_nl.get(key), lang, _))
    return tuple(rows)


def _payback_range(case: BusinessCase, spread: Uncertainty | None, lang: str, _: Gettext) -> str:
    if not case.cobots or not case.cobot_investment_eur:
        return payback_text(case, lang, _)
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


def shown_fte(value: float) -> float:
    """An FTE figure as the report prints it (one decimal, the formatter's rounding), so
    that "above this range" compares what the reader sees (a review read "2.2 FTE lies
    above this range" beside 2.0-2.2; Python's round() and the formatter differ on halves)."""
    return float(fixed(value, "en", 1).replace(",", ""))


def _wage_note(job: JobCase, lang: str, _: Gettext) -> str:
    """The wage of a job that is not the adult minimum wage (`JobCase.wage_basis`), to follow
    its instrument in the per-job table; "" for the adult minimum and a secondment fee."""
    if job.wage_basis == "stated":
        return "; " + _("CAO wage %(wage)s an hour before holiday pay") % {
            "wage": money(job.wage_eur_per_hour, lang, cents=True)
        }
    if job.wage_basis.startswith("stated_youth_rising_"):
        return "; " + _(
            "CAO wage %(wage)s an hour before holiday pay, or the minimum wage for the age from the year it is higher"
        ) % {"wage": money(job.wage_eur_per_hour, lang, cents=True)}
    if job.wage_basis.startswith("youth_rising_"):
        return "; " + _(
            "youth minimum wage at %(age)s, %(wage)s an hour before holiday pay in the first year, rising with each birthday"
        ) % {
            "age": rising_terms(job.wage_basis)[0],
            "wage": money(job.wage_eur_per_hour, lang, cents=True),
        }
    if job.wage_basis.startswith("youth_minimum_wage_share_"):
        return "; " + _("youth minimum wage at %(age)s, %(wage)s an hour before holiday pay") % {
            "age": job.wage_basis.rsplit("_", 1)[1],
            "wage": money(job.wage_eur_per_hour, lang, cents=True),
        }
    return ""


def _instrument(
    job: JobCase, case: BusinessCase, names: dict[str, str], lang: str, _: Gettext
) -> str:
    """The job's wage instrument, and why it brings nothing where the business case gave it
    nothing (the rule itself is economics/money.py's)."""
    name = names.get(job.instrument, job.instrument)
    if job.instrument in ("none", "detachering") or job.items.get("wage_cost_subsidy", 0.0) > 0:
        return name
    if job.instrument == "loondispensatie":
        return _("no %(instrument)s: only at a loonwaarde of %(limit)s or lower") % {
            "instrument": name,
            "limit": percent(case.rates["loondispensatie_max_loonwaarde_share"], lang, 0),
        }
    return _("%(instrument)s: none at a loonwaarde of 100%%") % {"instrument": name}


def business_view(
    case: BusinessCase,
    spread: Uncertainty | None,
    lang: str,
    _: Gettext,
    process: ProcessModel | None = None,
    catalogs: Catalogs | None = None,
    plan: Plan | None = None,
    job_titles: dict[str, str] | None = None,
    cobot_titles: dict[str, str] | None = None,
) -> BusinessView:
    """The business case, its cash flow, the case per job and cobot, and its range, formatted.

    `job_titles`: the job cards' titles by job id; a job is named by its title, not by its
    profile (a profile's name describes a limitation: no name for a job, a review said).
    `cobot_titles`: the cobot cards' names by cobot id, likewise (a reading: "cobot-1" in the
    Dutch business table).
    """
    names: dict[str, str] = {}
    if process is not None:
        names.update({r.id: r.name for r in process.roles})
    if catalogs is not None:
        names.update(
            {s.id: (s.name_nl if lang == "nl" else s.name_en) for s in catalogs.supports.values()}
        )

    def value(kind: str, v: float | str) -> str:
        return _formula_value(kind, v, lang, names)

    seconded = any(j.instrument == "detachering" for j in case.jobs)

    def label(key: str) -> str:
        if key == "wage_cost_new_workers" and seconded:
            return _("Wage cost or secondment fee of the new workers")
        return case_label(key, _)

    rows = tuple(
        CaseRow(
            label(line.key),
            money(line.amount_eur_per_year, lang),
            line.render(value, _) if line.parts else "-",
            line.amount_eur_per_year < 0,
        )
        for line in case.lines
        if line.parts or abs(line.amount_eur_per_year) >= 0.5
    )
    payback = payback_text(case, lang, _)
    if note := paid_payback_note(case, lang, _):
        payback += f" ({note})"
    cash_rows: list[CashRow] = []
    years: tuple[str, ...] = ()
    npv = discount = payback_year = paid_note = ""
    horizon = 5
    if case.cash_flow is not None:
        flow = case.cash_flow
        horizon = len(flow.years)
        years = tuple(str(y.year) for y in flow.years)
        uses = capacity_uses(case, _)
        capacity = flow.has_capacity and bool(uses)

        def in_years(year: int | None) -> str:
            if year is not None:
                return _("year %(year)s") % {"year": year}
            return _("not within %(years)s years") % {"years": horizon}

        for key in flow.years[0].items if flow.years else ():
            amounts = [y.items[key] for y in flow.years]
            if any(abs(a) >= 0.5 for a in amounts):
                cash_rows.append(CashRow(label(key), tuple(money(a, lang) for a in amounts)))
            if key == "value_freed_hours" and capacity:
                # the part that is no money (a review: the cash flow counted the worth of
                # vacancies filled as cash); it stays in the line above, as in the lines
                cash_rows.append(
                    CashRow(
                        _(
                            "of which (already in the line above) the worth of extra capacity (%(uses)s), no money saved"
                        )
                        % {"uses": uses},
                        tuple(money(c, lang) for c in flow.capacity_eur),
                        part=True,
                    )
                )
        cash_rows.append(
            CashRow(_("Net"), tuple(money(y.net, lang) for y in flow.years), strong=True)
        )
        cash_rows.append(
            CashRow(_("Cumulative"), tuple(money(y.cumulative, lang) for y in flow.years))
        )
        if capacity:
            cash_rows.append(
                CashRow(
                    _("Net in money paid (without the worth of extra capacity)"),
                    tuple(money(n, lang) for n in flow.paid_net_eur),
                    strong=True,
                )
            )
            cash_rows.append(
                CashRow(
                    _("Cumulative in money paid"),
                    tuple(money(c, lang) for c in flow.paid_cumulative_eur),
                )
            )
            paid_note = _(
                "In money paid alone, without the worth of extra capacity: net present value %(npv)s; paid for itself in: %(payback)s."
            ) % {"npv": money(flow.paid_npv_eur, lang), "payback": in_years(flow.paid_payback_year)}
        npv = money(flow.npv_eur, lang)
        discount = percent(flow.discount_rate, lang, 1)
        payback_year = in_years(flow.payback_year)
    instruments = {
        "lks": _("loonkostensubsidie"),
        "loondispensatie": _("loondispensatie"),
        "detachering": _("detachering (seconded by a sociaal werkbedrijf, which pays the wage)"),
        "none": _("none"),
    }
    profile_names = {p.id: p.name for p in process.profiles} if process is not None else {}
    jobs = tuple(
        JobCaseRow(
            title=(
                (job_titles or {}).get(j.id) or f"{i}. {profile_names.get(j.profile, j.profile)}"
            )
            # a job too small without the leavers' work starts when they go
            + (
                " ("
                + (
                    _("from year %(year)s, when people leave")
                    if j.from_year <= len(case.cash_flow.years if case.cash_flow else ())
                    else _("from year %(year)s, when people leave: after the business case's years")
                )
                % {"year": j.from_year}
                + ")"
                if j.from_year > 1
                else ""
            ),
            hours=number(j.hours_per_week, lang, 1),
            # no instrument: the full wage, whatever the pace (a reading: "90%, none" for a
            # WIA worker on the full wage read as a loonwaarde that cuts his pay)
            # seconded: the fee stands in place of wage and subsidy, and the loonwaarde is the
            # sociaal werkbedrijf's concern (a reading of the bed refurbisher: "85%,
            # detachering" read as the seconded man's loonwaarde)
            loonwaarde=_("full wage")
            if j.instrument == "none"
            else "-"
            if j.instrument == "detachering"
            else percent(j.loonwaarde, lang, 0),
            instrument=_instrument(j, case, instruments, lang, _) + _wage_note(j, lang, _),
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
            title=(cobot_titles or {}).get(c.id, c.id),
            investment=money(c.investment_eur, lang),
            value=money(c.value_eur_per_year, lang),
            net=money(c.net_eur_per_year, lang),
            payback=fixed(c.payback_years, lang, 1)
            if c.payback_years is not None
            else _("does not pay back"),
            paid=money(c.paid_value_eur_per_year, lang),
            paid_payback=fixed(c.paid_payback_years, lang, 1)
            if c.paid_payback_years is not None
            else _("does not pay back"),
        )
        for c in case.cobots
    )
    s = case.sensitivity
    break_even = ""
    if s is not None and s.break_even_eur_per_released_hour is not None:
        break_even = _(
            "The plan breaks even when an hour of work it frees is worth %(break_even)s on average; as valued here it is worth %(value)s: the line “%(label)s” (%(line)s a year) over %(hours)s freed hours a week x %(weeks)s weeks x %(ramp)s (the first year's ramp-up, averaged over the years)."
        ) % {
            "break_even": money(s.break_even_eur_per_released_hour, lang, cents=True),
            "value": money(s.value_eur_per_released_hour or 0.0, lang, cents=True),
            "label": case_label("value_freed_hours", _),
            "line": money(case.line("value_freed_hours"), lang),
            "hours": number(s.released_hours_per_week, lang, 1),
            "weeks": number(s.weeks_per_year, lang, 0),
            "ramp": percent(s.ramp_share, lang, 1),
        }
    notes = []
    # the no-risk policy of the people the jobs are for: the doelgroepregister as long as
    # the person is in it; a WIA (WAO, WAZ) benefit for five years from the start (UWV)
    kinds = set()
    if process is not None:
        by_id = {p.id: p for p in process.profiles}
        for j in case.jobs:
            if j.profile in by_id:
                p = by_id[j.profile]
                kinds.add(
                    "seconded"
                    if j.instrument == "detachering"
                    else "register"
                    if p.in_register
                    else "wia"
                    if p.lkv_kind == "arbeidsgehandicapt"
                    else "none"
                )
    notes.extend(_loonwaarde_below_pace(case, process, lang, _))
    if catalogs is not None and catalogs.economics is not None:
        # two adviser readings: the minimum wage of 1 January 2026 for jobs that start later
        notes.append(
            _(
                "Wages, the minimum wage and the subsidies are those in force from %(date)s (jobcarve's figures, where the model does not give its own). The minimum wage changes every 1 January and 1 July, and CAO wages on their own dates: recompute the business case with the figures in force when the jobs start."
            )
            % {"date": day(catalogs.economics.valid_from, lang)}
        )
    # the wage is the statutory minimum where the model states no CAO wage (three readings:
    # "the company is under CAO Metaal & Techniek, which the report never mentions")
    if process is not None:
        names = {p.id: p.name for p in process.profiles}
        minimum_jobs = [
            j
            for j in case.jobs
            if j.instrument != "detachering" and not j.wage_basis.startswith("stated")
        ]
        ages = {p.id: p.age for p in process.profiles}
        on_minimum = list(dict.fromkeys(j.profile for j in minimum_jobs))
        if on_minimum:
            # "for their age" only of profiles with an age: without one the wage is the
            # adult minimum (two readings: "for their age" beside EUR 15.89 for
            # 18-year-olds), each group in its own sentence (a diff review: one with an age
            # and one without)
            # a CAO wage the model states that the statutory minimum passes in every year of
            # the job (a job that starts when people leave, a year older: a reading of the
            # juice press, "the model gives no CAO wage" beside the model's EUR 10.65)
            wages = {p.id: p.hourly_wage_eur for p in process.profiles}
            below = [names.get(p, p) for p in on_minimum if wages.get(p) is not None]
            aged = [
                names.get(p, p)
                for p in on_minimum
                if ages.get(p) is not None and wages.get(p) is None
            ]
            adult = [
                names.get(p, p) for p in on_minimum if ages.get(p) is None and wages.get(p) is None
            ]
            said = []
            if below:
                said.append(
                    _(
                        "The CAO wage the model gives is below the statutory minimum for the age in the years the job runs (%(profiles)s): the wage is that minimum, with holiday pay. Where the company's CAO has a higher scale for that age, that wage applies: give it in the model."
                    )
                    % {"profiles": join_items(below)}
                )
            if adult:
                said.append(
                    _(
                        "The new workers' wage is the statutory minimum wage for adults (21 and older), with holiday pay, because the model gives neither a CAO wage nor an age for them (%(profiles)s). Below 21 the statutory minimum is lower; where the company's CAO has a higher scale for this work, that wage applies: give the CAO hourly wage (or the age) per profile in the model."
                    )
                    % {"profiles": join_items(adult)}
                )
            if aged:
                said.append(
                    _(
                        "The new workers' wage is the statutory minimum for their age, with holiday pay, because the model gives no CAO wage for them (%(profiles)s). Where the company's CAO has a higher scale for this work, that wage applies: give the CAO hourly wage per profile in the model."
                    )
                    % {"profiles": join_items(aged)}
                )
            text = " ".join(said)
            # what the employer pays of a higher wage follows the instrument (a reading of
            # the flag printer: "the loonkostensubsidie stays on the minimum" said of a job
            # with loondispensatie)
            if any(j.instrument == "lks" for j in minimum_jobs):
                text += " " + _(
                    "With loonkostensubsidie the employer pays the difference: the subsidy stays on the statutory minimum."
                )
            if any(j.instrument == "loondispensatie" for j in minimum_jobs):
                text += " " + _(
                    "With loondispensatie the employer pays the loonwaarde's share of that wage."
                )
            if s is not None and any(b.key == "minimum_wage_eur_per_hour" for b in s.tornado):
                text += " " + _(
                    "The bar for the hourly wage paid in the chart above shows what a higher wage does to the net effect."
                )
            notes.append(text)
    if "register" in kinds:
        notes.append(
            _(
                "The no-risk policy (no-riskpolis): if a worker from the banenafspraak target group falls ill, UWV pays a sickness benefit (Ziektewet) of 70 to 100% of the capped daily wage for up to 104 weeks, which the employer sets off against the wage it keeps paying. It lowers the risk of these jobs and is not counted as an amount here."
            )
        )
    if "wia" in kinds:
        notes.append(
            _(
                "A worker with a WIA, WAO or WAZ benefit brings the no-risk policy for the first five years of the job: if he or she falls ill, UWV pays the sickness benefit (Ziektewet) that the employer sets off against the wage it keeps paying. Ask UWV whether it applies; the policy is not counted as an amount here."
            )
        )
    if "seconded" in kinds:
        # the sociaal werkbedrijf is the employer: wage, sick pay and the no-risk policy are
        # its own (a review: a fully seconded plan still read the hire's no-risk note)
        notes.append(
            _(
                "A seconded worker (detachering) stays employed by the sociaal werkbedrijf: it pays the wage and sick pay, and provides the job coaching. The company pays the agreed fee for the hours worked; hours not worked (illness, leave) are not invoiced, as the business case assumes. Check both in the secondment agreement."
            )
        )
    if case.line("lkv_banenafspraak") and case.line("wage_cost_subsidy"):
        notes.append(
            _(
                "The LKV banenafspraak is counted on top of the loonkostensubsidie: sources from before 2026 allow the combination (it is excluded only for Wsw and beschut werk); the 2026 rule could not be verified, so check it with the payroll administration."
            )
        )
    if any(f.use == "backlog" and f.eur_per_hour == 0 for f in case.freed):
        notes.append(
            _(
                "Work now left undone that gets done is counted at no value, because the model states no margin for it: the model can give the margin on an hour of it per role."
            )
        )
    if any(f.use == "displaced" for f in case.freed):
        notes.append(
            _(
                "Some freed hours have no declared use (no vacancy, overtime, agency work, work now left undone or leaver takes them): they are worth nothing here and mean work taken from people employed today."
            )
        )
    range_notes: list[str] = []
    if spread is not None and spread.draws and plan is not None:
        summary = plan.figures()
        fte = spread.extra_fte
        # compared as shown, to one decimal (a review read "2.2 FTE lies above this range"
        # beside a range of 2.0-2.2)
        if fte.p90 is not None and shown_fte(summary.extra_fte) > shown_fte(fte.p90):
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
                    "The plan's %(fte)s FTE lies above this range: %(full)s of its %(n)s new jobs already have the most hours their profile can work, so longer task times cannot add hours while shorter ones take some away. The range shows what can be lost, not a better plan; the middle outcome of the quick re-plans is %(median)s FTE."
                )
                % {
                    "fte": fixed(summary.extra_fte, lang, 1),
                    "full": str(full),
                    "n": str(len(plan.carved)),
                    "median": fixed(fte.p50, lang, 1) if fte.p50 is not None else "-",
                }
            )
        if fte.p10 is not None and shown_fte(summary.extra_fte) < shown_fte(fte.p10):
            range_notes.append(
                _(
                    "The plan's %(fte)s FTE lies below this range: each draw is re-planned quickly and may give the work to other profiles, whose pace turns the same work into more paid hours; the plan is the one optimised with the most likely values."
                )
                % {"fte": fixed(summary.extra_fte, lang, 1)}
            )
        net = spread.net_eur_per_year
        if (
            net.p10 is not None
            and net.p90 is not None
            and not net.p10 - 1 <= case.net_eur_per_year <= net.p90 + 1
        ):
            range_notes.append(
                _(
                    "The plan's net effect (%(net)s) lies outside this range (the middle outcome of the quick re-plans: %(median)s). The plan uses the most likely value of each estimate; the draws also vary the wage value and the cobot price, whose ranges are not symmetric, and the value of a freed hour, and re-plan each draw quickly, which moves less work out of hard-to-fill roles than the full plan."
                )
                % {
                    "net": money(case.net_eur_per_year, lang),
                    "median": money(net.p50, lang) if net.p50 is not None else "-",
                }
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
        paid_note=paid_note,
        seconded=seconded,
        jobs=jobs,
        cobots=cobots,
        break_even=break_even,
        tornado=_tornado(case, lang, _),
        rates=_rate_rows(case, lang, _),
        notes=tuple(notes),
        range_notes=tuple(range_notes),
    )


def _loonwaarde_below_pace(
    case: BusinessCase, process: ProcessModel | None, lang: str, _: Gettext
) -> list[str]:
    """Where a subsidised profile's loonwaarde is below its pace, the plan's hours cover the
    slower pace only, while the subsidy pays for more of the gap (quality, deployability,
    guidance). An adviser's reading of the stainless kitchen maker: hours at 80% and a
    subsidy at 55% cannot both be the worker's output. Says what the jobs do if the rest is
    lost output: the standard hours they do less, and the hours they would need more at the
    loonwaarde's rate where the profile's hours allow them (`advice.loonwaarde_gaps`)."""
    if process is None:
        return []
    by_id = {p.id: p for p in process.profiles}
    # the plan's average yearly worth of an hour a week freed (its value line over the hours
    # its uses absorb): what the hours the jobs would do less are worth (a reading of the
    # ladder maker: "Costs and benefits says what follows", and it never said it in euros)
    absorbed = sum(f.hours_per_week for f in case.freed if f.use != "displaced")
    worth = case.line("value_freed_hours") / absorbed if absorbed > 0 else 0.0
    out = []
    for gap in loonwaarde_gaps(case, process):
        prof, lw, paid, less = by_id[gap.profile], gap.loonwaarde, gap.hours, gap.less
        values = {
            "profile": prof.name,
            "lw": percent(lw, lang, 0),
            "pace": percent(prof.pace, lang, 0),
            "hours": number(paid, lang, 1),
            "less": number(less, lang, 1),
            "more": number(less / lw, lang, 1),
        }
        if paid + less / lw <= gap.jobs * prof.hours_per_week_available + 1e-9:
            text = _(
                "%(profile)s: loonwaarde %(lw)s at a pace of %(pace)s. The jobs' %(hours)s hours a week give their work the time it takes at that pace; the subsidy also pays for more of the difference (quality, deployability, guidance). If a wage-value assessment finds that the rest is output these workers do not deliver, the jobs do about %(less)s standard hours a week less than the plan counts: their roles keep that work, or the jobs need about %(more)s hours a week more. Agree on it before the jobs are offered."
            )
        else:
            text = _(
                "%(profile)s: loonwaarde %(lw)s at a pace of %(pace)s. The jobs' %(hours)s hours a week give their work the time it takes at that pace; the subsidy also pays for more of the difference (quality, deployability, guidance). If a wage-value assessment finds that the rest is output these workers do not deliver, the jobs do about %(less)s standard hours a week less than the plan counts, and these workers' hours leave no room to make it up: their roles keep that work. Agree on it before the jobs are offered."
            )
        text = text % values
        if worth > 0:
            text += " " + _(
                "At the plan's average worth of an hour a week freed (%(worth)s a year), those hours are worth about %(lost)s a year: the net effect would be about %(net)s a year."
            ) % {
                "worth": money(worth, lang),
                "lost": money(less * worth, lang),
                "net": money(case.net_eur_per_year - less * worth, lang),
            }
        out.append(text)
    return out
