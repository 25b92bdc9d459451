"""Imagery chips around places (trafficking:extractimagerychips, docs/imagery.md).

For each place: the square of ``radius_m`` around it, read from the imagery through a WarpedVRT
whose output grid IS the chip (so GDAL reads only the source blocks under that square, however
large the image), in the place's local WGS 84 / UTM zone at about the source's own resolution, and
written as a cloud-optimised GeoTIFF (GDAL's COG driver: tiled, DEFLATE, overviews).

Every place ends in the report with a status: ``ok``, ``partial`` (chip written; part of it has no
imagery, marked by nodata or alpha), ``outside`` (its centre is outside the imagery: no chip),
``no_imagery`` (inside the extent but nothing but nodata around it: no chip) or ``no_location``.
Needs rasterio and numpy; no QGIS.
"""
from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..database import PathLike
from ..feedback import Feedback, NullFeedback, check_canceled
from ..shipped_data import style_path
from ..errors import CoreError

RESAMPLINGS = ("nearest", "bilinear", "cubic")
CUT = (0.02, 0.98)        # cumulative cut of the contrast stretch, as QGIS spells it
STATS_MAX_SIDE = 1024     # stretch statistics from an overview no larger than this
STYLE_TEMPLATE = style_path("imagery_chip")


class ImageryError(CoreError):
    """The imagery or the parameters cannot be used; the message says what to change."""


