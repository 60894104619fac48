"""Spreadsheets in and out (openpyxl): task inventories, the empty template, plan workbooks.

The inventory layout has one sheet per block, with Dutch or English headers:

* ``Taken`` / ``Tasks``: one row per task (or subtask, with its parent in ``Hoofdtaak``);
* ``Functies`` / ``Roles``, ``Profielen`` / ``Profiles``: one row each;
* ``Bedrijf`` / ``Company``: key-value rows (company, process, planning, options).

Headers are recognised in both languages (case and spacing do not matter, and a unit in
brackets such as "Tijd (s)" sets the time basis); a mapping file names the columns of
other layouts. Every problem is reported per cell, all at once:
``inventory.xlsx:Taken!D14: time "12 min" is not a number``.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jobcarve.catalog import load_catalogs
from jobcarve.exceptions import InputError, JobcarveWarning, Problem
from jobcarve.messages import DIMENSION_NAMES
from jobcarve.model import DIMENSIONS, EDUCATION_LEVELS, Economics, Options, ProcessModel, Task
from jobcarve.yamlsource import MAX_SUGGESTIONS, Suggester, decode, read_bounded, show, suggest

# ----------------------------------------------------------------------------- layout

#: field -> (Dutch header, English header, other accepted spellings)
TASK_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "id": ("ID", "ID", ("code", "nr", "taak-id", "task id", "taakcode")),
    "name": ("Taak", "Task", ("naam", "name", "taaknaam", "task name", "omschrijving taak")),
    "parent": ("Hoofdtaak", "Parent task", ("parent", "onderdeel van", "part of")),
    "role": ("Functie", "Role", ("rol", "wie", "uitvoerder", "who", "functie nu")),
    "time": ("Tijd", "Time", ("duur", "duration", "tijdsduur")),
    "basis": ("Tijdbasis", "Time basis", ("basis", "eenheid", "unit of time", "time unit")),
    "batch": ("Batchgrootte", "Batch size", ("batch", "serie", "seriegrootte")),
    "share": ("Aandeel producten", "Share of units", ("aandeel", "share")),
    "time_low": ("Tijd laag", "Time low", ("minimale tijd", "min time")),
    "time_high": ("Tijd hoog", "Time high", ("maximale tijd", "max time")),
    "after": (
        "Voorgangers",
        "Predecessors",
        ("voorganger", "predecessor", "na", "after", "na taak"),
    ),
    "template": ("Sjabloon", "Template", ("catalogus", "catalogue", "catalog", "standaardtaak")),
    "description": (
        "Beschrijving",
        "Description",
        ("toelichting", "notes", "opmerking", "opmerkingen", "remarks", "note"),
    ),
    "part_mass_kg": ("Gewicht (kg)", "Mass (kg)", ("gewicht", "mass", "massa")),
    "lifts_per_unit": ("Tillingen per eenheid", "Lifts per unit", ("tillingen", "lifts")),
    "presentation": ("Aanvoer", "Presentation", ("aanvoer onderdelen", "part presentation")),
    "part_type": ("Soort onderdeel", "Part type", ("soort", "type onderdeel")),
    "tolerance_mm": ("Tolerantie (mm)", "Tolerance (mm)", ("tolerantie", "tolerance")),
    "variants": ("Varianten", "Variants", ("aantal varianten",)),
    "hazardous_tool": ("Gevaarlijk gereedschap", "Hazardous tool", ()),
    "head_exposure": ("Hoofd in bereik", "Head exposure", ()),
    "process_force_n": ("Kracht (N)", "Force (N)", ("kracht", "force")),
    "process_torque_nm": ("Moment (Nm)", "Torque (Nm)", ("moment", "torque", "draaimoment")),
    "reach_mm": ("Bereik (mm)", "Reach (mm)", ("bereik", "reach")),
    "lift_h": ("Til horizontaal (cm)", "Lift horizontal (cm)", ()),
    "lift_v": ("Til hoogte (cm)", "Lift height (cm)", ()),
    "lift_d": ("Til afstand (cm)", "Lift travel (cm)", ()),
    "lift_a": ("Til draaiing (graden)", "Lift twist (deg)", ()),
    "lift_c": ("Grip", "Coupling", ("koppeling",)),
}
for _d in DIMENSIONS:
    TASK_COLUMNS[_d] = (
        DIMENSION_NAMES[_d][0].capitalize(),
        DIMENSION_NAMES[_d][1].capitalize(),
        (_d,),
    )
#: screening fields (issue 14), after the demands so older sheets keep their layout
SCREENING_TASK_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "workstation": ("Werkplek", "Workstation", ("werkplaats", "station")),
    "area": ("Gebied", "Area", ("zone",)),
    "activities": ("Soort werk", "Activities", ("activiteiten",)),
    "aids_in_use": ("Hulpmiddelen in gebruik", "Aids in use", ()),
    "machine_hazard": ("Gevaar machine", "Machine hazard", ()),
    "machine_force_n": ("Kracht machine (N)", "Machine force (N)", ()),
    "operations_per_unit": ("Handelingen per eenheid", "Operations per unit", ()),
    "measuring_tolerance_mm": ("Meettolerantie (mm)", "Measuring tolerance (mm)", ()),
    "part_size_mm": ("Grootste maat (mm)", "Part size (mm)", ("afmeting",)),
    "walking": ("Lopend werk", "Walking", ()),
    "vibrating_tool": ("Trillend gereedschap", "Vibrating tool", ()),
    "lifts_per_hour": ("Tillingen per uur", "Lifts per hour", ()),
}
TASK_COLUMNS.update(SCREENING_TASK_COLUMNS)
TASK_COLUMNS["catalogue_split"] = (
    "Catalogussplitsing",
    "Catalogue split",
    ("splitsing catalogus", "split confirmed"),
)
#: the adviser's word on a catalogue split, in both languages
SPLIT_WORDS = {"bevestigd": "confirmed", "afgewezen": "rejected"}
_SCREENING_NUMBERS = (
    "machine_force_n",
    "operations_per_unit",
    "measuring_tolerance_mm",
    "part_size_mm",
    "lifts_per_hour",
)
_SCREENING_FLAGS = ("machine_hazard", "walking", "vibrating_tool")

ROLE_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "id": ("ID", "ID", ("code",)),
    "name": ("Functie", "Role", ("naam", "name", "functienaam")),
    "headcount": ("Aantal", "Headcount", ("aantal medewerkers", "people", "fte")),
    "education": ("Opleiding", "Education", ("niveau", "level")),
    "hours_per_week": ("Uren per week", "Hours per week", ("contracturen",)),
    "wage_cost_eur_per_hour": ("Loonkosten per uur", "Wage cost per hour", ("uurloon", "wage")),
    "hard_to_fill": ("Moeilijk vervulbaar", "Hard to fill", ("knelpunt", "vacature moeilijk")),
    "vacancies": ("Vacatures", "Vacancies", ()),
    # the work balance: the uses of hours freed from the role (docs/method.md 5.1)
    "overtime_hours_per_week": ("Overuren per week", "Overtime hours per week", ("overwerk",)),
    "agency_hours_per_week": (
        "Uitzenduren per week",
        "Agency hours per week",
        ("uitzenduren", "inleenuren", "agency hours"),
    ),
    "backlog_hours_per_week": (
        "Blijft liggen (uur per week)",
        "Backlog hours per week",
        ("werk dat blijft liggen", "backlog"),
    ),
    "leavers": ("Vertrekkers", "Leavers", ("vertrek", "uitstroom")),
    "vacancy_value_eur_per_hour": (
        "Waarde vacature-uur",
        "Value of a vacancy hour",
        ("opbrengst vacature-uur",),
    ),
    "backlog_margin_eur_per_hour": ("Marge per uur blijft liggen", "Backlog margin per hour", ()),
}
#: role columns read as numbers (whole numbers where True)
_ROLE_NUMBERS = {
    "overtime_hours_per_week": False,
    "agency_hours_per_week": False,
    "backlog_hours_per_week": False,
    "leavers": True,
    "vacancy_value_eur_per_hour": False,
    "backlog_margin_eur_per_hour": False,
}
PROFILE_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "id": ("ID", "ID", ("code",)),
    "name": ("Profiel", "Profile", ("naam", "name")),
    "description": ("Beschrijving", "Description", ()),
    "hours_per_week_available": ("Uren per week", "Hours per week", ("uren", "hours")),
    "relative_pace": ("Relatief tempo", "Relative pace", ("werktempo",)),
    "supports": ("Ondersteuning", "Supports", ()),
    "max_workers": ("Aantal mensen", "Number of people", ("max", "max workers")),
    **{
        d: (DIMENSION_NAMES[d][0].capitalize(), DIMENSION_NAMES[d][1].capitalize(), (d,))
        for d in DIMENSIONS
    },
    "restrictions": ("Beperkingen", "Restrictions", ("beperking",)),
}
COMPANY_KEYS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "company.name": ("Bedrijf", "Company", ("bedrijfsnaam", "company name")),
    "company.sector": ("Sector", "Sector", ("branche",)),
    "company.location": ("Plaats", "Location", ("vestiging",)),
    "process.name": ("Proces", "Process", ("procesnaam",)),
    "process.description": ("Procesbeschrijving", "Process description", ()),
    "process.kind": (
        "Soort proces (pool/line)",
        "Process kind (pool/line)",
        ("soort proces", "kind"),
    ),
    "planning.units_per_week": (
        "Producten per week",
        "Units per week",
        ("eenheden per week", "volume"),
    ),
    "planning.weeks_per_year": ("Werkweken per jaar", "Working weeks per year", ("weken",)),
    "planning.hours_per_fte": ("Uren per fte", "Hours per FTE", ("fte-uren",)),
    "planning.shifts": ("Ploegen", "Shifts", ()),
    "planning.takt_s": ("Takttijd (s)", "Takt (s)", ("takt",)),
    "planning.units_per_week_low": ("Producten per week laag", "Units per week low", ()),
    "planning.units_per_week_high": ("Producten per week hoog", "Units per week high", ()),
    "supports": ("Ondersteuning bedrijf", "Company supports", ()),
    "options.language": ("Taal rapport", "Report language", ("taal", "language")),
}
_INTEGER_OPTIONS = ("seed", "min_kinds_per_job", "max_cobots", "workers", "draws")
for _name in (
    "seed",
    "handover_overhead_share",
    "min_job_hours",
    "min_kinds_per_job",
    "max_job_ergonomic_load",
    "max_cobots",
    "time_limit_s",
    "workers",
    "draws",
):
    COMPANY_KEYS[f"options.{_name}"] = (f"options.{_name}", f"options.{_name}", ())
for _name in Economics.model_fields:
    COMPANY_KEYS[f"economics.{_name}"] = (f"economics.{_name}", f"economics.{_name}", ())

SCENARIO_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "id": ("ID", "ID", ()),
    "name": ("Scenario", "Scenario", ("naam", "name")),
    "profiles": ("Profielen", "Profiles", ()),
    "max_cobots": ("Max cobots", "Max cobots", ()),
    "volume_change_share": ("Volumeverandering", "Volume change", ()),
    "min_job_hours": ("Min uren per baan", "Min job hours", ()),
    "min_kinds_per_job": ("Min soorten werk", "Min kinds of work", ()),
    "max_job_ergonomic_load": ("Max fysieke belasting", "Max physical load", ()),
}

SHEETS = {
    "tasks": ("Taken", "Tasks"),
    "roles": ("Functies", "Roles"),
    "profiles": ("Profielen", "Profiles"),
    "company": ("Bedrijf", "Company"),
    "help": ("Uitleg", "Instructions"),
    "scenarios": ("Scenario's", "Scenarios"),
}
BASIS = {
    "s/unit": (
        "s/eenheid",
        "s/unit",
        ("s", "sec", "seconden", "seconds", "s per eenheid", "s per unit", "s/stuk"),
    ),
    "min/batch": ("min/batch", "min/batch", ("min per batch", "minuten per batch", "min/serie")),
    "h/week": ("uur/week", "h/week", ("uur per week", "hours per week", "u/week", "hours/week")),
}
YES = {"ja", "yes", "j", "y", "true", "waar", "x", "1"}
NO = {"nee", "no", "n", "false", "onwaar", "0", ""}


def _norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "").strip().lower())


def _aliases(columns: dict[str, tuple[str, str, tuple[str, ...]]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for field, (nl, en, other) in columns.items():
        for name in (nl, en, *other):
            out.setdefault(_norm(name), field)
    return out


def _header_field(header: str, aliases: dict[str, str]) -> tuple[str | None, str | None]:
    """(field, time basis implied by a unit in brackets) of a header cell ("Nr." is "nr")."""
    text = _norm(header).rstrip(".:").strip()
    if text in aliases:
        return aliases[text], None
    m = re.match(r"^(.*?)\s*\((.+)\)$", text)
    if m and m.group(1) in aliases:
        unit = m.group(2).replace(" ", "")
        basis = next(
            (
                b
                for b, (nl, en, other) in BASIS.items()
                if unit in {_norm(x).replace(" ", "") for x in (nl, en, *other)}
            ),
            None,
        )
        return aliases[m.group(1)], basis
    return None, None


# ----------------------------------------------------------------------------- reading


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


def _parse_sheet(ws: Any, file: str) -> list[list[Any]]:
    from openpyxl.worksheet._reader import WorkSheetParser

    grid: list[list[Any]] = []
    filled = 0
    wb = ws.parent
    with ws._get_source() as src:
        parser = WorkSheetParser(
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
    time = _num(v.get("time"), table, row, "time", "time", problems)
    basis = _basis(v.get("basis"), table, row, problems)
    if time is not None:
        if basis is None:
            problems.append(
                table.problem(
                    row, "basis", "time without a time basis (s/eenheid, min/batch, uur/week)"
                )
            )
        elif basis == "s/unit":
            task["time_s_per_unit"] = time
        elif basis == "min/batch":
            task["time_min_per_batch"] = time
            batch = _num(v.get("batch"), table, row, "batch", "batch size", problems, integer=True)
            if batch is None:
                problems.append(table.problem(row, "batch", "a time per batch needs a batch size"))
            else:
                task["batch_size_units"] = batch
        else:
            task["hours_per_week"] = time
    share = _num(v.get("share"), table, row, "share", "share of units", problems)
    if share is not None:
        task["share_of_units"] = share
    for f in ("time_low", "time_high"):
        bound = _num(v.get(f), table, row, f, f.replace("_", " "), problems)
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
    for f in ("workstation", "area"):
        if v.get(f) not in (None, ""):
            task[f] = str(v[f]).strip()
    for f in ("activities", "aids_in_use"):
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
    if handling:
        task["handling"] = handling
    return task


def read_inventory(
    path: str | Path, *, sheet: str | None = None, mapping: str | Path | None = None
) -> dict[str, Any]:
    """Read a task inventory (xlsx or csv) into model data; every cell problem at once.

    Raises
    ------
    InputError
        One problem per faulty cell, as ``FILE:SHEET!CELL: message``.
    """
    path = Path(path)
    file = str(path)
    mapping_data = _read_mapping(mapping) if mapping else None
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    templates = set(load_catalogs().entries)
    company: dict[str, Any] = {}
    roles: list[dict[str, Any]] = []
    profiles: list[dict[str, Any]] = []
    if suffix == ".csv":
        tasks_table = _table(_csv_rows(path), file, None, TASK_COLUMNS, mapping_data)
    elif suffix in (".xlsx", ".xlsm"):
        wb = _open_workbook(path, file)
        ws = _sheet(wb, "tasks", sheet or (mapping_data or {}).get("sheet"))
        if ws is None:
            if sheet:
                raise InputError(
                    [
                        Problem(
                            file,
                            0,
                            0,
                            "",
                            f'no sheet "{sheet}"{suggest(sheet, wb.sheetnames)}; sheets: {", ".join(wb.sheetnames)}',
                        )
                    ]
                )
            ws = wb.worksheets[0]
        tasks_table = _table(_grid_rows(ws, file), file, ws.title, TASK_COLUMNS, mapping_data)
        company = _read_company(wb, file, problems)
        roles = _read_block(wb, "roles", ROLE_COLUMNS, file, problems, _role_row)
        profiles = _read_block(wb, "profiles", PROFILE_COLUMNS, file, problems, _profile_row)
        scenarios = _read_block(wb, "scenarios", SCENARIO_COLUMNS, file, problems, _scenario_row)
        wb.close()
    else:
        raise InputError(
            [
                Problem(
                    file, 0, 0, "", f"unsupported file type {suffix or '(none)'}: use .xlsx or .csv"
                )
            ]
        )
    budget = [MAX_SUGGESTIONS]
    tasks, positions = _tasks(tasks_table, problems, templates, budget)
    if suffix == ".csv":
        scenarios = []
    role_ids = {r["id"] for r in roles}
    if not roles:  # a plain task list: one role per name in the role column
        slugs = {t["role"]: _slug(t["role"]) for t in _all_tasks(tasks) if t.get("role")}
        first = {slug: name for name, slug in reversed(list(slugs.items()))}
        roles = [
            {"id": slug, "name": name, "headcount": 1, "education": "MBO 2"}
            for slug, name in reversed(list(first.items()))
        ]
        for t in _all_tasks(tasks):
            if t.get("role"):
                t["role"] = slugs[t["role"]]
        role_ids = {r["id"] for r in roles}
    by_name = {_norm(r.get("name")): r["id"] for r in roles if r.get("name")}
    for t in _all_tasks(tasks):  # a role may be named by its name ("Operator") as well as its id
        if t.get("role") and t["role"] not in role_ids and _norm(t["role"]) in by_name:
            t["role"] = by_name[_norm(t["role"])]
    role_hint = Suggester(role_ids, budget)
    for t in tasks:
        row = positions.get(t["id"], 0)  # 0: a row without an id (already reported)
        if row and t.get("role") and t["role"] not in role_ids:
            problems.append(
                tasks_table.problem(
                    row, "role", f"unknown role {show(t['role'], 80)}{role_hint(t['role'])}"
                )
            )
    if problems:
        raise InputError(problems)
    return _assemble(company, roles, tasks, profiles, path, scenarios)


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def _all_tasks(tasks: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for task in tasks:
        yield task
        yield from _all_tasks(task.get("subtasks", []))


def _read_mapping(path: str | Path) -> dict[str, Any]:
    """Read and check a mapping file: every mistake located, before the inventory is read."""
    from jobcarve.yamlsource import load

    file = str(path)
    text = decode(read_bounded(path, MAX_MAPPING_BYTES, "a mapping file (YAML)"), file)
    data, smap, problems = load(text, file)
    if problems:
        raise InputError(problems)
    if data is None or not isinstance(data, dict) or not isinstance(data.get("columns", {}), dict):
        raise InputError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    "a mapping file is a mapping with columns: {field: header or column letter}",
                )
            ]
        )
    unknown_keys = [k for k in data if k not in ("sheet", "header_row", "columns")]
    for key in unknown_keys:
        problems.append(
            smap.problem(
                (key,),
                f'unknown key "{key}"{suggest(key, ("sheet", "header_row", "columns"))}',
                key=True,
            )
        )
    header_row = data.get("header_row")
    if header_row is not None and (
        isinstance(header_row, bool) or not isinstance(header_row, int) or not 1 <= header_row <= 15
    ):
        problems.append(
            smap.problem(
                ("header_row",),
                f"header_row must be a row number from 1 to 15, found {show(header_row)}",
            )
        )
    if "sheet" in data and not isinstance(data["sheet"], str):
        problems.append(
            smap.problem(("sheet",), f"sheet must be a sheet name, found {show(data['sheet'])}")
        )
    for field, value in (data.get("columns") or {}).items():
        loc = ("columns", field)
        if field not in TASK_COLUMNS:
            problems.append(
                smap.problem(
                    loc, f'unknown field "{field}"{suggest(field, TASK_COLUMNS)}', key=True
                )
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                smap.problem(loc, f"give a header text or a column letter, found {show(value)}")
            )
        elif re.fullmatch(r"[A-Za-z]{1,3}", value) and _column_number(value) > MAX_COLUMNS:
            problems.append(
                smap.problem(
                    loc,
                    f'column "{value}" is beyond column {get_column_letter(MAX_COLUMNS)}, '
                    "the last one jobcarve reads",
                )
            )
    if problems:
        raise InputError(problems)
    return data


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


def _read_block(
    wb: openpyxl.Workbook,
    key: str,
    columns: dict[str, tuple[str, str, tuple[str, ...]]],
    file: str,
    problems: list[Problem],
    convert: Any,
) -> list[dict[str, Any]]:
    ws = _sheet(wb, key)
    if ws is None:
        return []
    table = _table(_grid_rows(ws, file), file, ws.title, columns)
    return [convert(table, row, values, problems) for row, values in table.rows]


def _role_row(table: Table, row: int, v: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    role: dict[str, Any] = {
        "id": str(v.get("id") or "").strip(),
        "name": str(v.get("name") or "").strip(),
    }
    headcount = _num(
        v.get("headcount"), table, row, "headcount", "headcount", problems, integer=True
    )
    role["headcount"] = headcount if headcount is not None else 0
    education = str(v.get("education") or "none").strip()
    level = re.fullmatch(r"(?i)\s*mbo[\s-]*(?:niveau|level)?\s*([1-4])\s*", education)
    role["education"] = f"MBO {level.group(1)}" if level else education
    for f in ("hours_per_week", "wage_cost_eur_per_hour"):
        num = _num(v.get(f), table, row, f, ROLE_COLUMNS[f][1].lower(), problems)
        if num is not None:
            role[f] = num
    flag = _bool(v.get("hard_to_fill"), table, row, "hard_to_fill", problems)
    if flag:
        role["hard_to_fill"] = True
    vac = _num(v.get("vacancies"), table, row, "vacancies", "vacancies", problems, integer=True)
    if vac:
        role["vacancies"] = vac
    for f, whole in _ROLE_NUMBERS.items():
        num = _num(v.get(f), table, row, f, ROLE_COLUMNS[f][1].lower(), problems, integer=whole)
        if num:
            role[f] = num
    return role


def _profile_row(
    table: Table, row: int, v: dict[str, Any], problems: list[Problem]
) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "id": str(v.get("id") or "").strip(),
        "name": str(v.get("name") or "").strip(),
    }
    if v.get("description") not in (None, ""):
        profile["description"] = str(v["description"]).strip()
    caps = {}
    for d in DIMENSIONS:
        rating = _num(v.get(d), table, row, d, "capacity", problems, integer=True)
        if rating is None:
            problems.append(table.problem(row, d, f"no capacity for {DIMENSION_NAMES[d][1]}"))
        elif not 0 <= rating <= 4:
            problems.append(table.problem(row, d, f'capacity "{v.get(d)}" is not 0, 1, 2, 3 or 4'))
        else:
            caps[d] = rating
    profile["capacities"] = caps
    hours = _num(
        v.get("hours_per_week_available"), table, row, "hours_per_week_available", "hours", problems
    )
    profile["hours_per_week_available"] = hours if hours is not None else 0
    pace = _num(v.get("relative_pace"), table, row, "relative_pace", "relative pace", problems)
    if pace is not None:
        profile["pace"] = pace
    supports = _ids(v.get("supports"))
    if supports:
        profile["supports"] = supports
    workers = _num(
        v.get("max_workers"), table, row, "max_workers", "number of people", problems, integer=True
    )
    if workers is not None:
        profile["max_workers"] = workers
    restrictions = []
    for item in _ids(v.get("restrictions")):
        kind, _, value = item.partition("=")
        entry: dict[str, Any] = {"kind": kind.strip()}
        if value.strip():
            num = _num(value.strip(), table, row, "restrictions", "restriction value", problems)
            if num is not None:
                entry["value"] = num
        restrictions.append(entry)
    if restrictions:
        profile["restrictions"] = restrictions
    return profile


def _scenario_row(
    table: Table, row: int, v: dict[str, Any], problems: list[Problem]
) -> dict[str, Any]:
    scenario: dict[str, Any] = {
        "id": str(v.get("id") or "").strip(),
        "name": str(v.get("name") or "").strip(),
    }
    if v.get("profiles") not in (None, ""):
        scenario["profiles"] = _ids(v["profiles"])
    for f in ("max_cobots", "min_kinds_per_job"):
        num = _num(v.get(f), table, row, f, f.replace("_", " "), problems, integer=True)
        if num is not None:
            scenario[f] = num
    for f in ("volume_change_share", "min_job_hours", "max_job_ergonomic_load"):
        num = _num(v.get(f), table, row, f, f.replace("_", " "), problems)
        if num is not None:
            scenario[f] = num
    return scenario


def _read_company(wb: openpyxl.Workbook, file: str, problems: list[Problem]) -> dict[str, Any]:
    ws = _sheet(wb, "company")
    if ws is None:
        return {}
    aliases = _aliases(COMPANY_KEYS)
    out: dict[str, Any] = {}
    for r, row in enumerate(_grid_rows(ws, file), start=1):
        if not row or row[0] in (None, ""):
            continue
        key = aliases.get(_norm(row[0]))
        if key is None:
            continue
        value = row[1] if len(row) > 1 else None
        if value in (None, ""):
            continue
        table = Table(file, ws.title, 1, {"value": 2}, None, [])
        if key.startswith(("planning.", "economics.")) or (
            key.startswith("options.") and key != "options.language"
        ):
            integer = key in ("planning.shifts", *(f"options.{k}" for k in _INTEGER_OPTIONS))
            value = _num(value, table, r, "value", _norm(row[0]), problems, integer=integer)
        elif key == "supports":
            value = _ids(value)
        out[key] = value
    return out


def _assemble(
    company: dict[str, Any],
    roles: list[dict[str, Any]],
    tasks: list[dict[str, Any]],
    profiles: list[dict[str, Any]],
    path: Path,
    scenarios: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    def get(key: str, default: Any) -> Any:
        return company.get(key, default)

    planning: dict[str, Any] = {"units_per_week": get("planning.units_per_week", 1000)}
    for k in (
        "weeks_per_year",
        "hours_per_fte",
        "shifts",
        "takt_s",
        "units_per_week_low",
        "units_per_week_high",
    ):
        if f"planning.{k}" in company:
            planning[k] = company[f"planning.{k}"]
    data: dict[str, Any] = {
        "format": 1,
        "company": {
            "name": str(get("company.name", path.stem)),
            "sector": str(get("company.sector", "manufacturing")),
        },
        "process": {"name": str(get("process.name", path.stem))},
        "planning": planning,
        "roles": roles,
        "tasks": tasks,
        "profiles": profiles,
    }
    if "company.location" in company:
        data["company"]["location"] = str(company["company.location"])
    if "process.description" in company:
        data["process"]["description"] = str(company["process.description"])
    if "process.kind" in company:
        data["process"]["kind"] = str(company["process.kind"]).strip().lower()
    if company.get("supports"):
        data["supports"] = company["supports"]
    options = {k.split(".", 1)[1]: v for k, v in company.items() if k.startswith("options.")}
    if "language" in options:
        options["language"] = str(options["language"]).strip().lower()
    if options:
        data["options"] = options
    economics = {k.split(".", 1)[1]: v for k, v in company.items() if k.startswith("economics.")}
    if economics:
        data["economics"] = economics
    if scenarios:
        data["scenarios"] = scenarios
    return data


def model_yaml(data: dict[str, Any], source: str, assumed: list[str]) -> str:
    """The model as commented YAML."""
    header = [
        "# yaml-language-server: $schema=jobcarve-schema.json",
        f"# Imported by jobcarve from {source}. Check it with: jobcarve validate <this file>",
        "# Models describe worker profiles (archetypes), never named people.",
    ]
    header += [f"# ASSUMED (not in the inventory, check it): {a}" for a in assumed]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return "\n".join(header) + "\n" + body


def import_inventory(
    path: str | Path, *, sheet: str | None = None, mapping: str | Path | None = None
) -> tuple[ProcessModel, str]:
    """Read an inventory and return the validated model and its commented YAML text."""
    from jobcarve.read import parse_process

    data = read_inventory(path, sheet=sheet, mapping=mapping)
    assumed = []
    if not data["profiles"]:
        assumed.append("no Profielen/Profiles sheet: add worker profiles before analysing")
    text = model_yaml(data, Path(path).name, assumed)
    model = parse_process(text, f"{Path(path).name} (imported)")
    return model, text


# ----------------------------------------------------------------------------- writing


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _save(wb: openpyxl.Workbook) -> bytes:
    """The workbook's bytes, with every text cell stored as text, never as a formula.

    openpyxl stores a string that starts with "=" as a live formula; a name such as
    ``=HYPERLINK(...)`` or ``=WEBSERVICE(...)`` from a model would then run in the
    employer's spreadsheet program (OWASP: CSV/formula injection). Every string cell is
    forced to the string type, and those that start like a formula also get Excel's quote
    prefix, so editing the cell does not turn it into a formula either.
    """
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if cell.value.startswith(_FORMULA_START):
                        cell.quotePrefix = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_table(
    ws: Worksheet, headers: list[str], rows: Iterator[list[Any]] | list[list[Any]]
) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    for row in rows:
        ws.append(row)
    ws.freeze_panes = "A2"
    for i, h in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(str(h)) + 4))


def _task_rows(tasks: list[Task], lang: str, parent: str | None = None) -> Iterator[list[Any]]:
    for t in tasks:
        time: float | None
        basis: str | None
        batch: int | None
        if t.time_s_per_unit is not None:
            time, basis, batch = t.time_s_per_unit, "s/unit", None
        elif t.time_min_per_batch is not None:
            time, basis, batch = t.time_min_per_batch, "min/batch", t.batch_size_units
        elif t.hours_per_week is not None:
            time, basis, batch = t.hours_per_week, "h/week", None
        else:
            time = basis = batch = None
        label = BASIS[basis][0 if lang == "nl" else 1] if basis else None
        h = t.handling
        lift = h.lift if h else None
        demands = t.demands.as_dict() if t.demands else {}
        yield [
            t.id,
            t.name,
            parent,
            t.role,
            time,
            label,
            batch,
            t.share_of_units if t.share_of_units != 1 else None,
            t.time_low,
            t.time_high,
            ", ".join(t.after) or None,
            t.template,
            t.description or None,
            *(
                getattr(h, f) if h else None
                for f in (
                    "part_mass_kg",
                    "lifts_per_unit",
                    "presentation",
                    "part_type",
                    "tolerance_mm",
                    "variants",
                )
            ),
            *(
                _yesno(getattr(h, f), lang) if h else None
                for f in ("hazardous_tool", "head_exposure")
            ),
            *(
                getattr(h, f) if h else None
                for f in ("process_force_n", "process_torque_nm", "reach_mm")
            ),
            *(
                (
                    lift.horizontal_cm,
                    lift.vertical_cm,
                    lift.travel_cm,
                    lift.asymmetry_deg,
                    lift.coupling,
                )
                if lift
                else (None,) * 5
            ),
            *(demands.get(d) for d in DIMENSIONS),
            t.workstation,
            t.area,
            ", ".join(t.activities) if t.activities else None,
            ", ".join(t.aids_in_use) or None,
            _yesno(h.machine_hazard, lang) if h else None,
            h.machine_force_n if h else None,
            h.operations_per_unit if h else None,
            h.measuring_tolerance_mm if h else None,
            h.part_size_mm if h else None,
            _yesno(h.walking, lang) if h else None,
            _yesno(h.vibrating_tool, lang) if h else None,
            h.lifts_per_hour if h else None,
            _split_word(t.catalogue_split, lang),
        ]
        yield from _task_rows(t.subtasks, lang, t.id)


def _split_word(value: str | None, lang: str) -> str | None:
    if value is None or lang == "en":
        return value
    return {v: k for k, v in SPLIT_WORDS.items()}[value]


def _yesno(value: bool | None, lang: str) -> str | None:
    if value is None:
        return None
    return ("ja" if value else "nee") if lang == "nl" else ("yes" if value else "no")


def _headers(columns: dict[str, tuple[str, str, tuple[str, ...]]], lang: str) -> list[str]:
    return [nl if lang == "nl" else en for nl, en, _ in columns.values()]


def export_inventory(process: ProcessModel, path: str | Path, lang: str = "nl") -> Path:
    """Write a model in the inventory layout (the round trip of `import_inventory`)."""
    from jobcarve.output import write_atomic

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEETS["tasks"][0 if lang == "nl" else 1]
    _write_table(ws, _headers(TASK_COLUMNS, lang), list(_task_rows(process.tasks, lang)))
    roles = wb.create_sheet(SHEETS["roles"][0 if lang == "nl" else 1])
    _write_table(
        roles,
        _headers(ROLE_COLUMNS, lang),
        [
            [
                r.id,
                r.name,
                r.headcount,
                r.education,
                r.hours_per_week,
                r.wage_cost_eur_per_hour,
                _yesno(r.hard_to_fill, lang),
                r.vacancies or None,
                *(getattr(r, f) or None for f in _ROLE_NUMBERS),
            ]
            for r in process.roles
        ],
    )
    profiles = wb.create_sheet(SHEETS["profiles"][0 if lang == "nl" else 1])
    _write_table(
        profiles,
        _headers(PROFILE_COLUMNS, lang),
        [
            [
                p.id,
                p.name,
                p.description or None,
                p.hours_per_week_available,
                p.pace,
                ", ".join(p.supports) or None,
                p.max_workers,
                *p.capacities.as_dict().values(),
                ", ".join(
                    r.kind if r.value is None else f"{r.kind}={r.value:g}" for r in p.restrictions
                )
                or None,
            ]
            for p in process.profiles
        ],
    )
    company = wb.create_sheet(SHEETS["company"][0 if lang == "nl" else 1])
    values = {
        "company.name": process.company.name,
        "company.sector": process.company.sector,
        "company.location": process.company.location or None,
        "process.name": process.process.name,
        "process.description": process.process.description or None,
        "process.kind": process.process.kind,
        "planning.units_per_week": process.planning.units_per_week,
        "planning.weeks_per_year": process.planning.weeks_per_year,
        "planning.hours_per_fte": process.planning.hours_per_fte,
        "planning.shifts": process.planning.shifts,
        "planning.takt_s": process.planning.takt_s,
        "supports": ", ".join(process.supports) or None,
        "options.language": process.options.language,
        "planning.units_per_week_low": process.planning.units_per_week_low,
        "planning.units_per_week_high": process.planning.units_per_week_high,
    }
    for key, value in process.options.model_dump().items():
        if (
            key != "language"
            and f"options.{key}" in COMPANY_KEYS
            and value != Options.model_fields[key].default
        ):
            values[f"options.{key}"] = value
    for key, value in process.economics.model_dump(exclude_none=True).items():
        values[f"economics.{key}"] = value
    for key, (nl, en, _) in COMPANY_KEYS.items():
        if values.get(key) is not None or not key.startswith(("options.", "economics.")):
            company.append([nl if lang == "nl" else en, values.get(key)])
    if process.scenarios:
        sheet = wb.create_sheet(SHEETS["scenarios"][0 if lang == "nl" else 1])
        _write_table(
            sheet,
            _headers(SCENARIO_COLUMNS, lang),
            [
                [
                    sc.id,
                    sc.name,
                    ", ".join(sc.profiles) if sc.profiles is not None else None,
                    sc.max_cobots,
                    sc.volume_change_share or None,
                    sc.min_job_hours,
                    sc.min_kinds_per_job,
                    sc.max_job_ergonomic_load,
                ]
                for sc in process.scenarios
            ],
        )
    company.column_dimensions["A"].width = 32
    company.column_dimensions["B"].width = 40
    return write_atomic(path, _save(wb))


def template_workbook(path: str | Path, lang: str = "nl") -> Path:
    """An empty inventory workbook with headers, drop-downs and an instruction sheet."""
    from jobcarve.output import write_atomic

    cats = load_catalogs()
    wb = openpyxl.Workbook()
    help_ws = wb.active
    assert help_ws is not None
    help_ws.title = SHEETS["help"][0 if lang == "nl" else 1]
    for line in _INSTRUCTIONS[lang]:
        help_ws.append([line])
    help_ws.column_dimensions["A"].width = 110
    company = wb.create_sheet(SHEETS["company"][0 if lang == "nl" else 1])
    for nl, en, _ in COMPANY_KEYS.values():
        company.append([nl if lang == "nl" else en, None])
    company.column_dimensions["A"].width = 32
    roles = wb.create_sheet(SHEETS["roles"][0 if lang == "nl" else 1])
    _write_table(roles, _headers(ROLE_COLUMNS, lang), [])
    tasks = wb.create_sheet(SHEETS["tasks"][0 if lang == "nl" else 1])
    headers = _headers(TASK_COLUMNS, lang)
    _write_table(tasks, headers, [])
    profiles = wb.create_sheet(SHEETS["profiles"][0 if lang == "nl" else 1])
    _write_table(profiles, _headers(PROFILE_COLUMNS, lang), [])
    # lists for drop-downs live on a hidden sheet
    lists = wb.create_sheet("Lijsten" if lang == "nl" else "Lists")
    lists.sheet_state = "hidden"
    columns: dict[str, list[str]] = {
        "A": [BASIS[b][1] if lang == "en" else BASIS[b][0] for b in BASIS],
        "B": sorted(cats.entries),
        "C": list(EDUCATION_LEVELS),
        "D": ["ja", "nee"] if lang == "nl" else ["yes", "no"],
        "E": ["fixed", "variable"],
        "F": ["rigid", "flexible", "fragile"],
    }
    for letter, values in columns.items():
        for i, value in enumerate(values, start=1):
            lists[f"{letter}{i}"] = value

    def listref(letter: str) -> str:
        return f"'{lists.title}'!${letter}$1:${letter}${len(columns[letter])}"

    def add(
        ws: Worksheet,
        field_columns: dict[str, tuple[str, str, tuple[str, ...]]],
        field: str,
        formula: str,
        prompt: str,
    ) -> None:
        col = get_column_letter(list(field_columns).index(field) + 1)
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True)
        dv.error = prompt
        dv.add(f"{col}2:{col}1000")
        ws.add_data_validation(dv)

    rating = '"0,1,2,3,4"'
    role_ids = f"'{roles.title}'!$A$2:$A$200"
    add(tasks, TASK_COLUMNS, "basis", listref("A"), "s/eenheid, min/batch, uur/week")
    add(tasks, TASK_COLUMNS, "template", listref("B"), "jobcarve catalog list")
    add(
        tasks,
        TASK_COLUMNS,
        "role",
        role_ids,
        "ID uit het blad Functies / an ID from the Roles sheet",
    )
    add(tasks, TASK_COLUMNS, "presentation", listref("E"), "fixed / variable")
    add(tasks, TASK_COLUMNS, "part_type", listref("F"), "rigid / flexible / fragile")
    for f in ("hazardous_tool", "head_exposure"):
        add(tasks, TASK_COLUMNS, f, listref("D"), "ja/nee - yes/no")
    for d in DIMENSIONS:
        add(tasks, TASK_COLUMNS, d, rating, "0-4")
        add(profiles, PROFILE_COLUMNS, d, rating, "0-4")
    add(roles, ROLE_COLUMNS, "education", listref("C"), ", ".join(EDUCATION_LEVELS))
    add(roles, ROLE_COLUMNS, "hard_to_fill", listref("D"), "ja/nee - yes/no")
    return write_atomic(path, _save(wb))


_INSTRUCTIONS = {
    "nl": [
        "Takeninventarisatie voor jobcarve",
        "",
        "1. Bedrijf: vul bedrijf, proces en planning in (producten per week, uren per fte).",
        "2. Functies: één regel per bestaande functie, met een korte ID (bijv. monteur), aantal, opleiding en of de functie moeilijk vervulbaar is.",
        "3. Taken: één regel per taak. Tijd met tijdbasis: s/eenheid (seconden per product), min/batch (minuten per batch, met batchgrootte) of uur/week.",
        "   Voorgangers: ID's van taken die eerst moeten, gescheiden door komma's. Sjabloon: een standaardtaak uit de catalogus (neemt taakeisen over).",
        "   Taakeisen 0-4: 0 = niet gevraagd, 1 = laag, 2 = gemiddeld, 3 = hoog, 4 = zeer hoog. Hoofdtaak: vul in bij een deeltaak.",
        "4. Profielen: typeringen van werknemers uit de doelgroep (nooit namen van personen), met wat zij kunnen (0-4) en hun uren.",
        "Daarna: jobcarve import dit-bestand.xlsx -o model.yaml en jobcarve analyze model.yaml --out rapport/",
    ],
    "en": [
        "Task inventory for jobcarve",
        "",
        "1. Company: fill in company, process and planning (units per week, hours per FTE).",
        "2. Roles: one row per existing role, with a short ID (e.g. assembler), headcount, education and whether it is hard to fill.",
        "3. Tasks: one row per task. Time with its basis: s/unit (seconds per product), min/batch (minutes per batch, with the batch size) or h/week.",
        "   Predecessors: IDs of tasks that come first, separated by commas. Template: a standard task from the catalogue (inherits its demands).",
        "   Demands 0-4: 0 = not demanded, 1 = low, 2 = moderate, 3 = high, 4 = very high. Parent task: fill in for a subtask.",
        "4. Profiles: archetypes of workers from the target group (never names of people), with what they can do (0-4) and their hours.",
        "Then: jobcarve import this-file.xlsx -o model.yaml and jobcarve analyze model.yaml --out report/",
    ],
}


def plan_workbook(
    path: str | Path, process: ProcessModel, analysis: Any, plan: Any, lang: str = "nl"
) -> Path:
    """Write the plan workbook (see `plan_workbook_bytes`)."""
    from jobcarve.output import write_atomic

    return write_atomic(path, plan_workbook_bytes(process, analysis, plan, lang))


def plan_workbook_bytes(
    process: ProcessModel, analysis: Any, plan: Any, lang: str = "nl", case: Any = None
) -> bytes:
    """The plan as a workbook for advisers: tasks with verdicts and reasons, jobs, cobots, figures."""
    nl = lang == "nl"
    wb = openpyxl.Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Samenvatting" if nl else "Summary"
    figures = plan.summary() if plan is not None else {}
    labels = {
        "extra_workers": (
            "Extra medewerkers uit de doelgroep",
            "Extra workers from the target group",
        ),
        "extra_fte": ("Extra fte", "Extra FTE"),
        "banenafspraak_jobs": ("Banenafspraakbanen (25,5 uur)", "Banenafspraak jobs (25.5 h)"),
        "skilled_hours_freed_per_week": (
            "Uren per week vrij in moeilijk vervulbare functies",
            "Hours per week freed in hard-to-fill roles",
        ),
        "cobots": ("Cobots", "Cobots"),
        "cobot_hours_per_week": ("Cobot-uren per week", "Cobot hours per week"),
        "status": ("Status", "Status"),
        "gap": ("Verschil tot bovengrens", "Gap to the bound"),
    }
    if plan is not None:
        from jobcarve.report.document import plan_bound

        if plan_bound(plan) is None:  # no bound known: not "gap 0"
            figures["gap"] = "onbekend" if nl else "unknown"
    _write_table(
        summary,
        ["Gegeven" if nl else "Figure", "Waarde" if nl else "Value"],
        [[labels[k][0 if nl else 1], figures.get(k)] for k in labels],
    )
    tasks = wb.create_sheet("Taken" if nl else "Tasks")
    pids = [p.id for p in process.profiles]
    headers = [
        "ID",
        "Taak" if nl else "Task",
        "Eenheid" if nl else "Unit",
        "Uren/week" if nl else "Hours/week",
        "Wie" if nl else "Who",
    ]
    headers += [f"{p}: oordeel" if nl else f"{p}: verdict" for p in pids]
    headers += ["Cobot", "Haalbaarheid" if nl else "Feasibility", "Redenen" if nl else "Reasons"]
    holders = plan.unit_holder if plan is not None else {}
    rows = []
    for task in analysis.tasks:
        for unit in task.units:
            who = "; ".join(
                f"{h['holder']} ({h['hours_per_week']:.1f} h)" for h in holders.get(unit.id, [])
            )
            reasons = " | ".join(
                r.text(lang)
                for r in (*unit.cobot.reasons[:1], *(g.reason for g in unit.cobot.gates))
            )
            rows.append(
                [
                    unit.id,
                    task.name,
                    unit.name,
                    round(unit.hours_per_week, 2),
                    who,
                    *(
                        task.fit[p].verdict if len(task.units) == 1 else unit.fit[p].verdict
                        for p in pids
                    ),
                    unit.cobot.label,
                    round(unit.cobot.feasibility),
                    reasons,
                ]
            )
    _write_table(tasks, headers, rows)
    jobs = wb.create_sheet("Banen" if nl else "Jobs")
    _write_table(
        jobs,
        [
            "ID",
            "Soort" if nl else "Kind",
            "Profiel" if nl else "Profile",
            "Uren/week" if nl else "Hours/week",
            "Werk" if nl else "Units",
            "Ondersteuning" if nl else "Supports",
        ],
        [
            [
                j.id,
                j.kind,
                j.profile or j.role,
                round(j.hours_per_week, 2),
                ", ".join(j.units),
                ", ".join(j.supports),
            ]
            for j in (plan.jobs if plan is not None else [])
        ],
    )
    cobots = wb.create_sheet("Cobots")
    _write_table(
        cobots,
        [
            "ID",
            "Model",
            "Neemt over" if nl else "Takes over",
            "Helpt bij" if nl else "Assists",
            "Uren/week" if nl else "Hours/week",
        ],
        [
            [c.id, c.model, ", ".join(c.units), ", ".join(c.assists), round(c.hours_per_week, 2)]
            for c in (plan.cobots if plan is not None else [])
        ],
    )
    if case is not None:
        from jobcarve.report.context import CASE_LABELS, case_label
        from jobcarve.report.i18n import translations

        gettext = translations(lang).gettext
        sheet = wb.create_sheet("Businesscase" if nl else "Business case")
        rows = [
            [case_label(item.key, gettext), round(item.amount_eur_per_year, 2), item.formula]
            for item in case.lines
            if item.key in CASE_LABELS
        ]
        rows.append(
            [
                "Netto effect per jaar" if nl else "Net effect per year",
                round(case.net_eur_per_year, 2),
                "",
            ]
        )
        rows.append(
            [
                "Investering cobots" if nl else "Cobot investment",
                round(case.cobot_investment_eur, 2),
                "",
            ]
        )
        payback = case.cobot_payback_years
        rows.append(
            [
                "Terugverdientijd cobots (jaar)" if nl else "Cobot payback (years)",
                round(payback, 2) if payback is not None else None,
                "",
            ]
        )
        _write_table(
            sheet,
            [
                "Post" if nl else "Item",
                "EUR per jaar" if nl else "EUR per year",
                "Berekening" if nl else "How it is computed",
            ],
            rows,
        )
    return _save(wb)
