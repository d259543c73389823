#!/bin/sh
# make bench: planpress against Hugo and a cmark-gfm floor on synthetic
# sites of N pages (bench/README.md).  It prints figures; it is not a test.
#
#   BENCH_SIZES="1000 10000"   the values of N (default "1000 10000 50000")
#   BENCH_RUNS=3               runs of each tool at each N (default 5, and
#                              3 at N >= 50000)
#   PLANPRESS=path             the binary measured (default ./planpress)
#   BENCH_BUILD=dir            where the helpers are built (default
#                              build/bench)
#   BENCH_ROOT=dir             the corpora and outputs, removed at the end
#                              (default /dev/shm/planpress-bench, or a new
#                              folder under $TMPDIR without /dev/shm)
#
# Run from the top of the repository after `make planpress` (make bench
# does both).  Needs cc, pkg-config and libcmark-gfm-dev (planpress's own
# build dependencies); installs hugo and time from Debian when missing.
set -eu

cd "$(dirname "$0")/.."
SIZES=${BENCH_SIZES:-"1000 10000 50000"}
B=${BENCH_BUILD:-build/bench}
TIME=/usr/bin/time
TOOLS="planpress hugo floor"

say() { printf 'bench: %s\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# install PACKAGE: apt-get install, with one apt-get update if needed.
pkg_install() {
	say "installing $1"
	as_root apt-get install -y -q "$1" >/dev/null 2>&1 || {
		as_root apt-get update -q >/dev/null &&
		as_root apt-get install -y -q "$1" >/dev/null
	}
}

command -v hugo >/dev/null 2>&1 || pkg_install hugo
[ -x "$TIME" ] || pkg_install time
PLANPRESS=${PLANPRESS:-./planpress}
if [ ! -x "$PLANPRESS" ]; then
	say "$PLANPRESS is missing: run make bench (or make planpress first)"
	exit 1
fi

# A private copy, so that a rebuild during the run changes nothing.
mkdir -p "$B"
cp "$PLANPRESS" "$B/planpress"
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra \
    -o "$B/gensite" bench/gensite.c
# shellcheck disable=SC2046
cc -std=c11 -D_DEFAULT_SOURCE -O2 -Wall -Wextra \
    $(pkg-config --cflags libcmark-gfm) -o "$B/floor" bench/floor.c \
    $(pkg-config --libs libcmark-gfm) -lcmark-gfm-extensions -lpthread

# Corpora and outputs on tmpfs: file creation on disks is noisy.
if [ -n "${BENCH_ROOT:-}" ]; then
	ROOT=$BENCH_ROOT
	rm -rf "$ROOT"
	mkdir -p "$ROOT"
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
	ROOT=/dev/shm/planpress-bench
	rm -rf "$ROOT"
	mkdir -p "$ROOT"
else
	ROOT=$(mktemp -d "${TMPDIR:-/tmp}/planpress-bench.XXXXXX")
fi
trap 'rm -rf "$ROOT"' EXIT
trap 'exit 130' INT TERM
RES=$ROOT/results
mkdir -p "$RES"

# median FILE: the median of the numbers in FILE, one a line.
median() {
	sort -n "$1" | awk '{ v[NR] = $1 }
	    END { if (NR % 2) print v[(NR + 1) / 2];
		  else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run1 TOOL N KEEP: one timed build; when KEEP is 1, appends seconds to
# RES/N.TOOL.t and peak RSS (KiB) to RES/N.TOOL.m.  A failure or a wrong
# page count writes RES/N.TOOL.fail instead.
run1() {
	tool=$1 n=$2 keep=$3
	site=$ROOT/n$n/site out=$ROOT/n$n/out-$tool
	rm -rf "$out"
	case $tool in
	planpress) set -- "$B/planpress" build --quiet --source "$site" \
	    --output "$out" ;;
	hugo) set -- hugo --quiet -s "$site-hugo" -d "$out" ;;
	floor) set -- "$B/floor" "$site/content" "$out" 2 ;;
	esac
	t0=$(date +%s%N)
	st=0
	"$TIME" -f '%e %M' -o "$ROOT/time.out" "$@" >"$ROOT/out.log" \
	    2>"$ROOT/err.log" || st=$?
	t1=$(date +%s%N)
	if [ "$st" -ne 0 ]; then
		{
			echo "$tool exited with status $st at N = $n:"
			echo "  $*"
			head -n 20 "$ROOT/err.log"
			head -n 20 "$ROOT/out.log"
		} >"$RES/$n.$tool.fail"
		return
	fi
	pages=$(find "$out" -type f -name '*.html' | wc -l)
	if [ "$pages" -ne $((n + 21)) ]; then
		echo "$tool wrote $pages HTML pages at N = $n, not $((n + 21))" \
		    >"$RES/$n.$tool.fail"
		return
	fi
	if [ "$keep" -eq 1 ]; then
		echo "$t0 $t1" | awk '{ printf "%.3f\n", ($2 - $1) / 1e9 }' \
		    >>"$RES/$n.$tool.t"
		awk 'END { print $2 }' "$ROOT/time.out" >>"$RES/$n.$tool.m"
	fi
	rm -rf "$out"
}

