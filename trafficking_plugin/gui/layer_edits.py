"""The one layer-edit service of the docks: GeoPackage layers edited through QGIS's edit buffers.

Each change is one edit command (so Ctrl+Z and a dock's Undo step back through it); a commit names
the editor for the audit trail first, then commits each layer in the order given, and a failed
commit returns QGIS's ``commitErrors()`` and leaves the buffers as they were, so nothing the user
typed is lost. A dock finds its layers here too: the project's own layer of a table when there is
one (edits then show on the map and share its buffer), else a layer of its own.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import audit


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseDock", text)


class EditError(Exception):
    """QGIS refused an edit; the message says which layer."""


def source(layer: QgsVectorLayer | None) -> tuple[str, str] | None:
    """(absolute GeoPackage path, table) of an OGR layer, or None."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    return (os.path.abspath(path), parts.get("layerName")) if path else None


def database_path(layer: QgsVectorLayer | None) -> str | None:
    """The GeoPackage file of an OGR layer, or None."""
    found = source(layer)
    return found[0] if found else None


def table_name(layer: QgsVectorLayer | None) -> str | None:
    found = source(layer)
    return found[1] if found else None


def project_databases(project: QgsProject, tables: tuple[str, ...]) -> list[str]:
    """Paths of the GeoPackages among a project's layers that hold one of ``tables``."""
    found = []
    for layer in project.mapLayers().values():
        where = source(layer)
        if where and where[1] in tables and where[0] not in found:
            found.append(where[0])
    return found


def open_layer(database: str, table: str, project: QgsProject | None = None) -> QgsVectorLayer:
    """The project's layer of the table when it has one, else a layer of our own."""
    if project is not None:
        for layer in project.mapLayers().values():
            if source(layer) == (os.path.abspath(database), table):
                return layer
    layer = QgsVectorLayer(f"{database}|layername={table}", table, "ogr")
    if not layer.isValid():
        raise EditError(tr("{} has no readable table {}: is it a province database?").format(
            database, table))
    return layer


def mark_editor(path: str, user: str | None = None) -> bool:
    """Who edits, for the audit trail (core.audit.mark_editor); False when it cannot be written."""
    return audit.mark_editor(path, user)


def start(layer: QgsVectorLayer) -> None:
    """Put the layer in edit mode, or EditError (a read-only file)."""
    if not layer.isEditable() and not layer.startEditing():
        raise EditError(tr("{} cannot be edited (is the file read-only?)").format(layer.name()))


@contextlib.contextmanager
def edit_command(layer: QgsVectorLayer, label: str) -> Iterator[None]:
    """One undo step: the block's changes to ``layer``, or none when it raises."""
    start(layer)
    layer.beginEditCommand(label)
    try:
        yield
    except BaseException:
        layer.destroyEditCommand()
        raise
    layer.endEditCommand()


def attribute_map(layer: QgsVectorLayer, values: dict) -> dict[int, object]:
    """{field index: value} of the names the layer has."""
    fields = layer.fields()
    return {fields.indexOf(name): value for name, value in values.items() if fields.indexOf(name) >= 0}


def set_attributes(feature: QgsFeature, values: dict) -> None:
    for name, value in values.items():
        if feature.fields().indexOf(name) >= 0:
            feature.setAttribute(name, value)


def point_geometry(point: tuple[float, float] | None) -> QgsGeometry:
    return QgsGeometry.fromPointXY(QgsPointXY(*point)) if point else QgsGeometry()


def add_feature(layer: QgsVectorLayer, values: dict, point: tuple[float, float] | None = None,
                label: str = "Add") -> int | None:
    """Add a feature to the edit buffer; returns its (temporary) fid, or None when QGIS refused."""
    try:
        with edit_command(layer, label):
            feature = QgsVectorLayerUtils.createFeature(layer, point_geometry(point),
                                                        attribute_map(layer, values))
            if not layer.addFeature(feature):
                raise EditError(label)
    except EditError:
        return None
    return feature.id()


def update_feature(layer: QgsVectorLayer, fid: int, values: dict,
                   point: tuple[float, float] | None = None, label: str = "Edit") -> bool:
    """Change attributes (and the point, when given) in the edit buffer, as one undo step."""
    try:
        with edit_command(layer, label):
            ok = layer.changeAttributeValues(fid, attribute_map(layer, values))
            if ok and point is not None:
                ok = layer.changeGeometry(fid, point_geometry(point))
            if not ok:
                raise EditError(label)
    except EditError:
        return False
    return True


def delete_feature(layer: QgsVectorLayer, fid: int, label: str = "Delete") -> bool:
    try:
        with edit_command(layer, label):
            if not layer.deleteFeature(fid):
                raise EditError(label)
    except EditError:
        return False
    return True


def commit(*layers: QgsVectorLayer) -> list[str]:
    """Commit the layers' edits in the order given, the editor named first for the audit trail;
    returns [] on success, else QGIS's commitErrors() of the first layer that failed (its buffer
    and those after it kept)."""
    marked = set()
    for layer in layers:
        if not layer.isEditable():
            continue
        path = database_path(layer)
        if path and path not in marked:
            mark_editor(path)
            marked.add(path)
        if layer.isModified() and not layer.commitChanges(False):
            errors = list(layer.commitErrors())
            return [f"{layer.name()}: {e}" for e in errors] if len(layers) > 1 else errors
        layer.commitChanges()     # nothing left: leave edit mode
    return []


def rollback(*layers: QgsVectorLayer) -> None:
    for layer in layers:
        if layer.isEditable():
            layer.rollBack()


def plain(value: object) -> object:
    """A QVariant NULL as None and a Qt date or time as ISO text, the form the core expects."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):
        return value.toString("yyyy-MM-dd") if hasattr(value, "day") and not hasattr(value, "time") \
            else value.toString("yyyy-MM-ddTHH:mm:ss")
    return value


def feature_values(feature: QgsFeature, names: list[str] | tuple[str, ...] | None = None) -> dict:
    """{name: value} of a feature (every field when ``names`` is None), NULL as None."""
    names = feature.fields().names() if names is None else names
    return {name: plain(feature[name]) if feature.fields().indexOf(name) >= 0 else None
            for name in names}


def point_of(feature: QgsFeature | None) -> tuple[float, float] | None:
    """(x, y) of a point feature, or None."""
    geometry = feature.geometry() if isinstance(feature, QgsFeature) else None
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    p = geometry.asPoint()
    return (p.x(), p.y())
