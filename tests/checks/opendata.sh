#!/bin/sh
# Check the open data of a built site against the standards, offline
# (the checks of shared/VALIDATORS.md; helpers in tests/checks/opendata/).
#   tests/checks/opendata.sh SITE
# For each check, prints the failing details, then one line
#   RESULT: <files passed> <files failed> <skipped> opendata-<check>
# and exits 1 if a check failed.  The checks:
#   layout              the files DESIGN.md's output layout requires
#                       (also extracts downloads/*.zip for the checks below)
#   datapackage-v2      Data Package v2 profile (ajv) over dataset/*/datapackage.json,
#                       datapackage.json and the descriptors inside downloads/*.zip
#   datapackage-v1      the same with the v1 profile
#   datapackage-data    rows, primary and foreign keys (npm datapackage) of
#                       the same packages
#   integrity           "bytes" and "hash" (sha256) of every local resource
#   csv                 every CSV resource is RFC 4180 in UTF-8 (strict quoting,
#                       no NUL, the same number of cells in every row)
#   dcat-us             data.json against DCAT-US 1.1, non-federal schema
#   dcat-ap             catalog.ttl and catalog.jsonld against the DCAT-AP
#                       3.0.1 SHACL shapes
#   rdflib              catalog.ttl and catalog.jsonld parse with rdflib
#                       (CKAN's parser), context inline, IRIs absolute
#   rdf-same-graph      catalog.ttl and catalog.jsonld hold the same graph
#   schemaorg           the schema.org Dataset JSON-LD of dataset/*/index.html
#                       (and en/dataset/*/index.html) against Google's minimum
#   csvw                catalog.csv-metadata.json (and any *-metadata.json)
#                       parses as JSON-LD with the CSVW context, matches its CSV
# A file that the layout requires and that is missing is a failure.  The
# checks that read official schemas or shapes from ../shared/vendor-data
# (v2, v1, dcat-us, dcat-ap, csvw) report themselves skipped
# (RESULT: 0 0 1 ...) when that folder is absent; PLANPRESS_VENDOR_DATA
# names another folder.  Needs node, tests/node_modules (scripts/deps.sh
# test) and Debian's python3-rdflib; a missing tool is a failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
H=$here/opendata
BIN=$root/tests/node_modules/.bin
VENDOR=${PLANPRESS_VENDOR_DATA:-$root/../shared/vendor-data}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "opendata: usage: tests/checks/opendata.sh SITE (a directory)"
	echo "RESULT: 0 1 0 opendata"
	exit 1
fi
site=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
failures=0

now() { date +%s.%N; }

# finish NAME START: turn $tmp/out ("ok X", "FAIL X" and detail lines)
# into the details and the RESULT line.  Paths inside extracted zips are
# shown as SITE/downloads/NAME.zip:PATH.
finish() {
	name=$1
	start=$2
	sed -e "s#$tmp/zips/\([^/]*\)/#$site/downloads/\1:#g" \
	    -e "s#$tmp/zips/\([^/: ]*\)#$site/downloads/\1#g" "$tmp/out" >"$tmp/shown"
	grep -v '^ok ' "$tmp/shown"
	ok=$(grep -c '^ok ' "$tmp/shown")
	bad=$(grep -c '^FAIL ' "$tmp/shown")
	if [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ]; then
		echo "opendata-$name: nothing was checked"
		bad=1
	fi
	echo "opendata-$name: $(awk -v a="$start" -v b="$(now)" \
	    'BEGIN { printf "%.2f s", b - a }')"
	echo "RESULT: $ok $bad 0 opendata-$name"
	[ "$bad" -eq 0 ] || failures=$((failures + 1))
}

broken() {	# broken NAME WHY: the check could not run at all
	echo "opendata-$1: $2"
	echo "RESULT: 0 1 0 opendata-$1"
	failures=$((failures + 1))
}

skipped() {	# skipped NAME: the vendored schemas are absent
	echo "opendata-$1: $VENDOR not found; skipped"
	echo "RESULT: 0 0 1 opendata-$1"
}

have_vendor() { [ -d "$VENDOR" ]; }
have_node() { command -v node >/dev/null 2>&1 && [ -x "$BIN/ajv" ] &&
    [ -d "$root/tests/node_modules/datapackage" ] &&
    [ -d "$root/tests/node_modules/rdf-validate-shacl" ]; }
have_rdflib() { "$PY" -c 'import rdflib' >/dev/null 2>&1; }
no_node="node or tests/node_modules missing (run: sh scripts/deps.sh test)"
no_rdflib="python3 rdflib missing (run: sh scripts/deps.sh test)"

