"""Does the index point at the right villages? A scored year against the outcomes the province
recorded later (trafficking:validateindex).

Outcomes of the years after the data year only: lessons-learned cases (the victim's person when
her ID was imported, else her home village from the case's recruitment step), human-security
welfare cases of trafficking or labour exploitation, and an outcome file the user supplies
(village codes, or person IDs keyed with the identity file). Nothing here reads a truth file.

For persons and for villages, the index and simple baselines (legal status only, poverty only,
the strongest single indicator, and for villages their size) get ROC AUC with a bootstrap
interval, the top decile's lift and the work list's precision and recall; for persons, each
class's share of the outcomes and, per group (sex, age band, ethnicity, legal status), the share
classed high against the share with an outcome. docs/validation.md says how to read them.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field

import numpy as np

from .. import gpkg, schema
from ..database import PathLike, run_in_transaction
from ..errors import CoreError
from ..feedback import Feedback, NullFeedback, check_canceled
from ..ingest import pseudonym, thai_id
from ..thai_calendar import year_with_be

OUTCOME_PROBLEMS = ("trafficking", "labour_exploitation")
BASELINES = {"legal_status": "i01", "poverty": "i09"}
TABLES = ("validation_metric", "validation_group", "validation_village")
GROUPS = {"sex": "r.sex", "age_band": "r.age_band", "ethnicity": "coalesce(p.ethnicity, 'unknown')",
          "legal_status": "CASE WHEN p.nationality = 'thai' THEN 'thai' WHEN p.nationality IN "
                          "('myanmar', 'lao', 'cambodian') THEN 'migrant' WHEN p.nationality = "
                          "'no_status' OR p.id_kind = 'g_code' THEN 'no_status' ELSE 'unknown' END"}
_CLASSES = ("high", "medium", "low", "not_enough_data")


class ValidationError(CoreError):
    """Validation cannot run as asked; the message says what to do."""


@dataclass
class Options:
    outcome_years: tuple[int, int] | None = None   # (first, last), Common Era; default t+1..t+2
    work_list_villages: int = 20        # the work list's length (precision and recall at it)
    bootstrap: int = 200                # resamples for the AUC's 95 % interval
    seed: int = 1
    outcome_file: PathLike | None = None   # CSV with a village_code and/or person_id column
    identity_path: PathLike | None = None  # to key the file's person IDs (default: beside)


@dataclass
class Metric:
    """One model (the index or a baseline) on persons or villages."""
    scope: str                  # person or village
    model: str                  # index, legal_status, poverty, strongest:<code>, size
    units: int
    outcomes: int
    auc: float | None
    auc_low: float | None
    auc_high: float | None
    lift_top_decile: float | None
    precision: float | None = None   # of the work list (villages)
    recall: float | None = None


@dataclass
class GroupRow:
    dimension: str
    value: str
    persons: int
    share_high: float | None
    share_outcome: float | None
    auc: float | None


@dataclass
class ValidationSummary:
    data_year: int
    outcome_years: tuple[int, int]
    persons_with_outcome: int
    villages_with_outcome: int
    metrics: list[Metric] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    class_shares: dict[str, float] = field(default_factory=dict)   # share of outcomes per class
    message: str = ""

    def metric(self, scope: str, model: str) -> Metric:
        return next(m for m in self.metrics if m.scope == scope and m.model == model)


def auc(scores: np.ndarray, outcomes: np.ndarray) -> float | None:
    """ROC AUC: the chance that a unit with an outcome scores above one without (ties count
    half); None when either kind is missing."""
    scores, outcomes = np.asarray(scores, dtype=float), np.asarray(outcomes, dtype=bool)
    positives, negatives = int(outcomes.sum()), int((~outcomes).sum())
    if not positives or not negatives:
        return None
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(scores.size)
    sorted_scores = scores[order]
    # average ranks of ties (1-based), as the Mann-Whitney statistic needs
    starts = np.flatnonzero(np.r_[True, sorted_scores[1:] != sorted_scores[:-1]])
    ends = np.r_[starts[1:], scores.size]
    ranks[order] = np.repeat((starts + ends + 1) / 2.0, ends - starts)
    return float((ranks[outcomes].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def auc_interval(scores: np.ndarray, outcomes: np.ndarray, draws: int,
                 rng: np.random.Generator) -> tuple[float | None, float | None]:
    """95 % bootstrap interval of the AUC (units resampled with replacement)."""
    if draws <= 0 or auc(scores, outcomes) is None:
        return None, None
    values = []
    for _ in range(draws):
        pick = rng.integers(0, scores.size, scores.size)
        value = auc(scores[pick], outcomes[pick])
        if value is not None:
            values.append(value)
    if not values:
        return None, None
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def lift_top_decile(scores: np.ndarray, outcomes: np.ndarray) -> float | None:
    """Outcome rate among the tenth of units scored highest, over the overall rate."""
    outcomes = np.asarray(outcomes, dtype=bool)
    if not outcomes.any():
        return None
    top = max(1, int(np.ceil(scores.size / 10)))
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")[:top]
    return float(outcomes[order].mean() / outcomes.mean())


def validate(database: PathLike, data_year: int, options: Options | None = None,
             feedback: Feedback | None = None) -> ValidationSummary:
    """Validate the scored ``data_year`` (Common Era) against later outcomes; writes the tables
    of TABLES for the year in one transaction."""
    feedback = feedback or NullFeedback()
    options = options or Options()
    summary = run_in_transaction(database, feedback, lambda conn: _Run(
        conn, database, data_year, options, feedback).run())
    feedback.pushInfo(summary.message)
    return summary


class _Run:
    def __init__(self, conn, database, year, options, feedback):
        self.conn, self.year, self.options, self.feedback = conn, year, options, feedback
        self.database = database
        self.rng = np.random.default_rng(options.seed)

    def run(self):
        conn, year = self.conn, self.year
        first, last = self.options.outcome_years or (year + 1, year + 2)
        if first <= year:
            raise ValidationError("outcomes must come after the data year {}: a case known by "
                                  "then is an input of the index, not a test of it",
                                  year_with_be(year))
        schema.apply_schema(conn, tables=[schema.TABLES_BY_NAME[t] for t in TABLES])
        if not conn.execute("SELECT 1 FROM risk_person WHERE data_year = ? LIMIT 1",
                            (year,)).fetchone():
            raise ValidationError("data year {} is not scored: run trafficking:scoreriskindex "
                                  "first", year_with_be(year))
        self.feedback.pushInfo(f"Outcomes recorded {first}-{last}")
        persons, villages = self._outcomes(first, last)
        check_canceled(self.feedback)
        summary = ValidationSummary(year, (first, last), len(persons), len(villages))
        self._persons(persons, summary)
        self.feedback.setProgress(50)
        check_canceled(self.feedback)
        self._villages(villages, summary)
        self._groups(persons, summary)
        self._write(summary)
        index = summary.metric("village", "index")
        best = max((m for m in summary.metrics if m.scope == "village" and m.model != "index"
                    and m.auc is not None), key=lambda m: m.auc, default=None)
        summary.message = (
            f"Validation of {year} against outcomes of {first}-{last}: {len(persons):,} persons "
            f"and {len(villages):,} villages with an outcome; villages AUC "
            f"{_fmt(index.auc)} (95 % {_fmt(index.auc_low)}-{_fmt(index.auc_high)}), best "
            f"baseline {best.model if best else '-'} {_fmt(best.auc if best else None)}; "
            f"person AUC {_fmt(summary.metric('person', 'index').auc)}")
        return summary

    # --- outcomes -------------------------------------------------------------------------------
    def _outcomes(self, first, last):
        """(person_keys with an outcome, {village_code: outcomes}) of the years first..last."""
        conn, year = self.conn, self.year
        persons, villages = set(), {}
        home = dict(conn.execute("SELECT person_key, village_code FROM person WHERE data_year = ?",
                                 (year,)))

        def add(key, village):
            if key:
                persons.add(key)
            village = village or home.get(key)
            if village:
                villages[village] = villages.get(village, 0) + 1

        if _has(conn, "case"):
            recruited = {} if not _has(conn, "case_event") else dict(conn.execute(
                "SELECT case_id, village_code FROM case_event WHERE event_type = 'recruitment' "
                "AND village_code IS NOT NULL ORDER BY sequence DESC"))
            for fid, key in conn.execute(
                    'SELECT fid, case_key FROM "case" WHERE CAST(substr(coalesce('
                    "incoming_referral_date, recorded_at), 1, 4) AS INTEGER) BETWEEN ? AND ?",
                    (first, last)):
                add(key if key in home else None, home.get(key) or recruited.get(fid))
        for key, village in conn.execute(
                "SELECT person_key, village_code FROM welfare_case WHERE data_year BETWEEN ? AND ? "
                f"AND problem IN ({', '.join('?' * len(OUTCOME_PROBLEMS))})",
                (first, last, *OUTCOME_PROBLEMS)):
            add(key if key in home else None, village)
        if self.options.outcome_file:
            for key, village in self._outcome_file():
                add(key if key in home else None, village)
        return persons, villages

    def _outcome_file(self):
        """(person_key or None, village_code or None) of each row of the user's outcome CSV;
        person IDs are keyed with the identity file's secret, as the import keys them."""
        path = self.options.outcome_file
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.DictReader(handle))
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise ValidationError("the outcome file {} cannot be read ({}): give a CSV with a "
                                  "village_code or person_id column", path, error) from None
        if not rows or not {"village_code", "person_id"} & set(rows[0]):
            raise ValidationError("the outcome file {} has no village_code or person_id column",
                                  path)
        keyer = None
        if any((r.get("person_id") or "").strip() for r in rows):
            _, secret = pseudonym.bound_secret(self.conn, self.database,
                                               self.options.identity_path, create=False)
            keyer = pseudonym.person_keyer(secret)
        out = []
        for row in rows:
            raw = thai_id.normalize_id((row.get("person_id") or "").strip())
            out.append((keyer(raw) if raw and keyer else None,
                        (row.get("village_code") or "").strip() or None))
        return out

    # --- persons --------------------------------------------------------------------------------
    def _persons(self, outcome_keys, summary):
        conn, year = self.conn, self.year
        rows = conn.execute(
            "SELECT person_key, risk_index, risk_class, coalesce(i01, 0), coalesce(i09, 0) FROM "
            "risk_person WHERE data_year = ? ORDER BY fid", (year,)).fetchall()
        keys = [r[0] for r in rows]
        y = np.array([k in outcome_keys for k in keys])
        classes = np.array([r[2] for r in rows], dtype=object)
        if y.any():
            summary.class_shares = {c: float((classes[y] == c).mean()) for c in _CLASSES}
        scored = np.array([r[1] is not None for r in rows])
        index = np.array([r[1] if r[1] is not None else np.nan for r in rows], dtype=float)
        models = {"index": index,
                  **{name: np.array([r[3 + i] for r in rows], dtype=float)
                     for i, name in enumerate(BASELINES)}}
        strongest = self._strongest("person", y, scored)
        if strongest:
            models[f"strongest:{strongest[0]}"] = strongest[1]
        for name, score in models.items():
            self._metric(summary, "person", name, score[scored], y[scored])

    def _strongest(self, scope, y, mask, by_village=None):
        """(code, scores) of the single indicator with the highest AUC on these very outcomes:
        chosen with hindsight, so a generous baseline the index must still beat."""
        columns = [c for c in _indicator_columns(self.conn)]
        if not columns or not y.any():
            return None
        sql = ", ".join(f"coalesce({c}, 0)" for c in columns)
        values = np.array(self.conn.execute(
            f"SELECT {sql} FROM risk_person WHERE data_year = ? ORDER BY fid", (self.year,)
        ).fetchall(), dtype=float).reshape(-1, len(columns))
        if by_village is not None:           # villages: the count of persons scored 3
            values = by_village(values == 3)
        best, best_auc = None, -1.0
        for j in range(len(columns)):
            value = auc(values[mask, j], y[mask])
            if value is not None and value > best_auc:
                best, best_auc = j, value
        return (columns[best].upper(), values[:, best]) if best is not None else None

    def _metric(self, summary, scope, model, score, y, precision=None, recall=None):
        low, high = auc_interval(score, y, self.options.bootstrap, self.rng)
        summary.metrics.append(Metric(scope, model, int(score.size), int(y.sum()), auc(score, y),
                                      low, high, lift_top_decile(score, y), precision, recall))

    # --- villages -------------------------------------------------------------------------------
    def _villages(self, outcome_villages, summary):
        conn, year = self.conn, self.year
        rows = conn.execute(
            "SELECT code, persons_scored, coalesce(persons_at_risk, 0), coalesce(persons_high, 0), "
            "coalesce(share_high, 0), coalesce(mean_index, 0) FROM risk_village WHERE "
            "data_year = ? AND persons_scored > 0",
            (year,)).fetchall()
        if not rows:
            raise ValidationError("no village of {} has a scored person: is the village layer "
                                  "loaded (trafficking:createdatabase)?", year_with_be(year))
        codes = [r[0] for r in rows]
        y = np.array([outcome_villages.get(c, 0) > 0 for c in codes])
        order = sorted(range(len(rows)), key=lambda i: (-round(rows[i][2], 6), -rows[i][3],
                                                        -round(rows[i][4], 6),
                                                        -round(rows[i][5], 6), rows[i][0]))
        listed = order[:self.options.work_list_villages]
        hits = int(y[listed].sum())
        precision = hits / len(listed) if listed else None
        recall = hits / int(y.sum()) if y.any() else None
        # The index's village score is its work-list order (persons at risk, then high-risk
        # persons, share and mean index); villages equal on all of them share a score.
        keys = [(round(rows[i][2], 6), rows[i][3], round(rows[i][4], 6), round(rows[i][5], 6))
                for i in order]
        rank_score = np.empty(len(rows))
        level = 0
        for position, i in enumerate(order):
            if position and keys[position] != keys[position - 1]:
                level += 1
            rank_score[i] = -level
        self._metric(summary, "village", "index", rank_score, y, precision, recall)
        person_village = [r[0] for r in conn.execute(
            "SELECT village_code FROM risk_person WHERE data_year = ? ORDER BY fid", (year,))]
        position = {c: i for i, c in enumerate(codes)}
        where = np.array([position.get(c, -1) for c in person_village])
        scored = np.array([r[0] is not None for r in conn.execute(
            "SELECT risk_index FROM risk_person WHERE data_year = ? ORDER BY fid", (year,))])

        def by_village(flags):
            """(villages x columns) counts of the scored persons' flags per village."""
            keep = (where >= 0) & scored
            out = np.zeros((len(codes), flags.shape[1]))
            np.add.at(out, where[keep], flags[keep])
            return out

        baselines = {"size": np.array([r[1] for r in rows], dtype=float)}
        for name, column in BASELINES.items():
            three = np.array([r[0] == 3 for r in conn.execute(
                f"SELECT {column} FROM risk_person WHERE data_year = ? ORDER BY fid", (year,))])
            baselines[name] = by_village(three[:, None])[:, 0]
        strongest = self._strongest("village", y, np.ones(len(codes), dtype=bool), by_village)
        if strongest:
            baselines[f"strongest:{strongest[0]}"] = strongest[1]
        for name, score in baselines.items():
            top = np.argsort(-score, kind="stable")[:len(listed)]
            base_hits = int(y[top].sum())
            self._metric(summary, "village", name, score, y, base_hits / len(top) if len(top)
                         else None, base_hits / int(y.sum()) if y.any() else None)
        self.village_rows = [(code, outcome_villages.get(code, 0), rank)
                             for rank, code in ((listed.index(i) + 1 if i in listed else None,
                                                 codes[i]) for i in range(len(codes)))]

    # --- groups ---------------------------------------------------------------------------------
    def _groups(self, outcome_keys, summary):
        for dimension, expression in GROUPS.items():
            rows = self.conn.execute(
                f"SELECT {expression}, r.person_key, r.risk_class, r.risk_index FROM risk_person r "
                "LEFT JOIN person p ON p.person_key = r.person_key AND p.data_year = r.data_year "
                "WHERE r.data_year = ?", (self.year,)).fetchall()
            by_value = {}
            for value, key, risk_class, index in rows:
                by_value.setdefault(value or "unknown", []).append((key, risk_class, index))
            for value, members in sorted(by_value.items()):
                scored = [(k, i) for k, c, i in members if i is not None]
                y = np.array([k in outcome_keys for k, _ in scored])
                high = sum(c == "high" for _, c, _ in members)
                summary.groups.append(GroupRow(
                    dimension, value, len(members),
                    high / len(scored) if scored else None,
                    float(np.mean([k in outcome_keys for k, _, _ in members])),
                    auc(np.array([i for _, i in scored]), y) if scored else None))

    # --- writing --------------------------------------------------------------------------------
    def _write(self, summary):
        conn, year = self.conn, self.year
        for table in TABLES:
            conn.execute(f'DELETE FROM "{table}" WHERE data_year = ?', (year,))
        first, last = summary.outcome_years
        conn.executemany(
            "INSERT INTO validation_metric (data_year, outcome_first_year, outcome_last_year, "
            "scope, model, units, outcomes, auc, auc_low, auc_high, lift_top_decile, precision, "
            "recall) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(year, first, last, m.scope, m.model, m.units, m.outcomes, m.auc, m.auc_low,
              m.auc_high, m.lift_top_decile, m.precision, m.recall) for m in summary.metrics])
        conn.executemany(
            "INSERT INTO validation_metric (data_year, outcome_first_year, outcome_last_year, "
            "scope, model, units, outcomes, share_of_outcomes) VALUES (?, ?, ?, 'person', "
            "?, ?, ?, ?)",
            [(year, first, last, f"class:{c}", summary.persons_with_outcome,
              summary.persons_with_outcome, share) for c, share in summary.class_shares.items()])
        conn.executemany(
            "INSERT INTO validation_group (data_year, dimension, value, persons, share_high, "
            "share_outcome, auc) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(year, g.dimension, g.value, g.persons, g.share_high, g.share_outcome, g.auc)
             for g in summary.groups])
        conn.executemany(
            "INSERT INTO validation_village (geom, code, name_th, data_year, persons_scored, "
            "persons_high, risk_class, outcomes, work_list_rank) SELECT rv.geom, rv.code, "
            "rv.name_th, rv.data_year, rv.persons_scored, rv.persons_high, rv.risk_class, ?, ? "
            "FROM risk_village rv WHERE rv.code = ? AND rv.data_year = ?",
            [(outcomes, rank, code, year) for code, outcomes, rank in self.village_rows])
        gpkg.update_extent(conn, "validation_village")


def _has(conn, table):
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def _indicator_columns(conn):
    columns = [r[1] for r in conn.execute('PRAGMA table_info("risk_person")')]
    return [c for c in columns if len(c) == 3 and c[0] == "i" and c[1:].isdigit()]


def _fmt(value):
    return "-" if value is None else f"{value:.2f}"
