"""Import specs: one YAML file per agency source says how its files map to standard fields.

A spec is data a GIS specialist can edit (docs/import.md has the format and a worked example).
Loading checks it thoroughly, so a typo in a spec stops with the file and key at fault instead of
a confusing failure half-way through an import.
"""
from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..database import PathLike
from ..shipped_data import SPECS_DIR, read_yaml
from ..errors import CoreError

TYPES = ("text", "integer", "number", "date", "year", "code", "thai_id", "person_id")
ID_TYPES = ("thai_id", "person_id")
CALENDARS = ("be", "ce", "auto")
DATE_FORMATS = ("yyyymmdd", "dd/mm/yyyy", "yyyy-mm-dd", "excel")
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Columns every staging table has, and the ones an ID column brings: spec fields may not reuse them.
RESERVED_FIELDS = ("fid", "import_run_id", "row_number", "person_key", "id_kind", "person_type",
                   "home_town")


MATCHES = ("exact", "range", "prefix")


@dataclass(frozen=True)
class CodeRule:
    """One row of a default code table: becomes a row of the GeoPackage's crosswalk table."""
    field: str             # staged field holding the agency code
    match: str             # exact, range (e.g. B20-B24) or prefix
    agency_code: str
    standard_field: str
    standard_code: str
    note: str = ""


class SpecError(CoreError):
    """A spec file that cannot be used, with the file and key at fault."""


@dataclass(frozen=True)
class ColumnSpec:
    column: str            # the agency's header, as in the file
    field: str             # the standard field name
    type: str
    required: bool = False
    identity: bool = False  # identifying (a name, house number, birth date, place of a house):
                            # the value goes to the identity file, never to the GeoPackage
    staged_as: str | None = None   # "age": an identifying date or year is staged as the age
    calendar: str = "auto"
    formats: tuple[str, ...] = DATE_FORMATS
    not_after_data_year: bool = False
    doc: str = ""
    multiline: bool = False        # free text whose cells may hold line breaks (CSV: a quoted
                                   # record spans lines only in such columns)
    range: tuple[float, float] | None = None   # plausible values of a number (an age: 0 to 120)

    @property
    def staged_field(self) -> str:
        """The staging column of this column's value (a birth date's is its age)."""
        return self.staged_as or self.field


@dataclass(frozen=True)
class FileSpec:
    kind: str
    doc: str
    name_pattern: str      # a hint (fnmatch, case-insensitive) when headers fit several kinds
    match_columns: tuple[str, ...]   # headers that identify this kind of file
    columns: tuple[ColumnSpec, ...]   # ColumnSpec, in the spec's order

    @property
    def id_column(self) -> ColumnSpec | None:
        return next((c for c in self.columns if c.type in ID_TYPES), None)

    @property
    def staged_columns(self) -> tuple[ColumnSpec, ...]:
        """Columns with a value in staging (IDs become person_key, identifying values leave; a
        birth date stays only as the age it gives)."""
        return tuple(c for c in self.columns
                     if c.type not in ID_TYPES and (not c.identity or c.staged_as))

    @property
    def identity_columns(self) -> tuple[ColumnSpec, ...]:
        return tuple(c for c in self.columns if c.identity)


@dataclass(frozen=True)
class Spec:
    source: str
    doc: str
    path: str
    files: dict[str, FileSpec]   # kind -> FileSpec
    codes: tuple[CodeRule, ...]   # CodeRule: default code tables of the crosswalk, not read by import

    def staging_table(self, kind: str) -> str:
        return f"staging_{self.source}_{kind}"


def shipped_sources() -> list[str]:
    """Source ids of the specs shipped with the plugin, sorted."""
    return sorted(path.stem for path in SPECS_DIR.glob("*.yaml"))


def load_spec(source_or_path: PathLike) -> Spec:
    """A shipped spec by source id (e.g. ``health``) or any spec file by path."""
    path = source_or_path
    if not str(path).endswith((".yaml", ".yml")):
        path = SPECS_DIR / f"{source_or_path}.yaml"
        if not os.path.exists(path):
            raise SpecError("no spec for source '{}': the shipped sources are {}, or give the path "
                            "of a spec .yaml file", source_or_path, ", ".join(shipped_sources()))
    return _parse(read_yaml(path, SpecError), str(path))