@dataclass
class Place:
    """A place to chip: its id, WGS 84 position (None when unknown) and attributes to carry."""
    fid: int
    lon: float = None
    lat: float = None
    attributes: dict = field(default_factory=dict)


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 / UTM zone holding the point (326xx north, 327xx south).

    The plain 6-degree zones: the Norway and Svalbard exceptions are not applied."""
    zone = min(int((lon + 180) // 6) + 1, 60)
    return (32600 if lat >= 0 else 32700) + zone


def parse_bands(text: str, band_count: int | None = None) -> tuple[int, ...]:
    """'1,2,3' -> (1, 2, 3): the bands shown as red, green and blue."""
    try:
        bands = tuple(int(part) for part in str(text).replace(" ", "").split(","))
    except ValueError:
        raise ImageryError("Band order '{}' is not three band numbers such as 1,2,3.", text) from None
    if len(bands) != 3 or min(bands) < 1:
        raise ImageryError("Band order '{}' must name three bands (red, green, blue), numbered "
                           "from 1, e.g. 1,2,3.", text)
    if band_count is not None and max(bands) > band_count:
        raise ImageryError("Band order '{}' asks for band {}, but the imagery has {} band(s).",
                           text, max(bands), band_count)
    return bands


def extract_chips(imagery: PathLike, places: Sequence[Place], folder: PathLike, radius_m: float = 250.0,
                  bands: Sequence[int] = (1, 2, 3), resampling: str = "bilinear",
                  feedback: Feedback | None = None) -> dict[str, Any]:
    """Write one COG chip (and its QML style) per place into ``folder``.

    Returns {"imagery", "source_crs", "radius_m", "bands", "rows"}: one row per place, in the
    order given, with the place, status, reason and, for a written chip, its path, EPSG code,
    size, resolution, bounds (in the chip's CRS), footprint ring (lon, lat) and coverage."""
    import rasterio

    feedback = feedback or NullFeedback()
    if radius_m <= 0:
        raise ImageryError("The radius must be more than 0 m (got {}).", radius_m)
    if resampling not in RESAMPLINGS:
        raise ImageryError("Resampling '{}' is not one of {}.", resampling, ", ".join(RESAMPLINGS))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        src = rasterio.open(imagery)
    except rasterio.errors.RasterioIOError as error:
        raise ImageryError("{} cannot be read as imagery ({}).", imagery, error) from None
    rows = []
    with src:
        if src.crs is None:
            raise ImageryError("{} has no coordinate reference system: georeference it first "
                               "(e.g. with the Georeferencer).", imagery)
        bands = parse_bands(",".join(map(str, bands)), src.count)
        for done, place in enumerate(places):
            check_canceled(feedback)
            row = _chip_one(src, place, folder, radius_m, bands, resampling)
            if row["status"] not in ("ok",):
                feedback.pushInfo(f"Place {place.fid} ({place.attributes.get('name') or ''}): "
                                  f"{row['status']}: {row['reason']}")
            rows.append(row)
            feedback.setProgress(100.0 * (done + 1) / max(len(places), 1))
        source_crs = src.crs.to_string()
    return {"imagery": str(imagery), "source_crs": source_crs, "radius_m": radius_m,
            "bands": bands, "rows": rows}


def _chip_one(src, place, folder, radius_m, bands, resampling):
    from rasterio.warp import transform as warp

    row = {"place": place, "status": None, "reason": "", "chip_path": None}
    if place.lon is None or place.lat is None or math.isnan(place.lon) or math.isnan(place.lat):
        return {**row, "status": "no_location", "reason": "the place has no coordinates"}
    if not -80 <= place.lat <= 84:
        return {**row, "status": "outside", "reason": "beyond UTM's latitudes (80 S to 84 N)"}
    (sx,), (sy,) = warp("EPSG:4326", src.crs, [place.lon], [place.lat])
    left, bottom, right, top = src.bounds
    if not (left <= sx <= right and bottom <= sy <= top):
        return {**row, "status": "outside", "reason": "the place lies outside the imagery's extent"}

    epsg = utm_epsg(place.lon, place.lat)
    res = _resolution_m(src, sx, sy, epsg)
    size = max(1, round(2 * radius_m / res))   # whole pixels: the chip is size x size
    (cx,), (cy,) = warp("EPSG:4326", f"EPSG:{epsg}", [place.lon], [place.lat])
    half = size * res / 2
    bounds = (cx - half, cy - half, cx + half, cy + half)
    path = folder / f"place_{place.fid}.tif"
    alpha_band = _write_cog(src, path, epsg, bounds, size, res, resampling)
    coverage, stretch = _chip_statistics(path, bands, alpha_band)
    if coverage == 0:
        _remove_chip(path)
        return {**row, "status": "no_imagery",
                "reason": "inside the imagery's extent, but the imagery has no data around the place"}
    write_style(path.with_suffix(".qml"), bands, stretch, alpha_band)
    partial = coverage < 1.0
    return {**row, "status": "partial" if partial else "ok",
            "reason": (f"near the imagery's edge: {100 * (1 - coverage):.1f} % of the chip has no "
                       "imagery (transparent)") if partial else "",
            "chip_path": str(path), "epsg": epsg, "width": size, "height": size,
            "resolution_m": res, "bounds": bounds, "coverage": coverage,
            "footprint": _footprint(bounds, epsg), "alpha_band": alpha_band}


def _resolution_m(src, x, y, epsg):
    """The source's pixel size at (x, y), in metres of the local UTM grid (kept, not resampled to
    a rounder number, so a chip keeps the detail the imagery has)."""
    from rasterio.warp import transform as warp

    dx, dy = abs(src.res[0]), abs(src.res[1])
    xs, ys = warp(src.crs, f"EPSG:{epsg}", [x, x + dx, x], [y, y, y - dy])
    along_x = math.hypot(xs[1] - xs[0], ys[1] - ys[0])
    along_y = math.hypot(xs[2] - xs[0], ys[2] - ys[0])
    return round((along_x + along_y) / 2, 6)


def _write_cog(src, path, epsg, bounds, size, res, resampling):
    """Warp the chip's grid from the source and copy it to a COG; returns the alpha band (or -1).

    A source without nodata gets an alpha band, so pixels beyond the imagery are marked, not
    painted black; a source with nodata keeps its nodata value."""
    import rasterio.shutil
    from rasterio.enums import ColorInterp, Resampling
    from rasterio.transform import from_origin
    from rasterio.vrt import WarpedVRT

    has_alpha = ColorInterp.alpha in src.colorinterp
    add_alpha = src.nodata is None and not has_alpha
    blocksize = 256 if size > 256 else 128   # the COG driver's smallest tile is 128
    options = {
        "COMPRESS": "DEFLATE", "PREDICTOR": "YES", "BLOCKSIZE": blocksize,
        # At least one overview even for a chip smaller than a tile: viewers and the tests rely on it.
        "OVERVIEW_COUNT": max(1, math.ceil(math.log2(max(size / blocksize, 1)))),
        "OVERVIEW_RESAMPLING": "AVERAGE", "BIGTIFF": "IF_SAFER",
    }
    _remove_chip(path)
    with WarpedVRT(src, crs=f"EPSG:{epsg}", transform=from_origin(bounds[0], bounds[3], res, res),
                   width=size, height=size, resampling=Resampling[resampling],
                   add_alpha=add_alpha) as vrt:
        rasterio.shutil.copy(vrt, str(path), driver="COG", **options)
        if add_alpha or has_alpha:
            return vrt.count if add_alpha else 1 + list(vrt.colorinterp).index(ColorInterp.alpha)
    return -1


def _chip_statistics(path, bands, alpha_band):
    """(share of the chip with imagery, {band: (low, high)} at the 2 and 98 % cumulative cut),
    read from an overview when the chip is large."""
    import numpy as np
    import rasterio

    with rasterio.open(path) as chip:
        scale = max(1.0, max(chip.width, chip.height) / STATS_MAX_SIDE)
        shape = (math.ceil(chip.height / scale), math.ceil(chip.width / scale))
        # GDAL takes an alpha band for the mask only in 2- and 4-band files: read it ourselves.
        valid = (chip.read(alpha_band, out_shape=shape) if alpha_band > 0
                 else chip.dataset_mask(out_shape=shape)) > 0
        coverage = float(valid.mean())
        stretch = {}
        for band in dict.fromkeys(bands):
            values = chip.read(band, out_shape=shape)[valid]
            if values.size:
                low, high = np.percentile(values, (100 * CUT[0], 100 * CUT[1]))
                stretch[band] = (float(low), float(high) if high > low else float(low) + 1)
    return coverage, stretch


def write_style(path: PathLike, bands: Sequence[int], stretch: dict[int, tuple[float, float]],
                alpha_band: int = -1) -> PathLike:
    """The chip's QML: true colour from ``bands`` with each band's own contrast stretch. QGIS loads
    a QML of the raster's own name as its default style."""
    from string import Template

    values = {"alpha_band": alpha_band, "cut_lower": CUT[0], "cut_upper": CUT[1]}
    for colour, band in zip(("red", "green", "blue"), bands):
        low, high = stretch.get(band, (0, 255))
        values.update({f"{colour}_band": band, f"{colour}_min": f"{low:g}", f"{colour}_max": f"{high:g}"})
    text = Template(STYLE_TEMPLATE.read_text(encoding="utf-8")).substitute(values)
    Path(path).write_text(text, encoding="utf-8")
    return path


def _footprint(bounds, epsg, steps=8):
    """The chip's outline in WGS 84 (lon, lat): each edge densified, since a UTM square is not a
    square in degrees."""
    from rasterio.warp import transform as warp

    left, bottom, right, top = bounds
    xs, ys = [], []
    for (x0, y0), (x1, y1) in (((left, bottom), (right, bottom)), ((right, bottom), (right, top)),
                               ((right, top), (left, top)), ((left, top), (left, bottom))):
        for i in range(steps):
            xs.append(x0 + (x1 - x0) * i / steps)
            ys.append(y0 + (y1 - y0) * i / steps)
    lons, lats = warp(f"EPSG:{epsg}", "EPSG:4326", xs, ys)
    ring = list(zip(lons, lats))
    return ring + ring[:1]


def _remove_chip(path):
    for stale in (path, path.with_suffix(".qml"), Path(str(path) + ".aux.xml")):
        if os.path.exists(stale):
            os.remove(stale)
