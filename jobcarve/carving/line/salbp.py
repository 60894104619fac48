"""SALBP-1 and SALBP-2 by station-oriented branch and bound (bit masks; the load enumeration
compiled, in `loads.py`).

The method follows the published exact procedures for SALBP-1 (Scholl & Klein's SALOME,
1997; Sewell & Jacobson's BB&R, 2012): stations are filled one after another with
*maximal* loads (no ready task still fits), the fullest loads first, and a partial line
is cut off when

* the idle time of the closed stations exceeds what the target number of stations allows
  (m * c - total work),
* the remaining work needs more stations than are left (bin-packing bounds LB1-LB3 of
  Scholl 1999 and Sewell & Jacobson's LB3b on the remaining tasks, then an exact
  bin-packing check with a node budget, `packing.py`, as BB&R bounds each state by bin
  packing),
* the station holds only tasks without successors while others are left (BB&R: such a
  station can move to the end of the line),
* a task can no longer reach its latest station, or the tasks due by a station do not
  fit in the stations before it (station windows from the work before and after a task),
* the same set of finished tasks was already reached with no more stations (memory-based
  dominance: the set of finished tasks is the state, as in bounded dynamic programming).

Each search answers "does a line with m stations exist?" by cyclic best-first search and
can be resumed. `solve_salbp1` runs a portfolio of such searches (full and narrowed, on
the graph and on the reversed graph) in turn until the line found meets the lower bound
or time is up, so a time limit always leaves a valid line and an honest bound.
`solve_salbp2` bisects the cycle time with the same searches. See docs/method.md.

Longer than 600 lines for a reason: the bounds, the resumable search and the portfolio
share the bit-mask state and its helpers; split, the hot loop would call across modules.
"""

from __future__ import annotations

import heapq
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import numpy as np

from jobcarve.carving.line.loads import BUDGET, ROOM, enumerate_loads, row_words
from jobcarve.carving.line.loads import warm_up as compile_loads
from jobcarve.carving.line.packing import packing_answer
from jobcarve.carving.line.packing import warm_up as compile_packing
from jobcarve.carving.line.problem import LineSolution, Station

#: The bin-packing bound's node budget per call at first (`packing.pack`), and the calls
#: the searches on a graph make before they give the bound up if it never cut (BB&R too
#: stops bounding where it fails). The budget adapts (`_PackingTrial.record`): it doubles
#: while bin packing cuts at least PACKING_USEFUL of the states it is asked about, or, up
#: to PACKING_FREE_NODES, while it takes less than PACKING_SHARE of the time. On WEE-MAG at
#: c = 47 the forward search needed 38 s at 200,000 nodes a call, 26 s at 10^6 and 13 s at
#: 1.6 x 10^7: each state bin packing cuts is one the search need not expand. Where bin packing seldom decides (TONGE70 at
#: c = 234, BARTHOL2 at c = 84), a fixed 200,000 took most of the time for nothing.
PACKING_NODES = 1_000
PACKING_FREE_NODES = 128_000
PACKING_MAX_NODES = 32_000_000
PACKING_UNDECIDED = 16
PACKING_USEFUL = 0.1
PACKING_SHARE = 0.25
PACKING_TRIAL = 500
#: Bin-packing nodes that count as one node of the search (of its load enumeration): a
#: bin-packing node is about 20 times as fast here (25-40 against 1-2 million a second).
#: A slice of the search's nodes then also ends after much bin packing.
PACKING_NODES_PER_SEARCH_NODE = 16
#: Nodes of bin packing per second, a first guess (25-40 million measured here): a call gets
#: no more nodes than fit in the time left
PACKING_RATE = 20_000_000

#: The order of the partial lines with the same number of stations: idle time per station
#: minus this much per task not yet assigned, as in Sewell & Jacobson's public BB&R code
#: (best_first_bbr.c: key = idle / stations - 0.02 * unassigned; time units of the instance).
#: Of two partial lines that idle the same, the one that used fewer (longer) tasks comes
#: first: it keeps the short tasks that fill the last stations.
FEWER_TASKS = 0.02

#: A full search's share of the time against a narrow one's: the full searches prove the
#: bound and find the tight lines (WEE-MAG at c = 47: the forward full search proves it in
#: 13 s alone; BARTHOL2 at c = 85: the backward one finds 50 stations in 27 s alone), the
#: narrow ones find good lines early
FULL_SHARE = 3
#: Nodes of the compiled load enumeration per second, the first guess of a search (1-2.3
#: million measured here at short cycle times, far fewer at cycle times of 10^6): a call
#: gets no more nodes than fit in the time left at the rate its search measured last.
NODES_PER_SECOND = 2_000_000
#: Nodes an enumeration may take before its search has measured its rate, at rows of up to
#: 4 words (c < 256), fewer in proportion to longer rows (at least 1,000): the first guess
#: above is hundreds of times too high at cycle times of 10^6 (4,000 nodes a second with
#: rows of 15,625 words), where a first call given the whole time left overran a 10 s
#: limit to 27 s (300 tasks)
FIRST_NODES = 20_000
#: Loads a station's enumeration holds at first; more are held after a retry (x 8)
FIRST_ROOM = 4096


class _Budget(Exception):
    """The node or time budget of one search ran out."""