def _parse(data, path):
    def fail(key, message):
        raise SpecError("{}, {}: {}", path, key, message)

    if not isinstance(data, dict):
        fail("(top)", "a spec is a mapping with keys source, files (and doc, codes)")
    source = data.get("source")
    if not isinstance(source, str) or not _FIELD_NAME.fullmatch(source):
        fail("source", "needs a lowercase id of letters, digits and _, e.g. health")
    unknown = set(data) - {"source", "doc", "files", "codes"}
    if unknown:
        fail(", ".join(sorted(unknown)), "unknown key (allowed: source, doc, files, codes)")
    files = data.get("files")
    if not isinstance(files, dict) or not files:
        fail("files", "needs at least one file kind, e.g. files: {person: {...}}")
    kinds = {}
    for kind, body in files.items():
        key = f"files.{kind}"
        if not isinstance(kind, str) or not _FIELD_NAME.fullmatch(kind):
            fail(key, "a file kind is a lowercase id of letters, digits and _")
        if not isinstance(body, dict):
            fail(key, "needs match and columns")
        match = body.get("match") or {}
        columns = body.get("columns")
        if not isinstance(columns, dict) or not columns:
            fail(f"{key}.columns", "needs the agency columns, each with field and type")
        parsed = tuple(_parse_column(fail, f"{key}.columns.{name}", str(name), col)
                       for name, col in columns.items())
        fields = [c.field for c in parsed] + [c.staged_field for c in parsed if c.staged_as]
        twice = sorted({f for f in fields if fields.count(f) > 1})
        if twice:
            fail(f"{key}.columns", f"field(s) {', '.join(twice)} given to more than one column")
        if sum(c.type in ID_TYPES for c in parsed) > 1:
            fail(f"{key}.columns", "at most one ID column (thai_id or person_id) per file")
        match_columns = match.get("columns") or [c.column for c in parsed if c.required]
        if not isinstance(match_columns, list) or not match_columns:
            fail(f"{key}.match.columns", "list the header columns that identify this file")
        missing = [m for m in match_columns if m not in columns]
        if missing:
            fail(f"{key}.match.columns", f"{', '.join(missing)} not among the file's columns")
        kinds[kind] = FileSpec(kind, str(body.get("doc", "")), str(match.get("name", "*")),
                               tuple(str(m) for m in match_columns), parsed)
    staged = {c.field for f in kinds.values() for c in f.staged_columns}
    codes = _parse_codes(fail, data.get("codes") or {}, staged)
    return Spec(source, str(data.get("doc", "")), path, kinds, codes)


