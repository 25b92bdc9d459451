"""Small input widgets of the lessons-learned dock, each with ``value()`` / ``set_value()``:
values are what the case tables store (HTCDS value names, space separated for multi-select)."""
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem

from ..core.cases import case_records
from ..i18n.translation import tr_noop, ui_language


def tr(text):
    return QCoreApplication.translate("CaseDock", text)


def language():
    """'th' when QGIS runs in Thai, else 'en' (picklist labels follow it)."""
    return "th" if ui_language() == "th" else "en"


# The form's labels: English in the source, Thai in i18n/trafficking_db_th.ts (Qt's way: one
# language at a time, following QGIS). Marked here because they are passed around before tr().
LABELS = (
    tr_noop("Victim"), tr_noop("Recruitment and exploitation"), tr_noop("Perpetrators"),
    tr_noop("Route"), tr_noop("Support"), tr_noop("Case and story"), tr_noop("Victim's ID (optional)"),
    tr_noop("Case key (pseudonym)"), tr_noop("Age when trafficked"), tr_noop("Gender"),
    tr_noop("Citizenship (ISO codes, e.g. TH MM)"), tr_noop("Legal status"), tr_noop("Ethnicity"),
    tr_noop("Education"), tr_noop("Trafficking status"), tr_noop("Vulnerabilities"),
    tr_noop("Recruitment method"), tr_noop("Recruitment websites and apps"),
    tr_noop("Relationship to trafficker"), tr_noop("Means of control"), tr_noop("Type of exploitation"),
    tr_noop("Forced-labour industry (ISIC)"), tr_noop("Sexual-exploitation type"),
    tr_noop("Exploitation websites and apps"), tr_noop("Roles"), tr_noop("Relationship"),
    tr_noop("Sex"), tr_noop("Nationality (ISO code)"), tr_noop("Role details (no names)"),
    tr_noop("Step"), tr_noop("Date (B.E. or C.E.)"), tr_noop("Village code"),
    tr_noop("Country (abroad, ISO code)"), tr_noop("Place name (abroad)"), tr_noop("Longitude"),
    tr_noop("Latitude"), tr_noop("What happened (no names)"), tr_noop("Organisation"),
    tr_noop("Objectives"), tr_noop("Action plan"), tr_noop("Planned end date"),
    tr_noop("Actual end date"), tr_noop("Case status"), tr_noop("Reason for closure"),
    tr_noop("Referred by"), tr_noop("Date referred in"), tr_noop("Referred to"),
    tr_noop("Date referred out"), tr_noop("How the person was tricked (no names)"),
    tr_noop("Tags (space separated)"), tr_noop("Status"), tr_noop("Exploitation"),
    tr_noop("Year recorded"), tr_noop("Thai citizen"), tr_noop("Registered non-citizen"),
    tr_noop("No legal status"), tr_noop("Registered migrant"), tr_noop("Irregular migrant"),
    tr_noop("male"), tr_noop("female"), tr_noop("unknown"), tr_noop("recruitment"), tr_noop("transit"),
    tr_noop("exploitation"), tr_noop("rescue"),
)


def caption(english, thai=None):
    """A field's label in QGIS's language: tr(english), or the HTCDS field's own Thai label
    (htcds.yaml) when the translation file has none and QGIS runs in Thai."""
    translated = tr(english)
    if translated == english and thai and language() == "th":
        return thai
    return translated


class TextField(QLineEdit):
    def value(self):
        return self.text().strip() or None

    def set_value(self, value):
        self.setText("" if value is None else str(value))


class ChoiceCombo(QComboBox):
    """One value from a list of (value, label); the first entry is blank (not known)."""

    def __init__(self, choices, parent=None):
        super().__init__(parent)
        self.set_choices(choices)

    def set_choices(self, choices):
        current = self.value() if self.count() else None
        self.clear()
        self.addItem("", None)
        for value, label in choices:
            self.addItem(label, value)
        self.set_value(current)

    def value(self):
        return self.currentData()

    def set_value(self, value):
        index = self.findData(value) if value not in (None, "") else 0
        if index < 0:      # a stored value outside the list stays visible (and fails validation)
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)


def picklist_choices(field):
    """(value, label) of an HTCDS picklist, labels in QGIS's language (htcds.yaml has both)."""
    lang = language()
    return [(v, case_records.value_label(field, v, lang)) for v in case_records.picklist(field)]


class PicklistCombo(ChoiceCombo):
    def __init__(self, field, parent=None):
        super().__init__(picklist_choices(field), parent)
        self.field = field
        self.setToolTip(field)


class MultiPicklist(QListWidget):
    """A multi-select picklist as checkable items; stored space separated."""

    def __init__(self, field, parent=None):
        super().__init__(parent)
        self.field = field
        self.setToolTip(field)
        for value, label in picklist_choices(field):
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(110)

    def _items(self):
        return [self.item(i) for i in range(self.count())]

    def value(self):
        chosen = [i.data(Qt.UserRole) for i in self._items() if i.checkState() == Qt.Checked]
        return " ".join(chosen) or None

    def set_value(self, value):
        wanted = set(case_records.split_values(value))
        for item in self._items():
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)
        for extra in sorted(wanted - {i.data(Qt.UserRole) for i in self._items()}):
            item = QListWidgetItem(extra)        # kept so that validation can name it
            item.setData(Qt.UserRole, extra)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.addItem(item)
