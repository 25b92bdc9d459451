"""The Lessons-learned dock on a real province GeoPackage: add, validate, commit, undo, refuse,
10,000 cases, and the victim's ID kept out of the case tables."""
import contextlib
import sqlite3

import pytest
from qgis.PyQt.QtCore import Qt

from builders import write_villages
from conftest import province_units
from trafficking_db.trafficking_plugin.core.cases import case_records
from trafficking_db.trafficking_plugin.core import create_database, database
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.gui.case_dock import BATCH, CaseDock

pytestmark = pytest.mark.slow   # dock widgets: not in the quick lane

def _valid_thai_id():
    """A made-up Thai ID with a right check digit."""
    from trafficking_db.trafficking_plugin.core.ingest import thai_id
    first12 = "110170000000"
    return first12 + str(thai_id.check_digit(first12))


@pytest.fixture()
def province(tmp_path):
    """A province GeoPackage with villages and two organisations; returns (path, village codes)."""
    subdistricts = synthetic_province.synthetic_province()
    codes = write_villages(subdistricts, tmp_path / "villages.geojson")
    db = tmp_path / "province_50.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(subdistricts, tmp_path / "villages.geojson"))
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.executemany("INSERT INTO organization (name, type) VALUES (?, ?)",
                         [("ศูนย์ช่วยเหลือสังคม", "ngo"), ("สถานีตำรวจภูธรเมือง", "police")])
    return db, codes


def rows(db, sql, *args):
    with contextlib.closing(database.connect(db) if db.suffix == ".gpkg" else sqlite3.connect(db)) as conn:
        return conn.execute(sql, args).fetchall()


def fill_case(dock, village):
    """A complete case in the form: victim, exploitation, one perpetrator, one event."""
    w = dock.widgets
    w["age_trafficked"].set_value("15")
    w["gender"].set_value("Feminine")
    w["citizenship"].set_value("TH")
    w["education"].set_value("LowerSecondaryEducation")
    w["recruitment_method"].set_value("ThroughOnlineSocialNetworks ThroughFriendsOrSocialEvents")
    w["means_of_control"].set_value("DebtBondage WithholdsDocuments")
    w["exploitation_type"].set_value("SexualExploitation")
    w["sex_exploitation_type"].set_value("Prostitution")
    w["status"].set_value("Active")
    w["incoming_referral_date"].set_value("15/03/2567")          # Buddhist era, as clerks write it
    w["story"].set_value("ได้รับข้อเสนองานร้านอาหารผ่านเฟซบุ๊ก")
    w["tags"].set_value("fake_job debt")
    perp = {c: wd for c, _, wd in dock.perpetrators.fields}
    perp["role_in_process"].set_value("RecruiterOrIntermediary")
    perp["relationship_to_victim"].set_value("Acquainted")
    perp["sex"].set_value("female")
    assert dock.perpetrators.add() == {}
    event = {c: wd for c, _, wd in dock.events.fields}
    event["event_type"].set_value("recruitment")
    event["event_date"].set_value("2567-02-01")
    event["village_code"].set_value(village)
    assert dock.events.add() == {}
    event["event_type"].set_value("exploitation")
    event["event_date"].set_value("10/05/2024")                     # Common era, day first
    event["village_code"].set_value(None)
    event["country"].set_value("MY")
    event["place_name"].set_value("Johor Bahru")
    assert dock.events.add() == {}


