"""Place risk as data: establishment types and establishment rules, shipped as YAML, edited as tables.

``install`` copies ``establishment_types.yaml`` and ``establishment_rules.yaml`` into the empty
``establishment_type`` and ``establishment_rule`` tables (as ``indicators.install`` does for the indicator
catalogue); afterwards the tables are the truth and ``read_types`` / ``read_rules`` check them
before every scoring, so a typo stops with the table, code and column at fault.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from .. import database, schema
from ..database import PathLike
from ..shipped_data import data_path, read_yaml
from ..errors import CoreError
from ..feedback import text

TYPES_PATH = data_path("establishment_types.yaml")
RULES_PATH = data_path("establishment_rules.yaml")
TYPE_KEYS = ("code", "name_en", "name_th", "base_score")
RULE_KEYS = ("code", "condition", "points", "reason_en", "reason_th", "enabled")
_TYPE_CODE = re.compile(r"[a-z][a-z0-9_]*")
_RULE_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,15}")
def _hint(table: str) -> str:
    return text("fix it in the {} table (its attribute table in QGIS)", table)


class CatalogueError(CoreError):
    """A type or rule that cannot be used, naming the file or table, the code and the column."""


@dataclass(frozen=True)
class EstablishmentType:
    code: str
    name_en: str
    name_th: str
    base_score: float


@dataclass(frozen=True)
class EstablishmentRule:
    code: str
    condition: str
    points: float
    reason_en: str
    reason_th: str
    enabled: bool = True


def load_types(path: PathLike = TYPES_PATH) -> list[EstablishmentType]:
    items = _load(path, "types", TYPE_KEYS)
    return [_type(item, lambda key, problem, item=item: f"{path}: type {item.get('code')}: "
                  f"{key}: {problem}") for item in items]


def load_rules(path: PathLike = RULES_PATH) -> list[EstablishmentRule]:
    items = _load(path, "rules", RULE_KEYS)
    rules = [_rule(item, lambda key, problem, item=item: f"{path}: rule {item.get('code')}: "
                   f"{key}: {problem}") for item in items]
    _compile(rules, lambda code, problem: f"{path}: rule {code}: condition: {problem}")
    return rules


def install(conn: sqlite3.Connection, types_path: PathLike = TYPES_PATH,
            rules_path: PathLike = RULES_PATH) -> tuple[int, int]:
    """The shipped types and rules into empty tables; returns (types added, rules added).

    A table with any row is left alone: it is the specialists' catalogue now. Runs inside the
    caller's transaction."""
    added = [0, 0]
    if not conn.execute("SELECT count(*) FROM establishment_type").fetchone()[0]:
        types = load_types(types_path)
        conn.executemany("INSERT INTO establishment_type (code, name_en, name_th, base_score) "
                         "VALUES (?, ?, ?, ?)",
                         [(t.code, t.name_en, t.name_th, t.base_score) for t in types])
        added[0] = len(types)
    if not conn.execute("SELECT count(*) FROM establishment_rule").fetchone()[0]:
        rules = load_rules(rules_path)
        conn.executemany("INSERT INTO establishment_rule (code, condition, points, reason_en, reason_th, "
                         "enabled) VALUES (?, ?, ?, ?, ?, ?)",
                         [(r.code, r.condition, r.points, r.reason_en, r.reason_th, int(r.enabled))
                          for r in rules])
        added[1] = len(rules)
    return tuple(added)


def read_types(conn: sqlite3.Connection) -> dict[str, EstablishmentType]:
    """The establishment_type table as {code: EstablishmentType}, checked."""
    types = {}
    for fid, *values in conn.execute(f"SELECT fid, {', '.join(TYPE_KEYS)} FROM establishment_type "
                                     "ORDER BY fid"):
        item = dict(zip(TYPE_KEYS, values))
        label = f"establishment_type {item['code'] or f'row fid {fid}'}"
        place_type = _type(item, lambda key, problem, label=label:
                           f"{label}: {key}: {problem}: {_hint('establishment_type')}",
                           documented=False)
        if place_type.code in types:
            raise CatalogueError("{}: code: used twice: {}", label, _hint("establishment_type"))
        types[place_type.code] = place_type
    return types


