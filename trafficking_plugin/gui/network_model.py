"""A light table model over one network layer, and the filter the dock puts in front of it.

The model reads the layer's attributes once (no geometry) and then follows the edit buffer's
signals row by row; only a commit or a rollback reads the layer again. Filtering runs over the
rows in memory, so it never reloads the layer (10,000 members stay responsive).
"""
from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core.network import directory
from .layer_edits import feature_values

_ROOT = QModelIndex()      # the invisible root: Qt's default parent of a table model

class RecordModel(QAbstractTableModel):
    def __init__(self, layer, kind, columns, display=None, parent=None):
        """``columns``: (field, header) pairs shown; ``display(field, value)`` -> text."""
        super().__init__(parent)
        self.layer, self.kind, self.columns = layer, kind, columns
        self.display = display or (lambda _field, value: value)
        self.rows, self.loads = [], 0
        self._names = directory.FIELDS[kind]
        layer.featureAdded.connect(self._refresh_fid)
        layer.attributeValueChanged.connect(lambda fid, *_: self._refresh_fid(fid))
        layer.featureDeleted.connect(self._remove_fid)
        layer.afterCommitChanges.connect(self.load)
        layer.afterRollBack.connect(self.load)
        self.load()

    def load(self):
        """Read every record of the layer (edit buffer included)."""
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(list(self._names), self.layer.fields())
        self.beginResetModel()
        self.rows = [dict(feature_values(f, self._names), fid=f.id())
                     for f in self.layer.getFeatures(request)]
        self.endResetModel()
        self.loads += 1

    def row_of(self, fid):
        return next((i for i, r in enumerate(self.rows) if r["fid"] == fid), None)

    def _refresh_fid(self, fid):
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            return
        record = dict(feature_values(feature, self._names), fid=fid)
        row = self.row_of(fid)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows.append(record)
            self.endInsertRows()
        else:
            self.rows[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _remove_fid(self, fid):
        row = self.row_of(fid)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def rowCount(self, parent=_ROOT):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole, Qt.UserRole):
            return None
        record = self.rows[index.row()]
        if role == Qt.UserRole:
            return record["fid"]
        name = self.columns[index.column()][0]
        value = self.display(name, record.get(name))
        return "" if value is None else str(value)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.columns[section][1]
        return None


class RecordFilter(QSortFilterProxyModel):
    """Search text, area, specialisation and type, over the model's rows in memory."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filters = {}

    def set_filters(self, **filters):
        self.filters = {k: v for k, v in filters.items() if v}
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802
        record = self.sourceModel().rows[source_row]
        return directory.matches({k: v for k, v in record.items() if k != "fid"}, **self.filters)
