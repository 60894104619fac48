"""The ``jobcarve`` command: a thin typer layer over the Python API.

Exit codes: 0 ok, 1 run failure or no feasible answer, 2 invalid input or usage,
130 interrupted. Errors are ``error: ...`` lines on stderr; ``--debug`` shows tracebacks.

The module is long (over 600 lines) for one reason: every command declares each option with
its type, range and help text (typer's ``Annotated`` form, about half the lines). It holds no
domain logic: ``analyze`` is `jobcarve.study`, ``compare`` is `jobcarve.scenarios.compare`,
``balance`` is `jobcarve.carving.line.run`; the commands parse, call and print.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import sys
import threading
from enum import StrEnum
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from jobcarve import __version__
from jobcarve.carving.line import Objective
from jobcarve.catalog import load_catalogs
from jobcarve.exceptions import (
    InputError,
    JobcarveError,
    JobcarveWarning,
    NoSolutionError,
    UsageError,
)
from jobcarve.graph import summarize, workload_warnings
from jobcarve.model import DIMENSIONS, ProcessModel
from jobcarve.output import (
    check_output_file,
    check_output_folder,
    cleanup_temporary_files,
    dumps_json,
    write_all_atomic,
    write_atomic,
)
from jobcarve.read import read_process
from jobcarve.scenarios import Comparison
from jobcarve.versions import versions_line

app = typer.Typer(
    name="jobcarve",
    help="Plan inclusive factory jobs from a process model (YAML).",
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    rich_markup_mode=None,
)
catalog_app = typer.Typer(
    help="Browse the standard task and support catalogues.", no_args_is_help=True
)
app.add_typer(catalog_app, name="catalog")

_STATE = {"debug": False}


class Lang(StrEnum):
    """A report or workbook language."""

    NL = "nl"
    EN = "en"


class LineObjective(StrEnum):
    """What `jobcarve line` optimises."""

    MIN_CYCLE = "min_cycle"
    MIN_STATIONS = "min_stations"
    MAX_TARGET_GROUP = "max_target_group"


_OBJECTIVES: dict[LineObjective, Objective] = {
    LineObjective.MIN_CYCLE: "min_cycle",
    LineObjective.MIN_STATIONS: "min_stations",
    LineObjective.MAX_TARGET_GROUP: "max_target_group",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(versions_line())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show versions and exit."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    """jobcarve: split complex factory work into simpler units and carve inclusive jobs."""
    _STATE["debug"] = debug


def _warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


@app.command()
def validate(
    models: Annotated[
        list[Path],
        typer.Argument(
            help="Process model files (YAML), or folders of them.",
            show_default=False,
            metavar="MODEL",
        ),
    ],
) -> None:
    """Check process models; print every problem as FILE:LINE:COL: path: message.

    A folder stands for the *.yaml files in it. A valid model that `analyze` cannot use yet
    (no profiles, tasks without demands, as after an import) is ok, with a warning per thing
    `analyze` will still need.
    """
    from jobcarve.analysis.run import _check_analysable

    failed: list[InputError] = []
    paths: list[Path] = []
    for path in models:
        if path.is_dir():
            found = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
            if not found:
                raise UsageError(f"{path} is a folder without *.yaml files")
            paths.extend(found)
        else:
            paths.append(path)
    for path in paths:
        try:
            process = read_process(path)
        except InputError as exc:
            failed.append(exc)
            continue
        for warning in workload_warnings(process):
            _warn(f"{path}: {warning}")
        needs: list[str] = []
        try:
            _check_analysable(process)
        except InputError as exc:
            needs = [str(p) for p in exc.problems]
        for need in needs:
            _warn(f"{need} (analyze needs this)")
        still = f"; analyze still needs {len(needs)} fix{'es' if len(needs) != 1 else ''}" * bool(
            needs
        )
        typer.echo(
            f"ok: {path} ({_count(len(process.tasks), 'task')}, "
            f"{_count(len(process.roles), 'role')}, "
            f"{_count(len(process.profiles), 'profile')}){still}"
        )
    if failed:
        raise InputError([p for exc in failed for p in exc.problems])


def _count(n: int, word: str, plural: str | None = None) -> str:
    """ "1 task", "2 tasks" (English counting words on the command line)."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def schema_text() -> str:
    """The JSON Schema of the process model, as text."""
    return json.dumps(ProcessModel.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Print the JSON Schema of the process model, for editor completion and checks."""
    if out is not None:
        check_output_file(out, force=force, label="--out")
    text = schema_text()
    if out is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(out, text)
        typer.echo(f"wrote {out}")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Folder to create the starter model in.")],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing process.yaml.")
    ] = False,
) -> None:
    """Write a commented starter model (process.yaml) that validates."""
    target = folder / "process.yaml"
    check_output_folder(folder, ["process.yaml", "jobcarve-schema.json"], label="folder")
    check_output_file(target, force=force, label="the model")
    text = resources.files("jobcarve").joinpath("starter_model.yaml").read_text(encoding="utf-8")
    write_atomic(folder / "jobcarve-schema.json", schema_text())
    write_atomic(target, text)
    typer.echo(f"wrote {target} and its JSON Schema; check it with: jobcarve validate {target}")


@app.command()
def graph(
    model: Annotated[Path, typer.Argument(help="Process model file (YAML).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Also write DIR/graph.json.")] = None,
) -> None:
    """Workload per task and role, critical path and generations of the task graph."""
    if out is not None:
        check_output_folder(out, ["graph.json"])
    process = read_process(model)
    summary = summarize(process)
    data = summary.to_dict()
    if out is not None:
        write_atomic(out / "graph.json", dumps_json({"format": 1, "model": str(model), **data}))
    if as_json:
        typer.echo(dumps_json(data), nl=False)
        return
    typer.echo(f"{process.company.name} - {process.process.name}")
    typer.echo(
        f"{summary.tasks} tasks ({summary.subtasks} subtasks), {summary.edges} precedence edges, "
        f"{summary.total_hours_per_week:.1f} h/week = {summary.total_fte:.2f} FTE "
        f"at {process.planning.hours_per_fte:g} h/FTE"
    )
    typer.echo("")
    typer.echo(f"{'role':<24} {'people':>6} {'h/week':>8} {'FTE':>6} {'load':>6}  hard to fill")
    for load in summary.roles:
        util = f"{load.utilisation:6.0%}" if load.utilisation is not None else "     -"
        typer.echo(
            f"{load.name[:24]:<24} {load.headcount:>6} {load.hours_per_week:>8.1f} "
            f"{load.fte:>6.2f} {util}  {'yes' if load.hard_to_fill else 'no'}"
        )
    typer.echo("")
    typer.echo(
        f"critical path ({summary.critical_path_s_per_unit:.0f} s per unit): "
        + " -> ".join(summary.critical_path)
    )
    typer.echo(f"generations: {len(summary.generations)}")
    if out is not None:
        typer.echo(f"wrote {out / 'graph.json'}")


@app.command()
def analyze(
    model: Annotated[Path, typer.Argument(help="Process model file (YAML).")],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder for analysis.json, report.html and, when asked, report.pdf and plan.xlsx.",
        ),
    ] = Path("out"),
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            help="The solver's time budget per plan in seconds of deterministic time, not wall "
            "time (default from the model or 20); a plan with cobots is also solved without "
            "them, and one without an advised cobot once more with one cell, each at this "
            "budget; analysis, Monte Carlo draws and reports come on top.",
            min=0.01,
            max=86400,
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="Solver seed (default options.seed).", min=0, max=2**31 - 1),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Solver threads (default 1: reproducible).", min=1, max=64),
    ] = None,
    min_job_hours: Annotated[
        float | None,
        typer.Option("--min-job-hours", help="Fewest hours of a carved job.", min=0.01, max=60),
    ] = None,
    max_cobots: Annotated[
        int | None, typer.Option("--max-cobots", help="Most cobots in the plan.", min=0, max=50)
    ] = None,
    no_plan: Annotated[
        bool, typer.Option("--no-plan", help="Only the analysis, no carving plan.")
    ] = False,
    allow_displacement: Annotated[
        bool,
        typer.Option(
            "--allow-displacement",
            help=(
                "Let the plan take more work from today's staff than their roles' declared "
                "uses absorb (vacancies, overtime, agency, backlog, leavers); the headline "
                "then states the displaced hours."
            ),
        ),
    ] = False,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Report language (default: the model's, nl).")
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also write report.pdf (headless Chromium).")
    ] = False,
    template_dir: Annotated[
        Path | None,
        typer.Option("--template-dir", help="Folder with templates that override the report's."),
    ] = None,
    draws: Annotated[
        int | None,
        typer.Option(
            "--draws",
            help="Monte Carlo draws for the ranges (default 200; 0: none; at most 100,000).",
            min=0,
            max=100_000,
        ),
    ] = None,
    xlsx: Annotated[
        bool, typer.Option("--xlsx", help="Also write plan.xlsx for advisers.")
    ] = False,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress/--quiet",
            help="Show each phase (reading, analysis, solver stages, draws, report, PDF) and "
            "its time on stderr.",
        ),
    ] = False,
) -> None:
    """Analyse a process and plan carved jobs and cobots: writes DIR/analysis.json."""
    from jobcarve.progress import Phases
    from jobcarve.study import output_lock, output_names, study

    if template_dir is not None and not template_dir.is_dir():
        raise UsageError(f"--template-dir {template_dir} is not a folder")
    check_output_folder(out, output_names(pdf=pdf, xlsx=xlsx))  # before the solve, not after it
    if pdf:
        from jobcarve.report.pdf import check_pdf_ready

        check_pdf_ready()
    phase = Phases(progress)
    phase("reading the model")
    process = read_process(model)
    with output_lock(out):  # a second run into the same folder is refused, not mixed
        result = study(
            process,
            with_plan=not no_plan,
            time_limit_s=time_limit,
            seed=seed,
            workers=workers,
            min_job_hours=min_job_hours,
            max_cobots=max_cobots,
            allow_displacement=True if allow_displacement else None,
            draws=draws,
            model_name=model.name,
            progress=phase if progress else None,
        )
        if result.interrupted:
            assert result.plan is not None
            typer.echo(
                f"error: interrupted: the best plan so far has {len(result.plan.carved)} extra "
                "workers; nothing was written (earlier outputs are unchanged)",
                err=True,
            )
            _STATE["interrupt_reported"] = True
            raise typer.Exit(130)
        written = result.write(
            out,
            lang=None if lang is None else lang.value,
            pdf=pdf,
            xlsx=xlsx,
            template_dir=template_dir,
            progress=phase,
            lock=False,
        )
    phase.done()
    for text in result.summary_text():
        typer.echo(text)
    typer.echo("wrote " + ", ".join(str(p) for p in written))


@app.command()
def line(
    model: Annotated[Path, typer.Argument(help="Process model file (YAML) of kind 'line'.")],
    objective: Annotated[
        LineObjective, typer.Option("--objective", help="What the balance optimises.")
    ] = LineObjective.MAX_TARGET_GROUP,
    takt: Annotated[
        float | None,
        typer.Option(
            "--takt", help="Takt in seconds (default planning.takt_s).", min=0.01, max=86400
        ),
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit", help="Solver seconds (deterministic time).", min=0.01, max=86400
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Solver seed.", min=0, max=2**31 - 1)
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Solver threads.", min=1, max=64)
    ] = None,
    max_cobots: Annotated[
        int | None, typer.Option("--max-cobots", help="Most cobots on the line.", min=0, max=50)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Balance a paced line: stations, who staffs them, which units a cobot takes."""
    from jobcarve.carving import line_plan

    process = read_process(model)
    solution = line_plan(
        process,
        objective=_OBJECTIVES[objective],
        takt_s=takt,
        time_limit_s=time_limit,
        seed=seed,
        workers=workers,
        max_cobots=max_cobots,
    )
    if as_json:
        typer.echo(
            dumps_json({**solution.to_dict(0.1), "seconds": round(solution.seconds, 3)}), nl=False
        )
        return
    if not solution.stations:
        raise NoSolutionError(solution.reason)
    typer.echo(
        f"{objective}: {solution.status}, {len(solution.stations)} stations, cycle {solution.cycle_time * 0.1:.1f} s"
    )
    for st in solution.stations:
        robot = f" + cobot: {', '.join(st.cobot_tasks)}" if st.cobot_tasks else ""
        typer.echo(
            f"  {st.index + 1:>2} {st.worker:<24} {st.load * 0.1:7.1f} s  {', '.join(st.tasks)}{robot}"
        )


@app.command()
def compare(
    model: Annotated[Path, typer.Argument(help="Process model file (YAML).")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for comparison.json and comparison.html.")
    ] = Path("out"),
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Report language (default: the model's, nl).")
    ] = None,
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            help="Solver seconds per scenario (deterministic time).",
            min=0.01,
            max=86400,
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Solver seed.", min=0, max=2**31 - 1)
    ] = None,
    draws: Annotated[
        int | None,
        typer.Option(
            "--draws", help="Monte Carlo draws per scenario (at most 100,000).", min=0, max=100_000
        ),
    ] = None,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress/--quiet",
            help="Show each scenario's phases (analysis, solver stages, draws) and their time "
            "on stderr.",
        ),
    ] = False,
) -> None:
    """Compare "as is", "split only", "split + cobot" and the model's scenarios."""
    from jobcarve.progress import Phases
    from jobcarve.scenarios import compare as run_compare
    from jobcarve.study import output_lock

    check_output_folder(out, ["comparison.json", "comparison.html"])
    phase = Phases(progress)
    phase("reading the model")
    process = read_process(model)
    language = lang.value if lang is not None else process.options.language
    with output_lock(out):
        result = run_compare(
            process,
            time_limit_s=time_limit,
            seed=seed,
            draws=draws,
            lang=language,
            progress=phase if progress else None,
        )
        phase("report")
        written = _write_comparison(out, model, result, language)
    phase.done()
    for s in result.scenarios:
        f = s.figures()
        typer.echo(
            f"{s.name:<40} {f.extra_workers:>3} extra workers, {f.extra_fte:.2f} FTE, "
            f"{f.cobots} cobots, net EUR {s.case.net_eur_per_year:,.0f}/year"
        )
    typer.echo("wrote " + ", ".join(str(p) for p in written))


