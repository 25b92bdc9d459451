"""The case tables as QGIS layers, edited only through their edit buffers.

``apply`` writes one case and its rows into the buffers as one edit command per layer (so QGIS's
undo, and ``undo`` here, take it back); ``commit`` writes the buffers to the GeoPackage, the case
layer first, and returns QGIS's ``commitErrors()`` when the provider refuses, leaving the buffers
as they were. A new case gets its fid in the buffer (the next free one), so its rows can point at
it before anything is committed.
"""
import datetime
import os

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from .case_widgets import tr

CHILD_TABLES = ("case_event", "case_perpetrator", "case_support")


def _source(layer):
    """(absolute path, table) of a GeoPackage layer, or None."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    return (os.path.abspath(path), parts.get("layerName")) if path else None


def project_databases(project):
    """Paths of the province GeoPackages (those with a case table) among a project's layers."""
    found = []
    for layer in project.mapLayers().values():
        source = _source(layer)
        if source and source[1] in ("case",) + CHILD_TABLES and source[0] not in found:
            found.append(source[0])
    return found


def open_layer(database, table, project=None):
    """The project's layer of the table when it has one (so edits show on the map and share one
    edit buffer), else a layer of our own."""
    if project is not None:
        for layer in project.mapLayers().values():
            if _source(layer) == (os.path.abspath(database), table):
                return layer
    layer = QgsVectorLayer(f"{database}|layername={table}", table, "ogr")
    if not layer.isValid():
        raise ValueError(tr("{} has no readable table {}: is it a province database?").format(
            database, table))
    return layer


