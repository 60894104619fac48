"""The loads of one station in the SALBP search, compiled with numba (the search's hot loop).

`enumerate_loads` enumerates the maximal, undominated loads of a station, as described in
`salbp._Search._loads`, which prepares its input and reads its answer. Task sets are bit
masks of `W` 64-bit words (task i is bit i % 64 of word i // 64); the subset sums of the
tasks still open are bit sets of `c + 1` bits (sum s is bit s), one row per position in the
order of the candidate tasks, as in BB&R's load generation (Sewell & Jacobson 2012).

In pure Python the enumeration ran at about 43,000 nodes a second and took nine tenths of
the search's time on the hard instances (WEE-MAG at c = 47: 2,400 nodes a state); compiled,
the rate is in docs/performance.md (twentieth session). The first call on a machine compiles
it: `warm_up` does so before a search starts its clock.
"""

from __future__ import annotations

import numpy as np
from numba import njit

#: what `station_loads` returns as its status
DONE = 0  # every load enumerated (or the heap holds `cap` loads nothing can beat)
BUDGET = 1  # the node budget ran out: the caller retries with more
ROOM = 2  # more loads than `max_out`: the caller retries with more room
_ENOUGH = 3  # internal: the heap holds `cap` loads nothing can beat


@njit(cache=True)
def _bit_length(x: np.uint64) -> int:
    """The position of the highest set bit plus one (0 for 0), by halving steps."""
    n = 0
    step = 32
    while step:
        if x >> np.uint64(step):
            n += step
            x >>= np.uint64(step)
        step >>= 1
    return n + int(x)


@njit(cache=True)
def _highest_at_most(row: np.ndarray, limit: int) -> int:
    """The largest set bit of `row` at a position <= limit (-1 if none)."""
    w = limit >> 6
    b = limit & 63
    x = row[w] if b == 63 else row[w] & ((np.uint64(1) << np.uint64(b + 1)) - np.uint64(1))
    if x:
        return (w << 6) + _bit_length(x) - 1
    for v in range(w - 1, -1, -1):
        if row[v]:
            return (v << 6) + _bit_length(row[v]) - 1
    return -1


@njit(cache=True)
def _shift_or(src: np.ndarray, t: int, dst: np.ndarray, top: np.uint64) -> None:
    """dst = (src | src << t) within the row's bits; dst may be src."""
    cw = src.shape[0]
    ws = t >> 6
    bs = np.uint64(t & 63)
    back = np.uint64(64) - bs
    for w in range(cw - 1, -1, -1):
        s = w - ws
        v = src[w]
        if s >= 0:
            v |= src[s] << bs
            if bs and s >= 1:
                v |= src[s - 1] >> back
        dst[w] = v
    dst[cw - 1] &= top


@njit(cache=True)
def row_words(c: int) -> int:
    """64-bit words in a subset-sum row of sums 0..c (the load enumeration's rows)."""
    return (c >> 6) + 1


@njit(cache=True)
def _has(mask: np.ndarray, i: int) -> bool:
    return bool((mask[i >> 6] >> np.uint64(i & 63)) & np.uint64(1))


