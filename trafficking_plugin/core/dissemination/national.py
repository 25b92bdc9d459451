"""Publish a province's analysis tables into the national PostgreSQL/PostGIS database.

Areas, not persons: the risk counts published are the cells of the data year's one protected cube
(release.py), the same the public exports show with the same cells suppressed, and the province's
export register records the publication. One transaction per publication: schema upgrades, the
delete of the province's earlier rows of the year (and of its rows in tables earlier versions
published, such as per-person rows), the inserts, the roll-up views, the styles and the publication
record all commit together, or (error, constraint violation, cancel) none does and the national
database stays as it was. Publications are serialised with a transaction-level advisory lock.

Connections are libpq keyword parameters (host, port, dbname, user, password, service, sslmode...)
made by the caller, e.g. from a QGIS connection and its authentication configuration; nothing
here stores them, and ``describe`` names a connection without its password.
"""
from __future__ import annotations

import io
import itertools
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import database
from ..database import PathLike
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled, info, warn
from ..thai_calendar import year_with_be
from ..schema import get_info
from ..shipped_data import plugin_version, style_path
from ..wkb import wkb_of
from . import national_schema as ns
from . import release as releases

if TYPE_CHECKING:
    import psycopg2.extensions

BATCH = 20_000       # rows per COPY
_LOCK_KEY = 0x7472_6166   # pg_advisory_xact_lock key of publications ("traf")


class NationalError(CoreError):
    """A publication could not be made; the national database is unchanged."""


def describe(params: dict) -> str:
    """The connection in words, for logs: never the password."""
    if params.get("service"):
        where = f"service {params['service']}"
    else:
        where = f"{params.get('host') or 'local socket'}:{params.get('port') or 5432}"
    name, user = params.get("dbname") or "(default)", params.get("user") or "(default)"
    return f"{where}, database {name}, user {user}"


def connect(params: dict) -> psycopg2.extensions.connection:
    import psycopg2
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    try:
        return psycopg2.connect(**clean)
    except psycopg2.Error as error:
        raise NationalError("Cannot connect to the national database ({}): {}", describe(params),
                            str(error).strip()) from None


@dataclass
class Publication:
    """What a publication replaced in the national database."""
    province_code: str
    data_year: int
    rows: dict[str, int]          # national table -> rows published
    release: int = 1              # the year's release (protection) published


def publish(gpkg_path: PathLike, params: dict, data_year: int, schema: str = "trafficking",
            styles: dict[str, str] | None = None, feedback: Feedback | None = None,
            rerelease: str | None = None) -> Publication:
    """Publish data year ``data_year`` (Common Era) of the province GeoPackage ``gpkg_path``.

    ``styles``: {table: QML text}, the national layers' default styles (default the plugin's own,
    ``plugin_styles``; where a table has none, the GeoPackage's own default style is used).
    The counts are the year's protected cube with the settings it was first published with (k = 11,
    no rounding, dominance 90 % for a year not published yet); ``rerelease``: why the year is
    protected anew when its data changed since (release.prepare)."""
    import psycopg2
    feedback = feedback or NullFeedback()
    province = _province_code(gpkg_path)
    cube = releases.prepare(gpkg_path, data_year, None, rerelease, feedback)
    conn = connect(params)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            for statement in ns.drop_views_sql(schema):
                cur.execute(statement)
            _ensure_schema(cur, schema)
            _retire(cur, schema, province)
            rows = {}
            with database.reading(gpkg_path) as source:
                for step, published in enumerate(ns.PUBLISHED):
                    info(feedback, "{}: replacing province {}, data year {}", published.table,
                         province, year_with_be(data_year))
                    rows[published.table] = _replace(cur, source, schema, published, province,
                                                      data_year, cube, feedback)
                    feedback.setProgress(100 * (step + 1) / (len(ns.PUBLISHED) + 1))
                _save_styles(cur, source, schema, plugin_styles() if styles is None else styles)
            for statement in ns.view_sql(schema):
                cur.execute(statement)
            cur.execute(f"INSERT INTO {ns.ident(schema, 'publication')} (province_code, data_year, "
                        "source_file, plugin_version, row_counts, release, protection) VALUES "
                        "(%s, %s, %s, %s, %s, %s, %s)",
                        (province, data_year, os.path.basename(str(gpkg_path)), plugin_version(),
                         json.dumps(rows), cube.number, cube.settings.words()))
            _warn_unprotected_years(cur, schema, province, data_year, feedback)
            check_canceled(feedback)
            # Recorded before the national commit: a failure here rolls the national side back;
            # a commit failing after it leaves a register row too many, the safe side.
            cells = releases.export_cells(cube.protected, "subdistrict", True, True)
            releases.record(gpkg_path, cube, "national", "subdistrict", True, True, len(cells),
                            sum(c in cube.protected.hidden for c in cells),
                            f"{describe(params)}, schema {schema}", feedback)
        conn.commit()
    except psycopg2.Error as error:
        conn.rollback()
        raise NationalError("The national database refused the publication and was left as it "
                            "was: {}", str(error).strip()) from None
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
    feedback.setProgress(100)
    return Publication(province, data_year, rows, cube.number)


