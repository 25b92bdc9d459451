"""The Lessons-learned dock: a filterable list of cases and a form for one case.

Thin over core services: ``core.cases`` validates and makes the victim's pseudonym,
``gui.case_store`` edits the layers' buffers (undo, commit, QGIS's commit errors),
``core.htcds_export`` writes the HTCDS export. The list is a light model over the case layer: it
reads a few attributes, no geometry, and fetches rows in batches as the view scrolls.
"""
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.cases import case_records, htcds_export
from ..core.errors import CoreError
from ..core.feedback import error_text
from ..core.ingest import pseudonym
from ..core.network import directory
from ..core.thai_calendar import ce_year, shown_date
from ..i18n.translation import buddhist_era
from . import layer_edits
from .case_store import CaseStore
from .layer_edits import EditError
from .case_widgets import (
    ChoiceCombo,
    DateField,
    MultiPicklist,
    NumberField,
    PicklistCombo,
    TextField,
    VillagePicker,
    caption,
    language,
    tr,
)
from .message_label import message_label

BATCH = 500          # rows fetched at a time by the list


_ROOT = QModelIndex()      # the invisible root: Qt's default parent of a table model

class CaseListModel(QAbstractTableModel):
    """Cases matching a filter expression, fetched BATCH at a time (canFetchMore/fetchMore)."""
    COLUMNS = ("case_key", "status", "exploitation_type", "age_trafficked", "gender", "recorded_at")

    def __init__(self, layer, parent=None):
        super().__init__(parent)
        self.layer = layer
        self.rows = []
        self._iterator = None
        self.headers = (tr("Case"), caption("Status"), caption("Exploitation"), tr("Age"), tr("Gender"),
                        tr("Recorded"))
        self.buddhist_era = buddhist_era()     # how the Recorded dates read (the plugin's setting)
        self.set_filter("")

    def set_filter(self, expression):
        self.beginResetModel()
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(["fid", *self.COLUMNS], self.layer.fields())
        if expression:
            request.setFilterExpression(expression)
        self._iterator = self.layer.getFeatures(request)
        self.rows = self._read(BATCH)
        self.endResetModel()

    def _read(self, count):
        """Up to ``count`` more rows from the open iterator; drops it when exhausted."""
        fetched = []
        for feature in self._iterator:
            # The fid attribute, not feature.id(): a case not yet committed has a temporary id.
            fetched.append((feature.attribute("fid"),) + tuple(feature.attribute(c) for c in self.COLUMNS))
            if len(fetched) >= count:
                break
        else:
            self._iterator = None
        return fetched

    def canFetchMore(self, parent=_ROOT):  # noqa: N802 (Qt's name)
        return not parent.isValid() and self._iterator is not None

    def fetchMore(self, parent=_ROOT):  # noqa: N802
        if self._iterator is None:
            return
        first = len(self.rows)
        fetched = self._read(BATCH)
        if fetched:
            self.beginInsertRows(QModelIndex(), first, first + len(fetched) - 1)
            self.rows.extend(fetched)
            self.endInsertRows()

    def rowCount(self, parent=_ROOT):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT):  # noqa: N802
        return len(self.COLUMNS)

    def fid(self, row):
        return self.rows[row][0]

    def data(self, index, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or not index.isValid():
            return None
        value = self.rows[index.row()][index.column() + 1]
        if value is None or (hasattr(value, "isNull") and value.isNull()):
            return ""
        column = self.COLUMNS[index.column()]
        lang = language()
        if column == "status":
            return case_records.value_label("cas_Status", value, lang)
        if column == "gender":
            return case_records.value_label("prs_Gender", value, lang)
        if column == "exploitation_type":
            return ", ".join(case_records.value_label("vic_TypeOfExploitation", v, lang)
                             for v in case_records.split_values(value))
        if column == "case_key":
            return value[:8]          # enough to tell cases apart in a list
        if column == "recorded_at" and hasattr(value, "toString"):
            day = value.date() if hasattr(value, "time") else value      # QDateTime or QDate
            return shown_date(day.year(), day.month(), day.day(), self.buddhist_era)
        return str(value)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None


class ChildEditor(QWidget):
    """Rows of one child table (events, perpetrators, support plans): a table of the case's rows,
    an entry form under it, Add / Update / Remove, and an inline message."""

    def __init__(self, fields, validate, parent=None):
        super().__init__(parent)
        self.fields = fields            # [(column, label, widget)]
        self.validate = validate
        self.rows = []
        self.table = QTableWidget(0, len(fields))
        self.table.setHorizontalHeaderLabels([label for _, label, _ in fields])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.itemSelectionChanged.connect(self._selected)
        self.message = message_label()
        form = QFormLayout()
        for _, label, widget in fields:
            form.addRow(label, widget)
        self.add_button = QPushButton(tr("Add"))
        self.update_button = QPushButton(tr("Update selected"))
        self.remove_button = QPushButton(tr("Remove selected"))
        self.add_button.clicked.connect(lambda: self.add())
        self.update_button.clicked.connect(lambda: self.add(replace=True))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.update_button, self.remove_button):
            buttons.addWidget(b)
        self.extra = QHBoxLayout()      # room for e.g. the map-pick button
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(self.extra)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def entry(self):
        return {column: widget.value() for column, _, widget in self.fields}

    def label(self, column):
        """A column's label as the form shows it ("place": where the step happened)."""
        return next((label for c, label, _ in self.fields if c == column), caption("Place")
                    if column == "place" else column)

    def problems(self, row):
        """{column: message} of a row: what the widgets could not read, then the core's checks."""
        found = {column: widget.problem() for column, _, widget in self.fields
                 if hasattr(widget, "problem") and widget.problem()}
        return found or self.validate(row)

    def add(self, replace=False):
        """Validate the entry; add it (or replace the selected row). Returns the problems."""
        row = self.entry()
        problems = self.problems(row)
        self.message.setText("; ".join(f"{self.label(k)}: {v}" for k, v in problems.items()))
        self.message.setVisible(bool(problems))
        if problems:
            return problems
        selected = self.table.currentRow()
        if replace and 0 <= selected < len(self.rows):
            row["fid"] = self.rows[selected].get("fid")
            self.rows[selected] = row
        else:
            self.rows.append(row)
        self.set_rows(self.rows)
        return {}

    def remove(self):
        selected = self.table.currentRow()
        if 0 <= selected < len(self.rows):
            del self.rows[selected]
            self.set_rows(self.rows)

    def clear_entry(self):
        for _, _, widget in self.fields:
            widget.set_value(None)
        self.message.hide()

    def set_rows(self, rows):
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, (column, _, widget) in enumerate(self.fields):
                value = row.get(column)
                text = widget.shown(value) if hasattr(widget, "shown") else \
                    "" if value is None else str(value)
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _selected(self):
        selected = self.table.currentRow()
        if 0 <= selected < len(self.rows):
            for column, _, widget in self.fields:
                widget.set_value(self.rows[selected].get(column))