for n in $SIZES; do
	runs=${BENCH_RUNS:-5}
	[ -n "${BENCH_RUNS:-}" ] || [ "$n" -lt 50000 ] || runs=3
	echo "$runs" >"$RES/$n.runs"
	t0=$(date +%s%N)
	"$B/gensite" "$ROOT/n$n/site" "$n"
	t1=$(date +%s%N)
	kb=$(du -sk "$ROOT/n$n/site/content" | cut -f1)
	say "N = $n: site generated in $(echo "$t0 $t1" |
	    awk '{ printf "%.1f", ($2 - $1) / 1e9 }') s," \
	    "$((kb / 1024)) MiB of Markdown; $runs runs of each tool"
	# Round 0 warms caches up and checks the outputs; it is not counted.
	r=0
	while [ "$r" -le "$runs" ]; do
		for tool in $TOOLS; do
			[ -e "$RES/$n.$tool.fail" ] ||
			    run1 "$tool" "$n" $((r > 0))
		done
		say "N = $n: round $r of $runs done"
		r=$((r + 1))
	done
	rm -rf "$ROOT/n$n"
done

# The report.
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
fs=$(stat -f -c %T "$ROOT" 2>/dev/null || echo "?")
echo
echo "planpress benchmark: $(nproc) cores ($cpu), corpora on $fs ($ROOT)"
echo "$("$B/planpress" --version 2>/dev/null | head -n 1) (--jobs default," \
    "$(nproc) threads); $(hugo version | cut -d' ' -f1-2);" \
    "floor: cmark-gfm $(pkg-config --modversion libcmark-gfm) on 2 threads"
echo "wall: median of the runs, interleaved planpress, hugo, floor, after" \
    "one untimed round;"
echo "pages/s: (N + 21) pages / wall; RSS: peak resident set, largest of" \
    "the runs"
echo
printf '%7s  %-15s %4s %9s %9s %9s\n' N tool runs "wall s" "pages/s" \
    "RSS MiB"
for n in $SIZES; do
	runs=$(cat "$RES/$n.runs")
	for tool in $TOOLS; do
		name=$tool
		[ "$tool" = floor ] && name="cmark-gfm floor"
		if [ -e "$RES/$n.$tool.fail" ]; then
			printf '%7s  %-15s %s\n' "$n" "$name" "FAILED"
			continue
		fi
		w=$(median "$RES/$n.$tool.t")
		m=$(sort -n "$RES/$n.$tool.m" | tail -n 1)
		echo "$w" >"$RES/$n.$tool.w"
		echo "$m" >"$RES/$n.$tool.rss"
		awk -v n="$n" -v name="$name" -v runs="$runs" -v w="$w" \
		    -v m="$m" 'BEGIN { printf "%7d  %-15s %4d %9.3f %9.0f %9.1f\n",
		    n, name, runs, w, (n + 21) / w, m / 1024 }'
	done
	if [ -e "$RES/$n.planpress.w" ] && [ -e "$RES/$n.hugo.w" ]; then
		awk -v n="$n" \
		    -v wp="$(cat "$RES/$n.planpress.w")" \
		    -v wh="$(cat "$RES/$n.hugo.w")" \
		    -v mp="$(cat "$RES/$n.planpress.rss")" \
		    -v mh="$(cat "$RES/$n.hugo.rss")" \
		    'BEGIN { printf "%7d  hugo/planpress: time %.2fx, RSS %.2fx" \
			"  (target: 10x time)\n", n, wh / wp, mh / mp }'
	fi
	if [ -e "$RES/$n.planpress.w" ] && [ -e "$RES/$n.floor.w" ]; then
		awk -v n="$n" \
		    -v wp="$(cat "$RES/$n.planpress.w")" \
		    -v wf="$(cat "$RES/$n.floor.w")" \
		    -v mp="$(cat "$RES/$n.planpress.rss")" \
		    'BEGIN { printf "%7d  planpress/floor: time %.2fx" \
			"  (target: at most 1.3x); planpress RSS %.0f MiB" \
			" (target at 50,000 pages: at most 200)\n", n, wp / wf,
			mp / 1024 }'
	fi
done
for f in "$RES"/*.fail; do
	[ -e "$f" ] || continue
	echo
	cat "$f"
done
