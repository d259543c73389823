#!/bin/sh
# planpress serve over real HTTP, on a copy of the default site: bodies and
# MIME types, folders, paths that try to leave the site, the reload script,
# a rebuild and its server-sent event, a broken edit (diagnostics page,
# the user's text in it escaped, last good files still served) and its
# fix, and a clean stop; then the language of the terminal lines and of
# the diagnostics page, which is the site's (site.yaml "language") unless
# LANGUAGE says otherwise.  PLANPRESS names the binary.  Every wait is
# bounded.
set -u
cd "$(dirname "$0")/.."
P=${PLANPRESS:-$(pwd)/planpress}
TMP=$(pwd)/tests/tmp/serve
rm -rf "$TMP"
mkdir -p "$TMP/tmpdir"
pass=0
fail=0
server=""
sse=""

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
cleanup() {
	[ -n "$sse" ] && kill "$sse" 2>/dev/null
	[ -n "$server" ] && kill "$server" 2>/dev/null
	[ -n "$server" ] && wait "$server" 2>/dev/null
	return 0
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# wait_for SECONDS COMMAND...: run COMMAND every 0.1 s until it succeeds.
wait_for() {
	n=$(($1 * 10))
	shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

# get PATH [CURL OPTIONS...]: sets code and type; body in $TMP/body,
# headers in $TMP/headers.
get() {
	path=$1
	shift
	out=$(curl -s --max-time 10 "$@" -D "$TMP/headers" -o "$TMP/body" \
	    -w '%{http_code} %{content_type}' "$URL$path") || out="000 "
	code=${out%% *}
	type=${out#* }
}

# expect PATH CODE TYPE [CURL OPTIONS...]
expect() {
	want_path=$1
	want_code=$2
	want_type=$3
	shift 3
	get "$want_path" "$@"
	if [ "$code" = "$want_code" ] && [ "$type" = "$want_type" ]; then ok
	else bad "GET $want_path: '$code' '$type', want '$want_code' '$want_type'"
	fi
}

status_is() { get "$1"; [ "$code" = "$2" ]; }
# up: the server answers, or it died (a taken port): stop waiting.
up() {
	kill -0 "$server" 2>/dev/null || return 0
	has "$TMP/stdout" '^Serving ' &&
	    curl -s -o /dev/null --max-time 10 "$URL/" >/dev/null 2>&1
}
has() { grep -q "$2" "$1" 2>/dev/null; }
count() { grep -c "$2" "$1" 2>/dev/null || true; }
now_ms() { date +%s%3N; }
test_rebuilt() { [ "$(count "$TMP/stdout" "^rebuilt")" -gt "$1" ]; }
reloads() { [ "$(count "$TMP/sse" '^event: reload$')" -ge "$1" ]; }

# A copy of the default site, with Turtle and CSV files in static/.
SITE=$TMP/site
mkdir -p "$SITE/static"
cp -R site.yaml content themes "$SITE/"
[ -d datasets ] && cp -R datasets "$SITE/"
printf '@prefix ex: <http://example.org/> .\nex:plan ex:year 2024 .\n' \
    >"$SITE/static/plan.ttl"
printf 'code,title\nII.3,Phát triển dữ liệu số\n' >"$SITE/static/tasks.csv"

# The command line.
$P serve --output "$TMP/x" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "serve --output is a usage error"
$P build --port 8000 --output "$TMP/x" >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "build --port is a usage error"
$P serve --port 70000 >/dev/null 2>&1
[ $? -eq 2 ] && ok || bad "--port 70000 is a usage error"

# Start on a random high port; try another if it was taken.
tries=0
while [ $tries -lt 5 ]; do
	tries=$((tries + 1))
	PORT=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
	URL=http://127.0.0.1:$PORT
	# LANGUAGE=en: the user's choice wins over the site's language (vi).
	LANGUAGE=en TMPDIR=$TMP/tmpdir $P serve --source "$SITE" \
	    --port "$PORT" >"$TMP/stdout" 2>"$TMP/stderr" &
	server=$!
	wait_for 30 up
	if kill -0 "$server" 2>/dev/null && has "$TMP/stdout" '^Serving '; then
		break
	fi
	kill "$server" 2>/dev/null
	wait "$server" 2>/dev/null
	server=""
done
if [ -z "$server" ]; then
	bad "the server did not start: $(cat "$TMP/stderr")"
	echo "RESULT: $pass $fail 0 serve"
	exit 1
fi
ok
has "$TMP/stdout" "^Serving http://127.0.0.1:$PORT/ (Ctrl-C stops)$" && ok ||
    bad "no Serving line: $(cat "$TMP/stdout")"
SERVED=$(ls -d "$TMP"/tmpdir/planpress-serve-*/site-* 2>/dev/null | head -1)
[ -n "$SERVED" ] && [ -f "$SERVED/index.html" ] && ok ||
    bad "no serve folder under TMPDIR"

# Bodies and MIME types.
expect / 200 "text/html; charset=utf-8"
has "$TMP/body" "<title>Kế hoạch chuyển đổi số" && ok || bad "/ is not the home page"
has "$TMP/body" '/__planpress/events' && ok || bad "/ has no reload script"
[ "$(count "$TMP/body" '/__planpress/events')" = 1 ] && ok ||
    bad "the reload script is injected once"
grep -A1 '__planpress/events' "$TMP/body" | tail -1 | grep -q '^</body>' &&
    ok || bad "the script sits just before </body>"
has "$SERVED/index.html" '__planpress' && bad "the file on disk has the script" || ok
has "$SERVED/index.html" "http://127.0.0.1:$PORT/" && ok ||
    bad "the site is built for the local address"
expect /tong-quan/ 200 "text/html; charset=utf-8"
has "$TMP/body" "__planpress/events" && ok || bad "a page has no reload script"
expect /assets/style.css 200 "text/css; charset=utf-8"
cmp -s "$TMP/body" "$SITE/themes/default/assets/style.css" && ok || bad "style.css differs"
expect /assets/favicon.svg 200 "image/svg+xml"
expect /plan.ttl 200 "text/turtle; charset=utf-8"
cmp -s "$TMP/body" "$SITE/static/plan.ttl" && ok || bad "plan.ttl differs"
expect /tasks.csv 200 "text/csv; charset=utf-8"
cmp -s "$TMP/body" "$SITE/static/tasks.csv" && ok || bad "tasks.csv differs"
# The data files the build makes, whichever exist.
for ext in jsonld ttl csv json xlsx zip; do
	f=$(cd "$SERVED" && find . -name "*.$ext" -type f | sort | head -1)
	[ -n "$f" ] || continue
	case $ext in
	jsonld) want="application/ld+json" ;;
	ttl) want="text/turtle; charset=utf-8" ;;
	csv) want="text/csv; charset=utf-8" ;;
	json) want="application/json" ;;
	xlsx) want="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ;;
	zip) want="application/zip" ;;
	esac
	expect "${f#.}" 200 "$want"
	cmp -s "$TMP/body" "$SERVED/$f" && ok || bad "${f#.} differs from the built file"
