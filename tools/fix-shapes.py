#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Post-process world-atlas countries (GeoJSON from ogr2ogr) for MigMap.

  fix-shapes.py fix IN.geojson OUT.geojson   join ISO 3166-1 codes, merge by
                                             code, split rings at +-180
  fix-shapes.py clean IN.geojson OUT.geojson tidy up after ogr2ogr -makevalid
  fix-shapes.py check OUT.geojson            verify a shapefile read back as
                                             GeoJSON; print counts

Standard library only, so it runs on a bare Debian with just python3.
"""
import json
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# Natural Earth features without an ISO numeric id. Codes are from ISO 3166-1's
# user-assigned ranges (alpha X*, numeric 9xx) so they never clash with real
# ones; XKX/XK for Kosovo is what the EU, World Bank and UNHCR use.
# Keep in sync with the table in shapes/README.md.
EXTRA = {
    "Akrotiri": ("XAK", "XA", "901"),
    "Baikonur": ("XBK", "XB", "902"),
    "Bajo Nuevo Bank": ("XBJ", "XJ", "903"),
    "Clipperton I.": ("XCL", "XC", "904"),
    "Coral Sea Is.": ("XCS", "XO", "905"),
    "Cyprus U.N. Buffer Zone": ("XCU", "XU", "906"),
    "Dhekelia": ("XDK", "XD", "907"),
    "Kosovo": ("XKX", "XK", "908"),
    "N. Cyprus": ("XNC", "XN", "909"),
    "Scarborough Reef": ("XSH", "XH", "910"),
    "Serranilla Bank": ("XSR", "XR", "911"),
    "Siachen Glacier": ("XSG", "XG", "912"),
    "Somaliland": ("XSO", "XS", "913"),
    "Spratly Is.": ("XSP", "XP", "914"),
    "USNB Guantanamo Bay": ("XGT", "XT", "915"),
}
# "Indian Ocean Ter." (no id) is Christmas Island plus the Cocos (Keeling)
# Islands, both real ISO entries: give each island group its own code.
INDIAN_OCEAN_TER = "Indian Ocean Ter."
CHRISTMAS, COCOS = "162", "166"   # Cocos lies west of 100E, Christmas east

# The check fails unless these exist (small or disputed ones a map must show).
REQUIRED = ["MLT", "CPV", "PSE", "TUN", "LBN", "ETH", "ESH", "XKX"]
DROPPED = [0]  # zero-area rings dropped, for the log


def polygons(geom):
    if geom is None:
        return []
    if geom["type"] == "GeometryCollection":  # what MakeValid may return
        return [p for g in geom["geometries"] for p in polygons(g)]
    return {"Polygon": [geom["coordinates"]], "MultiPolygon": geom["coordinates"]}.get(geom["type"], [])


def area2(ring):
    """Twice the signed area (shoelace): > 0 counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))


def dedupe(ring):
    out = [ring[0]]
    for p in ring[1:]:
        if p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def jumps(ring):
    return [i for i in range(len(ring) - 1) if abs(ring[i + 1][0] - ring[i][0]) > 180]


def clip(ring, lo, hi):
    """Sutherland-Hodgman clip of a closed ring to the band lo <= x <= hi."""
    for keep, cut in ((lambda x: x >= lo, lo), (lambda x: x <= hi, hi)):
        out = []
        for p, q in zip(ring, ring[1:]):
            if keep(p[0]):
                out.append(p)
            if keep(p[0]) != keep(q[0]):
                t = (cut - p[0]) / (q[0] - p[0])
                out.append([cut, p[1] + t * (q[1] - p[1])])
        if not out:
            return []
        ring = out + [out[0]]
    return ring


