"""The case tables as QGIS layers: a thin case-shaped wrapper over the layer-edit service.

``apply`` writes one case and its rows into the buffers as one edit command per layer (so QGIS's
undo, and ``undo`` here, take it back); ``commit`` writes the buffers to the GeoPackage, the case
layer first (layer_edits.commit). A new case gets its fid in the buffer (the next free one), so
its rows can point at it before anything is committed.
"""
import datetime

from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsPointXY

from . import layer_edits
from .case_widgets import tr
from .layer_edits import EditError, attribute_map, edit_command, open_layer, set_attributes

CHILD_TABLES = ("case_event", "case_perpetrator", "case_support")
CASE_TABLES = ("case",) + CHILD_TABLES


def project_databases(project):
    """Paths of the province GeoPackages (those with a case table) among a project's layers."""
    return layer_edits.project_databases(project, CASE_TABLES)


class CaseStore:
    def __init__(self, database, project=None):
        self.database = str(database)
        self.layers = {t: open_layer(self.database, t, project) for t in CASE_TABLES}
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
        record = layer_edits.feature_values(feature)
        record["fid"] = fid
        children = {}
        for table in CHILD_TABLES:
            layer = self.layers[table]
            request = QgsFeatureRequest().setFilterExpression(f'"case_id" = {int(fid)}')
            rows = []
            for child in layer.getFeatures(request):
                row = layer_edits.feature_values(child)
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
        values = {k: v for k, v in record.items() if k != "fid"}
        with edit_command(layer, "case"):
            if fid is None:
                fid = self._next_fid()
                values.setdefault("recorded_at", datetime.datetime.now(datetime.timezone.utc)
                                  .strftime("%Y-%m-%dT%H:%M:%SZ"))
                feature = QgsFeature(layer.fields())
                feature.setAttribute("fid", fid)
                set_attributes(feature, values)
                ok = layer.addFeature(feature)
            else:
                ok = layer.changeAttributeValues(self.feature_id(fid), attribute_map(layer, values))
            if not ok:
                raise EditError(tr("QGIS refused the case's values"))
        touched.append(layer)
        for table in CHILD_TABLES:
            self._apply_children(table, fid, children.get(table, []), village_points or {})
            touched.append(self.layers[table])
        self._applied.append(touched)
        return fid

    def _apply_children(self, table, case_fid, rows, village_points):
        layer = self.layers[table]
        with edit_command(layer, table):
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
                    layer.changeAttributeValues(row["fid"], attribute_map(layer, values))
                    if table == "case_event":
                        layer.changeGeometry(row["fid"], geometry or QgsGeometry())
                else:
                    feature = QgsFeature(layer.fields())
                    set_attributes(feature, values)
                    if geometry:
                        feature.setGeometry(geometry)
                    layer.addFeature(feature)

    def delete(self, fid):
        """Delete a case and its rows in the edit buffers (undoable until committed)."""
        touched = []
        for table in CHILD_TABLES:
            layer = self.layers[table]
            with edit_command(layer, f"delete {table}"):
                request = QgsFeatureRequest().setFilterExpression(f'"case_id" = {int(fid)}')
                layer.deleteFeatures([f.id() for f in layer.getFeatures(request)])
            touched.append(layer)
        with edit_command(self.case_layer, "delete case"):
            self.case_layer.deleteFeature(self.feature_id(fid))
        touched.append(self.case_layer)
        self._applied.append(touched)

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
        errors = layer_edits.commit(*(self.layers[t] for t in CASE_TABLES))
        if not errors:
            self._applied.clear()
        return errors

    def rollback(self):
        layer_edits.rollback(*self.layers.values())
        self._applied.clear()


def _event_geometry(row, village_points):
    if row.get("lon") is not None and row.get("lat") is not None and not row.get("village_code"):
        return QgsGeometry.fromPointXY(QgsPointXY(float(row["lon"]), float(row["lat"])))
    point = village_points.get(row.get("village_code"))
    return QgsGeometry.fromPointXY(QgsPointXY(*point)) if point else None
