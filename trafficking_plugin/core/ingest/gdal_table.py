"""Tables the hand-written readers do not read (a GeoPackage layer, a shapefile, an old .xls,
GeoJSON, ...), read through GDAL/OGR in-process, as QGIS itself reads them.

A path may name one layer of a multi-layer file as QGIS writes it: ``file.gpkg|layername=x``
(or ``|layerid=0``). A point layer without latitude/longitude fields can give them from its
geometry, in EPSG:4326, for imports that place rows on the map (sin space).
"""
from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator
from typing import Any

from .readers import ReadError

# Extensions always read through GDAL: the hand-written readers never read these.
GDAL_EXTENSIONS = (".gpkg", ".sqlite", ".shp", ".geojson", ".json", ".gml", ".kml", ".fgb", ".tab",
                   ".mif", ".xls")


def split_layer(path: str) -> tuple[str, dict[str, str]]:
    """The file of ``file|layername=x`` and its options ({'layername': 'x'})."""
    file_path, *options = str(path).split("|")
    found = {}
    for option in options:
        key, _, value = option.partition("=")
        found[key.strip().lower()] = value.strip()
    return file_path, found


def wanted(path: str) -> bool:
    """True when ``path`` must be read through GDAL (a layer of a file, or a GDAL-only format)."""
    return "|" in str(path) or str(path).lower().endswith(GDAL_EXTENSIONS)


def can_open(path: str) -> bool:
    """True when GDAL reads ``path`` as a vector table."""
    return _open(split_layer(path)[0]) is not None


def _open(file_path: str):
    """GDAL's vector dataset, or None; quiet whether or not GDAL raises Python exceptions."""
    from osgeo import gdal
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return gdal.OpenEx(file_path, gdal.OF_VECTOR)
    except RuntimeError:
        return None
    finally:
        gdal.PopErrorHandler()


def source_sha256(path: str, file_sha256: str) -> str:
    """The SHA-256 that identifies an input: the file's, mixed with the layer's name for one
    layer of a multi-layer file, so that each layer of a GeoPackage counts as its own input."""
    if "|" not in str(path):
        return file_sha256
    return hashlib.sha256(f"{file_sha256}|{str(path).split('|', 1)[1]}".encode("utf-8")).hexdigest()


class LayerTable:
    """Rows of one OGR layer: the field names first, then each feature's attributes; ``format``
    is ``gdal``; ``fraction()`` says how far reading has got."""

    format = "gdal"
    encoding = None
    multiline: frozenset[int] = frozenset()      # as readers.TableFile (cells are never lines)

    def __init__(self, path: str, point_columns: bool = False) -> None:
        from osgeo import ogr, osr
        self.path = path
        file_path, options = split_layer(path)
        self._dataset = _open(file_path)
        if self._dataset is None:
            raise ReadError("{} cannot be read as a table by GDAL: export it as CSV or XLSX", path)
        if "layername" in options:
            layer = self._dataset.GetLayerByName(options["layername"])
        else:
            layer = self._dataset.GetLayer(int(options.get("layerid", 0) or 0))
        if layer is None:
            raise ReadError("{} has no layer {}: name one of its layers as file|layername=name",
                             path, options.get("layername", options.get("layerid", 0)))
        self._layer = layer
        definition = layer.GetLayerDefn()
        self._fields = [definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())]
        self.header = [f.GetName() for f in self._fields]
        self.count = max(layer.GetFeatureCount(), 0)
        self._points = (point_columns and ogr.GT_Flatten(layer.GetGeomType()) == ogr.wkbPoint
                        and not {"latitude", "longitude"} & {h.lower() for h in self.header})
        if self._points:
            self.header += ["latitude", "longitude"]
            wgs84 = osr.SpatialReference()
            wgs84.ImportFromEPSG(4326)
            wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            source = layer.GetSpatialRef()
            if source is not None:
                source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            self._transform = (osr.CoordinateTransformation(source, wgs84)
                               if source is not None and not source.IsSame(wgs84) else None)
        self._done = 0

    def fraction(self) -> float:
        return self._done / max(self.count, 1)

    def __iter__(self) -> Iterator[tuple[list[Any], str | None]]:
        yield list(self.header), None
        self._layer.ResetReading()
        for feature in self._layer:
            self._done += 1
            cells = [_value(feature, i, f) for i, f in enumerate(self._fields)]
            if self._points:
                cells += self._lat_lon(feature.GetGeometryRef())
            yield cells, None

    def _lat_lon(self, geometry) -> list[float | None]:
        if geometry is None or geometry.IsEmpty():
            return [None, None]
        x, y = geometry.GetX(), geometry.GetY()
        if self._transform is not None:
            x, y, _ = self._transform.TransformPoint(x, y)
        return [round(y, 7), round(x, 7)]

    def close(self) -> None:
        self._layer = self._dataset = None

    def __enter__(self) -> LayerTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _value(feature, index: int, field) -> Any:
    """A feature's attribute as the core readers give cells: None, text, numbers, date, datetime."""
    from osgeo import ogr
    if not feature.IsFieldSetAndNotNull(index):
        return None
    kind = field.GetType()
    if kind in (ogr.OFTDate, ogr.OFTDateTime):
        year, month, day, hour, minute, second, _ = feature.GetFieldAsDateTime(index)
        if kind == ogr.OFTDate:
            return datetime.date(year, month, day)
        return datetime.datetime(year, month, day, hour, minute, int(second))
    return feature.GetField(index)
