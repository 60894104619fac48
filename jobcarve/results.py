"""Frozen result objects of the analysis, with their JSON form.

Everything a report shows comes from these objects; each verdict carries `Reason`s
(message keys with Dutch and English text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from jobcarve.messages import LANGUAGES, Reason
from jobcarve.model import Handling

FitVerdict = Literal["fits", "fits_with_support", "needs_split", "not_accessible"]
#: ``guarded_cell``: automation in a guarded cell (a hazardous tool, force, speed or a large
#: part rule out power and force limiting), not a cobot working next to people.
CobotLabel = Literal["candidate", "assist", "guarded_cell", "human"]
LiftingRiskLevel = Literal["increased", "high", "not_rated"]
SplitSource = Literal["none", "subtasks", "catalogue", "automatic"]

#: Version of the analysis.json layout.
ANALYSIS_FORMAT = 1


def _reasons(reasons: tuple[Reason, ...]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in reasons]


@dataclass(frozen=True)
class Gap:
    """A dimension on which a task demands more than a profile offers."""

    dimension: str
    demand: int
    capacity: int
    closed_by: str | None
    temporary: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "demand": self.demand,
            "capacity": self.capacity,
            "closed_by": self.closed_by,
            "temporary": self.temporary,
        }


@dataclass(frozen=True)
class Fit:
    """How a task or unit fits one worker profile."""

    profile: str
    verdict: FitVerdict
    gaps: tuple[Gap, ...]
    supports: tuple[str, ...]
    reasons: tuple[Reason, ...]
    fitting_units: tuple[str, ...] = ()

    @property
    def accessible(self) -> bool:
        """The profile can do it directly or with supports."""
        return self.verdict in ("fits", "fits_with_support")

    @property
    def supported_gaps(self) -> int:
        """How many of its gaps supports close."""
        return sum(1 for g in self.gaps if g.closed_by)

    def counted(self, limit: int | None) -> bool:
        """Accessible with at most `limit` gaps closed by supports (None: no limit): work a
        plan counts (carving.max_counted_supported_gaps); beyond it, work to try out first."""
        return self.accessible and (limit is None or self.supported_gaps <= limit)

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "gaps": [g.to_dict() for g in self.gaps],
            "supports": list(self.supports),
            "fitting_units": list(self.fitting_units),
            "reasons": _reasons(self.reasons),
        }


@dataclass(frozen=True)
class Gate:
    """A knock-out criterion that fired, with its reason."""

    gate: str
    reason: Reason

    def to_dict(self) -> dict[str, Any]:
        return {"gate": self.gate, "reason": self.reason.to_dict()}


@dataclass(frozen=True)
class Criterion:
    """One weighted feasibility criterion, scored 1-5."""

    name: str
    score: int
    weight: float
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": self.score, "weight": self.weight, "why": self.why}


@dataclass(frozen=True)
class CobotChoice:
    """The smallest catalogue cobot that passes payload, reach and precision with margin."""

    id: str
    manufacturer: str
    model: str
    payload_kg: float
    reach_mm: float
    payload_needed_kg: float
    payload_margin_kg: float

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CobotVerdict:
    """Cobot suitability of a unit: label, scores, gates and reasons."""

    label: CobotLabel
    feasibility: float
    benefit: float
    gates: tuple[Gate, ...]
    criteria: tuple[Criterion, ...]
    reasons: tuple[Reason, ...]
    model: CobotChoice | None
    cobot_s_per_unit: float | None
    speed_limit_m_s: float | None
    hours_freed_per_week: float
    cobot_hours_per_week: float
    missing: tuple[str, ...]
    cells_needed: int = 1
    capped_by: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "cells_needed": self.cells_needed,
            "capped_by": list(self.capped_by),
            "feasibility": round(self.feasibility, 1),
            "benefit": round(self.benefit, 1),
            "gates": [g.to_dict() for g in self.gates],
            "criteria": [c.to_dict() for c in self.criteria],
            "reasons": _reasons(self.reasons),
            "model": self.model.to_dict() if self.model else None,
            "cobot_s_per_unit": _round(self.cobot_s_per_unit),
            "speed_limit_m_s": _round(self.speed_limit_m_s, 3),
            "hours_freed_per_week": round(self.hours_freed_per_week, 3),
            "cobot_hours_per_week": round(self.cobot_hours_per_week, 3),
            "missing": list(self.missing),
        }


@dataclass(frozen=True)
class LiftingRisk:
    """A lifting index above 1 (NIOSH: redesign signal, whoever does the work), and what removes it."""

    lifting_index: float | None
    level: LiftingRiskLevel
    removed_by: tuple[str, ...]
    reason: Reason

    def to_dict(self) -> dict[str, Any]:
        return {
            "lifting_index": _round(self.lifting_index, 3),
            "level": self.level,
            "removed_by": list(self.removed_by),
            "reason": self.reason.to_dict(),
        }


@dataclass(frozen=True)
class Unit:
    """The smallest assignable piece of work after splitting."""

    id: str
    name: str
    task: str
    role: str
    hours_per_week: float
    seconds_per_unit: float | None
    after: tuple[str, ...]
    demands: dict[str, int]
    handling: Handling
    lifting_index: float | None
    ergonomics: tuple[Reason, ...]
    fit: dict[str, Fit]
    cobot: CobotVerdict
    workstation: str | None = None
    area: str | None = None
    #: when the work is done (the task's `shift`): "any" shift, "every" shift of a process
    #: that runs more than one (one person holds at most one shift's share, a profile
    #: without night shifts no night share), the "day" shift only (a job holding it works
    #: days), or the "night" shift
    shift: str = "any"
    #: kinds of activity (the model's or its template's; task_catalogs/supports.yaml)
    activities: tuple[str, ...] = ()
    #: the days a week the work is done, where fewer than the working days
    #: (`Task.days_per_week`): a new job holds at most that many days' work of it
    days_per_week: int | None = None
    #: work that arises every working day (`analysis.run.daily_work`): per product, in every
    #: shift, or given as done on five days. The one reading of it for the plan (a job of a
    #: profile of fewer days holds at most its days' share) and the job's week
    daily: bool = False
    #: on the paced line of a process of kind 'line' (`Task.on_line`); work beside it, past
    #: a buffer, is not balanced onto the line's stations
    on_line: bool = True
    needs_rotation: bool = False
    lifting_risk: LiftingRisk | None = None
    #: Dutch and English name of a part the analysis named (a catalogue or automatic
    #: split); None when the name is the model's own (a task or a subtask)
    names: tuple[str, str] | None = None

    def label(self, lang: str) -> str:
        """The unit's name in a report in `lang`: the model's own, or the part's in `lang`."""
        if self.names is None:
            return self.name
        return self.names[LANGUAGES.index(lang)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "names": dict(zip(LANGUAGES, self.names, strict=True)) if self.names else None,
            "task": self.task,
            "role": self.role,
            "workstation": self.workstation,
            "area": self.area,
            "shift": self.shift,
            "days_per_week": self.days_per_week,
            "daily": self.daily,
            "on_line": self.on_line,
            "activities": list(self.activities),
            "needs_rotation": self.needs_rotation,
            "lifting_risk": self.lifting_risk.to_dict() if self.lifting_risk else None,
            "hours_per_week": round(self.hours_per_week, 4),
            "seconds_per_unit": _round(self.seconds_per_unit),
            "after": list(self.after),
            "demands": dict(self.demands),
            "handling": self.handling.model_dump(exclude_none=True),
            "lifting_index": _round(self.lifting_index, 3),
            "ergonomics": _reasons(self.ergonomics),
            "fit": {p: f.to_dict() for p, f in self.fit.items()},
            "cobot": self.cobot.to_dict(),
        }


