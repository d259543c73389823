"""Check the bytes and hash of every local resource of Data Package descriptors.

    python3 integrity.py DESCRIPTOR...

Adapted from shared/tools/validate/check-integrity.py (stdlib only).  For
each descriptor, every resource with a local "path" (a string or a list of
strings, resolved against the descriptor's folder) must
  - have a safe path (relative, no "..", no backslash, no scheme),
  - name files that exist,
  - carry "bytes" equal to the file size (for a list: the sum), and
  - carry "hash" as "sha256:<64 hex digits>" equal to the SHA-256 of the
    file (for a list: of the files' bytes one after the other).
Inline ("data") and remote (URL) resources have nothing to check.
Prints problems as "DESCRIPTOR: ..." lines, then "ok DESCRIPTOR" or
"FAIL DESCRIPTOR"; exits 1 if a descriptor failed.
"""
import hashlib
import json
import os
import re
import sys

HASH_RE = re.compile(r'^sha256:([0-9a-fA-F]{64})$')


def unsafe(p):
    return (p.startswith('/') or '\\' in p or ':' in p.split('/')[0]
            or '..' in p.split('/') or p == '')


def check(dp):
    problems = []
    try:
        with open(dp, encoding='utf-8') as f:
            desc = json.load(f)
    except FileNotFoundError:
        return ['missing']
    except (OSError, ValueError) as e:
        return ['not JSON: %s' % e]
    resources = desc.get('resources') if isinstance(desc, dict) else None
    if not isinstance(resources, list) or not resources:
        return ['no "resources" array']
    base = os.path.dirname(dp)
    for i, r in enumerate(resources):
        if not isinstance(r, dict):
            problems.append('resource %d is not an object' % i)
            continue
        name = r.get('name', '#%d' % i)
        if 'data' in r and 'path' not in r:
            continue
        paths = r.get('path')
        if isinstance(paths, str):
            paths = [paths]
        if (not isinstance(paths, list) or not paths
                or not all(isinstance(p, str) for p in paths)):
            problems.append('%s: "path" is not a string or a list of strings' % name)
            continue
        if all('://' in p for p in paths):
            continue
        bad = [p for p in paths if unsafe(p)]
        if bad:
            problems.append('%s: unsafe path %s' % (name, ', '.join(bad)))
            continue
        h = hashlib.sha256()
        size = 0
        missing = False
        for p in paths:
            try:
                with open(os.path.join(base, p), 'rb') as f:
                    b = f.read()
            except OSError:
                problems.append('%s: %s: file missing' % (name, p))
                missing = True
                continue
            h.update(b)
            size += len(b)
        if missing:
            continue
        want_bytes = r.get('bytes')
        if want_bytes is None:
            problems.append('%s: no "bytes" (file has %d)' % (name, size))
        elif want_bytes is True or want_bytes is False or want_bytes != size:
            problems.append('%s: "bytes" is %r, file has %d' % (name, want_bytes, size))
        want_hash = r.get('hash')
        got = h.hexdigest()
        if want_hash is None:
            problems.append('%s: no "hash" (file has sha256:%s)' % (name, got))
        elif not isinstance(want_hash, str) or not HASH_RE.match(want_hash):
            problems.append('%s: "hash" %r is not "sha256:<64 hex digits>" '
                            '(file has sha256:%s)' % (name, want_hash, got))
        elif HASH_RE.match(want_hash).group(1).lower() != got:
            problems.append('%s: "hash" is %s, file has sha256:%s' % (name, want_hash, got))
    return problems


def main():
    failed = 0
    for dp in sys.argv[1:]:
        problems = check(dp)
        for p in problems:
            print('%s: %s' % (dp, p))
        print('%s %s' % ('FAIL' if problems else 'ok', dp))
        failed += bool(problems)
    sys.exit(1 if failed else 0)


main()