@dataclass(frozen=True)
class SalbpGraph:
    """Task times and precedence in bit masks (task i is bit i)."""

    times: tuple[int, ...]
    preds: tuple[tuple[int, ...], ...]
    succs: tuple[tuple[int, ...], ...]
    pred_mask: tuple[int, ...]
    before: tuple[int, ...]  # all tasks that must come before i (mask)
    after: tuple[int, ...]  # all tasks that must come after i (mask)

    @staticmethod
    def build(times: list[int], preds: list[list[int]]) -> SalbpGraph:
        n = len(times)
        succs: list[list[int]] = [[] for _ in range(n)]
        for j, ps in enumerate(preds):
            for p in ps:
                succs[p].append(j)
        order = _topological(n, preds, succs)
        before = [0] * n
        for j in order:
            for p in preds[j]:
                before[j] |= before[p] | (1 << p)
        after = [0] * n
        for i in reversed(order):
            for s in succs[i]:
                after[i] |= after[s] | (1 << s)
        return SalbpGraph(
            tuple(times),
            tuple(tuple(ps) for ps in preds),
            tuple(tuple(ss) for ss in succs),
            tuple(sum(1 << p for p in set(ps)) for ps in preds),
            tuple(before),
            tuple(after),
        )

    @cached_property
    def per_cycle(self) -> dict[int, tuple[list[int], list[int]]]:
        """Heads and tails by cycle time, filled by `_heads_tails` (the searches share them)."""
        return {}

    @cached_property
    def packings(self) -> dict[tuple[int, int, tuple[int, ...]], tuple[bool | None, int]]:
        """Bin-packing answers by (cycle time, bins, task times) with the nodes they were
        given (None: undecided within them): the searches share them."""
        return {}

    @cached_property
    def packing_trial(self) -> dict[int, _PackingTrial]:
        """The bin-packing bound's record by cycle time, over all searches on the graph."""
        return {}

    @cached_property
    def positional_weights(self) -> tuple[int, ...]:
        """Own time plus the time of every task that must follow (Helgeson & Birnie)."""
        return tuple(
            t + _mask_sum(self.times, a) for t, a in zip(self.times, self.after, strict=True)
        )

    @cached_property
    def dominators(self) -> list[list[int]]:
        return _dominators(self)

    @cached_property
    def arrays(self) -> _Arrays:
        """The graph in the word arrays of the compiled load enumeration."""
        return _Arrays.of(self)

    def reversed(self) -> SalbpGraph:
        return SalbpGraph(
            self.times,
            self.succs,
            self.preds,
            tuple(sum(1 << s for s in set(ss)) for ss in self.succs),
            self.after,
            self.before,
        )


