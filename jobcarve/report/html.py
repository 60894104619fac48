"""HTML reports: one Jinja2 environment (autoescape, StrictUndefined, gettext), one file.

The report is self-contained: CSS inline with a hash in a strict Content-Security-Policy,
charts as inline SVG, no scripts, no external requests.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
import markupsafe

from jobcarve.exceptions import InputError, Problem
from jobcarve.formatting import join_items
from jobcarve.report.context import ReportContext
from jobcarve.report.i18n import translations
from jobcarve.resources import data_dir

ENTRY = "report.html.j2"
#: the largest template or stylesheet read from a --template-dir folder
MAX_TEMPLATE_BYTES = 1024 * 1024


class FolderLoader(jinja2.BaseLoader):
    """Templates of an adviser's folder: files inside it only, links leaving it refused.

    ``..`` and absolute names are refused by Jinja's path splitting; a symbolic link is
    followed only when its target is inside the folder too, so ``leak.txt -> /etc/passwd``
    plus ``{% include "leak.txt" %}`` does not put another file into a report. Devices and
    pipes are refused and each file is read with a size limit.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.root = self.folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from jobcarve.yamlsource import decode, read_bounded

        pieces = jinja2.loaders.split_template_path(template)
        path = self.folder.joinpath(*pieces)
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        real = path.resolve()
        if not real.is_relative_to(self.root):
            raise InputError(
                [
                    Problem(
                        str(path),
                        0,
                        0,
                        "",
                        f"is a link to {real}, outside the template folder {self.folder}; "
                        "a template folder may only use its own files",
                    )
                ]
            )
        text = decode(read_bounded(path, MAX_TEMPLATE_BYTES, "a template file"), str(path))
        mtime = os.path.getmtime(real)
        return text, str(path), lambda: os.path.getmtime(real) == mtime


def environment(lang: str, template_dir: str | Path | None = None) -> jinja2.Environment:
    """The report environment: a user template folder (if any) before the shipped one.

    With a user folder the environment is Jinja's sandbox: a template can only format the
    report's data, not reach Python internals (``cycler.__init__.__globals__.os``) or run
    commands.
    """
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(FolderLoader(template_dir))
    loaders.append(jinja2.FileSystemLoader(str(data_dir("reports/templates"))))
    kind = jinja2.sandbox.SandboxedEnvironment if template_dir is not None else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["items"] = join_items
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


def stylesheet(
    template_dir: str | Path | None = None, env: jinja2.Environment | None = None
) -> str:
    """The shipped stylesheet, with a template folder's ``style.css`` added after it.

    An adviser's stylesheet overrides rules by coming later; it does not replace the
    shipped one (which holds the layout, the chart colours and the print rules). The
    folder's file is read through the environment's loader (the folder comes first there),
    so the same checks apply as to its templates (no links out, bounded size).
    """
    css = (data_dir("reports/templates") / "style.css").read_text(encoding="utf-8")
    if template_dir is not None and (Path(template_dir) / "style.css").exists():
        env = env if env is not None else environment("en", template_dir)
        assert env.loader is not None
        extra, _, _ = env.loader.get_source(env, "style.css")
        css += "\n/* template folder: style.css */\n" + extra
    return css


def render_html(ctx: ReportContext, template_dir: str | Path | None = None) -> str:
    """The report as one HTML document."""
    return _render(ENTRY, ctx, template_dir)


def _render(entry: str, ctx: Any, template_dir: str | Path | None) -> str:
    env = environment(ctx.lang, template_dir)
    assert env.loader is not None
    try:
        css = stylesheet(template_dir, env)
        template = env.get_template(entry)
        # the stylesheet is the report's own (shipped or the adviser's template folder) and
        # is raw text inside <style>, where entities are not decoded: it must not be escaped
        return template.render(
            ctx=ctx, css=markupsafe.Markup(css), csp=content_security_policy(css)
        )
    except jinja2.TemplateError as exc:
        if template_dir is None:
            raise
        raise _located(exc, template_dir) from None


def _located(exc: jinja2.TemplateError, template_dir: str | Path) -> InputError:
    """A template error as FILE:LINE: message (the file the error is in, when known)."""
    file, line = "", 0
    if isinstance(exc, jinja2.TemplateSyntaxError):
        file, line = exc.filename or exc.name or "", exc.lineno
    else:  # runtime errors: Jinja rewrites the traceback to template files and lines
        tb = exc.__traceback__
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if name.endswith((".j2", ".html", ".css")):
                file, line = name, tb.tb_lineno
            tb = tb.tb_next
    kind = {
        jinja2.TemplateSyntaxError: "template syntax error",
        jinja2.UndefinedError: "undefined in the template",
        jinja2.exceptions.SecurityError: "not allowed in a template (sandbox)",
        jinja2.TemplateNotFound: "template not found",
    }.get(type(exc), "template error")
    where = file or str(template_dir)
    return InputError([Problem(where, line, 1 if line else 0, "", f"{kind}: {exc.message or exc}")])


def render_comparison_html(ctx: Any, template_dir: str | Path | None = None) -> str:
    """The comparison report as one HTML document."""
    return _render("comparison.html.j2", ctx, template_dir)
