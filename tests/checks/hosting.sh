#!/bin/sh
# Serve a built site with Debian's nginx and the configuration planpress
# ships (contrib/nginx/example.conf, which includes planpress.conf), under
# the path of the site's base URL, and check what a client gets.
#   tests/checks/hosting.sh SITE
# SITE must be built with a base URL that has a path, such as
# https://example.gov.vn/ke-hoach/.  nginx runs as the current user (as
# root too) on a free loopback port, with its pid file, logs and temporary
# folders in a folder of its own, and is stopped at the end.  Checked:
#   - the media type (and charset) of every kind of file the site has,
#     and of a .js file added to the served copy;
#   - gzip for the text formats when the client accepts it, the same bytes
#     once decompressed, none for formats that are compressed already; a
#     FILE.gz beside FILE sent instead (gzip_static);
#   - directory index, a redirect for a folder without its last '/' (and
#     for the sub-path itself), with a relative Location;
#   - a missing address, at any depth, is a 404 with the site's 404.html,
#     which works there in Chromium (hosting-404.mjs): style sheet, links,
#     no request to another host;
#   - cache headers, and a 304 for a request with the file's ETag;
#   - the output folder's marker file is not served.
# Prints a line per failed check, then
#   RESULT: <passed> <failed> 0 hosting
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
give_up() {
	echo "hosting: $*"
	echo "RESULT: 0 1 0 hosting"
	exit 1
}

[ $# -eq 1 ] || give_up "usage: tests/checks/hosting.sh SITE"
SITE=$(cd "$1" 2>/dev/null && pwd) || give_up "no such folder: $1"
[ -f "$SITE/404.html" ] || give_up "$SITE has no 404.html"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || give_up "nginx not found (run: sh scripts/deps.sh test)"
command -v curl >/dev/null 2>&1 || give_up "curl not found (run: sh scripts/deps.sh test)"
command -v python3 >/dev/null 2>&1 || give_up "python3 not found"

# The sub-path: the path of base_url, from the canonical URL of 404.html.
SUB=$(sed -n 's|.*<link rel="canonical" href="https*://[^/"]*\(/[^"]*\)404\.html">.*|\1|p' "$SITE/404.html")
case $SUB in
/?*/) ;;
*) give_up "build $SITE with a base URL that has a path (its 404.html says '$SUB')" ;;
esac

T=$(mktemp -d "${TMPDIR:-/tmp}/planpress-hosting.XXXXXX") || give_up "no temporary folder"
pid=""
stop() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		pid=""
	fi
}
cleanup() {
	stop
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The served copy: the site, and a script of the kind a site's static/
# folder may hold.
mkdir -p "$T/www"
cp -R "$SITE/." "$T/www/"
printf '/* %s */\n' "a script beside the site's pages, served to check its type" >"$T/www/probe.js"

# A free port on the loopback interface.
port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# example.conf as shipped, with the port, the folder, the snippet and the
# sub-path of this test.
configure() {	# configure PORT
	sed -e "s|listen 80;|listen 127.0.0.1:$1;|" \
	    -e "s|/srv/ke-hoach/|$T/www/|" \
	    -e "s|/etc/nginx/snippets/planpress.conf|$repo/contrib/nginx/planpress.conf|" \
	    -e "s|/ke-hoach|${SUB%/}|g" \
	    "$repo/contrib/nginx/example.conf" >"$T/site.conf"
	for want in "listen 127.0.0.1:$1;" "alias $T/www/;" \
	    "include $repo/contrib/nginx/planpress.conf;" \
	    "error_page 404 ${SUB}404.html;" "location $SUB {"; do
		grep -qF "$want" "$T/site.conf" ||
		    give_up "example.conf changed: no '$want' after the substitutions"
	done
	{
		[ "$(id -u)" -eq 0 ] && echo "user root;"
		cat <<EOF
worker_processes 1;
daemon off;
pid $T/nginx.pid;
error_log $T/error.log;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	access_log $T/access.log;
	client_body_temp_path $T/client_body;
	proxy_temp_path $T/proxy;
	fastcgi_temp_path $T/fastcgi;
	uwsgi_temp_path $T/uwsgi;
	scgi_temp_path $T/scgi;
	include $T/site.conf;
}
EOF
	} >"$T/nginx.conf"
	[ -f /etc/nginx/mime.types ] || sed -i '/mime.types/d' "$T/nginx.conf"
}

