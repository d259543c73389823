#!/bin/sh
# Serve a built site with the web server configurations planpress ships,
# in Debian's nginx (contrib/nginx/example.conf, which includes
# planpress.conf) and Apache httpd (contrib/apache/, the same way, then
# with planpress.conf as the site's .htaccess), under the path of the
# site's base URL, and check what a client gets.
#   tests/checks/hosting.sh SITE
# SITE must be built with a base URL that has a path, such as
# https://example.gov.vn/ke-hoach/.  Each server runs as the current user
# (Apache's children as nobody when that is root) on a free loopback
# port, with its pid file, logs and temporary files in a folder of its
# own, and is stopped after its checks:
#   - the media type (and charset) of every kind of file the site has,
#     and of a .js file added to the served copy;
#   - gzip for the text formats when the client accepts it, the same bytes
#     once decompressed, none for formats that are compressed already;
#     with nginx, a FILE.gz beside FILE sent instead (gzip_static);
#   - directory index, a redirect for a folder without its last '/' (and
#     for the sub-path itself);
#   - a missing address, at any depth, is a 404 with the site's 404.html,
#     which works there in Chromium (hosting-404.mjs): style sheet, links,
#     no request to another host;
#   - cache headers, and a 304 for a browser's conditional request;
#   - the output folder's marker file is not served.
# Prints a line per failed check, then
#   RESULT: <passed> <failed> 0 hosting
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
pass=0
fail=0
SRV=""
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $SRV: $*"; fail=$((fail + 1)); }
give_up() {
	echo "hosting: $*"
	echo "RESULT: $pass $((fail + 1)) 0 hosting"
	exit 1
}

