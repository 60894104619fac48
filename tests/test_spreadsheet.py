"""Spreadsheets: inventories in Dutch and English, per-cell errors, round trip, template, plan workbook."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml

from jobcarve import InputError, parse_process, read_process
from jobcarve.model import Handling, ProcessModel, Restriction
from jobcarve.spreadsheet import export_inventory, import_inventory, read_inventory
from tests.conftest import EXAMPLES, ROOT, run_cli

ROLES_NL = [
    ["ID", "Functie", "Aantal", "Opleiding", "Moeilijk vervulbaar"],
    ["monteur", "Monteur", 3, "MBO 2", "nee"],
    ["tester", "Tester", 1, "MBO 4", "ja"],
]
PROFILE_NL = [
    "ID",
    "Profiel",
    "Uren per week",
    "Relatief tempo",
    "Ondersteuning",
    "Tillen en dragen",
    "Duwen en trekken",
    "Repeterend hand-armwerk",
    "Fijne motoriek",
    "Houding en bewegen",
    "Zien en horen",
    "Aandacht en concentratie",
    "Onthouden en leren",
    "Problemen oplossen en beslissen",
    "Lezen, schrijven en rekenen",
    "Tempo en tijdsdruk",
    "Zelfstandigheid",
    "Contact en samenwerken",
]


def workbook(
    path: Path,
    tasks: list[list[object]],
    *,
    title: str = "Taken",
    company: bool = True,
    extra_top_rows: int = 0,
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for _ in range(extra_top_rows):
        ws.append(["Inventarisatie productie, versie 3"])
    for row in tasks:
        ws.append(row)
    roles = wb.create_sheet("Functies")
    for row in ROLES_NL:
        roles.append(row)
    profiles = wb.create_sheet("Profielen")
    profiles.append(PROFILE_NL)
    profiles.append(
        [
            "routine",
            "Routinewerk",
            24,
            0.8,
            "picture_instructions",
            2,
            2,
            3,
            2,
            3,
            3,
            2,
            1,
            1,
            1,
            1,
            1,
            2,
        ]
    )
    if company:
        c = wb.create_sheet("Bedrijf")
        for row in [
            ["Bedrijf", "Test Metaal BV"],
            ["Sector", "metaal"],
            ["Proces", "Montage"],
            ["Producten per week", "1.200"],
            ["Uren per fte", 38],
        ]:
            c.append(row)
    wb.save(path)
    return path


HEAD_NL = [
    "ID",
    "Taak",
    "Functie",
    "Tijd (s)",
    "Voorganger",
    "Sjabloon",
    "Tillen en dragen",
    "Tempo en tijdsdruk",
]


def test_import_dutch_inventory(tmp_path: Path) -> None:
    """Dutch headers (Tijd (s), Voorganger), title rows above the header, Dutch number notation."""
    path = workbook(
        tmp_path / "inv.xlsx",
        [
            HEAD_NL,
            ["kit", "Onderdelen klaarleggen", "monteur", "30,5", "", "kit_parts", None, None],
            ["mount", "Monteren", "monteur", 90, "kit", None, 2, 1],
            ["test", "Testen", "tester", 60, "mount", None, 0, 2],
        ],
        extra_top_rows=2,
    )
    model, text = import_inventory(path)
    assert [t.id for t in model.tasks] == ["kit", "mount", "test"]
    assert model.tasks[0].time_s_per_unit == 30.5 and model.tasks[1].after == ["kit"]
    assert model.planning.units_per_week == 1200 and model.planning.hours_per_fte == 38
    assert model.roles[1].hard_to_fill and model.profiles[0].pace == 0.8
    assert (
        model.tasks[0].demands is not None and model.tasks[0].demands.literacy_numeracy == 2
    )  # from the template
    assert text.startswith("# yaml-language-server") and "Imported by jobcarve" in text


def test_import_english_csv(tmp_path: Path) -> None:
    """An English CSV with a time-basis column and a batch size; roles come from the role column."""
    csv = tmp_path / "tasks.csv"
    csv.write_text(
        "Task id;Task;Role;Time;Time basis;Batch size;Predecessors;Pace and time pressure\n"
        "a;Unpack;stores;5;min/batch;20;;1\n"
        "b;Sort;stores;12;s/unit;;a;2\n"
        "c;Clean;stores;2;h/week;;;0\n",
        encoding="utf-8",
    )
    model, _ = import_inventory(csv)
    a, b, c = model.tasks
    assert (a.time_min_per_batch, a.batch_size_units) == (5, 20)
    assert b.time_s_per_unit == 12 and b.after == ["a"] and c.hours_per_week == 2
    assert [r.id for r in model.roles] == ["stores"]


def test_mapping_file(tmp_path: Path) -> None:
    """Another layout is read through a mapping of fields to headers or column letters."""
    path = workbook(
        tmp_path / "odd.xlsx",
        [
            ["Code", "Werkzaamheid", "Wie doet het", "Sec"],
            ["x1", "Boren", "monteur", 40],
            ["x2", "Zagen", "monteur", 30],
        ],
        title="Blad1",
    )
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "sheet: Blad1\ncolumns:\n  id: Code\n  name: Werkzaamheid\n  role: C\n  time: D\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_inventory(path, mapping=mapping)
    assert "time without a time basis" in str(info.value)  # the basis must be given somewhere
    mapping.write_text(
        "sheet: Blad1\ncolumns:\n  id: Code\n  name: Werkzaamheid\n  role: C\n  time: D\n  basis: E\n",
        encoding="utf-8",
    )
    wb = openpyxl.load_workbook(path)
    ws = wb["Blad1"]
    ws["E1"], ws["E2"], ws["E3"] = "Basis", "s/eenheid", "s/eenheid"
    wb.save(path)
    model, _ = import_inventory(path, mapping=mapping)
    assert [t.time_s_per_unit for t in model.tasks] == [40, 30]


@pytest.mark.parametrize(
    ("row", "cell", "message"),
    [
        (
            ["a", "A", "monteur", "12 min per week", "", None, None, None],
            "D3",
            'time "12 min per week" says per week, but the time basis is s/unit',
        ),  # a time per week in the seconds column
        (
            ["a", "A", "monteur", "12 dagen", "", None, None, None],
            "D3",
            'time "12 dagen" is not a number or a time such as "45 sec"',
        ),  # an unknown unit
        (
            ["a", "A", "monteur", 10, "zz", None, None, None],
            "E3",
            'unknown predecessor "zz"',
        ),  # dangling predecessor
        (
            ["a", "A", "monteurr", 10, "", None, None, None],
            "C3",
            'unknown role "monteurr" (did you mean "monteur"?)',
        ),  # unknown role
        (
            ["a", "A", "monteur", 10, "", "kit_part", None, None],
            "F3",
            'unknown catalogue task "kit_part" (did you mean "kit_parts"?)',
        ),  # unknown template
        (
            ["a", "A", "monteur", 10, "", None, 7, None],
            "G3",
            'rating "7" is not 0, 1, 2, 3 or 4',
        ),  # rating out of range
        (
            ["a", "A", "monteur", 10, "", None, 1.5, None],
            "G3",
            'rating "1.5" is not a whole number',
        ),  # fractional rating
        (["b", "", "monteur", 10, "", None, None, None], "B3", "no task name"),  # empty name
        (
            ["keep", "Dup", "monteur", 10, "", None, None, None],
            "A3",
            'duplicate task id "keep" (first in row 2)',
        ),  # duplicate id
    ],
)
def test_per_cell_errors(tmp_path: Path, row: list[object], cell: str, message: str) -> None:
    """Each problem names file, sheet and cell; all problems come at once."""
    path = workbook(
        tmp_path / "inv.xlsx", [HEAD_NL, ["keep", "Keep", "monteur", 10, "", None, None, None], row]
    )
    with pytest.raises(InputError) as info:
        read_inventory(path)
    lines = [str(p) for p in info.value.problems]
    assert any(line.startswith(f"{path}:Taken!{cell}: {message}") for line in lines), lines


def test_all_cell_errors_at_once(tmp_path: Path) -> None:
    """Several faulty cells: every one is reported."""
    path = workbook(
        tmp_path / "inv.xlsx",
        [
            HEAD_NL,
            ["a", "A", "monteur", "x", "", None, 9, None],
            ["b", "B", "nobody", 5, "q", None, None, None],
        ],
    )
    with pytest.raises(InputError) as info:
        read_inventory(path)
    cells = sorted(str(p).split(": ")[0].rsplit("!", 1)[1] for p in info.value.problems)
    assert cells == ["C3", "D2", "E3", "G2"]


def test_no_header_row(tmp_path: Path) -> None:
    """A sheet without recognisable headers says which columns it looks for."""
    path = workbook(tmp_path / "inv.xlsx", [["foo", "bar"], [1, 2]])
    with pytest.raises(InputError, match="no header row found"):
        read_inventory(path)


def test_cli_import_errors(tmp_path: Path) -> None:
    """The CLI prints the cell problems and exits 2 without writing the model."""
    path = workbook(
        tmp_path / "inv.xlsx",
        [HEAD_NL, ["a", "A", "monteur", "12 min per batch", "", None, None, None]],
    )
    out = tmp_path / "m.yaml"
    result = run_cli("import", str(path), "-o", str(out))
    assert result.returncode == 2 and f"error: {path}:Taken!D2: time" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_round_trip(tmp_path: Path, path: Path, lang: str) -> None:
    """An example exported to the inventory layout and imported again gives the same model."""
    original = read_process(path)
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, text = import_inventory(tmp_path / "inv.xlsx")
    assert model.model_dump() == original.model_dump()
    (tmp_path / "again.yaml").write_text(text, encoding="utf-8")
    assert run_cli("validate", str(tmp_path / "again.yaml")).returncode == 0


def test_round_trip_keeps_every_handling_flag(tmp_path: Path) -> None:
    """A case model with a hazardous substance, a vibrating tool and walking work keeps
    them through the inventory layout (nothing the fit or the cobot screening reads is lost)."""
    path = ROOT / "tests" / "cases" / "electronics_assembly.yaml"
    original = read_process(path)
    flags = {
        f
        for t in original.tasks
        for u in [t, *t.subtasks]
        if u.handling
        for f in ("hazardous_substance", "hazardous_tool", "head_exposure")
        if getattr(u.handling, f)
    }
    assert flags == {"hazardous_substance", "hazardous_tool", "head_exposure"}
    export_inventory(original, tmp_path / "inv.xlsx", "nl")
    model, _ = import_inventory(tmp_path / "inv.xlsx")
    assert model.model_dump() == original.model_dump()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_workbook(tmp_path: Path, lang: str) -> None:
    """The empty template has the sheets, headers, drop-downs and instructions."""
    out = tmp_path / "t.xlsx"
    assert run_cli("template-xlsx", str(out), "--lang", lang).returncode == 0
    wb = openpyxl.load_workbook(out)
    tasks = wb["Taken" if lang == "nl" else "Tasks"]
    headers = [c.value for c in tasks[1]]
    assert ("Tijdbasis" if lang == "nl" else "Time basis") in headers and (
        "Voorgangers" if lang == "nl" else "Predecessors"
    ) in headers
    formulas = {dv.formula1 for dv in tasks.data_validations.dataValidation}
    assert '"0,1,2,3,4"' in formulas and any("$B$1" in f for f in formulas)
    # a profile's working days have the same 1-5 list as a task's days
    profiles = wb["Profielen" if lang == "nl" else "Profiles"]
    days = [c.value for c in profiles[1]].index(
        "Dagen per week" if lang == "nl" else "Days per week"
    )
    letter = openpyxl.utils.get_column_letter(days + 1)
    assert any(
        dv.formula1 == '"1,2,3,4,5"' and letter in str(dv.sqref)
        for dv in profiles.data_validations.dataValidation
    )
    assert wb["Uitleg" if lang == "nl" else "Instructions"]["A1"].value.startswith(
        "Task" if lang == "en" else "Takeninventarisatie"
    )
    assert wb["Lijsten" if lang == "nl" else "Lists"].sheet_state == "hidden"
    # the empty template imports as "no tasks" with a clear message, not a crash
    result = run_cli("import", str(out), "-o", str(tmp_path / "m.yaml"))
    assert result.returncode == 2 and "error:" in result.stderr


def test_plan_workbook(tmp_path: Path) -> None:
    """analyze --xlsx writes plan.xlsx whose cells match analysis.json."""
    result = run_cli(
        "analyze",
        str(EXAMPLES[2]),
        "--out",
        str(tmp_path),
        "--time-limit",
        "2",
        "--xlsx",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    summary = {row[0]: row[1] for row in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Extra workers from the target group"] == data["summary"]["extra_workers"]
    assert summary["Status"] == data["summary"]["status"]
    units = [u for t in data["tasks"] for u in t["units"]]
    rows = list(wb["Tasks"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [u["id"] for u in units]
    assert [r[-3] for r in rows] == [u["cobot"]["label"] for u in units]
    jobs = list(wb["Jobs"].iter_rows(min_row=2, values_only=True))
    assert [j[0] for j in jobs] == [j["id"] for j in data["jobs"]]
    case = {row[0]: row[1] for row in wb["Business case"].iter_rows(min_row=2, values_only=True)}
    assert case["Net effect per year"] == pytest.approx(
        data["business_case"]["net_eur_per_year"], abs=0.01
    )
    assert case["Wage cost of the new workers"] == pytest.approx(
        data["business_case"]["lines"][0]["amount_eur_per_year"], abs=0.01
    )


def test_plan_workbook_marks_work_to_try_out_first(tmp_path: Path) -> None:
    """The assembly example's trial units (plan.trials) read "(try out first)" after the
    verdict of their profile, and no other cell does."""
    result = run_cli(
        "analyze", str(EXAMPLES[0]), "--out", str(tmp_path), "--time-limit", "2", "--xlsx",
        "--lang", "en", "--draws", "0",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    sheet = list(wb["Tasks"].iter_rows(values_only=True))
    header, rows = sheet[0], sheet[1:]
    marked = {
        (str(col).removesuffix(": verdict"), row[0])
        for row in rows
        for col, cell in zip(header, row, strict=True)
        if isinstance(cell, str) and cell.endswith(" (try out first)")
    }
    expected = {(p, u) for p, units in data["plan"]["trials"].items() for u in units}
    assert marked == expected and expected


def test_plan_workbook_marks_work_larger_than_its_roles_room() -> None:
    """Case 25's units that fit a profile but that their role cannot give up whole
    (plan.larger_than_room) say so in the Who column of the plan workbook, and no other row
    does."""
    import io

    from jobcarve import analyze, plan
    from jobcarve.spreadsheet.plan import plan_workbook_bytes

    process = read_process(ROOT / "tests" / "cases" / "sunshade_maker.yaml")
    analysis = analyze(process)
    result = plan(process, analysis, time_limit_s=2, evaluate_proposals=False)
    assert result.larger_than_room
    for lang, mark in (("en", " (larger than the role may give up)"), ("nl", " (groter dan")):
        wb = openpyxl.load_workbook(
            io.BytesIO(plan_workbook_bytes(process, analysis, result, lang))
        )
        sheet = list(wb["Tasks" if lang == "en" else "Taken"].iter_rows(values_only=True))
        who = sheet[0].index("Who" if lang == "en" else "Wie")
        marked = {row[0] for row in sheet[1:] if mark in str(row[who])}
        assert marked == set(result.larger_than_room)


def test_hand_made_dutch_inventory(tmp_path: Path) -> None:
    """Friction (redteam): title rows, header in row 4 with "Nr.", numbered tasks, role names
    with spaces, "Opmerkingen" kept as descriptions, an unread column named, not dropped."""
    import openpyxl

    from tests.conftest import run_cli

    path = tmp_path / "inventaris.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Blad1"
    ws["A1"] = "Takeninventarisatie Metaalbedrijf De Vries"
    ws["A2"] = "Opgesteld door: adviseur"
    ws.append([])
    ws.append(["Nr.", "Omschrijving taak", "Wie", "Tijd (s)", "Per", "Na taak", "Opmerkingen"])
    ws.append([1, "Zagen", "Operator zaag", "12,5", "stuk", None, "let op: stof"])
    ws.append([2, "Boren", "Operator zaag", 30, "stuk", 1, None])
    ws.append([3, "Lassen", "Lasser", "45", "stuk", "1, 2", "MIG"])
    functies = wb.create_sheet("Functies")
    functies.append(["ID", "Naam", "Aantal", "Opleiding", "Uurloon"])
    functies.append(["op", "Operator zaag", 2, "MBO niveau 2", "EUR 42,50"])
    functies.append(["lasser", "Lasser", 1, "MBO 3", None])
    wb.save(path)
    data = read_inventory(path)
    assert [t["role"] for t in data["tasks"]] == ["op", "op", "lasser"]  # by name
    assert [t["id"] for t in data["tasks"]] == ["t1", "t2", "t3"]
    assert data["tasks"][2]["after"] == ["t1", "t2"]
    assert data["tasks"][0]["description"] == "let op: stof"
    assert data["roles"][0]["education"] == "MBO 2"
    assert data["roles"][0].get("wage_cost_eur_per_hour") == 42.5
    del wb["Functies"]
    wb.save(path)
    result = run_cli("import", str(path), "-o", str(tmp_path / "m.yaml"))
    assert result.returncode == 0, result.stderr
    assert 'columns not read: "Per" (E4)' in result.stderr
    model = yaml.safe_load((tmp_path / "m.yaml").read_text(encoding="utf-8"))
    assert [r["id"] for r in model["roles"]] == ["operator_zaag", "lasser"]
    assert model["roles"][0]["name"] == "Operator zaag"


def test_header_not_found_is_located_where_it_nearly_is(tmp_path: Path) -> None:
    """The message points at the row that looks most like a header and lists accepted names."""
    path = tmp_path / "inv.csv"
    path.write_text("titel\n\n\nOmschrijving;Wie;Tijd\nZagen;op;10\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_inventory(path)
    text = str(info.value)
    assert text.startswith(f"{path}:A4: ") and '"Nr"' not in text
    assert 'id: "ID", "code", "nr"' in text and 'this row has "Wie"' in text


@pytest.mark.parametrize(
    ("case", "flag", "units"),
    [
        ("hydraulic_hoses", "dust_fumes", ["saw_to_length", "skive", "clean_workshop"]),
        ("coating_job_shop", "colour_coded", ["sort_plugs"]),
        ("industrial_laundry", "two_hand_control", ["press_emblems"]),
        ("concrete_products", "wet_work", ["pour_demould", "repair_mortar", "test_specimens"]),
        ("liquorice_factory", "hot_work", ["move_racks", "check_stoving"]),
    ],
)
def test_round_trip_keeps_dust_and_colour(
    tmp_path: Path, case: str, flag: str, units: list[str]
) -> None:
    """Case 19's rubber dust, case 16b's colour-coded plugs, case 21's two-hand press (handling
    flags) and the
    profiles' restrictions keep through the inventory layout in both languages (the
    restrictions decide the profiles' fit)."""
    original = read_process(ROOT / "tests" / "cases" / f"{case}.yaml")
    flagged = [
        u.id
        for t in original.tasks
        for u in [t, *t.subtasks]
        if u.handling and getattr(u.handling, flag)
    ]
    assert flagged == units
    for lang in ("nl", "en"):
        export_inventory(original, tmp_path / f"inv_{lang}.xlsx", lang)
        model, _ = import_inventory(tmp_path / f"inv_{lang}.xlsx")
        assert model.model_dump() == original.model_dump()


