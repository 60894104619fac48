"""Agreement of jobcarve's verdicts with expert labels written before the tool ran.

Reads every ``tests/cases/<case>.yaml`` with its ``<case>.expected.yaml`` (format in
tests/cases/README.md), analyses the model and counts how many *clear* expert labels the
analysis matches: fit verdicts per task (and hand-made subtask) and profile, and cobot
labels per unit. ``python benchmarks/cases.py [--plan] [--only CASE...]`` prints the agreement and every
disagreement; with ``--plan`` it also checks the case-level rules on the plan (no role gives
up more than its declared uses; units that must never be in a carved job are not) and the
plan against the expert's ranges (carved jobs, standard task hours moved into carved jobs,
cobots), and counts the plans inside all of them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# the package of this checkout (a worktree measures its own code, not the installed one)
sys.path.insert(0, str(ROOT))

from jobcarve import read_process  # noqa: E402
from jobcarve.analysis import analyze  # noqa: E402
from jobcarve.carving import Plan  # noqa: E402
from jobcarve.results import Analysis  # noqa: E402

CASES = ROOT / "tests" / "cases"


@dataclass
class Agreement:
    fit_clear: int = 0
    fit_agree: int = 0
    cobot_clear: int = 0
    cobot_agree: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Agreement) -> None:
        self.fit_clear += other.fit_clear
        self.fit_agree += other.fit_agree
        self.cobot_clear += other.cobot_clear
        self.cobot_agree += other.cobot_agree
        self.misses += other.misses


def case_files() -> list[tuple[Path, Path]]:
    """(model, expected) pairs of every case."""
    return [
        (p, p.with_name(p.stem + ".expected.yaml"))
        for p in sorted(CASES.glob("*.yaml"))
        if not p.name.endswith(".expected.yaml")
    ]


def _verdicts(analysis: Analysis) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Fit verdict per task or unit id and profile; cobot label per unit id."""
    fit: dict[str, dict[str, str]] = {}
    cobot: dict[str, str] = {}
    for task in analysis.tasks:
        fit[task.id] = {p: f.verdict for p, f in task.fit.items()}
        units = list(task.units) + (list(task.proposal.units) if task.proposal else [])
        for unit in units:
            fit.setdefault(unit.id, {p: f.verdict for p, f in unit.fit.items()})
            cobot[unit.id] = unit.cobot.label
        if len(task.units) == 1:
            cobot[task.id] = task.units[0].cobot.label
    return fit, cobot


def agreement(model: Path, expected: Path) -> tuple[Agreement, Analysis]:
    """Clear expert labels matched by the analysis of one case."""
    process = read_process(model)
    analysis = analyze(process)
    fit, cobot = _verdicts(analysis)
    exp = yaml.safe_load(expected.read_text(encoding="utf-8"))
    out = Agreement()

    def check(uid: str, entry: dict[str, Any], where: str) -> None:
        for pid, label in (entry.get("fit") or {}).items():
            if label.get("confidence") != "clear" or uid not in fit:
                continue
            got = fit[uid].get(pid)
            want = {label["verdict"], *label.get("also_acceptable", [])}
            out.fit_clear += 1
            if got in want:
                out.fit_agree += 1
            else:
                out.misses.append(f"{where} fit {pid}: expert {label['verdict']}, tool {got}")
        c = entry.get("cobot")
        if c and c.get("confidence") == "clear" and uid in cobot:
            out.cobot_clear += 1
            want = {c["label"], *c.get("also_acceptable", [])}
            if cobot[uid] in want:
                out.cobot_agree += 1
            else:
                out.misses.append(f"{where} cobot: expert {c['label']}, tool {cobot[uid]}")

    for tid, entry in (exp.get("tasks") or {}).items():
        check(tid, entry, f"{model.stem}:{tid}")
        for sid, sub in (entry.get("subtasks") or {}).items():
            check(sid, sub, f"{model.stem}:{tid}.{sid}")
        for part, sub in (entry.get("catalogue_split_parts") or {}).items():
            check(f"{tid}.{part}", sub, f"{model.stem}:{tid}.{part}")
    return out, analysis


@lru_cache(maxsize=64)
def case_plan(model: Path, time_limit_s: float = 5.0) -> Plan:
    """The case's plan at `time_limit_s` deterministic seconds (one thread: reproducible)."""
    from jobcarve.carving import plan

    return plan(read_process(model), time_limit_s=time_limit_s, evaluate_proposals=False)


def carved_task_hours(result: Plan) -> float:
    """Standard task hours a week moved into carved jobs, as the roles give them up today.

    The experts' measure (tests/cases/README.md): the jobs' own hours less the hand-over
    time of split tasks, before the profiles' pace.
    """
    units = result.instance.units if result.instance is not None else []
    today = {u.unit: u.base_hours / u.hours for u in units if u.hours > 0}
    return sum(
        h.hours_per_week * today.get(unit, 1.0)
        for unit, holdings in result.unit_holder.items()
        for h in holdings
        if h.kind == "carved"
    )


