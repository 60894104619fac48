"""Line-balancing instances: readers on every shared file, malformed files, small optima, the CLI."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from jobcarve import InputError
from jobcarve.carving.cpsat.line import solve_line
from jobcarve.carving.line import station_loads, validate_solution
from jobcarve.carving.line.formats import read_instance
from jobcarve.carving.line.salbp import solve_salbp1
from tests.conftest import SHARED, run_cli

BENCH = SHARED / "benchmarks"


def _need_shared() -> None:
    if not BENCH.exists():
        if os.environ.get("CI"):
            pytest.fail("../shared/benchmarks must be present in CI")
        pytest.skip("../shared/benchmarks is not next to this checkout (it is in CI)")


def _alwabp_files() -> list[Path]:
    return sorted((BENCH / "alwabp" / "instances").glob("*/*")) if BENCH.exists() else []


def _in2_files() -> list[Path]:
    return (
        sorted((BENCH / "salbp" / "scholl1993" / "precedence_graphs").glob("*.IN2"))
        if BENCH.exists()
        else []
    )


def test_read_every_alwabp_file() -> None:
    """All 240 ALWABP files read, with n and k as optima.csv says."""
    _need_shared()
    table = {r["instance"]: r for r in csv.DictReader((BENCH / "alwabp" / "optima.csv").open())}
    files = _alwabp_files()
    assert len(files) == 240
    for path in files:
        inst = read_instance(path, "alwabp")
        row = table[str(path.relative_to(BENCH / "alwabp"))]
        assert (inst.num_tasks, inst.num_workers) == (int(row["n_tasks"]), int(row["n_workers"]))
        assert all(row_t[0] is not None for row_t in inst.times)  # worker 1 can do every task


def test_read_every_in2_file() -> None:
    """All 25 Scholl graphs read, notes after the end mark ignored, n as the table says."""
    _need_shared()
    sizes = {
        r["graph_file"]: int(r["n_tasks"])
        for r in csv.DictReader((BENCH / "salbp" / "salbp1_optima.csv").open())
    }
    files = _in2_files()
    assert len(files) == 25
    for path in files:
        inst = read_instance(path)
        key = str(path.relative_to(BENCH / "salbp"))
        if key in sizes:
            assert inst.num_tasks == sizes[key]
        assert inst.num_workers == 1 and inst.arcs


@pytest.mark.parametrize(
    ("family", "num"), [("roszieg", 1), ("roszieg", 45), ("heskia", 12), ("heskia", 77)]
)
def test_small_alwabp_to_optimum(family: str, num: int) -> None:
    """Small ALWABP-2 instances reach their proven optimum, with a valid assignment."""
    _need_shared()
    table = {
        r["instance"]: int(r["optimal_cycle_time"])
        for r in csv.DictReader((BENCH / "alwabp" / "optima.csv").open())
    }
    inst = read_instance(BENCH / "alwabp" / "instances" / family / str(num), "alwabp")
    problem = inst.problem()
    sol = solve_line(problem, "min_cycle", time_limit_s=30)
    assert sol.status == "optimal" and sol.cycle_time == table[f"instances/{family}/{num}"]
    idx = {t: i for i, t in enumerate(problem.tasks)}
    wid = {w.id: i for i, w in enumerate(problem.workers)}
    stations = [(wid[s.worker], [idx[t] for t in s.tasks], []) for s in sol.stations]
    assert validate_solution(problem, stations) == []
    assert max(station_loads(problem, stations)) == sol.cycle_time >= sol.lower_bound


@pytest.mark.parametrize(
    "graph", ["MERTENS", "BOWMAN8", "JAESCHKE", "JACKSON", "MITCHELL", "HESKIA"]
)
def test_small_salbp1_to_optimum(graph: str) -> None:
    """SALBP-1 on small Scholl graphs: every cycle time of the data set at its known optimum."""
    _need_shared()
    rows = [
        r
        for r in csv.DictReader((BENCH / "salbp" / "salbp1_optima.csv").open())
        if r["instance"].startswith(graph + "_")
    ]
    inst = read_instance(BENCH / "salbp" / "scholl1993" / "precedence_graphs" / f"{graph}.IN2")
    times = [t[0] or 0 for t in inst.times]
    preds: list[list[int]] = [[] for _ in times]
    for i, j in inst.arcs:
        preds[j].append(i)
    for row in rows:
        sol = solve_salbp1(times, preds, int(row["cycle_time"]), time_limit_s=20)
        assert len(sol.stations) == int(row["optimal_stations"]), row["instance"]
        assert sol.lower_bound <= len(sol.stations) and max(s.load for s in sol.stations) <= int(
            row["cycle_time"]
        )


@pytest.mark.parametrize(
    "instance", ["WARNECKE_c54", "BARTHOL2_c121", "SCHOLL_c2049", "TONGE70_c220", "LUTZ2_c12"]
)
def test_harder_salbp1_proven(instance: str) -> None:
    """Instances that need the search (a raised bound, a tight packing) are proven optimal."""
    _need_shared()
    row = next(
        r
        for r in csv.DictReader((BENCH / "salbp" / "salbp1_optima.csv").open())
        if r["instance"] == instance
    )
    inst = read_instance(BENCH / "salbp" / row["graph_file"])
    times = [t[0] or 0 for t in inst.times]
    preds: list[list[int]] = [[] for _ in times]
    for i, j in inst.arcs:
        preds[j].append(i)
    cycle = int(row["cycle_time"])
    sol = solve_salbp1(times, preds, cycle, time_limit_s=60)
    assert sol.status == "optimal" and len(sol.stations) == int(row["optimal_stations"])
    assert sol.lower_bound == len(sol.stations)
    where = {int(t) - 1: s.index for s in sol.stations for t in s.tasks}
    assert all(where[p] <= where[j] for j, ps in enumerate(preds) for p in ps)
    assert max(s.load for s in sol.stations) == sol.cycle_time <= cycle


@pytest.mark.parametrize(
    ("text", "fmt", "where", "message"),
    [
        (
            "3\n1 2\n2 x\n3 3\n",
            "alwabp",
            ":3:3:",
            'task time "x" is not a whole number',
        ),  # text for a time
        (
            "3\n1 2\n2\n3 3\n",
            "alwabp",
            ":3:1:",
            "task 2 has 1 worker times, task 1 has 2",
        ),  # ragged row
        ("2\n1 2\nInf Inf\n", "alwabp", ":3:1:", "no worker can do task 2"),  # nobody can do a task
        ("2\n1 2\n3 4\n1 5\n-1 -1\n", "alwabp", ":4:1:", "task 5 does not exist"),  # dangling arc
        ("2\n1 2\n3 4\n1 2\n2 1\n", "alwabp", "", "precedence cycle"),  # cycle
        ("2\n4\n", "in2", ":3:1:", "file ends early: expected the time of task 2"),  # truncated
        ("2\n4\n5\n1,2\n", "in2", "", 'without the end mark "-1,-1"'),  # no end mark
        (
            "2\n4\n-5\n-1,-1\n",
            "in2",
            ":3:1:",
            "task time -5 is out of range (1 to 1,000,000,000)",
        ),  # negative time
        ("x\n", "in2", ":1:1:", 'number of tasks "x" is not a whole number'),  # bad header
        (
            "<number of tasks>\n2\n<task times>\n1 3\n<end>\n",
            "alb",
            ":3:1:",
            "no time for task 2",
        ),  # missing time
        # redteam H1: a 70-byte file naming a billion tasks, zero and negative counts
        (
            "<number of tasks>\n1000000000\n<cycle time>\n10\n<task times>\n1 3\n<end>\n",
            "alb",
            ":2:1:",
            "number of tasks 1000000000 is out of range (1 to 100,000)",
        ),
        ("<number of tasks>\n0\n<end>\n", "alb", ":2:1:", "number of tasks 0 is out of range"),
        ("<number of tasks>\n-5\n<end>\n", "alb", ":2:1:", "number of tasks -5 is out of"),
        ("1000000000\n1\n-1,-1\n", "in2", ":1:1:", "number of tasks 1000000000 is out of"),
        (
            "<number of tasks>\n2\n<task times>\n1 3\n2 4\n7 5\n<end>\n",
            "alb",
            ":6:1:",
            "task 7 does not exist (tasks are 1..2)",
        ),  # a task id outside 1..n
        (
            "<number of tasks>\n2\n<cycle time>\n0\n<task times>\n1 3\n2 4\n<end>\n",
            "alb",
            ":4:1:",
            "cycle time 0 is out of range",
        ),
        (
            "<number of tasks>\n2\n<cycle time>\n-10\n<task times>\n1 3\n2 4\n<end>\n",
            "alb",
            ":4:1:",
            "cycle time -10 is out of range",
        ),
        (
            "<number of tasks>\n1\n<cycle time>\n10000000000000000000000000\n<task times>\n"
            "1 3\n<end>\n",
            "alb",
            ":4:1:",
            "cycle time 10000000000000000000000000 is out of range",
        ),  # M8: an overflowing cycle time
        (
            "<number of tasks>\n2\n<task times>\n1 3\n1 4\n<end>\n",
            "alb",
            ":5:1:",
            "task 1 has a second time",
        ),
        (
            "<number of tasks>\n2\n<task times>\n1 3\n2 4\n<precedence relations>\n1,9\n<end>\n",
            "alb",
            ":7:1:",
            "task 9 does not exist",
        ),  # precedence located at its own line
        ("2\n1 1000000000000000000000000000000\n2 3\n", "alwabp", ":2:3:", "task time"),  # M8
        ("2\n1_0 2\n3 4\n", "alwabp", ":2:1:", 'task time "1_0" is not a whole number'),  # L4
        ("3\n" + "1 " * 20000 + "\n2\n3\n", "alwabp", ":2:1:", "20,000 worker columns"),  # M7
    ],
)
def test_malformed_instances(tmp_path: Path, text: str, fmt: str, where: str, message: str) -> None:
    """Malformed files: one located message naming the file."""
    path = tmp_path / "inst.txt"
    path.write_text(text, encoding="ascii")
    with pytest.raises(InputError) as info:
        read_instance(path, fmt)
    problem = str(info.value.problems[0])
    assert problem.startswith(f"{path}{where}") and message in problem, problem


def test_alb_reader(tmp_path: Path) -> None:
    """An Otto et al. .alb file: cycle time and tasks read, other sections skipped."""
    path = tmp_path / "tiny.alb"
    path.write_text(
        "<number of tasks>\n4\n\n<cycle time>\n10\n\n<order strength>\n0,5\n\n<task times>\n1 4\n2 6\n3 5\n4 5\n\n"
        "<precedence relations>\n1,2\n1,3\n2,4\n3,4\n\n<end>\n",
        encoding="ascii",
    )
    inst = read_instance(path)
    assert (
        inst.num_tasks == 4
        and inst.cycle_time == 10
        and inst.arcs == ((0, 1), (0, 2), (1, 3), (2, 3))
    )
    result = run_cli("balance", str(path), "--json")
    data = json.loads(result.stdout)
    # total 20 at cycle 10: 2 stations would need {1,2} and {3,4} (10 each): optimal 2
    assert data["problem"] == "SALBP-1" and data["objective"] == 2 and data["status"] == "optimal"


def test_balance_cli_salbp2(tmp_path: Path) -> None:
    """`balance FILE.IN2 --stations K`: the shortest cycle time for K stations, proven."""
    path = tmp_path / "tiny.IN2"
    path.write_text("4\n4\n3\n5\n2\n1,2\n1,3\n2,4\n3,4\n-1,-1\n", encoding="ascii")
    result = run_cli("balance", str(path), "--stations", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # total 14 over 2 stations: at least 7, reached by {1,2} | {3,4}
    assert data["problem"] == "SALBP-2" and data["objective"] == 7 == data["lower_bound"]
    assert data["status"] == "optimal" and data["stations"] <= 2
    assert data["assignment"]["1"] <= data["assignment"]["2"] <= data["assignment"]["4"]


def test_salbp_on_alwabp_file_needs_worker_one(tmp_path: Path) -> None:
    """SALBP on an ALWABP file balances worker 1's times; a task worker 1 cannot do is an error."""
    path = tmp_path / "gap"
    path.write_text("3\n1 2\nInf 3\n2 2\n1 2\n-1 -1\n", encoding="ascii")
    for option in (["--cycle-time", "5"], ["--stations", "2"]):
        bad = run_cli("balance", str(path), "--format", "alwabp", *option)
        assert bad.returncode == 2 and "Traceback" not in bad.stderr
        assert bad.stderr.strip() == (
            f"error: {path}: worker 1 cannot do task 2; SALBP needs a time for every task "
            "(balance it as ALWABP-2, without --cycle-time or --stations)"
        )
    assert run_cli("balance", str(path), "--format", "alwabp").returncode == 0