done
expect /tong-quan/index.html 200 "text/html; charset=utf-8"
expect /tong-quan 301 "text/plain; charset=utf-8"
grep -qi '^Location: /tong-quan/' "$TMP/headers" && ok ||
    bad "the redirect goes to /tong-quan/: $(cat "$TMP/headers")"
expect /no-such-page/ 404 "text/html; charset=utf-8"
has "$TMP/body" "__planpress/events" && ok || bad "the 404 page has no reload script"
cmp -s "$TMP/body" "$SERVED/404.html" && bad "the 404 page is served without the script" || ok
get / -I
[ "$code" = 200 ] && ok || bad "HEAD /: $code"
get / -X POST -d x=1
[ "$code" = 405 ] && ok || bad "POST /: $code, want 405"

# Nothing outside the served folder.
for path in '/../site.yaml' '/..%2f..%2fetc/passwd' '/..%2F..%2Fsite.yaml' \
    '/assets/..%2f..%2f..%2fsite.yaml' '/%2e%2e/site.yaml' \
    '/assets%5c..%5c..%5csite.yaml' '/index.html%00.css' '/%zz'; do
	get "$path" --path-as-is
	case $code in
	400|403|404) ok ;;
	*) bad "GET $path: $code" ;;
	esac
	has "$TMP/body" "^title:" && bad "GET $path leaked site.yaml"
	has "$TMP/body" "^root:" && bad "GET $path leaked /etc/passwd"
done
ln -s /etc "$SERVED/out-dir"
ln -s "$SITE/site.yaml" "$SERVED/out-file.txt"
get /out-dir/passwd
[ "$code" = 403 ] && ok || bad "a symbolic link out of the site: $code"
get /out-file.txt
[ "$code" = 403 ] && ok || bad "a symbolic link to a file outside: $code"

