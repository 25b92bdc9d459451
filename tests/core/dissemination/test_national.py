"""trafficking:publishnational against a real, throwaway PostgreSQL 15 + PostGIS 3 server: areas
not persons (the year's protected figures, the same as the public export's), the attacker over
every publication of a year, the export register, one transaction."""
import re
import sqlite3

import pytest

from trafficking_db.trafficking_plugin.core.standard import crosswalk
from trafficking_db.trafficking_plugin.core import database
from trafficking_db.trafficking_plugin.core.dissemination import national, national_schema, \
    public_export, release
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.core.feedback import Canceled, NullFeedback

from conftest import CancelAfter, copy_database
from conftest_postgis import postgis_server  # noqa: F401 (the session fixture)
from test_public_export import PROTECTION_RANGE, attack, export_all, merge, read_tables

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


def _unpublished(scored, folder):
    """A copy of the scored province whose year was never published (an empty register)."""
    folder.mkdir()
    db = copy_database(scored, folder)
    with sqlite3.connect(db) as conn:
        for table in ("export_register", "export_suppressed"):
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
                conn.execute(f"DELETE FROM {table}")
    return db


def _cube_rows(db):
    """Rows of the year's protected cube: area x age band x sex, margins included."""
    cube = release.prepare(db, YEAR)
    dims = cube.protected.dimensions
    return len(dims[0].nodes) * len(dims[1].nodes) * len(dims[2].nodes)


def test_publish_counts_equal(server, scored):
    result = _publish(server, scored)
    assert result.province_code == "50"
    for published in national_schema.PUBLISHED:
        expected = _cube_rows(scored) if published.table == "risk_breakdown" \
            else _province_count(scored, published)
        assert result.rows[published.table] == expected, published.table
        assert _national_count(server, published.table) == expected, published.table
    assert result.rows["risk_breakdown"] > 0 and result.rows["risk_district"] > 0
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
        expected = _cube_rows(scored) if table.table == "risk_breakdown" \
            else _province_count(scored, table)
        for code in databases:
            assert _national_count(server, table.table, code) == expected, (table.table, code)
        assert server.execute(DB, f"SELECT count(*) FROM trafficking.{table.table}")[0][0] == \
            3 * expected, table.table
    assert server.execute(DB, "SELECT province_code, count(*) FROM trafficking.publication "
                              "GROUP BY 1 ORDER BY 1") == [("50", 1), ("98", 1), ("99", 2)]

    # The roll-ups show the protected figures: the province's persons scored (published, being
    # far above k) is the true one; a suppressed count stays empty, never the true value.
    with sqlite3.connect(scored) as conn:
        scored_n = conn.execute(f"SELECT count(risk_index) FROM risk_person WHERE data_year = {YEAR}"
                                ).fetchone()[0]
        districts = conn.execute(f"SELECT count(*) FROM risk_district WHERE data_year = {YEAR}"
                                 ).fetchone()[0]
    cube = release.prepare(scored, YEAR).protected
    province = [cube.published((("province", "all"), "all", "all", c))
                for c in ("scored", "high", "medium", "low")]
    district_cells = [cube.published((("district", code), "all", "all", c))
                      for (level, code) in cube.dimensions[0].nodes if level == "district"
                      and not code.startswith("unknown") for c in ("scored", "high")]
    assert scored_n > 0 and districts > 0 and province[0] == scored_n
    rows = server.execute(DB, "SELECT province_code, persons_scored, persons_high, persons_medium, "
                              "persons_low, share_high FROM trafficking.risk_by_province "
                              f"WHERE data_year = {YEAR} ORDER BY 1")
    assert [r[0] for r in rows] == ["50", "98", "99"]     # one row a province, 99 not doubled
    for row in rows:
        assert list(row[1:5]) == province, row[0]
        assert row[5] == (None if province[1] is None else
                          pytest.approx(round(province[1] / scored_n, 3)))
    by_district = server.execute(DB, "SELECT province_code, count(*), count(DISTINCT district_code), "
                                     "sum(persons_scored), sum(persons_high), "
                                     "count(*) - count(persons_high) FROM "
                                     "trafficking.risk_by_district GROUP BY 1 ORDER BY 1")
    scored_sum = sum(v or 0 for v in district_cells[0::2])
    highs = [v for v in district_cells[1::2] if v is not None]
    high_sum = sum(highs) if highs else None      # SQL's sum of nothing but NULLs
    assert by_district == [(code, districts, districts, scored_sum, high_sum,
                            district_cells[1::2].count(None)) for code in ("50", "98", "99")]


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
    # A workplace's count as text (SQLite keeps it, PostgreSQL's bigint refuses it): the failure
    # comes after the risk tables were replaced.
    conn = database.connect(broken)
    conn.execute("INSERT INTO establishment (name, workers) VALUES ('a shop', 'many')")
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
    with sqlite3.connect(scored) as conn:     # pseudonyms never leave the province either
        keys = [k for (k,) in conn.execute("SELECT person_key FROM risk_person")]
    assert keys and not any(key in text for key in keys)


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
    assert _national_count(server, "risk_breakdown") > 0
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


