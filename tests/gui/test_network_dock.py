"""The Network dock on a real province GeoPackage: add, check, commit, audit, undo, a failed
commit, and 10,000 members filtered in memory. Plus the phone and area rules it relies on."""
import sqlite3

import pytest
from conftest import province_units
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from trafficking_db.trafficking_plugin.core import create_database, database
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.core.network import directory
from trafficking_db.trafficking_plugin.gui.network_dock import NetworkDock

pytestmark = pytest.mark.slow   # dock widgets: not in the quick lane


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(path, "50", province_units(synthetic_province.synthetic_province()))
    return path


@pytest.fixture()
def project():
    project = QgsProject()
    yield project
    project.clear()


@pytest.fixture()
def dock(qgis_iface, project, db):
    dock = NetworkDock(qgis_iface, project)
    assert dock.open_database(str(db))
    yield dock
    for layer in (dock.org_layer, dock.member_layer):
        if layer.isEditable():
            layer.rollBack()
    dock.deleteLater()


def audit_rows(db, table):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT changed_by, record_id, action, field, old_value, new_value "
                        "FROM audit_log WHERE table_name = ? ORDER BY fid", (table,)).fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("text, e164", [
    ("081-234-5678", "+66812345678"), ("053-112233", "+6653112233"), ("02 123 4567", "+6621234567"),
    ("+66 81 234 5678", "+66812345678"), ("+66 (0)81-234-5678", "+66812345678"),
    ("081-234-567", None), ("012-345-6789", None), ("+1 555 123 4567", None), ("call me", None),
])
def test_thai_phones_in_e164(text, e164):
    assert directory.phone_e164(text) == e164


def test_areas_cover_their_districts_and_sub_districts():
    assert directory.covers("5001 500203", "500101") and directory.covers("500203", "5002")
    assert not directory.covers("500203", "500204") and not directory.covers(None, "5001")


def test_the_catalogue_has_the_htcds_and_the_thai_types_and_highland_languages():
    catalogue = directory.load_catalogue()
    codes = catalogue.type_codes()
    assert {"NGO", "LawEnforcement", "SchoolOrCollege", "multidisciplinary_team", "police",
            "provincial_social_development_office", "one_stop_crisis_centre", "school", "ngo",
            "village_volunteer"} <= set(codes) and len(codes) == len(set(codes))
    highland = {lang["name_en"] for lang in catalogue.languages if lang["highland"]}
    assert {"Karen", "Lahu", "Hmong", "Akha", "Lisu", "Mien"} <= highland
    assert all(t["name_th"] for t in catalogue.types)


def test_opening_a_geopackage_adds_its_layers_and_the_log_read_only(dock, project):
    names = sorted(layer.name() for layer in project.mapLayers().values())
    assert names == ["audit_log", "network_member", "organization"]
    assert dock.audit_layer.readOnly() and not dock.audit_layer.startEditing()
    again = NetworkDock(None, project)            # a second dock finds them in the project
    assert again.org_layer is dock.org_layer and again.member_layer is dock.member_layer


def test_add_check_commit_and_find_the_audit_rows(dock, db):
    orgs, members = dock.organizations, dock.members
    orgs.new()
    orgs.form.widgets["name"].setText("ศูนย์พึ่งได้ โรงพยาบาลนครพิงค์")
    type_box = orgs.form.widgets["type"]
    type_box.setCurrentIndex(type_box.findData("one_stop_crisis_centre"))
    orgs.form.widgets["phone"].setText("053-99999")            # one digit short
    orgs.form.widgets["areas"].setText("5001 509999")
    assert not orgs.apply()
    phone_message = orgs.form.messages["phone"]
    assert "053-99999" in phone_message.text() and not phone_message.isHidden()
    assert "509999" in orgs.form.messages["areas"].text() and orgs.form.messages["name"].isHidden()
    assert not dock.org_layer.isEditable()                     # nothing reached the layer
    orgs.form.widgets["phone"].setText("053-999999")
    orgs.form.widgets["areas"].setText("5001 500203")
    assert orgs.form.messages["phone"].isHidden() and orgs.form.e164.text() == "+6653999999"
    orgs.form.set_point((98.97, 18.79))
    assert orgs.apply() and orgs.commit() == []
    org_fid = orgs.model.rows[0]["fid"]
    assert org_fid > 0 and orgs.model.rows[0]["phone_e164"] == "+6653999999"

    members.new()
    assert members.form.widgets["organization_id"].findData(org_fid) > 0   # offered at once
    members.form.widgets["name"].setText("นางสาวมะลิ ใจดี")
    members.form.widgets["organization_id"].setCurrentIndex(
        members.form.widgets["organization_id"].findData(org_fid))
    members.form.widgets["phone"].setText("0812345678")
    members.form.widgets["line_id"].setText("mali.social")
    languages = members.form.widgets["languages"]
    for i in range(languages.count()):
        if languages.item(i).data(Qt.UserRole) in ("Thai", "Karen"):
            languages.item(i).setCheckState(Qt.Checked)
    members.form.use_org.click()
    assert members.form.point == pytest.approx((98.97, 18.79))
    assert members.apply() and members.commit() == []
    member_fid = members.model.rows[0]["fid"]

    rows = audit_rows(db, "network_member")
    user = rows[0][0]
    assert user not in (None, "") and {r[0] for r in rows} == {user}
    inserted = {r[3]: r[5] for r in rows if r[2] == "insert"}
    assert inserted["phone"] == "081-234-5678" and inserted["phone_e164"] == "+66812345678"
    assert inserted["languages"] == "Thai, Karen" and inserted["organization_id"] == str(org_fid)

    # an edit: one audit row per changed field, old and new value
    members.select(member_fid)
    members.form.widgets["role"].setText("นักสังคมสงเคราะห์")
    members.form.widgets["availability"].setText("จันทร์-ศุกร์ 8:30-16:30")
    assert members.apply() and members.commit() == []
    updates = [(r[1], r[3], r[4], r[5]) for r in audit_rows(db, "network_member") if r[2] == "update"]
    assert sorted(updates) == [(member_fid, "availability", None, "จันทร์-ศุกร์ 8:30-16:30"),
                               (member_fid, "role", None, "นักสังคมสงเคราะห์")]
    assert {r[2] for r in audit_rows(db, "organization")} == {"insert"}

    members.select(member_fid)
    assert members.delete() and members.commit() == []
    assert [r[2] for r in audit_rows(db, "network_member") if r[3] is None] == ["insert", "delete"]


