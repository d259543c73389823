#!/bin/sh
# Golden sites: tests/golden/NAME/site is a site, tests/golden/NAME/expected
# the exact tree it must build to (extra options in tests/golden/NAME/args).
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
	elif ! diff -r "$dir/expected" "$TMP/$name" >"$TMP/$name.diff"; then
		echo "FAIL: golden $name: output differs"
		head -50 "$TMP/$name.diff"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "RESULT: $pass $fail 0 golden"
[ $fail -eq 0 ]