# An edit rebuilds the site and sends "event: reload".
curl -sN --max-time 60 "$URL/__planpress/events" >"$TMP/sse" 2>/dev/null &
sse=$!
wait_for 10 has "$TMP/sse" '^retry:' && ok || bad "the event stream did not open"
t0=$(now_ms)
printf '\nMột dòng mới từ serve.\n' >>"$SITE/content/tong-quan.md"
if wait_for 10 has "$TMP/sse" '^event: reload$'; then
	ok
	echo "edit to reload event: $(($(now_ms) - t0)) ms"
else
	bad "no reload event after an edit: $(cat "$TMP/sse")"
fi
get /tong-quan/
has "$TMP/body" "Một dòng mới từ serve" && ok || bad "the page did not change"
# Only the body changed: that page alone is rendered again.
has "$TMP/stdout" "^rebuilt .*content/tong-quan.md in [0-9.]* s$" && ok ||
    bad "a body edit did not re-render just its page: $(cat "$TMP/stdout")"
get /
has "$TMP/body" "Một dòng mới từ serve" && bad "the home page changed" || ok

# Two body edits of a page that shows dataset views and targets: each is
# rendered again alone, with the models the first build made (under
# ASan, a model holding the first build's freed diagnostics would fail),
# and raw HTML in the second is reported then.
task=content/nhiem-vu/danh-gia-xep-hang-chuyen-doi-so.md
before=$(count "$TMP/stdout" "^rebuilt .*danh-gia-xep-hang")
printf '\nLần sửa thứ nhất.\n' >>"$SITE/$task"
wait_for 10 sh -c "[ \$(grep -c '^rebuilt .*danh-gia-xep-hang' '$TMP/stdout') -gt $before ]" &&
    ok || bad "the first edit of a page with views was not re-rendered alone: $(cat "$TMP/stdout")"
printf '\nLần sửa thứ hai <b>đậm</b>.\n' >>"$SITE/$task"
wait_for 10 sh -c "[ \$(grep -c '^rebuilt .*danh-gia-xep-hang' '$TMP/stdout') -gt $((before + 1)) ]" &&
    ok || bad "the second edit of a page with views was not re-rendered alone: $(cat "$TMP/stdout")"
get /nhiem-vu/danh-gia-xep-hang-chuyen-doi-so/
has "$TMP/body" "Lần sửa thứ hai" && ok || bad "the second edit is not served"
has "$TMP/body" 'class="view' && ok || bad "the re-rendered page lost its views"
kill -0 "$server" 2>/dev/null && ok || bad "serve died after two edits of a page with views"

# A front matter edit may change listings: the whole site is built.
before=$(count "$TMP/stdout" "^rebuilt in")
sed 's/^title: .*/title: "Tổng quan mới từ serve"/' \
    "$SITE/content/tong-quan.md" >"$TMP/fm.md"
cp "$TMP/fm.md" "$SITE/content/tong-quan.md"
wait_for 10 sh -c "[ \$(grep -c '^rebuilt in' '$TMP/stdout') -gt $before ]" &&
    ok || bad "a front matter edit did not rebuild the site: $(cat "$TMP/stdout")"
wait_for 10 sh -c "curl -s --max-time 5 '$URL/gioi-thieu/' | grep -q 'Tổng quan mới từ serve'" &&
    ok || bad "the next page does not link to the new title"

# A page that connects late with the build it came from still reloads.
curl -sN --max-time 3 "$URL/__planpress/events?since=1" >"$TMP/late" 2>/dev/null
has "$TMP/late" '^event: reload$' && ok || bad "?since= of an old build does not reload"

# Editor droppings do not rebuild.  Waiting on events, not on time:
# after the droppings, one edit of a page's body must give exactly one
# rebuild, of that page alone; a dropping taken for a change would have
# made a rebuild of its own, or turned the edit into a full build.
before=$(count "$TMP/stdout" "rebuil")
: >"$SITE/content/.tong-quan.md.swp"
: >"$SITE/content/tong-quan.md~"
: >"$SITE/content/4913"
printf '\nSau các tệp tạm của trình soạn thảo.\n' >>"$SITE/content/tong-quan.md"
wait_for 10 sh -c "tail -n +$((before + 1)) '$TMP/stdout' | grep -q '^rebuilt .*tong-quan.md'" &&
    ok || bad "the edit after the droppings was not rebuilt: $(cat "$TMP/stdout")"
[ "$(count "$TMP/stdout" "rebuil")" = "$((before + 1))" ] && ok ||
    bad "an editor's temporary file caused a rebuild: $(cat "$TMP/stdout")"
rm -f "$SITE/content/.tong-quan.md.swp" "$SITE/content/tong-quan.md~" \
    "$SITE/content/4913"

