"""CSVW metadata files: JSON-LD that parses offline, and tables that match.

    /usr/bin/python3 csvw.py CSVW_CONTEXT METADATA...

Adapted from shared/tools/validate/csvw-jsonld-parse.py.  CSVW_CONTEXT is
the vendored W3C namespace document (csvw.jsonld); its @context replaces
"http://www.w3.org/ns/csvw" so that nothing is fetched.  Each METADATA
  - must be JSON whose @context starts with "http://www.w3.org/ns/csvw",
  - must have "url" or "tables",
  - must parse as JSON-LD (rdflib) into at least one triple,
and for each table whose url is relative: the CSV file must exist, and
when its tableSchema lists columns, the non-virtual columns must be as
many as the CSV header's cells, each column's "titles" (when given)
including its header cell.  Prints problems as "METADATA: ..." lines, then
"ok METADATA" or "FAIL METADATA".  Needs Debian's python3-rdflib.
"""
import csv
import json
import os
import sys
import urllib.parse

import rdflib

CSVW = 'http://www.w3.org/ns/csvw'


def titles_of(col):
    t = col.get('titles')
    if t is None:
        return None
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    if isinstance(t, dict):  # language map
        out = []
        for v in t.values():
            out.extend([v] if isinstance(v, str) else [x for x in v if isinstance(x, str)])
        return out
    return []


def check_table(meta_path, table, inherited_schema, problems):
    url = table.get('url')
    if not isinstance(url, str) or not url:
        problems.append('a table has no "url"')
        return
    if urllib.parse.urlsplit(url).scheme:
        return  # absolute URL: nothing local to compare with
    path = os.path.join(os.path.dirname(meta_path), urllib.parse.unquote(url.split('#')[0]))
    try:
        with open(path, encoding='utf-8-sig', newline='') as f:
            header = next(csv.reader(f), None)
    except OSError:
        problems.append('%s: table file %s missing' % (url, path))
        return
    except (UnicodeDecodeError, csv.Error) as e:
        problems.append('%s: cannot read the CSV header: %s' % (url, e))
        return
    if header is None:
        problems.append('%s: empty CSV file' % url)
        return
    schema = table.get('tableSchema', inherited_schema)
    if not isinstance(schema, dict) or not isinstance(schema.get('columns'), list):
        return
    cols = [c for c in schema['columns'] if isinstance(c, dict) and not c.get('virtual')]
    if len(cols) != len(header):
        problems.append('%s: %d non-virtual columns in tableSchema, %d in the CSV header'
                        % (url, len(cols), len(header)))
    for col, cell in zip(cols, header):
        t = titles_of(col)
        if t is not None and cell not in t:
            problems.append('%s: column %r has titles %r, the CSV header says %r'
                            % (url, col.get('name'), t, cell))


def check(ctx, path):
    problems = []
    try:
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
    except FileNotFoundError:
        return ['missing']
    except (OSError, ValueError) as e:
        return ['not JSON: %s' % e]
    if not isinstance(doc, dict):
        return ['not a JSON object']
    c = doc.get('@context')
    c = c if isinstance(c, list) else [c]
    if c[0] != CSVW:
        problems.append('@context must be (or start with) "%s"' % CSVW)
    if 'url' not in doc and 'tables' not in doc:
        problems.append('neither "url" nor "tables"')
    if problems:
        return problems
    doc = dict(doc)
    doc['@context'] = [ctx] + c[1:]
    try:
        g = rdflib.Graph().parse(data=json.dumps(doc), format='json-ld',
                                 base='file://' + os.path.abspath(path))
        if len(g) == 0:
            problems.append('no triples')
    except Exception as e:  # any parser error is the finding
        problems.append('does not parse as JSON-LD: %s: %s' % (type(e).__name__, ' '.join(str(e).split())))
    if 'tables' in doc:
        tables = doc['tables'] if isinstance(doc['tables'], list) else []
        for t in tables:
            if isinstance(t, dict):
                check_table(path, t, doc.get('tableSchema'), problems)
    else:
        check_table(path, doc, None, problems)
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    with open(sys.argv[1], encoding='utf-8') as f:
        ctx = json.load(f)['@context']
    failed = 0
    for path in sys.argv[2:]:
        problems = check(ctx, path)
        for p in problems:
            print('%s: %s' % (path, p))
        print('%s %s' % ('FAIL' if problems else 'ok', path))
        failed += bool(problems)
    sys.exit(1 if failed else 0)


main()
