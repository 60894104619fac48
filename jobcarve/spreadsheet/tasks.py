"""Task rows of an inventory: one row per task or subtask, with its time basis and demands."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jobcarve.exceptions import Problem
from jobcarve.model import DIMENSIONS
from jobcarve.spreadsheet.cells import (
    Table,
    _basis,
    _bool,
    _days,
    _duration,
    _ids,
    _num,
    _plain,
    _task_id,
)
from jobcarve.spreadsheet.layout import (
    _SCREENING_FLAGS,
    _SCREENING_NUMBERS,
    SHIFT_WORDS,
    SPLIT_WORDS,
    TASK_COLUMNS,
    _norm,
)
from jobcarve.yamlsource import Suggester, show


def _task_row(
    table: Table,
    row: int,
    v: dict[str, Any],
    problems: list[Problem],
    templates: set[str],
    template_hint: Suggester | None = None,
) -> dict[str, Any]:
    task: dict[str, Any] = {
        "id": _task_id(v.get("id")),
        "name": _plain(v.get("name")),
    }
    if not task["id"]:
        problems.append(table.problem(row, "id", "no task id"))
    if not task["name"]:
        problems.append(table.problem(row, "name", "no task name"))
    if v.get("role") not in (None, ""):
        task["role"] = str(v["role"]).strip()
    if v.get("template") not in (None, ""):
        template = str(v["template"]).strip()
        if template not in templates:
            problems.append(
                table.problem(
                    row,
                    "template",
                    f"unknown catalogue task {show(template, 80)}"
                    f"{(template_hint or Suggester(templates))(template)}",
                )
            )
        task["template"] = template
    if v.get("description") not in (None, ""):
        task["description"] = str(v["description"]).strip()
    basis = _basis(v.get("basis"), table, row, problems)
    time, basis = _duration(v.get("time"), table, row, "time", "time", basis, problems)
    if time is not None:
        if basis is None:
            problems.append(
                table.problem(
                    row,
                    "basis" if "basis" in table.columns else "time",
                    "time without a time basis (s/eenheid, min/batch, uur/week)",
                )
            )
        elif basis == "s/unit":
            task["time_s_per_unit"] = time
        elif basis == "min/batch":
            task["time_min_per_batch"] = time
            batch = _num(v.get("batch"), table, row, "batch", "batch size", problems, integer=True)
            if batch is None:
                problems.append(
                    table.problem(
                        row,
                        "batch" if "batch" in table.columns else "time",
                        "a time per batch needs a batch size",
                    )
                )
            else:
                task["batch_size_units"] = batch
        else:
            task["hours_per_week"] = time
    share = _num(v.get("share"), table, row, "share", "share of units", problems)
    if share is not None:
        task["share_of_units"] = share
    for f in ("time_low", "time_high"):
        bound, _ = _duration(v.get(f), table, row, f, f.replace("_", " "), basis, problems)
        if bound is not None:
            task[f] = bound
    after = _ids(v.get("after"))
    if after:
        task["after"] = after
    demands = {}
    for d in DIMENSIONS:
        rating = _num(v.get(d), table, row, d, "rating", problems, integer=True)
        if rating is not None:
            if not 0 <= rating <= 4:
                problems.append(
                    table.problem(row, d, f'rating "{v.get(d)}" is not 0, 1, 2, 3 or 4')
                )
            else:
                demands[d] = rating
    if demands:
        task["demands"] = demands
    handling = _handling(table, row, v, problems)
    for f in ("workstation", "area"):
        if v.get(f) not in (None, ""):
            task[f] = str(v[f]).strip()
    for f in ("activities", "aids_in_use", "aids_unusable"):
        ids = _ids(v.get(f))
        if ids:
            task[f] = ids
    word = v.get("catalogue_split")
    if word not in (None, ""):
        choice = SPLIT_WORDS.get(_norm(word), _norm(word))
        if choice not in ("confirmed", "rejected"):
            problems.append(
                table.problem(
                    row,
                    "catalogue_split",
                    f'"{word}" is not one of bevestigd/confirmed, afgewezen/rejected',
                )
            )
        else:
            task["catalogue_split"] = choice
    word = v.get("shift")
    if word not in (None, ""):
        choice = SHIFT_WORDS.get(_norm(word), _norm(word))
        if choice not in ("any", "every", "day", "night"):
            problems.append(
                table.problem(
                    row,
                    "shift",
                    f'"{word}" is not one of vrij/any, elke/every, dag/day, nacht/night',
                )
            )
        else:
            task["shift"] = choice
    days = _days(v.get("days_per_week"), table, row, problems)
    if days is not None:
        task["days_per_week"] = days
    on_line = _bool(v.get("on_line"), table, row, "on_line", problems)
    if on_line is not None:
        task["on_line"] = on_line
    if handling:
        task["handling"] = handling
    return task


def _handling(table: Table, row: int, v: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """The handling and screening columns of a task row (mass, lifts, forces, hazards)."""
    handling: dict[str, Any] = {}
    for f in (
        "part_mass_kg",
        "lifts_per_unit",
        "tolerance_mm",
        "process_force_n",
        "process_torque_nm",
        "reach_mm",
    ):
        num = _num(v.get(f), table, row, f, TASK_COLUMNS[f][1].lower(), problems)
        if num is not None:
            handling[f] = num
    variants = _num(v.get("variants"), table, row, "variants", "variants", problems, integer=True)
    if variants is not None:
        handling["variants"] = variants
    for f in ("hazardous_tool", "head_exposure"):
        flag = _bool(v.get(f), table, row, f, problems)
        if flag is not None:
            handling[f] = flag
    for f, choices in (
        ("presentation", ("fixed", "variable")),
        ("part_type", ("rigid", "flexible", "fragile")),
    ):
        value = v.get(f)
        if value not in (None, ""):
            text = {
                "vast": "fixed",
                "wisselend": "variable",
                "stijf": "rigid",
                "buigzaam": "flexible",
                "breekbaar": "fragile",
            }.get(_norm(value), _norm(value))
            if text not in choices:
                problems.append(
                    table.problem(row, f, f'"{value}" is not one of {", ".join(choices)}')
                )
            else:
                handling[f] = text
    lift = {
        k: _num(v.get(f), table, row, f, "lift geometry", problems)
        for k, f in (
            ("horizontal_cm", "lift_h"),
            ("vertical_cm", "lift_v"),
            ("travel_cm", "lift_d"),
            ("asymmetry_deg", "lift_a"),
        )
    }
    if any(x is not None for x in lift.values()):
        if any(lift[k] is None for k in ("horizontal_cm", "vertical_cm", "travel_cm")):
            problems.append(
                table.problem(row, "lift_h", "lift geometry needs horizontal, height and travel")
            )
        else:
            entry: dict[str, Any] = {k: x for k, x in lift.items() if x is not None}
            if v.get("lift_c") not in (None, ""):
                entry["coupling"] = {"goed": "good", "redelijk": "fair", "slecht": "poor"}.get(
                    _norm(v["lift_c"]), _norm(v["lift_c"])
                )
            handling["lift"] = entry
    for f in _SCREENING_NUMBERS:
        num = _num(v.get(f), table, row, f, TASK_COLUMNS[f][1].lower(), problems)
        if num is not None:
            handling[f] = num
    for f in _SCREENING_FLAGS:
        flag = _bool(v.get(f), table, row, f, problems)
        if flag is not None:
            handling[f] = flag
    return handling


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def _all_tasks(tasks: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for task in tasks:
        yield task
        yield from _all_tasks(task.get("subtasks", []))


def _tasks(
    table: Table, problems: list[Problem], templates: set[str], budget: list[int]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    rows: list[tuple[int, dict[str, Any], str | None]] = []
    positions: dict[str, int] = {}
    template_hint = Suggester(templates, budget)
    for row, values in table.rows:
        task = _task_row(table, row, values, problems, templates, template_hint)
        parent = _task_id(values.get("parent")) or None
        if task["id"] in positions:
            problems.append(
                table.problem(
                    row,
                    "id",
                    f'duplicate task id "{task["id"]}" (first in row {positions[task["id"]]})',
                )
            )
            continue
        if task["id"]:
            positions[task["id"]] = row
        rows.append((row, task, parent))
    by_id = {t["id"]: t for _, t, _ in rows}
    hint = Suggester(by_id, budget)
    top: list[dict[str, Any]] = []
    for row, task, parent in rows:
        for pred in task.get("after", []):
            if pred not in by_id:
                problems.append(
                    table.problem(row, "after", f"unknown predecessor {show(pred, 80)}{hint(pred)}")
                )
        if parent is None:
            top.append(task)
        elif parent not in by_id:
            problems.append(
                table.problem(
                    row, "parent", f"unknown parent task {show(parent, 80)}{hint(parent)}"
                )
            )
        else:
            by_id[parent].setdefault("subtasks", []).append(task)
    return top, positions
