#!/bin/sh
# Whole-site tests on the default site of this repository: the command
# line, determinism, that a failed build leaves the previous output
# untouched, that check writes nothing, relative links, and the theme's
# strings.  PLANPRESS names the binary.
set -u
cd "$(dirname "$0")/.."
P=${PLANPRESS:-$(pwd)/planpress}
TMP=$(pwd)/tests/tmp/site
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
expect_status() {	# expect_status WANT DESCRIPTION COMMAND...
	want=$1
	what=$2
	shift 2
	"$@" >"$TMP/cmd.out" 2>&1
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "$what: exit $got, want $want"
		cat "$TMP/cmd.out"
	fi
}
listing() { (cd "$1" && find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s.%N; find . -type f -print0 | sort -z | xargs -0 sha256sum); }

# The command line.
expect_status 0 "--help" $P --help
grep -q '^usage: planpress build' "$TMP/cmd.out" && ok || bad "--help prints usage"
expect_status 0 "--version" $P --version
grep -q '^planpress [0-9]' "$TMP/cmd.out" && ok || bad "--version prints the version"
expect_status 2 "no command" $P
expect_status 2 "unknown command" $P frobnicate
expect_status 2 "unknown option" $P build --no-such-option
expect_status 2 "check with --output" $P check --output "$TMP/x"

# The default site builds, with a summary line, and check writes nothing.
expect_status 0 "build of the default site" $P build --output "$TMP/a"
grep -Eq '^planpress: [0-9]+ pages, [0-9]+ files written to .*, [0-9]+ warnings?, [0-9.]+ s$' "$TMP/cmd.out" && ok ||
    bad "build prints a summary line: $(cat "$TMP/cmd.out")"
[ -f "$TMP/a/index.html" ] && ok || bad "build writes index.html"
expect_status 0 "check of the default site" $P check
grep -Eq '^planpress: [0-9]+ pages checked' "$TMP/cmd.out" && ok || bad "check prints a summary"

# Two builds of the same input are byte-identical.
expect_status 0 "second build" $P build --quiet --output "$TMP/b"
diff -r "$TMP/a" "$TMP/b" >/dev/null && ok || bad "two builds differ"

# The output does not depend on the number of render threads.
expect_status 0 "build on one thread" $P build --quiet --jobs 1 --output "$TMP/j1"
expect_status 0 "build on four threads" $P build --quiet --jobs 4 --output "$TMP/j4"
diff -r "$TMP/j1" "$TMP/j4" >/dev/null && ok || bad "--jobs 1 and --jobs 4 differ"
expect_status 2 "--jobs 0" $P build --jobs 0

# Unchanged files keep their inode and modification time; changed ones do not.
mkdir -p "$TMP/edit"
cp -R site.yaml content datasets themes "$TMP/edit/"
expect_status 0 "first build of a copy" $P build --quiet --source "$TMP/edit" --output "$TMP/m"
before_home=$(stat -c '%i %Y' "$TMP/m/index.html")
before_page=$(stat -c '%i %Y' "$TMP/m/tong-quan/index.html")
sleep 1.1
printf '\nMột dòng mới.\n' >>"$TMP/edit/content/tong-quan.md"
expect_status 0 "second build of a copy" $P build --quiet --source "$TMP/edit" --output "$TMP/m"
[ "$(stat -c '%i %Y' "$TMP/m/index.html")" = "$before_home" ] && ok || bad "an unchanged page lost its inode or mtime"
[ "$(stat -c '%i %Y' "$TMP/m/tong-quan/index.html")" != "$before_page" ] && ok || bad "a changed page kept its old file"
grep -q 'Một dòng mới' "$TMP/m/tong-quan/index.html" && ok || bad "the changed page has the new text"

# A build with errors leaves the previous output exactly as it was.
mkdir -p "$TMP/broken"
cp -R site.yaml content themes "$TMP/broken/"
printf -- '---\ntitle: [unclosed\n---\nbody\n' >"$TMP/broken/content/tong-quan.md"
listing "$TMP/a" >"$TMP/before"
expect_status 1 "build of a broken site" $P build --source "$TMP/broken" --output "$TMP/a"
grep -Eq 'content/tong-quan.md:[0-9]+:[0-9]+: error: ' "$TMP/cmd.out" && ok || bad "broken build names file and line: $(cat "$TMP/cmd.out")"
listing "$TMP/a" >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after" && ok || bad "a failed build changed the previous output"
ls -d "$TMP"/a.staging-* "$TMP"/a.old-* >/dev/null 2>&1 && bad "a failed build left a staging folder" || ok

