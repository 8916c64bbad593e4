#!/usr/bin/env python3
"""Score TREC run files against the LiveQA-on-MedQuAD qrels, following the shared data README.

    python3 score.py [--data DIR | --qrels FILE] [--json] RUN [RUN ...]
    python3 score.py --self-test

A run file has lines `qid Q0 answer-id rank score tag` (TREC format); qid is TQ<number> (a bare
number is read as such) and `answer-id` may carry the ".txt" suffix of the qrels or not. Each run is one query form; the form is taken from the file
name (a "message" or "summary" part, e.g. bm25s.summary.run), else from the run tag, and can be
forced with --form.

The protocol, for every judged question (also when the run has nothing for it):
  grade g in 1..4 is worth g-1 points; an answer nobody judged is worth 0 (grade 0 below).
  avgScore  first answer's points (0..3)
  succ@k+   first answer has grade >= k (k = 2, 3, 4)
  MRR@10    1 / rank of the first answer with grade >= 3 in the top 10
  MAP@10    sum of precision@i at each relevant (grade >= 3) rank i <= 10,
            divided by min(#relevant judged for the question, 10); 0 if none is relevant
  nDCG@10   gain 2^(g-1) - 1, discount log2(rank + 1), ideal ranking built from all judged
            answers of the question
  judged@10 judged answers among the top 10, divided by 10
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

CUTOFF = 10
RELEVANT = 3  # grade from which an answer counts as relevant for MRR and MAP

# qrels lines: "<question number> <grade>-<Label> <AnswerID>.txt"
_QREL = re.compile(r"^(\d+)\s+([1-4])-\S+\s+(\S+?)(?:\.txt)?$")

Qrels = dict[str, dict[str, int]]  # qid -> answer id -> grade 1..4
Run = dict[str, list[str]]  # qid -> answer ids, best first


@dataclass
class Scores:
    run: str
    form: str
    questions: int
    avgScore: float
    succ2: float
    succ3: float
    succ4: float
    mrr10: float
    map10: float
    ndcg10: float
    judged10: float


def read_qrels(path: Path) -> Qrels:
    qrels: Qrels = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        m = _QREL.match(line.strip())
        if not m:
            raise ValueError(f"{path}:{lineno}: not a qrels line: {line!r}")
        number, grade, answer_id = m.groups()
        qrels.setdefault(f"TQ{number}", {})[answer_id] = int(grade)
    return qrels


def read_run(path: Path) -> tuple[Run, str]:
    """A run as {qid: ranked answer ids} and its tag (the last column of its first line)."""
    rows: dict[str, list[tuple[int, int, str]]] = {}
    tag = ""
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 6:
            raise ValueError(f"{path}:{lineno}: expected 'qid Q0 answer-id rank score tag': {line!r}")
        qid, _, answer_id, rank, _, tag_here = parts
        qid = f"TQ{qid}" if qid.isdigit() else qid  # accept the qrels' bare question numbers
        tag = tag or tag_here
        # Order by the rank column, file order breaking ties, rather than trusting line order.
        rows.setdefault(qid, []).append((int(rank), lineno, answer_id.removesuffix(".txt")))
    run: Run = {}
    for qid, ranked in rows.items():
        seen: list[str] = []
        for _, _, answer_id in sorted(ranked):
            if answer_id not in seen:  # a repeated answer earns nothing the second time
                seen.append(answer_id)
        run[qid] = seen
    return run, tag


def _gain(grade: int) -> float:
    return 2.0 ** (grade - 1) - 1 if grade > 0 else 0.0


def score_question(ranked: list[str], judged: dict[str, int]) -> dict[str, float]:
    top = ranked[:CUTOFF]
    grades = [judged.get(a, 0) for a in top]  # 0 = unjudged, worth nothing
    first = grades[0] if grades else 0

    rr = 0.0
    hits = 0
    precision_sum = 0.0
    for i, g in enumerate(grades, start=1):
        if g >= RELEVANT:
            if rr == 0.0:
                rr = 1.0 / i
            hits += 1
            precision_sum += hits / i
    n_relevant = sum(g >= RELEVANT for g in judged.values())
    ap = precision_sum / min(n_relevant, CUTOFF) if n_relevant else 0.0

    dcg = sum(_gain(g) / math.log2(i + 1) for i, g in enumerate(grades, start=1))
    ideal = sorted(judged.values(), reverse=True)[:CUTOFF]
    idcg = sum(_gain(g) / math.log2(i + 1) for i, g in enumerate(ideal, start=1))

    return {
        "avgScore": max(first - 1, 0),
        "succ2": float(first >= 2),
        "succ3": float(first >= 3),
        "succ4": float(first >= 4),
        "mrr10": rr,
        "map10": ap,
        "ndcg10": dcg / idcg if idcg > 0 else 0.0,
        "judged10": sum(g > 0 for g in grades) / CUTOFF,
    }


def score_run(run: Run, qrels: Qrels, name: str = "run", form: str = "?") -> Scores:
    # Questions are those of the qrels: a question the run skipped scores 0, one the run
    # answered that nobody judged (TQ83 in the dev half) is ignored.
    per_q = [score_question(run.get(qid, []), judged) for qid, judged in qrels.items()]
    n = len(per_q)
    mean = {k: sum(q[k] for q in per_q) / n for k in per_q[0]} if n else {}
    return Scores(run=name, form=form, questions=n, **mean)


def infer_name_and_form(path: Path, tag: str, forced: str | None) -> tuple[str, str]:
    parts = re.split(r"[._\-]", path.name)
    form = forced
    if form is None:
        for candidate in ("message", "summary"):
            if candidate in parts or candidate in re.split(r"[._\-]", tag):
                form = candidate
                break
    name = path.name
    for suffix in (".run", ".trec", ".txt", ".tsv"):
        name = name.removesuffix(suffix)
    if form:
        name = re.sub(rf"[._\-]{form}\b", "", name) or name
    return name, form or "?"


COLUMNS = [
    ("run", "run", "{}"),
    ("form", "form", "{}"),
    ("avgScore", "avgScore", "{:.3f}"),
    ("succ@2+", "succ2", "{:.3f}"),
    ("succ@3+", "succ3", "{:.3f}"),
    ("succ@4+", "succ4", "{:.3f}"),
    ("MRR@10", "mrr10", "{:.3f}"),
    ("MAP@10", "map10", "{:.3f}"),
    ("nDCG@10", "ndcg10", "{:.3f}"),
    ("judged@10", "judged10", "{:.3f}"),
]


def format_table(results: list[Scores]) -> str:
    rows = [[fmt.format(getattr(r, attr)) for _, attr, fmt in COLUMNS] for r in results]
    headers = [h for h, _, _ in COLUMNS]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        # Text columns left-aligned, numbers right-aligned.
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in rows]
    n = {r.questions for r in results}
    out.append(f"({', '.join(map(str, sorted(n)))} judged questions)")
    return "\n".join(out)


def self_test() -> int:
    """Hand-computed cases; each expected number is worked out in the comment beside it."""
    qrels: Qrels = {
        # q1: relevant (grade >= 3) are a (4) and b (3): R = 2
        "TQ1": {"a": 4, "b": 3, "c": 2, "d": 1},
        # q2: nothing relevant; one related answer
        "TQ2": {"e": 2, "f": 1},
        # q3: the run returns nothing for it
        "TQ3": {"g": 4},
    }
    run: Run = {
        "TQ1": ["x", "b", "c", "a"],  # x unjudged
        "TQ2": ["e"],
        "TQ9": ["a"],  # not judged: ignored
    }
    q1 = score_question(run["TQ1"], qrels["TQ1"])
    expect_q1 = {
        "avgScore": 0,  # x unjudged: 0 points
        "succ2": 0.0,
        "mrr10": 0.5,  # b at rank 2
        "map10": (1 / 2 + 2 / 4) / 2,  # P@2 = 1/2, P@4 = 2/4, over min(R=2, 10)
        # DCG = 3/log2(3) + 1/log2(4) + 7/log2(5); IDCG = 7 + 3/log2(3) + 1/2 (+0 for grade 1)
        "ndcg10": (3 / math.log2(3) + 0.5 + 7 / math.log2(5)) / (7 + 3 / math.log2(3) + 0.5),
        "judged10": 0.3,  # b, c, a of the top 10 are judged
    }
    q2 = score_question(run["TQ2"], qrels["TQ2"])
    expect_q2 = {"avgScore": 1, "succ2": 1.0, "succ3": 0.0, "mrr10": 0.0, "map10": 0.0,
                 "ndcg10": 1.0, "judged10": 0.1}
    q3 = score_question([], qrels["TQ3"])
    expect_q3 = {"avgScore": 0, "succ2": 0.0, "mrr10": 0.0, "map10": 0.0, "ndcg10": 0.0, "judged10": 0.0}
    # A perfect top answer: grade 4 first gives 3 points and every success.
    q4 = score_question(["a", "b"], qrels["TQ1"])
    expect_q4 = {"avgScore": 3, "succ2": 1.0, "succ3": 1.0, "succ4": 1.0, "mrr10": 1.0, "map10": 1.0}
    # More than 10 relevant answers: MAP@10 is divided by 10, not by R.
    many = {f"r{i}": 3 for i in range(12)}
    q5 = score_question([f"r{i}" for i in range(10)], many)
    expect_q5 = {"map10": 1.0, "ndcg10": 1.0}

    failures: list[str] = []
    checks = 0

    def check(ok: bool, message: str) -> None:
        nonlocal checks
        checks += 1
        if not ok:
            failures.append(message)

    for label, got, expected in [("q1", q1, expect_q1), ("q2", q2, expect_q2), ("q3", q3, expect_q3),
                                 ("q4", q4, expect_q4), ("q5", q5, expect_q5)]:
        for k, v in expected.items():
            check(math.isclose(got[k], v, abs_tol=1e-12), f"{label} {k}: got {got[k]}, expected {v}")

    # Means over the three judged questions; TQ3 (no answers) counts, TQ9 (unjudged) does not.
    total = score_run(run, qrels, "t", "message")
    check(total.questions == 3, f"questions: got {total.questions}, expected 3")
    check(math.isclose(total.avgScore, (0 + 1 + 0) / 3), f"mean avgScore: got {total.avgScore}, expected 1/3")
    check(math.isclose(total.mrr10, (0.5 + 0 + 0) / 3), f"mean MRR@10: got {total.mrr10}, expected 1/6")

    # Parsing: qrels labels and ".txt" suffixes, run ranks out of order and repeated answers.
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        qp = Path(tmp) / "qrels.txt"
        qp.write_text("7 4-Excellent NHLBI_0000051_Sec2.txt\n7 1-Incorrect GARD_0000001_Sec1.txt\n")
        rp = Path(tmp) / "demo.summary.run"
        rp.write_text("TQ7 Q0 GARD_0000001_Sec1 2 1.0 demo\nTQ7 Q0 NHLBI_0000051_Sec2.txt 1 2.0 demo\n"
                      "TQ7 Q0 NHLBI_0000051_Sec2 3 0.5 demo\n")
        parsed_q = read_qrels(qp)
        parsed_r, tag = read_run(rp)
        check(parsed_q == {"TQ7": {"NHLBI_0000051_Sec2": 4, "GARD_0000001_Sec1": 1}},
              f"qrels parsing: {parsed_q}")
        check(parsed_r == {"TQ7": ["NHLBI_0000051_Sec2", "GARD_0000001_Sec1"]} and tag == "demo",
              f"run parsing: {parsed_r} {tag}")
        check(infer_name_and_form(rp, tag, None) == ("demo", "summary"),
              f"name/form: {infer_name_and_form(rp, tag, None)}")

    for f in failures:
        print("FAIL", f)
    print(f"self-test: {checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="*", type=Path, help="TREC run files")
    ap.add_argument("--data", type=Path, help="shared data directory (default: see corpus.py)")
    ap.add_argument("--qrels", type=Path, help="qrels file (overrides --data)")
    ap.add_argument("--form", choices=["message", "summary"], help="force the query form of every run")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--self-test", action="store_true", help="run the hand-computed checks and exit")
    args = ap.parse_args(argv)

    if args.self_test:
        return self_test()
    if not args.runs:
        ap.error("give at least one run file (or --self-test)")

    qrels_path = args.qrels
    if qrels_path is None:
        from corpus import QRELS_FILE, check_data_dir, default_data_dir
        data = args.data or default_data_dir()
        check_data_dir(data)
        qrels_path = data / "liveqa-dev" / QRELS_FILE
    qrels = read_qrels(qrels_path)

    results = []
    for path in args.runs:
        if not path.is_file():
            raise SystemExit(f"run file not found: {path}")
        run, tag = read_run(path)
        name, form = infer_name_and_form(path, tag, args.form)
        results.append(score_run(run, qrels, name, form))
    # One table, grouped by form so the two forms are never compared by accident.
    order = {"message": 0, "summary": 1}
    results.sort(key=lambda r: order.get(r.form, 2))

    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
