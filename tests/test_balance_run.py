"""`balance_instance`: `jobcarve balance` from Python gives what the command prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobcarve.carving.line.run import balance_instance
from jobcarve.exceptions import UsageError
from tests.conftest import run_cli

TINY = "4\n3 5\n2 Inf\n4 2\n1 1\n1 2\n1 3\n2 4\n3 4\n-1 -1\n"


def test_python_result_matches_cli_json(tmp_path: Path) -> None:
    path = tmp_path / "tiny"
    path.write_text(TINY, encoding="ascii")
    result = balance_instance(path, "alwabp", time_limit_s=5)
    data = json.loads(run_cli("balance", str(path), "--format", "alwabp", "--json").stdout)
    mine = result.to_dict()
    for key in ("seconds",):  # wall time differs between two runs
        mine.pop(key), data.pop(key)
    assert mine == data
    assert result.problem == "ALWABP-2" and result.objective == 5
    assert result.summary().startswith(f"ALWABP-2 {path}: objective 5 (optimal)")


def test_problem_chosen_by_options(tmp_path: Path) -> None:
    path = tmp_path / "tiny"
    path.write_text(TINY.replace("Inf", "2"), encoding="ascii")
    salbp1 = balance_instance(path, "alwabp", cycle_time=5, time_limit_s=5)
    assert salbp1.problem == "SALBP-1" and salbp1.objective == len(salbp1.solution.stations)
    assert salbp1.objective == 2  # worker 1's times 3,2,4,1: {1,2} | {3,4}
    salbp2 = balance_instance(path, "alwabp", stations=2, time_limit_s=5)
    assert salbp2.problem == "SALBP-2" and salbp2.objective == 5
    assert "effort" not in salbp2.to_dict()
    with pytest.raises(UsageError, match="not both"):
        balance_instance(path, "alwabp", cycle_time=5, stations=2)
