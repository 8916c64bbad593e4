#!/usr/bin/env bash
# Speed, side by side in one run on this machine: MedSearch, tantivy, bm25s and a naive FTS5
# query, on the MedQuAD evaluation index (17,862 answers) and the 104 LiveQA dev question texts
# (52 questions x the message and summary forms). Prints one markdown table.
#
#   Benchmarks/speed.sh                      # everything; work files in $WORK
#   WORK=/tmp/x REBUILD=1 Benchmarks/speed.sh
#
# Environment: WORK (default /tmp/medsearch-speed), MEDSEARCH_SHARED_DATA (default ../shared/data
# beside the repository), REBUILD=1 (rebuild and time the MedSearch index even when it is
# current), PASSES (timed passes, default 5), RUNS (timed whole-process runs, default 20), BUILDS
# (timed fresh builds of the MedSearch index, default 3).
#
# Steps, in this order:
#   1. swift build -c release --static-swift-stdlib (log in $WORK/build.log).
#   2. medsearch index <data>/medquad --db $WORK/medquad.sqlite --rebuild (from no file, BUILDS times,
#      default 3, the median run reported; the files read once before, untimed), when the index is
#      missing, was built by another binary, or REBUILD=1; timed with /usr/bin/time -v (wall
#      seconds, max RSS). A reused index has no build figure in the table.
#   3. medsearch bench --field message|summary --passes 5 --format json: warm in-process latency
#      (min/p50/p95/p99/max) of full answers — ranking, reading the chosen passages, picking
#      sentences, snippets and references — and peak memory.
#   4. Benchmarks/peers/run.sh --speed (peers/speed.py in the pinned venv): tantivy 0.27 and
#      bm25s 0.3.16 indexes (build time as peers.py measures it, plus a whole process writing
#      the on-disk index), their warm in-process latency over the same 104 texts (top 10,
#      time.perf_counter_ns around each search call only: text in, ids out — no answer text,
#      no snippets), the naive FTS5 query through Python's sqlite3 on MedSearch's own index,
#      and whole-process latency of one question per form with hyperfine (installed from
#      Debian if missing and possible; else a Python loop). speed.py's header says exactly
#      what each number includes.
# The table is also written to $WORK/speed.md, every measured figure to $WORK/speed.json.
# Latencies are only comparable within one run: the machine is shared, so compare ratios.
set -euo pipefail

cd "$(dirname "$0")/.."
repo="$(pwd)"
data="${MEDSEARCH_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
work="${WORK:-/tmp/medsearch-speed}"
passes="${PASSES:-5}"
runs="${RUNS:-20}"
questions="$data/liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml"
db="$work/medquad.sqlite"
bin="$repo/.build/release/medsearch"

command="Benchmarks/speed.sh"
for var in WORK MEDSEARCH_SHARED_DATA REBUILD PASSES RUNS BUILDS; do
  [[ -n "${!var:-}" ]] && command="$var=${!var} $command"
done

say() { echo "speed.sh: $*" >&2; }

for need in "$data/medquad" "$data/medquad/judged-answers.csv" "$questions"; do
  [[ -e "$need" ]] || { say "missing: $need (set MEDSEARCH_SHARED_DATA)"; exit 2; }
done
[[ -x /usr/bin/time ]] || { say "/usr/bin/time not found (Debian: apt-get install time)"; exit 2; }
command -v sqlite3 >/dev/null || { say "the sqlite3 CLI is needed (Debian: apt-get install sqlite3)"; exit 2; }
mkdir -p "$work"
cut -d' ' -f1-3 /proc/loadavg >"$work/loadavg.start" 2>/dev/null || true

if ! command -v hyperfine >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing hyperfine from Debian"
    apt-get install -y -qq hyperfine >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1; } ||
      say "could not install hyperfine; whole-process runs fall back to a Python loop"
  else
    say "hyperfine not installed; whole-process runs fall back to a Python loop"
  fi
fi

if pgrep -x swift-build >/dev/null || pgrep -x swift-frontend >/dev/null; then
  say "note: another Swift build is running on this machine; latencies will be noisy"
fi

say "swift build -c release --static-swift-stdlib"
swift build -c release --static-swift-stdlib >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }

# The index is rebuilt (and timed) when missing, when another binary built it, or on REBUILD=1.
stamp="$work/medquad.sqlite.binary"
binary_sum="$(sha256sum "$bin" | cut -d' ' -f1)"
rm -f "$work/medsearch-index.rebuilt"
if [[ "${REBUILD:-0}" == 1 || ! -f "$db" || "$(cat "$stamp" 2>/dev/null)" != "$binary_sum" ]]; then
  say "medsearch index $data/medquad --db $db --rebuild (timed)"
  rm -f "$stamp"
  # Timed as a fresh build, as the peers' builds are: over an existing index, --rebuild also
  # copies the new file into the old one for its open readers (~0.3 s more on MedQuAD).
  # BUILDS runs (default 3): the table shows the run of median wall time, the notes all of
  # them (one build on this shared machine moved by half a second between runs).
  rm -f "$work"/medsearch-index.run*.time "$work"/medsearch-index.run*.json
  # The files read once untimed, so that the first build finds them in the page cache as the
  # peers' builds later do (after a scale run had read 3 GB, the three builds took 1.87, 1.57
  # and 1.42 s, in that order).
  find "$data/medquad" -type f -exec cat {} + >/dev/null
  for ((build = 1; build <= ${BUILDS:-3}; build++)); do
    rm -f "$db" "$db-wal" "$db-shm"
    status=0
    /usr/bin/time -v -o "$work/medsearch-index.run$build.time" \
      "$bin" index "$data/medquad" --db "$db" --rebuild --format json >"$work/medsearch-index.run$build.json" ||
      status=$?
    # Exit status 1 means some entries were left out for an error; the index is still complete
    # for the rest, as in Benchmarks/quality.sh. Anything else is a failure.
    if ((status > 1)) || [[ ! -f "$db" ]]; then say "medsearch index failed ($status)"; exit 1; fi
  done
  # m:ss.ss wall times → seconds, one line per run: "seconds run".
  for time_file in "$work"/medsearch-index.run*.time; do
    run="${time_file##*.run}"; run="${run%.time}"
    awk -v run="$run" -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s, run }' "$time_file"
  done | sort -n >"$work/medsearch-index.walls"
  median="$(awk '{ runs[NR] = $2 } END { print runs[int((NR + 1) / 2)] }' "$work/medsearch-index.walls")"
  cp "$work/medsearch-index.run$median.time" "$work/medsearch-index.time"
  cp "$work/medsearch-index.run$median.json" "$work/medsearch-index.json"
  echo "$binary_sum" >"$stamp"
  touch "$work/medsearch-index.rebuilt"
else
  say "reusing $db (built by this binary; REBUILD=1 to rebuild and time it)"
fi

for form in message summary; do
  say "medsearch bench --field $form --passes $passes"
  "$bin" bench --db "$db" --questions "$questions" --field "$form" --passes "$passes" --format json \
    >"$work/bench.$form.json"
done

exec Benchmarks/peers/run.sh --speed --data "$data" --work "$work" --db "$db" --bin "$bin" \
  --passes "$passes" --runs "$runs" --command "$command"
