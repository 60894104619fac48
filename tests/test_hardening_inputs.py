"""Careless inputs of the red-team round two (issue #19, Low items and import friction).

Each case: exit 2, one located line per problem, nothing written, no traceback, bounded
time and memory (the CLI runs as a child under `HOSTILE_MEMORY_MB`, with a timeout).
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jobcarve import InputError, parse_process
from jobcarve.model import Scenario
from jobcarve.scenarios import compare
from jobcarve.spreadsheet import import_inventory, read_inventory
from tests.conftest import MINIMAL
from tests.test_hardening import BAD, _exported_workbook, hostile, refused

# --- compare with a scenario that keeps no profile (L3) ---------------------------------


def test_compare_empty_profiles_is_located(tmp_path: Path) -> None:
    """`profiles: []` in a scenario: the error names its line, before any solve."""
    path = BAD / "scenario_empty_profiles.yaml"
    out = tmp_path / "out"
    started = time.time()
    result = hostile("compare", str(path), "--out", str(out), "--draws", "10")
    refused(result, f"{path}:20:15: scenarios[0].profiles: ", "empty profile list")
    assert time.time() - started < 30
    assert not out.exists()


def test_compare_api_refuses_a_scenario_without_profiles() -> None:
    """The same from Python, where the scenario is built in code: located by model path."""
    model = parse_process(MINIMAL, "m.yaml")
    model.scenarios.append(Scenario(id="nobody", name="Nobody", profiles=[]))
    with pytest.raises(InputError) as info:
        compare(model, time_limit_s=1, draws=5)
    (problem,) = info.value.problems
    assert problem.path == "scenarios[0].profiles" and "keeps no worker profile" in str(problem)


# --- round two of an import: problems at cells, not at lines of an unwritten YAML -------


def test_second_round_errors_point_at_cells(tmp_path: Path) -> None:
    """Values each cell reader accepts but the model refuses: located at their cells."""
    path = _exported_workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    roles, tasks = wb["Functies"], wb["Taken"]
    assert [c.value for c in roles[1]][:4] == ["ID", "Functie", "Aantal", "Opleiding"]
    assert [c.value for c in tasks[1]][4] == "Tijd"
    roles["C2"] = -3  # headcount below 0
    roles["D3"] = "PhD"  # not an education level
    tasks["E3"] = -7  # a negative time
    wb.save(path)
    out = tmp_path / "m.yaml"
    result = hostile("import", str(path), "-o", str(out))
    refused(result, f"{path}:", "")
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, lines
    # each named by its column as the sheet writes it, not by the model's key
    assert lines[0].startswith(f'error: {path}:Functies!C2: "Aantal": ')
    assert lines[1].startswith(f'error: {path}:Functies!D3: "Opleiding": ')
    assert lines[2].startswith(f'error: {path}:Taken!E3: "Tijd": ')
    assert "(imported)" not in result.stderr
    assert not out.exists()


def test_second_round_cross_references_point_at_cells(tmp_path: Path) -> None:
    """A cycle of predecessors (found only in the model) is located at a task's row."""
    path = _exported_workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    tasks = wb["Taken"]
    header = [c.value for c in tasks[1]]
    after = header.index("Voorgangers") + 1
    tasks.cell(2, after).value = "b"  # a after b, b after a
    wb.save(path)
    with pytest.raises(InputError) as info:
        import_inventory(path)
    assert all(
        re.match(rf"{re.escape(str(path))}:Taken!\w+\d+: ", str(p)) for p in info.value.problems
    )


# --- durations with units (friction: "45 sec", "2,5 uur") --------------------------------


