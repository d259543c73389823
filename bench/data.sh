#!/bin/sh
# The datasets part of the benchmark: one CSV of about 1 GB (BENCH_ROWS
# rows, default 12,500,000) with its metadata, built by planpress into
# every format (CSV, JSON, XLSX, zip, catalogs).  Prints the wall time,
# the peak resident memory and the size of every output, then removes the
# site.  Not a test: it fails only when the build fails.
#   sh bench/data.sh                     # 1 GB
#   BENCH_ROWS=100000 sh bench/data.sh   # a quick look
# PLANPRESS names the binary (default ./planpress); BENCH_DATA_DIR the
# folder to work in (default a new one under /tmp; it needs about six
# times the CSV's size).
set -eu
cd "$(dirname "$0")/.."
P=${PLANPRESS:-./planpress}
ROWS=${BENCH_ROWS:-12500000}
[ -x "$P" ] || { echo "bench/data.sh: $P: build planpress first" >&2; exit 1; }
command -v /usr/bin/time >/dev/null 2>&1 || [ -x /usr/bin/time ] ||
	sh scripts/deps.sh bench >/dev/null 2>&1 || apt-get install -y time >/dev/null
mkdir -p build/bench
cc -O2 -o build/bench/gensite bench/gensite.c
dir=${BENCH_DATA_DIR:-$(mktemp -d /tmp/planpress-bench-data.XXXXXX)}
site="$dir/site"
rm -rf "$site" "$dir/out"
echo "bench: generating $ROWS rows in $site" >&2
build/bench/gensite "$site" 1 1 "$ROWS" >/dev/null
# The generated site is for the page benchmark; this one publishes data.
rm -rf "$site/themes"
mkdir -p "$site/themes"
ln -s "$(pwd)/themes/default" "$site/themes/default"
cat >"$site/site.yaml" <<'YAML'
title: "Thử hiệu năng dữ liệu"
theme: default
base_url: "https://example.gov.vn/"
publisher:
  name: "Đơn vị thử nghiệm"
license:
  id: "CC-BY-4.0"
  title: "Creative Commons Attribution 4.0"
  url: "https://creativecommons.org/licenses/by/4.0/"
YAML
csv="$site/datasets/bench-001.csv"
bytes=$(wc -c <"$csv" | tr -d ' ')
echo "bench: building" >&2
/usr/bin/time -f '%e %M' -o "$dir/time" "$P" build --quiet --stats \
    --source "$site" --output "$dir/out" 2>"$dir/stats" || {
	cat "$dir/stats" >&2
	exit 1
}
read -r wall rss <"$dir/time"
cores=$(nproc)
echo
echo "planpress datasets benchmark: $cores cores, one CSV of $ROWS rows"
printf '%-34s %12s\n' "input CSV (bytes)" "$bytes"
printf '%-34s %12s\n' "wall time (s)" "$wall"
printf '%-34s %12s\n' "peak RSS (MiB)" "$((rss / 1024))"
printf '%-34s %12s\n' "rows per second" \
    "$(awk -v r="$ROWS" -v w="$wall" 'BEGIN { printf "%d", (w > 0 ? r / w : 0) }')"
for f in "$dir"/out/dataset/bench-001/data/* "$dir"/out/downloads/*.zip; do
	printf '%-34s %12s\n' "$(basename "$f") (bytes)" \
	    "$(wc -c <"$f" | tr -d ' ')"
done
echo
echo "stages (--stats):"
cat "$dir/stats"
[ -n "${BENCH_DATA_DIR:-}" ] || rm -rf "$dir"
