"""The province GeoPackage's tables: one declaration that creates, upgrades and documents them.

The tables are a public interface (GIS specialists open and query them), so every column carries
its documentation here; `docs/schema.md` and the GeoPackage's own `gpkg_data_columns` are made
from it. Upgrading adds missing tables and columns and never drops or rewrites a user's rows,
with one exception: identifying values (birth dates, house numbers) that versions before schema
4 kept move to the identity file, leaving the ages they give.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import gpkg
from .errors import CoreError


SCHEMA_VERSION = 4     # 3: place_rule renamed establishment_rule (one word per concept)
# 4: no identifying value in the database: ages instead of birth dates, no house numbers


class SchemaError(CoreError):
    """The database's schema cannot be used by this plugin."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str          # a GeoPackage column type: TEXT, INTEGER, REAL, DATE, DATETIME, BOOLEAN
    doc: str
    constraint: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    geometry: str | None = None   # GeoPackage geometry type name, e.g. MULTIPOLYGON or POINT
    # column groups that identify a row
    unique: tuple[tuple[str, ...], ...] = field(default_factory=tuple)

    @property
    def all_columns(self) -> tuple[Column, ...]:
        fid = Column("fid", "INTEGER", "Row id kept by the GeoPackage; not meaningful outside this file.",
                     "PRIMARY KEY AUTOINCREMENT")
        geom = (Column("geom", self.geometry, "Geometry in EPSG:4326 (longitude, latitude)."),) \
            if self.geometry else ()
        return (fid,) + geom + tuple(self.columns)


C = Column
_YEAR = C("data_year", "INTEGER", "Data year in the Common Era (Buddhist-era input is converted: BE - 543).")
_AREA = C("area_km2", "REAL", "Area in square kilometres on the WGS 84 ellipsoid.")
_NAME_TH = C("name_th", "TEXT", "Name in Thai.")
_NAME_EN = C("name_en", "TEXT", "Name in English (romanised), where the source has one.")
_PROV = C("province_code", "TEXT", "2-digit DOPA province (changwat) code.", "NOT NULL")
_DIST = C("district_code", "TEXT", "4-digit DOPA district (amphoe) code.")
_SUBD = C("subdistrict_code", "TEXT", "6-digit DOPA sub-district (tambon) code.")
_VILL = C("village_code", "TEXT",
          "8-digit village (muban) code: sub-district code + 2-digit village number (moo).")
_PERSON = C("person_key", "TEXT", "Keyed pseudonym of the person (HMAC of the normalised ID with the "
            "province secret). Never a raw ID or name.")
_CLASS = C("risk_class", "TEXT", "high, medium or low (red, yellow, green on the maps).")
_AREAS = C("areas", "TEXT", "District and sub-district codes covered, separated by spaces.")
_SEX = C("sex", "TEXT", "male, female or unknown.")
# Every row of a standard sector table says where it came from (docs/standard.md).
_AGE = C("age", "INTEGER", "Age in whole years on 1 July of the data year (the birth date stays "
         "in the identity file).")
_PROVENANCE = (C("import_run_id", "INTEGER", "fid of the import_run that staged the source row.", "NOT NULL"),
               C("row_number", "INTEGER", "Row number of the source row in its file.", "NOT NULL"))
_LINK = C("person_key", "TEXT", "Keyed pseudonym of the person (as in person); empty when the "
          "record has no linkable ID (unlinked). Never a raw ID or name.")



def _area_summary(code_doc):
    """Columns shared by the risk summaries of villages, sub-districts and districts."""
    return (
        C("code", "TEXT", code_doc, "NOT NULL"), _NAME_TH, _YEAR,
        C("persons", "INTEGER", "Persons of the target population of the data year living here "
          "(scored or not)."),
        C("persons_scored", "INTEGER", "Persons observed on at least the minimum number of "
          "dimensions, and scored."),
        C("persons_unscored", "INTEGER", "Persons in the class not_enough_data (observed on fewer "
          "dimensions than the minimum): counted, not scored, never low."),
        C("persons_unlinked", "INTEGER", "Agency records of the target population placed here "
          "that carry no ID, so link to no person: the most of any one agency (a lower bound on "
          "the persons missing from persons)."),
        C("persons_high", "INTEGER", "Scored persons in the high class."),
        C("persons_medium", "INTEGER", "Scored persons in the medium class."),
        C("persons_low", "INTEGER", "Scored persons in the low class."),
        C("share_high", "REAL", "persons_high / persons_scored."),
        C("share_medium", "REAL", "persons_medium / persons_scored."),
        C("share_low", "REAL", "persons_low / persons_scored."),
        C("persons_at_risk", "REAL", "Expected persons at risk: the sum of the scored persons' "
          "deprivation shares (af_share, 0 to 1). Villages are ranked and classed by it, and the "
          "work list orders them by it."),
        C("mean_index", "REAL", "Mean risk index of the persons scored."),
        C("mean_coverage", "REAL", "Mean number of indicators observed per person scored."),
        C("af_h", "REAL", "Alkire-Foster headcount ratio H: share of scored persons whose weighted "
          "share of indicators at 3 reaches the cutoff k."),
        C("af_a", "REAL", "Alkire-Foster intensity A: mean weighted share of indicators at 3 among "
          "those persons."),
        C("af_m0", "REAL", "Alkire-Foster adjusted headcount M0 = H x A."),
        _CLASS,
        C("p_high", "REAL", "Share of the uncertainty analysis's runs (weights, cut-points, minimum "
          "of dimensions and method drawn at random) in which the area is high."),
        C("rank_low", "INTEGER", "Villages: best rank (5th percentile) by high-risk persons over "
          "those runs; 1 = most."),
        C("rank_high", "INTEGER", "Villages: worst rank (95th percentile) over those runs."),
        C("robust", "BOOLEAN", "1 when the area has this class in at least 80 % of those runs; 0: "
          "the class is not robust (drawn hatched); empty: not analysed."),
        C("drivers", "TEXT", "The three indicators most above the province's mean score here, by code."),
        C("method", "TEXT", "Scoring method: mean, alkire_foster or percentile."),
        C("catalogue_version", "TEXT", "Indicator catalogue version used."),
    )


