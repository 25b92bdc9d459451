"""Every algorithm in the Toolbox: its group in the order of the work, its own icon, help text
that shows what it says, and a Help button that opens its section of the shipped manual."""
import importlib.util
import re

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QTextDocument

from conftest import REPO

_spec = importlib.util.spec_from_file_location("manual_html_script", REPO / "scripts" / "manual_html.py")
manual_html = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(manual_html)

MANUAL_ANCHORS = set(manual_html.heading_slugs((REPO / "docs" / "manual.md").read_text(encoding="utf-8")))


def test_every_help_button_opens_an_existing_section_of_the_manual(provider):
    for algorithm in provider.algorithms():
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile(), (algorithm.id(), algorithm.helpUrl())
        path = url.toLocalFile()
        assert path.endswith(("docs/manual.md", "docs/manual.html")), path
        assert (REPO / "docs" / "manual.md").samefile(path.replace(".html", ".md"))
        assert url.fragment() in MANUAL_ANCHORS, (algorithm.id(), url.fragment())


def test_help_texts_show_their_placeholders_and_point_to_no_docs_file(provider):
    """QGIS shows shortHelpString as HTML: '<year>' must be escaped to be seen at all."""
    shown = {}
    for algorithm in provider.algorithms():
        document = QTextDocument()
        document.setHtml(algorithm.shortHelpString())     # as the dialog's help panel renders it
        shown[algorithm.name()] = document.toPlainText()
        assert not re.search(r"See docs/\S+\.md", shown[algorithm.name()]), algorithm.id()
    assert "risk_report_<year>.pdf" in shown["riskreport"]
    assert "<database>.identity.sqlite" in shown["importsecondarydata"]
    assert "place_<fid>.tif" in shown["extractimagerychips"]
    assert "<database>.qgz" in shown["createproject"]
    assert "(5) writes the risk reports" in shown["yearlyupdate"]


def test_toolbox_groups_sort_in_the_order_of_the_work(provider):
    """The Toolbox's own sorted model: groups numbered from the yearly update to the analyses."""
    from trafficking_db.processing_algorithms.base import WORKFLOW_GROUPS, workflow_group
    from qgis.gui import QgsProcessingToolboxProxyModel

    model = QgsProcessingToolboxProxyModel(None, QgsApplication.processingRegistry())
    root = next(model.index(row, 0) for row in range(model.rowCount())
                if model.data(model.index(row, 0)) == provider.name())
    shown = [model.data(model.index(row, 0, root)) for row in range(model.rowCount(root))]
    assert shown == [name for _, name in WORKFLOW_GROUPS]
    assert shown.index("2 Import") < shown.index("3 Crosswalk and verify")
    ids = {a.name(): a.groupId() for a in provider.algorithms()}
    assert ids["importsecondarydata"] == "import" and ids["crosswalk"] == "crosswalk"
    assert ids["yearlyupdate"] == ids["lateagencyfile"] == "pipeline"
    assert all(workflow_group(name) == group for name, group in ids.items())


def test_every_algorithm_has_an_icon_file_and_groups_look_different(provider):
    from pathlib import Path

    by_group = {}
    for algorithm in provider.algorithms():
        path = Path(algorithm.svgIconPath())
        assert path.is_file() and path.parent == REPO / "trafficking_plugin" / "data" / "icons", \
            algorithm.id()
        assert not algorithm.icon().isNull() and algorithm.icon().pixmap(24, 24).width() == 24
        by_group.setdefault(algorithm.groupId(), set()).add(path.read_bytes())
    colours = {group: {re.search(rb'rect[^>]*fill="(#\w+)"', icon).group(1) for icon in icons}
               for group, icons in by_group.items()}
    assert all(len(c) == 1 for c in colours.values()), colours     # a colour per group
    assert len({c for (c,) in colours.values()}) == len(colours)


def test_the_dialogs_help_panel_and_help_button(qgis_iface, provider, monkeypatch):
    """The algorithm dialog as the Toolbox opens it: the help panel shows '<year>', and its Help
    button asks the desktop to open the manual's file at the step's section."""
    import processing
    from qgis.gui import QgsBrowserGuiModel

    # pytest-qgis's iface lacks the Browser model the dialog's file widgets ask QGIS for
    browser = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    from qgis.PyQt.QtCore import QObject, pyqtSlot
    from qgis.PyQt.QtGui import QDesktopServices
    from qgis.PyQt.QtWidgets import QDialogButtonBox, QTextBrowser

    class Opened(QObject):          # what QDesktopServices.openUrl hands the desktop
        def __init__(self):
            super().__init__()
            self.urls = []

        @pyqtSlot(QUrl)
        def open(self, url):
            self.urls.append(url)

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    dialog = processing.createAlgorithmDialog("trafficking:riskreport")
    try:
        panel = " ".join(b.toPlainText() for b in dialog.findChildren(QTextBrowser))
        assert "risk_report_<year>.pdf" in panel
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Help)
        assert button is not None and button.isEnabled()
        button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
        dialog.close()
        dialog.deleteLater()
    assert [u.fragment() for u in opened.urls] == ["36-reports"]
    assert opened.urls[0].toLocalFile().endswith(("docs/manual.md", "docs/manual.html"))
