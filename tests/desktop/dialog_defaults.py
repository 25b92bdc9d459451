"""Run inside the real QGIS desktop (qgis --code): what the dialogs offer (issue 17, items 3, 6,
9 and 10). With TRAFFICKING_DIALOG_DB as the profile's current database, opens the import, the
scoring and the project dialogs as the menu does, records the values their widgets show, picks
TRAFFICKING_NEW_DB in the import dialog, saves pictures of the dialogs into TRAFFICKING_SHOTS and
writes all into the JSON file named by TRAFFICKING_TEST_RESULT; then QGIS quits."""
import json
import os
import traceback

import processing
from qgis.core import QgsApplication, QgsProcessingContext, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QComboBox, QLineEdit

result = {}
dialogs = []


def shown(dialog, name):
    """The widget wrapper of parameter ``name`` in the dialog's parameters panel."""
    return dialog.mainWidget().wrappers[name]


def picture(dialog, name):
    dialog.resize(760, 720)
    dialog.show()
    QgsApplication.processEvents()
    dialog.grab().save(os.path.join(os.environ["TRAFFICKING_SHOTS"], name))


def main():
    try:
        QgsSettings().setValue("trafficking_db/current_database", os.environ["TRAFFICKING_DIALOG_DB"])
        QgsSettings().setValue("trafficking_db/buddhist_era", False)
        importing = processing.createAlgorithmDialog("trafficking:importsecondarydata")
        dialogs.append(importing)
        picture(importing, "import_dialog.png")
        source = shown(importing, "SOURCE").wrappedWidget()
        result["import"] = {
            "database": shown(importing, "DATABASE").parameterValue(),
            "year": int(shown(importing, "DATA_YEAR").parameterValue()),
            "source_widget": type(source).__name__,
            "sources": [source.itemText(i) for i in range(source.count())]
            if isinstance(source, QComboBox) else []}
        shown(importing, "DATABASE").setParameterValue(os.environ["TRAFFICKING_NEW_DB"],
                                                       QgsProcessingContext())
        result["import"]["year_after_new_database"] = int(
            shown(importing, "DATA_YEAR").parameterValue())
        scoring = processing.createAlgorithmDialog("trafficking:scoreriskindex")
        dialogs.append(scoring)
        picture(scoring, "score_dialog.png")
        result["score"] = {"year": int(shown(scoring, "DATA_YEAR").parameterValue())}
        project = processing.createAlgorithmDialog("trafficking:createproject")
        dialogs.append(project)
        picture(project, "project_dialog.png")
        result["project"] = {"output_text": [e.text() for e in project.findChildren(QLineEdit)
                                             if e.text().endswith(".qgz")]}
    except Exception:   # noqa: BLE001 (reported to the test)
        result["error"] = traceback.format_exc()
    with open(os.environ["TRAFFICKING_TEST_RESULT"], "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    QgsApplication.exit(0)


QTimer.singleShot(1000, main)
