#!/bin/sh
# The test suite.  tests/run.sh BUILD [BUILD...] runs every suite with the
# binaries of the first build folder (unit tests, Mustache spec, golden
# sites, diagnostics, site tests, the message language, HTML, link and
# browser checks, the message catalogs), then the C-level suites again
# for every further folder (the sanitizer build), and the fuzz targets of
# build-fuzz/ for PLANPRESS_FUZZ_SECONDS each.
# Each suite prints lines "RESULT: passed failed skipped name"; the last
# line of the run adds them up: "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
# Messages in English, whatever the language of the machine; the suites
# that check other languages set LANGUAGE themselves.
unset LANGUAGE
export LC_ALL=C.UTF-8
TMP=tests/tmp
rm -rf "$TMP"
mkdir -p "$TMP"
LOG="$TMP/results"
: >"$LOG"
SPEC=../shared/vendor-data/mustache-spec

run() {	# run NAME COMMAND...: show output, keep RESULT lines
	name=$1
	shift
	echo "== $name"
	"$@" >"$TMP/out" 2>&1
	status=$?
	cat "$TMP/out"
	if ! grep -q '^RESULT: ' "$TMP/out"; then
		echo "RESULT: 0 1 0 $name (exit $status, no result)" |
		    tee -a "$LOG"
	else
		grep '^RESULT: ' "$TMP/out" >>"$LOG"
		if [ $status -ne 0 ] && ! grep -q '^RESULT: [0-9]* [1-9]' "$TMP/out"; then
			echo "RESULT: 0 1 0 $name (exit $status)" | tee -a "$LOG"
		fi
	fi
}

wrap=""
if [ "${PLANPRESS_VALGRIND:-0}" = 1 ]; then
	# planpress allocates with jemalloc when it was built with it
	# (Makefile: MALLOC_LIBS): valgrind replaces that malloc too, in
	# the program itself when jemalloc was linked from its archive.
	malloc='*jemalloc*'
	if nm -D --defined-only "$1/planpress" 2>/dev/null |
	    grep -q ' T malloc$'; then
		malloc=NONE
	fi
	wrap="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --soname-synonyms=somalloc=$malloc"
fi

suite() {	# suite BUILD LABEL
	b=$1
	label=$2
	for t in "$b"/tests/test_*; do
		[ -x "$t" ] || continue
		run "unit $(basename "$t")$label" $wrap "$t"
	done
	run "mustache spec$label" $wrap "$b/tests/mustache_spec" "$SPEC"
	P="$wrap $(pwd)/$b/planpress"
	PLANPRESS=$P run "golden$label" sh tests/golden.sh
	PLANPRESS=$P run "diagnostics$label" sh tests/diag.sh
	PLANPRESS=$P run "site$label" sh tests/site.sh
	PLANPRESS=$P run "authoring$label" sh tests/authoring.sh
	PLANPRESS=$P run "language$label" sh tests/language.sh
	PLANPRESS=$P run "serve$label" sh tests/serve.sh
	PLANPRESS=$P run "containment$label" sh tests/containment.sh
}

first=$1
shift
suite "$first" ""
# The default site, checked against the standards it publishes.
SITE="$TMP/default-site"
BASE=https://example.gov.vn/ke-hoach/
if "$first/planpress" build --quiet --base-url "$BASE" \
    --output "$SITE" >/dev/null; then
	run "html" sh tests/checks/html.sh "$SITE"
	run "links" sh tests/checks/links.sh "$SITE"
	run "search" sh tests/checks/search.sh "$SITE"
	run "browser" sh tests/checks/browser.sh "$SITE" "$BASE"
	run "svg" sh tests/checks/svg.sh "$SITE"
	run "discovery" sh tests/checks/discovery.sh "$SITE"
	run "opendata" sh tests/checks/opendata.sh "$SITE"
	run "hosting" sh tests/checks/hosting.sh "$SITE"
	for x in "$SITE"/dataset/*/data/*.xlsx; do
		[ -f "$x" ] || continue
		run "xlsx round trip $(basename "$x")" \
		    sh tests/checks/xlsx-roundtrip.sh "$x" "${x%.xlsx}.csv"
	done
else
	echo "RESULT: 0 1 0 default site build" >>"$LOG"
fi
# The default site built to be opened from disk.
FILESITE="$TMP/file-site"
if "$first/planpress" build --quiet --file-urls --output "$FILESITE" \
    >/dev/null 2>&1; then
	run "file urls" sh tests/checks/file-urls.sh "$FILESITE"
	run "links (file urls)" sh tests/checks/links.sh "$FILESITE"
else
	echo "RESULT: 0 1 0 file-urls site build" >>"$LOG"
fi
run "zip determinism" sh tests/checks/zip-determinism.sh "$first/planpress" .
run "messages" sh tests/checks/po.sh
# The libFuzzer targets (make fuzz-bins, with clang), a few seconds each.
fuzz=${PLANPRESS_FUZZ_SECONDS:-0}
if [ "$fuzz" -gt 0 ] && [ -d build-fuzz/fuzz ]; then
	run "fuzz" sh tests/fuzz.sh build-fuzz "$fuzz"
else
	echo "== fuzz: skipped (no clang, or PLANPRESS_FUZZ_SECONDS unset)"
	echo "RESULT: 0 0 1 fuzz" >>"$LOG"
fi
for b in "$@"; do
	suite "$b" " ($b)"
done

awk '$1 == "RESULT:" { p += $2; f += $3; s += $4 }
    $1 == "RESULT:" && $3 > 0 { bad = bad "\n  " $0 }
    END {
	if (bad != "") print "failing suites:" bad
	printf "%d passed, %d failed, %d skipped\n", p, f, s
	exit f > 0
    }' "$LOG"
