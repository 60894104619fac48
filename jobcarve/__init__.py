"""jobcarve: plan inclusive factory jobs.

Model a process once, then ask which tasks fit which worker profiles, how complex tasks
split into simpler units, which units a cobot can take over, and which new jobs arise.

Public API::

    import jobcarve
    process = jobcarve.read_process("examples/cnc_job_shop.yaml")
    graph = jobcarve.build_task_graph(process)
    summary = jobcarve.summarize(process)
    analysis = jobcarve.analyze(process)    # fit, split, cobot verdicts with reasons
    best = jobcarve.plan(process, analysis) # carved jobs and cobots (CP-SAT)
    study = jobcarve.study(process)         # the whole `jobcarve analyze` pipeline
    study.write("out")                      # analysis.json, report.html (as the command)
"""

from jobcarve.analysis import analyze
from jobcarve.carving import Plan, plan
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.exceptions import (
    InputError,
    JobcarveError,
    JobcarveWarning,
    NoSolutionError,
    Problem,
    UsageError,
)
from jobcarve.graph import (
    GraphSummary,
    RoleLoad,
    build_task_graph,
    critical_path,
    summarize,
    task_hours_per_week,
)
from jobcarve.model import DIMENSIONS, FORMAT_VERSION, ProcessModel
from jobcarve.read import parse_process, read_process
from jobcarve.results import Analysis
from jobcarve.study import Study, study
from jobcarve.yamlsource import Limits

__version__ = "0.1.0"

__all__ = [
    "DIMENSIONS",
    "FORMAT_VERSION",
    "Analysis",
    "Catalogs",
    "GraphSummary",
    "InputError",
    "JobcarveError",
    "JobcarveWarning",
    "Limits",
    "NoSolutionError",
    "Plan",
    "Problem",
    "ProcessModel",
    "RoleLoad",
    "Study",
    "UsageError",
    "__version__",
    "analyze",
    "build_task_graph",
    "critical_path",
    "load_catalogs",
    "parse_process",
    "plan",
    "read_process",
    "study",
    "summarize",
    "task_hours_per_week",
]
