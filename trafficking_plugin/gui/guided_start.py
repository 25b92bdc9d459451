"""The guided start: a province's first steps (create the database, import the first agency
files, crosswalk, score) in one small dialog. Each step opens its own Processing dialog with the
current database and data year filled in; a tick shows the steps the database has done."""
from __future__ import annotations

from collections.abc import Callable

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ..core import database
from ..core.errors import CoreError
from ..i18n.translation import tr_noop


def tr(text: str) -> str:
    return QCoreApplication.translate("GuidedStart", text)


# (algorithm id, button label, what the step does); in the order of the work.
STEPS = (
    ("trafficking:createdatabase", tr_noop("1. Create the province database…"),
     tr_noop("From the sub-district boundaries (and village points) of your province.")),
    ("trafficking:importsecondarydata", tr_noop("2. Import the agency files…"),
     tr_noop("One file at a time, or several with Run as Batch Process…")),
    ("trafficking:crosswalk", tr_noop("3. Crosswalk the agency codes…"),
     tr_noop("Links persons across agencies and maps their codes to the standard.")),
    ("trafficking:scoreriskindex", tr_noop("4. Score the risk index…"),
     tr_noop("Risk of every person, village, sub-district and district.")),
)


def steps_done(path: str | None, year: int | None) -> tuple[bool, bool, bool, bool]:
    """Which steps the database has done for the data year (Common Era): created, files
    imported, crosswalked, scored. A missing or foreign file has done none."""
    if not path:
        return False, False, False, False
    try:
        with database.reading(path) as conn:
            def has(sql: str) -> bool:
                return conn.execute(sql, (year,)).fetchone() is not None
            return (True,
                    has("SELECT 1 FROM import_run WHERE status = 'succeeded' AND data_year = ?"),
                    has("SELECT 1 FROM person WHERE data_year = ? LIMIT 1"),
                    has("SELECT 1 FROM risk_run WHERE data_year = ?"))
    except CoreError:
        return False, False, False, False


class GuidedStart(QDialog):
    """The four steps as buttons. ``current()`` gives the current (database, C.E. year), read
    again after every step; ``open_dialog(algorithm id, parameters)`` opens a Processing dialog."""

    def __init__(self, current: Callable[[], tuple[str | None, int | None]],
                 open_dialog: Callable[[str, dict], object], parent=None):
        super().__init__(parent)
        self.current, self.open_dialog = current, open_dialog
        self.setWindowTitle(tr("Guided start"))
        self.where = QLabel()
        self.where.setWordWrap(True)
        grid = QGridLayout()
        self.buttons, self.ticks = [], []
        for row, (algorithm, label, what) in enumerate(STEPS):
            button = QPushButton(tr(label))
            button.clicked.connect(lambda _checked=False, a=algorithm: self.run_step(a))
            tick = QLabel()
            grid.addWidget(tick, row, 0)
            grid.addWidget(button, row, 1)
            grid.addWidget(QLabel(tr(what)), row, 2)
            self.buttons.append(button)
            self.ticks.append(tick)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("The first steps of a province, in order. Each opens its "
                                   "dialog with the current database and data year.")))
        layout.addWidget(self.where)
        layout.addLayout(grid)
        layout.addWidget(close)
        self.refresh()

    def parameters(self) -> dict:
        path, year = self.current()
        return {key: value for key, value in (("DATABASE", path), ("DATA_YEAR", year)) if value}

    def run_step(self, algorithm: str) -> None:
        parameters = {} if algorithm == "trafficking:createdatabase" else self.parameters()
        self.open_dialog(algorithm, parameters)
        self.refresh()

    def refresh(self) -> None:
        path, year = self.current()
        self.where.setText(tr("Current database: {}; data year: {}").format(
            path or tr("none yet"), year or "-"))
        done = steps_done(path, year)
        for tick, finished in zip(self.ticks, done):
            tick.setText("✓" if finished else "")
        # A step needs the one before it; a done step may be run again.
        for index, button in enumerate(self.buttons):
            button.setEnabled(index == 0 or done[index - 1])
