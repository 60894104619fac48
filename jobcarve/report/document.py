"""The analysis.json document: the analysis and the plan in one versioned, sorted JSON file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jobcarve.carving.line import DECISECOND, LineSolution
from jobcarve.carving.plan import Plan
from jobcarve.carving.status import SolveStatus
from jobcarve.results import Analysis

if TYPE_CHECKING:
    from jobcarve.economics import BusinessCase
    from jobcarve.uncertainty import Uncertainty


def plan_bound(plan: Plan) -> float | None:
    """The proven upper bound on the carved hours per week, or None when none is known.

    The bound comes from the first solver stage (carved hours); when that stage found
    nothing in its time (the plan is the greedy fallback) or was interrupted, the solver's 0
    is not a bound and must never be shown as one ("at most 0" next to a plan of 37 jobs).
    """
    stage = plan.stage_status.get("carved_hours")
    if stage is None or not SolveStatus(stage).solved:
        return None
    bound = plan.bound_carved_hours
    carved = sum(j.hours_per_week for j in plan.carved)
    if bound is None or bound < carved - 0.01 * max(1, len(plan.carved)):
        return None
    return bound


def analysis_document(
    analysis: Analysis,
    plan: Plan | None,
    meta: dict[str, Any] | None = None,
    line: LineSolution | None = None,
    *,
    case: BusinessCase | None = None,
    spread: Uncertainty | None = None,
) -> dict[str, Any]:
    """Plain data for analysis.json (the one place it is assembled; `jobcarve.study` calls it).

    ``summary`` holds the plan's headline figures (extra workers, FTE, banenafspraak jobs,
    skilled hours freed, cobots, status, gap) with the analysis counts under
    ``summary.analysis``; every unit in ``tasks`` says who does it (``holders``).
    """
    doc = analysis.to_dict()
    analysis_summary = doc.pop("summary")
    if plan is None:
        doc["summary"] = {"analysis": analysis_summary}
    else:
        plan_doc = plan.to_dict()
        doc["summary"] = {**plan_doc.pop("summary"), "analysis": analysis_summary}
        if plan_bound(plan) is None:  # "unknown", not 0 (and no gap to a bound there is not)
            doc["summary"].update(bound_carved_hours_per_week=None, gap=None, bound_known=False)
        else:
            doc["summary"]["bound_known"] = True
        doc["jobs"] = plan_doc.pop("jobs")
        doc["cobots"] = plan_doc.pop("cobots")
        holders = plan_doc.pop("units")
        doc["plan"] = plan_doc
        for task in doc["tasks"]:
            for unit in task["units"]:
                unit["holders"] = holders.get(unit["id"], [])
    if line is not None:
        doc["line"] = line.to_dict(DECISECOND)
    if case is not None:
        doc["business_case"] = case.to_dict()
    if spread is not None:
        doc["uncertainty"] = spread.to_dict()
    if meta:
        doc["meta"] = meta
    return doc
