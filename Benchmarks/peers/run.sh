#!/usr/bin/env bash
# Run the peer engines (bm25s, tantivy) on the shared evaluation data.
#
#   Benchmarks/peers/run.sh [--data DIR] [--out DIR] [other peers.py options]
#   Benchmarks/peers/run.sh --speed [speed.py options]     # speed.py instead (Benchmarks/speed.sh)
#
# Creates Benchmarks/peers/.venv on first use and installs the pinned packages from PyPI; later
# runs reuse it unless the pins below change. The data directory is --data, else
# $MEDSEARCH_SHARED_DATA, else ../shared/data beside the repository root. Run files and
# timings.json go to --out (default /tmp/medsearch-peers).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"

# The published peer scores were measured with exactly these versions; numpy is pinned too
# because bm25s's float32 scores (and so its tie-breaking) depend on it.
pins=(bm25s==0.3.16 PyStemmer==3.1.0 tantivy==0.27.0 numpy==2.4.6)

script=peers.py
if [[ "${1:-}" == --speed ]]; then
  script=speed.py
  shift
fi

data="${MEDSEARCH_SHARED_DATA:-$repo/../shared/data}"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --data) data="${args[$((i + 1))]:-}" ;;
    --data=*) data="${args[$i]#--data=}" ;;
  esac
done

# Check the data before spending a minute on installs.
missing=()
for p in medquad medquad/judged-answers.csv \
         liveqa-dev/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml \
         liveqa-dev/qrels-medquad-judged.dev.txt; do
  [[ -e "$data/$p" ]] || missing+=("$data/$p")
done
if ((${#missing[@]})); then
  echo "run.sh: MedSearch shared evaluation data not found. Missing:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "Pass --data DIR or set MEDSEARCH_SHARED_DATA (default: ../shared/data beside the repository root)." >&2
  exit 2
fi

if [[ ! -x "$venv/bin/python" ]]; then
  echo "run.sh: creating $venv" >&2
  if ! python3 -m venv "$venv"; then
    echo "run.sh: 'python3 -m venv' failed (on Debian: apt-get install python3-venv)" >&2
    rm -rf "$venv"
    exit 2
  fi
fi

# A stamp of the installed pins keeps re-runs offline and fast, and reinstalls when they change.
stamp="$venv/.medsearch-pins"
if [[ "$(cat "$stamp" 2>/dev/null)" != "${pins[*]}" ]]; then
  echo "run.sh: installing ${pins[*]}" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
  echo "${pins[*]}" > "$stamp"
fi

# A --data given by the caller comes last and so wins; it is the same directory anyway.
exec "$venv/bin/python" "$here/$script" --data "$data" "$@"
