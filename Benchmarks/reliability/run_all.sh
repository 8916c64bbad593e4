#!/usr/bin/env bash
# Every reliability script with its default size, one after the other (about 25 minutes on
# 2 cores, most of it the 100,000-question soak). Each script's JSON figures go to
# $RESULTS (default: a new temporary folder); the exit status is 1 if any script failed.
#
#   sudo Benchmarks/reliability/run_all.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --static-swift-stdlib >/dev/null || exit 1
bin=$(realpath .build/release/medsearch)
results=${RESULTS:-$(mktemp -d "${TMPDIR:-/tmp}/medsearch-reliability-XXXXXX")}
mkdir -p "$results"
status=0
run() {
  local name=$1; shift
  echo "== $name: $*"
  local start=$SECONDS
  "$@" || { echo "!! $name failed"; status=1; }
  echo "== $name took $((SECONDS - start)) s"
}
here=Benchmarks/reliability
run kill       python3 $here/kill_trials.py --binary "$bin" --json "$results/kill.json"
run readers    python3 $here/concurrent_readers.py --binary "$bin" --json "$results/readers.json"
run disk-full  python3 $here/disk_full.py --binary "$bin" --json "$results/disk_full.json"
run read-only  python3 $here/read_only.py --binary "$bin" --json "$results/read_only.json"
run corruption python3 $here/corruption.py --binary "$bin" --json "$results/corruption.json"
run soak       env MEDSEARCH_BIN="$bin" $here/soak.sh
echo "figures in $results"
exit $status
