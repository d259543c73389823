"""The open-data files that the output layout requires (see DESIGN.md).

    python3 layout.py SITE ZIPDIR

Checks, one item each:
  - SITE/catalog.ttl, catalog.jsonld, data.json, catalog.csv,
    catalog.csv-metadata.json, datapackage.json, dataset/index.html and
    downloads/all-data.zip exist;
  - SITE/dataset/ has at least one dataset folder (a folder holding
    datapackage.json or data/; others, like dataset/keyword/, are listing
    pages), and each dataset/ID has
    datapackage.json (JSON with a "version" and an "id" ending in
    "/dataset/ID/#dataset"), data/ID.csv, data/ID.json (JSON),
    data/ID.xlsx (a zip holding xl/workbook.xml) and index.html, and
    downloads/ID-VERSION.zip exists holding datapackage.json at its root,
    README.md, LICENSE (or LICENSE.txt, LICENSE.md) and files under data/;
  - every downloads/*.zip is a readable zip with safe member names; each
    is extracted to ZIPDIR/<zip name>/ for the other checks.
Prints problems as "ITEM: ..." lines, then "ok ITEM" or "FAIL ITEM";
exits 1 if an item failed.  stdlib only.
"""
import json
import os
import sys
import zipfile

SITE_FILES = ['catalog.ttl', 'catalog.jsonld', 'data.json', 'catalog.csv',
              'catalog.csv-metadata.json', 'datapackage.json',
              'dataset/index.html', 'downloads/all-data.zip']


def unsafe(name):
    return (name.startswith('/') or '\\' in name or '..' in name.split('/')
            or ':' in name)


def zip_members(path, problems):
    """Member names of a zip, or None; problems are appended."""
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            if bad is not None:
                problems.append('%s: bad CRC for %s' % (path, bad))
            return z.namelist()
    except (OSError, zipfile.BadZipFile) as e:
        problems.append('%s: not a readable zip: %s' % (path, e))
        return None


def extract(path, outdir, problems):
    names = zip_members(path, problems)
    if names is None:
        return
    bad = [n for n in names if unsafe(n)]
    if bad:
        problems.append('%s: unsafe member names: %s' % (path, ', '.join(bad[:5])))
        return
    dups = sorted({n for n in names if names.count(n) > 1})
    if dups:
        problems.append('%s: duplicate members: %s' % (path, ', '.join(dups[:5])))
    with zipfile.ZipFile(path) as z:
        z.extractall(outdir)


def is_dataset(d):
    """A dataset folder holds datapackage.json or data/ (dataset/keyword/
    and the like are listing pages)."""
    return os.path.isdir(d) and (os.path.exists(os.path.join(d, 'datapackage.json'))
                                 or os.path.isdir(os.path.join(d, 'data')))


def check_dataset(site, ident, problems):
    d = os.path.join(site, 'dataset', ident)
    dp = os.path.join(d, 'datapackage.json')
    desc = None
    try:
        with open(dp, encoding='utf-8') as f:
            desc = json.load(f)
    except FileNotFoundError:
        problems.append('datapackage.json missing')
    except (OSError, ValueError) as e:
        problems.append('datapackage.json is not JSON: %s' % e)
    for rel in ('data/%s.csv' % ident, 'data/%s.json' % ident,
                'data/%s.xlsx' % ident, 'index.html'):
        if not os.path.isfile(os.path.join(d, rel)):
            problems.append('%s missing' % rel)
    j = os.path.join(d, 'data', ident + '.json')
    if os.path.isfile(j):
        try:
            with open(j, encoding='utf-8') as f:
                json.load(f)
        except (OSError, ValueError) as e:
            problems.append('data/%s.json is not JSON: %s' % (ident, e))
    x = os.path.join(d, 'data', ident + '.xlsx')
    if os.path.isfile(x):
        names = zip_members(x, problems)
        if names is not None and 'xl/workbook.xml' not in names:
            problems.append('data/%s.xlsx has no xl/workbook.xml' % ident)
    if not isinstance(desc, dict):
        return
    want = '/dataset/%s/#dataset' % ident
    if not isinstance(desc.get('id'), str) or not desc['id'].endswith(want):
        problems.append('datapackage.json "id" is %r, expected <base_url>%s'
                        % (desc.get('id'), want))
    version = desc.get('version')
    if not isinstance(version, str) or not version:
        problems.append('datapackage.json has no "version" (names the zip)')
        return
    z = os.path.join(site, 'downloads', '%s-%s.zip' % (ident, version))
    if not os.path.isfile(z):
        problems.append('downloads/%s-%s.zip missing' % (ident, version))
        return
    names = zip_members(z, problems)
    if names is None:
        return
    for need in ('datapackage.json', 'README.md'):
        if need not in names:
            problems.append('downloads/%s-%s.zip has no %s at its root'
                            % (ident, version, need))
    if not any(n in ('LICENSE', 'LICENSE.txt', 'LICENSE.md') for n in names):
        problems.append('downloads/%s-%s.zip has no LICENSE (or LICENSE.txt, '
                        'LICENSE.md) at its root' % (ident, version))
    if not any(n.startswith('data/') and not n.endswith('/') for n in names):
        problems.append('downloads/%s-%s.zip has no files under data/' % (ident, version))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    site, zipdir = sys.argv[1], sys.argv[2]
    items = []
    for rel in SITE_FILES:
        items.append((rel, [] if os.path.isfile(os.path.join(site, rel)) else ['missing']))
    ddir = os.path.join(site, 'dataset')
    ids = sorted(e for e in (os.listdir(ddir) if os.path.isdir(ddir) else [])
                 if is_dataset(os.path.join(ddir, e)))
    if not ids:
        items.append(('dataset/*', ['no dataset folders under %s' % ddir]))
    for ident in ids:
        problems = []
        check_dataset(site, ident, problems)
        items.append(('dataset/' + ident, problems))
    down = os.path.join(site, 'downloads')
    for name in sorted(os.listdir(down) if os.path.isdir(down) else []):
        if name.endswith('.zip'):
            problems = []
            extract(os.path.join(down, name), os.path.join(zipdir, name), problems)
            items.append(('downloads/' + name, problems))
    failed = 0
    for item, problems in items:
        for p in problems:
            print('%s: %s' % (item, p))
        print('%s %s' % ('FAIL' if problems else 'ok', item))
        failed += bool(problems)
    sys.exit(1 if failed else 0)


main()
