#!/usr/bin/env python3
"""Corruption: damage copies of an index at random (truncate at a random offset, overwrite a
random range with random bytes, zeros or 0xFF, flip random bits, overwrite or swap whole
pages, damage the header), then run `ask`, `show`, `stats` and `check` on each. Every run must
end normally: an answer, or exit 1 with the documented "the index at PATH is damaged; rebuild
it with …" message — never a crash (a signal, a Swift runtime trap), a hang, or another error.

    python3 Benchmarks/reliability/corruption.py                 # 300 damaged copies
    python3 Benchmarks/reliability/corruption.py --trials 1000 --seed 7

`check` should notice the damage; damage that lands in unused bytes may be invisible to
every check, so those are counted, not failed. Exits 1 on any crash, hang or unclear error.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import common

DAMAGED = "is damaged"
QUESTIONS = ["is immunotherapy a cure", "what are the side effects of allergy shots", "migraine aura"]


def damage(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    size = len(data)
    page = 4096
    kind = rng.choice(["truncate", "random range", "zero range", "ff range", "bit flips", "page garbage",
                       "swap pages", "header", "page header"])
    if kind == "truncate":
        cut = rng.randrange(0, size)
        del data[cut:]
        detail = f"truncated to {cut} bytes"
    elif kind.endswith("range"):
        start = rng.randrange(0, size)
        length = rng.choice([1, 8, 64, 512, 4096, 65536])
        fill = {"random range": lambda: rng.randrange(256), "zero range": lambda: 0, "ff range": lambda: 255}[kind]
        for offset in range(start, min(size, start + length)):
            data[offset] = fill()
        detail = f"{kind} of {length} bytes at {start}"
    elif kind == "bit flips":
        flips = rng.choice([1, 10, 100, 1000])
        for _ in range(flips):
            offset = rng.randrange(size)
            data[offset] ^= 1 << rng.randrange(8)
        detail = f"{flips} bit flips"
    elif kind == "page garbage":
        number = rng.randrange(size // page)
        data[number * page:(number + 1) * page] = bytes(rng.randrange(256) for _ in range(page))
        detail = f"page {number + 1} garbage"
    elif kind == "swap pages":
        a, b = rng.randrange(size // page), rng.randrange(size // page)
        pa, pb = bytes(data[a * page:(a + 1) * page]), bytes(data[b * page:(b + 1) * page])
        data[a * page:(a + 1) * page], data[b * page:(b + 1) * page] = pb, pa
        detail = f"pages {a + 1} and {b + 1} swapped"
    elif kind == "header":
        start = rng.randrange(0, 100)
        data[start] = rng.randrange(256)
        detail = f"header byte {start}"
    else:
        number = rng.randrange(1, size // page)
        start = number * page + rng.randrange(0, 12)
        data[start] = rng.randrange(256)
        detail = f"page {number + 1} header byte {start - number * page}"
    path.write_bytes(bytes(data))
    return detail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary")
    parser.add_argument("--work")
    parser.add_argument("--json")
    args = parser.parse_args()
    medsearch = common.binary(args.binary)
    rng = random.Random(args.seed)
    work = Path(args.work or tempfile.mkdtemp(prefix="medsearch-corrupt-"))
    work.mkdir(parents=True, exist_ok=True)
    common.log(f"work folder {work}; binary {medsearch}")
    pristine = work / "pristine.sqlite"
    common.remove_index(pristine)
    common.index(medsearch, common.CORPUS, pristine, rebuild=True)
    db = work / "damaged.sqlite"
    counts = {"damaged copies": 0, "runs": 0, "answered": 0, "damaged error": 0, "other errors": 0, "crashes": 0,
              "hangs": 0, "check found the damage": 0, "check saw nothing": 0}
    failures: list[str] = []
    for trial in range(args.trials):
        common.copy_index(pristine, db)
        detail = damage(db, rng)
        counts["damaged copies"] += 1
        commands = [["ask", q, "--db", str(db)] for q in QUESTIONS]
        commands += [["ask", QUESTIONS[0], "--db", str(db), "--format", "json"],
                     ["show", "immunotherapy-overview", "--db", str(db)], ["stats", "--db", str(db)],
                     ["check", "--db", str(db)]]
        for command in commands:
            counts["runs"] += 1
            try:
                result = subprocess.run([medsearch] + command, capture_output=True, text=True, timeout=60,
                                        errors="replace")
            except subprocess.TimeoutExpired:
                counts["hangs"] += 1
                failures.append(f"trial {trial} ({detail}): {command[0]} hung")
                continue
            output = result.stdout + result.stderr
            if result.returncode < 0 or result.returncode >= 128 or "Fatal error" in output or "Crash" in output:
                counts["crashes"] += 1
                failures.append(f"trial {trial} ({detail}): {command[0]} crashed: exit {result.returncode} {output[-300:]}")
            elif command[0] == "check":
                counts["check found the damage" if result.returncode == 1 and DAMAGED in output else "check saw nothing"] += 1
                if result.returncode not in (0, 1):
                    counts["other errors"] += 1
            elif result.returncode == 0:
                counts["answered"] += 1
            elif result.returncode == 1 and DAMAGED in result.stderr and "rebuild it with" in result.stderr:
                counts["damaged error"] += 1
            elif command[0] == "show" and result.returncode == 1 and "no article with id" in result.stderr:
                counts["answered"] += 1         # the damage removed that article: a normal answer
            else:
                counts["other errors"] += 1
                failures.append(f"trial {trial} ({detail}): {command[0]} exit {result.returncode}: {result.stderr.strip()[:300]}")
    common.log(", ".join(f"{k} {v}" for k, v in counts.items()))
    for failure in failures[:40]:
        common.log("  " + failure)
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": counts, "failures": failures[:100]}, indent=2))
    return 1 if counts["crashes"] or counts["hangs"] or counts["other errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
