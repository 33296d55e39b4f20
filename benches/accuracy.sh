#!/usr/bin/env bash
# Scores the current release build on the shared benchmarks and the seed page:
#   zyte-dev (body F1, precision, recall) and meta-dev (headline, date, authors, body snippets).
# Usage: benches/accuracy.sh [--per-doc N] [--check]
#   --per-doc N  also list the N worst zyte-dev pages (what was lost or added: `copydesk explain PAGE`)
#   --check      exit 1 when a score falls under its floor (used by CI)
# Needs ../shared beside the checkout; says so and exits 0 when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench
per_doc=0 check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --per-doc) per_doc="$2"; shift 2 ;;
    --check) check=1; shift ;;
    *) echo "usage: $0 [--per-doc N] [--check]" >&2; exit 2 ;;
  esac
done
if [ ! -d "$bench/zyte-dev" ]; then
  echo "accuracy: $bench not found, nothing scored"
  exit 0
fi
[ -x target/release/copydesk ] || cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Floors: the scores CI holds the project to (a little under today's figures,
# so that noise passes and a real regression fails).
ZYTE_F1_FLOOR=0.98
META_FLOORS="headline_exact=0.92 date_day=0.90 date_minute=0.88 authors_f1=0.82 body_f1=0.95"

target/release/copydesk "$bench"/zyte-dev/html/*.html.gz > "$out/zyte.jsonl" || true
echo "== zyte-dev (body)"
extra=()
[ "$per_doc" -gt 0 ] && extra=(--per-doc "$per_doc")
python3 "$bench/score_body.py" "$bench/zyte-dev/ground-truth.json" "$out/zyte.jsonl" --missing-as-empty "${extra[@]}"
f1=$(python3 "$bench/score_body.py" "$bench/zyte-dev/ground-truth.json" "$out/zyte.jsonl" --missing-as-empty --json \
     | python3 -c 'import json,sys; print(next(iter(json.load(sys.stdin).values()))["f1"])')

meta_ok=1
if [ -d "$bench/meta-dev" ]; then
  target/release/copydesk "$bench"/meta-dev/html/*.gz > "$out/meta.jsonl" || true
  echo "== meta-dev (metadata and body snippets)"
  python3 "$bench/score_meta.py" "$bench/meta-dev/manifest.jsonl" "$out/meta.jsonl" | tee "$out/meta.txt"
  for floor in $META_FLOORS; do
    key=${floor%=*} min=${floor#*=}
    got=$(awk -v k="$key" '$1 == k {print $2}' "$out/meta.txt")
    if python3 -c "import sys; sys.exit(0 if float('$got') >= $min else 1)"; then
      [ "$check" = 1 ] && echo "accuracy: meta-dev $key $got >= floor $min"
    else
      echo "accuracy: meta-dev $key $got is under the floor $min" >&2
      meta_ok=0
    fi
  done
fi

seed_ok=1
for page in "$bench"/../seed/*; do
  [ -f "$page" ] || continue
  echo "== seed: $(basename "$page")"
  target/release/copydesk "$page" > "$out/seed.json" || seed_ok=0
  python3 - "$out/seed.json" <<'PY' || seed_ok=0
import json, sys
a = json.load(open(sys.argv[1]))
print(f"headline {a['headline']!r}")
print(f"timestamp {a['timestamp']}, {len(a['credits'])} credits, {len(a['paragraphs'])} paragraphs")
ok = a["headline"] and a["timestamp"] and len(a["credits"]) >= 5 and len(a["paragraphs"]) >= 10
sys.exit(0 if ok else 1)
PY
done
[ "$seed_ok" = 1 ] || echo "accuracy: the seed page lost its headline, time, credits or body" >&2

if [ "$check" = 1 ]; then
  [ "$seed_ok" = 1 ] || exit 1
  if python3 -c "import sys; sys.exit(0 if $f1 >= $ZYTE_F1_FLOOR else 1)"; then
    echo "accuracy: zyte-dev F1 $f1 >= floor $ZYTE_F1_FLOOR"
  else
    echo "accuracy: zyte-dev F1 $f1 is under the floor $ZYTE_F1_FLOOR" >&2
    exit 1
  fi
  [ "$meta_ok" = 1 ] || exit 1
fi
