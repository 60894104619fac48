"""SALBP-1 search: valid lines, sound bounds, and the same optimum as an independent model."""

from __future__ import annotations

import contextlib
import math
import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcarve.carving.cpsat.line import solve_line
from jobcarve.carving.cpsat.salbp import solve_salbp1_cpsat
from jobcarve.carving.line import LineProblem, LineWorker
from jobcarve.carving.line.packing import MAX_COMPLETIONS, bin_packing_fits
from jobcarve.carving.line.salbp import (
    FIRST_NODES,
    NODES_PER_SECOND,
    SalbpGraph,
    _Budget,
    _Search,
    increment_times,
    lower_bounds,
    martello_toth_l2,
    pair_bound,
    solve_salbp1,
    solve_salbp2,
)


@st.composite
def instances(draw: st.DrawFn) -> tuple[list[int], list[list[int]], int]:
    n = draw(st.integers(1, 13))
    times = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))  # 0: a pure check
    preds = [
        sorted(draw(st.sets(st.integers(0, i - 1), max_size=3))) if i else [] for i in range(n)
    ]
    cycle = draw(st.integers(max(1, *times), 30))
    return times, preds, cycle


def _check_line(
    times: list[int], preds: list[list[int]], cycle: int, sol: object, salbp1: bool = True
) -> None:
    stations = sol.stations  # type: ignore[attr-defined]
    where = {int(t) - 1: s.index for s in stations for t in s.tasks}
    assert sorted(where) == list(range(len(times)))  # every task exactly once
    for j, ps in enumerate(preds):
        for p in ps:
            assert where[p] <= where[j]
    for s in stations:
        assert s.load == sum(times[int(t) - 1] for t in s.tasks) <= cycle
    assert sol.cycle_time == max(s.load for s in stations)  # type: ignore[attr-defined]
    if salbp1:
        assert sol.lower_bound <= len(stations)  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_search_matches_cpsat_model(inst: tuple[list[int], list[list[int]], int]) -> None:
    """The search proves the same optimum as the direct CP-SAT model, with a valid line."""
    times, preds, cycle = inst
    sol = solve_salbp1(times, preds, cycle, time_limit_s=20)
    ref = solve_salbp1_cpsat(times, preds, cycle, time_limit_s=20)
    _check_line(times, preds, cycle, sol)
    assert sol.status == "optimal" and ref.status == "optimal"
    assert len(sol.stations) == len(ref.stations)
    assert sol.lower_bound == len(sol.stations)


@settings(max_examples=150, deadline=None)
@given(instances())
def test_bounds_and_increments_are_sound(inst: tuple[list[int], list[list[int]], int]) -> None:
    """Every lower bound, also after raising task times, stays at or below the optimum."""
    times, preds, cycle = inst
    graph = SalbpGraph.build(times, preds)
    raised = increment_times(graph, cycle)
    assert all(r >= t for r, t in zip(raised.times, times, strict=True))
    assert max(raised.times) <= cycle
    optimum = len(solve_salbp1_cpsat(times, preds, cycle, time_limit_s=20).stations)
    assert lower_bounds(graph, cycle).best <= lower_bounds(raised, cycle).best <= optimum


def test_martello_toth_beats_the_simple_bounds() -> None:
    """L2 sees what the total work hides: items that cannot share a bin."""
    # 70s cannot take a 40 and 40s go two to a bin: 4 bins, though the total says 3
    assert math.ceil(sum([70, 70, 40, 40, 40]) / 100) == 3
    assert martello_toth_l2([70, 70, 40, 40, 40], 100) == 4
    # three items just over half need three bins
    assert martello_toth_l2([51, 51, 51, 1, 1], 100) == 3
    # and where the total is the answer, L2 says so too
    assert martello_toth_l2([6, 6, 6, 4, 4, 4], 10) == 3


# two tasks of 21-23 fill a station of 49 but for 3-7 units: no room for the 10 or the 11
PAIRS = [21, 21, 21, 21, 22, 22, 22, 23, 10, 11]