def _write_comparison(out: Path, model: Path, result: Comparison, language: str) -> list[Path]:
    """comparison.json and comparison.html, both or neither."""
    from jobcarve.output import generated_at
    from jobcarve.report.context import build_comparison_context
    from jobcarve.report.html import render_comparison_html
    from jobcarve.report.i18n import translations

    stamp = generated_at()
    meta = {
        "jobcarve": __version__,
        "model": model.name,
        "generated_at": stamp.isoformat(timespec="seconds"),
    }
    document = {**result.to_dict(), "meta": meta}
    ctx = build_comparison_context(
        result, language, translations(language).gettext, generated_at=stamp, version=__version__
    )
    return write_all_atomic(
        {
            out / "comparison.json": dumps_json(document),
            out / "comparison.html": render_comparison_html(ctx),
        }
    )


@app.command()
def balance(
    instance: Annotated[
        Path, typer.Argument(help="Instance file: ALWABP, Scholl .IN2 or Otto .alb.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="alwabp, in2 or alb (default: from the file name)."),
    ] = None,
    cycle_time: Annotated[
        int | None,
        typer.Option(
            "--cycle-time",
            help="SALBP-1: fewest stations for this cycle time.",
            min=1,
            max=1_000_000_000,
        ),
    ] = None,
    stations: Annotated[
        int | None,
        typer.Option(
            "--stations",
            help="SALBP-2: shortest cycle time with this many stations.",
            min=1,
            max=100_000,
        ),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Solver seconds.", min=0.01, max=86400)
    ] = 10.0,
    seed: Annotated[
        int,
        typer.Option(
            "--seed",
            help="CP-SAT seed (the SALBP search is deterministic).",
            min=0,
            max=2**31 - 1,
        ),
    ] = 0,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", help="CP-SAT threads (the SALBP search uses one).", min=1, max=64
        ),
    ] = 1,
    effort: Annotated[
        float | None,
        typer.Option(
            "--effort",
            help="ALWABP-2: deterministic solver seconds (same result on a busy machine); "
            "--time-limit then only guards.",
            min=0.01,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Balance a published line-balancing instance (ALWABP-2, SALBP-1, SALBP-2)."""
    from jobcarve.carving.line.run import balance_instance

    result = balance_instance(
        instance,
        fmt,
        cycle_time=cycle_time,
        stations=stations,
        time_limit_s=time_limit,
        seed=seed,
        workers=workers,
        effort_s=effort,
    )
    if as_json:
        typer.echo(dumps_json(result.to_dict()), nl=False)
    else:
        typer.echo(result.summary())
    if result.solution.status == "infeasible":
        raise NoSolutionError(result.solution.reason)


@app.command("import")
def import_(
    inventory: Annotated[Path, typer.Argument(help="Task inventory: .xlsx or .csv.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model file to write (YAML).")],
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="Sheet with the tasks (default: Taken/Tasks).")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", help="Column mapping for other layouts (YAML).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing model file.")
    ] = False,
) -> None:
    """Import an employer's task inventory (Excel or CSV) as a commented model that validates."""
    from jobcarve.spreadsheet import import_inventory

    check_output_file(output, force=force, inputs=[inventory, *([mapping] if mapping else [])])
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", JobcarveWarning)
        model, text = import_inventory(inventory, sheet=sheet, mapping=mapping)
    for item in caught:
        if issubclass(item.category, JobcarveWarning):
            _warn(str(item.message))
    write_atomic(output, text)
    typer.echo(
        f"wrote {output} ({len(model.tasks)} tasks, {len(model.roles)} roles, {len(model.profiles)} profiles)"
    )


@app.command("template-xlsx")
def template_xlsx(
    output: Annotated[Path, typer.Argument(help="Workbook to write.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the workbook.")] = Lang.NL,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing workbook.")] = False,
) -> None:
    """Write an empty inventory workbook with headers, drop-downs and instructions."""
    from jobcarve.spreadsheet import template_workbook

    check_output_file(output, force=force, label="the workbook")
    template_workbook(output, lang.value)
    typer.echo(f"wrote {output}")


@app.command("export-xlsx")
def export_xlsx(
    model: Annotated[Path, typer.Argument(help="Process model file (YAML).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Workbook to write.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the headers.")] = Lang.NL,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing workbook.")] = False,
) -> None:
    """Write a model in the inventory layout (to edit in a spreadsheet and import again)."""
    from jobcarve.spreadsheet import export_inventory

    check_output_file(output, force=force, inputs=[model])
    export_inventory(read_process(model), output, lang.value)
    typer.echo(f"wrote {output}")


@catalog_app.command("list")
def catalog_list(
    sector: Annotated[
        str | None, typer.Option("--sector", help="Only this sector (catalogue id or sector name).")
    ] = None,
) -> None:
    """List the standard tasks of the catalogues."""
    cats = load_catalogs()
    shown = 0
    for cat in cats.task_catalogs:
        if sector and not _sector_matches(sector, cat.id, cat.sector):
            continue
        typer.echo(f"# {cat.id}: {cat.name_en} / {cat.name_nl}")
        for entry in cat.entries:
            split = f"  split: {len(entry.default_split)}" if entry.default_split else ""
            typer.echo(f"{entry.id:<30} {entry.name_en}{split}")
            shown += 1
    if shown == 0:
        from jobcarve.yamlsource import suggest

        known = ", ".join(c.id for c in cats.task_catalogs)
        hint = suggest(sector or "", [c.id for c in cats.task_catalogs])
        raise UsageError(f'no catalogue for sector "{sector}"{hint}; known: {known}')


def _sector_matches(wanted: str, cat_id: str, sector: str) -> bool:
    """A catalogue id or sector name, or a word of either ("welding" finds welding_sheet_metal)."""
    text = wanted.strip().lower()
    names = (cat_id.lower(), sector.lower())
    words = {w for name in names for w in name.replace("_", " ").replace(",", " ").split()}
    return text in names or text in words


@catalog_app.command("show")
def catalog_show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Catalogue task id.")],
) -> None:
    """Show one catalogue task with its demands, handling and default split."""
    cats = load_catalogs()
    entry = cats.entries.get(entry_id)
    if entry is None:
        from jobcarve.yamlsource import suggest

        raise UsageError(f'unknown catalogue task "{entry_id}"{suggest(entry_id, cats.entries)}')
    typer.echo(f"{entry.id} ({cats.sector_of[entry.id]})")
    typer.echo(f"  en: {entry.name_en}")
    typer.echo(f"  nl: {entry.name_nl}")
    t = entry.typical_time_s
    typer.echo(f"  typical time: {t.min_s:g}-{t.max_s:g} s {entry.time_basis.replace('_', ' ')}")
    typer.echo("  demands: " + ", ".join(f"{d} {getattr(entry.demands, d)}" for d in DIMENSIONS))
    handling = entry.handling.model_dump(exclude_none=True)
    if handling:
        typer.echo("  handling: " + ", ".join(f"{k} {v}" for k, v in handling.items()))
    typer.echo(f"  rationale: {entry.rationale}")
    for unit in entry.default_split:
        typer.echo(f"  split -> {unit.id}: {unit.name_en} ({unit.share_of_time:.0%})")


@catalog_app.command("supports")
def catalog_supports() -> None:
    """List the supports that close gaps between demands and capacities."""
    for sup in load_catalogs().supports.values():
        closes = ", ".join(f"{d} +{n}" for d, n in sup.closes.items())
        typer.echo(f"{sup.id:<22} [{sup.route}] {sup.name_en}: {closes}")
        if sup.applies_to is not None:
            typer.echo(f"{'':<22}   applies: {sup.applies_to.reason_en}")
        if sup.taper is not None:
            shares = " / ".join(f"{x:.1%}" for x in sup.taper.hours_share_by_year)
            typer.echo(
                f"{'':<22}   tapers: {shares} of the hours in years 1-{len(sup.taper.hours_share_by_year)}"
            )
        if sup.rotation:
            typer.echo(f"{'':<22}   rotation: at most {sup.max_share_of_job:.0%} of a job's hours")


#: seconds an interrupted run has to end by itself before it is ended (`_end_after_grace`)
INTERRUPT_GRACE_S = 30.0
INTERRUPTED = "error: interrupted; nothing was written (earlier outputs are unchanged)"


def _end_after_grace() -> None:
    """End a run that has not ended `INTERRUPT_GRACE_S` after its interrupt: temporary files
    removed, one line said, exit 130. An interrupted run writes nothing whatever it was
    doing, so nothing is lost; a run waiting on a browser that no longer answers (one CI
    run: SIGTERM while Chromium printed, and the run still alive 120 s later) would
    otherwise never end."""
    from jobcarve.progress import stop_spinners

    stop_spinners()
    cleanup_temporary_files()
    if not _STATE.get("interrupt_reported"):
        with contextlib.suppress(OSError):
            os.write(2, (INTERRUPTED + "\n").encode())
    os._exit(130)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGINT, SIGTERM and SIGHUP alike: note it and interrupt the run (exit 130).

    SIGTERM and SIGHUP go to whatever handles SIGINT at the moment (during a solve the
    solver's watch, which stops the search and keeps the best plan so far), so every signal
    that ends a run takes the same path: temporary files removed, nothing half written. A
    run that has not ended `INTERRUPT_GRACE_S` later is ended (`_end_after_grace`).
    """
    from jobcarve.report.pdf import note_interrupt

    note_interrupt()
    if not _STATE.get("grace"):
        _STATE["grace"] = True
        timer = threading.Timer(INTERRUPT_GRACE_S, _end_after_grace)
        timer.daemon = True
        timer.start()
    handler = signal.getsignal(signal.SIGINT)
    if signum != signal.SIGINT and callable(handler) and handler is not _interrupt:
        handler(signal.SIGINT, frame)
        return
    raise KeyboardInterrupt


def _install_signal_handlers() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) in (
            signal.SIG_DFL,
            signal.default_int_handler,
        ):
            signal.signal(sig, _interrupt)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and map errors to exit codes without tracebacks."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    if debug and args[0] != "--debug":  # `jobcarve analyze ... --debug` works too
        args = ["--debug", *(a for a in args if a != "--debug")]
    for i, arg in enumerate(args):  # an empty path would silently mean the current folder
        if (arg in ("--out", "-o", "--output") and i + 1 < len(args) and args[i + 1] == "") or (
            arg in ("--out=", "--output=")
        ):
            typer.echo(f"error: {arg.rstrip('=')} is empty; name a file or folder", err=True)
            sys.exit(2)
    _install_signal_handlers()
    if not _STATE.get("atexit"):
        atexit.register(cleanup_temporary_files)
        _STATE["atexit"] = True
    from jobcarve.progress import stop_spinners

    try:
        code = app(args=args, prog_name="jobcarve", standalone_mode=False)
        if code == 130 and not _STATE.get("interrupt_reported"):
            # typer turns Ctrl-C (and so SIGTERM) into exit code 130 without a word
            stop_spinners()
            cleanup_temporary_files()
            _STATE["interrupt_reported"] = True
            typer.echo(INTERRUPTED, err=True)
    except typer.Exit as exc:
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        stop_spinners()
        cleanup_temporary_files()
        _STATE["interrupt_reported"] = True
        typer.echo(INTERRUPTED, err=True)
        code = 130
    except typer.TyperException as exc:  # usage errors of the vendored click
        ctx = getattr(exc, "ctx", None)
        command = ctx.command_path if ctx is not None else "jobcarve"
        typer.echo(f"error: {exc.format_message()} (see '{command} --help')", err=True)
        code = exc.exit_code
    except InputError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        code = 2
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        code = 2
    except NoSolutionError as exc:
        typer.echo(f"error: {exc}", err=True)
        code = 1
    except JobcarveError as exc:
        typer.echo(f"error: {exc}", err=True)
        code = 1
    except Exception as exc:
        if debug:
            raise
        typer.echo(
            f"error: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
            err=True,
        )
        code = 1
    stop_spinners()  # a spinner left by a phase that ended in an error
    sys.exit(code if isinstance(code, int) else 0)