# Start nginx; a port taken in the meantime is tried again.
tries=0
while :; do
	p=$(port)
	configure "$p"
	if ! "$NGINX" -t -q -p "$T/" -c "$T/nginx.conf" -e "$T/error.log" 2>"$T/test.err"; then
		cat "$T/test.err"
		give_up "nginx does not accept the configuration"
	fi
	"$NGINX" -p "$T/" -c "$T/nginx.conf" -e "$T/error.log" 2>>"$T/error.log" &
	pid=$!
	i=0
	while [ $i -lt 50 ] && ! curl -s -o /dev/null "http://127.0.0.1:$p/"; do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	curl -s -o /dev/null "http://127.0.0.1:$p/" && break
	stop
	tries=$((tries + 1))
	if [ $tries -ge 3 ]; then
		cat "$T/error.log"
		give_up "nginx did not start"
	fi
done
HOST="http://127.0.0.1:$p"
B="$HOST$SUB"
echo "hosting: nginx $("$NGINX" -v 2>&1 | sed 's|.*/||') serves $SITE at $B"

# head URL [CURL OPTIONS]: the response's status line and headers, lower
# case names, no CR.
head_of() {
	u=$1
	shift
	curl -s -o /dev/null -D - "$@" "$u" | tr -d '\r'
}
header() {	# header NAME < headers
	sed -n "s/^$1: //Ip" | head -1
}
status() { head -1 | cut -d' ' -f2; }

# The media types.
expect_type() {	# expect_type PATH TYPE
	got=$(head_of "$B$1" | header content-type)
	[ "$got" = "$2" ] && ok || bad "$1 is served as '$got', not '$2'"
}
first() {	# first NAME [PATH]: the first file of the site so named (and
		# under PATH), relative
	(cd "$T/www" && find . -type f -name "$1" -path "${2:-*}" |
	    LC_ALL=C sort | head -1 | sed 's|^\./||')
}
expect_type "" "text/html; charset=utf-8"
expect_type "assets/style.css" "text/css; charset=utf-8"
expect_type "probe.js" "text/javascript; charset=utf-8"
expect_type "catalog.csv" "text/csv; charset=utf-8"
expect_type "data.json" "application/json"
expect_type "catalog.jsonld" "application/ld+json"
expect_type "catalog.ttl" "text/turtle; charset=utf-8"
expect_type "feed.xml" "application/atom+xml; charset=utf-8"
expect_type "sitemap.xml" "application/xml; charset=utf-8"
expect_type "robots.txt" "text/plain; charset=utf-8"
for f in "*.svg:image/svg+xml; charset=utf-8" "*.png:image/png" \
    "*.ico:image/x-icon" "*.zip:application/zip" \
    "*.xlsx:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"; do
	file=$(first "${f%%:*}")
	if [ -n "$file" ]; then expect_type "$file" "${f#*:}"; else
		bad "the site has no ${f%%:*} to check"
	fi
done
# Every kind of file the site has gets a type of its own, not a download.
for ext in $(cd "$T/www" && find . -type f -name '*.*' ! -name '.*' |
    sed 's/.*\.//' | LC_ALL=C sort -u); do
	file=$(first "*.$ext")
	got=$(head_of "$B$file" | header content-type)
	case $got in
	""|application/octet-stream*) bad ".$ext ($file) is served as '$got'" ;;
	*) ok ;;
	esac
done

# Compression: the text formats are gzipped for a client that accepts it
# and are the same bytes once decompressed; other clients get them plain.
# (Files under gzip_min_length, such as the icon, are sent as they are.)
for f in assets/style.css data.json catalog.csv catalog.ttl catalog.jsonld \
    feed.xml sitemap.xml "" "$(first '*.csv' './dataset/*')"; do
	h=$(head_of "$B$f" -H 'Accept-Encoding: gzip')
	enc=$(echo "$h" | header content-encoding)
	[ "$enc" = gzip ] && ok || bad "$SUB$f is not gzipped for a client that accepts it ('$enc')"
	echo "$h" | header vary | grep -qi accept-encoding && ok ||
	    bad "$SUB$f does not say it varies by Accept-Encoding"
	want="$T/www/$f"
	[ -z "$f" ] && want="$T/www/index.html"
	curl -s --compressed "$B$f" -o "$T/body"
	cmp -s "$T/body" "$want" && ok || bad "$SUB$f decompressed is not the file"
	enc=$(head_of "$B$f" | header content-encoding)
	[ -z "$enc" ] && ok || bad "$SUB$f is compressed ('$enc') for a client that did not ask"
done
# gzip_static: a FILE.gz written beside FILE is sent as it is.
gzip -9 -n -k "$T/www/catalog.ttl"
curl -s -H 'Accept-Encoding: gzip' "${B}catalog.ttl" -o "$T/body"
cmp -s "$T/body" "$T/www/catalog.ttl.gz" && ok ||
    bad "catalog.ttl.gz beside catalog.ttl is not what a client accepting gzip gets"
