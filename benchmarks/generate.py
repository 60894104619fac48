"""Synthetic process models of N tasks, for benchmarks and fuzzing.

Usage: python benchmarks/generate.py N [--seed S] > model.yaml

Tasks are spread over roles, use catalogue templates and the three time models, have one
to three predecessors among the previous 30 tasks (a realistic, long DAG) and every fifth
task carries its own demands and handling.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobcarve.model import DIMENSIONS

TEMPLATES = [
    "kit_parts",
    "screw_fasten",
    "pack_box_manual",
    "palletize_boxes",
    "label_product",
    "visual_inspection",
    "cnc_load_unload",
    "deburr_manual",
    "glue_seal",
    "assemble_subassembly",
]


def generate(n: int, seed: int = 0) -> str:
    """YAML text of a valid model with `n` tasks."""
    rng = random.Random(seed)
    roles = max(2, n // 40)
    out = [
        "format: 1",
        "company: {name: Synthetic BV, sector: assembly, location: Nowhere}",
        f"process: {{name: Synthetic process of {n} tasks}}",
        "planning: {units_per_week: 1000, weeks_per_year: 46, hours_per_fte: 36}",
        "roles:",
    ]
    for r in range(roles):
        out.append(
            f"  - {{id: role{r}, name: Role {r}, headcount: {rng.randint(1, 20)}, "
            f"education: MBO {rng.randint(1, 4)}, hard_to_fill: {str(r % 3 == 0).lower()}}}"
        )
    out.append("tasks:")
    for i in range(n):
        out.append(f"  - id: t{i}")
        out.append(f"    name: Task {i}")
        out.append(f"    role: role{rng.randrange(roles)}")
        out.append(f"    template: {rng.choice(TEMPLATES)}")
        kind = rng.random()
        if kind < 0.7:
            out.append(f"    time_s_per_unit: {rng.randint(5, 300)}")
        elif kind < 0.9:
            out.append(f"    time_min_per_batch: {rng.randint(5, 60)}")
            out.append(f"    batch_size_units: {rng.choice([10, 25, 50, 100])}")
        else:
            out.append(f"    hours_per_week: {rng.randint(1, 20)}")
        if i:
            preds = sorted({rng.randrange(max(0, i - 30), i) for _ in range(rng.randint(1, 3))})
            out.append(f"    after: [{', '.join(f't{p}' for p in preds)}]")
        if i % 5 == 0:
            dims = rng.sample(DIMENSIONS, 4)
            out.append(
                "    demands: {" + ", ".join(f"{d}: {rng.randint(0, 4)}" for d in dims) + "}"
            )
            out.append(
                f"    handling: {{part_mass_kg: {rng.randint(0, 25)}, variants: {rng.randint(1, 9)}}}"
            )
    out.append("profiles:")
    for p in range(3):
        caps = ", ".join(f"{d}: {rng.randint(1, 4)}" for d in DIMENSIONS)
        out.append(f"  - id: profile{p}")
        out.append(f"    name: Profile {p}")
        out.append(f"    capacities: {{{caps}}}")
        out.append(f"    hours_per_week_available: {rng.choice([16, 24, 32])}")
        out.append(f"    pace: {rng.choice([0.7, 0.8, 1.0])}")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    sys.stdout.write(generate(args.n, args.seed))


if __name__ == "__main__":
    main()
