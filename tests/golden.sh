#!/bin/sh
# Golden sites: tests/golden/NAME/site is a site, tests/golden/NAME/expected
# the exact tree it must build to (extra options in tests/golden/NAME/args).
# With a file tests/golden/NAME/only (paths "./a/index.html", one a line,
# sorted), only those files are compared, and expected/ holds just them:
# for sites on the default theme, whose assets change on their own.
# PLANPRESS names the binary.  Prints "RESULT: passed failed 0 golden".
set -u
cd "$(dirname "$0")/.."
P=${PLANPRESS:-$(pwd)/planpress}
TMP=tests/tmp/golden
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0
for dir in tests/golden/*/; do
	name=$(basename "$dir")
	args=""
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	# shellcheck disable=SC2086
	if ! SOURCE_DATE_EPOCH=1715817600 $P build --quiet --source "$dir/site" \
	    --output "$TMP/$name" $args >"$TMP/$name.log" 2>&1; then
		echo "FAIL: golden $name: build failed"
		cat "$TMP/$name.log"
		fail=$((fail + 1))
	elif [ -f "$dir/only" ] && ! (cd "$dir/expected" &&
	    find . -type f | LC_ALL=C sort) | diff - "$dir/only" \
	    >"$TMP/$name.diff"; then
		echo "FAIL: golden $name: expected/ does not hold the files of 'only'"
		cat "$TMP/$name.diff"
		fail=$((fail + 1))
	elif [ -f "$dir/only" ] && ! (while read -r f; do
		diff -u "$dir/expected/$f" "$TMP/$name/$f" || exit 1
	    done <"$dir/only") >"$TMP/$name.diff" 2>&1; then
		echo "FAIL: golden $name: output differs"
		head -50 "$TMP/$name.diff"
		fail=$((fail + 1))
	elif [ ! -f "$dir/only" ] && ! diff -r "$dir/expected" "$TMP/$name" \
	    >"$TMP/$name.diff"; then
		echo "FAIL: golden $name: output differs"
		head -50 "$TMP/$name.diff"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "RESULT: $pass $fail 0 golden"
[ $fail -eq 0 ]
