#!/usr/bin/env python3
"""Command-line fuzzing: `medsearch ask` with questions as raw bytes — invalid UTF-8,
control characters, FTS5 and SQL syntax, up to 120 KB (Linux caps one argument at 128 KiB;
the 1 MB questions go through the library, `medsearch fuzz`). Each run must exit 0 (an answer
or "No good answer found"), or 64 for a blank question — no crash, no other error.

    python3 Benchmarks/reliability/cli_fuzz.py --db corpus.sqlite --cases 1000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

import common

PIECES = [b"AND", b"OR", b"NOT", b"NEAR(", b")", b"(", b'"', b"*", b"^", b":", b"+", b"-", b"'; DROP TABLE passages; --",
          b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xc0\xaf", b"\x01", b"\x1b[31m",
          b"\x7f", "é".encode(), "\u202e".encode(), "👨‍👩‍👧".encode(), b"asthma", b"immunotherapy", b"cure", b" ", b"\t", b"\n"]


def question(rng: random.Random) -> bytes:
    if rng.random() < 0.02:
        return bytes(rng.randrange(1, 256) for _ in range(rng.choice([1_000, 50_000, 120_000])))
    parts = [rng.choice(PIECES) if rng.random() < 0.7 else bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 6)))
             for _ in range(rng.randrange(0, 20))]
    return b" ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary")
    parser.add_argument("--json")
    args = parser.parse_args()
    medsearch = common.binary(args.binary)
    rng = random.Random(args.seed)
    counts = {"cases": 0, "answered or declined (exit 0)": 0, "blank question (exit 64)": 0,
              "leading '-' read as options": 0, "failures": 0}
    failures = []
    for case in range(args.cases):
        text = question(rng)
        separator = [b"--"] if case % 4 < 2 else []
        arguments = [medsearch.encode(), b"ask", b"--db", args.db.encode()] + ([b"--format", b"json"] if case % 2 else [])
        arguments += separator + [text]
        result = subprocess.run(arguments, capture_output=True, timeout=60)
        counts["cases"] += 1
        if result.returncode == 0 and (b"1. " in result.stdout or b"No good answer found" in result.stdout or b'"answers"' in result.stdout):
            counts["answered or declined (exit 0)"] += 1
            if case % 2:
                json.loads(result.stdout)
        elif not separator and text.startswith(b"-") and (result.returncode == 64 or b"USAGE:" in result.stdout):
            counts["leading '-' read as options"] += 1
        elif result.returncode == 64 and not text.strip(b" \t\n\r\x0b\x0c"):
            counts["blank question (exit 64)"] += 1
        elif result.returncode == 64 and b"empty" in result.stderr:
            counts["blank question (exit 64)"] += 1          # only characters Swift counts as whitespace
        else:
            counts["failures"] += 1
            failures.append(f"case {case}: exit {result.returncode}: {text[:80]!r}: {result.stderr[-200:]!r}")
    common.log(", ".join(f"{k} {v}" for k, v in counts.items()))
    for failure in failures[:20]:
        common.log("  " + failure)
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": counts, "failures": failures[:50]}, indent=2))
    return 1 if counts["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
