"""Reading process models: every error kind with its message and location."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobcarve import InputError, Limits, parse_process, read_process
from tests.conftest import MINIMAL


def _problems(text: str | bytes, limits: Limits | None = None) -> list[str]:
    with pytest.raises(InputError) as info:
        if limits is None:
            parse_process(text, "m.yaml")
        else:
            parse_process(text, "m.yaml", limits=limits)
    return [str(p) for p in info.value.problems]


def _line_of(text: str, marker: str = "#!") -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError("no marker in case")


def _edit(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


# (case id, model text with the faulty line marked "#!", expected path, expected message)
CASES = [
    # an after entry names a task that does not exist, close to an existing id
    (
        "dangling_after",
        _edit("after: [a]\n    demands: {fine", "after: [aa]  #!\n    demands: {fine"),
        "tasks[1].after[0]",
        'unknown task id "aa" (did you mean "a"?)',
    ),
    # a task names a role that does not exist
    (
        "dangling_role",
        _edit("role: helper", "role: helpr  #!"),
        "tasks[2].role",
        'unknown role id "helpr" (did you mean "helper"?)',
    ),
    # a template that is not in any catalogue
    (
        "dangling_template",
        _edit("name: Task C\n", "name: Task C\n    template: pack_box_manul  #!\n"),
        "tasks[2].template",
        'unknown catalogue task "pack_box_manul" (did you mean "pack_box_manual"?)',
    ),
    # a profile names an unknown support
    (
        "dangling_support",
        _edit("    pace: 0.8\n", "    pace: 0.8\n    supports: [job_coch]  #!\n"),
        "profiles[0].supports[0]",
        'unknown support "job_coch" (did you mean "job_coach"?)',
    ),
    # an unknown key, with a suggestion
    (
        "unknown_key",
        _edit("    role: helper\n", "    role: helper\n    afterr: [b]  #!\n"),
        "tasks[2].afterr",
        'unknown key "afterr" (did you mean "after"?)',
    ),
    # an unknown top-level key
    (
        "unknown_top_key",
        MINIMAL + "profile: []  #!\n",
        "profile",
        'unknown key "profile" (did you mean "profiles"?)',
    ),
    # the same key twice in one mapping
    (
        "duplicate_key",
        _edit("    role: helper\n", "    role: helper\n    role: op  #!\n"),
        "tasks[2].role",
        'duplicate key "role" (first at line',
    ),
    # two tasks with the same id
    (
        "duplicate_task_id",
        _edit("  - id: c\n", "  - id: b  #!\n"),
        "tasks[2].id",
        'duplicate task id "b" (first defined at line',
    ),
    # two roles with the same id
    (
        "duplicate_role_id",
        _edit("{id: helper,", "{id: op,  #!\n        x: 1,")
        if False
        else _edit(
            "  - {id: helper, name: Helper, headcount: 1, education: MBO 1}",
            "  - {id: op, name: Helper, headcount: 1, education: MBO 1}  #!",
        ),
        "roles[1].id",
        'duplicate role id "op"',
    ),
    # a precedence cycle a -> b -> a
    (
        "cycle",
        _edit("    time_s_per_unit: 36\n", "    time_s_per_unit: 36\n    after: [b]  #!\n"),
        "tasks[0].after[0]",
        "precedence cycle: a -> b -> a",
    ),
    # a task that comes after itself
    (
        "self_loop",
        _edit("after: [a]\n    demands: {pace", "after: [c]  #!\n    demands: {pace"),
        "tasks[2].after[0]",
        'task "c" cannot come after itself',
    ),
    # a negative time
    (
        "negative_time",
        _edit("time_s_per_unit: 36", "time_s_per_unit: -5  #!"),
        "tasks[0].time_s_per_unit",
        "must be greater than 0, found -5",
    ),
    # a zero time
    (
        "zero_time",
        _edit("hours_per_week: 2", "hours_per_week: 0  #!"),
        "tasks[2].hours_per_week",
        "must be greater than 0, found 0",
    ),
    # NaN as a time
    (
        "nan_time",
        _edit("time_s_per_unit: 36", "time_s_per_unit: .nan  #!"),
        "tasks[0].time_s_per_unit",
        "finite number",
    ),
    # infinity as a time
    (
        "inf_time",
        _edit("time_s_per_unit: 36", "time_s_per_unit: .inf  #!"),
        "tasks[0].time_s_per_unit",
        "finite number",
    ),
    # a huge number of hours per week
    (
        "huge_hours",
        _edit("hours_per_week: 2", "hours_per_week: 1e12  #!"),
        "tasks[2].hours_per_week",
        "must be less than or equal to 100000",
    ),
    # text where a number belongs
    (
        "wrong_type",
        _edit("time_s_per_unit: 36", "time_s_per_unit: 12 min  #!"),
        "tasks[0].time_s_per_unit",
        'found "12 min"',
    ),
    # a rating above the 0-4 scale
    (
        "rating_range",
        _edit("demands: {lifting: 1}", "demands: {lifting: 7}  #!"),
        "tasks[0].demands.lifting",
        "must be less than or equal to 4, found 7",
    ),
    # a capacity above the scale (absurd profile)
    (
        "capacity_range",
        _edit("capacities: {lifting: 2,", "capacities: {lifting: 7,").replace(
            "social_communication: 2}\n    hours", "social_communication: 2}  #!\n    hours"
        ),
        "profiles[0].capacities.lifting",
        "less than or equal to 4",
    ),
    # a rating given as true
    (
        "rating_bool",
        _edit("demands: {pace: 1}", "demands: {pace: true}  #!"),
        "tasks[2].demands.pace",
        "valid integer",
    ),
    # no time model at all
    (
        "no_time",
        _edit("    hours_per_week: 2\n", "").replace("  - id: c\n", "  - id: c  #!\n"),
        "tasks[2]",
        "no time given",
    ),
    # two time models
    (
        "two_times",
        _edit("    hours_per_week: 2\n", "    hours_per_week: 2\n    time_s_per_unit: 3  #!\n"),
        "tasks[2].time_s_per_unit",
        "give one time model, found hours_per_week and time_s_per_unit",
    ),
    # a batch time without a batch size
    (
        "batch_without_size",
        _edit("    batch_size_units: 50\n", "").replace(
            "time_min_per_batch: 30", "time_min_per_batch: 30  #!"
        ),
        "tasks[1].time_min_per_batch",
        "time_min_per_batch needs batch_size_units",
    ),
    # share_of_units with fixed hours
    (
        "share_with_hours",
        _edit("    hours_per_week: 2\n", "    hours_per_week: 2\n    share_of_units: 0.5  #!\n"),
        "tasks[2].share_of_units",
        "share_of_units applies to per-unit",
    ),
    # operations an hour on work timed per unit (the moves per unit are operations_per_unit)
    (
        "ops_per_hour_with_unit_time",
        _edit(
            "    time_s_per_unit: 36\n",
            "    time_s_per_unit: 36\n    handling: {operations_per_hour: 600}  #!\n",
        ),
        "tasks[0].handling.operations_per_hour",
        "operations_per_hour applies to hours_per_week",
    ),
    # a missing required key
    (
        "missing_key",
        _edit("    name: Task B\n", "").replace("  - id: b\n", "  - id: b  #!\n"),
        "tasks[1]",
        'missing required key "name"',
    ),
    # a top-level task without a role
    (
        "missing_role",
        _edit("    role: helper\n", "").replace("  - id: c\n", "  - id: c  #!\n"),
        "tasks[2]",
        'missing required key "role"',
    ),
    # an id that looks like a path
    (
        "path_like_id",
        _edit("  - id: c\n", "  - id: ../../etc/passwd  #!\n"),
        "tasks[2].id",
        "must be an id: a letter",
    ),
    # an unknown education level
    (
        "education",
        _edit("education: MBO 1}", "education: PhD}  #!"),
        "roles[1].education",
        "expected one of none, MBO 1",
    ),
    # a pace above 1
    (
        "pace_range",
        _edit("    pace: 0.8", "    pace: 1.5  #!"),
        "profiles[0].pace",
        "less than or equal to 1",
    ),
    # an unsupported format version
    (
        "format_version",
        MINIMAL.replace("format: 1", "format: 2  #!"),
        "format",
        "unsupported format 2: this jobcarve reads format 1",
    ),
    # an empty task list
    ("no_tasks", MINIMAL.split("tasks:")[0] + "tasks: []  #!\n", "tasks", "at least 1 item"),
    # a python object tag
    (
        "python_tag",
        _edit("name: Task C", "name: !!python/object/apply:os.system [echo hi]  #!"),
        "tasks[2].name",
        "is not allowed: jobcarve reads plain YAML only",
    ),
    # a right-to-left override character in a name
    (
        "bidi",
        _edit("name: Task C", 'name: "Task \u202eC"  #!'),
        "tasks[2].name",
        "bidirectional control character",
    ),
    # a line kind without a takt
    (
        "line_without_takt",
        MINIMAL.replace(
            "process: {name: Assembly}", "process: {name: Assembly, kind: line}"
        ).replace("planning: {units_per_week: 100}", "planning: {units_per_week: 100}  #!"),
        "planning",
        "needs planning.takt_s",
    ),
    # an unknown alias
    (
        "unknown_alias",
        _edit("demands: {pace: 1}", "demands: *nothing  #!"),
        "tasks[2].demands",
        'unknown alias "*nothing"',
    ),
    # a subtask that follows a task outside its parent
    (
        "subtask_scope",
        _edit(
            "    hours_per_week: 2\n",
            "    subtasks:\n      - {id: c1, name: C1, hours_per_week: 1}\n      - {id: c2, name: C2, hours_per_week: 1, after: [b]}  #!\n",
        ),
        "tasks[2].subtasks[1].after[0]",
        'unknown subtask id "b" (a subtask can only follow its siblings)',
    ),
    # a task with subtasks that also gives its own time
    (
        "subtasks_with_time",
        _edit(
            "    hours_per_week: 2\n",
            "    hours_per_week: 2  #!\n    subtasks:\n      - {id: c1, name: C1, hours_per_week: 1}\n",
        ),
        "tasks[2].hours_per_week",
        "a task with subtasks takes its time from them",
    ),
    # operations an hour on a parent whose subtasks, which inherit its handling, are timed
    # per unit (a review: the value was silently ignored there)
    (
        "ops_per_hour_through_subtasks",
        _edit(
            "    hours_per_week: 2\n",
            "    handling: {operations_per_hour: 900}  #!\n    subtasks:\n"
            "      - {id: c1, name: C1, hours_per_week: 1}\n"
            "      - {id: c2, name: C2, time_s_per_unit: 9}\n",
        ),
        "tasks[2].handling.operations_per_hour",
        'operations_per_hour applies to hours_per_week; subtask "c2" is timed per unit',
    ),
    # the heaviest load without the usual one, and below it
    (
        "heaviest_mass_alone",
        _edit(
            "    hours_per_week: 2\n",
            "    hours_per_week: 2\n    handling: {part_mass_max_kg: 18}  #!\n",
        ),
        "tasks[2].handling.part_mass_max_kg",
        "part_mass_max_kg needs part_mass_kg, the mass of the usual load",
    ),
    (
        "heaviest_mass_below_usual",
        _edit(
            "    hours_per_week: 2\n",
            "    hours_per_week: 2\n    handling: {part_mass_kg: 13, part_mass_max_kg: 8}  #!\n",
        ),
        "tasks[2].handling.part_mass_max_kg",
        "part_mass_max_kg (8) is below part_mass_kg (13): give the heaviest load",
    ),
    # the usual load from the template (saw_bar_stock: 12 kg), key by key
    (
        "heaviest_mass_below_the_template",
        _edit(
            "    hours_per_week: 2\n",
            "    hours_per_week: 2\n    template: saw_bar_stock\n"
            "    handling: {part_mass_max_kg: 8}  #!\n",
        ),
        "tasks[2].handling.part_mass_max_kg",
        "part_mass_max_kg (8) is below part_mass_kg (12, from the template)",
    ),
    # the company's people fewer than the roles model (2 operators and a helper)
    (
        "employees_below_the_roles",
        _edit(
            "company: {name: Test BV, sector: metal}\n",
            "company: {name: Test BV, sector: metal, employees: 2}  #!\n",
        ),
        "company.employees",
        "employees 2 is fewer than the 3 people the roles model (their headcount)",
    ),
]


@pytest.mark.parametrize(
    ("text", "path", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_invalid_model_is_located(text: str, path: str, message: str) -> None:
    """Each error kind names file, the marked line, the model path and what is wrong."""
    problems = _problems(text)
    line = _line_of(text)
    wanted = [p for p in problems if f": {path}: " in p and message in p]
    assert wanted, problems
    assert wanted[0].startswith(f"m.yaml:{line}:"), (wanted, line)
    assert all("\n" not in p for p in problems)


def test_all_problems_reported_at_once() -> None:
    """Schema errors and cross-reference errors come together, sorted by position."""
    text = _edit("role: helper", "role: nobody").replace(
        "time_s_per_unit: 36", "time_s_per_unit: -1"
    )
    problems = _problems(text)
    assert len(problems) == 2
    assert "time_s_per_unit" in problems[0] and "nobody" in problems[1]


def test_syntax_error_is_located() -> None:
    """A YAML syntax error names line and column."""
    problems = _problems("format: 1\ncompany: {name: x\nprocess: [\n")
    assert len(problems) == 1
    assert problems[0].startswith("m.yaml:3:")
    assert "YAML syntax error" in problems[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty model"),  # empty file
        (b"# only a comment\n", "empty model"),  # a file with comments only
        (b"- a\n- b\n", "found a list"),  # a list at the top
        (b"just text\n", "found a single value"),  # a scalar at the top
        (b"format: 1\x00\x01\x02", "binary"),  # binary content
        (b"format: 1\ncompany: {name: \xff\xfe}\n", "not UTF-8"),  # Latin-1 bytes
        (b"a: 1\n---\nb: 2\n", "more than one YAML document"),  # two documents
    ],
)
def test_unreadable_files(data: bytes, message: str) -> None:
    """Empty, binary, non-UTF-8 and non-mapping inputs get one clear message."""
    problems = _problems(data)
    assert len(problems) == 1 and message in problems[0], problems


def test_non_utf8_position() -> None:
    """A bad byte is located at its line and column."""
    problems = _problems(b"format: 1\ncompany: {name: \xff}\n")
    assert problems[0].startswith("m.yaml:2:17:")


def test_alias_bomb_is_refused() -> None:
    """Nested aliases that would expand to millions of values are refused quickly."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    problems = _problems("\n".join(lines) + "\n")
    assert "alias bomb" in problems[0]