def test_round_trip_keeps_aids_unusable_and_the_wage_instrument(tmp_path: Path) -> None:
    """A subtask's unusable aid (case 9: the lifting aid cannot take a 2.2 m frame) and a
    profile without a wage instrument (case 9: a WIA benefit) keep through the inventory
    layout in both languages (the instrument decides the business case's subsidy)."""
    path = ROOT / "tests" / "cases" / "window_frames.yaml"
    original = read_process(path)
    unusable = [u.id for t in original.tasks for u in t.subtasks if u.aids_unusable]
    assert unusable == ["unload_frame"]
    assert [p.instrument for p in original.profiles].count("none") == 1
    # and a job coach in every job of the profile (`needs`), and the worker's own week
    assessed = original.profiles[0].model_copy(
        update={
            "loonwaarde": 0.55,
            "quality_factor": 0.9,
            "lkv": "arbeidsgehandicapt",
            "needs": ["job_coach"],
            "days_per_week": 4,
            "max_hours_per_day": 7.5,
        }
    )
    original = original.model_copy(update={"profiles": [assessed, *original.profiles[1:]]})
    for lang in ("nl", "en"):
        export_inventory(original, tmp_path / f"inv_{lang}.xlsx", lang)
        model, _ = import_inventory(tmp_path / f"inv_{lang}.xlsx")
        assert model.model_dump() == original.model_dump()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_operations_an_hour(tmp_path: Path, lang: str) -> None:
    """The bouquet maker's washer ends (case 86): a bucket every 4 s, nested by the stack
    of 20, is 900 operations an hour beside 20-30 lifts; the cobot gate reads the operations,
    so the inventory keeps them, in their own column after the shift."""
    path = ROOT / "tests" / "cases" / "bouquet_maker.yaml"
    original = read_process(path)
    ops = {
        u.id: u.handling.operations_per_hour
        for t in original.tasks
        for u in [t, *t.subtasks]
        if u.handling and u.handling.operations_per_hour
    }
    assert ops == {"feed_washer": 900, "stack_clean_buckets": 900}
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, _ = import_inventory(tmp_path / "inv.xlsx")
    assert model.model_dump(include={"tasks"}) == original.model_dump(include={"tasks"})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_the_heaviest_load(tmp_path: Path, lang: str) -> None:
    """The hose maker's cartons of 8-18 kg (case 19), given as 13 kg usual and 18 kg
    heaviest: the inventory keeps the heaviest in its own column."""
    from jobcarve import parse_process

    path = ROOT / "tests" / "cases" / "hydraulic_hoses.yaml"
    text = path.read_text(encoding="utf-8")
    usual = "handling: {part_mass_kg: 13, lifts_per_unit: 0.15"
    assert text.count(usual) == 1
    original = parse_process(
        text.replace(
            usual, "handling: {part_mass_kg: 13, part_mass_max_kg: 18, lifts_per_unit: 0.15"
        ),
        str(path),
    )
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, _ = import_inventory(tmp_path / "inv.xlsx")
    heaviest = {
        u.id: u.handling.part_mass_max_kg
        for t in model.tasks
        for u in [t, *t.subtasks]
        if u.handling and u.handling.part_mass_max_kg
    }
    assert heaviest == {"palletise_cartons": 18}
    assert model.model_dump(include={"tasks"}) == original.model_dump(include={"tasks"})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_shifts_and_seasonal_agency_hours(tmp_path: Path, lang: str) -> None:
    """Pet food (case 56): the sample round done in every shift (`shift: every`), a task set
    to the night (`shift: night`), one to the day (`shift: day`) and a role's agency hours hired 16 weeks a year at their
    invoice rate keep
    through the inventory layout in both languages (the plan and the business case read
    them)."""
    path = ROOT / "tests" / "cases" / "pet_food.yaml"
    original = read_process(path)
    tasks = [
        t.model_copy(update={"shift": {"wet_clean": "night", "promo_packs": "day"}[t.id]})
        if t.id in ("wet_clean", "promo_packs")
        else t
        for t in original.tasks
    ]
    roles = [
        r.model_copy(update={"agency_weeks_per_year": 16.0, "agency_rate_eur_per_hour": 41.5})
        if r.agency_hours_per_week
        else r.model_copy(update={"overtime_weeks_per_year": 12.0})
        if r.overtime_hours_per_week
        else r
        for r in original.roles
    ]
    assert any(r.overtime_weeks_per_year for r in roles)
    original = original.model_copy(update={"tasks": tasks, "roles": roles})
    shifts = {u.id: u.shift for t in original.tasks for u in [t, *t.subtasks] if u.shift}
    assert shifts == {"kibble_sample_round": "every", "wet_clean": "night", "promo_packs": "day"}
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, _ = import_inventory(tmp_path / "inv.xlsx")
    # (the adviser on the cover is not a column of the inventory)
    assert model.model_dump(include={"tasks", "roles"}) == original.model_dump(
        include={"tasks", "roles"}
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_a_secondment(tmp_path: Path, lang: str) -> None:
    """A seconded profile (instrument detachering) keeps its fee through the inventory
    layout: the fee replaces the wage in the business case, so losing it would cost the
    worker as a hire."""
    from tests.test_business import SECONDED

    original = parse_process(SECONDED)
    assert original.profiles[0].secondment_rate_eur_per_hour == 20
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, text = import_inventory(tmp_path / "inv.xlsx")
    assert model.profiles[0].instrument == "detachering"
    assert model.profiles[0].secondment_rate_eur_per_hour == 20
    assert model.model_dump() == original.model_dump()
    (tmp_path / "again.yaml").write_text(text, encoding="utf-8")
    assert run_cli("validate", str(tmp_path / "again.yaml")).returncode == 0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_an_age_and_a_cao_wage(tmp_path: Path, lang: str) -> None:
    """A profile's age (the youth minimum wage) and its CAO wage go through the inventory
    layout: both change the wage line of the business case."""
    from tests.test_business import HAND

    original = parse_process(
        HAND.replace(
            "    pace: 0.8\n", "    pace: 0.8\n    age: 19\n    hourly_wage_eur: 12.5\n", 1
        )
    )
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, text = import_inventory(tmp_path / "inv.xlsx")
    assert (model.profiles[0].age, model.profiles[0].hourly_wage_eur) == (19, 12.5)
    assert model.model_dump() == original.model_dump()
    (tmp_path / "again.yaml").write_text(text, encoding="utf-8")
    assert run_cli("validate", str(tmp_path / "again.yaml")).returncode == 0


def test_support_costs_keep_through_the_inventory(tmp_path: Path) -> None:
    """A model's own support costs (economics.support_costs_eur, a mapping) are one cell of
    support=amount pairs in the inventory; export-xlsx used to stop with an internal error
    on them. A pair without "=" is an error at its cell."""
    from tests.test_business import HAND

    original = parse_process(HAND)
    assert original.economics.support_costs_eur == {"lifting_aid": 8000}
    out = tmp_path / "inv.xlsx"
    assert run_cli("export-xlsx", "-o", str(out), str(_yaml(tmp_path, HAND))).returncode == 0
    model, _ = import_inventory(out)
    assert model.economics.support_costs_eur == {"lifting_aid": 8000}
    wb = openpyxl.load_workbook(out)
    sheet = wb["Bedrijf"]
    (cell,) = [row[1] for row in sheet.iter_rows() if row[0].value == "economics.support_costs_eur"]
    assert cell.value == "lifting_aid=8000"
    wanted = f"{out}:Bedrijf!{cell.coordinate}: "
    # a decimal comma and spaces are read; a cost is kept whole through the round trip
    cell.value = "lifting_aid = 8000,50; magnifier_lighting=12345.67"
    wb.save(out)
    model, _ = import_inventory(out)
    assert model.economics.support_costs_eur == {
        "lifting_aid": 8000.5,
        "magnifier_lighting": 12345.67,
    }
    again = tmp_path / "again.xlsx"
    export_inventory(model, again, "nl")
    assert import_inventory(again)[0].economics.support_costs_eur == {
        "lifting_aid": 8000.5,
        "magnifier_lighting": 12345.67,
    }
    for bad, said in (
        ("lifting_aid 8000", "support=amount"),
        ("lifting_aid=", "support=amount"),
        ("8000", "support=amount"),
        ("lifting_aid=5; lifting_aid=7", "given twice"),
        ("lifting_aid=abc", "is not a number"),
    ):
        cell.value = bad
        wb.save(out)
        with pytest.raises(InputError) as info:
            read_inventory(out)
        lines = [str(p) for p in info.value.problems]
        assert any(x.startswith(wanted) and said in x for x in lines), (bad, lines)


def _yaml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _with_friday_cleaning(days: int = 1) -> ProcessModel:
    """Case 89 with its wash-line cleaning done on one day a week (its header: on Friday)."""
    original = read_process(ROOT / "tests" / "cases" / "plastic_recycling.yaml")
    tasks = [
        t.model_copy(update={"days_per_week": days}) if t.id == "clean_wash_line" else t
        for t in original.tasks
    ]
    return original.model_copy(update={"tasks": tasks})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_days_per_week(tmp_path: Path, lang: str) -> None:
    """Work done on one day a week keeps its days through the inventory layout, in its own
    column; a number of days outside 1-7 is a located error."""
    original = _with_friday_cleaning()
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, _ = import_inventory(tmp_path / "inv.xlsx")
    assert model.model_dump(include={"tasks"}) == original.model_dump(include={"tasks"})
    wb = openpyxl.load_workbook(tmp_path / "inv.xlsx")
    ws = wb.worksheets[[w.title for w in wb.worksheets].index("Taken" if lang == "nl" else "Tasks")]
    header = [c.value for c in ws[1]]
    col = header.index("Dagen per week" if lang == "nl" else "Days per week") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "clean_wash_line")
    assert ws.cell(row, col).value == 1
    ws.cell(row, col).value = 9
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as info:
        import_inventory(tmp_path / "bad.xlsx")
    letter = openpyxl.utils.get_column_letter(col)
    assert f"!{letter}{row}" in str(info.value)
    assert 'days per week "9" is not 1 to 5' in str(info.value)


