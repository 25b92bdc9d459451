"""The form of one organisation or network member: fields, inline messages, location.

It only reads and shows values: checks come from core.network, saving is the dock's job.
"""
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ..core.network import directory
from ..i18n.translation import tr_noop, ui_language
from .message_label import message_label


def tr(text):
    return QCoreApplication.translate("TraffickingNetwork", text)


def named(item):
    """A catalogue entry's name in QGIS's language (network_types.yaml has Thai and English)."""
    return item["name_th"] if ui_language() == "th" else item["name_en"]


LABELS = {
    "name": tr_noop("Name"), "name_en": tr_noop("Name in English"), "type": tr_noop("Type"),
    "role": tr_noop("Role"), "organization_id": tr_noop("Organisation"), "phone": tr_noop("Phone"),
    "email": tr_noop("Email"), "line_id": tr_noop("LINE ID"), "address": tr_noop("Address"),
    "areas": tr_noop("Areas (district / sub-district codes)"), "mandate": tr_noop("Mandate"),
    "specialisations": tr_noop("Specialisations (comma separated)"), "limitations": tr_noop("Limitations"),
    "languages": tr_noop("Languages"), "availability": tr_noop("Availability"),
}


def _add_language(widget, label, stored):
    """A checkable language item: ``label`` shown, ``stored`` the text values() writes."""
    item = QListWidgetItem(label)
    item.setData(Qt.UserRole, stored)
    item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
    item.setCheckState(Qt.Unchecked)
    widget.addItem(item)
    return item


class RecordForm(QWidget):
    """Edit widgets per field, each with a message label beside it; emits ``changed``."""
    changed = pyqtSignal()
    pick_requested = pyqtSignal()

    def __init__(self, kind, catalogue, parent=None):
        super().__init__(parent)
        self.kind, self.catalogue = kind, catalogue
        self.point = None              # (lon, lat) in EPSG:4326, or None
        self.widgets, self.messages = {}, {}
        self._stored_languages = []    # the languages as the record stores them, in its order
        self.loaded, self.loaded_point = {}, None   # what set_values showed
        form = QFormLayout(self)
        for name in directory.FIELDS[kind]:
            if name == "phone_e164":
                continue               # derived from phone, shown beside it
            widget = self._widget(name)
            self.widgets[name] = widget
            self.messages[name] = message_label()
            if name == "phone":
                self.e164 = QLabel()
                row = QHBoxLayout()
                row.addWidget(widget)
                row.addWidget(self.e164)
                form.addRow(tr(LABELS[name]), row)
            else:
                form.addRow(tr(LABELS[name]), widget)
            form.addRow("", self.messages[name])
        self.location = QLabel(tr("No location"))
        self.pick = QPushButton(tr("Pick on map"))
        self.pick.clicked.connect(self.pick_requested)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(self.pick)
        if kind == directory.MEMBER:
            self.use_org = QPushButton(tr("Organisation's location"))
            row.addWidget(self.use_org)
        form.addRow(tr("Office location"), row)

    def _widget(self, name):
        if name == "type":
            box = QComboBox()
            box.addItem("", None)
            for t in self.catalogue.types:
                box.addItem(named(t), t["code"])
            box.currentIndexChanged.connect(self.changed)
            return box
        if name == "organization_id":
            box = QComboBox()
            box.currentIndexChanged.connect(self.changed)
            return box
        if name == "languages":
            languages = QListWidget()
            for lang in self.catalogue.languages:
                _add_language(languages, named(lang), lang["name_en"])
            languages.setMaximumHeight(110)
            languages.itemChanged.connect(lambda _item: self.changed.emit())
            return languages
        edit = QLineEdit()
        edit.textChanged.connect(self.changed)
        if name == "phone":
            edit.setPlaceholderText("081-234-5678")
        if name == "areas":
            edit.setPlaceholderText("5001 500203")
        return edit

    def set_organizations(self, names):
        """{fid: name} of the organisations a member can belong to."""
        box = self.widgets.get("organization_id")
        if box is None:
            return
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem("", None)
        for fid, name in sorted(names.items(), key=lambda item: str(item[1])):
            box.addItem(str(name), fid)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)

    def values(self):
        """{field: value} as typed (None for empty)."""
        out = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QListWidget):
                chosen = [widget.item(i).data(Qt.UserRole) for i in range(widget.count())
                          if widget.item(i).checkState() == Qt.Checked]
                # the stored order first, then what was ticked since
                ordered = [t for t in self._stored_languages if t in chosen]
                out[name] = ", ".join(ordered + [t for t in chosen if t not in ordered]) or None
            else:
                out[name] = widget.text().strip() or None
        return out

    def set_values(self, record, point=None):
        """Show a record (not a user's change: ``changed`` is not emitted). What it shows reads
        back from ``values()`` as ``loaded`` until the user changes it."""
        for name, widget in self.widgets.items():
            value = record.get(name)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QListWidget):
                self._show_languages(widget, directory.split_list(value))
            else:
                widget.setText("" if value is None else str(value))
            widget.blockSignals(False)
        self.set_point(point)
        self.loaded, self.loaded_point = self.values(), point

    def _show_languages(self, widget, stored):
        """Tick the catalogue's languages a record holds, matched by code, English or Thai name;
        each ticked item keeps the text as stored (``th`` stays ``th``), and a language the
        catalogue lacks is shown as an extra ticked item, so nothing is lost on saving."""
        known = len(self.catalogue.languages)
        while widget.count() > known:
            widget.takeItem(known)
        by_alias = {}
        for i, lang in enumerate(self.catalogue.languages):
            for alias in (lang.get("code"), lang["name_en"], lang["name_th"]):
                if alias:
                    by_alias.setdefault(str(alias).lower(), i)
        for i, lang in enumerate(self.catalogue.languages):
            widget.item(i).setData(Qt.UserRole, lang["name_en"])
            widget.item(i).setCheckState(Qt.Unchecked)
        self._stored_languages = []
        for token in stored:
            i = by_alias.get(token.lower())
            if i is None or widget.item(i).checkState() == Qt.Checked:
                _add_language(widget, token, token)
                i = widget.count() - 1
            widget.item(i).setData(Qt.UserRole, token)
            widget.item(i).setCheckState(Qt.Checked)
            self._stored_languages.append(token)

    def changed_values(self):
        """{field: value} of the fields the user changed since ``set_values``."""
        now = self.values()
        return {name: value for name, value in now.items() if value != self.loaded.get(name)}

    def set_point(self, point):
        self.point = point
        self.location.setText(tr("No location") if point is None
                              else f"{point[1]:.5f}, {point[0]:.5f}")

    def show_problems(self, found):
        """Show each field's message beside it; hide the others."""
        for name, label in self.messages.items():
            label.setText(found[name].format(tr) if name in found else "")
            label.setVisible(name in found)
        good, bad = directory.phones_e164(self.values().get("phone"))
        self.e164.setText(" ".join(good) if good and not bad else "")
