#!/bin/sh
# Every inline SVG of a built site parses as XML and carries what an
# accessible chart needs: role="img", a <title> (or an aria-label) and a
# viewBox.  Usage: tests/checks/svg.sh SITE
# Prints "RESULT: passed failed 0 svg".
set -u
site=${1:?usage: svg.sh SITE}
python3 - "$site" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET

site = sys.argv[1]
passed = failed = 0
svg_re = re.compile(r'<svg\b.*?</svg>', re.S)
for root, dirs, files in os.walk(site):
    for f in sorted(files):
        if not f.endswith('.html'):
            continue
        path = os.path.join(root, f)
        text = open(path, encoding='utf-8').read()
        for i, m in enumerate(svg_re.finditer(text)):
            where = '%s: svg %d' % (os.path.relpath(path, site), i + 1)
            try:
                el = ET.fromstring(m.group(0))
            except ET.ParseError as e:
                print('FAIL: %s: not well-formed: %s' % (where, e))
                failed += 1
                continue
            tag = lambda e: e.tag.rsplit('}', 1)[-1]
            problems = []
            if el.get('role') != 'img' and el.get('aria-hidden') != 'true':
                problems.append('no role="img"')
            if el.get('aria-hidden') != 'true' and el.get('aria-label') is None \
               and not any(tag(c) == 'title' for c in el):
                problems.append('no <title> or aria-label')
            if el.get('viewBox') is None:
                problems.append('no viewBox')
            if problems:
                print('FAIL: %s: %s' % (where, ', '.join(problems)))
                failed += 1
            else:
                passed += 1
if passed + failed == 0:
    print('FAIL: no inline SVG in %s: the charts are missing' % site)
    failed = 1
print('RESULT: %d %d 0 svg' % (passed, failed))
sys.exit(1 if failed else 0)
PY
