"""A sheet as a table of located cells, and the readers of one cell's value (numbers, yes/no, ids)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jobcarve.exceptions import InputError, JobcarveWarning, Problem
from jobcarve.model import WORKING_DAYS
from jobcarve.spreadsheet.layout import (
    BASIS,
    BASIS_SECONDS,
    NO,
    SHEETS,
    TIME_PER,
    TIME_UNITS,
    YES,
    _aliases,
    _header_field,
    _norm,
)
from jobcarve.spreadsheet.sources import UNCOMPUTED, Uncomputed
from jobcarve.yamlsource import show


@dataclass
class Table:
    """Rows of one sheet (or CSV) with the cell reference of each value."""

    file: str
    sheet: str | None
    header_row: int
    columns: dict[str, int]  # field -> 1-based column
    basis_from_header: str | None
    rows: list[tuple[int, dict[str, Any]]]
    uncomputed: tuple[Problem, ...] = ()  # formula cells without a stored result
    headers: dict[str, str] = field(default_factory=dict)  # field -> its header as written

    def cell(self, row: int, field: str) -> str:
        col = get_column_letter(self.columns[field]) if field in self.columns else "A"
        where = f"{self.sheet}!" if self.sheet else ""
        return f"{self.file}:{where}{col}{row}"

    def problem(self, row: int, field: str, message: str) -> Problem:
        return Problem(self.cell(row, field), 0, 0, "", message)


def _table(
    grid: list[list[Any]],
    file: str,
    sheet: str | None,
    columns: dict[str, tuple[str, str, tuple[str, ...]]],
    mapping: dict[str, Any] | None = None,
    required: tuple[str, ...] = ("id", "name"),
) -> Table:
    """Find the header row (the row with most recognised headers in the first 15) and the rows."""
    aliases = _aliases(columns)
    if mapping and mapping.get("columns"):
        aliases = {
            **aliases,
            **{
                _norm(v): k
                for k, v in mapping["columns"].items()
                if not re.fullmatch(r"[A-Za-z]{1,3}", str(v))
            },
        }
    best: tuple[int, int, dict[str, int], str | None] = (0, -1, {}, None)
    fixed_row = int(mapping["header_row"]) - 1 if mapping and mapping.get("header_row") else None
    for r, row in enumerate(grid[:15]):
        if fixed_row is not None and r != fixed_row:
            continue
        found: dict[str, int] = {}
        basis = None
        for c, value in enumerate(row):
            field, implied = (
                _header_field(value, aliases) if value not in (None, "") else (None, None)
            )
            if field and field not in found:
                found[field] = c + 1
                if field == "time" and implied:
                    basis = implied
        if len(found) > best[0]:
            best = (len(found), r, found, basis)
    count, r, found, basis = best
    if mapping and mapping.get("columns"):
        for field, letter in mapping["columns"].items():
            if re.fullmatch(r"[A-Za-z]{1,3}", str(letter)):
                found[field] = openpyxl.utils.column_index_from_string(str(letter).upper())
    where = f"{sheet}!" if sheet else ""
    missing = [f for f in required if f not in found]
    if (count < 2 and not (mapping and mapping.get("columns"))) or missing:
        accepted = "; ".join(
            f"{columns[f][1].lower()}: "
            + ", ".join(f'"{n}"' for n in (columns[f][0], *columns[f][2]))
            for f in (missing or required)
        )
        seen = (
            ", ".join(f'"{grid[r][c - 1]}"' for c in sorted(found.values()) if c - 1 < len(grid[r]))
            if count
            else ""
        )
        at = f"A{r + 1}" if count else "A1"
        found_text = f"; this row has {seen}" if seen else ""
        raise InputError(
            [
                Problem(
                    f"{file}:{where}{at}",
                    0,
                    0,
                    "",
                    f"no header row found with the columns {accepted}{found_text} "
                    "(headers are looked for in the first 15 rows); see docs/spreadsheets.md "
                    "or give --mapping",
                )
            ]
        )
    used = set(found.values())
    ignored = [
        f'"{value}" ({get_column_letter(c)}{r + 1})'
        for c, value in enumerate(grid[r], start=1)
        if value not in (None, "") and c not in used
    ]
    if ignored:  # said, not dropped without a word
        warnings.warn(
            JobcarveWarning(
                f"{file}:{where}{'A' if not used else get_column_letter(min(used))}{r + 1}: "
                f"columns not read: {', '.join(ignored[:10])}"
                + (f" and {len(ignored) - 10} more" if len(ignored) > 10 else "")
                + "; name them in a --mapping file or copy them into the description column"
            ),
            stacklevel=2,
        )
    rows = []
    uncomputed: list[Problem] = []
    for i, row in enumerate(grid[r + 1 :], start=r + 2):
        values = {f: (row[c - 1] if c - 1 < len(row) else None) for f, c in found.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        for f, v in values.items():
            if isinstance(v, Uncomputed):  # said once, at its cell, then read as empty
                cell = f"{file}:{where}{get_column_letter(found[f])}{i}"
                uncomputed.append(Problem(cell, 0, 0, "", f"{show(str(v), 60)}: {UNCOMPUTED}"))
                values[f] = None
        rows.append((i, values))
    return Table(
        file,
        sheet,
        r + 1,
        found,
        basis,
        rows,
        tuple(_at_most(uncomputed, f"{file}:{where}".rstrip("!"))),
        {
            f: " ".join(str(grid[r][c - 1]).split())
            for f, c in found.items()
            if c - 1 < len(grid[r]) and grid[r][c - 1] not in (None, "")
        },
    )


#: at most this many problems of one kind are listed per sheet; one line counts the rest
MAX_LISTED = 20


def _at_most(problems: list[Problem], where: str) -> list[Problem]:
    """The first `MAX_LISTED` problems and a line that counts the others."""
    if len(problems) <= MAX_LISTED:
        return problems
    more = len(problems) - MAX_LISTED
    return [*problems[:MAX_LISTED], Problem(where, 0, 0, "", f"and {more:,} more such cells")]


def _sheet(wb: openpyxl.Workbook, key: str, wanted: str | None = None) -> Worksheet | None:
    names = {_norm(n): n for n in wb.sheetnames}
    for candidate in ([wanted] if wanted else []) + list(SHEETS[key]):
        if candidate and _norm(candidate) in names:
            return wb[names[_norm(candidate)]]
    return None


def _num(
    value: Any,
    table: Table,
    row: int,
    field: str,
    what: str,
    problems: list[Problem],
    *,
    integer: bool = False,
) -> float | int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        problems.append(table.problem(row, field, f'{what} "{value}" is not a number'))
        return None
    if isinstance(value, (int, float)):
        number = value
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        text = re.sub(r"^(€|eur|euro)|(€|eur|euro)$", "", text, flags=re.I)  # "EUR 42,50"
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # Dutch thousands: 1.234,5
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            problems.append(table.problem(row, field, f'{what} "{value}" is not a number'))
            return None
    if integer:
        if float(number) != int(number):
            problems.append(table.problem(row, field, f'{what} "{value}" is not a whole number'))
            return None
        return int(number)
    return int(number) if float(number).is_integer() else float(number)


def _bool(value: Any, table: Table, row: int, field: str, problems: list[Problem]) -> bool | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    text = _norm(value)
    if text in YES:
        return True
    if text in NO:
        return False
    problems.append(table.problem(row, field, f'"{value}" is not yes or no (ja/nee)'))
    return None


def _ids(value: Any) -> list[str]:
    return [_task_id(p) for p in re.split(r"[,;\s]+", _plain(value)) if p]


def _plain(value: Any) -> str:
    """A cell as text; a whole number from a workbook (1.0) as "1"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value if value is not None else "").strip()


