"""The report's view model: small dataclasses with ready-to-print strings.

Templates only print what this module prepares: every number is formatted here for the
report's language, every chart is laid out here as coordinates. `gettext` is the
translation function of the report's language (see `i18n.py`).

`build_context` assembles the parts, which live by concept: `labels.py` (shared words and
rows), `charts.py` (all chart geometry), `cards.py` (jobs, cobots, stations), `business.py`
(the business case), `balance.py`, `advice.py`; `compare.py` is the comparison report.
The names they define stay importable from here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from jobcarve.carving.line import DECISECOND, LineSolution
from jobcarve.carving.plan import Holding, Plan
from jobcarve.carving.status import SolveStatus
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.economics import BusinessCase
from jobcarve.formatting import day, fixed, join_items, money, number, percent
from jobcarve.messages import LANGUAGES, MESSAGES, Reason
from jobcarve.model import ProcessModel
from jobcarve.report.advice import (
    advise,
    capacity_uses,
    first_screen,
    loonwaarde_gaps,
    paid_payback_note,
    payback_text,
    thresholds,
)
from jobcarve.report.balance import (
    BalanceView,
    ProposalRow,
    TrialRow,
    balance_view,
    proposal_rows,
    seasonal_roles,
    trial_rows,
)
from jobcarve.report.business import (
    CASE_LABELS,
    BusinessView,
    CaseRow,
    CashRow,
    CobotCaseRow,
    JobCaseRow,
    business_view,
    case_formula_fallback,
    case_label,
)
from jobcarve.report.cards import (
    DAYS,
    CobotCard,
    Demand,
    JobCard,
    JobUnit,
    ScheduleDay,
    Station,
    _cobot_cards,
    _job_cards,
    _stations,
    cobot_effect_text,
    job_titles,
    lift_unrated,
)
from jobcarve.report.charts import (
    KIND_CLASS,
    Bar,
    BoardTask,
    Chart,
    DiffBar,
    DiffChart,
    Lane,
    TornadoChart,
    TornadoRow,
    _chart,
    _lanes,
    _task_verdict,
    diff_chart,
    role_groups,
    tornado_label,
)
from jobcarve.report.compare import (
    ComparisonContext,
    ScenarioRow,
    build_comparison_context,
)
from jobcarve.report.document import plan_bound
from jobcarve.report.labels import (
    FIELD_LABELS,
    N_,
    PARAMETER_LABELS,
    VERDICTS,
    Assumption,
    Gettext,
    _clean_source,
    in_language,
    reason_text,
    sourced,
)
from jobcarve.results import Analysis, TaskResult, Unit
from jobcarve.uncertainty import Uncertainty


@dataclass(frozen=True)
class Headline:
    extra_workers: int
    #: of the extra workers, those in the doelgroepregister (the figure says so when fewer)
    register_workers: int
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
    #: why the plan carves a little less than the proven most (plan.slack), "" if it does not
    slack: str = ""
    #: the plan's carved hours a week, as the status line gives them beside the bound
    carved: str = ""
    #: the carved hours equal the bound as printed (a later stage is what is unproven)
    at_bound: bool = False
    #: of the register workers, those seconded by a sociaal werkbedrijf whose model does not
    #: say they are in the register (`Profile.in_register` assumes it): they count only
    #: with a register or Wsw indication (a reading of the duvet maker: "3 in the register"
    #: for a seconded woman of 55 with nothing said)
    register_assumed: int = 0
    #: of `banenafspraak_jobs`, those of jobs that start only when people leave, and the
    #: first such year ("" and 0 where all start at once; a reading of the galvaniser: "3.4
    #: banenafspraak jobs" where 2.5 of them start only in year 2)
    banenafspraak_later: str = ""
    later_year: int = 0


@dataclass(frozen=True)
class Decision:
    """The first screen: the answer, its price and its conditions (see advice.py)."""

    verdict: str  # go | go_with_conditions | not_now
    verdict_label: str
    sentence: str
    workers_label: str
    net: str
    net_negative: bool
    net_capacity: str  # the worth of extra capacity within the net ("" if none)
    payback: str
    #: the plan's cobots have an investment, whose payback the tile gives (its label "cobot
    #: payback"); without cobots or without an investment the tile's words stand alone
    has_payback: bool
    payback_paid: str  # the cobots' payback in money paid, where it differs ("" if not)
    investment: str
    cobot: str
    jobs: tuple[str, ...]
    #: the first screen's conditions (`advice.first_screen`)
    conditions: tuple[str, ...]
    more_conditions: int
    #: every condition, in the advice's order
    all_conditions: tuple[str, ...]
    #: the conditions the first screen leaves out: Costs and benefits lists them (where its
    #: "more" points), so that each stands once in the report
    other_conditions: tuple[str, ...]
    next_steps: tuple[str, ...]
    stages_note: str
    #: where jobs wait for people leaving: the hours that wait in all (the work balance's),
    #: since each job's "up to" counts what it could wait for ("" if none)
    waits_note: str = ""


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
    #: why the task stays whole: the adviser's finding, or why jobcarve proposes no split
    #: (its core is judgement, or its load is too heavy for two); empty otherwise
    whole: str = ""


#: the split reasons that say why a task stays whole (analysis.json has them all)
WHOLE_REASONS = (
    "split.kept_whole",
    "split.rejected",
    "split.confirmed_no_fit",
    "split.core",
    "split.too_heavy_to_hand_on",
    "split.lift_is_the_work",
)


@dataclass(frozen=True)
class RiskRow:
    """A unit with a lifting risk (NIOSH lifting index above 1), and who does it after the plan."""

    name: str
    role: str
    risk: str
    after: str


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
    sources: tuple[tuple[str, str], ...]
    line: tuple[Station, ...] = ()
    line_summary: str = ""
    options: dict[str, str] = field(default_factory=dict)
    business: BusinessView | None = None
    decision: Decision | None = None
    adviser: str = ""
    organisation: str = ""
    #: where the work a cobot could take went, when the plan has no cobot
    cobot_candidates: str = ""
    #: what the plan's cobots add against the best plan without one, once for all cells
    cobot_effect: str = ""
    #: why no cobot is proposed where the reason is not the plan's weighing: "allowed" (the
    #: options allow none), "none" (no unit suits a cobot), else "" (a diff review: "no
    #: cobot adds enough" read where none could be placed at all)
    no_cobot_why: str = ""
    profiles: tuple[str, ...] = ()
    balance: BalanceView | None = None
    proposals: tuple[ProposalRow, ...] = ()
    trials: tuple[TrialRow, ...] = ()
    #: the plan's limit on gaps closed by supports (carving.max_counted_supported_gaps)
    counted_gaps: int = 0
    #: units with a lifting risk whoever does them, and who does them after the plan
    lifting_risks: tuple[RiskRow, ...] = ()
    #: heavy lifting the NIOSH equation could not rate (no lift geometry in the model)
    lifting_unassessed: tuple[str, ...] = ()

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
    on_cobot = set(plan.cobot_units) if plan else set()
    headline = _headline(plan, lang, _, process, case)
    repetitive = (
        int(cats.params.carving.ergonomic_risk_repetitive_demand.value) if cats.params else 4
    )
    kinds = {t.id: _task_verdict(t, on_cobot, repetitive) for t in analysis.tasks}
    heavy = [t for t in analysis.tasks if kinds[t.id] == "heavy"]
    lifting_supports = frozenset(x.id for x in cats.supports.values() if x.closes.get("lifting"))
    labels = {
        "fits": _("fits as it is"),
        "support": _("fits with support"),
        "split": _("fits after splitting"),
        "skilled": _("skilled work"),
        "demanding": _("physically too demanding or too fast for these profiles"),
        "kept": _("kept out of new jobs"),
        "heavy": _("too heavy for anyone: redesign"),
        "repetitive": _("repetitive work in the highest risk band: redesign"),
        "cobot": _("cobot"),
    }
    support_names = {
        s.id: (s.name_nl if lang == "nl" else s.name_en) for s in cats.supports.values()
    }
    profile_names = {p.id: p.name for p in process.profiles}
    role_names = {r.id: r.name for r in process.roles}
    jobs = (
        tuple(
            _job_cards(
                process,
                plan,
                units,
                support_names,
                case,
                lang,
                _,
                cats,
            )
        )
        if plan
        else ()
    )
    cobot_cards = tuple(_cobot_cards(process, plan, analysis, units, lang, cats, _)) if plan else ()
    business = (
        business_view(
            case,
            spread,
            lang,
            _,
            process,
            cats,
            plan,
            {c.id: c.title for c in jobs},
            {c.id: c.title for c in cobot_cards},
        )
        if case is not None
        else None
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
        lanes=_lanes(process, analysis, plan, kinds, labels, jobs, lang, _, repetitive),
        tasks=tuple(
            TaskRow(
                name=t.name,
                role=", ".join(role_names.get(r, r) for r, _units in role_groups(t)),
                hours=number(t.hours_per_week, lang, 1),
                verdict=KIND_CLASS[kinds[t.id]],
                verdict_label=labels[kinds[t.id]],
                fits=_fitting_profiles(t, profile_names, cats, lang, _),
                whole=" ".join(
                    reason_text(r, lang, _) for r in t.split_reasons if r.key in WHOLE_REASONS
                ),
            )
            for t in analysis.tasks
        ),
        jobs=jobs,
        cobots=cobot_cards,
        gated=tuple(
            GatedUnit(
                u.label(lang),
                (_("desk work (reading, writing, computer work): nothing for a robot to handle"),)
                if is_desk_work(u)
                else tuple(reason_text(g.reason, lang, _) for g in u.cobot.gates),
            )
            for u in analysis.units
            if u.cobot.gates
        ),
        splits=tuple(_split_row(t, plan, lang, _) for t in analysis.tasks if t.split != "none"),
        planning=_planning(process, plan, lang, _),
        assumptions=tuple(
            _assumption(a, lang, _, plan.options if plan else None) for a in analysis.assumptions
        ),
        sources=_sources(cats, lang),
        line=_stations(process, analysis, line, lang, _) if line else (),
        line_summary=_line_summary(process, analysis, line, lang, _),
        options={k: str(v) for k, v in (plan.options.items() if plan else [])},
        business=business,
        decision=_decision(
            process,
            plan,
            case,
            spread,
            jobs,
            cobot_cards,
            line,
            lang,
            _,
            tuple(t.name for t in heavy),
            _lifting_left(
                analysis, plan, lifting_supports, frozenset(t.id for t in heavy), lang, _
            ),
            _repetitive_left(analysis, plan, repetitive, frozenset(t.id for t in heavy), lang),
            analysis=analysis,
        ),
        adviser=adviser.name if adviser else "",
        organisation=adviser.organisation if adviser else "",
        # also beside the plan's cobots: the other candidates and where they went (a reading
        # of the die caster: trimming, the leak test and washing scored as candidates and
        # the report said nothing of them)
        cobot_effect=cobot_effect_text(plan, lang, _),
        cobot_candidates=_cobot_candidates(
            analysis,
            plan,
            lang,
            _,
            cats.params.carving.min_cobot_added_hours.value if cats.params else 0.0,
            repetitive,
        ),
        no_cobot_why=(
            "allowed"
            if plan is not None and int(plan.options.get("max_cobots", 0) or 0) == 0
            else "none"
            if not any(u.cobot.label in ("candidate", "assist") for u in analysis.units)
            else ""
        ),
        profiles=tuple(p.name for p in process.profiles),
        balance=balance_view(
            process,
            plan,
            lang,
            _,
            cats.params.carving.role_load_rise_warning.value if cats.params else None,
            analysis,
        )
        if plan
        else None,
        proposals=proposal_rows(analysis, plan, lang, _) if plan else (),
        trials=trial_rows(analysis, plan, process, support_names, lang, _) if plan else (),
        counted_gaps=int(plan.options["max_counted_supported_gaps"]) if plan else 0,
        lifting_risks=_lifting_risks(
            analysis,
            plan,
            role_names,
            lifting_supports,
            lang,
            _,
        ),
        lifting_unassessed=_lifting_unassessed(analysis, lang),
    )


def _headline(
    plan: Plan | None,
    lang: str,
    _: Gettext,
    process: ProcessModel | None = None,
    case: BusinessCase | None = None,
) -> Headline:
    """The figures at the top of the report; no bound is shown where none is known. With
    the business case, the banenafspraak jobs of the jobs it starts later are given apart."""
    summary = plan.figures() if plan else None
    later = {c.id: c.from_year for c in case.jobs if c.from_year > 1} if case else {}
    later_register = plan.banenafspraak_count(later) if plan and later else 0.0
    n_cobots = summary.cobots if summary else 0
    profiles = {p.id: p for p in process.profiles} if process is not None else {}
    assumed = sum(
        1
        for j in (plan.carved if plan else [])
        if j.profile in profiles
        and profiles[j.profile].instrument == "detachering"
        and profiles[j.profile].lkv is None
        and profiles[j.profile].in_register
    )
    return Headline(
        register_assumed=assumed,
        banenafspraak_later=fixed(later_register, lang, 1) if later_register else "",
        later_year=min(later.values()) if later_register else 0,
        extra_workers=summary.extra_workers if summary else 0,
        register_workers=summary.register_workers if summary else 0,
        extra_fte=fixed(summary.extra_fte, lang, 1) if summary else "0",
        banenafspraak_jobs=fixed(summary.banenafspraak_jobs, lang, 1) if summary else "0",
        skilled_hours=number(summary.skilled_hours_freed_per_week, lang, 1) if summary else "0",
        cobots=n_cobots,
        status=_("proven optimal within the model")
        if summary and summary.status == SolveStatus.OPTIMAL
        else _("best found, not proven optimal")
        if plan is None or plan_bound(plan) is not None
        else _("greedy fallback: the solver found no plan in its time"),
        optimal=bool(summary and summary.status == SolveStatus.OPTIMAL),
        gap=percent(summary.gap, lang, 0) if summary else "",
        bound=number(known, lang, 1)  # known: plan_bound, never an unfound solver 0
        if plan is not None and (known := plan_bound(plan)) is not None
        else "",
        displaced=number(summary.displacement_hours, lang, 1) if summary else "0",
        displaced_hours=summary.displacement_hours if summary else 0.0,
        slack=next((r.text(lang) for r in plan.reasons if r.key == "plan.slack"), "")
        if plan is not None
        else "",
        cobots_label=_("cobot proposed") if n_cobots == 1 else _("cobots proposed"),
        carved=number(summary.carved_hours_per_week, lang, 1) if summary else "",
        at_bound=bool(
            summary
            and plan is not None
            and (known := plan_bound(plan)) is not None
            and number(known, lang, 1) == number(summary.carved_hours_per_week, lang, 1)
        ),
    )


#: the kinds of activity of desk work: reading, and programming (also machine settings)
DESK_ACTIVITIES = frozenset({"reading", "programming"})
#: the heaviest part (kg) desk work handles: papers, a label, a sample
DESK_MASS_KG = 0.5


def is_desk_work(unit: Any) -> bool:
    """Work at a desk: its activities are reading or programming alone and it handles no
    part heavier than a paper (a review: robot reasons, "a gripper per variant", given for
    order entry and planning; a diff review: a mould change, also programming, is not)."""
    mass = unit.handling.part_mass_kg
    return (
        bool(unit.activities)
        and set(unit.activities) <= DESK_ACTIVITIES
        and (mass is None or mass <= DESK_MASS_KG)
        and not unit.handling.machine_hazard
    )


def _fitting_profiles(
    task: TaskResult, names: dict[str, str], cats: Catalogs, lang: str, _: Gettext
) -> str:
    """The profiles that can do (part of) a task, each with its own verdict: with support,
    or which parts only (reviews: the row's one verdict, "fits as it is", stood beside a
    profile who could do none of the checking, and an order-entry row named three profiles
    where only the ticket printing fitted). Those for whom only work with more gaps closed
    by supports than the plan counts fits are marked to try out first, as the plan does."""
    limit = int(cats.params.carving.max_counted_supported_gaps.value) if cats.params else None
    out = []
    for pid, fit in task.fit.items():
        if fit.verdict == "not_accessible":
            continue
        fitting = [u for u in task.units if pid in u.fit and u.fit[pid].accessible]
        units = [u.fit[pid] for u in fitting]
        counted = any(f.counted(limit) for f in units) if units else fit.counted(limit)
        if not counted:
            out.append(names[pid] + " " + _("(to try out first)"))
        elif fit.verdict == "needs_split" and fitting and len(fitting) < len(task.units):
            out.append(
                names[pid]
                + " "
                + _("(only: %(parts)s)") % {"parts": "; ".join(u.label(lang) for u in fitting)}
            )
        elif fit.verdict == "fits_with_support":
            out.append(names[pid] + " " + _("(with support)"))
        else:
            out.append(names[pid])
    return "; ".join(out) or "-"


def _split_row(task: TaskResult, plan: Plan | None, lang: str, _: Gettext) -> SplitRow:
    """A split task: its parts at today's hours, and the hand-over time the split adds.

    The parts are shown in today's hours, so that they add up to the task's hours and match
    the work balance (a review found 25.2 h in this table against 24 h kept there); the
    hand-over time is the column of its own: that of the parts the plan moves to a new job
    or a cobot, as the jobs carry it (a review found 5.7 h for moving 4 h of a 114 h task,
    whose job carried 0.2 h). Where the plan moves no part away from its role, nobody hands
    over: no hand-over time, and the row says why. Without a plan (or without a holder for
    each part), the whole task's.
    """
    today = task.today_share
    overhead = task.overhead_hours_per_week
    stays = False
    # a part the plan holds nowhere is no evidence of where it goes: the whole task's then
    if plan is not None and all(plan.unit_holder.get(u.id) for u in task.units):
        moved = sum(
            h.hours_per_week
            for u in task.units
            for h in plan.unit_holder.get(u.id, ())
            if h.kind != "role"
        )
        overhead = moved * (1 - today)
        stays = moved < 0.05
    source = reason_text(task.split_reasons[0], lang, _)
    if stays and task.overhead_hours_per_week >= 0.05:
        source += " " + _("No part leaves its role in this plan, so nobody hands over.")
    return SplitRow(
        task=task.name,
        hours=number(task.hours_per_week, lang, 1),
        source=source,
        units=tuple(
            JobUnit(u.label(lang), number(u.hours_per_week * today, lang, 1)) for u in task.units
        ),
        overhead=number(overhead, lang, 1),
    )


def _lifting_unassessed(analysis: Analysis, lang: str) -> tuple[str, ...]:
    """Heavy lifting NIOSH could not rate (`cards.lift_unrated`): a list of risks without it
    reads as complete (a review: order picking of 6-10 kg cartons, 90 lifts an hour, was in
    no list)."""
    return tuple(u.label(lang) for u in analysis.units if lift_unrated(u))


def _risk_stays(
    h: Holding, u: Unit, jobs: dict[str, tuple[int, Any]], lifting_supports: frozenset[str]
) -> bool:
    """Whether the holder still lifts with the unit's lifting risk after the plan: not a
    cobot, a role tending it, nor a new job with a lifting aid that removes this unit's
    risk (the one home for the risk table and the next steps). A role with a cobot
    assisting still does part of the lifts (`carving.assist_share`), so the risk stays."""
    assert u.lifting_risk is not None
    if h.kind == "cobot" or h.tending:
        return False
    if h.kind == "carved" and h.holder in jobs:
        supports = set(jobs[h.holder][1].supports)
        return not (lifting_supports & supports & set(u.lifting_risk.removed_by))
    return True


def _lifting_left(
    analysis: Analysis,
    plan: Plan | None,
    lifting_supports: frozenset[str],
    heavy_tasks: frozenset[str],
    lang: str,
    _: Gettext,
) -> tuple[str, ...]:
    """The units whose lifting risk someone still carries after the plan, with their
    lifting index, for a next step (a review: a saw's 12 kg bars at a lifting index of 2.0
    stayed "as today" in a table and in no step). Tasks too heavy for anyone have a step
    of their own."""
    jobs = {j.id: (n, j) for n, j in enumerate(plan.carved, start=1)} if plan else {}
    left = []
    for u in analysis.units:
        if u.lifting_risk is None or u.task in heavy_tasks:
            continue
        holdings = plan.unit_holder.get(u.id, ()) if plan else ()
        if holdings and not any(_risk_stays(h, u, jobs, lifting_supports) for h in holdings):
            continue
        li = u.lifting_risk.lifting_index
        left.append(
            _("%(unit)s (lifting index %(li)s)") % {"unit": u.label(lang), "li": fixed(li, lang, 2)}
            if li is not None
            else u.label(lang)
        )
    return tuple(left)


def _repetitive_left(
    analysis: Analysis,
    plan: Plan | None,
    repetitive: int,
    heavy_tasks: frozenset[str],
    lang: str,
) -> tuple[str, ...]:
    """The units of repetitive hand-arm work in KIM-MHO's highest band (demand
    ``repetitive``, carving.ergonomic_risk_repetitive_demand) that people still do after the
    plan, for a next step: a risk for anyone, like a lifting index above 1 (a review of the
    packaging example: 80 h of tray loading at demand 4 stayed with the packers, in no step).
    A unit a cobot assists stays: the person keeps part of the movements. Tasks too heavy
    for anyone have a step of their own."""
    left = []
    for u in analysis.units:
        if u.demands.get("repetitive_hand_arm", 0) < repetitive or u.task in heavy_tasks:
            continue
        holdings = plan.unit_holder.get(u.id, ()) if plan else ()
        # the cobot takes every movement; tending its cell is light work
        if holdings and all(h.kind == "cobot" or h.tending for h in holdings):
            continue
        left.append(u.label(lang))
    return tuple(left)


def _lifting_risks(
    analysis: Analysis,
    plan: Plan | None,
    role_names: dict[str, str],
    lifting_supports: frozenset[str],
    lang: str,
    _: Gettext,
) -> tuple[RiskRow, ...]:
    """Every unit with a lifting risk (the analysis flags it whatever the demand rating), and
    each holder after the plan with its hours and whether the risk stays with it: a cobot
    takes the lift, a new job lifts with an aid that closes lifting and removes this unit's
    risk (`LiftingRisk.removed_by`: the aid applies here) or without one, a role lifts as
    today (with a cobot assisting, the cobot takes part of the lifts)."""
    jobs = {j.id: (n, j) for n, j in enumerate(plan.carved, start=1)} if plan else {}
    rows = []
    for u in analysis.units:
        if u.lifting_risk is None:
            continue
        role = role_names.get(u.role, u.role)
        holdings = plan.unit_holder.get(u.id, ()) if plan else ()
        after = []
        for h in holdings:
            hours = number(h.hours_per_week, lang, 1)
            if h.kind == "cobot":
                after.append(_("a cobot, %(hours)s h/week: the cobot lifts") % {"hours": hours})
            elif h.kind == "carved" and h.holder in jobs:
                n = jobs[h.holder][0]
                values = {"job": _("new job %(n)s") % {"n": n}, "hours": hours}
                after.append(
                    _("%(job)s, %(hours)s h/week, without a lifting aid: the risk stays") % values
                    if _risk_stays(h, u, jobs, lifting_supports)
                    else _("%(job)s, %(hours)s h/week, with a lifting aid") % values
                )
            elif h.cobot_assist:
                values = {"role": role, "hours": hours}
                after.append(_("%(role)s, %(hours)s h/week, with a cobot assisting") % values)
            elif h.tending:
                values = {"role": role, "hours": hours}
                after.append(
                    _("%(role)s, %(hours)s h/week tending the cobot, which lifts") % values
                )
            else:
                values = {"role": role, "hours": hours}
                after.append(_("%(role)s, %(hours)s h/week: lifts as today") % values)
        # the lifting index with the equation's inputs it comes from (a report review)
        niosh = [
            Reason("ergo.niosh_inputs", r.params).text(lang)
            for r in u.ergonomics
            if r.key == "ergo.niosh"
        ]
        rows.append(
            RiskRow(
                u.label(lang),
                role,
                " ".join([u.lifting_risk.reason.text(lang), *niosh]),
                "; ".join(after) or _("%(role)s: lifts as today") % {"role": role},
            )
        )
    return tuple(rows)


def _leaver_wait_hours(plan: Plan) -> float:
    """The hours a week, at the workers' pace, of the new jobs that start at once that rest
    on people leaving (`Plan.waits_at_start`: the jobs too small without that work start
    when they go, in the business case too). The cards' rule (one home: a reading found
    13.9 h here beside 14.8 h on the one job's card)."""
    return sum(own for own, _today in plan.waits_at_start().values())