def plugin_styles() -> dict[str, str]:
    """{table: QML} of the plugin's styles for the published layers that have one."""
    styles = {}
    for published in ns.PUBLISHED:
        path = style_path(published.table)
        if published.geometry and path.exists():
            styles[published.table] = path.read_text(encoding="utf-8")
    return styles


def _province_code(gpkg_path: PathLike) -> str:
    with database.reading(gpkg_path) as conn:
        code = get_info(conn, "province_code")
    if not code:
        raise NationalError("{} is not a province database (no province_code in database_info)",
                            gpkg_path)
    return code


def _ensure_schema(cur, schema):
    cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
    if not cur.fetchone():
        cur.execute("CREATE EXTENSION postgis")
    cur.execute(f"CREATE SCHEMA IF NOT EXISTS {ns.ident(schema)}")
    for published in ns.PUBLISHED:
        create, comment = ns.create_table_sql(schema, published)
        cur.execute(create)
        cur.execute(comment, (published.source.doc + (" " + published.doc if published.doc else ""),))
        cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                    "AND table_name = %s", (schema, published.table))
        for statement in ns.add_columns_sql(schema, published, {r[0] for r in cur.fetchall()}):
            cur.execute(statement)
        for statement in ns.index_sql(schema, published):
            cur.execute(statement)
    publication = ns.ident(schema, "publication")
    cur.execute(ns.PUBLICATION_SQL.format(table=publication))
    for column in ns.PUBLICATION_ADDED:
        cur.execute(f"ALTER TABLE {publication} ADD COLUMN IF NOT EXISTS {column}")
    cur.execute(ns.LAYER_STYLES_SQL)


def _retire(cur, schema, province):
    """The province's rows of every year out of the tables earlier versions published and this
    one does not (per-person rows among them); a table left empty is dropped, with its styles."""
    for table in ns.RETIRED:
        cur.execute("SELECT to_regclass(%s)", (ns.ident(schema, table),))
        if cur.fetchone()[0] is None:
            continue
        cur.execute(f"DELETE FROM {ns.ident(schema, table)} WHERE province_code = %s", (province,))
        cur.execute(f"SELECT EXISTS (SELECT 1 FROM {ns.ident(schema, table)})")
        if not cur.fetchone()[0]:
            cur.execute(f"DROP TABLE {ns.ident(schema, table)}")
            cur.execute("DELETE FROM public.layer_styles WHERE f_table_schema = %s AND "
                        "f_table_name = %s", (schema, table))


