#!/bin/sh
# The default site in headless Chromium at phone and desktop widths:
# WCAG 2.1 AA (axe-core), reflow, first screen, charts, print and page
# weight.  See browser.mjs for the rules.
#   tests/checks/browser.sh SITE BASE_URL
# SITE was built with --base-url BASE_URL.  Prints "FAIL: ..." for each
# problem, then
#   RESULT: <checks passed> <checks failed> 0 browser
# and exits 1 if a check failed.  A missing node or Chromium is a failure.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

if [ $# -ne 2 ]; then
	echo "browser: usage: tests/checks/browser.sh SITE BASE_URL"
	echo "RESULT: 0 1 0 browser"
	exit 1
fi
if ! command -v node >/dev/null 2>&1; then
	echo "browser: node not found (run: sh scripts/deps.sh test)"
	echo "RESULT: 0 1 0 browser"
	exit 1
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	echo "browser: ${CHROMIUM:-/usr/bin/chromium} not found (run: sh scripts/deps.sh test)"
	echo "RESULT: 0 1 0 browser"
	exit 1
fi
exec node "$here/browser.mjs" "$1" "$2"