# ajv_check NAME SCHEMA [AJV OPTIONS...] -- FILE...: validate each FILE,
# adding to $tmp/out; missing files and files that are not JSON fail here
# (ajv would stop at the first of them).
ajv_check() {
	name=$1
	schema=$2
	shift 2
	opts=""
	while [ "$1" != "--" ]; do
		opts="$opts $1"
		shift
	done
	shift
	start=$(now)
	"$PY" -c '
import json, sys
for f in sys.argv[1:]:
    try:
        json.load(open(f, encoding="utf-8"))
        print("json", f)
    except FileNotFoundError:
        print("%s: missing" % f); print("FAIL", f)
    except ValueError as e:
        print("%s: not JSON: %s" % (f, e)); print("FAIL", f)
' "$@" >"$tmp/pre"
	grep -v '^json ' "$tmp/pre" >>"$tmp/out"
	sed -n 's/^json //p' "$tmp/pre" >"$tmp/files"
	if [ -s "$tmp/files" ]; then
		set --
		while IFS= read -r f; do
			set -- "$@" -d "$f"
		done <"$tmp/files"
		# shellcheck disable=SC2086
		(cd "$root/tests" && "$BIN/ajv" validate --spec=draft7 \
		    --strict=false -c ajv-formats $opts --all-errors \
		    --errors=text -s "$schema" "$@") >"$tmp/ajv" 2>&1
		awk -v list="$tmp/files" '
		BEGIN { while ((getline f < list) > 0) { known[f] = 1; order[++n_] = f } }
		{
			n = split($0, w, " ")
			last = w[n]
			file = substr($0, 1, length($0) - length(last) - 1)
			if ((last == "valid" || last == "invalid") && (file in known)) {
				seen[file] = 1
				if (last == "valid") { print "ok " file; cur = "" }
				else { cur = file; bad[file] = 1 }
				next
			}
			if (cur != "" && $0 != "") print cur ": " $0
			else if ($0 != "") print "ajv: " $0
		}
		END {
			for (i = 1; i <= n_; i++) {
				f = order[i]
				if (!(f in seen)) print "FAIL " f " (ajv did not report on it)"
				else if (f in bad) print "FAIL " f
			}
		}' "$tmp/ajv" >>"$tmp/out"
	fi
	finish "$name" "$start"
}