def test_undo_steps_back_in_the_edit_buffer_before_commit(dock, db):
    orgs = dock.organizations
    orgs.new()
    orgs.form.widgets["name"].setText("สถานีตำรวจภูธรแม่ริม")
    assert orgs.apply()
    assert dock.org_layer.editBuffer().addedFeatures() and orgs.model.rowCount() == 1
    orgs.undo()
    assert not dock.org_layer.editBuffer().addedFeatures() and orgs.model.rowCount() == 0
    assert orgs.commit() == [] and audit_rows(db, "organization") == []


def test_a_failed_commit_shows_why_and_keeps_the_buffer(dock, db):
    layer = dock.member_layer
    members = dock.members
    members.new()
    members.form.widgets["name"].setText("Nok")
    assert members.apply()
    fid = members.fid
    # As an attribute-table user could: empty the NOT NULL name in the same buffer.
    layer.changeAttributeValue(fid, layer.fields().indexOf("name"), None)
    errors = members.commit()
    assert errors and "NOT NULL" in " ".join(errors), errors    # QGIS's (GDAL's) own reason
    assert "NOT NULL" in members.status.text()
    assert not members.status.isHidden() and "Not saved" in members.status.text()
    assert layer.isEditable() and fid in layer.editBuffer().addedFeatures()   # nothing lost
    layer.changeAttributeValue(fid, layer.fields().indexOf("name"), "Nok")
    assert members.commit() == []
    assert [r[5] for r in audit_rows(db, "network_member") if r[3] == "name"] == ["Nok"]


def test_zoom_to_a_member(dock, qgis_iface):
    members = dock.members
    members.new()
    members.form.widgets["name"].setText("Nok")
    members.form.set_point((98.85, 18.65))
    assert members.apply()
    assert members.zoom_to()
    assert qgis_iface.mapCanvas().extent().contains(members.layer.getFeature(members.fid).geometry()
                                                    .boundingBox())


@pytest.mark.slow
def test_ten_thousand_members_load_and_filter_without_reloading_the_layer(qgis_iface, project, db):
    areas = ["5001", "500102", "5002", "500301"]
    conn = database.connect(db)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO network_member (name, areas, specialisations) VALUES (?, ?, ?)",
        [(f"member {i}", areas[i % 4], "child protection" if i % 10 == 0 else "health")
         for i in range(10_000)])
    conn.execute("COMMIT")
    conn.close()
    dock = NetworkDock(qgis_iface, project)
    assert dock.open_database(str(db))
    members = dock.members
    assert members.model.rowCount() == 10_000 and members.proxy.rowCount() == 10_000
    loads = members.model.loads
    members.area_filter.setCurrentIndex(members.area_filter.findData("500102"))
    assert members.proxy.rowCount() == 5_000          # 5001 holds 500102, plus 500102 itself
    members.specialisation_filter.setText("child")
    assert members.proxy.rowCount() == 500
    members.search.setText("member 10")               # of those: 100, 1000, 1020, ..., 1080
    assert members.proxy.rowCount() == 6
    members.area_filter.setCurrentIndex(0)
    members.specialisation_filter.setText("")
    members.search.setText("")
    assert members.proxy.rowCount() == 10_000
    assert members.model.loads == loads               # filtering never read the layer again
    dock.deleteLater()


