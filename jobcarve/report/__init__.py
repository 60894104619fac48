"""Reports: analysis.json, the HTML report (NL/EN) and its PDF."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jobcarve.report.document import analysis_document

if TYPE_CHECKING:
    from jobcarve.carving.line import LineSolution
    from jobcarve.carving.plan import Plan
    from jobcarve.catalog import Catalogs
    from jobcarve.economics import BusinessCase
    from jobcarve.model import ProcessModel
    from jobcarve.results import Analysis
    from jobcarve.uncertainty import Uncertainty

__all__ = ["analysis_document", "render_report"]


def render_report(
    process: ProcessModel,
    analysis: Analysis,
    plan: Plan | None,
    *,
    lang: str = "nl",
    generated_at: datetime | None = None,
    version: str | None = None,
    line: LineSolution | None = None,
    template_dir: str | Path | None = None,
    case: BusinessCase | None = None,
    spread: Uncertainty | None = None,
    catalogs: Catalogs | None = None,
) -> str:
    """The HTML report as text (`jobcarve.study.Study.write` writes it with the other outputs)."""
    from jobcarve import __version__
    from jobcarve.output import generated_at as clock
    from jobcarve.report.context import build_context
    from jobcarve.report.html import render_html
    from jobcarve.report.i18n import translations

    ctx = build_context(
        process,
        analysis,
        plan,
        lang,
        translations(lang).gettext,
        generated_at=generated_at or clock(),
        version=version or __version__,
        line=line,
        case=case,
        spread=spread,
        catalogs=catalogs,
    )
    return render_html(ctx, template_dir)
