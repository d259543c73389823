#!/bin/sh
# tests/fuzz/seeds.sh OUT: make the seed corpus of every fuzz target in
# OUT/TARGET/ from the project's own files: the diagnostics cases, the
# golden sites, the default site's content/ and datasets/, and the
# themes.  Seeds are cut to 16 KB.  Regression inputs are kept apart,
# in tests/fuzz/regress/TARGET/, and given to the fuzzer as well.
set -eu
cd "$(dirname "$0")/../.."
OUT=$1
rm -rf "$OUT"
for t in meta schema csv mustache encoding page config xlsx; do
	mkdir -p "$OUT/$t"
done
ROOTS="tests/diag tests/golden content datasets themes site.yaml"
put() {	# put TARGET FILE: copy the first 16 KB of FILE as a seed
	head -c 16384 "$2" >"$OUT/$1/$(echo "$2" | tr '/ ' '__')"
}
files() {	# files PATTERN: the files of ROOTS named PATTERN
	# shellcheck disable=SC2086
	find $ROOTS -type f -name "$1" ! -path '*/expected/*' | sort
}
files '*.yaml' | while IFS= read -r f; do
	put meta "$f"
	case $f in
	*/datasets/*) put schema "$f" ;;
	*site.yaml) put config "$f" ;;
	esac
done
files '*.md' | while IFS= read -r f; do
	put meta "$f"
	put page "$f"
done
files '*.mustache' | while IFS= read -r f; do
	put mustache "$f"
done
files '*.csv' | while IFS= read -r f; do
	put encoding "$f"
	put csv "$f"
	y=${f%.csv}.yaml
	[ -f "$y" ] || continue
	{ cat "$y"; printf '\0'; head -c 8192 "$f"; } \
	    >"$OUT/csv/$(echo "$f" | tr '/ ' '__').pair"
done
# The XML parts of the workbooks the golden sites publish, in the order
# fuzz_xlsx.c reads them, separated by NUL bytes.
find tests/golden -type f -name '*.xlsx' -path '*/expected/*' | sort |
    while IFS= read -r x; do
	for part in xl/workbook.xml xl/worksheets/sheet1.xml \
	    xl/sharedStrings.xml xl/styles.xml xl/_rels/workbook.xml.rels; do
		unzip -p "$x" "$part" 2>/dev/null | head -c 16384 || true
		printf '\0'
	done >"$OUT/xlsx/$(echo "$x" | tr '/ ' '__')"
done
