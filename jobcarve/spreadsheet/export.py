"""Writing a model in the inventory layout; every text cell is written as text, never a formula."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jobcarve.model import DIMENSIONS, Options, ProcessModel, Task
from jobcarve.spreadsheet.layout import (
    _ROLE_NUMBERS,
    BASIS,
    COMPANY_KEYS,
    PROFILE_COLUMNS,
    ROLE_COLUMNS,
    SCENARIO_COLUMNS,
    SHEETS,
    SHIFT_WORDS,
    SPLIT_WORDS,
    TASK_COLUMNS,
)

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
            _yesno(h.hazardous_substance, lang) if h else None,
            ", ".join(t.aids_unusable) or None,
            _yesno(h.dust_fumes, lang) if h else None,
            _yesno(h.colour_coded, lang) if h else None,
            _yesno(h.two_hand_control, lang) if h else None,
            _yesno(h.wet_work, lang) if h else None,
            _yesno(h.cold_work, lang) if h else None,
            _yesno(h.hot_work, lang) if h else None,
            _yesno(h.noise, lang) if h else None,
            _yesno(h.vehicle_traffic, lang) if h else None,
            _split_word(t.catalogue_split, lang),
            _shift_word(t.shift, lang),
            h.operations_per_hour if h else None,
            t.days_per_week,
            h.part_mass_max_kg if h else None,
            _yesno(t.on_line, lang),
        ]
        yield from _task_rows(t.subtasks, lang, t.id)


def _split_word(value: str | None, lang: str) -> str | None:
    if value is None or lang == "en":
        return value
    return {v: k for k, v in SPLIT_WORDS.items()}[value]


def _shift_word(value: str | None, lang: str) -> str | None:
    if value is None or lang == "en":
        return value
    return {v: k for k, v in reversed(SHIFT_WORDS.items())}[value]


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
                p.instrument,
                p.loonwaarde,
                p.quality_factor,
                p.lkv,
                p.secondment_rate_eur_per_hour,
                p.age,
                p.hourly_wage_eur,
                ", ".join(p.needs) or None,
                p.days_per_week,
                p.max_hours_per_day,
            ]
            for p in process.profiles
        ],
    )
    company = wb.create_sheet(SHEETS["company"][0 if lang == "nl" else 1])
    values = {
        "company.name": process.company.name,
        "company.sector": process.company.sector,
        "company.location": process.company.location or None,
        "company.employees": process.company.employees,
        "company.adviser.name": process.company.adviser.name or None
        if process.company.adviser
        else None,
        "company.adviser.organisation": process.company.adviser.organisation or None
        if process.company.adviser
        else None,
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
        if isinstance(value, dict):  # support_costs_eur: "lifting_aid=8000; job_coach=500"
            value = "; ".join(
                f"{k}={int(v) if float(v).is_integer() else v}" for k, v in value.items()
            )
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
                    sc.heavy_work_load_margin,
                ]
                for sc in process.scenarios
            ],
        )
    company.column_dimensions["A"].width = 32
    company.column_dimensions["B"].width = 40
    return write_atomic(path, _save(wb))
