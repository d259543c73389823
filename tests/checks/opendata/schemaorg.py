"""schema.org Dataset JSON-LD of dataset pages, in two steps around ajv.

    python3 schemaorg.py extract OUTDIR PAGE...
    python3 schemaorg.py report OUTDIR AJV_OUTPUT

"extract" (adapted from shared/tools/validate/extract-jsonld.py, stdlib
only) writes every schema.org Dataset found in the pages'
<script type="application/ld+json"> blocks to OUTDIR/<n>.json (a Dataset
inside "@graph" gets the block's @context), and OUTDIR/map.tsv: one line
"<n>.json<TAB>PAGE" per Dataset, "-<TAB>PAGE<TAB>problem" per page problem
(missing page, JSON that does not parse, no Dataset at all, more than one).
Then ajv validates OUTDIR/*.json against google-dataset.schema.json.
"report" reads map.tsv and ajv's output ("FILE valid" / "FILE invalid"
followed by the errors) and prints problems as "PAGE: ..." lines, then
"ok PAGE" or "FAIL PAGE" per page; exits 1 if a page failed.
"""
import html.parser
import json
import os
import sys


class Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.on = False
        self.blocks = []

    def handle_starttag(self, tag, attrs):
        if tag == 'script' and (dict(attrs).get('type') or '').strip().lower() == 'application/ld+json':
            self.on = True
            self.blocks.append('')

    def handle_endtag(self, tag):
        if tag == 'script':
            self.on = False

    def handle_data(self, data):
        if self.on:
            self.blocks[-1] += data


def is_dataset(node):
    t = node.get('@type') if isinstance(node, dict) else None
    types = t if isinstance(t, list) else [t]
    return any(x in ('Dataset', 'schema:Dataset', 'https://schema.org/Dataset',
                     'http://schema.org/Dataset') for x in types)


def datasets(doc):
    for node in (doc if isinstance(doc, list) else [doc]):
        if not isinstance(node, dict):
            continue
        if is_dataset(node):
            yield node
        graph = node.get('@graph')
        if isinstance(graph, list):
            for item in graph:
                if is_dataset(item):
                    item = dict(item)
                    if '@context' not in item and '@context' in node:
                        item['@context'] = node['@context']
                    yield item


def extract(outdir, pages):
    os.makedirs(outdir, exist_ok=True)
    n = 0
    with open(os.path.join(outdir, 'map.tsv'), 'w', encoding='utf-8') as m:
        for page in pages:
            try:
                with open(page, encoding='utf-8') as f:
                    text = f.read()
            except OSError:
                m.write('-\t%s\tmissing\n' % page)
                continue
            p = Blocks()
            p.feed(text)
            p.close()
            found = 0
            for i, b in enumerate(p.blocks):
                try:
                    doc = json.loads(b)
                except ValueError as e:
                    m.write('-\t%s\tJSON-LD block %d does not parse: %s\n' % (page, i + 1, e))
                    continue
                for ds in datasets(doc):
                    name = '%d.json' % n
                    n += 1
                    found += 1
                    with open(os.path.join(outdir, name), 'w', encoding='utf-8') as f:
                        json.dump(ds, f, ensure_ascii=False, indent=1)
                    m.write('%s\t%s\n' % (name, page))
            if found == 0:
                m.write('-\t%s\tno schema.org Dataset in a <script type="application/ld+json">\n' % page)
            elif found > 1:
                m.write('-\t%s\t%d schema.org Datasets (expected one)\n' % (page, found))
    print(n, 'Dataset block(s)')


def report(outdir, ajv_output):
    pages = {}
    order = []
    blocks = {}
    with open(os.path.join(outdir, 'map.tsv'), encoding='utf-8') as m:
        for line in m:
            parts = line.rstrip('\n').split('\t')
            page = parts[1]
            if page not in pages:
                pages[page] = []
                order.append(page)
            if parts[0] == '-':
                pages[page].append(parts[2])
            else:
                blocks[os.path.join(outdir, parts[0])] = page
    # ajv: "FILE valid", or "FILE invalid" and then lines of errors
    status = {}
    current = None
    with open(ajv_output, encoding='utf-8', errors='replace') as f:
        for line in f:
            line = line.rstrip('\n')
            head, _, word = line.rpartition(' ')
            if head in blocks and word in ('valid', 'invalid'):
                current = head if word == 'invalid' else None
                status[head] = word
                if word == 'invalid':
                    pages[blocks[head]].append('schema.org Dataset is invalid:')
            elif current is not None and line.strip():
                pages[blocks[current]].append('  ' + line.strip())
    for b, page in blocks.items():
        if b not in status:
            pages[page].append('ajv did not report on the Dataset block (%s)' % b)
    failed = 0
    for page in order:
        for p in pages[page]:
            print('%s: %s' % (page, p))
        print('%s %s' % ('FAIL' if pages[page] else 'ok', page))
        failed += bool(pages[page])
    sys.exit(1 if failed else 0)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == 'extract':
        extract(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == 'report':
        report(sys.argv[2], sys.argv[3])
    else:
        print(__doc__)
        sys.exit(2)


main()