def _leaver_wait_wages(plan: Plan, case: BusinessCase | None) -> float:
    """The wages a year (before subsidies) of `_leaver_wait_hours`, at the wage of the jobs
    that hold those hours: each job that starts at once at its own wage an hour, for its
    share of them (its card's hours, `Plan.job_waits`, scaled to the jobs' figure together).
    A reading of the duvet maker could not rebuild EUR 13,403 for 12.9 h, the average wage
    of all the jobs, where one job at its own wage held them all."""
    if case is None:
        return 0.0
    total = _leaver_wait_hours(plan)
    late = plan.late_jobs()
    rate = {
        c.id: -c.items.get("wage_cost_new_workers", 0.0) / c.hours_per_week
        for c in case.jobs
        if c.from_year == 1 and c.hours_per_week > 0
    }
    held = {
        job.id: sum(own for own, _today in plan.job_waits(job).values())
        for job in plan.carved
        if job.id not in late and job.id in rate
    }
    alone = sum(held.values())
    if total < 0.05 or alone < 0.05:
        return 0.0
    return sum(rate[j] * hours for j, hours in held.items()) * total / alone


def _cobot_candidates(
    analysis: Analysis,
    plan: Plan | None,
    lang: str,
    _: Gettext,
    min_hours: float,
    repetitive: int = 4,
) -> str:
    """Where the units a cobot could take went, other than to the plan's cobots (empty if
    none).
    ``min_hours``: carving.min_cobot_added_hours, the fewest hours of risk a cobot is
    advised for; ``repetitive``: carving.ergonomic_risk_repetitive_demand, the repetition
    demand that is a risk."""
    if plan is None:
        return ""
    to_job: list[str] = []
    kept: list[str] = []
    # kept work with a lifting risk the cobot would remove, in a role whose room for freed
    # hours the plan has used: a cobot there would take work from today's staff (a review
    # read "a cobot there does neither" next to a lifting index of 2.2 it removes)
    risky: list[str] = []
    # kept work with a lifting risk the cobot would remove, but fewer hours of it than a
    # cobot cell is advised for (a review read "a cobot there does neither" beside a lifting
    # index of 2.0 the cobot removes, at 5.2 h a week)
    small: list[str] = []
    roomless: list[str] = []
    capped: list[str] = []
    capped_plain: list[str] = []
    most = int(plan.options.get("max_cobots", 0) or 0)
    full = most > 0 and len(plan.cobots) >= most
    room = {
        b.role: b.absorbable_hours_per_week - b.released_hours_per_week for b in plan.work_balance
    }
    # in today's hours, as the task table and the work balance give them (a reading: 32.6 h
    # here with a split's hand-over time, 31 h in the task table)
    today = {t.id: t.today_share for t in analysis.tasks}
    for u in analysis.units:
        # and work a cobot would assist with (a reading of the hose maker: the laser marking,
        # an assist candidate freeing 11 h, was nowhere in the report)
        if u.cobot.label not in ("candidate", "assist"):
            continue
        held = plan.unit_holder.get(u.id, ())
        if any(h.kind == "cobot" or h.cobot_assist for h in held):
            continue  # the cobot's card gives it (a cobot that takes it, or assists with it)
        share = today.get(u.task, 1.0)
        label = (
            _("%(unit)s, where a cobot would assist") % {"unit": u.label(lang)}
            if u.cobot.label == "assist"
            else u.label(lang)
        )
        # the hours a cobot would take: the whole unit, or the part it assists with
        takes = (
            u.hours_per_week if u.cobot.label == "candidate" else u.cobot.hours_freed_per_week
        ) * share
        name = _("%(unit)s (%(hours)s h/week)") % {
            "unit": label,
            "hours": number(u.hours_per_week * share, lang, 1),
        }
        # the cobot takes a candidate whole: it removes the unit's lifting risk where its
        # model is among those that do, and a repetition risk (the plan's risk rules)
        removes = (
            u.lifting_risk is not None
            and u.cobot.model is not None
            and u.cobot.model.id in u.lifting_risk.removed_by
        ) or u.demands["repetitive_hand_arm"] >= repetitive
        if any(h.kind == "carved" for h in held):
            # the standard hours the jobs hold: what the roles and cobots do not (a review:
            # "30 h goes to a new job" where the job held 3.75 h and the rackers kept 26.25)
            moved = plan.carved_standard_hours(u.id)
            if moved <= u.hours_per_week - 0.05:
                name = _(
                    "%(unit)s (%(moved)s of its %(hours)s h/week; today's staff keep the rest)"
                ) % {
                    "unit": label,
                    "moved": number(moved * share, lang, 1),
                    "hours": number(u.hours_per_week * share, lang, 1),
                }
            to_job.append(name)
        elif removes and takes < min_hours - 0.005:
            small.append(name)
        elif removes and room.get(u.role, 0.0) < takes - 0.05:
            risky.append(name)
        elif room.get(u.role, 0.0) < takes - 0.05:
            # no risk to remove, and no room for what it would free (a reading of the die
            # caster: 80 h of trimming against the finishers' 40 h of agency hours, read as
            # "a cobot there does neither")
            roomless.append(name)
        elif removes and full:
            # the plan has all the cobots it may: the cap, not the risk, keeps this one out
            # (a diff review: two palletisers at LI 2.83 said to have nothing to remove)
            capped.append(name)
        elif full:
            # no risk, and the plan has all the cells it may: the cap keeps it out (a diff
            # review: "no such reason" said where no further cell could be tried)
            capped_plain.append(name)
        else:
            kept.append(name)
    if plan.options.get("max_cobots") == 0:
        # (no cap to reach: `capped` stays empty)
        kept, risky, small, roomless = kept + risky + small + roomless, [], [], []
    parts = []
    if to_job:
        parts.append(
            _("Work a cobot could take goes to a new job instead: %(units)s.")
            % {"units": "; ".join(to_job)}
        )
    if kept and plan.options.get("max_cobots") == 0:
        parts.append(
            _(
                "Work a cobot could take stays with today's staff: %(units)s. This plan was made without cobots (the options allow none)."
            )
            % {"units": "; ".join(kept)}
        )
    elif kept:
        parts.append(
            _(
                "Work a cobot could take stays with today's staff: %(units)s. The plan advises a cobot only where it takes over a lifting or repetition risk, adds hours in new jobs or hard-to-fill roles, or frees enough hours by the work it takes over where they are needed (agency hours and overtime that end among them) and earns itself back on them within its write-off period (the assumptions give the least and the period); it did not advise a cell for this work. Weigh what a cell here would free against its cost."
            )
            % {"units": "; ".join(kept)}
        )
    if capped_plain:
        parts.append(
            _(
                "Work a cobot could take stays with today's staff: %(units)s. The plan proposes at most %(most)s cobots (the options' limit), and has them: weigh a further cell here against its cost."
            )
            % {"units": "; ".join(capped_plain), "most": most}
        )
    if capped:
        parts.append(
            _(
                "Work with a lifting or repetition risk that a cobot would take over stays with today's staff: %(units)s. The plan proposes at most %(most)s cobots (the options' limit), and has them: a further cell would take this risk over too; weigh it against its cost, or remove the risk with a lifting aid or a changed workplace (see the lifting risks)."
            )
            % {"units": "; ".join(capped), "most": most}
        )
    if roomless:
        parts.append(
            _(
                "Work a cobot could take stays with today's staff: %(units)s. Its role has too little room for the hours a cobot would free: what its declared uses absorb, less what the new jobs and the plan's cobots take, is less than the cobot would take, so a cobot there would take work from today's staff."
            )
            % {"units": "; ".join(roomless)}
        )
    if risky:
        parts.append(
            _(
                "Work with a lifting or repetition risk that a cobot would take over stays with today's staff: %(units)s. Its role has too little room left for the hours a cobot would free: what its declared uses absorb, less what the new jobs and the plan's cobots take, is less than the cobot would take, so a cobot there would take work from today's staff. Remove the risk all the same (see the lifting risks): a lifting aid or a changed workplace, or the cobot as a safety measure whose cost no freed hours pay back."
            )
            % {"units": "; ".join(risky)}
        )
    if small:
        parts.append(
            _(
                "Work with a lifting or repetition risk that a cobot would take over stays with today's staff: %(units)s. A cobot cell is advised for a risk of at least %(least)s hours a week; for less, a lifting aid, a changed workplace or rotation is the proportionate remedy (see the lifting risks). The risk stays to be removed."
            )
            % {"units": "; ".join(small), "least": number(min_hours, lang, 1)}
        )
    return " ".join(parts)


