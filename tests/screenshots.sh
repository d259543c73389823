#!/bin/sh
# Full-page screenshots of a built site at 375 and 1280 px, with Debian's
# Chromium driven by playwright-core.  Not part of make test.
#   tests/screenshots.sh [-s SITE] [PAGE...]
# SITE defaults to output/ (relative paths are taken from the repository
# root); PAGEs are URL paths such as / or /muc-tieu/mt-1/.  Without PAGEs:
# /, the first page under /muc-tieu/ and the first under /nhiem-vu/.
# Writes tests/screenshots/NAME-WIDTH.png and prints the paths.
# Installs chromium, node and the npm packages when they are missing.
set -eu

cwd=$(pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
site=output
if [ "${1:-}" = -s ]; then
	[ $# -ge 2 ] || { echo "usage: tests/screenshots.sh [-s SITE] [PAGE...]" >&2; exit 2; }
	site=$2
	shift 2
	# A site given on the command line is relative to where we were run.
	case $site in /*) ;; *) site="$cwd/$site" ;; esac
fi
cd "$root"
sh scripts/deps.sh screenshots
if [ ! -d "$site" ]; then
	echo "screenshots: $site not found; build the site first (./planpress build)" >&2
	exit 1
fi
exec node tests/screenshots.mjs "$site" "$root/tests/screenshots" "$@"
