#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that print/export output did not change: renders the same snapshots
with an old and a new migmap-render at print quality and compares the PNGs
pixel by pixel (decoded RGBA, so the encoder may differ, the image may not).

    bench/compare-output.py OLD_BUILD NEW_BUILD [EXTRA.shp ...]

The old build comes from a worktree of the commit to compare with, e.g.
    git worktree add --detach /tmp/migmap-old main
    meson setup /tmp/migmap-old/_build /tmp/migmap-old && ninja -C /tmp/migmap-old/_build src/cli/migmap-render
Needs python3-pil (apt-get install python3-pil).  Exit status 1 on any difference.
"""
import os
import subprocess
import sys
import tempfile

from PIL import Image, ImageChops

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = [
    ["--view", "world", "--resolution", "50m"],
    ["--view", "world", "--resolution", "10m"],
    ["--view", "world", "--resolution", "10m", "--no-labels"],
    ["--view", "mediterranean"],
    ["--view", "africa", "--projection", "laea"],
    ["--view", "middle-east", "--highlight", "JOR=#e66100,LBN=#1c71d8"],
    ["--view", "10,34,16,39", "--resolution", "10m"],
    ["--layout", "page", "--dpi", "150", "--date", "2024-01-01", "--language", "en"],
    ["--layout", "page", "--view", "world", "--dpi", "96", "--date", "2024-01-01", "--language", "fr"],
    ["--view", "world", "--size", "800x600", "--quality", "fast"],
]


def render(build, args, out):
    subprocess.run([os.path.join(build, "src", "cli", "migmap-render"), *args, "-o", out], check=True,
                   env=dict(os.environ, MIGMAP_DATA_DIR=TOP), stdout=subprocess.DEVNULL)


def main():
    old, new = sys.argv[1], sys.argv[2]
    cases = list(CASES)
    for shp in sys.argv[3:]:
        cases.append(["--view", "world", "--shapes", shp, "--no-labels"])
        cases.append(["--view", "mediterranean", "--shapes", shp, "--no-labels"])
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, args in enumerate(cases):
            a, b = os.path.join(tmp, f"old{i}.png"), os.path.join(tmp, f"new{i}.png")
            render(old, args, a)
            render(new, args, b)
            ia, ib = Image.open(a).convert("RGBA"), Image.open(b).convert("RGBA")
            same = ia.size == ib.size and ImageChops.difference(ia, ib).getbbox() is None
            print(f"{'same' if same else 'DIFFERENT':9} {os.path.getsize(a) // 1024:6} KB -> "
                  f"{os.path.getsize(b) // 1024:6} KB  {' '.join(args)}")
            failed += not same
    print(f"{len(cases) - failed} of {len(cases)} identical")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
