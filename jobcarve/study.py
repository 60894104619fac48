"""One study of a process: the pipeline from a model to every output, in one place.

``study(process)`` runs the analysis, the plan (pool carving), the line balance (for a
process of kind ``line``), the business case and the Monte Carlo ranges, and returns a
`Study`. The study builds analysis.json (`Study.document`, the one place it is
assembled), the HTML report, the PDF and the plan workbook, and writes them all or none
(`Study.write`). The ``analyze`` command is this module plus argument parsing; ``compare``
runs `study` once per scenario (`jobcarve.scenarios`)::

    import jobcarve
    s = jobcarve.study(jobcarve.read_process("examples/cnc_job_shop.yaml"))
    s.write("out/cnc_job_shop")          # analysis.json and report.html, as the CLI writes
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from jobcarve.analysis import analyze
from jobcarve.carving import CarvingOptions, line_plan, plan
from jobcarve.carving.line import LineSolution
from jobcarve.carving.plan import Plan
from jobcarve.carving.status import SolveStatus
from jobcarve.catalog import Catalogs, load_catalogs
from jobcarve.economics import BusinessCase, Rates, business_case, plan_figures, rates
from jobcarve.exceptions import JobcarveError, OutputError, UsageError
from jobcarve.model import ProcessModel
from jobcarve.output import check_output_folder, dumps_json, generated_at, write_all_atomic
from jobcarve.results import Analysis
from jobcarve.uncertainty import Uncertainty, monte_carlo

#: The file every study writes, and the ones written when asked.
ANALYSIS_JSON, REPORT_HTML, REPORT_PDF, PLAN_XLSX = (
    "analysis.json",
    "report.html",
    "report.pdf",
    "plan.xlsx",
)
#: A run writing into a folder holds this file there (two runs never mix their outputs).
LOCK_NAME = ".jobcarve.lock"


class Progress(Protocol):
    """Where a study announces its phases (`jobcarve.progress.Phases` is one)."""

    def __call__(self, name: str, *, spinner: bool = True) -> None: ...

    def line(self, text: str) -> None: ...


class _Silent:
    def __call__(self, name: str, *, spinner: bool = True) -> None:
        return None

    def line(self, text: str) -> None:
        return None


def output_names(*, pdf: bool = False, xlsx: bool = False) -> list[str]:
    """The files `Study.write` writes with these options."""
    return [ANALYSIS_JSON, REPORT_HTML] + [REPORT_PDF] * pdf + [PLAN_XLSX] * xlsx


@dataclass(frozen=True)
class Study:
    """The results of one study and every output made from them.

    ``plan``, ``case`` and ``spread`` are None without a plan (``study(..., plan=False)``);
    ``line`` is None unless the process is a paced line. An ``interrupted`` study (Ctrl-C
    during the solve) holds the best plan so far and nothing after it; it writes nothing.
    """

    process: ProcessModel
    analysis: Analysis
    plan: Plan | None
    line: LineSolution | None
    case: BusinessCase | None
    spread: Uncertainty | None
    model_name: str
    generated_at: datetime
    version: str
    interrupted: bool = False
    meta: dict[str, Any] = field(default_factory=dict)
    #: the catalogues the study used (the report reads the same ones)
    catalogs: Catalogs | None = field(default=None, repr=False)

    @property
    def language(self) -> str:
        """The model's report language (``options.language``)."""
        return self.process.options.language

    def document(self) -> dict[str, Any]:
        """analysis.json as plain data: analysis, plan, line, business case, ranges, meta."""
        from jobcarve.report import analysis_document

        return analysis_document(
            self.analysis,
            self.plan,
            {
                "jobcarve": self.version,
                "model": self.model_name,
                "generated_at": self.generated_at.isoformat(timespec="seconds"),
                **self.meta,
            },
            self.line,
            case=self.case,
            spread=self.spread,
        )

    def html(self, lang: str | None = None, template_dir: str | Path | None = None) -> str:
        """report.html as text, in ``lang`` (default: the model's language)."""
        from jobcarve.report import render_report

        if template_dir is not None and not Path(template_dir).is_dir():
            raise UsageError(f"--template-dir {template_dir} is not a folder")
        return render_report(
            self.process,
            self.analysis,
            self.plan,
            lang=_language(lang, self.language),
            line=self.line,
            template_dir=template_dir,
            generated_at=self.generated_at,
            version=self.version,
            case=self.case,
            spread=self.spread,
            catalogs=self.catalogs,
        )

    def workbook(self, lang: str | None = None) -> bytes:
        """plan.xlsx for advisers: tasks with verdicts and reasons, jobs, cobots, figures."""
        from jobcarve.spreadsheet import plan_workbook_bytes

        return plan_workbook_bytes(
            self.process, self.analysis, self.plan, _language(lang, self.language), self.case
        )

    def outputs(
        self,
        *,
        lang: str | None = None,
        pdf: bool = False,
        xlsx: bool = False,
        template_dir: str | Path | None = None,
        progress: Progress | None = None,
    ) -> dict[str, str | bytes]:
        """Every output by file name (see `output_names`), made in memory."""
        phase = progress or _Silent()
        if self.interrupted:
            raise JobcarveError("the study was interrupted: it has no outputs")
        phase("report")
        html = self.html(lang, template_dir)
        files: dict[str, str | bytes] = {
            ANALYSIS_JSON: dumps_json(self.document()),
            REPORT_HTML: html,
        }
        if pdf:
            from jobcarve.report.pdf import pdf_bytes

            phase("PDF (Chromium)")
            files[REPORT_PDF] = pdf_bytes(html)
        if xlsx:
            files[PLAN_XLSX] = self.workbook(lang)
        return files

    def write(
        self,
        out: str | Path,
        *,
        lang: str | None = None,
        pdf: bool = False,
        xlsx: bool = False,
        template_dir: str | Path | None = None,
        progress: Progress | None = None,
        lock: bool = True,
    ) -> list[Path]:
        """Write the outputs into folder ``out``, all or nothing; return the paths.

        Another run writing into the same folder at the same time is refused (see
        `output_lock`; ``lock=False`` when the caller holds it already); every output is
        complete before any is replaced, so a failed run leaves the earlier set as it was.
        """
        folder = Path(out)
        check_output_folder(folder, output_names(pdf=pdf, xlsx=xlsx))
        with output_lock(folder) if lock else nullcontext(folder):
            files = self.outputs(
                lang=lang, pdf=pdf, xlsx=xlsx, template_dir=template_dir, progress=progress
            )
            (progress or _Silent())("writing")
            return write_all_atomic({folder / name: data for name, data in files.items()})

    def summary_text(self) -> list[str]:
        """The lines the ``analyze`` command prints (English counting words)."""
        summary = self.analysis.summary()
        labels = summary["cobot_labels"]
        lines = [
            f"{_count(summary['tasks'], 'task')} -> {_count(summary['units'], 'unit')} "
            f"({_count(summary['split_tasks'], 'task')} split); "
            f"cobot: {labels['candidate']} candidate, {labels['assist']} assist, "
            f"{labels['guarded_cell']} guarded cell, {labels['human']} human"
        ]
        for pid, counts in summary["fit_by_profile"].items():
            lines.append(
                f"  {pid}: {counts['fits']} fit, {counts['fits_with_support']} with support, "
                f"{counts['needs_split']} after split, {counts['not_accessible']} not accessible"
            )
        if self.plan is not None:
            f = self.plan.figures()
            bound = f.bound_carved_hours_per_week
            gap = (
                ""
                if f.status == SolveStatus.OPTIMAL
                else (
                    f", carved hours at most {bound:.1f} (gap {f.gap:.0%})"
                    if bound is not None
                    else ", no bound on the carved hours known (the solver found no plan in its time)"
                )
            )
            lines.append(
                f"plan: {_count(f.extra_workers, 'extra worker')} ({f.extra_fte:.2f} FTE, "
                f"{f.carved_hours_per_week:.1f} h/week = {f.banenafspraak_jobs:.1f} banenafspraak jobs), "
                f"{f.released_hours_per_week:.1f} h/week freed from today's staff, "
                f"{f.skilled_hours_freed_per_week:.1f} of them in hard-to-fill roles, "
                f"{_count(f.cobots, 'cobot')}; {f.status}{gap}"
            )
            if self.plan.trials:
                trials = "; ".join(
                    f"{p}: {', '.join(units)}" for p, units in self.plan.trials.items()
                )
                lines.append(
                    f"not counted, to try out first (many gaps closed by supports): {trials}"
                )
            if self.plan.larger_than_room:
                lines.append(
                    "fits a profile but stays with its role, larger than the role may give up: "
                    + ", ".join(self.plan.larger_than_room)
                )
            if f.displacement_hours > 0:
                lines.append(
                    f"displacement: {f.displacement_hours:.1f} h/week of today's staff's work "
                    "has no declared use (--allow-displacement)"
                )
        if self.line is not None and not self.line.stations:
            why = self.line.stats.get("no_line") or {}
            detail = self.line.reason
            if why.get("kind") == "too_long":
                slow = ", ".join(f"{u} ({s:g} s)" for u, s in why["units"][:3])
                detail = f"no worker or cobot does {slow} within the takt"
            elif why.get("kind") == "too_few":
                detail = (
                    f"the work needs at least {why['stations']} stations, "
                    f"{why['workers']} workers may staff one"
                )
            lines.append(
                f"line at takt {self.process.planning.takt_s:g} s: no line "
                f"({self.line.status}: {detail})"
            )
        elif self.line is not None:
            lines.append(
                f"line at takt {self.process.planning.takt_s:g} s: {len(self.line.stations)} "
                f"stations, {self.line.target_group_workers} from the target group, "
                f"cycle {self.line.cycle_time * 0.1:.1f} s; {self.line.status}"
            )
        return lines


