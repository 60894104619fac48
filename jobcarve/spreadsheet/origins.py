"""Where each value of an imported model came from, so later problems point at cells.

The importer checks cells one by one (round one); the model it builds is then validated
as a whole (round two: ranges, duplicate ids, cycles, cross-references). Round two finds
its problems at paths of the model (``tasks[7].time_s_per_unit``); `Origins` turns such a
path back into the sheet and cell the value was read from (``Taken!E9``), never into a
line of the YAML text, which the adviser has not seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jobcarve.exceptions import Problem
from jobcarve.spreadsheet.cells import Table

#: model keys whose inventory column has another name
_COLUMN_OF = {
    "time_s_per_unit": "time",
    "time_min_per_batch": "time",
    "hours_per_week": "time",
    "batch_size_units": "batch",
    "share_of_units": "share",
    "pace": "relative_pace",
}

_PART = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def parse_path(path: str) -> tuple[str | int, ...]:
    """``"tasks[3].after[0]"`` -> ``("tasks", 3, "after", 0)`` (the inverse of `format_loc`)."""
    return tuple(int(m.group(1)) if m.group(1) else m.group(2) for m in _PART.finditer(path))


@dataclass
class Origins:
    """The row of every block entry (by identity) and the cell of every company key."""

    file: str
    rows: dict[int, tuple[Table, int]] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # "planning.units_per_week" -> cell

    def row(self, entry: dict[str, Any], table: Table, row: int) -> dict[str, Any]:
        """Remember that `entry` was read from `row` of `table`; returns `entry`."""
        self.rows[id(entry)] = (table, row)
        return entry

    def cell(self, loc: tuple[str | int, ...], data: dict[str, Any]) -> str | None:
        """The cell a model path was read from, or None where no cell holds it."""
        return self._where(loc, data)[0]

    def _where(
        self, loc: tuple[str | int, ...], data: dict[str, Any]
    ) -> tuple[str | None, Table | None]:
        """The cell a model path was read from and the table of its row (None for a company
        key or where no cell holds it)."""
        if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], str):
            key = f"{loc[0]}.{loc[1]}"
            if key in self.keys:
                return self.keys[key], None
        node: Any = data
        found: tuple[Table, int] | None = None
        rest: list[str | int] = []
        for part in loc:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            if isinstance(node, dict) and id(node) in self.rows:
                found, rest = self.rows[id(node)], []
            else:
                rest.append(part)
        if found is None:
            return None, None
        table, row = found
        for part in reversed(rest):
            if not isinstance(part, str):
                continue
            column = part if part in table.columns else _COLUMN_OF.get(part)
            if column in table.columns:
                return table.cell(row, column), table
        first = "id" if "id" in table.columns else next(iter(table.columns), "")
        return table.cell(row, first), table

    def locate(self, problem: Problem, data: dict[str, Any]) -> Problem:
        """`problem` (found in the generated YAML) at the cell its value came from.

        A problem with no cell (a whole block missing, say) is given for the file.
        """
        loc = parse_path(problem.path)
        where, table = self._where(loc, data)
        key = next((p for p in reversed(loc) if isinstance(p, str)), "")
        if where is None:
            return Problem(self.file, 0, 0, problem.path, problem.message)
        said = not key or problem.message.startswith(f"{key} ")  # "days_per_week 7 is ..."
        if table is None:
            return Problem(
                where, 0, 0, "", problem.message if said else f"{key}: {problem.message}"
            )
        named = _header(key, table) if key else None
        message = _headers(problem.message, table)
        return Problem(where, 0, 0, "", message if said else f"{named or key}: {message}")


#: model keys that share one inventory column with others (the three times in "Tijd", its
#: basis in "Tijdbasis"): named by the model's key, which says which of them is meant (a diff
#: review: "add "Tijd", "Tijd" with "Batchgrootte", or "Tijd"")
_SHARED = frozenset(k for k, c in _COLUMN_OF.items() if list(_COLUMN_OF.values()).count(c) > 1)


def _header(key: str, table: Table) -> str | None:
    """The header of a model key's column as the sheet writes it, in quotes, or None."""
    column = key if key in table.columns else _COLUMN_OF.get(key)
    text = table.headers.get(column or "")
    return f'"{text}"' if text else None


#: a model key in a message: a word with an underscore (``days_per_week``), never plain words
_KEY = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def _headers(message: str, table: Table) -> str:
    """`message` with each model key of `table`'s columns named by its header as the sheet
    writes it (``"Dagen per week"``): the adviser sees the workbook, not the model's keys.
    A key that shares its column with others (`_SHARED`) keeps its name, which says which
    one is meant."""

    def named(match: re.Match[str]) -> str:
        key = match.group(0)
        return (None if key in _SHARED else _header(key, table)) or key

    out = _KEY.sub(named, message)
    times = [k for k in _SHARED if _COLUMN_OF[k] == "time" and re.search(rf"\b{k}\b", out)]
    if times and "time" in table.headers and "basis" in table.headers:
        # the model's time keys are one column and its basis in the workbook
        out += (
            f' (in the workbook: a time in "{table.headers["time"]}" with its basis in '
            f'"{table.headers["basis"]}")'
        )
    return out
