#!/bin/sh
# Check that a spreadsheet export reads back as the CSV it was made from:
# LibreOffice converts every sheet of XLSX to CSV, the data sheets are
# joined in workbook order (each repeats the header; the trailing
# "dictionary" sheet is left out) and compared with CSV row by row.
#   tests/checks/xlsx-roundtrip.sh XLSX CSV
# Prints each differing row, then one line:
#   RESULT: <rows that match> <rows that differ> 0 xlsx-roundtrip
# (header included).  Exits 1 when a row differs.  A missing LibreOffice
# or python3 is a failure, not a skip.
#
# Cells must be equal byte for byte, except for two normalisations that
# cannot be avoided, because LibreOffice prints typed cells its own way:
#  - a number: LibreOffice writes 1e20 as 1E+020 and 1/3 as
#    0.333333333333333, so a CSV cell written as a plain decimal number
#    (no '+', no leading zeros) matches a LibreOffice number of the same
#    value to 15 significant digits, Excel's precision;
#  - a boolean: LibreOffice writes TRUE and FALSE, which match true,
#    false, 1 and 0 in the CSV, in any case.
# Custom trueValues, decimalChar, groupChar or missingValues in the
# schema are not known here, so such cells are reported as differences.
#
# The conversion uses LibreOffice's CSV filter options (see "CSV Filter
# Options" in its help): 44 comma, 34 double quote, 76 UTF-8, 1 first
# line, no column formats, language 0, quote only where needed (false),
# token 8 true, raw values rather than as shown (false), no formulas
# (false), keep spaces (false), and -1: every sheet to its own file,
# named BASE-SHEET.csv.
set -eu

filter='Text - txt - csv (StarCalc)'
filter="$filter:44,34,76,1,,0,false,true,false,false,false,-1"

fail() {
	echo "xlsx-roundtrip: $*"
	echo "RESULT: 0 1 0 xlsx-roundtrip"
	exit 1
}

[ $# -eq 2 ] || fail "usage: tests/checks/xlsx-roundtrip.sh XLSX CSV"
xlsx=$1
csv=$2
[ -f "$xlsx" ] || fail "no such file: $xlsx"
[ -f "$csv" ] || fail "no such file: $csv"
lo=$(command -v soffice || command -v libreoffice || true)
[ -n "$lo" ] || fail "LibreOffice not found (apt-get install" \
    "--no-install-recommends libreoffice-calc-nogui)"
command -v python3 >/dev/null 2>&1 || fail "python3 not found"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/in" "$tmp/out"
cp "$xlsx" "$tmp/in/book.xlsx"

# A profile of our own: no clash with a LibreOffice already running.
"$lo" -env:UserInstallation="file://$tmp/profile" --headless \
    --convert-to "csv:$filter" --outdir "$tmp/out" "$tmp/in/book.xlsx" \
    >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "LibreOffice failed"; }

python3 - "$tmp/in/book.xlsx" "$tmp/out" "$csv" <<'EOF'
import csv, re, sys, zipfile, html

book, outdir, source = sys.argv[1:4]

with zipfile.ZipFile(book) as z:
    wb = z.read("xl/workbook.xml").decode("utf-8")
sheets = [html.unescape(n) for n in re.findall(r'<sheet name="([^"]*)"', wb)]
if len(sheets) > 1 and sheets[-1].startswith("dictionary"):
    sheets.pop()

def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))

got = []
for i, name in enumerate(sheets):
    try:
        rows = read("%s/book-%s.csv" % (outdir, name))
    except OSError as e:
        print("xlsx-roundtrip: sheet '%s' not converted: %s" % (name, e))
        print("RESULT: 0 1 0 xlsx-roundtrip")
        sys.exit(1)
    if i > 0:
        if not rows or rows[0] != got[0]:
            print("xlsx-roundtrip: sheet '%s' does not start with the "
                  "header" % name)
            print("RESULT: 0 1 0 xlsx-roundtrip")
            sys.exit(1)
        rows = rows[1:]
    got.extend(rows)
want = read(source)

plain = re.compile(r'-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z')

def same(w, g):
    if w == g:
        return True
    if plain.match(w):
        try:
            return "%.15g" % float(w) == "%.15g" % float(g)
        except ValueError:
            return False
    if g in ("TRUE", "FALSE"):
        return w.lower() in (("true", "1") if g == "TRUE" else ("false", "0"))
    return False

ok = bad = 0
for n in range(max(len(want), len(got))):
    w = want[n] if n < len(want) else []
    g = got[n] if n < len(got) else []
    width = max(len(w), len(g))
    w = w + [""] * (width - len(w))
    g = g + [""] * (width - len(g))
    diff = [i for i in range(width) if not same(w[i], g[i])]
    if not diff:
        ok += 1
        continue
    bad += 1
    if bad <= 20:
        i = diff[0]
        print("row %d, column %d: CSV %r, XLSX %r" % (n + 1, i + 1, w[i], g[i]))
print("RESULT: %d %d 0 xlsx-roundtrip" % (ok, bad))
sys.exit(1 if bad else 0)
EOF
