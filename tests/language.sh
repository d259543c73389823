#!/bin/sh
# The language of planpress's messages: --help, a usage error, the
# summary lines of check and build, a diagnostic and init's last line
# come out in Vietnamese for LANGUAGE=vi, for LANG, LC_MESSAGES or
# LC_ALL=vi_VN.UTF-8 even when that locale is not generated (C.UTF-8
# stands in), and in English with nothing set, with LANGUAGE=en, or in
# the C locale.  Numbers keep the C locale's decimal point either way.
# A copy of the binary finds its catalogs in its build folder, beside it
# or below it (build/planpress and ./planpress).  PLANPRESS names the
# binary (possibly behind valgrind).  Prints "RESULT: passed failed
# skipped language".
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
P=${PLANPRESS:-$ROOT/planpress}
TMP=$ROOT/tests/tmp/language
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0
skip=0
export TZ=UTC SOURCE_DATE_EPOCH=1716000000

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
has() {	# has FILE PATTERN DESCRIPTION: grep -E
	if grep -Eq -- "$2" "$1"; then ok; else
		bad "$3: no '$2' in $1"
		sed 's/^/  | /' "$1" | head -20
	fi
}
hasnt() {
	if grep -Eq -- "$2" "$1"; then
		bad "$3: '$2' in $1"
		sed 's/^/  | /' "$1" | head -20
	else ok; fi
}
# run ENV... -- ARGS...: planpress with only the given locale variables.
run() {
	e=""
	while [ "$1" != -- ]; do
		e="$e $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG $e $P "$@"
}

if locale -a 2>/dev/null | grep -qi '^vi_VN'; then
	echo "note: vi_VN is generated here; the C.UTF-8 stand-in is not exercised"
fi

# --help, in every way of asking.
for how in "LANGUAGE=vi" "LANG=vi_VN.UTF-8" "LC_MESSAGES=vi_VN.UTF-8" \
    "LC_ALL=vi_VN.UTF-8" "LANG=vi_VN" "LANG=en_US.UTF-8 LANGUAGE=vi" \
    "LC_ALL=C.UTF-8 LANGUAGE=vi"; do
	run $how -- --help >"$TMP/help" 2>&1
	has "$TMP/help" '^cách dùng: planpress build' "--help in Vietnamese ($how)"
	has "$TMP/help" '^tùy chọn:$' "--help lists the options in Vietnamese ($how)"
	hasnt "$TMP/help" '^usage:' "no English in the Vietnamese help ($how)"
done
for how in "" "LANGUAGE=en" "LANG=vi_VN.UTF-8 LANGUAGE=en" "LC_ALL=C" \
    "LC_ALL=C LANGUAGE=vi" "LANG=POSIX LANGUAGE=vi" "LANG=en_US.UTF-8"; do
	run $how -- --help >"$TMP/help" 2>&1
	has "$TMP/help" '^usage: planpress build' "--help in English (${how:-nothing set})"
	hasnt "$TMP/help" 'cách dùng' "no Vietnamese in the English help (${how:-nothing set})"
done

# A usage error: the message and the exit status.
run LANGUAGE=vi -- frobnicate >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && ok || bad "an unknown command exits 2 in Vietnamese"
has "$TMP/err" "^planpress: không có lệnh 'frobnicate'$" "the usage error in Vietnamese"
run -- frobnicate >"$TMP/out" 2>"$TMP/err"
has "$TMP/err" "^planpress: unknown command 'frobnicate'$" "the usage error in English"

# init, then the summary lines of check and build.
S=$TMP/site
(cd "$TMP" && run LANG=vi_VN.UTF-8 -- init site) >"$TMP/out" 2>&1
has "$TMP/out" "^planpress: trang web mới trong site; xem trước bằng 'planpress serve -s site'$" \
    "init's last line in Vietnamese"
run LANG=vi_VN.UTF-8 -- check -s "$S" >"$TMP/out" 2>&1
has "$TMP/out" '^planpress: đã kiểm tra [0-9]+ trang, 0 cảnh báo, [0-9]+\.[0-9]{2} s$' \
    "the check summary in Vietnamese, with a decimal point"
