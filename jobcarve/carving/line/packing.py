"""Bin packing by bin completion, compiled with numba: the bin-packing bound of the SALBP search.

`pack` answers "do these items fit in `bins` bins of capacity `cap`?" exactly, within a
node budget. The method is Korf's bin completion (2002, 2003) on item *sizes* with their
multiplicities: bins are filled one at a time, each with the largest item left plus a
maximal completion (no item left would still fit), and the completions of one bin are
multisets of sizes, so equal items never branch twice. The waste of the filled bins may not
exceed the slack `bins * cap - total`, which makes the search narrow exactly where the
bound matters: when a partial line has little idle time left, every remaining station must
be nearly full. A set of items left with bins left that failed is remembered (Sewell &
Jacobson's BB&R bounds each state by bin packing the same way, `bin_dfs_bbr`).

Measured on WEE-MAG at c = 47 (docs/performance.md, twenty-first session): of a sample of 60
bin-packing questions the old item-by-item search left undecided within its budget, bin
completion answered every one, all "no".
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numba import njit
from numba import types as nbtypes
from numba.typed import Dict

#: what `pack` returns as its status
FITS = 0
NO = 1
BUDGET = 2  # the node budget ran out: more nodes may decide it
FLOOD = 3  # one bin had more than MAX_COMPLETIONS completions: more nodes will not help

#: Completions of one bin at most (beyond, the question is left open): bounds the memory and
#: the pairwise dominance check, which counts against the node budget
MAX_COMPLETIONS = 2048


@njit(cache=True)
def _key(counts: np.ndarray, level: int, salt: np.ndarray) -> np.int64:
    """A 64-bit hash of (counts, level): the memory checks the stored counts on a hit."""
    h = np.uint64(level + 1) * np.uint64(0x9E3779B97F4A7C15)
    for i in range(counts.shape[0]):
        h ^= salt[i] * np.uint64(counts[i] + 1)
        h = (h << np.uint64(13)) | (h >> np.uint64(51))
        h *= np.uint64(0xBF58476D1CE4E5B9)
    return np.int64(h >> np.uint64(1))


@njit(cache=True)
def _complete(
    sizes: np.ndarray,
    counts: np.ndarray,
    cap: int,
    slack_left: int,
    out: np.ndarray,
    out_left: np.ndarray,
    top: int,
    kk: np.ndarray,
    left_at: np.ndarray,
    lim_at: np.ndarray,
    suffix: np.ndarray,
    node_limit: int,
) -> tuple[int, int, np.ndarray, np.ndarray]:
    """Write the completions of the next bin from row `top` of `out` on.

    A completion holds one item of the largest size left and more items, at most `cap` in
    all, leaves at most `slack_left` unused and is maximal: every size it leaves out has no
    item left or does not fit in the room it leaves. Returns (rows written, nodes, out,
    out_left), rows -1 when the `node_limit` ran out (the dominance check to come counts
    too: `_pairs`) and -2 when there are more than MAX_COMPLETIONS; the arrays grow when
    full.
    """
    d = sizes.shape[0]
    first = 0
    while first < d and counts[first] == 0:
        first += 1
    rest = counts.copy()
    rest[first] -= 1
    suffix[d] = 0
    for i in range(d - 1, -1, -1):
        suffix[i] = suffix[i + 1] + (rest[i] * sizes[i] if i >= first else 0)
    nodes = 0
    written = 0
    i = first
    left_at[first] = cap - sizes[first]
    lim_at[first] = slack_left
    kk[first] = min(rest[first], left_at[first] // sizes[first]) + 1
    while i >= first:
        nodes += 1
        if nodes + _pairs(written, d) > node_limit:
            return -1, nodes, out, out_left
        if i == d:
            if left_at[d] <= lim_at[d]:
                if written == MAX_COMPLETIONS:
                    return -2, nodes, out, out_left
                row = top + written
                if row == out.shape[0]:
                    grown = np.zeros((2 * out.shape[0], d), dtype=np.int64)
                    grown[: out.shape[0]] = out
                    out = grown
                    grown_left = np.zeros(2 * out_left.shape[0], dtype=np.int64)
                    grown_left[: out_left.shape[0]] = out_left
                    out_left = grown_left
                for j in range(d):
                    out[row, j] = kk[j] if j >= first else 0
                out[row, first] += 1
                out_left[row] = left_at[d]
                written += 1
            i -= 1
            continue
        kk[i] -= 1
        if kk[i] < 0:
            i -= 1
            continue
        room = left_at[i]
        most = min(rest[i], room // sizes[i])
        lim = lim_at[i]
        if kk[i] < most:  # an item of this size is left out although it fits: the bin
            lim = min(lim, sizes[i] - 1)  # must end with less room than the item
        after = room - kk[i] * sizes[i]
        if after - suffix[i + 1] > lim:  # the smaller sizes cannot fill it: fewer of
            kk[i] = 0  # this size will not either
            continue
        i += 1
        left_at[i] = after
        lim_at[i] = lim
        if i < d:
            kk[i] = min(rest[i], after // sizes[i]) + 1
    return written, nodes, out, out_left


@njit(cache=True)
def _pairs(rows: int, d: int) -> int:
    """The nodes the dominance check of `rows` completions over `d` sizes counts for."""
    return rows * rows * (1 + d // 16)


@njit(cache=True)
def _halves(sizes: np.ndarray, counts: np.ndarray, cap: int) -> int:
    """Items longer than half the capacity: no two share a bin."""
    n = 0
    for i in range(sizes.shape[0]):
        if 2 * sizes[i] > cap:
            n += counts[i]
    return n


@njit(cache=True)
def pack(
    sizes: np.ndarray, counts: np.ndarray, cap: int, bins: int, node_limit: int
) -> tuple[int, int]:
    """Do `counts[i]` items of `sizes[i]` (distinct, largest first) fit in `bins` bins of
    `cap`? Returns (status: FITS, NO, BUDGET or FLOOD; nodes used)."""
    d = sizes.shape[0]
    total = 0
    for i in range(d):
        total += sizes[i] * counts[i]
    if total == 0:
        return FITS, 0
    if sizes[0] > cap or bins <= 0 or total > bins * cap or _halves(sizes, counts, cap) > bins:
        return NO, 0
    slack = bins * cap - total
    salt = np.empty(d, dtype=np.uint64)
    x = np.uint64(0x2545F4914F6CDD1D)
    for i in range(d):
        x ^= x << np.uint64(13)
        x ^= x >> np.uint64(7)
        x ^= x << np.uint64(17)
        salt[i] = x | np.uint64(1)
    # failed (items left, level): hash -> row of `stored` (the counts, then the level)
    failed = Dict.empty(key_type=nbtypes.int64, value_type=nbtypes.int64)
    stored = np.zeros((64, d + 1), dtype=np.int64)
    n_stored = 0
    level_counts = np.zeros((bins + 1, d), dtype=np.int64)
    level_waste = np.zeros(bins + 1, dtype=np.int64)
    end = np.zeros(bins + 1, dtype=np.int64)  # level k's completions: rows pos[k]..end[k]
    pos = np.zeros(bins + 1, dtype=np.int64)
    out = np.zeros((64, d), dtype=np.int64)
    out_left = np.zeros(64, dtype=np.int64)
    kk = np.zeros(d + 1, dtype=np.int64)
    left_at = np.zeros(d + 1, dtype=np.int64)
    lim_at = np.zeros(d + 1, dtype=np.int64)
    suffix = np.zeros(d + 1, dtype=np.int64)
    current = np.zeros(d, dtype=np.int64)
    level = 0
    level_counts[0] = counts
    waste = 0
    nodes = 0
    started = False  # the first bin's completions are made before any is tried
    while level >= 0:
        if started and pos[level] == end[level]:  # every completion of this bin failed
            key = _key(level_counts[level], level, salt)
            if key not in failed:
                if n_stored == stored.shape[0]:
                    grown = np.zeros((2 * stored.shape[0], d + 1), dtype=np.int64)
                    grown[:n_stored] = stored
                    stored = grown
                stored[n_stored, :d] = level_counts[level]
                stored[n_stored, d] = level
                failed[key] = n_stored
                n_stored += 1
            level -= 1
            continue
        if started:  # the next completion of this bin: the items and bins left
            row = pos[level]
            pos[level] += 1
            waste = level_waste[level] + out_left[row]
            left = 0
            for j in range(d):
                current[j] = level_counts[level, j] - out[row, j]
                left += current[j]
            if left == 0:
                return FITS, nodes
            if level + 1 >= bins or _halves(sizes, current, cap) > bins - level - 1:
                continue
            key = _key(current, level + 1, salt)
            if key in failed:
                k = failed[key]
                same = stored[k, d] == level + 1
                for j in range(d):
                    if stored[k, j] != current[j]:
                        same = False
                        break
                if same:
                    continue
            level += 1
            level_counts[level] = current
            level_waste[level] = waste
        started = True
        nodes += 1
        if nodes > node_limit:
            return BUDGET, nodes
        top = end[level - 1] if level > 0 else 0
        written, used, out, out_left = _complete(
            sizes,
            level_counts[level],
            cap,
            slack - waste,
            out,
            out_left,
            top,
            kk,
            left_at,
            lim_at,
            suffix,
            node_limit - nodes,
        )
        nodes += used
        if written == -1:
            return BUDGET, nodes
        if written == -2:
            return FLOOD, nodes
        nodes += _pairs(written, d)
        written = _undominated(out, out_left, top, top + written)
        end[level] = top + written
        pos[level] = top
        _order(out_left, out, top, top + written)
    return NO, nodes


@njit(cache=True)
def _undominated(out: np.ndarray, out_left: np.ndarray, lo: int, hi: int) -> int:
    """Drop the completions in rows lo..hi that another one dominates; returns the rows kept.

    X dominates Y when Y's items can be matched to distinct items of X at least as large
    (Martello & Toth's dominance, as used by Korf's bin completion): a packing that fills a
    bin with Y stays a packing when X and Y swap items, so only X need be tried. By Hall's
    condition, for every size s, Y may hold no more items of size >= s than X.
    """
    d = out.shape[1]
    keep = np.ones(hi - lo, dtype=np.bool_)
    cum = np.zeros((hi - lo, d), dtype=np.int64)
    for r in range(hi - lo):
        run = 0
        for j in range(d):
            run += out[lo + r, j]
            cum[r, j] = run
    for y in range(hi - lo):
        for x in range(hi - lo):
            if x == y or not keep[x]:
                continue
            covered = True
            equal = True
            for j in range(d):
                if cum[y, j] > cum[x, j]:
                    covered = False
                    break
                if out[lo + y, j] != out[lo + x, j]:
                    equal = False
            if covered and not equal:
                keep[y] = False
                break
    w = lo
    for r in range(hi - lo):
        if keep[r]:
            out[w] = out[lo + r]
            out_left[w] = out_left[lo + r]
            w += 1
    return w - lo


@njit(cache=True)
def _order(out_left: np.ndarray, out: np.ndarray, lo: int, hi: int) -> None:
    """Sort rows lo..hi of the completions by the room they leave, least first (stable)."""
    if hi - lo < 2:
        return
    idx = np.argsort(out_left[lo:hi], kind="mergesort")
    out_left[lo:hi] = out_left[lo:hi][idx]
    out[lo:hi] = out[lo:hi][idx]


def bin_packing_fits(times: Iterable[int], bins: int, cap: int, node_limit: int) -> bool | None:
    """Do the items fit in `bins` bins of `cap` (exactly, by `pack`)? None: the node budget
    ran out first. An item longer than `cap` never fits."""
    return packing_answer(times, bins, cap, node_limit)[0]


def packing_answer(
    times: Iterable[int], bins: int, cap: int, node_limit: int
) -> tuple[bool | None, int, bool]:
    """`bin_packing_fits`, the nodes it took, and whether more nodes could decide it (False
    when a bin had more completions than MAX_COMPLETIONS)."""
    positive = [t for t in times if t > 0]  # an item of size 0 fits anywhere
    if not positive:
        return True, 0, False
    values, counts = np.unique(np.array(positive, dtype=np.int64), return_counts=True)
    status, nodes = pack(values[::-1].copy(), counts[::-1].astype(np.int64), cap, bins, node_limit)
    return (None if status in (BUDGET, FLOOD) else status == FITS), int(nodes), status == BUDGET


def warm_up() -> None:
    """Compile `pack` (or load it from numba's cache) before a search starts its clock."""
    bin_packing_fits([3, 2, 2], 2, 4, 100)