def _area_change(code_doc):
    """Columns of the change layers: one scored year against the latest earlier scored year."""
    return (
        C("code", "TEXT", code_doc, "NOT NULL"), _NAME_TH, _YEAR,
        C("previous_year", "INTEGER", "The earlier data year compared with (Common Era)."),
        _CLASS,
        C("previous_class", "TEXT", "risk_class in the earlier year."),
        C("class_change", "TEXT", "worse, better, same or new (not scored in the earlier year)."),
        C("share_high", "REAL", "Share of scored persons in the high class this year."),
        C("previous_share_high", "REAL", "The same share in the earlier year."),
        C("share_high_change", "REAL", "share_high - previous_share_high, in percentage points."),
        C("mean_index_change", "REAL", "Change of the mean risk index."),
        C("method", "TEXT", "Scoring method of both years."),
    )


INDICATOR_COUNT = 29      # the default catalogue; risk_person has a score column for each
_SCORE_COLUMNS = tuple(
    C(f"i{i:02d}", "INTEGER", f"Score of indicator I{i:02d}: 1, 2 or 3 (most at risk); empty when "
      "not observed (never taken as low risk).") for i in range(1, INDICATOR_COUNT + 1))


TABLES = (
    Table("database_info", "Facts about this database: schema version, province, when built.", (
        C("key", "TEXT", "Name of the fact, e.g. schema_version, province_code.", "NOT NULL UNIQUE"),
        C("value", "TEXT", "Its value, as text."),
    )),
    Table("province", "The province, dissolved from its sub-districts so the levels nest exactly.", (
        C("code", "TEXT", "2-digit DOPA province (changwat) code, e.g. 50 = Chiang Mai.", "NOT NULL UNIQUE"),
        _NAME_TH, _NAME_EN, _AREA,
    ), geometry="MULTIPOLYGON"),
    Table("district", "Districts (amphoe), dissolved from their sub-districts.", (
        C("code", "TEXT", "4-digit DOPA district (amphoe) code.", "NOT NULL UNIQUE"),
        _NAME_TH, _NAME_EN, _PROV, _AREA,
    ), geometry="MULTIPOLYGON"),
    Table("subdistrict", "Sub-districts (tambon) as loaded from the boundary layer.", (
        C("code", "TEXT", "6-digit DOPA sub-district (tambon) code.", "NOT NULL UNIQUE"),
        _NAME_TH, _NAME_EN,
        C("district_code", "TEXT", "4-digit DOPA district (amphoe) code.", "NOT NULL"),
        _PROV, _AREA,
    ), geometry="MULTIPOLYGON"),
    Table("village", "Villages (muban) as points.", (
        C("code", "TEXT", "8-digit village code: sub-district code + 2-digit village number (moo).",
          "NOT NULL UNIQUE"),
        _NAME_TH,
        C("moo", "INTEGER", "Village number (moo) within the sub-district."),
        C("subdistrict_code", "TEXT", "6-digit DOPA sub-district (tambon) code.", "NOT NULL"),
        _DIST, _PROV,
        C("location_source", "TEXT", "Where the point comes from (the input layer's name)."),
        C("km_to_risky_place", "REAL", "Kilometres to the nearest establishment of the high risk "
          "class (sin space); empty while there is none. The risk index's community indicator "
          "reads it."),
        C("km_to_border_crossing", "REAL", "Kilometres to the nearest establishment of type "
          "border_crossing; empty while there is none."),
    ), geometry="POINT"),
    Table("import_run", "One attempt to import one agency file: provenance and row accounting.", (
        C("source", "TEXT", "Agency source id of the crosswalk spec used (e.g. health, education).",
          "NOT NULL"),
        C("file_name", "TEXT", "Name of the imported file (no folder)."),
        C("file_sha256", "TEXT", "SHA-256 of the file's bytes: the same file is never imported twice."),
        _YEAR,
        C("started_at", "DATETIME", "When the run started (UTC, ISO 8601)."),
        C("finished_at", "DATETIME", "When the run ended (UTC, ISO 8601)."),
        C("status", "TEXT", "running, succeeded, failed, canceled, duplicate or withdrawn (taken "
          "back with trafficking:withdrawimport: its staged rows deleted, its rejected rows kept, "
          "the reason in message and audit_log)."),
        C("rows_read", "INTEGER", "Data rows read from the file; always rows_staged + rows_rejected."),
        C("rows_staged", "INTEGER", "Rows accepted into staging."),
        C("rows_rejected", "INTEGER", "Rows recorded in rejected_row."),
        C("message", "TEXT", "What happened, in words a clerk can act on."),
        C("plugin_version", "TEXT", "Version of the plugin that ran the import."),
    )),
    Table("rejected_row",
          "Input rows that failed validation, with the reason. Nothing is dropped silently.", (
        C("import_run_id", "INTEGER", "fid of the import_run.", "NOT NULL"),
        C("file_name", "TEXT", "The file the row came from."),
        C("row_number", "INTEGER", "Row number in the file (1 = first data row)."),
        C("field", "TEXT", "The field that failed."),
        C("value", "TEXT", "The offending value; IDs masked (only the last 4 digits shown)."),
        C("reason", "TEXT", "Why the row was rejected, in plain words."),
    )),
    Table("unmapped_code", "Agency codes the crosswalk could not map, for the user to map.", (
        C("source", "TEXT", "Agency source id.", "NOT NULL"),
        C("field", "TEXT", "Staged field holding the code (subdistrict_name: a place name; "
          "village_code: a village not in the village layer)."),
        C("code", "TEXT", "The agency's code as found."),
        C("row_count", "INTEGER", "How many staged rows carry this code."),
        C("example_row", "INTEGER", "Row number of one such row in its file."),
        C("import_run_id", "INTEGER", "fid of the import_run of the example row."),
        _YEAR,
    )),
    Table("crosswalk", "Agency codes to standard codes; specialists extend it in the attribute table.", (
        C("source", "TEXT", "Agency source id the mapping belongs to.", "NOT NULL"),
        C("field", "TEXT", "Agency field the code is found in.", "NOT NULL"),
        C("match", "TEXT", "How agency_code matches: exact, range (e.g. B20-B24) or prefix."),
        C("agency_code", "TEXT", "The agency's code, range or prefix.", "NOT NULL"),
        C("standard_field", "TEXT", "Field of the standard it maps to."),
        C("standard_code", "TEXT", "Standard value it maps to."),
        C("note", "TEXT", "Why, and who added it."),
    )),
    Table("person_unlinked", "Agency records of a data year without an ID, which link to no "
          "person: counted by source, place, sex and age (the crosswalk writes them).", (
        _YEAR,
        C("source", "TEXT", "Agency source id."),
        _VILL, _SUBD, _DIST,
        C("sex", "TEXT", "male, female or unknown."),
        C("age", "INTEGER", "Age in whole years on 1 July of the data year."),
        C("records", "INTEGER", "Records of this source, place, sex and age without an ID."),
    )),
    Table("person", "One row per pseudonymised person and data year, linked across agencies.", (
        _PERSON, _YEAR,
        C("sex", "TEXT", "male, female or unknown."),
        _AGE,
        _VILL, _SUBD, _DIST,
        C("sources", "TEXT", "Agency source ids that hold a record of this person, space separated."),
        C("linked", "BOOLEAN", "1 when the person has a linkable ID (13-digit ID or G code)."),
        C("nationality", "TEXT", "thai, no_status, myanmar, lao, cambodian or not_recorded "
          "(health NATION)."),
        C("ethnicity", "TEXT", "thai, karen, lahu, hmong, akha, lisu, mien, myanmar, lao or "
          "cambodian (health RACE)."),
        C("residence", "TEXT", "lives_here_registered_here, registered_here_lives_elsewhere or "
          "lives_here_registered_elsewhere (health TYPEAREA)."),
        C("id_kind", "TEXT", "Kind of ID behind person_key: thai_id or g_code."),
        C("person_type", "INTEGER", "First digit of the Thai ID: DOPA person type (0-8)."),
        C("home_town", "TEXT", "Home town: 4-digit DOPA code of the district office that registered "
          "the Thai ID (its digits 2-5); empty for G codes."),
        C("marital_status", "TEXT", "single, married, widowed, divorced or separated (health MSTATUS)."),
        C("household_no", "INTEGER", "Number of the person's household (the health unit's house) in "
          "this database and data year; shared by the persons of one house, meaningless outside "
          "this file; empty for persons without a health record."),
    ), unique=(("person_key", "data_year"),)),
    Table("health_condition", "Diagnoses of outpatient visits, as standard conditions.", (
        _LINK, _YEAR,
        C("condition", "TEXT", "hiv, mental_health, substance_use, pregnancy, teen_pregnancy, "
          "violence_injury, extreme_poverty, acculturation_difficulty, "
          "inadequate_parental_supervision or other."),
        C("diagnosis_code", "TEXT", "ICD-10 code as found (without the dot)."),
        C("diagnosis_date", "DATE", "Date of the visit (Common Era)."),
        C("hospcode", "TEXT", "5-digit code of the health unit."),
        _VILL, _SUBD, _DIST,
    ) + _PROVENANCE),
    Table("school_enrolment", "Pupils on the school roster.", (
        _LINK, _YEAR,
        C("school_code", "TEXT", "10-digit school code."),
        C("school_year", "INTEGER", "School year (Common Era)."),
        C("grade_level", "TEXT", "kindergarten_1-3, primary_1-6 or secondary_1-6."),
        C("school_status", "TEXT", "studying, moved, dropped_out, suspended, struck_off or graduated."),
        _SEX, _AGE,
        _VILL, _SUBD, _DIST,
    ) + _PROVENANCE),
    Table("welfare_case", "Cases received by the social development and human security office.", (
        _LINK, _YEAR,
        C("case_no", "TEXT", "The office's case number (serial/B.E. year)."),
        C("case_date", "DATE", "Date the case was received (Common Era)."),
        C("problem", "TEXT", "poverty, homeless, family_violence, child_without_carer, "
          "unplanned_pregnancy, elderly_without_carer, disability, legal_status, "
          "labour_exploitation, trafficking, begging, hiv or drugs."),
        _SEX, C("age", "INTEGER", "Age in years on the date received."),
        _VILL, _SUBD, _DIST,
    ) + _PROVENANCE),
    Table("household", "Households of the Basic Minimum Needs (BMN) survey.", (
        C("household_id", "TEXT", "The survey's household id (<village code>-<serial>).", "NOT NULL"),
        _YEAR,
        C("survey_date", "DATE", "Date of the survey (Common Era)."),
        C("members", "INTEGER", "Number of members."),
        C("income_per_person", "REAL", "Baht per person per year."),
        C("bmn_failed", "INTEGER", "How many of the 31 BMN indicators the household fails."),
        C("debt_baht", "REAL", "Household debt in baht, where the survey records it."),
    ) + tuple(C(f"bmn{i:02d}", "INTEGER", f"BMN indicator {i:02d} of 2560-2564: 1 pass, 0 fail.")
              for i in range(1, 32)) + (_VILL, _SUBD, _DIST) + _PROVENANCE),
    Table("household_member", "Members of the BMN households.", (
        _LINK, _YEAR,
        C("household_id", "TEXT", "The survey's household id (joins household).", "NOT NULL"),
        C("member_no", "INTEGER", "Member number (1 = head)."),
        C("relation", "TEXT", "Relation to the head: head, spouse, child, parent, grandchild, "
          "relative or lodger."),
        C("occupation", "TEXT", "none, student, agriculture, general_labour, trade, government or "
          "private_employee."),
        C("education", "TEXT", "Highest level: none, pre_primary, primary, lower_secondary, "
          "upper_secondary, diploma or bachelor_or_higher."),
        _SEX, C("age", "INTEGER", "Age in the data year (from the year of birth, which stays in "
                 "the identity file)."),
    ) + _PROVENANCE),
    Table("indicator", "The catalogue of vulnerability indicators and their scoring rules.", (
        C("code", "TEXT", "Indicator id, e.g. I01.", "NOT NULL"),
        C("name_th", "TEXT", "Name in Thai."), C("name_en", "TEXT", "Name in English."),
        C("unit", "TEXT", "person, household or community."),
        C("fields", "TEXT", "Standard fields the rules read (table.field, space separated)."),
        C("rule_3", "TEXT", "SQL condition on the person facts (docs/risk_index.md) for score 3 "
          "(most at risk); tried first."),
        C("rule_2", "TEXT", "Condition for score 2, tried when rule_3 does not hold."),
        C("rule_1", "TEXT", "Condition for score 1 (least at risk), tried last; when none holds "
          "the indicator is not observed (empty), never low risk."),
        C("weight", "REAL", "Weight in the index."),
        C("enabled", "BOOLEAN", "0 to leave the indicator out of the index."),
        C("rationale", "TEXT", "Why it signals vulnerability."),
        C("source", "TEXT", "Where the rationale comes from (citation)."),
        C("catalogue_version", "TEXT", "Version of the shipped catalogue this row came from."),
        C("dimension", "TEXT", "The dimension the indicator belongs to (legal_status, education, "
          "economic, family_care, mobility_place, exposure, events); empty: a dimension of its own."),
        C("kind", "TEXT", "condition (scored 1-3 where observed) or flag (a rare event: adds risk "
          "when raised, never counts when absent); empty: condition."),
    ), unique=(("code",),)),
    Table("risk_run", "One scoring of a data year: method, parameters and results.", (
        _YEAR,
        C("method", "TEXT", "Scoring method: mean, alkire_foster or percentile."),
        C("parameters", "TEXT", "All parameters of the run, as JSON (cut-points, k, weights, ...)."),
        C("catalogue_version", "TEXT", "Indicator catalogue version used."),
        C("persons", "INTEGER", "Persons of the data year."),
        C("persons_scored", "INTEGER", "Persons scored (at or above the minimum coverage)."),
        C("scored_at", "DATETIME", "When (UTC, ISO 8601)."),
    )),
    Table("risk_person", "Risk index per person and data year.", (
        _PERSON, _YEAR,
        C("age", "INTEGER", "Age in whole years on 1 July of the data year."),
        C("age_band", "TEXT", "Age band: 0-5, 6-14, 15-17, 18-24, 25-59, 60+ or unknown."),
        C("sex", "TEXT", "male, female or unknown."),
        _VILL, _SUBD, _DIST,
        C("home_town", "TEXT", "Home town: district office that registered the Thai ID (4 digits)."),
    ) + _SCORE_COLUMNS + (
        C("coverage", "INTEGER", "How many enabled indicators were observed for this person."),
        C("dimensions", "INTEGER", "How many dimensions were observed for this person."),
        C("risk_index", "REAL", "The index under the method used; empty when fewer dimensions "
          "than the minimum were observed (the person is counted, not scored)."),
        C("risk_class", "TEXT", "high, medium or low (red, yellow, green on the maps), or "
          "not_enough_data (grey) when fewer dimensions than the minimum were observed."),
        C("af_share", "REAL", "Deprivation share (Alkire-Foster c): the weighted share of observed "
          "dimensions at 3, plus raised flags."),
        C("drivers", "TEXT", "The (up to) three indicators that drove the score, by code."),
        C("method", "TEXT", "Scoring method: mean, alkire_foster or percentile."),
        C("catalogue_version", "TEXT", "Indicator catalogue version used."),
    ), unique=(("person_key", "data_year"),)),
    Table("risk_village", "Risk summary per village and data year.",
          _area_summary("8-digit village code."), geometry="POINT"),
    Table("risk_subdistrict", "Risk summary per sub-district and data year.",
          _area_summary("6-digit sub-district code."), geometry="MULTIPOLYGON"),
    Table("risk_district", "Risk summary per district and data year.",
          _area_summary("4-digit district code."), geometry="MULTIPOLYGON"),
    Table("risk_breakdown", "Risk of the persons scored by age band and sex, and by home town, "
          "for the province, each district and each sub-district.", (
        _YEAR,
        C("level", "TEXT", "province, district or subdistrict."),
        C("code", "TEXT", "Code of the area (province, district or sub-district)."),
        C("dimension", "TEXT", "age_band_sex or home_town."),
        C("age_band", "TEXT", "Age band (dimension age_band_sex)."),
        C("sex", "TEXT", "male, female or unknown (dimension age_band_sex)."),
        C("home_town", "TEXT", "Home-town district code, or none (dimension home_town)."),
        C("home_town_name", "TEXT", "Name of the home-town district where this database has it."),
        C("persons_scored", "INTEGER", "Persons scored."),
        C("persons_high", "INTEGER", "Of them, in the high class."),
        C("persons_medium", "INTEGER", "Of them, in the medium class."),
        C("persons_low", "INTEGER", "Of them, in the low class."),
        C("share_high", "REAL", "persons_high / persons_scored."),
        C("mean_index", "REAL", "Mean risk index."),
    )),
    Table("risk_sensitivity", "How much the map moves: per indicator left out, the share of "
          "village and sub-district classes that change; for the weights, the villages' rank "
          "correlation with the run's (docs/validation.md).", (
        _YEAR,
        C("kind", "TEXT", "drop_indicator or weights."),
        C("code", "TEXT", "The indicator left out (drop_indicator)."),
        C("villages_changed", "REAL", "Share of villages with a scored person whose class changes."),
        C("subdistricts_changed", "REAL", "Share of scored sub-districts whose class changes."),
        C("spearman_p05", "REAL", "weights: 5th percentile of the Spearman correlation of the "
          "villages' ranking with the run's, over the draws."),
        C("spearman_median", "REAL", "weights: its median."),
        C("draws", "INTEGER", "Random draws behind the row."),
    )),
    Table("validation_metric", "How well the index and simple baselines pick out the persons "
          "and villages with an outcome recorded after the data year (trafficking:validateindex; "
          "docs/validation.md).", (
        _YEAR,
        C("outcome_first_year", "INTEGER", "First year of the outcomes (Common Era)."),
        C("outcome_last_year", "INTEGER", "Last year of the outcomes (Common Era)."),
        C("scope", "TEXT", "person or village."),
        C("model", "TEXT", "index, a baseline (legal_status, poverty, size, strongest:<code>), "
          "or class:<class> for the share of the outcomes in a class."),
        C("units", "INTEGER", "Persons scored or villages with a scored person."),
        C("outcomes", "INTEGER", "Of them, with an outcome."),
        C("auc", "REAL", "ROC AUC: the chance that a unit with an outcome ranks above one without "
          "(0.5 = no better than chance)."),
        C("auc_low", "REAL", "Lower end of the AUC's 95 % bootstrap interval."),
        C("auc_high", "REAL", "Upper end of the AUC's 95 % bootstrap interval."),
        C("lift_top_decile", "REAL", "Outcome rate of the tenth ranked highest over the overall rate."),
        C("precision", "REAL", "Share of the work list's villages with an outcome."),
        C("recall", "REAL", "Share of the villages with an outcome that the work list names."),
        C("share_of_outcomes", "REAL", "For class:<class> rows: the share of the persons with an "
          "outcome who were in that class."),
    )),
    Table("validation_group", "Per group of persons: the share classed high against the share "
          "with a later outcome, and the AUC within the group (docs/validation.md).", (
        _YEAR,
        C("dimension", "TEXT", "sex, age_band, ethnicity or legal_status."),
        C("value", "TEXT", "The group."),
        C("persons", "INTEGER", "Persons of the target population in the group."),
        C("share_high", "REAL", "Share of the group's scored persons classed high."),
        C("share_outcome", "REAL", "Share of the group's persons with a later outcome."),
        C("auc", "REAL", "AUC of the index within the group."),
    )),
    Table("validation_village", "Villages of a validated year: their class, the outcomes they had "
          "later, and their place on the work list.", (
        C("code", "TEXT", "8-digit village code.", "NOT NULL"), _NAME_TH, _YEAR,
        C("persons_scored", "INTEGER", "Persons scored."),
        C("persons_high", "INTEGER", "Persons classed high."),
        _CLASS,
        C("outcomes", "INTEGER", "Outcomes recorded after the data year for the village."),
        C("work_list_rank", "INTEGER", "Rank on the work list of the validation's length; empty "
          "when not listed."),
    ), geometry="POINT"),
    Table("risk_change_subdistrict", "Change of sub-district risk against the latest earlier scored year.",
          _area_change("6-digit sub-district code."), geometry="MULTIPOLYGON"),
    Table("risk_change_district", "Change of district risk against the latest earlier scored year.",
          _area_change("4-digit district code."), geometry="MULTIPOLYGON"),
    Table("export_register", "The export register: every publication of a data year's figures "
          "(public exports, the national database). All publications of a year share one "
          "protection (a release), so that together they give no suppressed cell away "
          "(docs/public_export.md).", (
        _YEAR,
        C("release", "INTEGER", "1 for the year's first protection; one more for each "
          "re-release (new data or new settings, with a reason).", "NOT NULL"),
        C("published_at", "DATETIME", "When (UTC, ISO 8601).", "NOT NULL"),
        C("published_by", "TEXT", "Who (the operating-system user)."),
        C("kind", "TEXT", "public_export, public_website (the public export behind the public "
                                  "website) or national."),
        C("level", "TEXT", "Deepest area level published: province, district or subdistrict."),
        C("by_age_band", "BOOLEAN", "1 when broken down by age band."),
        C("by_sex", "BOOLEAN", "1 when broken down by sex."),
        C("k", "INTEGER", "Smallest count published (primary suppression under k)."),
        C("rounding", "INTEGER", "Published counts rounded to a multiple of this (1: none)."),
        C("dominance", "REAL", "Share of a group in one risk class from which its class counts "
          "are suppressed; empty when that rule was off."),
        C("fingerprint", "TEXT", "SHA-256 of every non-zero count of the protected cube: the "
          "scored data the release protects."),
        C("persons_scored", "INTEGER", "Persons scored in the year when published."),
        C("scoring_method", "TEXT", "Method of the scoring run published."),
        C("catalogue_version", "TEXT", "Indicator catalogue version of that run."),
        C("scored_at", "DATETIME", "When that run scored the year."),
        C("cells", "INTEGER", "Count cells in this publication."),
        C("suppressed", "INTEGER", "Of them, suppressed (left empty)."),
        C("destination", "TEXT", "Where it went: the folder and files, or the national server, "
          "database and schema (never a password)."),
        C("rerelease_reason", "TEXT", "Why the year was protected anew, for the first "
          "publication of a re-release; empty otherwise."),
    )),
    Table("export_suppressed", "The suppressed cells of each release's protected cube: area x age "
          "band x sex x risk class, margins included ('all', 'scored'). Every publication of the "
          "release leaves exactly these cells empty.", (
        _YEAR,
        C("release", "INTEGER", "The release (export_register.release).", "NOT NULL"),
        C("area_level", "TEXT", "province, district or subdistrict."),
        C("area_code", "TEXT", "Code of the area; 'all' for the province, 'unknown' or "
          "'unknown-<district>' for persons whose place is not recorded."),
        C("age_band", "TEXT", "Age band, or all."),
        C("sex", "TEXT", "Sex, or all."),
        C("risk_class", "TEXT", "high, medium, low, or scored (all classes)."),
        C("reason", "TEXT", "primary (under k), dominance (a group almost all in one class) or "
          "secondary (hidden so that the others cannot be worked out)."),
    ), unique=(("data_year", "release", "area_level", "area_code", "age_band", "sex",
                "risk_class"),)),
    Table("establishment", "Workplaces vulnerable to trafficking and exploitation (sin space).", (
        C("name", "TEXT", "Name of the place (a business, not a person)."),
        C("type", "TEXT", "Kind of place: a code of establishment_type, e.g. karaoke, "
          "massage_spa, fishing_port_boat, border_crossing; a type the survey wrote that is not "
          "in establishment_type is kept as written (scored with base 0, listed in unmapped_code)."),
        C("licence_status", "TEXT", "licensed, unlicensed, expired or unknown."),
        C("workers", "INTEGER", "Workers seen at the last survey."),
        C("minors_observed", "INTEGER", "Workers under 18 seen."),
        C("foreign_workers", "INTEGER", "Foreign workers seen."),
        C("complaints", "INTEGER", "Complaints received about the place."),
        C("inspections", "INTEGER", "Inspections made."),
        C("rescues", "INTEGER", "Rescues of victims made there."),
        C("case_refs", "TEXT", "Lessons-learned cases linked to the place (case fids, space "
          "separated)."),
        C("survey_date", "DATE", "Date of the last survey (Common Era)."),
        C("owner_survey", "TEXT", "Demand side: the owner's answers, as JSON (question: answer)."),
        C("customer_survey", "TEXT", "Demand side: customers' or clients' answers, as JSON."),
        _VILL,
        C("coordinate_source", "TEXT", "How the point was given: decimal_degrees, dms, utm47n, "
          "utm48n or village."),
        C("location_approximate", "BOOLEAN", "1 when placed at its village for want of a usable "
          "coordinate."),
        C("risk_score", "REAL", "Score from the configurable establishment rules "
          "(establishment_rule)."), _CLASS,
        C("risk_reasons", "TEXT", "Why it scored so, in words."),
        C("import_run_id", "INTEGER", "fid of the import_run of the survey file; empty for a place "
          "added by hand."),
        C("row_number", "INTEGER", "Row number in the survey file; empty for a place added by hand."),
    ), geometry="POINT"),
    Table("establishment_type", "Kinds of establishment; specialists may add kinds.", (
        C("code", "TEXT", "Type code used in establishment.type.", "NOT NULL"),
        C("name_en", "TEXT", "Name in English."), C("name_th", "TEXT", "Name in Thai."),
        C("base_score", "REAL", "Points every place of this kind starts with."),
    ), unique=(("code",),)),
    Table("establishment_rule", "Configurable rules that score establishments (sin space).", (
        C("code", "TEXT", "Rule id, e.g. P01.", "NOT NULL"),
        C("condition", "TEXT", "SQL condition on the establishment's columns."),
        C("points", "REAL", "Points added when the condition holds."),
        C("reason_en", "TEXT", "The reason, in English, listed in risk_reasons."),
        C("reason_th", "TEXT", "The reason in Thai."),
        C("enabled", "BOOLEAN", "0 to leave the rule out."),
    ), unique=(("code",),)),
    Table("organization", "Partner organisations of the network.", (
        C("name", "TEXT", "Name of the organisation.", "NOT NULL"), _NAME_EN,
        C("type", "TEXT", "Kind (docs/network.md): multidisciplinary_team, provincial_social_"
          "development_office, police, one_stop_crisis_centre, school, ngo, village_volunteer, or an "
          "HTCDS org_Type such as HealthServiceOrganisation."),
        C("phone", "TEXT", "Phone as written locally."),
        C("phone_e164", "TEXT", "Phone in E.164 form, e.g. +6653112233."),
        C("email", "TEXT", "Email."), C("line_id", "TEXT", "LINE ID."),
        C("address", "TEXT", "Postal address."), _AREAS,
        C("mandate", "TEXT", "What it is mandated to do."),
        C("specialisations", "TEXT", "Specialisations, comma separated."),
        C("limitations", "TEXT", "What it cannot do."),
        C("languages", "TEXT", "Languages its staff speak, comma separated."),
    ), geometry="POINT"),
    Table("network_member",
          "Multidisciplinary-team members, volunteers and partner staff (professional contacts).", (
        C("name", "TEXT", "Name of the member.", "NOT NULL"),
        C("organization_id", "INTEGER", "fid of their organization."),
        C("role", "TEXT", "Role in the network."),
        C("phone", "TEXT", "Phone as written locally."),
        C("phone_e164", "TEXT", "Phone in E.164 form, e.g. +66812345678."),
        C("email", "TEXT", "Email."), C("line_id", "TEXT", "LINE ID."),
        C("address", "TEXT", "Postal address."), _AREAS,
        C("mandate", "TEXT", "What they are mandated to do."),
        C("specialisations", "TEXT", "Specialisations, comma separated."),
        C("limitations", "TEXT", "What they cannot do."),
        C("languages", "TEXT", "Languages spoken, including highland languages."),
        C("availability", "TEXT", "When they can be reached."),
    ), geometry="POINT"),
    Table("case", "Lessons learned: cases told by rescued victims (pseudonymised; fields after IOM's "
          "Human Trafficking Case Data Standard v2.0, HTCDS).", (
        C("case_key", "TEXT", "Pseudonym of the case's victim: the person_key of their ID (so the "
          "case links to person), or a random key of the same form. Never a raw ID or name.",
          "NOT NULL"),
        C("export_id", "TEXT", "The case's identifier in exports (HTCDS case_id), e.g. "
          "CASE-7K2Q-9XMT-4V8B: random, made when the case is first exported and kept, so later "
          "exports of the case carry it. Never derived from case_key or an ID: an export cannot "
          "be joined to person or risk_person."),
        C("age_trafficked", "INTEGER", "Victim's age when trafficked (vic_AgeWhenTrafficked)."),
        C("gender", "TEXT", "prs_Gender picklist value."),
        C("citizenship", "TEXT", "Citizenship, ISO 3166 alpha-2, space separated (prs_Citizenship)."),
        C("legal_status", "TEXT", "Legal status in Thailand: thai_citizen, registered_non_citizen, "
          "no_status, registered_migrant, irregular_migrant."),
        C("ethnicity", "TEXT", "Ethnicity, as person.ethnicity."),
        C("education", "TEXT", "prs_HighestLevelOfEducation picklist value."),
        C("trafficking_status", "TEXT", "vic_TraffickingStatus picklist value."),
        C("relationship_to_trafficker", "TEXT", "vic_RelationshipToTrafficker picklist value."),
        C("recruitment_method", "TEXT", "vic_MethodOfRecruitment values, space separated."),
        C("recruitment_websites", "TEXT", "vic_RecruitmentWebsitesAndApps values, space separated."),
        C("means_of_control", "TEXT", "vic_MethodsOfControl values, space separated."),
        C("exploitation_type", "TEXT", "vic_TypeOfExploitation values, space separated."),
        C("forced_labour_industry", "TEXT", "vic_ForcedLabourIndustry value (ISIC section)."),
        C("sex_exploitation_type", "TEXT", "vic_TypeOfSexExploitation values, space separated."),
        C("exploitation_websites", "TEXT", "vic_ExploitationWebsitesAndApps values, space separated."),
        C("vulnerabilities", "TEXT", "vic_Vulnerabilities values, space separated."),
        C("status", "TEXT", "cas_Status picklist value."),
        C("closure_reason", "TEXT", "cas_ReasonForCaseClosure."),
        C("referring_organization_id", "INTEGER", "fid of the organization that referred the case."),
        C("incoming_referral_date", "DATE", "cas_IncomingReferralDate (Common Era)."),
        C("referred_organization_id", "INTEGER", "fid of the organization the case was referred to."),
        C("outgoing_referral_date", "DATE", "cas_OutgoingReferralDate (Common Era)."),
        C("story", "TEXT", "How the person was tricked, in the team's words, without names."),
        C("tags", "TEXT", "Free tags for the story, space separated (e.g. fake_job, debt)."),
        C("recorded_at", "DATETIME", "When the case was recorded (UTC); the dock's year filter reads it."),
    )),
    Table("case_event", "Dated steps of a case's route: recruitment, transit, exploitation "
          "(HTCDS historic trafficking events).", (
        C("case_id", "INTEGER", "fid of the case.", "NOT NULL"),
        C("sequence", "INTEGER", "Order of the step in the route."),
        C("event_type", "TEXT", "recruitment, transit or exploitation (hte_Type Recruitment, Transit, "
          "Exploitation), or rescue (ours; left out of the HTCDS export)."),
        C("event_date", "DATE", "Date of the step (Common Era), when known."),
        _VILL,
        C("place_name", "TEXT", "Place as told (city, state), e.g. for a place abroad (hte_City)."),
        C("country", "TEXT", "Country of the place (ISO 3166 alpha-2)."),
        C("description", "TEXT", "What happened there, without names."),
    ), geometry="POINT"),
    Table("case_perpetrator", "Perpetrators of a case: roles and relationship, never names.", (
        C("case_id", "INTEGER", "fid of the case.", "NOT NULL"),
        C("role_in_process", "TEXT", "per_RoleInProcess values, space separated."),
        C("relationship_to_victim", "TEXT", "vic_RelationshipToTrafficker value for this person."),
        C("sex", "TEXT", "male, female or unknown (exported as prs_Gender Masculine, Feminine, "
          "NonSpecifiedUnknown)."),
        C("nationality", "TEXT", "ISO 3166 alpha-2 (prs_Citizenship)."),
        C("role_details", "TEXT", "per_RoleDetails, without names."),
    )),
    Table("case_support", "Support and rehabilitation plans of a case (HTCDS support plan).", (
        C("case_id", "INTEGER", "fid of the case.", "NOT NULL"),
        C("support_type", "TEXT", "spl_Type picklist value."),
        C("organization_id", "INTEGER", "fid of the organization giving the support."),
        C("objectives", "TEXT", "spl_Objectives."),
        C("action_plan", "TEXT", "spl_ActionPlan."),
        C("planned_end_date", "DATE", "spl_PlannedEndDate (Common Era)."),
        C("actual_end_date", "DATE", "spl_ActualEndDate (Common Era)."),
    )),
    Table("activity", "Prevention activities of the programme (trainings, awareness events, "
          "home visits...), one row per activity held in a village, for monitoring "
          "(trafficking:importactivities, trafficking:monitoractivities; docs/monitoring.md).", (
        _VILL,
        _SUBD, _DIST,
        C("data_year", "INTEGER", "Year of activity_date in the Common Era: the data year the "
          "activity counts in."),
        C("activity_date", "DATE", "Date of the activity (Common Era; Buddhist-era input is "
          "converted)."),
        C("kind", "TEXT", "Kind of activity: training, awareness, school_talk, community_meeting, "
          "home_visit, vocational_training or outreach (docs/monitoring.md; Thai words accepted "
          "on import)."),
        C("topic", "TEXT", "Topic or title of the activity, as written."),
        C("organization_id", "INTEGER", "fid of the partner organization that held it, when its "
          "name is in the network directory; empty otherwise."),
        C("organization_name", "TEXT", "The organisation as the file names it."),
        C("participants", "INTEGER", "Number of participants (0 or more); empty when not "
          "recorded."),
        C("note", "TEXT", "Notes, without names of participants."),
        C("import_run_id", "INTEGER", "fid of the import_run of the activity file; empty for an "
          "activity added by hand."),
        C("row_number", "INTEGER", "Row number in the activity file; empty for one added by hand."),
    )),
    Table("audit_log", "Every insert, update and delete of network and case data, and every "
          "withdrawn import (import_run); append-only (triggers refuse edits, deletes and "
          "replacements of its rows), sealed by audit_seal.", (
        C("changed_at", "DATETIME", "When (UTC, ISO 8601).", "NOT NULL"),
        C("changed_by", "TEXT", "Who (the operating-system user)."),
        C("table_name", "TEXT", "Table changed."),
        C("record_id", "INTEGER", "fid of the record changed."),
        C("action", "TEXT", "insert, update or delete."),
        C("field", "TEXT", "Field changed (updates)."),
        C("old_value", "TEXT", "Value before."), C("new_value", "TEXT", "Value after."),
    )),
    Table("audit_seal", "The seal over audit_log, written by trafficking:verifydatabase given the "
          "identity file: a chain of keyed hashes that shows a sealed row changed, deleted or "
          "cut off (docs/network.md); append-only. database_info's audit_seal keeps the count "
          "and the last seal.", (
        C("audit_fid", "INTEGER", "fid of the audit_log row sealed.", "NOT NULL UNIQUE"),
        C("seal", "TEXT", "HMAC-SHA256, keyed from the identity file's secret, of the previous "
          "seal and the row's fields (64 hexadecimal digits).", "NOT NULL"),
    )),
)
TABLES_BY_NAME = {t.name: t for t in TABLES}


