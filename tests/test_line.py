"""Line mode: micro-instances with hand-worked optima, and invariants on random lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcarve import NoSolutionError, read_process
from jobcarve.carving import line_plan
from jobcarve.carving.cpsat.line import lower_bound, solve_line
from jobcarve.carving.line import LineProblem, LineWorker, station_loads, validate_solution
from tests.conftest import EXAMPLES, run_cli


def problem(
    times: list[list[int | None]],
    preds: list[tuple[int, ...]],
    tg: tuple[bool, ...] | None = None,
    cobot: tuple[int | None, ...] = (),
    max_cobots: int = 0,
) -> LineProblem:
    workers = tuple(
        LineWorker(f"w{i}", "generic", "g", (tg or ())[i] if tg else False)
        for i in range(len(times))
    )
    n = len(times[0])
    return LineProblem(
        tuple(f"t{i}" for i in range(n)),
        tuple(preds),
        workers,
        tuple(tuple(r) for r in times),
        cobot,
        max_cobots,
    )


def stations_of(p: LineProblem, solution) -> list[tuple[int, list[int], list[int]]]:  # type: ignore[no-untyped-def]
    idx = {t: i for i, t in enumerate(p.tasks)}
    wid = {w.id: i for i, w in enumerate(p.workers)}
    return [
        (wid[s.worker], [idx[t] for t in s.tasks], [idx[t] for t in s.cobot_tasks])
        for s in solution.stations
    ]


def test_min_cycle_identical_workers() -> None:
    """Three 4-unit tasks in a chain on two workers: cycle 8 (4+4 | 4)."""
    p = problem([[4, 4, 4], [4, 4, 4]], [(), (0,), (1,)])
    s = solve_line(p, "min_cycle")
    assert s.status == "optimal" and s.cycle_time == 8 and len(s.stations) == 2


def test_min_cycle_worker_speeds() -> None:
    """A slow worker (times x2) gets the short task: cycle 6 (fast: 3 + 3, slow: 2 x 2 = 4... -> 6)."""
    # fast worker: tasks 3, 3, 2; slow worker: 6, 6, 4. Chain t0 -> t1 -> t2.
    # best: fast does t0, t1 (6), slow does t2 (4): cycle 6; any other split is worse.
    p = problem([[3, 3, 2], [6, 6, 4]], [(), (0,), (1,)])
    s = solve_line(p, "min_cycle")
    assert s.cycle_time == 6 and s.status == "optimal"


def test_incompatible_task() -> None:
    """Worker 1 cannot do t1, so t1 goes to worker 0."""
    p = problem([[5, 5], [5, None]], [(), ()])
    s = solve_line(p, "min_cycle")
    assert s.cycle_time == 5
    assert {st.worker: st.tasks for st in s.stations}["w0"] == ("t1",)


def test_min_stations() -> None:
    """Total work 12 at cycle 6 with 4 identical workers: 2 stations."""
    p = problem([[3, 3, 3, 3]] * 4, [(), (0,), (1,), (2,)])
    s = solve_line(p, "min_stations", cycle_time=6)
    assert s.status == "optimal" and len(s.stations) == 2 and s.cycle_time == 6


def test_max_target_group() -> None:
    """At cycle 6 both target-group workers are placed, one station each."""
    p = problem(
        [[3, 3, 3, 3], [3, 3, 3, 3], [4, 4, 4, 4], [4, 4, 4, 4]],
        [(), (0,), (1,), (2,)],
        tg=(False, False, True, True),
    )
    s = solve_line(p, "max_target_group", cycle_time=6)
    # target-group workers take 4 per task: one task each; the other two tasks fit one regular station
    assert s.target_group_workers == 2 and len(s.stations) == 3


def test_cobot_takes_a_task_nobody_can_do() -> None:
    """A task only the cobot can do is done by the cobot."""
    p = problem([[5, None], [5, None]], [(), (0,)], cobot=(None, 7), max_cobots=1)
    s = solve_line(p, "min_cycle")
    assert any(st.cobot_tasks == ("t1",) for st in s.stations) and s.cycle_time == 7


def test_task_nobody_can_do_is_explained() -> None:
    """No worker and no cobot: an error naming the task."""
    p = problem([[5, None]], [(), ()])
    with pytest.raises(NoSolutionError, match='no worker and no cobot can do task "t1"'):
        solve_line(p, "min_cycle")


def test_infeasible_takt() -> None:
    """A task longer than the takt: status infeasible with a reason."""
    p = problem([[9]], [()])
    s = solve_line(p, "min_stations", cycle_time=5)
    assert s.status == "infeasible" and "cycle time" in s.reason


def test_why_no_line_names_what_alone_rules_a_line_out() -> None:
    """Worked by hand: a unit slower than the takt for everyone; work for more stations
    than workers; a cobot that can take the slow unit; nothing that alone explains it."""
    slow = problem([[9, 3], [12, 2]], [(), (0,)])
    assert slow.why_no_line(5) == {"kind": "too_long", "units": [["t0", 9.0]]}
    # a cobot does t0 in 4: no unit is too long, and t1's 2 fits one of the two stations
    assert (
        problem([[9, 3], [12, 2]], [(), (0,)], cobot=(4, None), max_cobots=1).why_no_line(5) == {}
    )
    # three units of 3 at a takt of 4: at least ceil(9 / 4) = 3 stations, 2 workers
    busy = problem([[3, 3, 3], [3, 3, 3]], [(), (), ()])
    assert busy.why_no_line(4) == {"kind": "too_few", "stations": 3, "workers": 2}
    assert solve_line(busy, "min_stations", cycle_time=4).status == "infeasible"
    # the work balance: a target-group worker without a free place staffs no station
    capped = LineProblem(
        busy.tasks,
        busy.preds,
        (
            LineWorker("w0", "existing", "r", False),
            LineWorker("w1", "profile", "p", True),
            LineWorker("w2", "profile", "p", True),
        ),
        (*busy.times, busy.times[0]),
        max_target_group=1,
    )
    assert capped.why_no_line(4) == {"kind": "too_few", "stations": 3, "workers": 2}
    assert capped.why_no_line(6) == {}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 25), st.data())
def test_why_no_line_never_speaks_when_a_line_exists(cycle: int, data: st.DataObject) -> None:
    """A reason for no line is only given where the line model finds none."""
    p = data.draw(lines())
    if p.why_no_line(cycle):
        assert solve_line(p, "min_stations", cycle_time=cycle, time_limit_s=2).status == (
            "infeasible"
        )


@st.composite
def lines(draw: st.DrawFn) -> LineProblem:
    n = draw(st.integers(1, 9))
    nw = draw(st.integers(1, 4))
    times = [
        [
            draw(st.one_of(st.none(), st.integers(1, 20))) if w else draw(st.integers(1, 20))
            for _ in range(n)
        ]
        for w in range(nw)
    ]
    preds = [
        tuple(sorted(set(draw(st.lists(st.integers(0, t - 1), max_size=2))))) if t else ()
        for t in range(n)
    ]
    return problem(times, preds)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines())
def test_random_lines(p: LineProblem) -> None:
    """Feasible assignments; the cycle time is the largest station load; the bound is below it."""
    s = solve_line(p, "min_cycle", time_limit_s=2)
    stations = stations_of(p, s)
    assert validate_solution(p, stations) == []
    assert s.cycle_time == max(station_loads(p, stations))
    assert lower_bound(p, len(p.workers)) <= s.lower_bound <= s.cycle_time


def test_example_line() -> None:
    """The assembly line example balances at its takt with target-group workers on it."""
    s = line_plan(read_process(EXAMPLES[0]), time_limit_s=5)
    assert s.stations and s.cycle_time <= 4800 and s.target_group_workers >= 2


def test_the_reports_line_takes_the_plans_cobots_only() -> None:
    """The line of a study (the report's "The line") takes the cobots of the study's plan
    and no others: an adviser's reading of the assembly example found a line with cobots at
    two stations beside a plan that advised none. Without that limit the line places them."""
    from jobcarve.study import study

    process = read_process(EXAMPLES[0])
    free = line_plan(process, time_limit_s=5)
    assert any(s.cobot_tasks for s in free.stations)
    result = study(process, time_limit_s=5, draws=0, evaluate_proposals=False)
    assert result.plan is not None and result.line is not None and result.line.stations
    on_cobot = {
        uid for uid, hs in result.plan.unit_holder.items() if any(h.kind == "cobot" for h in hs)
    }
    used = {t for s in result.line.stations for t in s.cobot_tasks}
    assert used <= on_cobot
    assert len({s.index for s in result.line.stations if s.cobot_tasks}) <= len(result.plan.cobots)


def test_fewest_stations_start_is_valid() -> None:
    """The ALWABP portfolio's fewest-stations line (min_stations hint) keeps every rule."""
    from jobcarve.carving.cpsat.line import _fewest_stations

    p = problem(
        [[3, 2, 4, 1, 5, 2], [2, None, 3, 2, 4, 1], [6, 4, None, 2, 8, 3]],
        [(), (0,), (0,), (1, 2), (3,), (4,)],
    )
    line = _fewest_stations(p, 7)
    assert line is not None
    stations = [(w, list(ts), []) for w, ts in line]
    assert validate_solution(p, stations) == []
    assert max(station_loads(p, stations)) <= 7
    s = solve_line(p, "min_stations", cycle_time=7)
    assert s.status == "optimal" and len(s.stations) <= len(line)


def test_min_cycle_with_cobots_starts_from_the_engine_line() -> None:
    """With a cobot the workers-only line is a valid start: the answer is never worse."""
    from jobcarve.carving.cpsat.line import _alwabp_start, line_cycle_of

    p = problem(
        [[4, 4, 4, 4], [5, 3, None, 6]],
        [(), (0,), (1,), (2,)],
        cobot=(None, 2, 2, None),
        max_cobots=1,
    )
    found = _alwabp_start(p, bound=False)
    assert found is not None and found[1] == 0
    s = solve_line(p, "min_cycle")
    assert s.status == "optimal" and s.cycle_time <= line_cycle_of(p, found[0])
    assert validate_solution(p, stations_of(p, s)) == []


def test_plain_alwabp2_needs_no_cobots_and_a_balance_that_does_not_bind() -> None:
    """Which shortest-cycle lines the ALWABP-2 engine may take on."""
    import dataclasses

    p = problem([[3, 2], [2, 4]], [(), (0,)], tg=(False, True))
    assert p.plain_alwabp2
    assert not dataclasses.replace(p, cobot_times=(None, 1), max_cobots=1).plain_alwabp2
    assert dataclasses.replace(p, cobot_times=(None, 1), max_cobots=0).plain_alwabp2
    assert not dataclasses.replace(p, max_target_group=0).plain_alwabp2
    assert dataclasses.replace(p, max_target_group=1).plain_alwabp2


def test_example_shortest_cycle_runs_the_alwabp_engine() -> None:
    """Without cobots and with displacement allowed the example's line is plain ALWABP-2:
    the engine answers (its stats), at the CP-SAT line model's optimum, and keeps every rule."""
    from jobcarve.carving.line import line_problem

    process = read_process(EXAMPLES[0])
    s = line_plan(
        process, objective="min_cycle", time_limit_s=10, max_cobots=0, allow_displacement=True
    )
    assert "relaxation_bound" in s.stats and s.status == "optimal"
    from jobcarve.analysis import analyze

    p = line_problem(process, analyze(process), max_cobots=0, allow_displacement=True)
    ref = solve_line(p, "min_cycle", time_limit_s=10)
    assert ref.status == "optimal" and s.cycle_time == ref.cycle_time
    assert validate_solution(p, stations_of(p, s)) == []
    assert max(station_loads(p, stations_of(p, s))) == s.cycle_time


def test_shortest_cycle_says_when_the_work_balance_forbids_it() -> None:
    """min_cycle staffs every station; with more target-group workers than free places the
    answer says so (and which objective to use), instead of "no line meets the cycle time"."""
    s = line_plan(read_process(EXAMPLES[0]), objective="min_cycle", time_limit_s=5)
    assert s.status == "infeasible" and not s.stations
    assert "work balance has places for 2 of its 4 target-group workers" in s.reason
    assert "max_target_group" in s.reason


def test_report_says_why_there_is_no_line_at_the_takt(tmp_path: Path) -> None:
    """The assembly example at a takt of 60 s instead of 480 s: the harness (360 s per
    unit for the fastest worker, no cobot) cannot fit; the command line, analysis.json and
    the Dutch report say so and name it, instead of an empty line section."""
    text = EXAMPLES[0].read_text(encoding="utf-8")
    assert "  takt_s: 480\n" in text
    model = tmp_path / "fast.yaml"
    model.write_text(text.replace("  takt_s: 480\n", "  takt_s: 60\n"), encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("analyze", str(model), "-o", str(out), "--time-limit", "2")
    assert done.returncode == 0, done.stderr
    assert "line at takt 60 s: no line (infeasible: no worker or cobot does make_harness" in (
        done.stdout
    )
    line = json.loads((out / "analysis.json").read_text(encoding="utf-8"))["line"]
    assert line["stations"] == 0 and line["no_line"]["kind"] == "too_long"
    assert line["no_line"]["units"][0] == ["make_harness", 360.0]
    report = (out / "report.html").read_text(encoding="utf-8")
    section = report.split('id="line-title"')[1].split("</section>")[0]
    assert "Bij een takt van 60 s is geen lijn mogelijk" in section
    assert "Kabelboom maken (minstens 360,0 s)" in section


def test_work_beside_the_line_is_left_out_of_the_balance(tmp_path: Path) -> None:
    """`on_line: false` (a heat-pump maker's brazing at 900 s a unit, buffered half a day
    ahead of a 720 s line: a reading of its report found "no line is possible" for a line
    that runs): the line balance leaves the task out, the cobot screening does not hold it
    to the takt, its hours still count, and a pool model may not say it."""
    from jobcarve import analyze, parse_process
    from jobcarve.carving.line.problem import line_problem

    text = EXAMPLES[0].read_text(encoding="utf-8").replace("  takt_s: 480\n", "  takt_s: 300\n")
    assert "  - id: make_harness\n" in text
    beside = text.replace("  - id: make_harness\n", "  - id: make_harness\n    on_line: false\n")
    runs = {}
    for name, source in (("on", text), ("beside", beside)):
        process = parse_process(source, f"{name}.yaml")
        analysis = analyze(process)
        (unit,) = [u for u in analysis.units if u.id == "make_harness"]
        runs[name] = (unit, line_problem(process, analysis))
    on, beside_run = runs["on"], runs["beside"]
    assert on[0].on_line and "make_harness" in on[1].tasks
    assert not beside_run[0].on_line and "make_harness" not in beside_run[1].tasks
    assert beside_run[0].to_dict()["on_line"] is False
    assert len(beside_run[1].tasks) == len(on[1].tasks) - 1
    assert beside_run[0].hours_per_week == on[0].hours_per_week
    assert "takt" in {g.gate for g in on[0].cobot.gates}
    assert "takt" not in {g.gate for g in beside_run[0].cobot.gates}

    # a parent's on_line holds for its subtasks (the control board's three parts)
    assert "  - id: build_control_board\n" in text
    parent = text.replace(
        "  - id: build_control_board\n", "  - id: build_control_board\n    on_line: false\n"
    )
    process = parse_process(parent, "parent.yaml")
    analysis = analyze(process)
    board = {u.id for u in analysis.units if u.task == "build_control_board"}
    assert len(board) == 3 and all(not u.on_line for u in analysis.units if u.id in board)
    assert not board & set(line_problem(process, analysis).tasks)

    pool = tmp_path / "pool.yaml"
    pool.write_text(beside.replace("  kind: line\n", "  kind: pool\n"), encoding="utf-8")
    done = run_cli("validate", str(pool))
    assert done.returncode == 2
    assert "on_line applies to a process of kind 'line' only" in done.stderr
    assert "Traceback" not in done.stderr
