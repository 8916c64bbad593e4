#!/usr/bin/env python3
"""Read-only index file or folder: `index --rebuild` and incremental `index` must fail with a
clear error and change nothing; `ask` and `check` must still work and answer as before.

Cases: a read-only file system (a bind mount remounted read-only, in a private mount
namespace; as root), and, as the unprivileged user `nobody` (root ignores file modes), a
read-only index file in a writable folder, a writable index file in a read-only folder, and
both read-only.

    sudo python3 Benchmarks/reliability/read_only.py
    python3 Benchmarks/reliability/read_only.py --binary /path/to/medsearch

Needs root for `unshare -m`, `mount` and `setpriv` (else exits 2 saying so). Exits 1 when
any write was not refused clearly, any reader failed, or anything changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import common

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
CLEAR = ("read-only", "cannot open or create", "is its folder writable")


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary")
    parser.add_argument("--work")
    parser.add_argument("--json")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    medsearch = common.binary(args.binary)
    if os.geteuid() != 0:
        common.log("needs root (mount namespaces, setpriv to nobody); skipped")
        return 2
    if not args.inside:
        work = Path(args.work or tempfile.mkdtemp(prefix="medsearch-ro-"))
        work.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, __file__, "--inside", "--binary", medsearch, "--work", str(work)]
        command += ["--json", args.json] if args.json else []
        return subprocess.run(["unshare", "-m", "--propagation", "private"] + command).returncode
    work = Path(args.work)
    os.chmod(work, 0o755)
    common.log(f"work folder {work}; binary {medsearch}")
    corpus_a, corpus_b, live = work / "corpus-a", work / "corpus-b", work / "corpus"
    common.make_corpus(corpus_a, 1, "A")
    common.make_corpus(corpus_b, 1, "B")
    questions = common.question_file(work)
    live.mkdir(exist_ok=True)
    common.swap_corpus(live, corpus_a)
    pristine = work / "pristine.sqlite"
    common.remove_index(pristine)
    common.index(medsearch, live, pristine, rebuild=True)
    before, error = common.answers(medsearch, pristine, questions)
    assert before is not None, error
    common.swap_corpus(live, corpus_b)
    for path in [work, live, corpus_a, corpus_b, questions]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    for path in live.glob("*.md"):
        os.chmod(path, 0o644)

    rows: dict[str, dict] = {}
    failures: list[str] = []

    def run(user: list[str], arguments: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(user + [medsearch] + arguments, capture_output=True, text=True)

    def scenario(name: str, folder: Path, user: list[str], prepare, finish) -> None:
        if folder.exists():
            subprocess.run(["umount", str(folder)], capture_output=True)
            subprocess.run(["chmod", "-R", "u+w", str(folder)])
            for child in folder.iterdir():
                child.unlink()
        folder.mkdir(exist_ok=True)
        db = folder / "index.sqlite"
        common.copy_index(pristine, db)
        prepare(folder, db)
        hash_before = digest(db)
        files_before = sorted(p.name for p in folder.iterdir())
        counts = {"writes tried": 0, "refused clearly": 0, "unclear or accepted": 0, "reads ok": 0,
                  "reads failed": 0, "file unchanged": 0, "data lost": 0}
        for mode in (["--rebuild"], []):
            result = run(user, ["index", str(live), "--db", str(db)] + mode)
            counts["writes tried"] += 1
            if result.returncode == 1 and any(text in result.stderr for text in CLEAR) and "was not changed" in result.stderr:
                counts["refused clearly"] += 1
            else:
                counts["unclear or accepted"] += 1
                failures.append(f"{name} index {' '.join(mode)}: exit {result.returncode}: {result.stderr.strip()[:300]}")
            common.log(f"  {name}, index {' '.join(mode) or '(incremental)'}: exit {result.returncode}: "
                       f"{result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ''}")
        for question_id, question in [("C001", None), ("X02", None)]:
            text = next(line.split("\t")[1] for line in questions.read_text().splitlines() if line.startswith(question_id))
            result = run(user, ["ask", text, "--db", str(db), "--format", "json", "--limit", "3"])
            if result.returncode == 0 and tuple(a["passageID"] for a in json.loads(result.stdout)["answers"]) == before[question_id]:
                counts["reads ok"] += 1
            else:
                counts["reads failed"] += 1
                failures.append(f"{name} ask: exit {result.returncode}: {result.stderr.strip()[:300]}")
        result = run(user, ["check", "--db", str(db)])
        if result.returncode == 0:
            counts["reads ok"] += 1
        else:
            counts["reads failed"] += 1
            failures.append(f"{name} check: exit {result.returncode}: {(result.stdout + result.stderr).strip()[-300:]}")
        if digest(db) == hash_before:
            counts["file unchanged"] += 1
        else:
            failures.append(f"{name}: the index file changed")
        leftover = sorted(set(p.name for p in folder.iterdir()) - set(files_before) - {db.name + "-wal", db.name + "-shm"})
        if leftover:
            failures.append(f"{name}: new files {leftover}")
        finish(folder, db)
        got, error = common.answers(medsearch, db, questions)
        if got != before:
            counts["data lost"] += 1
            failures.append(f"{name}: answers changed: {error[:200]}")
        rows[name] = counts

    def read_only_mount(folder: Path, db: Path) -> None:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)

    def unmount(folder: Path, db: Path) -> None:
        subprocess.run(["umount", str(folder)], check=True)

    def modes(folder_mode: int, file_mode: int):
        def prepare(folder: Path, db: Path) -> None:
            os.chmod(db, file_mode)
            os.chmod(folder, folder_mode)
        return prepare

    def restore(folder: Path, db: Path) -> None:
        os.chmod(folder, 0o755)
        os.chmod(db, 0o644)

    scenario("read-only file system (root)", work / "ro-mount", [], read_only_mount, unmount)
    scenario("read-only index file (nobody)", work / "ro-file", NOBODY, modes(0o777, 0o444), restore)
    scenario("read-only folder (nobody)", work / "ro-folder", NOBODY, modes(0o555, 0o666), restore)
    scenario("read-only folder and file (nobody)", work / "ro-both", NOBODY, modes(0o555, 0o444), restore)
    for name, counts in rows.items():
        common.log(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for failure in failures:
        common.log("  FAILED " + failure)
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": rows, "failures": failures}, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