[ $# -eq 1 ] || give_up "usage: tests/checks/hosting.sh SITE"
SITE=$(cd "$1" 2>/dev/null && pwd) || give_up "no such folder: $1"
[ -f "$SITE/404.html" ] || give_up "$SITE has no 404.html"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
APACHE=$(command -v apache2 || echo /usr/sbin/apache2)
MODULES=/usr/lib/apache2/modules
for x in "$NGINX" "$APACHE"; do
	[ -x "$x" ] || give_up "$x not found (run: sh scripts/deps.sh test)"
done
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
# folder may hold.  Apache's children, as nobody, must read it.
mkdir -p "$T/www"
cp -R "$SITE/." "$T/www/"
printf '/* %s */\n' "a script beside the site's pages, served to check its type" >"$T/www/probe.js"
chmod -R a+rX "$T"

# A free port on the loopback interface.
freeport() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The shipped contrib/KIND/example.conf, with the address, the folder,
# the snippet and the sub-path of this test; every substitution must
# have happened.
example() {	# example KIND LISTEN-FROM LISTEN-TO SNIPPET-FROM
	d="$T/$SRV"
	c="$repo/contrib/$1"
	sed -e "s|$2|$3|" \
	    -e "s|/srv/ke-hoach/|$T/www/|; s|/srv/ke-hoach|$T/www|g" \
	    -e "s|$4|$c/planpress.conf|" \
	    -e "s|/ke-hoach|${SUB%/}|g" \
	    "$c/example.conf" >"$d/site.conf"
	for want in "$3" "$T/www" "$c/planpress.conf" "404 ${SUB}404.html"; do
		grep -qF "$want" "$d/site.conf" ||
		    give_up "contrib/$1/example.conf changed: no '$want' after the substitutions"
	done
}

# nginx.conf around example.conf: everything in the test's folder.
conf_nginx() {	# conf_nginx PORT
	d="$T/$SRV"
	example nginx "listen 80;" "listen 127.0.0.1:$1;" \
	    /etc/nginx/snippets/planpress.conf
	{
		[ "$(id -u)" -eq 0 ] && echo "user root;"
		[ -f /etc/nginx/mime.types ] && mime="include /etc/nginx/mime.types;"
		cat <<EOF
worker_processes 1;
daemon off;
pid $d/server.pid;
error_log $d/error.log;
events { worker_connections 64; }
http {
	${mime:-}
	access_log $d/access.log;
	client_body_temp_path $d/client_body;
	proxy_temp_path $d/proxy;
	fastcgi_temp_path $d/fastcgi;
	uwsgi_temp_path $d/uwsgi;
	scgi_temp_path $d/scgi;
	include $d/site.conf;
}
EOF
	} >"$d/server.conf"
	"$NGINX" -t -q -p "$d/" -c "$d/server.conf" -e "$d/error.log"
}
run_nginx() {
	exec "$NGINX" -p "$T/$SRV/" -c "$T/$SRV/server.conf" -e "$T/$SRV/error.log"
}

# httpd.conf around example.conf: the modules it needs and a stock
# Debian's, the test's folder.
conf_apache() {	# conf_apache PORT
	d="$T/$SRV"
	example apache "<VirtualHost \*:80>" "<VirtualHost 127.0.0.1:$1>" \
	    /etc/apache2/planpress.conf
	{
		cat <<EOF
ServerRoot $d
ServerName 127.0.0.1
Listen 127.0.0.1:$1
PidFile $d/server.pid
ErrorLog $d/error.log
DefaultRuntimeDir $d
Mutex file:$d default
EOF
		[ "$(id -u)" -eq 0 ] && printf 'User #65534\nGroup #65534\n'
		for m in mpm_event authz_core mime dir autoindex alias headers filter \
		    deflate; do
			echo "LoadModule ${m}_module $MODULES/mod_$m.so"
		done
		[ -f /etc/mime.types ] && echo "TypesConfig /etc/mime.types"
		# As Debian's apache2.conf: nothing served unless granted,
		# and listings on where a folder allows them.
		printf '<Directory />\n\tOptions Indexes FollowSymLinks\n'
		printf '\tAllowOverride None\n\tRequire all denied\n</Directory>\n'
		echo "Include $d/site.conf"
	} >"$d/server.conf"
	"$APACHE" -t -f "$d/server.conf" 2>&1 | grep -v '^Syntax OK$'
	"$APACHE" -t -f "$d/server.conf" >/dev/null 2>&1
}
run_apache() {
	exec "$APACHE" -f "$T/$SRV/server.conf" -DFOREGROUND
}

# Apache as shared hosting has it: contrib/apache/planpress.conf and the
# ErrorDocument line as the site's .htaccess, the <Directory> of
# example.conf without them, allowing what the .htaccess needs.
conf_htaccess() {	# conf_htaccess PORT
	conf_apache "$1" || return 1
	sed -i -e '/Include .*planpress.conf/d' -e '/ErrorDocument/d' \
	    -e 's/AllowOverride None/AllowOverride FileInfo Indexes Options/' \
	    "$T/$SRV/site.conf"
	{
		cat "$repo/contrib/apache/planpress.conf"
		echo "ErrorDocument 404 ${SUB}404.html"
	} >"$T/www/.htaccess"
	chmod a+r "$T/www/.htaccess"
	"$APACHE" -t -f "$T/$SRV/server.conf" >/dev/null 2>&1
}
run_htaccess() {
	run_apache
}

# Start server $SRV; a port taken in the meantime is tried again.
start() {
	mkdir -p "$T/$SRV"
	tries=0
	while :; do
		p=$(freeport)
		conf_$SRV "$p" || { echo "$SRV does not accept the configuration"; return 1; }
		run_$SRV 2>>"$T/$SRV/error.log" &
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
			cat "$T/$SRV/error.log"
			echo "$SRV did not start"
			return 1
		fi
	done
	HOST="http://127.0.0.1:$p"
	B="$HOST$SUB"
	echo "hosting: $SRV serves $SITE at $B"
}

# head_of URL [CURL OPTIONS]: the response's status line and headers,
# without CR.
head_of() {
	u=$1
	shift
	curl -s -o /dev/null -D - "$@" "$u" | tr -d '\r'
}
header() {	# header NAME < headers
	sed -n "s/^$1: //Ip" | head -1
}
status() { head -1 | cut -d' ' -f2; }
first() {	# first NAME [PATH]: the first file of the site so named (and
		# under PATH), relative
	(cd "$T/www" && find . -type f -name "$1" -path "${2:-*}" |
	    LC_ALL=C sort | head -1 | sed 's|^\./||')
}

expect_type() {	# expect_type PATH TYPE
	got=$(head_of "$B$1" | header content-type)
	[ "$got" = "$2" ] && ok || bad "$SUB$1 is served as '$got', not '$2'"
}

types() {
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
	# Every kind of file the site has gets a type, not a download.
	for ext in $(cd "$T/www" && find . -type f -name '*.*' ! -name '.*' |
	    sed 's/.*\.//' | LC_ALL=C sort -u); do
		file=$(first "*.$ext")
		got=$(head_of "$B$file" | header content-type)
		case $got in
		""|application/octet-stream*) bad ".$ext ($file) is served as '$got'" ;;
		*) ok ;;
		esac
	done
}

# The text formats are gzipped for a client that accepts it and are the
# same bytes once decompressed; other clients get them plain.  (Files
# under the servers' minimum length, such as the icon, are sent as they
# are.)
compression() {
	csv=$(first '*.csv' './dataset/*')
	[ -n "$csv" ] && ok || bad "the site has no dataset CSV to check"
	for f in assets/style.css data.json catalog.csv catalog.ttl \
	    catalog.jsonld feed.xml sitemap.xml "" ${csv:+"$csv"}; do
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
	for f in "$(first '*.zip')" "$(first '*.xlsx')" "$(first '*.png')"; do
		enc=$(head_of "$B$f" -H 'Accept-Encoding: gzip' | header content-encoding)
		[ -z "$enc" ] && ok || bad "$SUB$f, compressed already, is gzipped again"
	done
}

# nginx's gzip_static: a FILE.gz written beside FILE is sent as it is.
precompressed() {
	gzip -9 -n -k "$T/www/catalog.ttl"
	curl -s -H 'Accept-Encoding: gzip' "${B}catalog.ttl" -o "$T/body"
	cmp -s "$T/body" "$T/www/catalog.ttl.gz" && ok ||
	    bad "catalog.ttl.gz beside catalog.ttl is not what a client accepting gzip gets"
	rm -f "$T/www/catalog.ttl.gz"
}

