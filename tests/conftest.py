"""Shared fixtures: a minimal valid model, the CLI run in-process, the examples' studies.

`run_cli` runs the ``jobcarve`` command in this process (``jobcarve.cli.main``, the code
path of the installed script), which saves an interpreter start per call; the tests of
signals (Ctrl-C, SIGTERM), of ``python -m`` and of resource limits use
`run_cli_subprocess`.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from jobcarve import read_process
from jobcarve.model import ProcessModel
from jobcarve.study import Study, study

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SHARED = ROOT.parent / "shared"

MINIMAL = textwrap.dedent(
    """\
    format: 1
    company: {name: Test BV, sector: metal}
    process: {name: Assembly}
    planning: {units_per_week: 100}
    roles:
      - {id: op, name: Operator, headcount: 2, education: MBO 2, hard_to_fill: true}
      - {id: helper, name: Helper, headcount: 1, education: MBO 1}
    tasks:
      - id: a
        name: Task A
        role: op
        time_s_per_unit: 36
        demands: {lifting: 1}
      - id: b
        name: Task B
        role: op
        time_min_per_batch: 30
        batch_size_units: 50
        after: [a]
        demands: {fine_motor: 2}
      - id: c
        name: Task C
        role: helper
        hours_per_week: 2
        after: [a]
        demands: {pace: 1}
    profiles:
      - id: p1
        name: Profile one
        capacities: {lifting: 2, pushing_pulling: 2, repetitive_hand_arm: 2, fine_motor: 2, posture_mobility: 2, sensory: 2, attention: 2, memory_learning: 2, problem_solving: 2, literacy_numeracy: 2, pace: 2, independence: 2, social_communication: 2}
        hours_per_week_available: 24
        pace: 0.8
    """
)


@pytest.fixture
def minimal_text() -> str:
    """The text of a small valid model (3 tasks, 2 roles, 1 profile)."""
    return MINIMAL


def one_role_model(tasks: str, capacity: int = 2, **levels: int) -> ProcessModel:
    """A model with one role ``op`` (two people), the given ``tasks`` (YAML list items) and
    one profile ``p`` of 24 h a week, at ``capacity`` on every dimension but those given."""
    from jobcarve import parse_process
    from jobcarve.model import DIMENSIONS

    caps = ", ".join(f"{d}: {levels.get(d, capacity)}" for d in DIMENSIONS)
    text = textwrap.dedent(
        """\
        format: 1
        company: {name: T, sector: s}
        process: {name: P}
        planning: {units_per_week: 100}
        roles:
          - {id: op, name: Op, headcount: 2, education: MBO 2}
        tasks:
        """
    )
    text += textwrap.indent(textwrap.dedent(tasks).strip("\n"), "  ") + "\n"
    text += (
        f"profiles:\n  - {{id: p, name: P, capacities: {{{caps}}}, hours_per_week_available: 24}}\n"
    )
    return parse_process(text, "m.yaml")


@dataclass(frozen=True)
class CliResult:
    """What a run of the command gave: exit code and the text on stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


_SIGNALS = [getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> CliResult:
    """Run the ``jobcarve`` command in-process, as the installed script does (``main(argv)``).

    stdout and stderr are captured; ``env`` adds environment variables for the run; the
    signal handlers the command installs and the working folder are restored afterwards.
    An exception that ``main`` lets through (``--debug``) is printed as Python would, exit 1.
    """
    from jobcarve import cli

    out, err = io.StringIO(), io.StringIO()
    handlers = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    added = {"COLUMNS": "120", **(env or {})}
    saved = {k: os.environ.get(k) for k in added}
    here = os.getcwd()
    cli._STATE.pop("interrupt_reported", None)
    os.environ.update(added)
    try:
        os.chdir(cwd or ROOT)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                cli.main(list(args))
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except Exception:
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(here)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        for sig, handler in handlers.items():
            if handler is not None:
                signal.signal(sig, handler)
    return CliResult(code, out.getvalue(), err.getvalue())


def run_cli_subprocess(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m jobcarve`` in a subprocess (signals, ``python -m``, resource limits)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "jobcarve", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=600,
    )


#: the solver budget and draws of the examples' studies (short: the tests check the report,
#: not the plan's quality)
EXAMPLE_OPTIONS = {"time_limit_s": 2.0, "draws": 30}


@pytest.fixture(scope="session")
def example_studies() -> Iterator[dict[str, Study]]:
    """A study of every example, made once per test session (`EXAMPLE_OPTIONS`).

    The same as ``jobcarve analyze EXAMPLE --time-limit 2 --draws 30`` (tests/test_study.py
    proves a study writes what the command writes); the report tests write it in both
    languages, with and without PDF, without solving again.
    """
    made: dict[str, Study] = {}
    for path in EXAMPLES:
        made[path.stem] = study(read_process(path), **EXAMPLE_OPTIONS)  # type: ignore[arg-type]
    yield made


def write_examples(
    studies: dict[str, Study], factory: pytest.TempPathFactory, *, pdf: bool = False
) -> dict[tuple[str, str], Path]:
    """Every example's outputs in Dutch and English, each in its own folder."""
    out: dict[tuple[str, str], Path] = {}
    for stem, made in studies.items():
        for lang in ("nl", "en"):
            folder = factory.mktemp(f"{stem}_{lang}")
            made.write(folder, lang=lang, pdf=pdf)
            out[stem, lang] = folder
    return out


from jobcarve.report.pdf import CHROMIUM_ARGS  # noqa: E402  (one list for the product and the tests)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright; a missing browser fails in CI, skips elsewhere."""
    import shutil

    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None  # type: ignore[assignment]
    if not path or sync_playwright is None:
        if os.environ.get("CI"):
            pytest.fail(
                "browser tests must run in CI: install chromium and playwright (.ci/run does)"
            )
        pytest.skip(
            "Chromium or playwright is not installed (apt-get install chromium; pip install playwright)"
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()
