#!/bin/sh
# Diagnostic cases: tests/diag/NAME/site is a broken site;
# tests/diag/NAME/expected.stderr is exactly what planpress prints about
# it in English (run from inside the site folder, LANGUAGE unset), and
# expected.vi.stderr in Vietnamese (LANGUAGE=vi); tests/diag/NAME/
# expected.status is its exit status (1 when absent).  Each case is run
# as "check" and as "build" in both languages: both must print the same
# and the build must write nothing.  The C.UTF-8 locale is used for both,
# as a machine with no other locale generated has.
#
# A new case's Vietnamese messages, to read through before committing:
#	(cd tests/diag/NAME/site && LANGUAGE=vi LC_ALL=C.UTF-8 \
#	    ../../../../build/planpress check --quiet 2>../expected.vi.stderr)
set -u
cd "$(dirname "$0")/.."
P=${PLANPRESS:-$(pwd)/planpress}
TMP=$(pwd)/tests/tmp/diag
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0
# lang CODE COMMAND...: run COMMAND with messages in CODE (en or vi).
lang() {
	code=$1
	shift
	if [ "$code" = vi ]; then
		env LANGUAGE=vi LC_ALL=C.UTF-8 "$@"
	else
		env -u LANGUAGE LC_ALL=C.UTF-8 "$@"
	fi
}

for dir in tests/diag/[!_]*/; do
	name=$(basename "$dir")
	want=1
	[ -f "$dir/expected.status" ] && want=$(cat "$dir/expected.status")
	for code in en vi; do
		expected=$dir/expected.stderr
		[ $code = vi ] && expected=$dir/expected.vi.stderr
		if [ ! -f "$expected" ]; then
			echo "FAIL: diag $name: no $expected"
			fail=$((fail + 1))
			continue
		fi
		if [ $code = vi ] && [ -s "$expected" ] &&
		    cmp -s "$expected" "$dir/expected.stderr"; then
			echo "FAIL: diag $name: expected.vi.stderr is English"
			fail=$((fail + 1))
		fi
		for cmd in check build; do
			out="$TMP/$name.out"
			extra=""
			[ $cmd = build ] && extra="--output $out"
			(cd "$dir/site" && lang $code $P $cmd --quiet $extra) \
			    >"$TMP/$name.stdout" 2>"$TMP/$name.stderr"
			status=$?
			what="diag $name ($cmd, $code)"
			if [ $status -ne "$want" ]; then
				echo "FAIL: $what: exit $status, want $want"
				cat "$TMP/$name.stderr"
				fail=$((fail + 1))
			elif ! diff -u "$expected" "$TMP/$name.stderr"; then
				echo "FAIL: $what: messages differ"
				fail=$((fail + 1))
			elif [ $cmd = build ] && [ "$want" -ne 0 ] &&
			    [ -e "$out" ]; then
				echo "FAIL: $what: a failed build wrote $out"
				fail=$((fail + 1))
			else
				pass=$((pass + 1))
			fi
		done
	done
done
echo "RESULT: $pass $fail 0 diagnostics"
[ $fail -eq 0 ]
