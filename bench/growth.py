#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The growth table: MigMap and Mapnik on 1:50m, 1:10m and 1:10m densified to
~2M and ~6M vertices (bench/make-dense-shapes.sh, in a cache directory),
interleaved in one run, medians of ROUNDS.

    bench/growth.py [BUILD_DIR] [--rounds N] [--dense-dir DIR] [--before OLD_BUILD_DIR]

Columns:
  load, first, steady, hit: migmap-bench in process (world 1920x1080, plain
      style, print quality "best"): load the file, first frame (builds the
      zoom band and projects it), median of later frames, point query.
  mapnik first/steady: the same map rendered by Mapnik in process (first
      render opens the file; steady is the median of later renders).
  process: wall time of the whole process, `migmap-render --view world --size 1920x1080
      --no-labels --shapes FILE -o out.png` against a Python process that
      imports mapnik, renders and saves the same PNG.  CPU: the same runs'
      user + system time, steadier than wall time on a shared machine.
      RSS: peak resident memory of each.  migmap-render runs with a shape
      cache of its own (XDG_CACHE_HOME in a temporary folder): 'cold' is its
      first run, which reads the shapefile and writes the cache (wall time and
      peak RSS); the rounds after it read the cache.
--before adds the whole-process figures of an older build's migmap-render
(before/after), run in the same rounds.
Needs python3-mapnik (Debian: apt-get install python3-mapnik); without it
only MigMap's columns are printed.  Never part of `meson test`.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Same style as bench/compare-mapnik.py (sea, land, 0.6 px borders), world box.
MAPNIK_SCRIPT = r"""
import sys, time
import mapnik
m = mapnik.Map(1920, 1080, "+proj=longlat +R=6371008.8 +no_defs")
m.background = mapnik.Color("#b8d4e6")
style, rule = mapnik.Style(), mapnik.Rule()
fill = mapnik.PolygonSymbolizer(); fill.fill = mapnik.Color("#f2efe6"); rule.symbols.append(fill)
line = mapnik.LineSymbolizer(); line.stroke = mapnik.Color("#8c8a84"); line.stroke_width = 0.6
rule.symbols.append(line)
style.rules.append(rule)
m.append_style("plain", style)
layer = mapnik.Layer("countries", "+proj=longlat +datum=WGS84 +no_defs")
layer.datasource = mapnik.Shapefile(file=sys.argv[1])
layer.styles.append("plain")
m.layers.append(layer)
m.zoom_to_box(mapnik.Box2d(-180, -90, 180, 90))
image = mapnik.Image(1920, 1080)
mode = sys.argv[3]
if mode == "process":
    mapnik.render(m, image)
    image.save(sys.argv[2], "png")
else:
    t1 = time.perf_counter(); mapnik.render(m, image); first = time.perf_counter() - t1
    times = []
    for _ in range(int(mode)):
        t1 = time.perf_counter(); mapnik.render(m, image); times.append(time.perf_counter() - t1)
    times.sort()
    print(first * 1000.0, times[len(times) // 2] * 1000.0)
"""


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000.0


def run_timed(argv, env=None):
    """Wall time and CPU time (user + system, ms) of one child process, and its output."""
    cpu0 = cpu_of_children()
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    out, err = proc.communicate()
    elapsed = (time.perf_counter() - t0) * 1000.0
    if proc.returncode != 0:
        sys.exit(f"growth: {' '.join(argv)} failed:\n{err}")
    run_timed.cpu = cpu_of_children() - cpu0
    return elapsed, out


