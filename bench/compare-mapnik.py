#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Renders the same shapefile, size and plain style with Mapnik and with
MigMap's renderer, in one run, and prints both times and their ratio.

    bench/compare-mapnik.py [BUILD_DIR]     (default: _build)

Two times each: "wall", elapsed on the clock, and "CPU", processor time of
the whole process; both render on one thread.  Ratios are MigMap / Mapnik:
below 1, MigMap is faster.  Mapnik and MigMap runs alternate, ROUNDS times;
each figure is the median over rounds of per-round medians of FRAMES frames.

Needs Debian's python3-mapnik (apt-get install python3-mapnik).
"""
import os
import re
import statistics
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTH, HEIGHT, FRAMES, ROUNDS = 1920, 1080, 20, 3
SEA, LAND, BORDER, BORDER_WIDTH = "#b8d4e6", "#f2efe6", "#8c8a84", 0.6
# Same boxes and projections as migmap_view_preset_lookup().
VIEWS = {
    "world": ("+proj=longlat +R=6371008.8 +no_defs", (-180.0, -90.0, 180.0, 90.0)),
    "mediterranean": ("+proj=laea +lat_0=35 +lon_0=15 +x_0=0 +y_0=0 +R=6371008.8 +units=m +no_defs",
                      (-10.0, 29.0, 38.0, 47.0)),
}

try:
    import mapnik
except ImportError:
    print("compare-mapnik: python3-mapnik is not installed; apt-get install python3-mapnik")
    sys.exit(0)


def mapnik_map(shapefile, srs, box):
    m = mapnik.Map(WIDTH, HEIGHT, srs)
    m.background = mapnik.Color(SEA)
    style = mapnik.Style()
    rule = mapnik.Rule()
    fill = mapnik.PolygonSymbolizer()
    fill.fill = mapnik.Color(LAND)
    rule.symbols.append(fill)
    line = mapnik.LineSymbolizer()
    line.stroke = mapnik.Color(BORDER)
    line.stroke_width = BORDER_WIDTH
    rule.symbols.append(line)
    style.rules.append(rule)
    m.append_style("plain", style)
    layer = mapnik.Layer("countries", "+proj=longlat +datum=WGS84 +no_defs")
    layer.datasource = mapnik.Shapefile(file=shapefile)
    layer.styles.append("plain")
    m.layers.append(layer)
    # Project the box's outline as MigMap does, then fit it.
    transform = mapnik.ProjTransform(mapnik.Projection("+proj=longlat +R=6371008.8 +no_defs"),
                                     mapnik.Projection(srs))
    west, south, east, north = box
    xs, ys = [], []
    for i in range(25):
        for j in range(25):
            if i not in (0, 24) and j not in (0, 24):
                continue
            c = transform.forward(mapnik.Coord(west + (east - west) * i / 24, south + (north - south) * j / 24))
            xs.append(c.x)
            ys.append(c.y)
    m.zoom_to_box(mapnik.Box2d(min(xs), min(ys), max(xs), max(ys)))
    return m


def time_mapnik(shapefile, view):
    """Median wall and CPU ms of FRAMES renders."""
    srs, box = VIEWS[view]
    m = mapnik_map(shapefile, srs, box)
    image = mapnik.Image(WIDTH, HEIGHT)
    mapnik.render(m, image)  # warm up: opens the shapefile, builds caches
    wall, cpu = [], []
    for _ in range(FRAMES):
        t0, c0 = time.perf_counter(), time.process_time()
        mapnik.render(m, image)
        wall.append((time.perf_counter() - t0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    image.save(f"/tmp/compare-mapnik-{view}-{os.path.basename(shapefile)}.png")
    return statistics.median(wall), statistics.median(cpu)


def time_migmap(build, resolution, view):
    """Median ms: fast wall, best wall and CPU (None for a build that does
    not print it)."""
    out = subprocess.run([os.path.join(build, "bench", "migmap-bench"), "--plain", "--frames", str(FRAMES),
                          "--view", view, "--resolution", resolution],
                         check=True, capture_output=True, text=True,
                         env=dict(os.environ, MIGMAP_DATA_DIR=TOP)).stdout
    fast = float(re.search(r"plain\s+fast: median\s+([\d.]+) ms", out).group(1))
    best_line = re.search(r"plain\s+best: .*", out).group(0)
    best = float(re.search(r"best: median\s+([\d.]+) ms", best_line).group(1))
    cpu = re.search(r"; CPU median\s+([\d.]+) ms", best_line)
    return fast, best, float(cpu.group(1)) if cpu else None


def median_of(rounds, i):
    values = [r[i] for r in rounds if r[i] is not None]
    return statistics.median(values) if values else float("nan")


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "_build")
    print(f"Mapnik {mapnik.mapnik_version()} vs MigMap, {WIDTH}x{HEIGHT}, plain style, "
          f"{ROUNDS} alternating rounds of {FRAMES} frames; load average {os.getloadavg()[0]:.2f}")
    print("ratios are MigMap / Mapnik; wall = elapsed, CPU = processor time of all threads")
    print(f"{'shapes':6} {'view':14} {'Mapnik wall':>11} {'CPU':>7} | {'fast':>7} {'ratio':>5} | "
          f"{'best wall':>9} {'ratio':>5} {'CPU':>7} {'ratio':>5}")
    for resolution in ("50m", "10m"):
        shapefile = os.path.join(TOP, "shapes", f"ne_{resolution}_admin0.shp")
        for view in VIEWS:
            mapnik_rounds, migmap_rounds = [], []
            for _ in range(ROUNDS):
                mapnik_rounds.append(time_mapnik(shapefile, view))
                migmap_rounds.append(time_migmap(build, resolution, view))
            m_wall, m_cpu = median_of(mapnik_rounds, 0), median_of(mapnik_rounds, 1)
            fast, best, best_cpu = (median_of(migmap_rounds, i) for i in range(3))
            print(f"{resolution:6} {view:14} {m_wall:9.2f}ms {m_cpu:5.2f}ms | {fast:5.2f}ms {fast / m_wall:5.3f} | "
                  f"{best:7.2f}ms {best / m_wall:5.3f} {best_cpu:5.2f}ms {best_cpu / m_cpu:5.3f}")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
