#!/bin/sh
# The message catalogs against the messages in the C code: the template
# is extracted again from generator/**/*.c (make pot, the Makefile's
# xgettext keywords), and every po/LANG.po must translate every message
# in it, none fuzzy, none empty, none left over from messages that are
# gone, with the same printf conversions (msgfmt --check) and the same
# quoted values ('%s' stays '%s').  A last check looks for formats that
# xgettext did not see: a literal format passed to a function that
# translates it (diag_error(), report(), ...) must be in the template.
# Usage: tests/checks/po.sh.  Prints "RESULT: passed failed 0 messages".
set -u
cd "$(dirname "$0")/../.."
TMP=$(pwd)/tests/tmp/po
rm -rf "$TMP"
mkdir -p "$TMP"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

if ! command -v xgettext >/dev/null 2>&1; then
	echo "SKIP: gettext is not installed"
	echo "RESULT: 0 0 1 messages"
	exit 0
fi
POT=$TMP/planpress.pot
make -s pot POT="$POT" >"$TMP/xgettext.out" 2>&1 && [ -s "$POT" ] && ok ||
    { bad "make pot"; cat "$TMP/xgettext.out"; }
n=$(grep -c '^msgid ' "$POT")
[ "$n" -gt 100 ] && ok || bad "only $n messages extracted"

for po in po/*.po; do
	l=$(basename "$po" .po)
	# Every message translated, none fuzzy (msgcmp ignores both).
	msgcmp "$po" "$POT" >"$TMP/$l.cmp" 2>&1 && ok ||
	    { bad "$po lacks translations"; head -40 "$TMP/$l.cmp"; }
	# Nothing obsolete, in the file or once merged with the template.
	msgmerge --quiet --no-fuzzy-matching -o "$TMP/$l.merged.po" \
	    "$po" "$POT" 2>"$TMP/$l.merge.err" || bad "msgmerge $po"
	for f in "$po" "$TMP/$l.merged.po"; do
		msgattrib --only-obsolete "$f" >"$TMP/$l.obsolete"
		[ ! -s "$TMP/$l.obsolete" ] && ok ||
		    { bad "$po has messages the code no longer has";
		    grep '^#~ msgid' "$TMP/$l.obsolete" | head -20; }
	done
	msgattrib --only-fuzzy "$po" >"$TMP/$l.fuzzy"
	[ ! -s "$TMP/$l.fuzzy" ] && ok || bad "$po has fuzzy entries"
	msgfmt --check --statistics -o /dev/null "$po" >"$TMP/$l.stats" 2>&1 &&
	    ok || bad "msgfmt --check $po"
	echo "$po: $(cat "$TMP/$l.stats")"
	grep -Eq 'fuzzy|untranslated' "$TMP/$l.stats" &&
	    bad "$po: $(cat "$TMP/$l.stats")" || ok
	# The quoted values of every message stay quoted alike.
	python3 - "$TMP/$l.merged.po" >"$TMP/$l.quotes" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
conv = re.compile(r"'%[-+ #0-9.*$]*[a-zA-Z]+'")
def po_string(block, key):
    m = re.search(r'^' + re.escape(key) + r' ((?:"[^\n]*"\n?)+)', block, re.M)
    return ''.join(re.findall(r'"(.*)"', m.group(1))) if m else None
for block in text.split('\n\n'):
    mid = po_string(block, 'msgid')
    if not mid:
        continue
    for key in ('msgstr', 'msgstr[0]'):
        mstr = po_string(block, key)
        if mstr is None:
            continue
        want = sorted(re.sub(r'%\d+\$', '%', q) for q in conv.findall(mid))
        got = sorted(re.sub(r'%\d+\$', '%', q) for q in conv.findall(mstr))
        if want != got:
            print('%s\n  -> %s' % (mid, mstr))
PY
	[ ! -s "$TMP/$l.quotes" ] && ok ||
	    { bad "$po: quoted values differ"; cat "$TMP/$l.quotes"; }
done

# Literal formats of the translating functions that xgettext missed (a
# compound literal or a conditional before them): mark them with N_().
python3 - "$POT" po/exclude.pot generator/*.c generator/*/*.c >"$TMP/missed" <<'PY'
import re, sys
pos = {'diag_error': 3, 'diag_warning': 3, 'diag_add': 4, 'diag_syserr': 3,
       'diag_note': 2, 'report': 4, 'report_at': 5, 'error': 3, 'err': 3,
       'problem': 3, 'cellerr': 4, 'unresolved': 3}
lit = r'"(?:[^"\\]|\\.)*"'
def msgids(path):
    text = open(path, encoding='utf-8').read()
    ids = set()
    for m in re.finditer(r'^msgid(?:_plural)? ((?:"[^\n]*"\n?)+)', text, re.M):
        ids.add(''.join(re.findall(r'"(.*)"', m.group(1))))
    return ids
known = msgids(sys.argv[1]) | msgids(sys.argv[2])
def args(src, i):
    """The arguments of the call whose '(' is at src[i], as text."""
    out, cur, depth = [], '', 0
    i += 1
    while i < len(src):
        c = src[i]
        if c == '"':
            m = re.compile(lit).match(src, i)
            cur += m.group(0)
            i = m.end()
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            if depth == 0:
                return out + [cur.strip()]
            depth -= 1
        if c == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += c
        i += 1
    return out
for path in sys.argv[3:]:
    src = open(path, encoding='utf-8').read()
    for m in re.finditer(r'(?<![\w.>])(%s)\(' % '|'.join(pos), src):
        if m.start() == 0 or src[m.start() - 1] == '\n':
            continue		# a definition
        a = args(src, m.end() - 1)
        n = pos[m.group(1)]
        if len(a) < n:
            continue
        for run in re.findall(r'(?:%s\s*)+' % lit, a[n - 1]):
            t = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', run))
            if t not in known:
                line = src.count('\n', 0, m.start()) + 1
                print('%s:%d: %s' % (path, line, t))
PY
[ ! -s "$TMP/missed" ] && ok ||
    { bad "formats xgettext does not see"; cat "$TMP/missed"; }

echo "RESULT: $pass $fail 0 messages"
[ $fail -eq 0 ]
