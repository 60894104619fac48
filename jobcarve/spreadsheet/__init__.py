"""Spreadsheets in and out (openpyxl): task inventories, the empty template, plan workbooks.

The inventory layout has one sheet per block, with Dutch or English headers:

* ``Taken`` / ``Tasks``: one row per task (or subtask, with its parent in ``Hoofdtaak``);
* ``Functies`` / ``Roles``, ``Profielen`` / ``Profiles``: one row each;
* ``Bedrijf`` / ``Company``: key-value rows (company, process, planning, options).

Headers are recognised in both languages (case and spacing do not matter, and a unit in
brackets such as "Tijd (s)" sets the time basis); a mapping file names the columns of
other layouts. Every problem is reported per cell, all at once:
``inventory.xlsx:Taken!D14: time "12 min" is not a number``.

The package, by concept:

* ``layout``: sheets, columns and their Dutch and English headers, accepted spellings;
* ``sources``: bounded reading of workbooks and CSV files into rows (no zip bombs);
* ``cells``: a sheet as a table of located cells, and the readers of one cell's value;
* ``tasks``: task rows (a task or subtask with its time basis and demands);
* ``importer``: an inventory (xlsx or CSV, optional mapping file) into a model;
* ``export``: a model in the inventory layout (text cells as text, never a formula);
* ``template``: the empty inventory with instructions, drop-down lists and examples;
* ``plan``: the plan workbook for advisers (tasks, jobs, cobots, figures).

openpyxl is imported in this package only.
"""

from jobcarve.spreadsheet.cells import Table
from jobcarve.spreadsheet.export import export_inventory
from jobcarve.spreadsheet.importer import import_inventory, model_yaml, read_inventory
from jobcarve.spreadsheet.layout import (
    BASIS,
    COMPANY_KEYS,
    NO,
    PROFILE_COLUMNS,
    ROLE_COLUMNS,
    SCENARIO_COLUMNS,
    SCREENING_TASK_COLUMNS,
    SHEETS,
    SPLIT_WORDS,
    TASK_COLUMNS,
    YES,
)
from jobcarve.spreadsheet.plan import plan_workbook_bytes
from jobcarve.spreadsheet.sources import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_CSV_BYTES,
    MAX_FIELD_CHARS,
    MAX_MAPPING_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    MAX_WORKBOOK_BYTES,
    MAX_ZIP_ENTRIES,
)
from jobcarve.spreadsheet.template import template_workbook

__all__ = [
    "BASIS",
    "COMPANY_KEYS",
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_CSV_BYTES",
    "MAX_FIELD_CHARS",
    "MAX_MAPPING_BYTES",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "MAX_WORKBOOK_BYTES",
    "MAX_ZIP_ENTRIES",
    "NO",
    "PROFILE_COLUMNS",
    "ROLE_COLUMNS",
    "SCENARIO_COLUMNS",
    "SCREENING_TASK_COLUMNS",
    "SHEETS",
    "SPLIT_WORDS",
    "TASK_COLUMNS",
    "YES",
    "Table",
    "export_inventory",
    "import_inventory",
    "model_yaml",
    "plan_workbook_bytes",
    "read_inventory",
    "template_workbook",
]