def study(
    process: ProcessModel,
    options: CarvingOptions | None = None,
    *,
    catalogs: Catalogs | None = None,
    with_plan: bool = True,
    with_line: bool = True,
    draws: int | None = None,
    evaluate_proposals: bool = True,
    economic_rates: Rates | None = None,
    model_name: str | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
    **overrides: float | int | None,
) -> Study:
    """Analyse and plan a process, with its business case and ranges (see the module doc).

    ``options`` (or the same names as keywords: ``time_limit_s``, ``seed``, ``workers``,
    ``min_job_hours``, ``max_cobots``, ``allow_displacement``, ...) override the model's
    ``options:``, which override the sourced defaults; an unknown name is a `UsageError`.
    ``with_line=False`` skips the line balance of a process of kind ``line``.
    ``draws`` is the number of Monte Carlo draws (default: the model's, then 200).
    ``evaluate_proposals`` re-plans each split proposal as if confirmed (the report says
    what it adds). ``model_name`` is recorded in analysis.json (default: the file name).
    """
    from jobcarve import __version__

    phase = progress or _Silent()
    chosen = (options or CarvingOptions()).replace(**overrides)
    cats = catalogs if catalogs is not None else load_catalogs()
    name = model_name or (Path(process.source.file).name if process.source is not None else "")
    stamp = now or generated_at()
    phase("analysis")
    result = analyze(process, cats)
    base = Study(process, result, None, None, None, None, name, stamp, __version__, catalogs=cats)
    if not with_plan:
        return base
    phase("plan: building the model and solving (--time-limit)", spinner=False)
    the_plan = plan(
        process,
        result,
        catalogs=cats,
        progress=phase.line if progress is not None else None,
        evaluate_proposals=evaluate_proposals,
        options=chosen,
    )
    if the_plan.interrupted:
        return dataclasses.replace(base, plan=the_plan, interrupted=True)
    line = None
    if with_line and process.process.kind == "line":
        phase("line balancing")
        # the line takes the cobots of the plan and no others (an adviser's reading of the
        # assembly example: a line with two cells beside a plan that advised none)
        line = line_plan(
            process,
            result,
            catalogs=cats,
            options=chosen.replace(max_cobots=len(the_plan.cobots)),
            cobot_units=the_plan.cobot_units,
        )
    phase("business case and Monte Carlo draws (--draws)")
    case, spread = business(
        process,
        result,
        the_plan,
        catalogs=cats,
        r=economic_rates,
        draws=draws,
        seed=chosen.seed,
        progress=progress,
    )
    return dataclasses.replace(base, plan=the_plan, line=line, case=case, spread=spread)


