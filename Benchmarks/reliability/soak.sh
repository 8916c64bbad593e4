#!/usr/bin/env bash
# The question soak: at least 100,000 random and adversarial questions through the library
# entry point (`medsearch fuzz`, SearchEngine.answers(to:limit:) in one process), then 1,000
# through the command line as raw bytes (cli_fuzz.py). Runs without a network when it can
# (`unshare -n`, needs root): MedSearch must not need one.
#
#   Benchmarks/reliability/soak.sh                   # 100,000 + 1,000 questions, seed 1
#   CASES=250000 SEED=7 CLI_CASES=2000 Benchmarks/reliability/soak.sh
#   MEDSEARCH_BIN=/path/to/medsearch Benchmarks/reliability/soak.sh
set -euo pipefail
[ -n "${MEDSEARCH_BIN:-}" ] && MEDSEARCH_BIN=$(realpath "$MEDSEARCH_BIN")
cd "$(dirname "$0")/../.."
CASES=${CASES:-100000}
SEED=${SEED:-1}
CLI_CASES=${CLI_CASES:-1000}
if [ -n "${MEDSEARCH_BIN:-}" ]; then
  bin=$MEDSEARCH_BIN
else
  swift build -c release --static-swift-stdlib >/dev/null
  bin=.build/release/medsearch
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/medsearch-soak-XXXXXX")
offline=()
if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
  offline=(unshare -n)
  echo "running without a network (unshare -n)"
fi
"${offline[@]}" "$bin" index Corpus --db "$work/corpus.sqlite" --rebuild
echo "medsearch fuzz --cases $CASES --seed $SEED"
"${offline[@]}" "$bin" fuzz --db "$work/corpus.sqlite" --cases "$CASES" --seed "$SEED" | tee "$work/fuzz.txt"
echo "cli_fuzz.py --cases $CLI_CASES"
"${offline[@]}" python3 Benchmarks/reliability/cli_fuzz.py --db "$work/corpus.sqlite" --cases "$CLI_CASES" \
  --seed "$SEED" --binary "$bin" --json "$work/cli.json"
echo "results in $work"
