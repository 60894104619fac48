"""Invariants of the analysis on random valid models (hypothesis)."""

from __future__ import annotations

import math

import networkx as nx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcarve import DIMENSIONS, analyze, parse_process
from jobcarve.catalog import load_catalogs

TEMPLATES = sorted(load_catalogs().entries)
SUPPORTS = sorted(load_catalogs().supports)
OVERHEAD = 0.05

ratings = st.integers(0, 4)


def demands() -> st.SearchStrategy[dict[str, int]]:
    return st.dictionaries(st.sampled_from(DIMENSIONS), ratings, max_size=13)


def handling() -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "part_mass_kg": st.floats(0, 45, allow_nan=False).map(lambda x: round(x, 1)),
            "lifts_per_unit": st.integers(0, 4),
            "presentation": st.sampled_from(["fixed", "variable"]),
            "part_type": st.sampled_from(["rigid", "flexible", "fragile"]),
            "tolerance_mm": st.sampled_from([0.01, 0.05, 0.5, 2.0]),
            "variants": st.integers(1, 50),
            "hazardous_tool": st.booleans(),
            "head_exposure": st.booleans(),
            "process_force_n": st.sampled_from([0, 50, 500]),
            "reach_mm": st.sampled_from([400, 900, 1500, 2500]),
        },
    )


@st.composite
def tasks(draw: st.DrawFn, n: int) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i in range(n):
        task: dict[str, object] = {"id": f"t{i}", "name": f"T{i}", "role": "op"}
        if i and draw(st.booleans()):
            preds = sorted(set(draw(st.lists(st.integers(0, i - 1), min_size=1, max_size=2))))
            task["after"] = [f"t{p}" for p in preds]
        kind = draw(st.integers(0, 3))
        if kind == 3:  # hand-made split
            subs = []
            for j in range(draw(st.integers(2, 3))):
                sub: dict[str, object] = {
                    "id": f"t{i}s{j}",
                    "name": f"S{j}",
                    "time_s_per_unit": draw(st.integers(1, 300)),
                    "demands": draw(demands()),
                }
                if j and draw(st.booleans()):
                    sub["after"] = [f"t{i}s{j - 1}"]
                subs.append(sub)
            task["subtasks"] = subs
            out.append(task)
            continue
        if kind == 0:
            task["time_s_per_unit"] = draw(st.integers(1, 600))
        elif kind == 1:
            task["time_min_per_batch"] = draw(st.integers(1, 120))
            task["batch_size_units"] = draw(st.integers(1, 100))
        else:
            task["hours_per_week"] = draw(st.integers(1, 40))
        if draw(st.booleans()):
            task["template"] = draw(st.sampled_from(TEMPLATES))
            if draw(st.booleans()):
                task["demands"] = draw(demands())
        else:
            task["demands"] = draw(demands())
        h = draw(handling())
        if h:
            task["handling"] = h
        out.append(task)
    return out


@st.composite
def models(draw: st.DrawFn) -> str:
    n = draw(st.integers(1, 8))
    profiles = []
    for p in range(draw(st.integers(1, 3))):
        profiles.append(
            {
                "id": f"p{p}",
                "name": f"P{p}",
                "capacities": {d: draw(ratings) for d in DIMENSIONS},
                "hours_per_week_available": 24,
                "supports": draw(st.lists(st.sampled_from(SUPPORTS), max_size=3, unique=True)),
            }
        )
    data = {
        "format": 1,
        "company": {"name": "C", "sector": "s"},
        "process": {"name": "P"},
        "planning": {
            "units_per_week": draw(st.sampled_from([10, 500, 5000])),
            "shifts": draw(st.integers(1, 3)),
        },
        "roles": [{"id": "op", "name": "Op", "headcount": 5, "education": "MBO 2"}],
        "tasks": draw(tasks(n)),
        "profiles": profiles,
    }
    return yaml.safe_dump(data, sort_keys=False)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_analysis_invariants(text: str) -> None:
    """Work conserved up to overhead, precedence kept, units unique, no candidate with a gate."""
    process = parse_process(text)
    analysis = analyze(process)
    units = analysis.units
    ids = [u.id for u in units]
    assert len(ids) == len(set(ids))  # every unit appears exactly once
    for task in analysis.tasks:
        n = len(task.units)
        total = sum(u.hours_per_week for u in task.units)
        assert math.isclose(total, task.hours_per_week * (1 + OVERHEAD * (n - 1)), rel_tol=1e-9)
        assert (task.split == "none") == (n == 1 and task.units[0].id == task.id)
        for profile, fit in task.fit.items():
            if fit.verdict == "needs_split":
                # the fitting units are the plan's (confirmed split) or the proposal's
                seen = {u.id: u for u in task.units}
                if task.proposal is not None:
                    seen.update({u.id: u for u in task.proposal.units})
                assert fit.fitting_units and all(
                    seen[f].fit[profile].accessible for f in fit.fitting_units
                )
        if task.proposal is not None:  # a proposal never enters the plan's units
            assert task.split == "none" and task.proposal.source in ("catalogue", "automatic")
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(ids)
    for unit in units:
        for pred in unit.after:
            assert pred in graph
            graph.add_edge(pred, unit.id)
    assert nx.is_directed_acyclic_graph(graph)
    task_of = {u.id: u.task for u in units}
    for task in process.tasks:  # task precedence is kept between their units
        for pred in task.after:
            assert any(
                nx.has_path(graph, a, b)
                for a in ids
                if task_of[a] == pred
                for b in ids
                if task_of[b] == task.id
            )
    for unit in units:
        verdict = unit.cobot
        assert not (verdict.label == "candidate" and verdict.gates)
        assert 0 <= verdict.feasibility <= 100 and 0 <= verdict.benefit <= 100
        assert set(unit.demands) == set(DIMENSIONS)
        for fit in unit.fit.values():
            assert fit.verdict in ("fits", "fits_with_support", "not_accessible")
            assert all(g.demand > g.capacity for g in fit.gaps)
