#!/usr/bin/env python3
"""Speed of MedSearch next to its peers, measured in one run on one machine: one markdown table.

    Benchmarks/speed.sh                       # the one command; it runs this through run.sh --speed
    python3 speed.py --work DIR --db INDEX --bin MEDSEARCH [--passes 5] [--runs 20] [--command STR]

speed.sh builds MedSearch, times `medsearch index` and runs `medsearch bench` for both question
forms, leaving in --work: medsearch-index.json (+ medsearch-index.time, from /usr/bin/time -v)
and bench.message.json / bench.summary.json. This script adds the peers, on the same corpus
(corpus.py: 17,862 answers) and the same 104 question texts (52 LiveQA dev questions x the
`message` and `summary` forms, one row per form), and prints the table.

What each number includes
-------------------------
In-process latency (p50/p99; p95, min, max and mean are in speed.json): one timed call per
question, 5 passes over the 52 questions of a form after one untimed warm-up pass; nearest-rank
percentiles over the 260 samples, as `medsearch bench` computes them.
  medsearch      `medsearch bench`: one SearchEngine.answers(to:limit: 10) call, which answers
                 fully: question analysis, candidate retrieval from FTS5, re-ranking, reading the
                 chosen passages, picking sentences, snippets and references. Timed by the binary.
  tantivy        text in, top-10 answer ids out: peers.py's cleaning, Index.parse_query_lenient
                 (tantivy's QueryParser over question, focus, answer; the Python binding has no
                 separate QueryParser object), Searcher.search(query, 10), and the stored-id
                 lookup of the 10 hits. tantivy returns document ids only: no text, no snippets.
  tantivy search Searcher.search(query, 10) alone, timed inside the same calls: the query
                 already parsed, document addresses out (no id lookup).
  bm25s          text in, top-10 ids out: bm25s.tokenize (stop words, Snowball stemmer) and
                 BM25.retrieve(k=10) on the index saved by build and loaded memory-mapped.
  naive FTS5     Python's sqlite3 module on MedSearch's own index file (read-only):
                 SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10
                 with every word (\\w+) of the question, once, as a quoted FTS5 string, OR-ed
                 (stop words kept: this is the naive query); the MATCH string is built inside
                 the timed call. rowids only.
Every peer call is timed with time.perf_counter_ns around that call only; the index is built
(or loaded) before timing, each peer in a fresh child process that opens the on-disk index, as
`medsearch bench` does. The peers' top-10 lists are checked against peers.py's in-memory
indexes (the quality run), so the ids timed here are the ones scored there.

Whole process (mean ± σ, peak MB): one question per form, from start to exit: start the
process, open the index, answer, print (into a pipe). hyperfine -N (no shell), --runs timed runs
per command in 4 rounds, the order of the commands reversed every other round (3 warm-up runs,
then 1 per round), so that outside load on the shared machine falls on all commands alike; a
Python subprocess loop does the same if hyperfine is missing. Peak MB = the largest max RSS
(/usr/bin/time) of 3 further runs. The question is the one of median length in words (ties by
number) among those `medsearch ask` answers: a declined question skips MedSearch's passage
reading, so this times its full path.
  medsearch      `medsearch ask QUESTION --db INDEX --limit 10` (answer cards, up to 10 passages)
  naive FTS5     `sqlite3 -readonly INDEX "SELECT rowid ... MATCH '<same MATCH string>' ..."`
  tantivy        `python -c` opening the on-disk tantivy index, same cleaning/parser/fields,
                 printing the 10 ids; bm25s likewise with its saved index (mmap).
Their printed ids are checked once against the in-process top 10.

In-process peak MB: medsearch = `bench`'s getrusage max RSS (the process also runs bench's
one-thread throughput pass with a second engine); peers = max RSS of the child that loaded the
index and ran both forms (Python interpreter and libraries included).

Build: medsearch = `medsearch index` from the XML and CSV files to an optimized index on disk,
wall seconds and max RSS from /usr/bin/time -v. Peers: seconds to index the already parsed answer
texts in memory exactly as peers.py does (the peer script's figure), then in brackets the whole
process that parses the same files with corpus.py and writes the on-disk index used above (wall
and max RSS). "–" = not measured in this run (see the note printed under the table).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from corpus import check_data_dir, default_data_dir, load_corpus, load_questions
from peers import FORMS, TOP_K, Bm25sPeer, TantivyPeer, percentile

HERE = Path(__file__).resolve().parent
WARMUP_RUNS = 3  # whole-process runs before the timed ones (then 1 before each later round)
ROUNDS = 4  # whole-process timing rounds, the command order reversed every other round
RSS_RUNS = 3  # whole-process runs whose max RSS is taken

# The target table of issue 6 (release build, this machine, 17,862 answers).
TARGETS = {"p50": "≤ 0.45", "p99": "≤ 2", "whole": "≤ 20", "whole_mb": "≤ 40", "build": "≤ 1.5",
           "build_mb": "≤ 150"}

# ---------------------------------------------------------------------------------------------
# The one-question programs run as whole processes. Arguments: index folder, question.

TANTIVY_CLI = """\
import re, sys, tantivy
index = tantivy.Index.open(sys.argv[1])
searcher = index.searcher()
cleaned = " ".join(re.sub(r"[^\\w\\s]", " ", sys.argv[2]).split())
query, _ = index.parse_query_lenient(cleaned, ["question", "focus", "answer"])
for score, address in searcher.search(query, 10).hits:
    print(searcher.doc(address)["id"][0])
