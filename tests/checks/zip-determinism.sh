#!/bin/sh
# The zips and XLSX files of a build do not depend on the clock, the time
# zone or the number of threads: same input, same bytes.
#   tests/checks/zip-determinism.sh PLANPRESS [SOURCE]
# PLANPRESS is the binary, SOURCE the site folder (default .).  Builds the
# site four times into a temporary folder:
#   A  SOURCE_DATE_EPOCH=E  TZ=UTC                 default --jobs
#   B  SOURCE_DATE_EPOCH=E  TZ=UTC+7, 2 s later    --jobs 1
#   C  no SOURCE_DATE_EPOCH TZ=UTC                 default --jobs
#   D  no SOURCE_DATE_EPOCH TZ=UTC-3:30, 2 s later --jobs 1
# (the zones are POSIX TZ strings, so no tzdata is needed), then checks
# that every .zip and .xlsx of A is byte for byte the same in B, and every
# one of C the same in D; that A and C hold the same set of them; and, in
# A, that each .zip member's time is E (UTC) and each XLSX's
# docProps/core.xml dates are E (an XLSX's member times are
# libxlsxwriter's fixed 1980-01-01, not checked).  Prints the differences, then
#   RESULT: <files passed> <files failed> 0 zip-determinism
# and exits 1 when a file failed.  No .zip or .xlsx at all is a failure.
set -u

name=zip-determinism
fail() {
	echo "$name: $*"
	echo "RESULT: 0 1 0 $name"
	exit 1
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	fail "usage: tests/checks/zip-determinism.sh PLANPRESS [SOURCE]"
fi
bin=$1
src=${2:-.}
[ -x "$bin" ] || fail "$bin is not an executable"
[ -f "$src/site.yaml" ] || fail "$src/site.yaml not found"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
command -v "$PY" >/dev/null 2>&1 || fail "python3 not found"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
# 2024-06-01T12:00:00Z: even (DOS times have 2-second steps), not midnight
E=1717243200

# shellcheck disable=SC2086
build() {	# build NAME TZ JOBS [EPOCH]; JOBS is split into words
	out=$tmp/$1
	if [ $# -ge 4 ]; then
		env SOURCE_DATE_EPOCH="$4" TZ="$2" "$bin" build --quiet \
		    --source "$src" --output "$out" $3 >"$tmp/$1.log" 2>&1
	else
		env -u SOURCE_DATE_EPOCH TZ="$2" "$bin" build --quiet \
		    --source "$src" --output "$out" $3 >"$tmp/$1.log" 2>&1
	fi || {
		cat "$tmp/$1.log"
		fail "build $1 (TZ=$2${4:+ SOURCE_DATE_EPOCH=$4}) failed"
	}
}

start=$(date +%s)
build A UTC0 "" "$E"
build C UTC0 ""
sleep 2
build B ICT-7 "--jobs 1" "$E"
build D NST+3:30 "--jobs 1"

"$PY" - "$tmp" "$E" <<'EOF'
import os, re, sys, time, zipfile

tmp, epoch = sys.argv[1], int(sys.argv[2])
want_dos = time.gmtime(epoch)[:6]
want_iso = time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(epoch))


def files(d):
    out = set()
    for dirpath, _, names in os.walk(d):
        for n in names:
            if n.endswith(('.zip', '.xlsx')):
                out.add(os.path.relpath(os.path.join(dirpath, n), d))
    return out


def read(p):
    with open(p, 'rb') as f:
        return f.read()


def times(p):
    """Problems with the member times of a build-A zip (an XLSX's member
    times are libxlsxwriter's fixed 1980-01-01) and XLSX dates."""
    problems = []
    try:
        with zipfile.ZipFile(p) as z:
            bad = [] if p.endswith('.xlsx') else sorted({'%04d-%02d-%02d %02d:%02d:%02d' % i.date_time
                          for i in z.infolist() if i.date_time != want_dos})
            if bad:
                problems.append('member times %s, expected %s (SOURCE_DATE_EPOCH, UTC)'
                                % (', '.join(bad[:3]), '%04d-%02d-%02d %02d:%02d:%02d' % want_dos))
            if p.endswith('.xlsx') and 'docProps/core.xml' in z.namelist():
                core = z.read('docProps/core.xml').decode('utf-8', 'replace')
                for tag in ('dcterms:created', 'dcterms:modified'):
                    m = re.search(r'<%s[^>]*>([^<]*)</%s>' % (tag, tag), core)
                    if m and m.group(1) != want_iso:
                        problems.append('docProps/core.xml %s is %s, expected %s'
                                        % (tag, m.group(1), want_iso))
    except (OSError, zipfile.BadZipFile) as e:
        problems.append('not a readable zip: %s' % e)
    return problems


A, B, C, D = (os.path.join(tmp, x) for x in 'ABCD')
fa, fb, fc, fd = files(A), files(B), files(C), files(D)
results = {}
for rel in sorted(fa | fb | fc | fd):
    p = []
    for x, y, fx, fy, what in ((A, B, fa, fb, 'with SOURCE_DATE_EPOCH'),
                               (C, D, fc, fd, 'without SOURCE_DATE_EPOCH')):
        if rel not in fx or rel not in fy:
            p.append('%s: only in one of the two builds' % what)
        elif read(os.path.join(x, rel)) != read(os.path.join(y, rel)):
            p.append('%s: differs between TZ=UTC and another TZ/time/--jobs' % what)
    if rel in fa and rel not in fc or rel in fc and rel not in fa:
        p.append('built with SOURCE_DATE_EPOCH %s, without it %s'
                 % ('yes' if rel in fa else 'no', 'yes' if rel in fc else 'no'))
    if rel in fa:
        p += times(os.path.join(A, rel))
    results[rel] = p
failed = 0
for rel, p in results.items():
    for m in p:
        print('%s: %s' % (rel, m))
    failed += bool(p)
if not results:
    print('no .zip or .xlsx in the output')
    print('RESULT: 0 1 0 zip-determinism')
    sys.exit(1)
print('RESULT: %d %d 0 zip-determinism' % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
EOF
rc=$?
echo "$name: $(($(date +%s) - start)) s"
exit $rc
