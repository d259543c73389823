#!/bin/sh
# Check every HTML file of a built site with the Nu HTML Checker (vnu.jar).
#   tests/checks/html.sh SITE
# Prints each error, then one line:
#   RESULT: <files without errors> <files with errors> 0 html
# Exits 1 when a file has errors.  A missing java or vnu.jar is a
# failure, not a skip (make test installs both).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/tests/node_modules/vnu-jar/build/dist/vnu.jar"

fail() {
	echo "html: $*"
	echo "RESULT: 0 1 0 html"
	exit 1
}

[ $# -eq 1 ] || fail "usage: tests/checks/html.sh SITE"
site=$1
[ -d "$site" ] || fail "no such directory: $site"
command -v java >/dev/null 2>&1 ||
    fail "java not found (run: sh scripts/deps.sh test)"
[ -f "$jar" ] || fail "$jar not found (run: sh scripts/deps.sh test)"

total=$(find "$site" -type f -name '*.html' | wc -l | tr -d ' ')
[ "$total" -gt 0 ] || fail "no HTML files under $site"

out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM

# vnu writes its messages to stderr; it exits 1 when it reports errors.
rc=0
java -jar "$jar" --skip-non-html --errors-only --format gnu "$site" \
    >"$out" 2>&1 || rc=$?

# GNU format: "file:/path/to/page.html":13.17-13.21: error: message
# The file is a percent-encoded file: URL; decode it for display.
decode() {
	if command -v node >/dev/null 2>&1; then
		node -e '
const rl = require("readline").createInterface({input: process.stdin});
rl.on("line", (l) => {
  const m = /^"file:([^"]*)"(.*)$/.exec(l);
  if (!m) { console.log(l); return; }
  let p = m[1];
  try { p = decodeURIComponent(p); } catch (e) {}
  console.log(p + m[2]);
});'
	else
		sed 's/^"file:\([^"]*\)"/\1/'
	fi
}

[ -s "$out" ] && decode <"$out"

failed=$(sed -n 's/^"\(file:[^"]*\)":.*/\1/p' "$out" | sort -u | wc -l |
    tr -d ' ')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	# The checker failed without naming a file (bad jar, I/O error...).
	echo "html: the Nu HTML Checker exited with status $rc"
	failed=$total
fi
[ "$failed" -le "$total" ] || failed=$total
echo "RESULT: $((total - failed)) $failed 0 html"
[ "$failed" -eq 0 ]
