"""Reading an inventory (xlsx or CSV, with an optional mapping file) into a model."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from jobcarve.catalog import load_catalogs
from jobcarve.exceptions import InputError, Problem
from jobcarve.messages import DIMENSION_NAMES
from jobcarve.model import DIMENSIONS, ProcessModel
from jobcarve.spreadsheet.cells import Table, _bool, _days, _ids, _num, _sheet, _slug, _table
from jobcarve.spreadsheet.layout import (
    _INTEGER_OPTIONS,
    _ROLE_NUMBERS,
    COMPANY_KEYS,
    PROFILE_COLUMNS,
    ROLE_COLUMNS,
    SCENARIO_COLUMNS,
    TASK_COLUMNS,
    _aliases,
    _norm,
)
from jobcarve.spreadsheet.origins import Origins
from jobcarve.spreadsheet.sources import (
    MAX_COLUMNS,
    MAX_MAPPING_BYTES,
    UNCOMPUTED,
    Uncomputed,
    _csv_rows,
    _grid_rows,
    _open_workbook,
)
from jobcarve.spreadsheet.tasks import _all_tasks, _column_number, _tasks
from jobcarve.yamlsource import (
    MAX_SUGGESTIONS,
    Suggester,
    decode,
    dump,
    read_bounded,
    show,
    suggest,
)


def read_inventory(
    path: str | Path, *, sheet: str | None = None, mapping: str | Path | None = None
) -> dict[str, Any]:
    """Read a task inventory (xlsx or csv) into model data; every cell problem at once.

    Raises
    ------
    InputError
        One problem per faulty cell, as ``FILE:SHEET!CELL: message``.
    """
    return _read(path, sheet=sheet, mapping=mapping)[0]


def _read(
    path: str | Path, *, sheet: str | None = None, mapping: str | Path | None = None
) -> tuple[dict[str, Any], Origins]:
    """The model data of an inventory and where each entry of it came from."""
    path = Path(path)
    file = str(path)
    mapping_data = _read_mapping(mapping) if mapping else None
    suffix = path.suffix.lower()
    problems: list[Problem] = []
    templates = set(load_catalogs().entries)
    origins = Origins(file)
    formulas: list[Problem] = []  # formula cells without a stored result
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
        company = _read_company(wb, file, problems, origins, formulas)
        roles = _read_block(wb, "roles", ROLE_COLUMNS, file, problems, _role_row, origins, formulas)
        profiles = _read_block(
            wb, "profiles", PROFILE_COLUMNS, file, problems, _profile_row, origins, formulas
        )
        scenarios = _read_block(
            wb, "scenarios", SCENARIO_COLUMNS, file, problems, _scenario_row, origins, formulas
        )
        wb.close()
    else:
        raise InputError(
            [
                Problem(
                    file, 0, 0, "", f"unsupported file type {suffix or '(none)'}: use .xlsx or .csv"
                )
            ]
        )
    formulas += tasks_table.uncomputed
    if not tasks_table.rows:  # said here, at the header, not as an empty list of the model
        problems.append(
            tasks_table.problem(
                tasks_table.header_row, "id", "no tasks: the header row has no rows below it"
            )
        )
    if formulas:  # these first and alone: what follows from them is noise
        raise InputError(formulas)
    budget = [MAX_SUGGESTIONS]
    tasks, positions = _tasks(tasks_table, problems, templates, budget)
    for t in _all_tasks(tasks):
        if t["id"] in positions:
            origins.row(t, tasks_table, positions[t["id"]])
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
    return _assemble(company, roles, tasks, profiles, path, scenarios), origins


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


def _read_block(
    wb: openpyxl.Workbook,
    key: str,
    columns: dict[str, tuple[str, str, tuple[str, ...]]],
    file: str,
    problems: list[Problem],
    convert: Any,
    origins: Origins,
    formulas: list[Problem],
) -> list[dict[str, Any]]:
    ws = _sheet(wb, key)
    if ws is None:
        return []
    table = _table(_grid_rows(ws, file), file, ws.title, columns)
    formulas += table.uncomputed
    return [
        origins.row(convert(table, row, values, problems), table, row) for row, values in table.rows
    ]


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
    needs = _ids(v.get("needs"))
    if needs:
        profile["needs"] = needs
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
    for f in ("instrument", "lkv"):
        if v.get(f) not in (None, ""):
            profile[f] = str(v[f]).strip().lower()
    for f, what in (
        ("loonwaarde", "loonwaarde"),
        ("quality_factor", "quality factor"),
        ("secondment_rate_eur_per_hour", "secondment fee"),
        ("hourly_wage_eur", "hourly wage"),
    ):
        num = _num(v.get(f), table, row, f, what, problems)
        if num is not None:
            profile[f] = num
    age = _num(v.get("age"), table, row, "age", "age", problems, integer=True)
    if age is not None:
        profile["age"] = age
    days = _days(v.get("days_per_week"), table, row, problems)
    if days is not None:
        profile["days_per_week"] = days
    longest = _num(
        v.get("max_hours_per_day"), table, row, "max_hours_per_day", "longest day", problems
    )
    if longest is not None:
        profile["max_hours_per_day"] = longest
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
    for f in (
        "volume_change_share",
        "min_job_hours",
        "max_job_ergonomic_load",
        "heavy_work_load_margin",
    ):
        num = _num(v.get(f), table, row, f, f.replace("_", " "), problems)
        if num is not None:
            scenario[f] = num
    return scenario


def _read_company(
    wb: openpyxl.Workbook,
    file: str,
    problems: list[Problem],
    origins: Origins,
    formulas: list[Problem],
) -> dict[str, Any]:
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
        origins.keys[key] = table.cell(r, "value")
        if isinstance(value, Uncomputed):
            formulas.append(table.problem(r, "value", f"{show(str(value), 60)}: {UNCOMPUTED}"))
            continue
        if key == "economics.support_costs_eur":
            # one cell of support=amount pairs, as the export writes them
            # (split on ";" only: an amount may carry a decimal comma, 8000,50)
            costs: dict[str, Any] = {}
            for item in (x.strip() for x in str(value).split(";")):
                if not item:
                    continue
                sid, eq, amount = (x.strip() for x in item.partition("="))
                if not eq or not sid or not amount:
                    problems.append(
                        table.problem(
                            r, "value", f'"{item}" is not support=amount (lifting_aid=8000)'
                        )
                    )
                    continue
                if sid in costs:
                    problems.append(table.problem(r, "value", f'support "{sid}" is given twice'))
                    continue
                num = _num(amount, table, r, "value", f"cost of {sid}", problems)
                if num is not None:
                    costs[sid] = num
            value = costs
        elif key.startswith(("planning.", "economics.")) or (
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
    if company.get("company.employees") not in (None, ""):
        size = company["company.employees"]
        # a spreadsheet number of whole people may come as 35.0
        data["company"]["employees"] = (
            int(size) if isinstance(size, float) and size.is_integer() else size
        )
    adviser = {
        k: str(company[f"company.adviser.{k}"])
        for k in ("name", "organisation")
        if company.get(f"company.adviser.{k}") not in (None, "")
    }
    if adviser:
        data["company"]["adviser"] = adviser
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
        "yaml-language-server: $schema=jobcarve-schema.json",
        f"Imported by jobcarve from {source}. Check it with: jobcarve validate <this file>",
        "Models describe worker profiles (archetypes), never named people.",
    ]
    header += [f"ASSUMED (not in the inventory, check it): {a}" for a in assumed]
    return dump(data, header)


def import_inventory(
    path: str | Path, *, sheet: str | None = None, mapping: str | Path | None = None
) -> tuple[ProcessModel, str]:
    """Read an inventory and return the validated model and its commented YAML text."""
    from jobcarve.read import parse_process

    data, origins = _read(path, sheet=sheet, mapping=mapping)
    assumed = []
    if not data["profiles"]:
        assumed.append("no Profielen/Profiles sheet: add worker profiles before analysing")
    text = model_yaml(data, Path(path).name, assumed)
    try:
        model = parse_process(text, f"{Path(path).name} (imported)")
    except InputError as exc:  # round two: point at the cells, not at the unwritten YAML
        raise InputError([origins.locate(p, data) for p in exc.problems]) from None
    return model, text
