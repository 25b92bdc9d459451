"""Publish a province's analysis tables into the national PostgreSQL/PostGIS database.

One transaction per publication: schema upgrades, the delete of the province's earlier rows of the
year, the inserts, the roll-up views, the styles and the publication record all commit together,
or (error, constraint violation, cancel) none does and the national database stays as it was.
Publications are serialised with a transaction-level advisory lock.

Connections are libpq keyword parameters (host, port, dbname, user, password, service, sslmode...)
made by the caller, e.g. from a QGIS connection and its authentication configuration; nothing
here stores them, and ``describe`` names a connection without its password.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import database
from ..database import PathLike
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled
from ..schema import get_info
from ..shipped_data import plugin_version, style_path
from ..wkb import wkb_of
from . import national_schema as ns

if TYPE_CHECKING:
    import psycopg2.extensions

BATCH = 5000
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
        raise NationalError(f"Cannot connect to the national database ({describe(params)}): "
                            f"{str(error).strip()}") from None


@dataclass
class Publication:
    """What a publication replaced in the national database."""
    province_code: str
    data_year: int
    rows: dict[str, int]          # national table -> rows published


def publish(gpkg_path: PathLike, params: dict, data_year: int, schema: str = "trafficking",
            styles: dict[str, str] | None = None,
            feedback: Feedback | None = None) -> Publication:
    """Publish data year ``data_year`` (Common Era) of the province GeoPackage ``gpkg_path``.

    ``styles``: {table: QML text}, the national layers' default styles (default the plugin's own,
    ``plugin_styles``; where a table has none, the GeoPackage's own default style is used)."""
    import psycopg2
    feedback = feedback or NullFeedback()
    province = _province_code(gpkg_path)
    conn = connect(params)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            _ensure_schema(cur, schema)
            rows = {}
            with database.reading(gpkg_path) as source:
                for step, published in enumerate(ns.PUBLISHED):
                    feedback.pushInfo(f"{published.table}: replacing province {province}, {data_year}")
                    rows[published.table] = _replace(cur, source, schema, published, province,
                                                      data_year, feedback)
                    feedback.setProgress(100 * (step + 1) / (len(ns.PUBLISHED) + 1))
                _save_styles(cur, source, schema, plugin_styles() if styles is None else styles)
            for statement in ns.view_sql(schema):
                cur.execute(statement)
            cur.execute(f"INSERT INTO {ns.ident(schema, 'publication')} (province_code, data_year, "
                        "source_file, plugin_version, row_counts) VALUES (%s, %s, %s, %s, %s)",
                        (province, data_year, os.path.basename(str(gpkg_path)), plugin_version(),
                         json.dumps(rows)))
            check_canceled(feedback)
        conn.commit()
    except psycopg2.Error as error:
        conn.rollback()
        raise NationalError(f"The national database refused the publication and was left as it "
                            f"was: {str(error).strip()}") from None
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()
    feedback.setProgress(100)
    return Publication(province, data_year, rows)


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
        raise NationalError(f"{gpkg_path} is not a province database (no province_code in "
                            "database_info)")
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
    cur.execute(ns.PUBLICATION_SQL.format(table=ns.ident(schema, "publication")))
    cur.execute(ns.LAYER_STYLES_SQL)


def _replace(cur, source, schema, published, province, data_year, feedback):
    """Delete the province's rows of the year from one national table and insert the GeoPackage's."""
    from psycopg2.extras import execute_values
    table = ns.ident(schema, published.table)
    cur.execute(f"DELETE FROM {table} WHERE province_code = %s AND data_year = %s",
                (province, data_year))
    present = {r[1] for r in source.execute(f'PRAGMA table_info("{published.table}")')}
    columns = [c for c in published.columns if c.name != "data_year"]
    select = [ns.ident(c.name) if c.name in present else "NULL" for c in columns]
    names = ["province_code", "data_year"] + [c.name for c in columns]
    values = ["%s"] * len(names)
    if published.geometry:
        select.append("geom" if "geom" in present else "NULL")
        names.append("geom")
        multi = published.geometry.startswith("MULTI")
        values.append("ST_Multi(ST_GeomFromWKB(%s, 4326))" if multi else "ST_GeomFromWKB(%s, 4326)")
    if not present:
        return 0
    where = " WHERE data_year = ?" if published.by_year else ""
    query = source.execute(f'SELECT {", ".join(select)} FROM "{published.table}"{where}',
                           (data_year,) if published.by_year else ())
    convert = [_converter(c.type) for c in columns] + ([_wkb] if published.geometry else [])
    insert = f"INSERT INTO {table} ({', '.join(ns.ident(n) for n in names)}) VALUES %s"
    template = "(" + ", ".join(values) + ")"
    count = 0
    while True:
        check_canceled(feedback)
        batch = query.fetchmany(BATCH)
        if not batch:
            return count
        execute_values(cur, insert, [(province, data_year) + tuple(f(v) for f, v in zip(convert, row))
                                     for row in batch], template=template, page_size=BATCH)
        count += len(batch)


def _converter(column_type):
    if column_type == "BOOLEAN":
        return lambda v: None if v is None or v == "" else bool(int(v))
    if column_type in ("DATE", "DATETIME"):
        return lambda v: None if v in (None, "") else v
    return lambda v: v


def _wkb(blob):
    """The WKB inside a GeoPackage geometry blob (None when empty)."""
    import psycopg2
    found = wkb_of(blob)
    return None if found is None else psycopg2.Binary(found)


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
