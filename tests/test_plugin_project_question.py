"""Opening an existing province project: the question's buttons say what they do, in English and
in Thai (issue 17, item 13), and each button gives the plugin its answer."""
import importlib.util

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QMessageBox

from conftest import REPO
from trafficking_db.trafficking_plugin.plugin import CANCEL, OPEN_AS_IS, UPDATE_PROJECT, project_question

_spec = importlib.util.spec_from_file_location("translations_script", REPO / "scripts" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)


def buttons(box):
    return {b.objectName(): b.text() for b in box.buttons()}


def test_buttons_name_what_they_do(qgis_app):
    box = project_question(None, "/data/province_50.qgz")
    assert buttons(box) == {UPDATE_PROJECT: "Update from the database",
                            OPEN_AS_IS: "Open as it is", CANCEL: "Cancel"}
    assert "/data/province_50.qgz exists" in box.text()
    assert box.defaultButton().objectName() == OPEN_AS_IS      # Enter keeps the user's project
    assert box.escapeButton().objectName() == CANCEL
    assert not {QMessageBox.Yes, QMessageBox.No} & {box.standardButton(b) for b in box.buttons()}
    for name in (UPDATE_PROJECT, OPEN_AS_IS, CANCEL):
        box = project_question(None, "p.qgz")
        next(b for b in box.buttons() if b.objectName() == name).click()
        assert box.clickedButton().objectName() == name


def test_buttons_in_thai(qgis_app, tmp_path):
    if translations.lrelease() is None:
        pytest.fail("lrelease is missing: apt-get install qttools5-dev-tools (make setup does)")
    translator = QTranslator()
    assert translator.load(str(translations.compile_all(tmp_path)[0]))
    QCoreApplication.installTranslator(translator)
    try:
        box = project_question(None, "p.qgz")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert buttons(box) == {UPDATE_PROJECT: "ปรับปรุงจากฐานข้อมูล", OPEN_AS_IS: "เปิดตามเดิม",
                            CANCEL: "ยกเลิก"}
    assert box.text().startswith("p.qgz มีอยู่แล้ว")