# A broken edit: HTML shows the diagnostics, other files still come from
# the last good build.
cp "$SITE/content/tong-quan.md" "$TMP/tong-quan.md"
printf -- '---\ntitle: [unclosed\n---\nbody\n' >"$SITE/content/tong-quan.md"
wait_for 10 status_is / 500 && ok || bad "a broken build does not make / 500: $code"
has "$TMP/body" 'content/tong-quan.md:[0-9]*:[0-9]*: error:' && ok ||
    bad "the error page does not list the diagnostic: $(head -c 600 "$TMP/body")"
has "$TMP/body" "__planpress/events" && ok || bad "the error page has no reload script"
has "$TMP/body" "expected &#39;,&#39;" && ok || bad "the diagnostics are not escaped"
has "$TMP/body" '<html lang="en">' && ok || bad "the error page is not in English (LANGUAGE=en)"
has "$TMP/body" '<h1>The site did not build</h1>' && ok || bad "the error page has no English title"
wait_for 10 has "$TMP/sse" '^event: error$' && ok || bad "no error event"
expect /tong-quan/ 500 "text/html; charset=utf-8"
expect /assets/style.css 200 "text/css; charset=utf-8"
cmp -s "$TMP/body" "$SITE/themes/default/assets/style.css" && ok || bad "style.css is not the last good one"
expect /plan.ttl 200 "text/turtle; charset=utf-8"
has "$TMP/stdout" "^rebuild failed: 1 error$" && ok || bad "no failed line: $(cat "$TMP/stdout")"
has "$TMP/stderr" 'content/tong-quan.md:[0-9]*:[0-9]*: error:' && ok ||
    bad "the diagnostics are not printed"

# A diagnostic quotes the user's text; the error page escapes it.
printf -- '---\ntitle: "Tổng quan"\nlayout: "<script>alert(\\"x\\")</script>&"\n---\nbody\n' \
    >"$SITE/content/tong-quan.md"
wait_for 10 sh -c "curl -s --max-time 5 '$URL/' | grep -q 'alert('" && ok ||
    bad "the error page does not show the new diagnostic"
get /
has "$TMP/body" "not &#39;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;" &&
    ok || bad "a quoted value is not escaped on the error page: $(grep alert "$TMP/body")"
has "$TMP/body" '<script>alert' && bad "a quoted value is written as HTML" || ok

# The fix brings the site back.
cp "$TMP/tong-quan.md" "$SITE/content/tong-quan.md"
wait_for 10 status_is / 200 && ok || bad "the fixed site does not come back: $code"
wait_for 10 reloads 2 && ok ||
    bad "no reload event after the fix: $(cat "$TMP/sse")"
expect /tong-quan/ 200 "text/html; charset=utf-8"

# A new folder is watched.  The page is written again until it is
# served, as its first write may come before the watch on the folder:
# a folder never watched never serves it.
mkdir -p "$SITE/content/moi"
new_page_served() {
	printf -- '---\ntitle: "Trang trong thư mục mới"\n---\nNội dung.\n' \
	    >"$SITE/content/moi/trang.md"
	tries=10
	while [ $tries -gt 0 ]; do
		status_is /moi/trang-trong-thu-muc-moi/ 200 && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}
wait_for 1 new_page_served && ok ||
    bad "a page in a new folder is not served: $code"

# site.yaml is watched.
sed 's/^title: .*/title: "Tiêu đề mới của trang"/' "$SITE/site.yaml" >"$TMP/site.yaml"
cp "$TMP/site.yaml" "$SITE/site.yaml"
wait_for 10 sh -c "curl -s --max-time 5 '$URL/' | grep -q 'Tiêu đề mới của trang'" && ok ||
    bad "an edit of site.yaml does not rebuild"

