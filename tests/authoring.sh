#!/bin/sh
# The authoring loop: planpress init, new page, new dataset, --stats and
# the progress line.  Every site made here must pass check and build.
# PLANPRESS names the binary (possibly behind valgrind).  Prints
# "RESULT: passed failed skipped authoring".
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
P=${PLANPRESS:-$ROOT/planpress}
TMP=$ROOT/tests/tmp/authoring
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0
skip=0
export TZ=UTC LC_ALL=C SOURCE_DATE_EPOCH=1716000000	# 2024-05-18

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
expect_status() {	# expect_status WANT DESCRIPTION COMMAND...
	want=$1
	what=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "$what: exit $got, want $want"
		cat "$TMP/out" "$TMP/err"
	fi
}
has() {	# has FILE PATTERN DESCRIPTION: grep -E
	if grep -Eq -- "$2" "$1"; then ok; else
		bad "$3: no '$2' in $1"
		sed 's/^/  | /' "$1" | head -40
	fi
}
hasnt() {
	if grep -Eq -- "$2" "$1"; then
		bad "$3: '$2' in $1"
		sed 's/^/  | /' "$1" | head -40
	else ok; fi
}

# planpress init: a site that builds, with the whole theme in it.  Run
# from another folder, so nothing is read from this source tree.
S=$TMP/site
(cd "$TMP" && $P init site >"$TMP/out" 2>"$TMP/err") && ok ||
    { bad "init"; cat "$TMP/out" "$TMP/err"; }
has "$TMP/out" '^site/site.yaml$' "init lists what it made"
for f in site.yaml content/_index.md datasets/chi-tieu.csv \
    datasets/chi-tieu.yaml themes/default/layouts/base.mustache \
    themes/default/archetypes/default.md; do
	[ -f "$S/$f" ] && ok || bad "init did not make $f"
done
diff -r -x '.*' themes/default "$S/themes/default" >"$TMP/diff" && ok ||
    { bad "init's theme differs from themes/default"; head "$TMP/diff"; }
# The starter site is starter/, its templates rendered with today's date.
for f in $(cd starter && find . -type f ! -name '.*' | sed 's|^\./||' | sort); do
	sed 's/{{today}}/2024-05-18/g' "starter/$f" | cmp -s - "$S/$f" && ok ||
	    bad "init's $f is not starter/$f with today's date"
done
has "$S/datasets/chi-tieu.yaml" '^issued: "2024-05-18"$' \
    "the sample dataset is issued today"
has "$S/site.yaml" '^# base_url: ' "init writes a commented base_url"
expect_status 0 "check of a new site" $P check -s "$S"
has "$TMP/out" ' 0 warnings' "a new site checks without warnings"
hasnt "$TMP/err" 'warning|error' "check of a new site is silent"
expect_status 0 "build of a new site" $P build -s "$S"
has "$TMP/out" ', 1 warning, ' "a new site builds with one warning"
[ "$(grep -c 'warning:' "$TMP/err")" -eq 1 ] && ok ||
    bad "build of a new site: not exactly one warning"
has "$TMP/err" 'warning: the data catalogs need .*base_url' \
    "the one warning is base_url"
[ -f "$S/output/nhiem-vu/nhiem-vu-dau-tien/index.html" ] && ok ||
    bad "the new site's page was not built"
[ -f "$S/output/dataset/chi-tieu/index.html" ] && ok ||
    bad "the new site's dataset was not built"
expect_status 0 "build of a new site with a base URL" \
    $P build -s "$S" --base-url https://example.gov.vn/ke-hoach/
hasnt "$TMP/err" 'warning' "a new site with a base URL has no warning"
mkdir -p "$TMP/full" && : >"$TMP/full/x"
expect_status 1 "init in a non-empty folder" $P init "$TMP/full"
has "$TMP/err" 'not empty' "init names the problem"
[ ! -e "$TMP/full/site.yaml" ] && ok || bad "init wrote into a non-empty folder"
expect_status 2 "init without a folder" $P init
expect_status 2 "init with --output" $P init "$TMP/x" --output "$TMP/y"

