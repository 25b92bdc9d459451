"""trafficking:analysecaseroutes and the risk index's I20 on hand-built cases (figures by hand)."""
import contextlib
import sqlite3

import pytest
from qgis.core import QgsVectorLayer
from trafficking_db.trafficking_plugin.core.cases import routes as case_routes
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.risk import indicators
from trafficking_db.trafficking_plugin.core.risk.facts import build_facts
from trafficking_db.trafficking_plugin.sample.network import point_blob

from builders import V1, V2
from builders import village_province as make_province
from conftest import CancelAfter

MAE_SAI = ("Mae Sai", "TH", 99.879, 20.429)
BUS = ("Mo Chit bus terminal", "TH", 100.553, 13.812)
BANGKOK = ("Bangkok", "TH", 100.523, 13.736)
TACHILEIK = ("Tachileik", "MM", 99.882, 20.447)
KUNMING = ("Kunming", "CN", 102.833, 24.880)
# case: (key, age, gender, recruitment, control, exploitation, referral date, route)
CASES = [
    ("keya", 15, "Feminine", "ThroughOnlineSocialNetworks AtWork", "DebtBondage",
     "SexualExploitation", "2022-09-01",
     [("Recruitment", "2022-03-01", V1, None), ("Transit", "2022-03-02", None, MAE_SAI),
      ("Transit", "2022-03-09", None, MAE_SAI), ("Exploitation", "2022-03-10", None, BANGKOK)]),
    ("keyb", 17, "Feminine", "ThroughOnlineSocialNetworks", "DebtBondage WithholdsDocuments",
     "ForcedLabour", "2023-09-01",
     [("Recruitment", "2023-01-05", V1, None), ("Transit", "2023-01-06", None, MAE_SAI),
      ("Transit", "2023-01-07", None, BUS), ("Exploitation", "2023-01-08", None, BANGKOK)]),
    ("keyc", 24, "Masculine", "ThroughFamilyOrFamilyEvents", None, "ForcedMarriage", None,
     [("Recruitment", "2023-05-01", V2, None), ("Transit", "2023-05-02", None, MAE_SAI),
      ("Exploitation", "2023-05-03", None, TACHILEIK), ("Exploitation", "2023-06-01", None, KUNMING)]),
    # Told without a route: counts in the tables; its village comes from the linked person.
    ("keyd", None, None, None, None, None, "2024-02-01", []),
]




@pytest.fixture()
def cases_db(tmp_path):
    db = make_province(tmp_path / "province.gpkg")
    with contextlib.closing(database.connect(db)) as conn:
        conn.execute("BEGIN")
        for key, age, gender, recruit, control, kind, referral, route in CASES:
            fid = conn.execute(
                'INSERT INTO "case" (case_key, age_trafficked, gender, recruitment_method, '
                "means_of_control, exploitation_type, incoming_referral_date) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (key, age, gender, recruit, control, kind,
                                                 referral)).lastrowid
            for seq, (event, date, village, place) in enumerate(route, 1):
                name, country, x, y = place or (None, "TH", None, None)
                conn.execute("INSERT INTO case_event (geom, case_id, sequence, event_type, "
                             "event_date, village_code, place_name, country) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, ?)", (point_blob(x, y), fid, seq, event, date,
                                                          village, name, country))
        conn.execute("INSERT INTO person (person_key, data_year, village_code) VALUES "
                     "('keyd', 2024, ?)", (V2,))
        conn.execute("COMMIT")
    return db


