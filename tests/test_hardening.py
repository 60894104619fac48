"""Hostile and broken inputs, interrupted runs, reproducible outputs: a clear error, nothing lost."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobcarve import InputError, parse_process
from jobcarve.cli import main
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


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The CLI entry point in-process (the same code path as the `jobcarve` command)."""
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def test_corpus_is_large_and_documented() -> None:
    """At least 60 broken or hostile models, each naming what it breaks."""
    assert len(CORPUS) >= 60
    for path in CORPUS:
        about(path)


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_bad_input(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 2, one-line located messages naming the file, no traceback, nothing written."""
    _, expect = about(path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "analysis.json").write_text("earlier run", encoding="utf-8")
    code, stdout, stderr = run_main(
        ["analyze", str(path), "--out", str(out), "--time-limit", "1"], capsys
    )
    assert code == 2, (stdout, stderr)
    lines = stderr.strip().splitlines()
    assert lines and "Traceback" not in stderr
    pattern = re.compile(rf"^error: {re.escape(str(path))}:\d+:\d+: ")
    assert all(pattern.match(line) for line in lines), lines
    assert expect in stderr, (expect, stderr)
    assert sorted(os.listdir(out)) == ["analysis.json"]
    assert (out / "analysis.json").read_text(encoding="utf-8") == "earlier run"


def test_very_large_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file over the 32 MiB limit is refused before it is parsed."""
    big = tmp_path / "big.yaml"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("# breaks: a file over the size limit\nformat: 1\n")
        chunk = "# " + "x" * 1022 + "\n"
        for _ in range(33 * 1024):
            handle.write(chunk)
    code, _, stderr = run_main(["validate", str(big)], capsys)
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
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795000000"}
    outs = []
    for n in range(2):
        out = tmp_path / f"run{n}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "jobcarve",
                "analyze",
                str(EXAMPLES[2]),
                "--out",
                str(out),
                "--time-limit",
                "2",
                "--seed",
                "7",
            ],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        outs.append(out)
    for name in ("analysis.json", "report.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    assert (
        b'"generated_at": "2026-11-18T11:06:40+00:00"' in (outs[0] / "analysis.json").read_bytes()
    )


@pytest.mark.parametrize("delay", [1.0, 6.0])
def test_interrupted_solve_loses_nothing(tmp_path: Path, delay: float) -> None:
    """Ctrl-C during the solve (first or a later stage): exit 130, a message, earlier outputs kept."""
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
        if "jobs:" in line:
            break
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
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
