"""The province's international border, from sub-district polygons alone, and distances to it.

A province's outline is made of the edges of its sub-districts' rings that no other of its
sub-districts shares; the part of that outline that no sub-district of another Thai province
shares either is the international border. The national layer in ../shared is topologically
clean (neighbours share their vertices exactly), so edges are matched by their end points,
rounded to 1e-7 degrees (about 1 cm). Lines are lists of (lon, lat) in EPSG:4326.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..core.geography import Subdistrict

_UNITS = 1e7                     # coordinates are matched as integers of 1e-7 degrees
KM_PER_DEGREE = 111.32


def _edges(polygons: Sequence) -> np.ndarray:
    """(n, 4) int64 edges (x1, y1, x2, y2) of every ring, each written low end first."""
    parts = []
    for polygon in polygons:
        for ring in polygon:
            r = np.round(np.asarray(ring, dtype=float)[:, :2] * _UNITS).astype(np.int64)
            if r.shape[0] < 2:
                continue
            if not np.array_equal(r[0], r[-1]):
                r = np.vstack([r, r[:1]])
            parts.append(np.hstack([r[:-1], r[1:]]))
    if not parts:
        return np.empty((0, 4), dtype=np.int64)
    edges = np.vstack(parts)
    edges = edges[(edges[:, :2] != edges[:, 2:]).any(axis=1)]      # drop repeated vertices
    swap = (edges[:, 0] > edges[:, 2]) | ((edges[:, 0] == edges[:, 2]) & (edges[:, 1] > edges[:, 3]))
    edges[swap] = edges[swap][:, [2, 3, 0, 1]]
    return edges


def _rows_in(rows: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Which of ``rows`` (n, 4) occur in ``table`` (m, 4)."""
    if table.size == 0 or rows.size == 0:
        return np.zeros(len(rows), dtype=bool)
    kind = np.dtype((np.void, rows.dtype.itemsize * 4))
    return np.isin(np.ascontiguousarray(rows).view(kind).ravel(),
                   np.ascontiguousarray(table).view(kind).ravel())


def international_border(province: Sequence[Subdistrict],
                         neighbours: Sequence[Sequence]) -> list[list[tuple[float, float]]]:
    """The lines of ``province``'s outline that no polygon of ``neighbours`` shares.

    ``province``: the province's sub-districts; ``neighbours``: polygons (rings of (lon, lat)) of
    sub-districts of the other provinces, at least those that touch it (more do no harm). With no
    neighbours at all the whole outline is returned, so pass them: a province alone in its layer
    looks like an island. Returns line strings, each at least two points, joined where they meet.
    """
    edges = _edges([p for s in province for p in s.polygons])
    if edges.size == 0:
        return []
    unique, counts = np.unique(edges, axis=0, return_counts=True)
    outline = unique[counts == 1]                                   # not shared inside
    border = outline[~_rows_in(outline, _edges([p for n in neighbours for p in n]))]
    return [[(x / _UNITS, y / _UNITS) for x, y in line] for line in _chain(border)]


def _chain(edges: np.ndarray) -> list[list[tuple[int, int]]]:
    """Edges joined into lines where they meet; a line starts at an open end when it has one."""
    segments = [((int(e[0]), int(e[1])), (int(e[2]), int(e[3]))) for e in edges]
    ends: dict[tuple[int, int], list[int]] = {}
    for i, (a, b) in enumerate(segments):
        ends.setdefault(a, []).append(i)
        ends.setdefault(b, []).append(i)
    used = [False] * len(segments)
    open_first = sorted(range(len(segments)),
                        key=lambda i: min(len(ends[segments[i][0]]), len(ends[segments[i][1]])))
    lines = []
    for first in open_first:
        if used[first]:
            continue
        used[first] = True
        a, b = segments[first]
        if len(ends[a]) != 1 and len(ends[b]) == 1:
            a, b = b, a
        line = [a, b]
        while True:
            tip = line[-1]
            step = next((i for i in ends[tip] if not used[i]), None)
            if step is None:
                break
            used[step] = True
            p, q = segments[step]
            line.append(q if p == tip else p)
        lines.append(line)
    return lines


