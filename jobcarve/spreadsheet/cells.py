"""A sheet as a table of located cells, and the readers of one cell's value (numbers, yes/no, ids)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jobcarve.exceptions import InputError, JobcarveWarning, Problem
from jobcarve.spreadsheet.layout import BASIS, NO, SHEETS, YES, _aliases, _header_field, _norm


@dataclass
class Table:
    """Rows of one sheet (or CSV) with the cell reference of each value."""

    file: str
    sheet: str | None
    header_row: int
    columns: dict[str, int]  # field -> 1-based column
    basis_from_header: str | None
    rows: list[tuple[int, dict[str, Any]]]

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
    for i, row in enumerate(grid[r + 1 :], start=r + 2):
        values = {f: (row[c - 1] if c - 1 < len(row) else None) for f, c in found.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append((i, values))
    return Table(file, sheet, r + 1, found, basis, rows)


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
