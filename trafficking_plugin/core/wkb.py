"""Geometries as the core reads them: GeoPackage blobs to WKB, WKB to points and rings.

Core code never touches QGIS geometry. It reads the few shapes it needs (points, polygons,
multipolygons, with or without Z/M) straight from WKB (OGC Simple Features, ISO 19125-1 clause 8).
"""
from __future__ import annotations

import struct
from collections.abc import Iterator

import numpy as np

# GeoPackage geometry header: envelope bytes by envelope indicator (GeoPackage 1.3, clause 2.1.3).
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
Polygons = list[list[np.ndarray]]     # [[outer ring, hole, ...], ...], rings as (n, 2) arrays


def wkb_of(blob: bytes | None) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob (None for a missing or empty geometry)."""
    if blob is None or len(blob) < 8 or bytes(blob[:2]) != b"GP" or blob[3] & 0b1_0000:
        return None
    return bytes(blob[8 + _ENVELOPE_BYTES.get((blob[3] >> 1) & 0b111, 0):])


def read(wkb: bytes) -> tuple[str, object]:
    """('point', (x, y)) or ('polygons', Polygons) of a WKB Point, Polygon or MultiPolygon."""
    geometry, _ = _read(memoryview(wkb), 0)
    return geometry


def polygons(wkb: bytes) -> Polygons:
    """The rings of a WKB Polygon or MultiPolygon ([] for any other geometry)."""
    kind, value = read(wkb)
    return value if kind == "polygons" else []


def rings(wkb: bytes) -> Iterator[tuple[list[tuple[float, float]], int]]:
    """(points, +1 for an outer ring or -1 for a hole) of a WKB Polygon or MultiPolygon."""
    for polygon in polygons(wkb):
        for i, ring in enumerate(polygon):
            yield [tuple(p) for p in ring.tolist()], 1 if i == 0 else -1


def centroid(wkb: bytes) -> tuple[float, float] | None:
    """Area-weighted centroid (lon, lat) of a WKB Polygon or MultiPolygon, holes subtracted.

    Planar in degrees: for a sub-district of a few kilometres the error is metres."""
    total_a = total_x = total_y = 0.0
    for polygon in polygons(wkb):
        for i, ring in enumerate(polygon):
            x0, y0, x1, y1 = ring[:-1, 0], ring[:-1, 1], ring[1:, 0], ring[1:, 1]
            cross = x0 * y1 - x1 * y0
            a = float(cross.sum())
            if not a:
                continue
            # Orientation-free: outer rings add, holes subtract their absolute area.
            weight = (1 if i == 0 else -1) * abs(a) / 2
            total_a += weight
            total_x += weight * float(((x0 + x1) * cross).sum()) / (3 * a)
            total_y += weight * float(((y0 + y1) * cross).sum()) / (3 * a)
    if not total_a:
        return None
    return total_x / total_a, total_y / total_a


def _read(wkb: memoryview, at: int) -> tuple[tuple[str, object], int]:
    endian = "<" if wkb[at] == 1 else ">"
    kind = struct.unpack_from(endian + "I", wkb, at + 1)[0]
    dims = 3 if kind // 1000 in (1, 2) else 4 if kind // 1000 == 3 else 2
    kind %= 1000
    at += 5
    if kind == 1:
        return ("point", struct.unpack_from(endian + "2d", wkb, at)), at + 8 * dims
    if kind == 3:
        found, at = _rings(wkb, at, endian, dims)
        return ("polygons", [found]), at
    if kind == 6:
        count = struct.unpack_from(endian + "I", wkb, at)[0]
        at += 4
        found = []
        for _ in range(count):
            (_, polygon), at = _read(wkb, at)
            found.extend(polygon)
        return ("polygons", found), at
    raise ValueError(f"geometry type {kind} is not a point or (multi)polygon")


def _rings(wkb: memoryview, at: int, endian: str, dims: int) -> tuple[list[np.ndarray], int]:
    count = struct.unpack_from(endian + "I", wkb, at)[0]
    at += 4
    found = []
    for _ in range(count):
        points = struct.unpack_from(endian + "I", wkb, at)[0]
        at += 4
        values = np.frombuffer(wkb, dtype=endian + "f8", count=points * dims, offset=at)
        found.append(values.reshape(points, dims)[:, :2].copy())
        at += 8 * points * dims
    return found, at


def read_blob(blob: bytes) -> tuple[str, object]:
    """``read`` of the WKB inside a GeoPackage geometry blob."""
    found = wkb_of(blob)
    if found is None:
        raise ValueError("empty geometry")
    return read(found)