def test_a_profiles_days_outside_one_to_five_name_the_cell(tmp_path: Path) -> None:
    """A profile's working days of 7 in the workbook: the error names the cell and says
    "not 1 to 5", as a task's days do, not the model's key (the last review)."""
    original = read_process(ROOT / "tests" / "cases" / "window_frames.yaml")
    four = original.profiles[0].model_copy(update={"days_per_week": 4})
    original = original.model_copy(update={"profiles": [four, *original.profiles[1:]]})
    export_inventory(original, tmp_path / "inv.xlsx", "nl")
    wb = openpyxl.load_workbook(tmp_path / "inv.xlsx")
    ws = wb["Profielen"]
    col = [c.value for c in ws[1]].index("Dagen per week") + 1
    ws.cell(2, col).value = 7
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as info:
        import_inventory(tmp_path / "bad.xlsx")
    text = str(info.value)
    assert f"!{openpyxl.utils.get_column_letter(col)}2" in text
    assert 'days per week "7" is not 1 to 5' in text


def test_a_workbooks_week_errors_name_the_sheets_headers(tmp_path: Path) -> None:
    """The model's checks of a profile's week, found after the import, name the workbook's
    columns as the sheet writes them ("Uren per week", "Dagen per week"), not the model's
    keys, and a longest day above the law's is said once (the last review)."""
    original = read_process(ROOT / "tests" / "cases" / "window_frames.yaml")
    export_inventory(original, tmp_path / "inv.xlsx", "nl")
    wb = openpyxl.load_workbook(tmp_path / "inv.xlsx")
    ws = wb["Profielen"]
    header = [c.value for c in ws[1]]
    hours, days, longest = (
        header.index(h) + 1 for h in ("Uren per week", "Dagen per week", "Langste werkdag (uren)")
    )
    ws.cell(2, hours).value = 40
    ws.cell(2, days).value = 3
    ws.cell(3, longest).value = 14
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as info:
        import_inventory(tmp_path / "bad.xlsx")
    lines = str(info.value).splitlines()
    letter = openpyxl.utils.get_column_letter
    [week] = [line for line in lines if f"Profielen!{letter(hours)}2" in line]
    assert '"Uren per week" 40 does not fit in 3 days of at most 12 hours ("Dagen per week"' in week
    assert '"Langste werkdag (uren)", else' in week
    [day] = [line for line in lines if f"Profielen!{letter(longest)}3" in line]
    assert '"Langste werkdag (uren)" 14 is above the 12 hours a day' in day
    assert not any(k in str(info.value) for k in ("per_week", "per_day")), lines


