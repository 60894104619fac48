"""Hypothesis strategies shared by the property tests: random valid models and task graphs.

* `models()`: the YAML text of a valid model (1-8 tasks of every time model, hand-made
  splits, catalogue templates, handling data, 1-3 profiles with supports);
* `dag_models()`: the text of a model whose tasks form a random precedence DAG, with the
  task times and edges that made it (to check the workload sums against);
* `demands()`, `handling()`, `tasks(n)`: the parts of `models()`.
"""

from __future__ import annotations

import yaml
from hypothesis import strategies as st

from jobcarve import DIMENSIONS
from jobcarve.catalog import load_catalogs

_CATALOGS = load_catalogs()
TEMPLATES = sorted(_CATALOGS.entries)
SUPPORTS = sorted(_CATALOGS.supports)

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


def dag_model_text(times: list[int], edges: list[tuple[int, int]], roles: list[int]) -> str:
    """A model whose tasks t0..tn-1 take `times` seconds per unit, with `edges` as precedence."""
    lines = [
        "format: 1",
        "company: {name: X, sector: y}",
        "process: {name: P}",
        "planning: {units_per_week: 250}",
        "roles:",
        "  - {id: r0, name: R0, headcount: 1, education: none}",
        "  - {id: r1, name: R1, headcount: 3, education: MBO 3}",
        "tasks:",
    ]
    for i, t in enumerate(times):
        after = sorted({u for u, v in edges if v == i})
        lines.append(
            f"  - {{id: t{i}, name: T{i}, role: r{roles[i]}, time_s_per_unit: {t}, "
            f"after: [{', '.join(f't{u}' for u in after)}]}}"
        )
    return "\n".join(lines) + "\n"


@st.composite
def dag_models(draw: st.DrawFn) -> tuple[str, list[int], list[tuple[int, int]]]:
    n = draw(st.integers(1, 25))
    times = draw(st.lists(st.integers(1, 600), min_size=n, max_size=n))
    roles = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    pairs = [(u, v) for v in range(n) for u in range(v)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=40)) if pairs else []
    return dag_model_text(times, edges, roles), times, edges