def _quasi_unique(rows):
    """How many rows are alone on their quasi-identifiers (the issue's uniqueness count)."""
    groups = {}
    for row in rows:
        groups[row] = groups.get(row, 0) + 1
    return sum(n == 1 for n in groups.values())


# Columns of per-person rows (a workplace's village_code locates a business, not a person).
PERSON_COLUMNS = {"person_key", "home_town", "age"} | {f"i{i:02d}" for i in range(1, 29)}


def test_the_national_database_holds_areas_not_persons(server, scored):
    # The province's own per-person rows: thousands of persons alone on (village, age band, sex,
    # home town), as the issue counted; what went national before this version.
    with sqlite3.connect(scored) as conn:
        quasi = conn.execute("SELECT village_code, age_band, sex, home_town FROM risk_person "
                             f"WHERE data_year = {YEAR}").fetchall()
    assert _quasi_unique(quasi) > 100
    _publish(server, scored)
    columns = server.execute(DB, "SELECT c.table_name, c.column_name FROM "
                                 "information_schema.columns c JOIN information_schema.tables t "
                                 "USING (table_schema, table_name) WHERE c.table_schema = "
                                 "'trafficking' AND t.table_type = 'BASE TABLE'")
    tables = {t for t, _ in columns}
    assert not tables & {"risk_person", "person", "risk_village", *national_schema.RETIRED}
    assert not {c for _, c in columns} & PERSON_COLUMNS    # no table of per-person rows
    # Quasi-identifiers left nationally: every row is an area x age band x sex group, never a
    # person; the uniqueness count on them is the count of groups, and no group under k shows.
    groups = server.execute(DB, "SELECT level, code, age_band, sex FROM trafficking.risk_breakdown "
                                f"WHERE province_code = '50' AND data_year = {YEAR}")
    assert _quasi_unique(groups) == len(groups) == _cube_rows(scored)
    for table in sorted(tables):
        counts = [c for t, c in columns if t == table and c.startswith("persons")]
        for column in counts:
            smallest = server.execute(DB, f"SELECT min({column}) FROM trafficking.{table} WHERE "
                                          f"{column} > 0 AND province_code = '50'")[0][0]
            assert smallest is None or smallest >= 11, (table, column, smallest)
    # A class, its drivers or how sure it is only beside published counts.
    assert server.execute(DB, "SELECT count(*) FROM trafficking.risk_subdistrict WHERE "
                              "coalesce(risk_class, drivers, p_high::text, robust::text) IS NOT NULL "
                              "AND (persons_scored IS NULL OR "
                              "persons_high IS NULL)")[0][0] == 0


def test_a_publication_takes_back_what_earlier_versions_published(server, scored):
    # An earlier version's national database: per-person rows of this province (years 2023 and
    # 2024) and of another province, village counts of this province only, a year 2023 published
    # without protection.
    server.execute(DB, "CREATE SCHEMA IF NOT EXISTS trafficking")
    server.execute(DB, "CREATE TABLE trafficking.risk_person (id bigserial PRIMARY KEY, "
                       "province_code text, data_year integer, person_key text, home_town text)")
    server.execute(DB, "INSERT INTO trafficking.risk_person (province_code, data_year, person_key, "
                       "home_town) VALUES ('50', 2023, 'k1', '5001'), ('50', 2024, 'k2', '5002'), "
                       "('77', 2024, 'k3', '7701')")
    server.execute(DB, "CREATE TABLE trafficking.risk_village (id bigserial PRIMARY KEY, "
                       "province_code text, data_year integer, persons bigint)")
    server.execute(DB, "INSERT INTO trafficking.risk_village (province_code, data_year, persons) "
                       "VALUES ('50', 2024, 3)")
    server.execute(DB, "CREATE TABLE trafficking.publication (id bigserial PRIMARY KEY, "
                       "province_code text NOT NULL, data_year integer NOT NULL, published_at "
                       "timestamptz NOT NULL DEFAULT now(), published_by text DEFAULT current_user, "
                       "source_file text, plugin_version text, row_counts jsonb)")
    server.execute(DB, "INSERT INTO trafficking.publication (province_code, data_year) VALUES "
                       "('50', 2023)")
    errors = []

    class Recording(NullFeedback):
        def reportError(self, text, fatalError=False):  # noqa: N802,N803
            errors.append(text)

    result = _publish(server, scored, feedback=Recording())
    assert server.execute(DB, "SELECT province_code, person_key FROM trafficking.risk_person") \
        == [("77", "k3")]                        # another province's rows are its own to take back
    assert server.execute(DB, "SELECT to_regclass('trafficking.risk_village')")[0][0] is None
    assert len(errors) == 1 and "2023" in errors[0] and "again" in errors[0]
    assert server.execute(DB, "SELECT release, protection FROM trafficking.publication WHERE "
                              f"data_year = {YEAR}") == [(result.release, "k = 11, rounding 1, "
                                                                          "dominance 90%")]


