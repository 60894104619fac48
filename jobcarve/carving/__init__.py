"""Carving: bundle units into carved jobs for worker profiles, with cobots (CP-SAT)."""

from jobcarve.carving.line import LineProblem, LineSolution, LineWorker
from jobcarve.carving.options import CarvingOptions
from jobcarve.carving.plan import Holding, Plan, PlanCobot, PlanJob, PlanSummary, line_plan, plan
from jobcarve.carving.replan import Replanned, replan
from jobcarve.carving.status import SolveStatus

__all__ = [
    "CarvingOptions",
    "Holding",
    "LineProblem",
    "LineSolution",
    "LineWorker",
    "Plan",
    "PlanCobot",
    "PlanJob",
    "PlanSummary",
    "Replanned",
    "SolveStatus",
    "line_plan",
    "plan",
    "replan",
]
