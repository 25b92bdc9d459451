"""Input files the core readers do not read (a GeoPackage layer, a shapefile, ...), through GDAL:
shared by the algorithms that import agency files, sin-space surveys and activities."""
import hashlib

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..trafficking_plugin.core.feedback import check_canceled
from ..trafficking_plugin.core.ingest import readers
from .base import tr

# Tables GDAL reads that the core readers do not: they go through a QGIS vector layer.
GDAL_EXTENSIONS = (".gpkg", ".sqlite", ".shp", ".geojson", ".json", ".gml", ".kml", ".fgb", ".tab",
                   ".mif", ".xls")


def needs_gdal(path):
    """True when ``path`` (possibly ``file|layername=...``) must be read through GDAL."""
    if "|" in path or path.lower().endswith(GDAL_EXTENSIONS):
        return True
    try:
        readers.sniff_format(path)
    except readers.ReadError:
        return QgsVectorLayer(path, "input", "ogr").isValid()
    return False


class LayerRows:
    """A layer's field names (``header``), its row count and a generator of its attribute rows
    (``rows()``); ``fraction()`` says how far the rows have been read, for progress.

    ``point_columns``: a point layer without latitude/longitude fields gets them from its
    geometry, in EPSG:4326."""

    def __init__(self, path, feedback, point_columns=False):
        self.layer = QgsVectorLayer(path, "input", "ogr")
        if not self.layer.isValid():
            raise QgsProcessingException(tr(
                "{} cannot be read as a table by GDAL: export it as CSV or XLSX").format(path))
        self.feedback = feedback
        self.count = self.layer.featureCount()
        feedback.pushInfo(tr("Reading layer {} through GDAL ({} rows)…")
                          .format(self.layer.name(), self.count))
        fields = self.layer.fields()
        # The layer's own row id (a GeoPackage fid) is not agency data: it would hide duplicates.
        self.keep = [i for i in range(len(fields)) if i not in self.layer.primaryKeyAttributes()]
        self.header = [fields[i].name() for i in self.keep]
        self.points = (point_columns
                       and self.layer.geometryType() == QgsWkbTypes.GeometryType.PointGeometry
                       and not {"latitude", "longitude"} & set(self.header))
        if self.points:
            self.header += ["latitude", "longitude"]
            self.transform = QgsCoordinateTransform(
                self.layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
        self.done = 0

    def fraction(self):
        return self.done / max(self.count, 1)

    def rows(self):
        for feature in self.layer.getFeatures():
            check_canceled(self.feedback)
            self.done += 1
            values = feature.attributes()
            row = [python_value(values[i]) for i in self.keep]
            if self.points:
                row += self._lat_lon(feature.geometry())
            yield row

    def _lat_lon(self, geometry):
        if geometry.isEmpty():
            return [None, None]
        point = self.transform.transform(geometry.vertexAt(0).x(), geometry.vertexAt(0).y())
        return [round(point.y(), 7), round(point.x(), 7)]


def python_value(value):
    """A layer attribute as the core readers give cells: None, text, numbers, datetime or date."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    if hasattr(value, "toPyDate"):
        return value.toPyDate()
    return value


def layer_sha256(path, file_path):
    """The file's SHA-256; for one layer of a multi-layer file, mixed with the layer's name so
    that each layer of a GeoPackage counts as its own input."""
    from ..trafficking_plugin.core.ingest.import_file import file_sha256
    digest = file_sha256(file_path)
    if "|" in path:
        digest = hashlib.sha256(f"{digest}|{path.split('|', 1)[1]}".encode("utf-8")).hexdigest()
    return digest