def _national_rows(server):
    """The national tables of province 50 as the attacker reads them: CSV-like rows."""
    rows = []

    def text(v):
        return "" if v is None else str(v)

    for level, code, age, sex, *counts in server.execute(
            DB, "SELECT level, code, age_band, sex, persons_scored, persons_high, persons_medium, "
                "persons_low FROM trafficking.risk_breakdown WHERE province_code = '50' AND "
                f"data_year = {YEAR}"):
        area = "all" if level == "province" else code
        district = code.rsplit("-", 1)[-1][:4] if level == "subdistrict" else ""
        rows.append({"level": level, "area_code": area, "district_code": district, "age_band": age,
                     "sex": sex, **{f"persons_{c}": text(v) for c, v in
                                    zip(("scored", "high", "medium", "low"), counts)}})
    for level in ("subdistrict", "district"):
        for code, *counts in server.execute(
                DB, f"SELECT code, persons_scored, persons_high, persons_medium, persons_low FROM "
                    f"trafficking.risk_{level} WHERE province_code = '50' AND data_year = {YEAR}"):
            rows.append({"level": level, "area_code": code, "district_code": code[:4],
                         "age_band": "all", "sex": "all",
                         **{f"persons_{c}": text(v) for c, v in
                            zip(("scored", "high", "medium", "low"), counts)}})
    return rows


def test_every_publication_of_a_year_together_recovers_nothing(server, scored, run_algorithm,
                                                               tmp_path):
    # Every public export of the year (each breakdown and level) and the national tables: the
    # attacker merges them (they never disagree on a cell) and solves the whole system.
    db = _unpublished(scored, tmp_path / "db")
    exports = export_all(run_algorithm, db, tmp_path)
    _publish(server, db)
    national_rows = _national_rows(server)
    assert len(national_rows) > _cube_rows(db)
    union = merge(*exports.values(), national_rows)
    assert len(union) == len(exports["default"])    # the national rows are cells of the cube too
    assert attack(union, narrower_than=PROTECTION_RANGE) == set()
    registered = release.register(db, YEAR)
    assert [r["kind"] for r in registered] == ["public_export"] * 6 + ["national"]
    assert {r["release"] for r in registered} == {1}
    assert f"database {DB}" in registered[-1]["destination"]
    assert server.password not in registered[-1]["destination"]


def test_the_national_publication_follows_the_year_release(server, scored, tmp_path):
    # Published first with k = 5: the national tables show the same cells with k = 5. After the
    # data changed, the national publication is refused until a re-release.
    db = _unpublished(scored, tmp_path / "db")
    public_export.export(db, YEAR, tmp_path / "k5", k=5)
    _publish(server, db)
    national_rows = _national_rows(server)
    merge(read_tables(tmp_path / "k5"), national_rows)     # the same values everywhere
    published = [int(r[f"persons_{c}"]) for r in national_rows
                 for c in ("scored", "high", "medium", "low") if r[f"persons_{c}"] not in ("", "0")]
    assert min(published) < 11 and min(published) >= 5
    conn = database.connect(db)
    conn.execute("DELETE FROM risk_person WHERE fid = (SELECT min(fid) FROM risk_person WHERE "
                 "risk_index IS NOT NULL)")
    conn.close()
    before = _fingerprint(server)
    with pytest.raises(release.ReleaseError, match="changed since it was published"):
        _publish(server, db)
    assert _fingerprint(server) == before
    result = _publish(server, db, rerelease="a duplicate person removed")
    assert result.release == 2
    assert [(r["kind"], r["release"], r["k"]) for r in release.register(db, YEAR)] == \
        [("public_export", 1, 5), ("national", 1, 5), ("national", 2, 5)]


def test_text_travels_exactly_through_copy(server, scored, tmp_path):
    """Rows go national through COPY's text format: tabs, line breaks, backslashes, a literal
    \\N and Thai arrive as they were, an empty string stays empty and NULL stays NULL."""
    db = copy_database(scored, tmp_path)
    awkward = "มูลนิธิ\tA\\B\nline 2\r\n\\N 'quoted' \"double\""
    with database.writing(db) as conn:      # the GeoPackage's R-tree triggers need its functions
        conn.execute("DELETE FROM organization")
        conn.execute("INSERT INTO organization (name, name_en, address, phone) VALUES (?, ?, ?, "
                     "NULL)", (awkward, "", "\\"))
    _publish(server, db)
    rows = server.execute(DB, "SELECT name, name_en, address, phone FROM trafficking.organization "
                              f"WHERE province_code = '50' AND data_year = {YEAR}")
    assert rows == [(awkward, "", "\\", None)]
