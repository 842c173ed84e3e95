#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-structure.py SRC_DIR: the layering rules of src/.

1. No include cycles.  A file and its headers (foo.c, foo.h, foo-private.h)
   are one module, so "foo.c includes bar.h, bar.h includes foo.h" is a
   cycle: that is the call loop that matters (bar uses foo, foo uses bar).
2. Below src/app/ no file includes a GTK or GDK header, directly or through
   a chain of the project's own headers.

Prints each violation and exits 1; python3 standard library only.
"""

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
TOOLKIT = re.compile(r'^(gtk|gdk)/')


def scan(src):
    files = {}
    for root, _dirs, names in os.walk(src):
        for name in names:
            if name.endswith(('.c', '.h')):
                path = os.path.join(root, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    files[os.path.relpath(path, src)] = INCLUDE.findall(f.read())
    return files


def resolver(files):
    by_name = {}
    for rel in files:
        by_name.setdefault(os.path.basename(rel), []).append(rel)

    def resolve(including, name):
        """The project file a quoted include names, or None (system, generated)."""
        here = os.path.normpath(os.path.join(os.path.dirname(including), name))
        if here in files:
            return here
        candidates = by_name.get(os.path.basename(name), [])
        same_dir = [c for c in candidates if os.path.dirname(c) == os.path.dirname(including)]
        if same_dir:
            return same_dir[0]
        return candidates[0] if len(candidates) == 1 else None

    return resolve


# Include edges (module -> module) of cycles that src/app/ still has and
# that its refactoring (issue 9) removes.  Delete an entry once it is gone:
# the check says when one is no longer needed.
KNOWN_CYCLE_EDGES = set()


def module_of(rel):
    stem = os.path.splitext(rel)[0]
    return stem[:-len('-private')] if stem.endswith('-private') else stem


def find_cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return components


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: check-structure.py SRC_DIR')
    src = sys.argv[1]
    files = scan(src)
    resolve = resolver(files)
    problems = []

    local = {rel: [] for rel in files}   # rel -> project files it includes
    toolkit = {rel: [] for rel in files}  # rel -> GTK/GDK headers it includes
    for rel, includes in files.items():
        for bracket, name in includes:
            if bracket == '<' and TOOLKIT.match(name):
                toolkit[rel].append(name)
            elif bracket == '"':
                target = resolve(rel, name)
                if target is not None and target != rel:
                    local[rel].append(target)

    # 1. Include cycles between modules.
    graph = {}
    edges = {}
    for rel, targets in local.items():
        for target in targets:
            a, b = module_of(rel), module_of(target)
            if a != b:
                edges.setdefault((a, b), []).append('%s includes %s' % (rel, target))
                if (a, b) not in KNOWN_CYCLE_EDGES:
                    graph.setdefault(a, set()).add(b)
    for a, b in sorted(KNOWN_CYCLE_EDGES):
        if (a, b) not in edges:
            print('note: %s no longer includes %s: remove it from KNOWN_CYCLE_EDGES' % (a, b))
    for component in find_cycles(graph):
        members = set(component)
        why = sorted(w for (a, b), ws in edges.items() if a in members and b in members for w in ws)
        problems.append('include cycle between %s:\n    %s' % (', '.join(component), '\n    '.join(why)))

    # 2. GTK/GDK below src/app/, through any chain of project headers.
    for rel in sorted(files):
        if rel.split(os.sep)[0] == 'app':
            continue
        seen, todo, parent = {rel}, [rel], {rel: None}
        while todo:
            current = todo.pop()
            if toolkit[current]:
                chain = []
                node = current
                while node is not None:
                    chain.append(node)
                    node = parent[node]
                problems.append('%s reaches <%s> (via %s): no GTK or GDK below src/app/'
                                % (rel, toolkit[current][0], ' -> '.join(reversed(chain))))
                break
            for target in local[current]:
                if target not in seen:
                    seen.add(target)
                    parent[target] = current
                    todo.append(target)

    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print('%d files under %s: no include cycle, no GTK/GDK below app/' % (len(files), src))


if __name__ == '__main__':
    main()
