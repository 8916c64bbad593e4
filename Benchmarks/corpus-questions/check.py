#!/usr/bin/env python3
"""Consistency check for the judged corpus question set (Benchmarks/corpus-questions).

    python3 Benchmarks/corpus-questions/check.py [--corpus DIR] [--set tuned|heldout|fresh|blind9|...|blind24]

`--set heldout` checks the held-out files (heldout-questions.tsv, heldout-qrels.txt,
heldout-unanswerable.txt, qids H001, H002, ...) the same way, except the README tables, and
that none of its questions repeats one of the tuned set (a warning: written blind, two
short ones came out the same). `--set fresh` checks the fresh set (fresh-*, qids F001, ...)
as the held-out one, with one question per article enough; `--set blind9` the set written blind
in session 9 (blind9-*, qids B001, ...), which need not cover every article; `--set blind10` the
one written blind in session 10 (blind10-*, qids D001, ...), checked as blind9, `--set blind11`
the second one written blind in session 10 (blind11-*, qids E001, ...), checked the same way,
`--set blind12` the third one (blind12-*, qids G001, ...), checked the same way too, `--set blind13`
the fourth one (blind13-*, qids K001, ...), checked the same way again, `--set blind14` the fifth
one (blind14-*, qids M001, ...), and `--set blind15` to `--set blind18` the four written blind in
session 11 (qids N001, P001, Q001 and R001, ...), and `--set blind19` to `--set blind22` the four
written blind in session 12 (qids S001, U001, V001 and W001, ...), and `--set blind23` and
`--set blind24` the two written last in session 12 (X001, Y001, ...), all checked the same way.

Checks, and exits non-zero on any error:
  - questions.tsv: header `qid<TAB>question`, qids C001, C002, ... unique and in order,
    no empty or duplicate questions;
  - qrels.txt: lines `<qid> 0 <passage-id> <grade>`, grade 1..3, known qid, no passage judged
    twice for one question, every passage id exists in the corpus;
  - every answerable question has exactly one grade-3 line; unanswerable.txt lists exactly the
    questions without judgements;
  - every article has at least two questions whose grade-3 passage is in it;
  - the counts in README.md (the `| name | number |` rows of its counts table, and the
    `| `article-id` | number |` rows of its per-article table) match.

Passage ids are computed from the Markdown files the way `Article.passages()` numbers them:
`<id>#0` is the summary (plus introduction), `<id>#n` the n-th `## ` section in file order,
not counting a `## References` section (nor `Sources`/`Bibliography`).
Questions that repeat a section heading word for word are reported as warnings.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE_HEADINGS = {"references", "sources", "bibliography", "(references)"}


def corpus_passages(corpus: Path) -> tuple[dict[str, str], dict[str, str]]:
    """passage id -> heading, and article id -> title."""
    passages: dict[str, str] = {}
    titles: dict[str, str] = {}
    for path in sorted(corpus.glob("*.md")):
        if path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^id:\s*(\S+)", text, re.M)
        article = match.group(1) if match else path.stem
        if article != path.stem:
            raise SystemExit(f"{path}: id {article!r} differs from the file name")
        title = re.search(r'^title:\s*"?(.*?)"?\s*$', text, re.M)
        titles[article] = title.group(1) if title else ""
        body = text.split("\n---", 2)[-1] if text.startswith("---") else text
        passages[f"{article}#0"] = "Summary"
        n = 0
        for line in body.splitlines():
            if line.startswith("## "):
                heading = line[3:].strip()
                if heading.lower() in REFERENCE_HEADINGS:
                    continue
                n += 1
                passages[f"{article}#{n}"] = heading
    return passages, titles


def normalize(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", "", text.lower()).strip()


# Each set: its file prefix and the letter its qids start with.
SETS = {"tuned": ("", "C"), "heldout": ("heldout-", "H"), "fresh": ("fresh-", "F"),
        "blind9": ("blind9-", "B"), "blind10": ("blind10-", "D"), "blind11": ("blind11-", "E"),
        "blind12": ("blind12-", "G"), "blind13": ("blind13-", "K"), "blind14": ("blind14-", "M"),
        "blind15": ("blind15-", "N"), "blind16": ("blind16-", "P"), "blind17": ("blind17-", "Q"),
        "blind18": ("blind18-", "R"), "blind19": ("blind19-", "S"), "blind20": ("blind20-", "U"),
        "blind21": ("blind21-", "V"), "blind22": ("blind22-", "W"), "blind23": ("blind23-", "X"),
        "blind24": ("blind24-", "Y")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "Corpus")
    parser.add_argument("--set", choices=list(SETS), default="tuned")
    args = parser.parse_args()
    # The held-out and fresh sets are checked alike: no README tables, no repeats of the tuned set.
    heldout = args.set != "tuned"
    prefix, letter = SETS[args.set]
    questions_file, qrels_file, unanswerable_file = (f"{prefix}questions.tsv", f"{prefix}qrels.txt", f"{prefix}unanswerable.txt")

    errors: list[str] = []
    warnings: list[str] = []
    passages, titles = corpus_passages(args.corpus)

    # questions.tsv
    lines = (HERE / questions_file).read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != "qid\tquestion":
        errors.append(f"{questions_file}: header must be 'qid<TAB>question'")
    questions: dict[str, str] = {}
    for number, line in enumerate(lines[1:], 2):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip():
            errors.append(f"{questions_file}:{number}: expected 'qid<TAB>question'")
            continue
        qid, question = parts
        expected = f"{letter}{len(questions) + 1:03d}"
        if qid in questions:
            errors.append(f"{questions_file}:{number}: duplicate qid {qid}")
        elif qid != expected:
            errors.append(f"{questions_file}:{number}: qid {qid}, expected {expected}")
        questions[qid] = question
    for question, count in Counter(normalize(q) for q in questions.values()).items():
        if count > 1:
            errors.append(f"{questions_file}: question asked {count} times: {question!r}")
    headings = {normalize(h) for h in passages.values()} | {normalize(t) for t in titles.values()}
    for qid, question in questions.items():
        if normalize(question) in headings:
            warnings.append(f"{qid} repeats a heading or title word for word: {question!r}")

    # qrels.txt
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    for number, line in enumerate((HERE / qrels_file).read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if len(parts) != 4 or parts[1] != "0" or parts[3] not in {"1", "2", "3"}:
            errors.append(f"{qrels_file}:{number}: expected '<qid> 0 <passage-id> <1|2|3>': {line!r}")
            continue
        qid, _, pid, grade = parts
        if qid not in questions:
            errors.append(f"{qrels_file}:{number}: unknown qid {qid}")
        if pid not in passages:
            errors.append(f"{qrels_file}:{number}: no such passage {pid}")
        if pid in qrels[qid]:
            errors.append(f"{qrels_file}:{number}: {qid} judges {pid} twice")
        qrels[qid][pid] = int(grade)

    # unanswerable.txt
    unanswerable = [l.strip() for l in (HERE / unanswerable_file).read_text(encoding="utf-8").splitlines() if l.strip()]
    if len(set(unanswerable)) != len(unanswerable):
        errors.append(f"{unanswerable_file}: duplicate qids")
    for qid in unanswerable:
        if qid not in questions:
            errors.append(f"{unanswerable_file}: unknown qid {qid}")
        if qrels.get(qid):
            errors.append(f"{unanswerable_file}: {qid} has qrels lines")
    answerable = [qid for qid in questions if qid not in set(unanswerable)]
    for qid in answerable:
        threes = [pid for pid, g in qrels.get(qid, {}).items() if g == 3]
        if len(threes) != 1:
            errors.append(f"{qid}: {len(threes)} grade-3 passages (need exactly 1): {questions[qid]!r}")

    # coverage: every article is the grade-3 article of at least two questions (one in the
    # fresh set: 70 questions over 42 articles; none asked of the blind9 to blind14 sets: 50 over 30 or more)
    per_article = Counter(pid.split("#")[0] for qid in answerable for pid, g in qrels.get(qid, {}).items() if g == 3)
    least = 1 if args.set == "fresh" else 0 if args.set.startswith("blind") else 2
    for article in sorted(titles):
        if per_article[article] < least:
            errors.append(f"article {article}: only {per_article[article]} question(s) with a grade-3 passage in it")

    grades = Counter(g for judged in qrels.values() for g in judged.values())
    counts = {
        "questions": len(questions),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "judgements": sum(grades.values()),
        "grade 3": grades[3],
        "grade 2": grades[2],
        "grade 1": grades[1],
        "articles": len(titles),
        "passages": len(passages),
    }

    if heldout:
        tuned = {normalize(line.split("\t", 1)[-1]) for line in (HERE / "questions.tsv").read_text(encoding="utf-8").splitlines()[1:]}
        for qid, question in questions.items():
            if normalize(question) in tuned:
                warnings.append(f"{qid} repeats a question of the tuned set: {question!r}")
    # README counts table (the tuned set's)
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    stated = {m.group(1).strip().lower(): int(m.group(2)) for m in re.finditer(r"^\|\s*([a-z0-9 -]+?)\s*\|\s*(\d+)\s*\|", readme, re.M)}
    stated_articles = {m.group(1): int(m.group(2)) for m in re.finditer(r"^\|\s*`([a-z0-9-]+)`\s*\|\s*(\d+)\s*\|", readme, re.M)}
    for article in sorted(titles) if not heldout else []:
        if article not in stated_articles:
            errors.append(f"README.md: no per-article row for `{article}`")
        elif stated_articles[article] != per_article[article]:
            errors.append(f"README.md: states {stated_articles[article]} questions for {article}, actual {per_article[article]}")
    for name, value in counts.items() if not heldout else []:
        if name not in stated:
            errors.append(f"README.md: no count row for {name!r}")
        elif stated[name] != value:
            errors.append(f"README.md: states {name} = {stated[name]}, actual {value}")

    for name, value in counts.items():
        print(f"{name:>13}: {value}")
    print(f"{'per article':>13}: min {min(per_article.values())}, max {max(per_article.values())} grade-3 questions")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