def test_a_workbook_error_on_a_missing_time_names_the_time_columns(tmp_path: Path) -> None:
    """The model's time keys share one column of the workbook: an error that names them
    keeps their names (which say which time is meant) and says where the workbook takes a
    time, not "add "Tijd", "Tijd" with ..." (a diff review)."""
    original = read_process(ROOT / "tests" / "cases" / "window_frames.yaml")
    export_inventory(original, tmp_path / "inv.xlsx", "nl")
    wb = openpyxl.load_workbook(tmp_path / "inv.xlsx")
    ws = wb["Taken"]
    header = [c.value for c in ws[1]]
    for name in ("Tijd", "Tijdbasis"):
        ws.cell(2, header.index(name) + 1).value = None
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as info:
        import_inventory(tmp_path / "bad.xlsx")
    text = str(info.value)
    assert "no time given: add time_s_per_unit" in text
    assert '(in the workbook: a time in "Tijd" with its basis in "Tijdbasis")' in text
    assert '"Tijd", "Tijd"' not in text


def test_round_trip_keeps_work_among_vehicles(tmp_path: Path) -> None:
    """Case 89's litter picking along the yard, on foot among forklifts and trucks without
    walkways (`vehicle_traffic`), and a profile kept from it (`no_vehicle_traffic`) keep
    through the inventory layout in both languages."""
    original = read_process(ROOT / "tests" / "cases" / "plastic_recycling.yaml")
    tasks = []
    for t in original.tasks:
        subs = [
            s.model_copy(
                update={
                    "handling": (s.handling or Handling()).model_copy(
                        update={"vehicle_traffic": True}
                    )
                }
            )
            if s.id == "pick_litter"
            else s
            for s in t.subtasks
        ]
        tasks.append(t.model_copy(update={"subtasks": subs}))
    deaf = original.profiles[2].model_copy(
        update={"restrictions": [Restriction(kind="no_vehicle_traffic")]}
    )
    changed = original.model_copy(
        update={"tasks": tasks, "profiles": [*original.profiles[:2], deaf]}
    )
    flagged = [
        s.id for t in changed.tasks for s in t.subtasks if s.handling and s.handling.vehicle_traffic
    ]
    assert flagged == ["pick_litter"]
    for lang in ("nl", "en"):
        export_inventory(changed, tmp_path / f"inv_{lang}.xlsx", lang)
        model, _ = import_inventory(tmp_path / f"inv_{lang}.xlsx")
        assert model.model_dump() == changed.model_dump()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_work_beside_the_line(tmp_path: Path, lang: str) -> None:
    """The heat-pump maker (case 35) marks ten tasks `on_line: false`: the inventory keeps
    them in the column "Aan de lijn" / "On the line" (nee/no), and the rest blank."""
    path = ROOT / "tests" / "cases" / "heat_pump_assembly.yaml"
    original = read_process(path)
    beside = {t.id for t in original.tasks if t.on_line is False}
    assert len(beside) == 10
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, _ = import_inventory(tmp_path / "inv.xlsx")
    assert {t.id for t in model.tasks if t.on_line is False} == beside
    assert all(t.on_line is None for t in model.tasks if t.id not in beside)
    assert model.model_dump(include={"tasks"}) == original.model_dump(include={"tasks"})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_keeps_the_company_size(tmp_path: Path, lang: str) -> None:
    """The company's people (`company.employees`, for whom the plan is discussed with) go
    through the inventory layout on the company sheet; a size of 0 is a located error."""
    original = read_process(ROOT / "tests" / "cases" / "window_frames.yaml")
    company = original.company.model_copy(update={"employees": 35})
    original = original.model_copy(update={"company": company})
    export_inventory(original, tmp_path / "inv.xlsx", lang)
    model, _ = import_inventory(tmp_path / "inv.xlsx")
    assert model.company.employees == 35
    wb = openpyxl.load_workbook(tmp_path / "inv.xlsx")
    ws = wb.worksheets[
        [w.title for w in wb.worksheets].index("Bedrijf" if lang == "nl" else "Company")
    ]
    label = "Aantal medewerkers" if lang == "nl" else "Employees"
    (cell,) = [row[1] for row in ws.iter_rows() if row[0].value == label]
    assert cell.value == 35
    cell.value = 0
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(InputError) as info:
        import_inventory(tmp_path / "bad.xlsx")
    assert f"!{cell.coordinate}" in str(info.value)