def rss_of(argv, env=None):
    # GNU time reports the child's peak resident set in KB.
    res = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True, env=env)
    if res.returncode != 0:
        sys.exit(f"growth: {' '.join(argv)} failed:\n{res.stderr}")
    return int(res.stderr.strip().splitlines()[-1]) / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default=os.path.join(TOP, "_build"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", help="an older build directory to compare migmap-render with")
    parser.add_argument("--frames", type=int, default=10)
    parser.add_argument("--dense-dir", default=os.path.join(os.environ.get("XDG_CACHE_HOME",
                                                                           os.path.expanduser("~/.cache")),
                                                            "migmap-bench"))
    args = parser.parse_args()
    cache_home = tempfile.mkdtemp(prefix="migmap-growth-cache-")
    env = dict(os.environ, MIGMAP_DATA_DIR=TOP, XDG_CACHE_HOME=cache_home)
    try:
        import mapnik  # noqa: F401
        have_mapnik = True
    except ImportError:
        print("growth: python3-mapnik is not installed (apt-get install python3-mapnik): MigMap only")
        have_mapnik = False

    dense = subprocess.run([os.path.join(TOP, "bench", "make-dense-shapes.sh"), args.dense_dir],
                           check=True, capture_output=True, text=True).stdout.split()
    files = [("1:50m", os.path.join(TOP, "shapes", "ne_50m_admin0.shp")),
             ("1:10m", os.path.join(TOP, "shapes", "ne_10m_admin0.shp")),
             ("10m ~2M", dense[0]), ("10m ~6M", dense[1])]
    render = os.path.join(args.build, "src", "cli", "migmap-render")
    bench = os.path.join(args.build, "bench", "migmap-bench")
    out_png = os.path.join(tempfile.gettempdir(), f"migmap-growth-{os.getpid()}.png")

    print(f"world 1920x1080, plain style; medians of {args.rounds} interleaved rounds; "
          f"load average {os.getloadavg()[0]:.1f} at start")
    head = (f"{'shapes':8} {'vertices':>9} {'shp MB':>6} | {'load':>7} {'first':>7} {'steady':>7} "
            f"{'hit us':>6} | {'mapnik 1st':>10} {'steady':>7} {'ratio':>5} | {'process':>7} {'mapnik':>7} "
            f"{'ratio':>5} {'spread':>11} | {'CPU':>6} {'mapnik':>6} {'ratio':>5} | {'RSS MB':>6} {'mapnik':>6} | "
            f"{'cold':>7} {'RSS':>4}")
    print(head)
    for label, shp in files:
        mig, mapn, proc_mig, proc_map, cpu_mig, cpu_map, proc_old, cpu_old = [], [], [], [], [], [], [], []
        vertices = ""
        shutil.rmtree(os.path.join(cache_home, "migmap"), ignore_errors=True)
        cold, _ = run_timed([render, "--view", "world", "--size", "1920x1080", "--no-labels",
                             "--shapes", shp, "-o", out_png], env)
        shutil.rmtree(os.path.join(cache_home, "migmap"), ignore_errors=True)
        cold_rss = rss_of([render, "--view", "world", "--size", "1920x1080", "--no-labels", "--shapes", shp,
                           "-o", out_png], env)
        for _ in range(args.rounds):
            _, out = run_timed([bench, "--plain", "--view", "world", "--resolution", "10m",
                                "--frames", str(args.frames), "--shapes", shp], env)
            load = float(re.search(r"load\s+\S+\s+median\s+([\d.]+)", out).group(1))
            first, steady = [(float(m.group(2)), float(m.group(1))) for m in
                             re.finditer(r"plain  best: median\s+([\d.]+) ms.*first frame\s+([\d.]+)", out)][0]
            hit = float(re.search(r"hit\s+\S+\s+([\d.]+) us", out).group(1)) if "hit" in out else 0.0
            vertices = re.search(r"(\d+) vertices", out).group(1)
            mig.append((load, first, steady, hit))
            if have_mapnik:
                _, out = run_timed([sys.executable, "-c", MAPNIK_SCRIPT, shp, out_png,
                                    str(args.frames)])
                mapn.append(tuple(float(x) for x in out.split()))
            t, _ = run_timed([render, "--view", "world", "--size", "1920x1080", "--no-labels",
                              "--shapes", shp, "-o", out_png], env)
            proc_mig.append(t)
            cpu_mig.append(run_timed.cpu)
            if args.before:
                t, _ = run_timed([os.path.join(args.before, "src", "cli", "migmap-render"), "--view", "world",
                                  "--size", "1920x1080", "--no-labels", "--shapes", shp, "-o", out_png], env)
                proc_old.append(t)
                cpu_old.append(run_timed.cpu)
            if have_mapnik:
                t, _ = run_timed([sys.executable, "-c", MAPNIK_SCRIPT, shp, out_png,
                                  "process"])
                proc_map.append(t)
                cpu_map.append(run_timed.cpu)
        med = lambda xs: statistics.median(xs) if xs else float("nan")
        load, first, steady, hit = (med([m[i] for m in mig]) for i in range(4))
        rss = rss_of([render, "--view", "world", "--size", "1920x1080", "--no-labels", "--shapes", shp,
                      "-o", out_png], env)
        line = (f"{label:8} {int(vertices):9d} {os.path.getsize(shp) / 1e6:6.1f} | {load:5.0f}ms {first:5.0f}ms "
                f"{steady:5.1f}ms {hit:6.3f} | ")
        if have_mapnik:
            m_first, m_steady = med([m[0] for m in mapn]), med([m[1] for m in mapn])
            ratios = [a / b for a, b in zip(proc_mig, proc_map)]
            rss_m = rss_of([sys.executable, "-c", MAPNIK_SCRIPT, shp, out_png,
                            "process"])
            line += (f"{m_first:8.0f}ms {m_steady:5.1f}ms {steady / m_steady:5.2f} | {med(proc_mig):5.0f}ms "
                     f"{med(proc_map):5.0f}ms {med(proc_mig) / med(proc_map):5.2f} "
                     f"{min(ratios):5.2f}-{max(ratios):4.2f} | {med(cpu_mig):4.0f}ms {med(cpu_map):4.0f}ms "
                     f"{med(cpu_mig) / med(cpu_map):5.2f} | {rss:6.0f} {rss_m:6.0f} | {cold:5.0f}ms {cold_rss:4.0f}")
        else:
            line += (f"{'':10} {'':7} {'':5} | {med(proc_mig):5.0f}ms {'':7} {'':5} {'':11} | "
                     f"{med(cpu_mig):4.0f}ms {'':6} {'':5} | {rss:6.0f} {'':6} | {cold:5.0f}ms {cold_rss:4.0f}")
        if args.before:
            rss_old = rss_of([os.path.join(args.before, "src", "cli", "migmap-render"), "--view", "world",
                              "--size", "1920x1080", "--no-labels", "--shapes", shp, "-o", out_png], env)
            line += (f" | before: process {med(proc_old):5.0f}ms CPU {med(cpu_old):4.0f}ms RSS {rss_old:4.0f}MB"
                     + (f" (ratio {med(proc_old) / med(proc_map):4.2f}, CPU {med(cpu_old) / med(cpu_map):4.2f})"
                        if have_mapnik else ""))
        print(line, flush=True)
    if os.path.exists(out_png):
        os.unlink(out_png)
    shutil.rmtree(cache_home, ignore_errors=True)
    print(f"load average {os.getloadavg()[0]:.1f} at end; 'spread' is the lowest-highest per-round "
          "process ratio (noise: the machine is shared)")


if __name__ == "__main__":
    main()
