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
from jobcarve.formatting import day, fixed, money, number, percent
from jobcarve.messages import DIMENSION_NAMES, LANGUAGES
from jobcarve.model import DIMENSIONS, ProcessModel, Role
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
    bound: int | None  # None: no bound is known (the solver found nothing in its time)


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
        bound=plan_bound(plan) if plan is not None else 0,
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
        business=business_view(case, spread, lang, _) if case is not None else None,
    )


CASE_LABELS = (
    "wage_cost_new_workers",
    "wage_cost_subsidy",
    "coaching",
    "cobot_depreciation",
    "cobot_maintenance",
    "value_freed_hours",
)


def case_label(key: str, _: Gettext) -> str:
    """The label of a business-case line in the report's language."""
    labels = {
        "wage_cost_new_workers": _("Wage cost of the new workers"),
        "wage_cost_subsidy": _("Wage-cost subsidy (loonkostensubsidie)"),
        "coaching": _("Coaching by colleagues (praktijkleren)"),
        "cobot_depreciation": _("Cobot cells: depreciation"),
        "cobot_maintenance": _("Cobot cells: maintenance"),
        "value_freed_hours": _("Value of hours freed in hard-to-fill roles"),
    }
    return labels[key]


def _range(spread: Spread | None, fmt: Callable[[float], str]) -> str:
    if spread is None or spread.p10 is None or spread.p90 is None:
        return "-"
    return f"{fmt(spread.p10)} – {fmt(spread.p90)}"


def business_view(
    case: BusinessCase, spread: Uncertainty | None, lang: str, _: Gettext
) -> BusinessView:
    """The business case and its range, formatted."""
    rows = tuple(
        CaseRow(
            case_label(line.key, _),
            money(line.amount_eur_per_year, lang),
            line.formula,
            line.amount_eur_per_year < 0,
        )
        for line in case.lines
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
        range_payback=_range(spread.payback_years if spread else None, lambda v: fixed(v, lang, 1)),
        draws=spread.draws if spread else 0,
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
