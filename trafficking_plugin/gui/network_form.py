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


class RecordForm(QWidget):
    """Edit widgets per field, each with a message label beside it; emits ``changed``."""
    changed = pyqtSignal()
    pick_requested = pyqtSignal()

    def __init__(self, kind, catalogue, parent=None):
        super().__init__(parent)
        self.kind, self.catalogue = kind, catalogue
        self.point = None              # (lon, lat) in EPSG:4326, or None
        self.widgets, self.messages = {}, {}
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
                item = QListWidgetItem(named(lang))
                item.setData(Qt.UserRole, lang["name_en"])
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
                languages.addItem(item)
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
                out[name] = ", ".join(chosen) or None
            else:
                out[name] = widget.text().strip() or None
        return out

    def set_values(self, record, point=None):
        for name, widget in self.widgets.items():
            value = record.get(name)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QListWidget):
                chosen = {v.lower() for v in directory.split_list(value)}
                for i in range(widget.count()):
                    item = widget.item(i)
                    item.setCheckState(Qt.Checked if str(item.data(Qt.UserRole)).lower() in chosen
                                       else Qt.Unchecked)
            else:
                widget.setText("" if value is None else str(value))
            widget.blockSignals(False)
        self.set_point(point)
        self.changed.emit()

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