@dataclass(frozen=True)
class SplitProposal:
    """A split the plan does not use until the adviser confirms it on the floor.

    ``source`` is ``catalogue`` (the template's typical split, sourced; confirmed with
    ``catalogue_split: confirmed`` on the task) or ``automatic`` (jobcarve's own guess at
    separating set-up and decisions or the heavy lift; confirmed only by writing the
    subtasks into the model). What confirming it would add is the plan's figure
    (``plan.split_proposals`` in analysis.json).
    """

    source: Literal["catalogue", "automatic"]
    units: tuple[Unit, ...]
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "status": "to_confirm" if self.source == "catalogue" else "to_check",
            "units": [u.to_dict() for u in self.units],
            "reasons": _reasons(self.reasons),
        }


@dataclass(frozen=True)
class TaskResult:
    """A task's verdicts: fit of the whole task per profile, its split and its units."""

    id: str
    name: str
    role: str
    hours_per_week: float
    demands: dict[str, int]
    split: SplitSource
    split_reasons: tuple[Reason, ...]
    overhead_hours_per_week: float
    fit: dict[str, Fit]
    units: tuple[Unit, ...]
    proposal: SplitProposal | None = None

    @property
    def today_share(self) -> float:
        """Today's hours over the hours with a split's hand-over time (1 without it): a unit's
        hours times this are the hours its role gives up, as the work balance counts them."""
        total = self.hours_per_week + self.overhead_hours_per_week
        return self.hours_per_week / total if total > 0 else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "hours_per_week": round(self.hours_per_week, 4),
            "demands": dict(self.demands),
            "split": {
                "source": self.split,
                "overhead_hours_per_week": round(self.overhead_hours_per_week, 4),
                "reasons": _reasons(self.split_reasons),
            },
            "split_proposal": self.proposal.to_dict() if self.proposal else None,
            "fit": {p: f.to_dict() for p, f in self.fit.items()},
            "units": [u.to_dict() for u in self.units],
        }


