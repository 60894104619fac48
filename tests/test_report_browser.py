"""The HTML report in a real browser: no requests, nothing runs, accessible, right figures."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jobcarve import read_process
from jobcarve.study import Study
from tests.conftest import EXAMPLES, MINIMAL, ROOT, run_cli, write_examples
from tests.test_report import expected_headline

ARTIFACTS = ROOT / "tests" / "actual"


@pytest.fixture(scope="module")
def reports(
    example_studies: dict[str, Study], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Path]:
    """Reports (HTML, JSON, PDF) of every example in both languages (short solver time)."""
    return write_examples(example_studies, tmp_path_factory, pdf=True)


def _open(browser, html: Path, width: int = 1280, height: int = 900):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    console: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append(m.text))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(html.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, requests, console, dialogs


def _in_first_viewport(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_report_in_chromium(browser, reports, example: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """No request, no CSP violation, axe finds nothing; the first screen at 1280x900 shows the
    workers, the net effect, the payback and the advice, as analysis.json has them; a phone
    needs no sideways scrolling. Screenshots go to tests/actual/ for review."""
    from axe_playwright_python.sync_playwright import Axe

    folder = reports[example, lang]
    doc = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
    page, requests, console, _ = _open(browser, folder / "report.html")
    try:
        assert requests == [(folder / "report.html").resolve().as_uri()]
        assert not [c for c in console if "Content Security Policy" in c], console
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()
        for name, value in expected_headline(doc, lang).items():
            shown = " ".join(page.locator(f"[data-figure={name}]").first.inner_text().split())
            assert shown == value, (name, shown, value)
        for name in ("extra-workers-count", "extra-fte", "net", "payback", "verdict"):
            assert _in_first_viewport(page, f"[data-figure={name}]"), name
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("script").count() == 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"report_{example}_{lang}_1280.png"))
    finally:
        page.close()
    phone, _r, _c, _d = _open(browser, folder / "report.html", 390, 844)
    try:
        assert phone.evaluate("document.documentElement.scrollWidth") <= 391
        assert Axe().run(phone).violations_count == 0
        phone.screenshot(path=str(ARTIFACTS / f"report_{example}_{lang}_390.png"))
    finally:
        phone.close()


def _pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text in reading order (a tile's wrapped words stay together)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    text = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_pdf_headline_and_pages(reports, example: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The PDF: a cover with the contents, the answer page with the headline figures of
    analysis.json, page numbers; its pages are written as PNG for review."""
    folder = reports[example, lang]
    pdf = folder / "report.pdf"
    doc = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "(A4)" in info and pages >= 6
    cover = _pdf_text(pdf, 1, 1)
    assert ("Adviesrapport" if lang == "nl" else "Advice report").upper() in cover.upper()
    assert ("Inhoud" if lang == "nl" else "Contents") in cover
    answer = _pdf_text(pdf, 2, 2)
    for name, value in expected_headline(doc, lang).items():
        assert " ".join(value.split()) in answer, (name, value)
    text = _pdf_text(pdf)
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text
    # no page ends on a section heading (the heading goes to the page of its text)
    page_html = (folder / "report.html").read_text(encoding="utf-8")
    headings = {" ".join(h.split()) for h in re.findall(r"<h2 [^>]*>([^<]+)</h2>", page_html)}
    for number in range(2, pages + 1):
        lines = [
            " ".join(line.split())
            for line in subprocess.run(
                ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.splitlines()
            if line.strip() and not re.fullmatch(r"\s*\d+ / \d+\s*", line)
        ]
        assert lines and lines[-1] not in headings, (number, lines[-1])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / f"pdf_{example}_{lang}"
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(prefix)], check=True)


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


def test_emoji_in_names_print_in_the_pdf(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Red-team L6: an emoji in a task name prints with the colour emoji font (installed by
    the Makefile and CI), not as an empty box. Chromium embeds colour emoji glyphs as a
    Type 3 font, which the same report without the emoji does not have."""
    del browser  # the fixture makes the test fail in CI (skip elsewhere) without Chromium
    fc_list = shutil.which("fc-list")
    fonts_installed = (
        subprocess.run([fc_list], capture_output=True, text=True).stdout if fc_list else ""
    )
    if "noto color emoji" not in fonts_installed.lower():
        if os.environ.get("CI"):
            pytest.fail("CI must install fonts-noto-color-emoji (.ci/run does)")
        pytest.skip("the emoji font is not installed (apt-get install fonts-noto-color-emoji)")

    def fonts(name: str) -> str:
        folder = tmp_path / str(len(name))
        model = folder / "m.yaml"
        folder.mkdir()
        model.write_text(MINIMAL.replace("name: Task A", f"name: '{name}'"), encoding="utf-8")
        out = folder / "out"
        result = run_cli("analyze", str(model), "--out", str(out), "--time-limit", "1", "--pdf")
        assert result.returncode == 0, result.stderr
        listed = subprocess.run(
            ["pdffonts", str(out / "report.pdf")], capture_output=True, text=True, check=True
        )
        return listed.stdout.lower()

    assert "type 3" not in fonts("Dozen vouwen")
    assert "type 3" in fonts("Dozen vouwen \U0001f4e6")


def test_comparison_report_in_chromium(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The comparison report: no request, no script, axe finds nothing; at 1280 px the net
    effect and payback of every scenario are in view without scrolling sideways, and the
    charts of what differs fit a phone."""
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
        region = page.locator(".scroll").first
        assert region.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        for cell in page.locator("[data-figure=net], [data-figure=payback]").all():
            box = cell.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 1280
        assert page.locator("figure.chart svg").count() == 3
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "comparison_1280.png"), full_page=True)
    finally:
        page.close()
    phone, _r, _c, _d = _open(browser, tmp_path / "comparison.html", 390, 844)
    try:
        assert phone.evaluate("document.documentElement.scrollWidth") <= 391
        for svg in phone.locator("figure.chart svg").all():
            box = svg.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 391
        assert Axe().run(phone).violations_count == 0
        phone.screenshot(path=str(ARTIFACTS / "comparison_390.png"), full_page=True)
    finally:
        phone.close()