@njit(cache=True)
def _any_and_not(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> bool:
    """a & ~(b | c) is not empty."""
    for w in range(a.shape[0]):  # noqa: SIM110 (numba compiles loops, not generators)
        if a[w] & ~(b[w] | c[w]):
            return True
    return False


@njit(cache=True)
def _dominated(
    chosen: np.ndarray,
    load: int,
    c: int,
    done: np.ndarray,
    allowed: np.ndarray,
    must: np.ndarray,
    times: np.ndarray,
    pred_mask: np.ndarray,
    dom_ptr: np.ndarray,
    dom_idx: np.ndarray,
    inner: np.ndarray,
) -> bool:
    """A task of the load can be swapped for a ready task that dominates it (Jackson)."""
    spare = c - load
    nw = chosen.shape[0]
    for w in range(nw):
        inner[w] = done[w] | chosen[w]
    for w in range(nw):
        bits = chosen[w]
        while bits:
            low = bits & (~bits + np.uint64(1))
            bits ^= low
            j = (w << 6) + _bit_length(low) - 1
            if _has(must, j):
                continue
            inner[w] ^= low  # without j
            found = False
            for q in range(dom_ptr[j], dom_ptr[j + 1]):
                i = dom_idx[q]
                if times[i] - times[j] > spare:
                    break
                if _has(inner, i) or not _has(allowed, i):  # i != j: inner without j is enough
                    continue
                ok = True
                for v in range(nw):
                    if pred_mask[i, v] & ~inner[v]:
                        ok = False
                        break
                if ok:
                    found = True
                    break
            inner[w] ^= low
            if found:
                return True
    return False


@njit(cache=True)
def _push(
    out_load: np.ndarray,
    out_order: np.ndarray,
    out_mask: np.ndarray,
    state: np.ndarray,
    load: int,
    chosen: np.ndarray,
    cap: int,
) -> None:
    """Keep the load in a min-heap of at most `cap` loads by (load, order)."""
    size = state[1]
    order = state[2]
    state[2] += 1
    if size < cap:
        pos = size
        state[1] = size + 1
        while pos > 0:  # sift up
            parent = (pos - 1) >> 1
            if out_load[parent] < load or (out_load[parent] == load and out_order[parent] < order):
                break
            out_load[pos] = out_load[parent]
            out_order[pos] = out_order[parent]
            out_mask[pos, :] = out_mask[parent, :]
            pos = parent
    else:  # replace the smallest and sift down
        state[3] = 1  # loads were dropped: the search cannot prove that no line exists
        pos = 0
        while True:
            child = 2 * pos + 1
            if child >= size:
                break
            if child + 1 < size and (
                out_load[child + 1] < out_load[child]
                or (
                    out_load[child + 1] == out_load[child]
                    and out_order[child + 1] < out_order[child]
                )
            ):
                child += 1
            if out_load[child] > load or (out_load[child] == load and out_order[child] > order):
                break
            out_load[pos] = out_load[child]
            out_order[pos] = out_order[child]
            out_mask[pos, :] = out_mask[child, :]
            pos = child
    out_load[pos] = load
    out_order[pos] = order
    out_mask[pos, :] = chosen


@njit(cache=True)
def _unblock(
    k: int,
    newly: np.ndarray,
    blocked: np.ndarray,
    position: np.ndarray,
    items: np.ndarray,
    times: np.ndarray,
    pool: np.ndarray,
    base: int,
    mine: int,
    last: int,
    top_mask: np.uint64,
) -> None:
    """Subset sums from position k on without the blocked tasks, into pool[mine].

    Rows after the last newly blocked task keep their sums (copied from pool[base])."""
    top = k
    for w in range(newly.shape[0]):
        bits = newly[w]
        while bits:
            low = bits & (~bits + np.uint64(1))
            bits ^= low
            q = position[(w << 6) + _bit_length(low) - 1]
            if q > top:
                top = q
    if base != mine:
        for q in range(k, last + 1):
            pool[mine, q, :] = pool[base, q, :]
    row = pool[mine, top + 1].copy()
    for q in range(top, k - 1, -1):
        i = items[q]
        if not _has(blocked, i):
            _shift_or(row, times[i], row, top_mask)
        pool[mine, q, :] = row


@njit(cache=True)
def _block_successors(
    i: int,
    k: int,
    d: int,
    suf: int,
    blocked: np.ndarray,
    newly: np.ndarray,
    after: np.ndarray,
    later: np.ndarray,
    position: np.ndarray,
    items: np.ndarray,
    times: np.ndarray,
    pool: np.ndarray,
    top_mask: np.uint64,
) -> int:
    """Task i (at position k) stays out of frame d's load: its successors among the later
    candidates cannot join either. The pool slot of the subset sums from then on."""
    any_new = False
    for w in range(newly.shape[0]):
        newly[w] = after[i, w] & later[k, w] & ~blocked[w]
        if newly[w]:
            any_new = True
    if not any_new:
        return suf
    for w in range(newly.shape[0]):
        blocked[w] |= newly[w]
    _unblock(k + 1, newly, blocked, position, items, times, pool, suf, d, items.shape[0], top_mask)
    return d


@njit(cache=True)
def _enumerate(
    need0: int,
    st: np.ndarray,
    pool: np.ndarray,
    items: np.ndarray,
    later: np.ndarray,
    position: np.ndarray,
    times: np.ndarray,
    pred_mask: np.ndarray,
    after: np.ndarray,
    dom_ptr: np.ndarray,
    dom_idx: np.ndarray,
    done: np.ndarray,
    allowed: np.ndarray,
    must: np.ndarray,
    c: int,
    cap: int,
    fullest: int,
    node_limit: int,
    top_mask: np.uint64,
    out_load: np.ndarray,
    out_order: np.ndarray,
    out_mask: np.ndarray,
) -> None:
    """Depth-first include / leave out over the candidate tasks, with an explicit stack
    (numba's cache does not hold recursive functions); st = [nodes, loads kept, order,
    dropped, status]. Frame d holds its chosen and blocked tasks in row d and may write its
    own subset sums into pool[d]."""
    nw = done.shape[0]
    last = items.shape[0]
    depth = last + 2
    chosen_st = np.zeros((depth, nw), dtype=np.uint64)
    blocked_st = np.zeros((depth, nw), dtype=np.uint64)
    newly = np.zeros(nw, dtype=np.uint64)
    inner = np.zeros(nw, dtype=np.uint64)
    f_k = np.zeros(depth, dtype=np.int64)
    f_load = np.zeros(depth, dtype=np.int64)
    f_need = np.zeros(depth, dtype=np.int64)
    f_suf = np.zeros(depth, dtype=np.int64)
    f_phase = np.zeros(depth, dtype=np.int64)  # 0: enter, 1: include done, 2: finished
    f_need[0] = need0
    d = 0
    while d >= 0:
        if st[4]:
            return
        chosen = chosen_st[d]
        blocked = blocked_st[d]
        k = f_k[d]
        load = f_load[d]
        need = f_need[d]
        suf = f_suf[d]
        if f_phase[d] == 0:
            st[0] += 1
            if st[0] > node_limit:
                st[4] = BUDGET
                return
            branch = False
            while True:
                low_need = need - load if need > load else 0
                hb = _highest_at_most(pool[suf, k], c - load)
                if hb < low_need:
                    break
                if st[1] >= cap and load + hb <= out_load[0]:
                    st[3] = 1  # loads at the cap may hide others
                    break
                if k == last:
                    if not _any_and_not(must, chosen, chosen) and not _dominated(
                        chosen,
                        load,
                        c,
                        done,
                        allowed,
                        must,
                        times,
                        pred_mask,
                        dom_ptr,
                        dom_idx,
                        inner,
                    ):
                        _push(out_load, out_order, out_mask, st, load, chosen, cap)
                        if st[1] >= cap and out_load[0] >= fullest:
                            st[4] = _ENOUGH  # the heap holds `cap` loads nothing can beat
                    break
                i = items[k]
                ready = True
                for w in range(nw):
                    if pred_mask[i, w] & ~(done[w] | chosen[w]):
                        ready = False
                        break
                if _has(blocked, i) or not ready or times[i] > c - load:
                    # i cannot join: skip it, and its successors cannot join either
                    if _has(must, i):
                        break
                    suf = _block_successors(
                        i, k, d, suf, blocked, newly, after, later, position, items, times, pool,
                        top_mask,
                    )  # fmt: skip
                    k += 1
                    continue
                branch = True
                break
            if not branch:
                d -= 1
                continue
            f_k[d] = k
            f_suf[d] = suf
            f_phase[d] = 1
            i = items[k]
            nxt = d + 1
            for w in range(nw):
                chosen_st[nxt, w] = chosen[w]
                blocked_st[nxt, w] = blocked[w]
            chosen_st[nxt, i >> 6] |= np.uint64(1) << np.uint64(i & 63)
            f_k[nxt] = k + 1
            f_load[nxt] = load + times[i]
            f_need[nxt] = need
            f_suf[nxt] = suf
            f_phase[nxt] = 0
            d = nxt
        elif f_phase[d] == 1:
            f_phase[d] = 2
            i = items[k]
            # leave i out: the load must then end too full for i (maximal loads only)
            stop = _has(must, i)
            for w in range(nw):
                if must[w] & after[i, w]:
                    stop = True
            if stop:
                d -= 1
                continue
            suf = _block_successors(
                i, k, d, suf, blocked, newly, after, later, position, items, times, pool, top_mask
            )
            nxt = d + 1
            for w in range(nw):
                chosen_st[nxt, w] = chosen[w]
                blocked_st[nxt, w] = blocked[w]
            f_k[nxt] = k + 1
            f_load[nxt] = load
            f_need[nxt] = max(need, c - times[i] + 1)
            f_suf[nxt] = suf
            f_phase[nxt] = 0
            d = nxt
        else:
            d -= 1


@njit(cache=True)
def enumerate_loads(
    items: np.ndarray,
    times: np.ndarray,
    pred_mask: np.ndarray,
    after: np.ndarray,
    dom_ptr: np.ndarray,
    dom_idx: np.ndarray,
    done: np.ndarray,
    allowed: np.ndarray,
    must: np.ndarray,
    c: int,
    min_load: int,
    cap: int,
    node_limit: int,
    max_out: int,
) -> tuple[int, int, bool, np.ndarray, np.ndarray]:
    """The maximal, undominated loads of a station: (status, nodes, dropped, loads, masks).

    `items` are the candidate tasks in the search's order (precedence respected); `done`,
    `allowed` (the station's window) and `must` (tasks due at this station) are task masks.
    At most `cap` loads are kept, the heaviest; `max_out` bounds the loads held when `cap`
    does not (the status is then ROOM and the caller retries with more). `dropped`: loads
    were cut at the cap, so a search on these loads proves nothing.
    """
    nw = done.shape[0]
    last = items.shape[0]
    cw = row_words(c)
    top_bits = (c & 63) + 1
    top_mask = np.uint64(0xFFFFFFFFFFFFFFFF)
    if top_bits < 64:
        top_mask = (np.uint64(1) << np.uint64(top_bits)) - np.uint64(1)
    pool = np.empty((last + 2, last + 1, cw), dtype=np.uint64)  # rows written before read
    pool[0, last, :] = 0
    pool[0, last, 0] = 1
    for q in range(last - 1, -1, -1):
        _shift_or(pool[0, q + 1], times[items[q]], pool[0, q], top_mask)
    later = np.zeros((last + 1, nw), dtype=np.uint64)
    for q in range(last - 2, -1, -1):
        j = items[q + 1]
        for w in range(nw):
            later[q, w] = later[q + 1, w]
        later[q, j >> 6] |= np.uint64(1) << np.uint64(j & 63)
    position = np.full(times.shape[0], -1, dtype=np.int64)
    for q in range(last):
        position[items[q]] = q
    fullest = _highest_at_most(pool[0, 0], c)
    room = min(cap, max_out)
    out_load = np.empty(room, dtype=np.int64)  # written before read (a heap of st[1] loads)
    out_order = np.empty(room, dtype=np.int64)
    out_mask = np.empty((room, nw), dtype=np.uint64)
    st = np.zeros(5, dtype=np.int64)
    _enumerate(
        max(min_load, 1), st, pool, items, later, position, times, pred_mask, after, dom_ptr,
        dom_idx, done, allowed, must, c, room, fullest, node_limit, top_mask, out_load,
        out_order, out_mask,
    )  # fmt: skip
    status = DONE
    if st[4] == BUDGET:
        status = BUDGET
    elif room < cap and (st[3] or st[4] == _ENOUGH):
        status = ROOM  # the room, not the cap the caller asked for, cut loads
    size = st[1]
    dropped = st[3] != 0 or size >= cap
    return status, st[0], dropped, out_load[:size].copy(), out_mask[:size].copy()


def warm_up() -> None:
    """Compile `enumerate_loads` (or load it from numba's cache) for the argument types the
    SALBP search passes, so that compiling does not eat into a search's time limit (a
    review: 19 s of a 5 s limit went to compiling on a machine without the cache)."""
    word = np.frombuffer((1).to_bytes(8, "little"), dtype=np.uint64)  # read-only, as in use
    none = np.frombuffer((0).to_bytes(8, "little"), dtype=np.uint64)
    enumerate_loads(
        np.zeros(1, dtype=np.int64),
        np.ones(1, dtype=np.int64),
        np.zeros((1, 1), dtype=np.uint64),
        np.zeros((1, 1), dtype=np.uint64),
        np.zeros(2, dtype=np.int64),
        np.zeros(0, dtype=np.int64),
        none,
        word,
        none,
        1,
        0,
        1 << 62,
        1000,
        16,
    )