@dataclass(frozen=True)
class Analysis:
    """The analysis of one process: per task and unit, fit, split and cobot verdicts."""

    company: str
    process: str
    profiles: tuple[tuple[str, str], ...]
    tasks: tuple[TaskResult, ...]
    assumptions: tuple[dict[str, Any], ...]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def units(self) -> list[Unit]:
        """Every unit of every task, in task order: the work the plan shares out.

        Units of split proposals are not among them (`TaskResult.proposal`).
        """
        return [u for t in self.tasks for u in t.units]

    @property
    def proposals(self) -> list[TaskResult]:
        """The tasks with a split proposal to confirm or check on the floor."""
        return [t for t in self.tasks if t.proposal is not None]

    def summary(self) -> dict[str, Any]:
        """Counts and hours per verdict, the headline figures of the analysis."""
        units = self.units
        fit_counts: dict[str, dict[str, int]] = {}
        for pid, _ in self.profiles:
            counts = {"fits": 0, "fits_with_support": 0, "needs_split": 0, "not_accessible": 0}
            for task in self.tasks:
                counts[task.fit[pid].verdict] += 1
            fit_counts[pid] = counts
        labels = {"candidate": 0, "assist": 0, "guarded_cell": 0, "human": 0}
        for unit in units:
            labels[unit.cobot.label] += 1
        accessible = sum(
            u.hours_per_week for u in units if any(f.accessible for f in u.fit.values())
        )
        return {
            "tasks": len(self.tasks),
            "units": len(units),
            "split_tasks": sum(1 for t in self.tasks if t.split != "none"),
            "split_proposals": sum(1 for t in self.tasks if t.proposal is not None),
            "hours_per_week": round(sum(t.hours_per_week for t in self.tasks), 3),
            "unit_hours_per_week": round(sum(u.hours_per_week for u in units), 3),
            "accessible_unit_hours_per_week": round(accessible, 3),
            "fit_by_profile": fit_counts,
            "cobot_labels": labels,
            "cobot_hours_freed_per_week": round(
                sum(
                    u.cobot.hours_freed_per_week
                    for u in units
                    if u.cobot.label in ("candidate", "assist")
                ),
                3,
            ),
            "guarded_cell_hours_per_week": round(
                sum(u.hours_per_week for u in units if u.cobot.label == "guarded_cell"), 3
            ),
            "lifting_risks": sum(1 for u in units if u.lifting_risk is not None),
        }

    def to_dict(self) -> dict[str, Any]:
        """The analysis.json document (a `format` key, plain data)."""
        return {
            "format": ANALYSIS_FORMAT,
            "company": self.company,
            "process": self.process,
            "profiles": [{"id": i, "name": n} for i, n in self.profiles],
            "summary": self.summary(),
            "tasks": [t.to_dict() for t in self.tasks],
            "assumptions": list(self.assumptions),
            **({"meta": self.meta} if self.meta else {}),
        }


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)
