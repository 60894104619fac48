"""ALWABP-2 engine: valid lines on every shared and generated instance, bounds, CP-SAT optima."""

from __future__ import annotations

import csv
import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jobcarve.carving.cpsat.line import solve_line
from jobcarve.carving.line import LineProblem, LineWorker, validate_solution
from jobcarve.carving.line.alwabp import (
    AlwabpGraph,
    Effort,
    beam_line,
    chaves_instance,
    construct,
    heuristic_line,
    improve_line,
    line_cycle,
    line_problems,
    lns_line,
    lower_bound,
    prefix_graph,
    probe_bound,
    relaxation_ok,
    solve_alwabp2,
)
from jobcarve.carving.line.formats import read_instance
from jobcarve.cli import app

ALWABP = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "alwabp"
SCHOLL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "salbp" / "scholl1993"
needs_shared = pytest.mark.skipif(not ALWABP.exists(), reason="no shared benchmark data")


def problem(times: list[list[int | None]], preds: list[tuple[int, ...]]) -> LineProblem:
    """A line problem from [task][worker] times."""
    k = len(times[0])
    return LineProblem(
        tuple(f"t{i}" for i in range(len(times))),
        tuple(preds),
        tuple(LineWorker(f"w{w}", "generic", "g", False) for w in range(k)),
        tuple(tuple(row[w] for row in times) for w in range(k)),
    )


def as_line(p: LineProblem, sol: object) -> list[tuple[int, tuple[int, ...]]]:
    wid = {w.id: i for i, w in enumerate(p.workers)}
    tid = {t: i for i, t in enumerate(p.tasks)}
    return [
        (wid[s.worker], tuple(tid[t] for t in s.tasks))
        for s in sol.stations  # type: ignore[attr-defined]
    ]


def optima() -> list[dict[str, str]]:
    return list(csv.DictReader((ALWABP / "optima.csv").open())) if ALWABP.exists() else []


# ---------------------------------------------------------------- shared instances


