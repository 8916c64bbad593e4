#!/usr/bin/env bash
# Scale (issue 6): MedSearch on the MedQuAD evaluation corpus grown 1x, 10x and 50x by
# Benchmarks/scale/grow.py (varied copies of the real answers). For each factor: index size on
# disk, build time and build peak memory (`/usr/bin/time -v medsearch index --rebuild`), and the
# answer latency p50/p99 of `medsearch bench` on the LiveQA dev questions, both question forms,
# and their answer quality (`medsearch eval`; a grown copy judged as its original, qrels.py).
# Prints a markdown table for Benchmarks/RESULTS.md, with the commit and the command.
#
#   Benchmarks/scale/run.sh                  # factors 1 10 50
#   Benchmarks/scale/run.sh 1 10             # other factors (1-100)
#   Benchmarks/scale/run.sh --clean 10 50    # delete each generated XML tree once measured
#   WORK=/tmp/x PASSES=5 SEED=6 Benchmarks/scale/run.sh
#
# 1x indexes ../shared/data/medquad itself. The grown trees ($WORK/medquad-<N>x, about 63 MB of
# XML per factor unit: 3.2 GB at 50x) are generated once and reused by later runs; the indexes
# are $WORK/medsearch-scale-<N>x.sqlite (about 90 MB per factor unit) and the raw outputs
# $WORK/medsearch-scale-<N>x.{index.json,time.txt,message.json,summary.json}.
set -euo pipefail
command_line="Benchmarks/scale/run.sh${*:+ $*}"
cd "$(dirname "$0")/../.."
data="${MEDSEARCH_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
work="${WORK:-/tmp}"
passes="${PASSES:-5}"
seed="${SEED:-6}"
questions="$data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml"

clean=0
factors=()
for arg in "$@"; do
  case "$arg" in
    --clean) clean=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*|'') echo "run.sh: not a factor: '$arg' (whole numbers 1-100, or --clean)" >&2; exit 2 ;;
    *) arg=$((10#$arg))
       ((arg >= 1 && arg <= 100)) || { echo "run.sh: factor $arg out of 1-100" >&2; exit 2; }
       factors+=("$arg") ;;
  esac
done
((${#factors[@]})) || factors=(1 10 50)

for need in "$data/medquad" "$questions"; do
  [ -e "$need" ] || { echo "missing: $need (set MEDSEARCH_SHARED_DATA)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

log="$work/medsearch-scale-build.log"
echo "building (swift build -c release --static-swift-stdlib)…" >&2
swift build -c release --static-swift-stdlib >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
bin=.build/release/medsearch

commit="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- Sources Package.swift || commit="$commit + uncommitted changes"
load="$(cut -d' ' -f1-3 /proc/loadavg)"

# JSON field of a file (python3 is already needed by grow.py).
# A field of a JSON file; a dotted name reaches into objects ("ranking.p50Milliseconds").
field() { python3 -c 'import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."): value = value[key]
print(value)' "$1" "$2"; }
# /usr/bin/time -v's "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" in seconds.
wall_seconds() {
  sed -n 's/.*Elapsed (wall clock) time[^)]*): //p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }'
}
peak_mib() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }
free_mib() { df -Pk "$1" | awk 'NR == 2 { printf "%d", $4 / 1024 }'; }

rows=()
for n in "${factors[@]}"; do
  if ((n == 1)); then
    corpus="$data/medquad"
  else
    corpus="$work/medquad-${n}x"
    echo "${n}x: generating $corpus (skipped when up to date)…" >&2
    python3 Benchmarks/scale/grow.py --source "$data/medquad" --factor "$n" --seed "$seed" --out "$corpus" >&2
  fi

  db="$work/medsearch-scale-${n}x.sqlite"
  out="$work/medsearch-scale-${n}x"
  rm -f "$db" "$db-wal" "$db-shm"
  # About 90 MiB of index per factor unit (88 MB at 1x), plus room for SQLite's temporary files.
  need=$((n * 120 + 500))
  have="$(free_mib "$work")"
  ((have >= need)) || { echo "run.sh: $work has $have MiB free, the ${n}x index needs about $need MiB" >&2; exit 1; }

  echo "${n}x: indexing…" >&2
  /usr/bin/time -v "$bin" index "$corpus" --db "$db" --rebuild --format json \
    >"$out.index.json" 2>"$out.time.txt" || { tail -30 "$out.time.txt" >&2; exit 1; }
  passages="$(field "$out.index.json" passages)"
  size_mib="$(for f in "$db" "$db-wal"; do [ ! -e "$f" ] || stat -c %s "$f"; done |
    awk '{ s += $1 } END { printf "%.0f", s / 1048576 }')"
  seconds="$(wall_seconds "$out.time.txt")"
  peak="$(peak_mib "$out.time.txt")"

  latency=()
  for form in message summary; do
    echo "${n}x: bench --field $form…" >&2
    "$bin" bench --db "$db" --questions "$questions" --field "$form" --passes "$passes" --format json \
      >"$out.$form.json"
    latency+=("$(printf '%.2f / %.2f' "$(field "$out.$form.json" ranking.p50Milliseconds)" \
      "$(field "$out.$form.json" ranking.p99Milliseconds)")")
    latency+=("$(printf '%.1f / %.1f' "$(field "$out.$form.json" p50Milliseconds)" \
      "$(field "$out.$form.json" p99Milliseconds)")")
  done
  # Answer quality by the protocol, a grown copy judged as its original (Benchmarks/scale/qrels.py).
  qrels="$data/liveqa-dev/qrels-medquad-judged.dev.txt"
  if ((n > 1)); then
    python3 Benchmarks/scale/qrels.py --factor "$n" --qrels "$qrels" --out "$out.qrels.txt" 2>/dev/null
    qrels="$out.qrels.txt"
  fi
  quality=()
  for form in message summary; do
    echo "${n}x: eval --field $form…" >&2
    "$bin" eval --db "$db" --questions "$questions" --qrels "$qrels" --field "$form" --format json >"$out.$form.eval.json"
    quality+=("$(printf '%.3f / %.3f' "$(field "$out.$form.eval.json" liveQA.avgScore)" "$(field "$out.$form.eval.json" liveQA.ndcg10)")")
  done
  rows+=("| ${n}x | $(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$passages") | $size_mib | $seconds | $peak | ${latency[0]} | ${latency[2]} | ${latency[1]} | ${latency[3]} | ${quality[0]} | ${quality[1]} |")
  if ((clean && n > 1)); then rm -rf "$corpus"; fi
done

echo
echo "Command: \`$command_line\` (release build; corpus grown by \`Benchmarks/scale/grow.py\`, seed $seed;"
echo "\`medsearch bench --passes $passes\` on the $(field "$out.message.json" questions) LiveQA dev questions). Commit \`$commit\`,"
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average at the start $load."
echo
echo "| corpus | passages | index MiB | build s | build peak MiB | ranking p50 / p99 ms, message | ranking, summary | full answers p50 / p99 ms, message | full answers, summary | avgScore / nDCG@10, message | avgScore / nDCG@10, summary |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
