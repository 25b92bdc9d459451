"""The national PostgreSQL/PostGIS database: which province tables go there, and its DDL.

One schema (default ``trafficking``). Every national table is a province table (schema.py) minus
the columns kept back, plus ``province_code`` and ``data_year`` that key every row, an ``id``
primary key, a btree index on (province_code, data_year) and a GiST index on ``geom``
(geometry(..., 4326)). Areas, not persons: the risk counts are the cells of the data year's one
protected cube (release.py), the same the public exports show, with the same cells suppressed;
no per-person row, pseudonym or home town goes national. Never the identity file, staging,
provenance, crosswalk or audit tables, the network's people or the cases (docs/national.md gives
the reasons).
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..schema import TABLES_BY_NAME, Column, Table


@dataclass(frozen=True)
class Published:
    table: str
    withheld: tuple = ()     # columns of the province table kept in the province
    doc: str = ""
    protected: bool = False  # its counts are cells of the year's protected cube

    @property
    def source(self) -> Table:
        return TABLES_BY_NAME[self.table]

    @property
    def columns(self) -> tuple[Column, ...]:
        """The province table's columns that go national (no fid, geom, province_code)."""
        skip = {"fid", "geom", "province_code"} | set(self.withheld)
        return tuple(c for c in self.source.all_columns if c.name not in skip)

    @property
    def geometry(self) -> str | None:
        return self.source.geometry

    @property
    def by_year(self) -> bool:
        """True when the province table has data_year: only that year's rows are published.
        Tables without it (admin, establishments, organisations) are a snapshot stamped with the
        published year."""
        return any(c.name == "data_year" for c in self.source.columns)


# Statistics of an area's persons that are sums in disguise (mean x persons), or counts the
# protected cube does not hold (persons not scored): differences between areas would give away
# what the suppression hides, so they stay in the province.
_AREA_WITHHELD = ("persons", "persons_unscored", "persons_unlinked", "persons_at_risk",
                  "mean_index", "mean_coverage", "af_h", "af_a", "af_m0")
PUBLISHED = (
    Published("province", doc="The province's outline, for naming and mapping the roll-ups."),
    Published("risk_run", doc="How the year was scored (method, parameters, catalogue)."),
    Published("risk_subdistrict", withheld=_AREA_WITHHELD, protected=True,
              doc="Counts and shares are the protected figures of the public export (empty where "
                  "suppressed); risk class and drivers only where persons scored and persons high "
                  "are published."),
    Published("risk_district", withheld=_AREA_WITHHELD, protected=True,
              doc="Counts and shares as in the public export (empty where suppressed); risk class "
                  "and drivers only where persons scored and persons high are published."),
    Published("risk_breakdown", withheld=("home_town", "home_town_name", "mean_index"),
              protected=True,
              doc="The protected cube: area (province, districts, sub-districts) x age band x sex, "
                  "margins 'all' included, exactly as the public export publishes it."),
    Published("establishment",
              withheld=("owner_survey", "customer_survey", "case_refs", "import_run_id", "row_number"),
              doc="Risky workplaces; survey answers, case links and provenance withheld."),
    Published("organization", doc="Partner organisations (organisations, not people)."),
)
# Tables earlier versions published and this one does not: per-person rows (risk_person), village
# counts finer than the protected cube, and change layers built from unprotected shares. A
# publication deletes the province's rows of every year from them, and drops a table left empty.
RETIRED = ("risk_person", "risk_village", "risk_change_subdistrict", "risk_change_district")
PUBLISHED_BY_NAME = {p.table: p for p in PUBLISHED}

PG_TYPES = {"TEXT": "text", "INTEGER": "bigint", "REAL": "double precision", "DATE": "date",
            "DATETIME": "timestamptz", "BOOLEAN": "boolean"}
PG_GEOMETRY = {"POINT": "Point", "MULTIPOLYGON": "MultiPolygon"}
KEY_COLUMNS = ("province_code", "data_year")
# Views: national roll-ups; (name, geometry column or None).
VIEWS = (("risk_by_province", None), ("risk_by_district", "geom"))


