"""Versions of jobcarve and its key dependencies, for ``--version`` and bug reports."""

from __future__ import annotations

import platform
from importlib import metadata

_DEPENDENCIES = ("pydantic", "networkx", "pyyaml", "jinja2", "typer", "ortools", "numba")


def versions() -> dict[str, str]:
    """Installed versions: jobcarve, Python and each key dependency (or 'not installed')."""
    from jobcarve import __version__

    out = {"jobcarve": __version__, "python": platform.python_version()}
    for name in _DEPENDENCIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def versions_line() -> str:
    """One line: ``jobcarve 0.1.0 (python 3.11.7, pydantic 2.9.2, ...)``."""
    v = versions()
    rest = ", ".join(f"{k} {val}" for k, val in v.items() if k != "jobcarve")
    return f"jobcarve {v['jobcarve']} ({rest})"