# planpress new page, in an existing section and in a new one.
expect_status 0 "new page in a section" $P new page -s "$S" \
    "nhiem-vu/Kiểm tra an toàn thông tin"
F=$S/content/nhiem-vu/kiem-tra-an-toan-thong-tin.md
has "$TMP/out" "^$S/content/nhiem-vu/kiem-tra-an-toan-thong-tin.md\$" \
    "new page prints the path"
has "$F" '^title: "Kiểm tra an toàn thông tin"$' "the page has its title"
has "$F" '^date: 2024-05-18$' "the page has SOURCE_DATE_EPOCH's date"
has "$F" '^draft: true$' "the page is a draft"
has "$F" '^summary: ' "the page has the archetype's other keys"
[ "$(grep -c '^title:' "$F")" -eq 1 ] && ok || bad "the page has two titles"
expect_status 0 "new page in a new section" $P new page -s "$S" \
    "tin-tuc/Hội nghị số 1/2024"
has "$TMP/out" 'content/tin-tuc/_index.md$' "the new section gets an _index.md"
has "$TMP/out" 'content/tin-tuc/hoi-nghi-so-1-2024.md$' \
    "a title may hold '/'"
# A section typed as a title keeps its title; '/' in a title after a
# digit stays in the title; an existing section is found by its title.
expect_status 0 "new page in a section typed as a title" $P new page \
    -s "$S" "Mục tiêu/Nâng cao chất lượng"
has "$TMP/out" '^'"$S"'/content/muc-tieu/_index.md \(the new section "Mục tiêu"\)$' \
    "new page says it made a section with the typed title"
has "$S/content/muc-tieu/_index.md" '^title: "Mục tiêu"$' \
    "the new section keeps its title as typed"
[ -f "$S/content/muc-tieu/nang-cao-chat-luong.md" ] && ok ||
    bad "the page in the section typed as a title"
expect_status 0 "new page in an existing section typed as a title" \
    $P new page -s "$S" "Nhiệm vụ/Trang khác"
[ -f "$S/content/nhiem-vu/trang-khac.md" ] && ok ||
    bad "an existing section is found by its title"
has "$S/content/nhiem-vu/_index.md" '^title: "Nhiệm vụ"$' \
    "an existing section's title is left alone"
expect_status 0 "new page whose title holds a '/'" $P new page -s "$S" \
    "Quyết định 73/QĐ-BCĐ"
[ -f "$S/content/quyet-dinh-73-qd-bcd.md" ] && [ ! -d "$S/content/quyet-dinh-73" ] &&
    ok || bad "'Quyết định 73/QĐ-BCĐ' is a title, not a section"
expect_status 0 "new page with a long title" $P new page -s "$S" \
    "tin-tuc/Kế hoạch triển khai thực hiện chuyển đổi số năm 2024 của Ban Chỉ đạo chuyển đổi số tỉnh Thừa Thiên Huế"
has "$TMP/out" 'ke-hoach-trien-khai-thuc-hien-chuyen-doi-so-nam-2024-cua-ban-chi-dao-chuyen-doi\.md \(the title is long: its slug was shortened to 79 characters; rename the file or set slug: ' \
    "new page says it shortened the slug"
expect_status 0 "new page with a short title" $P new page -s "$S" \
    "tin-tuc/Ngắn"
hasnt "$TMP/out" 'shortened' "no word of shortening for a short title"
mkdir -p "$S/archetypes"
printf -- '---\ntitle: x\ncode: "II.0"\nlead:\n  - "Sở"\ndraft: false\n---\n\n## Nội dung\n' \
    >"$S/archetypes/nhiem-vu.md"
expect_status 0 "new page from the site's archetype" $P new page -s "$S" \
    "nhiem-vu/Nhiệm vụ mới"
F=$S/content/nhiem-vu/nhiem-vu-moi.md
has "$F" '^code: "II.0"$' "the site's archetype keys are kept"
has "$F" '^draft: true$' "the archetype's draft is replaced"
has "$F" '^## Nội dung$' "the archetype's body is kept"
hasnt "$F" '^title: x$' "the archetype's title is replaced"
expect_status 0 "check with the new pages" $P check -s "$S" --drafts
hasnt "$TMP/err" 'warning|error' "the new pages check cleanly"
expect_status 0 "build with the new pages" $P build -s "$S" --drafts \
    --base-url https://example.gov.vn/