def read_rules(conn: sqlite3.Connection) -> list[EstablishmentRule]:
    """The enabled rows of the establishment_rule table, in table order, checked and compiled."""
    rules = []
    for fid, *values in conn.execute(f"SELECT fid, {', '.join(RULE_KEYS)} FROM establishment_rule "
                                     "ORDER BY fid"):
        item = dict(zip(RULE_KEYS, values))
        label = f"establishment_rule {item['code'] or f'row fid {fid}'}"
        if item["enabled"] not in (0, 1):
            raise CatalogueError("{}: enabled must be 0 or 1, not {!r}: {}", label, item["enabled"],
                                 _hint("establishment_rule"))
        if not item["enabled"]:
            continue      # a broken rule may be parked disabled
        item["enabled"] = True
        rules.append(_rule(item, lambda key, problem, label=label:
                           f"{label}: {key}: {problem}: {_hint('establishment_rule')}",
                           documented=False))
    codes = [r.code for r in rules]
    for code in codes:
        if codes.count(code) > 1:
            raise CatalogueError("establishment_rule {}: code: used by two enabled rows: {}", code,
                                 _hint("establishment_rule"))
    _compile(rules, lambda code, problem: f"establishment_rule {code}: condition: {problem}: "
                                          f"{_hint('establishment_rule')}")
    return rules


def type_lookup(types: dict[str, EstablishmentType]) -> dict[str, str]:
    """{normalised code, English or Thai name: code} for recognising what a survey wrote."""
    lookup = {}
    for t in types.values():
        for name in (t.name_th, t.name_en, t.code):
            if name:
                lookup[normalise_type(name)] = t.code
    return lookup


def normalise_type(text: str) -> str:
    """Case, spaces, hyphens and slashes do not matter: 'Massage Spa' = 'massage_spa'."""
    return re.sub(r"[\s\-/]+", "_", str(text).strip().casefold()).strip("_")


def _load(path, key, keys):
    doc = read_yaml(path, CatalogueError)
    if not isinstance(doc, dict) or set(doc) != {"version", key} or not isinstance(doc[key], list):
        raise CatalogueError(f"{path}: the file must hold exactly `version` and a list `{key}`")
    for n, item in enumerate(doc[key], 1):
        if not isinstance(item, dict) or set(item) != set(keys):
            raise CatalogueError(f"{path}: {key} #{n}: needs exactly the keys {', '.join(keys)}")
    return doc[key]


def _number(value):
    return not isinstance(value, bool) and isinstance(value, (int, float))


def _type(item, error, documented=True):
    code = item["code"]
    if not isinstance(code, str) or not _TYPE_CODE.fullmatch(code):
        raise CatalogueError(error("code", text("{!r} must be lowercase letters, digits and _ "
                                                "(e.g. karaoke)", code)))
    for key in ("name_en", "name_th"):
        if item[key] is None and not documented:
            item[key] = ""
        if not isinstance(item[key], str) or (documented and not item[key].strip()):
            raise CatalogueError(error(key, text("must be a non-empty text")))
    if not _number(item["base_score"]):
        raise CatalogueError(error("base_score", text("{!r} must be a number", item["base_score"])))
    return EstablishmentType(code, item["name_en"], item["name_th"], float(item["base_score"]))


def _rule(item, error, documented=True):
    code = item["code"]
    if not isinstance(code, str) or not _RULE_CODE.fullmatch(code):
        raise CatalogueError(error("code", text("{!r} must be upper-case letters, digits or _, "
                                                "starting with a letter (e.g. P01)", code)))
    condition = item["condition"]
    if not isinstance(condition, str) or not condition.strip():
        raise CatalogueError(error("condition", text("must be an SQL condition, e.g. "
                                                     "minors_observed > 0")))
    if ";" in condition:
        raise CatalogueError(error("condition", text("must be one condition, without ';'")))
    if not _number(item["points"]):
        raise CatalogueError(error("points", text("{!r} must be a number", item["points"])))
    if not isinstance(item["enabled"], bool):
        raise CatalogueError(error("enabled", text("{!r} must be true or false", item["enabled"])))
    reasons = {}
    for key in ("reason_en", "reason_th"):
        value = item[key]
        if value is None and not documented:
            value = ""
        if not isinstance(value, str) or (documented and not value.strip()):
            raise CatalogueError(error(key, text("must be a non-empty text")))
        reasons[key] = value.strip()
    return EstablishmentRule(code, condition, float(item["points"]), reasons["reason_en"] or code,
                     reasons["reason_th"], item["enabled"])


def _compile(rules, error):
    """Compile every condition against an empty establishment table, alone in a private
    database: an SQL error, an unknown column or a reach into another table stops here."""
    table = schema.TABLES_BY_NAME["establishment"]
    private = database.connect(":memory:")
    try:
        private.execute("CREATE TABLE establishment (" + ", ".join(
            f'"{c.name}" {c.type}' for c in table.all_columns if c.name != "geom") + ")")
        for rule in rules:
            try:
                private.execute(f"EXPLAIN SELECT fid FROM establishment WHERE ({rule.condition})")
            except (sqlite3.Error, sqlite3.Warning) as e:
                raise CatalogueError(error(rule.code, text(
                    "not a condition on the establishment columns (docs/sin_space.md): {}",
                    e))) from None
    finally:
        private.close()
