"""Carving: bundle units into carved jobs for worker profiles, with cobots (CP-SAT)."""

from jobcarve.carving.plan import Plan, PlanCobot, PlanJob, plan

__all__ = ["Plan", "PlanCobot", "PlanJob", "plan"]