def test_add_a_case_commit_and_find_it_again(qgis_app, province):
    db, villages = province
    dock = CaseDock(db)
    fill_case(dock, villages[0])
    dock.victim_id.setText(_valid_thai_id())
    assert dock.save(), dock.status.text()
    case = rows(db, 'SELECT fid, case_key, age_trafficked, gender, recruitment_method, '
                    'incoming_referral_date, status FROM "case"')
    assert len(case) == 1
    fid, key, age, gender, recruitment, referred, status = case[0]
    assert (age, gender, status) == (15, "Feminine", "Active")
    assert recruitment == "ThroughOnlineSocialNetworks ThroughFriendsOrSocialEvents"
    assert referred == "2024-03-15"                                 # B.E. 2567 stored as C.E.
    events = rows(db, "SELECT case_id, sequence, event_type, event_date, village_code, country, "
                      "geom IS NOT NULL FROM case_event ORDER BY sequence")
    assert [e[:6] for e in events] == [(fid, 1, "recruitment", "2024-02-01", villages[0], None),
                                       (fid, 2, "exploitation", "2024-05-10", None, "MY")]
    assert [e[6] for e in events] == [1, 0]          # the village's point; abroad without one
    assert rows(db, "SELECT case_id, role_in_process, sex FROM case_perpetrator") == \
        [(fid, "RecruiterOrIntermediary", "female")]
    # The audit triggers (core/audit.py) saw the insert, with the user the dock set.
    from trafficking_db.trafficking_plugin.core import audit
    assert rows(db, "SELECT DISTINCT changed_by FROM audit_log WHERE table_name = 'case' "
                    "AND action = 'insert' AND record_id = ?", fid) == [(audit.current_user(),)]
    # Reopened in a new dock, the list finds it and the form shows it.
    again = CaseDock(db)
    assert again.model.rowCount() == 1
    again.open_case(again.model.fid(0))
    assert again.widgets["means_of_control"].value() == "DebtBondage WithholdsDocuments"
    assert again.widgets["incoming_referral_date"].value() == "2024-03-15"
    assert [r["event_type"] for r in again.events.rows] == ["recruitment", "exploitation"]
    assert again.key_label.text() == key


def test_the_victims_id_goes_only_to_the_identity_file(qgis_app, province):
    db, villages = province
    raw = _valid_thai_id()
    dock = CaseDock(db)
    fill_case(dock, villages[1])
    dock.victim_id.setText(raw[:1] + "-" + raw[1:5] + "-" + raw[5:])   # typed with dashes
    assert dock.save()
    key = rows(db, 'SELECT case_key FROM "case"')[0][0]
    identity = db.with_suffix(".identity.sqlite")
    assert rows(identity, "SELECT person_key, source, id_kind, raw_id FROM person_identity") == \
        [(key, "case", "thai_id", raw)]
    # The key is the ID's person_key, so the case links to the person table.
    from trafficking_db.trafficking_plugin.core.ingest import pseudonym
    assert key == pseudonym.person_key(pseudonym.load_secret(identity), raw)
    # No raw ID (nor its last digits in a row) anywhere in the case tables or the audit log.
    with contextlib.closing(database.connect(db)) as conn:
        for table in ("case", "case_event", "case_perpetrator", "case_support", "audit_log"):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                assert not any(isinstance(v, str) and raw in v.replace("-", "") for v in row), table
    # Without an ID: a random key of the same form, nothing in the identity file.
    dock.new_case()
    fill_case(dock, villages[1])
    assert dock.save()
    keys = [k for (k,) in rows(db, 'SELECT case_key FROM "case" ORDER BY fid')]
    assert keys[1] != keys[0] and len(keys[1]) == 32 and set(keys[1]) <= set("abcdefghijklmnop")
    assert len(rows(identity, "SELECT * FROM person_identity")) == 1


def test_validation_messages_appear_beside_the_fields(qgis_app, province):
    db, _ = province
    dock = CaseDock(db)
    dock.widgets["age_trafficked"].set_value("130")
    dock.widgets["citizenship"].set_value("Thailand")
    dock.widgets["gender"].set_value("Woman")          # a value outside prs_Gender
    dock.victim_id.setText("1234567890123")            # wrong check digit
    assert dock.save() is False
    messages = dock.messages
    assert "out of range" in messages["age_trafficked"].text() and not messages["age_trafficked"].isHidden()
    assert "ISO 3166" in messages["citizenship"].text()
    assert "prs_Gender" in messages["gender"].text()
    assert "check digit" in messages["victim_id"].text()
    assert "1234567890123" not in messages["victim_id"].text()          # the ID is masked
    assert messages["education"].isHidden()
    assert rows(db, 'SELECT count(*) FROM "case"') == [(0,)]
    # An unknown village is refused in the route editor, with the reason beside it.
    event = {c: w for c, _, w in dock.events.fields}
    event["event_type"].set_value("transit")
    event["village_code"].set_value("50999999")
    assert "village_code" in dock.events.add()
    assert "not in this database" in dock.events.message.text() and dock.events.rows == []