# The output folder may not hold the sources.
mkdir -p "$TMP/good"
cp -R site.yaml content themes "$TMP/good/"
expect_status 1 "output folder holding the sources" $P build --source "$TMP/good" --output "$TMP"
grep -q "holds the site's sources" "$TMP/cmd.out" && ok || bad "refusal names the problem: $(cat "$TMP/cmd.out")"
[ -f "$TMP/good/site.yaml" ] && ok || bad "the sources survived"

# Links inside the site are relative: nothing starts at the domain root
# (the 404 page is shown at any address, so its links start at the
# domain root with base_url's path, and name no host).
expect_status 0 "build with a sub-path base URL" $P build --quiet --output "$TMP/c" --base-url https://example.org/sub/path/
if grep -rl --include='*.html' -E '(href|src)="/' "$TMP/c" | grep -v '/404.html$' >"$TMP/abs"; then
	bad "pages link from the domain root: $(head -3 "$TMP/abs")"
else ok; fi
grep -q '<link rel="stylesheet" href="/sub/path/assets/style.css">' "$TMP/c/404.html" && ok ||
    bad "404 loads its style sheet from base_url's path"
grep -q 'class="site-header__title" href="/sub/path/"' "$TMP/c/404.html" && ok ||
    bad "404 links home from base_url's path"
# (other hosts' addresses may stay; the site's own is the canonical only)
if grep -Eo '(href|src)="[^"]*"' "$TMP/c/404.html" | grep -Ev '="(#|mailto:|tel:)' |
    grep -Ev '="(/sub/path/|https://example.org/sub/path/404.html")' |
    grep -E '="([^h]|https?://example.org)' >"$TMP/abs"; then
	bad "404 has links outside base_url's path: $(head -3 "$TMP/abs")"
else ok; fi

# --file-urls: every link to a page of the site names its index.html, and
# only the HTML changes; site.yaml's file_urls does the same.
expect_status 0 "build with --file-urls" $P build --quiet --file-urls --output "$TMP/f"
grep -rhoE --include='*.html' '(href|src)="[^"]*"' "$TMP/f" | sed 's/^[a-z]*="//; s/"$//; s/[?#].*//' |
    grep -vE '^(https?:|mailto:|tel:|$)' | grep -vE '[.][A-Za-z0-9]+$' | sort -u >"$TMP/folders"
[ -s "$TMP/folders" ] && bad "--file-urls left links to folders: $(head -3 "$TMP/folders")" || ok
grep -q 'href="tong-quan/index.html"' "$TMP/f/index.html" && ok || bad "--file-urls: the menu links index.html"
grep -q 'href="../index.html"' "$TMP/f/tong-quan/index.html" && ok || bad "--file-urls: a page links home as ../index.html"
diff -rq "$TMP/a" "$TMP/f" | grep -v '[.]html differ$' >"$TMP/fdiff"
[ -s "$TMP/fdiff" ] && bad "--file-urls changed more than HTML: $(head -3 "$TMP/fdiff")" || ok
diff -rq "$TMP/a" "$TMP/f" | grep -q 'index.html differ' && ok || bad "--file-urls changed no page"
mkdir -p "$TMP/fy"
cp -R content datasets themes "$TMP/fy/"
{ cat site.yaml; echo 'file_urls: true'; } >"$TMP/fy/site.yaml"
# (the copies are newer than the sources: the same dates for both)
expect_status 0 "build with --file-urls, dated" env SOURCE_DATE_EPOCH=1715817600 $P build --quiet --file-urls --output "$TMP/fd"
expect_status 0 "build with file_urls: true" env SOURCE_DATE_EPOCH=1715817600 $P build --quiet --source "$TMP/fy" --output "$TMP/fy-out"
diff -r "$TMP/fd" "$TMP/fy-out" >/dev/null && ok || bad "file_urls: true and --file-urls differ"
{ cat site.yaml; echo 'file_urls: "yes"'; } >"$TMP/fy/site.yaml"
expect_status 1 "file_urls: \"yes\"" $P check --source "$TMP/fy"
n=$(wc -l <site.yaml)
grep -q "site.yaml:$((n + 1)):[0-9]*: error: .*file_urls" "$TMP/cmd.out" && ok ||
    bad "a file_urls that is no boolean is an error at its line: $(cat "$TMP/cmd.out")"
