#!/usr/bin/env bash
# Answer quality, side by side in one run: MedSearch and the peers (bm25s, tantivy) on the
# LiveQA-Med development questions over the MedQuAD evaluation corpus, both question forms (and
# MedSearch alone on the paraphrase form, a third wording read for one change only: TQ9);
# then MedSearch on the Corpus question set, its held-out set, its fresh set, its blind9 to blind24 sets. Prints the tables that Benchmarks/RESULTS.md holds.
#
#   Benchmarks/quality.sh            # build, index MedQuAD (kept in $WORK), evaluate, compare
#   WORK=/tmp/x Benchmarks/quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data="${MEDSEARCH_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
work="${WORK:-/tmp/medsearch-quality}"
mkdir -p "$work"
for need in "$data/medquad" "$data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml" "$data/liveqa-dev/qrels-medquad-judged.dev.txt"; do
  [ -e "$need" ] || { echo "missing: $need (set MEDSEARCH_SHARED_DATA)" >&2; exit 2; }
done

swift build -c release --static-swift-stdlib >/dev/null
bin=.build/release/medsearch
echo "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d), $(nproc) cores"
"$bin" index "$data/medquad" --db "$work/medquad.sqlite" --rebuild 2>/dev/null
for form in message summary; do
  "$bin" eval --db "$work/medquad.sqlite" --field "$form" \
    --questions "$data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml" \
    --qrels "$data/liveqa-dev/qrels-medquad-judged.dev.txt" --run-out "$work/medsearch.$form.run" > "$work/medsearch.$form.txt"
  echo "medsearch $form: $(grep "^latency" "$work/medsearch.$form.txt")"
done
Benchmarks/peers/compare.sh --data "$data" --out "$work/peers" "$work/medsearch.message.run" "$work/medsearch.summary.run"

echo
echo "The same questions' paraphrase form (NIST-PARAPHRASE; a third wording, read for one change only, TQ9; MedSearch only):"
"$bin" eval --db "$work/medquad.sqlite" --field paraphrase \
  --questions "$data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml" \
  --qrels "$data/liveqa-dev/qrels-medquad-judged.dev.txt" --run-out "$work/medsearch.paraphrase.run" | grep -E "^avgScore"

# One Corpus set: its file prefix ("" for the tuned set) and what it is.
corpus_set() {
  echo
  echo "$2"
  "$bin" eval --db "$work/corpus.sqlite" --questions "Benchmarks/corpus-questions/${1}questions.tsv" \
    --qrels "Benchmarks/corpus-questions/${1}qrels.txt"
}
"$bin" index Corpus --db "$work/corpus.sqlite" --rebuild >/dev/null
corpus_set "" "Corpus question set (Benchmarks/corpus-questions):"
corpus_set heldout- "Held-out Corpus question set (Benchmarks/corpus-questions/heldout-*; judge by its totals, do not tune on it):"
corpus_set fresh- "Fresh Corpus question set (fresh-*; written blind in session 8, measured blind once, see RESULTS; do not tune on it):"
corpus_set blind9- "Blind9 Corpus question set (blind9-*; written blind in session 9, measured blind once, see RESULTS; do not tune on it):"
for n in 10 11 12 13; do
  corpus_set "blind$n-" "Blind$n Corpus question set (blind$n-*; written blind in session 10, measured blind once, see RESULTS; read after it):"
done
corpus_set blind14- "Blind14 Corpus question set (blind14-*; written blind in session 10, measured blind once on its last code, see RESULTS; read in session 11):"
for n in 15 16 17 18; do
  corpus_set "blind$n-" "Blind$n Corpus question set (blind$n-*; written blind in session 11, measured on its code, see RESULTS; read in session 12):"
done
for n in 19 20 23; do
  corpus_set "blind$n-" "Blind$n Corpus question set (blind$n-*; written blind in session 12, measured once on its code, see RESULTS; read after it):"
done
for n in 21 22 24; do
  corpus_set "blind$n-" "Blind$n Corpus question set (blind$n-*; written blind in session 12, measured on its code, see RESULTS; unseen: do not read or tune on it):"
done
