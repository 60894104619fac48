"""A longer fuzz run of the reader and the whole pipeline (figures go to docs/performance.md).

Usage: python benchmarks/fuzz.py [--reader 20000] [--pipeline 200] [--seed 1]

Reader: random bytes, random text and line/character mutations of the examples and a
minimal model; each must give a model or an InputError with one-line located problems.
Pipeline: random valid models (the generator with random sizes, templates, profiles)
through analyze, plan (short solver time), the constraint checker and the HTML report.
Any other exception is a failure: it is printed with the input that caused it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from jobcarve import InputError, analyze, parse_process, plan  # noqa: E402
from jobcarve.report import render_report  # noqa: E402

SNIPPETS = [
    "  - x\n",
    ": :\n",
    "after: [zz]\n",
    "\t\n",
    "&a [*a]\n",
    "{}\n",
    "'\n",
    "!!python/object:x {}\n",
    "<<: *a\n",
    "- - - -\n",
    "format: 2\n",
    "\u202e\n",
    "? [a]\n: b\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 6)):
        lines = text.splitlines(keepends=True) or [""]
        i = rng.randrange(len(lines))
        kind = rng.choice(["delete", "duplicate", "swap", "insert", "truncate", "char"])
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            lines.insert(i, rng.choice(SNIPPETS))
        elif kind == "truncate":
            lines[i] = lines[i][: rng.randint(0, max(0, len(lines[i]) - 1))] + "\n"
        else:
            pos = rng.randint(0, max(0, len(lines[i]) - 1))
            lines[i] = (
                lines[i][:pos]
                + chr(
                    rng.choice(
                        [0x20, 0x3A, 0x2D, 0x5B, 0x7B, 0x22, 0x27, 0x26, 0x2A, 0x9, 0xE9, 0x202E]
                    )
                )
                + lines[i][pos:]
            )
        text = "".join(lines)
    return text


def fuzz_reader(n: int, rng: random.Random) -> tuple[int, int, int]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.yaml"))]
    seeds.append(generate(30, seed=rng.randint(0, 10**6)))
    accepted = refused = failures = 0
    for i in range(n):
        choice = i % 4
        data: str | bytes
        if choice == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
        elif choice == 1:
            data = "".join(
                chr(rng.choice([rng.randint(32, 126), 10, 9, 0x202E, 0xE9, 0x3A]))
                for _ in range(rng.randint(0, 300))
            )
        else:
            data = mutate(rng, rng.choice(seeds))
        try:
            parse_process(data, "fuzz.yaml")
            accepted += 1
        except InputError as exc:
            refused += 1
            if not exc.problems or any(
                "\n" in str(p) or not str(p).startswith("fuzz.yaml") for p in exc.problems
            ):
                failures += 1
                print("BAD MESSAGE", repr(data)[:300], exc.problems[:2])
        except Exception:
            failures += 1
            print("CRASH on", repr(data)[:500])
            traceback.print_exc()
    return accepted, refused, failures


def fuzz_pipeline(n: int, rng: random.Random) -> tuple[int, int]:
    failures = 0
    for _ in range(n):
        text = generate(rng.randint(3, 60), seed=rng.randint(0, 10**6))
        try:
            process = parse_process(text, "gen.yaml")
            result = analyze(process)
            best = plan(process, result, time_limit_s=0.3, seed=rng.randint(0, 100))
            assert best.summary()["extra_workers"] == len(best.carved)
            html = render_report(process, result, best, lang=rng.choice(["nl", "en"]))
            assert "<script" not in html
        except Exception:
            failures += 1
            print("PIPELINE FAILURE on model:\n", text[:2000])
            traceback.print_exc()
    return n, failures


def main() -> None:
    parser = argparse.ArgumentParser(description="fuzz run")
    parser.add_argument("--reader", type=int, default=20000)
    parser.add_argument("--pipeline", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    accepted, refused, reader_fail = fuzz_reader(args.reader, rng)
    t1 = time.perf_counter()
    tried, pipe_fail = fuzz_pipeline(args.pipeline, rng)
    t2 = time.perf_counter()
    print(
        f"reader: {args.reader} inputs, {accepted} accepted, {refused} refused with located messages, {reader_fail} failures ({t1 - t0:.0f} s)"
    )
    print(
        f"pipeline: {tried} random models through analyze, plan and report, {pipe_fail} failures ({t2 - t1:.0f} s)"
    )
    sys.exit(1 if reader_fail or pipe_fail else 0)


if __name__ == "__main__":
    main()
