#!/usr/bin/env python3
"""Grow the MedQuAD evaluation corpus k times by varying its real answers, for scale benchmarks.

    Benchmarks/scale/grow.py --factor 10 --out /tmp/medsearch-scale/medquad-10x
    Benchmarks/scale/grow.py --factor 50 --out DIR [--source DIR] [--seed N] [--force]

Writes a MedQuAD directory tree that `medsearch index` reads unchanged:

- copy 0 is the original collection, byte for byte (XML, judged-answers.csv, readme, licence),
  so the original answer ids — and the LiveQA judgements — stay valid in the grown corpus;
- copies 1..k-1 sit beside it in the same folders: `1_CancerGov_QA/0000001_1.xml` becomes
  `0000001_1x01.xml` … with `<Document id="0000001_1x01">` and qids `0000001_1x01-<n>`. The
  parser derives article ids `<source>_<Document id>` and answer ids `<source>_<id>_Sec<n>` from
  the id, and the originals' ids are digits and underscores only, so no copy collides with an
  original or with another copy. (The nine CancerGov files that repeat one document id repeat it
  in every copy too, and are skipped the same way.)
- the 1,489 answers whose text only `judged-answers.csv` holds are written into the copies'
  `<Answer>` elements: the CSV fills answers by id and the copies' ids are new, so without that a
  copy would lose them. Every copy then holds as many answers as the original (17,862), and the
  k-times corpus about k × 17,862 passages. Files in the unsupported `<doc>` layout (four NINDS
  files, skipped by the indexer) are not copied.

How a copy's answer differs from the original (each copy, file and answer draws from its own
seeded random stream, so a run is reproducible and independent of the other factors):

1. sentence order: the sentences of each paragraph (answer line) are shuffled;
2. sentence exchange: each sentence of five words or more is replaced, with probability
   EXCHANGE, by a sentence drawn from answers of the same question type (`qtype`) elsewhere in
   the collection (a fixed-size seeded sample per type, gathered in a first pass). Answers keep
   their topic and length but are no longer copies: terms co-occur in new combinations and the
   document frequency of a word grows unevenly, as in a larger real collection;
3. word-level perturbation: each word is dropped with probability DROP (changes lengths and
   positions), and a word of six letters or more is misspelled (two letters swapped, one
   dropped or doubled) with probability TYPO / sqrt(copy): mostly a new, rare term. The falling
   rate keeps the vocabulary growing sublinearly, as in real text (Heaps' law), instead of not
   at all (exact copies) or linearly. Measured on the FTS5 vocabulary (porter): 26,612 terms at
   1x, 42,016 at 3x, 55,563 at 10x (Heaps with β = 0.5 would give 46,100 and 84,200; repeated
   misspellings of frequent words make the growth a little slower).

Questions, focus, synonyms and annotations are kept: many pages on the same topics is what a
larger health collection looks like, and the questions of the benchmark must still find them.

Standard library only. Streaming: one source file is read, varied k-1 times and written before
the next; memory holds only the sentence samples and the judged-answers text (a few MB),
whatever the factor. The finished tree is written to OUT.partial and renamed to OUT, with a
`.grow.json` marker (hidden, so the indexer skips it); a second run with the same factor, seed
and generator finds the marker and does nothing (--force regenerates).
"""

import argparse
import csv
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import time
import xml.etree.ElementTree as ET

EXCHANGE = 0.15  # probability that a sentence is replaced by one of the same question type
DROP = 0.02  # probability that a word is dropped
TYPO = 0.02  # probability that a word of 6+ letters is misspelled in copy 1; copy j: TYPO / sqrt(j)
POOL_SIZE = 4000  # sentences kept per question type for exchanges
MIN_EXCHANGE_WORDS = 5  # shorter "sentences" (headings such as "Key Points") stay in place
MAX_FACTOR = 100

SUPPLEMENT = "judged-answers.csv"
MARKER = ".grow.json"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'-])")


