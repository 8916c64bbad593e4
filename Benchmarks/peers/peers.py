#!/usr/bin/env python3
"""Peer engines for MedSearch: bm25s and tantivy on the same corpus and questions.

    python3 peers.py [--data DIR] [--out DIR] [--repeat N] [--engines bm25s,tantivy]

Builds each engine's index in memory from the evaluation corpus (see corpus.py), answers the
LiveQA dev questions in both query forms and writes, in the output directory
(default /tmp/medsearch-peers):

    <engine>.<form>.run   TREC run files, top 10: qid Q0 answer-id rank score <engine>-<form>
    timings.json          corpus load and index build seconds, search latency percentiles

Settings are the ones the shared data README lists for the published peer scores:
  bm25s 0.3.16  default BM25 (Lucene variant, k1 1.5, b 0.75), bm25s's English stop words,
                Snowball English stemmer (PyStemmer); question + focus + answer as one text
  tantivy 0.27  en_stem tokenizer on three fields (question, focus, answer), queries parsed
                leniently over all three, OR of terms, after removing query syntax characters

Latency is measured in-process around the search call alone (query tokenising/parsing plus
retrieval of the top 10); loading the corpus, building the index and writing files are not
part of it. Each question is searched --repeat times, after one untimed warm-up pass.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

from corpus import Answer, Question, check_data_dir, default_data_dir, load_corpus, load_questions

TOP_K = 10
FORMS = ("message", "summary")

# (score, answer id) pairs, best first
Hits = list[tuple[float, str]]


class Bm25sPeer:
    name = "bm25s"

    def __init__(self) -> None:
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self._stemmer = Stemmer.Stemmer("english")
        self._retriever = None
        self._ids: list[str] = []

    def _tokenize(self, texts: list[str]):
        return self._bm25s.tokenize(texts, stopwords="en", stemmer=self._stemmer, show_progress=False)

    def build(self, corpus: list[Answer]) -> None:
        self._ids = [a.id for a in corpus]
        texts = [f"{a.question} {a.focus} {a.text}" for a in corpus]
        self._retriever = self._bm25s.BM25()
        self._retriever.index(self._tokenize(texts), show_progress=False)

    def save(self, path: Path) -> None:
        """The built index and its answer ids in a folder, for BM25.load (speed.py)."""
        self._retriever.save(str(path), show_progress=False)
        (path / "ids.json").write_text(json.dumps(self._ids))

    def load(self, path: Path, mmap: bool = True) -> None:
        """An index written by save(); memory-mapped by default."""
        self._retriever = self._bm25s.BM25.load(str(path), mmap=mmap, show_progress=False)
        self._ids = json.loads((path / "ids.json").read_text())

    def search(self, query: str) -> Hits:
        # Strings rather than the query's own token ids: retrieve() then looks each stem up in
        # the corpus vocabulary and drops the ones the corpus never saw.
        tokens = self._bm25s.tokenize([query], stopwords="en", stemmer=self._stemmer,
                                      return_ids=False, show_progress=False)
        if not tokens[0]:
            return []
        docs, scores = self._retriever.retrieve(tokens, k=TOP_K, show_progress=False)
        # A query whose every stem is unknown scores all documents 0; those ties mean nothing.
        return [(float(s), self._ids[int(d)]) for d, s in zip(docs[0], scores[0]) if s > 0]


class TantivyPeer:
    name = "tantivy"
    fields = ["question", "focus", "answer"]

    def __init__(self, path: Path | None = None) -> None:
        import tantivy

        self._tantivy = tantivy
        self._path = path  # None: the index lives in memory
        self._index = None
        self._searcher = None

    def build(self, corpus: list[Answer]) -> None:
        tv = self._tantivy
        sb = tv.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        for field in self.fields:
            sb.add_text_field(field, tokenizer_name="en_stem")
        if self._path is None:
            self._index = tv.Index(sb.build())  # in memory, like bm25s
        else:
            self._path.mkdir(parents=True, exist_ok=True)
            self._index = tv.Index(sb.build(), path=str(self._path), reuse=False)
        # One indexing thread puts the documents in one segment in corpus order, so that equal
        # scores (MedQuAD repeats some answers word for word under several ids) always break
        # the same way; with several threads the segment split, and so the run file, varies
        # from one build to the next.
        writer = self._index.writer(heap_size=256_000_000, num_threads=1)
        for a in corpus:
            writer.add_document(tv.Document(id=a.id, question=a.question, focus=a.focus, answer=a.text))
        writer.commit()
        writer.wait_merging_threads()
        self._index.reload()
        self._searcher = self._index.searcher()

    def open(self) -> None:
        """An index that build() wrote to this peer's path (speed.py)."""
        self._index = self._tantivy.Index.open(str(self._path))
        self._searcher = self._index.searcher()

    # Everything but letters, digits and spaces can be query syntax (field:, "phrase", +must,
    # -not, (groups), ^boost, [ranges], *, ~fuzzy, ...), so it becomes a space. Replacing rather
    # than escaping also keeps "don't" or "e-mail" from turning into phrase queries: the
    # en_stem tokenizer splits on those characters anyway. Case is kept, as in the published
    # measurement, so a shouted AND / OR still acts as an operator (see README.md).
    _SYNTAX = re.compile(r"[^\w\s]")

    @classmethod
    def clean(cls, query: str) -> str:
        return " ".join(cls._SYNTAX.sub(" ", query).split())

    # search() in three steps, so that speed.py can also time the searcher alone.
    def parse(self, query: str):
        """The cleaned question parsed over the three fields; None when nothing is left."""
        cleaned = self.clean(query)
        if not cleaned:
            return None
        parsed, _errors = self._index.parse_query_lenient(cleaned, self.fields)
        return parsed

    def top(self, parsed) -> list:
        """The searcher alone: (score, document address) of the top 10."""
        return self._searcher.search(parsed, TOP_K).hits

    def ids(self, hits: list) -> Hits:
        return [(score, self._searcher.doc(addr)["id"][0]) for score, addr in hits]

    def search(self, query: str) -> Hits:
        parsed = self.parse(query)
        return [] if parsed is None else self.ids(self.top(parsed))


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile: a value that was actually observed."""
    ordered = sorted(samples)
    rank = min(len(ordered), max(1, math.ceil(p / 100 * len(ordered))))
    return ordered[rank - 1]


def run_form(search: Callable[[str], Hits], questions: list[Question], form: str,
             repeat: int) -> tuple[dict[str, Hits], list[float]]:
    for q in questions:  # warm-up: caches, lazy imports, first-touch allocations
        search(getattr(q, form))
    results: dict[str, Hits] = {}
    latencies: list[float] = []
    for _ in range(repeat):
        for q in questions:
            text = getattr(q, form)
            t0 = time.perf_counter()
            hits = search(text)
            latencies.append(time.perf_counter() - t0)
            results[q.qid] = hits
    return results, latencies


def write_run(path: Path, results: dict[str, Hits], tag: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for qid, hits in results.items():
            for rank, (score, answer_id) in enumerate(hits[:TOP_K], start=1):
                fh.write(f"{qid} Q0 {answer_id} {rank} {score:.6f} {tag}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="shared data directory")
    ap.add_argument("--out", type=Path, default=Path("/tmp/medsearch-peers"), help="output directory")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes over the questions per form")
    ap.add_argument("--engines", default="bm25s,tantivy", help="comma-separated subset of bm25s,tantivy")
    args = ap.parse_args(argv)

    check_data_dir(args.data)
    args.out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    corpus = load_corpus(args.data)
    questions = load_questions(args.data)
    load_seconds = time.perf_counter() - t0
    print(f"corpus: {len(corpus)} answers, {len(questions)} questions, loaded in {load_seconds:.1f} s",
          flush=True)

    from importlib.metadata import version
    timings: dict = {
        "corpus_answers": len(corpus),
        "questions": len(questions),
        "corpus_load_seconds": round(load_seconds, 3),
        "repeat": args.repeat,
        "python": platform.python_version(),
        "engines": {},
    }
    peers = {"bm25s": Bm25sPeer, "tantivy": TantivyPeer}
    for name in args.engines.split(","):
        if name not in peers:
            raise SystemExit(f"unknown engine {name!r}; choose from {', '.join(peers)}")
        peer = peers[name]()
        t0 = time.perf_counter()
        peer.build(corpus)
        build_seconds = time.perf_counter() - t0
        entry = {"version": version(name), "build_seconds": round(build_seconds, 3), "forms": {}}
        print(f"{name} {entry['version']}: index built in {build_seconds:.2f} s", flush=True)
        for form in FORMS:
            results, lat = run_form(peer.search, questions, form, args.repeat)
            path = args.out / f"{name}.{form}.run"
            write_run(path, results, f"{name}-{form}")
            ms = [x * 1000 for x in lat]
            stats = {
                "searches": len(ms),
                "p50_ms": round(percentile(ms, 50), 3),
                "p90_ms": round(percentile(ms, 90), 3),
                "p99_ms": round(percentile(ms, 99), 3),
                "mean_ms": round(statistics.fmean(ms), 3),
                "max_ms": round(max(ms), 3),
            }
            entry["forms"][form] = stats
            print(f"  {form:7}  p50 {stats['p50_ms']:.2f} ms  p99 {stats['p99_ms']:.2f} ms  -> {path}",
                  flush=True)
        timings["engines"][name] = entry
        del peer  # free the index before building the next one

    (args.out / "timings.json").write_text(json.dumps(timings, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
