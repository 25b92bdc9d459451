"""Every GeoPackage the plugin writes passes GDAL's own validator (validate_gpkg.py, shipped with
Debian's python3-gdal), the province database before and after an upgrade included."""
import contextlib

from builders import geopackage_problems as problems
from conftest import copy_database
from trafficking_db.trafficking_plugin.core import create_database, database
from trafficking_db.trafficking_plugin.core.dissemination import public_export

def test_a_scored_province_database_is_a_valid_geopackage(scored_sample, tmp_path):
    _, db = scored_sample
    assert problems(copy_database(db, tmp_path)) == []


def test_an_upgrade_repairs_a_database_of_earlier_versions(tmp_path):
    """Earlier versions added a gpkg_schema row on every upgrade and lacked
    gpkg_data_column_constraints (requirement 141): an upgrade repairs both."""
    path = tmp_path / "old.gpkg"
    create_database.create_or_upgrade(path, "50", {})
    with contextlib.closing(database.connect(path)) as conn:
        conn.execute("DROP TABLE gpkg_data_column_constraints")
        conn.execute("DELETE FROM gpkg_extensions WHERE extension_name = 'gpkg_schema'")
        conn.executemany("INSERT INTO gpkg_extensions VALUES ('gpkg_data_columns', NULL, "
                         "'gpkg_schema', 'http://www.geopackage.org/spec/#extension_schema', "
                         "'read-write')", [()] * 12)
    assert problems(path)
    create_database.create_or_upgrade(path, "50", {})
    create_database.create_or_upgrade(path, "50", {})
    assert problems(path) == []


def test_the_public_export_geopackage_is_valid(scored_sample, tmp_path):
    _, db = scored_sample
    summary = public_export.export(db, 2024, tmp_path / "public", level="district")
    written = [f for f in summary.files if f.endswith(".gpkg")]
    assert written and all(problems(f) == [] for f in written)


def test_algorithm_outputs_are_valid_geopackages(run_algorithm, scored_sample, tmp_path):
    _, db = scored_sample
    out = tmp_path / "gaps.gpkg"
    run_algorithm("networkcoverage", DATABASE=str(db), DATA_YEAR=2024, MAX_KM=30, OUTPUT=str(out))
    villages, persons = tmp_path / "villages.gpkg", tmp_path / "persons.gpkg"
    run_algorithm("preventiontargets", DATABASE=str(db), DATA_YEAR=2024, VILLAGES=3,
                  PERSONS_PER_VILLAGE=2, OUTPUT_VILLAGES=str(villages), OUTPUT_PERSONS=str(persons))
    for path in (out, villages, persons):
        assert problems(path) == [], path
