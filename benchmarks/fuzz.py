"""A longer fuzz run of the reader and the whole pipeline (figures go to docs/performance.md).

Usage: python benchmarks/fuzz.py [--reader 20000] [--pipeline 200] [--instances 5000]
       [--csv 3000] [--xlsx 300] [--seed 1]

Reader: random bytes, random text and line/character mutations of the examples and a
minimal model; each must give a model or an InputError with one-line located problems.
Pipeline: random valid models (the generator with random sizes, templates, profiles)
through analyze, plan (short solver time), the constraint checker and the HTML report.
Instances: random bytes and mutations of small ALWABP, .IN2 and .alb files through
`read_instance`. Spreadsheets: random bytes and mutated CSV inventories (UTF-8, UTF-16,
cp1252) and byte-damaged or cell-mutated workbooks through `read_inventory`.
Any other exception is a failure: it is printed with the input that caused it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

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


INSTANCES = {
    "in2": "4\n5\n3\n6\n2\n1,2\n2,4\n3,4\n-1,-1\n",
    "alb": "<number of tasks>\n3\n<cycle time>\n10\n<task times>\n1 4\n2 6\n3 5\n"
    "<precedence relations>\n1,2\n<end>\n",
    "alwabp": "3\n1 2\n3 Inf\n4 5\n1 2\n2 3\n-1 -1\n",
}
CSV = (
    "ID;Taak;Functie;Tijd (s);Voorgangers\na;Zagen;op;10;\nb;Boren;op;12,5;a\nc;Lijmen;op;3;a, b\n"
)


def mutate_chars(rng: random.Random, text: str, alphabet: str) -> str:
    for _ in range(rng.randint(1, 6)):
        if not text:
            break
        i = rng.randrange(len(text))
        piece = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        kind = rng.choice(["delete", "insert", "replace", "cut"])
        if kind == "delete":
            text = text[:i] + text[i + 1 :]
        elif kind == "insert":
            text = text[:i] + piece + text[i:]
        elif kind == "replace":
            text = text[:i] + piece + text[i + 1 :]
        else:
            text = text[:i]
    return text


def _check(path: Path, call: Any, label: str) -> tuple[int, int, int]:
    """(accepted, refused, failures) of one reader call on one file."""
    try:
        call(path)
        return 1, 0, 0
    except InputError as exc:
        if not exc.problems or any(
            "\n" in str(p) or not str(p).startswith(str(path)) for p in exc.problems
        ):
            print("BAD MESSAGE", label, exc.problems[:2])
            return 0, 1, 1
        return 0, 1, 0
    except Exception:
        print("CRASH on", label, repr(path.read_bytes()[:300]))
        traceback.print_exc()
        return 0, 0, 1


def fuzz_instances(n: int, rng: random.Random, folder: Path) -> tuple[int, int, int]:
    from jobcarve.carving.line.formats import read_instance

    totals = [0, 0, 0]
    for i in range(n):
        fmt = rng.choice(sorted(INSTANCES))
        path = folder / f"x.{fmt}"
        if i % 5 == 0:
            path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randint(0, 200))))
        else:
            text = mutate_chars(rng, INSTANCES[fmt], "0123456789-,<> \nInfaex_\x1a")
            path.write_text(text, encoding="latin-1")
        result = _check(path, lambda p, f=fmt: read_instance(p, f), fmt)
        totals = [a + b for a, b in zip(totals, result, strict=True)]
    return totals[0], totals[1], totals[2]


def fuzz_csv(n: int, rng: random.Random, folder: Path) -> tuple[int, int, int]:
    from jobcarve.spreadsheet import read_inventory

    totals = [0, 0, 0]
    path = folder / "inv.csv"
    for i in range(n):
        if i % 4 == 0:
            path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randint(0, 400))))
        else:
            text = mutate_chars(rng, CSV, ";,\"'\n=ab0123456789.\t|\x00é€")
            path.write_bytes(text.encode(rng.choice(["utf-8", "utf-16", "cp1252"]), "replace"))
        result = _check(path, read_inventory, "csv")
        totals = [a + b for a, b in zip(totals, result, strict=True)]
    return totals[0], totals[1], totals[2]


def fuzz_xlsx(n: int, rng: random.Random, folder: Path) -> tuple[int, int, int]:
    import io

    import openpyxl

    from jobcarve.spreadsheet import export_inventory, read_inventory

    good = folder / "good.xlsx"
    export_inventory(parse_process(generate(12, seed=3), "gen.yaml"), good, "nl")
    clean = good.read_bytes()
    path = folder / "inv.xlsx"
    totals = [0, 0, 0]
    for i in range(n):
        if i % 2 == 0:
            raw = bytearray(clean)
            for _ in range(rng.randint(1, 10)):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            path.write_bytes(bytes(raw))
        else:
            wb = openpyxl.load_workbook(io.BytesIO(clean))
            ws = wb[rng.choice(wb.sheetnames)]
            for _ in range(rng.randint(1, 8)):
                value = rng.choice(
                    [
                        "",
                        "=1+2",
                        "x" * rng.randint(1, 50),
                        -1,
                        1e300,
                        0,
                        True,
                        None,
                        "12,5",
                        "a, zz",
                    ]
                )
                ws.cell(rng.randint(1, 15), rng.randint(1, 60), value)
            wb.save(path)
        result = _check(path, read_inventory, "xlsx")
        totals = [a + b for a, b in zip(totals, result, strict=True)]
    return totals[0], totals[1], totals[2]


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
    parser.add_argument("--instances", type=int, default=5000)
    parser.add_argument("--csv", type=int, default=3000)
    parser.add_argument("--xlsx", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    accepted, refused, reader_fail = fuzz_reader(args.reader, rng)
    t1 = time.perf_counter()
    tried, pipe_fail = fuzz_pipeline(args.pipeline, rng)
    t2 = time.perf_counter()
    other_fail = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, count, run in (
            ("instances", args.instances, fuzz_instances),
            ("csv", args.csv, fuzz_csv),
            ("xlsx", args.xlsx, fuzz_xlsx),
        ):
            started = time.perf_counter()
            ok, no, bad = run(count, rng, Path(tmp))
            other_fail += bad
            print(
                f"{name}: {count} inputs, {ok} accepted, {no} refused with located messages, "
                f"{bad} failures ({time.perf_counter() - started:.0f} s)"
            )
    print(
        f"reader: {args.reader} inputs, {accepted} accepted, {refused} refused with located messages, {reader_fail} failures ({t1 - t0:.0f} s)"
    )
    print(
        f"pipeline: {tried} random models through analyze, plan and report, {pipe_fail} failures ({t2 - t1:.0f} s)"
    )
    sys.exit(1 if reader_fail or pipe_fail or other_fail else 0)


if __name__ == "__main__":
    main()