def clean_answer(text):
    """As MedQuADParser.cleanAnswer: lines trimmed, blank lines dropped."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def id_source(source):
    return "MPlusHerbsSuppls" if source == "MPlusHerbsSupplements" else source


def read_supplement(path):
    """Answer id -> answer text, as MedQuADSupplement reads judged-answers.csv."""
    answers = {}
    if not os.path.exists(path):
        return answers
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        for row in rows:
            if len(row) < 2:
                continue
            answer_id = row[0].strip()
            if answer_id.endswith(".txt"):
                answer_id = answer_id[:-4]
            text = row[1]
            marker = text.find("\nAnswer:")
            if marker >= 0:
                text = text[marker + len("\nAnswer:"):]
            answers[answer_id] = clean_answer(text)
    return answers


class Document:
    """One parsed MedQuAD file, with what a copy changes remembered from the original."""

    def __init__(self, path, supplement):
        self.root = ET.parse(path).getroot()
        if self.root.tag not in ("Document", "DiseaseFile"):
            raise ValueError("not in the <Document> layout")
        self.id_attribute = "id" if self.root.get("id") is not None else "fid"
        self.id = self.root.get(self.id_attribute) or ""
        source = id_source(self.root.get("source") or "")
        self.questions = []  # (element, original qid)
        self.answers = []  # (element, qtype, original text, filled from the supplement or None)
        qtype = ""
        for element in self.root.iter():
            if element.tag == "Question":
                qtype = element.get("qtype") or ""
                self.questions.append((element, element.get("qid")))
            elif element.tag == "Answer":
                answer_id = f"{source}_{self.id}_Sec{len(self.answers) + 1}"
                text = clean_answer("".join(element.itertext()))
                if not text:
                    text = supplement.get(answer_id, "")
                self.answers.append((element, qtype, text))

    def write_copy(self, path, copy, vary):
        new_id = f"{self.id}x{copy:02d}"
        self.root.set(self.id_attribute, new_id)
        for element, qid in self.questions:
            if qid:
                element.set("qid", qid.replace(self.id, new_id, 1))
        varied = 0
        for element, qtype, text in self.answers:
            for child in list(element):
                element.remove(child)
            element.text = vary(text, qtype) if text else None
            varied += bool(text)
        body = ET.tostring(self.root, encoding="unicode")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            handle.write(body)
            handle.write("\n")
        return varied


def sentences(paragraph):
    return [s for s in SENTENCE_END.split(paragraph) if s]


def source_files(source):
    """Every file under source, as sorted relative paths (hidden entries left out)."""
    found = []
    for folder, folders, files in os.walk(source):
        folders[:] = sorted(d for d in folders if not d.startswith("."))
        for name in files:
            if not name.startswith("."):
                found.append(os.path.relpath(os.path.join(folder, name), source))
    return sorted(found)


def gather_pools(source, files, supplement, seed):
    """A seeded reservoir sample of POOL_SIZE sentences per question type, over the collection."""
    rng = random.Random(f"{seed}:pool")
    pools, seen = {}, {}
    for relative in files:
        if not relative.endswith(".xml"):
            continue
        try:
            document = Document(os.path.join(source, relative), supplement)
        except (ET.ParseError, ValueError):
            continue
        for _, qtype, text in document.answers:
            for paragraph in text.split("\n"):
                for sentence in sentences(paragraph):
                    if len(sentence.split()) < MIN_EXCHANGE_WORDS:
                        continue
                    pool = pools.setdefault(qtype, [])
                    seen[qtype] = seen.get(qtype, 0) + 1
                    if len(pool) < POOL_SIZE:
                        pool.append(sentence)
                    else:
                        slot = rng.randrange(seen[qtype])
                        if slot < POOL_SIZE:
                            pool[slot] = sentence
    return pools


def make_vary(pools, rng, copy):
    typo = TYPO / math.sqrt(copy)

    def perturb(word):
        """A misspelling (letters swapped, dropped or doubled) of a long word, else nothing."""
        if len(word) >= 6 and word.isalpha() and rng.random() < typo / (DROP + typo):
            i = rng.randrange(1, len(word) - 1)
            kind = rng.randrange(3)
            if kind == 0:
                return word[:i] + word[i + 1] + word[i] + word[i + 2:]
            return word[:i] + word[i + 1:] if kind == 1 else word[:i] + word[i] + word[i:]
        return ""

    def vary(text, qtype):
        pool = pools.get(qtype)
        paragraphs = []
        for paragraph in text.split("\n"):
            parts = sentences(paragraph)
            rng.shuffle(parts)
            if pool:
                for i, sentence in enumerate(parts):
                    if rng.random() < EXCHANGE and len(sentence.split()) >= MIN_EXCHANGE_WORDS:
                        parts[i] = rng.choice(pool)
            words = " ".join(parts).split()
            # Stochastic rounding keeps the expected number of edits exact for short lines.
            edits = int(len(words) * (DROP + typo) + rng.random())
            for position in rng.sample(range(len(words)), min(edits, len(words))):
                words[position] = perturb(words[position])
            line = " ".join(word for word in words if word)
            if line:
                paragraphs.append(line)
        return "\n".join(paragraphs) or text

    return vary


def tree_bytes(source, files):
    return sum(os.path.getsize(os.path.join(source, relative)) for relative in files)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("MEDSEARCH_SHARED_DATA") or os.path.join(here, "..", "..", "..", "shared", "data")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, required=True, help=f"how many copies in all (1-{MAX_FACTOR})")
    parser.add_argument("--out", required=True, help="the folder to write (replaced when stale)")
    parser.add_argument("--source", default=os.path.join(shared, "medquad"),
                        help="the MedQuAD folder (default: $MEDSEARCH_SHARED_DATA/medquad or ../shared/data/medquad)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--force", action="store_true", help="regenerate even if OUT is up to date")
    args = parser.parse_args()
    if not 1 <= args.factor <= MAX_FACTOR:
        parser.error(f"--factor must be 1-{MAX_FACTOR}")
    source, out = os.path.abspath(args.source), os.path.abspath(args.out)
    if not os.path.isdir(source):
        sys.exit(f"grow.py: MedQuAD not found at {source} (pass --source or set MEDSEARCH_SHARED_DATA)")

    with open(os.path.abspath(__file__), "rb") as handle:
        generator = hashlib.sha256(handle.read()).hexdigest()[:16]
    wanted = {"factor": args.factor, "seed": args.seed, "generator": generator, "source": source}
    try:
        with open(os.path.join(out, MARKER)) as handle:
            done = json.load(handle)
        if not args.force and all(done.get(key) == value for key, value in wanted.items()):
            print(f"grow.py: {out} is up to date ({done['answers']} answers, factor {args.factor})")
            return
    except (OSError, ValueError):
        pass

    files = source_files(source)
    # Copies hold the judged-only answers inline: a little more than the source per copy.
    need = tree_bytes(source, files) * args.factor * 1.1 + (1 << 30)
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    free = shutil.disk_usage(parent).free
    if free < need:
        sys.exit(f"grow.py: {parent} has {free / 2**30:.1f} GiB free, the {args.factor}x tree needs "
                 f"about {need / 2**30:.1f} GiB (with 1 GiB to spare)")

    started = time.monotonic()
    supplement = read_supplement(os.path.join(source, SUPPLEMENT))
    pools = gather_pools(source, files, supplement, args.seed) if args.factor > 1 else {}
    partial = out + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    answers = written = 0
    for relative in files:
        origin, target = os.path.join(source, relative), os.path.join(partial, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(origin, target)
        written += 1
        if not relative.endswith(".xml"):
            continue
        try:
            document = Document(origin, supplement)
        except (ET.ParseError, ValueError):
            continue  # the <doc> layout: the indexer skips it anyway
        answers += sum(bool(text) for _, _, text in document.answers)
        stem = target[:-len(".xml")]
        for copy in range(1, args.factor):
            rng = random.Random(f"{args.seed}:{relative}:{copy}")
            answers += document.write_copy(f"{stem}x{copy:02d}.xml", copy, make_vary(pools, rng, copy))
            written += 1
    with open(os.path.join(partial, MARKER), "w") as handle:
        json.dump(dict(wanted, files=written, answers=answers), handle, indent=1)
    shutil.rmtree(out, ignore_errors=True)
    os.rename(partial, out)
    print(f"grow.py: wrote {written} files, {answers} answers ({args.factor}x) to {out} "
          f"in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
