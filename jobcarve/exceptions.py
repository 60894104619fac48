"""Exception and warning hierarchy of jobcarve.

`InputError` covers everything a user can fix in a file (exit code 2 in the CLI);
`NoSolutionError` means a well-formed question has no answer (exit code 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, located as precisely as the input allows.

    Parameters
    ----------
    file
        The file as the user named it.
    line, column
        1-based position, or 0 when the position is unknown (e.g. an empty file).
    path
        Path inside the model, e.g. ``tasks[3].after[0]``; empty for whole-file problems.
    message
        What was expected and what was found, with a hint when one helps.
    """

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        text = f"{self.path}: {self.message}" if self.path else self.message
        return f"{where}: {_one_line(text)}"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str) -> str:
    """Keep a message on one line and free of control characters."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(
        lambda m: " " if m.group() in "\r\n\t" else f"\\u{ord(m.group()):04x}", text
    )


class JobcarveError(Exception):
    """Base class of every error jobcarve raises on purpose."""


class InputError(JobcarveError):
    """An input file (model, catalogue, benchmark instance) is invalid.

    Carries every problem found, so the author can fix them in one go.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(JobcarveError):
    """Options that do not fit together, named by the user on the command line or in Python."""


class OutputError(UsageError):
    """An output cannot be written where the user asked (exit code 2, before any work)."""


class NoSolutionError(JobcarveError):
    """A well-formed question has no answer (e.g. no plan exists)."""


class JobcarveWarning(UserWarning):
    """Something in the input is allowed but probably not what the author meant."""
