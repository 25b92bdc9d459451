"""The "Add satellite basemap…" dialog: a thin form over trafficking_plugin.basemap."""
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from ..outputs import basemap
from ..outputs.basemap import tr
from .message_label import message_label


class BasemapDialog(QDialog):
    """Name, URL template, zoom range and attribution; inline messages; OK saves and adds."""

    def __init__(self, project=None, parent=None):
        super().__init__(parent)
        self.project = project
        self.layer = None
        self.setWindowTitle(tr("Add satellite basemap"))
        self.name = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://tiles.example.com/{z}/{x}/{y}.jpg")
        self.zmin = QSpinBox()
        self.zmax = QSpinBox()
        for box in (self.zmin, self.zmax):
            box.setRange(0, basemap.MAX_ZOOM)
        self.attribution = QLineEdit()
        self.attribution.setPlaceholderText(tr("e.g. © your imagery provider"))
        self.messages = {field: message_label() for field in ("name", "url", "zoom", "add")}

        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow("", self.messages["name"])
        form.addRow(tr("URL template"), self.url)
        form.addRow("", self.messages["url"])
        form.addRow(tr("Minimum zoom"), self.zmin)
        form.addRow(tr("Maximum zoom"), self.zmax)
        form.addRow("", self.messages["zoom"])
        form.addRow(tr("Attribution (optional)"), self.attribution)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Your own imagery provider's XYZ tiles. The connection is also "
                                   "listed under XYZ Tiles in the Browser.")))
        layout.addLayout(form)
        layout.addWidget(self.messages["add"])
        layout.addWidget(self.buttons)

        self._fill(basemap.last_basemap() or basemap.Basemap("", "", 0, 19))
        for edit in (self.name, self.url):
            edit.textChanged.connect(self.check)
        for box in (self.zmin, self.zmax):
            box.valueChanged.connect(self.check)
        self.check()

    def _fill(self, value):
        self.name.setText(value.name)
        self.url.setText(value.url)
        self.zmin.setValue(value.zmin)
        self.zmax.setValue(value.zmax)
        self.attribution.setText(value.attribution)

    def value(self):
        return basemap.Basemap(self.name.text(), self.url.text(), self.zmin.value(), self.zmax.value(),
                               self.attribution.text().strip())

    def check(self):
        """Show what to fix beside each field; OK only when nothing is left. Returns the problems."""
        found = basemap.problems(self.value())
        for field in ("name", "url", "zoom"):
            self.messages[field].setText(found.get(field, ""))
            self.messages[field].setVisible(field in found)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not found)
        return found

    def accept(self):
        if self.check():
            return
        try:
            self.layer = basemap.save_and_add(self.value(), self.project)
        except ValueError as error:   # QGIS could not open it: say so, keep the dialog open
            self.messages["add"].setText(str(error))
            self.messages["add"].show()
            return
        super().accept()