def test_undo_before_commit_takes_the_edit_back(qgis_app, province):
    db, villages = province
    dock = CaseDock(db)
    fill_case(dock, villages[0])
    assert dock.save()
    fid = dock.fid
    dock.widgets["status"].set_value("Closed")
    dock.widgets["age_trafficked"].set_value("16")
    assert dock.apply() == fid
    layer = dock.store.case_layer
    assert layer.isModified() and layer.getFeature(fid)["status"] == "Closed"
    dock.undo()
    assert layer.getFeature(fid)["status"] == "Active" and layer.getFeature(fid)["age_trafficked"] == 15
    assert dock.widgets["status"].value() == "Active"           # the form shows the buffer again
    dock.store.commit()
    assert rows(db, 'SELECT status, age_trafficked FROM "case"') == [("Active", 15)]


def test_deleting_a_case_takes_its_rows_and_is_audited(qgis_app, province):
    db, villages = province
    dock = CaseDock(db)
    fill_case(dock, villages[0])
    assert dock.save()
    fid = dock.fid
    assert dock.delete_case(confirm=False)
    for table in ("case", "case_event", "case_perpetrator"):
        assert rows(db, f'SELECT count(*) FROM "{table}"') == [(0,)], table
    assert dock.model.rowCount() == 0 and dock.fid is None
    assert rows(db, "SELECT count(*) FROM audit_log WHERE table_name = 'case' AND action = 'delete' "
                    "AND record_id = ?", fid)[0][0] >= 1


def test_a_refused_commit_shows_qgis_reasons_and_keeps_the_form(qgis_app, province):
    db, villages = province
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute('CREATE TRIGGER refuse_case BEFORE INSERT ON "case" '
                     "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    dock = CaseDock(db)
    fill_case(dock, villages[0])
    assert dock.save() is False
    assert "case" in dock.status.text() and not dock.status.isHidden()
    assert dock.widgets["age_trafficked"].value() == "15"
    assert dock.widgets["story"].value() == "ได้รับข้อเสนองานร้านอาหารผ่านเฟซบุ๊ก"
    assert len(dock.events.rows) == 2 and len(dock.perpetrators.rows) == 1
    assert dock.store.case_layer.isModified()                   # the edit is still in the buffer
    assert rows(db, 'SELECT count(*) FROM "case"') == [(0,)]
    # Once the database accepts again, the same form saves.
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.execute("DROP TRIGGER refuse_case")
    assert dock.save(), dock.status.text()
    assert rows(db, 'SELECT count(*) FROM "case"') == [(1,)]
    assert rows(db, "SELECT count(*) FROM case_event") == [(2,)]


def test_ten_thousand_cases_load_in_batches_and_filter(qgis_app, province):
    db, _ = province
    statuses = case_records.picklist("cas_Status")
    kinds = ("ForcedLabour", "SexualExploitation", "ForcedBegging", "ChildLabour ForcedLabour")
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.executemany(
            'INSERT INTO "case" (case_key, status, exploitation_type, age_trafficked, story, recorded_at) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(f"key{i:05d}", statuses[i % 4], kinds[i % 4], 10 + i % 20,
              "ถูกหลอกไปทำงานประมง" if i % 100 == 0 else "story",
              f"{2020 + i % 5}-06-01T00:00:00.000Z") for i in range(10_000)])
    dock = CaseDock(db)
    model = dock.model
    assert model.rowCount() == BATCH and model.canFetchMore()       # not all at once
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 10_000
    dock.status_filter.set_value("Closed")                          # statuses[2]: i % 4 == 2
    dock.exploitation_filter.set_value("ForcedLabour")
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 0          # i % 4 == 2 are all ForcedBegging
    dock.exploitation_filter.set_value(None)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 2500
    dock.status_filter.set_value("ClosedReferred")                  # i % 4 == 3
    dock.exploitation_filter.set_value("ForcedLabour")              # "ChildLabour ForcedLabour"
    dock.year_filter.setText("2567")                                # B.E. 2567 = 2024: i % 5 == 4
    while model.canFetchMore():
        model.fetchMore()
    expected = [i for i in range(10_000) if i % 4 == 3 and i % 5 == 4]
    assert model.rowCount() == len(expected)
    assert model.data(model.index(0, 0), Qt.DisplayRole) == f"key{expected[0]:05d}"[:8]
    dock.status_filter.set_value(None)
    dock.exploitation_filter.set_value(None)
    dock.year_filter.clear()
    dock.search.setText("ประมง")
    assert model.rowCount() == 100 and not model.canFetchMore()


