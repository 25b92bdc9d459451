"""trafficking:scoreriskindex end to end on the sample province: who is scored, areas, styles,
privacy. Whether the index points at the right villages is validation's question
(tests/core/risk/test_validation.py), on seeds the catalogue never saw."""
import csv
import gzip
import re
import sqlite3

import pytest
from qgis.core import QgsVectorLayer

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core.risk import risk_index

from conftest import copy_database


@pytest.fixture(scope="module")
def crosswalked(imported_sample, tmp_path_factory):
    files, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("risk"))
    crosswalk.run_crosswalk(db, 2024)
    return files, db


def test_the_target_population_is_scored_and_every_person_counted(run_algorithm, crosswalked):
    """Children and women by default; a person observed on too few dimensions is in the class
    not_enough_data, counted, never low; records without an ID are counted as unlinked."""
    _, db = crosswalked
    result = run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2567)
    enough = _count(db, "risk_class = 'not_enough_data'")
    assert result["PERSONS"] == result["SCORED"] + enough and enough > 0
    assert result["HIGH"] + result["MEDIUM"] + result["LOW"] == result["SCORED"]
    assert _count(db, "risk_class = 'not_enough_data' AND (risk_index IS NOT NULL OR "
                      "dimensions >= 3)") == 0
    assert _count(db, "NOT (age < 18 OR sex = 'female')") == 0
    with sqlite3.connect(db) as conn:
        everyone = conn.execute("SELECT count(*) FROM person WHERE data_year = 2024 AND "
                                "(age < 18 OR sex = 'female')").fetchone()[0]
        assert result["PERSONS"] == everyone
        assert conn.execute("SELECT sum(persons_unlinked) FROM risk_district WHERE "
                            "data_year = 2024").fetchone()[0] > 0
    result = run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2567, TARGET=1)
    with sqlite3.connect(db) as conn:
        assert result["PERSONS"] == conn.execute(
            "SELECT count(*) FROM person WHERE data_year = 2024").fetchone()[0]


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
        assert run == ("mean", "2027.1", _count(db, "1"))
    layer = QgsVectorLayer(f"{db}|layername=risk_subdistrict", "risk", "ogr")
    assert layer.isValid()
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "risk_class"
    # Areas whose class is not robust are hatched, and the legend says so.
    categories = {c.value(): c for c in layer.renderer().categories()}
    assert "legend:not_robust" in categories
    hatch = categories["high"].symbol().symbolLayers()[-1]
    colour = hatch.dataDefinedProperties().property(hatch.PropertyFillColor)
    assert '"robust"' in colour.expressionString() and hatch.color().alpha() == 0


def test_the_uncertainty_of_the_classes_is_stored(run_algorithm, crosswalked):
    """Each area's chance of being high over the random draws, whether its class is robust,
    each village's rank interval, and how much each indicator moves the map."""
    _, db = crosswalked
    run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024)
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT count(*) FROM risk_village WHERE data_year = 2024 AND persons_scored > 0 AND "
            "(p_high IS NULL OR robust IS NULL OR rank_low > rank_high OR p_high > 1)"
        ).fetchone() == (0,)
        assert conn.execute("SELECT count(*), min(robust), max(robust) FROM risk_subdistrict "
                            "WHERE data_year = 2024 AND persons_scored > 0").fetchone()[0] > 0
        # The top village of the work list's order is high in most draws.
        top = conn.execute("SELECT p_high, rank_low FROM risk_village WHERE data_year = 2024 "
                           "ORDER BY persons_at_risk DESC LIMIT 1").fetchone()
        assert top[0] >= 0.5 and top[1] == 1
        kinds = dict(conn.execute("SELECT kind, count(*) FROM risk_sensitivity WHERE "
                                  "data_year = 2024 GROUP BY kind"))
        enabled = conn.execute("SELECT count(*) FROM indicator WHERE enabled").fetchone()[0]
        assert kinds == {"weights": 1, "drop_indicator": enabled}
        assert 0 < conn.execute("SELECT spearman_p05 FROM risk_sensitivity WHERE kind = "
                                "'weights'").fetchone()[0] <= 1


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
                           MIN_DIMENSIONS=6)
    assert result["SCORED"] == 0 and result["PERSONS"] > 0          # five dimensions at most
    result = run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024, METHOD=2)
    assert result["HIGH"] == pytest.approx(0.25 * result["SCORED"], rel=0.35)   # top quarter
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT DISTINCT method FROM risk_person").fetchall() == [("percentile",)]
        # Its area classes are ranks of their own: not every area red.
        classes = dict(conn.execute("SELECT risk_class, count(*) FROM risk_subdistrict WHERE "
                                    "data_year = 2024 AND persons_scored > 0 GROUP BY 1"))
        assert classes.get("high", 0) <= 0.3 * sum(classes.values()) and classes.get("low")
    with pytest.raises(Exception, match="Z99"):
        run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2024, WEIGHTS="Z99=2")
    with pytest.raises(Exception, match="crosswalk"):
        run_algorithm("scoreriskindex", DATABASE=str(db), DATA_YEAR=2019)
