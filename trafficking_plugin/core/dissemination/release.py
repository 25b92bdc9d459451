"""One protection per data year for every publication of its figures, and the export register.

Every figure published about a data year's persons (the public export at any level and breakdown,
the national database) is a cell of one cube: area (province > districts > sub-districts) x age
band x sex x risk class, margins included. The cube is protected once, at its finest, the first
time the year is published (a **release**); its suppressed cells go into ``export_suppressed`` and
every later publication of the year leaves exactly those cells empty. A coarser table is a set of
the cube's margins, protected together with the rest, so no combination of publications tells
more than the one protected cube does. ``export_register`` records each publication: settings, a
fingerprint of the data, when, what and where.

A publication with other settings, or of data that changed since the year was published, is
refused with what was published and what to do. A re-release (a reason given) protects the year
anew and is recorded as such: files already out cannot be recalled. No QGIS.
"""
from __future__ import annotations

import getpass
import hashlib
import sqlite3
from dataclasses import dataclass

from .. import schema
from ..database import PathLike, now_utc, reading, run_in_transaction
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled, info
from ..thai_calendar import year_with_be
from ..risk.risk_index import AGE_BANDS
from . import disclosure

LEVELS = ("province", "district", "subdistrict")
CLASSES = ("high", "medium", "low")
SCORED = "scored"
ALL = "all"
UNKNOWN = "unknown"
DOMINANCE = 0.9    # a group with this share or more in one risk class has its classes hidden
HARMLESS = "low"   # "all of them are at low risk" tells a member nothing that harms them
KINDS = ("public_export", "public_website", "national")
_TABLES = ("export_register", "export_suppressed")


class ReleaseError(CoreError):
    """The year cannot be published as asked; the message says what was published and what to do."""


@dataclass(frozen=True)
class Settings:
    """How a release is protected; every publication of the release uses the same."""
    k: int = 11
    rounding: int = 1
    dominance: float | None = DOMINANCE

    def __post_init__(self) -> None:
        if self.dominance is not None:      # as the register's REAL column gives it back
            object.__setattr__(self, "dominance", round(float(self.dominance), 6))

    def words(self) -> str:
        share = f"dominance {self.dominance:.0%}" if self.dominance is not None \
            else "no dominance rule"
        return f"k = {self.k}, rounding {self.rounding}, {share}"


@dataclass
class Release:
    """The protected cube of a data year, as every publication of it must show it."""
    data_year: int
    number: int                    # 1, then one more per re-release
    settings: Settings
    fingerprint: str
    protected: disclosure.Protected
    areas: dict                    # (level, code) -> (name_th, name_en, district_code)
    run: tuple | None              # the latest scoring run: (method, catalogue_version, scored_at)
    persons_scored: int
    new: bool = False              # protected now: recorded with its first publication
    reason: str | None = None      # why a re-release was made


def read_areas(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple]:
    """{(level, code): (name_th, name_en, district_code)} of every province, district and
    sub-district of the database."""
    areas = {}
    for level in LEVELS:
        district = "district_code" if level == "subdistrict" else "NULL"
        for code, th, en, dist in conn.execute(
                f'SELECT code, name_th, name_en, {district} FROM "{level}" ORDER BY code'):
            areas[(level, code)] = (th, en, dist)
    if not any(key[0] == "province" for key in areas):
        raise ReleaseError("the database has no province row: is it a province database?")
    return areas


def read_counts(conn: sqlite3.Connection, year: int) -> tuple[dict[tuple, int], tuple | None]:
    """{(sub-district node, age band, sex, class): persons scored} and the latest scoring run's
    (method, catalogue_version, scored_at)."""
    run = conn.execute("SELECT method, catalogue_version, scored_at FROM risk_run WHERE "
                       "data_year = ? ORDER BY scored_at DESC LIMIT 1", (year,)).fetchone()
    counts = {}
    for district, subdistrict, age, sex, risk_class, persons in conn.execute(
            "SELECT district_code, subdistrict_code, coalesce(age_band, 'unknown'), "
            "coalesce(sex, 'unknown'), risk_class, count(*) FROM risk_person WHERE data_year = ? "
            "AND risk_index IS NOT NULL GROUP BY 1, 2, 3, 4, 5", (year,)):
        key = (area_leaf(district, subdistrict), age, sex, risk_class)
        counts[key] = counts.get(key, 0) + persons
    return counts, run


def area_leaf(district: str | None, subdistrict: str | None) -> tuple[str, str]:
    """The sub-district node of a person; 'unknown-<district>' (or 'unknown-unknown') without one."""
    if subdistrict:
        return ("subdistrict", subdistrict)
    return ("subdistrict", f"{UNKNOWN}-{district or UNKNOWN}")


