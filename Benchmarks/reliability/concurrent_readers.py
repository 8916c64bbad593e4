#!/usr/bin/env python3
"""Concurrent readers: while one writer alternates incremental re-indexes and full rebuilds of
the same index, reader processes ask questions in a loop for the whole time. Every answer must
come without error and be exactly one of the answers the index gives in one of the writer's
states (A rebuilt, B by incremental update, B rebuilt, A by incremental update) — never a mix.

    python3 Benchmarks/reliability/concurrent_readers.py                 # 4 readers, 90 s
    python3 Benchmarks/reliability/concurrent_readers.py --readers 6 --seconds 300
    python3 Benchmarks/reliability/concurrent_readers.py --binary /path/to/other/medsearch

Readers: `--readers` processes in a loop of `medsearch ask Q --db … --format json` (one
process per question), plus one long-lived `medsearch eval` reader that answers the whole
question set with one connection, run after run (its questions straddle the writer's commits).
Exits 1 on any reader error or mixed answer.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import common


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--binary")
    parser.add_argument("--work")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    medsearch = common.binary(args.binary)
    work = Path(args.work or tempfile.mkdtemp(prefix="medsearch-readers-"))
    work.mkdir(parents=True, exist_ok=True)
    common.log(f"work folder {work}; binary {medsearch}")
    corpus_a, corpus_b, live = work / "corpus-a", work / "corpus-b", work / "corpus"
    common.make_corpus(corpus_a, args.copies, "A")
    common.make_corpus(corpus_b, args.copies, "B")
    questions_file = common.question_file(work)
    questions = [line.split("\t", 1) for line in questions_file.read_text(encoding="utf-8").splitlines()[1:]]
    db = work / "index.sqlite"
    live.mkdir(exist_ok=True)

    # The writer's cycle; every state it passes through, answered without readers.
    cycle = [("incremental", corpus_b), ("rebuild", corpus_b), ("incremental", corpus_a), ("rebuild", corpus_a)]
    common.remove_index(db)
    common.swap_corpus(live, corpus_a)
    common.index(medsearch, live, db, rebuild=True)
    states: list[tuple[str, dict]] = []
    state, error = common.answers(medsearch, db, questions_file)
    assert state is not None, error
    states.append(("A rebuilt", state))
    for kind, source in cycle[:3]:
        common.swap_corpus(live, source)
        common.index(medsearch, live, db, rebuild=kind == "rebuild")
        state, error = common.answers(medsearch, db, questions_file)
        assert state is not None, error
        states.append((f"{'B' if source == corpus_b else 'A'} {'rebuilt' if kind == 'rebuild' else 'updated'}", state))
    allowed = {qid: {s[qid] for _, s in states} for qid, _ in questions}
    content: dict[str, dict[tuple, str]] = {}
    for qid, _ in questions:
        for name, s in states:
            letters = set(content.setdefault(qid, {}).get(s[qid], "")) | {name[0]}
            content[qid][s[qid]] = "".join(sorted(letters))
    varying = sum(1 for qid in allowed if len(allowed[qid]) > 1)
    common.log(f"{len(questions)} questions, {varying} of them answered differently in the writer's states")

    # Back to the start: A rebuilt.
    common.swap_corpus(live, corpus_a)
    common.index(medsearch, live, db, rebuild=True)

    stop = threading.Event()
    lock = threading.Lock()
    figures = {"questions asked": 0, "errors": 0, "mixed answers": 0, "answers only A has": 0, "answers only B has": 0,
               "answers A and B share": 0,
               "eval runs": 0, "writer rebuilds": 0, "writer incremental updates": 0, "writer errors": 0}
    latencies: list[float] = []
    problems: list[str] = []

    def record(problem: str) -> None:
        with lock:
            if len(problems) < 30:
                problems.append(problem)

    def judge(qid: str, got: tuple) -> None:
        with lock:
            figures["questions asked"] += 1
            if got in allowed[qid]:
                letters = content[qid][got]
                figures["answers A and B share" if letters == "AB" else f"answers only {letters} has"] += 1
            else:
                figures["mixed answers"] += 1
        if got not in allowed[qid]:
            record(f"{qid}: {got} is none of {sorted(allowed[qid])}")

    def ask_reader(number: int) -> None:
        random_ = random.Random(number)
        while not stop.is_set():
            qid, question = random_.choice(questions)
            start = time.monotonic()
            result = subprocess.run([medsearch, "ask", question, "--db", str(db), "--format", "json", "--limit", "3"],
                                    capture_output=True, text=True)
            elapsed = time.monotonic() - start
            with lock:
                latencies.append(elapsed)
            try:
                if result.returncode != 0:
                    raise ValueError(f"exit {result.returncode}: {result.stderr.strip()[:300]}")
                got = tuple(answer["passageID"] for answer in json.loads(result.stdout)["answers"])
            except (ValueError, KeyError) as error:
                with lock:
                    figures["questions asked"] += 1
                    figures["errors"] += 1
                record(f"reader {number}, {qid}: {error}")
                continue
            judge(qid, got)

    def eval_reader() -> None:
        while not stop.is_set():
            got, error = common.answers(medsearch, db, questions_file)
            with lock:
                figures["eval runs"] += 1
            if got is None:
                with lock:
                    figures["errors"] += 1
                record(f"eval reader: {error[:300]}")
                continue
            for qid in got:
                judge(qid, got[qid])

    threads = [threading.Thread(target=ask_reader, args=(n,)) for n in range(args.readers)]
    threads.append(threading.Thread(target=eval_reader))
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + args.seconds
    step = 0
    while time.monotonic() < deadline:
        kind, source = cycle[step % len(cycle)]
        common.swap_corpus(live, source)
        result = common.index(medsearch, live, db, rebuild=kind == "rebuild", check=False)
        figures["writer rebuilds" if kind == "rebuild" else "writer incremental updates"] += 1
        if result.returncode != 0:
            figures["writer errors"] += 1
            record(f"writer {kind}: {result.stderr.strip()[:300]}")
        step += 1
    stop.set()
    for thread in threads:
        thread.join()
    figures["ask latency p50 ms"] = round(common.percentile(latencies, 0.5) * 1000, 1)
    figures["ask latency p99 ms"] = round(common.percentile(latencies, 0.99) * 1000, 1)
    figures["ask latency max ms"] = round(max(latencies, default=0) * 1000, 1)
    figures["readers"] = args.readers
    figures["seconds"] = args.seconds
    integrity = common.integrity(db)
    figures["integrity at the end"] = "ok" if not integrity else "; ".join(integrity)
    for problem in problems:
        common.log("  " + problem)
    common.log(", ".join(f"{k} {v}" for k, v in figures.items()))
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": figures, "problems": problems}, indent=2))
    failed = figures["errors"] or figures["mixed answers"] or figures["writer errors"] or integrity
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