def test_deep_nesting_is_refused() -> None:
    """Nesting beyond the depth limit is refused, not a RecursionError."""
    problems = _problems("a: " + "[" * 100 + "]" * 100 + "\n")
    assert "nesting deeper than 64 levels" in problems[0]
    problems = _problems("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nesting depth" in problems[0]


def test_file_size_limit(tmp_path: Path) -> None:
    """Files above the size limit are refused before parsing."""
    path = tmp_path / "big.yaml"
    path.write_text(MINIMAL + "#" * 2000 + "\n")
    with pytest.raises(InputError) as info:
        read_process(path, limits=Limits(max_file_bytes=1000))
    assert "the limit is 1,000" in str(info.value)


def test_task_count_limit() -> None:
    """Models with more tasks than the limit are refused."""
    problems = _problems(MINIMAL, Limits(max_tasks=2))
    assert "3 tasks; the limit is 2" in problems[0]


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is an input error naming the file."""
    with pytest.raises(InputError, match="no such file"):
        read_process(tmp_path / "nope.yaml")


def test_template_values_are_inherited_and_overridden() -> None:
    """A template supplies demands and handling; local values win."""
    text = _edit(
        "    hours_per_week: 2\n    after: [a]\n    demands: {pace: 1}\n",
        "    hours_per_week: 2\n    after: [a]\n    template: palletize_boxes\n    demands: {pace: 0}\n    handling: {part_mass_kg: 9}\n",
    )
    process = parse_process(text)
    task = process.tasks[2]
    assert task.demands is not None and task.handling is not None
    assert task.demands.lifting == 3  # from the catalogue
    assert task.demands.pace == 0  # local override
    assert task.handling.part_mass_kg == 9  # local override
    assert task.handling.reach_mm == 1300  # from the catalogue


def test_merge_keys_and_anchors() -> None:
    """YAML anchors, aliases and merge keys work as in yaml.safe_load."""
    text = _edit("demands: {lifting: 1}", "demands: &low {lifting: 1, pace: 1}").replace(
        "demands: {pace: 1}", "demands: {<<: *low, pace: 2}"
    )
    process = parse_process(text)
    assert process.tasks[2].demands is not None
    assert process.tasks[2].demands.lifting == 1 and process.tasks[2].demands.pace == 2


def test_source_map_is_attached() -> None:
    """A read model knows where its tasks stand in the file."""
    process = parse_process(MINIMAL, "m.yaml")
    assert process.source is not None
    assert process.source.locate(("tasks", 1, "name")) == (_line_of(MINIMAL, "name: Task B"), 11)


def test_a_task_holds_the_work_of_all_who_do_it() -> None:
    """A task's fixed hours are the work of all who do it today: nine welders' 180 h a week
    is one task, not two (four blind case writers split such work to stay under 168 h)."""
    process = parse_process(_edit("hours_per_week: 2", "hours_per_week: 180"))
    assert process.tasks[2].hours_per_week == 180


def test_the_heaviest_load_may_rest_on_the_templates_usual_one() -> None:
    """A task with the saw template (12 kg bars) gives only its heaviest bar, 16 kg: the
    usual load comes from the template, key by key, and the model reads (a diff review
    found it refused)."""
    text = MINIMAL.replace(
        "    hours_per_week: 2\n",
        "    hours_per_week: 2\n    template: saw_bar_stock\n    handling: {part_mass_max_kg: 16}\n",
        1,
    )
    (task,) = [t for t in parse_process(text, "m.yaml").tasks if t.template]
    assert task.handling is not None
    assert task.handling.part_mass_kg == 12 and task.handling.heaviest_kg == 16
