"""The HTML report in a real browser: no requests, nothing runs, accessible, right figures."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from jobcarve import read_process
from jobcarve.formatting import fixed
from tests.conftest import EXAMPLES, MINIMAL, ROOT, run_cli

ARTIFACTS = ROOT / "tests" / "actual"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Reports of every example in both languages (short solver time)."""
    out: dict[tuple[str, str], Path] = {}
    for path in EXAMPLES:
        for lang in ("nl", "en"):
            folder = tmp_path_factory.mktemp(f"{path.stem}_{lang}")
            result = run_cli(
                "analyze", str(path), "--out", str(folder), "--lang", lang, "--time-limit", "3"
            )
            assert result.returncode == 0, result.stderr
            out[path.stem, lang] = folder
    return out


def _open(browser, html: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    requests: list[str] = []
    console: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append(m.text))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(html.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, requests, console, dialogs


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_report_in_chromium(browser, reports, example: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """No network request, no CSP violation, axe finds nothing, headline figures match the JSON."""
    from axe_playwright_python.sync_playwright import Axe

    folder = reports[example, lang]
    page, requests, console, _ = _open(browser, folder / "report.html")
    try:
        assert requests == [(folder / "report.html").resolve().as_uri()]
        assert not [c for c in console if "Content Security Policy" in c], console
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()
        data = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))["summary"]
        assert page.locator("[data-figure=extra-workers-count]").inner_text() == str(
            data["extra_workers"]
        )
        assert page.locator("[data-figure=extra-fte]").inner_text() == fixed(
            data["extra_fte"], lang, 1
        )
        assert page.locator("[data-figure=cobots]").inner_text() == str(data["cobots"])
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("script").count() == 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"report_{example}_{lang}.png"), full_page=False)
    finally:
        page.close()


def test_hostile_names_are_text(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A task named <script>alert(1)</script> is shown as text, and nothing runs or loads."""
    hostile = (
        '<script>alert(1)</script><img src="https://example.invalid/x.png" onerror="alert(2)">'
    )
    model = tmp_path / "m.yaml"
    model.write_text(
        MINIMAL.replace("name: Task A", f"name: '{hostile}'").replace(
            "company: {name: Test BV", "company: {name: '<b>Bold</b> BV'"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("analyze", str(model), "--out", str(out), "--time-limit", "1")
    assert result.returncode == 0, result.stderr
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    page, requests, _, dialogs = _open(browser, out / "report.html")
    try:
        assert dialogs == []
        assert len(requests) == 1
        assert page.locator("script").count() == 0 and page.locator("img").count() == 0
        assert "<script>alert(1)</script>" in page.locator("main").inner_text()
        assert "<b>Bold</b> BV" in page.locator("h1").inner_text()
    finally:
        page.close()


def test_pdf_pages(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--pdf writes an A4 PDF whose text has the answer, the sections and page numbers."""
    result = run_cli(
        "analyze", str(EXAMPLES[2]), "--out", str(tmp_path), "--time-limit", "2", "--pdf"
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "report.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 4
    assert "(A4)" in info
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Met deze veranderingen kunt u" in text
    for heading in ("Het antwoord", "Nieuwe banen", "Aannames en methode", "Kanttekeningen"):
        assert heading in text
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text


def test_comparison_report_in_chromium(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The comparison report: no request, no script, axe finds nothing."""
    from axe_playwright_python.sync_playwright import Axe

    result = run_cli(
        "compare", str(EXAMPLES[1]), "--out", str(tmp_path), "--time-limit", "1", "--draws", "20"
    )
    assert result.returncode == 0, result.stderr
    page, requests, console, _ = _open(browser, tmp_path / "comparison.html")
    try:
        assert len(requests) == 1 and not [c for c in console if "Content Security Policy" in c]
        axe = Axe().run(page)
        assert axe.violations_count == 0, axe.generate_report()
        assert page.locator("tbody tr").count() == 3 + len(read_process(EXAMPLES[1]).scenarios)
    finally:
        page.close()