def _column_ddl(col):
    return f'"{col.name}" {col.type} {col.constraint}'.strip()


def _existing_columns(conn, table):
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


# Columns that identify a person, which schema 4 took out of the database (their values live in
# the identity file): an upgrade turns a birth date or year into the age and drops the rest.
IDENTIFYING_COLUMNS = ("birth_date", "birth_year", "house_no", "latitude", "longitude")
# The tables of persons that held them: the standard person tables and the staging tables of the
# agencies' person files (an establishment's coordinates, in sin space's, identify nobody).
_PERSON_TABLES = ("person", "school_enrolment", "household_member", "staging_health_*",
                  "staging_education_*", "staging_family_welfare_*", "staging_human_security_*")

# Tables renamed by a schema version: old name -> new name. An upgrade renames them in place
# (rows, indexes and the GeoPackage's records of the table follow).
RENAMED_TABLES = {"place_rule": "establishment_rule"}


def apply_schema(conn: sqlite3.Connection, tables: Iterable[Table] | None = None,
                 version: int | None = None,
                 keep_identifying: IdentifyingKeeper | None = None) -> int | None:
    """Create missing tables and columns, rename tables a later version renamed, refresh their
    documentation, record the version.

    Runs inside the caller's transaction. Returns the version found before (None for a new file).
    Existing rows are kept; identifying values of an earlier version go to ``keep_identifying``
    (without one, SchemaError); a database newer than this plugin is refused.
    """
    tables = TABLES if tables is None else tables
    version = SCHEMA_VERSION if version is None else version
    gpkg.init_container(conn)
    found = stored_version(conn)
    if found is not None and found > version:
        raise SchemaError("this database has schema version {}, newer than this plugin's {}: "
                          "update the plugin before opening it", found, version)
    _rename_tables(conn)
    _purge_identifying(conn, keep_identifying)
    for table in tables:
        existing = _existing_columns(conn, table.name)
        if not existing:
            cols = ",\n  ".join(_column_ddl(c) for c in table.all_columns)
            uniques = "".join(f",\n  UNIQUE ({', '.join(group)})" for group in table.unique)
            conn.execute(f'CREATE TABLE "{table.name}" (\n  {cols}{uniques})')
        else:
            for col in table.all_columns:
                if col.name not in existing:
                    # ADD COLUMN cannot carry UNIQUE/NOT NULL without a default: add it plain.
                    conn.execute(f'ALTER TABLE "{table.name}" ADD COLUMN "{col.name}" {col.type}')
        gpkg.register_table(conn, table.name, table.doc, table.geometry)
        if table.geometry:
            gpkg.create_spatial_index(conn, table.name)
        conn.executemany(
            "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title, description)"
            " VALUES (?, ?, ?, ?, ?)",
            [(table.name, c.name, c.name, c.name, c.doc) for c in table.all_columns])
    set_info(conn, "schema_version", str(version))
    return found


