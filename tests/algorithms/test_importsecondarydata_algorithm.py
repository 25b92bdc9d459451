"""trafficking:importsecondarydata run as the toolbox runs it: sample files, GDAL tables, errors, cancel."""
import contextlib
import sqlite3

import pytest
from qgis.core import (
    QgsFeature, QgsField, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
    QgsVectorFileWriter, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QVariant
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.sample import synthetic_province
from trafficking_db.trafficking_plugin.sample import generator


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("alg_sample")
    manifest = generator.generate_sample_data(synthetic_province.synthetic_province(), folder, scale=0.002,
                                                seed=1)
    return folder, manifest


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(path, "50", {})
    return path


def count(db, sql):
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchone()[0]


def test_every_sample_file_through_processing(run_algorithm, sample, db):
    folder, manifest = sample
    for entry in manifest["files"]:
        result = run_algorithm("importsecondarydata", DATABASE=str(db), INPUT=str(folder / entry["path"]),
                               SOURCE=entry["source"], DATA_YEAR=2567)
        assert result["STATUS"] == "succeeded"
        assert result["ROWS_READ"] == entry["rows"] == result["ROWS_STAGED"] + result["ROWS_REJECTED"]
        assert count(db, f'SELECT count(*) FROM "{result["STAGING_TABLE"]}"') == result["ROWS_STAGED"]
    assert (db.parent / "province.identity.sqlite").exists()
    # The same file again: said, recorded, nothing added, no error.
    again = run_algorithm("importsecondarydata", DATABASE=str(db), INPUT=str(folder / "health" / "HOME.csv"),
                          SOURCE="health", DATA_YEAR=2024)
    assert again["STATUS"] == "duplicate" and again["ROWS_STAGED"] == 0
    assert count(db, "SELECT count(*) FROM import_run WHERE status = 'duplicate'") == 1


def test_a_table_gdal_reads_goes_through_a_layer(run_algorithm, sample, db, tmp_path):
    folder, _ = sample
    source = QgsVectorLayer(str(folder / "health" / "HOME.csv"), "home", "ogr")   # all fields text
    fields = source.fields()
    memory = QgsVectorLayer("None", "home", "memory")
    # D_UPDATE as a real date field: dates reach the core as dates, whatever the format.
    memory.dataProvider().addAttributes([QgsField(f.name(), QVariant.Date if f.name() == "D_UPDATE"
                                                  else QVariant.String) for f in fields])
    memory.updateFields()
    stamp = fields.indexOf("D_UPDATE")
    features = []
    for f in source.getFeatures():
        feature = QgsFeature(memory.fields())
        values = f.attributes()
        values[stamp] = QDate.fromString(values[stamp][:8], "yyyyMMdd")
        feature.setAttributes(values)
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    target = tmp_path / "home_table.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "home"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(target), QgsProcessingContext()
                                                      .transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    result = run_algorithm("importsecondarydata", DATABASE=str(db), INPUT=str(target), SOURCE="health",
                           DATA_YEAR=2024)
    assert result["STAGING_TABLE"] == "staging_health_home"
    assert result["ROWS_READ"] == source.featureCount()
    assert result["ROWS_REJECTED"] == 8        # 6 blank villages and 2 duplicate rows, as from the CSV
    first = sample[0] / "health" / "HOME.csv"
    stamp_text = first.read_text(encoding="utf-8").splitlines()[1].split(",")[-1]
    assert count(db, "SELECT updated_on FROM staging_health_home WHERE row_number = 1") == \
        f"{stamp_text[:4]}-{stamp_text[4:6]}-{stamp_text[6:8]}"


def test_identity_file_elsewhere(run_algorithm, sample, db, tmp_path):
    folder, _ = sample
    identity = tmp_path / "secure" / "identities.sqlite"
    identity.parent.mkdir()
    run_algorithm("importsecondarydata", DATABASE=str(db), INPUT=str(folder / "human_security" /
                  "welfare_cases.csv"), SOURCE="human_security", DATA_YEAR=2567, ENCODING=4,
                  IDENTITY=str(identity))
    assert count(identity, "SELECT count(*) FROM person_identity") > 0
    assert not (db.parent / "province.identity.sqlite").exists()


@pytest.mark.parametrize("params, message", [
    ({"SOURCE": "police"}, "no agency source 'police'"),   # caught before the run
    ({"SOURCE": "education"}, "not a file of source 'education'"),
    ({"DATABASE": "missing.gpkg"}, "createdatabase"),
])
def test_errors_say_what_to_do(run_algorithm, sample, db, tmp_path, params, message):
    folder, _ = sample
    base = {"DATABASE": str(db), "INPUT": str(folder / "health" / "HOME.csv"), "SOURCE": "health",
            "DATA_YEAR": 2024}
    if params.get("DATABASE"):
        params = {**params, "DATABASE": str(tmp_path / params["DATABASE"])}
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("importsecondarydata", **{**base, **params})


def test_cancel_leaves_the_database_as_it_was(provider, sample, db):
    import processing

    folder, _ = sample
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _progress: feedback.cancel())   # cancel once under way
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run("trafficking:importsecondarydata", {
            "DATABASE": str(db), "INPUT": str(folder / "health" / "PERSON.csv"), "SOURCE": "health",
            "DATA_YEAR": 2024}, context=QgsProcessingContext(), feedback=feedback)
    assert count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'staging_%'") == 0
    assert count(db, "SELECT count(*) FROM import_run WHERE status = 'canceled'") == 1
