"""Analyses of a process: fit per worker profile, splitting into units, cobot suitability,
ergonomic load. One topic per module; `analyze` runs them all."""

from jobcarve.analysis.run import analyze

__all__ = ["analyze"]
