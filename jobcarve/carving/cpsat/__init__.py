"""The CP-SAT models: the only place that imports ortools."""

from __future__ import annotations

import signal
import threading


def restore_sigint() -> None:
    """Give Ctrl-C back to Python after a solve.

    With ``catch_sigint_signal`` CP-SAT installs its own SIGINT handler for the search and
    leaves the default action (terminate) behind; without this, a Ctrl-C between two
    solves would kill the process instead of raising KeyboardInterrupt.
    """
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)
