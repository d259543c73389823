#!/bin/sh
# Rewrite every tests/golden/NAME/expected from the current build; review
# the change with git diff before committing it.
set -eu
cd "$(dirname "$0")/.."
P=${1:-./planpress}
for dir in tests/golden/*/; do
	args=""
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	rm -rf "$dir/expected"
	# shellcheck disable=SC2086
	SOURCE_DATE_EPOCH=1715817600 $P build --quiet --source "$dir/site" \
	    --output "$dir/expected" $args
	if [ -f "$dir/only" ]; then	# keep only the files it lists
		(cd "$dir/expected" && find . -type f | LC_ALL=C sort) |
		    LC_ALL=C comm -23 - "$dir/only" | (cd "$dir/expected" &&
		    xargs -r rm -f)
		find "$dir/expected" -type d -empty -delete
	fi
	echo "updated $dir/expected"
done