@dataclass
class _PackingTrial:
    """Calls and cuts of the bin-packing bound, its node budget and the time it took."""

    calls: int = 0
    cuts: int = 0
    budget: int = PACKING_NODES
    undecided: int = 0  # calls that ran out of the budget since it last changed
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    def record(self, ran_out: bool, limit: int, seconds: float) -> None:
        """Count a call that had `limit` nodes, took `seconds` and `ran_out` of nodes before
        it decided (not when too many completions left it open). After PACKING_UNDECIDED
        calls ran out of the budget, it doubles if bin packing cuts at least PACKING_USEFUL
        of the states it is asked about, or, up to PACKING_FREE_NODES, if it took less than
        PACKING_SHARE of the time since the searches on the graph began; it halves when it
        cuts less and took more than that share."""
        self.seconds += seconds
        if not ran_out or limit != self.budget:
            return
        self.undecided += 1
        if self.undecided < PACKING_UNDECIDED:
            return
        self.undecided = 0
        share = self.seconds / max(time.perf_counter() - self.started, 1e-9)
        if self.cuts >= PACKING_USEFUL * self.calls or (
            share < PACKING_SHARE and self.budget < PACKING_FREE_NODES
        ):
            self.budget = min(2 * self.budget, PACKING_MAX_NODES)
        elif share > PACKING_SHARE:
            self.budget = max(self.budget // 2, PACKING_NODES)


@dataclass(frozen=True)
class _Arrays:
    """Task masks as rows of 64-bit words (task i: bit i % 64 of word i // 64)."""

    n_words: int
    times: np.ndarray  # int64[n]
    pred_mask: np.ndarray  # uint64[n, words]
    after: np.ndarray  # uint64[n, words]
    dom_ptr: np.ndarray  # int64[n + 1]: task j's dominators are dom_idx[dom_ptr[j]:dom_ptr[j+1]]
    dom_idx: np.ndarray  # int64

    @staticmethod
    def of(graph: SalbpGraph) -> _Arrays:
        n = len(graph.times)
        n_words = max(1, (n + 63) // 64)
        ptr = [0]
        idx: list[int] = []
        for ds in graph.dominators:
            idx.extend(ds)
            ptr.append(len(idx))
        arrays = _Arrays(
            n_words,
            np.array(graph.times, dtype=np.int64),
            np.zeros((n, n_words), dtype=np.uint64),
            np.zeros((n, n_words), dtype=np.uint64),
            np.array(ptr, dtype=np.int64),
            np.array(idx, dtype=np.int64),
        )
        for i in range(n):
            arrays.pred_mask[i] = arrays.words(graph.pred_mask[i])
            arrays.after[i] = arrays.words(graph.after[i])
        return arrays

    def words(self, mask: int) -> np.ndarray:
        return np.frombuffer(mask.to_bytes(8 * self.n_words, "little"), dtype=np.uint64)

    @staticmethod
    def integer(words: np.ndarray) -> int:
        return int.from_bytes(words.tobytes(), "little")

    @staticmethod
    def mask_sums(masks: np.ndarray, values: tuple[int, ...]) -> np.ndarray:
        """The sum of `values` over the tasks of each mask (one per row)."""
        if len(masks) == 0:
            return np.zeros(0, dtype=np.int64)
        bits = np.unpackbits(masks.view(np.uint8), axis=1, bitorder="little")[:, : len(values)]
        return bits.astype(np.int64) @ np.array(values, dtype=np.int64)


def _topological(n: int, preds: list[list[int]], succs: list[list[int]]) -> list[int]:
    indeg = [len(set(ps)) for ps in preds]
    queue = [i for i in range(n) if indeg[i] == 0]
    order: list[int] = []
    while queue:
        i = queue.pop()
        order.append(i)
        for s in set(succs[i]):
            indeg[s] -= 1
            if indeg[s] == 0:
                queue.append(s)
    if len(order) != n:
        raise ValueError("the precedence relations contain a cycle")
    return order


def _mask_sum(values: tuple[int, ...], mask: int) -> int:
    total = 0
    while mask:
        low = mask & -mask
        total += values[low.bit_length() - 1]
        mask ^= low
    return total


@dataclass(frozen=True)
class Bounds:
    """Lower bounds on the number of stations (Scholl 1999, ch. 4; Martello & Toth 1990)."""

    lb1: int  # total work / cycle time
    lb2: int  # tasks longer than half the cycle time need a station each
    lb3: int  # the same in thirds
    mtl2: int  # Martello & Toth's L2 bin-packing bound
    windows: int  # a task's earliest station plus the stations its successors need
    pairs: int = 0  # weights 1, 1/2, 1/4 by the tasks that can share a station (`pair_bound`)

    @property
    def best(self) -> int:
        return max(self.lb1, self.lb2, self.lb3, self.mtl2, self.windows, self.pairs, 1)


def _weights(times: tuple[int, ...], cycle: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Bin-packing weights in halves (x2) and thirds (x6), see Scholl (1999) LB2/LB3."""
    w2, w6 = [], []
    for t in times:
        w2.append(2 if 2 * t > cycle else 1 if 2 * t == cycle else 0)
        if 3 * t > 2 * cycle:
            w6.append(6)
        elif 3 * t == 2 * cycle:
            w6.append(4)
        elif 3 * t > cycle:
            w6.append(3)
        elif 3 * t == cycle:
            w6.append(2)
        else:
            w6.append(0)
    return tuple(w2), tuple(w6)


def _set_bound(
    times: tuple[int, ...], w2: tuple[int, ...], w6: tuple[int, ...], mask: int, cycle: int
) -> int:
    """Stations the tasks in `mask` need at least: max of LB1, LB2 and LB3."""
    total = half = third = 0
    while mask:
        low = mask & -mask
        i = low.bit_length() - 1
        total += times[i]
        half += w2[i]
        third += w6[i]
        mask ^= low
    return max(-(-total // cycle), -(-half // 2), -(-third // 6))


def martello_toth_l2(times: list[int] | tuple[int, ...], cycle: int) -> int:
    """Martello & Toth's L2 bound for bin packing (1990), max over all thresholds k."""
    best = -(-sum(times) // cycle)
    ordered = sorted(times)
    for k in sorted({0, *(t for t in ordered if 2 * t <= cycle)}):
        n1 = n2 = sum2 = sum3 = 0
        for t in ordered:
            if t > cycle - k:
                n1 += 1
            elif 2 * t > cycle:
                n2 += 1
                sum2 += t
            elif t >= k:
                sum3 += t
        best = max(best, n1 + n2 + max(0, -(-(sum3 - (n2 * cycle - sum2)) // cycle)))
    return best


def pair_bound(times: Iterable[int], cycle: int) -> int:
    """Stations needed by weights 1, 1/2 and 1/4 that no station can exceed in total.

    Sewell & Jacobson's LB3b (an extension of Scholl & Becker's LB3/LB7), in quarters.
    With the times sorted longest first: the longest tasks of which no two fit together
    weigh 1; then, while no three of the tasks so far fit together, the next task weighs
    1/2 and every weight-1 task that would fit with it drops to 1/2 (the best total along
    the way is kept). Then, with the tasks under a third of the cycle time back at 0, the
    next tasks weigh 1/4 while none fits with a weight-1 task, none fits with the two
    shortest halves, no three fit with the shortest half and no five fit together. A
    station then holds weight 1 at most, so the total weight rounded up is a bound.
    """
    t = sorted(times, reverse=True)
    n = len(t)
    if n == 0:
        return 0
    w = [0] * n
    w[0] = 4
    i = 0
    while i < n - 1 and t[i] + t[i + 1] > cycle:
        i += 1
        w[i] = 4
    total = best = 4 * (i + 1)
    best_w = w[:]
    for j in range(i + 1, n):
        if j != i + 1 and t[j - 2] + t[j - 1] + t[j] <= cycle:
            break
        while i >= 0 and t[i] + t[j] <= cycle:
            w[i] = 2
            total -= 2
            i -= 1
        w[j] = 2
        total += 2
        if total > best:
            best, best_w = total, w[:]
    w, total = best_w, best
    for k in range(n):
        if 3 * t[k] < cycle and w[k]:
            total -= w[k]
            w[k] = 0
    ones = [k for k in range(n) if w[k] == 4]
    halves = [k for k in range(n) if w[k] == 2]
    last_one = ones[-1] if ones else -1
    last_half = halves[-1] if halves else -1
    for k in range(max(last_one, last_half) + 1, n):
        if last_one >= 0 and t[last_one] + t[k] <= cycle:
            break
        if len(halves) >= 2 and t[halves[-2]] + t[last_half] + t[k] <= cycle:
            break
        if last_half >= 0 and k - last_half > 2 and t[last_half] + sum(t[k - 2 : k + 1]) <= cycle:
            break
        if k - last_half > 4 and sum(t[k - 4 : k + 1]) <= cycle:
            break
        w[k] = 1
        total += 1
    return -(-max(best, total) // 4)


def _window_bound(
    times: tuple[int, ...], w2: tuple[int, ...], w6: tuple[int, ...], mask: int, cycle: int
) -> int:
    """`_set_bound` and `pair_bound` of the tasks in `mask`."""
    members = [times[i] for i in range(mask.bit_length()) if (mask >> i) & 1]
    return max(_set_bound(times, w2, w6, mask, cycle), pair_bound(members, cycle))


def _heads_tails(graph: SalbpGraph, cycle: int) -> tuple[list[int], list[int]]:
    """Stations needed up to and including each task, and from it to the end."""
    cached = graph.per_cycle.get(cycle)
    if cached is not None:
        return cached
    times = graph.times
    w2, w6 = _weights(times, cycle)
    head = [_window_bound(times, w2, w6, b | (1 << i), cycle) for i, b in enumerate(graph.before)]
    tail = [_window_bound(times, w2, w6, a | (1 << i), cycle) for i, a in enumerate(graph.after)]
    graph.per_cycle[cycle] = (head, tail)
    return head, tail


def lower_bounds(graph: SalbpGraph, cycle: int) -> Bounds:
    times = graph.times
    w2, w6 = _weights(times, cycle)
    head, tail = _heads_tails(graph, cycle)
    return Bounds(
        -(-sum(times) // cycle),
        -(-sum(w2) // 2),
        -(-sum(w6) // 6),
        martello_toth_l2(times, cycle),
        max((h + tl - 1 for h, tl in zip(head, tail, strict=True)), default=1),
        pair_bound(times, cycle),
    )


def increment_times(graph: SalbpGraph, cycle: int) -> SalbpGraph:
    """Raise task times by idle time no line can avoid (Scholl & Klein's task increment).

    If the tasks that could share a station with task i (not too long together, counting
    the work that must come between them) fill at most s of the c - t_i left, every
    station holding i idles at least c - t_i - s: i's time may be raised to c - s. Every
    line of the original instance stays a line of the raised one and vice versa, so the
    bounds and the search get stronger while the optimum stays the same.
    """
    times = list(graph.times)
    n = len(times)
    full = (1 << (cycle + 1)) - 1
    for _ in range(3):
        changed = False
        frozen = tuple(times)
        for i in range(n):
            room = cycle - times[i]
            if room == 0:
                continue
            sums = 1
            related = graph.after[i] | graph.before[i]
            for j in range(n):
                if j != i and times[j] <= room and not (related >> j) & 1:
                    sums |= (sums << times[j]) & full
            for j in range(n):
                if (sums >> room) & 1:
                    break
                if not (related >> j) & 1 or times[j] > room:
                    continue
                if (graph.after[i] >> j) & 1:
                    between = _mask_sum(frozen, graph.after[i] & graph.before[j])
                else:
                    between = _mask_sum(frozen, graph.before[i] & graph.after[j])
                if times[j] + between <= room:
                    sums |= (sums << times[j]) & full
            reach = (sums & ((1 << (room + 1)) - 1)).bit_length() - 1
            if reach < room:
                times[i] = cycle - reach
                changed = True
        if not changed:
            break
    return replace(graph, times=tuple(times))


def _dominators(graph: SalbpGraph) -> list[list[int]]:
    """For each task j, the tasks i that may replace it in a load (Jackson's dominance).

    i dominates j when they are not ordered, i is at least as long and every task after j
    is also after i; ties are broken by the lower index so the relation has no cycles.
    """
    n = len(graph.times)
    times, after, before = graph.times, graph.after, graph.before
    out: list[list[int]] = [[] for _ in range(n)]
    for j in range(n):
        for i in range(n):
            if i == j or (after[j] >> i) & 1 or (before[j] >> i) & 1:
                continue
            if times[i] < times[j] or after[j] & ~after[i]:
                continue
            if times[i] == times[j] and after[i] == after[j] and i > j:
                continue
            out[j].append(i)
        out[j].sort(key=lambda i: times[i])
    return out


class _LowMasks:
    """The bit mask of sums 0..x, computed when asked (for long cycle times)."""

    def __getitem__(self, x: int) -> int:
        return (1 << (x + 1)) - 1


@lru_cache(maxsize=4)
def _sum_masks(cycle: int) -> list[int] | _LowMasks:
    """Bit masks of the sums 0..x for every x up to the cycle time: a table when small."""
    if cycle > 4096:  # the table grows with the square of the cycle time
        return _LowMasks()
    return [(1 << (x + 1)) - 1 for x in range(cycle + 1)]


class _Search:
    """One decision search: can the tasks fit in `m` stations of `cycle`?"""

    def __init__(
        self,
        graph: SalbpGraph,
        cycle: int,
        m: int,
        max_loads: int = 1 << 62,
    ) -> None:
        self.g = graph
        self.c = cycle
        self.m = m
        self.n = len(graph.times)
        self.full = (1 << self.n) - 1
        self.total = sum(graph.times)
        self.slack = m * cycle - self.total
        times = graph.times
        self.w2, self.w6 = _weights(times, cycle)
        head, tail = _heads_tails(graph, cycle)
        self.early = head
        self.late = [m + 1 - t for t in tail]
        # priority: positional weight (own time plus all that must follow), longer first
        self.weight = graph.positional_weights
        # largest positional weight first; more successors first breaks ties, so a task
        # always comes before its successors (even with zero task times)
        self.order = sorted(
            range(self.n), key=lambda i: (-self.weight[i], -graph.after[i].bit_count(), i)
        )
        self.big = sum(1 << i for i in range(self.n) if self.w2[i] == 2)
        # BB&R's rule: a station of tasks without successors can move to the end of the
        # line, so it is opened only when nothing else is left. Only in a full search: it
        # shrinks what a proof must explore, but a narrow search, which only looks for a
        # line, found lines later with it (BARTHOL2 at c = 84: 10 s instead of 0.4 s)
        self.sinks = sum(1 << i for i in range(self.n) if not graph.succs[i])
        self.proving = max_loads >= 1 << 62
        self.half = sum(1 << i for i in range(self.n) if self.w2[i] == 1)
        self.allowed = [0] * (m + 2)  # tasks whose window contains station k (1-based)
        self.due = [0] * (m + 2)  # tasks whose latest station is k
        for i in range(self.n):
            for k in range(max(1, self.early[i]), min(m, self.late[i]) + 1):
                self.allowed[k] |= 1 << i
            if 1 <= self.late[i] <= m:
                self.due[self.late[i]] |= 1 << i
        self.open_at = [self.full] * (m + 2)  # tasks not yet past their latest station
        for k in range(2, m + 2):
            self.open_at[k] = self.open_at[k - 1] & ~self.due[k - 1]
        self.window = _sum_masks(cycle)
        self.dominators = graph.dominators
        self.max_loads = max_loads
        # the bin-packing bound: nodes per call, switched off when it never cuts
        self.trial = graph.packing_trial.setdefault(cycle, _PackingTrial())
        self.packing_cuts = 0  # of this search
        self.memo: dict[int, int] = {}
        self.nodes = 0
        self.node_limit = 0
        self.enum_budget = 0  # nodes one load enumeration may take (doubles when cut short)
        self.deadline = 0.0
        self.rate = float(NODES_PER_SECOND)  # enumeration nodes a second, as last measured
        self.rate_measured = False  # until then, a call gets no more than FIRST_NODES
        self.finished = False  # the search space (as narrowed by max_loads) is exhausted
        self._parent: dict[int, tuple[int, int]] = {0: (0, 0)}
        self._levels: list[list[tuple[float, int, int, int, int]]] = [[] for _ in range(m + 1)]
        self._order = iter(range(1 << 62))
        self._levels[0].append((0.0, 0, next(self._order), 0, 0))
        self._alive = 1
        self._cursor = 0  # the level the cycle is at: a resumed search goes on from there
        self.memo[0] = 0
        if self.slack < 0 or not self.feasible_windows():
            self._alive = 0
            self.finished = True
        self.complete = True  # False when a station's loads were cut short

    def feasible_windows(self) -> bool:
        """Every task has a station, the tasks due by station k fit in k stations, and the
        tasks that cannot start before station k fit in the stations from k on."""
        if any(self.early[i] > self.late[i] for i in range(self.n)):
            return False
        m = self.m
        starts = [0] * (m + 2)
        for i, k in enumerate(self.early):
            starts[min(max(k, 1), m + 1)] |= 1 << i
        return not self._overflows((self.due[k], k) for k in range(1, m + 1)) and not (
            self._overflows((starts[k], m - k + 1) for k in range(m, 0, -1))
        )

    def advance(self, nodes: int, deadline: float) -> list[int] | None:
        """Run the search for about `nodes` more nodes: the loads of a line, or None.

        Cyclic best-first search (Kao & Queyranne; Sewell & Jacobson's BB&R): partial
        lines are kept per number of closed stations, and the search takes in turn the
        best partial line of each level (least idle, fewest tasks used: `FEWER_TASKS`)
        and expands it by all its loads. It dives
        like depth-first search but does not get stuck below one bad early station. The
        search can be resumed; `finished` tells when nothing is left to explore (with
        `complete`, that no line with m stations exists).
        """
        self.node_limit = self.nodes + nodes
        self.enum_budget = max(self.enum_budget, nodes)
        self.deadline = deadline
        c, m, full, levels = self.c, self.m, self.full, self._levels
        n = self.n
        while self._alive:
            for k in range(self._cursor, m):
                self._cursor = k
                heap = levels[k]
                while heap:
                    entry = heapq.heappop(heap)
                    self._alive -= 1
                    if self.memo.get(entry[3], k) < k:
                        continue
                    break
                else:
                    continue
                _, _, _, done, idle = entry
                try:
                    self.nodes += 1
                    if self.nodes > self.node_limit or time.perf_counter() > self.deadline:
                        raise _Budget
                    rest = full & ~done
                    left = m - k
                    if (rest & self.big).bit_count() + (
                        (rest & self.half).bit_count() + 1
                    ) // 2 > left:
                        continue
                    if (_mask_sum(self.w6, rest) + 5) // 6 > left:
                        continue
                    station = k + 1
                    if rest & ~self.open_at[station] or self._overdue(rest, k):
                        continue
                    if (self.trial.cuts or self.trial.calls < PACKING_TRIAL) and self._unpackable(
                        rest, left
                    ):
                        continue
                    loads = self._loads(done, station, c - (self.slack - idle))
                    if self.proving and rest & ~self.sinks:
                        loads = [x for x in loads if x[1] & ~self.sinks]
                except _Budget:
                    heapq.heappush(heap, entry)  # expand it when the search resumes
                    self._alive += 1
                    return None
                for load, mask, load_weight in loads:
                    child = done | mask
                    if self.memo.get(child, m + 1) <= station:
                        continue
                    self.memo[child] = station
                    self._parent[child] = (done, mask)
                    if child == full:
                        path = []
                        while child:
                            child, mask = self._parent[child]
                            path.append(mask)
                        return path[::-1]
                    # BB&R's key: least idle per station, then the fewest tasks assigned
                    # (the short tasks are kept to fill the stations still to come)
                    heapq.heappush(
                        levels[station],
                        (
                            (idle + c - load) / station - FEWER_TASKS * (n - child.bit_count()),
                            entry[1] - load_weight,  # minus the positional weight done
                            next(self._order),
                            child,
                            idle + c - load,
                        ),
                    )
                    self._alive += 1
            self._cursor = 0
        self.finished = True
        return None

    def _unpackable(self, rest: int, left: int) -> bool:
        """True when the open tasks do not fit in the stations left even as bin packing."""
        times = self.g.times
        sizes = []
        mask = rest
        while mask:
            low = mask & -mask
            sizes.append(times[low.bit_length() - 1])
            mask ^= low
        sizes.sort()
        key = (self.c, left, tuple(sizes))
        cache = self.g.packings
        trial = self.trial
        answer, tried = cache.get(key, (None, 0))
        if answer is None and tried < trial.budget:
            if pair_bound(sizes, self.c) > left:
                answer = False
            elif not self.proving:  # a narrow search looks for a line: answers only from
                pass  # the cache and the bound above (packing took its time, BARTHOL2 c85)
            else:
                now = time.perf_counter()
                left_s = min(self.deadline - now, 3600.0)
                limit = min(trial.budget, max(1_000, int(left_s * PACKING_RATE)))
                answer, nodes, more = packing_answer(sizes, left, self.c, limit)
                trial.record(more, limit, time.perf_counter() - now)
                self.nodes += nodes // PACKING_NODES_PER_SEARCH_NODE
                tried = limit if more else PACKING_MAX_NODES  # else never asked again
            cache[key] = (answer, tried)
        if self.proving:  # the record the budget adapts to
            trial.calls += 1
            trial.cuts += answer is False
        self.packing_cuts += answer is False
        return answer is False

    def _overdue(self, rest: int, k: int) -> bool:
        """True when the open tasks due by some station need more stations than are left."""
        return self._overflows(
            (self.due[last] & rest, last - k) for last in range(k + 1, self.m + 1)
        )

    def _overflows(self, steps: Iterable[tuple[int, int]]) -> bool:
        """True when some growing union of task sets needs more stations than allowed.

        `steps` gives (tasks added, stations allowed for all tasks so far); the check is
        LB1-LB3 of the union, kept as running sums.
        """
        times, w2, w6, c = self.g.times, self.w2, self.w6, self.c
        work = half = third = 0
        for mask, room in steps:
            while mask:
                low = mask & -mask
                i = low.bit_length() - 1
                work += times[i]
                half += w2[i]
                third += w6[i]
                mask ^= low
            if work > room * c or half > 2 * room or third > 6 * room:
                return True
        return False

    def _loads(self, done: int, station: int, min_load: int) -> list[tuple[int, int, int]]:
        """Maximal, undominated loads of `station` within the windows, heaviest first:
        (load, task mask, positional weight of the load).

        The tasks that could join the station are decided in a fixed order that respects
        precedence: include, or leave out (the load must then end too full for the task:
        only maximal loads). A branch stops when no subset of the undecided tasks brings
        the load into [need, cycle] (subset sums kept as bit sets, precedence ignored).
        A load is dropped when a task in it can be swapped for a ready task that dominates
        it (Jackson's rule) within the idle time. Only the `max_loads` heaviest are kept;
        a search that dropped loads cannot prove that no line exists. The enumeration is
        compiled (`loads.enumerate_loads`); this method prepares it and reads its answer.
        """
        g, c = self.g, self.c
        pred_mask = g.pred_mask
        allowed = self.allowed[station]
        must = self.due[station] & ~done
        inside = done
        items: list[int] = []
        for i in self.order:
            if (allowed >> i) & 1 and not (done >> i) & 1 and pred_mask[i] & ~inside == 0:
                items.append(i)
                inside |= 1 << i
        if must & ~inside:
            return []
        a = g.arrays
        left = self.deadline - time.perf_counter()
        if left <= 0:
            raise _Budget
        # the node budget, and no more nodes than fit in the time left at the measured rate
        by_time = max(1_000, int(min(left, 3600.0) * self.rate))
        if not self.rate_measured:  # a node's cost grows with the subset-sum rows' words
            by_time = min(by_time, max(1_000, FIRST_NODES * 4 // row_words(c)))
        budget = max(self.enum_budget, 1024)
        limit = min(budget, by_time)
        room = min(self.max_loads, FIRST_ROOM)
        start = time.perf_counter()
        while True:
            status, used, dropped, loads, masks = enumerate_loads(
                np.array(items, dtype=np.int64),
                a.times,
                a.pred_mask,
                a.after,
                a.dom_ptr,
                a.dom_idx,
                a.words(done),
                a.words(allowed),
                a.words(must),
                c,
                min_load,
                self.max_loads,
                limit,
                room,
            )
            self.nodes += used
            if status != ROOM:
                break
            room *= 8
        spent = time.perf_counter() - start
        if used >= 1_000 and spent > 0:
            self.rate = used / spent
            self.rate_measured = True
        if status == BUDGET:
            if limit == budget:
                # retried when the search resumes with twice the nodes: a state whose
                # loads take more nodes than a slice is expanded all the same
                self.enum_budget = 2 * budget
            raise _Budget
        if dropped:
            self.complete = False  # loads at the cap may have hidden others
        weights = a.mask_sums(masks, self.weight)
        out = [
            (int(x), a.integer(m), int(w)) for x, m, w in zip(loads, masks, weights, strict=True)
        ]
        out.sort(key=lambda r: (-r[0], -r[2]))
        return out


def _stations_of(graph: SalbpGraph, loads: list[int], backward: bool) -> list[list[int]]:
    stations = [[i for i in range(len(graph.times)) if (mask >> i) & 1] for mask in loads]
    if backward:
        stations.reverse()
    # tasks of a station in an order that respects precedence
    out = []
    for tasks in stations:
        inside = set(tasks)
        ordered: list[int] = []
        placed: set[int] = set()
        while len(ordered) < len(tasks):
            for i in tasks:
                if i not in placed and all(p in placed or p not in inside for p in graph.preds[i]):
                    ordered.append(i)
                    placed.add(i)
        out.append(ordered)
    return out


def solve_salbp1(
    times: list[int],
    preds: list[list[int]],
    cycle: int,
    *,
    time_limit_s: float = 10.0,
    seed: int = 0,
    workers: int = 1,
    enough: int = 0,
) -> LineSolution:
    """The fewest stations for `cycle`; status optimal, feasible or infeasible (a task too long).

    `seed` and `workers` are accepted for the same call shape as the CP-SAT engines; the
    search is single-threaded and shares its time among its searches by the wall clock.
    With `enough`, the search stops at the first line with that many stations or fewer (a
    yes/no question, as for SALBP-2).
    """
    del seed, workers
    compile_loads()  # compiling is no part of the time limit
    compile_packing()
    t0 = time.perf_counter()
    deadline = t0 + time_limit_s
    n = len(times)
    names = [str(i + 1) for i in range(n)]
    if n == 0:
        return LineSolution("min_stations", "optimal", 0, (), 0, 0, 0.0)
    too_long = task_too_long(times, cycle, t0)
    if too_long is not None:
        return too_long
    # the load enumeration recurses once per candidate task: allow for the largest lines
    depth = sys.getrecursionlimit()
    sys.setrecursionlimit(max(depth, 2 * n + 1000))
    try:
        return _solve(times, preds, cycle, names, t0, deadline, enough)
    finally:
        sys.setrecursionlimit(depth)


def solve_salbp2(
    times: list[int],
    preds: list[list[int]],
    stations: int,
    *,
    time_limit_s: float = 10.0,
) -> LineSolution:
    """The shortest cycle time for `stations` stations (SALBP-2), by SALBP-1 decisions.

    Fewer stations never suffice at a shorter cycle time, so the answer can be bisected.
    The cycle time starts between its lower bound (the longest task, the total work over
    the stations, lifted by bisection over the SALBP-1 bounds) and the best greedy line.
    Each round asks the SALBP-1 search whether the stations suffice at the middle of the
    gap and at the lower bound: a line lowers the upper bound, a proof lifts the lower
    bound past that cycle time. The time per question doubles each round.
    """
    compile_loads()  # compiling is no part of the time limit
    compile_packing()
    t0 = time.perf_counter()
    deadline = t0 + time_limit_s
    n = len(times)
    names = [str(i + 1) for i in range(n)]
    if n == 0:
        return LineSolution("min_cycle", "optimal", 0, (), 0, 0, 0.0)
    graph = SalbpGraph.build(times, preds)
    total = sum(times)
    lo = max(max(times), -(-total // stations))
    if lo == 0:  # only zero-time tasks: one station, no cycle time
        return replace(
            stations_solution([list(range(n))], times, names, 0, "optimal", 0, t0),
            objective="min_cycle",
            objective_value=0,
        )
    # a first line: the greedy, at the shortest cycle time bisection finds for it
    a, b = lo, max(lo, total)
    line = greedy_stations(graph, b)
    while a < b:
        mid = (a + b) // 2
        trial = greedy_stations(graph, mid)
        if len(trial) <= stations:
            line, b = trial, mid
        else:
            a = mid + 1
    best = stations_solution(line, times, names, max(lo, total), "feasible", lo, t0)
    # fewer stations never suffice at a shorter cycle time, so every cycle time at which
    # a bound or a search proves `stations` too few lifts the lower bound past it
    a, b = lo, best.cycle_time
    while a < b and time.perf_counter() < deadline:
        mid = (a + b) // 2
        if lower_bounds(increment_times(graph, mid), mid).best > min(stations, n):
            a = lo = mid + 1
        else:
            b = mid
    share = 0.05
    while best.cycle_time > lo and time.perf_counter() < deadline:
        for c in dict.fromkeys(((lo + best.cycle_time - 1) // 2, lo)):
            left = deadline - time.perf_counter()
            if c < lo or c >= best.cycle_time or left <= 0:
                continue
            answer = solve_salbp1(times, preds, c, time_limit_s=min(share, left), enough=stations)
            if len(answer.stations) <= stations:
                best = answer
            elif answer.lower_bound > stations:
                lo = max(lo, c + 1)
            if best.cycle_time <= lo:
                break
        share *= 2
    return replace(
        best,
        objective="min_cycle",
        status="optimal" if best.cycle_time <= lo else "feasible",
        lower_bound=lo,
        objective_value=best.cycle_time,
        seconds=time.perf_counter() - t0,
    )


def _solve(
    times: list[int],
    preds: list[list[int]],
    cycle: int,
    names: list[str],
    t0: float,
    deadline: float,
    enough: int = 0,
) -> LineSolution:
    forward = increment_times(SalbpGraph.build(times, preds), cycle)
    graphs = ((forward, False), (forward.reversed(), True))
    lb = lower_bounds(forward, cycle).best
    best = greedy_stations(forward, cycle)
    stats: dict[str, int] = {"nodes": 0, "rounds": 0}
    # A portfolio of resumable searches, each in both directions, sharing the time: a full
    # search at the lower bound (finds an optimal line or proves the bound
    # one too low), narrow searches (only the fullest loads per station) at the lower
    # bound, and a narrow search for one station fewer than the best line. An exhausted
    # narrow search makes way for a wider one. A search only depends on its number of
    # stations, so a new line or bound keeps the searches that still ask a useful question
    # (with what they have explored and remembered) and adds the missing ones.
    portfolio: list[tuple[_Search, SalbpGraph, bool, bool]] = []  # (.., backward, narrow)

    def ensure(m: int, narrow: bool) -> None:
        if lb <= m < len(best):
            for g, back in graphs:
                if not any(e[0].m == m and e[2] == back and e[3] == narrow for e in portfolio):
                    portfolio.append(
                        (_Search(g, cycle, m, 2 if narrow else 1 << 62), g, back, narrow)
                    )

    def rebuild() -> None:
        portfolio[:] = [e for e in portfolio if lb <= e[0].m < len(best)]
        ensure(lb, False)
        ensure(lb, True)
        ensure(len(best) - 1, True)

    rebuild()
    slice_nodes = 30000
    # The search that has had the least time (a full search's divided by FULL_SHARE) goes
    # next, for a slice of nodes: the same nodes take a narrow search far longer (a state
    # each few nodes, Python around each) than a full one; given the same nodes, the narrow
    # searches took 28 of 30 s on BARTHOL2 at c = 85. A search that joins starts level
    # with the one that has had the least.
    spent: dict[_Search, float] = {}  # time so far, divided by the search's share

    def share(search: _Search) -> int:
        return FULL_SHARE if search.proving else 1

    def spent_of(search: _Search) -> float:
        if search not in spent:
            spent[search] = min((spent[e[0]] for e in portfolio if e[0] in spent), default=0.0)
        return spent[search]

    while len(best) > max(lb, enough) and portfolio and time.perf_counter() < deadline:
        stats["rounds"] += 1
        entry = min(portfolio, key=lambda e: spent_of(e[0]))
        search, graph, backward, narrow = entry
        before = search.nodes
        start = time.perf_counter()
        found = search.advance(slice_nodes, deadline)
        spent[search] += (time.perf_counter() - start) / share(search)
        stats["nodes"] += search.nodes - before
        if found is not None:
            best = _stations_of(graph, found, backward)
            rebuild()
        elif search.finished:
            if search.complete:  # no line with m stations exists
                lb = max(lb, search.m + 1)
                rebuild()
            else:
                portfolio.remove(entry)
                wider = _Search(graph, cycle, search.m, 4 * search.max_loads)
                spent[wider] = spent[search]
                portfolio.append((wider, graph, backward, narrow))
        for gone in set(spent) - {e[0] for e in portfolio}:
            del spent[gone]  # a dropped search's memory can go
    status = "optimal" if len(best) <= lb else "feasible"
    solution = stations_solution(best, times, names, cycle, status, lb, t0)
    solution.stats.update(stats)
    return solution


def task_too_long(times: list[int], cycle: int, t0: float) -> LineSolution | None:
    """The infeasible answer when a task is longer than the cycle time, else None."""
    if max(times) <= cycle:
        return None
    longest = max(range(len(times)), key=lambda i: times[i])
    return LineSolution(
        "min_stations",
        "infeasible",
        0,
        (),
        0,
        0,
        time.perf_counter() - t0,
        f"task {longest + 1} takes {times[longest]}, longer than the cycle time {cycle}",
    )


def greedy_stations(graph: SalbpGraph, cycle: int) -> list[list[int]]:
    """Station-oriented greedy, largest positional weight first: the first upper bound."""
    times = graph.times
    weight = graph.positional_weights
    n = len(times)
    done = 0
    stations: list[list[int]] = []
    while done != (1 << n) - 1:
        load, station = 0, []
        while True:
            ready = [
                i
                for i in range(n)
                if not (done >> i) & 1
                and graph.pred_mask[i] & ~done == 0
                and load + times[i] <= cycle
            ]
            if not ready:
                break
            best = max(ready, key=lambda i: (weight[i], times[i], -i))
            station.append(best)
            done |= 1 << best
            load += times[best]
        stations.append(station)
    return stations


def stations_solution(
    stations: list[list[int]],
    times: list[int],
    names: list[str],
    cycle: int,
    status: str,
    bound: int,
    t0: float,
) -> LineSolution:
    out = tuple(
        Station(
            k,
            f"station {k + 1}",
            tuple(names[i] for i in tasks),
            (),
            sum(times[i] for i in tasks),
            0,
        )
        for k, tasks in enumerate(stations)
    )
    achieved = max(s.load for s in out)
    assert achieved <= cycle
    return LineSolution(
        "min_stations", status, achieved, out, bound, len(out), time.perf_counter() - t0
    )
