"""The indicator catalogue: the shipped ``indicators.yaml`` and the GeoPackage's ``indicator`` table.

The 28 indicators are data. ``install`` copies the shipped file into an empty ``indicator`` table
once; after that the table is the catalogue, edited by specialists in QGIS, and ``read_enabled``
checks it before every scoring so a typo stops with the indicator and field at fault.
docs/risk_index.md says how rules are read; docs/indicators.md (``markdown()``) lists them.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import astuple, dataclass

from .. import database, schema
from ..database import PathLike
from ..shipped_data import data_path, read_yaml
from .facts import FACT_COLUMNS
from ..errors import CoreError
from ..feedback import noop, text

CATALOGUE_PATH = data_path("indicators.yaml")
KEYS = ("code", "name_en", "name_th", "unit", "dimension", "kind", "fields", "rule_3", "rule_2",
        "rule_1", "weight", "enabled", "rationale", "source")
TEXT_KEYS = ("name_en", "name_th", "rationale", "source")
RULES = ("rule_3", "rule_2", "rule_1")
UNITS = ("person", "household", "community")
KINDS = ("condition", "flag", "exposure")
FLAG_DIMENSION = "events"      # the group of the flags: its weight scales what they add
DIMENSION_KEYS = ("code", "name_en", "name_th", "weight")
_CODE = re.compile(r"[A-Z][A-Z0-9_]{1,15}")
_FIELD = re.compile(r"([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)")
_TABLE_HINT = noop("fix it in the indicator table (its attribute table in QGIS)")


class IndicatorError(CoreError):
    """A catalogue that cannot be used, naming the file or table, the indicator and the key."""


@dataclass(frozen=True)
class Dimension:
    """A block of the index: its conditions combine into one score, each block weighs ``weight``."""
    code: str
    name_en: str
    name_th: str
    weight: float


@dataclass(frozen=True)
class Indicator:
    code: str
    name_en: str
    name_th: str
    unit: str
    dimension: str       # a Dimension's code; an indicator a specialist added without one is a
                         # dimension of its own
    kind: str            # condition or flag (docs/risk_index.md)
    fields: str
    rule_3: str
    rule_2: str
    rule_1: str
    weight: float
    enabled: bool
    rationale: str
    source: str


def load(path: PathLike = CATALOGUE_PATH) -> tuple[str, list[Indicator]]:
    """(version, [Indicator]) of a catalogue file, checked; raises IndicatorError."""
    version, _dimensions, catalogue = _load(path)
    return version, catalogue


def load_dimensions(path: PathLike = CATALOGUE_PATH) -> list[Dimension]:
    """The dimensions of a catalogue file, checked."""
    return _load(path)[1]


def _load(path):
    where = str(path)
    doc = read_yaml(path, IndicatorError)
    if not isinstance(doc, dict) or set(doc) != {"version", "dimensions", "indicators"}:
        raise IndicatorError(f"{where}: the file must hold exactly `version`, `dimensions` and "
                             "`indicators`")
    dimensions = _dimensions(doc["dimensions"], where)
    version = doc["version"]
    if not isinstance(version, str) or not version.strip():
        raise IndicatorError(f"{where}: version must be a non-empty text, e.g. \"2026.1\"")
    items = doc["indicators"]
    if not isinstance(items, list) or not items:
        raise IndicatorError(f"{where}: indicators must be a non-empty list")
    catalogue = []
    for n, item in enumerate(items, 1):
        label = item.get("code") if isinstance(item, dict) else None
        label = f"indicator {label}" if isinstance(label, str) else f"indicator #{n}"
        if not isinstance(item, dict):
            raise IndicatorError(f"{where}: {label}: must be a mapping of {', '.join(KEYS)}")
        missing, extra = set(KEYS) - set(item), set(item) - set(KEYS)
        if missing or extra:
            raise IndicatorError(f"{where}: {label}: " + "; ".join(
                ([f"missing {', '.join(sorted(missing))}"] if missing else [])
                + ([f"unknown key {', '.join(sorted(extra))}"] if extra else [])))
        catalogue.append(_check(item, lambda key, problem, label=label:
                                f"{where}: {label}: {key}: {problem}"))
    _check_unique(catalogue, lambda code: f"{where}: indicator {code}: code: used twice")
    _compile(catalogue, lambda code, key, problem: f"{where}: indicator {code}: {key}: {problem}")
    known = {d.code for d in dimensions}
    for i in catalogue:
        if i.dimension not in known:
            raise IndicatorError(f"{where}: indicator {i.code}: dimension: {i.dimension!r} is not "
                                 f"one of the dimensions ({', '.join(sorted(known))})")
    return version, dimensions, catalogue


def _dimensions(items, where):
    if not isinstance(items, list) or not items:
        raise IndicatorError(f"{where}: dimensions must be a non-empty list")
    out = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or set(item) != set(DIMENSION_KEYS):
            raise IndicatorError(f"{where}: dimension #{n}: must be a mapping of "
                                 f"{', '.join(DIMENSION_KEYS)}")
        weight = item["weight"]
        if not isinstance(item["code"], str) or not item["code"] or isinstance(weight, bool) \
                or not isinstance(weight, (int, float)) or weight < 0:
            raise IndicatorError(f"{where}: dimension #{n}: needs a code and a weight of 0 or more")
        out.append(Dimension(item["code"], str(item["name_en"]), str(item["name_th"]),
                             float(weight)))
    return out


def install(conn: sqlite3.Connection, path: PathLike = CATALOGUE_PATH) -> int:
    """Insert the shipped catalogue into an empty ``indicator`` table; returns rows inserted.

    A table with any row is left alone: it is the specialists' catalogue now, and an upgrade
    must never overwrite their edits. Runs inside the caller's transaction.
    """
    version, catalogue = load(path)
    if conn.execute("SELECT count(*) FROM indicator").fetchone()[0]:
        # A catalogue of an earlier version has no dimensions: the shipped indicators gain
        # theirs (a new column, so no edit of the specialists' is overwritten).
        conn.executemany("UPDATE indicator SET dimension = ?, kind = ? WHERE code = ? AND "
                         "dimension IS NULL", [(i.dimension, i.kind, i.code) for i in catalogue])
        return 0
    conn.executemany(
        f"INSERT INTO indicator ({', '.join(KEYS)}, catalogue_version) "
        f"VALUES ({', '.join('?' * (len(KEYS) + 1))})",
        [astuple(i) + (version,) for i in catalogue])   # True is stored as 1
    return len(catalogue)


def read_enabled(conn: sqlite3.Connection) -> list[Indicator]:
    """The enabled rows of the ``indicator`` table as Indicators, in table order, checked.

    Every row's ``enabled`` is checked; the rest only for enabled rows (a broken rule may be
    parked disabled), and descriptive fields may be empty. Raises IndicatorError naming the code
    and field.
    """
    rows = conn.execute(f"SELECT fid, {', '.join(KEYS)} FROM indicator ORDER BY fid").fetchall()
    catalogue = []
    for fid, *values in rows:
        item = dict(zip(KEYS, values))
        label = text("indicator {}", item["code"]) if item["code"] else \
            text("indicator row fid {}", fid)
        if item["enabled"] not in (0, 1):    # SQLite keeps BOOLEAN as 0/1; True == 1 too
            raise IndicatorError("{}: enabled must be 0 or 1, not {!r}: {}", label,
                                 item["enabled"], text(_TABLE_HINT))
        if not item["enabled"]:
            continue
        item["enabled"] = bool(item["enabled"])
        catalogue.append(_check(item, lambda key, problem, label=label:
                                f"{label}: {key}: {problem}: {text(_TABLE_HINT)}",
                                documented=False))
    _check_unique(catalogue, lambda code: text("indicator {}: code: used by two enabled rows: {}",
                                               code, text(_TABLE_HINT)))
    _compile(catalogue, lambda code, key, problem: text("indicator {}: {}: {}: {}", code, key,
                                                        problem, text(_TABLE_HINT)))
    return catalogue


def catalogue_version(conn: sqlite3.Connection, path: PathLike = CATALOGUE_PATH) -> str:
    """The version to store with every score: which rules made it.

    The shipped version while the enabled rows score exactly as shipped (same codes, rules,
    weights); else ``<version>+local.<8 hex>``, a hash of those rows, so two databases with the
    same edits report the same version and any edit to a rule, weight or enabled flag shows.
    """
    version, shipped = load(path)
    rows = _scoring_part(read_enabled(conn))
    if rows == _scoring_part(i for i in shipped if i.enabled):
        return version
    digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"{version}+local.{digest[:8]}"


def markdown(path: PathLike = CATALOGUE_PATH) -> str:
    """docs/indicators.md: the shipped catalogue as Markdown (a test keeps that file current)."""
    version, dimensions, catalogue = _load(path)
    enabled = sum(i.enabled for i in catalogue)
    lines = [
        "# The indicator catalogue", "",
        "Generated from `trafficking_plugin/data/indicators.yaml` by `make docs`; do not edit by hand.",
        f"Catalogue version {version}: {len(catalogue)} indicators ({enabled} enabled), each "
        "scored 1, 2 or 3 (most at risk) from the person facts of docs/risk_index.md. The rules "
        "are tried from `rule_3` down; when none holds the indicator is not observed (empty), "
        "never low risk.", "",
        "`trafficking:createdatabase` copies this catalogue into the GeoPackage's `indicator` table "
        "when that table is empty. From then on the table is the catalogue: edit rules, weights "
        "and `enabled` there (QGIS attribute table), or add rows for new indicators; upgrades "
        "never overwrite them. `trafficking:scoreriskindex` checks every enabled row before "
        "scoring and stores the catalogue version with every score: this version while the "
        f"enabled rows are as shipped, else `{version}+local.` and 8 hex digits of their hash.", "",
        "## Dimensions", "",
        "Conditions combine within their dimension; every dimension weighs the same in the index "
        "(docs/risk_index.md). Flags (the events group) add to the index when raised.", "",
        "| dimension | มิติ | weight | indicators |", "|---|---|---|---|"]
    lines += [f"| {d.name_en} (`{d.code}`) | {d.name_th} | {d.weight:g} | "
              + ", ".join(f"[{i.code}](#{i.code.lower()})" for i in catalogue
                          if i.dimension == d.code) + " |" for d in dimensions]
    lines += ["", "## Indicators", "",
              "| code | indicator | ตัวชี้วัด | dimension | kind | weight | score 3 when |",
              "|---|---|---|---|---|---|---|"]
    lines += [f"| [{i.code}](#{i.code.lower()}) | {i.name_en} | {i.name_th} | {i.dimension} | "
              f"{i.kind} | {i.weight:g}{'' if i.enabled else ' (disabled)'} | "
              f"`{_cell(i.rule_3)}` |" for i in catalogue]
    for i in catalogue:
        lines += ["", f"### {i.code}", "", f"**{i.name_en}** ({i.name_th}). Unit: {i.unit}. "
                  f"Dimension {i.dimension}, {i.kind}. "
                  f"Weight {i.weight:g}{'' if i.enabled else ', disabled'}.", "",
                  "Reads " + ", ".join(f"`{f}`" for f in i.fields.split()) + ".", "",
                  "| score | when |", "|---|---|"]
        lines += [f"| {key[-1]} | `{_cell(getattr(i, key))}` |" for key in RULES]
        lines += ["", i.rationale, "", f"Source: {i.source}"]
    return "\n".join(lines)


def _check(item, error, documented=True):
    """An Indicator from a dict with the KEYS, or IndicatorError(error(key, problem)).

    ``documented=False`` (table rows) lets names, unit, fields, rationale and source be empty, so
    a specialist can add an indicator with just its rules; what is filled in is still checked.
    """
    code = item["code"]
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise IndicatorError(error("code", text("{!r} must be 2-16 upper-case letters, digits or "
                                                "_, starting with a letter (e.g. I01)", code)))
    if not documented:
        item = {k: "" if v is None and k in TEXT_KEYS + ("unit", "fields") else v
                for k, v in item.items()}
        item["dimension"] = item["dimension"] or code      # its own block
        item["kind"] = item["kind"] or "condition"
    optional = () if documented else TEXT_KEYS
    for key in TEXT_KEYS + RULES:
        if not isinstance(item[key], str) or (not item[key].strip() and key not in optional):
            raise IndicatorError(error(key, text("must be a non-empty text")))
    for key in RULES:
        if ";" in item[key]:
            raise IndicatorError(error(key, text("must be one condition, without ';'")))
    if item["unit"] not in UNITS and (documented or item["unit"]):
        raise IndicatorError(error("unit", text("{!r} must be one of {}", item["unit"],
                                                ", ".join(UNITS))))
    if item["kind"] not in KINDS:
        raise IndicatorError(error("kind", text("{!r} must be one of {}", item["kind"],
                                                ", ".join(KINDS))))
    if not isinstance(item["dimension"], str) or not item["dimension"].strip():
        raise IndicatorError(error("dimension", text("must name the indicator's dimension")))
    fields = item["fields"]
    if not isinstance(fields, str) or not fields.split() and documented:
        raise IndicatorError(error("fields", text("is empty: list the standard fields read as "
                                                  "table.field, space separated")))
    for name in fields.split():
        if not _known_field(name):
            raise IndicatorError(error("fields", text("{!r} is not a table.field of the database "
                                                      "(docs/schema.md)", name)))
    weight = item["weight"]
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight >= 0:
        raise IndicatorError(error("weight", text("{!r} must be a number, 0 or more", weight)))
    if not isinstance(item["enabled"], bool):
        raise IndicatorError(error("enabled", text("{!r} must be true or false", item["enabled"])))
    return Indicator(**{**item, "weight": float(weight)})


def _known_field(name):
    match = _FIELD.fullmatch(name)
    table = match and schema.TABLES_BY_NAME.get(match.group(1))
    return bool(table) and match.group(2) in {c.name for c in table.all_columns}


def _check_unique(catalogue, error):
    seen = set()
    for i in catalogue:
        if i.code in seen:
            raise IndicatorError(error(i.code))
        seen.add(i.code)


def _compile(catalogue, error):
    """Compile every rule against an empty facts table, alone in a private database, so an SQL
    error, an unknown fact or a reach into another table is caught before scoring starts."""
    facts = database.connect(":memory:")
    try:
        facts.execute("CREATE TABLE person_facts (" + ", ".join(
            f'"{name}" {kind}' for name, kind in FACT_COLUMNS.items()) + ")")
        for i in catalogue:
            for key in RULES:
                try:
                    facts.execute(f"EXPLAIN SELECT CASE WHEN ({getattr(i, key)}) THEN 1 END "
                                  "FROM person_facts")
                except (sqlite3.Error, sqlite3.Warning) as e:
                    problem = text("not a condition on the person facts (docs/risk_index.md): {}",
                                   e)
                    raise IndicatorError(error(i.code, key, problem)) from None
    finally:
        facts.close()


def _scoring_part(catalogue):
    """What changes scores, sorted by code: code, the three rules, the weight, the block."""
    return sorted([i.code, i.rule_3, i.rule_2, i.rule_1, i.weight, i.dimension, i.kind]
                  for i in catalogue)


def _cell(text):
    return text.replace("|", "\\|")
