"""Shared helpers for the reliability scripts (Python 3 standard library only, no network).

- `binary()` builds the release binary (`swift build -c release --static-swift-stdlib`) and returns
  `.build/release/medsearch`, or uses `--binary PATH` / `$MEDSEARCH_BIN` (to measure another build);
- `make_corpus()` writes the synthetic corpora A and B (copies of the shipped Corpus; B deletes,
  edits and adds articles) so that "before" and "after" answers differ;
- `answers()` answers a fixed question set with one `medsearch eval` run (a read-only open);
- `integrity()` checks an index independently of MedSearch: Python's sqlite3 runs
  `PRAGMA integrity_check` on a read-only connection and FTS5's `integrity-check` on an
  in-memory copy (the backup API), so the checked file is never written.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "Corpus"
QUESTIONS = ROOT / "Benchmarks" / "corpus-questions" / "questions.tsv"


def log(*parts: object) -> None:
    print(*parts, flush=True)


def binary(argv_binary: str | None = None) -> str:
    explicit = argv_binary or os.environ.get("MEDSEARCH_BIN")
    if explicit:
        return str(Path(explicit).resolve())
    log("building: swift build -c release --static-swift-stdlib")
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return str(ROOT / ".build" / "release" / "medsearch")


def supports(binary_path: str, command: str) -> bool:
    """True when the binary has `command` (older builds lack `check`)."""
    result = subprocess.run([binary_path, "help", command], capture_output=True, text=True)
    return result.returncode == 0 and f"medsearch {command}" in result.stdout


# ---------------------------------------------------------------- corpora

REMOVED_IN_B = ("asthma", "migraine")            # every copy deleted in B
NEW_IN_B = "quokka-hives"                         # a new article in B, from hives.md


def _copy_article(text: str, old_id: str, new_id: str, edition: int) -> str:
    text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
    # A different length per copy: bm25 scores then never tie between copies.
    note = "Edition %d%s." % (edition, " note" * edition)
    head, sep, body = text.partition("\n---\n")
    head2, sep2, rest = body.partition("\n")
    return head + sep + note + "\n" + head2 + sep2 + rest if sep else text


def make_corpus(folder: Path, copies: int, variant: str) -> list[str]:
    """Writes corpus `variant` ("A" or "B") with `copies` copies of every Corpus article."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    names = []
    for source in sorted(CORPUS.glob("*.md")):
        if source.name == "README.md":
            continue
        article = source.stem
        text = source.read_text(encoding="utf-8")
        for copy in range(copies):
            new_id = article if copy == 0 else f"{article}-c{copy}"
            if variant == "B" and article in REMOVED_IN_B:
                continue
            body = _copy_article(text, article, new_id, copy)
            if variant == "B" and copy % 3 == 1:
                body = body.replace("\n## ", "\nRevised in edition B with more words about treatment.\n\n## ", 1)
            (folder / f"{new_id}.md").write_text(body, encoding="utf-8")
            names.append(new_id)
    if variant == "B":
        text = (CORPUS / "hives.md").read_text(encoding="utf-8")
        text = re.sub(r"^id: .*$", f"id: {NEW_IN_B}", text, count=1, flags=re.M)
        text = re.sub(r"(?i)hives", "quokkahives", text)
        text = re.sub(r"^related: .*$", "related: []", text, count=1, flags=re.M)
        (folder / f"{NEW_IN_B}.md").write_text(text, encoding="utf-8")
        names.append(NEW_IN_B)
    return names


def swap_corpus(live: Path, source: Path) -> None:
    """Makes `live` hold exactly the files of `source` (new modification times)."""
    wanted = {p.name for p in source.glob("*.md")}
    for path in live.glob("*.md"):
        if path.name not in wanted:
            path.unlink()
    for name in sorted(wanted):
        target = live / name
        data = (source / name).read_bytes()
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)


# ---------------------------------------------------------------- questions and answers

def question_file(folder: Path, count: int = 40) -> Path:
    """The fixed question set: the first `count` corpus questions plus questions whose answers
    differ between corpora A and B."""
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()[1:count + 1]
    extra = ["X01\twhat causes quokkahives", "X02\tasthma inhaler technique",
             "X03\tmigraine aura warning signs", "X04\trevised edition treatment"]
    path = folder / "questions.tsv"
    path.write_text("qid\tquestion\n" + "\n".join(lines + extra) + "\n", encoding="utf-8")
    return path


def answers(binary_path: str, db: Path, questions: Path, limit: int = 3,
            timeout: float = 120) -> tuple[dict[str, tuple[str, ...]] | None, str]:
    """{qid: passage ids in rank order} from one read-only `medsearch eval` run, or None and
    the error text when the index could not answer."""
    # The run file goes to the temporary folder, never beside the index (which may be on a
    # full or read-only disk).
    handle, name = tempfile.mkstemp(prefix="medsearch-run-", suffix=".txt")
    os.close(handle)
    run = Path(name)
    # `eval` ranks without `ask`'s cap of two passages per article; set it back so that the
    # answers compared are the ones `ask` gives.
    result = subprocess.run([binary_path, "eval", "--db", str(db), "--questions", str(questions),
                             "--limit", str(limit), "--run-out", str(run), "--set", "passagesPerArticle=2"],
                            capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        run.unlink(missing_ok=True)
        return None, (result.stderr or result.stdout).strip()
    ranked: dict[str, list[tuple[int, str]]] = {}
    for line in run.read_text(encoding="utf-8").splitlines():
        qid, _, passage, rank, *_ = line.split()
        ranked.setdefault(qid, []).append((int(rank), passage))
    run.unlink(missing_ok=True)
    qids = [line.split("\t")[0] for line in questions.read_text(encoding="utf-8").splitlines()[1:]]
    return {qid: tuple(p for _, p in sorted(ranked.get(qid, []))) for qid in qids}, ""


# ---------------------------------------------------------------- integrity

def integrity(db: Path) -> list[str]:
    """Problems found by SQLite's and FTS5's checks, [] when the index is sound. Never writes."""
    problems: list[str] = []
    try:
        source = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        rows = source.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            problems.append("integrity_check: " + "; ".join(r[0] for r in rows[:5]))
        memory = sqlite3.connect(":memory:")
        source.backup(memory)
        source.close()
        for table in ("passages_fts", "refs_fts"):
            try:
                memory.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
            except sqlite3.DatabaseError as error:
                problems.append(f"{table} integrity-check: {error}")
        if memory.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() is None:
            problems.append("no schema_version")
        memory.close()
    except sqlite3.Error as error:
        problems.append(f"cannot open read-only: {error} (code {getattr(error, 'sqlite_errorcode', '?')})")
    return problems


def medsearch_check(binary_path: str, db: Path) -> tuple[int, str]:
    result = subprocess.run([binary_path, "check", "--db", str(db)], capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(db.name + ".building-*"))


def remove_index(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    for name in leftovers(db):
        (db.parent / name).unlink(missing_ok=True)


def copy_index(source: Path, target: Path) -> None:
    """A consistent copy of `source` alone (checkpointed: no -wal needed) at `target`."""
    remove_index(target)
    connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    destination = sqlite3.connect(str(target))
    connection.backup(destination)
    destination.execute("PRAGMA journal_mode").fetchone()
    destination.close()
    connection.close()
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)


def index(binary_path: str, corpus: Path, db: Path, rebuild: bool, check: bool = True) -> subprocess.CompletedProcess:
    command = [binary_path, "index", str(corpus), "--db", str(db)] + (["--rebuild"] if rebuild else [])
    result = subprocess.run(command, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr}")
    return result


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def now() -> float:
    return time.monotonic()