run LANGUAGE=vi -- build -s "$S" -b https://example.gov.vn/ >"$TMP/out" 2>&1
has "$TMP/out" "^planpress: [0-9]+ trang, [0-9]+ tệp đã ghi vào $S/output, 0 cảnh báo, [0-9]+\.[0-9]{2} s$" \
    "the build summary in Vietnamese"
run LANGUAGE=en -- build -s "$S" -b https://example.gov.vn/ >"$TMP/out" 2>&1
has "$TMP/out" "^planpress: [0-9]+ pages, [0-9]+ files written to $S/output, 0 warnings, [0-9]+\.[0-9]{2} s$" \
    "the build summary in English"
run -- check -s "$S" >"$TMP/out" 2>&1
has "$TMP/out" '^planpress: [0-9]+ pages checked, 0 warnings, [0-9]+\.[0-9]{2} s$' \
    "the check summary in English"

# A broken page: file:line:col stays, the level word is translated, the
# user's value stays as written; one error is one "lỗi", not "lỗis".
printf -- '---\ntitle: "Trang"\nweight: nặng\n---\nNội dung.\n' >"$S/content/hong.md"
run LANGUAGE=vi -- check -s "$S" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 1 ] && ok || bad "a broken site exits 1 in Vietnamese"
has "$TMP/err" "^$S/content/hong.md:3:9: lỗi: khóa 'weight' phải là một số nguyên, không phải 'nặng'$" \
    "a diagnostic in Vietnamese"
has "$TMP/out" '^planpress: 1 lỗi, 0 cảnh báo; đã kiểm tra$' "the failed summary in Vietnamese"
run LANGUAGE=vi -- build -s "$S" >"$TMP/out" 2>"$TMP/err"
has "$TMP/out" '^planpress: 1 lỗi, 0 cảnh báo; không ghi gì$' "the failed build summary in Vietnamese"
run -- check -s "$S" >"$TMP/out" 2>"$TMP/err"
has "$TMP/err" "^$S/content/hong.md:3:9: error: key 'weight' must be an integer, not 'nặng'$" \
    "the diagnostic in English"
has "$TMP/out" '^planpress: 1 error, 0 warnings; checked$' "the failed summary in English, singular"
rm -f "$S/content/hong.md"

# The catalogs are found from a copy of the binary: in BUILD/locale beside
# it (build/planpress) or below it (./planpress at the top of the tree).
bin=${P##* }
build=$(dirname "$bin")
if [ -x "$bin" ] && [ -d "$build/locale" ]; then
	b=$(basename "$build")
	mkdir -p "$TMP/tree/$b"
	cp "$bin" "$TMP/tree/$b/planpress"
	cp "$bin" "$TMP/tree/planpress"
	cp -R "$build/locale" "$TMP/tree/$b/locale"
	for copy in "$TMP/tree/$b/planpress" "$TMP/tree/planpress"; do
		env -u LC_ALL LANGUAGE=vi "$copy" --help >"$TMP/help" 2>&1
		has "$TMP/help" '^cách dùng:' "$copy finds $b/locale"
	done
	rm -rf "$TMP/tree/$b/locale"
	env -u LC_ALL LANGUAGE=vi "$TMP/tree/planpress" --help >"$TMP/help" 2>&1
	if ls /usr/local/share/locale/*/LC_MESSAGES/planpress.mo \
	    /usr/share/locale/*/LC_MESSAGES/planpress.mo >/dev/null 2>&1; then
		echo "SKIP: planpress is installed here (its catalogs are found)"
		skip=$((skip + 1))
	else
		has "$TMP/help" '^usage:' "without a catalog the messages are English"
	fi
else
	echo "SKIP: no catalogs beside $bin"
	skip=$((skip + 3))
fi

echo "RESULT: $pass $fail $skip language"
[ $fail -eq 0 ]