class CaseDock(QgsDockWidget):
    """Lessons learned (cases): list on top, the form of the chosen case below."""

    def __init__(self, database=None, iface=None, project=None, parent=None):
        """On ``database`` (a province GeoPackage), or on none yet: the dock then offers
        "Open GeoPackage…", like the Network dock."""
        super().__init__(tr("Lessons learned (cases)"), parent)
        self.setObjectName("TraffickingCaseDock")
        self.iface, self.project = iface, project or QgsProject.instance()
        self.database = self.store = self.body = None
        self.fid = None                  # the case in the form; None for a new one
        self._map_tool = None
        self.database_label = QLabel(tr("No province database open."))
        self.database_label.setWordWrap(True)
        self.open_button = QPushButton(tr("Open GeoPackage…"))
        self.open_button.clicked.connect(self.choose_database)
        top = QHBoxLayout()
        top.addWidget(self.database_label, 1)
        top.addWidget(self.open_button)
        outer = QWidget()
        self.outer_layout = QVBoxLayout(outer)
        self.outer_layout.addLayout(top)
        self.setWidget(outer)
        if database is not None:
            self.open_database(database)

    def choose_database(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Province database"), "",
                                              tr("GeoPackage (*.gpkg)"))
        if path:
            self.open_database(path)

    def open_database(self, path):
        """Show the cases of a province GeoPackage; False (the reason shown) when it has none."""
        try:
            store = CaseStore(str(path), self.project)
            villages = self._villages(str(path), layer_edits.open_layer(str(path), "village",
                                                                        self.project))
        except (EditError, CoreError):
            self.database_label.setText(tr("{} is not a province database with case tables.")
                                        .format(path))
            return False
        if self.body is not None:
            self.body.setParent(None)
        self.database, self.store = str(path), store
        self.identity_path = pseudonym.default_identity_path(self.database)
        self.villages, self.village_choices = villages
        self.database_label.setText(self.database)
        self.model = CaseListModel(self.store.case_layer)
        self.messages = {}
        self.widgets = {}
        self.body = QSplitter(Qt.Vertical)
        self.body.addWidget(self._list_panel())
        self.body.addWidget(self._form_panel())
        self.outer_layout.addWidget(self.body, 1)
        self.new_case()
        return True

    # --- the list -------------------------------------------------------------------------------
    def _list_panel(self):
        panel = QWidget()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search key, story, tags"))
        self.status_filter = PicklistCombo("cas_Status")
        self.exploitation_filter = PicklistCombo("vic_TypeOfExploitation")
        self.year_filter = QLineEdit()
        self.year_filter.setPlaceholderText(tr("Year (B.E. or C.E.)"))
        self.search.textChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.exploitation_filter.currentIndexChanged.connect(self.apply_filter)
        self.year_filter.textChanged.connect(self.apply_filter)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.clicked.connect(lambda index: self.open_case(self.model.fid(index.row())))
        grid = QGridLayout(panel)
        grid.addWidget(self.search, 0, 0, 1, 2)
        grid.addWidget(QLabel(caption("Status")), 1, 0)
        grid.addWidget(self.status_filter, 1, 1)
        grid.addWidget(QLabel(caption("Exploitation")), 2, 0)
        grid.addWidget(self.exploitation_filter, 2, 1)
        grid.addWidget(QLabel(caption("Year recorded")), 3, 0)
        grid.addWidget(self.year_filter, 3, 1)
        grid.addWidget(self.view, 4, 0, 1, 2)
        return panel

    def apply_filter(self):
        year = self.year_filter.text().strip()
        year = ce_year(int(year)) if year.isdigit() and len(year) == 4 else None
        self.model.set_filter(case_records.list_filter(self.search.text(), self.status_filter.value(),
                                                self.exploitation_filter.value(), year))

    # --- the form -------------------------------------------------------------------------------
    def _field(self, form, column, label, widget, htcds=None):
        """A labelled field with its inline message under it."""
        self.widgets[column] = widget
        self.messages[column] = message_label()
        thai = case_records.field_label(htcds, "th") if htcds else None
        form.addRow(caption(label, thai), widget)
        if htcds:
            widget.setToolTip(f"HTCDS v2.0: {htcds}")
        form.addRow("", self.messages[column])
        return widget

    def _form_panel(self):
        tabs = QTabWidget()
        victim = QFormLayout()
        self.victim_id = QLineEdit()
        self.victim_id.setPlaceholderText(tr("Thai ID or G code: kept only in the identity file"))
        self.messages["victim_id"] = message_label()
        victim.addRow(caption("Victim's ID (optional)"), self.victim_id)
        victim.addRow("", self.messages["victim_id"])
        self.key_label = QLabel()
        victim.addRow(caption("Case key (pseudonym)"), self.key_label)
        self._field(victim, "age_trafficked", "Age when trafficked", TextField(), "vic_AgeWhenTrafficked")
        self._field(victim, "gender", "Gender", PicklistCombo("prs_Gender"), "prs_Gender")
        self._field(victim, "citizenship", "Citizenship (ISO codes, e.g. TH MM)", TextField(),
                    "prs_Citizenship")
        legal = [(value, caption(label)) for value, label in (
            ("thai_citizen", "Thai citizen"), ("registered_non_citizen", "Registered non-citizen"),
            ("no_status", "No legal status"), ("registered_migrant", "Registered migrant"),
            ("irregular_migrant", "Irregular migrant"))]
        self._field(victim, "legal_status", "Legal status", ChoiceCombo(legal))
        self._field(victim, "ethnicity", "Ethnicity", TextField())
        self._field(victim, "education", "Education", PicklistCombo("prs_HighestLevelOfEducation"),
                    "prs_HighestLevelOfEducation")
        self._field(victim, "trafficking_status", "Trafficking status",
                    PicklistCombo("vic_TraffickingStatus"), "vic_TraffickingStatus")
        self._field(victim, "vulnerabilities", "Vulnerabilities", MultiPicklist("vic_Vulnerabilities"),
                    "vic_Vulnerabilities")
        tabs.addTab(_scrolled(victim), caption("Victim"))

        how = QFormLayout()
        for column, label in (
                ("recruitment_method", "Recruitment method"),
                ("recruitment_websites", "Recruitment websites and apps"),
                ("relationship_to_trafficker", "Relationship to trafficker"),
                ("means_of_control", "Means of control"),
                ("exploitation_type", "Type of exploitation"),
                ("forced_labour_industry", "Forced-labour industry (ISIC)"),
                ("sex_exploitation_type", "Sexual-exploitation type"),
                ("exploitation_websites", "Exploitation websites and apps")):
            field, multi = case_records.CASE_PICKLISTS[column]
            widget = MultiPicklist(field) if multi else PicklistCombo(field)
            self._field(how, column, label, widget, field)
        tabs.addTab(_scrolled(how), caption("Recruitment and exploitation"))

        self.perpetrators = ChildEditor([
            ("role_in_process", caption("Roles"), MultiPicklist("per_RoleInProcess")),
            ("relationship_to_victim", caption("Relationship"),
             PicklistCombo("vic_RelationshipToTrafficker")),
            ("sex", caption("Sex"), ChoiceCombo([(v, caption(v)) for v in case_records.SEXES])),
            ("nationality", caption("Nationality (ISO code)"), TextField()),
            ("role_details", caption("Role details (no names)"), TextField()),
        ], case_records.validate_perpetrator)
        tabs.addTab(self.perpetrators, caption("Perpetrators"))

        self.events = ChildEditor([
            ("event_type", caption("Step"), ChoiceCombo([("recruitment", caption("recruitment")),
                                                    ("transit", caption("transit")),
                                                    ("exploitation", caption("exploitation")),
                                                    ("rescue", caption("rescue"))])),
            ("event_date", caption("Date"), DateField()),
            ("village_code", caption("Village"), VillagePicker(self.village_choices)),
            ("country", caption("Country (abroad, ISO code)"), TextField()),
            ("place_name", caption("Place name (abroad)"), TextField()),
            ("lon", caption("Longitude"), NumberField()),
            ("lat", caption("Latitude"), NumberField()),
            ("description", caption("What happened (no names)"), TextField()),
        ], lambda row: case_records.validate_event(row, self.villages))
        self.pick_button = QPushButton(tr("Pick the place on the map"))
        self.pick_button.setEnabled(self.iface is not None)
        self.pick_button.clicked.connect(self.pick_point)
        self.events.extra.addWidget(self.pick_button)
        tabs.addTab(self.events, caption("Route"))

        organisations = self._organisations()
        self.supports = ChildEditor([
            ("support_type", caption("Support"), PicklistCombo("spl_Type")),
            ("organization_id", caption("Organisation"), ChoiceCombo(organisations)),
            ("objectives", caption("Objectives"), TextField()),
            ("action_plan", caption("Action plan"), TextField()),
            ("planned_end_date", caption("Planned end date"), DateField()),
            ("actual_end_date", caption("Actual end date"), DateField()),
        ], case_records.validate_support)
        tabs.addTab(self.supports, caption("Support"))

        case = QFormLayout()
        self._field(case, "status", "Case status", PicklistCombo("cas_Status"), "cas_Status")
        self._field(case, "closure_reason", "Reason for closure", TextField(), "cas_ReasonForCaseClosure")
        self._field(case, "referring_organization_id", "Referred by", ChoiceCombo(organisations),
                    "cas_ReferringOrganisation")
        self._field(case, "incoming_referral_date", "Date referred in", DateField(),
                    "cas_IncomingReferralDate")
        self._field(case, "referred_organization_id", "Referred to", ChoiceCombo(organisations),
                    "cas_ReferredOrganisation")
        self._field(case, "outgoing_referral_date", "Date referred out", DateField(),
                    "cas_OutgoingReferralDate")
        self._field(case, "story", "How the person was tricked (no names)", _StoryField())
        self._field(case, "tags", "Tags (space separated)", TextField())
        tabs.addTab(_scrolled(case), caption("Case and story"))
        self.tabs = tabs

        self.new_button = QPushButton(tr("New case"))
        self.apply_button = QPushButton(tr("Apply"))
        self.undo_button = QPushButton(tr("Undo"))
        self.save_button = QPushButton(tr("Save"))
        self.delete_button = QPushButton(tr("Delete case"))
        self.discard_button = QPushButton(tr("Discard edits"))
        self.export_button = QPushButton(tr("Export HTCDS…"))
        self.new_button.clicked.connect(self.new_case)
        self.apply_button.clicked.connect(lambda: self.apply())
        self.undo_button.clicked.connect(self.undo)
        self.save_button.clicked.connect(lambda: self.save())
        self.delete_button.clicked.connect(lambda: self.delete_case())
        self.discard_button.clicked.connect(self.discard)
        self.export_button.clicked.connect(lambda: self.export())
        self.status = message_label()
        buttons = QHBoxLayout()
        for b in (self.new_button, self.apply_button, self.undo_button, self.save_button,
                  self.delete_button, self.discard_button, self.export_button):
            buttons.addWidget(b)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(tabs)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        return panel

    def _organisations(self):
        return directory.organisation_names(self.database)

    @staticmethod
    def _villages(database, layer):
        """({code: (lon, lat)}, [(code, label)]) of the village layer; a label reads
        "50010101 บ้านสันป่าข่อย, ต.ศรีภูมิ" so either the code or a name finds it."""
        names = directory.known_areas(database)
        points, choices = {}, []
        for feature in layer.getFeatures():
            code = feature["code"]
            if feature.hasGeometry():
                point = feature.geometry().asPoint()
                points[code] = (point.x(), point.y())
            sub = names.get(str(feature["subdistrict_code"])) if "subdistrict_code" in \
                feature.fields().names() else None
            label = " ".join(str(part) for part in (code, layer_edits.plain(feature["name_th"]))
                             if part)
            choices.append((code, f"{label}, {tr('t.')} {sub}" if sub else label))
        return points, sorted(choices)

    # --- form <-> records -----------------------------------------------------------------------
    def record(self):
        return {column: widget.value() for column, widget in self.widgets.items()}

    def children(self):
        return {"case_event": self.events.rows, "case_perpetrator": self.perpetrators.rows,
                "case_support": self.supports.rows}

    def show_case(self, fid, record, children):
        self.fid = fid
        for column, widget in self.widgets.items():
            widget.set_value(record.get(column))
        self.key_label.setText(record.get("case_key") or tr("(made when saved)"))
        self.case_key = record.get("case_key")
        self._identity = None           # (case_key, id_kind, ID) waiting for the commit
        self.victim_id.clear()
        for editor in (self.events, self.perpetrators, self.supports):
            editor.clear_entry()
        self.events.set_rows(children.get("case_event", []))
        self.perpetrators.set_rows(children.get("case_perpetrator", []))
        self.supports.set_rows(children.get("case_support", []))
        self.show_problems({})

    def new_case(self):
        self.show_case(None, {}, {})

    def open_case(self, fid):
        record, children = self.store.load(fid)
        self.show_case(fid, record, children)

    def show_problems(self, problems):
        for column, label in self.messages.items():
            label.setText(problems.get(column, ""))
            label.setVisible(column in problems)

    def check(self):
        """Validate the form; show messages beside the fields. Returns the problems."""
        problems = case_records.validate_case(self.record())
        if self.victim_id.text().strip():
            try:
                case_records.parse_victim_id(self.victim_id.text())
            except case_records.CaseError as error:
                problems["victim_id"] = error_text(error)
        for name, tab, editor in (("case_event", "Route", self.events),
                                  ("case_perpetrator", "Perpetrators", self.perpetrators),
                                  ("case_support", "Support", self.supports)):
            for number, row in enumerate(editor.rows, start=1):
                for column, message in editor.validate(row).items():
                    # "Route, row 2, Village: ...": the words the form shows, not column names
                    problems.setdefault(f"{name}.{column}", tr("{tab}, row {row}, {field}: {message}")
                                        .format(tab=caption(tab), row=number,
                                                field=editor.label(column), message=message))
        self.show_problems(problems)
        children = [problems[k] for k in problems if "." in k]
        self._say("; ".join(children) or
                  (tr("Fix the fields marked in red.") if problems else ""), error=True)
        return problems

    def _say(self, text, error=False):
        self.status.setStyleSheet("color: #b00020" if error else "color: #1b5e20")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # --- actions --------------------------------------------------------------------------------
    def apply(self):
        """The form into the edit buffers (undoable). Returns the fid, or None when invalid."""
        if self.check():
            return None
        record = self.record()
        for column in ("incoming_referral_date", "outgoing_referral_date"):
            record[column] = case_records.normalise_date(record[column])[0]
        typed = self.victim_id.text().strip()
        if typed:
            self._identity = case_records.case_key_for(self.database, typed, self.identity_path)
            self.case_key = self._identity[0]
        elif not self.case_key:
            self.case_key = case_records.case_key_for(self.database)[0]
        record["case_key"] = self.case_key
        children = {table: [self._normalised(table, r) for r in rows]
                    for table, rows in self.children().items()}
        self.fid = self.store.apply(self.fid, record, children, self.villages)
        self.key_label.setText(self.case_key)
        self._say(tr("Applied to the edit buffer: Save writes it, Undo takes it back."))
        return self.fid

    @staticmethod
    def _normalised(table, row):
        row = dict(row)
        for column in ("event_date", "planned_end_date", "actual_end_date"):
            if column in row:
                row[column] = case_records.normalise_date(row[column])[0]
        return row

    def undo(self):
        if self.store.undo():
            if self.store.exists(self.fid):
                self.open_case(self.fid)
            else:
                self.new_case()
            self._say(tr("Last change undone."))

    def save(self):
        """Apply the form and commit. On a refused commit, show QGIS's reasons and keep the form."""
        if self.apply() is None:
            return False
        identity = self._identity
        errors = self.store.commit()
        if errors:
            self._say(tr("The database refused the edits; nothing you typed is lost:") + "\n" +
                      "\n".join(errors), error=True)
            if self.iface is not None:
                self.iface.messageBar().pushCritical(tr("Lessons learned"), "\n".join(errors))
            return False
        if identity and identity[2]:
            # The raw ID only into the identity file, once the case exists.
            case_records.record_identity(self.database, identity[0], identity[1], identity[2], self.fid,
                                         self.identity_path)
        self._identity = None
        self.victim_id.clear()
        self.apply_filter()
        self.open_case(self.fid)
        self.select_in_list(self.fid)
        self._say(tr("Case saved."))
        return True

    def select_in_list(self, fid):
        """Select (and scroll to) a case's row in the list, fetching batches until it shows;
        False when the filter hides it."""
        while True:
            row = next((i for i, r in enumerate(self.model.rows) if r[0] == fid), None)
            if row is not None or not self.model.canFetchMore():
                break
            self.model.fetchMore()
        if row is None:
            self.view.clearSelection()
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def delete_case(self, confirm=True):
        """Delete the case in the form and its rows, and commit; QGIS's reasons if refused."""
        if self.fid is None or not self.store.exists(self.fid):
            return False
        if confirm and QMessageBox.question(
                self, tr("Delete case"), tr("Delete this case, its route, perpetrators and support "
                                            "plans? The audit log keeps a record.")) != QMessageBox.Yes:
            return False
        self.store.delete(self.fid)
        errors = self.store.commit()
        if errors:
            self._say(tr("The database refused the edits; nothing you typed is lost:") + "\n" +
                      "\n".join(errors), error=True)
            return False
        self.new_case()
        self.apply_filter()
        self._say(tr("Case deleted."))
        return True

    def discard(self):
        self.store.rollback()
        self.new_case()
        self.apply_filter()

    def export(self, stem=None):
        """HTCDS CSV and JSON of the committed cases; returns the files written."""
        if stem is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export cases (HTCDS)"), "", "JSON (*.json)")
            if not path:
                return []
            stem = os.path.splitext(path)[0]
        try:
            files = htcds_export.export_cases(self.database, stem)
        except CoreError as error:     # HtcdsExportError, and the database's own errors
            self._say(error_text(error), error=True)
            return []
        self._say(tr("Exported: {}").format(", ".join(os.path.basename(f) for f in files)))
        return files

    def pick_point(self):
        """Let the user click the event's place on the map canvas (lon/lat in EPSG:4326)."""
        from qgis.gui import QgsMapToolEmitPoint
        canvas = self.iface.mapCanvas()
        previous = canvas.mapTool()
        self._map_tool = QgsMapToolEmitPoint(canvas)

        def picked(point, _button):
            transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                               QgsCoordinateReferenceSystem("EPSG:4326"),
                                               QgsProject.instance())
            wgs = transform.transform(point)
            widgets = {c: w for c, _, w in self.events.fields}
            widgets["lon"].set_value(round(wgs.x(), 6))
            widgets["lat"].set_value(round(wgs.y(), 6))
            widgets["village_code"].set_value(None)
            canvas.setMapTool(previous) if previous else canvas.unsetMapTool(self._map_tool)

        self._map_tool.canvasClicked.connect(picked)
        canvas.setMapTool(self._map_tool)

    def closeEvent(self, event):  # noqa: N802
        if self._map_tool is not None and self.iface is not None:
            self.iface.mapCanvas().unsetMapTool(self._map_tool)
        super().closeEvent(event)


class _StoryField(QPlainTextEdit):
    def value(self):
        return self.toPlainText().strip() or None

    def set_value(self, value):
        self.setPlainText(value or "")


def _scrolled(form):
    form.setRowWrapPolicy(QFormLayout.WrapAllRows)      # labels above their fields: docks are narrow
    inner = QWidget()
    inner.setLayout(form)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    return area

