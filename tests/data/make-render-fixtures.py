#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the shapefiles that test-render-bounds renders: hostile geometry in
plain longitude/latitude, so that any loader accepts it and only the renderer's
own limits keep the work bounded.

  make-render-fixtures.py OUTDIR

d1-densify-budget: a zigzag of 400 world-wide edges.  Under a curved projection
  each would bend through 360 extra points (144,000 in all), more than the
  renderer's densification budget allows; beside it, a plain square.
d2-far-vertices: a 20-degree square whose south-east corner is a staircase of
  steep edges; zoomed in on its west side, every step lies billions of pixels
  away, where a conversion to int overflows.
"""
import os
import struct
import sys


def shapefile_bytes(features, shape_type=5, record_length=None):
    """The .shp, .shx and .dbf of polygons.  features: [(code, name, rings)],
    name str or bytes (written as is), ring: [(lon, lat), ...], closed.
    record_length: a .dbf header that lies about it."""
    records = []
    for _code, _name, rings in features:
        points = [p for ring in rings for p in ring]
        xs = [p[0] for p in points] or [0.0]
        ys = [p[1] for p in points] or [0.0]
        parts = []
        n = 0
        for ring in rings:
            parts.append(n)
            n += len(ring)
        body = struct.pack('<i4d2i', shape_type, min(xs), min(ys), max(xs), max(ys), len(rings), len(points))
        body += struct.pack('<%di' % len(parts), *parts)
        body += b''.join(struct.pack('<2d', x, y) for x, y in points)
        records.append((body, (min(xs), min(ys), max(xs), max(ys))))

    bbox = (min(r[1][0] for r in records), min(r[1][1] for r in records),
            max(r[1][2] for r in records), max(r[1][3] for r in records))

    def header(length):
        return struct.pack('>7i', 9994, 0, 0, 0, 0, 0, length // 2) + \
            struct.pack('<2i', 1000, shape_type) + struct.pack('<8d', *bbox, 0, 0, 0, 0)

    shp = b''
    shx = b''
    offset = 100
    for i, (body, _) in enumerate(records):
        shx += struct.pack('>2i', offset // 2, len(body) // 2)
        shp += struct.pack('>2i', i + 1, len(body) // 2) + body
        offset += 8 + len(body)

    # dBase III: ISO_A3 C(3), NAME C(24).
    fields = [(b'ISO_A3', 3), (b'NAME', 24)]
    length = 1 + sum(size for _, size in fields)
    header_length = 32 + 32 * len(fields) + 1
    dbf = struct.pack('<4BIHH20x', 3, 126, 1, 1, len(features), header_length,
                      record_length if record_length is not None else length)
    for name, size in fields:
        dbf += struct.pack('<11sc4xB15x', name, b'C', size)
    dbf += b'\r'
    for code, name, _ in features:
        if isinstance(name, str):
            name = name.encode('ascii')
        dbf += b' ' + code.encode('ascii').ljust(3)[:3] + name.ljust(24)[:24]
    dbf += b'\x1a'
    return header(100 + len(shp)) + shp, header(100 + len(shx)) + shx, dbf


def write_shapefile(base, features):
    for extension, data in zip(('.shp', '.shx', '.dbf'), shapefile_bytes(features)):
        with open(base + extension, 'wb') as f:
            f.write(data)


def square(west, south, east, north):
    # Clockwise, as the shapefile format wants outer rings.
    return [(west, south), (west, north), (east, north), (east, south), (west, south)]


def zigzag(n_edges, south, north):
    ring = []
    for i in range(n_edges + 1):
        lat = south + (north - south) * i / n_edges
        ring.append((-180.0 if i % 2 == 0 else 180.0, lat))
    ring.append(ring[0])
    return ring


def staircase_square(west, south, east, north, steps):
    # The south-east corner cut into steps of 0.1 deg east, 0.5 deg north:
    # steep edges, each wholly below and right of a view at the west side.
    ring = [(west, south), (west, north), (east, north)]
    x, y = east, south + steps * 0.5
    for _ in range(steps):
        ring.append((x, y))
        ring.append((x, y - 0.5))
        x -= 0.1
        y -= 0.5
    ring.append((west, south))
    return ring


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_shapefile(os.path.join(out, 'd1-densify-budget'), [
        ('ZZG', 'Zigzag', [zigzag(400, -40.0, -36.0)]),
        ('SQR', 'Square', [square(10.0, 30.0, 20.0, 40.0)]),
    ])
    write_shapefile(os.path.join(out, 'd2-far-vertices'), [
        ('BIG', 'Big square', [staircase_square(-10.0, -10.0, 10.0, 10.0, 16)]),
    ])


if __name__ == '__main__':
    main()
