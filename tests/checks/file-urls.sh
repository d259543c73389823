#!/bin/sh
# Open a site built with --file-urls from disk in Debian's Chromium and
# follow its links: see file-urls.mjs for what is checked.
#   tests/checks/file-urls.sh SITE
# Prints one line per problem, then
#   RESULT: <pages without problems> <pages with problems> 0 file urls
# A missing node, playwright-core or Chromium is a failure.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

fail() {
	echo "file-urls: $*"
	echo "RESULT: 0 1 0 file urls"
	exit 1
}
[ $# -eq 1 ] || fail "usage: tests/checks/file-urls.sh SITE"
command -v node >/dev/null 2>&1 || fail "node not found (run: sh scripts/deps.sh test)"
[ -d "$here/../node_modules/playwright-core" ] ||
    fail "playwright-core not installed (run: sh scripts/deps.sh test)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] ||
    fail "no Chromium at ${CHROMIUM:-/usr/bin/chromium} (run: sh scripts/deps.sh test)"
exec node "$here/file-urls.mjs" "$1"
