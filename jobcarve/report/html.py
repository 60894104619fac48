"""HTML reports: one Jinja2 environment (autoescape, StrictUndefined, gettext), one file.

The report is self-contained: CSS inline with a hash in a strict Content-Security-Policy,
charts as inline SVG, no scripts, no external requests.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from jobcarve.report.context import ReportContext
from jobcarve.report.i18n import translations
from jobcarve.resources import data_dir

ENTRY = "report.html.j2"


def environment(lang: str, template_dir: str | Path | None = None) -> jinja2.Environment:
    """The report environment: a user template folder (if any) before the shipped one."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(data_dir("reports/templates"))))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


def content_security_policy(css: str) -> str:
    """Nothing may load or run; only the report's own stylesheet (by hash) applies."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src data:; font-src 'none'; script-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def stylesheet(template_dir: str | Path | None = None) -> str:
    """The shipped stylesheet, with a template folder's ``style.css`` added after it.

    An adviser's stylesheet overrides rules by coming later; it does not replace the
    shipped one (which holds the layout, the chart colours and the print rules).
    """
    css = (data_dir("reports/templates") / "style.css").read_text(encoding="utf-8")
    if template_dir is not None:
        extra = Path(template_dir) / "style.css"
        if extra.is_file():
            css += "\n/* template folder: style.css */\n" + extra.read_text(encoding="utf-8")
    return css


def render_html(ctx: ReportContext, template_dir: str | Path | None = None) -> str:
    """The report as one HTML document."""
    env = environment(ctx.lang, template_dir)
    css = stylesheet(template_dir)
    template = env.get_template(ENTRY)
    # the stylesheet is the report's own (shipped or the adviser's template folder) and is
    # raw text inside <style>, where entities are not decoded: it must not be escaped
    return template.render(ctx=ctx, css=markupsafe.Markup(css), csp=content_security_policy(css))


def now() -> datetime:
    """The time a report is made (tests pin it)."""
    return datetime.now()


def render_comparison_html(ctx: Any, template_dir: str | Path | None = None) -> str:
    """The comparison report as one HTML document."""
    env = environment(ctx.lang, template_dir)
    css = stylesheet(template_dir)
    template = env.get_template("comparison.html.j2")
    return template.render(ctx=ctx, css=markupsafe.Markup(css), csp=content_security_policy(css))
