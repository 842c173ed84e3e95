#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes hostile and unusual shapefiles for tests/test-hostile-shapes.c.

Usage: make-hostile-shapes.py OUTDIR

Each fixture is a polygon .shp with its .shx and .dbf (and .cpg where said),
written byte by byte so that each can lie in exactly one way.  They stand in
for the reproducers of issue 10 (D3 grid index, D5 names, D7 .dbf header,
non-finite coordinates, projected coordinates without a .prj).
"""
import math
import os
import struct
import sys

SHPT_POLYGON = 5


def square(x0, y0, x1, y1):
    """A clockwise ring (an outer ring, for shapefiles) around a box."""
    return [(x0, y0), (x0, y1), (x1, y1), (x1, y0), (x0, y0)]


def write_shp(base, records):
    """records: a list of rings, one single-part polygon per record."""
    contents = []
    for ring in records:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        finite = [v for v in xs + ys if math.isfinite(v)] or [0.0]
        box = (min(xs, default=0.0), min(ys, default=0.0), max(xs, default=0.0), max(ys, default=0.0))
        if not all(math.isfinite(v) for v in box):
            box = (min(finite), min(finite), max(finite), max(finite))
        body = struct.pack('<i4dii', SHPT_POLYGON, *box, 1, len(ring))
        body += struct.pack('<i', 0)
        body += b''.join(struct.pack('<2d', x, y) for x, y in ring)
        contents.append(body)

    all_points = [p for ring in records for p in ring if all(math.isfinite(v) for v in p)]
    box = (min((p[0] for p in all_points), default=0.0), min((p[1] for p in all_points), default=0.0),
           max((p[0] for p in all_points), default=0.0), max((p[1] for p in all_points), default=0.0))

    def header(length_bytes):
        return (struct.pack('>7i', 9994, 0, 0, 0, 0, 0, length_bytes // 2)
                + struct.pack('<2i', 1000, SHPT_POLYGON)
                + struct.pack('<8d', *box, 0.0, 0.0, 0.0, 0.0))

    shp_length = 100 + sum(8 + len(c) for c in contents)
    shx_length = 100 + 8 * len(contents)
    with open(base + '.shp', 'wb') as shp, open(base + '.shx', 'wb') as shx:
        shp.write(header(shp_length))
        shx.write(header(shx_length))
        offset = 100
        for number, body in enumerate(contents, 1):
            shp.write(struct.pack('>2i', number, len(body) // 2) + body)
            shx.write(struct.pack('>2i', offset // 2, len(body) // 2))
            offset += 8 + len(body)


def write_dbf(base, rows, ldid=0, record_length=None):
    """rows: (code, name) pairs of bytes; two character fields."""
    fields = [(b'ISO_A3', 3), (b'NAME', 40)]
    real_length = 1 + sum(width for _, width in fields)
    header_length = 32 + 32 * len(fields) + 1
    out = struct.pack('<BBBBIHH', 3, 126, 11, 26, len(rows), header_length,
                      record_length or real_length)
    out += bytes(17) + bytes([ldid]) + bytes(2)
    for name, width in fields:
        out += name.ljust(11, b'\0') + b'C' + bytes(4) + bytes([width, 0]) + bytes(14)
    out += b'\r'
    for row in rows:
        out += b' ' + b''.join(value[:width].ljust(width) for value, (_, width) in zip(row, fields))
    out += b'\x1a'
    with open(base + '.dbf', 'wb') as dbf:
        dbf.write(out)


def fixture(outdir, name, records, rows=None, cpg=None, **dbf_options):
    base = os.path.join(outdir, name)
    write_shp(base, records)
    if rows is None:
        rows = [(b'R%02d' % i, b'Record %d' % i) for i in range(len(records))]
    write_dbf(base, rows, **dbf_options)
    if cpg is not None:
        with open(base + '.cpg', 'w') as f:
            f.write(cpg)


def zigzag(n_points, corner_to_corner):
    """A ring whose edges all cross the world: D3's index blow-up."""
    ring = []
    for i in range(n_points - 1):
        if corner_to_corner:
            ring.append((180.0, 90.0) if i % 2 == 0 else (-180.0, -90.0))
        else:
            lat = -89.0 + 178.0 * i / (n_points - 2)
            ring.append((180.0 if i % 2 == 0 else -180.0, lat))
    ring.append(ring[0])
    return ring


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    three = [square(0, 0, 10, 10), square(20, 0, 30, 10), square(40, 0, 50, 10)]

    # D5: Latin-1 names, no .cpg and no language driver id; one byte that is
    # not even Windows-1252.
    fixture(outdir, 'latin1-names', three,
            [(b'CIV', "Côte d'Ivoire".encode('latin-1')),
             (b'COL', 'Bogotá'.encode('latin-1')),
             (b'XXX', b'Bad\x81byte')])
    # The language driver id says Windows-1251.
    fixture(outdir, 'cp1251-ldid', three[:1], [(b'RUS', 'Россия'.encode('cp1251'))], ldid=0xC9)
    # A .cpg says Windows-1252.
    fixture(outdir, 'cpg-1252', three[:2],
            [(b'CUW', 'Curaçao'.encode('cp1252')), (b'EUR', '€uro'.encode('cp1252'))],
            cpg='1252')

    # D7: the .dbf header announces 60000-byte records in a short file.
    fixture(outdir, 'reclen-lie', three[:2], [(b'AAA', b'Aaa'), (b'BBB', b'Bbb')],
            record_length=60000)

    # Non-finite and absurd coordinates in record 1, corner 2.
    for name, bad in (('nan-coords', math.nan), ('inf-coords', math.inf), ('huge-coords', 1e308)):
        ring = square(20, 0, 30, 10)
        ring[2] = (bad, 10.0)
        fixture(outdir, name, [square(0, 0, 10, 10), ring])

    # Web Mercator metres without a .prj.
    fixture(outdir, 'projected-no-prj', [square(-20037508.34, -15000000.0, 20037508.34, 15000000.0)])

    # D3: edges spanning the world, corner to corner (the file whose guint32
    # counts wrapped) and pole to pole.
    fixture(outdir, 'index-overflow', [zigzag(16573, True)])
    fixture(outdir, 'index-zigzag', [zigzag(20001, False)])


if __name__ == '__main__':
    main()