def _rename_tables(conn):
    for old, new in RENAMED_TABLES.items():
        if not _existing_columns(conn, old) or _existing_columns(conn, new):
            continue
        conn.execute(f'ALTER TABLE "{old}" RENAME TO "{new}"')
        for table in ("gpkg_contents", "gpkg_data_columns", "gpkg_extensions"):
            conn.execute(f"DELETE FROM {table} WHERE table_name = ?", (old,))  # registered anew
        if _existing_columns(conn, "layer_styles"):
            conn.execute("UPDATE layer_styles SET f_table_name = ? WHERE f_table_name = ?", (new, old))


# keep(rows): receives (source, import_run_id, row_number, values as JSON) of the staged rows
# whose identifying values an upgrade takes out of the database, for the identity file.
IdentifyingKeeper = Callable[[list[tuple[str, int, int, str]]], None]


def _purge_identifying(conn, keep):
    """Schema 4: ages instead of birth dates and years, and no house numbers or house points, in
    every table that still has them (person, the sector tables, the staging tables). The staged
    values go to ``keep`` first (the identity file); without one they are refused, not lost."""
    tables = [t for (t,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND (" +
        " OR ".join("name GLOB ?" for _ in _PERSON_TABLES) + ")", _PERSON_TABLES)]
    for table in tables:
        columns = _existing_columns(conn, table)
        found = [c for c in IDENTIFYING_COLUMNS if c in columns]
        if not found:
            continue
        if table.startswith("staging_"):
            _keep_staged(conn, table, found, keep)
        year = ("data_year" if "data_year" in columns else
                "(SELECT r.data_year FROM import_run r WHERE r.fid = import_run_id)")
        if "age" not in columns and {"birth_date", "birth_year"} & set(found):
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "age" INTEGER')
            if "birth_date" in found:
                age = (f"{year} - CAST(substr(birth_date, 1, 4) AS INTEGER) - "
                       "(substr(birth_date, 6, 5) > '07-01')")
                conn.execute(f'UPDATE "{table}" SET age = {age} WHERE birth_date IS NOT NULL')
            else:
                conn.execute(f'UPDATE "{table}" SET age = {year} - birth_year '
                             "WHERE birth_year IS NOT NULL")
        # The dropped values must not linger in free pages of the file either.
        conn.execute("PRAGMA secure_delete = ON")
        for column in found:
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
            conn.execute("DELETE FROM gpkg_data_columns WHERE table_name = ? AND column_name = ?",
                         (table, column))
    if _existing_columns(conn, "indicator"):      # the catalogue names the fields it reads
        conn.execute("UPDATE indicator SET fields = replace(replace(fields, 'person.birth_date', "
                     "'person.age'), 'household_member.birth_year', 'household_member.age')")


def _keep_staged(conn, table, found, keep):
    pairs = ", ".join(f"'{c}', s.\"{c}\"" for c in found)
    rows = conn.execute(
        f"SELECT r.source, s.import_run_id, s.row_number, json_object({pairs}) FROM \"{table}\" s "
        f"JOIN import_run r ON r.fid = s.import_run_id WHERE "
        + " OR ".join(f's."{c}" IS NOT NULL' for c in found)).fetchall()
    if not rows:
        return
    if keep is None:
        raise SchemaError("this database holds birth dates or house numbers ({}), as versions "
                          "before schema 4 kept them: upgrade it with 'Create or upgrade province "
                          "database' first, which moves them to the identity file", table)
    keep(rows)


def stored_version(conn: sqlite3.Connection) -> int | None:
    if not _existing_columns(conn, "database_info"):
        return None
    row = conn.execute("SELECT value FROM database_info WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def set_info(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO database_info (key, value) VALUES (?, ?)"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def get_info(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM database_info WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def markdown() -> str:
    """The schema as Markdown, for docs/schema.md (a test keeps that file current)."""
    lines = ["# The province GeoPackage", "",
             "Generated from `trafficking_plugin/core/schema.py` by `make docs`; do not edit by hand.",
             f"Schema version {SCHEMA_VERSION}. The same descriptions are stored in the GeoPackage's",
             "`gpkg_data_columns` table. Geometries are in EPSG:4326.", ""]
    for table in TABLES:
        kind = f"layer ({table.geometry.lower()})" if table.geometry else "table"
        lines += [f"## `{table.name}` ({kind})", "", table.doc, "",
                  "| column | type | description |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in table.all_columns]
        lines.append("")
    return "\n".join(lines)