"""

BM25S_CLI = """\
import json, sys, bm25s, Stemmer
retriever = bm25s.BM25.load(sys.argv[1], mmap=True, show_progress=False)
ids = json.load(open(sys.argv[1] + "/ids.json"))
tokens = bm25s.tokenize([sys.argv[2]], stopwords="en", stemmer=Stemmer.Stemmer("english"),
                        return_ids=False, show_progress=False)
if tokens[0]:
    docs, scores = retriever.retrieve(tokens, k=10, show_progress=False)
    for doc, score in zip(docs[0], scores[0]):
        if score > 0:
            print(ids[int(doc)])
"""

FTS5_SQL = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10"


def log(*parts) -> None:
    print("speed.py:", *parts, file=sys.stderr, flush=True)


def fts5_match(text: str) -> str:
    """Every word of the question once (first spelling, case-insensitively), quoted, OR-ed."""
    seen: dict[str, str] = {}
    for word in re.findall(r"\w+", text):
        seen.setdefault(word.lower(), word)
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in seen.values())


def ms_stats(samples_ns: list[int]) -> dict:
    ms = [x / 1e6 for x in samples_ns]
    return {
        "samples": len(ms),
        "min_ms": min(ms),
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms),
        "mean_ms": sum(ms) / len(ms),
    }


# ---------------------------------------------------------------------------------------------
# Child processes (each in a fresh interpreter, so that its max RSS is its own).


def child_build(engine: str, path: Path, data: Path) -> dict:
    """Parse the corpus files, index the answer texts on disk; seconds of each step."""
    t0 = time.perf_counter()
    corpus = load_corpus(data)
    t1 = time.perf_counter()
    if path.exists():
        shutil.rmtree(path)
    if engine == "tantivy":
        TantivyPeer(path).build(corpus)
    else:
        peer = Bm25sPeer()
        peer.build(corpus)
        path.mkdir(parents=True)
        peer.save(path)
    t2 = time.perf_counter()
    return {"corpus_load_s": t1 - t0, "build_s": t2 - t1}


def child_latency(engine: str, path: Path, data: Path, passes: int) -> dict:
    """Open an on-disk index, then per form: one warm-up pass, `passes` timed passes."""
    questions = load_questions(data)
    ns = time.perf_counter_ns
    t0 = ns()
    if engine == "tantivy":
        peer = TantivyPeer(path)
        peer.open()
    elif engine == "bm25s":
        peer = Bm25sPeer()
        peer.load(path)
    else:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    open_ms = (ns() - t0) / 1e6

    out: dict = {"open_ms": open_ms, "forms": {}}
    for form in FORMS:
        texts = [(q.qid, getattr(q, form)) for q in questions]
        timed: list[int] = []
        search_only: list[int] = []
        top: dict[str, list[str]] = {}
        for pass_number in range(passes + 1):  # pass 0 is the untimed warm-up
            for qid, text in texts:
                if engine == "tantivy":
                    a = ns()
                    parsed = peer.parse(text)
                    b = ns()
                    hits = peer.top(parsed) if parsed is not None else []
                    c = ns()
                    ids = [i for _, i in peer.ids(hits)]
                    d = ns()
                    if pass_number:
                        timed.append(d - a)
                        search_only.append(c - b)
                elif engine == "bm25s":
                    a = ns()
                    hits = peer.search(text)
                    d = ns()
                    ids = [i for _, i in hits]
                    if pass_number:
                        timed.append(d - a)
                else:
                    a = ns()
                    match = fts5_match(text)
                    rows = db.execute(FTS5_SQL, (match,)).fetchall() if match else []
                    d = ns()
                    ids = [str(r[0]) for r in rows]
                    if pass_number:
                        timed.append(d - a)
                top[qid] = ids
        entry = {"stats": ms_stats(timed), "top": top}
        if search_only:
            entry["search_only"] = ms_stats(search_only)
        out["forms"][form] = entry
    return out


def spawn(argv: list[str], capture: bool = False, rss: bool = False,
          show_stderr: bool = False) -> tuple[float, float | None, str]:
    """(wall seconds, max RSS in MB or None, stdout) of one run of argv; fails on a non-zero exit.

    The max RSS comes from /usr/bin/time wrapped around the command, not from wait4 here: Linux
    starts a child's max RSS at its parent's high-water mark (exec records the old address
    space's peak), so a child of this large Python process would report this process's size.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *argv] if rss else argv
        t0 = time.perf_counter_ns()
        proc = subprocess.run(full, stdout=subprocess.PIPE,  # read, as a pipe to a terminal would be
                              stderr=None if show_stderr else subprocess.DEVNULL)
        wall = (time.perf_counter_ns() - t0) / 1e9
        if proc.returncode != 0:
            raise SystemExit(f"speed.py: exit status {proc.returncode}: {shlex.join(argv)[:300]}")
        peak = int(rss_file.read().split()[-1]) / 1024 if rss else None
    return wall, peak, proc.stdout.decode() if capture else ""


