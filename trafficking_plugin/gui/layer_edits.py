"""Edits of a GeoPackage layer through QGIS's edit buffer, as the docks make them.

Each change is one edit command (so Ctrl+Z and the dock's Undo step back through it); commit sets
who edits for the audit trail first, then commits; a failed commit returns QGIS's reasons and
leaves the buffer as it was, so nothing the user typed is lost.
"""
import sqlite3

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProviderRegistry,
    QgsVectorLayerUtils,
)

from ..core import audit


def database_path(layer):
    """The GeoPackage file of an OGR layer, or None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    return QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path")


def table_name(layer):
    if layer is None or layer.providerType() != "ogr":
        return None
    return QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName")


def mark_editor(path, user=None):
    """Write who edits into the database (audit.set_user); False when the file cannot be written."""
    try:
        conn = sqlite3.connect(str(path), timeout=5, isolation_level=None)
        try:
            audit.set_user(conn, user)
        finally:
            conn.close()
        return True
    except sqlite3.Error:
        return False


def _attribute_map(layer, values):
    fields = layer.fields()
    return {fields.indexOf(name): value for name, value in values.items() if fields.indexOf(name) >= 0}


def _start(layer, label):
    if not layer.isEditable():
        layer.startEditing()
    layer.beginEditCommand(label)


def add_feature(layer, values, point=None, label="Add"):
    """Add a feature to the edit buffer; returns its (temporary) fid, or None when QGIS refused."""
    _start(layer, label)
    geometry = QgsGeometry.fromPointXY(QgsPointXY(*point)) if point else QgsGeometry()
    feature = QgsVectorLayerUtils.createFeature(layer, geometry, _attribute_map(layer, values))
    if not layer.addFeature(feature):
        layer.destroyEditCommand()
        return None
    layer.endEditCommand()
    return feature.id()


def update_feature(layer, fid, values, point=None, label="Edit"):
    """Change attributes (and the point, when given) in the edit buffer, as one undo step."""
    _start(layer, label)
    ok = layer.changeAttributeValues(fid, _attribute_map(layer, values))
    if ok and point is not None:
        ok = layer.changeGeometry(fid, QgsGeometry.fromPointXY(QgsPointXY(*point)))
    if not ok:
        layer.destroyEditCommand()
        return False
    layer.endEditCommand()
    return True


def delete_feature(layer, fid, label="Delete"):
    _start(layer, label)
    if not layer.deleteFeature(fid):
        layer.destroyEditCommand()
        return False
    layer.endEditCommand()
    return True


def commit(layer):
    """Commit the layer's edits; returns [] on success, else QGIS's commitErrors() (buffer kept)."""
    if not layer.isEditable():
        return []
    path = database_path(layer)
    if path:
        mark_editor(path)
    if layer.commitChanges():
        return []
    return list(layer.commitErrors())


def feature_values(feature, names):
    """{name: value} of a feature, NULL as None."""
    out = {}
    for name in names:
        value = feature[name] if feature.fields().indexOf(name) >= 0 else None
        out[name] = None if value is None or (hasattr(value, "isNull") and value.isNull()) else value
    return out


def point_of(feature):
    """(x, y) of a point feature, or None."""
    geometry = feature.geometry() if isinstance(feature, QgsFeature) else None
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    p = geometry.asPoint()
    return (p.x(), p.y())
