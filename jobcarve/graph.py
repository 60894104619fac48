"""Process -> task graph (networkx DiGraph) and the workload figures derived from it.

Nodes are top-level task ids; an edge ``a -> b`` means a comes before b. Node attribute
keys are the constants below, so code and notebooks never spell them by hand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from jobcarve.model import Planning, ProcessModel, Task

#: Node attribute: the task's name.
NAME = "name"
#: Node attribute: id of the role that does the task now.
ROLE = "role"
#: Node attribute: workload in hours per week.
HOURS_PER_WEEK = "hours_per_week"
#: Node attribute: seconds of work per product unit (averaged over the weekly volume).
SECONDS_PER_UNIT = "seconds_per_unit"
#: Node attribute: the validated `Task` object itself.
TASK = "task"
#: Node attribute: topological generation (0 = can start first).
GENERATION = "generation"


def task_hours_per_week(task: Task, planning: Planning) -> float:
    """Hours per week a task takes at the planned volume (its subtasks' sum if split)."""
    if task.subtasks:
        return sum(task_hours_per_week(s, planning) for s in task.subtasks)
    if task.time_s_per_unit is not None:
        return task.time_s_per_unit * planning.units_per_week * task.share_of_units / 3600
    if task.time_min_per_batch is not None and task.batch_size_units:
        batches = planning.units_per_week * task.share_of_units / task.batch_size_units
        return task.time_min_per_batch * batches / 60
    if task.hours_per_week is not None:
        return task.hours_per_week
    raise ValueError(f"task {task.id!r} has no time model")  # the reader rules this out


def build_task_graph(process: ProcessModel) -> nx.DiGraph[str]:
    """The precedence graph of a process's top-level tasks, with workload attributes."""
    graph: nx.DiGraph[str] = nx.DiGraph(company=process.company.name, process=process.process.name)
    units = process.planning.units_per_week
    for task in process.tasks:
        hours = task_hours_per_week(task, process.planning)
        graph.add_node(
            task.id,
            **{
                NAME: task.name,
                ROLE: task.role,
                HOURS_PER_WEEK: hours,
                SECONDS_PER_UNIT: hours * 3600 / units,
                TASK: task,
            },
        )
    for task in process.tasks:
        for pred in task.after:
            graph.add_edge(pred, task.id)
    for level, generation in enumerate(nx.topological_generations(graph)):
        for node in generation:
            graph.nodes[node][GENERATION] = level
    return graph


@dataclass(frozen=True)
class RoleLoad:
    """Workload of one existing role."""

    role: str
    name: str
    headcount: int
    hours_per_week: float
    fte: float
    capacity_hours_per_week: float
    utilisation: float | None
    hard_to_fill: bool


@dataclass(frozen=True)
class GraphSummary:
    """The figures of a task graph, the same from Python and from ``jobcarve graph``."""

    tasks: int
    subtasks: int
    edges: int
    total_hours_per_week: float
    total_fte: float
    hours_per_task: dict[str, float]
    roles: list[RoleLoad]
    critical_path: list[str]
    critical_path_s_per_unit: float
    generations: list[list[str]]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return asdict(self)


def role_loads(process: ProcessModel, graph: nx.DiGraph[str]) -> list[RoleLoad]:
    """Hours, FTE and utilisation per existing role, in model order."""
    hours: dict[str, float] = {r.id: 0.0 for r in process.roles}
    for task in process.tasks:
        for role_id, leaf_hours in role_hours(task, process.planning):
            hours[role_id] += leaf_hours
    fte_hours = process.planning.hours_per_fte
    out = []
    for role in process.roles:
        capacity = role.headcount * (role.hours_per_week or fte_hours)
        out.append(
            RoleLoad(
                role=role.id,
                name=role.name,
                headcount=role.headcount,
                hours_per_week=hours[role.id],
                fte=hours[role.id] / fte_hours,
                capacity_hours_per_week=capacity,
                utilisation=hours[role.id] / capacity if capacity else None,
                hard_to_fill=role.hard_to_fill,
            )
        )
    return out


def critical_path(graph: nx.DiGraph[str]) -> tuple[list[str], float]:
    """Longest chain of tasks by seconds per unit: the shortest possible throughput time."""
    best: dict[str, tuple[float, str | None]] = {}
    for node in nx.topological_sort(graph):
        own = graph.nodes[node][SECONDS_PER_UNIT]
        prev = max(((best[p][0], p) for p in graph.predecessors(node)), default=(0.0, None))
        best[node] = (prev[0] + own, prev[1])
    if not best:
        return [], 0.0
    end = max(best, key=lambda n: (best[n][0], n))
    path: list[str] = []
    cursor: str | None = end
    while cursor is not None:
        path.append(cursor)
        cursor = best[cursor][1]
    return path[::-1], best[end][0]


def summarize(process: ProcessModel, graph: nx.DiGraph[str] | None = None) -> GraphSummary:
    """Workload per task and per role, critical path and generations of a process."""
    graph = graph if graph is not None else build_task_graph(process)
    hours = {n: d[HOURS_PER_WEEK] for n, d in graph.nodes(data=True)}
    total = sum(hours.values())
    path, length = critical_path(graph)
    return GraphSummary(
        tasks=graph.number_of_nodes(),
        subtasks=sum(len(list(_leaves(t))) for t in process.tasks if t.subtasks),
        edges=graph.number_of_edges(),
        total_hours_per_week=total,
        total_fte=total / process.planning.hours_per_fte,
        hours_per_task=hours,
        roles=role_loads(process, graph),
        critical_path=path,
        critical_path_s_per_unit=length,
        generations=[sorted(g) for g in nx.topological_generations(graph)],
    )


def role_hours(task: Task, planning: Planning, role: str | None = None) -> list[tuple[str, float]]:
    """(role, hours per week) of each leaf of a task; a subtask without a role inherits it."""
    own = task.role or role
    if not task.subtasks:
        return [(own or "", task_hours_per_week(task, planning))]
    return [pair for s in task.subtasks for pair in role_hours(s, planning, own)]


def _leaves(task: Task) -> list[Task]:
    if not task.subtasks:
        return [task]
    return [leaf for s in task.subtasks for leaf in _leaves(s)]


def workload_warnings(process: ProcessModel) -> list[str]:
    """Workloads that are valid but probably not meant (``validate`` shows them): a role with
    more hours of tasks than its people provide, a role that does none of the tasks."""
    out: list[str] = []
    summary = summarize(process)
    roles = {r.id: r for r in process.roles}
    for load in summary.roles:
        role = roles[load.role]
        # overtime and agency hours are worked on the role's tasks too (docs/model-format.md)
        extra = (role.overtime_hours_per_week or 0.0) + (role.agency_hours_per_week or 0.0)
        provided = load.capacity_hours_per_week + extra
        if load.capacity_hours_per_week and load.hours_per_week > 1.05 * provided:
            out.append(
                f'role "{load.role}" has {load.hours_per_week:.1f} h/week of tasks but '
                f"{load.headcount} people provide {load.capacity_hours_per_week:.1f} h/week"
                + (f" ({provided:.1f} with overtime and agency hours)" if extra else "")
            )
        if load.hours_per_week == 0:
            out.append(f'role "{load.role}" does none of the tasks')
    return out