@dataclass(frozen=True)
class RangeCheck:
    """One of the plan's figures against the expert's range."""

    measure: str
    value: float
    low: float
    high: float

    @property
    def inside(self) -> bool:
        # whole hours: the expert's ranges are rounded, the tolerance is half an hour
        return self.low - 0.5 <= self.value <= self.high + 0.5


def plan_ranges(model: Path, expected: Path, time_limit_s: float = 5.0) -> list[RangeCheck]:
    """The plan's jobs, carved task hours and cobots against the expert's ranges (where given)."""
    exp = yaml.safe_load(expected.read_text(encoding="utf-8"))["case"]
    result = case_plan(model, time_limit_s)
    values = {
        "carved_jobs": float(len(result.carved)),
        "carved_task_hours_per_week": carved_task_hours(result),
        "cobots": float(len(result.cobots)),
    }
    checks = []
    for measure, value in values.items():
        bounds = exp.get(measure) or {}
        if bounds.get("min") is not None and bounds.get("max") is not None:
            checks.append(RangeCheck(measure, value, float(bounds["min"]), float(bounds["max"])))
        elif bounds.get("expected") is not None:  # one value (cobots: {expected: 0})
            expected = float(bounds["expected"])
            checks.append(RangeCheck(measure, value, expected, expected))
    return checks


def plan_rules(model: Path, expected: Path, time_limit_s: float = 5.0) -> list[str]:
    """Case-level rules the plan breaks (role hour drops, units never to carve)."""
    exp = yaml.safe_load(expected.read_text(encoding="utf-8"))["case"]
    result = case_plan(model, time_limit_s)
    broken = []
    tolerance = float(exp.get("tolerance_hours_per_week", 1))
    for b in result.work_balance:
        limit = exp["role_max_drop_hours_per_week"].get(b.role, {}).get("max")
        if limit is not None and b.released_hours_per_week > float(limit) + tolerance:
            broken.append(
                f"{model.stem}: {b.role} gives up {b.released_hours_per_week:.1f} h > {limit}"
            )
    carved_units = {u for j in result.carved for u in j.units}
    for rule in exp.get("never_in_carved_job") or []:
        task, part = rule["task"], rule.get("part")
        for uid in carved_units:
            if (
                uid == task
                or (part and uid in (part, f"{task}.{part}"))
                or (not part and uid.startswith(f"{task}."))
            ):
                broken.append(f"{model.stem}: {uid} is in a carved job ({rule.get('reason', '')})")
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", action="store_true", help="also check the plan rules")
    parser.add_argument("--only", nargs="+", metavar="CASE", help="only these cases (file stems)")
    args = parser.parse_args(argv)
    total = Agreement()
    plans = inside = served = jobs = 0
    files = case_files()
    if args.only:
        unknown = set(args.only) - {m.stem for m, _ in files}
        if unknown:
            parser.error(f"unknown case: {', '.join(sorted(unknown))}")
        files = [(m, e) for m, e in files if m.stem in args.only]
    for model, expected in files:
        result, _ = agreement(model, expected)
        total.add(result)
        print(
            f"{model.stem}: fit {result.fit_agree}/{result.fit_clear}, "
            f"cobot {result.cobot_agree}/{result.cobot_clear}"
        )
        if args.plan:
            for line in plan_rules(model, expected):
                print("  plan rule broken:", line)
            checks = plan_ranges(model, expected)
            plans += 1
            inside += all(c.inside for c in checks)
            # the profiles the plan gives a job (of as many jobs, more is the better plan)
            carved = case_plan(model).carved
            profiles = {j.profile for j in carved}
            served += len(profiles)
            jobs += len(carved)
            print(
                "  plan:",
                ", ".join(
                    f"{c.measure} {c.value:.1f} [{c.low:g}-{c.high:g}]"
                    + ("" if c.inside else " OUTSIDE")
                    for c in checks
                ),
                f"(profiles with a job: {', '.join(sorted(p for p in profiles if p)) or '-'})",
            )
    for miss in total.misses:
        print("  ", miss)
    fit = total.fit_agree / total.fit_clear if total.fit_clear else 1.0
    cob = total.cobot_agree / total.cobot_clear if total.cobot_clear else 1.0
    print(
        f"total: fit {total.fit_agree}/{total.fit_clear} ({fit:.0%}), "
        f"cobot {total.cobot_agree}/{total.cobot_clear} ({cob:.0%})"
    )
    if args.plan:
        print(f"plans inside the experts' ranges: {inside}/{plans}")
        print(f"carved jobs {jobs}, profiles with a job summed over the cases {served}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