def business(
    process: ProcessModel,
    analysis: Analysis,
    the_plan: Plan,
    *,
    catalogs: Catalogs | None = None,
    r: Rates | None = None,
    draws: int | None = None,
    seed: int | None = None,
    progress: Progress | None = None,
) -> tuple[BusinessCase, Uncertainty]:
    """The business case of a plan and its Monte Carlo ranges (one rule for both commands)."""
    r = r if r is not None else rates(process, catalogs)
    case = business_case(process, plan_figures(process, analysis, the_plan), r)
    emit = progress.line if progress is not None else None
    spread = monte_carlo(process, the_plan, draws=draws, seed=seed, r=r, progress=emit)
    return case, spread


@contextmanager
def output_lock(folder: Path) -> Iterator[Path]:
    """Hold ``folder``/.jobcarve.lock for a run; another run holding it is refused.

    Two runs writing into one folder could leave one run's analysis.json next to the
    other's report.html; the second run is refused at once instead (exit 2). The lock
    file is created exclusively (``O_EXCL``) and names the process that holds it; a lock
    left by a run that no longer exists (killed with SIGKILL) is taken over. A folder the
    lock had to create is removed again when the run leaves it empty.
    """
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # e.g. under /proc, where even root cannot make a folder
        raise OutputError(f"cannot write {folder}: {exc.strerror or exc}") from None
    lock = folder / LOCK_NAME
    try:
        for _ in range(2):
            try:
                fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = _holder(lock)
                if holder is None or _alive(holder):
                    raise UsageError(
                        f"--out {folder} is in use by another jobcarve run"
                        + (f" (process {holder})" if holder is not None else "")
                        + f"; wait for it or use another folder (its lock: {lock})"
                    ) from None
                lock.unlink(missing_ok=True)  # stale: the run that held it is gone
                continue
            except OSError as exc:
                raise OutputError(f"cannot write {folder}: {exc.strerror or exc}") from None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
            break
        else:  # pragma: no cover - two runs took over one stale lock at the same moment
            raise UsageError(f"--out {folder} is in use by another jobcarve run")
    except BaseException:
        if created:
            _remove_if_empty(folder)
        raise
    try:
        yield lock
    finally:
        lock.unlink(missing_ok=True)
        if created:
            _remove_if_empty(folder)


def _remove_if_empty(folder: Path) -> None:
    with suppress(OSError):
        folder.rmdir()


def _holder(lock: Path) -> int | None:
    try:
        return int(lock.read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _language(lang: str | None, default: str) -> str:
    if lang is not None and lang not in ("nl", "en"):
        raise UsageError(f"unknown language {lang!r}: use nl or en")
    return lang or default


def _count(n: int, word: str) -> str:
    """ "1 task", "2 tasks" (English counting words on the command line)."""
    return f"{n} {word if n == 1 else word + 's'}"