expect_status 2 "new page --file-urls" $P new page --file-urls a/b
for f in "$TMP/c/index.html" "$TMP/c/dataset/index.html"; do
	grep -q '<link rel="alternate" type="text/turtle" href="[^"]*catalog.ttl"' "$f" && ok ||
	    bad "$f does not link the DCAT catalog as an alternate"
done

# A bad --base-url says it came from the command line.
expect_status 1 "build with a base URL without a host" $P build --quiet --output "$TMP/nohost" --base-url https:///x/
grep -q "^planpress: error: --base-url (on the command line) must be an absolute http:// or https:// URL with a host, not 'https:///x/'$" "$TMP/cmd.out" && ok ||
    bad "--base-url error names the command line: $(cat "$TMP/cmd.out")"

# An invalid SOURCE_DATE_EPOCH is one error, not one per file it dates.
expect_status 1 "build with SOURCE_DATE_EPOCH=soon" env SOURCE_DATE_EPOCH=soon $P build --quiet --output "$TMP/sde"
[ "$(cat "$TMP/cmd.out")" = "planpress: error: SOURCE_DATE_EPOCH 'soon' is not a number of seconds
planpress: 1 error, 0 warnings; nothing written" ] && ok ||
    bad "an invalid SOURCE_DATE_EPOCH gives one error: $(head -5 "$TMP/cmd.out")"

# A byte order mark at the start of a layout is dropped, not published
# before the doctype.
mkdir -p "$TMP/bom"
cp -R site.yaml content datasets themes "$TMP/bom/"
f="$TMP/bom/themes/default/layouts/base.mustache"
{ printf '\357\273\277'; cat themes/default/layouts/base.mustache; } >"$f.tmp" && mv "$f.tmp" "$f"
expect_status 0 "build with a BOM in a layout" $P build --quiet --source "$TMP/bom" --output "$TMP/bom-out"
head -c 3 "$TMP/bom-out/index.html" | grep -q "$(printf '\357\273\277')" &&
    bad "the layout's byte order mark reached the page" || ok

# A site's own partials/chart.mustache draws every chart: the figures'
# chart on a target's page and the charts of views alike.
mkdir -p "$TMP/ownchart"
cp -R site.yaml content datasets themes "$TMP/ownchart/"
f="$TMP/ownchart/themes/default/partials/chart.mustache"
sed 's/<figure class="chart /<figure class="chart own-chart /' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
expect_status 0 "build with its own chart partial" $P build --quiet --source "$TMP/ownchart" --output "$TMP/ownchart-out"
grep -q '<figure class="chart own-chart chart-line">' "$TMP/ownchart-out/chi-tieu/I.2.dd.2/index.html" && ok ||
    bad "a target's chart is not drawn by the site's partials/chart.mustache"
n=$(grep -rl 'class="chart own-chart' "$TMP/ownchart-out" --include=index.html | wc -l)
m=$(grep -rl 'class="chart ' "$TMP/ownchart-out" --include=index.html | wc -l)
[ "$n" -gt 1 ] && [ "$n" -eq "$m" ] && ok ||
    bad "$n of $m pages with a chart use the site's partials/chart.mustache"

# Every theme language has the same keys.
for t in themes/*/; do
	for f in "$t"i18n/*.yaml; do
		sed -n 's/^\([A-Za-z0-9_][A-Za-z0-9_.-]*\):.*/\1/p' "$f" | sort >"$f.keys.tmp"
	done
	first=""
	for f in "$t"i18n/*.yaml.keys.tmp; do
		if [ -z "$first" ]; then first=$f; continue; fi
		if diff "$first" "$f" >/dev/null; then ok; else
			bad "i18n keys of $first and $f differ"
		fi
	done
	rm -f "$t"i18n/*.keys.tmp
done

# A page whose address changes: the next build names the old address
# and the fix; "aliases:" writes a redirect page there.
M="$TMP/moved"
rm -rf "$M" "$TMP/moved-out"
mkdir -p "$M/content/tin"
printf 'title: "Moved"\nlanguage: vi\ntheme: default\nbase_url: "https://example.gov.vn/"\n' >"$M/site.yaml"
cp -R themes "$M/themes"
printf -- '---\ntitle: "Home"\n---\n\n[Tin](/tin/ten-cu/)\n' >"$M/content/_index.md"
printf -- '---\ntitle: "Ten cu"\n---\n\nText.\n' >"$M/content/tin/a.md"
expect_status 0 "first build of a page" $P build --quiet --source "$M" --output "$TMP/moved-out"
printf -- '---\ntitle: "Ten moi"\n---\n\nText.\n' >"$M/content/tin/a.md"
printf -- '---\ntitle: "Home"\n---\n\n[Tin](/tin/ten-moi/)\n' >"$M/content/_index.md"
expect_status 0 "build after the title changed" $P build --quiet --source "$M" --output "$TMP/moved-out"
grep -q "warning: the page '/tin/ten-cu/' of the previous build is no longer published: if it moved, add 'aliases: \[/tin/ten-cu/\]'" "$TMP/cmd.out" &&
    ok || bad "a moved page is named with its fix: $(cat "$TMP/cmd.out")"
printf -- '---\ntitle: "Ten moi"\naliases: [/tin/ten-cu/]\n---\n\nText.\n' >"$M/content/tin/a.md"
expect_status 0 "build with an alias" $P build --quiet --source "$M" --output "$TMP/moved-out"
grep -q warning "$TMP/cmd.out" && bad "an alias build warns: $(cat "$TMP/cmd.out")" || ok
R="$TMP/moved-out/tin/ten-cu/index.html"
grep -q '<link rel="canonical" href="https://example.gov.vn/tin/ten-moi/">' "$R" 2>/dev/null &&
    ok || bad "the alias page has the new address as canonical"
grep -q '<meta http-equiv="refresh" content="0; url=../ten-moi/">' "$R" 2>/dev/null &&
    ok || bad "the alias page sends browsers on, with a relative link"
grep -q '<a href="../ten-moi/">Ten moi</a>' "$R" 2>/dev/null && ok || bad "the alias page has a plain link"
expect_status 0 "build with an alias and --file-urls" $P build --quiet --file-urls --source "$M" --output "$TMP/moved-files"
R="$TMP/moved-files/tin/ten-cu/index.html"
grep -q '<meta http-equiv="refresh" content="0; url=../ten-moi/index.html">' "$R" 2>/dev/null &&
    ok || bad "with --file-urls, the alias page sends browsers to the page's file"
grep -q '<link rel="canonical" href="https://example.gov.vn/tin/ten-moi/">' "$R" 2>/dev/null &&
    ok || bad "with --file-urls, the alias page keeps the web address as canonical"
grep -q 'href="tin/ten-moi/index.html"' "$TMP/moved-files/index.html" 2>/dev/null &&
    ok || bad "with --file-urls, a Markdown link to a page names its file"
printf -- '---\ntitle: "Ten moi"\naliases: [/tin/ten-moi/]\n---\n\nText.\n' >"$M/content/tin/a.md"
expect_status 1 "an alias that is a page's address" $P check --source "$M"
grep -q "a.md:3:11: error: alias '/tin/ten-moi/' is the address of another page" "$TMP/cmd.out" &&
    ok || bad "an alias that is a page's address is an error: $(cat "$TMP/cmd.out")"
printf -- '---\ntitle: "Ten moi"\naliases: [tin/x, /a/../b/]\n---\n\nText.\n' >"$M/content/tin/a.md"
expect_status 1 "bad aliases" $P check --source "$M"
grep -q "a.md:3:11: error: alias 'tin/x' must be an address from the site root" "$TMP/cmd.out" &&
    ok || bad "an alias not from the root is an error: $(cat "$TMP/cmd.out")"
grep -q "a.md:3:18: error: alias '/a/../b/' must be an address from the site root" "$TMP/cmd.out" &&
    ok || bad "an alias with '..' is an error"

# The site search: an index beside the search page, in valid JSON, the
# same bytes on every build, that finds a target by its code (the rule
# of the longest key that search.js follows), and the header's box.
I="$TMP/a/tim-kiem/index"
if [ -f "$I/meta.json" ]; then ok; else bad "the default site has no search index"; fi
cat >"$TMP/lookup.py" <<'PY'
import json, sys, os
ix, term, want = sys.argv[1:4]
meta = json.load(open(os.path.join(ix, "meta.json")))
for root, _, names in os.walk(ix):
    for n in names:
        json.load(open(os.path.join(root, n), encoding="utf-8"))
enc = lambda c: c if c.isascii() and c.isalnum() else "_%x_" % ord(c)
keys = meta["keys"]
best = max((k for k in keys if "".join(enc(c) for c in term).startswith(k)), key=len)
posts = json.load(open(os.path.join(ix, "t", "%d.json" % keys.index(best))))[term]
doc, urls = 0, []
for v in posts:
    doc += v >> 2
    rows = json.load(open(os.path.join(ix, "d", "%d.json" % (doc // meta["per"]))))
    urls.append(rows[doc % meta["per"]][0])
sys.exit(0 if want in urls else "%s: %s" % (term, urls))
PY
python3 "$TMP/lookup.py" "$I" i.2.dd chi-tieu/I.2.dd.1/ && ok || bad "the index does not find target I.2.đ by its code"
python3 "$TMP/lookup.py" "$I" "cong an" don-vi/cat/ && ok || bad "the index does not find Công an tỉnh by name"
python3 "$TMP/lookup.py" "$I" i.2.d chi-tieu/I.2.dd.1/ 2>/dev/null && bad "the code I.2.d finds I.2.đ" || ok
diff -r "$TMP/a/tim-kiem" "$TMP/b/tim-kiem" >/dev/null && ok || bad "two builds write different search indexes"
diff -r "$TMP/j1/tim-kiem" "$TMP/j4/tim-kiem" >/dev/null && ok || bad "the search index depends on --jobs"
grep -q '<form class="search-box" role="search" action="../tim-kiem/" method="get">' "$TMP/a/muc-tieu/index.html" &&
    ok || bad "the header of a page has no search box leading to the search page"
grep -q 'data-index="index/"' "$TMP/a/tim-kiem/index.html" && ok || bad "the search page does not name its index"
S="$TMP/nosearch"
mkdir -p "$S/content"
printf 'title: "No search"\n' >"$S/site.yaml"
printf -- '---\ntitle: "Home"\n---\n\nText.\n' >"$S/content/_index.md"
cp -R themes "$S/"
expect_status 0 "build of a site without a search page" $P build --quiet --source "$S" --output "$TMP/nosearch-out"
grep -q 'role="search"' "$TMP/nosearch-out/index.html" && bad "a site without a search page has a search box" || ok
find "$TMP/nosearch-out" -name meta.json | grep -q . && bad "a site without a search page has a search index" || ok
printf -- '---\ntitle: "Tìm"\nlayout: search\n---\n' >"$S/content/tim.md"
expect_status 0 "build of a site with a search page and no data" $P build --quiet --source "$S" --output "$TMP/nosearch-out"
python3 "$TMP/lookup.py" "$TMP/nosearch-out/tim/index" home "" && ok || bad "the index of a site without data finds its home page"

# progress.methodology_path moves the methodology page, in the site and
# in its editions, and every link to it follows: the files that named
# the page below the targets now name the new folder, and no other.
X="$TMP/meth"
mkdir -p "$X"
cp -R content datasets themes "$X/"
awk '{ print } /^progress:$/ { print "  methodology_path: /cach-tinh/" }' \
    site.yaml >"$X/site.yaml"
expect_status 0 "build with a methodology_path" $P build --quiet --source "$X" \
    --base-url https://example.gov.vn/ke-hoach/ --output "$TMP/meth-out"
expect_status 0 "build with the default methodology page" $P build --quiet \
    --base-url https://example.gov.vn/ke-hoach/ --output "$TMP/meth-default"
# The site's language names the folder; the English edition keeps it.
[ -f "$TMP/meth-default/chi-tieu/phuong-phap/index.html" ] &&
    [ -f "$TMP/meth-default/en/chi-tieu/phuong-phap/index.html" ] && ok ||
    bad "the default methodology page is not below the targets, in the site and its edition"
[ -f "$TMP/meth-out/cach-tinh/index.html" ] && [ -f "$TMP/meth-out/en/cach-tinh/index.html" ] &&
    ok || bad "methodology_path does not move the methodology page of the site and its edition"
(cd "$TMP/meth-default" && grep -rl 'phuong-phap/' . |
    sed 's|chi-tieu/phuong-phap/|cach-tinh/|' | sort) >"$TMP/meth-want"
(cd "$TMP/meth-out" && grep -rl 'cach-tinh/' . | sort) >"$TMP/meth-got"
[ "$(wc -l <"$TMP/meth-want")" -gt 80 ] && diff "$TMP/meth-want" "$TMP/meth-got" >/dev/null &&
    ok || bad "the files that link to the methodology page differ once it moved"
grep -rl 'phuong-phap' "$TMP/meth-out" >/dev/null && bad "a file still names the old methodology folder" || ok
grep -q 'href="cach-tinh/"' "$TMP/meth-out/index.html" && grep -q 'href="cach-tinh/"' "$TMP/meth-out/en/index.html" &&
    grep -q 'href="../../cach-tinh/"' "$TMP/meth-out/chi-tieu/I.1.a/index.html" &&
    grep -q 'href="../../cach-tinh/"' "$TMP/meth-out/en/chi-tieu/I.1.a/index.html" &&
    ok || bad "the home and target pages do not link to the moved methodology page"
sh tests/checks/links.sh "$TMP/meth-out" >"$TMP/meth-links" 2>&1 && ok ||
    bad "broken links once the methodology page moved: $(grep -v '^RESULT' "$TMP/meth-links" | head -5)"

# docs/architecture.md maps every source file to its folder (stage).
for c in generator/*.c generator/*/*.c; do
	f=$(basename "$c")
	d=$(basename "$(dirname "$c")")
	[ "$d" = generator ] && d=driver
	grep -q "^| $d | \`$f\` |" docs/architecture.md && ok ||
	    bad "docs/architecture.md does not list $f under $d"
done

# An edition that leaves untranslated pages out (untranslated: omit):
# the golden site of editions, whose page areas/safety has no
# translation.
E=$TMP/omit
mkdir -p "$E"
cp -R tests/golden/editions/site/content tests/golden/editions/site/datasets "$E/"
mkdir -p "$E/themes" && cp -R themes/default "$E/themes/"
sed 's/untranslated: notice/untranslated: omit/; /^allow_outside/d' \
    tests/golden/editions/site/site.yaml >"$E/site.yaml"
expect_status 0 "an edition with untranslated: omit builds" \
    $P build --quiet --source "$E" --output "$E.out"
[ -f "$E.out/en/areas/online-services/index.html" ] && ok ||
    bad "omit: the translated page is not in the edition"
[ ! -e "$E.out/en/areas/safety" ] && ok ||
    bad "omit: the untranslated page is in the edition"
[ -f "$E.out/en/areas/index.html" ] && ok ||
    bad "omit: a section's own page is left out"
! grep -q 'safety' "$E.out/en/areas/index.html" && ok ||
    bad "omit: the edition's section lists the page it left out"
grep -q 'href="\.\./\.\./\.\./areas/safety/"' \
    "$E.out/en/areas/online-services/index.html" && ok ||
    bad "omit: a translation's link to a page left out does not lead to the original"
grep -q 'hreflang="en" lang="en"' "$E.out/areas/safety/index.html" &&
    grep -q 'href="\.\./\.\./en/"' "$E.out/areas/safety/index.html" && ok ||
    bad "omit: the switcher of a page left out does not lead to the edition's home"
grep -q 'hreflang="en"' "$E.out/areas/online-services/index.html" && ok ||
    bad "omit: a translated page has no hreflang"
! grep -q 'rel="alternate" hreflang' "$E.out/areas/safety/index.html" && ok ||
    bad "omit: a page without translation names translations"

echo "RESULT: $pass $fail 0 site"
[ $fail -eq 0 ]
