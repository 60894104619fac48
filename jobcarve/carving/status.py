"""How far a solve got, as one enum shared by the pool plan and its solver stages.

`SolveStatus` is a `StrEnum`, so it compares equal to its text and is written to JSON as
that text (``"optimal"``); code compares against the members, never against strings.
"""

from __future__ import annotations

from enum import StrEnum


class SolveStatus(StrEnum):
    """The status of a plan or of one solver stage."""

    #: proven best for the objective
    OPTIMAL = "optimal"
    #: a plan that keeps every rule, not proven best
    FEASIBLE = "feasible"
    #: the solver found nothing in its time (the plan is the greedy start)
    UNKNOWN = "unknown"
    #: proven to have no plan
    INFEASIBLE = "infeasible"

    @property
    def solved(self) -> bool:
        """A plan was found by the solver (optimal or feasible)."""
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