[ -f "$S/output/tin-tuc/hoi-nghi-so-1-2024/index.html" ] && ok ||
    bad "the page in the new section was not built"
cp "$S/content/nhiem-vu/kiem-tra-an-toan-thong-tin.md" "$TMP/before.md"
expect_status 1 "new page over an existing one" $P new page -s "$S" \
    "nhiem-vu/Kiểm tra an toàn thông tin"
cmp -s "$TMP/before.md" "$S/content/nhiem-vu/kiem-tra-an-toan-thong-tin.md" &&
    ok || bad "an existing page was overwritten"
expect_status 1 "new page with .." $P new page -s "$S" "../Ngoài"
expect_status 1 "new page with ../.." $P new page -s "$S" "nhiem-vu/../../x"
expect_status 1 "new page with an absolute path" $P new page -s "$S" "/tmp/x"
[ ! -e "$S/ngoai.md" ] && [ ! -e "$TMP/ngoai.md" ] && ok ||
    bad "new page wrote outside content/"
expect_status 1 "new page without a title" $P new page -s "$S" "nhiem-vu/"
expect_status 2 "new page without a title argument" $P new page -s "$S"
expect_status 2 "new without what" $P new -s "$S"

# planpress new dataset from a CSV: types, required, primary key.
cat >"$TMP/bao-cao.csv" <<'EOF'
Mã đơn vị,Tên đơn vị,Ngày báo cáo,Số hồ sơ,Tỷ lệ (%),Hoàn thành,Ghi chú,Năm
S01,"Sở Thông tin và Truyền thông",2024-05-16,120,85.5,true,,2023
S02,"Sở Nội vụ, tỉnh",2024-06-01,98,90,false,"có ""ghi chú""",2024
S03,Công an tỉnh,2024-07-15,,77.25,TRUE,x,2024
EOF
expect_status 0 "new dataset from a CSV" $P new dataset -s "$S" bao-cao \
    "$TMP/bao-cao.csv"
Y=$S/datasets/bao-cao.yaml
has "$TMP/out" 'datasets/bao-cao.yaml$' "new dataset prints the paths"
tr '\n' ' ' <"$Y" >"$TMP/flat"
for f in 'ma_don_vi" +type: string +title: "Mã đơn vị" +constraints: +required: true' \
    'ngay_bao_cao" +type: date +title: "Ngày báo cáo" +constraints: +required: true' \
    'so_ho_so" +type: integer +title: "Số hồ sơ" +-' \
    'ty_le" +type: number +title: "Tỷ lệ \(%\)" +constraints: +required: true' \
    'hoan_thanh" +type: boolean' 'ghi_chu" +type: string +title: "Ghi chú" +-' \
    'nam" +type: year' 'missingValues: \[""\]' 'primaryKey: "ma_don_vi"'; do
	has "$TMP/flat" "$f" "inferred schema"
done
for k in title description keywords temporal frequency version; do
	has "$Y" "^$k: " "the metadata has $k"
done
has "$Y" '^# publisher:' "publisher is left to site.yaml, with a comment"
has "$Y" '^# license:' "license is left to site.yaml, with a comment"
has "$Y" '^issued: "2024-05-18"$' "issued is today"
has "$Y" '^sample: false' "sample is false"
has "$Y" '^temporal: \{ start: "2024-05-16", end: "2024-07-15" \}' \
    "temporal comes from the dates"
has "$S/datasets/bao-cao.csv" '^ma_don_vi,ten_don_vi,ngay_bao_cao,' \
    "the copy's header has the field names"
expect_status 0 "check with the new dataset" $P check -s "$S"
has "$TMP/err" "bao-cao.yaml:[0-9]*:[0-9]*: warning: the title of dataset 'bao-cao' is still its file name" \
    "a title left as the file name is a warning"
has "$TMP/err" "bao-cao.yaml:[0-9]*:[0-9]*: warning: the description of dataset 'bao-cao' is still the placeholder" \
    "the placeholder description is a warning"
