"""Small input widgets of the lessons-learned dock, each with ``value()`` / ``set_value()``:
values are what the case tables store (HTCDS value names, space separated for multi-select)."""
from qgis.PyQt.QtCore import QCoreApplication, QDate, QLocale, Qt
from qgis.PyQt.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ..core.cases import case_records
from ..core.thai_calendar import shown_date
from ..i18n.translation import buddhist_era, tr_noop, ui_language


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
    tr_noop("exploitation"), tr_noop("rescue"), tr_noop("Date"), tr_noop("Village"), tr_noop("Place"),
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


class NumberField(TextField):
    """A decimal number (a longitude or latitude); ``problem()`` names text that is not one, so
    a typo such as 98.9x is refused with a message, never dropped."""

    def value(self):
        text = self.text().strip().replace(",", ".")
        try:
            return float(text) if text else None
        except ValueError:
            return None

    def problem(self):
        if self.text().strip() and self.value() is None:
            return tr("'{}' is not a number: write e.g. 98.9853").format(self.text().strip())
        return None


class DateField(QWidget):
    """A date: typed in either era (15/03/2567, 2024-03-15) or picked from a calendar, shown
    the way the plugin's era option says (23/07/2567 in the Buddhist era, else 2024-07-23).
    ``value()`` is the ISO date, or the text as typed when it is not a date (validation names
    it), or None."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.buddhist_era = buddhist_era()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("dd/mm/yyyy (B.E.)") if self.buddhist_era else "yyyy-mm-dd")
        self.calendar = QCalendarWidget()
        if language() == "th":
            self.calendar.setLocale(QLocale(QLocale.Thai, QLocale.Thailand))
        self.calendar.clicked.connect(self.pick)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._show_current)
        self.button = QToolButton()
        self.button.setText("…")
        self.button.setToolTip(tr("Pick the date on a calendar"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.InstantPopup)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def _show_current(self):
        iso = self.value()
        day = QDate.fromString(iso, "yyyy-MM-dd") if iso else QDate.currentDate()
        self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def pick(self, day):
        """A calendar day (QDate) into the field, in the era shown."""
        self.edit.setText(shown_date(day.year(), day.month(), day.day(), self.buddhist_era))
        self.menu.close()

    def value(self):
        text = self.edit.text().strip()
        if not text:
            return None
        iso, _ = case_records.normalise_date(text)
        return iso or text

    def shown(self, value):
        """A stored date as this field shows it (the text itself when it is not a date)."""
        iso, _ = case_records.normalise_date(value)
        if iso:
            year, month, day = (int(part) for part in iso.split("-"))
            return shown_date(year, month, day, self.buddhist_era)
        return "" if value is None else str(value)

    def set_value(self, value):
        self.edit.setText(self.shown(value))


class VillagePicker(QComboBox):
    """A village of the database's village layer, searched by code or name as one types.
    ``value()`` is the village code; a code typed that is not in the list is returned as typed,
    so that validation says so."""

    def __init__(self, villages, parent=None):
        """``villages``: [(code, label)] in list order."""
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.addItem("", None)
        for code, label in villages:
            self.addItem(label, code)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(tr("Type a village code or name"))

    def value(self):
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFixedString)
        if index > 0:
            return self.itemData(index)
        index = self.findData(text)
        return self.itemData(index) if index > 0 else text

    def set_value(self, value):
        index = self.findData(value) if value not in (None, "") else 0
        if index < 0:
            self.setEditText(str(value))
        else:
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
