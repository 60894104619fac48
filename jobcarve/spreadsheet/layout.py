"""The inventory layout: sheets, columns and their Dutch and English headers, accepted spellings."""

from __future__ import annotations

import re
from typing import Any

from jobcarve.messages import DIMENSION_NAMES
from jobcarve.model import DIMENSIONS, Economics

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
    "hazardous_substance": ("Gevaarlijke stoffen", "Hazardous substances", ()),
    "aids_unusable": ("Hulpmiddelen hier onbruikbaar", "Aids unusable here", ()),
    "dust_fumes": (
        "Stof, rook, damp of gas",
        "Dust or fumes",
        ("stof of rook", "stof", "dust"),
    ),
    "colour_coded": (
        "Kleuren onderscheiden",
        "Colour-coded",
        ("werk op kleur", "kleurcode", "colour code"),
    ),
    "two_hand_control": (
        "Twee handen tegelijk",
        "Two hands at once",
        ("tweehandenbediening", "two-hand control"),
    ),
    "wet_work": (
        "Natte arbeid",
        "Wet work",
        ("natte handen", "huidcontact", "wet hands", "skin contact"),
    ),
    "cold_work": (
        "Werk in de kou",
        "Cold work",
        ("koude", "koelcel", "gekoeld", "cold", "chilled"),
    ),
    "hot_work": (
        "Werk in de hitte",
        "Hot work",
        ("hitte", "warmte", "heat", "hot"),
    ),
    "noise": (
        "Lawaai",
        "Noise",
        ("geluid", "herrie", "loud"),
    ),
    "vehicle_traffic": (
        "Te voet tussen voertuigen",
        "On foot among vehicles",
        ("rijdend verkeer", "heftruckverkeer", "vehicle traffic"),
    ),
}
TASK_COLUMNS.update(SCREENING_TASK_COLUMNS)
TASK_COLUMNS["catalogue_split"] = (
    "Catalogussplitsing",
    "Catalogue split",
    ("splitsing catalogus", "split confirmed"),
)
TASK_COLUMNS["shift"] = ("Ploeg", "Shift", ("dienst", "wanneer", "when"))
TASK_COLUMNS["operations_per_hour"] = ("Handelingen per uur", "Operations per hour", ())
TASK_COLUMNS["days_per_week"] = ("Dagen per week", "Days per week", ("dagen", "days"))
TASK_COLUMNS["part_mass_max_kg"] = (
    "Zwaarste gewicht (kg)",
    "Heaviest mass (kg)",
    ("max gewicht", "max. gewicht", "maximum mass"),
)
TASK_COLUMNS["on_line"] = ("Aan de lijn", "On the line", ("op de lijn", "line station"))
#: the adviser's word on a catalogue split, in both languages
SPLIT_WORDS = {"bevestigd": "confirmed", "afgewezen": "rejected"}
#: when the work is done (a task's `shift`), in both languages
SHIFT_WORDS = {
    "vrij": "any",
    "dag": "day",
    "dagdienst": "day",
    "elke": "every",
    "elke ploeg": "every",
    "nacht": "night",
}
_SCREENING_NUMBERS = (
    "machine_force_n",
    "operations_per_unit",
    "measuring_tolerance_mm",
    "part_size_mm",
    "lifts_per_hour",
    "operations_per_hour",
    "part_mass_max_kg",
)
_SCREENING_FLAGS = (
    "machine_hazard",
    "walking",
    "vibrating_tool",
    "hazardous_substance",
    "dust_fumes",
    "colour_coded",
    "two_hand_control",
    "wet_work",
    "cold_work",
    "hot_work",
    "noise",
    "vehicle_traffic",
)

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
    "agency_weeks_per_year": ("Uitzendweken per jaar", "Agency weeks per year", ("uitzendweken",)),
    "overtime_weeks_per_year": (
        "Overwerkweken per jaar",
        "Overtime weeks per year",
        ("overwerkweken",),
    ),
    "agency_rate_eur_per_hour": (
        "Uitzendtarief per uur",
        "Agency rate per hour",
        ("factuurtarief uitzendkracht",),
    ),
    # the part of the vacancies' hours that overtime or agency hours cover today
    "vacancy_overtime_hours_per_week": (
        "Overwerk voor vacatures (uur per week)",
        "Overtime covering vacancies (hours per week)",
        ("overwerk voor vacatures", "overtime covering vacancies"),
    ),
    "vacancy_agency_hours_per_week": (
        "Uitzenduren voor vacatures (uur per week)",
        "Agency hours covering vacancies (hours per week)",
        ("uitzenduren voor vacatures", "agency hours covering vacancies"),
    ),
}
#: role columns read as numbers (whole numbers where True)
_ROLE_NUMBERS = {
    "overtime_hours_per_week": False,
    "agency_hours_per_week": False,
    "backlog_hours_per_week": False,
    "leavers": True,
    "vacancy_value_eur_per_hour": False,
    "backlog_margin_eur_per_hour": False,
    "agency_weeks_per_year": False,
    "overtime_weeks_per_year": False,
    "agency_rate_eur_per_hour": False,
    "vacancy_overtime_hours_per_week": False,
    "vacancy_agency_hours_per_week": False,
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
    # the business case's wage figures, after the capacities so older sheets keep their layout
    "instrument": (
        "Instrument (lks/loondispensatie/detachering/none)",
        "Wage instrument",
        ("instrument", "instrument (lks/loondispensatie/none)"),
    ),
    "loonwaarde": ("Loonwaarde", "Loonwaarde (wage value)", ()),
    "quality_factor": ("Kwaliteitsfactor", "Quality factor", ()),
    "lkv": (
        "LKV (banenafspraak/arbeidsgehandicapt/none)",
        "LKV (banenafspraak/arbeidsgehandicapt/none)",
        ("loonkostenvoordeel",),
    ),
    "secondment_rate_eur_per_hour": (
        "Inleenvergoeding per uur (detachering)",
        "Secondment fee per hour (detachering)",
        ("inleenvergoeding", "secondment fee"),
    ),
    "age": (
        "Leeftijd (jeugdloon onder 21)",
        "Age (youth minimum wage below 21)",
        ("leeftijd", "age"),
    ),
    "hourly_wage_eur": (
        "Uurloon cao (zonder vakantiegeld)",
        "CAO hourly wage (without holiday pay)",
        ("uurloon", "cao-loon", "hourly wage", "cao wage"),
    ),
    # supports every job of the profile holds (a job coach granted to its people)
    "needs": (
        "Altijd nodig (ondersteuning in elke baan)",
        "Always needed (supports in every job)",
        ("altijd nodig", "always needed", "needs"),
    ),
    # the worker's own week, for the job card's week plan
    "days_per_week": ("Dagen per week", "Days per week", ("werkdagen", "working days")),
    "max_hours_per_day": (
        "Langste werkdag (uren)",
        "Longest working day (hours)",
        ("uren per dag", "hours per day", "max hours per day"),
    ),
}
COMPANY_KEYS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "company.name": ("Bedrijf", "Company", ("bedrijfsnaam", "company name")),
    "company.sector": ("Sector", "Sector", ("branche",)),
    "company.location": ("Plaats", "Location", ("vestiging",)),
    "company.employees": (
        "Aantal medewerkers",
        "Employees",
        ("medewerkers", "employees", "aantal werknemers"),
    ),
    "company.adviser.name": ("Adviseur", "Adviser", ("naam adviseur", "adviser name")),
    "company.adviser.organisation": (
        "Organisatie adviseur",
        "Adviser organisation",
        ("organisatie van de adviseur",),
    ),
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
    "heavy_work_load_margin",
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
    "heavy_work_load_margin": ("Marge zwaar werk", "Heavy work margin", ()),
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


#: units a time cell may carry ("45 sec", "2,5 uur"), as seconds
TIME_UNITS = {
    **dict.fromkeys(("s", "sec", "secs", "seconde", "seconden", "second", "seconds"), 1),
    **dict.fromkeys(("min", "mins", "minuut", "minuten", "minute", "minutes"), 60),
    **dict.fromkeys(("u", "uur", "uren", "h", "hr", "hrs", "hour", "hours"), 3600),
}
#: what a time cell may say it is per ("per stuk", "/week"), as the time basis it implies
TIME_PER = {
    **dict.fromkeys(("stuk", "st", "eenheid", "product", "unit", "piece", "item"), "s/unit"),
    **dict.fromkeys(("batch", "serie", "series", "lot"), "min/batch"),
    **dict.fromkeys(("week", "wk"), "h/week"),
}
#: the unit of each time basis, in seconds
BASIS_SECONDS = {"s/unit": 1, "min/batch": 60, "h/week": 3600}
