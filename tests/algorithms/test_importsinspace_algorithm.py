"""trafficking:importsinspace through processing.run: import, re-score without input, refusal."""
import sqlite3

import pytest
from conftest import province_units
from qgis.core import QgsProcessingException
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.sample import generator


@pytest.fixture()
def sample_db(tmp_path):
    subdistricts = synthetic_province.synthetic_province()
    manifest = generator.generate_sample_data(subdistricts, tmp_path / "files", scale=0.002, seed=2)
    db = tmp_path / "province.gpkg"
    units = province_units(subdistricts, tmp_path / "files" / "villages.geojson")
    create_database.create_or_upgrade(db, "50", units)
    return db, tmp_path / "files" / manifest["sin_space"]["path"], manifest["sin_space"]


def test_import_then_rescore_without_input(run_algorithm, sample_db):
    db, survey, entry = sample_db
    result = run_algorithm("importsinspace", DATABASE=str(db), INPUT=str(survey), DATA_YEAR=2567)
    assert result["STATUS"] == "succeeded"
    assert (result["ROWS_READ"], result["ROWS_STAGED"], result["ROWS_REJECTED"]) == (
        entry["rows"], entry["expected"]["rows_accepted"], entry["expected"]["rows_rejected"])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE establishment_rule SET enabled = 0")          # only the types' base scores
    again = run_algorithm("importsinspace", DATABASE=str(db), HIGH_SCORE=35, MEDIUM_SCORE=20)
    assert again["STATUS"] == "rescored" and again["ESTABLISHMENTS_SCORED"] == result["ROWS_STAGED"]
    with sqlite3.connect(db) as conn:
        brothels = conn.execute("SELECT count(*) FROM establishment "
                                "WHERE type = 'brothel_front'").fetchone()[0]
        assert again["HIGH"] == brothels                           # base 40, the only one over 35
        assert conn.execute("SELECT count(*) FROM establishment "
                            "WHERE risk_reasons LIKE '%P0%'").fetchone() == (0,)
    duplicate = run_algorithm("importsinspace", DATABASE=str(db), INPUT=str(survey))
    assert duplicate["STATUS"] == "duplicate"


def test_bad_cut_points_and_missing_file_are_refused(run_algorithm, sample_db, tmp_path):
    db, _, _ = sample_db
    with pytest.raises(QgsProcessingException, match="high cut-point"):
        run_algorithm("importsinspace", DATABASE=str(db), HIGH_SCORE=10, MEDIUM_SCORE=20)
    with pytest.raises(QgsProcessingException):
        run_algorithm("importsinspace", DATABASE=str(db), INPUT=str(tmp_path / "nope.csv"))