def test_routes_weigh_cases_from_first_recruitment_to_last_exploitation(cases_db):
    found = case_routes.analyse(cases_db)
    assert found.cases == 4
    routes = [(r["origin"], r["destination"], r["cases"], r["abroad"], r["first_year"],
               r["last_year"]) for r in found.routes]
    # Case c was exploited in Tachileik, then Kunming: its destination is the last place.
    assert routes == [(V1, "Bangkok (TH)", 2, 0, "2022", "2023"),
                      (V2, "Kunming (CN)", 1, 1, "2023", "2023")]
    first = found.routes[0]
    assert (first["x1"], first["y1"], first["x2"], first["y2"]) == (98.82, 18.62, 100.523, 13.736)
    # Mae Sai: cases a (twice, counted once), b and c; the bus terminal: case b.
    assert [(p["key"], p["cases"]) for p in found.transit] == [
        ("Mae Sai (TH)", 3), ("Mo Chit bus terminal (TH)", 1)]


def test_tables_count_each_value_of_a_case(cases_db):
    rows = {(r["dimension"], r["value"]): r["cases"] for r in case_routes.analyse(cases_db).breakdown}
    table = {d: {v: n for (dim, v), n in rows.items() if dim == d} for d in case_routes.DIMENSIONS}
    assert table["recruitment_method"] == {"ThroughOnlineSocialNetworks": 2, "AtWork": 1,
                                           "ThroughFamilyOrFamilyEvents": 1, "unknown": 1}
    assert table["means_of_control"] == {"DebtBondage": 2, "WithholdsDocuments": 1, "unknown": 2}
    assert table["exploitation_type"] == {"SexualExploitation": 1, "ForcedLabour": 1,
                                          "ForcedMarriage": 1, "unknown": 1}
    assert table["age_band"] == {"15-17": 2, "18-24": 1, "unknown": 1}
    assert table["sex"] == {"Feminine": 2, "Masculine": 1, "unknown": 1}
    # Year of recruitment; case d has no route, so its referral year.
    assert table["year"] == {"2022": 1, "2023": 2, "2024": 1}
    share = next(r["share"] for r in case_routes.analyse(cases_db).breakdown
                 if r["value"] == "ThroughOnlineSocialNetworks")
    assert share == pytest.approx(0.5)


def test_villages_count_where_victims_were_recruited(cases_db):
    villages = case_routes.analyse(cases_db).villages
    # V1: cases a and b; V2: case c (its recruitment) and d (its person's village).
    assert [(v["village_code"], v["cases"], v["subdistrict_code"]) for v in villages] == [
        (V1, 2, V1[:6]), (V2, 2, V2[:6])]


def test_algorithm_writes_lines_points_and_tables(cases_db, tmp_path, run_algorithm):
    result = run_algorithm("analysecaseroutes", DATABASE=str(cases_db),
                           OUTPUT_ROUTES=str(tmp_path / "routes.gpkg"),
                           OUTPUT_TRANSIT=str(tmp_path / "transit.gpkg"),
                           OUTPUT_TABLES=str(tmp_path / "tables.gpkg"),
                           OUTPUT_VILLAGES=str(tmp_path / "villages.gpkg"))
    routes = QgsVectorLayer(result["OUTPUT_ROUTES"], "routes", "ogr")
    lines = sorted((f["destination"], f["cases"], round(f.geometry().length(), 3))
                   for f in routes.getFeatures())
    # Lengths in degrees: V1 (98.82, 18.62) to Bangkok; V2 (98.92, 18.62) to Kunming.
    assert lines == [("Bangkok (TH)", 2, round(((100.523 - 98.82) ** 2 + (13.736 - 18.62) ** 2) ** 0.5, 3)),
                     ("Kunming (CN)", 1, round(((102.833 - 98.92) ** 2 + (24.88 - 18.62) ** 2) ** 0.5, 3))]
    transit = QgsVectorLayer(result["OUTPUT_TRANSIT"], "transit", "ogr")
    assert sorted((f["name"], f["cases"]) for f in transit.getFeatures()) == [
        ("Mae Sai", 3), ("Mo Chit bus terminal", 1)]
    tables = QgsVectorLayer(result["OUTPUT_TABLES"], "tables", "ogr")
    assert tables.featureCount() == 4 + 3 + 4 + 3 + 3 + 3
    villages = QgsVectorLayer(result["OUTPUT_VILLAGES"], "villages", "ogr")
    assert sorted((f["village_code"], f["cases"]) for f in villages.getFeatures()) == [(V1, 2), (V2, 2)]
    # Each map output carries its style, so QGIS opens it styled: routes by abroad or not.
    assert routes.renderer().type() == "categorizedSymbol"
    assert routes.renderer().classAttribute() == "abroad"
    assert transit.renderer().symbol().symbolLayer(0).layerType() == "SimpleMarker"
    for name, style in (("routes", "case_route"), ("transit", "case_transit"), ("villages", "case_village")):
        with contextlib.closing(sqlite3.connect(tmp_path / f"{name}.gpkg")) as conn:
            assert conn.execute("SELECT styleName, useAsDefault FROM layer_styles").fetchall() == [(style, 1)]