for f in "$(first '*.zip')" "$(first '*.xlsx')" "$(first '*.png')"; do
	enc=$(head_of "$B$f" -H 'Accept-Encoding: gzip' | header content-encoding)
	[ -z "$enc" ] && ok || bad "/$f, compressed already, is gzipped again"
done

# Folders: the index, and a redirect to the folder's address.
curl -s "$B" -o "$T/body"
cmp -s "$T/body" "$T/www/index.html" && ok || bad "$B does not serve index.html"
dir=$(cd "$T/www" && for d in */; do [ -f "$d/index.html" ] && echo "${d%/}" && break; done)
h=$(head_of "$B$dir")
[ "$(echo "$h" | status)" = 301 ] && ok || bad "$B$dir (no last '/') is not redirected: $(echo "$h" | head -1)"
[ "$(echo "$h" | header location)" = "$SUB$dir/" ] && ok ||
    bad "$B$dir is redirected to '$(echo "$h" | header location)', not '$SUB$dir/'"
h=$(head_of "$HOST${SUB%/}")
[ "$(echo "$h" | status)" = 301 ] && [ "$(echo "$h" | header location)" = "$SUB" ] && ok ||
    bad "$HOST${SUB%/} is not redirected to $SUB: $(echo "$h" | head -1)"
h=$(head_of "$B$dir/")
[ "$(echo "$h" | status)" = 200 ] && ok || bad "$B$dir/ is no page: $(echo "$h" | head -1)"

# A missing page, at any depth: 404 with the site's not-found page.
for miss in "khong-co-trang-nay" "khong/co/trang-nay/" "a/b/c/missing.html"; do
	code=$(curl -s -o "$T/body" -w '%{http_code}' "$B$miss")
	[ "$code" = 404 ] && ok || bad "$B$miss gives $code, not 404"
	cmp -s "$T/body" "$T/www/404.html" && ok || bad "$B$miss is not the site's 404.html"
done
code=$(curl -s -o /dev/null -w '%{http_code}' "$B.planpress-output")
[ "$code" = 404 ] && ok || bad "the output marker .planpress-output is served ($code)"

# Caching: pages and data are revalidated, the theme's files kept a while;
# a request with the ETag is answered 304.
cc=$(head_of "$B" | header cache-control)
[ "$cc" = no-cache ] && ok || bad "a page has Cache-Control '$cc', not 'no-cache'"
cc=$(head_of "${B}catalog.ttl" | header cache-control)
[ "$cc" = no-cache ] && ok || bad "the catalog has Cache-Control '$cc', not 'no-cache'"
cc=$(head_of "${B}assets/style.css" | header cache-control)
case $cc in
*max-age=[1-9]*) ok ;;
*) bad "the style sheet has Cache-Control '$cc', without a max-age" ;;
esac
etag=$(head_of "${B}data.json" | header etag)
if [ -n "$etag" ]; then
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "${B}data.json")
	[ "$code" = 304 ] && ok || bad "a request with the ETag of data.json gives $code, not 304"
else
	bad "data.json has no ETag"
fi
nosniff=$(head_of "${B}catalog.jsonld" | header x-content-type-options)
[ "$nosniff" = nosniff ] && ok || bad "no 'X-Content-Type-Options: nosniff' ('$nosniff')"

# The 404 page in a browser, at depth 1 and 3.
if command -v node >/dev/null 2>&1 && [ -d "$here/../node_modules/playwright-core" ] &&
    [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	node "$here/hosting-404.mjs" "${B}khong-co-trang-nay" "${B}a/b/c/khong-co" >"$T/404.out" 2>&1
	grep -v '^RESULT: ' "$T/404.out"
	set -- $(sed -n 's/^RESULT: \([0-9]*\) \([0-9]*\) .*/\1 \2/p' "$T/404.out")
	if [ $# -eq 2 ]; then
		pass=$((pass + $1))
		fail=$((fail + $2))
	else
		bad "the browser check of the 404 page gave no result"
	fi
else
	bad "no node, playwright-core or Chromium for the 404 page (run: sh scripts/deps.sh test)"
fi

if grep -q '\[emerg\]\|\[alert\]\|\[crit\]' "$T/error.log"; then
	bad "nginx logged errors: $(grep '\[emerg\]\|\[alert\]\|\[crit\]' "$T/error.log" | head -3)"
fi
stop
sleep 0.2
curl -s -o /dev/null "$B" && bad "nginx still answers after it was stopped" || ok
echo "RESULT: $pass $fail 0 hosting"
[ $fail -eq 0 ]
