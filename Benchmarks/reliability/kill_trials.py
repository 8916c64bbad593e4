#!/usr/bin/env python3
"""Crash safety: SIGKILL `medsearch index --rebuild` and incremental `medsearch index` at random
moments, then check that the index still opens, passes PRAGMA integrity_check and FTS5's
integrity-check, and answers a fixed question set exactly as before the run (or, when the run
got as far as its commit, exactly as after it). After each trial the interrupted run is
repeated to completion: it must succeed, leave no temporary files, and give the "after" answers.

    python3 Benchmarks/reliability/kill_trials.py                      # 60 trials of each kind
    python3 Benchmarks/reliability/kill_trials.py --trials 50 --mode incremental
    python3 Benchmarks/reliability/kill_trials.py --binary /path/to/other/medsearch

Corpus: 8 copies of the shipped Corpus (336 articles) as A; B deletes every copy of two
articles, edits a third of the files and adds one (Benchmarks/reliability/common.py).
Exits 1 when any trial lost data or left a damaged index.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=60)
    parser.add_argument("--mode", choices=["rebuild", "incremental", "both"], default="both")
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--binary")
    parser.add_argument("--work", help="work folder (default: a new temporary folder)")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    medsearch = common.binary(args.binary)
    has_check = common.supports(medsearch, "check")
    random.seed(args.seed)
    work = Path(args.work or tempfile.mkdtemp(prefix="medsearch-kill-"))
    work.mkdir(parents=True, exist_ok=True)
    common.log(f"work folder {work}; binary {medsearch}")

    corpus_a, corpus_b, live = work / "corpus-a", work / "corpus-b", work / "corpus"
    common.make_corpus(corpus_a, args.copies, "A")
    common.make_corpus(corpus_b, args.copies, "B")
    questions = common.question_file(work)
    db = work / "index.sqlite"
    pristine = work / "pristine.sqlite"

    # The index of A, then the corpus becomes B (same folder: incremental sees the changes).
    live.mkdir(exist_ok=True)
    common.swap_corpus(live, corpus_a)
    common.remove_index(db)
    common.index(medsearch, live, db, rebuild=True)
    common.copy_index(db, pristine)
    before, error = common.answers(medsearch, pristine, questions)
    assert before is not None, error
    common.swap_corpus(live, corpus_b)

    figures = {}
    modes = ["rebuild", "incremental"] if args.mode == "both" else [args.mode]
    for mode in modes:
        rebuild = mode == "rebuild"
        # "After": the uninterrupted run from the pristine index.
        common.copy_index(pristine, db)
        start = time.monotonic()
        common.index(medsearch, live, db, rebuild=rebuild)
        duration = time.monotonic() - start
        after, error = common.answers(medsearch, db, questions)
        assert after is not None, error
        differing = sum(1 for q in before if before[q] != after[q])
        common.log(f"\n{mode}: an uninterrupted run takes {duration:.2f} s; {differing} of {len(before)} questions "
                   f"answer differently before and after")
        counts = {"trials": 0, "killed while running": 0, "finished before the kill": 0, "answers as before": 0,
                  "answers as after": 0, "opened": 0, "integrity ok": 0, "check ok": 0, "recovered": 0,
                  "leftover files after the kill": 0, "leftover files after recovery": 0, "failures": 0}
        failures = []
        for trial in range(args.trials):
            common.copy_index(pristine, db)
            delay = random.uniform(0, duration * 1.15)
            command = [medsearch, "index", str(live), "--db", str(db)] + (["--rebuild"] if rebuild else [])
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            status = process.wait()
            counts["trials"] += 1
            counts["killed while running" if status == -signal.SIGKILL else "finished before the kill"] += 1
            problems = []
            got, error = common.answers(medsearch, db, questions)
            if got is None:
                problems.append(f"does not answer: {error[:300]}")
            else:
                counts["opened"] += 1
                if got == before:
                    counts["answers as before"] += 1
                elif got == after:
                    counts["answers as after"] += 1
                else:
                    changed = [q for q in got if got[q] != before[q] and got[q] != after[q]]
                    problems.append(f"answers neither before nor after for {changed[:5]}")
            integrity = common.integrity(db)
            if integrity:
                problems.append("integrity: " + "; ".join(integrity))
            else:
                counts["integrity ok"] += 1
            if has_check:
                code, text = common.medsearch_check(medsearch, db)
                if code == 0:
                    counts["check ok"] += 1
                else:
                    problems.append("medsearch check: " + text.strip().splitlines()[-1])
            if common.leftovers(db):
                counts["leftover files after the kill"] += 1
            # Recovery: the same run, uninterrupted, completes and cleans up.
            result = common.index(medsearch, live, db, rebuild=rebuild, check=False)
            recovered, error = common.answers(medsearch, db, questions)
            if result.returncode == 0 and recovered == after:
                counts["recovered"] += 1
            else:
                problems.append(f"recovery run: exit {result.returncode} {result.stderr.strip()[:200]} {error[:200]}")
            if common.leftovers(db):
                counts["leftover files after recovery"] += 1
                problems.append(f"leftover files after recovery: {common.leftovers(db)}")
            if problems:
                counts["failures"] += 1
                failures.append({"trial": trial, "delay": round(delay, 3), "exit": status, "problems": problems})
                common.log(f"  trial {trial} (kill after {delay:.3f} s, exit {status}): " + " | ".join(problems))
        figures[mode] = {"counts": counts, "failures": failures[:20], "uninterrupted seconds": round(duration, 3)}
        common.log(f"{mode}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 1 if any(f["counts"]["failures"] for f in figures.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