def run_child(args: list[str]) -> tuple[dict, float, float]:
    """Run `speed.py args` with this interpreter: (its JSON answer, wall seconds, max RSS MB)."""
    wall, peak, stdout = spawn([sys.executable, str(Path(__file__).resolve()), *args], capture=True,
                               rss=True, show_stderr=True)
    return json.loads(stdout), wall, peak


# ---------------------------------------------------------------------------------------------
# Whole processes


def time_whole(commands: dict[str, list[str]], runs: int, work: Path) -> tuple[dict[str, dict], str]:
    """Mean, median, σ, min and max wall milliseconds per command: hyperfine -N, else a Python loop.

    The runs are made in ROUNDS rounds, the order of the commands reversed every other round, so
    that a burst of outside load on this shared machine is spread over all commands instead of
    landing on the one that happened to be running.
    """
    hyperfine = shutil.which("hyperfine")
    if not hyperfine:
        log("hyperfine not found; timing whole processes with a Python subprocess loop")
    samples: dict[str, list[float]] = {name: [] for name in commands}
    per_round = [runs // ROUNDS + (i < runs % ROUNDS) for i in range(ROUNDS)]
    for i, round_runs in enumerate(per_round):
        names = list(commands) if i % 2 == 0 else list(reversed(commands))
        warmup = WARMUP_RUNS if i == 0 else 1
        if hyperfine:
            export = work / f"hyperfine.round{i + 1}.json"
            argv = [hyperfine, "-N", "--style", "basic", "--output", "pipe", "--warmup", str(warmup),
                    "--runs", str(round_runs), "--export-json", str(export)]
            for name in names:
                argv += ["--command-name", name, shlex.join(commands[name])]
            subprocess.run(argv, check=True, stdout=sys.stderr)
            for result in json.loads(export.read_text())["results"]:
                samples[result["command"]] += result["times"]
        else:
            for name in names:
                for _ in range(warmup):
                    spawn(commands[name])
                samples[name] += [spawn(commands[name])[0] for _ in range(round_runs)]
    tool = (subprocess.run([hyperfine, "--version"], capture_output=True, text=True).stdout.strip() if hyperfine
            else "a Python subprocess loop (hyperfine not installed)")
    stats = {}
    for name, times in samples.items():
        ms = [t * 1000 for t in times]
        stats[name] = {"mean_ms": statistics.fmean(ms), "median_ms": statistics.median(ms),
                       "stdev_ms": statistics.stdev(ms) if len(ms) > 1 else 0.0, "min_ms": min(ms),
                       "max_ms": max(ms), "runs": len(ms)}
    return stats, tool


def medsearch_answers(medsearch: Path, db: Path, text: str) -> int:
    """How many answers `medsearch ask` gives (0 when it says no good answer was found)."""
    out = spawn([str(medsearch), "ask", text, "--db", str(db), "--limit", str(TOP_K), "--format", "json"],
                capture=True)[2]
    return len(json.loads(out).get("answers") or [])


def whole_process_question(questions, form: str, answered: dict[str, int]):
    """The question of median length in words (ties by number) among those MedSearch answers.

    A question MedSearch declines skips reading passages, sentences and snippets; taking one it
    answers times its full path, the slower one.
    """
    eligible = [q for q in questions if answered[q.qid] > 0] or list(questions)
    ranked = sorted(eligible, key=lambda q: (len(re.findall(r"\w+", getattr(q, form))), int(q.qid[2:])))
    return ranked[(len(ranked) - 1) // 2]


# ---------------------------------------------------------------------------------------------
# The table


def parse_time_v(path: Path) -> dict:
    """Wall seconds and max RSS (MB) from /usr/bin/time -v output."""
    text = path.read_text()
    out = {}
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    if m:
        h, mnt, sec = m.groups()
        out["wall_s"] = int(h or 0) * 3600 + int(mnt) * 60 + float(sec)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        out["peak_mb"] = int(m.group(1)) / 1024
    return out


def fmt(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def build_table(r: dict) -> list[str]:
    rows = [
        "| engine | form | p50 ms | p99 ms | whole process mean ± σ ms | whole process peak MB "
        "| in-process peak MB | index build s | build peak MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    engines = [
        ("medsearch", "**medsearch** (full answer)"),
        ("medsearch-ranking", "**medsearch** (ranking: top-10 ids)"),
        ("tantivy", f"tantivy {r['versions']['tantivy']} (parse + search + ids)"),
        ("tantivy-search", "tantivy: `Searcher.search` alone"),
        ("bm25s", f"bm25s {r['versions']['bm25s']} (tokenize + retrieve)"),
        ("fts5", f"naive FTS5 OR query (SQLite {r['versions']['sqlite_module']})"),
    ]
    for key, label in engines:
        build = r["build"].get(key)
        for i, form in enumerate(FORMS):
            lat = r["latency"].get(key, {}).get(form)
            whole = r["whole"].get(key, {}).get(form)
            if build is None:
                build_cells = ["–", "–"]
            else:  # one build per engine: its figures on the first row, a ditto mark below
                build_cells = [build["cell"], build["mb_cell"]] if i == 0 else ["″", "″"]
            rows.append("| " + " | ".join([
                label,
                form,
                fmt(lat and lat["p50_ms"], 3),
                fmt(lat and lat["p99_ms"], 3),
                f"{whole['mean_ms']:.1f} ± {whole['stdev_ms']:.1f}" if whole else "–",
                fmt(whole and whole["peak_mb"], 1),
                fmt(r["latency_peak_mb"].get(key, {}).get(form), 1),
                *build_cells,
            ]) + " |")
    t = TARGETS
    rows.append(f"| target (issue 6) | both | {t['p50']} | {t['p99']} | {t['whole']} | {t['whole_mb']} | "
                f"{t['whole_mb']} | {t['build']} | {t['build_mb']} |")
    return rows


def read_medsearch(r: dict, work: Path) -> None:
    """MedSearch's figures, measured by speed.sh just before: bench JSON, index build."""
    for form in FORMS:
        bench = json.loads((work / f"bench.{form}.json").read_text())
        r.setdefault("medsearch_bench", {})[form] = bench
        r["latency"].setdefault("medsearch", {})[form] = {
            "p50_ms": bench["p50Milliseconds"], "p99_ms": bench["p99Milliseconds"],
            "p95_ms": bench["p95Milliseconds"], "min_ms": bench["minMilliseconds"],
            "max_ms": bench["maxMilliseconds"], "samples": bench["questions"] * bench["passes"]}
        r["latency_peak_mb"].setdefault("medsearch", {})[form] = bench["peakMemoryMiB"]
        ranking = bench.get("ranking")
        if ranking:  # `bench` times the ranking alone too: the like-for-like figure for the peers
            r["latency"].setdefault("medsearch-ranking", {})[form] = {
                "p50_ms": ranking["p50Milliseconds"], "p99_ms": ranking["p99Milliseconds"],
                "p95_ms": ranking["p95Milliseconds"], "min_ms": ranking["minMilliseconds"],
                "max_ms": ranking["maxMilliseconds"], "samples": bench["questions"] * bench["passes"]}
    time_file = work / "medsearch-index.time"
    if (work / "medsearch-index.rebuilt").exists() and time_file.exists():
        t = parse_time_v(time_file)
        report = json.loads((work / "medsearch-index.json").read_text())
        r["medsearch_index"] = {**t, **{k: report.get(k) for k in ("passages", "bytes", "seconds")}}
        walls = work / "medsearch-index.walls"  # speed.sh: "seconds run" per timed build, sorted
        if walls.exists():
            r["medsearch_index"]["walls_s"] = [float(line.split()[0]) for line in walls.read_text().split("\n") if line.strip()]
        r["build"]["medsearch"] = {"cell": fmt(t.get("wall_s")), "mb_cell": fmt(t.get("peak_mb"), 0)}


def reference_runs(data: Path, questions) -> tuple[dict, dict]:
    """peers.py's in-memory indexes: their build seconds and top 10 of every question text."""
    t0 = time.perf_counter()
    corpus = load_corpus(data)
    log(f"corpus: {len(corpus)} answers, {len(questions)} questions ({time.perf_counter() - t0:.1f} s)")
    top: dict[str, dict[str, dict[str, list[str]]]] = {}
    seconds: dict[str, float] = {}
    for name, cls in (("tantivy", TantivyPeer), ("bm25s", Bm25sPeer)):
        peer = cls()
        t0 = time.perf_counter()
        peer.build(corpus)
        seconds[name] = time.perf_counter() - t0
        top[name] = {form: {q.qid: [i for _, i in peer.search(getattr(q, form))] for q in questions}
                     for form in FORMS}
        log(f"{name}: in-memory build (peers.py) {seconds[name]:.2f} s")
        del peer  # free it before the next one
    return seconds, top


def measure_builds(r: dict, data: Path, paths: dict[str, Path], memory_build: dict[str, float]) -> None:
    """Each peer's on-disk index, built by a whole process from the files."""
    for name in ("tantivy", "bm25s"):
        steps, wall, peak = run_child(["--child", "build", name, "--path", str(paths[name]), "--data", str(data)])
        r["build"][name] = {
            "in_memory_s": memory_build[name], "process_wall_s": wall, "process_peak_mb": peak, **steps,
            "cell": f"{memory_build[name]:.2f} ({wall:.2f})", "mb_cell": f"({peak:.0f})"}
        log(f"{name}: whole build process {wall:.2f} s, {peak:.0f} MB "
            f"(corpus.py {steps['corpus_load_s']:.2f} s + on-disk build {steps['build_s']:.2f} s)")


def measure_latency(r: dict, data: Path, paths: dict[str, Path], passes: int, questions,
                    reference: dict) -> dict:
    """Warm in-process latency, one child process per engine; returns each engine's top 10."""
    top: dict[str, dict[str, dict[str, list[str]]]] = {}
    for name in ("tantivy", "bm25s", "fts5"):
        res, _, peak = run_child(["--child", "latency", name, "--path", str(paths[name]),
                                  "--data", str(data), "--passes", str(passes)])
        top[name] = {form: res["forms"][form]["top"] for form in FORMS}
        for form in FORMS:
            entry = res["forms"][form]
            r["latency"].setdefault(name, {})[form] = entry["stats"]
            r["latency_peak_mb"].setdefault(name, {})[form] = peak
            if "search_only" in entry:
                r["latency"].setdefault(f"{name}-search", {})[form] = entry["search_only"]
            log(f"{name} {form}: p50 {entry['stats']['p50_ms']:.3f} ms, p99 {entry['stats']['p99_ms']:.3f} ms")
        if name in reference:
            same = sum(top[name][f][q.qid] == reference[name][f][q.qid] for f in FORMS for q in questions)
            r["checks"].append(f"{name}: on-disk top 10 = peers.py's in-memory top 10 for {same}/"
                               f"{len(FORMS) * len(questions)} question texts")
    return top


def measure_whole(r: dict, work: Path, medsearch: Path, db: Path, paths: dict[str, Path], runs: int,
                  questions, inproc_top: dict) -> None:
    """Start-to-exit time and max RSS of one question per form, for every engine."""
    python = sys.executable
    commands: dict[str, list[str]] = {}
    chosen = {}
    for form in FORMS:
        answered = {q.qid: medsearch_answers(medsearch, db, getattr(q, form)) for q in questions}
        q = whole_process_question(questions, form, answered)
        text = getattr(q, form)
        chosen[form] = {"qid": q.qid, "words": len(re.findall(r"\w+", text)),
                        "medsearch_answers": answered[q.qid],
                        "answered_questions": sum(n > 0 for n in answered.values())}
        match = fts5_match(text).replace("'", "''")
        commands[f"medsearch {form}"] = [str(medsearch), "ask", text, "--db", str(db), "--limit", str(TOP_K)]
        commands[f"fts5 {form}"] = ["sqlite3", "-readonly", str(db), FTS5_SQL.replace("?", f"'{match}'")]
        commands[f"tantivy {form}"] = [python, "-c", TANTIVY_CLI, str(paths["tantivy"]), text]
        commands[f"bm25s {form}"] = [python, "-c", BM25S_CLI, str(paths["bm25s"]), text]
        # Once, untimed: each peer program prints what its in-process counterpart returned.
        same = {name: spawn(commands[f"{name} {form}"], capture=True)[2].split() == inproc_top[name][form][q.qid]
                for name in ("fts5", "tantivy", "bm25s")}
        r["checks"].append(f"{form}: the whole-process programs print the in-process top 10: "
                           + ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in same.items()))
    (work / "whole-process-commands.txt").write_text(
        "".join(f"{name}: {shlex.join(cmd)}\n" for name, cmd in commands.items()))
    log(f"whole process: {len(commands)} commands, {runs} runs each")
    timings, timer = time_whole(commands, runs, work)
    for name, cmd in commands.items():
        peak = max(spawn(cmd, rss=True)[1] for _ in range(RSS_RUNS))
        engine, form = name.split()
        r["whole"].setdefault(engine, {})[form] = {**timings[name], "peak_mb": peak}
    r["whole_timer"] = timer
    r["whole_questions"] = chosen


def ratios_line(r: dict) -> str:
    lat, parts = r["latency"], []
    for form in FORMS:
        m, t, s = lat["medsearch"][form], lat["tantivy"][form], lat["tantivy-search"][form]
        parts.append(f"{form} full answer p50 ×{m['p50_ms'] / t['p50_ms']:.2f}, p99 ×{m['p99_ms'] / t['p99_ms']:.2f} "
                     f"(÷ Searcher.search alone: ×{m['p50_ms'] / s['p50_ms']:.2f}, "
                     f"×{m['p99_ms'] / s['p99_ms']:.2f})")
        k = lat.get("medsearch-ranking", {}).get(form)
        if k:
            parts.append(f"{form} ranking p50 ×{k['p50_ms'] / t['p50_ms']:.2f}, p99 ×{k['p99_ms'] / t['p99_ms']:.2f}")
    wm, wt = r["whole"]["medsearch"], r["whole"]["tantivy"]
    parts.append("whole process " + ", ".join(f"{form} ×{wm[form]['mean_ms'] / wt[form]['mean_ms']:.2f}"
                                              for form in FORMS))
    return "Ratios, MedSearch ÷ tantivy (same run; < 1 means MedSearch is faster): " + "; ".join(parts) + "."


def notes(r: dict, passes: int, runs: int, n_questions: int) -> list[str]:
    v, chosen, bench = r["versions"], r["whole_questions"], r["medsearch_bench"]
    out = [
        f"{passes} timed passes × {n_questions} questions per form after 1 warm-up pass. MedSearch: "
        "`medsearch bench`, full answers (ranking + reading the chosen passages + sentences + snippets + "
        "references); open + first answer " + " / ".join(f"{bench[f]['openAndFirstAnswerMilliseconds']:.1f}"
                                                         for f in FORMS) + " ms. Peers: one `perf_counter_ns` "
        "pair around each search call, text in, top-10 ids out (tantivy and bm25s return ids only, FTS5 "
        "rowids only). Exactly what each figure includes: Benchmarks/peers/speed.py, header.",
        "Whole process: " + ", ".join(f"{f} = {c['qid']} ({c['words']} words, {c['medsearch_answers']} answers "
                                      "from `ask`)" for f, c in chosen.items())
        + ", the median-length question among those `ask` answers ("
        + " / ".join(f"{c['answered_questions']} of {n_questions} {f}" for f, c in chosen.items()) + "); "
        f"{r['whole_timer']}, {runs} runs in {ROUNDS} rounds (command order reversed every other round; "
        f"{WARMUP_RUNS} warm-up runs, then 1 per round); peak MB = max RSS of {RSS_RUNS} more runs. "
        f"medsearch = `ask --limit 10`, naive FTS5 = sqlite3 CLI {v['sqlite_cli']} (in-process: Python's sqlite3 "
        f"module, SQLite {v['sqlite_module']}), tantivy / bm25s = "
        f"`python -c` on their on-disk index (Python {v['python']}).",
    ]
    build = ("Build: medsearch = `medsearch index` from the XML/CSV files (wall, max RSS via /usr/bin/time -v")
    ms_index = r.get("medsearch_index")
    if ms_index and len(ms_index.get("walls_s", [])) > 1:
        build += (f"; the run of median wall time of {len(ms_index['walls_s'])} fresh builds: "
                  + ", ".join(f"{w:.2f}" for w in ms_index["walls_s"]) + " s")
    if ms_index and ms_index.get("seconds"):
        build += (f"; its own report: {ms_index['passages']} passages in {ms_index['seconds']:.2f} s, "
                  f"{ms_index['bytes'] / 1048576 / ms_index['seconds']:.1f} MB/s")
    out.append(build + "); peers = seconds to index the parsed answer texts in memory (peers.py), in brackets "
               "the whole process parsing the files with corpus.py and writing the on-disk index (wall s, "
               "max RSS MB).")
    if v["sqlite_module"] != v["sqlite_cli"]:
        out.append(f"Python's sqlite3 module uses SQLite {v['sqlite_module']}, the sqlite3 CLI "
                   f"{v['sqlite_cli']}: the two naive FTS5 figures are not from the same SQLite.")
    if "medsearch" not in r["build"]:
        out.append("MedSearch's index was reused, not rebuilt, in this run: no build figure "
                   "(REBUILD=1 to time it).")
    return out + r["checks"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="shared data directory")
    ap.add_argument("--work", type=Path, default=Path("/tmp/medsearch-speed"),
                    help="speed.sh's work folder (MedSearch's results in, peer indexes and speed.json out)")
    ap.add_argument("--db", type=Path, help="MedSearch's MedQuAD index (default: WORK/medquad.sqlite)")
    ap.add_argument("--bin", type=Path, help="the medsearch release binary (default: .build/release/medsearch)")
    ap.add_argument("--passes", type=int, default=5, help="timed passes over the questions per form")
    ap.add_argument("--runs", type=int, default=20, help="timed whole-process runs per command")
    ap.add_argument("--command", default="", help="the command line to print with the table")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "ENGINE"), help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:  # internal: one measured step in its own process
        kind, engine = args.child
        result = (child_build(engine, args.path, args.data) if kind == "build"
                  else child_latency(engine, args.path, args.data, args.passes))
        print(json.dumps(result))
        return 0

    check_data_dir(args.data)
    work = args.work
    (work / "peers").mkdir(parents=True, exist_ok=True)
    db = args.db or work / "medquad.sqlite"
    medsearch = args.bin or HERE.parents[1] / ".build" / "release" / "medsearch"
    for need in (db, medsearch, *(work / f"bench.{form}.json" for form in FORMS)):
        if not need.exists():
            raise SystemExit(f"speed.py: {need} not found: run Benchmarks/speed.sh, which makes it")
    paths = {"tantivy": work / "peers" / "tantivy-index", "bm25s": work / "peers" / "bm25s-index", "fts5": db}

    cli_version = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()
    r: dict = {
        "versions": {"python": platform.python_version(), "tantivy": version("tantivy"),
                     "bm25s": version("bm25s"), "numpy": version("numpy"),
                     "sqlite_module": sqlite3.sqlite_version,
                     "sqlite_cli": cli_version[0] if cli_version else "missing"},
        "passes": args.passes, "runs": args.runs,
        "latency": {}, "latency_peak_mb": {}, "whole": {}, "build": {}, "checks": [],
    }
    questions = load_questions(args.data)
    read_medsearch(r, work)
    memory_build, reference = reference_runs(args.data, questions)
    measure_builds(r, args.data, paths, memory_build)
    inproc_top = measure_latency(r, args.data, paths, args.passes, questions, reference)
    measure_whole(r, work, medsearch, db, paths, args.runs, questions, inproc_top)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True,
                            text=True).stdout.strip() or "?"
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    start = work / "loadavg.start"
    load = (f"{start.read_text().strip()} at the start, {load} at the end" if start.exists()
            else f"{load} at the end")
    lines = [
        f"Speed, MedSearch and peers side by side — {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, "
        f"commit `{commit}`, {os.cpu_count()} cores, load average {load}",
        "",
        f"Command: `{args.command or 'python3 Benchmarks/peers/speed.py ' + shlex.join(sys.argv[1:])}`",
        "",
        *build_table(r),
        "",
        ratios_line(r),
        "",
        *(f"- {n}" for n in notes(r, args.passes, args.runs, len(questions))),
    ]
    text = "\n".join(lines)
    print(text)
    (work / "speed.md").write_text(text + "\n")
    (work / "speed.json").write_text(json.dumps(r, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
