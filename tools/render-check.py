#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check renders of shapes/ne_{50m,10m}_admin0.shp with Mapnik, to look at by
eye after tools/build-shapes.sh (not needed by the build).

  tools/render-check.py [OUT_DIR]     default /tmp

Writes shapes-check-RES.png (world, 1920x960, plate carree) and
shapes-check-RES-{med,bering,fiji}.png. The Bering and Fiji views put the
east edge of the map (up to 180) left of the west edge (from -180), so the
two halves of Chukotka and Fiji meet in the middle as they do on the globe.
"""
import os
import sys

import mapnik

SHAPES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "shapes")
SRS = "+proj=longlat +datum=WGS84 +no_defs"
PX_PER_DEG = {"med": 30, "bering": 24, "fiji": 60}
VIEWS = {  # name: (lon0, lon1, lat0, lat1); lon0 > lon1 means across +-180
    "med": (-12, 40, 28, 48),
    "bering": (155, -155, 50, 75),
    "fiji": (174, -176, -22, -12),
}


def make_map(shp, w, h):
    m = mapnik.Map(w, h, SRS)
    m.background = mapnik.Color("#a6cee3")
    rule = mapnik.Rule()
    fill = mapnik.PolygonSymbolizer()
    fill.fill = mapnik.Color("#e4e4e4")
    rule.symbols.append(fill)
    line = mapnik.LineSymbolizer()
    line.stroke = mapnik.Color("#505050")
    line.stroke_width = 0.5
    rule.symbols.append(line)
    style = mapnik.Style()
    style.rules.append(rule)
    m.append_style("land", style)
    layer = mapnik.Layer("countries", SRS)
    layer.datasource = mapnik.Shapefile(file=shp)
    layer.styles.append("land")
    m.layers.append(layer)
    return m


def render(shp, box, w, h):
    m = make_map(shp, w, h)
    m.zoom_to_box(mapnik.Box2d(*box))
    im = mapnik.Image(w, h)
    mapnik.render(m, im)
    return im


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
    for res in ("50m", "10m"):
        shp = os.path.join(SHAPES, f"ne_{res}_admin0.shp")
        render(shp, (-180, -90, 180, 90), 1920, 960).save(
            os.path.join(out, f"shapes-check-{res}.png"), "png")
        for view, (lon0, lon1, lat0, lat1) in VIEWS.items():
            k, h = PX_PER_DEG[view], (lat1 - lat0) * PX_PER_DEG[view]
            if lon0 < lon1:
                im = render(shp, (lon0, lat0, lon1, lat1), (lon1 - lon0) * k, h)
            else:  # east half (lon0..180) on the left, west half on the right
                east = render(shp, (lon0, lat0, 180, lat1), (180 - lon0) * k, h)
                west = render(shp, (-180, lat0, lon1, lat1), (lon1 + 180) * k, h)
                im = mapnik.Image(east.width() + west.width(), h)
                im.composite(east, mapnik.CompositeOp.src_over, 1.0, 0, 0)
                im.composite(west, mapnik.CompositeOp.src_over, 1.0, east.width(), 0)
            im.save(os.path.join(out, f"shapes-check-{res}-{view}.png"), "png")
    print(f"wrote {out}/shapes-check-*.png")


if __name__ == "__main__":
    main()
