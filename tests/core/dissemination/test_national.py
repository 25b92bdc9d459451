"""trafficking:publishnational against a real, throwaway PostgreSQL 15 + PostGIS 3 server."""
import re
import sqlite3

import pytest

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.dissemination import national, national_schema
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.core.feedback import Canceled

from conftest import CancelAfter, copy_database
from conftest_postgis import postgis_server  # noqa: F401 (the session fixture)

pytestmark = pytest.mark.slow   # a throwaway PostGIS server: not in the quick lane

YEAR = 2024
DB = "national"


@pytest.fixture(scope="module")
def scored(imported_sample, tmp_path_factory):
    """The sample province crosswalked and scored for 2024."""
    _, _, db = imported_sample
    db = copy_database(db, tmp_path_factory.mktemp("national"))
    crosswalk.run_crosswalk(db, YEAR)
    risk_index.score_risk_index(db, YEAR, risk_index.Options())
    return db


@pytest.fixture(scope="module")
def other_provinces(scored, tmp_path_factory):
    """The same scored data rewritten to provinces 98 and 99: {code: database}."""
    provinces = {}
    for code in ("98", "99"):
        db = copy_database(scored, tmp_path_factory.mktemp(f"province{code}"))
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE database_info SET value = ? WHERE key = 'province_code'", (code,))
        provinces[code] = db
    return provinces


@pytest.fixture()
def server(postgis_server):  # noqa: F811
    postgis_server.create_database(DB)
    return postgis_server


def _styles():
    from trafficking_db.trafficking_plugin.core.dissemination.national import plugin_styles
    return plugin_styles()


def _publish(server, db, **kwargs):
    return national.publish(db, server.params(DB), YEAR, styles=_styles(), **kwargs)


def _national_count(server, table, province="50"):
    return server.execute(DB, f"SELECT count(*) FROM trafficking.{table} WHERE province_code = "
                              f"'{province}' AND data_year = {YEAR}")[0][0]


def _province_count(db, published):
    where = f" WHERE data_year = {YEAR}" if published.by_year else ""
    with sqlite3.connect(db) as conn:
        return conn.execute(f'SELECT count(*) FROM "{published.table}"{where}').fetchone()[0]


def _fingerprint(server):
    """Row count and md5 of every table in the national schema and of layer_styles."""
    tables = [r[0] for r in server.execute(
        DB, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE "
            "table_type = 'BASE TABLE' AND table_schema IN ('trafficking', 'public') "
            "AND table_name <> 'spatial_ref_sys' ORDER BY 1")]
    return {t: server.execute(DB, f"SELECT count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY "
                                  f"x::text), '')) FROM {t} x")[0] for t in tables}


def test_publish_counts_equal(server, scored):
    result = _publish(server, scored)
    assert result.province_code == "50"
    for published in national_schema.PUBLISHED:
        expected = _province_count(scored, published)
        assert result.rows[published.table] == expected, published.table
        assert _national_count(server, published.table) == expected, published.table
    assert result.rows["risk_person"] > 0 and result.rows["risk_district"] > 0
    # Geometries are PostGIS geometries in EPSG:4326, with a spatial index.
    assert server.execute(DB, "SELECT DISTINCT ST_SRID(geom), GeometryType(geom) FROM "
                              "trafficking.risk_subdistrict") == [(4326, "MULTIPOLYGON")]
    assert server.execute(DB, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'trafficking' "
                              "AND indexdef LIKE '%USING gist%'")[0][0] == \
        sum(1 for p in national_schema.PUBLISHED if p.geometry)


def test_republish_replaces(server, scored):
    first = _publish(server, scored)
    second = _publish(server, scored)
    assert first.rows == second.rows
    for published in national_schema.PUBLISHED:
        assert _national_count(server, published.table) == first.rows[published.table]
    assert server.execute(DB, "SELECT count(*) FROM trafficking.publication")[0][0] == 2


def test_three_provinces_republish_one_roll_up(server, scored, other_provinces):
    databases = {"50": scored, **other_provinces}
    published = {code: _publish(server, db) for code, db in sorted(databases.items())}
    again = _publish(server, other_provinces["99"])    # re-published: replaces, never doubles
    assert again.rows == published["99"].rows
    assert {code: r.province_code for code, r in published.items()} == \
        {"50": "50", "98": "98", "99": "99"}
    for table in national_schema.PUBLISHED:
        expected = _province_count(scored, table)
        for code in databases:
            assert _national_count(server, table.table, code) == expected, (table.table, code)
        assert server.execute(DB, f"SELECT count(*) FROM trafficking.{table.table}")[0][0] == \
            3 * expected, table.table
    assert server.execute(DB, "SELECT province_code, count(*) FROM trafficking.publication "
                              "GROUP BY 1 ORDER BY 1") == [("50", 1), ("98", 1), ("99", 2)]

    with sqlite3.connect(scored) as conn:
        persons, scored_n, high, mean = conn.execute(
            "SELECT count(*), count(risk_index), sum(risk_class = 'high'), avg(risk_index) "
            f"FROM risk_person WHERE data_year = {YEAR}").fetchone()
        districts, district_persons, district_high = conn.execute(
            "SELECT count(*), sum(persons), sum(persons_high) FROM risk_district "
            f"WHERE data_year = {YEAR}").fetchone()
    assert persons > 0 and districts > 0
    rows = server.execute(DB, "SELECT province_code, persons, persons_scored, persons_high, "
                              "share_high, mean_index FROM trafficking.risk_by_province "
                              f"WHERE data_year = {YEAR} ORDER BY 1")
    assert [r[0] for r in rows] == ["50", "98", "99"]     # one row a province, 99 not doubled
    for row in rows:
        assert row[1:4] == (persons, scored_n, high), row[0]
        assert row[4] == pytest.approx(high / scored_n)
        assert row[5] == pytest.approx(mean)
    assert server.execute(DB, "SELECT sum(persons), sum(persons_scored), sum(persons_high) FROM "
                              "trafficking.risk_by_province")[0] == \
        (3 * persons, 3 * scored_n, 3 * high)
    by_district = server.execute(DB, "SELECT province_code, count(*), count(DISTINCT district_code), "
                                     "sum(persons), sum(persons_high) FROM "
                                     "trafficking.risk_by_district GROUP BY 1 ORDER BY 1")
    assert by_district == [(code, districts, districts, district_persons, district_high)
                           for code in ("50", "98", "99")]
    assert server.execute(DB, "SELECT count(*), sum(persons) FROM trafficking.risk_by_district")[0] \
        == (3 * districts, 3 * district_persons)