def test_balance_cli_json(tmp_path: Path) -> None:
    """`balance --json` gives objective, cycle_time, stations, status, lower_bound, assignment, seconds."""
    path = tmp_path / "tiny"
    path.write_text("4\n3 5\n2 Inf\n4 2\n1 1\n1 2\n1 3\n2 4\n3 4\n-1 -1\n", encoding="ascii")
    result = run_cli("balance", str(path), "--format", "alwabp", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {
        "objective",
        "cycle_time",
        "stations",
        "status",
        "lower_bound",
        "assignment",
        "seconds",
    } <= set(data)
    # worker 1 alone: 3+2+4+1 = 10; best split: w1 {1,2} = 5 | w2 {3,4} = 3 -> 5; or w2 {1} = 5 | w1 {2,3,4} = 7
    assert data["objective"] == 5 and data["status"] == "optimal" and data["lower_bound"] <= 5
    assert sorted(data["assignment"]) == ["1", "2", "3", "4"]
    bad = run_cli("balance", str(path), "--cycle-time", "5", "--stations", "2")
    assert bad.returncode == 2


@pytest.mark.parametrize(
    ("text", "name", "expect"),
    [
        (
            "20000\n"
            + "5\n" * 20000
            + "".join(f"{i},{i + 1}\n" for i in range(1, 20000, 3))
            + "-1,-1\n",
            "big.IN2",
            "20,000 tasks; balance solves at most 2,000",
        ),
        ("3\n" + ("5 " * 1000 + "\n") * 3, "wide.txt", "3 tasks x 1,000 workers = 3,000 task"),
        ("100\n" + ("5 " * 60 + "\n") * 100, "wide2.txt", "6,000 task-worker times"),
    ],
)
def test_balance_refuses_what_it_cannot_solve_in_time(
    tmp_path: Path, text: str, name: str, expect: str
) -> None:
    """M7: sizes checked before any work, so --time-limit holds (redteam: > 180 s at 10 s)."""
    import time

    path = tmp_path / name
    path.write_text(text, encoding="ascii")
    started = time.time()
    result = run_cli("balance", str(path), "--time-limit", "1")
    assert result.returncode == 2 and f"error: {path}:1:1: " in result.stderr
    assert expect in result.stderr and "Traceback" not in result.stderr
    assert time.time() - started < 30