def cube_dimensions(areas: dict[tuple[str, str], tuple],
                    counts: dict[tuple, int]) -> list[disclosure.Dimension]:
    """The cube's trees: area (province > districts > sub-districts, with 'unknown' places where
    persons have none), age band, sex, and risk class (persons scored > high, medium, low)."""
    area = {("province", ALL): None}
    for (level, code) in areas:
        if level == "district":
            area[(level, code)] = ("province", ALL)
    for (level, code), (_, _, district) in areas.items():
        if level == "subdistrict":
            area[(level, code)] = ("district", district)
    for key in counts:
        node = key[0]
        if node not in area:    # a place the persons have but the unit tables lack, or unknown
            code = node[1]
            district = code.split("-", 1)[1] if code.startswith(UNKNOWN) else code[:4]
            area.setdefault(("district", district), ("province", ALL))
            area[node] = ("district", district)
    bands = [b for b, _, _ in AGE_BANDS] + [UNKNOWN]
    bands += sorted({key[1] for key in counts} - set(bands))
    sexes = ["female", "male", UNKNOWN]
    sexes += sorted({key[2] for key in counts} - set(sexes))
    return [disclosure.Dimension("area", area),
            disclosure.Dimension("age_band", {ALL: None, **dict.fromkeys(bands, ALL)}),
            disclosure.Dimension("sex", {ALL: None, **dict.fromkeys(sexes, ALL)}),
            disclosure.Dimension("risk_class", {SCORED: None, **dict.fromkeys(CLASSES, SCORED)})]


def fingerprint(values: dict[tuple, int]) -> str:
    """SHA-256 of every non-zero cell of the cube with its count: equal exactly when the
    published figures (and what they hide) would be computed from the same data."""
    digest = hashlib.sha256()
    for text in sorted("/".join(_flat(cell)) + f"={v}" for cell, v in values.items() if v):
        digest.update(text.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _flat(cell):
    for part in cell:
        if isinstance(part, tuple):
            yield from (str(p) for p in part)
        else:
            yield str(part)


def prepare(database: PathLike, data_year: int, settings: Settings | None = None,
            rerelease: str | None = None, feedback: Feedback | None = None) -> Release:
    """The protected cube every publication of ``data_year`` must show.

    The year's recorded release when the data and ``settings`` (None: those of the release, or the
    defaults for a first one) are the same; a new protection for a year never published, or for
    a re-release when ``rerelease`` says why; else ReleaseError saying what was published."""
    feedback = feedback or NullFeedback()
    reason = (rerelease or "").strip() or None
    with reading(database) as conn:
        areas = read_areas(conn)
        counts, run = read_counts(conn, data_year)
        latest = latest_release(conn, data_year)
        stored = _suppressed(conn, data_year, latest["release"]) if latest else None
    if not counts:
        raise ReleaseError("{} has no scored person for data year {}: run "
                           "trafficking:scoreriskindex for the year first.", database, data_year)
    dimensions = cube_dimensions(areas, counts)
    values = disclosure.cube_values(dimensions, counts)
    found = fingerprint(values)
    persons = sum(counts.values())

    def release(number, chosen, protected, new):
        return Release(data_year, number, chosen, found, protected, areas, run, persons, new,
                       reason if new and number > 1 else None)

    if latest is None:
        chosen = settings or Settings()
        return release(1, chosen, _protect(dimensions, counts, chosen, feedback), True)
    published = Settings(latest["k"], latest["rounding"], latest["dominance"])
    chosen = settings or published
    same_data = found == latest["fingerprint"] and all(c in values for c in stored)
    if chosen == published and same_data:
        if reason:
            info(feedback, "Nothing changed since the year was published: the recorded "
                 "protection is used and no re-release is made.")
        info(feedback, "Using the protection of data year {} recorded on {} (release {}).",
             year_with_be(data_year), latest["first_published_at"], latest["release"])
        protected = disclosure.Protected(dimensions, values, stored, chosen.k, chosen.rounding)
        return release(latest["release"], chosen, protected, False)
    if reason is None:
        if chosen != published:
            raise ReleaseError(
                "Data year {} was published on {} ({}) with {}. Every publication of a year "
                "shares one protection, or together they would give suppressed cells away: "
                "publish with {} (any level and breakdown), or give a reason for a re-release "
                "to protect the year anew (published files cannot be recalled).", data_year,
                latest["first_published_at"], latest["kinds"], published.words(),
                published.words())
        raise ReleaseError(
            "The scored data of year {} changed since it was published on {} ({}: {} persons "
            "scored, scored at {}); it now has {} persons scored, scored at {}. New figures beside "
            "the published ones let anyone compare the two: restore the data that was published, "
            "or give a reason for a re-release (published files cannot be recalled).", data_year,
            latest["first_published_at"], latest["kinds"], latest["persons_scored"],
            latest["scored_at"], persons, run[2] if run else "?")
    info(feedback, "Re-release {} of data year {}: {}", latest["release"] + 1,
         year_with_be(data_year), reason)
    return release(latest["release"] + 1, chosen, _protect(dimensions, counts, chosen, feedback),
                   True)


def _protect(dimensions, counts, settings, feedback):
    info(feedback, "Protecting {} groups of persons once for every publication of the year ({})…",
         len(counts), settings.words())
    return disclosure.protect(dimensions, counts, k=settings.k, rounding=settings.rounding,
                              feedback=feedback, attribute="risk_class",
                              dominance=settings.dominance, harmless=(HARMLESS,))


def _has_register(conn):
    return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                        "('export_register', 'export_suppressed')").fetchone()[0] == 2


