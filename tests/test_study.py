"""The one pipeline: `jobcarve.study` writes what `jobcarve analyze` writes; one run per folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import jobcarve
from jobcarve.study import LOCK_NAME, output_lock, study
from tests.conftest import MINIMAL, ROOT, run_cli

PINNED = {"SOURCE_DATE_EPOCH": "1795000000"}


def _readme_python() -> str:
    """The first Python example of the README (the study)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks and "jobcarve.study(" in blocks[0]
    return blocks[0]


def test_readme_example_writes_what_the_command_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's Python example and `jobcarve analyze` with the same options give the same
    analysis.json, byte for byte (the example run on a small model under the README's path)."""
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "cnc_job_shop.yaml").write_text(MINIMAL, encoding="utf-8")
    code = _readme_python()
    monkeypatch.chdir(tmp_path)
    for key, value in PINNED.items():
        monkeypatch.setenv(key, value)
    exec(compile(code, "README.md", "exec"), {})  # writes out-python/
    options = re.search(r"jobcarve\.study\(process, (.*?)\)", code)
    assert options and options.group(1) == "time_limit_s=20, seed=0"
    cli = run_cli(
        "analyze",
        "examples/cnc_job_shop.yaml",
        "--out",
        "out-cli",
        "--time-limit",
        "20",
        "--seed",
        "0",
        "--lang",
        "en",
        cwd=tmp_path,
        env=PINNED,
    )
    assert cli.returncode == 0, cli.stderr
    made = (tmp_path / "out-python" / "analysis.json").read_bytes()
    assert made == (tmp_path / "out-cli" / "analysis.json").read_bytes()
    doc = json.loads(made)
    assert {"business_case", "uncertainty", "jobs", "meta"} <= set(doc)
    assert doc["meta"]["model"] == "cnc_job_shop.yaml"
    assert sorted(os.listdir(tmp_path / "out-cli")) == ["analysis.json", "report.html"]


def test_study_without_plan_and_its_outputs(tmp_path: Path) -> None:
    """``with_plan=False`` is the analysis alone (as --no-plan); the workbook and the language
    are chosen at writing time; an unknown language is a usage error."""
    process = jobcarve.parse_process(MINIMAL, "m.yaml")
    s = study(process, with_plan=False)
    assert s.plan is None and s.case is None and s.spread is None
    assert "summary" in s.document() and "business_case" not in s.document()
    written = s.write(tmp_path / "o", lang="en", xlsx=True)
    assert [p.name for p in written] == ["analysis.json", "report.html", "plan.xlsx"]
    assert '<html lang="en"' in (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    with pytest.raises(jobcarve.UsageError, match="unknown language 'de'"):
        s.html("de")
    assert s.summary_text()[0].startswith("3 tasks -> ")


def _sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    """While another run holds --out, analyze stops with one line (exit 2) and writes nothing;
    a lock left by a run that is gone is taken over, and removed when the run ends."""
    model = tmp_path / "m.yaml"
    model.write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    other = _sleeper()
    try:
        (out / LOCK_NAME).write_text(f"{other.pid}\n", encoding="utf-8")
        busy = run_cli("analyze", str(model), "--out", str(out), "--time-limit", "1")
        assert busy.returncode == 2, busy.stderr
        assert busy.stderr == (
            f"error: --out {out} is in use by another jobcarve run (process {other.pid}); "
            f"wait for it or use another folder (its lock: {out / LOCK_NAME})\n"
        )
        assert sorted(os.listdir(out)) == [LOCK_NAME]
    finally:
        other.kill()
        other.wait()
    # the holder is gone now: its lock is stale and taken over
    done = run_cli("analyze", str(model), "--out", str(out), "--time-limit", "1", "--draws", "5")
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(out)) == ["analysis.json", "report.html"]


def test_lock_is_exclusive_and_cleans_up(tmp_path: Path) -> None:
    """The lock refuses a second holder, even in the same process, and a folder it made is
    removed again when nothing was written into it."""
    folder = tmp_path / "new"
    with output_lock(folder) as lock:
        assert lock.read_text(encoding="utf-8") == f"{os.getpid()}\n"
        with (
            pytest.raises(jobcarve.UsageError, match="in use by another jobcarve run"),
            output_lock(folder),
        ):
            pass  # pragma: no cover
    assert not folder.exists()
    (tmp_path / "kept").mkdir()
    with output_lock(tmp_path / "kept"):
        (tmp_path / "kept" / "x").write_text("x", encoding="utf-8")
    assert os.listdir(tmp_path / "kept") == ["x"]


