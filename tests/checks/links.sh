#!/bin/sh
# Check every internal link of a built site: relative links must name a
# file (or a directory with index.html) of the site, #fragments an id of
# the target page.  See links.mjs for the rules.
#   tests/checks/links.sh SITE
# Prints "FILE: broken link 'HREF' (why, line N)" for each broken link, then
#   RESULT: <files without broken links> <files with broken links> 0 links
# and exits 1 if a link is broken.  A missing node is a failure.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

if [ $# -ne 1 ]; then
	echo "links: usage: tests/checks/links.sh SITE"
	echo "RESULT: 0 1 0 links"
	exit 1
fi
if ! command -v node >/dev/null 2>&1; then
	echo "links: node not found (run: sh scripts/deps.sh test)"
	echo "RESULT: 0 1 0 links"
	exit 1
fi
exec node "$here/links.mjs" "$1"
