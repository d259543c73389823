#!/bin/sh
# Install what planpress needs on Debian, skipping what is present.
#   deps.sh build   compiler, pkg-config, the -dev libraries and gettext
#                   (msgfmt; xgettext and msgmerge for make po-update)
#   deps.sh test    the above, plus Java for the Nu HTML Checker, Python's
#                   rdflib and jsonschema for the open-data checks,
#                   LibreOffice Calc for the XLSX round trip, clang and
#                   its libFuzzer runtime for tests/fuzz/, Chromium for
#                   the site opened from disk, the 404 page, the search
#                   and the browser tests, nginx and Apache's server
#                   binary (apache2-bin: no service of its own, so it
#                   never competes with nginx for port 80) to serve the
#                   site with contrib/ (the test starts its own servers;
#                   where services start on install, Debian's nginx also
#                   starts on port 80), and the npm packages of
#                   tests/package-lock.json
#   deps.sh screenshots   Node, the npm packages and Debian's Chromium
# Package lists are split into words on purpose.
# shellcheck disable=SC2086
set -eu
cd "$(dirname "$0")/.."

# gettext: msgfmt compiles po/*.po into the message catalogs (and
# tests/checks/po.sh runs xgettext, msgmerge and msgcmp).
build_pkgs="gcc make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
libcsv-dev libjansson-dev libyaml-dev libzip-dev libutf8proc-dev
libxlsxwriter-dev nettle-dev libmicrohttpd-dev libexpat1-dev gettext
libjemalloc-dev"
# libreoffice-calc-nogui is big: 54 packages, 87 MB to download, 260 MB
# installed; about 15 s on a fresh machine here (1 s download, 11 s dpkg).
# libc-l10n: the C library's own messages (strerror(), regerror()) in
# Vietnamese, which the Vietnamese diagnostics cases quote.
test_pkgs="default-jre-headless nodejs npm python3 curl unzip
python3-rdflib python3-jsonschema libreoffice-calc-nogui libxml2-utils
clang libclang-rt-14-dev chromium libc-l10n nginx apache2-bin"

missing() {
	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		    grep -q 'install ok installed' || echo "$p"
	done
}

install_pkgs() {
	todo=$(missing "$@")
	[ -z "$todo" ] && return 0
	# A machine may have node, npm, java or python from elsewhere.
	filtered=""
	for p in $todo; do
		case $p in
		nodejs) command -v node >/dev/null 2>&1 && continue ;;
		npm) command -v npm >/dev/null 2>&1 && continue ;;
		python3) command -v python3 >/dev/null 2>&1 && continue ;;
		default-jre-headless) command -v java >/dev/null 2>&1 && continue ;;
		chromium) [ -x /usr/bin/chromium ] && continue ;;
		esac
		filtered="$filtered $p"
	done
	[ -z "$filtered" ] && return 0
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO=sudo
	echo "Installing Debian packages:$filtered"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
	    --no-install-recommends $filtered >/dev/null
}

# npm ci runs when tests/node_modules is missing or older than the lock
# file: a copy of the lock file is kept in node_modules after a successful
# install.  --ignore-scripts: the install scripts of some packages try to
# download a JDK or a browser.
npm_pkgs() {
	[ -f tests/package-lock.json ] || return 0
	stamp=tests/node_modules/.planpress-lock
	cmp -s tests/package-lock.json "$stamp" && return 0
	echo "Installing npm packages of tests/package-lock.json"
	(cd tests && PUPPETEER_SKIP_DOWNLOAD=true CHROMEDRIVER_SKIP_DOWNLOAD=true \
	    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
	    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
	cp tests/package-lock.json "$stamp"
}

case ${1:-build} in
build)
	install_pkgs $build_pkgs
	;;
test)
	install_pkgs $build_pkgs
	install_pkgs $test_pkgs
	npm_pkgs
	;;
screenshots)
	install_pkgs nodejs npm chromium
	npm_pkgs
	;;
*)
	echo "usage: scripts/deps.sh [build|test|screenshots]" >&2
	exit 2
	;;
esac
exit 0