# A redirect to "$2", relative or on this host.
expect_redirect() {	# expect_redirect URL LOCATION
	h=$(head_of "$1")
	loc=$(echo "$h" | header location)
	[ "$(echo "$h" | status)" = 301 ] && [ "${loc#"$HOST"}" = "$2" ] && ok ||
	    bad "$1 is not redirected to $2: $(echo "$h" | head -1), Location '$loc'"
}

folders() {
	curl -s "$B" -o "$T/body"
	cmp -s "$T/body" "$T/www/index.html" && ok || bad "$B does not serve index.html"
	dir=$(cd "$T/www" && for d in */; do
		[ -f "$d/index.html" ] && echo "${d%/}" && break; done)
	expect_redirect "$B$dir" "$SUB$dir/"
	expect_redirect "$HOST${SUB%/}" "$SUB"
	h=$(head_of "$B$dir/")
	[ "$(echo "$h" | status)" = 200 ] && ok || bad "$B$dir/ is no page: $(echo "$h" | head -1)"
	h=$(head_of "${B}assets/")
	[ "$(echo "$h" | status)" = 200 ] && bad "${B}assets/ lists a folder" || ok
}

# A missing page, at any depth: 404 with the site's not-found page.
missing() {
	for miss in "khong-co-trang-nay" "khong/co/trang-nay/" "a/b/c/missing.html"; do
		code=$(curl -s -o "$T/body" -w '%{http_code}' "$B$miss")
		[ "$code" = 404 ] && ok || bad "$B$miss gives $code, not 404"
		cmp -s "$T/body" "$T/www/404.html" && ok || bad "$B$miss is not the site's 404.html"
	done
	code=$(curl -s -o /dev/null -w '%{http_code}' "$B.planpress-output")
	[ "$code" = 404 ] && ok || bad "the output marker .planpress-output is served ($code)"
}

# Pages and data are revalidated, the theme's files kept a while; a
# browser asking again, with what the compressed answer said (ETag,
# Last-Modified), gets 304.
caching() {
	cc=$(head_of "$B" | header cache-control)
	[ "$cc" = no-cache ] && ok || bad "a page has Cache-Control '$cc', not 'no-cache'"
	cc=$(head_of "${B}catalog.ttl" | header cache-control)
	[ "$cc" = no-cache ] && ok || bad "the catalog has Cache-Control '$cc', not 'no-cache'"
	cc=$(head_of "${B}assets/style.css" | header cache-control)
	case $cc in
	*max-age=[1-9]*) ok ;;
	*) bad "the style sheet has Cache-Control '$cc', without a max-age" ;;
	esac
	for f in data.json catalog.ttl downloads/all-data.zip; do
		h=$(head_of "$B$f" -H 'Accept-Encoding: gzip')
		etag=$(echo "$h" | header etag)
		lm=$(echo "$h" | header last-modified)
		code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' \
		    ${etag:+-H "If-None-Match: $etag"} ${lm:+-H "If-Modified-Since: $lm"} "$B$f")
		[ "$code" = 304 ] && ok ||
		    bad "asking again for $SUB$f (ETag '$etag', date '$lm') gives $code, not 304"
	done
	nosniff=$(head_of "${B}catalog.jsonld" | header x-content-type-options)
	[ "$nosniff" = nosniff ] && ok || bad "no 'X-Content-Type-Options: nosniff' ('$nosniff')"
}

# The 404 page in a browser, at depth 1 and 3.
browser() {
	if ! command -v node >/dev/null 2>&1 || [ ! -d "$here/../node_modules/playwright-core" ] ||
	    [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
		bad "no node, playwright-core or Chromium for the 404 page (run: sh scripts/deps.sh test)"
		return
	fi
	node "$here/hosting-404.mjs" "${B}khong-co-trang-nay" "${B}a/b/c/khong-co" >"$T/404.out" 2>&1
	sed -n "/^RESULT: /!s/^/$SRV: /p" "$T/404.out"
	r=$(sed -n 's/^RESULT: \([0-9]*\) \([0-9]*\) .*/\1 \2/p' "$T/404.out")
	if [ -n "$r" ]; then
		pass=$((pass + ${r% *}))
		fail=$((fail + ${r#* }))
	else
		bad "the browser check of the 404 page gave no result"
	fi
}

for SRV in nginx apache htaccess; do
	if ! start; then
		bad "could not be started"
		continue
	fi
	types
	compression
	[ $SRV = nginx ] && precompressed
	folders
	missing
	caching
	browser
	if grep -Eq '\[(emerg|alert|crit)\]' "$T/$SRV/error.log"; then
		bad "errors in its log: $(grep -E '\[(emerg|alert|crit)\]' "$T/$SRV/error.log" | head -3)"
	fi
	stop
	rm -f "$T/www/.htaccess"
	sleep 0.2
	curl -s -o /dev/null "$B" && bad "still answers after it was stopped" || ok
done
echo "RESULT: $pass $fail 0 hosting"
[ $fail -eq 0 ]