def test_cancel_stops_the_analysis(cases_db):
    from trafficking_db.trafficking_plugin.core.feedback import Canceled
    with pytest.raises(Canceled):
        case_routes.analyse(cases_db, feedback=CancelAfter(0))


# -- I20: a household member of a case victim --------------------------------------------------

def i20_scores(db):
    """person_key -> I20 score from the facts the risk index builds for 2024."""
    _, catalogue = indicators.load()
    i20 = next(i for i in catalogue if i.code == "I20")
    with contextlib.closing(database.connect(db)) as conn:
        build_facts(conn, 2024)
        return dict(conn.execute(
            f"SELECT person_key, CASE WHEN ({i20.rule_3}) THEN 3 WHEN ({i20.rule_2}) THEN 2 "
            f"WHEN ({i20.rule_1}) THEN 1 END FROM temp.person_facts")), dict(conn.execute(
                "SELECT person_key, case_victim FROM temp.person_facts"))


def test_i20_rises_for_the_household_of_a_case_victim(tmp_path):
    db = make_province(tmp_path / "province.gpkg")
    with contextlib.closing(database.connect(db)) as conn:
        conn.execute("BEGIN")
        # victim and sibling share house 7; a neighbour lives in house 8.
        for key, house in (("victim", 7), ("sibling", 7), ("neighbour", 8)):
            conn.execute("INSERT INTO person (person_key, data_year, village_code, household_no, "
                         "residence) VALUES (?, 2024, ?, ?, 'lives_here_registered_here')",
                         (key, V1, house))
        conn.execute("COMMIT")
    before, victims = i20_scores(db)
    assert before == {"victim": 1, "sibling": 1, "neighbour": 1} and set(victims.values()) == {0}
    with contextlib.closing(database.connect(db)) as conn:
        conn.execute("INSERT INTO \"case\" (case_key, exploitation_type, recorded_at) VALUES "
                     "('victim', 'ForcedLabour', '2024-05-01T08:00:00Z')")
        conn.execute("INSERT INTO \"case\" (case_key, recorded_at) VALUES ('nobody', "
                     "'2024-05-01T08:00:00Z')")                  # a random key
        # A case recorded after the data year is an outcome, not a fact of 2024.
        conn.execute("INSERT INTO person (person_key, data_year, village_code, household_no, "
                     "residence) VALUES ('later', 2024, ?, 8, 'lives_here_registered_here')", (V1,))
        conn.execute("INSERT INTO \"case\" (case_key, recorded_at) VALUES ('later', "
                     "'2025-02-01T08:00:00Z')")
    after, victims = i20_scores(db)
    # I20 is about the family: the sibling rises, the victim's own case never feeds her score.
    assert after == {"victim": 1, "sibling": 3, "neighbour": 1, "later": 1}
    assert victims == {"victim": 1, "sibling": 0, "neighbour": 0, "later": 0}
    with contextlib.closing(sqlite3.connect(db)) as conn:     # facts are temporary
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'person_facts'").fetchone()
