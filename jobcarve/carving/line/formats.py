"""Readers of published line-balancing instance files, with located errors.

* ALWABP (Chaves et al. 2007, as in Borba & Ritt 2014): ``n``, then n lines of k worker
  times (``Inf`` = cannot), then arcs ``i j``, optional end mark ``-1 -1``.
* Scholl ``.IN2`` (SALBP): ``n``, n task times, arcs ``i,j``, end mark ``-1,-1``, then
  anything (notes, a DOS end-of-file byte) that is ignored.
* Otto et al. (2013) ``.alb`` (SALBP-Gen): tagged sections ``<number of tasks>``,
  ``<cycle time>``, ``<task times>`` (``i t``), ``<precedence relations>`` (``i,j``),
  ``<end>``; other sections are skipped.

All return a `LineProblem` (ALWABP: one worker per column; SALBP: `stations` identical
workers) or raise `InputError` with ``FILE:LINE:COL`` messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from jobcarve.carving.line.problem import LineProblem, LineWorker
from jobcarve.exceptions import InputError, Problem, UsageError
from jobcarve.yamlsource import read_bounded

FORMATS = ("alwabp", "in2", "alb")
MAX_BYTES = 16 * 1024 * 1024
#: the most tasks an instance may have (the largest published SALBP instances have 1,000)
MAX_TASKS = 100_000
#: the most worker columns of an ALWABP file (published ones have at most n/4 of 75 tasks)
MAX_WORKERS = 1_000
#: the most task-worker cells of an ALWABP file (bounds the line model before it is built)
MAX_CELLS = 1_000_000
#: what `jobcarve balance` solves within its time limit (measured, docs/limits.md): the
#: SALBP search's set-up and the ALWABP line model grow faster than linearly with the size;
#: the largest published instances have 1,000 tasks (SALBP) and 75 x 19 (ALWABP)
BALANCE_MAX_TASKS = 2_000
BALANCE_MAX_CELLS = 5_000  # ALWABP tasks x workers
BALANCE_MAX_WORKERS = 100  # ALWABP workers (each may open a station)


def check_balance_size(instance: Instance) -> None:
    """Refuse, before any work, an instance larger than `balance` can solve in its time."""
    if instance.num_workers > 1:
        cells = instance.num_tasks * instance.num_workers
        if cells > BALANCE_MAX_CELLS or instance.num_workers > BALANCE_MAX_WORKERS:
            raise InputError(
                [
                    Problem(
                        instance.name,
                        1,
                        1,
                        "",
                        f"{instance.num_tasks:,} tasks x {instance.num_workers:,} workers = "
                        f"{cells:,} task-worker times; balance solves at most "
                        f"{BALANCE_MAX_WORKERS:,} workers and {BALANCE_MAX_CELLS:,} times "
                        "within its time limit",
                    )
                ]
            )
    if instance.num_tasks > BALANCE_MAX_TASKS:
        raise InputError(
            [
                Problem(
                    instance.name,
                    1,
                    1,
                    "",
                    f"{instance.num_tasks:,} tasks; balance solves at most "
                    f"{BALANCE_MAX_TASKS:,} within its time limit",
                )
            ]
        )


#: the largest task or cycle time (whole time units; sums of 100,000 of them fit in int64)
MAX_TIME = 1_000_000_000


@dataclass(frozen=True)
class Instance:
    """A parsed instance: task times per worker column, arcs, and the stated cycle time if any."""

    name: str
    times: tuple[tuple[int | None, ...], ...]  # [task][worker]
    arcs: tuple[tuple[int, int], ...]  # 0-based
    cycle_time: int | None = None

    @property
    def num_tasks(self) -> int:
        return len(self.times)

    @property
    def num_workers(self) -> int:
        return len(self.times[0]) if self.times else 0

    def predecessors(self) -> list[list[int]]:
        """The direct predecessors of each task (0-based)."""
        preds: list[list[int]] = [[] for _ in range(self.num_tasks)]
        for i, j in self.arcs:
            preds[j].append(i)
        return preds

    def first_times(self) -> list[int]:
        """Worker 1's task times: the SALBP times (of an ALWABP file, its first worker's)."""
        missing = [t + 1 for t, row in enumerate(self.times) if row[0] is None]
        if missing:
            raise UsageError(
                f"{self.name}: worker 1 cannot do task {missing[0]}"
                f"{f' (and {len(missing) - 1} more)' if len(missing) > 1 else ''}; "
                "SALBP needs a time for every task (balance it as ALWABP-2, without "
                "--cycle-time or --stations)"
            )
        return [t for row in self.times for t in row[:1] if t is not None]

    def problem(self) -> LineProblem:
        """The ALWABP line problem: one worker per time column."""
        preds = self.predecessors()
        workers = tuple(
            LineWorker(f"w{w + 1}", "generic", f"w{w + 1}", False) for w in range(self.num_workers)
        )
        times = tuple(
            tuple(self.times[t][w] for t in range(self.num_tasks)) for w in range(self.num_workers)
        )
        return LineProblem(
            tuple(str(t + 1) for t in range(self.num_tasks)),
            tuple(tuple(sorted(p)) for p in preds),
            workers,
            times,
        )


def guess_format(path: Path) -> str:
    """The format from the file name: .IN2 -> in2, .alb -> alb, else alwabp."""
    suffix = path.suffix.lower()
    return {".in2": "in2", ".alb": "alb"}.get(suffix, "alwabp")


def read_instance(path: str | Path, fmt: str | None = None) -> Instance:
    """Read an instance file in one of `FORMATS`."""
    path = Path(path)
    name = str(path)
    data = read_bounded(path, MAX_BYTES, "an instance file")
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise InputError(
            [Problem(name, 0, 0, "", f"unknown format {fmt!r}: use {', '.join(FORMATS)}")]
        )
    text = data.decode("latin-1")  # notes after the end mark may hold any byte
    lines = text.replace("\r", "").split("\n")
    reader = {"alwabp": _alwabp, "in2": _in2, "alb": _alb}[fmt]
    instance = reader(lines, name)
    _check(instance, name)
    return instance


class _Lines:
    def __init__(self, lines: list[str], name: str) -> None:
        self.lines, self.name, self.i = lines, name, 0

    def next(self, what: str) -> tuple[int, str]:
        while self.i < len(self.lines):
            line = self.lines[self.i].strip()
            self.i += 1
            if line and line != "\x1a":
                return self.i, line
        raise InputError([Problem(self.name, self.i, 1, "", f"file ends early: expected {what}")])

    def more(self) -> bool:
        return any(row.strip() and row.strip() != "\x1a" for row in self.lines[self.i :])

    def fail(self, line: int, message: str, col: int = 1) -> InputError:
        return InputError([Problem(self.name, line, col, "", message)])


_INT = re.compile(r"[+-]?[0-9]+")


def _int(src: _Lines, line: int, token: str, what: str, col: int = 1) -> int:
    # plain ASCII digits only: Python's int() also takes "1_0" and other scripts' digits
    if not _INT.fullmatch(token):
        raise src.fail(line, f'{what} "{token[:30]}" is not a whole number', col)
    if len(token) > 30:
        raise src.fail(line, f"{what} {token[:30]}... is out of range", col)
    return int(token)


def _count(src: _Lines, line: int, token: str) -> int:
    n = _int(src, line, token, "number of tasks")
    if not 1 <= n <= MAX_TASKS:
        raise src.fail(line, f"number of tasks {n} is out of range (1 to {MAX_TASKS:,})")
    return n


def _time(src: _Lines, line: int, token: str, what: str = "task time", col: int = 1) -> int:
    value = _int(src, line, token, what, col)
    if not 1 <= value <= MAX_TIME:
        raise src.fail(line, f"{what} {value} is out of range (1 to {MAX_TIME:,})", col)
    return value


def _alwabp(lines: list[str], name: str) -> Instance:
    src = _Lines(lines, name)
    ln, head = src.next("the number of tasks")
    n = _count(src, ln, head)
    times: list[tuple[int | None, ...]] = []
    k = None
    for t in range(n):
        ln, row = src.next(f"the times of task {t + 1}")
        fields = row.split()
        if k is None:
            k = len(fields)
            if k > MAX_WORKERS or n * k > MAX_CELLS:
                raise src.fail(
                    ln,
                    f"{k:,} worker columns for {n:,} tasks; the limits are {MAX_WORKERS:,} "
                    f"workers and {MAX_CELLS:,} task-worker times",
                )
        elif len(fields) != k:
            raise src.fail(ln, f"task {t + 1} has {len(fields)} worker times, task 1 has {k}")
        parsed: list[int | None] = []
        col = 1
        for field in fields:
            if field.lower() == "inf":
                parsed.append(None)
            else:
                parsed.append(_time(src, ln, field, "task time", col))
            col += len(field) + 1
        if all(v is None for v in parsed):
            raise src.fail(ln, f"no worker can do task {t + 1} (all Inf)")
        times.append(tuple(parsed))
    arcs = _arcs(src, n, sep=None)
    return Instance(name, tuple(times), arcs)


def _in2(lines: list[str], name: str) -> Instance:
    src = _Lines(lines, name)
    ln, head = src.next("the number of tasks")
    n = _count(src, ln, head)
    times = []
    for t in range(n):
        ln, row = src.next(f"the time of task {t + 1}")
        times.append((_time(src, ln, row),))
    arcs = _arcs(src, n, sep=",", need_end=True)
    return Instance(name, tuple(times), arcs)


def _arcs(
    src: _Lines, n: int, sep: str | None, need_end: bool = False
) -> tuple[tuple[int, int], ...]:
    arcs: list[tuple[int, int]] = []
    while True:
        if not src.more():
            if need_end:
                raise src.fail(src.i, 'file ends without the end mark "-1,-1"')
            break
        ln, row = src.next("a precedence arc")
        parts = [p for p in (row.split(sep) if sep else row.split()) if p.strip()]
        if len(parts) != 2:
            raise src.fail(ln, f'expected a precedence arc "i{sep or " "}j", found "{row[:30]}"')
        i = _int(src, ln, parts[0].strip(), "task id")
        j = _int(src, ln, parts[1].strip(), "task id")
        if (i, j) == (-1, -1):
            break
        _arc(src, ln, i, j, n, arcs)
    return tuple(arcs)


def _arc(src: _Lines, ln: int, i: int, j: int, n: int, arcs: list[tuple[int, int]]) -> None:
    for v in (i, j):
        if not 1 <= v <= n:
            raise src.fail(ln, f"task {v} does not exist (tasks are 1..{n})")
    if i == j:
        raise src.fail(ln, f"task {i} cannot precede itself")
    if len(arcs) >= MAX_CELLS:
        raise src.fail(ln, f"more than {MAX_CELLS:,} precedence arcs")
    arcs.append((i - 1, j - 1))


def _alb(lines: list[str], name: str) -> Instance:
    src = _Lines(lines, name)
    n: int | None = None
    cycle: int | None = None
    times: dict[int, int] = {}
    raw_arcs: list[tuple[int, int, int]] = []  # (line, i, j), checked once n is known
    section = None
    seen: dict[str, int] = {}
    times_line = 0
    for ln, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        tag = re.fullmatch(r"<(.+)>", line)
        if tag:
            section = tag.group(1).strip().lower()
            if section == "end":
                break
            if section in seen and section in _ALB_SECTIONS:
                raise src.fail(ln, f"<{section}> appears twice (first at line {seen[section]})")
            seen[section] = ln
            if section == "task times":
                times_line = ln
                if n is None:
                    raise src.fail(ln, "<task times> before <number of tasks>")
            continue
        if section == "number of tasks":
            if n is not None:
                raise src.fail(ln, "<number of tasks> holds more than one number")
            n = _count(src, ln, line)
        elif section == "cycle time":
            if cycle is not None:
                raise src.fail(ln, "<cycle time> holds more than one number")
            cycle = _time(src, ln, line, "cycle time")
        elif section == "task times":
            assert n is not None
            parts = line.split()
            if len(parts) != 2:
                raise src.fail(ln, f'expected "task time", found "{line[:30]}"')
            t = _int(src, ln, parts[0], "task id")
            if not 1 <= t <= n:
                raise src.fail(ln, f"task {t} does not exist (tasks are 1..{n})")
            if t in times:
                raise src.fail(ln, f"task {t} has a second time")
            times[t] = _time(src, ln, parts[1], "task time", len(parts[0]) + 2)
        elif section == "precedence relations":
            parts = line.split(",")
            if len(parts) != 2:
                raise src.fail(ln, f'expected "i,j", found "{line[:30]}"')
            raw_arcs.append(
                (
                    ln,
                    _int(src, ln, parts[0].strip(), "task id"),
                    _int(src, ln, parts[1].strip(), "task id"),
                )
            )
    if n is None:
        raise src.fail(1, "no <number of tasks> section")
    if len(times) < n:
        first = next(t for t in range(1, n + 1) if t not in times)
        raise src.fail(
            times_line or 1,
            f"no time for task {first} in <task times> ({n - len(times):,} of {n:,} missing)",
        )
    arcs: list[tuple[int, int]] = []
    for ln, i, j in raw_arcs:
        _arc(src, ln, i, j, n, arcs)
    return Instance(name, tuple((times[t],) for t in range(1, n + 1)), tuple(arcs), cycle)


_ALB_SECTIONS = ("number of tasks", "cycle time", "task times", "precedence relations")


def _check(instance: Instance, name: str) -> None:
    g: nx.DiGraph[int] = nx.DiGraph()
    g.add_nodes_from(range(instance.num_tasks))
    g.add_edges_from(instance.arcs)
    if not nx.is_directed_acyclic_graph(g):
        cycle = nx.find_cycle(g)
        path = " -> ".join(str(u + 1) for u, _ in cycle) + f" -> {cycle[0][0] + 1}"
        raise InputError([Problem(name, 0, 0, "", f"precedence cycle: {path}")])
