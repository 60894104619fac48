"""Scenarios side by side: "as is", "split only" (no cobot), "split + cobot" and the model's own.

Each scenario is solved on its own by `jobcarve.study` (analysis, plan, business case,
Monte Carlo range).
Scenarios from the model name a subset of profiles, the cobots allowed, a volume change
and carving options; see docs/model-format.md ("scenarios").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jobcarve.carving.options import CarvingOptions
from jobcarve.carving.plan import Plan, PlanSummary
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.economics import EMPTY, BusinessCase, business_case, rates
from jobcarve.model import ProcessModel, Scenario
from jobcarve.study import Progress, study
from jobcarve.uncertainty import Uncertainty

#: Scenarios every comparison includes, in this order.
BUILT_IN = (
    ("as_is", {"nl": "Zoals nu", "en": "As is"}),
    ("split_only", {"nl": "Alleen splitsen (geen cobot)", "en": "Split only (no cobot)"}),
    ("split_cobot", {"nl": "Splitsen en cobot", "en": "Split and cobot"}),
)


@dataclass(frozen=True)
class ScenarioResult:
    """One scenario's plan figures, business case and range."""

    id: str
    name: str
    plan: Plan | None
    case: BusinessCase
    uncertainty: Uncertainty | None

    def figures(self) -> PlanSummary:
        """The plan's headline figures; those of no plan for "as is"."""
        return self.plan.figures() if self.plan is not None else PlanSummary.empty()

    def summary(self) -> dict[str, Any]:
        """The figures comparison.json shows per scenario."""
        f = self.figures()
        return {
            "extra_workers": f.extra_workers,
            "extra_fte": f.extra_fte,
            "banenafspraak_jobs": f.banenafspraak_jobs,
            "skilled_hours_freed_per_week": f.skilled_hours_freed_per_week,
            "carved_hours_per_week": f.carved_hours_per_week,
            "displacement_hours": f.displacement_hours,
            "cobots": f.cobots,
            "status": f.status,
            "gap": f.gap,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "summary": self.summary(),
            "business_case": self.case.to_dict(),
            "uncertainty": self.uncertainty.to_dict() if self.uncertainty else None,
            "jobs": [j.to_dict() for j in self.plan.carved] if self.plan else [],
            "cobots": [c.to_dict() for c in self.plan.cobots] if self.plan else [],
            # work to try out first, not counted (Plan.trials)
            "trials": self.plan.trials if self.plan else {},
        }


@dataclass(frozen=True)
class Comparison:
    """All scenarios of a process."""

    company: str
    process: str
    scenarios: tuple[ScenarioResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": 1,
            "company": self.company,
            "process": self.process,
            "scenarios": [s.to_dict() for s in self.scenarios],
        }


def apply_scenario(process: ProcessModel, scenario: Scenario) -> ProcessModel:
    """The model as the scenario changes it (profiles kept, volume changed)."""
    update: dict[str, Any] = {}
    if scenario.profiles is not None:
        update["profiles"] = [p for p in process.profiles if p.id in set(scenario.profiles)]
    if scenario.volume_change_share:
        f = 1 + scenario.volume_change_share
        pl = process.planning
        update["planning"] = pl.model_copy(
            update={
                "units_per_week": pl.units_per_week * f,
                "units_per_week_low": pl.units_per_week_low * f if pl.units_per_week_low else None,
                "units_per_week_high": pl.units_per_week_high * f
                if pl.units_per_week_high
                else None,
            }
        )
    changed = process.model_copy(update=update)
    changed._source = process.source
    return changed


def compare(
    process: ProcessModel,
    *,
    time_limit_s: float | None = None,
    seed: int | None = None,
    draws: int | None = None,
    lang: str | None = None,
    catalogs: Catalogs | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Solve every scenario: the three built-in ones and the model's own.

    Each scenario with a plan is a `jobcarve.study` of the (changed) model, without the
    split-proposal re-plans and the line balance; ``progress`` gets each scenario's phases,
    named after it.
    """
    _check_scenarios(process)
    cats = catalogs if catalogs is not None else load_catalogs()
    language = lang or process.options.language
    r = rates(process, cats)
    solver = CarvingOptions(time_limit_s=time_limit_s, seed=seed)
    built_in = {"as_is": None, "split_only": solver.replace(max_cobots=0), "split_cobot": solver}
    runs: list[tuple[str, str, ProcessModel, CarvingOptions | None]] = [
        (sid, names[language], process, built_in[sid]) for sid, names in BUILT_IN
    ]
    for scenario in process.scenarios:
        changed = solver.replace(
            max_cobots=scenario.max_cobots,
            min_job_hours=scenario.min_job_hours,
            min_kinds_per_job=scenario.min_kinds_per_job,
            max_job_ergonomic_load=scenario.max_job_ergonomic_load,
            heavy_work_load_margin=scenario.heavy_work_load_margin,
            allow_displacement=scenario.allow_displacement,
        )
        runs.append((scenario.id, scenario.name, apply_scenario(process, scenario), changed))
    results: list[ScenarioResult] = []
    for sid, name, model, options in runs:
        named = _Named(progress, f"scenario {name}") if progress is not None else None
        if options is None:  # as is: no plan, the business case of doing nothing
            if named is not None:
                named("business case")
            results.append(ScenarioResult(sid, name, None, business_case(model, EMPTY, r), None))
            continue
        made = study(
            model,
            options,
            catalogs=cats,
            draws=draws,
            evaluate_proposals=False,
            with_line=False,
            economic_rates=r,
            progress=named,
        )
        assert made.case is not None
        results.append(ScenarioResult(sid, name, made.plan, made.case, made.spread))
    return Comparison(process.company.name, process.process.name, tuple(results))


class _Named:
    """A progress that names each phase after the scenario it belongs to."""

    def __init__(self, outer: Progress, name: str) -> None:
        self.outer, self.name = outer, name

    def __call__(self, name: str, *, spinner: bool = True) -> None:
        self.outer(f"{self.name}: {name}", spinner=spinner)

    def line(self, text: str) -> None:
        self.outer.line(text)


def _check_scenarios(process: ProcessModel) -> None:
    """Refuse, located and before any solve, a scenario that leaves no profile to carve for."""
    from jobcarve.exceptions import InputError, Problem

    problems = []
    for i, scenario in enumerate(process.scenarios):
        if scenario.profiles is not None and not apply_scenario(process, scenario).profiles:
            loc = ("scenarios", i, "profiles")
            message = f'scenario "{scenario.id}" keeps no worker profile: name at least one'
            smap = process.source
            problems.append(
                smap.problem(loc, message)
                if smap is not None
                else Problem("<model>", 0, 0, f"scenarios[{i}].profiles", message)
            )
    if problems:
        raise InputError(problems)
