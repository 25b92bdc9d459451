"""The data-year box of the Processing dialogs and batch rows: it follows the database chosen
beside it (its latest data year, or the year offered for a new database) until the user types
a year. The rule itself is core/data_years.py; the Modeler keeps QGIS's own number panel."""
from __future__ import annotations

import warnings

from processing.gui.wrappers import DIALOG_BATCH, DIALOG_STANDARD, NumberWidgetWrapper

from ..core import thai_calendar
from ..core.data_years import default_data_year, latest_data_year
from ..i18n.translation import buddhist_era

DATABASE = "DATABASE"


class DataYearWidgetWrapper(NumberWidgetWrapper):
    """QGIS's number wrapper (standard, batch and Modeler widgets) plus the year that follows
    the database."""

    def __init__(self, *args, **kwargs):
        with warnings.catch_warnings():      # the Python number wrapper is marked deprecated
            warnings.simplefilter("ignore", DeprecationWarning)
            super().__init__(*args, **kwargs)
        self.typed = False                   # a year the user typed is never replaced
        self.following = False

    def postInitialize(self, wrappers):  # noqa: N802
        super().postInitialize(wrappers)
        if self.dialogType not in (DIALOG_STANDARD, DIALOG_BATCH):
            return
        self.widget.hasChanged.connect(self.year_changed)
        for wrapper in wrappers:
            if wrapper.parameterDefinition().name() == DATABASE:
                wrapper.widgetValueHasChanged.connect(self.database_changed)

    def year_changed(self, *_args):
        if not self.following:
            self.typed = True

    def database_changed(self, wrapper):
        if self.typed:
            return
        path = wrapper.parameterValue()
        year = default_data_year(latest_data_year(str(path) if path else None),
                                 self.offered_ce_year())
        self.following = True
        try:
            self.setValue(thai_calendar.shown_year(year, buddhist_era()))
        finally:
            self.following = False

    def offered_ce_year(self) -> int | None:
        """The parameter's default (the current database's year) in the Common Era."""
        default = self.parameterDefinition().defaultValue()
        try:
            return thai_calendar.ce_year(int(default)) if default else None
        except (TypeError, ValueError):
            return None
