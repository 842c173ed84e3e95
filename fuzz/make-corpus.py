#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpora under fuzz/corpus/ (committed; rerun after changing
the framing or the fixtures it draws on).

  fuzz/make-corpus.py

corpus/shapefile/: one file per shapefile, its .shp, .shx, .dbf, .prj and .cpg
  joined by the separator of fuzz-input.h: the test fixtures, and small
  hand-made equivalents of each reproducer of issue 10 (D1, D2, D3, D5, D7),
  plus the odd cases a loader must refuse.
corpus/catalogue/: the hand-made catalogues of tests/catalogue/data.
catalogue.dict: JSON tokens, and the field names and enum-like values of
  data/catalogue.json.  (shapefile.dict is written by hand.)
"""
import importlib.util
import math
import json
import os
import re
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SEPARATOR = b'--migmap-part--'

spec = importlib.util.spec_from_file_location(
    'fixtures', os.path.join(TOP, 'tests', 'data', 'make-render-fixtures.py'))
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)

WGS84 = (b'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
         b'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')
MERCATOR = (b'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",'
            b'SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],'
            b'UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],'
            b'PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],'
            b'PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],'
            b'PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]')


def frame(*parts):
    return SEPARATOR.join(parts)


def polygons(features, prj=None, cpg=None, **options):
    parts = list(fixtures.shapefile_bytes(features, **options))
    if prj is not None or cpg is not None:
        parts.append(prj or b'')
    if cpg is not None:
        parts.append(cpg)
    return frame(*parts)


def on_disk(base):
    parts = []
    for extension in ('.shp', '.shx', '.dbf', '.prj', '.cpg'):
        path = base + extension
        if not os.path.exists(path):
            break
        with open(path, 'rb') as f:
            parts.append(f.read())
    return frame(*parts)


def square(west, south, east, north):
    return fixtures.square(west, south, east, north)


def main():
    out = os.path.join(HERE, 'corpus', 'shapefile')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    seeds = {}

    # The test fixtures.
    data = os.path.join(TOP, 'tests', 'data')
    seeds['small-malta-tunisia'] = on_disk(os.path.join(data, 'small'))
    seeds['truncated'] = on_disk(os.path.join(data, 'truncated'))
    seeds['points'] = on_disk(os.path.join(data, 'points'))

    malta = [square(14.2, 35.8, 14.6, 36.1)]
    seeds['square-wgs84-utf8'] = polygons([('MLT', 'Malta', malta)], prj=WGS84, cpg=b'UTF-8')
    seeds['square-no-dbf'] = frame(*fixtures.shapefile_bytes([('MLT', 'Malta', malta)])[:2])
    seeds['shp-alone'] = fixtures.shapefile_bytes([('MLT', 'Malta', malta)])[0]
    # An island with a lake, and a country in two parts.
    seeds['hole-and-parts'] = polygons([
        ('ITA', 'Island', [square(10, 40, 14, 44), list(reversed(square(11, 41, 12, 42)))]),
        ('GRC', 'Two parts', [square(20, 36, 22, 38), square(24, 35, 26, 36)]),
    ])
    # Across the antimeridian and around a pole: the edges densification bends.
    seeds['antimeridian-pole'] = polygons([
        ('RUS', 'East', [[(170, 60), (170, 70), (180, 70), (180, 60), (170, 60)]]),
        ('FJI', 'West', [[(-180, -20), (-180, -15), (-175, -15), (-175, -20), (-180, -20)]]),
        ('ATA', 'Pole', [[(-180, -90), (-180, -70), (180, -70), (180, -90), (-180, -90)]]),
    ])

    # D1: projected metres without a .prj; and with one, for reprojection.
    seeds['d1-projected-3e6'] = polygons([('PRJ', 'Projected', [square(-2e6, -1e6, 1e6, 2e6)])])
    seeds['d1-projected-1e8'] = polygons([('BIG', 'Big', [square(-5e7, -5e7, 5e7, 5e7)])])
    seeds['d1-mercator-prj'] = polygons([('TUN', 'Tunisia', [square(1.0e6, 3.6e6, 1.2e6, 4.5e6)])], prj=MERCATOR)
    seeds['d1-densify-budget'] = polygons([('ZZG', 'Zigzag', [fixtures.zigzag(40, -40.0, -36.0)]),
                                           ('SQR', 'Square', [square(10, 30, 20, 40)])])
    # D2: far-away vertices, and a staircase for the fast borders.
    seeds['d2-far-1e12'] = polygons([('HNG', 'Hang', [[(0, 0), (0, 1), (1e12, -80), (2e12, 80), (3e12, -80), (0, 0)]])])
    seeds['d2-staircase'] = polygons([('BIG', 'Big square', [fixtures.staircase_square(-10, -10, 10, 10, 4)])])
    # D3: edges with world-sized bounding boxes.
    seeds['d3-world-edges'] = polygons([('ZIG', 'Zigzag', [[(-180 if i % 2 else 180, -85 + 170 * (i % 4 > 1)) for i in range(40)]
                                                           + [(180, -85)]])])
    # D5: Latin-1 names, with no .cpg, and with a lying one.
    latin1 = [('FRA', 'Fran\xe7a'.encode('latin-1'), [square(0, 43, 5, 48)]),
              ('CIV', "C\xf4te d'Ivoire".encode('latin-1'), [square(-8, 5, -3, 10)])]
    seeds['d5-latin1'] = polygons(latin1)
    seeds['d5-latin1-cpg-utf8'] = polygons(latin1, prj=WGS84, cpg=b'UTF-8')
    seeds['d5-cp1252-cpg'] = polygons([('DEU', b'\x93Quote\x94 \x80', [square(6, 48, 14, 54)])], prj=WGS84, cpg=b'1252')
    # D7: a .dbf whose header lies about its record length.
    seeds['d7-dbf-reclen-lie'] = polygons([('AAA', 'Alpha', [square(0, 0, 1, 1)]),
                                           ('BBB', 'Beta', [square(2, 0, 3, 1)])], record_length=60000)
    # Not-a-number and infinite coordinates, and a record of the wrong type.
    seeds['nan-inf'] = polygons([('NAN', 'NaN', [[(0, 0), (math.nan, 1), (1, math.inf), (0, 0)]])])
    seeds['huge-1e308'] = polygons([('HUG', 'Huge', [square(-1e308, -1e308, 1e308, 1e308)])])
    seeds['point-type'] = polygons([('PNT', 'Point', [square(0, 0, 1, 1)])], shape_type=1)

    for name, data in seeds.items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)

    out = os.path.join(HERE, 'corpus', 'catalogue')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    catalogues = os.path.join(TOP, 'tests', 'catalogue', 'data')
    for name in sorted(os.listdir(catalogues)):
        if name.endswith('.json') and not name.startswith('iso-'):
            shutil.copy(os.path.join(catalogues, name), out)

    write_catalogue_dict()


def write_catalogue_dict():
    keys = set()
    values = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                keys.add(key)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and len(node) < 24 and re.fullmatch(r'[a-z_]+', node):
            values.add(node)

    def entry(text):
        return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"')

    with open(os.path.join(TOP, 'data', 'catalogue.json')) as f:
        walk(json.load(f))
    lines = ['# JSON tokens, and the field names and enum-like values of data/catalogue.json',
             '# (written by fuzz/make-corpus.py).']
    for token in ['{', '}', '[', ']', ':', ',', '"', 'true', 'false', 'null', '-1', '0', '1e999',
                  '"\\u0000"', '"\\ud800"', '"2010"', '"2010-01"', '"2010-01-31"', '"2010-02-30"',
                  '"MLT"', '"TUN"', '"ZZZ"']:
        lines.append(entry(token))
    lines += [entry('"%s":' % key) for key in sorted(keys)]
    lines += [entry('"%s"' % value) for value in sorted(values)]
    with open(os.path.join(HERE, 'catalogue.dict'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
