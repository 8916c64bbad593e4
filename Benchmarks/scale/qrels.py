#!/usr/bin/env python3
"""Judgements for a grown corpus: every copy of a judged answer carries the original's grade.

    Benchmarks/scale/qrels.py --factor 50 --out /tmp/medsearch-scale/qrels-50x.txt
    medsearch eval --db /tmp/medsearch-scale-50x.sqlite --qrels /tmp/medsearch-scale/qrels-50x.txt \\
        --questions ../shared/data/liveqa-dev/…dev.xml --field summary

`grow.py` keeps copy 0 as the original collection and names copy j of the answer
`<source>_<document>_Sec<n>` `<source>_<document>xNN_Sec<n>` (NN = j, two digits). A copy keeps
its answer's topic and most of its sentences, so it is judged as its original was: an
approximation that lets `eval` compare two rankings of the same grown index (say, with and
without `postingBudget`) by the protocol's measures. Without it, the copies are unjudged and a
ranking that puts copies first scores 0. The output is derived from ../shared and must not be
committed.
"""
import argparse
import os
import re
import sys

ANSWER = re.compile(r"^(.*)_(Sec\d+)(\.txt)?$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, required=True, help="the factor grow.py used (2-99)")
    parser.add_argument("--out", required=True, help="where to write the grown judgements")
    default = os.path.join(os.environ.get("MEDSEARCH_SHARED_DATA", os.path.join(os.path.dirname(__file__), "../../../shared/data")),
                           "liveqa-dev/qrels-medquad-judged.dev.txt")
    parser.add_argument("--qrels", default=default, help="the original judgements (default: the LiveQA dev qrels)")
    args = parser.parse_args()
    if not 2 <= args.factor <= 99:
        parser.error("--factor must be between 2 and 99 (grow.py numbers copies with two digits)")
    written = 0
    with open(args.qrels, encoding="utf-8") as source, open(args.out, "w", encoding="utf-8") as out:
        for number, line in enumerate(source, 1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) < 3:
                print(f"{args.qrels}:{number}: expected `qid grade answer-id`, got {line.strip()!r}", file=sys.stderr)
                return 1
            out.write(" ".join(fields) + "\n")
            match = ANSWER.match(fields[-1])
            if not match:
                print(f"{args.qrels}:{number}: answer id {fields[-1]!r} has no _Sec<n>; copied as is", file=sys.stderr)
                continue
            stem, section, suffix = match.group(1), match.group(2), match.group(3) or ""
            for copy in range(1, args.factor):
                out.write(" ".join(fields[:-1] + [f"{stem}x{copy:02d}_{section}{suffix}"]) + "\n")
                written += 1
    print(f"qrels.py: {written} judgements of copies written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
