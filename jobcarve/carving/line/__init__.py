"""Line balancing: one home for the paced line (ALWABP, SALBP) and line mode.

- `problem`: the line problem and its solution (`LineProblem`, `LineSolution`), checks,
  and `line_problem` (a process of kind ``line`` as a line problem);
- `formats`: readers for published instances (ALWABP, Scholl ``.IN2``, Otto ``.alb``);
- `salbp`: the SALBP-1/2 search; `alwabp`: the ALWABP-2 engine;
- `run`: ``jobcarve balance`` without the command line (which problem, which solver).

The CP-SAT models (`carving/cpsat/line.py`, `carving/cpsat/salbp.py`) and the LP bound
(`carving/cpsat/lp.py`) live with the other OR-Tools models, the one place that imports ortools.
"""

from jobcarve.carving.line.problem import (
    DECISECOND,
    LineProblem,
    LineSolution,
    LineWorker,
    Objective,
    Station,
    line_problem,
    station_loads,
    validate_solution,
)

__all__ = [
    "DECISECOND",
    "LineProblem",
    "LineSolution",
    "LineWorker",
    "Objective",
    "Station",
    "line_problem",
    "station_loads",
    "validate_solution",
]
