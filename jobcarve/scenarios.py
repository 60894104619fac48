"""Scenarios side by side: "as is", "split only" (no cobot), "split + cobot" and the model's own.

Each scenario is solved on its own (analysis, plan, business case, Monte Carlo range).
Scenarios from the model name a subset of profiles, the cobots allowed, a volume change
and carving options; see docs/model-format.md ("scenarios").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jobcarve.analysis import analyze
from jobcarve.carving.plan import Plan, plan
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.economics import EMPTY, BusinessCase, business_case, plan_figures, rates
from jobcarve.model import ProcessModel, Scenario
from jobcarve.uncertainty import Uncertainty, monte_carlo

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

    def summary(self) -> dict[str, Any]:
        if self.plan is None:
            return {
                "extra_workers": 0,
                "extra_fte": 0.0,
                "banenafspraak_jobs": 0.0,
                "skilled_hours_freed_per_week": 0.0,
                "carved_hours_per_week": 0.0,
                "displacement_hours": 0.0,
                "cobots": 0,
                "status": "optimal",
                "gap": 0.0,
            }
        s = self.plan.summary()
        return {
            k: s[k]
            for k in (
                "extra_workers",
                "extra_fte",
                "banenafspraak_jobs",
                "skilled_hours_freed_per_week",
                "carved_hours_per_week",
                "displacement_hours",
                "cobots",
                "status",
                "gap",
            )
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
) -> Comparison:
    """Solve every scenario: the three built-in ones and the model's own."""
    _check_scenarios(process)
    cats = catalogs if catalogs is not None else load_catalogs()
    language = lang or process.options.language
    r = rates(process, cats)
    results: list[ScenarioResult] = []
    for sid, names in BUILT_IN:
        if sid == "as_is":
            results.append(
                ScenarioResult(sid, names[language], None, business_case(process, EMPTY, r), None)
            )
            continue
        analysis = analyze(process, cats)
        cobots = 0 if sid == "split_only" else None
        best = plan(
            process,
            analysis,
            catalogs=cats,
            time_limit_s=time_limit_s,
            seed=seed,
            max_cobots=cobots,
            evaluate_proposals=False,
        )
        results.append(_result(sid, names[language], process, analysis, best, r, draws, seed))
    for scenario in process.scenarios:
        changed = apply_scenario(process, scenario)
        analysis = analyze(changed, cats)
        best = plan(
            changed,
            analysis,
            catalogs=cats,
            time_limit_s=time_limit_s,
            seed=seed,
            max_cobots=scenario.max_cobots,
            min_job_hours=scenario.min_job_hours,
            min_kinds_per_job=scenario.min_kinds_per_job,
            max_job_ergonomic_load=scenario.max_job_ergonomic_load,
            allow_displacement=scenario.allow_displacement,
            evaluate_proposals=False,
        )
        results.append(_result(scenario.id, scenario.name, changed, analysis, best, r, draws, seed))
    return Comparison(process.company.name, process.process.name, tuple(results))


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


def _result(
    sid: str,
    name: str,
    process: ProcessModel,
    analysis: Any,
    best: Plan,
    r: Any,
    draws: int | None,
    seed: int | None,
) -> ScenarioResult:
    case = business_case(process, plan_figures(process, analysis, best), r)
    spread = monte_carlo(process, best, draws=draws, seed=seed, r=r)
    return ScenarioResult(sid, name, best, case, spread)
