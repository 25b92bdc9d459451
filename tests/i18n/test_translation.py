"""The Thai translation: trafficking_plugin/i18n/trafficking_db_th.ts complete and current, compiled
by lrelease, shown by real algorithms and menus when QGIS runs in Thai; the Buddhist-era year option."""
import importlib.util
import re
import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from conftest import REPO

_spec = importlib.util.spec_from_file_location("translations_script", REPO / "scripts" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

TS = REPO / "trafficking_plugin" / "i18n" / "trafficking_db_th.ts"
# What must survive translation unchanged: {} / {name} / {!r} placeholders, <tags> and <names>.
KEPT = re.compile(r"\{[^{}]*\}|<[^<>]+>")


@pytest.fixture(scope="module")
def qm(tmp_path_factory):
    if translations.lrelease() is None:
        pytest.fail("lrelease is missing: apt-get install qttools5-dev-tools (make setup does)")
    written = translations.compile_all(tmp_path_factory.mktemp("qm"))
    assert [p.name for p in written] == ["trafficking_db_th.qm"]
    return written[0]


@pytest.fixture()
def thai(qm):
    """The Thai translator installed for one test, removed after it."""
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture()
def locale_th():
    """QGIS set to Thai for one test, the previous settings restored after it."""
    settings = QgsSettings()
    keys = ("locale/userLocale", "locale/overrideFlag", "trafficking_db/buddhist_era")
    before = {key: settings.value(key) for key in keys}
    settings.setValue("locale/userLocale", "th_TH")
    settings.setValue("locale/overrideFlag", True)
    settings.remove("trafficking_db/buddhist_era")
    yield
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def _messages():
    """{(context, source): (translation, type)} of the .ts (well-formed XML, or this fails)."""
    root = ET.parse(TS).getroot()
    assert root.tag == "TS" and root.get("language") == "th_TH"
    return translations.read_ts(TS)


def test_ts_holds_every_source_string_translated_with_placeholders_kept():
    known = _messages()
    extracted = translations.extract()
    assert sum(len(v) for v in extracted.values()) > 400
    problems = []
    for context, sources in extracted.items():
        for source in sources:
            text, kind = known.get((context, source), (None, None))
            if text is None:
                problems.append(f"{context}: not in the .ts: {source[:60]!r}")
            elif kind or not text.strip():
                problems.append(f"{context}: {kind or 'empty'}: {source[:60]!r}")
            elif sorted(KEPT.findall(source)) != sorted(KEPT.findall(text)):
                problems.append(f"{context}: placeholders differ: {source[:60]!r}")
            elif source.count("\n") != text.count("\n"):
                problems.append(f"{context}: paragraphs differ: {source[:60]!r}")
    assert not problems, "run `python3 scripts/translations.py update` and translate:\n" + \
        "\n".join(problems)
    # the file is what `update` writes: nothing to merge, so no hand edits were lost
    assert TS.read_text(encoding="utf-8") == translations.merged(extracted, known, "th")


def test_update_keeps_translations_and_marks_vanished_strings_obsolete(tmp_path):
    known = {("Ctx", "Gone"): ("หายไป", None), ("Ctx", "Kept {}"): ("คงอยู่ {}", None),
             ("Ctx", "Gone, never translated"): ("", "unfinished")}
    text = translations.merged({"Ctx": {"Kept {}": ["a.py"], "New": ["a.py"]}}, known, "th")
    path = tmp_path / "x.ts"
    path.write_text(text, encoding="utf-8")
    assert translations.read_ts(path) == {("Ctx", "Kept {}"): ("คงอยู่ {}", None),
                                          ("Ctx", "New"): ("", "unfinished"),
                                          ("Ctx", "Gone"): ("หายไป", "obsolete")}


def test_tr_of_an_f_string_is_refused(tmp_path):
    source = tmp_path / "bad.py"
    source.write_text('def tr(text):\n    return QCoreApplication.translate("C", text)\n\n\n'
                      'name = "x"\nmessage = tr(f"Hello {name}")\n', encoding="utf-8")
    with pytest.raises(translations.ExtractError, match=r"bad.py:6: .*f-string"):
        translations.extract_file(source, tmp_path)


def test_algorithms_show_thai_with_the_translator_and_english_without(provider, thai):
    thai_texts = {text for text, kind in _messages().values() if kind is None}
    templates = [re.compile(".*".join(map(re.escape, KEPT.split(t)))) for t in thai_texts if "{" in t]

    def translated(text):   # a translation, or one with its {} filled in
        return text in thai_texts or any(t.fullmatch(text) for t in templates)

    checked = 0
    for algorithm in provider.algorithms():
        if isinstance(algorithm, QgsProcessingModelAlgorithm):
            # models: title and group through tr(); their help and inputs are bilingual in the .model3
            assert translated(algorithm.displayName()) and translated(algorithm.group()), algorithm.id()
            continue
        fresh = algorithm.create()      # parameters are described when the algorithm is built
        texts = [fresh.displayName(), fresh.group()]
        texts += [p.description() for p in fresh.parameterDefinitions()]
        texts += [o.description() for o in fresh.outputDefinitions()]
        untranslated = [t for t in texts if not translated(t)]
        assert not untranslated, f"{algorithm.id()}: not through tr(): {untranslated}"
        checked += len(texts)
    assert checked > 200
    score = QgsApplication.processingRegistry().algorithmById("trafficking:scoreriskindex").create()
    assert score.displayName() == "คำนวณดัชนีความเสี่ยง"
    assert score.group() == "4 ดัชนีความเสี่ยง"      # numbered as in English: the same order
    groups = sorted({a.group() for a in provider.algorithms()})
    assert [g.split()[0] for g in groups] == [str(n) for n in range(len(groups))]
    assert score.parameterDefinition("DATA_YEAR").description() == "ปีข้อมูล (ค.ศ. หรือ พ.ศ.)"
    assert "ดัชนี" in score.shortHelpString() and "docs/risk_index.md" not in score.shortHelpString()
    QCoreApplication.removeTranslator(thai)
    english = QgsApplication.processingRegistry().algorithmById("trafficking:scoreriskindex").create()
    assert english.displayName() == "Score the risk index"
    assert english.parameterDefinition("DATA_YEAR").description() == \
        "Data year (Common Era or Buddhist era)"


def test_plugin_in_thai_translates_its_menu_and_shows_buddhist_era(qgis_iface, qgis_processing,
                                                                 locale_th):
    from test_plugin import plugin_with_menus
    from trafficking_db.trafficking_plugin.i18n import translation

    iface, plugin = plugin_with_menus(qgis_iface)     # installs the translator (QGIS is in Thai)
    try:
        plugin.initGui()
        assert list(iface.menus) == ["ฐานข้อมูลการป้องกันการค้ามนุษย์"]
        submenus = [a.menu() for a in iface.menus["ฐานข้อมูลการป้องกันการค้ามนุษย์"].actions()]
        assert [m.title() for m in submenus] == ["ปรับปรุงข้อมูลประจำปี", "เครือข่ายและคดี",
                                                 "การเผยแพร่", "เครื่องมือ", "ช่วยเหลือ"]
        actions = {a.text(): a for m in submenus for a in m.actions()}
        assert "คำนวณดัชนีความเสี่ยง…" in actions and "ทำเนียบเครือข่าย" in actions
        assert "คู่มือการใช้งาน" in actions
        era = actions["แสดงปีเป็นพุทธศักราช (พ.ศ.)"]
        assert era.isCheckable() and era.isChecked()       # Thai: B.E. by default
        era.trigger()
        assert translation.buddhist_era() is False
        scoring = QgsApplication.processingRegistry().algorithmById("trafficking:scoreriskindex")
        assert scoring.displayName() == "คำนวณดัชนีความเสี่ยง"
    finally:
        plugin.unload()
    assert QCoreApplication.translate("TraffickingPlugin", "Network directory") == "Network directory"


def test_buddhist_era_option_changes_the_years_a_report_shows(tmp_path):
    from trafficking_db.trafficking_plugin.core.dissemination import report_html, report_tables
    from trafficking_db.trafficking_plugin.core import thai_calendar

    assert thai_calendar.shown_year(2024) == 2567 and thai_calendar.shown_year(2024, False) == 2024
    report = report_tables.Report(
        level="province", code="50", name_th="เชียงใหม่", name_en="Chiang Mai", year=2024,
        persons=100, persons_scored=90, persons_high=12, share_high=12 / 90, mean_index=1.6,
        risk_class=None, rows=[], age_sex={}, home_towns=[], indicators=[], previous_year=2023,
        trend=[])
    pages = {}
    for era in (True, False):
        report.buddhist_era = era
        report_html.write_report_html(report, tmp_path / f"{era}.html", "map.png", "chart.png")
        pages[era] = (tmp_path / f"{era}.html").read_text(encoding="utf-8")
        pages[era, "trend"] = report_tables.trend_lines(report)[0]
    assert "ปี พ.ศ. 2567" in pages[True] and "Chiang Mai province, B.E. 2567" in pages[True]
    assert "2024" not in pages[True].split("<h2>")[1].split("</h2>")[0]
    assert "ปี ค.ศ. 2024" in pages[False] and "Chiang Mai province, 2024" in pages[False]
    assert "2567" not in pages[False]
    assert pages[True, "trend"] == "เทียบกับปี พ.ศ. 2566 (ค.ศ. 2023) / against B.E. 2566:"
    assert pages[False, "trend"] == "เทียบกับปี ค.ศ. 2023 (พ.ศ. 2566) / against 2023:"


def test_network_dock_in_thai_labels_buttons_and_field_checks(qgis_iface, locale_th, thai, tmp_path):
    from conftest import province_units
    from qgis.core import QgsProject
    from trafficking_db.trafficking_plugin.core import create_database
    from trafficking_db.trafficking_plugin.sample import synthetic_province
    from trafficking_db.trafficking_plugin.gui.network_dock import NetworkDock

    db = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(synthetic_province.synthetic_province()))
    project = QgsProject()
    dock = NetworkDock(qgis_iface, project)
    try:
        assert dock.windowTitle() == "ทำเนียบเครือข่าย"
        assert dock.open_database(str(db))
        assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == ["หน่วยงาน", "สมาชิก"]
        orgs = dock.organizations
        assert orgs.buttons["commit"].text() == "บันทึกลงฐานข้อมูล"
        types = orgs.form.widgets["type"]
        assert types.itemText(types.findData("one_stop_crisis_centre")) == "ศูนย์พึ่งได้ (OSCC)"
        orgs.new()
        orgs.form.widgets["name"].setText("ศูนย์พึ่งได้ โรงพยาบาลนครพิงค์")
        orgs.form.widgets["phone"].setText("053-99999")            # one digit short
        assert not orgs.apply()
        assert orgs.form.messages["phone"].text().startswith("ไม่ใช่หมายเลขโทรศัพท์ไทย: 053-99999")
    finally:
        for layer in (getattr(dock, "org_layer", None), getattr(dock, "member_layer", None)):
            if layer is not None and layer.isEditable():
                layer.rollBack()
        dock.deleteLater()
        project.clear()


def test_case_list_shows_recorded_dates_in_the_era_set(tmp_path, locale_th):
    import contextlib

    from conftest import province_units
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import Qt
    from trafficking_db.trafficking_plugin.i18n import translation
    from trafficking_db.trafficking_plugin.core import create_database, database
    from trafficking_db.trafficking_plugin.gui.case_dock import CaseListModel
    from trafficking_db.trafficking_plugin.sample import synthetic_province

    db = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(synthetic_province.synthetic_province()))
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute('INSERT INTO "case" (case_key, status, recorded_at) '
                     "VALUES ('k1', 'Open', '2024-07-23T09:00:00.000Z')")
    layer = QgsVectorLayer(f"{db}|layername=case", "case", "ogr")
    shown = {}
    for era in (True, False):
        translation.set_buddhist_era(era)
        model = CaseListModel(layer)
        shown[era] = model.data(model.index(0, CaseListModel.COLUMNS.index("recorded_at")), Qt.DisplayRole)
    assert shown == {True: "23/07/2567", False: "2024-07-23"}