@pytest.mark.shared
@needs_shared
def test_constructive_line_on_every_shared_instance() -> None:
    """All 240 instances: a valid constructive line; the bound is at most the optimum."""
    for row in optima():
        g = AlwabpGraph.from_problem(read_instance(ALWABP / row["instance"], "alwabp").problem())
        found = heuristic_line(g, effort=Effort(limit=3_000))
        assert found is not None, row["instance"]
        cycle, line = found
        assert line_problems(g, line, cycle) == [], row["instance"]
        assert cycle == line_cycle(g, line) >= int(row["optimal_cycle_time"])
        assert lower_bound(g, cycle, lp=False) <= int(row["optimal_cycle_time"])


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("row", optima()[::16], ids=lambda r: r["instance"])
def test_relaxation_bound_below_optimum(row: dict[str, str]) -> None:
    """The bound with the LP relaxation never passes the proven optimum, and beats the trivial one."""
    g = AlwabpGraph.from_problem(read_instance(ALWABP / row["instance"], "alwabp").problem())
    lb = lower_bound(g)
    trivial = max(max(g.tmin), -(-sum(g.tmin) // g.k))
    assert trivial <= lb <= int(row["optimal_cycle_time"])


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("name", ["tonge/41", "tonge/71", "heskia/80", "roszieg/1"])
def test_balance_one_second_always_gives_a_line(name: str) -> None:
    """`jobcarve balance` at 1 s: a valid line (tonge/41 used to say "no solution" at 3 s)."""
    path = ALWABP / "instances" / name
    result = CliRunner().invoke(app, ["balance", str(path), "--time-limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["status"] in ("optimal", "feasible") and data["stations"] > 0
    p = read_instance(path, "alwabp").problem()
    tid = {t: i for i, t in enumerate(p.tasks)}
    wid = {w.id: i for i, w in enumerate(p.workers)}
    line: dict[int, list[int]] = {}
    for task, station in data["assignment"].items():
        line.setdefault(station, []).append(tid[task])
    stations = [(wid[data["workers"][str(s)]], line.get(s, []), []) for s in sorted(line)]
    assert validate_solution(p, stations) == []
    assert data["lower_bound"] <= data["cycle_time"]


# ---------------------------------------------------------------- generated instances


def small_family(seed: int) -> list[LineProblem]:
    """Chaves-style instances on a Scholl graph (shared) or, without it, a random graph."""
    rng = random.Random(seed)
    graph = SCHOLL / "precedence_graphs" / "MITCHELL.IN2"
    if graph.exists():
        inst = read_instance(graph, "in2")
        base, preds = inst.first_times(), inst.predecessors()
    else:
        base = [rng.randint(1, 12) for _ in range(21)]
        preds = [sorted(set(rng.sample(range(t), min(t, 2)))) for t in range(21)]
    out = []
    for k in (3, 5):
        for high in (False, True):
            for inc in (0.1, 0.2):
                times = chaves_instance(base, preds, k, high, inc, rng)
                out.append(problem(times, [tuple(p) for p in preds]))
    return out


def test_generator_follows_the_published_design() -> None:
    """Worker 1 keeps the base times; others within [1, t] or [1, 2t]; Inf only off worker 1."""
    rng = random.Random(3)
    base = [5, 8, 1, 12] * 25
    preds: list[list[int]] = [[] for _ in base]
    low = chaves_instance(base, preds, 6, False, 0.2, rng)
    high = chaves_instance(base, preds, 6, True, 0.1, rng)
    assert [row[0] for row in low] == base
    for rows, factor in ((low, 1), (high, 2)):
        for t, row in zip(base, rows, strict=True):
            assert all(v is None or 1 <= v <= factor * t for v in row[1:])
    share = sum(v is None for row in low for v in row[1:]) / (len(base) * 5)
    assert 0.12 < share < 0.28
    with pytest.raises(ValueError):
        chaves_instance(base, preds[:3], 2, False, 0.1, rng)


def test_slow_worker_rule_keeps_every_line_and_proves_none() -> None:
    """The reduction rule (a worker slower than the bound on a task never staffs its
    station) keeps the optimum: worker 1 is too slow for task 2 at C = 8, so worker 0 takes
    task 2 at the second station; at C = 7 no line exists, and a bound below the work per
    station (task windows outside the line) is an infeasible model, not a crash."""
    p = problem([[4, 4], [4, 4], [4, 9]], [(), (0,), (1,)])
    best = solve_line(p, "min_cycle", cycle_bounds=(8, 8), time_limit_s=5)
    assert best.status in ("optimal", "feasible") and best.cycle_time == 8
    assert [s.worker for s in best.stations] == ["w1", "w0"]
    assert "t2" in best.stations[1].tasks
    assert solve_line(p, "min_cycle", cycle_bounds=(7, 7), time_limit_s=5).status == "infeasible"
    assert solve_line(p, "min_cycle", cycle_bounds=(5, 5), time_limit_s=5).status == "infeasible"
    # at a takt the same rule holds for min_stations
    fewest = solve_line(p, "min_stations", cycle_time=8, time_limit_s=5)
    assert fewest.cycle_time <= 8 and all(
        not (s.worker == "w1" and "t2" in s.tasks) for s in fewest.stations
    )


def test_prefix_graph_keeps_a_closed_graph() -> None:
    """The first tasks of a topological order, closed under predecessors, renumbered."""
    # 0 -> 2, 1 -> 2, 2 -> 4, 3 -> 4: in order 0, 1, 2, 3, 4; task 3 has no predecessor
    base, arcs = [5, 6, 7, 8, 9], [(2, 4), (0, 2), (1, 2), (3, 4)]
    assert prefix_graph(base, arcs, 3) == ([5, 6, 7], [(0, 2), (1, 2)])
    assert prefix_graph(base, arcs, 5) == (base, arcs)
    # a graph numbered against its order: 3 -> 0 puts 3 before 0 (order 1, 2, 3, 0)
    base, arcs = [1, 2, 3, 4], [(3, 0), (1, 2)]
    kept_base, kept_arcs = prefix_graph(base, arcs, 2)
    assert kept_base == [2, 3] and kept_arcs == [(0, 1)]
    kept_base, kept_arcs = prefix_graph(base, arcs, 3)
    assert kept_base == [2, 3, 4] and kept_arcs == [(0, 1)]
    kept_base, kept_arcs = prefix_graph(base, arcs, 4)
    assert kept_base == [2, 3, 4, 1] and sorted(kept_arcs) == [(0, 1), (2, 3)]


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_instances_get_valid_lines_from_every_part(seed: int) -> None:
    """Constructive, beam, LNS and the full engine: valid lines, bound <= cycle time."""
    for p in small_family(seed):
        g = AlwabpGraph.from_problem(p)
        found = heuristic_line(g)
        assert found is not None
        assert line_problems(g, found[1], found[0]) == []
        lb = lower_bound(g, found[0])
        assert lb <= found[0]
        better = improve_line(g, found, lb, Effort(limit=2_000))
        assert better[0] <= found[0] and line_problems(g, better[1], better[0]) == []
        sol = solve_alwabp2(p, time_limit_s=1)
        assert sol.stations and sol.lower_bound <= sol.cycle_time <= found[0]
        assert line_problems(g, as_line(p, sol), sol.cycle_time) == []


def test_lns_keeps_lines_valid() -> None:
    """LNS over station windows never breaks the line and never makes it worse."""
    import time

    p = small_family(5)[7]
    g = AlwabpGraph.from_problem(p)
    found = heuristic_line(g)
    assert found is not None
    best, rounds = lns_line(p, found, 0, time.perf_counter() + 3, max_rounds=20)
    assert rounds >= 1 and best[0] <= found[0]
    assert line_problems(g, best[1], best[0]) == []


def random_instance(seed: int, n: int = 60, workers: int = 9) -> LineProblem:
    """A Chaves-style instance on a random graph of low order strength (many free tasks)."""
    rng = random.Random(seed)
    base = [rng.randint(1, 20) for _ in range(n)]
    preds = [sorted(set(rng.sample(range(t), min(t, rng.randint(0, 2))))) for t in range(n)]
    times = chaves_instance(base, preds, workers, True, 0.1, rng)
    return problem(times, [tuple(x) for x in preds])


def test_lns_shortens_a_line_within_a_deterministic_budget() -> None:
    """From the constructive line, windows re-solved by CP-SAT shorten the line (35 -> 28
    here); with a deterministic budget the sub-solves stop at it and the answer is the same
    on any machine load."""
    import time

    p = random_instance(0)
    g = AlwabpGraph.from_problem(p)
    found = heuristic_line(g)
    assert found is not None
    runs = []
    for _ in range(2):
        spent: list[float] = []
        best, rounds = lns_line(
            p,
            found,
            0,
            time.perf_counter() + 120,
            sub_effort_s=0.1,
            effort_budget_s=1.0,
            spent=spent,
        )
        assert best[0] < found[0] and line_problems(g, best[1], best[0]) == []
        assert 1.0 <= sum(spent) <= 1.0 + 0.1 + 1e-6 and 1 <= len(spent) <= rounds
        runs.append((best, rounds))
    assert runs[0] == runs[1]


def test_engine_runs_lns_after_a_stalled_model() -> None:
    """When the model stops without a proof, LNS over station windows starts from its line
    before the bound probes: the line never gets longer on the way, and stays valid."""
    p = random_instance(0)
    sol = solve_alwabp2(p, time_limit_s=120, effort_s=4)
    stats = sol.stats
    assert isinstance(stats["lns_rounds"], int) and stats["lns_rounds"] >= 1
    assert sol.cycle_time <= stats["lns_after"] <= stats["model"] <= stats["constructive"]
    g = AlwabpGraph.from_problem(p)
    assert line_problems(g, as_line(p, sol), sol.cycle_time) == []
    off = solve_alwabp2(p, time_limit_s=120, effort_s=4, lns_after=0.0)
    assert "lns_rounds" not in off.stats and "model" in off.stats


def test_probe_bound_closes_the_gap_to_the_optimum() -> None:
    """Bisection with the CP-SAT test ends at the optimum: bound = best line = model optimum.

    On instances where the relaxation bound is below the optimum (there must be some, or
    the test says nothing), the probes raise it to the optimum and keep a valid line.
    """
    import time

    raised = 0
    for p in small_family(4)[:4]:
        g = AlwabpGraph.from_problem(p)
        found = heuristic_line(g)
        assert found is not None
        lower = lower_bound(g, found[0])
        ref = solve_line(p, "min_cycle", time_limit_s=20, constructive=False)
        assert ref.status == "optimal"
        bound, best, log = probe_bound(
            p, found, lower, deadline=time.perf_counter() + 60, slice_s=20, max_probes=30
        )
        assert bound == best[0] == ref.cycle_time, log
        assert line_problems(g, best[1], best[0]) == []
        assert all(entry.split(":")[1].split()[0] in ("none", "line") for entry in log)
        raised += lower < ref.cycle_time
    assert raised >= 1


def test_probe_bound_without_time_keeps_what_it_had() -> None:
    """A deadline in the past: no probe, the relaxation bound and the line come back."""
    p = small_family(4)[0]
    g = AlwabpGraph.from_problem(p)
    found = heuristic_line(g)
    assert found is not None
    bound, best, log = probe_bound(p, found, 1, deadline=0.0, slice_s=1)
    assert (bound, best, log) == (1, found, [])


def test_model_progress_records_every_line_in_order() -> None:
    """`progress` gets one (wall, deterministic) time per line found, in the order found."""
    p = small_family(4)[4]
    progress: list[tuple[float, float]] = []
    sol = solve_line(p, "min_cycle", time_limit_s=10, constructive=False, progress=progress)
    assert sol.status == "optimal" and progress
    assert all(0 <= a[0] <= b[0] and 0 <= a[1] <= b[1] for a, b in itertools.pairwise(progress))
    assert progress[-1][0] <= sol.seconds


def test_line_problems_reports_every_broken_rule() -> None:
    """The checker finds precedence, incompatible pairs, loads, a worker twice, missing tasks."""
    g = AlwabpGraph.build([[2, 2, 2], [3, None, 3]], [(), (0,), (1,)])  # [worker][task]
    assert line_problems(g, [(0, (0, 1)), (1, (2,))], 4) == []
    assert any("after" in m for m in line_problems(g, [(0, (1, 2)), (1, (0,))]))
    assert any("cannot do" in m for m in line_problems(g, [(1, (0, 1, 2))]))
    assert any("load" in m for m in line_problems(g, [(0, (0, 1, 2))], 5))
    assert any("two stations" in m for m in line_problems(g, [(0, (0,)), (0, (1, 2))]))
    assert any("exactly once" in m for m in line_problems(g, [(0, (0, 1))]))


def test_construct_respects_incompatibility_and_cycle() -> None:
    """Only worker 2 can do the middle task: the line staffs it there and keeps the cycle."""
    g = AlwabpGraph.build([[4, None, 4], [4, 2, 4]], [(), (0,), (1,)])  # [worker][task]
    line = construct(g, 6, "eff", "work")
    assert line is not None and line_problems(g, line, 6) == []
    assert not relaxation_ok(g, 3)  # 4-unit tasks exist at every worker


def test_beam_finds_the_tight_line() -> None:
    """Two equal workers, two chains 3 -> 2: cycle 5 only with one chain per station."""
    g = AlwabpGraph.build([[3, 3, 2, 2], [3, 3, 2, 2]], [(), (), (0,), (1,)])
    line = beam_line(g, 5, 4, Effort())
    assert line is not None and line_cycle(g, line) == 5 and line_problems(g, line, 5) == []


def test_infeasible_incompatibility_is_reported() -> None:
    """A-only, B-only, A-only in a chain: no line exists whatever the cycle time."""
    p = problem([[3, None], [None, 3], [3, None]], [(), (0,), (1,)])
    sol = solve_alwabp2(p, time_limit_s=2)
    assert sol.status == "infeasible" and not sol.stations


# ---------------------------------------------------------------- against the CP-SAT optimum


@st.composite
def tiny(draw: st.DrawFn) -> LineProblem:
    n = draw(st.integers(1, 8))
    k = draw(st.integers(1, 4))
    times = [
        [draw(st.integers(1, 9))]
        + [draw(st.one_of(st.none(), st.integers(1, 18))) for _ in range(k - 1)]
        for _ in range(n)
    ]
    preds = [
        tuple(sorted(set(draw(st.lists(st.integers(0, t - 1), max_size=2))))) if t else ()
        for t in range(n)
    ]
    return problem(times, preds)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny())
def test_engine_matches_the_model_optimum(p: LineProblem) -> None:
    """On tiny instances the engine proves the CP-SAT model's optimum; bound <= objective."""
    ref = solve_line(p, "min_cycle", time_limit_s=10, constructive=False)
    sol = solve_alwabp2(p, time_limit_s=10)
    g = AlwabpGraph.from_problem(p)
    assert ref.status == sol.status == "optimal"
    assert sol.cycle_time == ref.cycle_time
    assert sol.lower_bound <= sol.cycle_time
    assert line_problems(g, as_line(p, sol), sol.cycle_time) == []
    found = heuristic_line(g)
    assert found is not None and found[0] >= ref.cycle_time
    assert lower_bound(g, found[0]) <= ref.cycle_time


@pytest.mark.shared
@needs_shared
def test_effort_gives_the_same_line_twice() -> None:
    """With a deterministic effort the answer does not depend on the machine's load."""
    path = ALWABP / "instances" / "heskia" / "47"
    runs = [
        CliRunner().invoke(app, ["balance", str(path), "--effort", "0.3", "--json"])
        for _ in range(2)
    ]
    data = [json.loads(r.output) for r in runs]
    assert all(r.exit_code == 0 for r in runs)
    assert data[0]["assignment"] == data[1]["assignment"]
    assert data[0]["effort"] == 0.3 and data[0]["cycle_time"] == data[1]["cycle_time"]


def test_strict_model_proves_the_start_line_optimal() -> None:
    """Asked to beat an optimal line, the model is infeasible: the line comes back, proven."""
    p = problem([[4, 4], [4, 4], [4, 4]], [(), (0,), (1,)])
    start = [(0, (0, 1)), (1, (2,))]
    sol = solve_line(p, "min_cycle", start=start, cycle_bounds=(4, 8), strict=True)
    assert sol.status == "optimal" and sol.cycle_time == 8 == sol.lower_bound
    assert as_line(p, sol) == start
    worse = [(0, (0, 1, 2))]
    better = solve_line(p, "min_cycle", start=worse, cycle_bounds=(4, 12), strict=True)
    assert better.status == "optimal" and better.cycle_time == 8


def test_zero_time_tasks_have_bound_zero() -> None:
    """Tasks that take no time: bound 0, cycle time 0, proven (found by the SALBP-2 check)."""
    p = problem([[0, 0], [0, None]], [(), (0,)])
    assert lower_bound(AlwabpGraph.from_problem(p)) == 0
    sol = solve_alwabp2(p, time_limit_s=2)
    assert sol.status == "optimal" and sol.cycle_time == 0 == sol.lower_bound
