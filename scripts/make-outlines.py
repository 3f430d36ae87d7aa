#!/usr/bin/env python3
"""Writes Sources/Site/Geography/outlines.txt, the country outlines locator maps are drawn with.

The source is Natural Earth's 1:110m countries (public domain), as shipped in the PyPI wheel of
geopandas 0.14.4 (geopandas/datasets/naturalearth_lowres/). Each ring is simplified
(Douglas-Peucker, 0.15 degrees) and written in tenths of a degree, one ring a line:

    pip download --no-deps geopandas==0.14.4 -d /tmp/geo && pip install pyshp
    scripts/make-outlines.py /tmp/geo/geopandas-0.14.4-py3-none-any.whl

The output is deterministic: the same wheel gives the same bytes.
"""
import io
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp

TOLERANCE = 0.15
FOLDER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUTPUT = Path(__file__).resolve().parent.parent / "Sources/Site/Geography/outlines.txt"


def simplify(points, tolerance):
    """Douglas-Peucker on a list of (x, y), keeping the ends."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if length == 0:
            distance = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        else:
            distance = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length
        if distance > best:
            best, index = distance, i
    if best <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def main():
    wheel = zipfile.ZipFile(sys.argv[1])
    read = lambda ext: io.BytesIO(wheel.read(f"{FOLDER}.{ext}"))
    reader = shapefile.Reader(shp=read("shp"), shx=read("shx"), dbf=read("dbf"), encoding="latin-1")
    lines = [
        "# Country outlines for locator maps: Natural Earth 1:110m countries (public domain, naturalearthdata.com),",
        "# from the geopandas 0.14.4 wheel; written by scripts/make-outlines.py. One ring a line: lon,lat in tenths of a degree.",
    ]
    for shape in reader.shapes():
        parts = list(shape.parts) + [len(shape.points)]
        for start, end in zip(parts, parts[1:]):
            ring = simplify([tuple(p) for p in shape.points[start:end]], TOLERANCE)
            tenths = []
            for x, y in ring:
                point = (round(x * 10), round(y * 10))
                if not tenths or tenths[-1] != point:
                    tenths.append(point)
            if len(tenths) >= 4:
                lines.append(" ".join(f"{x},{y}" for x, y in tenths))
    OUTPUT.write_text("\n".join(lines) + "\n")
    print(f"{OUTPUT}: {len(lines) - 2} rings, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
