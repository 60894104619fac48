"""The empty inventory workbook with instructions, drop-down lists and examples."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jobcarve.catalog import load_catalogs
from jobcarve.model import DIMENSIONS, EDUCATION_LEVELS
from jobcarve.spreadsheet.export import _headers, _save, _write_table
from jobcarve.spreadsheet.layout import (
    BASIS,
    COMPANY_KEYS,
    PROFILE_COLUMNS,
    ROLE_COLUMNS,
    SHEETS,
    TASK_COLUMNS,
)


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
    for f in (
        "hazardous_tool",
        "head_exposure",
        "hazardous_substance",
        "dust_fumes",
        "colour_coded",
        "two_hand_control",
        "wet_work",
        "cold_work",
        "hot_work",
        "noise",
        "vehicle_traffic",
        "on_line",
    ):
        add(tasks, TASK_COLUMNS, f, listref("D"), "ja/nee - yes/no")
    add(tasks, TASK_COLUMNS, "days_per_week", '"1,2,3,4,5"', "1-5")
    add(profiles, PROFILE_COLUMNS, "days_per_week", '"1,2,3,4,5"', "1-5")
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