expect_status 1 "check --strict with the placeholders" $P check --strict -s "$S"
fill_in() {	# write a title and a description for every new dataset
	for y in "$S"/datasets/*.yaml; do
		sed -i -e "s/^title: \"\([a-z0-9-]*\)\"\$/title: \"Bộ dữ liệu \1\"/" \
		    -e 's/^  TODO: .*/  Mỗi dòng là một đơn vị./' "$y"
	done
}
fill_in
expect_status 0 "check once title and description are written" $P check -s "$S"
hasnt "$TMP/err" 'warning|error' "the new dataset checks cleanly"
expect_status 1 "new dataset over an existing one" $P new dataset -s "$S" \
    bao-cao "$TMP/bao-cao.csv"
has "$TMP/err" "dataset 'bao-cao' exists" "new dataset names the problem"
expect_status 1 "new dataset with a bad id" $P new dataset -s "$S" Bao_Cao
has "$TMP/err" "dataset id 'Bao_Cao' must be" "the bad id is named"
expect_status 1 "new dataset with ../ in the id" $P new dataset -s "$S" ../x
[ ! -e "$S/x.yaml" ] && ok || bad "new dataset wrote outside datasets/"
expect_status 0 "new dataset without a CSV" $P new dataset -s "$S" trong
has "$S/datasets/trong.csv" '^id,name,value$' "a header-only placeholder"
# TCVN3 text once opened as Windows-1252 and saved again as UTF-8.
printf 'ma,ten\nstttt,S\303\253 Th\302\253ng tin v\302\265 Truy\303\222n th\302\253ng\n' \
    >"$TMP/moj.csv"
expect_status 0 "new dataset from TCVN3 mojibake" $P new dataset -s "$S" \
    don-vi "$TMP/moj.csv"
has "$TMP/out" 'converted from TCVN3' "new dataset says it converted"
has "$S/datasets/don-vi.csv" 'Sở Thông tin và Truyền thông' "converted to UTF-8"
printf 'a,b\nx,caf\351 \377\n' >"$TMP/latin.csv"
expect_status 1 "new dataset from invalid UTF-8" $P new dataset -s "$S" \
    latin "$TMP/latin.csv"
has "$TMP/err" 'latin.csv:2:[0-9]+: error: invalid UTF-8' "as the build says it"
[ ! -e "$S/datasets/latin.csv" ] && ok || bad "a refused CSV was copied"
printf 'a,b\n1,2,3\n' >"$TMP/ragged.csv"
expect_status 1 "new dataset from a ragged CSV" $P new dataset -s "$S" \
    ragged "$TMP/ragged.csv"
has "$TMP/err" 'ragged.csv:2: error: row has 3 cells' "the row is named"
# Vietnamese number and date conventions, codes mixed with numbers,
# and no coverage made up when the data has no dates.
cat >"$TMP/vn.csv" <<'EOF'
Mã,Tỷ lệ,Dân số,Ngày,Tiền
1.1,"8,28",1.234.567,16/05/2024,"1.234,5"
2022,"7,5",980,1/6/2024,"12,25"
I.2.a,10,12.000,31/12/2023,3
EOF
expect_status 0 "new dataset with Vietnamese formats" $P new dataset -s "$S" \
    vn "$TMP/vn.csv"
tr '\n' ' ' <"$S/datasets/vn.yaml" >"$TMP/flat"
for f in '"ma" +type: string' \
    '"ty_le" +type: number +title: "Tỷ lệ" +decimalChar: "," +constraints' \
    '"dan_so" +type: integer +title: "Dân số" +groupChar: "\." +constraints' \
    '"ngay" +type: date +title: "Ngày" +format: "%d/%m/%Y"' \
    '"tien" +type: number +title: "Tiền" +decimalChar: "," +groupChar: "\."' \
    'temporal: \{ start: "2023-12-31", end: "2024-06-01" \}'; do
	has "$TMP/flat" "$f" "Vietnamese formats"
done
printf 'Tên,Ghi chú\nmột,x\nhai,y\n' >"$TMP/nodate.csv"
expect_status 0 "new dataset without dates" $P new dataset -s "$S" \
    khong-ngay "$TMP/nodate.csv"
