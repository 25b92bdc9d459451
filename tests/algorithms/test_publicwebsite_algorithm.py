"""trafficking:publicwebsite through processing.run: the site's folder, its outputs, the register,
and a clear refusal for a year nobody was scored in."""
import pytest
from qgis.core import QgsProcessingException

from trafficking_db.trafficking_plugin.core.dissemination import release

from conftest import copy_database


def test_the_algorithm_writes_the_site_and_records_it(scored_sample, tmp_path, run_algorithm):
    db = copy_database(scored_sample[1], tmp_path)
    folder = tmp_path / "site"
    result = run_algorithm("publicwebsite", DATABASE=str(db), DATA_YEAR=2567,
                           OUTPUT_FOLDER=str(folder), ATTRIBUTION="Test centre")
    assert result["INDEX"] == str(folder / "index.html") and (folder / "index.html").exists()
    assert (folder / "data.js").exists() and (folder / "downloads" / "README.txt").exists()
    assert result["AREAS"] > 0 and 0 <= result["HIDDEN_AREAS"] <= result["AREAS"]
    assert "Test centre" in (folder / "data.js").read_text(encoding="utf-8")
    rows = release.register(db, 2024)
    assert [(r["kind"], r["k"], r["rounding"]) for r in rows] == [("public_website", 11, 1)]


def test_a_year_without_scores_is_refused_clearly(scored_sample, tmp_path, run_algorithm):
    db = copy_database(scored_sample[1], tmp_path)
    with pytest.raises(QgsProcessingException, match="scoreriskindex"):
        run_algorithm("publicwebsite", DATABASE=str(db), DATA_YEAR=2020,
                      OUTPUT_FOLDER=str(tmp_path / "site"))
    assert not (tmp_path / "site" / "index.html").exists()