def _line_summary(
    process: ProcessModel,
    analysis: Analysis,
    line: LineSolution | None,
    lang: str,
    _: Gettext,
) -> str:
    """One sentence on the balanced line, or on why there is none at the takt (empty
    without a line balance)."""
    if line is None:
        return ""
    takt = number(process.planning.takt_s or 0, lang, 1)
    if line.stations:
        # the line lays out the work per product; who keeps which work is the plan's (an
        # adviser's reading of the assembly example read five stations as five people)
        return _(
            "At a takt of %(takt)s s the line needs %(stations)d stations, %(tg)d of them staffed by workers from the target group; the longest station takes %(cycle)s s. The stations show one way to spread the work per product over the line and staff it, with the cobots of this plan only; who keeps which work is the plan above (the new jobs and the work balance): today's staff who are not on a station keep the rest of their work. Agree the staffing of the stations with the team."
        ) % {
            "takt": takt,
            "stations": len(line.stations),
            "tg": line.target_group_workers,
            "cycle": fixed(line.cycle_time * DECISECOND, lang, 1),
        }
    why = line.stats.get("no_line") or {}
    names = {u.id: u.label(lang) for u in analysis.units}
    if why.get("kind") == "too_long":
        slow = why["units"]
        listed = "; ".join(
            _("%(unit)s (at least %(seconds)s s)")
            % {"unit": names.get(u, u), "seconds": fixed(s, lang, 1)}
            for u, s in slow[:3]
        )
        more = "; " + _("%(n)d more units") % {"n": len(slow) - 3} if len(slow) > 3 else ""
        return _(
            "At a takt of %(takt)s s no line is possible: no worker and no cobot does these units within the takt: %(units)s%(more)s. Split them, or choose a longer takt."
        ) % {"takt": takt, "units": listed, "more": more}
    if why.get("kind") == "too_few":
        return _(
            "At a takt of %(takt)s s no line is possible: the work needs at least %(stations)d stations, and %(workers)d workers may staff one (today's staff and, within the work balance, new workers)."
        ) % {"takt": takt, "stations": why["stations"], "workers": why["workers"]}
    if line.status == "infeasible":
        return _(
            "At a takt of %(takt)s s no line is possible with these workers: the order of the work, their times and the work balance together rule it out."
        ) % {"takt": takt}
    return _(
        "Within the time limit no line at a takt of %(takt)s s was found; a longer run may find one."
    ) % {"takt": takt}


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
    heavy_work: tuple[str, ...] = (),
    lifting_left: tuple[str, ...] = (),
    repetitive_left: tuple[str, ...] = (),
    analysis: Analysis | None = None,
) -> Decision | None:
    if plan is None:
        return None
    summary = plan.figures()
    workers = summary.extra_workers
    names = tuple(c.model for c in cobots)
    roles = {r.id: r for r in process.roles}
    advice = advise(
        extra_workers=workers,
        freed_hours=summary.absorbed_hours_per_week,
        case=case,
        spread=spread,
        cobot_names=names,
        cobots_for_risk_only=bool(plan.cobots)
        and all(c.why == ("ergonomics",) for c in plan.cobots),
        slow_for_feed=tuple(u for c in cobots for u in c.slow_for_feed),
        cobot_places=tuple(c.places for c in cobots if c.places),
        heavy_work=heavy_work,
        lifting_left=lifting_left,
        repetitive_left=repetitive_left,
        # with the hours that rest on the season, the work balance's (three readings asked
        # how much of the plan is year-round work)
        seasonal=tuple(
            _("%(role)s, %(hours)s h a week")
            % {"role": name, "hours": number(b.seasonal_hours_per_week, lang, 1)}
            for name, b in seasonal_roles(process, plan)
        ),
        year_round=(
            sum(plan.year_round_hours(j) for j in plan.carved),
            sum(j.hours_per_week for j in plan.carved),
            plan.hours_per_fte,
        ),
        # the company's people where the model gives them, else those its roles model
        people=process.company.employees or sum(r.headcount for r in process.roles),
        people_known=process.company.employees is not None,
        leaver_hours=sum(b.uses["leavers"] for b in plan.work_balance),
        loonwaarde_less=sum(g.less for g in loonwaarde_gaps(case, process)) if case else 0.0,
        exposed_jobs=tuple(j.title for j in jobs if j.exposed_nearby),
        later_shift_jobs=tuple(j.title for j in jobs if j.later_shift),
        leaver_wait_hours=_leaver_wait_hours(plan),
        leaver_wait_wages=_leaver_wait_wages(plan, case),
        year_round_agency=tuple(
            _("%(role)s, %(hours)s h a week")
            % {"role": roles[b.role].name, "hours": number(b.absorbed["agency"], lang, 1)}
            for b in plan.work_balance
            # the model's own word: weeks given as the whole year are given (a diff review)
            if b.absorbed.get("agency", 0.0) >= 0.05
            and b.role in roles
            and roles[b.role].agency_weeks_per_year is None
        ),
        lang=lang,
        _=_,
        why_no_job=tuple(
            r.text(lang) for r in plan.reasons if r.key.startswith(("plan.no_job", "plan.no_slots"))
        ),
    )
    labels = {
        "go": _("Go"),
        "go_with_conditions": _("Go, on conditions"),
        "not_now": _("Not now, not in this form"),
    }
    net = case.net_eur_per_year if case is not None else 0.0
    fte = fixed(summary.extra_fte, lang, 1)
    workers_label = (
        _("1 new job for a worker from the target group")
        if workers == 1
        else _("%(n)s new jobs for workers from the target group") % {"n": workers}
    )
    # the net effect adds the worth of extra capacity to money: the sentence leads with what
    # the plan does in money paid and then adds that worth (two readings: "brings in ... a
    # year net" led with a figure of which most was no money); in whole euros, as shown, so
    # that the three figures add up and their words follow the figures shown
    net_shown = round(net)
    capacity = case.capacity_value_eur_per_year if case is not None else 0.0
    uses = capacity_uses(case, _) if case is not None else ""
    # a leavers' replacement not hired is counted as money: the sentence says so, the
    # conditions give the net without it (a reading of the duvet maker: two figures both
    # called money paid; a diff review: the net without extra capacity said nothing of it)
    saved = case.freed_by_use.get("leavers", 0.0) if case is not None else 0.0
    if not uses or round(capacity) <= 0:
        capacity = 0.0  # no use that brings worth: nothing to say (or to subtract)
    cash = net_shown - round(capacity)
    worth = ""
    if capacity > 0:
        figures = {
            "cash": money(abs(cash), lang),
            "capacity": money(capacity, lang),
            "uses": uses,
            "net": money(abs(net_shown), lang),
        }
        # with the replacement of leavers not hired counted as money, where it is: the
        # conditions give the money paid without it too (a reading of the duvet maker: two
        # figures both called "money paid"; of the galvaniser: "with no replacement hired"
        # holds of both, so the label says what is counted)
        if cash > 0:
            paid = (
                _(
                    "In money paid, counting the replacement not hired for those who leave as saved, it brings in %(cash)s a year;"
                )
                if saved
                else _("In money paid it brings in %(cash)s a year;")
            )
        elif cash == 0:
            paid = (
                _(
                    "In money paid, counting the replacement not hired for those who leave as saved, it breaks even;"
                )
                if saved
                else _("In money paid it breaks even;")
            )
        else:
            paid = (
                _(
                    "In money paid, counting the replacement not hired for those who leave as saved, it costs %(cash)s a year;"
                )
                if saved
                else _("In money paid it costs %(cash)s a year;")
            )
        total = (
            _(
                "with %(capacity)s a year worth of extra capacity (%(uses)s), which is no money saved, its net effect is %(net)s a year."
            )
            if net_shown >= 0
            else _(
                "with %(capacity)s a year worth of extra capacity (%(uses)s), which is no money saved, it still costs %(net)s a year net."
            )
        )
        worth = (paid + " " + total) % figures
    if case is None:
        sentence = workers_label
    elif workers > 0 and worth:
        sentence = (
            _("The plan offers work to 1 person (%(fte)s FTE).") % {"fte": fte}
            if workers == 1
            else _("The plan offers work to %(n)s people (%(fte)s FTE).")
            % {"n": workers, "fte": fte}
        )
        sentence += " " + worth
    elif workers == 0 and worth:
        sentence = _("The plan makes no new job (the next steps say why).") + " " + worth
    elif workers == 0:
        sentence = _(
            "The plan makes no new job (the next steps say why); the rest of it has a net effect of %(net)s a year."
        ) % {"net": money(net, lang)}
    elif workers == 1 and net >= 0:
        sentence = _(
            "The plan offers work to 1 person (%(fte)s FTE) and brings in %(net)s a year net."
        ) % {"fte": fte, "net": money(net, lang)}
    elif workers == 1:
        sentence = _(
            "The plan offers work to 1 person (%(fte)s FTE) but costs %(net)s a year net."
        ) % {"fte": fte, "net": money(-net, lang)}
    elif net >= 0:
        sentence = _(
            "The plan offers work to %(n)s people (%(fte)s FTE) and brings in %(net)s a year net."
        ) % {"n": workers, "fte": fte, "net": money(net, lang)}
    else:
        sentence = _(
            "The plan offers work to %(n)s people (%(fte)s FTE) but costs %(net)s a year net."
        ) % {"n": workers, "fte": fte, "net": money(-net, lang)}
    if case is not None and workers > 0 and not worth and saved >= 0.5:
        sentence += " " + _(
            "The net counts %(saved)s a year for the replacement not hired for those who leave (the conditions give the net without it)."
        ) % {"saved": money(saved, lang)}
    # the jobs that start when people leave, in the headline (a reading of the duct maker:
    # "work to 4 people" where two jobs start only when a finisher retires)
    later = [j for j in case.jobs if j.from_year > 1] if case is not None and workers > 0 else []
    if later:
        year = min(j.from_year for j in later)
        if len(later) == len(case.jobs if case is not None else ()):
            sentence += " " + _(
                "None of them starts before year %(year)s: without the work of the people who leave then, each job would be too small."
            ) % {"year": year}
        elif len(later) == 1:
            sentence += " " + _(
                "Of them, 1 starts only in year %(year)s, when people leave: without that work the job would be too small."
            ) % {"year": year}
        else:
            sentence += " " + _(
                "Of them, %(late)s start only in year %(year)s, when people leave: without that work their jobs would be too small."
            ) % {"late": len(later), "year": year}
    # the amounts are averages over the horizon: say so, and the first year in money paid
    # where that year is a cost (a review: "brings in ... a year net" beside a
    # cash flow that lost 120,000 in year 1)
    flow = case.cash_flow if case is not None and workers > 0 else None
    if flow is not None and flow.years:
        first = round(flow.paid_net_eur[0])
        years = len(flow.years)
        # cobots named only where the plan has one (a review: "with cobots as
        # depreciation" on a plan without any)
        if first < 0 and cobots:
            sentence += " " + _(
                "Amounts a year are averages over the %(years)s years of the business case, with cobots as depreciation; in the first year the plan costs %(first)s in money paid (the cash flow gives each year)."
            ) % {"years": years, "first": money(-first, lang)}
        elif first < 0:
            sentence += " " + _(
                "Amounts a year are averages over the %(years)s years of the business case; in the first year the plan costs %(first)s in money paid (the cash flow gives each year)."
            ) % {"years": years, "first": money(-first, lang)}
        elif cobots:
            sentence += " " + _(
                "Amounts a year are averages over the %(years)s years of the business case, with cobots as depreciation (the cash flow gives each year)."
            ) % {"years": years}
        else:
            sentence += " " + _(
                "Amounts a year are averages over the %(years)s years of the business case (the cash flow gives each year)."
            ) % {"years": years}
    cobot = (
        "; ".join(f"{c.model} ({c.use_short})" if c.use_short else c.model for c in cobots)
        if cobots
        else _("none")
    )
    t = thresholds().values
    named, others = first_screen(advice.conditions, int(t["max_conditions_shown"]))
    stages_note = ""  # the status paragraph under the first screen says what is proven
    return Decision(
        verdict=advice.verdict,
        verdict_label=labels[advice.verdict],
        sentence=sentence,
        workers_label=workers_label,
        net=money(net, lang),
        net_negative=net < 0,
        net_capacity=money(capacity, lang) if capacity > 0 else "",
        payback=payback_text(case, lang, _) if case is not None else "-",
        # the label "cobot payback" only beside a cobot's payback (one test with the value)
        has_payback=case is not None and bool(case.cobots) and bool(case.cobot_investment_eur),
        payback_paid=paid_payback_note(case, lang, _) if case is not None else "",
        investment=money(case.cobot_investment_eur, lang) if case is not None else "-",
        cobot=cobot,
        jobs=tuple(j.short for j in jobs),
        conditions=tuple(c.text for c in named),
        more_conditions=len(others),
        all_conditions=tuple(c.text for c in advice.conditions),
        other_conditions=tuple(c.text for c in others),
        next_steps=advice.next_steps,
        stages_note=stages_note,
        waits_note=_waits_note(plan, jobs, lang, _),
    )


