#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes damaged copies of a MigMap shape cache (src/core/migmap-shape-set-cache.c)
for test-shape-cache.sh: each must be ignored, never trusted.

  make-cache-variants.py CACHE OUTDIR
  make-cache-variants.py --make MAKER FILE.shp OUTDIR   (the fuzz corpus: MAKER
      writes FILE.shp's cache as OUTDIR/valid, then the variants of it)

truncated-N: the first N bytes.
flip-N: bit N % 8 of byte N // 8 flipped (header fields, the key, the checksum,
  sections, the last byte), plus flips at seeded random places.
garbage: random bytes, as long as the cache.
forged-*: one count, offset or value made wrong and the checksum recomputed,
  so that only the structural checks stand between it and the renderer.
"""
import os
import random
import struct
import subprocess
import sys

HEADER = struct.Struct("<8sIIQQ10Q10Q4d")
SECTIONS = ["key", "features", "strings", "full_rings", "coarse_rings", "cells", "entries", "edges",
            "full_points", "coarse_points"]


def parse(data):
    fields = HEADER.unpack_from(data)
    offsets = dict(zip(SECTIONS, fields[5:15]))
    lengths = dict(zip(SECTIONS, fields[15:25]))
    return fields, offsets, lengths


def checksum(body):
    """Fletcher's sums over little-endian 64-bit words, as the cache's checksum_add ()."""
    mask = (1 << 64) - 1
    a, b = 1, 0
    body += bytes(-len(body) % 8)  # a last partial word, padded with zeros
    for (word,) in struct.iter_unpack("<Q", body):
        a = (a + word) & mask
        b = (b + a) & mask
    return a ^ ((((b << 32) | (b >> 32)) & mask) * 0x9E3779B97F4A7C15 & mask)


def reseal(data):
    """The checksum of what follows the header, as the writer computes it."""
    data = bytearray(data)
    struct.pack_into("<Q", data, 16, checksum(bytes(data[HEADER.size:])))
    return bytes(data)


def forged(data):
    _, offsets, lengths = parse(data)
    out = {}

    def put(name, fmt, offset, *values, seal=True):
        d = bytearray(data)
        struct.pack_into(fmt, d, offset, *values)
        out["forged-" + name] = reseal(d) if seal else bytes(d)

    put("features-length-huge", "<Q", 8 + 16 + 8 + 8 * 10 + 8 * 1, 1 << 60)
    put("points-offset-past-end", "<Q", 8 + 16 + 8 + 8 * 8, len(data) + 8)
    put("section-misaligned", "<Q", 8 + 16 + 8 + 8 * 7, offsets["edges"] + 4)
    put("file-size", "<Q", 24, len(data) * 2)
    put("edge-past-points", "<I", offsets["edges"], 0xFFFFFFF0)
    put("cells-not-ascending", "<I", offsets["cells"] + 4 * 1000, 0xFFFFFFFF)
    put("cells-last", "<I", offsets["cells"] + lengths["cells"] - 4, 0xFFFFFFFF)
    put("entry-feature", "<I", offsets["entries"], 0xFFFFFFFF)
    put("entry-edges", "<II", offsets["entries"] + 4, 5, 0xFFFFFFFF)
    put("ring-first", "<I", offsets["full_rings"], 0xFFFFFFF0)
    put("ring-count", "<I", offsets["full_rings"] + 4, 0xFFFFFFFF)
    put("coarse-ring-count", "<I", offsets["coarse_rings"] + 4, 2)
    put("feature-code", "<I", offsets["features"], 0xFFFFFFF0)
    put("feature-rings", "<II", offsets["features"] + 16, 0, 0xFFFFFFFF)
    # Feature 0 claims every ring of the band, overlapping the others'.
    put("feature-overlap", "<I", offsets["features"] + 24, lengths["full_rings"] // 48)
    put("feature-no-coarse-ring", "<I", offsets["features"] + 28, 0)
    put("feature-largest", "<I", offsets["features"] + 12, 0xFFFFFFFF)
    put("point-nan", "<d", offsets["full_points"], float("nan"))
    put("point-far", "<d", offsets["coarse_points"] + 8, 1e300)
    put("strings-unterminated", "<B", offsets["strings"] + lengths["strings"] - 1, ord("x"))
    put("string-not-utf8", "<B", offsets["strings"], 0xFF)
    put("bounds-nan", "<d", HEADER.size - 32, float("nan"))
    put("key-other-file", "<B", offsets["key"] + lengths["key"] - 1, 0x55)
    put("format", "<I", 8, 99)
    put("bad-checksum", "<I", 16, 0x12345678, seal=False)
    return out


def main():
    if sys.argv[1] == "--make":
        maker, shp, outdir = sys.argv[2:5]
        os.makedirs(outdir, exist_ok=True)
        source = os.path.join(outdir, "valid")
        subprocess.run([maker, shp, source], check=True)
    else:
        source, outdir = sys.argv[1], sys.argv[2]
    data = open(source, "rb").read()
    _, offsets, lengths = parse(data)
    os.makedirs(outdir, exist_ok=True)
    variants = {}
    for n in sorted({0, 7, 64, HEADER.size - 1, HEADER.size, len(data) // 2, len(data) - 8, len(data) - 1}):
        variants[f"truncated-{n}"] = data[:n]
    bits = [8 * 8, 12 * 8, 16 * 8 + 3, 24 * 8, 32 * 8, 120 * 8 + 1, (HEADER.size - 1) * 8,
            offsets["key"] * 8 + 5, offsets["features"] * 8 + 2, offsets["strings"] * 8,
            offsets["full_points"] * 8 + 62, offsets["coarse_points"] * 8 + 40, offsets["edges"] * 8,
            (len(data) - 1) * 8 + 7]
    rng = random.Random(15)
    bits += [rng.randrange(HEADER.size * 8, len(data) * 8) for _ in range(8)]
    for bit in bits:
        d = bytearray(data)
        d[bit // 8] ^= 1 << (bit % 8)
        variants[f"flip-{bit}"] = bytes(d)
    variants["garbage"] = bytes(rng.getrandbits(8) for _ in range(len(data)))
    variants.update(forged(data))
    for name, content in variants.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(content)


if __name__ == "__main__":
    main()
