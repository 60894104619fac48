"""The plan as a workbook for advisers: tasks with verdicts and reasons, jobs, cobots, figures."""

from __future__ import annotations

from typing import Any

import openpyxl

from jobcarve.model import ProcessModel
from jobcarve.spreadsheet.export import _save, _write_table


def plan_workbook_bytes(
    process: ProcessModel, analysis: Any, plan: Any, lang: str = "nl", case: Any = None
) -> bytes:
    """The plan as a workbook for advisers: tasks with verdicts and reasons, jobs, cobots, figures."""
    nl = lang == "nl"
    wb = openpyxl.Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Samenvatting" if nl else "Summary"
    figures = plan.summary() if plan is not None else {}
    labels = {
        "extra_workers": (
            "Extra medewerkers uit de doelgroep",
            "Extra workers from the target group",
        ),
        "extra_fte": ("Extra fte", "Extra FTE"),
        "banenafspraak_jobs": ("Banenafspraakbanen (25,5 uur)", "Banenafspraak jobs (25.5 h)"),
        "skilled_hours_freed_per_week": (
            "Uren per week vrij in moeilijk vervulbare functies",
            "Hours per week freed in hard-to-fill roles",
        ),
        "cobots": ("Cobots", "Cobots"),
        "cobot_hours_per_week": ("Cobot-uren per week", "Cobot hours per week"),
        "status": ("Status", "Status"),
        "gap": ("Verschil tot bovengrens", "Gap to the bound"),
    }
    if plan is not None:
        from jobcarve.report.document import plan_bound

        if plan_bound(plan) is None:  # no bound known: not "gap 0"
            figures["gap"] = "onbekend" if nl else "unknown"
    _write_table(
        summary,
        ["Gegeven" if nl else "Figure", "Waarde" if nl else "Value"],
        [[labels[k][0 if nl else 1], figures.get(k)] for k in labels],
    )
    tasks = wb.create_sheet("Taken" if nl else "Tasks")
    pids = [p.id for p in process.profiles]
    headers = [
        "ID",
        "Taak" if nl else "Task",
        "Eenheid" if nl else "Unit",
        "Uren/week" if nl else "Hours/week",
        "Wie" if nl else "Who",
    ]
    headers += [f"{p}: oordeel" if nl else f"{p}: verdict" for p in pids]
    headers += ["Cobot", "Haalbaarheid" if nl else "Feasibility", "Redenen" if nl else "Reasons"]
    holders = plan.unit_holder if plan is not None else {}
    # work the plan does not count: to try out first (Plan.trials)
    trials = plan.trials if plan is not None else {}
    trial = " (eerst uitproberen)" if nl else " (try out first)"
    # work that fits but that its role cannot give up whole (Plan.larger_than_room)
    larger = set(plan.larger_than_room) if plan is not None else set()
    too_large = (
        " (groter dan de functie mag afstaan)" if nl else " (larger than the role may give up)"
    )
    # the hours a role keeps to tend the cobot that took the unit over (Holding.tending)
    tends = ", bedient de cobot" if nl else ", tends the cobot"
    rows = []
    for task in analysis.tasks:
        for unit in task.units:
            who = "; ".join(
                f"{h.holder} ({h.hours_per_week:.1f} h{tends if h.tending else ''})"
                for h in holders.get(unit.id, [])
            ) + (too_large if unit.id in larger else "")
            reasons = " | ".join(
                r.text(lang)
                for r in (*unit.cobot.reasons[:1], *(g.reason for g in unit.cobot.gates))
            )
            rows.append(
                [
                    unit.id,
                    task.name,
                    unit.label(lang),
                    round(unit.hours_per_week, 2),
                    who,
                    *(
                        (task.fit[p].verdict if len(task.units) == 1 else unit.fit[p].verdict)
                        + (trial if unit.id in trials.get(p, ()) else "")
                        for p in pids
                    ),
                    unit.cobot.label,
                    round(unit.cobot.feasibility),
                    reasons,
                ]
            )
    _write_table(tasks, headers, rows)
    jobs = wb.create_sheet("Banen" if nl else "Jobs")
    _write_table(
        jobs,
        [
            "ID",
            "Soort" if nl else "Kind",
            "Profiel" if nl else "Profile",
            "Uren/week" if nl else "Hours/week",
            "Werk" if nl else "Units",
            "Ondersteuning" if nl else "Supports",
        ],
        [
            [
                j.id,
                j.kind,
                j.profile or j.role,
                round(j.hours_per_week, 2),
                ", ".join(j.units),
                ", ".join(j.supports),
            ]
            for j in (plan.jobs if plan is not None else [])
        ],
    )
    cobots = wb.create_sheet("Cobots")
    _write_table(
        cobots,
        [
            "ID",
            "Model",
            "Neemt over" if nl else "Takes over",
            "Helpt bij" if nl else "Assists",
            "Uren/week" if nl else "Hours/week",
        ],
        [
            [c.id, c.model, ", ".join(c.units), ", ".join(c.assists), round(c.hours_per_week, 2)]
            for c in (plan.cobots if plan is not None else [])
        ],
    )
    if case is not None:
        from jobcarve.report.business import CASE_LABELS, case_label
        from jobcarve.report.i18n import translations

        gettext = translations(lang).gettext
        sheet = wb.create_sheet("Businesscase" if nl else "Business case")
        rows = [
            [case_label(item.key, gettext), round(item.amount_eur_per_year, 2), item.formula]
            for item in case.lines
            if item.key in CASE_LABELS
        ]
        rows.append(
            [
                "Netto effect per jaar" if nl else "Net effect per year",
                round(case.net_eur_per_year, 2),
                "",
            ]
        )
        rows.append(
            [
                "Investering cobots" if nl else "Cobot investment",
                round(case.cobot_investment_eur, 2),
                "",
            ]
        )
        for label_nl, label_en, years in (
            ("Terugverdientijd cobots (jaar)", "Cobot payback (years)", case.cobot_payback_years),
            (
                "Terugverdientijd cobots in betaald geld (jaar)",
                "Cobot payback in money paid (years)",
                case.cobot_paid_payback_years,
            ),
        ):
            rows.append(
                [label_nl if nl else label_en, round(years, 2) if years is not None else None, ""]
            )
        _write_table(
            sheet,
            [
                "Post" if nl else "Item",
                "EUR per jaar" if nl else "EUR per year",
                "Berekening" if nl else "How it is computed",
            ],
            rows,
        )
    return _save(wb)
