"""Invariants of the analysis on random valid models (hypothesis)."""

from __future__ import annotations

import math

import networkx as nx
from hypothesis import HealthCheck, given, settings

from jobcarve import DIMENSIONS, analyze, parse_process
from tests.strategies import models

OVERHEAD = 0.05


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
