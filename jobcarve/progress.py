"""Progress of the phases of a run on stderr (``--progress``), through rich.

Each phase that can take more than a second (reading, analysis, the solver stages, the
Monte Carlo draws, the report, the PDF, writing) is announced when it starts and timed
when the next one starts; on a terminal a rich spinner shows the running phase, elsewhere
(logs, CI) plain lines are printed. The solver's own improvement lines go to the same
console.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.status import Status

_RUNNING: set[Status] = set()


def stop_spinners() -> None:
    """Stop every spinner still running (an error or an interrupt ended its phase)."""
    for status in list(_RUNNING):
        status.stop()
        _RUNNING.discard(status)


class Phases:
    """Announce and time the phases of one run; does nothing when not enabled."""

    def __init__(self, enabled: bool, console: Console | None = None) -> None:
        self.enabled = enabled
        self.console = console or Console(stderr=True, highlight=False, markup=False)
        self._name: str | None = None
        self._started = 0.0
        self._first = time.perf_counter()
        self._status: Status | None = None

    def __call__(self, name: str, *, spinner: bool = True) -> None:
        """Start phase `name` (ending the one before)."""
        if not self.enabled:
            return
        self._finish()
        self._name, self._started = name, time.perf_counter()
        if spinner and self.console.is_terminal:
            self._status = self.console.status(f"{name} ...")
            self._status.start()
            _RUNNING.add(self._status)
        else:
            self.console.print(f"progress: {name} ...")

    def line(self, text: str) -> None:
        """A progress line inside a phase (e.g. a better plan found)."""
        if self.enabled:
            self.console.print(text)

    def _finish(self) -> None:
        if self._status is not None:
            self._status.stop()
            _RUNNING.discard(self._status)
            self._status = None
        if self._name is not None:
            took = time.perf_counter() - self._started
            self.console.print(f"progress: {self._name} took {took:.1f} s")
            self._name = None

    def done(self) -> None:
        """End the last phase and print the total."""
        if not self.enabled:
            return
        self._finish()
        self.console.print(f"progress: total {time.perf_counter() - self._first:.1f} s")

    def __enter__(self) -> Phases:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._status is not None:  # never leave a spinner running on an error
            self._status.stop()
            _RUNNING.discard(self._status)
            self._status = None
