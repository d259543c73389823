#!/bin/sh
# Containment: what a build reads and what it may replace.  Output folders
# inside the sources, symbolic links out of the site, link loops, FIFOs
# and devices, the size limit, the output marker, the commit when the old
# tree cannot be removed, the lock on the output, leftovers of killed
# builds and servers, and serve under many open event streams.  Real
# processes throughout: real links and FIFOs, concurrent builds, kill -9,
# HTTP with curl.  PLANPRESS names the binary.  Every wait is bounded.
set -u
cd "$(dirname "$0")/.."
P=${PLANPRESS:-$(pwd)/planpress}
TMP=$(pwd)/tests/tmp/containment
cleanup() {
	[ -n "${pids:-}" ] && kill $pids 2>/dev/null
	[ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	[ -d "$TMP" ] && chattr -R -i "$TMP" 2>/dev/null
	return 0
}
trap cleanup EXIT
trap 'exit 1' INT TERM
[ -d "$TMP" ] && chattr -R -i "$TMP" 2>/dev/null
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0
skip=0
pids=""
server=""

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
has() { grep -q -- "$2" "$1" 2>/dev/null; }
# run WANT DESCRIPTION COMMAND...: at most 60 s; output in $TMP/out.
run() {
	want=$1
	what=$2
	shift 2
	timeout -k 5 60 "$@" >"$TMP/out" 2>&1
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "$what: exit $got, want $want"
		head -20 "$TMP/out"
	fi
}
says() {	# says DESCRIPTION PATTERN: the last run printed PATTERN
	has "$TMP/out" "$2" && ok || { bad "$1: no '$2' in: $(head -5 "$TMP/out")"; }
}
# site NAME: a fresh copy of the small golden site at $TMP/NAME.
site() {
	rm -rf "${TMP:?}/$1"
	cp -R tests/golden/basic/site "$TMP/$1"
}
wait_for() {	# wait_for SECONDS COMMAND...
	n=$(($1 * 10))
	shift
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		n=$((n - 1))
	done
	return 1
}

mkdir -p "$TMP/outside"
printf 'root:secret-hash:19000::::::\n' >"$TMP/outside/shadow"
printf -- '---\ntitle: "Bí mật"\n---\nsecret page body\n' >"$TMP/outside/secret.md"

# 1. An output folder inside the sources is refused before anything is
# written.
for out in content static themes themes/plain/layouts partials \
    content/muc-tieu public; do
	site s1
	run 1 "--output $out" $P build --quiet --source "$TMP/s1" \
	    --output "$TMP/s1/$out"
	says "--output $out" "is inside the site's sources"
	[ -f "$TMP/s1/content/_index.md" ] && [ -f "$TMP/s1/themes/plain/layouts/page.mustache" ] &&
	    [ -f "$TMP/s1/partials/menu.mustache" ] && ok || bad "--output $out deleted sources"
	ls -d "$TMP/s1/$out".* >/dev/null 2>&1 && bad "--output $out left a staging folder" || ok
done
(cd "$TMP/s1" && timeout 60 $P build --quiet --output content) >"$TMP/out" 2>&1
[ $? -eq 1 ] && has "$TMP/out" "is inside the site's sources" && ok ||
    bad "a relative --output content is refused: $(cat "$TMP/out")"
site s1
run 0 "the default output/" $P build --quiet --source "$TMP/s1"
site s1
printf 'exclude: [public]\n' >>"$TMP/s1/site.yaml"
run 0 "--output into a folder the site excludes" $P build --quiet \
    --source "$TMP/s1" --output "$TMP/s1/public"
[ -f "$TMP/s1/public/index.html" ] && ok || bad "the excluded folder was not written"
site s1
printf 'exclude: [content]\n' >>"$TMP/s1/site.yaml"
run 1 "exclude cannot name a source folder" $P build --quiet \
    --source "$TMP/s1" --output "$TMP/s1/content"
[ -f "$TMP/s1/content/_index.md" ] && ok || bad "excluding content/ deleted it"

# 2. Symbolic links: out of the site is an error at the link, inside is
# followed, a folder named in allow_outside is allowed, loops are errors.
leak() {	# leak DESCRIPTION LINK-PATH [LOCATION]: the link is refused
	run 1 "$1" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
	says "$1" "${3:-$2}: error: symbolic link leads outside the site"
	[ -e "$TMP/o2" ] && bad "$1: the build wrote its output" || ok
	grep -rqs 'secret' "$TMP/o2" && bad "$1: published the secret" || ok
}
site s2
ln -s "$TMP/outside/shadow" "$TMP/s2/static/shadow"
leak "static/shadow -> outside" static/shadow
site s2
ln -s "$TMP/outside/secret.md" "$TMP/s2/content/x.md"
leak "content/x.md -> outside" content/x.md
site s2
ln -s "$TMP/outside" "$TMP/s2/content/out"
leak "content/out -> outside folder" content/out
site s2
ln -s "$TMP/outside/shadow" "$TMP/s2/partials/item.mustache"
leak "partial -> outside" partials/item.mustache
site s2
rm "$TMP/s2/themes/plain/layouts/page.mustache"
ln -s "$TMP/outside/shadow" "$TMP/s2/themes/plain/layouts/page.mustache"
leak "layout -> outside" themes/plain/layouts/page.mustache
site s2
ln -s "$TMP/outside/shadow" "$TMP/s2/themes/plain/assets/shadow.css"
leak "asset -> outside" themes/plain/assets/shadow.css
site s2
mkdir -p "$TMP/s2/datasets"
printf 'id,name\nab,secret\n' >"$TMP/outside/leak.csv"
cp tests/golden/datasets/site/datasets/don-vi.yaml "$TMP/s2/datasets/leak.yaml"
ln -s "$TMP/outside/leak.csv" "$TMP/s2/datasets/leak.csv"
leak "dataset -> outside" datasets/leak.csv
site s2
rm -rf "$TMP/s2/static"
ln -s "$TMP/outside" "$TMP/s2/static"
leak "static/ itself -> outside" static
site s2
mv "$TMP/s2/site.yaml" "$TMP/outside/site.yaml"
ln -s "$TMP/outside/site.yaml" "$TMP/s2/site.yaml"
leak "site.yaml -> outside" site.yaml
# Inside the site: followed.
site s2
mkdir -p "$TMP/s2/extra"
printf -- '---\ntitle: "Trang liên kết"\n---\nlinked page body\n' >"$TMP/s2/extra/lien-ket.md"
ln -s ../extra/lien-ket.md "$TMP/s2/content/lien-ket.md"
ln -s ../content/_index.md "$TMP/s2/static/copy.txt"
run 0 "links inside the site are followed" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
grep -rqs 'linked page body' "$TMP/o2" && ok || bad "the linked page was not built"
[ -f "$TMP/o2/copy.txt" ] && [ ! -L "$TMP/o2/copy.txt" ] && ok || bad "the static link inside the site was not copied"
# allow_outside names a folder outside the site.
site s2
rm -rf "$TMP/o2"
mkdir -p "$TMP/shared"
printf -- '---\ntitle: "Trang chung"\n---\nshared page body\n' >"$TMP/shared/chung.md"
ln -s ../../shared/chung.md "$TMP/s2/content/chung.md"
printf 'allow_outside: [../shared]\n' >>"$TMP/s2/site.yaml"
run 0 "allow_outside" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
grep -rqs 'shared page body' "$TMP/o2" && ok || bad "the allowed page was not built"
ln -s "$TMP/outside/shadow" "$TMP/s2/static/shadow"
rm -rf "$TMP/o2"
leak "allow_outside allows only its folder" static/shadow
site s2
printf 'allow_outside: [../no-such-folder]\n' >>"$TMP/s2/site.yaml"
run 1 "allow_outside of a missing folder" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "allow_outside of a missing folder" "site.yaml:[0-9]*:[0-9]*: error: "
# Loops.
site s2
ln -s .. "$TMP/s2/content/muc-tieu/loop"
run 1 "content/muc-tieu/loop -> .." $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "a link loop" "content/muc-tieu/loop: error: symbolic link loop"
site s2
mkdir -p "$TMP/s2/content/a" "$TMP/s2/content/b"
ln -s ../b "$TMP/s2/content/a/to-b"
ln -s ../a "$TMP/s2/content/b/to-a"
run 1 "a loop of two links" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "a loop of two links" "error: symbolic link loop"
site s2
ln -s self "$TMP/s2/content/self"
run 1 "a link to itself" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "a link to itself" "content/self: error: "
# FIFOs, devices, sockets are never opened; every file has a size limit.
site s2
mkfifo "$TMP/s2/content/fifo.md"
run 1 "a FIFO page" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "a FIFO page" "content/fifo.md: error: not a regular file"
site s2
mkfifo "$TMP/s2/static/fifo.txt"
run 1 "a FIFO in static/" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "a FIFO in static/" "static/fifo.txt: error: not a regular file"
site s2
mkdir -p "$TMP/s2/datasets"
cp tests/golden/datasets/site/datasets/don-vi.yaml "$TMP/s2/datasets/pipe.yaml"
mkfifo "$TMP/s2/datasets/pipe.csv"
run 1 "a FIFO dataset" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "a FIFO dataset" "datasets/pipe.csv: error: not a regular file"
site s2
ln -s /dev/zero "$TMP/s2/content/zero.md"
printf 'allow_outside: [/dev]\n' >>"$TMP/s2/site.yaml"
run 1 "x.md -> /dev/zero, even allowed" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "x.md -> /dev/zero" "content/zero.md: error: not a regular file"
site s2
truncate -s 65M "$TMP/s2/content/big.md"
run 1 "a page over the size limit" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
says "a page over the size limit" "content/big.md: error: larger than the limit of 64 MiB"
site s2
truncate -s 65M "$TMP/s2/static/big.bin"
run 0 "a static file over 64 MiB is copied" $P build --quiet --source "$TMP/s2" --output "$TMP/o2"
[ "$(stat -c %s "$TMP/o2/big.bin" 2>/dev/null)" = 68157440 ] && ok || bad "big.bin not copied"
rm -rf "$TMP/o2" "$TMP/s2"

# 3. The marker: a non-empty folder without it is never replaced.
mkdir -p "$TMP/docs/photos"
echo "my thesis" >"$TMP/docs/thesis.txt"
echo "jpeg" >"$TMP/docs/photos/a.jpg"
site s3
run 1 "--output a folder that is not a build" $P build --quiet --source "$TMP/s3" --output "$TMP/docs"
says "--output a folder that is not a build" "'.*docs' is not empty and was not written by planpress"
says "the refusal says how to proceed" "remove it or choose another output folder"
[ -f "$TMP/docs/thesis.txt" ] && [ -f "$TMP/docs/photos/a.jpg" ] && ok || bad "the user's files were deleted"
ls -d "$TMP"/docs.* >/dev/null 2>&1 && bad "the refused build left files beside docs" || ok
run 0 "a new folder" $P build --quiet --source "$TMP/s3" --output "$TMP/o3"
[ -f "$TMP/o3/.planpress-output" ] && ok || bad "the build wrote no marker"
run 0 "a folder with the marker" $P build --quiet --source "$TMP/s3" --output "$TMP/o3"
mkdir -p "$TMP/empty"
run 0 "an empty folder" $P build --quiet --source "$TMP/s3" --output "$TMP/empty"
# The default output/ of an older build (no marker) is recognised by its
# index.html and 404.html; any other content is refused.
run 0 "the default output/" $P build --quiet --source "$TMP/s3"
rm "$TMP/s3/output/.planpress-output"
run 0 "an older build's output/" $P build --quiet --source "$TMP/s3"
[ -f "$TMP/s3/output/.planpress-output" ] && ok || bad "an older output/ did not get the marker"
rm -rf "$TMP/s3/output"
mkdir -p "$TMP/s3/output"
echo notes >"$TMP/s3/output/notes.txt"
run 1 "an output/ holding other files" $P build --quiet --source "$TMP/s3"
[ -f "$TMP/s3/output/notes.txt" ] && ok || bad "output/notes.txt was deleted"
echo "not a folder" >"$TMP/afile"
run 1 "--output a file" $P build --quiet --source "$TMP/s3" --output "$TMP/afile"
[ "$(cat "$TMP/afile")" = "not a folder" ] && ok || bad "--output a file replaced it"

# 4. The old tree cannot be removed after the swap: the new site is live,
# the build succeeds and says what was left.
site s4
run 0 "first build" $P build --quiet --source "$TMP/s4" --output "$TMP/o4"
if chattr +i "$TMP/o4/404.html" 2>/dev/null; then
	printf '\nnew text after the swap\n' >>"$TMP/s4/content/muc-tieu/a.md"
	run 0 "a build whose old tree cannot be removed" $P build --source "$TMP/s4" --output "$TMP/o4"
	says "the leftover is named" "warning: cannot remove the previous output '.*o4\.old-[0-9]*'"
	says "the summary says the site was written" "files written to"
	grep -rqs 'new text after the swap' "$TMP/o4" && ok || bad "the new site is not live"
	chattr -R -i "$TMP"/o4* 2>/dev/null
	run 0 "the next build" $P build --quiet --source "$TMP/s4" --output "$TMP/o4"
	ls -d "$TMP"/o4.old-* >/dev/null 2>&1 && bad "the leftover was not removed by the next build" || ok
else
	echo "SKIP: chattr +i does not work here"
	skip=$((skip + 1))
fi

# 5. One build at a time per output folder: a lock beside it.
site s5
run 0 "first build" $P build --quiet --source "$TMP/s5" --output "$TMP/o5"
before=$(cd "$TMP/o5" && find . -type f | sort | xargs sha256sum)
flock "$TMP/o5.lock" sleep 5 &
pids=$!
sleep 0.3
printf '\nchanged while locked\n' >>"$TMP/s5/content/muc-tieu/a.md"
run 1 "a build while the output is locked" $P build --quiet --source "$TMP/s5" --output "$TMP/o5"
says "the refusal names the lock" "'.*o5' is being written by another build"
[ "$before" = "$(cd "$TMP/o5" && find . -type f | sort | xargs sha256sum)" ] && ok ||
    bad "a locked output was changed"
wait $pids
pids=""
# Concurrent builds of two sites into one output: each ends with one whole
# site, never a mix.
site s5b
printf '\nsite B text\n' >>"$TMP/s5b/content/muc-tieu/a.md"
run 0 "reference A" $P build --quiet --source "$TMP/s5" --output "$TMP/refA"
run 0 "reference B" $P build --quiet --source "$TMP/s5b" --output "$TMP/refB"
mixed=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	$P build --quiet --jobs 1 --source "$TMP/s5" --output "$TMP/o5" >"$TMP/c1" 2>&1 &
	a=$!
	$P build --quiet --jobs 1 --source "$TMP/s5b" --output "$TMP/o5" >"$TMP/c2" 2>&1 &
	b=$!
	wait $a; sa=$?
	wait $b; sb=$?
	for f in 1 2; do
		if grep -v 'is being written by another build' "$TMP/c$f" |
		    grep -v '^planpress: 1 error, 0 warnings; nothing written$' | grep -q 'error'; then
			bad "a concurrent build failed otherwise: $(cat "$TMP/c$f")"
		fi
	done
	[ $sa -eq 0 ] || [ $sb -eq 0 ] || bad "both concurrent builds failed"
	if ! diff -r "$TMP/refA" "$TMP/o5" >/dev/null && ! diff -r "$TMP/refB" "$TMP/o5" >/dev/null; then
		mixed=$((mixed + 1))
	fi
done
[ $mixed -eq 0 ] && ok || bad "$mixed of 10 concurrent rounds left a mixed tree"

# 6. Leftovers of a killed build are removed by the next build.
site s6
i=0
while [ $i -lt 3000 ]; do
	printf -- '---\ntitle: "Trang %d"\n---\nNội dung %d.\n' $i $i >"$TMP/s6/content/muc-tieu/p$i.md"
	i=$((i + 1))
done
killed=""
for try in 1 2 3 4 5; do
	$P build --quiet --jobs 1 --source "$TMP/s6" --output "$TMP/o6" >/dev/null 2>&1 &
	b=$!
	n=0
	while [ $n -lt 2000 ] && kill -0 $b 2>/dev/null; do
		if [ -d "$TMP/o6.staging-$b" ]; then
			kill -9 $b 2>/dev/null
			break
		fi
		sleep 0.01
		n=$((n + 1))
	done
	wait $b 2>/dev/null
	if [ -d "$TMP/o6.staging-$b" ]; then killed=$b; break; fi
done
if [ -n "$killed" ]; then
	ok
	run 0 "the build after a killed one" $P build --quiet --source "$TMP/s6" --output "$TMP/o6"
	[ -d "$TMP/o6.staging-$killed" ] && bad "the killed build's staging folder is still there" || ok
else
	bad "could not kill a build while it was writing"
fi
# A staging folder of a live process is left alone.
sleep 30 &
live=$!
mkdir -p "$TMP/o6.staging-$live"
run 0 "a build beside a live staging folder" $P build --quiet --source "$TMP/s6" --output "$TMP/o6"
[ -d "$TMP/o6.staging-$live" ] && ok || bad "a live process's staging folder was removed"
kill $live 2>/dev/null
wait $live 2>/dev/null
rm -rf "$TMP/o6.staging-$live" "$TMP/s6" "$TMP/o6"

# serve: a killed server's folder is removed by the next one; many open
# event streams do not keep pages from being served.
start_serve() {	# start_serve SITE: sets server, URL
	tries=0
	server=""
	while [ $tries -lt 5 ]; do
		tries=$((tries + 1))
		PORT=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
		URL=http://127.0.0.1:$PORT
		# LANGUAGE=en: the "Serving" line in English, whatever the
		# site's language.
		LANGUAGE=en TMPDIR=$TMP/tmpdir $P serve --quiet --source "$1" \
		    --port "$PORT" >"$TMP/serve.out" 2>&1 &
		server=$!
		wait_for 30 sh -c "grep -q '^Serving' '$TMP/serve.out' || ! kill -0 $server 2>/dev/null"
		if kill -0 "$server" 2>/dev/null && has "$TMP/serve.out" '^Serving '; then
			return 0
		fi
		kill "$server" 2>/dev/null
		wait "$server" 2>/dev/null
		server=""
	done
	return 1
}
site s7
mkdir -p "$TMP/tmpdir"
if start_serve "$TMP/s7"; then
	ok
	kill -9 "$server"
	wait "$server" 2>/dev/null
	server=""
	left=$(ls -d "$TMP"/tmpdir/planpress-serve-* 2>/dev/null)
	[ -n "$left" ] && ok || bad "a killed serve left no folder (test broken)"
	if start_serve "$TMP/s7"; then
		ok
		for l in $left; do
			[ -e "$l" ] && bad "the killed server's folder $l is still there"
		done
		# A link out of the site is not served.
		ln -s "$TMP/outside/shadow" "$TMP/s7/static/shadow.txt"
		wait_for 10 sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 '$URL/')\" = 500 ]" &&
		    ok || bad "serve: a link outside the site does not fail the build"
		curl -s --max-time 5 "$URL/shadow.txt" | grep -q secret-hash &&
		    bad "serve published a file outside the site" || ok
		rm "$TMP/s7/static/shadow.txt"
		wait_for 10 sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 '$URL/')\" = 200 ]" &&
		    ok || bad "serve did not recover"
		# 200 open event streams (the oldest are dropped, with "event:
		# drop") and 50 idle connections; a page still answers.
		curl -sN --max-time 40 "$URL/__planpress/events" >"$TMP/first.sse" 2>/dev/null &
		pids="$pids $!"
		i=1
		while [ $i -lt 200 ]; do
			curl -sN --max-time 40 "$URL/__planpress/events" >/dev/null 2>&1 &
			pids="$pids $!"
			i=$((i + 1))
		done
		i=0
		while [ $i -lt 50 ]; do
			bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && sleep 40" 2>/dev/null &
			pids="$pids $!"
			i=$((i + 1))
		done
		sleep 2
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL/muc-tieu/")
		[ "$code" = 200 ] && ok || bad "a page with 200 event streams and 50 idle connections open: '$code'"
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL/")
		[ "$code" = 200 ] && ok || bad "a second page with many streams open: '$code'"
		wait_for 10 has "$TMP/first.sse" '^event: drop$' && ok ||
		    bad "the oldest event stream was not dropped: $(cat "$TMP/first.sse")"
		kill $pids 2>/dev/null
		pids=""
		# A build of the same site into output/ while serving.
		run 0 "build while serve runs on the same site" $P build --quiet --source "$TMP/s7"
		kill -INT "$server"
		wait "$server"
		st=$?
		server=""
		[ $st -eq 0 ] && ok || bad "serve exited $st"
	else
		bad "serve did not start again: $(cat "$TMP/serve.out")"
	fi
else
	bad "serve did not start: $(cat "$TMP/serve.out")"
fi

echo "RESULT: $pass $fail $skip containment"
[ $fail -eq 0 ]
