"""The Network dock: the directory of partner organisations and network members.

A thin widget: checks come from core.network, edits go through the layers' edit buffers
(gui/layer_edits.py), and the audit triggers in the GeoPackage record every commit.
"""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.network import directory
from . import layer_edits
from .layer_edits import database_path, table_name
from .message_label import message_label
from .network_form import RecordForm, named, tr, tr_noop
from .network_model import RecordFilter, RecordModel

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
COLUMNS = {
    directory.ORGANIZATION: (("name", tr_noop("Name")), ("type", tr_noop("Type")),
                           ("phone", tr_noop("Phone")), ("areas", tr_noop("Areas")),
                           ("specialisations", tr_noop("Specialisations"))),
    directory.MEMBER: (("name", tr_noop("Name")), ("role", tr_noop("Role")),
                     ("organization_id", tr_noop("Organisation")), ("phone", tr_noop("Phone")),
                     ("areas", tr_noop("Areas")), ("specialisations", tr_noop("Specialisations")),
                     ("languages", tr_noop("Languages"))),
}


class RecordPanel(QWidget):
    """One tab: filters, the list, the form and its buttons, over one layer."""

    def __init__(self, dock, kind, layer):
        super().__init__()
        self.dock, self.kind, self.layer = dock, kind, layer
        self.fid = None                # the record in the form; None: a new one
        self.model = RecordModel(layer, kind, [(f, tr(h)) for f, h in COLUMNS[kind]], dock.display)
        self.proxy = RecordFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search"))
        self.type_filter = QComboBox()
        self.type_filter.addItem(tr("All types"), "")
        for t in dock.catalogue.types:
            self.type_filter.addItem(named(t), t["code"])
        self.type_filter.setVisible(kind == directory.ORGANIZATION)
        self.area_filter = QComboBox()
        self.area_filter.addItem(tr("All areas"), "")
        for code, name in dock.areas.items():
            self.area_filter.addItem(f"{code} {name or ''}".strip(), code)
        self.specialisation_filter = QLineEdit()
        self.specialisation_filter.setPlaceholderText(tr("Specialisation"))
        for widget in (self.search, self.specialisation_filter):
            widget.textChanged.connect(self.apply_filters)
        for box in (self.type_filter, self.area_filter):
            box.currentIndexChanged.connect(self.apply_filters)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)

        self.form = RecordForm(kind, dock.catalogue)
        self.form.changed.connect(self.check)
        self.form.pick_requested.connect(lambda: dock.pick_point(self.form.set_point))
        if kind == directory.MEMBER:
            self.form.use_org.clicked.connect(self.use_organization_location)
        self.buttons = {key: QPushButton(tr(label)) for key, label in (
            ("new", tr_noop("New")), ("apply", tr_noop("Apply")), ("delete", tr_noop("Delete")),
            ("zoom", tr_noop("Zoom to")),
            ("undo", tr_noop("Undo")), ("commit", tr_noop("Save to database")))}
        for key, slot in (("new", self.new), ("apply", self.apply), ("delete", self.delete),
                          ("zoom", self.zoom_to), ("undo", self.undo), ("commit", self.commit)):
            self.buttons[key].clicked.connect(lambda _checked=False, s=slot: s())
        self.status = message_label()

        filters = QHBoxLayout()
        for widget in (self.search, self.type_filter, self.area_filter, self.specialisation_filter):
            filters.addWidget(widget)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.new()

    # --- filters and selection
    def apply_filters(self):
        self.proxy.set_filters(text=self.search.text().strip(),
                               type_code=self.type_filter.currentData() or "",
                               area=self.area_filter.currentData() or "",
                               specialisation=self.specialisation_filter.text().strip())

    def _row_chosen(self, current, _previous):
        if current.isValid():
            self.select(self.proxy.data(current, Qt.UserRole))

    def select(self, fid):
        """Show a record in the form for editing."""
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            return
        self.fid = fid
        self.form.set_values(layer_edits.feature_values(feature, directory.FIELDS[self.kind]),
                             layer_edits.point_of(feature))
        self.check()

    def new(self):
        """A clean empty form (no messages until the user types): Apply adds a record."""
        self.fid = None
        self.view.clearSelection()
        self.form.set_values({})
        self.form.show_problems({})

    # --- checks and edits (into the edit buffer; Save to database commits)
    def problems(self):
        return directory.problems(self.kind, self.form.values(), self.dock.areas,
                                self.dock.catalogue.type_codes(), self.dock.organization_ids())

    def check(self):
        found = self.problems()
        self.form.show_problems(found)
        return found

    def apply(self):
        """Add or change the record in the edit buffer; False (messages shown) when not valid."""
        if self.check():
            return False
        if self.fid is None:
            values = directory.normalised(self.form.values())
            fid = layer_edits.add_feature(self.layer, values, self.form.point, tr("Add {}").format(
                values["name"]))
            if fid is None:
                return self._say(tr("QGIS did not accept the record."))
            self.fid = fid
            self.select(fid)           # what is now in the buffer is the form's new start
        else:
            # Only the fields the user changed: the others stay exactly as stored.
            values = directory.normalised(self.form.changed_values())
            moved = self.form.point != self.form.loaded_point
            if not values and not moved:
                self._say(tr("Nothing changed."), error=False)
                return True
            name = self.form.values()["name"]
            if not layer_edits.update_feature(self.layer, self.fid, values,
                                              self.form.point if moved else None,
                                              tr("Edit {}").format(name)):
                return self._say(tr("QGIS did not accept the change."))
            self.select(self.fid)      # what is now in the buffer is the form's new start
        self._say(tr("Changed in the edit buffer: Save to database to keep it."), error=False)
        return True

    def delete(self):
        if self.fid is None:
            return False
        done = layer_edits.delete_feature(self.layer, self.fid, tr("Delete"))
        if done:
            self.new()
            self._say(tr("Deleted in the edit buffer: Save to database to keep it."), error=False)
        return done

    def undo(self):
        """Step back the last edit of this layer (the same stack as Ctrl+Z in QGIS), and say
        what is then true of the edit buffer."""
        stack = self.layer.undoStack()
        if stack is None or not stack.canUndo():
            self._say(tr("Nothing to undo."), error=False)
            return False
        stack.undo()
        if self.fid is not None and not self.layer.getFeature(self.fid).isValid():
            self.new()
        elif self.fid is not None:
            self.select(self.fid)
        self._say(tr("Undone. Other changes wait in the edit buffer: Save to database to keep "
                     "them.") if self.layer.isModified() else
                  tr("Undone. Nothing waits to be saved."), error=False)
        return True

    def commit(self):
        """Save the layer's edits; on failure show QGIS's reasons and keep the buffer."""
        errors = layer_edits.commit(self.layer)
        if errors:
            self._say(tr("Not saved: {}").format("; ".join(errors)))
        else:
            self._say(tr("Saved."), error=False)
            self.new()
        return errors

    def _say(self, text, error=True):
        self.status.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.status.setText(text)
        self.status.show()
        return False

    # --- map
    def zoom_to(self):
        if self.fid is None:
            return False
        feature = self.layer.getFeature(self.fid)
        if not feature.hasGeometry():
            return self._say(tr("This record has no location."))
        return self.dock.zoom_to(self.layer, feature.geometry().boundingBox())

    def use_organization_location(self):
        org = self.form.values().get("organization_id")
        feature = self.dock.org_layer.getFeature(org) if org is not None else None
        point = layer_edits.point_of(feature) if feature is not None and feature.isValid() else None
        if point is None:
            return self._say(tr("The organisation has no location."))
        self.form.set_point(point)


