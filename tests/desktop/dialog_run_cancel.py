"""Run inside the real QGIS desktop (qgis --code): an algorithm's dialog as a user drives it.

The algorithm (TRAFFICKING_DIALOG_ALGORITHM) runs on the database TRAFFICKING_DIALOG_DB for data
year B.E. 2567. Run 1: press Run and let it finish. Run 2: press Run, then Cancel at once.
Records, per run, the progress bar's values, whether the algorithm succeeded, the dialog's log
and the database file's SHA-256 afterwards, into the JSON file named by TRAFFICKING_TEST_RESULT;
then QGIS quits.
"""
import hashlib
import json
import os
import traceback

import processing
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QProgressBar, QTextEdit

DATABASE = os.environ["TRAFFICKING_DIALOG_DB"]
ALGORITHM = os.environ["TRAFFICKING_DIALOG_ALGORITHM"]
result = {"runs": []}
dialogs = []          # keep the dialogs alive while they run


def finish():
    with open(os.environ["TRAFFICKING_TEST_RESULT"], "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    QgsApplication.exit(0)


def file_hash():
    with open(DATABASE, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def start(cancel, then):
    dialog = processing.createAlgorithmDialog(
        ALGORITHM, {"DATABASE": DATABASE, "DATA_YEAR": 2567})
    dialogs.append(dialog)
    dialog.show()
    run = {"cancel": cancel, "progress": []}
    for bar in dialog.findChildren(QProgressBar):
        bar.valueChanged.connect(run["progress"].append)

    def finished(successful, results):
        run.update(successful=successful, results={k: str(v) for k, v in results.items()},
                   log="\n".join(w.toPlainText() for w in dialog.findChildren(QTextEdit)),
                   sha256=file_hash())
        result["runs"].append(run)
        QTimer.singleShot(200, then)

    dialog.algorithmFinished.connect(finished)
    dialog.runButton().click()
    if cancel:
        dialog.cancelButton().click()


def main():
    try:
        start(False, lambda: start(True, finish))
    except Exception:  # noqa: BLE001 - report anything to the test
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(1000, main)
