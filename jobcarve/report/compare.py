"""The comparison report's view: one row per scenario (the difference charts are in charts.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobcarve.carving.plan import Plan
from jobcarve.carving.status import SolveStatus
from jobcarve.formatting import day, fixed, money, number
from jobcarve.report.business import _range
from jobcarve.report.charts import DiffChart, _ceil_div, _nice_step, diff_chart
from jobcarve.report.labels import Gettext


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
    #: units of work to try out first, not counted in the figures (`Plan.trials`)
    trials: str
    y: float
    bar: float
    low: float | None
    high: float | None
    #: the cobots' payback in money paid, where part of their value is capacity
    payback_paid: str = ""


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
    #: some scenario has work to try out first: the note and list beside the table are shown
    any_trials: bool = False
    #: gaps closed by supports that a plan still counts (carving.max_counted_supported_gaps)
    counted_gaps: int = 0


def _trial_units(plan: Plan | None) -> int:
    """How many units a scenario's plan lists as work to try out first (for any profile)."""
    return len({u for units in plan.trials.values() for u in units}) if plan else 0


def build_comparison_context(
    comparison: Any, lang: str, gettext: Gettext, *, generated_at: datetime, version: str
) -> ComparisonContext:
    """The view model of the comparison report."""
    _ = gettext
    scenarios = comparison.scenarios
    top = max(
        [s.figures().extra_workers for s in scenarios]
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
        sm = s.figures()
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
        payback_paid = ""
        if s.case.cobot_investment_eur and s.case.cobot_capacity_eur_per_year >= 0.5:
            # where the cobots' value is partly extra capacity, the payback in money paid
            # under it (a diff review: "3.9" for a cobot whose value is vacancy hours)
            paid = s.case.cobot_paid_payback_years
            payback_paid = (
                _("in money paid %(years)s") % {"years": fixed(paid, lang, 1)}
                if paid is not None
                else _("in money paid: does not pay back")
            )
        rows.append(
            ScenarioRow(
                name=s.name,
                short=s.name if len(s.name) <= 34 else s.name[:33] + "…",
                workers=str(sm.extra_workers),
                fte=fixed(sm.extra_fte, lang, 1),
                banenafspraak=fixed(sm.banenafspraak_jobs, lang, 1),
                freed=number(sm.skilled_hours_freed_per_week, lang, 1),
                cobots=str(sm.cobots),
                net=money(s.case.net_eur_per_year, lang),
                payback=payback,
                payback_paid=payback_paid,
                range_workers=_range(
                    spread.extra_workers if spread else None, lambda v: number(v, lang, 0)
                ),
                trials=str(_trial_units(s.plan)),
                status=_("proven optimal within the model")
                if sm.status == SolveStatus.OPTIMAL
                else _("best found, not proven optimal"),
                y=10 + i * row_h,
                bar=round(sm.extra_workers * scale, 1),
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
                (s.name, float(s.figures().extra_workers), str(s.figures().extra_workers))
                for s in scenarios
            ],
        ),
        diff_chart(
            "cmp-hours",
            _("Hours freed in hard-to-fill roles"),
            [
                (
                    s.name,
                    s.figures().skilled_hours_freed_per_week,
                    number(s.figures().skilled_hours_freed_per_week, lang, 1),
                )
                for s in scenarios
            ],
        ),
    )
    plans = [s.plan for s in scenarios if s.plan is not None]
    return ComparisonContext(
        any_trials=any(p.trials for p in plans),
        counted_gaps=int(plans[0].options.get("max_counted_supported_gaps", 0)) if plans else 0,
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
