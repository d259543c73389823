#!/bin/sh
# Rewrite every tests/golden/NAME/expected from the current build, or
# only those of the names given after the binary; review the change with
# git diff before committing it.
#
#	sh tests/golden-update.sh [BINARY [NAME...]]
set -eu
cd "$(dirname "$0")/.."
P=${1:-./planpress}
[ $# -gt 0 ] && shift
dirs=""
for name in "$@"; do
	if [ ! -d "tests/golden/$name/site" ]; then
		echo "golden-update: no case tests/golden/$name" >&2
		exit 1
	fi
	dirs="$dirs tests/golden/$name/"
done
[ -n "$dirs" ] || dirs=$(echo tests/golden/*/)
for dir in $dirs; do
	args=""
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	rm -rf "$dir/expected"
	# shellcheck disable=SC2086
	SOURCE_DATE_EPOCH=1715817600 $P build --quiet --source "$dir/site" \
	    --output "$dir/expected" $args
	rm -f "${dir}expected.lock"	# the build's lock, not output
	if [ -f "$dir/only" ]; then	# keep only the files it lists
		(cd "$dir/expected" && find . -type f | LC_ALL=C sort) |
		    LC_ALL=C comm -23 - "$dir/only" | (cd "$dir/expected" &&
		    xargs -r rm -f)
		find "$dir/expected" -type d -empty -delete
	fi
	echo "updated $dir/expected"
done