def _warn_unprotected_years(cur, schema, province, data_year, feedback):
    """Say which other years of the province an earlier version published without protection."""
    cur.execute(f"SELECT DISTINCT p.data_year FROM {ns.ident(schema, 'publication')} p WHERE "
                "p.province_code = %s AND p.data_year <> %s AND NOT EXISTS (SELECT 1 FROM "
                f"{ns.ident(schema, 'publication')} q WHERE q.province_code = p.province_code AND "
                "q.data_year = p.data_year AND q.protection IS NOT NULL) ORDER BY 1",
                (province, data_year))
    years = [str(r[0]) for r in cur.fetchall()]
    if years:
        warn(feedback, "Data years {} of province {} were published by an earlier version without "
             "suppression; their per-person rows are now deleted. Publish those years again so "
             "that their area figures are protected too.", ", ".join(years), province)


def _replace(cur, source, schema, published, province, data_year, cube, feedback):
    """Delete the province's rows of the year from one national table and insert the GeoPackage's
    (for a protected table, with the counts of the year's protected cube): COPY into a staging
    table of the transaction, then one INSERT ... SELECT, so the rows travel as one stream and
    the geometries are made by PostGIS in one statement."""
    table = ns.ident(schema, published.table)
    cur.execute(f"DELETE FROM {table} WHERE province_code = %s AND data_year = %s",
                (province, data_year))
    present = {r[1] for r in source.execute(f'PRAGMA table_info("{published.table}")')}
    if not present:
        return 0
    columns = [c for c in published.columns if c.name != "data_year"]
    select = [ns.ident(c.name) if c.name in present else "NULL" for c in columns]
    names = ["province_code", "data_year"] + [c.name for c in columns]
    staged = [f"{ns.ident(n)} {t}" for n, t in zip(
        names, ["text", "integer"] + [ns.pg_type(c) for c in columns])]
    values = [ns.ident(n) for n in names]
    if published.geometry:
        select.append("geom" if "geom" in present else "NULL")
        staged.append("geom bytea")
        names.append("geom")
        multi = published.geometry.startswith("MULTI")
        values.append("ST_Multi(ST_GeomFromWKB(geom, 4326))" if multi
                      else "ST_GeomFromWKB(geom, 4326)")
    if published.table == "risk_breakdown":
        rows = cube_rows([c.name for c in columns], cube, province)
    else:
        where = " WHERE data_year = ?" if published.by_year else ""
        rows = source.execute(f'SELECT {", ".join(select)} FROM "{published.table}"{where}',
                              (data_year,) if published.by_year else ())
        if published.protected:
            rows = area_rows(published.table, names[2:], rows, cube)
    convert = [_converter(c.type) for c in columns] + ([_wkb] if published.geometry else [])
    stage = ns.ident("stage_" + published.table)
    cur.execute(f"DROP TABLE IF EXISTS pg_temp.{stage}")
    cur.execute(f"CREATE TEMP TABLE {stage} ({', '.join(staged)}) ON COMMIT DROP")
    key = f"{_copy_text(province)}\t{_copy_text(data_year)}\t"
    count = 0
    rows = iter(rows)
    while True:
        check_canceled(feedback)
        batch = list(itertools.islice(rows, BATCH))
        if not batch:
            break
        text = "".join(key + "\t".join(_copy_text(f(v)) for f, v in zip(convert, row)) + "\n"
                       for row in batch)
        cur.copy_expert(f"COPY {stage} FROM STDIN", io.StringIO(text))
        count += len(batch)
    check_canceled(feedback)
    cur.execute(f"INSERT INTO {table} ({', '.join(ns.ident(n) for n in names)}) "
                f"SELECT {', '.join(values)} FROM {stage}")
    cur.execute(f"DROP TABLE {stage}")
    return count


# COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """One value in COPY's text format: NULL as \\N, booleans t/f, bytes as bytea hex."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\\\x" + bytes(value).hex()
    if isinstance(value, float):
        return repr(value)
    return str(value).translate(_COPY_ESCAPES)


def _published(cube, node, age, sex, risk_class):
    cell = (node, age, sex, risk_class)
    return cube.protected.published(cell) if cell in cube.protected.values else None


