"""The CP-SAT models: the only place that imports ortools."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from types import FrameType, TracebackType
from typing import Any


def restore_sigint() -> None:
    """Give Ctrl-C back to Python after a solve.

    With ``catch_sigint_signal`` CP-SAT installs its own SIGINT handler for the search and
    leaves the default action (terminate) behind; without this, a Ctrl-C between two
    solves would kill the process instead of raising KeyboardInterrupt.
    """
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)


def solve_once(
    model: Any,
    *,
    time_limit_s: float,
    seed: int,
    workers: int,
    deterministic_s: float | None = None,
    progress: list[tuple[float, float]] | None = None,
) -> tuple[Any, Any]:
    """Solve a CP-SAT model once (Ctrl-C stops the search and keeps the best solution).

    ``deterministic_s``: CP-SAT's deterministic time limit (the same work on any machine
    load); `time_limit_s` stays as the wall-clock guard. ``progress``: if given, gets
    (wall seconds, deterministic seconds) since the start for every solution found.
    """
    from ortools.sat.python import cp_model

    class Progress(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            assert progress is not None
            progress.append((self.wall_time, self.deterministic_time))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit_s
    if deterministic_s is not None:
        solver.parameters.max_deterministic_time = deterministic_s
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    solver.parameters.catch_sigint_signal = True
    try:
        status = solver.solve(model, Progress() if progress is not None else None)
    finally:
        restore_sigint()
    return solver, status


class InterruptWatch:
    """Stops running CP-SAT searches on Ctrl-C and remembers that it happened.

    A Python signal handler only runs when the main thread executes Python code, which it
    does not while CP-SAT searches. CPython writes every signal to the "wakeup fd" at once,
    so a helper thread reads it there and calls `stop_search` on the running solver; the
    Python handler only sets the flag. Outside the main thread it does nothing.
    """

    def __init__(self) -> None:
        self.interrupted = False
        self._solver: Any = None
        self._active = False

    def __enter__(self) -> InterruptWatch:
        if threading.current_thread() is not threading.main_thread():
            return self
        self._read, self._write = os.pipe()
        os.set_blocking(self._write, False)
        self._old_fd = signal.set_wakeup_fd(self._write)
        self._old_handler = signal.signal(signal.SIGINT, self._handler)
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        self._active = True
        return self

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        self.interrupted = True

    def _watch(self) -> None:
        while True:
            try:
                data = os.read(self._read, 64)
            except OSError:
                return
            if not data or 255 in data:
                return
            if signal.SIGINT in data or signal.SIGTERM in data:  # the CLI treats both alike
                self.interrupted = True
                solver = self._solver
                if solver is not None:
                    solver.stop_search()

    def attach(self, solver: Any) -> None:
        """The solver to stop on Ctrl-C (the one about to search)."""
        self._solver = solver

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._active:
            return
        signal.set_wakeup_fd(self._old_fd)
        signal.signal(signal.SIGINT, self._old_handler)
        with contextlib.suppress(OSError):
            os.write(self._write, bytes([255]))
        self._thread.join(timeout=2)
        for fd in (self._read, self._write):
            with contextlib.suppress(OSError):
                os.close(fd)
