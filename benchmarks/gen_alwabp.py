"""Generate ALWABP-2 instance families after Chaves et al. (2007) from Scholl SALBP graphs.

Usage:
  python benchmarks/gen_alwabp.py [--graphs BUXEY,KILBRID,WARNECKE,MUKHERJE,LUTZ2,ARC83,HAHN,LUTZ3,BARTHOL2] [--per-cell 2]
                                  [--seed 1] [--out benchmarks/results/alwabp_gen] [--tasks N]

For each graph (a Scholl ``.IN2`` file read from ../shared/benchmarks/salbp at run time)
the design of the published families: workers = round(n / 7) or round(n / 4), low or high
time variability (worker w > 1 draws from [1, t] or [1, 2t]), 10% or 20% incompatible
task-worker pairs; `--per-cell` instances per cell (the published sets have 10). Files are
written in the ALWABP format (see ../shared/benchmarks/alwabp/README.md) with a
``families.csv`` index. The output is derived from the Scholl data and is not committed
(benchmarks/results/ is ignored); the same seed gives the same files. The held-out family's
graph (WEE-MAG) and the graphs of the shared families are not used. BARTHOL2 (148 tasks,
order strength 26: many tasks free of each other) is the one graph of low order strength
among the defaults, the structure the held-out family is known for, at twice its size.
``--tasks N`` keeps the first N tasks of each graph in a topological order (an induced
subgraph closed under predecessors: a valid graph of another size with the same kind of
structure); the family is then named ``<graph>-<N>``, e.g. ``barthol2-75``, a graph of the
held-out family's size and order strength that is not its graph.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT))

from jobcarve.carving.line.alwabp import chaves_instance, prefix_graph  # noqa: E402
from jobcarve.carving.line.formats import read_instance  # noqa: E402

DEFAULT_GRAPHS = "BUXEY,KILBRID,WARNECKE,MUKHERJE,LUTZ2,ARC83,HAHN,LUTZ3,BARTHOL2"
EXCLUDED = {"WEE-MAG", "ROSZIEG", "HESKIA", "TONGE70"}


def write_alwabp(path: Path, times: list[list[int | None]], arcs: list[tuple[int, int]]) -> None:
    """One instance file: n, the time rows (Inf = cannot), the arcs (1-based), -1 -1."""
    lines = [str(len(times))]
    lines += [" ".join("Inf" if v is None else str(v) for v in row) for row in times]
    lines += [f"{i + 1} {j + 1}" for i, j in arcs]
    lines.append("-1 -1")
    path.write_text("\n".join(lines) + "\n")


def generate(
    graphs: list[str], per_cell: int, seed: int, out: Path, tasks: int | None = None
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name in graphs:
        if name.upper() in EXCLUDED:
            sys.exit(f"{name}: held out or already a shared family; pick another graph")
        src = SHARED / "salbp" / "scholl1993" / "precedence_graphs" / f"{name}.IN2"
        inst = read_instance(src, "in2")
        base, arcs = inst.first_times(), list(inst.arcs)
        label = name.lower()
        if tasks is not None:
            base, arcs = prefix_graph(list(base), arcs, tasks)
            label = f"{label}-{len(base)}"
        preds: list[list[int]] = [[] for _ in base]
        for i, j in arcs:
            preds[j].append(i)
        n = len(base)
        family = out / label
        family.mkdir(parents=True, exist_ok=True)
        num = 0
        for k in (max(2, round(n / 7)), max(2, round(n / 4))):
            for high in (False, True):
                for inc in (0.1, 0.2):
                    for rep in range(per_cell):
                        num += 1
                        rng = random.Random(f"{seed}/{label}/{k}/{high}/{inc}/{rep}")
                        times = chaves_instance(base, preds, k, high, inc, rng)
                        path = family / str(num)
                        write_alwabp(path, times, arcs)
                        rows.append(
                            {
                                "instance": str(path.relative_to(out)),
                                "family": label,
                                "n_tasks": n,
                                "n_workers": k,
                                "variability": "H2" if high else "L1",
                                "incompatible": "I20" if inc > 0.15 else "I10",
                            }
                        )
    # the index keeps the families generated earlier (another --tasks, other graphs)
    index = out / "families.csv"
    made = {str(r["family"]) for r in rows}
    kept: list[dict[str, object]] = []
    if index.exists():
        kept = [r for r in csv.DictReader(index.open()) if r["family"] not in made]
    with index.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(kept + rows)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graphs", default=DEFAULT_GRAPHS)
    parser.add_argument("--per-cell", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "alwabp_gen")
    parser.add_argument("--tasks", type=int, default=None, help="keep the first N tasks")
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"no benchmark data at {SHARED}: the shared folder is not next to the project")
    rows = generate(args.graphs.split(","), args.per_cell, args.seed, args.out, args.tasks)
    print(f"wrote {len(rows)} instances to {args.out}")


if __name__ == "__main__":
    main()
