#!/bin/sh
# What search engines and feed readers read, checked on a built site:
#   tests/checks/discovery.sh SITE
# - sitemap.xml: well-formed, a sitemaps.org <urlset> whose every <url>
#   has an absolute <loc> and a YYYY-MM-DD <lastmod>, one <url> per HTML
#   page (404.html aside);
# - robots.txt names the sitemap's absolute address;
# - feed.xml: well-formed Atom 1.0 with id, title and updated on the feed
#   and on every entry, RFC 3339 dates, ids that are unique;
# - every page has an og:description, and no page but 404.html falls back
#   on the site's description (the feed's <subtitle>).
# The site must be built with a base URL.  Prints each problem, then
#   RESULT: <checks passed> <checks failed> 0 discovery
set -u

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: discovery: $*"; fail=$((fail + 1)); }
x() { xmllint --xpath "$1" "$2" 2>/dev/null; }

[ $# -eq 1 ] && [ -d "$1" ] || {
	echo "usage: tests/checks/discovery.sh SITE"
	echo "RESULT: 0 1 0 discovery"
	exit 1
}
site=$1
command -v xmllint >/dev/null 2>&1 || {
	echo "FAIL: discovery: xmllint not found (libxml2-utils)"
	echo "RESULT: 0 1 0 discovery"
	exit 1
}

# sitemap.xml
sm=$site/sitemap.xml
E="*[local-name()='urlset']/*[local-name()='url']"
if xmllint --noout "$sm" 2>/dev/null; then ok; else bad "sitemap.xml is not well-formed XML"; fi
[ "$(x "namespace-uri(/*[local-name()='urlset'])" "$sm")" = \
    "http://www.sitemaps.org/schemas/sitemap/0.9" ] && ok ||
    bad "sitemap.xml: the root is not a sitemaps.org urlset"
n=$(x "count(/$E)" "$sm")
pages=$(find "$site" -name '*.html' ! -path "$site/404.html" | wc -l | tr -d ' ')
[ "$n" = "$pages" ] && ok || bad "sitemap.xml lists $n pages, the site has $pages"
nobad=$(x "count(/$E[not(starts-with(*[local-name()='loc'], 'http://') or starts-with(*[local-name()='loc'], 'https://'))])" "$sm")
[ "$nobad" = 0 ] && ok || bad "sitemap.xml: $nobad <url> without an absolute <loc>"
nodate=$(x "count(/$E[string-length(*[local-name()='lastmod']) != 10 or translate(*[local-name()='lastmod'], '0123456789', '') != '--'])" "$sm")
[ "$nodate" = 0 ] && ok || bad "sitemap.xml: $nodate <url> without a YYYY-MM-DD <lastmod>"
# Each listed page exists.
missing=0
base=$(x "string(/$E[1]/*[local-name()='loc'])" "$sm")
for loc in $(x "/$E/*[local-name()='loc']/text()" "$sm"); do
	rel=${loc#"$base"}
	[ -f "$site/${rel}index.html" ] || { missing=$((missing + 1)); echo "  not built: $loc"; }
done
[ $missing = 0 ] && ok || bad "sitemap.xml: $missing pages that were not built"

# robots.txt
grep -q "^Sitemap: ${base}sitemap.xml\$" "$site/robots.txt" && ok ||
    bad "robots.txt does not name ${base}sitemap.xml"

# feed.xml
fd=$site/feed.xml
F="*[local-name()='feed']"
if xmllint --noout "$fd" 2>/dev/null; then ok; else bad "feed.xml is not well-formed XML"; fi
[ "$(x "namespace-uri(/$F)" "$fd")" = "http://www.w3.org/2005/Atom" ] && ok ||
    bad "feed.xml: the root is not an Atom feed"
for el in id title updated author; do
	[ "$(x "count(/$F/*[local-name()='$el'])" "$fd")" = 1 ] && ok ||
	    bad "feed.xml: the feed needs one <$el>"
done
entries=$(x "count(/$F/*[local-name()='entry'])" "$fd")
[ "$entries" -gt 0 ] && [ "$entries" -le 50 ] && ok ||
    bad "feed.xml: $entries entries (1 to 50 expected)"
for el in id title updated; do
	m=$(x "count(/$F/*[local-name()='entry'][count(*[local-name()='$el']) != 1])" "$fd")
	[ "$m" = 0 ] && ok || bad "feed.xml: $m entries without exactly one <$el>"
done
m=$(x "count(/$F/*[local-name()='entry'][not(*[local-name()='link'][@rel='alternate'])])" "$fd")
[ "$m" = 0 ] && ok || bad "feed.xml: $m entries without a link"
dates=$(x "//*[local-name()='updated' or local-name()='published']/text()" "$fd")
nd=0
for d in $dates; do
	echo "$d" | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})$' ||
	    { nd=$((nd + 1)); echo "  not RFC 3339: $d"; }
done
[ $nd = 0 ] && ok || bad "feed.xml: $nd dates that are not RFC 3339"
dup=$(x "/$F/*[local-name()='entry']/*[local-name()='id']/text()" "$fd" | sort | uniq -d)
[ -z "$dup" ] && ok || bad "feed.xml: ids used twice: $dup"

# og:description on every page; the site's only on 404.html.
desc=$(x "string(/$F/*[local-name()='subtitle'])" "$fd" |
    sed 's/&/\&amp;/g; s/"/\&quot;/g; s/</\&lt;/g; s/>/\&gt;/g')
noog=0
same=0
for f in $(find "$site" -name '*.html' ! -path "$site/404.html" | LC_ALL=C sort); do
	og=$(sed -n 's/^<meta property="og:description" content="\(.*\)">$/\1/p' "$f")
	if [ -z "$og" ]; then
		noog=$((noog + 1))
		echo "  no og:description: $f"
	elif [ -n "$desc" ] && [ "$og" = "$desc" ]; then
		same=$((same + 1))
		echo "  the site's description: $f"
	fi
done
[ $noog = 0 ] && ok || bad "$noog pages without an og:description"
[ $same = 0 ] && ok || bad "$same pages describe themselves with the site's description"

echo "RESULT: $pass $fail 0 discovery"
[ $fail = 0 ]
