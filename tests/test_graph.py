"""Task graph and workload figures, worked out by hand."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcarve import InputError, build_task_graph, parse_process, summarize
from jobcarve.graph import GENERATION, HOURS_PER_WEEK, ROLE, SECONDS_PER_UNIT
from tests.conftest import MINIMAL
from tests.strategies import dag_model_text, dag_models


def test_workload_by_hand() -> None:
    """Hours per task and role follow the three time models."""
    process = parse_process(MINIMAL)
    summary = summarize(process)
    # a: 36 s x 100 units / 3600 = 1.0 h; b: 30 min x (100 / 50) batches / 60 = 1.0 h; c: 2 h
    assert summary.hours_per_task == pytest.approx({"a": 1.0, "b": 1.0, "c": 2.0})
    loads = {r.role: r for r in summary.roles}
    assert loads["op"].hours_per_week == pytest.approx(2.0)
    assert loads["op"].fte == pytest.approx(2.0 / 36)
    assert loads["op"].capacity_hours_per_week == pytest.approx(72.0)  # 2 people x 36 h
    assert loads["helper"].utilisation == pytest.approx(2.0 / 36)
    assert summary.total_hours_per_week == pytest.approx(4.0)


def test_graph_attributes_and_order() -> None:
    """Nodes carry the documented attributes; generations follow precedence."""
    graph = build_task_graph(parse_process(MINIMAL))
    assert set(graph.edges) == {("a", "b"), ("a", "c")}
    assert graph.nodes["c"][ROLE] == "helper"
    assert graph.nodes["a"][HOURS_PER_WEEK] == pytest.approx(1.0)
    assert graph.nodes["a"][SECONDS_PER_UNIT] == pytest.approx(36.0)
    assert [graph.nodes[n][GENERATION] for n in "abc"] == [0, 1, 1]


def test_critical_path_by_hand() -> None:
    """The critical path is the longest chain in seconds per unit."""
    summary = summarize(parse_process(MINIMAL))
    # a = 36 s, b = 1 h x 3600 / 100 = 36 s, c = 2 h x 3600 / 100 = 72 s: a -> c = 108 s
    assert summary.critical_path == ["a", "c"]
    assert summary.critical_path_s_per_unit == pytest.approx(108.0)
    assert summary.generations == [["a"], ["b", "c"]]


def test_subtask_hours_go_to_their_role() -> None:
    """A subtask with its own role counts for that role; the parent sums its subtasks."""
    text = MINIMAL.replace(
        "    hours_per_week: 2\n",
        "    subtasks:\n      - {id: c1, name: C1, hours_per_week: 1.5}\n"
        "      - {id: c2, name: C2, role: op, hours_per_week: 0.5, after: [c1]}\n",
    )
    summary = summarize(parse_process(text))
    loads = {r.role: r.hours_per_week for r in summary.roles}
    assert summary.hours_per_task["c"] == pytest.approx(2.0)
    assert loads == pytest.approx({"op": 2.5, "helper": 1.5})
    assert summary.subtasks == 2


@settings(max_examples=60, deadline=None)
@given(dag_models())
def test_random_dag_models(case: tuple[str, list[int], list[tuple[int, int]]]) -> None:
    """Random DAG models read back acyclic, with workload sums that match the inputs."""
    text, times, edges = case
    process = parse_process(text)
    graph = build_task_graph(process)
    summary = summarize(process, graph)
    assert nx.is_directed_acyclic_graph(graph)
    assert graph.number_of_edges() == len(edges)
    expected = sum(times) * 250 / 3600
    assert math.isclose(summary.total_hours_per_week, expected, rel_tol=1e-9)
    assert math.isclose(sum(r.hours_per_week for r in summary.roles), expected, rel_tol=1e-9)
    assert summary.critical_path_s_per_unit <= sum(times) + 1e-9
    for u, v in zip(summary.critical_path, summary.critical_path[1:], strict=False):
        assert graph.has_edge(u, v)


@settings(max_examples=40, deadline=None)
@given(dag_models(), st.data())
def test_back_edge_is_a_named_cycle(
    case: tuple[str, list[int], list[tuple[int, int]]], data: st.DataObject
) -> None:
    """Reversing any edge of a random DAG into a back edge gives a named precedence cycle."""
    _, times, edges = case
    if not edges:
        return
    u, v = data.draw(st.sampled_from(edges))
    text = dag_model_text(times, [*edges, (v, u)], [0] * len(times))
    with pytest.raises(InputError) as info:
        parse_process(text)
    cycles = [str(p) for p in info.value.problems if "precedence cycle" in str(p)]
    assert len(cycles) == 1
    names = cycles[0].split("precedence cycle: ")[1].split(" -> ")
    assert names[0] == names[-1] and f"t{u}" in names and f"t{v}" in names