def test_the_plugins_menu_entry_opens_the_dock_on_the_projects_database(qgis_iface, qgis_processing,
                                                                        province):
    from qgis.core import QgsProject, QgsVectorLayer
    from test_plugin import plugin_with_menus

    db, villages = province
    project = QgsProject.instance()
    layer = QgsVectorLayer(f"{db}|layername=case", "case", "ogr")
    project.addMapLayer(layer)
    iface, plugin = plugin_with_menus(qgis_iface)
    plugin.initGui()
    try:
        entries = iface.entries()
        entries["Lessons learned (cases)"].trigger()
        dock = plugin.case_dock
        assert dock is not None and dock.database == str(db)
        assert dock.store.case_layer is layer          # one edit buffer with the project's layer
        fill_case(dock, villages[0])
        assert dock.save()
        assert layer.featureCount() == 1
    finally:
        plugin.unload()
        project.removeMapLayer(layer.id())
    assert plugin.case_dock is None and iface.menus == {}


@pytest.fixture()
def era():
    """Set the plugin's era option for a test; the user's setting comes back after it."""
    from trafficking_db.trafficking_plugin.i18n import translation
    before = translation.buddhist_era()
    yield translation.set_buddhist_era
    translation.set_buddhist_era(before)


def test_dates_are_picked_from_a_calendar_and_shown_in_the_chosen_era(qgis_app, province, era):
    from qgis.PyQt.QtCore import QDate
    from trafficking_db.trafficking_plugin.gui.case_widgets import DateField

    db, villages = province
    era(True)
    dock = CaseDock(db)
    referred = dock.widgets["incoming_referral_date"]
    event_date = {c: w for c, _, w in dock.events.fields}["event_date"]
    assert isinstance(referred, DateField) and isinstance(event_date, DateField)
    referred.pick(QDate(2024, 3, 15))                     # a click on the calendar
    assert referred.edit.text() == "15/03/2567" and referred.value() == "2024-03-15"
    referred.edit.setText("2024-13-01")                   # typed wrong: refused, named
    assert dock.check()["incoming_referral_date"] and referred.value() == "2024-13-01"
    fill_case(dock, villages[0])
    assert dock.save(), dock.status.text()
    assert rows(db, 'SELECT incoming_referral_date FROM "case"') == [("2024-03-15",)]
    assert dock.widgets["incoming_referral_date"].edit.text() == "15/03/2567"
    era(False)
    again = CaseDock(db)
    again.open_case(dock.fid)
    assert again.widgets["incoming_referral_date"].edit.text() == "2024-03-15"