def ident(*names: str) -> str:
    """A quoted, dotted SQL identifier."""
    return ".".join('"' + n.replace('"', '""') + '"' for n in names)


def pg_type(column: Column) -> str:
    return PG_TYPES.get(column.type, "text")


def create_table_sql(schema: str, published: Published) -> list[str]:
    table = ident(schema, published.table)
    columns = ["id bigserial PRIMARY KEY", "province_code text NOT NULL", "data_year integer NOT NULL"]
    columns += [f"{ident(c.name)} {pg_type(c)}" + (" NOT NULL" if "NOT NULL" in c.constraint else "")
                for c in published.columns if c.name != "data_year"]
    if published.geometry:
        columns.append(f"geom geometry({PG_GEOMETRY[published.geometry]}, 4326)")
    for group in published.source.unique:
        keys = [k for k in KEY_COLUMNS if k not in group] + list(group)
        columns.append(f"UNIQUE ({', '.join(ident(k) for k in keys)})")
    statements = [f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(columns) + ")",
                  f"COMMENT ON TABLE {table} IS %s"]
    return statements


def add_columns_sql(schema: str, published: Published, existing: Collection[str]) -> list[str]:
    """ALTER statements adding the columns a newer plugin publishes and the table lacks."""
    table = ident(schema, published.table)
    return [f"ALTER TABLE {table} ADD COLUMN {ident(c.name)} {pg_type(c)}"
            for c in published.columns if c.name not in existing]


def index_sql(schema: str, published: Published) -> list[str]:
    name = published.table
    statements = [f"CREATE INDEX IF NOT EXISTS {ident(name + '_key_idx')} ON {ident(schema, name)} "
                  "(province_code, data_year)"]
    if published.geometry:
        statements.append(f"CREATE INDEX IF NOT EXISTS {ident(name + '_geom_idx')} ON "
                          f"{ident(schema, name)} USING gist (geom)")
    return statements


PUBLICATION_SQL = """CREATE TABLE IF NOT EXISTS {table} (
  id bigserial PRIMARY KEY, province_code text NOT NULL, data_year integer NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(), published_by text DEFAULT current_user,
  source_file text, plugin_version text, row_counts jsonb, release integer, protection text)"""
# Columns publication gained after its first version (empty in earlier versions' rows).
PUBLICATION_ADDED = ("release integer", "protection text")


def drop_views_sql(schema: str) -> list[str]:
    """The roll-up views dropped first: one may read a table a publication drops or changes."""
    return [f"DROP VIEW IF EXISTS {ident(schema, view)}" for view, _ in VIEWS]


def view_sql(schema: str) -> list[str]:
    """The national roll-ups, made again after every publication (their columns may change with
    the plugin); from the protected tables only."""
    s = ident(schema)
    return [
        f"""CREATE VIEW {s}.risk_by_province AS
SELECT row_number() OVER (ORDER BY b.province_code, b.data_year) AS id,
  b.province_code, b.data_year, p.name_th, p.name_en,
  b.persons_scored, b.persons_high, b.persons_medium, b.persons_low, b.share_high
FROM {s}.risk_breakdown b
LEFT JOIN {s}.province p ON p.province_code = b.province_code AND p.data_year = b.data_year
WHERE b.level = 'province' AND b.dimension = 'age_band_sex' AND b.age_band = 'all'
  AND b.sex = 'all'""",
        f"""CREATE VIEW {s}.risk_by_district AS
SELECT d.id, d.province_code, d.data_year, d.code AS district_code, d.name_th,
  d.persons_scored, d.persons_high, d.share_high, d.risk_class, d.method, d.geom
FROM {s}.risk_district d""",
    ]


# The table QGIS reads and writes styles in (QGIS 3.22's own columns and defaults).
LAYER_STYLES_SQL = """CREATE TABLE IF NOT EXISTS public.layer_styles (
  id serial PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, f_table_name varchar,
  f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, useasdefault boolean,
  description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml,
  update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)"""
