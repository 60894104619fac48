"""PDF from the HTML report through headless Chromium (Playwright driving the system browser).

Chromium is the same engine the report is tested in. It is found at $CHROMIUM_PATH or as
``chromium`` on the PATH; no browser is downloaded.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from jobcarve.exceptions import JobcarveError
from jobcarve.output import write_atomic

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HEADER = (
    '<div style="font-size:7px;width:100%;padding:0 14mm;color:#4a525c;text-align:right">'
    '<span class="title"></span></div>'
)
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#4a525c">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def chromium_path() -> str:
    """The Chromium executable, or a clear error if there is none."""
    path = (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not path:
        raise JobcarveError(
            "--pdf needs Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH"
        )
    return path


def pdf_bytes(html: str) -> bytes:
    """Print an HTML document to an A4 PDF with page numbers."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise JobcarveError(
            "--pdf needs the Python package playwright (pip install 'jobcarve[browser]')"
        ) from exc
    executable = chromium_path()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            return page.pdf(
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=HEADER,
                footer_template=FOOTER,
                margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            )
        finally:
            browser.close()


def html_to_pdf(html: Path, pdf: Path) -> Path:
    """Print an HTML file to PDF, written atomically."""
    return write_atomic(pdf, pdf_bytes(html.read_text(encoding="utf-8")))