def _task_id(value: Any) -> str:
    """A task id as written, or "t7" for the usual numbered rows ("Nr." 7): ids must start
    with a letter, and numbering tasks is what an inventory does."""
    text = _plain(value)
    return f"t{text}" if re.fullmatch(r"[0-9]{1,12}", text) else text


def _slug(value: Any) -> str:
    """A role named in the task list ("Operator zaag") as an id (operator_zaag)."""
    text = re.sub(r"[^0-9a-z]+", "_", _plain(value).lower()).strip("_")[:60]
    return text if re.match(r"[a-z]", text) else f"r_{text}"[:64]


def _basis(value: Any, table: Table, row: int, problems: list[Problem]) -> str | None:
    if value in (None, ""):
        return table.basis_from_header
    text = _norm(value).replace(" ", "")
    for key, (nl, en, other) in BASIS.items():
        if text in {_norm(x).replace(" ", "") for x in (nl, en, *other)}:
            return key
    problems.append(
        table.problem(
            row,
            "basis",
            f'time basis "{value}" is not s/eenheid, min/batch or uur/week (s/unit, min/batch, h/week)',
        )
    )
    return None


_DURATION = re.compile(
    r"(?P<number>[-+]?[\d.,]+)\s*(?P<unit>[^\d\s/.,]+)?\.?\s*(?:(?:per|/)\s*(?P<per>\w+))?",
    re.I,
)