has "$S/datasets/khong-ngay.yaml" '^# temporal: ' \
    "no temporal without dates, a commented line instead"
hasnt "$S/datasets/khong-ngay.yaml" '^temporal:|2024-01-01' \
    "no temporal made up from today"
expect_status 0 "build with Vietnamese formats" $P build -s "$S" \
    -b https://example.gov.vn/
has "$S/output/dataset/vn/data/vn.json" \
    '"ty_le":8.28,"dan_so":1234567,"ngay":"2024-05-16","tien":1234.5' \
    "the build reads decimal commas, groups and dd/mm/yyyy"
# The build's own .xlsx download (libxlsxwriter) read back as a dataset.
expect_status 0 "new dataset from the build's .xlsx" $P new dataset -s "$S" \
    vn-back "$S/output/dataset/vn/data/vn.xlsx"
printf 'ma,ty_le,dan_so,ngay,tien\n1.1,8.28,1234567,2024-05-16,1234.5\n2022,7.5,980,2024-06-01,12.25\nI.2.a,10,12000,2023-12-31,3\n' >"$TMP/back.want"
cmp -s "$TMP/back.want" "$S/datasets/vn-back.csv" && ok ||
    { bad "the build's .xlsx read back"; diff "$TMP/back.want" "$S/datasets/vn-back.csv"; }
# planpress new dataset from workbooks written by LibreOffice, in the
# 1900 and the 1904 date systems (tests/workbooks/bao-cao.fods).  The
# libxlsxwriter workbooks are in tests/unit/test_xlsxread.c.
lo=$(command -v soffice || command -v libreoffice || true)
if [ -n "$lo" ]; then
	mkdir -p "$TMP/wb"
	cp tests/workbooks/bao-cao.fods "$TMP/wb/"
	sed 's|<!-- SETTINGS -->|<table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>|' \
	    tests/workbooks/bao-cao.fods >"$TMP/wb/bao-cao-1904.fods"
	"$lo" -env:UserInstallation="file://$TMP/lo-profile" --headless \
	    --convert-to xlsx --outdir "$TMP/wb" "$TMP/wb/bao-cao.fods" \
	    "$TMP/wb/bao-cao-1904.fods" >"$TMP/lo.log" 2>&1
	[ -f "$TMP/wb/bao-cao.xlsx" ] && [ -f "$TMP/wb/bao-cao-1904.xlsx" ] &&
	    ok || { bad "LibreOffice did not convert the workbooks"; cat "$TMP/lo.log"; }
	expect_status 0 "new dataset from an .xlsx" $P new dataset -s "$S" \
	    excel "$TMP/wb/bao-cao.xlsx"
	has "$TMP/out" "datasets/excel.csv \\(from the sheet 'Báo cáo' of .*bao-cao.xlsx\\)\$" \
	    "new dataset names the sheet it read"
	has "$TMP/err" "bao-cao.xlsx: warning: sheet 'Báo cáo', cells B3:B4: merged; the value is kept in B3" \
	    "merged cells are reported with the sheet and the cells"
	cat >"$TMP/excel.want" <<'EOF'