def test_pair_bound_sees_what_bin_packing_bounds_miss() -> None:
    """Eight tasks of which no three fit leave no station for the two short ones."""
    assert math.ceil(sum(PAIRS) / 49) == 4
    assert martello_toth_l2(PAIRS, 49) == 4
    assert pair_bound(PAIRS, 49) == 5
    assert bin_packing_fits(PAIRS, 4, 49, 10**6) is False
    assert bin_packing_fits(PAIRS, 5, 49, 10**6) is True
    # with room for a third task the weights drop and so does the bound
    assert pair_bound(PAIRS, 70) == math.ceil(sum(PAIRS) / 70) == 3


def test_bin_packing_answers() -> None:
    assert bin_packing_fits([6, 6, 6, 4, 4, 4], 3, 10, 1000) is True
    assert bin_packing_fits([6, 6, 6, 4, 4, 4], 2, 10, 1000) is False  # the total says so
    assert bin_packing_fits([6, 6, 6, 5], 3, 10, 1000) is False  # no two of 6, 6, 6 share
    assert bin_packing_fits([], 0, 10, 0) is True
    # 5+3, 5+3, 4+4: it fits, but not within zero search nodes
    assert bin_packing_fits([5, 5, 4, 4, 3, 3], 3, 8, 0) is None
    assert bin_packing_fits([5, 5, 4, 4, 3, 3], 3, 8, 1000) is True


def _fewest_bins(times: list[int], cycle: int) -> int:
    """The fewest bins by trying every partition (no pruning at all): the reference."""
    best = len(times)

    def place(k: int, loads: list[int]) -> None:
        nonlocal best
        if len(loads) >= best:
            return
        if k == len(times):
            best = len(loads)
            return
        for j in range(len(loads)):
            if loads[j] + times[k] <= cycle:
                loads[j] += times[k]
                place(k + 1, loads)
                loads[j] -= times[k]
        place(k + 1, [*loads, times[k]])

    place(0, [])
    return best


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(1, 20), min_size=1, max_size=8),
    st.integers(0, 20),
)
def test_pair_and_packing_bounds_are_sound(times: list[int], extra: int) -> None:
    """The packing search is exact and the pair bound never exceeds the fewest bins."""
    cycle = max(times) + extra
    fewest = _fewest_bins(times, cycle)
    assert bin_packing_fits(times, fewest, cycle, 10**6) is True
    assert bin_packing_fits(times, fewest - 1, cycle, 10**6) is False
    assert martello_toth_l2(times, cycle) <= fewest
    assert pair_bound(times, cycle) <= fewest


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([2, 3, 5, 9, 10, 11, 12]), min_size=1, max_size=10),
    st.sampled_from([12, 21, 23]),
)
def test_packing_is_exact_with_many_equal_items(times: list[int], cycle: int) -> None:
    """Sizes repeat (as task times do): completions are multisets and some dominate others."""
    fewest = _fewest_bins(times, cycle)
    assert bin_packing_fits(times, fewest, cycle, 10**6) is True
    assert bin_packing_fits(times, fewest - 1, cycle, 10**6) is False


def test_packing_decides_tight_stations() -> None:
    """A state of WEE-MAG at c = 47 with 5 units of slack in 21 stations: the search gave
    the old item-by-item packing 50 nodes a call, which left it open; bin completion
    proves it does not fit."""
    counts = {27: 1, 26: 4, 25: 5, 24: 3, 23: 4, 22: 15, 21: 7, 13: 1, 11: 2, 10: 1, 8: 1}
    counts |= {6: 3, 5: 1, 4: 1, 3: 1, 2: 1}
    items = [size for size, k in counts.items() for _ in range(k)]
    assert 21 * 47 - sum(items) == 5
    assert bin_packing_fits(items, 21, 47, 2_000_000) is False
    assert bin_packing_fits(items, 22, 47, 2_000_000) is True


def test_packing_leaves_a_flood_of_completions_open() -> None:
    """More completions of one bin than MAX_COMPLETIONS: undecided, not a wrong answer."""
    items = [1000, *range(1, 40)]  # the subsets of 1..39 that fill 1000's bin are countless
    cap = 1000 + sum(range(1, 40)) // 2
    assert bin_packing_fits(items, 2, cap, 10**9) is None
    assert MAX_COMPLETIONS < 10**4


