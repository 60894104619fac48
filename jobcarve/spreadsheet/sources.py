"""Bounded reading of workbooks and CSV files into rows of values (no zip bombs, no huge sheets)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from jobcarve.exceptions import InputError, Problem
from jobcarve.yamlsource import read_bounded

#: bounds on what the importer reads (docs/limits.md)
MAX_WORKBOOK_BYTES = 32 * 1024 * 1024  # the .xlsx file itself
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all its parts together, as the zip directory states
MAX_ZIP_ENTRIES = 10_000
MAX_CSV_BYTES = 32 * 1024 * 1024
MAX_MAPPING_BYTES = 1024 * 1024
MAX_ROWS = 110_000  # per sheet: 100,000 tasks and room for title rows and blank lines
MAX_COLUMNS = 200  # per sheet: columns A to GR (the inventory layout uses about 45)
MAX_FIELD_CHARS = 128 * 1024  # one CSV field or cell
MAX_CELLS = 6_000_000  # filled cells per sheet (100,000 tasks x 60 columns)


def _open_workbook(path: Path, file: str) -> Any:
    """Open a workbook read-only after checking its zip directory (no zip bombs)."""
    data = read_bounded(path, MAX_WORKBOOK_BYTES, "an Excel workbook (.xlsx)")

    def fail(message: str) -> InputError:
        return InputError([Problem(file, 0, 0, "", message)])

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise fail(
            "is an old-style (.xls) or password-protected workbook; save it as .xlsx without a password"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        raise fail("cannot read as an Excel workbook: not an .xlsx (zip) file") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise fail(f"workbook has {len(entries):,} parts; the limit is {MAX_ZIP_ENTRIES:,}")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise fail(
            f"workbook unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,} "
            "(a zip bomb, or far more than a task inventory)"
        )
    if "xl/workbook.xml" not in {e.filename for e in entries}:
        raise fail(
            "cannot read as an Excel workbook: it has no xl/workbook.xml (empty or not .xlsx)"
        )
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise fail(f"cannot read as an Excel workbook: {type(exc).__name__}") from None


def _grid_rows(ws: Any, file: str) -> list[list[Any]]:
    """The used cells of a sheet as rows, within `MAX_ROWS` x `MAX_COLUMNS`.

    Only the cells the sheet stores are visited (openpyxl's streaming parser), never the
    declared dimension, so one stray value in XFD1048576 costs nothing; a value outside
    the bounds is a located error rather than silently dropped.
    """
    try:
        return _parse_sheet(ws, file)
    except InputError:
        raise
    except Exception as exc:  # damaged XML or zip data inside a workbook that opened
        raise InputError(
            [
                Problem(
                    f"{file}:{ws.title}",
                    0,
                    0,
                    "",
                    f"cannot read the sheet: the workbook is damaged ({type(exc).__name__})",
                )
            ]
        ) from None


class Uncomputed:
    """A formula cell that stores no result (a workbook written by a script, never opened
    and saved in a spreadsheet program): read as this marker, never as empty or 0."""

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return f"={self.formula}"


#: what the importer says at a formula cell without a stored result
UNCOMPUTED = (
    "formula without a stored result (the workbook was written by a program and never "
    "calculated): open it in Excel or LibreOffice and save it, or type the value"
)


def _parse_sheet(ws: Any, file: str) -> list[list[Any]]:
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            # a spreadsheet program stores every result (<v>; empty only for the text "",
            # t="str"); a script (openpyxl) writes none or an empty <v/> without a type
            if cell["value"] is None and (
                element.find(VALUE_TAG) is None or element.get("t", "n") != "str"
            ):
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["value"] = Uncomputed(formula.text or "")
            return cell

    grid: list[list[Any]] = []
    filled = 0
    wb = ws.parent
    with ws._get_source() as src:
        parser = Parser(
            src,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for r, cells in parser.parse():
            for cell in cells:
                c, value = cell["column"], cell["value"]
                if value is None or value == "":
                    continue
                if r > MAX_ROWS or c > MAX_COLUMNS:
                    raise InputError(
                        [
                            Problem(
                                f"{file}:{ws.title}!{get_column_letter(c)}{r}",
                                0,
                                0,
                                "",
                                f"a value outside the area jobcarve reads (columns A-"
                                f"{get_column_letter(MAX_COLUMNS)}, rows 1-{MAX_ROWS:,}); "
                                "delete it or move it",
                            )
                        ]
                    )
                if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                    raise InputError(
                        [
                            Problem(
                                f"{file}:{ws.title}!{get_column_letter(c)}{r}",
                                0,
                                0,
                                "",
                                f"cell has {len(value):,} characters; the limit is {MAX_FIELD_CHARS:,}",
                            )
                        ]
                    )
                filled += 1
                if filled > MAX_CELLS:
                    raise InputError(
                        [
                            Problem(
                                f"{file}:{ws.title}!{get_column_letter(c)}{r}",
                                0,
                                0,
                                "",
                                f"more than {MAX_CELLS:,} filled cells in one sheet; the limit",
                            )
                        ]
                    )
                while len(grid) < r:
                    grid.append([])
                row = grid[r - 1]
                while len(row) < c:
                    row.append(None)
                row[c - 1] = _neutral(value)
    return grid


def _neutral(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote (OWASP).

    Such a cell in a CSV file (or a text cell in a workbook) becomes a name or a note in
    the model; with the quote it can never turn into a live formula again, whatever program
    opens an export of the model later. Numbers such as "-5" are left alone.
    """
    if isinstance(value, str) and value.lstrip().startswith(("=", "@")):
        return "'" + value.lstrip()
    return value


def _csv_rows(path: Path) -> list[list[Any]]:
    file = str(path)
    raw = read_bounded(path, MAX_CSV_BYTES, "a CSV file")

    def fail(line: int, col: int, message: str) -> InputError:
        return InputError([Problem(file, line, col, "", message)])

    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise fail(1, 1, "file starts as UTF-16 but is not; save it as CSV UTF-8") from None
    elif b"\x00" in raw[:4096]:
        raise fail(
            raw[: raw.find(b"\x00")].count(b"\n") + 1,
            1,
            "file holds NUL bytes: UTF-16 without a byte-order mark, or not a CSV file; "
            "save it as CSV UTF-8",
        )
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")  # Excel's CSV export on Dutch Windows
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
                raise fail(
                    line,
                    col,
                    f"byte 0x{raw[exc.start]:02x} is neither UTF-8 nor Windows-1252 text; "
                    "save the file as CSV UTF-8",
                ) from None
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:  # e.g. title lines above the table: take the most frequent separator
        counts = {d: sample.count(d) for d in ";,\t|"}
        best = max(counts, key=lambda d: counts[d])

        class _Guess(csv.excel):
            delimiter = best if counts[best] else ","

        dialect = _Guess
    rows: list[list[Any]] = []
    reader = csv.reader(io.StringIO(text), dialect)
    old_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        for row in reader:
            if reader.line_num > MAX_ROWS:
                raise fail(reader.line_num, 1, f"more than {MAX_ROWS:,} lines; the limit")
            far = next(
                (i for i in range(MAX_COLUMNS, len(row)) if row[i].strip()),
                None,
            )
            if far is not None:
                raise fail(
                    reader.line_num,
                    far + 1,
                    f"a value in field {far + 1:,}; jobcarve reads {MAX_COLUMNS} columns",
                )
            rows.append([_neutral(v) for v in row[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise fail(
            reader.line_num,
            1,
            f"cannot read as CSV: {exc} (the limit is {MAX_FIELD_CHARS:,} characters a field)",
        ) from None
    finally:
        csv.field_size_limit(old_limit)
    return rows