def _waits_note(plan: Plan, jobs: tuple[JobCard, ...], lang: str, _: Gettext) -> str:
    """The hours of today's work that wait for people leaving, in all, under the list of
    jobs whose "up to" figures each count what that job could wait for (a reading of the
    spice blender: four jobs "up to" 10.8-18.8 h, 56.5 h together, where 16.6 h wait)."""
    waiting = sum(b.absorbed.get("leavers", 0.0) for b in plan.work_balance)
    if waiting < 0.05 or not any(j.waits_hours or j.starts_when_they_leave for j in jobs):
        return ""
    text = _(
        "Of the hours today's staff give up, %(hours)s h a week come free only when people leave (the work balance). The plan gives them first to the jobs that would be too small without them; each job's \"up to\" is what it could still wait for, and the employer may share those hours otherwise, where the roles give up other hours too."
    ) % {"hours": number(waiting, lang, 1)}
    # the jobs that are no job without that work, by name on the first screen (two
    # readings: "work to 3 people, go" where none of the three could start before the
    # leavers of 2027; their cards said so, the first screen did not)
    least = float(plan.options["min_job_hours"])
    late = [card.title for card in jobs if card.starts_when_they_leave]
    if late:
        text += " " + (
            _(
                "Without that work %(jobs)s would have fewer than the %(min)s hours of a job: they start only when those people leave."
            )
            if len(late) < len(jobs)
            else _(
                "Without that work every new job would have fewer than the %(min)s hours of a job: none starts before those people leave."
            )
        ) % {"jobs": join_items(late), "min": number(least, lang, 1)}
    return text


