#!/usr/bin/env bash
# Run the peers, then score their run files together with any others in one table.
#
#   Benchmarks/peers/compare.sh [--data DIR] [--out DIR] [RUN_FILE ...]
#
# Extra run files (e.g. MedSearch's, from `medsearch eval --run-out FILE`) are TREC files; each
# is one query form, told by a "message" or "summary" part of its file name or run tag (see
# score.py). Set PEERS_SKIP_RUN=1 to score the peer run files already in --out without
# re-running the peers.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out=/tmp/medsearch-peers
run_args=()
extra=()
while (($#)); do
  case "$1" in
    --data | --out)
      [[ $# -ge 2 ]] || { echo "compare.sh: $1 needs a value" >&2; exit 2; }
      [[ "$1" == --out ]] && out="$2"
      run_args+=("$1" "$2")
      shift 2
      ;;
    --data=* | --out=*)
      [[ "$1" == --out=* ]] && out="${1#--out=}"
      run_args+=("$1")
      shift
      ;;
    -h | --help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      [[ -f "$1" ]] || { echo "compare.sh: run file not found: $1" >&2; exit 2; }
      extra+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")")
      shift
      ;;
  esac
done

if [[ "${PEERS_SKIP_RUN:-0}" != 1 ]]; then
  "$here/run.sh" "${run_args[@]}" >&2
fi

peer_runs=("$out"/bm25s.message.run "$out"/tantivy.message.run "$out"/bm25s.summary.run "$out"/tantivy.summary.run)
for f in "${peer_runs[@]}"; do
  [[ -f "$f" ]] || { echo "compare.sh: missing peer run file $f (run without PEERS_SKIP_RUN)" >&2; exit 2; }
done

# score.py needs only the standard library; the venv's python is used so both agree.
python="$here/.venv/bin/python"
[[ -x "$python" ]] || python=python3
data_args=()
for ((i = 0; i < ${#run_args[@]}; i++)); do
  case "${run_args[$i]}" in
    --data) data_args=(--data "${run_args[$((i + 1))]}") ;;
    --data=*) data_args=("${run_args[$i]}") ;;
  esac
done
exec "$python" "$here/score.py" "${data_args[@]}" "${peer_runs[@]}" "${extra[@]}"
