"""The CSV files of Data Packages are RFC 4180 CSV in UTF-8.

    python3 csvfiles.py DESCRIPTOR...

For every local resource of each descriptor whose path ends in .csv (or
whose format is csv), the file (once, however many descriptors name it)
must be UTF-8 without NUL bytes, parse with Python's csv module in strict
mode (a quote inside a quoted field must be doubled), using the
resource's dialect delimiter and quote character when it has them, and
have as many cells in every row as in its first.  Prints problems as
"FILE: ..." lines, then "ok FILE" or "FAIL FILE"; exits 1 if a file
failed.  Descriptors that are missing or not JSON are left to the other
checks.  stdlib only.
"""
import csv
import io
import json
import os
import sys

MAX = 10


def csv_resources(dp):
    try:
        with open(dp, encoding='utf-8') as f:
            desc = json.load(f)
    except (OSError, ValueError):
        return
    for r in desc.get('resources', []) if isinstance(desc, dict) else []:
        if not isinstance(r, dict):
            continue
        paths = r.get('path')
        paths = [paths] if isinstance(paths, str) else paths
        if not isinstance(paths, list):
            continue
        for p in paths:
            if not isinstance(p, str) or '://' in p or '..' in p.split('/'):
                continue
            if p.lower().endswith('.csv') or str(r.get('format', '')).lower() == 'csv':
                d = r.get('dialect') if isinstance(r.get('dialect'), dict) else {}
                yield os.path.normpath(os.path.join(os.path.dirname(dp), p)), d


def check(path, dialect):
    try:
        with open(path, 'rb') as f:
            b = f.read()
    except OSError:
        return ['missing']
    problems = []
    if b'\0' in b:
        n = b.count(b'\0')
        line = b[:b.index(b'\0')].count(b'\n') + 1
        problems.append('%d NUL byte(s), the first on line %d' % (n, line))
    try:
        text = b.decode('utf-8')
    except UnicodeDecodeError as e:
        return problems + ['not UTF-8: %s' % e]
    if text.startswith('\ufeff'):
        text = text[1:]
    delim = dialect.get('delimiter', ',')
    quote = dialect.get('quoteChar', '"')
    if not (isinstance(delim, str) and len(delim) == 1):
        delim = ','
    if not (isinstance(quote, str) and len(quote) == 1):
        quote = '"'
    reader = csv.reader(io.StringIO(text.replace('\0', ''), newline=''),
                        delimiter=delim, quotechar=quote, doublequote=True,
                        strict=True)
    width = None
    bad = 0
    try:
        for row in reader:
            if width is None:
                width = len(row)
                continue
            if len(row) != width:
                bad += 1
                if bad <= MAX:
                    problems.append('line %d: %d cells, the header has %d'
                                    % (reader.line_num, len(row), width))
    except csv.Error as e:
        problems.append('line %d: %s' % (reader.line_num, e))
    if bad > MAX:
        problems.append('... %d more rows with the wrong number of cells' % (bad - MAX))
    if width is None:
        problems.append('empty file')
    return problems


def main():
    seen = {}
    for dp in sys.argv[1:]:
        for path, dialect in csv_resources(dp):
            seen.setdefault(path, dialect)
    failed = 0
    for path in sorted(seen):
        problems = check(path, seen[path])
        for p in problems:
            print('%s: %s' % (path, p))
        print('%s %s' % ('FAIL' if problems else 'ok', path))
        failed += bool(problems)
    sys.exit(1 if failed else 0)


main()
