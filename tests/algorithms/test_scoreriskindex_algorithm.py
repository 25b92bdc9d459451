"""trafficking:scoreriskindex end to end on the sample province: classes, areas, styles, privacy."""
import csv
import gzip
import re
import sqlite3

import pytest
from qgis.core import QgsVectorLayer

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core.risk import risk_index

from conftest import copy_database

CLASSES = ("low", "medium", "high")


@pytest.fixture(scope="module")
def crosswalked(imported_sample, tmp_path_factory):
    files, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("risk"))
    crosswalk.run_crosswalk(db, 2024)
    return files, db


def test_scored_classes_add_up(run_algorithm, crosswalked):
    files, db = crosswalked
    result = run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2567)
    assert result["PERSONS"] == result["SCORED"] + _count(db, "risk_index IS NULL")
    assert result["HIGH"] + result["MEDIUM"] + result["LOW"] == result["SCORED"]
    # Whether the classes point at the truth's vulnerable persons is the validation's question
    # (truth/persons.csv, on seeds other than the demo's), not this fixture's (seed 1).


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