def test_search_proves_a_pair_packing() -> None:
    """Without precedence the line is a bin packing: the search proves 5 stations at once,
    and a 4-station search cuts its nodes on the packing of the tasks still open."""
    sol = solve_salbp1(PAIRS, [[] for _ in PAIRS], 49, time_limit_s=10)
    _check_line(PAIRS, [[] for _ in PAIRS], 49, sol)
    assert (len(sol.stations), sol.lower_bound, sol.status) == (5, 5, "optimal")
    search = _Search(SalbpGraph.build(PAIRS, [[] for _ in PAIRS]), 49, 4)
    assert search.advance(10**6, float("inf")) is None
    assert search.finished and search.complete
    assert search.packing_cuts >= 1


def test_a_long_load_enumeration_is_resumed_with_more_nodes() -> None:
    """A state whose loads take more nodes than a slice is still expanded: the enumeration
    is retried with twice the nodes each time (before, it started over within the same
    slice on every call and the search never left its root)."""
    times = [1, 2, 3, 4, 5, 6, 7] * 5  # 35 free tasks: some 76,000 nodes for the first loads
    graph = SalbpGraph.build(times, [[] for _ in times])
    search = _Search(graph, 13, lower_bounds(graph, 13).best)
    for _ in range(20):
        if search.advance(100, float("inf")) is not None:
            break  # a line: the root was expanded on the way
    assert len(search.memo) > 1  # the root was expanded
    assert search.enum_budget > 100


def test_a_station_of_last_tasks_only_waits_for_the_end() -> None:
    """BB&R's rule: a station whose tasks have no successors can move to the end of the
    line, so it is only opened when nothing but such tasks is left. Task 0 (6) and tasks
    1 + 2 (3 + 3) both fill station 1, but 0 has no successor: only 1 + 2 is opened."""
    graph = SalbpGraph.build([6, 3, 3, 6], [[], [], [], [1]])
    search = _Search(graph, 6, 3)
    assert search.advance(1, float("inf")) is None  # the root only
    assert {entry[3] for entry in search._levels[1]} == {0b0110}
    assert solve_salbp1([6, 3, 3, 6], [[], [], [], [1]], 6).status == "optimal"


def test_a_resumed_search_goes_on_at_the_level_it_stopped() -> None:
    """Cyclic best-first search takes one state per level in turn; a search resumed after
    its slice goes on at the level where it stopped. Before, every slice began again at
    the root level, so short slices kept the search near the top of the line (BARTHOL2 at
    c = 85: 50 stations found in 58 s, none in 120 s before)."""
    times = [1, 2, 3, 4, 5, 6, 7] * 5
    graph = SalbpGraph.build(times, [[] for _ in times])
    search = _Search(graph, 13, lower_bounds(graph, 13).best)
    deepest = 0
    for _ in range(400):
        if search.advance(1, float("inf")) is not None:
            deepest = search.m
            break
        deepest = max(deepest, max(search.memo.values()))
    assert deepest >= search.m - 1  # one state a call still reaches the last levels


def test_a_first_enumeration_at_a_long_cycle_time_stays_short() -> None:
    """Before its search has measured the node rate, an enumeration gets few nodes where
    the subset-sum rows are long: at c = 10^6 (15,626 words a row) a node costs some
    250 microseconds, and a first call trusting the guessed 2 million nodes a second
    overran a 10 s limit to 27 s."""
    rng = random.Random(3)
    times = [rng.randint(1_000, 300_000) for _ in range(60)]
    graph = SalbpGraph.build(times, [[] for _ in times])
    search = _Search(graph, 1_000_000, lower_bounds(graph, 1_000_000).best)
    search.deadline = time.perf_counter() + 3600.0
    assert not search.rate_measured
    with contextlib.suppress(_Budget):  # out of nodes: resumed later with the rate known
        search._loads(0, 1, 0)
    # the kernel stops at the first node past its limit
    assert search.nodes <= max(1_000, FIRST_NODES * 4 // (1_000_000 // 64 + 1)) + 1
    assert search.rate_measured and search.rate < NODES_PER_SECOND


def test_equal_idle_prefers_the_load_with_fewer_tasks() -> None:
    """BB&R's order: of two partial lines that idle the same, the one that assigned fewer
    tasks is expanded first (the short tasks stay for the stations to come), even when
    the other has the larger positional weight (task 3 must follow task 1, task 4 task 0)."""
    graph = SalbpGraph.build([6, 3, 3, 6, 3], [[], [], [], [1], [0]])
    search = _Search(graph, 6, 4)
    assert search.advance(1, float("inf")) is None  # the root only
    assert {entry[3] for entry in search._levels[1]} == {0b0001, 0b0110}
    first = search._levels[1][0]
    assert first[4] == 0  # no idle
    assert first[3] == 0b0001  # the single task of 6, not 3 + 3


def test_task_increment_on_a_chain() -> None:
    """A task that can share a station with nothing is raised to the full cycle time."""
    graph = SalbpGraph.build([9, 5, 9], [[], [0], [1]])
    raised = increment_times(graph, 10)
    assert raised.times == (10, 10, 10)
    assert lower_bounds(raised, 10).best == 3


def test_timeout_still_returns_a_valid_line() -> None:
    """With next to no time the search returns its first line and an honest bound."""
    times = [3, 5, 2, 7, 4, 6, 1, 8, 2, 5] * 4
    preds = [[i - 1] if i % 10 else [] for i in range(len(times))]
    sol = solve_salbp1(times, preds, 12, time_limit_s=0.01)
    _check_line(times, preds, 12, sol)
    assert sol.status in ("optimal", "feasible")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.integers(1, 5))
