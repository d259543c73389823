#!/bin/sh
# Fuzzing: tests/fuzz.sh BUILD SECONDS [CORPUS] runs every libFuzzer
# target of BUILD/fuzz/ for SECONDS seconds each, with leak detection, on
# the seeds made by tests/fuzz/seeds.sh, the regression inputs of
# tests/fuzz/regress/TARGET/ and the dictionary tests/fuzz/TARGET.dict.
# New inputs go to CORPUS/TARGET (a fresh folder under tests/tmp when
# CORPUS is not given, so "make test" does not depend on earlier runs).
# Prints one line per target with its executions and coverage, and the
# RESULT line of tests/run.sh.  A crash, leak or timeout fails the
# target; its input is saved as TMP/TARGET-crash-... and libFuzzer's
# report is shown (TMP is $PLANPRESS_FUZZ_TMP, or tests/tmp/fuzz).
set -u
cd "$(dirname "$0")/.."
B=$1
SECS=$2
TMP=${PLANPRESS_FUZZ_TMP:-$(pwd)/tests/tmp/fuzz}
CORPUS=${3:-$TMP/corpus}
rm -rf "$TMP/seeds" "$TMP"/*.log
mkdir -p "$TMP"
sh tests/fuzz/seeds.sh "$TMP/seeds"
pass=0
fail=0
for t in meta schema csv mustache encoding page config xlsx; do
	bin=$B/fuzz/fuzz_$t
	if [ ! -x "$bin" ]; then
		echo "FAIL: fuzz $t: $bin is missing"
		fail=$((fail + 1))
		continue
	fi
	mkdir -p "$CORPUS/$t" tests/fuzz/regress/$t
	log=$TMP/$t.log
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	    "$bin" -max_total_time="$SECS" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=65536 -detect_leaks=1 -print_final_stats=1 \
	    -dict=tests/fuzz/$t.dict -artifact_prefix="$TMP/$t-" \
	    "$CORPUS/$t" "$TMP/seeds/$t" tests/fuzz/regress/$t \
	    >"$log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1)
	if [ $status -ne 0 ]; then
		echo "FAIL: fuzz $t: exit $status"
		grep -v '^#' "$log" | tail -n 40
		fail=$((fail + 1))
	else
		echo "fuzz $t: ${runs:-?} runs in ${SECS} s, ${cov:-cov: ?}," \
		    "${ft:-ft: ?}, corpus $(ls "$CORPUS/$t" | wc -l)"
		pass=$((pass + 1))
	fi
done
echo "RESULT: $pass $fail 0 fuzz"
[ $fail -eq 0 ]