def test_a_village_is_found_by_its_name_and_kept_as_its_code(qgis_app, province):
    db, villages = province
    name = rows(db, "SELECT name_th FROM village WHERE code = ?", villages[1])[0][0]
    dock = CaseDock(db)
    picker = {c: w for c, _, w in dock.events.fields}["village_code"]
    completer = picker.completer()
    completer.setCompletionPrefix(name[2:])               # a part of the name, typed
    found = [completer.completionModel().index(i, 0).data()
             for i in range(completer.completionCount())]
    assert found and all(name[2:] in label for label in found)
    label = next(label for label in found if label.startswith(villages[1]))
    picker.setEditText(label)                             # the suggestion chosen
    assert picker.value() == villages[1]
    picker.setEditText(villages[2])                       # or the code typed
    assert picker.value() == villages[2]


def test_a_coordinate_that_is_not_a_number_is_refused_with_a_message(qgis_app, province):
    db, _ = province
    dock = CaseDock(db)
    event = {c: w for c, _, w in dock.events.fields}
    event["event_type"].set_value("transit")
    event["lon"].set_value("98.9x")
    event["lat"].set_value("18.79")
    problems = dock.events.add()
    assert "lon" in problems and dock.events.rows == []
    assert "Longitude: '98.9x' is not a number" in dock.events.message.text()
    event["lon"].set_value("98.99")
    assert dock.events.add() == {} and dock.events.rows[0]["lon"] == 98.99


def test_messages_name_fields_by_their_labels(qgis_app, province):
    db, villages = province
    dock = CaseDock(db)
    event = {c: w for c, _, w in dock.events.fields}
    event["event_type"].set_value("transit")
    event["village_code"].set_value("50999999")
    assert "village_code" in dock.events.add()
    text = dock.events.message.text()
    assert text.startswith("Village: ") and "village_code" not in text
    fill_case(dock, villages[0])
    dock.events.rows[1]["village_code"] = "50999999"     # e.g. a village since removed
    assert dock.save() is False
    assert "Route, row 2, Village: " in dock.status.text()
    assert "case_event" not in dock.status.text() and "village_code" not in dock.status.text()


def test_the_saved_case_is_selected_in_the_list(qgis_app, province):
    db, villages = province
    with contextlib.closing(database.connect(db)) as conn, conn:
        conn.executemany('INSERT INTO "case" (case_key, status) VALUES (?, ?)',
                         [(f"key{i:05d}", "Active") for i in range(BATCH + 100)])
    dock = CaseDock(db)
    fill_case(dock, villages[0])
    assert dock.save()
    selected = dock.view.selectionModel().selectedRows()
    assert len(selected) == 1 and dock.model.fid(selected[0].row()) == dock.fid


def test_without_a_database_the_dock_offers_to_open_one(qgis_app, province, tmp_path):
    db, villages = province
    dock = CaseDock(None)
    assert dock.open_button.text() == "Open GeoPackage…" and dock.store is None
    assert dock.database_label.text() == "No province database open."
    wrong = tmp_path / "people.csv"
    wrong.write_text("a,b\n1,2\n")
    assert dock.open_database(wrong) is False
    assert "is not a province database" in dock.database_label.text() and dock.store is None
    assert dock.open_database(db)
    assert dock.database_label.text() == str(db)
    fill_case(dock, villages[0])
    assert dock.save(), dock.status.text()
    assert rows(db, 'SELECT count(*) FROM "case"') == [(1,)]


def test_the_menu_entry_without_a_case_layer_opens_the_dock_offering_a_geopackage(qgis_iface,
                                                                                  qgis_processing):
    from test_plugin import plugin_with_menus

    iface, plugin = plugin_with_menus(qgis_iface)
    plugin.initGui()
    try:
        entries = iface.entries()
        entries["Lessons learned (cases)"].trigger()          # no file dialog: the dock itself
        dock = plugin.case_dock
        assert dock is not None and dock.store is None and not dock.open_button.isHidden()
    finally:
        plugin.unload()