def test_progress_of_draws_and_compare(tmp_path: Path) -> None:
    """--progress reports the Monte Carlo draws (first and last at least), and compare reports
    each scenario with its draws, on stderr."""
    model = tmp_path / "m.yaml"
    model.write_text(MINIMAL, encoding="utf-8")
    run = run_cli(
        "analyze",
        str(model),
        "--out",
        str(tmp_path / "a"),
        "--time-limit",
        "1",
        "--draws",
        "7",
        "--progress",
    )
    assert run.returncode == 0, run.stderr
    assert re.search(r"^  Monte Carlo draw 1/7 at \d+\.\d s$", run.stderr, re.M), run.stderr
    assert re.search(r"^  Monte Carlo draw 7/7 at \d+\.\d s$", run.stderr, re.M)
    cmp = run_cli(
        "compare",
        str(model),
        "--out",
        str(tmp_path / "c"),
        "--time-limit",
        "1",
        "--draws",
        "3",
        "--lang",
        "en",
        "--progress",
    )
    assert cmp.returncode == 0, cmp.stderr
    assert "progress: scenario As is: business case ..." in cmp.stderr, cmp.stderr
    for name in ("Split only (no cobot)", "Split and cobot"):
        assert f"progress: scenario {name}: analysis ..." in cmp.stderr
        assert f"progress: scenario {name}: business case and Monte Carlo" in cmp.stderr
    assert cmp.stderr.count("Monte Carlo draw 3/3") == 2  # "as is" has no plan to draw
    assert "progress: total" in cmp.stderr
    quiet = run_cli("compare", str(model), "--out", str(tmp_path / "q"), "--time-limit", "1")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_choices_are_checked_by_the_parser(tmp_path: Path) -> None:
    """--lang and --objective are choices: a wrong one is a usage error naming the choices,
    before the model is read (a missing takt is not reported for a misspelt objective)."""
    model = tmp_path / "m.yaml"
    model.write_text(MINIMAL, encoding="utf-8")
    for args in (
        ["analyze", str(model), "--lang", "de"],
        ["compare", str(model), "--lang", "fr"],
        ["template-xlsx", str(tmp_path / "t.xlsx"), "--lang", "EN"],
        ["line", str(model), "--objective", "foo"],
    ):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Invalid value for" in lines[0], lines
        assert ("'nl', 'en'" in lines[0]) or ("'min_cycle', 'min_stations'" in lines[0]), lines
    assert not (tmp_path / "out").exists() and not (tmp_path / "t.xlsx").exists()


def test_workload_warnings_from_validate(tmp_path: Path) -> None:
    """A role with more task hours than its people provide, and a role without tasks, are
    warned about by `validate` (graph.workload_warnings), and the model is still ok."""
    from jobcarve.graph import workload_warnings

    text = MINIMAL.replace("units_per_week: 100}", "units_per_week: 10000}").replace(
        "  - {id: helper, name: Helper, headcount: 1, education: MBO 1}\n",
        "  - {id: helper, name: Helper, headcount: 1, education: MBO 1}\n"
        "  - {id: idle, name: Idle, headcount: 1, education: MBO 1}\n",
    )
    model = tmp_path / "m.yaml"
    model.write_text(text, encoding="utf-8")
    found = workload_warnings(jobcarve.read_process(model))
    assert any(w.startswith('role "op" has ') and "2 people provide" in w for w in found), found
    assert 'role "idle" does none of the tasks' in found
    # overtime and agency hours are worked on the role's tasks too: enough of them, no warning
    op = "  - {id: op, name: Operator, headcount: 2, education: MBO 2, hard_to_fill: true"
    load = next(w for w in found if w.startswith('role "op" has '))
    task_hours = float(load.split(" has ")[1].split(" h/week")[0])
    agency = model.with_name("agency.yaml")
    agency.write_text(
        text.replace(op, f"{op}, agency_hours_per_week: {task_hours:.0f}"), encoding="utf-8"
    )
    assert not [w for w in workload_warnings(jobcarve.read_process(agency)) if '"op"' in w]
    result = run_cli("validate", str(model))
    assert result.returncode == 0 and result.stdout.startswith(f"ok: {model}")
    assert f'warning: {model}: role "idle" does none of the tasks' in result.stderr


def test_carving_options_are_typed() -> None:
    """A misspelt option is an error with a suggestion, for plan and study alike; values are
    checked against the model format's ranges; unset options are not passed on."""
    from jobcarve.carving import CarvingOptions

    process = jobcarve.parse_process(MINIMAL, "m.yaml")
    with pytest.raises(jobcarve.UsageError, match="unknown option 'max_cobot' \\(did you mean"):
        jobcarve.plan(process, max_cobot=0)
    with pytest.raises(jobcarve.UsageError, match="unknown option 'assist_share'"):
        study(process, assist_share=0.9)  # a solver setting, not an option a caller sets
    with pytest.raises(jobcarve.UsageError, match="max_cobots must be from 0 to 50"):
        CarvingOptions(max_cobots=-1)
    options = CarvingOptions(seed=3).replace(max_cobots=0)
    assert options.overrides() == {"max_cobots": 0, "seed": 3}
    assert jobcarve.plan(process, options=options, time_limit_s=1).cobots == ()


def test_english_report_of_a_dutch_model_names_parts_in_english(tmp_path: Path) -> None:
    """A catalogue split part carries both names (analysis.json `names`); the English report
    shows the English one, the Dutch report the Dutch one (issue 17, point 4)."""
    made = study(jobcarve.read_process(ROOT / "examples" / "cnc_job_shop.yaml"), with_plan=False)
    parts = [u for u in made.analysis.units if u.names is not None]
    assert parts, "the CNC example has catalogue split parts"
    unit = parts[0]
    nl, en = unit.names or ("", "")
    assert unit.name == nl and unit.label("en") == en and nl != en
    doc = made.document()
    row = next(u for t in doc["tasks"] for u in t["units"] if u["id"] == unit.id)
    assert row["names"] == {"nl": nl, "en": en}
    english, dutch = made.html("en"), made.html("nl")
    assert en.split(": ", 1)[1] in english and nl.split(": ", 1)[1] not in english
    assert nl.split(": ", 1)[1] in dutch
