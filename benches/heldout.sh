#!/usr/bin/env bash
# A held-out check: pages copydesk was never tuned on. Downloads the source
# package of newspaper4k from PyPI (its tests carry 23 news pages in many
# languages with the text newspaper4k extracts from them) into a temporary
# folder, and scores the current release build against that text with
# ../shared/bench/score_body.py. The expected text is another extractor's
# output, not a hand-made truth: read low scores page by page
# (`copydesk explain`), not as a verdict. Nothing is kept in the project.
# Usage: benches/heldout.sh [--per-doc N] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
per_doc=0 keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --per-doc) per_doc="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "usage: $0 [--per-doc N] [--keep DIR]" >&2; exit 2 ;;
  esac
done
score=../shared/bench/score_body.py
[ -f "$score" ] || { echo "heldout: $score not found, nothing scored"; exit 0; }
[ -x target/release/copydesk ] || cargo build --release --quiet
work=${keep:-$(mktemp -d)}
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
if ! ls "$work"/newspaper4k-*/tests/data/html >/dev/null 2>&1; then
  python3 -m pip download newspaper4k==0.9.6 --no-binary :all: --no-deps -q -d "$work" \
    || { echo "heldout: could not download newspaper4k from PyPI" >&2; exit 1; }
  tar xzf "$work"/newspaper4k-*.tar.gz -C "$work"
fi
data=$(ls -d "$work"/newspaper4k-*/tests/data)
python3 - "$data" "$work/truth.json" <<'PY'
import json, os, sys
data, out = sys.argv[1:]
truth = {}
for f in sorted(os.listdir(f"{data}/html")):
    name = f[:-5]
    txt = f"{data}/txt/{name}.txt"
    if f.endswith(".html") and os.path.exists(txt):
        truth[name] = {"articleBody": open(txt, encoding="utf-8", errors="replace").read(), "url": None}
json.dump(truth, open(out, "w"))
PY
pages=$(python3 -c 'import json,sys; print(" ".join(sys.argv[2] + "/html/" + k + ".html" for k in json.load(open(sys.argv[1]))))' "$work/truth.json" "$data")
# shellcheck disable=SC2086
target/release/copydesk $pages > "$work/pred.jsonl" || true
extra=()
[ "$per_doc" -gt 0 ] && extra=(--per-doc "$per_doc")
python3 "$score" "$work/truth.json" "$work/pred.jsonl" --missing-as-empty "${extra[@]}"
