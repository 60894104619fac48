"""PDF from the HTML report through headless Chromium (Playwright driving the system browser).

Chromium is the same engine the report is tested in. It is found at $CHROMIUM_PATH or as
``chromium`` on the PATH; no browser is downloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from jobcarve.exceptions import JobcarveError, UsageError

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


def check_pdf_ready() -> str:
    """Both things --pdf needs, checked before any work: playwright and Chromium."""
    import importlib.util

    if importlib.util.find_spec("playwright") is None:
        raise UsageError(
            "--pdf needs the Python package playwright as well as Chromium: "
            "pip install 'jobcarve[browser]' (and, on Debian, apt-get install chromium)"
        )
    try:
        return chromium_path()
    except JobcarveError as exc:
        raise UsageError(str(exc)) from None


def pdf_bytes(html: str) -> bytes:
    """Print an HTML document to an A4 PDF with page numbers.

    Playwright's sync API refuses to run where an asyncio loop runs (a Jupyter notebook, or
    a caller that drives its own browser): there the printing runs in a worker thread. The
    command line has no loop, so its printing stays in the main thread, where signals arrive.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _print_pdf(html)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="jobcarve-pdf") as pool:
        return pool.submit(_print_pdf, html).result()


def _print_pdf(html: str) -> bytes:
    """`pdf_bytes` in the calling thread.

    An interrupt (Ctrl-C, or SIGTERM, which the command line turns into one) while the
    browser prints ends as `KeyboardInterrupt`, not as the driver's "connection closed"
    error that follows when the browser's process group got the signal too.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise JobcarveError(
            "--pdf needs the Python package playwright (pip install 'jobcarve[browser]')"
        ) from exc
    executable = chromium_path()
    interrupted = False
    try:
        with _quiet_driver(sync_playwright()) as p:
            browser = p.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
            try:
                page = browser.new_page()
                page.set_content(html, wait_until="load")
                data: bytes = page.pdf(
                    format="A4",
                    print_background=True,
                    display_header_footer=True,
                    header_template=HEADER,
                    footer_template=FOOTER,
                    margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                )
                return data
            except KeyboardInterrupt:
                interrupted = True
                raise
            finally:
                with contextlib.suppress(Exception):
                    browser.close()
    except KeyboardInterrupt:
        _silence_abandoned_futures()
        raise
    except Exception:
        if interrupted or _INTERRUPTS.seen:
            _silence_abandoned_futures()
            raise KeyboardInterrupt from None
        raise


def _silence_abandoned_futures() -> None:
    """After an interrupt the driver's pending replies end as 'Future exception was never
    retrieved' log lines at exit; they say nothing the 'interrupted' message does not."""
    import logging

    logging.getLogger("asyncio").setLevel(logging.CRITICAL)


@contextlib.contextmanager
def _quiet_driver(manager: Any) -> Iterator[Any]:
    """Start Playwright's driver with its stderr on /dev/null, then restore ours.

    The driver (Node.js) inherits stderr when it starts; when the run is interrupted it
    would print a Node stack trace ("write EPIPE") there. Its real errors still reach us as
    Python exceptions.
    """
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        started = manager.__enter__()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
    try:
        yield started
    except BaseException as exc:
        if not manager.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        manager.__exit__(None, None, None)


class _Interrupts:
    """Whether an interrupt arrived (set by the command line's signal handler)."""

    seen = False


_INTERRUPTS = _Interrupts()


def note_interrupt() -> None:
    """Record that the run is being interrupted (browser errors then mean that)."""
    _INTERRUPTS.seen = True