def straighten(ring):
    """Keep only the ends of each run of vertices on x = +-180: the cut is a
    straight line, and the quantized data can step back along it (a spike)."""
    if len(ring) < 4:
        return ring
    pts = ring[:-1]
    i = next((i for i, p in enumerate(pts) if abs(p[0]) != 180), 0)
    pts = pts[i:] + pts[:i]  # start off the meridian so no run wraps around
    on = [abs(p[0]) == 180 for p in pts]
    pts = [p for k, p in enumerate(pts)
           if not (on[k] and on[k - 1] and on[(k + 1) % len(pts)])]
    return pts + pts[:1]


def split_ring(ring):
    """Rings that cross +-180 (jumps of >180 deg between vertices) are unwrapped
    to continuous longitudes, then cut into one piece per 360-degree window and
    shifted back into -180..180, so each piece closes along the meridian."""
    unwrapped, off = [ring[0]], 0
    for p, q in zip(ring, ring[1:]):
        if q[0] - p[0] > 180:
            off -= 360
        elif q[0] - p[0] < -180:
            off += 360
        unwrapped.append([q[0] + off, q[1]])
    if off:
        raise SystemExit("split_ring: ring circles a pole; use close_polar")
    if len(jumps(ring)) != 2:  # more would need proper chain reassembly
        raise SystemExit(f"unexpected {len(jumps(ring))} antimeridian jumps in one ring")
    xs = [p[0] for p in unwrapped]
    pieces = []
    for k in range(int((min(xs) + 180) // 360), int((max(xs) + 180) // 360) + 1):
        piece = clip(unwrapped, 360 * k - 180, 360 * k + 180)
        piece = straighten(dedupe([[x - 360 * k, y] for x, y in piece])) if piece else []
        if len(piece) >= 4 and abs(area2(piece)) > 1e-12:
            pieces.append(piece)
    return pieces


def close_polar(ring):
    """A ring with one jump circles a pole (Antarctica): open it at the jump and
    close it along x = +-180 and the map's edge at latitude -90 (or 90)."""
    j = jumps(ring)
    if len(j) != 1:
        raise SystemExit(f"polar ring with {len(j)} jumps is not handled")
    j = j[0]
    a, b = ring[j], ring[j + 1]
    s = 1 if a[0] > 0 else -1                 # side of a; b is on the other side
    bx = b[0] + 360 * s                      # b unwrapped next to a
    lat = a[1] + (s * 180 - a[0]) / (bx - a[0]) * (b[1] - a[1])
    pole = -90.0 if sum(p[1] for p in ring) < 0 else 90.0
    path = ring[j + 1:-1] + ring[:j + 1]     # from b's side round to a
    # Along the pole edge every 10 deg, so no edge spans more than 180 deg.
    edge = [[s * (180.0 - 10 * i), pole] for i in range(37)]
    return dedupe([[-s * 180.0, lat]] + path + [[s * 180.0, lat]] + edge + [[-s * 180.0, lat]])


def inside(pt, ring):
    x, y, c = pt[0], pt[1], False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            c = not c
    return c


def fix_polygon(poly):
    # Drop rings that world-atlas's quantization collapsed to zero area (tiny
    # islets; in 50m Antarctica the exterior is such a line along -89.999 and
    # the coast its only "hole"); the first ring left is the exterior.
    kept = [r for r in poly if abs(area2(r)) > 1e-9]
    DROPPED[0] += len(poly) - len(kept)
    poly = kept
    if not poly:
        return []
    outer, holes = poly[0], poly[1:]
    if any(jumps(h) for h in holes):
        raise SystemExit("a hole crosses the antimeridian: not handled")
    j = jumps(outer)
    if not j:
        outers = [outer]
    elif len(j) % 2:
        outers = [close_polar(outer)]
    else:
        outers = split_ring(outer)
    out = [[o] for o in outers]
    for h in holes:  # each hole goes with the piece it lies in
        next(p for p in out if len(out) == 1 or inside(h[0], p[0])).append(h)
    # Shapefile convention: exterior clockwise, holes counter-clockwise.
    return [[r if (area2(r) < 0) == (i == 0) else r[::-1] for i, r in enumerate(p)]
            for p in out]


def fix(src, dst):
    iso = {c["numeric"]: c for c in json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]}
    records = {}  # ISO_A3 -> record; features sharing a code are merged

    def add(code, name, polys):
        if code in iso:
            c = iso[code]
            key = (c["alpha_3"], c["alpha_2"], code, c.get("common_name", c["name"]))
        else:
            key = EXTRA[name] + (name,)
        rec = records.setdefault(key[0], {"key": key, "ne": [], "polys": []})
        if name not in rec["ne"]:
            rec["ne"].append(name)
        rec["polys"] += polys

    for f in json.load(open(src, encoding="utf-8"))["features"]:
        code, name = f["properties"].get("id"), f["properties"]["name"]
        polys = [q for p in polygons(f["geometry"]) for q in fix_polygon(p)]
        if not polys:
            print(f"  dropped {name!r} ({code}): no geometry", file=sys.stderr)
        elif name == INDIAN_OCEAN_TER and code is None:
            for p in polys:
                add(COCOS if p[0][0][0] < 100 else CHRISTMAS, name, [p])
        elif code in iso or (code is None and name in EXTRA):
            add(code, name, polys)
        else:
            raise SystemExit(f"{name!r} (id {code}) has no ISO entry and no EXTRA code: add one")

    feats = []
    for a3 in sorted(records):
        rec = records[a3]
        a3, a2, n3, name = rec["key"]
        feats.append({"type": "Feature",
                      "properties": {"ISO_A3": a3, "ISO_A2": a2, "ISO_N3": n3, "NAME": name,
                                     "NE_NAME": "; ".join(rec["ne"])},
                      "geometry": {"type": "MultiPolygon", "coordinates": rec["polys"]}})
        if len(rec["ne"]) > 1:
            print(f"  merged into {a3}: {'; '.join(rec['ne'])}", file=sys.stderr)
    print(f"  dropped {DROPPED[0]} zero-area rings", file=sys.stderr)
    with open(dst, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)


def clean(src, dst):
    """After GDAL's MakeValid: drop the zero-area slivers it leaves and orient
    rings again, so GDAL's shapefile writer and reader agree on holes."""
    fc = json.load(open(src, encoding="utf-8"))
    for f in fc["features"]:
        polys = [q for p in polygons(f["geometry"]) for q in fix_polygon(p)]
        f["geometry"] = {"type": "MultiPolygon", "coordinates": polys}
    print(f"  dropped {DROPPED[0]} zero-area rings after MakeValid", file=sys.stderr)
    with open(dst, "w", encoding="utf-8") as out:
        json.dump(fc, out, ensure_ascii=False)


def check(path):
    """Fail unless every ring stays inside the plate without >180 deg jumps,
    orientation follows the shapefile convention and codes are unique."""
    feats = json.load(open(path, encoding="utf-8"))["features"]
    errors, rings, vertices = [], 0, 0
    codes = [f["properties"]["ISO_A3"] for f in feats]
    if len(set(codes)) != len(codes):
        errors.append("duplicate ISO_A3 codes")
    errors += [f"required country {c} missing" for c in REQUIRED if c not in codes]
    for f in feats:
        a3 = f["properties"]["ISO_A3"]
        for poly in polygons(f["geometry"]):
            for i, r in enumerate(poly):
                rings, vertices = rings + 1, vertices + len(r)
                if jumps(r):
                    errors.append(f"{a3}: ring jumps more than 180 deg of longitude")
                if any(not (-180 <= x <= 180 and -90 <= y <= 90) for x, y in r):
                    errors.append(f"{a3}: ring outside [-180,180]x[-90,90]")
                if (area2(r) < 0) != (i == 0):
                    errors.append(f"{a3}: ring {i} has the wrong orientation")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if errors:
        raise SystemExit(f"{path}: {len(errors)} errors")
    print(f"records={len(feats)} rings={rings} vertices={vertices}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "fix":
        fix(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "clean":
        clean(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "check":
        check(sys.argv[2])
    else:
        raise SystemExit(__doc__)
