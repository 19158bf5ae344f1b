#!/usr/bin/python3
"""layering.py SRC OBJ - the layers of unionkit's code, checked.

SRC is a source tree (lib/, cmd/ below it) and OBJ the build's lib/ folder of
object files (lib/core/*.o, lib/*.o, lib/report/*.o). Prints one line
"PLACE: why" a fault and exits 1 if there is any, 0 if none, 2 when there is
nothing to read. The rules:

  - a lib/core file includes only lib/core headers (core knows no union);
  - cmd/ never includes sqlite3.h and holds no SQL: the domain modules own it;
  - uk_report.h is included only in lib/report/ and by the report tools;
  - the library's calls, read with nm from the objects, run downwards only:
    core calls no domain module or report, a domain module calls no report,
    and no module calls, however indirectly, one that calls it back.
"""
import glob
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.M)
# A string literal that reads as SQL: a statement's first words.
SQL = re.compile(r'"\s*(SELECT\s|INSERT\s|UPDATE\s|DELETE\s|CREATE\s|DROP\s|ALTER\s|PRAGMA\s|'
                 r'WITH\s|BEGIN\b|COMMIT\b|ROLLBACK\b|SAVEPOINT\s|REPLACE\s)')
REPORT_TOOLS = ('report-month.c', 'report-year.c')


def layer(rel):
    """core, domain or report for a path below lib/ (of a source or an object)."""
    parts = rel.split(os.sep)
    if len(parts) > 1 and parts[0] in ('core', 'report'):
        return parts[0]
    return 'domain'


def sources(src):
    out = []
    for pat in ('lib/**/*.[ch]', 'cmd/*.c'):
        out += glob.glob(os.path.join(src, pat), recursive=True)
    return sorted(out)


def check_includes(src, faults):
    core_headers = {os.path.basename(h) for h in glob.glob(os.path.join(src, 'lib/core/*.h'))}
    for path in sources(src):
        rel = os.path.relpath(path, src)
        text = open(path, encoding='utf-8', errors='replace').read()
        for m in INCLUDE.finditer(text):
            line = text.count('\n', 0, m.start()) + 1
            name = os.path.basename(m.group(1))
            where = '%s:%d' % (rel, line)
            if rel.startswith('lib/core/') and m.group(0).find('"') >= 0 and name not in core_headers:
                faults.append('%s: lib/core includes %s, a header above core' % (where, name))
            if rel.startswith('cmd/') and name == 'sqlite3.h':
                faults.append('%s: a tool includes sqlite3.h; SQL belongs to lib' % where)
            if name == 'uk_report.h' and not rel.startswith('lib/report/') and \
                    not (rel.startswith('cmd/') and os.path.basename(rel) in REPORT_TOOLS):
                faults.append('%s: uk_report.h is for lib/report and the report tools' % where)
        if rel.startswith('cmd/'):
            for m in SQL.finditer(text):
                line = text.count('\n', 0, m.start()) + 1
                faults.append('%s:%d: SQL in a tool; it belongs to a lib module' % (rel, line))


def nm(paths, *flags):
    """nm of many objects in one run (each run costs more than its work):
    for each path, the lines of its symbols, split."""
    res = subprocess.run(['nm', '-P', '-A', *flags, *paths], capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit('layering.py: nm: %s' % res.stderr.strip())
    out = {p: [] for p in paths}
    for line in res.stdout.splitlines():
        # "path: symbol type ...": the path ends at the first ": ".
        path, _, rest = line.partition(': ')
        if path in out and rest.strip():
            out[path].append(rest.split())
    return out


def call_graph(src, obj):
    # The object of each source file there is: an old object whose source
    # has moved or gone is no part of the library.
    libsrc = os.path.join(src, 'lib')
    rels = sorted(os.path.relpath(c, libsrc)[:-2] + '.o'
                  for c in glob.glob(os.path.join(libsrc, '**', '*.c'), recursive=True))
    paths = [os.path.join(obj, rel) for rel in rels]
    if not all(os.path.exists(o) for o in paths):
        return {}
    defined, undefined = nm(paths, '--defined-only', '-g'), nm(paths, '-u')
    owner, uses = {}, {}
    for rel, o in zip(rels, paths):
        for f in defined[o]:
            if len(f) >= 2 and f[1] in 'TDBRVW':
                owner.setdefault(f[0], rel)
        uses[rel] = {f[0] for f in undefined[o]}
    graph = {rel: sorted({owner[s] for s in syms if s in owner and owner[s] != rel})
             for rel, syms in uses.items()}
    return graph


def cycles(graph):
    """The strongly connected groups of more than one object (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


RANK = {'core': 0, 'domain': 1, 'report': 2}


def check_calls(src, obj, faults):
    graph = call_graph(src, obj)
    if not graph:
        return False
    for a in sorted(graph):
        for b in graph[a]:
            if RANK[layer(a)] < RANK[layer(b)]:
                faults.append('%s: calls %s, a layer above it (%s calls %s)' %
                              (a, b, layer(a), layer(b)))
    for group in cycles(graph):
        faults.append('%s: a cycle of calls between these objects' % ' <-> '.join(group))
    return True


def main(argv):
    if len(argv) != 3:
        print('usage: layering.py SRC OBJ', file=sys.stderr)
        return 2
    src, obj = argv[1], argv[2]
    faults = []
    if not sources(src):
        print('layering.py: no sources under %s' % src, file=sys.stderr)
        return 2
    check_includes(src, faults)
    if not check_calls(src, obj, faults):
        print('layering.py: the objects of %s/lib are not all under %s' % (src, obj), file=sys.stderr)
        return 2
    for f in faults:
        print(f)
    return 1 if faults else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