ma_don_vi,ten_don_vi,ngay_bao_cao,ty_le,so_ho_so,hoan_thanh
S01,Sở Thông tin và Truyền thông,2024-05-16,85.5,1200,true
S02,"Sở Nội vụ, tỉnh ""Huế""",2024-02-29,8.28,98,false
S03,,2023-12-31,-0.5,,true
EOF
	cmp -s "$TMP/excel.want" "$S/datasets/excel.csv" && ok ||
	    { bad "the CSV of the workbook"; diff "$TMP/excel.want" "$S/datasets/excel.csv"; }
	has "$S/datasets/excel.yaml" "^# datasets/excel.csv was made from the sheet 'Báo cáo' of bao-cao.xlsx on 2024-05-18; the CSV\$" \
	    "the metadata says where the CSV came from"
	tr '\n' ' ' <"$S/datasets/excel.yaml" >"$TMP/flat"
	for f in '"ngay_bao_cao" +type: date +title: "Ngày báo cáo" +constraints' \
	    '"ty_le" +type: number' '"so_ho_so" +type: integer +title: "Số hồ sơ" +-' \
	    '"hoan_thanh" +type: boolean' '"ten_don_vi" +type: string +title: "Tên đơn vị" +-' \
	    'temporal: \{ start: "2023-12-31", end: "2024-05-16" \}'; do
		has "$TMP/flat" "$f" "schema of the workbook"
	done
	expect_status 0 "new dataset from a 1904 workbook" $P new dataset \
	    -s "$S" excel-1904 "$TMP/wb/bao-cao-1904.xlsx"
	unzip -p "$TMP/wb/bao-cao-1904.xlsx" xl/workbook.xml >"$TMP/wb.xml"
	has "$TMP/wb.xml" 'date1904="(true|1)"' "LibreOffice wrote a 1904 workbook"
	tail -n +2 "$S/datasets/excel-1904.csv" >"$TMP/got"
	tail -n +2 "$TMP/excel.want" | cmp -s - "$TMP/got" && ok ||
	    { bad "the 1904 workbook's dates"; cat "$TMP/got"; }
	expect_status 0 "new dataset from another sheet" $P new dataset -s "$S" \
	    don-vi-excel "$TMP/wb/bao-cao.xlsx" --sheet "Đơn vị"
	has "$S/datasets/don-vi-excel.csv" '^UB,Ủy ban nhân dân tỉnh$' "--sheet"
	expect_status 1 "new dataset from an unknown sheet" $P new dataset \
	    -s "$S" x "$TMP/wb/bao-cao.xlsx" --sheet "Trang 3"
	has "$TMP/err" "no sheet named 'Trang 3'; the workbook has 'Báo cáo', 'Đơn vị'" \
	    "an unknown sheet lists the sheets"
	[ ! -e "$S/datasets/x.csv" ] && ok || bad "an unknown sheet left a CSV"
	python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")' \
	    "$TMP/wb/book.ods"
	expect_status 1 "new dataset from an .ods" $P new dataset -s "$S" x \
	    "$TMP/wb/book.ods"
	has "$TMP/err" 'book.ods: error: not an Excel workbook \(.xlsx\): it has no xl/workbook.xml' \
	    "an .ods is refused with advice"
else
	echo "SKIP: LibreOffice is not installed (new dataset from .xlsx)"
	skip=$((skip + 22))
fi
printf '\320\317\021\340\241\261\032\341rest' >"$TMP/old.xls"
expect_status 1 "new dataset from an .xls" $P new dataset -s "$S" x "$TMP/old.xls"
has "$TMP/err" 'old.xls: error: an Excel 97-2003 workbook \(.xls\): save it' \
    "an .xls is refused with advice"
expect_status 1 "--sheet with a CSV" $P new dataset -s "$S" x \
    "$TMP/vn.csv" --sheet A
has "$TMP/err" '--sheet is for .xlsx files' "--sheet with a CSV names the problem"
expect_status 2 "--sheet with build" $P build -s "$S" --sheet A
expect_status 2 "--sheet without a file" $P new dataset -s "$S" x --sheet A
fill_in
expect_status 0 "check with every new dataset" $P check -s "$S"
hasnt "$TMP/err" 'warning|error' "every new dataset checks cleanly"