def _csv(tmp_path: Path, time_text: str, basis: str = "", batch: str = "") -> Path:
    path = tmp_path / "t.csv"
    path.write_text(
        "ID;Taak;Functie;Tijd;Tijdbasis;Batchgrootte;Tillen en dragen\n"
        f"1;Zagen;Operator;{time_text};{basis};{batch};1\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("time_text", "basis", "batch", "key", "value"),
    [
        ("45 sec per stuk", "", "", "time_s_per_unit", 45),
        ("45 sec", "s/eenheid", "", "time_s_per_unit", 45),
        ("45s", "s/unit", "", "time_s_per_unit", 45),
        ("2 min", "s/eenheid", "", "time_s_per_unit", 120),
        ("2,5 uur", "uur/week", "", "hours_per_week", 2.5),
        ("1,5 u/week", "", "", "hours_per_week", 1.5),
        ("2.5 hours per week", "", "", "hours_per_week", 2.5),
        ("1 uur", "min/batch", "20", "time_min_per_batch", 60),
        ("90 minuten per batch", "", "20", "time_min_per_batch", 90),
        ("1.234,5 sec", "s/eenheid", "", "time_s_per_unit", 1234.5),
        ("12", "s/eenheid", "", "time_s_per_unit", 12),
    ],
)
def test_durations_with_units_are_read(
    tmp_path: Path, time_text: str, basis: str, batch: str, key: str, value: float
) -> None:
    """A unit converts to the time basis; "per ..." in the cell gives the basis."""
    data = read_inventory(_csv(tmp_path, time_text, basis, batch))
    (task,) = data["tasks"]
    assert task[key] == pytest.approx(value)


@pytest.mark.parametrize(
    ("time_text", "basis", "expect"),
    [
        ("45 sec", "", 'time "45 sec" does not say per what'),
        ("2 uur per week", "s/eenheid", 'time "2 uur per week" says per week, but the time basis'),
        ("3 dagen per week", "", 'time "3 dagen per week" is not a number or a time'),
        ("5 sec per pallet", "", 'time "5 sec per pallet" is not a number or a time'),
        ("1:30", "s/eenheid", 'time "1:30" is not a number'),
    ],
)
def test_durations_that_cannot_be_read_are_located(
    tmp_path: Path, time_text: str, basis: str, expect: str
) -> None:
    """Refused at the time cell (column D of row 2), with what to write instead."""
    path = _csv(tmp_path, time_text, basis)
    out = tmp_path / "m.yaml"
    result = hostile("import", str(path), "-o", str(out))
    refused(result, f"{path}:D2: ", expect)
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


# --- formula cells without a stored result ------------------------------------------------


