#!/usr/bin/env python3
"""Full disk: rebuild and incrementally update an index that lives on a small size-limited
file system (tmpfs, in a private mount namespace), at many sizes from "barely holds the
index" to "holds four copies", and again under `ulimit -f` (RLIMIT_FSIZE). Each run must
either succeed, or fail with a clear error ("the disk is full" / an I/O error) — and in every
case the index must open, pass the integrity checks and answer exactly as before the run
(or, when the run succeeded, as after it), with no temporary file left behind.

    sudo python3 Benchmarks/reliability/disk_full.py                 # 16 sizes × 2 modes + 16 limits × 2
    python3 Benchmarks/reliability/disk_full.py --sizes 8 --binary /path/to/medsearch

The tmpfs part needs root (or CAP_SYS_ADMIN) for `unshare -m` and `mount`; without it that
part is skipped and said so. Exits 1 when any run lost data or failed unclearly.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import common

CLEAR = ("the disk is full", "input/output error", "was not changed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, default=16)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--binary")
    parser.add_argument("--work")
    parser.add_argument("--json")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    medsearch = common.binary(args.binary)
    if not args.inside:
        work = Path(args.work or tempfile.mkdtemp(prefix="medsearch-full-"))
        work.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, __file__, "--inside", "--sizes", str(args.sizes), "--copies", str(args.copies),
                   "--binary", medsearch, "--work", str(work)] + (["--json", args.json] if args.json else [])
        if os.geteuid() == 0 and subprocess.run(["unshare", "-m", "true"]).returncode == 0:
            return subprocess.run(["unshare", "-m", "--propagation", "private"] + command).returncode
        common.log("not root or no unshare: the tmpfs part is skipped, only ulimit -f runs")
        return subprocess.run(command + ["--json", args.json or str(work / "figures.json")],
                              env={**os.environ, "MEDSEARCH_NO_TMPFS": "1"}).returncode
    return inside(args, medsearch)


def inside(args, medsearch: str) -> int:
    work = Path(args.work)
    common.log(f"work folder {work}; binary {medsearch}")
    corpus_a, corpus_b, live = work / "corpus-a", work / "corpus-b", work / "corpus"
    common.make_corpus(corpus_a, args.copies, "A")
    common.make_corpus(corpus_b, args.copies, "B")
    questions = common.question_file(work)
    live.mkdir(exist_ok=True)
    pristine = work / "pristine.sqlite"
    common.swap_corpus(live, corpus_a)
    common.remove_index(pristine)
    common.index(medsearch, live, pristine, rebuild=True)
    before, error = common.answers(medsearch, pristine, questions)
    assert before is not None, error
    common.swap_corpus(live, corpus_b)
    after = {}
    for mode in ("rebuild", "incremental"):
        scratch = work / f"after-{mode}.sqlite"
        common.copy_index(pristine, scratch)
        common.index(medsearch, live, scratch, rebuild=mode == "rebuild")
        after[mode], error = common.answers(medsearch, scratch, questions)
        assert after[mode] is not None, error
        common.remove_index(scratch)
    size = pristine.stat().st_size
    common.log(f"index of A: {size} bytes")

    figures: dict[str, dict] = {}
    failures: list[str] = []

    def judge(row: str, mode: str, db: Path, result: subprocess.CompletedProcess, detail: str) -> None:
        counts = figures.setdefault(row, {"runs": 0, "succeeded": 0, "failed with a clear error": 0,
                                          "killed by SIGXFSZ": 0, "unclear errors": 0, "answers as before": 0,
                                          "answers as after": 0, "integrity ok": 0, "leftover files": 0,
                                          "data lost": 0})
        counts["runs"] += 1
        if result.returncode == 0:
            counts["succeeded"] += 1
        elif result.returncode == -signal.SIGXFSZ:
            counts["killed by SIGXFSZ"] += 1
        elif result.returncode == 1 and any(text in result.stderr for text in CLEAR):
            counts["failed with a clear error"] += 1
        else:
            counts["unclear errors"] += 1
            failures.append(f"{row} {detail}: exit {result.returncode}: {result.stderr.strip()[:300]}")
        # The checks read the index with no size limit (a reader never needs to grow it).
        got, error = common.answers(medsearch, db, questions)
        if got == before:
            counts["answers as before"] += 1
        elif got == after[mode]:
            # The run got as far as its commit (a killed run may have died after it, in the
            # checkpoint): the new content, whole.
            counts["answers as after"] += 1
        else:
            counts["data lost"] += 1
            failures.append(f"{row} {detail}: answers changed or unreadable: {error[:300]}")
        problems = common.integrity(db)
        if problems:
            failures.append(f"{row} {detail}: integrity: {problems}")
        else:
            counts["integrity ok"] += 1
        if common.leftovers(db):
            if result.returncode < 0:
                # Killed: its temporary file is the next rebuild's to remove.
                counts["temporary files left by the kill"] = counts.get("temporary files left by the kill", 0) + 1
                common.index(medsearch, live, db, rebuild=True, check=False)
            if common.leftovers(db):
                counts["leftover files"] += 1
                failures.append(f"{row} {detail}: leftover files {common.leftovers(db)}")

    if not os.environ.get("MEDSEARCH_NO_TMPFS"):
        mount = work / "small-disk"
        mount.mkdir(exist_ok=True)
        for step in range(args.sizes):
            # From 2 % above the index's size to 4 times its size.
            limit = int(size * (1.02 + 2.98 * step / max(1, args.sizes - 1)))
            limit = (limit + 4095) // 4096 * 4096
            for mode in ("rebuild", "incremental"):
                subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={limit}", "tmpfs", str(mount)], check=True)
                try:
                    db = mount / "index.sqlite"
                    common.copy_index(pristine, db)
                    command = [medsearch, "index", str(live), "--db", str(db)] + (["--rebuild"] if mode == "rebuild" else [])
                    result = subprocess.run(command, capture_output=True, text=True)
                    judge(f"tmpfs {mode}", mode, db, result, f"size {limit}")
                finally:
                    subprocess.run(["umount", str(mount)], check=True)
        common.log("tmpfs: " + json.dumps({k: v for k, v in figures.items() if k.startswith("tmpfs")}))

    # ulimit -f: the process may write no file beyond the limit (SIGXFSZ by default).
    for step in range(args.sizes):
        limit = int(size * (0.1 + 1.9 * step / max(1, args.sizes - 1)))
        for mode in ("rebuild", "incremental"):
            db = work / "limited.sqlite"
            common.copy_index(pristine, db)
            command = [medsearch, "index", str(live), "--db", str(db)] + (["--rebuild"] if mode == "rebuild" else [])
            result = subprocess.run(command, capture_output=True, text=True,
                                    preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
            judge(f"ulimit -f {mode}", mode, db, result, f"limit {limit}")
    for row, counts in figures.items():
        common.log(f"{row}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for failure in failures[:30]:
        common.log("  " + failure)
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": figures, "failures": failures[:50], "index bytes": size}, indent=2))
    return 1 if any(c["data lost"] or c["unclear errors"] for c in figures.values()) or failures else 0


if __name__ == "__main__":
    sys.exit(main())
