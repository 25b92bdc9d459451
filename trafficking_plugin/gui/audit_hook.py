"""Who edits, for edits outside the docks: before QGIS commits any audited GeoPackage layer of the
project (the attribute table, the digitising tools), write the OS user into the database so the
audit triggers record it. The triggers record the edit anyway; this only names the editor."""
from qgis.core import QgsProject, QgsVectorLayer

from ..core import audit
from .layer_edits import database_path, mark_editor, table_name


class AuditUserHook:
    def __init__(self, project=None):
        self.project = project or QgsProject.instance()
        self._slots = []   # (layer, slot): disconnected on unload
        self.project.layersAdded.connect(self._watch)
        self._watch(self.project.mapLayers().values())

    def _watch(self, layers):
        for layer in layers:
            if isinstance(layer, QgsVectorLayer) and table_name(layer) in audit.AUDITED_TABLES:
                def slot(*_, lyr=layer):
                    self._mark(lyr)
                layer.beforeCommitChanges.connect(slot)
                self._slots.append((layer, slot))

    @staticmethod
    def _mark(layer):
        path = database_path(layer)
        if path:
            mark_editor(path)

    def unload(self):
        try:
            self.project.layersAdded.disconnect(self._watch)
        except TypeError:   # already disconnected
            pass
        for layer, slot in self._slots:
            try:
                layer.beforeCommitChanges.disconnect(slot)
            except (TypeError, RuntimeError):   # the layer is gone
                pass
        self._slots = []
