#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind) for one pass over the bench pages:
# scraper's parse alone, and copydesk's whole extraction, each after the same
# set-up and a warm-up pass, which are counted once and taken off. Unlike
# times, the counts do not move with the load of a shared machine.
# Usage: benches/instructions.sh [--check]   (COPYDESK_BENCH_DIR as for the throughput bench)
#   --check  exit 1 when extraction costs over 1.6 times the parse (used by CI:
#            a rule whose regex outgrows the fast engine shows here first)
set -euo pipefail
check=0
[ "${1:-}" = --check ] && check=1
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "instructions: valgrind not found, nothing counted"; exit 0; }
[ -d "${COPYDESK_BENCH_DIR:-../shared/bench/zyte-dev/html}" ] || { echo "instructions: no pages, nothing counted"; exit 0; }
bin=$(cargo bench --bench throughput --no-run 2>&1 | grep -o 'target/release/deps/throughput-[0-9a-f]*' | tail -1)
[ -x "$bin" ] || { echo "instructions: bench binary not found"; exit 1; }
count() {
  COPYDESK_BENCH_ONLY=$1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
setup=$(count setup)
parse=$(count parse)
extract=$(count extract)
python3 - "$setup" "$parse" "$extract" "$check" <<'PY'
import sys
setup, parse, extract, check = (int(x) for x in sys.argv[1:])
p, e = parse - setup, extract - setup
print(f"instructions for one pass over the pages (set-up and warm-up taken off):")
print(f"  scraper parse only      {p / 1e6:10.1f} M")
print(f"  copydesk extract        {e / 1e6:10.1f} M")
print(f"  extract / parse         {e / p:10.2f}x (bar: at most 1.6x)")
if check and e / p > 1.6:
    print("instructions: extraction costs over 1.6 times the parse", file=sys.stderr)
    sys.exit(1)
PY