def _assumption(
    a: dict[str, Any], lang: str, _: Gettext, options: dict[str, Any] | None = None
) -> Assumption:
    """A sourced default as a row; where the plan used another value for it (the model's
    options or the command's), the row gives both (a review: "solver time 20" beside a plan
    made in 5 s)."""
    key = str(a["key"])
    label = PARAMETER_LABELS.get(key)
    label = _(label) if label else key
    value = _value(a["value"], lang, _)
    name = key.removeprefix("carving.")
    used = (options or {}).get(name) if key.startswith("carving.") else None
    if (
        isinstance(used, (int, float))
        and not isinstance(used, bool)
        and isinstance(a["value"], (int, float))
        and abs(float(used) - float(a["value"])) > 1e-9
    ):
        value = _("%(default)s (this plan: %(used)s, from the model's options or the command)") % {
            "default": value,
            "used": _value(used, lang, _),
        }
    return sourced(label, value, str(a["source"]), a.get("source_nl"), lang, _)


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
        names = {pr.id: pr.name for pr in process.profiles}
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
                number(o["max_job_ergonomic_load"], lang, 2),
                _("option of the plan (model options or default)"),
            ),
            *(
                Assumption(
                    _("Maximum physical load of a job of %(profile)s (able to do heavy work)")
                    % {"profile": names.get(pid, pid)},
                    number(limit, lang, 2),
                    _(
                        "the option above plus %(margin)s for a profile able to do heavy work: one with at least the lowest capacity for it on lifting, pushing and pulling, repetitive work and posture, and no restriction that caps one of them (the margin from the model options or the default, the capacity among the sourced defaults)"
                    )
                    % {"margin": number(o.get("heavy_work_load_margin", 0.0), lang, 2)},
                )
                for pid, limit in sorted((o.get("job_load_limits") or {}).items())
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
        if value and all(
            isinstance(row, list) and all(isinstance(v, str) for v in row) for row in value
        ):  # handling flags: any of these sets
            return "; ".join(" + ".join(_flag(f, lang) for f in row) for row in value)
        if value and isinstance(value[0], list):
            return _("table of %(n)s rows") % {"n": len(value)}
        return "; ".join(_value(v, lang, _) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            _label(str(v), _) if k == "name" else _field(k, _value(v, lang, _), _)
            for k, v in value.items()
        )
    return str(value)


def _label(key: str, _: Gettext) -> str:
    """A data-file word in the report's language (the key in words where it has no label)."""
    label = FIELD_LABELS.get(key)
    return _(label) if label else key.replace("_", " ")


def _flag(flag: str, lang: str) -> str:
    """A handling flag in words, without the article of the reason sentences."""
    key = f"flag.{flag}"
    if key not in MESSAGES:
        return flag.replace("_", " ")
    text = MESSAGES[key][LANGUAGES.index(lang)]
    return text[2:] if text.startswith("a ") else text


#: unit suffixes of data-file field names, as the unit after the figure
_UNITS = (("_n_cm2", "N/cm²"), ("_n_mm", "N/mm"), ("_cm2", "cm²"), ("_kg", "kg"), ("_n", "N"))


def _field(key: str, shown: str, _: Gettext) -> str:
    """A data-file field and its value in words: transient_force_n, 280 -> transient force 280 N."""
    for suffix, unit in _UNITS:
        if key.endswith(suffix):
            return f"{_label(key[: -len(suffix)], _)} {shown} {unit}"
    return f"{_label(key, _)}: {shown}"


def _sources(cats: Catalogs, lang: str) -> tuple[tuple[str, str], ...]:
    """The catalogues' sources as (text, language), in Dutch where the catalogue has them."""
    pairs: list[tuple[str, str | None]] = []
    for cat in cats.task_catalogs:
        if cat.sources_nl:
            pairs += zip(cat.sources, cat.sources_nl, strict=True)
        else:
            pairs += [(text, None) for text in cat.sources]
    pairs += [(s.source, s.source_nl) for s in cats.supports.values()]
    out = dict.fromkeys(in_language(text, dutch, lang) for text, dutch in pairs)
    return tuple((_clean_source(text), tongue) for text, tongue in out)


__all__ = [
    "CASE_LABELS",
    "DAYS",
    "N_",
    "PARAMETER_LABELS",
    "VERDICTS",
    "Assumption",
    "Bar",
    "BoardTask",
    "BusinessView",
    "CaseRow",
    "CashRow",
    "Chart",
    "CobotCard",
    "CobotCaseRow",
    "ComparisonContext",
    "Decision",
    "Demand",
    "DiffBar",
    "DiffChart",
    "GatedUnit",
    "Gettext",
    "Headline",
    "JobCard",
    "JobCaseRow",
    "JobUnit",
    "Lane",
    "ReportContext",
    "ScenarioRow",
    "ScheduleDay",
    "SplitRow",
    "Station",
    "TaskRow",
    "TornadoChart",
    "TornadoRow",
    "build_comparison_context",
    "build_context",
    "business_view",
    "case_formula_fallback",
    "case_label",
    "diff_chart",
    "job_titles",
    "reason_text",
    "tornado_label",
]