def _with_cached_values(path: Path, values: dict[str, str]) -> None:
    """Store results for formula cells, as a spreadsheet program does when it saves."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                for cell, value in values.items():
                    text, n = re.subn(
                        rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)<v ?/>', rf"\1\2<v>{value}</v>", text
                    )
                    assert n <= 1
                data = text.encode("utf-8")
            dst.writestr(item, data)
    path.write_bytes(buffer.getvalue())


def test_formula_without_a_stored_result_is_located(tmp_path: Path) -> None:
    """A workbook written by a script: each formula cell that is read is named, not read as 0."""
    path = _exported_workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Taken"]["E2"] = "=30+6"
    bedrijf = wb["Bedrijf"]
    row = next(r for r in bedrijf.iter_rows() if r[0].value == "Producten per week")
    row[1].value = "=10*10"
    wb.save(path)
    out = tmp_path / "m.yaml"
    result = hostile("import", str(path), "-o", str(out))
    refused(result, f"{path}:", "formula without a stored result")
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f'error: {path}:Bedrijf!B{row[0].row}: "=10*10": formula without a stored result '
        "(the workbook was written by a program and never calculated): open it in Excel or "
        "LibreOffice and save it, or type the value",
        f'error: {path}:Taken!E2: "=30+6": formula without a stored result (the workbook was '
        "written by a program and never calculated): open it in Excel or LibreOffice and save "
        "it, or type the value",
    ]
    assert not out.exists()


def test_formula_with_a_stored_result_is_read(tmp_path: Path) -> None:
    """The same workbook after a spreadsheet program saved it: the results are read."""
    path = _exported_workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Taken"]["E2"] = "=30+6"
    wb.save(path)
    _with_cached_values(path, {"E2": "36"})
    model, _ = import_inventory(path)
    assert model.tasks[0].time_s_per_unit == 36


def test_many_uncomputed_formulas_are_counted_not_listed(tmp_path: Path) -> None:
    """A script-written workbook full of formulas: 20 cells named, the rest counted."""
    path = _exported_workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    tasks = wb["Taken"]
    for r in range(2, 4):
        for c in range(7, 30):  # the demand and handling columns
            tasks.cell(r, c).value = f"={r}+{c}"
    wb.save(path)
    with pytest.raises(InputError) as info:
        read_inventory(path)
    lines = [str(p) for p in info.value.problems]
    assert len(lines) == 21 and lines[-1].endswith("more such cells"), lines[-3:]


# --- other import friction of the red-team round ------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "expect"),
    [
        ("ID;Taak;Functie;Tijd (s)\n", "A1", "no tasks: the header row has no rows below it"),
        ("ID;Taak;Functie;Tijd\n1;Zagen;Operator;45\n", "D2", "time without a time basis"),
        (
            "Lijst\n\nversie 2\nNr.;Taak;Wie;Tijd;Tijdbasis;Batchgrootte\n"
            "1;Zagen;Operator;10;min/batch;\n",
            "F5",
            "a time per batch needs a batch size",
        ),
    ],
)
def test_import_friction_is_located(tmp_path: Path, text: str, where: str, expect: str) -> None:
    """A header-only CSV, a time without a basis, a batch time without a size: at the cell
    that needs the fix (not at A1 or the id, not as an empty list of the model)."""
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "m.yaml"
    result = hostile("import", str(path), "-o", str(out))
    refused(result, f"{path}:{where}: ", expect)
    assert not out.exists()


def test_import_with_many_dangling_references_is_bounded(tmp_path: Path) -> None:
    """H5 through the importer: 5,000 rows each naming a misspelt predecessor."""
    n = 5_000
    rows = ["ID;Taak;Functie;Tijd (s);Voorgangers"]
    rows += [f"t{i};Taak {i};role_numbr_{i};10;{f't{i - 1}x' if i else ''}" for i in range(n)]
    path = tmp_path / "typos.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    started = time.time()
    result = hostile("import", str(path), "-o", str(tmp_path / "m.yaml"), timeout=120)
    refused(result, f"{path}:E", 'unknown predecessor "t0x"')
    lines = result.stderr.strip().splitlines()
    assert len(lines) == n - 1 and lines[0].startswith(f"error: {path}:E3: ")
    assert time.time() - started < 60


@pytest.mark.parametrize(
    "command",
    [["graph", "{m}", "--out", "{d}/out"], ["export-xlsx", "{m}", "-o", "{d}/m.xlsx"]],
)
def test_escaped_control_characters_stop_every_command(tmp_path: Path, command: list[str]) -> None:
    """M3: a terminal escape written as a YAML escape never reaches `graph` or a workbook."""
    model = BAD / "control_escape_osc_title.yaml"
    result = hostile(*(a.format(m=model, d=tmp_path) for a in command))
    refused(result, f"{model}:4:17: company.name: ", "control character U+001B")
    assert "\x1b" not in result.stderr and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [
        ["template-xlsx", "/proc/jobcarve-test.xlsx"],
        ["init", "/proc/jobcarve-test"],
        ["export-xlsx", "{m}", "-o", "/proc/jobcarve-test.xlsx"],
        ["analyze", "{m}", "--out", "/proc/jobcarve-test", "--no-plan"],
    ],
)
def test_unwritable_destinations(tmp_path: Path, command: list[str]) -> None:
    """M8: a destination that cannot be written is an `error:` line, exit 2, no traceback."""
    model = tmp_path / "m.yaml"
    model.write_text(MINIMAL, encoding="utf-8")
    result = hostile(*(a.format(m=model) for a in command))
    refused(result, "cannot write /proc/jobcarve-test", "/proc/jobcarve-test")


def test_long_cycle_is_one_short_line(tmp_path: Path) -> None:
    """L2: a precedence cycle through 10,000 tasks is named by its ends, not an 80 KB line."""
    n = 10_000
    lines = ["format: 1", "company: {name: X, sector: metal}", "process: {name: P}"]
    lines += ["planning: {units_per_week: 100}", "roles:"]
    lines += ["  - {id: op, name: Op, headcount: 1, education: MBO 2}", "tasks:"]
    lines += [
        f"  - {{id: t{i}, name: T, role: op, time_s_per_unit: 1, demands: {{pace: 1}}, "
        f"after: [t{(i - 1) % n}]}}"
        for i in range(n)
    ]
    path = tmp_path / "cycle.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = hostile("validate", str(path), timeout=120)
    refused(result, f"{path}:", "precedence cycle: ")
    (line,) = result.stderr.strip().splitlines()
    assert len(line) < 400, len(line)