# datasets/ is watched.
if [ -d "$SITE/datasets" ]; then
	y=$(ls "$SITE"/datasets/*.yaml | head -1)
	before=$(count "$TMP/stdout" "^rebuilt")
	printf '# edited by tests/serve.sh\n' >>"$y"
	wait_for 10 test_rebuilt "$before" && ok || bad "an edit in datasets/ does not rebuild"
fi

# A clean stop: exit 0, the serve folder removed, no output/ in the site.
kill "$sse" 2>/dev/null
sse=""
kill -INT "$server"
n=100
while [ $n -gt 0 ] && kill -0 "$server" 2>/dev/null; do sleep 0.1; n=$((n - 1)); done
if kill -0 "$server" 2>/dev/null; then
	bad "the server did not stop on SIGINT"
else
	wait "$server"
	st=$?
	server=""
	[ $st -eq 0 ] && ok || bad "the server exited $st: $(cat "$TMP/stderr")"
fi
[ -d "$TMP/tmpdir" ] && [ -z "$(ls -A "$TMP/tmpdir")" ] && ok || bad "the serve folder was left behind"
[ -e "$SITE/output" ] && bad "serve wrote the site's output/" || ok

# The language of the site: a new site (language: vi) and the same site
# in English, served with LANGUAGE unset, each broken by an edit.
# serve_site SITE: start a server on it, output in $TMP/out.*; 0 when it
# answers.
serve_site() {
	server=""
	for try in 1 2 3 4 5; do
		PORT=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
		URL=http://127.0.0.1:$PORT
		env -u LANGUAGE TMPDIR="$TMP/tmpdir" $P serve --source "$1" \
		    --port "$PORT" >"$TMP/out.stdout" 2>"$TMP/out.stderr" &
		server=$!
		wait_for 30 status_is / 200 && return 0
		kill "$server" 2>/dev/null
		wait "$server" 2>/dev/null
		server=""
	done
	return 1
}
stop_site() {
	[ -n "$server" ] && kill -INT "$server" 2>/dev/null
	[ -n "$server" ] && wait "$server" 2>/dev/null
	server=""
}
(cd "$TMP" && $P init lang-vi >/dev/null 2>&1) && ok || bad "init lang-vi"
cp -R "$TMP/lang-vi" "$TMP/lang-en"
sed 's/^language: vi$/language: en/' "$TMP/lang-vi/site.yaml" \
    >"$TMP/lang-en/site.yaml"
grep -q '^language: en$' "$TMP/lang-en/site.yaml" && ok ||
    bad "the English site has no language: en"
for lang in vi en; do
	if ! serve_site "$TMP/lang-$lang"; then
		bad "serve did not start for the $lang site: $(cat "$TMP/out.stderr")"
		continue
	fi
	printf -- '---\ntitle: [unclosed\n---\nbody\n' \
	    >"$TMP/lang-$lang/content/_index.md"
	wait_for 10 status_is / 500 && ok ||
	    bad "a broken $lang site does not make / 500: $code"
	if [ $lang = vi ]; then
		has "$TMP/body" '<html lang="vi">' && ok ||
		    bad "the error page of a vi site is not in Vietnamese: $(head -c 400 "$TMP/body")"
		has "$TMP/body" '<h1>Trang web chưa dựng được</h1>' && ok ||
		    bad "the error page of a vi site has no Vietnamese title"
		has "$TMP/body" '<p>1 lỗi\. ' && ok || bad "the error count is not in Vietnamese"
		has "$TMP/body" 'content/_index.md:[0-9]*:[0-9]*: lỗi: danh sách này' && ok ||
		    bad "the diagnostics on the page are not in Vietnamese"
		has "$TMP/out.stdout" "^Đang phục vụ tại $URL/ (Ctrl-C để dừng)$" && ok ||
		    bad "the Serving line is not in Vietnamese: $(cat "$TMP/out.stdout")"
		wait_for 10 has "$TMP/out.stdout" '^dựng lại thất bại: 1 lỗi$' && ok ||
		    bad "the failed line is not in Vietnamese: $(cat "$TMP/out.stdout")"
		has "$TMP/out.stderr" 'content/_index.md:[0-9]*:[0-9]*: lỗi: ' && ok ||
		    bad "the terminal diagnostics are not in Vietnamese"
		get '/%zz' --path-as-is
		[ "$code" = 400 ] && [ "$(cat "$TMP/body")" = "400 yêu cầu không hợp lệ" ] &&
		    ok || bad "a plain answer is not in Vietnamese: $code $(cat "$TMP/body")"
	else
		has "$TMP/body" '<html lang="en">' && ok ||
		    bad "the error page of an en site is not in English: $(head -c 400 "$TMP/body")"
		has "$TMP/body" '<h1>The site did not build</h1>' && ok ||
		    bad "the error page of an en site has no English title"
		has "$TMP/body" '<p>1 error\. ' && ok || bad "the error count is not in English"
		has "$TMP/out.stdout" "^Serving $URL/ (Ctrl-C stops)$" && ok ||
		    bad "the Serving line of an en site is not in English"
		wait_for 10 has "$TMP/out.stdout" '^rebuild failed: 1 error$' && ok ||
		    bad "the failed line of an en site is not in English"
		get '/%zz' --path-as-is
		[ "$code" = 400 ] && [ "$(cat "$TMP/body")" = "400 bad request" ] &&
		    ok || bad "a plain answer is not in English: $code $(cat "$TMP/body")"
	fi
	stop_site
done

echo "RESULT: $pass $fail 0 serve"
[ $fail -eq 0 ]
