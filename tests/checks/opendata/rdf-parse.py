"""Parse the catalog as CKAN's harvester does (rdflib), offline.

    /usr/bin/python3 rdf-parse.py parse FILE...
    /usr/bin/python3 rdf-parse.py same TURTLE JSONLD

"parse": each file must parse (format from the extension: .ttl Turtle,
.jsonld JSON-LD) and hold at least one triple; a JSON-LD file must carry
its @context inline (a remote context would need the network, and
harvesters fetch it at every run).  Prints problems as "FILE: ..." lines,
then "ok FILE" or "FAIL FILE".  Relative IRIs are problems too: catalog
IRIs must be absolute.
"same": the two files must hold the same graph (isomorphic, blank nodes
matched); prints the triples found in one file only, then "ok"/"FAIL".
Needs Debian's python3-rdflib.
"""
import json
import logging
import sys

import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

logging.getLogger('rdflib').setLevel(logging.ERROR)

FORMATS = {'ttl': 'turtle', 'jsonld': 'json-ld', 'nt': 'nt', 'rdf': 'xml'}


def remote_contexts(node):
    """Yield the string (remote) @context values found anywhere in node."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == '@context':
                for c in (v if isinstance(v, list) else [v]):
                    if isinstance(c, str):
                        yield c
                    else:
                        yield from remote_contexts(c)
            else:
                yield from remote_contexts(v)
    elif isinstance(node, list):
        for v in node:
            yield from remote_contexts(v)


def load(path):
    fmt = FORMATS.get(path.rsplit('.', 1)[-1])
    if fmt is None:
        raise ValueError('unknown RDF file extension')
    if fmt == 'json-ld':
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
        remote = sorted(set(remote_contexts(doc)))
        if remote:
            raise ValueError('remote @context %s: put the context inline'
                             % ', '.join(remote))
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    return g


def relative_iris(g):
    """IRIs that were relative in the file (resolved against file:)."""
    found = set()
    for t in g:
        for x in t:
            if isinstance(x, rdflib.URIRef) and str(x).startswith('file:'):
                found.add(str(x))
    return sorted(found)


def parse(paths):
    failed = 0
    for p in paths:
        problems = []
        try:
            g = load(p)
            if len(g) == 0:
                problems.append('no triples')
            rel = relative_iris(g)
            if rel:
                problems.append('relative IRIs (catalog IRIs must be absolute): %s'
                                % ', '.join(rel[:5]))
        except FileNotFoundError:
            problems.append('missing')
        except Exception as e:  # any parser error is the finding
            problems.append('does not parse: %s: %s' % (type(e).__name__, ' '.join(str(e).split())))
        for m in problems:
            print('%s: %s' % (p, m))
        print('%s %s' % ('FAIL' if problems else 'ok', p))
        failed += bool(problems)
    return failed


def same(a, b):
    try:
        ga, gb = load(a), load(b)
    except FileNotFoundError as e:
        print('%s: missing' % e.filename)
        print('FAIL %s %s' % (a, b))
        return 1
    except Exception as e:
        print('cannot parse: %s: %s' % (type(e).__name__, ' '.join(str(e).split())))
        print('FAIL %s %s' % (a, b))
        return 1
    if isomorphic(ga, gb):
        print('ok %s %s (%d triples)' % (a, b, len(ga)))
        return 0
    _, only_a, only_b = graph_diff(to_isomorphic(ga), to_isomorphic(gb))
    for name, only in ((a, only_a), (b, only_b)):
        lines = sorted(' '.join(t.n3() for t in tr) for tr in only)
        for line in lines[:20]:
            print('only in %s: %s' % (name, line))
        if len(lines) > 20:
            print('only in %s: ... %d more' % (name, len(lines) - 20))
    print('%s: %d triples, %s: %d triples' % (a, len(ga), b, len(gb)))
    print('FAIL %s %s' % (a, b))
    return 1


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == 'parse':
        sys.exit(1 if parse(sys.argv[2:]) else 0)
    if len(sys.argv) == 4 and sys.argv[1] == 'same':
        sys.exit(same(sys.argv[2], sys.argv[3]))
    print(__doc__)
    sys.exit(2)


main()
