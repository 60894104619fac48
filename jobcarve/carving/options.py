"""The carving options a caller may set, typed: each overrides the model's ``options:``.

`CarvingOptions` is what `jobcarve.plan`, `jobcarve.line_plan` and `jobcarve.study` take.
A field left None falls back to the model's ``options:`` and then to the sourced default
(`jobcarve.carving.instance.resolve_options`, the one place that order is kept). A
misspelt name is an error (``CarvingOptions(max_cobot=0)`` raises), and a value outside
the range the model format allows is a `UsageError`, as it is in a model.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from jobcarve.exceptions import UsageError


@dataclass(frozen=True)
class CarvingOptions:
    """Carving constraints and solver settings; None: the model's option or the default."""

    #: fewest hours per week of a carved job
    min_job_hours: float | None = None
    #: fewest kinds of work (tasks) in a carved job
    min_kinds_per_job: int | None = None
    #: most ergonomic load of a carved job (0-4)
    max_job_ergonomic_load: float | None = None
    #: how much more load a job of a profile able to do heavy work may carry
    heavy_work_load_margin: float | None = None
    #: most cobots in the plan
    max_cobots: int | None = None
    #: let the plan take more work from a role than its declared uses absorb
    allow_displacement: bool | None = None
    #: the solver's budget in seconds of deterministic time
    time_limit_s: float | None = None
    #: solver seed
    seed: int | None = None
    #: solver threads
    workers: int | None = None

    def __post_init__(self) -> None:
        from jobcarve.carving.instance import _check_overrides

        _check_overrides(self.overrides())

    @classmethod
    def of(cls, **values: float | int | bool | None) -> CarvingOptions:
        """Options from keyword arguments; an unknown name is a `UsageError` with a suggestion."""
        from jobcarve.yamlsource import suggest

        known = [f.name for f in dataclasses.fields(cls)]
        for name in values:
            if name not in known:
                raise UsageError(
                    f"unknown option {name!r}{suggest(name, known)}; options: {', '.join(known)}"
                )
        return cls(**values)  # type: ignore[arg-type]  # names checked above, values in __post_init__

    def replace(self, **values: float | int | bool | None) -> CarvingOptions:
        """These options with some changed (the names checked as in `of`)."""
        return CarvingOptions.of(**{**dataclasses.asdict(self), **values})

    def overrides(self) -> dict[str, float | int | None]:
        """The options set (not None), by name."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}
