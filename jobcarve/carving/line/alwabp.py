"""ALWABP-2 (line balancing with heterogeneous workers): constructive lines, bounds, search.

The assembly line worker assignment and balancing problem, type 2: ``k`` workers with
their own task times (``None``: the worker cannot do the task), one worker per station,
stations in line order, precedence kept; minimise the cycle time (the largest station
load). Stations left without tasks are allowed (the worker staffs an empty station).

The parts (the first three pure Python on bit masks: task i is bit i, worker w is bit w):

* `construct`: station-oriented greedy for a fixed cycle time. For each new station every
  unused worker fills a load with a task priority rule (ready tasks that fit, best first);
  the worker/load with the best score is kept, provided the tasks left can still be done
  by the workers left. Rules x scores x direction (forward, or on the reversed graph with
  the stations read backwards) give a portfolio; `heuristic_line` bisects the cycle time
  with it and keeps the best line (Moreira et al. 2012 for the rule-based constructive
  heuristics, Borba & Ritt 2014 for the station-oriented worker choice).
* `lower_bound`: the smallest cycle time that passes feasibility relaxations (every task
  has a worker within the cycle time; the work at each task's cheapest permitted worker
  fits in k stations; station windows from the work before and after a task; the
  linear relaxation of unrelated parallel machines R||Cmax restricted to pairs within the
  cycle time, as in Lenstra, Shmoys & Tardos 1990). Each check is monotone in the cycle
  time, so bisection gives a valid bound.
* `beam_line`: beam search over partial lines (state: finished tasks, used workers) for a
  fixed cycle time, children from several rules per worker, duplicates merged, ranked by
  the slack left (k_left x c minus the remaining work at the cheapest remaining worker),
  in the spirit of the beam searches of Blum & Miralles 2011 (IBS) and Borba & Ritt 2014
  (IPBS). `improve_line` lowers the cycle time with widening beams.

* `probe_bound`: bisection on the cycle time with the CP-SAT line model as the feasibility
  test (the cycle time fixed), which proves far higher bounds than the relaxations where
  the minimising model stalls.

Effort is counted in loads filled (deterministic); a wall-clock limit is only a guard.
`solve_alwabp2` combines these with the CP-SAT model of `jobcarve.carving.cpsat.line`.

Longer than 600 lines for a reason: construction, bounds and search share one bit-mask
graph and its helpers (the ALWABP engine as one concept).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from jobcarve.carving.line.problem import LineProblem, LineSolution

#: A line: (worker, tasks) per station, in station order (workers and tasks 0-based).
Line = list[tuple[int, tuple[int, ...]]]

#: Task rules and worker scores of the constructive portfolio, most often best first (on a
#: third of the shared instances; "ratio" and efficiency thresholds never won and are out).
RULES = ("eff", "weight", "succ", "time", "scarce")
PICKS = ("work", "mix")

#: Share of an ALWABP-2 run for the bound probes (`probe_bound`); measured in
#: docs/performance.md ("Bound probes"), a method setting, not tuned per instance.
PROBE_SHARE = 0.25
#: Shortest probe worth building a model for (wall seconds; half of it in deterministic
#: seconds): building the CP-SAT model of a 70-task line takes 0.1-0.3 s, so at a limit of
#: a few seconds the probes would only overrun it.
MIN_PROBE_S = 0.5
#: A model that found its last line after this share of its run is still shortening the
#: line: the probes' time goes on with the model instead (policy, docs/performance.md).
LATE = 0.75
#: Share of the time left after the model for LNS over station windows from the model's
#: line, before the bound probes (policy, docs/performance.md: on large graphs with many
#: short tasks the stalled model's line is shortened by windows in seconds).
LNS_AFTER = 0.5
#: Deterministic seconds of one window sub-solve of that LNS in effort mode.
LNS_SUB_EFFORT_S = 0.1


class Budget(Exception):
    """The effort or time budget ran out."""


@dataclass
class Effort:
    """Loads filled so far, against a deterministic limit and a wall-clock guard."""

    limit: int = 10**12
    deadline: float = math.inf
    used: int = 0
    timed_out: bool = False

    def spend(self, units: int = 1) -> None:
        self.used += units
        if self.used > self.limit:
            raise Budget
        if self.used % 256 == 0 and time.perf_counter() > self.deadline:
            self.timed_out = True
            raise Budget


@dataclass(frozen=True)
class AlwabpGraph:
    """Worker times and precedence of an ALWABP instance in bit-mask form."""

    times: tuple[tuple[int | None, ...], ...]  # [worker][task]
    preds: tuple[tuple[int, ...], ...]
    succs: tuple[tuple[int, ...], ...]
    _cache: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def build(times: Sequence[Sequence[int | None]], preds: Sequence[Sequence[int]]) -> AlwabpGraph:
        n = len(preds)
        succs: list[list[int]] = [[] for _ in range(n)]
        for j, ps in enumerate(preds):
            for p in set(ps):
                succs[p].append(j)
        return AlwabpGraph(
            tuple(tuple(row) for row in times),
            tuple(tuple(sorted(set(ps))) for ps in preds),
            tuple(tuple(sorted(ss)) for ss in succs),
        )

    @staticmethod
    def from_problem(problem: LineProblem) -> AlwabpGraph:
        """The workers' part of a line problem (cobots are not part of ALWABP)."""
        return AlwabpGraph.build(problem.times, problem.preds)

    @property
    def n(self) -> int:
        return len(self.preds)

    @property
    def k(self) -> int:
        return len(self.times)

    def reversed(self) -> AlwabpGraph:
        """The same instance with every arc turned round (a line read backwards)."""
        return AlwabpGraph(self.times, self.succs, self.preds)

    @cached_property
    def pred_mask(self) -> tuple[int, ...]:
        return tuple(sum(1 << p for p in ps) for ps in self.preds)

    @cached_property
    def topo(self) -> tuple[int, ...]:
        indeg = [len(ps) for ps in self.preds]
        order = [t for t in range(self.n) if indeg[t] == 0]
        for t in order:
            for s in self.succs[t]:
                indeg[s] -= 1
                if indeg[s] == 0:
                    order.append(s)
        if len(order) != self.n:
            raise ValueError("the precedence relations contain a cycle")
        return tuple(order)

    @cached_property
    def before(self) -> tuple[int, ...]:
        """All tasks that must come before each task (mask)."""
        out = [0] * self.n
        for t in self.topo:
            for p in self.preds[t]:
                out[t] |= out[p] | (1 << p)
        return tuple(out)

    @cached_property
    def after(self) -> tuple[int, ...]:
        """All tasks that must come after each task (mask)."""
        out = [0] * self.n
        for t in reversed(self.topo):
            for s in self.succs[t]:
                out[t] |= out[s] | (1 << s)
        return tuple(out)

    @cached_property
    def tmin(self) -> tuple[int, ...]:
        """Each task's shortest time over the workers who can do it."""
        return tuple(
            min((v for row in self.times if (v := row[t]) is not None), default=0)
            for t in range(self.n)
        )

    @cached_property
    def tmean(self) -> tuple[float, ...]:
        """Each task's mean time over the workers who can do it (its typical work content)."""
        return tuple(sum(v for v, _ in bs) / max(len(bs), 1) for bs in self.by_speed)

    @cached_property
    def capable(self) -> tuple[int, ...]:
        """How many workers can do each task."""
        return tuple(sum(1 for row in self.times if row[t] is not None) for t in range(self.n))

    @cached_property
    def by_speed(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """Per task, (time, worker) of the workers who can do it, fastest first."""
        return tuple(
            tuple(sorted((v, w) for w, row in enumerate(self.times) if (v := row[t]) is not None))
            for t in range(self.n)
        )

    def priority(self, rule: str) -> list[list[float]]:
        """Per worker, a priority per task (higher first) under a task rule."""
        key = ("prio", rule)
        if key not in self._cache:
            n = self.n
            weight = [
                self.tmin[t] + sum(self.tmin[s] for s in range(n) if self.after[t] >> s & 1)
                for t in range(n)
            ]
            nsucc = [self.after[t].bit_count() for t in range(n)]
            out = []
            for row in self.times:
                pr: list[float] = []
                for t in range(n):
                    tw = row[t] or 0
                    if rule == "time":
                        pr.append(tw + weight[t] * 1e-6)
                    elif rule == "weight":
                        pr.append(weight[t] + tw * 1e-6)
                    elif rule == "succ":
                        pr.append(nsucc[t] + tw * 1e-3)
                    elif rule == "eff":
                        pr.append(self.tmin[t] / max(tw, 1) + tw * 1e-6)
                    elif rule == "scarce":
                        pr.append(-self.capable[t] + tw * 1e-4)
                    else:
                        raise ValueError(f"unknown rule {rule!r}")
                out.append(pr)
            self._cache[key] = out
        return self._cache[key]  # type: ignore[return-value]

    def doable(self, cycle: int) -> tuple[int, ...]:
        """Per worker, the tasks it can do within the cycle time (mask)."""
        key = ("doable", cycle)
        if key not in self._cache:
            self._cache[key] = tuple(
                sum(1 << t for t, v in enumerate(row) if v is not None and v <= cycle)
                for row in self.times
            )
        return self._cache[key]  # type: ignore[return-value]


def line_cycle(g: AlwabpGraph, line: Line) -> int:
    """The cycle time of a line: its largest station load."""
    return max((sum(g.times[w][t] or 0 for t in tasks) for w, tasks in line), default=0)


def line_problems(g: AlwabpGraph, line: Line, cycle: int | None = None) -> list[str]:
    """Every rule the line breaks (empty when valid): workers, tasks, precedence, loads."""
    out = []
    workers = [w for w, _ in line]
    if len(set(workers)) != len(workers) or any(not 0 <= w < g.k for w in workers):
        out.append("a worker staffs two stations or does not exist")
    if len(line) > g.k:
        out.append(f"{len(line)} stations for {g.k} workers")
    where: dict[int, int] = {}
    for s, (w, tasks) in enumerate(line):
        load = 0
        for t in tasks:
            if t in where:
                out.append(f"task {t + 1} is in two stations")
            where[t] = s
            v = g.times[w][t] if 0 <= w < g.k else None
            if v is None:
                out.append(f"worker {w + 1} cannot do task {t + 1}")
            else:
                load += v
        if cycle is not None and load > cycle:
            out.append(f"station {s + 1} has load {load} above the cycle time {cycle}")
    if sorted(where) != list(range(g.n)):
        out.append("not every task is assigned exactly once")
    for t, ps in enumerate(g.preds):
        for p in ps:
            if p in where and t in where and where[p] > where[t]:
                out.append(f"task {p + 1} comes after task {t + 1}")
    return out


def _fill(
    g: AlwabpGraph, w: int, done: int, ready: list[int], cycle: int, prio: list[float]
) -> tuple[int, int, list[int]]:
    """Worker w's greedy load from the finished set: (mask, load, tasks in order)."""
    tw = g.times[w]
    cand = [t for t in ready if (v := tw[t]) is not None and v <= cycle]
    cur, load, tasks = done, 0, []
    pmask, succs = g.pred_mask, g.succs
    while cand:
        room = cycle - load
        best, bp = -1, -math.inf
        for t in cand:
            if tw[t] <= room and prio[t] > bp:  # type: ignore[operator]
                best, bp = t, prio[t]
        if best < 0:
            break
        cand.remove(best)
        cur |= 1 << best
        load += tw[best]  # type: ignore[operator]
        tasks.append(best)
        for s in succs[best]:
            if pmask[s] & ~cur == 0 and (v := tw[s]) is not None and v <= cycle:
                cand.append(s)
    return cur & ~done, load, tasks


def _ready(g: AlwabpGraph, done: int) -> list[int]:
    pmask = g.pred_mask
    return [t for t in range(g.n) if not done >> t & 1 and pmask[t] & ~done == 0]


def _score(g: AlwabpGraph, pick: str, tasks: list[int], load: int) -> tuple[float, float]:
    work = sum(g.tmin[t] for t in tasks)
    if pick == "work":
        return (work, -load)
    if pick == "ratio":
        return (work / max(load, 1), work)
    return (work * work / max(load, 1), work)


def construct(
    g: AlwabpGraph, cycle: int, rule: str, pick: str, effort: Effort | None = None
) -> Line | None:
    """A line within the cycle time by station-oriented greedy, or None if it gets stuck."""
    full = (1 << g.n) - 1
    doable = g.doable(cycle)
    prio = g.priority(rule)
    done = used = 0
    line: Line = []
    while done != full:
        left = g.k - len(line)
        if left == 0:
            return None
        ready = _ready(g, done)
        best: tuple[tuple[float, float], int, int, list[int]] | None = None
        for w in range(g.k):
            if used >> w & 1:
                continue
            if effort is not None:
                effort.spend()
            mask, load, tasks = _fill(g, w, done, ready, cycle, prio[w])
            if not tasks:
                continue
            rest = full & ~(done | mask)
            if rest:
                if left == 1:
                    continue
                cover = 0
                for v in range(g.k):
                    if v != w and not used >> v & 1:
                        cover |= doable[v]
                if rest & ~cover:
                    continue
            key = _score(g, pick, tasks, load)
            if best is None or key > best[0]:
                best = (key, w, mask, tasks)
        if best is None:
            return None
        _, w, mask, tasks = best
        used |= 1 << w
        done |= mask
        line.append((w, tuple(tasks)))
    return line


def portfolio(g: AlwabpGraph) -> list[tuple[AlwabpGraph, bool, str, str]]:
    """The constructive variants: (graph, reversed?, rule, pick)."""
    back = g.reversed()
    return [(gr, rev, r, p) for r in RULES for p in PICKS for gr, rev in ((g, False), (back, True))]


def try_cycle(
    g: AlwabpGraph, cycle: int, variants: list[tuple[AlwabpGraph, bool, str, str]], effort: Effort
) -> Line | None:
    """The first variant's line within the cycle time (stations in forward order)."""
    for gr, rev, rule, pick in variants:
        line = construct(gr, cycle, rule, pick, effort)
        if line is not None:
            return line[::-1] if rev else line
    return None


def heuristic_line(
    g: AlwabpGraph, lower: int = 0, effort: Effort | None = None
) -> tuple[int, Line] | None:
    """The best constructive line: bisection of the cycle time over the portfolio.

    None only if no variant finds a line even with an unbounded cycle time (which happens
    only when the workers' incompatibilities make the instance infeasible or nearly so).
    """
    effort = effort or Effort()
    variants = portfolio(g)
    top = sum(
        max((v for row in g.times if (v := row[t]) is not None), default=0) for t in range(g.n)
    )
    # the first line (any cycle time) is always built, whatever the budget
    line = try_cycle(g, max(top, lower, 1), variants, Effort())
    if line is None:
        return None
    best = (line_cycle(g, line), line)
    lo = max(lower, max(g.tmin, default=0))
    try:
        while lo < best[0]:
            mid = (lo + best[0]) // 2
            found = try_cycle(g, mid, variants, effort)
            if found is None:
                lo = mid + 1
            else:
                best = (line_cycle(g, found), found)
        # the greedy is not monotone in the cycle time: a few steps below the best too
        c = best[0] - 1
        misses = 0
        while c >= max(lower, 1) and misses < 3:
            found = try_cycle(g, c, variants, effort)
            if found is None:
                misses += 1
                c -= 1
            else:
                best = (line_cycle(g, found), found)
                c = best[0] - 1
                misses = 0
    except Budget:
        pass
    return best


# ---------------------------------------------------------------- lower bounds


def _window_ok(g: AlwabpGraph, cycle: int, cheap: list[int]) -> bool:
    """Station windows: the work before and after a task must fit around it in k stations."""
    n = g.n
    head = [0] * n
    for t in g.topo:
        head[t] = cheap[t] + sum(cheap[p] for p in range(n) if g.before[t] >> p & 1)
    for t in range(n):
        tail = cheap[t] + sum(cheap[s] for s in range(n) if g.after[t] >> s & 1)
        earliest = math.ceil(head[t] / cycle)
        latest = g.k + 1 - math.ceil(tail / cycle)
        if earliest > latest:
            return False
    return True


def _lp_ok(g: AlwabpGraph, cycle: int) -> bool:
    """LP relaxation of R||Cmax with the pairs above the cycle time left out (GLOP)."""
    from jobcarve.carving.cpsat.lp import rcmax_lp_feasible

    return rcmax_lp_feasible(g.times, cycle)


def relaxation_ok(g: AlwabpGraph, cycle: int, lp: bool = True) -> bool:
    """Whether the cycle time passes every relaxation (False proves no line exists)."""
    cheap = []
    for t in range(g.n):
        v = next((v for v, _ in g.by_speed[t] if v <= cycle), None)
        if v is None:
            return False
        cheap.append(v)
    if sum(cheap) > g.k * cycle:
        return False
    # tasks longer than half the cycle at every worker need stations of their own
    if sum(1 for v in cheap if 2 * v > cycle) > g.k:
        return False
    if not _window_ok(g, cycle, cheap):
        return False
    return not lp or _lp_ok(g, cycle)


def lower_bound(g: AlwabpGraph, upper: int | None = None, lp: bool = True) -> int:
    """The smallest cycle time that passes `relaxation_ok` (a valid lower bound)."""
    if max(g.tmin, default=0) == 0:
        return 0  # every task can take no time: a line of cycle time 0 may exist
    lo = max(max(g.tmin), math.ceil(sum(g.tmin) / max(g.k, 1)))
    hi = (
        upper if upper is not None else sum(max((v for v, _ in bs), default=0) for bs in g.by_speed)
    )
    hi = max(hi, lo)
    # the cheap checks first, then the LP from where they stop (fewer LPs)
    for use_lp in (False, lp) if lp else (False,):
        top = hi
        if not relaxation_ok(g, top, use_lp):
            return top  # only when `upper` is not a real line's cycle time
        while lo < top:
            mid = (lo + top) // 2
            if relaxation_ok(g, mid, use_lp):
                top = mid
            else:
                lo = mid + 1
    return lo


# ---------------------------------------------------------------- beam search


def _slack(g: AlwabpGraph, done: int, used: int, cycle: int) -> int | None:
    """c x workers left minus the remaining work at the cheapest left worker; None if stuck."""
    rest_workers = g.k - used.bit_count()
    need = 0
    for t in range(g.n):
        if done >> t & 1:
            continue
        for v, w in g.by_speed[t]:
            if v > cycle:
                return None
            if not used >> w & 1:
                need += v
                break
        else:
            return None
    s = rest_workers * cycle - need
    return s if s >= 0 else None


def beam_line(
    g: AlwabpGraph,
    cycle: int,
    width: int,
    effort: Effort,
    rules: Sequence[str] = RULES,
    seed: int = 0,
    noisy: int = 1,
) -> Line | None:
    """Beam search for a line within the cycle time (None: none found, not a proof)."""
    full = (1 << g.n) - 1
    rng = random.Random(seed * 1_000_003 + cycle)
    prios = [g.priority(r) for r in rules]
    nodes: list[tuple[int, int, Line]] = [(0, 0, [])]
    seen: set[tuple[int, int]] = set()
    for _ in range(g.k):
        children: dict[tuple[int, int], tuple[int, Line]] = {}
        for done, used, line in nodes:
            ready = _ready(g, done)
            for w in range(g.k):
                if used >> w & 1:
                    continue
                lists = [p[w] for p in prios]
                for _ in range(noisy):
                    base = prios[rng.randrange(len(prios))][w]
                    lists.append([p * (0.7 + 0.6 * rng.random()) for p in base])
                for pr in lists:
                    effort.spend()
                    mask, _load, tasks = _fill(g, w, done, ready, cycle, pr)
                    if not tasks:
                        continue
                    nd, nu = done | mask, used | (1 << w)
                    key = (nd, nu)
                    if key in children or key in seen:
                        continue
                    new = [*line, (w, tuple(tasks))]
                    if nd == full:
                        return new
                    s = _slack(g, nd, nu, cycle)
                    if s is None:
                        seen.add(key)
                        continue
                    children[key] = (s, new)
        if not children:
            return None
        seen.update(children)
        ranked = sorted(children.items(), key=lambda kv: (-kv[1][0], -kv[0][0].bit_count()))
        nodes = [(d, u, ln) for (d, u), (_, ln) in ranked[:width]]
    return None


def improve_line(
    g: AlwabpGraph,
    best: tuple[int, Line],
    lower: int,
    effort: Effort,
    seed: int = 0,
    widths: Sequence[int] = (4, 16, 64, 256),
) -> tuple[int, Line]:
    """Lower the cycle time below the best line's with widening beams (both directions)."""
    back = g.reversed()
    try:
        for width in widths:
            while best[0] > lower:
                c = best[0] - 1
                found = beam_line(g, c, width, effort, seed=seed)
                if found is None:
                    rev = beam_line(back, c, width, effort, seed=seed)
                    found = rev[::-1] if rev is not None else None
                if found is None:
                    break
                best = (line_cycle(g, found), found)
    except Budget:
        pass
    return best


# ---------------------------------------------------------------- LNS over CP-SAT


def _sub_problem(problem: LineProblem, tasks: list[int], workers: list[int]) -> LineProblem:
    """The instance induced by some tasks and workers (precedence among those tasks)."""
    index = {t: i for i, t in enumerate(tasks)}
    return LineProblem(
        tuple(problem.tasks[t] for t in tasks),
        tuple(tuple(index[p] for p in problem.preds[t] if p in index) for t in tasks),
        tuple(problem.workers[w] for w in workers),
        tuple(tuple(problem.times[w][t] for t in tasks) for w in workers),
    )


def lns_line(
    problem: LineProblem,
    best: tuple[int, Line],
    lower: int,
    deadline: float,
    seed: int = 0,
    sub_limit_s: float = 0.5,
    max_rounds: int = 10**6,
    sub_effort_s: float | None = None,
    effort_budget_s: float | None = None,
    spent: list[float] | None = None,
) -> tuple[tuple[int, Line], int]:
    """Large-neighbourhood search: re-solve windows of consecutive stations with CP-SAT.

    The line is padded with the unused workers as empty stations at its end. A window holds
    a station at the cycle time; its tasks and workers form a small ALWABP-2 that CP-SAT
    solves exactly or nearly; the window is kept when all its loads drop below the cycle
    time, so the number of stations at the cycle time falls and, at zero, the cycle time
    does. Windows that failed at a cycle time are not tried again; a failure widens the
    window. ``effort_budget_s``: stop once the sub-solves have taken this many
    deterministic seconds (they are appended to `spent`). Returns the best line and the
    rounds done.
    """
    from jobcarve.carving.cpsat.line import solve_line

    g = AlwabpGraph.from_problem(problem)
    rng = random.Random(seed)
    line = [(w, tuple(ts)) for w, ts in best[1]]
    spare = [w for w in range(g.k) if w not in {w for w, _ in line}]
    line += [(w, ()) for w in spare]
    failed: set[tuple[int, int, int]] = set()
    size = 2
    rounds = 0
    used: list[float] = spent if spent is not None else []
    taken = 0.0  # deterministic seconds of this call's sub-solves
    while (
        best[0] > lower
        and time.perf_counter() < deadline
        and rounds < max_rounds
        and (effort_budget_s is None or taken < effort_budget_s)
    ):
        rounds += 1
        loads = [sum(g.times[w][t] or 0 for t in ts) for w, ts in line]
        cycle = max(loads)
        crit = [s for s, v in enumerate(loads) if v == cycle]
        options = [
            (a, size)
            for s0 in crit
            for a in range(max(0, s0 - size + 1), min(s0, len(line) - size) + 1)
            if (a, size, cycle) not in failed
        ]
        if not options:
            if size >= min(len(line), 8):
                break
            size += 1
            continue
        a, sz = options[rng.randrange(len(options))]
        window = line[a : a + sz]
        tasks = [t for _, ts in window for t in ts]
        workers = [w for w, _ in window]
        sub = _sub_problem(problem, tasks, workers)
        local = {t: i for i, t in enumerate(tasks)}
        start = [(i, tuple(local[t] for t in ts)) for i, (_, ts) in enumerate(window)]
        left = max(0.01, deadline - time.perf_counter())
        # with a deterministic budget per sub-solve the wall clock only guards
        limit = left if sub_effort_s is not None else min(sub_limit_s, left)
        sol = solve_line(
            sub,
            "min_cycle",
            time_limit_s=limit,
            seed=seed,
            start=start,
            effort_s=sub_effort_s,
            spent=used,
        )
        taken += used[-1]
        if sol.cycle_time < cycle and sol.stations:
            wid = {problem.workers[w].id: w for w in workers}
            tid = {problem.tasks[t]: t for t in tasks}
            new = [(wid[st.worker], tuple(tid[t] for t in st.tasks)) for st in sol.stations]
            line = line[:a] + new + line[a + sz :]
            size = 2
            c = line_cycle(g, line)
            if c < best[0]:
                best = (c, [(w, ts) for w, ts in line if ts])
        else:
            failed.add((a, sz, cycle))
    return best, rounds


def line_of(problem: LineProblem, sol: LineSolution) -> Line:
    """A solution's stations as (worker, tasks) in indices of the problem."""
    wid = {w.id: i for i, w in enumerate(problem.workers)}
    tid = {t: i for i, t in enumerate(problem.tasks)}
    return [(wid[st.worker], tuple(tid[t] for t in st.tasks)) for st in sol.stations]


def probe_bound(
    problem: LineProblem,
    best: tuple[int, Line],
    lower: int,
    *,
    deadline: float,
    slice_s: float,
    max_probes: int = 12,
    effort_s: float | None = None,
    seed: int = 0,
    workers: int = 1,
) -> tuple[int, tuple[int, Line], list[str]]:
    """Raise the lower bound by bisection on the cycle time, the CP-SAT line model as the test.

    Each probe fixes the cycle time C between the bound and the best line and asks the
    CP-SAT model (station windows for C, the best line as a hint) for any line within C.
    With the cycle time fixed, the loads propagate against a constant and the windows are
    those of C, so the model often proves quickly that no line exists below the optimum,
    where the minimising model, whose cycle time is a variable, stalls far from it (on the
    generated MUKHERJE instances its bound stays where the relaxations leave it). A proof
    raises the bound to C + 1; a line found replaces the best line; no answer within the
    slice (``slice_s`` wall seconds, or `effort_s` deterministic seconds) moves the next
    probe below C, where a proof is easier. At most `max_probes` probes, none after
    `deadline` (the slice is a cap: a probe answered early leaves its time to the next).
    Returns the bound, the best line and one "C:answer" per probe.
    """
    from jobcarve.carving.cpsat.line import solve_line

    lo, hi = lower, best[0] - 1
    log: list[str] = []
    while lo <= hi and len(log) < max_probes:
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        mid = (lo + hi) // 2
        sol = solve_line(
            problem,
            "min_cycle",
            cycle_bounds=(mid, mid),
            start=best[1],
            time_limit_s=min(slice_s, left),
            effort_s=effort_s,
            seed=seed,
            workers=workers,
        )
        if sol.status == "infeasible":
            lo = mid + 1
            log.append(f"{mid}:none")
        elif sol.stations and sol.cycle_time <= mid:
            best = (sol.cycle_time, line_of(problem, sol))  # a line without cobots
            hi = best[0] - 1
            log.append(f"{mid}:line {best[0]}")
        else:
            hi = mid - 1
            log.append(f"{mid}:open")
    return min(lo, best[0]), best, log


def _after_model(
    problem: LineProblem,
    sol: LineSolution,
    low: int,
    *,
    late: bool,
    deadline: float,
    after_effort: float | None,
    lns_after: float,
    seed: int,
    workers: int,
    stats: dict[str, object],
) -> LineSolution:
    """What `solve_alwabp2` does after a model that stopped without a proof.

    LNS over station windows from the model's line first (`lns_after` of the time left);
    then the rest goes on with the model when it (``late``) or the LNS was still
    shortening the line, to the bound probes if not. ``after_effort``: the deterministic
    seconds left for all of it (None: wall clock up to `deadline`).
    """
    from jobcarve.carving.cpsat.line import _line_solution, solve_line

    line = line_of(problem, sol)
    stats["model"] = sol.cycle_time
    shortened = False
    if lns_after > 0:
        now = time.perf_counter()
        used: list[float] = []
        found, rounds = lns_line(
            problem,
            (sol.cycle_time, line),
            low,
            now + lns_after * max(0.0, deadline - now) if after_effort is None else deadline,
            seed=seed,
            sub_effort_s=None if after_effort is None else LNS_SUB_EFFORT_S,
            effort_budget_s=None if after_effort is None else lns_after * after_effort,
            spent=used,
        )
        stats["lns_after"] = found[0]
        stats["lns_rounds"] = rounds
        if after_effort is not None:
            after_effort = max(0.0, after_effort - sum(used))
        if found[0] < sol.cycle_time:
            shortened = True
            line = found[1]
            sol = _line_solution(problem, "min_cycle", line, low, 0.0)
    if late or shortened:
        stats["continued"] = True
        if after_effort is not None and after_effort <= 0:
            return sol
        return solve_line(
            problem,
            "min_cycle",
            time_limit_s=max(0.01, deadline - time.perf_counter()),
            seed=seed,
            workers=workers,
            start=line,
            cycle_bounds=(low, sol.cycle_time),
            effort_s=after_effort,
            strict=True,
        )
    slice_s = max(0.0, deadline - time.perf_counter()) / 4
    probe_effort = None if after_effort is None else after_effort / 4
    if not (probe_effort > 0 if probe_effort is not None else slice_s >= MIN_PROBE_S):
        return sol
    before = (sol.cycle_time, low)
    low, found, probes = probe_bound(
        problem,
        (sol.cycle_time, line),
        low,
        deadline=deadline,
        slice_s=slice_s,
        effort_s=probe_effort,
        seed=seed,
        workers=workers,
    )
    stats["probes"] = " ".join(probes)
    stats["probe_bound"] = low
    if (found[0], low) != before:
        return _line_solution(problem, "min_cycle", found[1], low, 0.0)
    return sol


def solve_alwabp2(
    problem: LineProblem,
    *,
    time_limit_s: float = 10.0,
    seed: int = 0,
    workers: int = 1,
    beam_effort: int = 0,
    lns_share: float = 0.0,
    effort_s: float | None = None,
    strict: bool = True,
    probe_share: float = PROBE_SHARE,
    lns_after: float = LNS_AFTER,
) -> LineSolution:
    """ALWABP-2: the constructive line, the relaxation bound, bound probes, beam/LNS, CP-SAT.

    ``beam_effort``: loads the widening beams may fill (0: none); ``lns_share``: the share
    of the time limit for LNS over station windows (0: none). The CP-SAT model gets the
    rest of the time with the best line as a complete hint and the bounds on the cycle time.

    ``probe_share``: the share of the time kept for `probe_bound` (bisection on the cycle
    time with the CP-SAT model as the test; 0: none) after the model has stopped without
    a proof: probes of at most a quarter of it each, until it is spent. They come last so
    that the line gets the model's full share first (probes before the model cost line
    quality on the largest generated graphs: docs/performance.md). A model that found its
    last line in the last quarter of its run (`LATE`) is still shortening the line: it
    goes on instead (asked again to beat its own line), and no probe runs.

    ``lns_after``: the share of that time first spent on LNS over windows of consecutive
    stations (`lns_line`) from the model's line, which ends early when no window helps; a
    line it shortened is handed back to the model (asked to beat it) instead of the probes.

    ``effort_s``: a deterministic budget (CP-SAT deterministic seconds; the LNS before the
    model gets `lns_share` of it and the one after the model `lns_after` of the last
    share, in sub-solves of at most 0.1 counted as they take); the result then does not depend on the
    machine's load, and `time_limit_s` is only a wall-clock guard (``stats["guard"]``
    says whether it stopped the run).

    Always returns a valid line when one exists within reach of the constructive portfolio
    (every instance with a worker who can do every task), whatever the time limit; the
    lower bound is the larger of the relaxation bisection and CP-SAT's proven bound.
    """
    from jobcarve.carving.cpsat.line import _line_solution, solve_line

    t0 = time.perf_counter()
    problem.check()
    g = AlwabpGraph.from_problem(problem)
    deadline = t0 + time_limit_s
    guard = deadline if effort_s is not None else t0 + 0.5 * time_limit_s
    effort = Effort(limit=60_000, deadline=guard)
    found = heuristic_line(g, effort=effort)
    if found is None:
        # the portfolio found no line: leave it to the model (which may prove there is none)
        return solve_line(
            problem, "min_cycle", time_limit_s=time_limit_s, seed=seed, workers=workers
        )
    lower = lower_bound(g, found[0])
    stats: dict[str, object] = {
        "constructive": found[0],
        "relaxation_bound": lower,
        "guard": effort.timed_out,
    }
    best = found
    if best[0] > lower and beam_effort > 0:
        best = improve_line(g, best, lower, Effort(limit=beam_effort, deadline=deadline), seed=seed)
        stats["beam"] = best[0]
    if best[0] > lower and lns_share > 0:
        if effort_s is not None:
            best, rounds = lns_line(
                problem,
                best,
                lower,
                deadline,
                seed=seed,
                sub_effort_s=0.1,
                max_rounds=max(1, round(lns_share * effort_s / 0.1)),
            )
        else:
            best, rounds = lns_line(problem, best, lower, t0 + lns_share * time_limit_s, seed=seed)
        stats["lns"] = best[0]
        stats["lns_rounds"] = rounds
    if best[0] > lower:
        left = max(0.01, deadline - time.perf_counter())
        if (left if effort_s is None else 2 * effort_s) * probe_share / 4 < MIN_PROBE_S:
            probe_share = 0.0  # too little time for a probe: the model gets all of it
        model_s = left * (1 - probe_share)
        model_effort = None if effort_s is None else effort_s * (1 - lns_share - probe_share)
        progress: list[tuple[float, float]] = []
        sol = solve_line(
            problem,
            "min_cycle",
            time_limit_s=model_s,
            seed=seed,
            workers=workers,
            start=best[1],
            cycle_bounds=(lower, best[0]),
            effort_s=model_effort,
            strict=strict,
            progress=progress,
        )
        if sol.status == "feasible" and sol.stations and probe_share > 0:
            # the model stopped short of a proof
            last = (
                (progress[-1][1] / model_effort if model_effort else progress[-1][0] / model_s)
                if progress
                else 0.0
            )
            sol = _after_model(
                problem,
                sol,
                max(lower, sol.lower_bound),
                late=last > LATE,
                deadline=deadline,
                after_effort=None if effort_s is None else probe_share * effort_s,
                lns_after=lns_after,
                seed=seed,
                workers=workers,
                stats=stats,
            )
        stats["guard"] = stats["guard"] or time.perf_counter() >= deadline
        sol.stats.update(stats)
        return replace(sol, seconds=time.perf_counter() - t0)
    sol = _line_solution(problem, "min_cycle", best[1], lower, time.perf_counter() - t0)
    sol.stats.update(stats)
    return sol


# ---------------------------------------------------------------- instance generator


def chaves_instance(
    base: Sequence[int],
    preds: Sequence[Sequence[int]],
    workers: int,
    high_variability: bool,
    incompatible: float,
    rng: random.Random,
) -> list[list[int | None]]:
    """Worker times [task][worker] of an ALWABP instance after Chaves et al. (2007).

    Worker 1 has the base (SALBP) times; worker w > 1 does task i in a time drawn uniformly
    from [1, t_i] (low variability) or [1, 2 t_i] (high variability), and cannot do it with
    probability `incompatible` (a task always keeps worker 1). The precedence graph is the
    SALBP graph's, so `preds` only serves to check the sizes.
    """
    if len(base) != len(preds) or workers < 1:
        raise ValueError("one base time per task and at least one worker")
    out: list[list[int | None]] = []
    for t in base:
        row: list[int | None] = [t]
        for _ in range(1, workers):
            v = rng.randint(1, max(1, (2 if high_variability else 1) * t))
            row.append(None if rng.random() < incompatible else v)
        out.append(row)
    return out


def prefix_graph(
    base: Sequence[int], arcs: Sequence[tuple[int, int]], tasks: int
) -> tuple[list[int], list[tuple[int, int]]]:
    """The first `tasks` tasks of a topological order (smallest number first) and their arcs.

    The kept tasks are closed under predecessors, so the result is a precedence graph of its
    own (renumbered 0..tasks-1 in that order): a smaller graph of the same kind of structure,
    for generated families of another size (benchmarks/gen_alwabp.py ``--tasks``).
    """
    import networkx as nx

    g: nx.DiGraph[int] = nx.DiGraph()
    g.add_nodes_from(range(len(base)))
    g.add_edges_from(arcs)
    order = list(nx.lexicographical_topological_sort(g))[: max(0, tasks)]
    index = {t: k for k, t in enumerate(order)}
    kept = [(index[i], index[j]) for i, j in arcs if i in index and j in index]
    return [base[t] for t in order], kept