# The dataset folders, and the files each check reads.
: >"$tmp/datasets"
# A dataset folder holds datapackage.json or data/ (dataset/keyword/ and
# the like are listing pages).
for d in "$site"/dataset/*/; do
	d=${d%/}
	if [ -f "$d/datapackage.json" ] || [ -d "$d/data" ]; then
		echo "$d" >>"$tmp/datasets"
	fi
done
nodatasets() {	# a failure line in $tmp/out when there is no dataset
	[ -s "$tmp/datasets" ] && return 0
	echo "$site/dataset: no dataset folders" >>"$tmp/out"
	echo "FAIL $site/dataset/*" >>"$tmp/out"
}

# --- layout (also extracts the zips) --------------------------------------
start=$(now)
mkdir -p "$tmp/zips"
"$PY" "$H/layout.py" "$site" "$tmp/zips" >"$tmp/out" 2>&1
finish layout "$start"

# Descriptors: every dataset's, the site's, and those inside the zips.
: >"$tmp/descriptors"
while IFS= read -r d; do
	echo "$d/datapackage.json" >>"$tmp/descriptors"
done <"$tmp/datasets"
echo "$site/datapackage.json" >>"$tmp/descriptors"
find "$tmp/zips" -name datapackage.json -type f | sort >>"$tmp/descriptors"

# --- Data Package v2 and v1 profiles ---------------------------------------
for v in v2 v1; do
	if ! have_vendor; then
		skipped datapackage-$v
	elif ! have_node; then
		broken datapackage-$v "$no_node"
	else
		: >"$tmp/out"
		nodatasets
		set --
		while IFS= read -r f; do set -- "$@" "$f"; done <"$tmp/descriptors"
		ajv_check datapackage-$v "$VENDOR/frictionless/$v/datapackage.json" \
		    -c "$H/ajv-frictionless.js" -- "$@"
	fi
done

# --- rows, primary and foreign keys (npm datapackage) ----------------------
if ! have_node; then
	broken datapackage-data "$no_node"
else
	start=$(now)
	: >"$tmp/out"
	nodatasets
	set --
	while IFS= read -r f; do
		d=$(dirname "$f")
		if [ -f "$f" ]; then
			set -- "$@" "$d"
		else
			echo "$f: missing" >>"$tmp/out"
			echo "FAIL $d" >>"$tmp/out"
		fi
	done <"$tmp/descriptors"
	[ $# -gt 0 ] && (cd "$root/tests" &&
	    node "$H/datapackage-data.js" "$@") >>"$tmp/out" 2>&1
	finish datapackage-data "$start"
fi

# --- bytes and sha256 of every resource ------------------------------------
start=$(now)
: >"$tmp/out"
nodatasets
set --
while IFS= read -r f; do set -- "$@" "$f"; done <"$tmp/descriptors"
"$PY" "$H/integrity.py" "$@" >>"$tmp/out" 2>&1
finish integrity "$start"

# --- the CSV files: RFC 4180, UTF-8 ------------------------------------------
start=$(now)
: >"$tmp/out"
nodatasets
set --
while IFS= read -r f; do set -- "$@" "$f"; done <"$tmp/descriptors"
"$PY" "$H/csvfiles.py" "$@" >>"$tmp/out" 2>&1
finish csv "$start"

# --- DCAT-US data.json (non-federal) ---------------------------------------
if ! have_vendor; then
	skipped dcat-us
elif ! have_node; then
	broken dcat-us "$no_node"
else
	mkdir -p "$tmp/dcat-us"
	ok=1
	for f in catalog dataset-non-federal; do
		(cd "$root/tests" && "$BIN/ajv" migrate --spec=draft7 \
		    -s "$VENDOR/dcat-us/v1.1-non-federal/$f.json" \
		    -o "$tmp/dcat-us/$f.json") >"$tmp/migrate" 2>&1 || ok=0
	done
	if [ $ok = 1 ]; then
		: >"$tmp/out"
		ajv_check dcat-us "$tmp/dcat-us/catalog.json" \
		    -c "$H/ajv-no-unicode.js" \
		    -r "$tmp/dcat-us/dataset-non-federal.json" -- "$site/data.json"
	else
		cat "$tmp/migrate"
		broken dcat-us "ajv migrate of the DCAT-US schemas failed"
	fi
fi

# --- DCAT-AP 3.0.1 shapes --------------------------------------------------
if ! have_vendor; then
	skipped dcat-ap
elif ! have_node; then
	broken dcat-ap "$no_node"
else
	start=$(now)
	: >"$tmp/out"
	for f in "$site/catalog.ttl" "$site/catalog.jsonld"; do
		if [ ! -f "$f" ]; then
			echo "$f: missing" >>"$tmp/out"
			echo "FAIL $f" >>"$tmp/out"
		fi
	done
	set --
	for f in "$site/catalog.ttl" "$site/catalog.jsonld"; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	[ $# -gt 0 ] && (cd "$root/tests" && node "$H/shacl.mjs" \
	    "$VENDOR/dcat-ap/3.0.1/dcat-ap-SHACL.ttl" "$@") >>"$tmp/out" 2>&1
	finish dcat-ap "$start"
fi

# --- rdflib parse, and the same graph in both files -------------------------
if ! have_rdflib; then
	broken rdflib "$no_rdflib"
	broken rdf-same-graph "$no_rdflib"
else
	start=$(now)
	"$PY" "$H/rdf-parse.py" parse "$site/catalog.ttl" \
	    "$site/catalog.jsonld" >"$tmp/out" 2>&1
	finish rdflib "$start"
	start=$(now)
	"$PY" "$H/rdf-parse.py" same "$site/catalog.ttl" \
	    "$site/catalog.jsonld" >"$tmp/out" 2>&1
	finish rdf-same-graph "$start"
fi

# --- schema.org Dataset JSON-LD of the dataset pages ------------------------
if ! have_node; then
	broken schemaorg "$no_node"
else
	start=$(now)
	: >"$tmp/out"
	# each dataset's page, and its page in other editions (en/...)
	set --
	while IFS= read -r d; do
		set -- "$@" "$d/index.html"
		for f in "$site"/*/dataset/"${d##*/}"/index.html; do
			[ -f "$f" ] && set -- "$@" "$f"
		done
	done <"$tmp/datasets"
	nodatasets
	if [ $# -gt 0 ]; then
		"$PY" "$H/schemaorg.py" extract "$tmp/jsonld" "$@" >/dev/null 2>"$tmp/err" ||
		    cat "$tmp/err" >>"$tmp/out"
		set --
		for f in "$tmp"/jsonld/*.json; do
			[ -f "$f" ] && set -- "$@" -d "$f"
		done
		: >"$tmp/ajv"
		[ $# -gt 0 ] && (cd "$root/tests" && "$BIN/ajv" validate \
		    --spec=draft7 --strict=false -c ajv-formats --all-errors \
		    --errors=text -s "$H/google-dataset.schema.json" "$@") \
		    >"$tmp/ajv" 2>&1
		"$PY" "$H/schemaorg.py" report "$tmp/jsonld" "$tmp/ajv" >>"$tmp/out" 2>&1
	fi
	finish schemaorg "$start"
fi

# --- CSVW metadata ---------------------------------------------------------
if ! have_vendor; then
	skipped csvw
elif ! have_rdflib; then
	broken csvw "$no_rdflib"
else
	start=$(now)
	set -- "$site/catalog.csv-metadata.json"
	find "$site" -name '*-metadata.json' -type f | sort >"$tmp/meta"
	while IFS= read -r f; do
		[ "$f" = "$site/catalog.csv-metadata.json" ] || set -- "$@" "$f"
	done <"$tmp/meta"
	"$PY" "$H/csvw.py" "$VENDOR/csvw/csvw.jsonld" "$@" >"$tmp/out" 2>&1
	finish csvw "$start"
fi

[ "$failures" -eq 0 ]