def _counts(cube, node, age, sex):
    """persons_scored, persons_<class> and share_<class> of a cube row, as the public export
    publishes them (shares from published counts, to 3 decimals)."""
    scored = _published(cube, node, age, sex, releases.SCORED)
    found = {"persons_scored": scored}
    for c in releases.CLASSES:
        value = _published(cube, node, age, sex, c)
        found[f"persons_{c}"] = value
        found[f"share_{c}"] = round(value / scored, 3) if value is not None and scored else None
    return found


def cube_rows(columns: list[str], cube: releases.Release, province: str) -> list[tuple]:
    """risk_breakdown's national rows: every area x age band x sex row of the protected cube,
    margins included, in the order of ``columns``."""
    dims = {d.name: d for d in cube.protected.dimensions}
    rows = []
    for node in dims["area"].nodes:
        code = province if node[0] == "province" else node[1]
        for age in dims["age_band"].nodes:
            for sex in dims["sex"].nodes:
                row = {"level": node[0], "code": code, "dimension": "age_band_sex",
                       "age_band": age, "sex": sex, **_counts(cube, node, age, sex)}
                rows.append(tuple(row.get(c) for c in columns))
    return rows


# An area's class and what tells it (its drivers, how sure the class is).
CLASS_FACTS = ("risk_class", "drivers", "p_high", "rank_low", "rank_high", "robust")


def area_rows(table: str, names: list[str], rows: Iterable[tuple],
              cube: releases.Release) -> Iterator[tuple]:
    """The rows of risk_subdistrict or risk_district (values in the order of ``names``) with the
    protected cube's counts and shares; an area's class, drivers and their certainty only where
    its persons scored and high are published (else they would tell about suppressed counts)."""
    level = table.split("_", 1)[1]
    for row in rows:
        found = dict(zip(names, row))
        counts = _counts(cube, (level, found["code"]), releases.ALL, releases.ALL)
        found.update((k, v) for k, v in counts.items() if k in found)
        if counts["persons_scored"] is None or counts["persons_high"] is None:
            found.update((k, None) for k in CLASS_FACTS if k in found)
        yield tuple(found[n] for n in names)


def _converter(column_type):
    if column_type == "BOOLEAN":
        return lambda v: None if v is None or v == "" else bool(int(v))
    if column_type in ("DATE", "DATETIME"):
        return lambda v: None if v in (None, "") else v
    if column_type == "INTEGER":      # SQLite may hand back 5.0 where COPY wants 5
        return lambda v: int(v) if isinstance(v, float) and v.is_integer() else v
    return lambda v: v


def _wkb(blob):
    """The WKB inside a GeoPackage geometry blob (None when empty)."""
    return wkb_of(blob)


def _save_styles(cur, source, schema, styles):
    """Each published layer's default style into public.layer_styles, where QGIS looks for it:
    the plugin's QML (one look for every province), else the GeoPackage's own default."""
    layers = [(p.table, p.table) for p in ns.PUBLISHED if p.geometry]
    layers += [(view, "risk_district") for view, geom in ns.VIEWS if geom]
    for layer, style_of in layers:
        qml = styles.get(style_of) or _gpkg_default_style(source, style_of)
        if not qml:
            continue
        cur.execute("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() "
                    "AND f_table_schema = %s AND f_table_name = %s AND stylename = %s",
                    (schema, layer, layer))
        cur.execute("UPDATE public.layer_styles SET useasdefault = false WHERE "
                    "f_table_catalog = current_database() AND f_table_schema = %s AND "
                    "f_table_name = %s", (schema, layer))
        cur.execute("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                    "f_geometry_column, stylename, styleqml, stylesld, useasdefault, description) "
                    "VALUES (current_database(), %s, %s, 'geom', %s, XMLPARSE(DOCUMENT %s), NULL, "
                    "true, %s)", (schema, layer, layer, qml,
                                  "Published by trafficking:publishnational"))


def _gpkg_default_style(source, table):
    try:
        row = source.execute("SELECT styleQML FROM layer_styles WHERE f_table_name = ? AND "
                             "useAsDefault ORDER BY update_time DESC LIMIT 1", (table,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None