# make install into a temporary PREFIX (with and without DESTDIR), not
# the one planpress was compiled for: the installed binary finds the
# installed theme beside it.  The site has no themes/ of its own, and
# the installed theme carries a mark, so the build shows which it used.
if command -v make >/dev/null 2>&1; then
	for how in prefix destdir; do
		I=$TMP/install-$how
		rm -rf "$I"
		if [ $how = prefix ]; then
			make -s -C "$ROOT" install PREFIX="$I/usr" DESTDIR= \
			    >"$TMP/out" 2>&1
			B=$I/usr/bin/planpress
			T=$I/usr/share/planpress/themes/default
		else
			make -s -C "$ROOT" install PREFIX=/opt/pp DESTDIR="$I/stage" \
			    >"$TMP/out" 2>&1
			B=$I/stage/opt/pp/bin/planpress
			T=$I/stage/opt/pp/share/planpress/themes/default
		fi
		[ -x "$B" ] && [ -f "$T/layouts/base.mustache" ] &&
		    [ -f "$(dirname "$B")/../share/man/man1/planpress.1" ] && ok ||
		    { bad "make install ($how)"; cat "$TMP/out"; }
		# The installed catalog, found beside the installed binary.
		[ -f "$(dirname "$B")/../share/locale/vi/LC_MESSAGES/planpress.mo" ] &&
		    ok || bad "make install ($how) installs no Vietnamese catalog"
		(cd "$I" && env LC_ALL=C.UTF-8 LANGUAGE=vi "$B" frobnicate) \
		    >"$TMP/out" 2>"$TMP/err"
		has "$TMP/err" "^planpress: không có lệnh 'frobnicate'$" \
		    "the installed binary speaks Vietnamese ($how)"
		printf '<!-- installed-theme-%s -->\n' $how >>"$T/layouts/base.mustache"
		(cd "$I" && "$B" init site >/dev/null 2>&1) && ok ||
		    bad "init with the installed binary ($how)"
		rm -rf "$I/site/themes"
		expect_status 0 "new page with the installed theme's archetypes ($how)" \
		    "$B" new page -s "$I/site" "nhiem-vu/Trang cài đặt"
		expect_status 0 "build with the installed theme ($how)" \
		    "$B" build -s "$I/site" -b https://example.gov.vn/
		has "$I/site/output/index.html" "installed-theme-$how" \
		    "the build used the installed theme ($how)"
	done
else
	echo "SKIP: make is not installed (make install)"
	skip=$((skip + 14))
fi

# --stats: every stage and the peak memory, on stderr.
expect_status 0 "build --stats" $P build -s "$S" --stats -b https://example.gov.vn/
for st in load link 'datasets scan' 'publish packages' 'search index' \
    'render pages' 'write/commit' total; do
	has "$TMP/err" "^$st +[0-9]+\.[0-9]{3} s$" "--stats shows '$st'"
done
has "$TMP/err" '^peak memory +[0-9]+\.[0-9] MB$' "--stats shows the peak memory"
expect_status 0 "check --stats" $P check -s "$S" --stats
has "$TMP/err" '^render pages ' "check --stats shows the stages"
expect_status 2 "serve --stats" $P serve -s "$S" --stats

# Progress: a site long enough to build for a moment (the first update
# comes 0.1 s after the start; valgrind is slow enough with fewer pages).
n=8000
case $P in *valgrind*) n=1000 ;; esac
awk -v dir="$S/content/nhiem-vu" -v n=$n 'BEGIN {
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/trang-%d.md", dir, i)
		printf "---\ntitle: \"Trang %d\"\n---\n\nNội dung %d.\n", i, i >f
		close(f)
	}
}'
$P build -s "$S" -j 1 >"$TMP/pipe.out" 2>"$TMP/pipe.err"
cat "$TMP/pipe.out" "$TMP/pipe.err" >"$TMP/pipe"
if LC_ALL=C tr -d '\r\033' <"$TMP/pipe" | cmp -s - "$TMP/pipe"; then ok; else
	bad "progress wrote control characters into a pipe"
fi
hasnt "$TMP/pipe" 'Rendering' "no progress line into a pipe"
if command -v script >/dev/null 2>&1 &&
    script -qc true /dev/null >/dev/null 2>&1; then
	script -qc "$P build -s '$S' -j 1" /dev/null >"$TMP/tty" 2>&1
	has "$TMP/tty" "$(printf '\r')Rendering [0-9,]+/[0-9,]+ pages" \
	    "progress on a terminal"
	has "$TMP/tty" "$(printf '\033')\[K" "the progress line is cleared"
	script -qc "$P build -q -s '$S' -j 1" /dev/null >"$TMP/tty" 2>&1
	hasnt "$TMP/tty" 'Rendering' "no progress with --quiet"
else
	echo "SKIP: script(1) from util-linux is not installed"
	skip=$((skip + 3))
fi

echo "RESULT: $pass $fail $skip authoring"
[ $fail -eq 0 ]