def test_salbp2_matches_the_line_model(
    inst: tuple[list[int], list[list[int]], int], stations: int
) -> None:
    """SALBP-2 by SALBP-1 decisions gives the cycle time of the CP-SAT line model."""
    times, preds, _ = inst
    sol = solve_salbp2(times, preds, stations, time_limit_s=20)
    problem = LineProblem(
        tuple(str(i + 1) for i in range(len(times))),
        tuple(tuple(p) for p in preds),
        tuple(LineWorker(f"s{k}", "generic", "standard", False) for k in range(stations)),
        tuple(tuple(times) for _ in range(stations)),
    )
    ref = solve_line(problem, "min_cycle", time_limit_s=20)
    assert sol.status == "optimal" and ref.status == "optimal"
    assert sol.cycle_time == ref.cycle_time == sol.lower_bound
    assert len(sol.stations) <= stations
    _check_line(times, preds, sol.cycle_time, sol, salbp1=False)


@settings(max_examples=25, deadline=None)
@given(instances())
def test_scaled_times_give_the_same_line_count(
    inst: tuple[list[int], list[list[int]], int],
) -> None:
    """Times and cycle x 1000 (long cycle times take the other subset-sum path): same optimum."""
    times, preds, cycle = inst
    small = solve_salbp1(times, preds, cycle, time_limit_s=20)
    large = solve_salbp1([1000 * t for t in times], preds, 1000 * cycle, time_limit_s=20)
    assert small.status == large.status == "optimal"
    assert len(small.stations) == len(large.stations)


@st.composite
def stations(draw: st.DrawFn) -> tuple[list[int], list[list[int]], int, int, int, int, int]:
    """A small graph, the tasks already done (closed under precedence), a station's window
    (the tasks allowed there) and the tasks due at it, and a least load."""
    times, preds, cycle = draw(instances())
    n = len(times)
    done = 0
    for i in range(n):
        if all((done >> p) & 1 for p in preds[i]) and draw(st.booleans()):
            done |= 1 << i
    allowed = draw(st.integers(0, (1 << n) - 1)) | draw(st.sampled_from([0, (1 << n) - 1]))
    must = draw(st.integers(0, (1 << n) - 1)) & allowed & ~done if draw(st.booleans()) else 0
    least = draw(st.integers(0, cycle))
    return times, preds, cycle, done, allowed | must, must, least