def distance_km(lon: np.ndarray, lat: np.ndarray, lines: Sequence[Sequence[tuple[float, float]]],
                chunk: int = 2048) -> np.ndarray:
    """Distance in km of each point to the nearest segment of ``lines`` (inf with no lines).

    Local equirectangular projection at each point's latitude: ample for tens of km."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    best = np.full(lon.size, np.inf)
    segments = [np.asarray(line, dtype=float) for line in lines if len(line) >= 2]
    if not segments or lon.size == 0:
        return best
    a = np.vstack([s[:-1] for s in segments])
    b = np.vstack([s[1:] for s in segments])
    for start in range(0, a.shape[0], chunk):
        ax, ay = a[start:start + chunk, 0], a[start:start + chunk, 1]
        bx, by = b[start:start + chunk, 0], b[start:start + chunk, 1]
        k = np.cos(np.radians(lat))[:, None]
        px, py = (lon[:, None] - ax) * k, lat[:, None] - ay
        dx, dy = (bx - ax) * k, (by - ay) + 0 * k
        length2 = dx * dx + dy * dy
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.clip(np.where(length2 > 0, (px * dx + py * dy) / length2, 0), 0, 1)
        d = np.hypot(px - t * dx, py - t * dy).min(axis=1) * KM_PER_DEGREE
        best = np.minimum(best, d)
    return best


def nearest_point(lon: float, lat: float,
                  lines: Sequence[Sequence[tuple[float, float]]]) -> tuple[float, float] | None:
    """The point of ``lines`` nearest (lon, lat), or None with no lines."""
    best, where = np.inf, None
    for line in lines:
        s = np.asarray(line, dtype=float)
        if s.shape[0] < 2:
            continue
        k = np.cos(np.radians(lat))
        a, b = s[:-1], s[1:]
        d = (b - a) * [k, 1]
        p = ([lon, lat] - a) * [k, 1]
        length2 = (d * d).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.clip(np.where(length2 > 0, (p * d).sum(axis=1) / length2, 0), 0, 1)
        gap = np.hypot(*(p - t[:, None] * d).T)
        i = int(gap.argmin())
        if gap[i] < best:
            best = gap[i]
            where = (float(a[i, 0] + t[i] * (b[i, 0] - a[i, 0])), float(a[i, 1] + t[i] * (b[i, 1] - a[i, 1])))
    return where


def points_along(lines: Sequence[Sequence[tuple[float, float]]],
                 spacing_km: float) -> list[tuple[float, float]]:
    """Points every ``spacing_km`` along ``lines`` (half a spacing in from each line's start);
    at least the middle of the longest line."""
    points, longest = [], (0.0, None)
    for line in lines:
        s = np.asarray(line, dtype=float)
        if s.shape[0] < 2:
            continue
        k = np.cos(np.radians(s[:, 1].mean()))
        step = np.hypot((s[1:, 0] - s[:-1, 0]) * k, s[1:, 1] - s[:-1, 1]) * KM_PER_DEGREE
        at = np.concatenate([[0.0], np.cumsum(step)])
        if at[-1] > longest[0]:
            longest = (at[-1], (s, at))
        for km in np.arange(spacing_km / 2, at[-1], spacing_km):
            points.append(_at(s, at, km))
    if not points and longest[1] is not None:
        s, at = longest[1]
        points.append(_at(s, at, at[-1] / 2))
    return points


def _at(s, at, km):
    i = int(np.clip(np.searchsorted(at, km) - 1, 0, len(s) - 2))
    t = (km - at[i]) / max(at[i + 1] - at[i], 1e-12)
    return (float(s[i, 0] + t * (s[i + 1, 0] - s[i, 0])), float(s[i, 1] + t * (s[i + 1, 1] - s[i, 1])))


def line_km(lines: Sequence[Sequence[tuple[float, float]]]) -> float:
    """Total length of ``lines`` in km."""
    total = 0.0
    for line in lines:
        s = np.asarray(line, dtype=float)
        if s.shape[0] >= 2:
            k = np.cos(np.radians(s[:, 1]))[:-1]
            total += float(np.hypot((s[1:, 0] - s[:-1, 0]) * k, s[1:, 1] - s[:-1, 1]).sum()) * KM_PER_DEGREE
    return total
