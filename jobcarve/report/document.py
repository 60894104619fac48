"""The analysis.json document: the analysis and the plan in one versioned, sorted JSON file."""

from __future__ import annotations

from typing import Any

from jobcarve.carving.line import DECISECOND, LineSolution
from jobcarve.carving.plan import Plan
from jobcarve.results import Analysis


def analysis_document(
    analysis: Analysis,
    plan: Plan | None,
    meta: dict[str, Any] | None = None,
    line: LineSolution | None = None,
) -> dict[str, Any]:
    """Plain data for analysis.json.

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
        doc["jobs"] = plan_doc.pop("jobs")
        doc["cobots"] = plan_doc.pop("cobots")
        holders = plan_doc.pop("units")
        doc["plan"] = plan_doc
        for task in doc["tasks"]:
            for unit in task["units"]:
                unit["holders"] = holders.get(unit["id"], [])
    if line is not None:
        doc["line"] = line.to_dict(DECISECOND)
    if meta:
        doc["meta"] = meta
    return doc