def _loads_by_definition(
    graph: SalbpGraph, cycle: int, done: int, allowed: int, must: int, least: int
) -> set[tuple[int, int]]:
    """Every maximal, undominated load of the station, by enumerating all task sets."""
    n = len(graph.times)
    times = graph.times

    def ready(i: int, inner: int) -> bool:
        return (allowed >> i) & 1 and not (inner >> i) & 1 and graph.pred_mask[i] & ~inner == 0

    out = set()
    candidates = [i for i in range(n) if (allowed >> i) & 1 and not (done >> i) & 1]
    for pick in range(1 << len(candidates)):
        chosen = sum(1 << i for q, i in enumerate(candidates) if (pick >> q) & 1)
        if must & ~chosen:
            continue
        inner = done | chosen
        if any((chosen >> i) & 1 and graph.pred_mask[i] & ~inner for i in range(n)):
            continue  # a task before its predecessors
        load = sum(times[i] for i in range(n) if (chosen >> i) & 1)
        if not max(least, 1) <= load <= cycle:
            continue
        if any(ready(i, inner) and times[i] <= cycle - load for i in range(n)):
            continue  # not maximal: a ready task still fits
        dominated = any(
            (chosen >> j) & 1
            and not (must >> j) & 1
            and any(
                ready(i, inner)
                and graph.pred_mask[i] & ~(inner & ~(1 << j)) == 0
                and times[i] - times[j] <= cycle - load
                for i in graph.dominators[j]
            )
            for j in range(n)
        )
        if not dominated:
            out.add((load, chosen))
    return out


def _station_search(
    graph: SalbpGraph, cycle: int, allowed: int, must: int, max_loads: int = 1 << 62
) -> _Search:
    """A search whose first station has this window and these due tasks, with no limit on
    time or nodes."""
    search = _Search(graph, cycle, len(graph.times) + 1, max_loads=max_loads)
    search.allowed[1], search.due[1] = allowed, must
    search.deadline, search.enum_budget = float("inf"), 10**9
    return search


@st.composite
def wide_stations(draw: st.DrawFn) -> tuple[list[int], list[list[int]], int, int, int, int, int]:
    """A station of a 72-task line whose first 60 tasks are done: its 12 open tasks span the
    64-bit word boundary of the compiled masks (a diff review: the small stations never
    reached a second word)."""
    n, first = 72, 60
    times = [draw(st.integers(1, 9)) for _ in range(first)]
    times += draw(st.lists(st.integers(0, 30), min_size=n - first, max_size=n - first))
    preds = [
        sorted(draw(st.sets(st.integers(0, i - 1), max_size=3))) if i else [] for i in range(n)
    ]
    cycle = draw(st.integers(max(times), 60))
    done = (1 << first) - 1
    allowed = done | draw(st.integers(0, (1 << n) - 1))
    must = draw(st.integers(0, (1 << n) - 1)) & allowed & ~done if draw(st.booleans()) else 0
    least = draw(st.integers(0, cycle))
    return times, preds, cycle, done, allowed, must, least


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wide_stations())
def test_the_compiled_loads_across_the_word_boundary(
    case: tuple[list[int], list[list[int]], int, int, int, int, int],
) -> None:
    """The same definition where the station's tasks lie in two 64-bit words."""
    times, preds, cycle, done, allowed, must, least = case
    graph = SalbpGraph.build(times, preds)
    search = _station_search(graph, cycle, allowed, must)
    expected = _loads_by_definition(graph, cycle, done, allowed, must, least)
    assert {(load, mask) for load, mask, _ in search._loads(done, 1, least)} == expected
    assert search.complete


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stations())
def test_the_compiled_loads_are_the_maximal_undominated_ones(
    case: tuple[list[int], list[list[int]], int, int, int, int, int],
) -> None:
    """The compiled enumeration gives exactly the station's maximal loads that no ready
    task dominates (Jackson), heaviest first; with a cap, the heaviest `cap` of them and a
    search that knows it may have missed some."""
    times, preds, cycle, done, allowed, must, least = case
    graph = SalbpGraph.build(times, preds)
    search = _station_search(graph, cycle, allowed, must)
    expected = _loads_by_definition(graph, cycle, done, allowed, must, least)
    loads = search._loads(done, 1, least)
    assert {(load, mask) for load, mask, _ in loads} == expected
    assert [load for load, _, _ in loads] == sorted((load for load, _ in expected), reverse=True)
    weights = graph.positional_weights
    for _load, mask, weight in loads:
        assert weight == sum(weights[i] for i in range(len(times)) if (mask >> i) & 1)
    assert search.complete
    narrow = _station_search(graph, cycle, allowed, must, max_loads=2)
    top = narrow._loads(done, 1, least)
    assert sorted(load for load, _, _ in top) == sorted(load for load, _ in expected)[-2:][::1]
    assert narrow.complete == (len(expected) < 2)
