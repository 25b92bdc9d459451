"""trafficking:scoreriskindex end to end on the sample province: personas, areas, styles, privacy."""
import csv
import gzip
import re
import sqlite3

import pytest
from qgis.core import QgsVectorLayer

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core.ingest import pseudonym
from trafficking_db.trafficking_plugin.core.risk import risk_index

from conftest import copy_database

CLASSES = ("low", "medium", "high")
# Planted persons a class needs before its share landing in its own class is asserted: at SCALE
# 0.002 a sample plants some 20-30 low personas but only 0-2 high and 1-4 medium ones, where one
# household with extra risks would be a quarter to all of the class.
MIN_FOR_SHARE = 10


@pytest.fixture(scope="module")
def crosswalked(imported_sample, tmp_path_factory):
    files, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("risk"))
    crosswalk.run_crosswalk(db, 2024)
    return files, db


def _persona_classes(files, db):
    """{persona: [(risk_class, risk_index) of each planted person]} through the pseudonyms of
    their true IDs; ("missing", None) for a person the scoring did not write."""
    key = pseudonym.person_keyer(pseudonym.load_secret(db.with_suffix(".identity.sqlite")))
    found = {}
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f, \
            sqlite3.connect(db) as conn:
        for row in csv.DictReader(f):
            if row["persona"] and row["id"]:
                hit = conn.execute("SELECT risk_class, risk_index FROM risk_person WHERE "
                                   "person_key = ? AND data_year = 2024", (key(row["id"]),)).fetchone()
                found.setdefault(row["persona"], []).append(hit or ("missing", None))
    return found


def test_planted_personas_get_their_classes(run_algorithm, crosswalked):
    files, db = crosswalked
    result = run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2567)
    assert result["PERSONS"] == result["SCORED"] + _count(db, "risk_index IS NULL")
    assert result["HIGH"] + result["MEDIUM"] + result["LOW"] == result["SCORED"]
    found = _persona_classes(files, db)
    assert set(found) <= set(CLASSES) and ({"medium", "high"} & set(found))
    assert len(found["low"]) >= MIN_FOR_SHARE                   # the share rule always bites
    for persona, hits in found.items():
        classes = [c for c, _ in hits]
        # Every planted person is scored and none lands two classes away, whatever the count:
        # a high persona is never low, a low one never high.
        assert "missing" not in classes and None not in classes
        assert all(abs(CLASSES.index(c) - CLASSES.index(persona)) <= 1 for c in classes), classes
        # At least four in five land in their own class (a real household can add risks the
        # persona omits), asserted where the class is large enough for a share to mean anything.
        if len(classes) >= MIN_FOR_SHARE:
            assert classes.count(persona) >= 0.8 * len(classes), (persona, classes)
    # Whatever the counts, the index orders the profiles: each class's mean index is above the
    # mean of the class below. An index blind to the persona-defining factors (legal status,
    # schooling, poverty) fails this even where the classes are too small for a share.
    means = [sum(i for _, i in found[p]) / len(found[p]) for p in CLASSES if p in found]
    assert all(a < b for a, b in zip(means, means[1:])), means


def _count(db, condition):
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM risk_person WHERE {condition}").fetchone()[0]


def test_areas_add_up_and_layers_open_styled(run_algorithm, crosswalked):
    _, db = crosswalked
    run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024)
    with sqlite3.connect(db) as conn:
        # Persons with no known place count in the province's breakdown only.
        persons = conn.execute("SELECT count(*), sum(risk_class = 'high') FROM risk_person "
                               "WHERE data_year = 2024 AND subdistrict_code IS NOT NULL").fetchone()
        for level in ("subdistrict", "district"):
            assert conn.execute(f"SELECT sum(persons), sum(persons_high) FROM risk_{level} "
                                "WHERE data_year = 2024").fetchone() == persons
        assert conn.execute("SELECT count(*) FROM risk_village WHERE data_year = 2024").fetchone()[0] \
            == conn.execute("SELECT count(*) FROM village").fetchone()[0]
        assert conn.execute("SELECT sum(persons_scored) FROM risk_breakdown WHERE level = "
                            "'province' AND dimension = 'home_town'").fetchone()[0] \
            == _count(db, "risk_index IS NOT NULL")
        run = conn.execute("SELECT method, catalogue_version, persons FROM risk_run").fetchone()
        assert run == ("mean", "2026.1", _count(db, "1"))
    layer = QgsVectorLayer(f"{db}|layername=risk_subdistrict", "risk", "ogr")
    assert layer.isValid()
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "risk_class"


def test_no_raw_id_or_name_in_risk_tables(run_algorithm, crosswalked):
    files, db = crosswalked
    run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024)
    names = set()
    with gzip.open(files / "truth" / "persons.csv.gz", "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.update(n for n in (row["first_name"], row["last_name"]) if len(n) > 2)
    with sqlite3.connect(db) as conn:
        for table in risk_index.RISK_TABLES:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                text = " ".join(str(v) for v in row if isinstance(v, str))
                assert not re.search(r"(?<!\d)\d{13}(?!\d)", text), table
                assert not names & set(text.split()), table


def test_methods_and_options_through_processing(run_algorithm, crosswalked):
    _, db = crosswalked
    result = run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024, METHOD=2,
                           MIN_COVERAGE=30)
    assert result["SCORED"] == 0 and result["PERSONS"] > 0          # 28 indicators at most
    result = run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024, METHOD=2)
    assert result["HIGH"] == pytest.approx(0.25 * result["SCORED"], rel=0.35)   # top quarter
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT DISTINCT method FROM risk_person").fetchall() == [("percentile",)]
    with pytest.raises(Exception, match="Z99"):
        run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024, WEIGHTS="Z99=2")
    with pytest.raises(Exception, match="crosswalk"):
        run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2019)
