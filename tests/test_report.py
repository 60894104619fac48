"""The report's view model (golden files), its catalogues and its template mechanics."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import jinja2
import pytest

from jobcarve import analyze, read_process
from jobcarve.report import render_report
from jobcarve.report.context import build_context
from jobcarve.report.html import content_security_policy, environment
from jobcarve.report.i18n import extract_messages, read_catalog, translations
from tests.conftest import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "golden"
ACTUAL = ROOT / "tests" / "actual"
PINNED = datetime(2026, 11, 26, 12, 0)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_view_model_golden(path: Path, lang: str) -> None:
    """The view model of each example (analysis only, pinned date) equals its golden file."""
    process = read_process(path)
    ctx = build_context(
        process,
        analyze(process),
        None,
        lang,
        translations(lang).gettext,
        generated_at=PINNED,
        version="0.0.0",
    )
    actual = json.dumps(ctx.to_dict(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    golden = GOLDEN / f"context_{path.stem}_{lang}.json"
    if os.environ.get("JOBCARVE_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual != expected:
        ACTUAL.mkdir(parents=True, exist_ok=True)
        (ACTUAL / golden.name).write_text(actual, encoding="utf-8")
    assert actual == expected, (
        f"view model changed; see tests/actual/{golden.name} (JOBCARVE_UPDATE_GOLDEN=1 to accept)"
    )


def test_catalogues_complete() -> None:
    """Every string of the templates and view model is translated in both catalogues, none unused."""
    used = set(extract_messages())
    for lang in ("nl", "en"):
        catalog = read_catalog(lang)
        ids = {m.id for m in catalog if m.id}
        assert used == ids, (lang, sorted(used ^ ids))
        empty = [m.id for m in catalog if m.id and not m.string]
        assert not empty, (lang, empty)


def test_dutch_and_english_differ_and_format_numbers() -> None:
    """The same report in Dutch and English: own words, own number notation."""
    process = read_process(EXAMPLES[1])
    analysis = analyze(process)
    nl = render_report(process, analysis, None, lang="nl", generated_at=PINNED)
    en = render_report(process, analysis, None, lang="en", generated_at=PINNED)
    assert '<html lang="nl">' in nl and "Het antwoord" in nl and "26 november 2026" in nl
    assert '<html lang="en">' in en and "The answer" in en and "26 November 2026" in en
    assert "33,8" in nl and "33.8" in en  # CNC operator hours, decimal comma vs point


def test_strict_undefined_and_autoescape() -> None:
    """Templates fail on undefined variables and escape everything they print."""
    env = environment("en")
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nothing.here }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_csp_is_strict() -> None:
    """The policy allows no scripts and no external loads; only the report's own style by hash."""
    csp = content_security_policy("body { color: black; }")
    assert "default-src 'none'" in csp and "script-src 'none'" in csp
    assert "'unsafe-inline'" not in csp and "sha256-" in csp


def test_template_dir_overrides_blocks(tmp_path: Path) -> None:
    """A user's report.html.j2 can replace blocks of the shipped base layout."""
    (tmp_path / "report.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block caveats %}<section id="caveats" aria-labelledby="c"><h2 id="c">Ours</h2></section>{% endblock %}',
        encoding="utf-8",
    )
    process = read_process(EXAMPLES[2])
    html = render_report(
        process, analyze(process), None, lang="en", generated_at=PINNED, template_dir=tmp_path
    )
    assert '<h2 id="c">Ours</h2>' in html and "risk assessment" not in html
    assert "The answer" in html