class CaseStore:
    def __init__(self, database, project=None):
        self.database = str(database)
        self.layers = {t: open_layer(self.database, t, project) for t in ("case",) + CHILD_TABLES}
        self._applied = []          # per apply: the layers it left an edit command on

    @property
    def case_layer(self):
        return self.layers["case"]

    # --- reading (the buffer included) --------------------------------------------------------
    def feature_id(self, fid):
        """The buffer's id of case ``fid``: a case added but not committed has a temporary
        (negative) feature id while its fid attribute holds the fid it will get."""
        buffer = self.case_layer.editBuffer()
        if buffer is not None:
            for temporary, feature in buffer.addedFeatures().items():
                if feature.attribute("fid") == fid:
                    return temporary
        return fid

    def exists(self, fid):
        return fid is not None and self.case_layer.getFeature(self.feature_id(fid)).isValid()

    def load(self, fid):
        """(case record, {child table: [rows]}) as dicts of column -> value; events carry lon/lat."""
        feature = self.case_layer.getFeature(self.feature_id(fid))
        record = _attributes(feature)
        record["fid"] = fid
        children = {}
        for table in CHILD_TABLES:
            layer = self.layers[table]
            request = QgsFeatureRequest().setFilterExpression(f'"case_id" = {int(fid)}')
            rows = []
            for child in layer.getFeatures(request):
                row = _attributes(child)
                if table == "case_event" and not row.get("village_code") and child.hasGeometry():
                    point = child.geometry().asPoint()
                    row["lon"], row["lat"] = point.x(), point.y()
                rows.append(row)
            rows.sort(key=lambda r: (r.get("sequence") or 0, r.get("fid") or 0))
            children[table] = rows
        return record, children

    # --- writing into the edit buffers ---------------------------------------------------------
    def _next_fid(self):
        layer = self.case_layer
        index = layer.fields().indexOf("fid")
        known = [layer.maximumValue(index) or 0]
        known += [f.attribute(index) or 0 for f in layer.editBuffer().addedFeatures().values()] \
            if layer.editBuffer() else []
        return int(max(known)) + 1

    def apply(self, fid, record, children, village_points=None):
        """Write a case (``fid`` None: a new one) and its rows into the edit buffers; returns the fid."""
        touched = []
        layer = self.case_layer
        self._start(layer)
        layer.beginEditCommand("case")
        values = {k: v for k, v in record.items() if k != "fid"}
        if fid is None:
            fid = self._next_fid()
            values.setdefault("recorded_at", datetime.datetime.now(datetime.timezone.utc)
                              .strftime("%Y-%m-%dT%H:%M:%SZ"))
            feature = QgsFeature(layer.fields())
            feature.setAttribute("fid", fid)
            _set(feature, values)
            ok = layer.addFeature(feature)
        else:
            ok = layer.changeAttributeValues(self.feature_id(fid), _by_index(layer, values))
        layer.endEditCommand() if ok else layer.destroyEditCommand()
        if not ok:
            raise ValueError(tr("QGIS refused the case's values"))
        touched.append(layer)
        for table in CHILD_TABLES:
            self._apply_children(table, fid, children.get(table, []), village_points or {})
            touched.append(self.layers[table])
        self._applied.append(touched)
        return fid

    def _apply_children(self, table, case_fid, rows, village_points):
        layer = self.layers[table]
        self._start(layer)
        layer.beginEditCommand(table)
        request = QgsFeatureRequest().setFilterExpression(f'"case_id" = {int(case_fid)}')
        existing = {f.id() for f in layer.getFeatures(request)}
        kept = {row["fid"] for row in rows if row.get("fid") is not None}
        for gone in existing - kept:
            layer.deleteFeature(gone)
        for order, row in enumerate(rows, start=1):
            values = {k: v for k, v in row.items() if k not in ("fid", "lon", "lat")}
            values["case_id"] = case_fid
            if table == "case_event":
                values["sequence"] = order
            geometry = _event_geometry(row, village_points) if table == "case_event" else None
            if row.get("fid") in existing:
                layer.changeAttributeValues(row["fid"], _by_index(layer, values))
                if table == "case_event":
                    layer.changeGeometry(row["fid"], geometry or QgsGeometry())
            else:
                feature = QgsFeature(layer.fields())
                _set(feature, values)
                if geometry:
                    feature.setGeometry(geometry)
                layer.addFeature(feature)
        layer.endEditCommand()

    def delete(self, fid):
        """Delete a case and its rows in the edit buffers (undoable until committed)."""
        touched = []
        for table in CHILD_TABLES:
            layer = self.layers[table]
            self._start(layer)
            layer.beginEditCommand(f"delete {table}")
            request = QgsFeatureRequest().setFilterExpression(f'"case_id" = {int(fid)}')
            layer.deleteFeatures([f.id() for f in layer.getFeatures(request)])
            layer.endEditCommand()
            touched.append(layer)
        self._start(self.case_layer)
        self.case_layer.beginEditCommand("delete case")
        self.case_layer.deleteFeature(self.feature_id(fid))
        self.case_layer.endEditCommand()
        touched.append(self.case_layer)
        self._applied.append(touched)

    @staticmethod
    def _start(layer):
        if not layer.isEditable() and not layer.startEditing():
            raise ValueError(tr("{} cannot be edited (is the file read-only?)").format(layer.name()))

    # --- undo, commit, discard ------------------------------------------------------------------
    def can_undo(self):
        return bool(self._applied)

    def undo(self):
        """Take back the last ``apply`` through the layers' undo stacks."""
        if not self._applied:
            return False
        for layer in reversed(self._applied.pop()):
            layer.undoStack().undo()
        return True

    def is_modified(self):
        return any(layer.isEditable() and layer.isModified() for layer in self.layers.values())

    def commit(self):
        """Commit the case layer, then its rows; returns QGIS's commit errors ([] on success).
        On an error the buffers keep every edit not yet written."""
        for table in ("case",) + CHILD_TABLES:
            layer = self.layers[table]
            if not layer.isEditable():
                continue
            if layer.isModified() and not layer.commitChanges(False):
                return [f"{table}: {e}" for e in layer.commitErrors()]
            layer.commitChanges()     # nothing left: leave edit mode
        self._applied.clear()
        return []

    def rollback(self):
        for layer in self.layers.values():
            if layer.isEditable():
                layer.rollBack()
        self._applied.clear()


def _attributes(feature):
    return {name: _plain(feature.attribute(name)) for name in feature.fields().names()}


def _plain(value):
    # QVariant NULLs and Qt dates as None and ISO text, the form the core expects.
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):
        return value.toString("yyyy-MM-dd") if hasattr(value, "day") and not hasattr(value, "time") \
            else value.toString("yyyy-MM-ddTHH:mm:ss")
    return value


def _set(feature, values):
    for name, value in values.items():
        if feature.fields().indexOf(name) >= 0:
            feature.setAttribute(name, value)


def _by_index(layer, values):
    fields = layer.fields()
    return {fields.indexOf(k): v for k, v in values.items() if fields.indexOf(k) >= 0}


def _event_geometry(row, village_points):
    if row.get("lon") is not None and row.get("lat") is not None and not row.get("village_code"):
        return QgsGeometry.fromPointXY(QgsPointXY(float(row["lon"]), float(row["lat"])))
    point = village_points.get(row.get("village_code"))
    return QgsGeometry.fromPointXY(QgsPointXY(*point)) if point else None