def _duration(
    value: Any,
    table: Table,
    row: int,
    field: str,
    what: str,
    basis: str | None,
    problems: list[Problem],
) -> tuple[float | int | None, str | None]:
    """A time cell with an optional unit and "per": ``45``, ``45 sec``, ``2,5 uur per week``.

    Returns the time in the unit of the time basis (seconds per unit, minutes per batch,
    hours per week) and the basis, which the cell's "per" gives where the row has none. A
    unit without a basis, or a "per" that contradicts the basis, is a problem at the cell:
    "45 sec" alone could be per product or per batch, and jobcarve does not guess.
    """
    if value in (None, "") or isinstance(value, (int, float)):
        return _num(value, table, row, field, what, problems), basis
    text = str(value).strip().replace("\u00a0", " ")
    m = _DURATION.fullmatch(text)
    unit = _norm(m.group("unit")) if m and m.group("unit") else None
    per = _norm(m.group("per")) if m and m.group("per") else None
    if m is None or (unit is None and per is None):
        return _num(value, table, row, field, what, problems), basis
    if (unit is not None and unit not in TIME_UNITS) or (per is not None and per not in TIME_PER):
        problems.append(
            table.problem(
                row,
                field,
                f"{what} {show(value, 80)} is not a number or a time such as "
                '"45 sec", "12 min" or "2,5 uur" (per stuk, per batch, per week)',
            )
        )
        return None, basis
    implied = TIME_PER[per] if per is not None else None
    if implied is not None and basis is not None and implied != basis:
        problems.append(
            table.problem(
                row,
                field,
                f"{what} {show(value, 80)} says per {per}, but the time basis is {basis}",
            )
        )
        return None, basis
    basis = basis or implied
    number = _num(m.group("number"), table, row, field, what, problems)
    if number is None:
        return None, basis
    if unit is None:
        return number, basis
    if basis is None:
        problems.append(
            table.problem(
                row,
                field,
                f"{what} {show(value, 80)} does not say per what: fill in the time basis "
                '(s/eenheid, min/batch, uur/week) or write it in the cell ("45 sec per stuk")',
            )
        )
        return None, None
    converted = number * TIME_UNITS[unit] / BASIS_SECONDS[basis]
    return (int(converted) if float(converted).is_integer() else converted), basis


def _days(value: Any, table: Table, row: int, problems: list[Problem]) -> int | None:
    """A "days per week" cell: a whole number 1 to 5 (a task's days, a profile's working
    days), with the cell's position where it is not."""
    days = _num(value, table, row, "days_per_week", "days per week", problems, integer=True)
    if days is None:
        return None
    if not 1 <= days <= WORKING_DAYS:
        problems.append(
            table.problem(row, "days_per_week", f'days per week "{value}" is not 1 to 5')
        )
        return None
    return int(days)
