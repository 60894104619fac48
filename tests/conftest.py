"""Shared fixtures: a minimal valid model and helpers to run the CLI in-process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m jobcarve`` in a subprocess, as a user would."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "jobcarve", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=600,
    )


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
