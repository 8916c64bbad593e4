#!/usr/bin/env bash
# Compares medsearch binaries (or settings) side by side on this shared, noisy machine: runs
# `medsearch bench` for each in turn, ROUNDS times, and prints per binary the median of the
# runs' ranking p50 and p99 (and every run's p50), so that the machine's drift falls on all of
# them alike.
#
#   Benchmarks/alternate.sh DB FIELD NAME=BINARY[,--set,name=value...] ...
#   ROUNDS=9 PASSES=5 Benchmarks/alternate.sh /tmp/medquad.sqlite message \
#       before=/tmp/medsearch-before after=.build/release/medsearch
#   Benchmarks/alternate.sh /tmp/medquad.sqlite message a=.build/release/medsearch \
#       b=.build/release/medsearch,--set,maximumTerms=24
#
# DB is a built index; FIELD is message or summary (the LiveQA dev questions, as speed.sh
# asks them). A binary may carry extra `bench` arguments after commas. Environment: ROUNDS
# (default 5), PASSES (timed passes per run, default 5), MEDSEARCH_SHARED_DATA.
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# < 3)); then sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
db="$1" field="$2"
shift 2
data="${MEDSEARCH_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
questions="$data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml"
rounds="${ROUNDS:-5}" passes="${PASSES:-5}"
[ -e "$db" ] || { echo "alternate.sh: no index at $db" >&2; exit 2; }
[ -e "$questions" ] || { echo "alternate.sh: missing $questions (set MEDSEARCH_SHARED_DATA)" >&2; exit 2; }
case "$field" in message|summary) ;; *) echo "alternate.sh: FIELD must be message or summary" >&2; exit 2 ;; esac

names=() commands=()
for spec in "$@"; do
  name="${spec%%=*}" rest="${spec#*=}"
  [[ "$spec" == *=* && -n "$name" ]] || { echo "alternate.sh: expected NAME=BINARY, got '$spec'" >&2; exit 2; }
  IFS=, read -r -a parts <<<"$rest"
  [ -x "${parts[0]}" ] || { echo "alternate.sh: not an executable: ${parts[0]}" >&2; exit 2; }
  names+=("$name") commands+=("$rest")
done

results="$(mktemp)" report="$(mktemp)" errors="$(mktemp)"
trap 'rm -f "$results" "$report" "$errors"' EXIT
echo "alternate.sh: $rounds rounds × ${#names[@]} binaries, $passes passes each, $field, $db; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((round = 1; round <= rounds; round++)); do
  for i in "${!names[@]}"; do
    IFS=, read -r -a parts <<<"${commands[$i]}"
    if ! "${parts[0]}" bench --db "$db" --questions "$questions" --field "$field" --passes "$passes" --format json \
      "${parts[@]:1}" >"$report" 2>"$errors"; then
      echo "alternate.sh: ${names[$i]} failed:" >&2
      cat "$errors" >&2
      exit 1
    fi
    python3 -c 'import json, sys
ranking = json.load(open(sys.argv[2]))["ranking"]
print(sys.argv[1], ranking["p50Milliseconds"], ranking["p99Milliseconds"])' "${names[$i]}" "$report" >>"$results"
  done
done
python3 - "$results" "${names[@]}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for name in sys.argv[2:]:
    p50 = [float(r[1]) for r in rows if r[0] == name]
    p99 = [float(r[2]) for r in rows if r[0] == name]
    print(f"{name}: ranking p50 median {statistics.median(p50):.3f} ms, p99 median {statistics.median(p99):.3f} ms"
          f"  (p50 per run: {' '.join(f'{v:.3f}' for v in p50)})")
EOF
