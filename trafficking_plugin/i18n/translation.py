"""The plugin's language and year display, read from QGIS's settings.

QGIS writes its interface language to ``locale/userLocale`` at start-up (the system's unless the
user overrode it), so plugins follow it. When it is Thai the plugin installs a QTranslator with
``trafficking_plugin/i18n/trafficking_db_th.qm``: the plugin ZIP ships it (scripts/package.py); a development
checkout compiles it from the .ts with lrelease on the fly (docs/translation.md).
"""
import hashlib
import os
import shutil
import subprocess
import tempfile

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = os.path.dirname(__file__)
BUDDHIST_ERA_KEY = "trafficking_db/buddhist_era"
BE_OFFSET = 543                 # B.E. 2567 = C.E. 2024 (core/thai_calendar.py)

_installed = []        # the QTranslator while installed: Qt does not keep a Python reference


def tr_noop(text):
    """Marks a label kept in a table for scripts/translations.py; tr(label) translates it later."""
    return text


def ui_language():
    """Two-letter code of QGIS's interface language, e.g. 'th' or 'en'."""
    locale = str(QgsSettings().value("locale/userLocale", "") or "") or QLocale().name()
    return locale[:2].lower()


def is_thai():
    return ui_language() == "th"


def buddhist_era():
    """Whether years are shown in the Buddhist era (2567) rather than the Common Era (2024)."""
    return QgsSettings().value(BUDDHIST_ERA_KEY, is_thai(), type=bool)


def year_text(year):
    """A C.E. data year as the user reads it in messages: 'พ.ศ. 2567' / 'ค.ศ. 2024' in Thai,
    'B.E. 2567' / '2024' in English, as the Buddhist-era option says."""
    year = int(year)
    if buddhist_era():
        return f"{'พ.ศ.' if is_thai() else 'B.E.'} {year + BE_OFFSET}"
    return f"ค.ศ. {year}" if is_thai() else str(year)


def shown_value(value):
    """A value of a core message as shown: its years (core thai_calendar.YearText, a text that
    knows its year; i18n imports nothing of the core) follow the option."""
    year = getattr(value, "year", None)
    return year_text(year) if isinstance(value, str) and isinstance(year, int) else value


def set_buddhist_era(on):
    QgsSettings().setValue(BUDDHIST_ERA_KEY, bool(on))


def qm_path(language):
    """The compiled translation of language: the shipped .qm of an installed plugin, or in a
    development checkout (which has the .ts) one compiled with lrelease into the temp folder."""
    name = f"trafficking_db_{language}"
    ts, shipped = os.path.join(I18N_DIR, name + ".ts"), os.path.join(I18N_DIR, name + ".qm")
    if not os.path.isfile(ts):
        return shipped if os.path.isfile(shipped) else None
    # Named by the .ts's content: checkouts of other branches share the temp folder, and a newer
    # .qm of another .ts would otherwise pass for this one's.
    with open(ts, "rb") as source:
        digest = hashlib.sha1(source.read()).hexdigest()[:16]
    cached = os.path.join(tempfile.gettempdir(), "trafficking_db_i18n", f"{name}-{digest}.qm")
    if os.path.isfile(shipped) and os.path.getmtime(shipped) >= os.path.getmtime(ts):
        return shipped
    if os.path.isfile(cached):
        return cached
    program = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    if program is not None:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        run = subprocess.run([program, "-silent", "-nounfinished", ts, "-qm", cached],
                             capture_output=True)
        if run.returncode == 0 and os.path.isfile(cached):
            return cached
    return shipped if os.path.isfile(shipped) else None   # stale is better than English


def install_translator(language=None):
    """Install the plugin's translator for language (default: QGIS's); True when one is active."""
    if _installed:
        return True
    language = language or ui_language()
    path = qm_path(language) if language != "en" else None
    if path is None:
        return False
    translator = QTranslator()
    if not translator.load(path):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True


def remove_translator():
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
