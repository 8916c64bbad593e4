#!/usr/bin/env python3
"""Evaluation corpus and LiveQA dev questions, read from the shared data directory.

The corpus follows the definition in the shared data README: every MedQuAD XML answer that has
text, plus every answer of judged-answers.csv that the XML lacks (17,862 answers). Nothing here
is copied into the repository; the data is read at run time from the directory given on the
command line, or MEDSEARCH_SHARED_DATA, or ../shared/data beside the repository root.

Run it directly to check the data and print a few counts:

    python3 corpus.py [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

# The count the shared data README gives for the evaluation corpus. Asserted so that a change in
# the data or in the parsing rules below is noticed instead of silently shifting every score.
EXPECTED_CORPUS_SIZE = 17_862
EXPECTED_XML_ANSWERS = 16_373

# The judged answers spell this one source differently from the XML `source` attribute.
SOURCE_ALIASES = {"MPlusHerbsSupplements": "MPlusHerbsSuppls"}

QUESTIONS_FILE = "TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml"
QRELS_FILE = "qrels-medquad-judged.dev.txt"

# judged-answers.csv stores each answer as three labelled parts. The question part may carry
# "(Also called: ...)" synonyms; the answer part may itself contain the word "Question:", so the
# match is anchored on the URL line rather than on the labels alone.
_CSV_ANSWER = re.compile(r"\AQuestion: (?P<q>.*?)\nURL: (?P<url>.*?)\nAnswer: (?P<a>.*)\Z", re.S)
_ALSO_CALLED = re.compile(r"\s*\(Also called:.*\)\s*$")


@dataclass(frozen=True)
class Answer:
    id: str  # <source>_<Document id>_Sec<n>, as in the qrels
    question: str
    focus: str
    text: str
    origin: str  # "xml" or "csv": where the answer text came from


@dataclass(frozen=True)
class Question:
    qid: str  # TQ<number>
    message: str  # SUBJECT + " " + MESSAGE, as the person typed it
    summary: str  # NLM-Summary, a short clean paraphrase


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    env = os.environ.get("MEDSEARCH_SHARED_DATA")
    if env:
        return Path(env)
    return repo_root().parent / "shared" / "data"


def check_data_dir(data_dir: Path) -> None:
    """Fail early, naming every missing piece, rather than deep inside a parser."""
    needed = [
        data_dir / "medquad",
        data_dir / "medquad" / "judged-answers.csv",
        data_dir / "liveqa-dev" / QUESTIONS_FILE,
        data_dir / "liveqa-dev" / QRELS_FILE,
    ]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        raise SystemExit(
            "MedSearch shared evaluation data not found. Missing:\n  "
            + "\n  ".join(missing)
            + "\nPass the data directory as an argument or set MEDSEARCH_SHARED_DATA "
            "(default: ../shared/data beside the repository root)."
        )


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def read_xml_pairs(medquad_dir: Path) -> dict[str, Answer]:
    """Every question-answer pair of the MedQuAD XML tree, keyed by answer id.

    The text is empty where the publishers removed the answer (the three MedlinePlus subsets);
    question and focus are still there.

    Only elements named QAPair/Question/Answer are read, whatever the root element is called
    (one CDC file uses <DiseaseFile fid=...> instead of <Document id=...>). Four NINDS files use
    a different lower-case schema (<doc>/<pair>/<answer>); they are deliberately not read, since
    the README's counts (47,407 pairs, 16,373 with text) exclude them and none of their answers
    was judged.

    Two CancerGov document ids (0000013_2, 0000013_3) are each shared by several files; the ids
    of the qrels cannot tell them apart, so the first file in path order wins for each position.
    """
    pairs: dict[str, Answer] = {}
    for path in sorted(medquad_dir.glob("*/*.xml")):
        root = ET.parse(path).getroot()
        source = root.get("source", "")
        source = SOURCE_ALIASES.get(source, source)
        doc_id = root.get("id") or root.get("fid") or path.stem
        focus = _clean(root.findtext("Focus"))
        # n is the position in the document, not the pid attribute (pids skip numbers).
        for n, pair in enumerate(root.findall("./QAPairs/QAPair"), start=1):
            answer_id = f"{source}_{doc_id}_Sec{n}"
            if answer_id not in pairs:
                pairs[answer_id] = Answer(answer_id, _clean(pair.findtext("Question")), focus,
                                          (pair.findtext("Answer") or "").strip(), "xml")
    return pairs


def read_judged_answers(csv_path: Path) -> dict[str, tuple[str, str]]:
    """judged-answers.csv as {answer id: (question, answer text)}; duplicate rows collapse."""
    judged: dict[str, tuple[str, str]] = {}
    with csv_path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            answer_id = row["AnswerID"].removesuffix(".txt")
            m = _CSV_ANSWER.match(row["Answer"])
            if not m:
                raise ValueError(f"{csv_path}: unexpected answer layout for {answer_id}")
            judged[answer_id] = (_clean(m["q"]), m["a"].strip())
    return judged


def load_corpus(data_dir: Path, check_count: bool = True) -> list[Answer]:
    """The evaluation corpus in a stable order: XML answers, then CSV-only answers, by id."""
    medquad = data_dir / "medquad"
    xml_pairs = read_xml_pairs(medquad)
    xml_answers = {k: a for k, a in xml_pairs.items() if a.text}
    judged = read_judged_answers(medquad / "judged-answers.csv")

    corpus = [xml_answers[k] for k in sorted(xml_answers)]
    for answer_id in sorted(set(judged) - set(xml_answers)):
        csv_question, text = judged[answer_id]
        # The emptied XML pair still has its question and focus. Its question is preferred to
        # the CSV's, which appends "(Also called: ...)" synonyms that no XML question carries:
        # those extra words would favour exactly the judged answers (and the published peer
        # scores were measured without them).
        pair = xml_pairs.get(answer_id)
        if pair is not None:
            question, focus = pair.question, pair.focus
        else:
            question, focus = _ALSO_CALLED.sub("", csv_question), ""
        corpus.append(Answer(answer_id, question, focus, text, "csv"))

    if check_count:
        assert len(xml_answers) == EXPECTED_XML_ANSWERS, (
            f"expected {EXPECTED_XML_ANSWERS} XML answers with text, found {len(xml_answers)}"
        )
        assert len(corpus) == EXPECTED_CORPUS_SIZE, (
            f"expected {EXPECTED_CORPUS_SIZE} answers in the corpus, found {len(corpus)}"
        )
    return corpus


def load_questions(data_dir: Path) -> list[Question]:
    root = ET.parse(data_dir / "liveqa-dev" / QUESTIONS_FILE).getroot()
    questions = []
    for q in root.iter("NLM-QUESTION"):
        original = q.find("Original-Question")
        subject = _clean(original.findtext("SUBJECT")) if original is not None else ""
        message = _clean(original.findtext("MESSAGE")) if original is not None else ""
        questions.append(
            Question(
                qid=q.get("qid"),
                message=f"{subject} {message}".strip(),
                summary=_clean(q.findtext("NLM-Summary")),
            )
        )
    return questions


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="shared data directory")
    args = ap.parse_args(argv)
    check_data_dir(args.data)
    corpus = load_corpus(args.data)
    questions = load_questions(args.data)
    from_csv = sum(a.origin == "csv" for a in corpus)
    size = sum(len(a.text.encode()) for a in corpus)
    print(f"corpus: {len(corpus)} answers ({len(corpus) - from_csv} from XML, {from_csv} from CSV), "
          f"{size / 1e6:.1f} MB of answer text")
    print(f"questions: {len(questions)} ({questions[0].qid} .. {questions[-1].qid})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