def test_the_plugins_menu_opens_the_dock_and_unload_removes_it(qgis_iface, qgis_processing):
    from test_plugin import plugin_with_menus

    iface, plugin = plugin_with_menus(qgis_iface)
    plugin.initGui()
    try:
        entries = iface.entries()
        entries["Network directory"].trigger()
        assert isinstance(plugin.network_dock, NetworkDock)
        entries["Network directory"].trigger()                 # the same dock, shown again
        assert plugin.audit_hook is not None
    finally:
        plugin.unload()
    assert plugin.network_dock is None and plugin.audit_hook is None


@pytest.fixture()
def sample_db(imported_sample, tmp_path):
    """The sample province with its network directory (members store languages as codes)."""
    from conftest import copy_database
    from trafficking_db.trafficking_plugin.sample import cases

    files, _, source = imported_sample
    target = copy_database(source, tmp_path)
    cases.load_sample(target, files)
    return target


def table_rows(db, table):
    """{fid: {column: value}}, the geometry as its WKB (OGR may rewrite the blob's header)."""
    from trafficking_db.trafficking_plugin.core import wkb

    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {r["fid"]: dict(r, geom=wkb.wkb_of(r["geom"])) for r in conn.execute(f"SELECT * FROM {table}")}
    conn.close()
    return rows


def test_editing_one_field_keeps_every_other_field_of_every_sample_member(qgis_iface, project,
                                                                         sample_db):
    before = table_rows(sample_db, "network_member")
    assert any(r["languages"] == "th, en, akha, lahu, karen" for r in before.values())
    dock = NetworkDock(qgis_iface, project)
    assert dock.open_database(str(sample_db))
    members = dock.members
    languages = members.form.widgets["languages"]
    for n, fid in enumerate(sorted(before)):
        members.select(fid)
        ticked = {languages.item(i).data(Qt.UserRole) for i in range(languages.count())
                  if languages.item(i).checkState() == Qt.Checked}
        assert ticked == set(directory.split_list(before[fid]["languages"])), before[fid]
        members.form.widgets["phone"].setText(f"09{n:08d}")
        assert members.apply(), members.status.text()
    assert members.commit() == []
    after = table_rows(sample_db, "network_member")
    assert after.keys() == before.keys()
    for n, fid in enumerate(sorted(before)):
        assert after[fid]["phone_e164"] == f"+669{n:08d}"
        assert after[fid]["phone"] == directory.phone_local(f"+669{n:08d}")
        untouched = {k: v for k, v in before[fid].items() if k not in ("phone", "phone_e164")}
        assert {k: after[fid][k] for k in untouched} == untouched, fid
    # OGR writes the point's blob again (with an envelope) on any update: same point, new bytes
    changed = {r[3] for r in audit_rows(sample_db, "network_member") if r[2] == "update"}
    assert changed - {"geom"} == {"phone", "phone_e164"}
    dock.deleteLater()


def test_a_stored_language_outside_the_catalogue_is_shown_and_kept(dock, db):
    conn = database.connect(db)
    conn.execute("INSERT INTO network_member (name, languages) VALUES ('Nok', 'ไทย, Mon, lisu')")
    conn.commit()
    conn.close()
    dock.member_layer.reload()
    members = dock.members
    members.model.load()
    members.select(members.model.rows[0]["fid"])
    languages = members.form.widgets["languages"]
    ticked = [languages.item(i).text() for i in range(languages.count())
              if languages.item(i).checkState() == Qt.Checked]
    assert sorted(ticked) == sorted(["ไทย" if "ไทย" in ticked else "Thai", "Mon",
                                     "ลีซู" if "ลีซู" in ticked else "Lisu"])
    english = next(i for i in range(languages.count()) if languages.item(i).text()
                   in ("English", "อังกฤษ"))
    languages.item(english).setCheckState(Qt.Checked)            # one more language ticked
    assert members.apply() and members.commit() == []
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT languages FROM network_member").fetchone()[0] == \
        "ไทย, Mon, lisu, English"
    conn.close()


def test_after_save_the_form_is_clean_and_empty(dock):
    orgs = dock.organizations
    orgs.new()
    orgs.form.widgets["name"].setText("สถานีตำรวจภูธรแม่ริม")
    assert orgs.apply() and orgs.commit() == []
    assert orgs.form.values()["name"] is None
    assert all(label.isHidden() for label in orgs.form.messages.values())
    assert orgs.status.text() == "Saved."


def test_after_undo_the_status_says_what_is_true(dock):
    orgs = dock.organizations
    orgs.new()
    orgs.form.widgets["name"].setText("สถานีตำรวจภูธรแม่ริม")
    assert orgs.apply()
    orgs.form.widgets["phone"].setText("053-999999")
    assert orgs.apply()
    assert orgs.status.text().startswith("Changed in the edit buffer")
    assert orgs.undo()
    assert "Other changes wait in the edit buffer" in orgs.status.text()
    assert orgs.form.values()["phone"] is None and orgs.form.values()["name"]
    assert orgs.undo()
    assert orgs.status.text() == "Undone. Nothing waits to be saved."
    assert not orgs.undo() and orgs.status.text() == "Nothing to undo."