def latest_release(conn: sqlite3.Connection, data_year: int) -> dict | None:
    """The year's latest release as its first register row (a dict), with 'kinds' (what was
    published of it) and 'first_published_at'; None when the year was never published."""
    if not _has_register(conn):
        return None
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM export_register WHERE data_year = ? ORDER BY release "
                           "DESC, fid LIMIT 1", (data_year,)).fetchone()
        if row is None:
            return None
        found = dict(row)
        kinds = [r[0] for r in conn.execute(
            "SELECT DISTINCT kind FROM export_register WHERE data_year = ? AND release = ? "
            "ORDER BY fid", (data_year, found["release"]))]
    finally:
        conn.row_factory = None
    found["first_published_at"] = found["published_at"][:16].replace("T", " ") + " UTC"
    found["kinds"] = ", ".join(k.replace("_", " ") for k in kinds)
    return found


def register(database: PathLike, data_year: int | None = None) -> list[dict]:
    """The export register's rows (of one year, or all), oldest first."""
    with reading(database) as conn:
        if not _has_register(conn):
            return []
        conn.row_factory = sqlite3.Row
        where, args = ("WHERE data_year = ?", (data_year,)) if data_year is not None else ("", ())
        return [dict(r) for r in conn.execute(f"SELECT * FROM export_register {where} ORDER BY fid",
                                              args)]


def _suppressed(conn, year, number):
    hidden = {}
    for level, code, age, sex, risk_class, reason in conn.execute(
            "SELECT area_level, area_code, age_band, sex, risk_class, reason FROM "
            "export_suppressed WHERE data_year = ? AND release = ?", (year, number)):
        hidden[((level, code), age, sex, risk_class)] = reason
    return hidden


def record(database: PathLike, release: Release, kind: str, level: str, by_age_band: bool,
           by_sex: bool, cells: int, suppressed: int, destination: str,
           feedback: Feedback | None = None) -> None:
    """Add a publication of ``release`` to the register, and a new release's suppressed cells,
    in one transaction; refused when another publication of the year was recorded meanwhile."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    settings = release.settings
    run = release.run or (None, None, None)

    def work(conn):
        schema.apply_schema(conn, tables=[schema.TABLES_BY_NAME[t] for t in _TABLES])
        latest = conn.execute("SELECT coalesce(max(release), 0) FROM export_register WHERE "
                              "data_year = ?", (release.data_year,)).fetchone()[0]
        if latest != (release.number - 1 if release.new else release.number):
            raise ReleaseError("Another publication of data year {} was recorded while this one "
                               "ran: run this one again.", release.data_year)
        if release.new:
            check_canceled(feedback or NullFeedback())
            conn.executemany(
                "INSERT INTO export_suppressed (data_year, release, area_level, area_code, "
                "age_band, sex, risk_class, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(release.data_year, release.number, cell[0][0], cell[0][1], *cell[1:], reason)
                 for cell, reason in sorted(release.protected.hidden.items(), key=repr)])
        conn.execute(
            "INSERT INTO export_register (data_year, release, published_at, published_by, kind, "
            "level, by_age_band, by_sex, k, rounding, dominance, fingerprint, persons_scored, "
            "scoring_method, catalogue_version, scored_at, cells, suppressed, destination, "
            "rerelease_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (release.data_year, release.number, now_utc(), _user(), kind, level, int(by_age_band),
             int(by_sex), settings.k, settings.rounding, settings.dominance, release.fingerprint,
             release.persons_scored, *run, cells, suppressed, destination,
             release.reason if release.new else None))

    run_in_transaction(database, feedback, work)
    release.new = False


def _user():
    try:
        return getpass.getuser()
    except (KeyError, OSError):     # no name for the uid (e.g. a container)
        return None


def export_cells(protected: disclosure.Protected, level: str, by_age_band: bool,
                 by_sex: bool) -> list[tuple]:
    """The cube cells a publication to ``level`` with these breakdowns shows (every class)."""
    dims = {d.name: d for d in protected.dimensions}
    levels = LEVELS[:LEVELS.index(level) + 1]
    areas = [n for n in dims["area"].nodes if n[0] in levels]
    ages = dims["age_band"].nodes if by_age_band else [ALL]
    sexes = dims["sex"].nodes if by_sex else [ALL]
    classes = dims["risk_class"].nodes
    return [(a, g, s, c) for a in areas for g in ages for s in sexes for c in classes]