def test_cancel_midway_leaves_national_database_as_it_was(server, scored):
    _publish(server, scored)
    before = _fingerprint(server)
    with pytest.raises(Canceled):
        _publish(server, scored, feedback=CancelAfter(6))   # after a few tables were replaced
    assert _fingerprint(server) == before


def test_refused_row_leaves_national_database_as_it_was(server, scored, tmp_path):
    _publish(server, scored)
    before = _fingerprint(server)
    broken = copy_database(scored, tmp_path)
    # The last district's count as text (SQLite keeps it, PostgreSQL's bigint refuses it): the
    # failure comes after risk_person and the villages were replaced.
    conn = database.connect(broken)
    conn.execute("UPDATE risk_district SET persons = 'many' WHERE fid = (SELECT max(fid) FROM "
                 "risk_district)")
    conn.close()
    with pytest.raises(national.NationalError, match="left as it was"):
        _publish(server, broken)
    assert _fingerprint(server) == before


def test_no_identity_or_raw_ids_in_national_database(server, scored):
    _publish(server, scored)
    with sqlite3.connect(scored.with_suffix(".identity.sqlite")) as conn:
        raw_ids = {r[0] for r in conn.execute("SELECT DISTINCT raw_id FROM person_identity "
                                              "WHERE raw_id IS NOT NULL")}
        names = {r[0] for r in conn.execute("SELECT DISTINCT names FROM person_identity "
                                            "WHERE names IS NOT NULL AND names <> ''")}
        secret = conn.execute("SELECT key FROM secret").fetchone()[0]
    assert raw_ids and names
    tables = server.execute(DB, "SELECT table_name FROM information_schema.tables WHERE "
                                "table_schema = 'trafficking' AND table_type = 'BASE TABLE'")
    assert "person_identity" not in {t[0] for t in tables} and "person" not in {t[0] for t in tables}
    text = "\n".join(str(r[0]) for t in tables for r in server.execute(
        DB, f"SELECT x::text FROM trafficking.{t[0]} x"))
    assert secret not in text
    found = set(re.findall(r"\d{13}", text)) | set(re.findall(r"[A-Z]\d{12}", text))
    assert not found & raw_ids
    assert not any(name in text for name in names if len(name) > 3)


def test_qgis_opens_national_layer_styled(server, scored, qgis_app):
    from qgis.core import QgsVectorLayer
    _publish(server, scored)
    for table, key in (("risk_subdistrict", "id"), ("risk_by_district", "id")):
        uri = (f"dbname='{DB}' host={server.host} port={server.port} user='{server.user}' "
               f"password='{server.password}' key='{key}' srid=4326 type=MultiPolygon "
               f'table="trafficking"."{table}" (geom)')
        layer = QgsVectorLayer(uri, table, "postgres")
        assert layer.isValid(), table
        assert layer.featureCount() > 0
        assert layer.renderer().type() == "categorizedSymbol", table
        assert layer.renderer().classAttribute() == "risk_class"


def _auth_config(server):
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master-password", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("national test")
    config.setConfig("username", server.user)
    config.setConfig("password", server.password)
    assert manager.storeAuthenticationConfig(config)[0]
    return config.id()


def test_algorithm_with_authcfg_uri(server, scored, run_algorithm):
    from qgis.core import QgsProcessingFeedback

    authcfg = _auth_config(server)
    log = []

    class Recording(QgsProcessingFeedback):
        def pushInfo(self, text):  # noqa: N802
            log.append(text)

    import processing
    from qgis.core import QgsProcessingContext
    result = processing.run("trafficking:publishnational", {
        "DATABASE": str(scored), "DATA_YEAR": 2567,
        "URI": f"host={server.host} port={server.port} dbname={DB} authcfg={authcfg}"},
        context=QgsProcessingContext(), feedback=Recording())
    assert result["PROVINCE"] == "50" and result["ROWS"] > 0
    assert _national_count(server, "risk_person") > 0
    assert log and not any(server.password in line for line in log)


def test_algorithm_with_saved_connection_and_authcfg(server, scored, run_algorithm):
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry
    authcfg = _auth_config(server)
    uri = QgsDataSourceUri()
    uri.setConnection(server.host, str(server.port), DB, "", "")
    uri.setAuthConfigId(authcfg)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), "national test")
    result = run_algorithm("publishnational", DATABASE=str(scored), DATA_YEAR=YEAR,
                           CONNECTION="national test")
    assert result["ROWS"] > 0
    assert _national_count(server, "risk_district") > 0


def test_uri_with_password_refused(server, scored, run_algorithm):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="authentication manager"):
        run_algorithm("publishnational", DATABASE=str(scored), DATA_YEAR=YEAR,
                      URI=f"host={server.host} port={server.port} dbname={DB} "
                          f"user={server.user} password={server.password}")
