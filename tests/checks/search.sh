#!/bin/sh
# The site search of a built default site in a real browser (Debian's
# Chromium with playwright-core), served by python3 -m http.server under
# a sub-path: see search.mjs for what is checked.  The screenshot of
# results at 375 px goes to tests/tmp/search/.
#   tests/checks/search.sh SITE
# Prints "FAIL: ..." for each failed check, then
#   RESULT: passed failed 0 search
# A missing node, python3 or chromium is a failure.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

fail() {
	echo "search: $1"
	echo "RESULT: 0 1 0 search"
	exit 1
}

[ $# -eq 1 ] || fail "usage: tests/checks/search.sh SITE"
command -v node >/dev/null 2>&1 || fail "node not found (run: sh scripts/deps.sh test)"
command -v python3 >/dev/null 2>&1 || fail "python3 not found (run: sh scripts/deps.sh test)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "chromium not found (run: sh scripts/deps.sh test)"
[ -d "$1" ] || fail "no such site: $1"
site=$(cd "$1" && pwd)
cd "$root/tests"	# where node finds playwright-core
exec node checks/search.mjs "$site" "$root/tests/unit/search-terms.txt" \
    "$root/tests/tmp/search"