class NetworkDock(QgsDockWidget):
    """Organisations and members of the province database's network directory."""

    def __init__(self, iface=None, project=None, parent=None):
        super().__init__(tr("Network directory"), parent)
        self.setObjectName("TraffickingNetworkDock")
        self.iface, self.project = iface, project or QgsProject.instance()
        self.catalogue = directory.load_catalogue()
        self.org_layer = self.member_layer = self.audit_layer = None
        self.path, self.areas, self.tabs = None, {}, None
        self._tool = self._previous_tool = None
        self.database = QLabel(tr("No province database open."))
        self.database.setWordWrap(True)
        self.open_button = QPushButton(tr("Open GeoPackage…"))
        self.open_button.clicked.connect(self.choose_database)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        top = QHBoxLayout()
        top.addWidget(self.database, 1)
        top.addWidget(self.open_button)
        self.body_layout.addLayout(top)
        self.setWidget(self.body)
        found = self.find_layers()
        if found:
            self.set_layers(*found)

    # --- the database
    def find_layers(self):
        """(organization, network_member) layers of one GeoPackage in the project, or None."""
        by_path = {}
        for layer in self.project.mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and table_name(layer) in (directory.ORGANIZATION,
                                                                          directory.MEMBER):
                by_path.setdefault(database_path(layer), {})[table_name(layer)] = layer
        for tables in by_path.values():
            if len(tables) == 2:
                return tables[directory.ORGANIZATION], tables[directory.MEMBER]
        return None

    def choose_database(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Province database"), "",
                                              tr("GeoPackage (*.gpkg)"))
        if path:
            self.open_database(path)

    def open_database(self, path):
        """Add the network layers of a province GeoPackage to the project, and show them."""
        layers = [QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
                  for name in (directory.ORGANIZATION, directory.MEMBER, "audit_log")]
        if not all(layer.isValid() for layer in layers):
            self.database.setText(tr("{} is not a province database with a network directory.")
                                  .format(path))
            return False
        layers[2].setReadOnly(True)   # the audit trail is append-only; never edited here
        self.project.addMapLayers(layers)
        self.audit_layer = layers[2]
        self.set_layers(layers[0], layers[1])
        return True

    def set_layers(self, org_layer, member_layer):
        self.org_layer, self.member_layer = org_layer, member_layer
        self.path = database_path(org_layer)
        self.areas = directory.known_areas(self.path)
        layer_edits.mark_editor(self.path)   # who edits, for the audit trail
        self.database.setText(self.path)
        if self.tabs is not None:
            self.tabs.setParent(None)
        self.tabs = QTabWidget()
        self.organizations = RecordPanel(self, directory.ORGANIZATION, org_layer)
        self.members = RecordPanel(self, directory.MEMBER, member_layer)
        self.tabs.addTab(self.organizations, tr("Organisations"))
        self.tabs.addTab(self.members, tr("Members"))
        self.body_layout.addWidget(self.tabs, 1)
        for signal in (self.organizations.model.modelReset, self.organizations.model.rowsInserted,
                       self.organizations.model.rowsRemoved, self.organizations.model.dataChanged):
            signal.connect(self._organizations_changed)
        self._organizations_changed()

    def organization_names(self):
        panel = getattr(self, "organizations", None)   # None while the tabs are being built
        return {r["fid"]: r["name"] for r in panel.model.rows} if panel is not None else {}

    def organization_ids(self):
        return set(self.organization_names())

    def _organizations_changed(self, *_):
        self.members.form.set_organizations(self.organization_names())

    def display(self, field, value):
        """Text of a value in the lists: organisation names and type labels, not codes."""
        if field == "organization_id" and value is not None:
            return self.organization_names().get(value, value)
        if field == "type":
            return next((named(t) for t in self.catalogue.types if t["code"] == value), value)
        return value

    # --- the map canvas
    def _canvas(self):
        return self.iface.mapCanvas() if self.iface is not None else None

    def zoom_to(self, layer, box):
        canvas = self._canvas()
        if canvas is None:
            return False
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                           self.project)
        box = transform.transformBoundingBox(box)
        if box.width() == 0 and box.height() == 0:   # a point: show its neighbourhood
            pad = 0.005 if canvas.mapSettings().destinationCrs().isGeographic() else 500
            box = QgsRectangle(box.xMinimum() - pad, box.yMinimum() - pad,
                               box.xMaximum() + pad, box.yMaximum() + pad)
        canvas.setExtent(box)
        canvas.refresh()
        return True

    def pick_point(self, callback):
        """Let the user click the map; ``callback((lon, lat))`` in EPSG:4326."""
        canvas = self._canvas()
        if canvas is None:
            return
        self._previous_tool = canvas.mapTool()
        self._tool = QgsMapToolEmitPoint(canvas)

        def clicked(point, _button):
            transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), WGS84,
                                               self.project)
            p = transform.transform(point)
            callback((p.x(), p.y()))
            canvas.setMapTool(self._previous_tool) if self._previous_tool else canvas.unsetMapTool(
                self._tool)
        self._tool.canvasClicked.connect(clicked)
        canvas.setMapTool(self._tool)
