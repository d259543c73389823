#!/bin/sh
# Diagnostic cases: tests/diag/NAME/site is a broken site;
# tests/diag/NAME/expected.stderr is exactly what planpress prints about
# it (run from inside the site folder), and tests/diag/NAME/expected.status
# its exit status (1 when absent).  Each case is run as "check" and as
# "build": both must print the same and the build must write nothing.
set -u
cd "$(dirname "$0")/.."
P=${PLANPRESS:-$(pwd)/planpress}
TMP=$(pwd)/tests/tmp/diag
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0
for dir in tests/diag/[!_]*/; do
	name=$(basename "$dir")
	want=1
	[ -f "$dir/expected.status" ] && want=$(cat "$dir/expected.status")
	for cmd in check build; do
		out="$TMP/$name.out"
		extra=""
		[ $cmd = build ] && extra="--output $out"
		(cd "$dir/site" && $P $cmd --quiet $extra) \
		    >"$TMP/$name.stdout" 2>"$TMP/$name.stderr"
		status=$?
		if [ $status -ne "$want" ]; then
			echo "FAIL: diag $name ($cmd): exit $status, want $want"
			cat "$TMP/$name.stderr"
			fail=$((fail + 1))
		elif ! diff -u "$dir/expected.stderr" "$TMP/$name.stderr"; then
			echo "FAIL: diag $name ($cmd): messages differ"
			fail=$((fail + 1))
		elif [ $cmd = build ] && [ "$want" -ne 0 ] && [ -e "$out" ]; then
			echo "FAIL: diag $name: a failed build wrote $out"
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
done
echo "RESULT: $pass $fail 0 diagnostics"
[ $fail -eq 0 ]