def _parse_codes(fail, codes, staged_fields):
    """codes: {staged field: {standard_field, note, exact: {code: value}, range: {...}, prefix: {...}}}."""
    if not isinstance(codes, dict):
        fail("codes", "must be a mapping: staged field -> code table")
    rules = []
    for field, table in codes.items():
        key = f"codes.{field}"
        if field not in staged_fields:
            fail(key, f"'{field}' is not a staged field of this source's files")
        if not isinstance(table, dict):
            fail(key, "needs standard_field and some of exact, range, prefix")
        unknown = set(table) - {"standard_field", "note", *MATCHES}
        if unknown:
            fail(key, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        standard_field = table.get("standard_field")
        if not isinstance(standard_field, str) or not _FIELD_NAME.fullmatch(standard_field):
            fail(f"{key}.standard_field", "needs the standard field it maps to, e.g. sex")
        for match in MATCHES:
            entries = table.get(match) or {}
            if not isinstance(entries, dict):
                fail(f"{key}.{match}", "must be a mapping: agency code -> standard value")
            for code, value in entries.items():
                code = str(code).strip()
                if match == "range" and not re.fullmatch(r"[^-\s]+-[^-\s]+", code):
                    fail(f"{key}.range.{code}", "a range is written first-last, e.g. B20-B24")
                if value is None or not str(value).strip() or not code:
                    fail(f"{key}.{match}.{code}", "needs an agency code and a standard value")
                rules.append(CodeRule(field, match, code, standard_field, str(value).strip(),
                                      str(table.get("note", ""))))
    return tuple(rules)


def _parse_column(fail, key, name, col):
    if not isinstance(col, dict):
        fail(key, "needs field and type, e.g. {field: birth_date, type: date, calendar: be}")
    unknown = set(col) - {"field", "type", "required", "identity", "staged_as", "multiline",
                          "range", "calendar", "formats", "not_after_data_year", "doc"}
    if unknown:
        fail(key, f"unknown key(s) {', '.join(sorted(unknown))}")
    field, kind = col.get("field"), col.get("type", "text")
    if not isinstance(field, str) or not _FIELD_NAME.fullmatch(field):
        fail(f"{key}.field", "needs a lowercase standard field name, e.g. birth_date")
    if kind not in TYPES:
        fail(f"{key}.type", f"'{kind}' is not one of {', '.join(TYPES)}")
    if kind in ID_TYPES:
        if field != "person_key":
            fail(f"{key}.field", "an ID column's field is person_key (the ID is pseudonymised)")
    elif field in RESERVED_FIELDS:
        fail(f"{key}.field", f"'{field}' is reserved for the staging table's own columns")
    calendar = col.get("calendar", "auto")
    if calendar not in CALENDARS:
        fail(f"{key}.calendar", f"'{calendar}' is not one of {', '.join(CALENDARS)}")
    formats = col.get("formats", list(DATE_FORMATS))
    if isinstance(formats, str):
        formats = [formats]
    bad = [f for f in formats if f not in DATE_FORMATS]
    if bad or not formats:
        fail(f"{key}.formats", f"date formats are some of {', '.join(DATE_FORMATS)}")
    flags = {f: col.get(f, False)
             for f in ("required", "identity", "not_after_data_year", "multiline")}
    for flag, value in flags.items():
        if not isinstance(value, bool):
            fail(f"{key}.{flag}", "must be true or false")
    staged_as = col.get("staged_as")
    if flags["identity"] and kind not in ("text", "code", "number") and not staged_as:
        fail(f"{key}.identity", "an identifying date or year needs staged_as: age (the age is "
             "staged, the date goes to the identity file)")
    if staged_as is not None and (staged_as != "age" or kind not in ("date", "year")
                                  or not flags["identity"]):
        fail(f"{key}.staged_as", "only 'age', for an identifying date or year (identity: true)")
    if flags["multiline"] and kind != "text":
        fail(f"{key}.multiline", "only text columns (free text such as notes) hold line breaks")
    bounds = col.get("range")
    if bounds is not None:
        if kind not in ("integer", "number") or not isinstance(bounds, list) or len(bounds) != 2 \
                or not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds) \
                or bounds[0] > bounds[1]:
            fail(f"{key}.range", "a number column's lowest and highest plausible value, e.g. "
                 "[0, 120]")
        bounds = (float(bounds[0]), float(bounds[1]))
    return ColumnSpec(name, field, kind, flags["required"], flags["identity"], staged_as, calendar,
                      tuple(formats), flags["not_after_data_year"], str(col.get("doc", "")),
                      flags["multiline"], bounds)


def find_file_kind(spec: Spec, header: Iterable[str],
                   file_name: str) -> tuple[FileSpec | None, list[str]]:
    """The FileSpec whose identifying columns are all in ``header``; the name pattern breaks ties.

    Returns (FileSpec or None, missing columns of the closest kind) so the caller can say what
    the file lacks.
    """
    present = set(header)
    fits = [f for f in spec.files.values() if set(f.match_columns) <= present]
    if len(fits) > 1:
        by_name = [f for f in fits if fnmatch.fnmatch(file_name.lower(), f.name_pattern.lower())]
        fits = by_name or fits
        fits.sort(key=lambda f: -len(f.match_columns))   # the most specific kind
    if fits:
        return fits[0], []
    closest = min(spec.files.values(), key=lambda f: len(set(f.match_columns) - present))
    return None, [c for c in closest.match_columns if c not in present]
