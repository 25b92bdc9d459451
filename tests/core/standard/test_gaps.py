"""Serious gaps that let a step succeed are warnings: an agency with no file, most persons with
no known sub-district (no HOME file), a household survey imported under another year. The
crosswalk and the scoring warn at the end of their run, verify lists them; complete data warn
of nothing."""
import pytest

from conftest import province_units
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.core.database import reading
from trafficking_db.trafficking_plugin.core.dissemination import verify
from trafficking_db.trafficking_plugin.core.feedback import NullFeedback
from trafficking_db.trafficking_plugin.core.ingest import import_file
from trafficking_db.trafficking_plugin.core.risk import risk_index
from trafficking_db.trafficking_plugin.core.standard import crosswalk, gaps
from trafficking_db.trafficking_plugin.sample import synthetic_province


class Recorder(NullFeedback):
    """The warnings (non-fatal reportError) a run gives."""

    def __init__(self):
        self.warnings = []

    def reportError(self, text, fatalError=False):  # noqa: N802,N803
        assert not fatalError
        self.warnings.append(text)


def _database(folder, files, imports):
    """A new province database with the given (file, source, year) imports."""
    db = folder / "province.gpkg"
    create_database.create_or_upgrade(db, "50", province_units(
        synthetic_province.synthetic_province(), files / "villages.geojson"))
    for path, source, year in imports:
        import_file.import_file(db, files / path, source, year)
    return db


@pytest.fixture(scope="module")
def without_home(imported_sample, tmp_path_factory):
    """PERSON, the school roster and the welfare cases of 2024: no HOME, no family welfare."""
    files = imported_sample[0]
    return _database(tmp_path_factory.mktemp("without_home"), files, [
        ("health/PERSON.csv", "health", 2024), ("education/school_roster.xlsx", "education", 2024),
        ("human_security/welfare_cases.csv", "human_security", 2024)])


def test_complete_data_warn_of_nothing(scored_sample):
    _, db = scored_sample
    with reading(db) as conn:
        assert gaps.year_gaps(conn, 2024) == []
    found = {f.check: f for f in verify.verify(db, 2024)}
    assert all(found[c].status == "ok" for c in ("missing_agencies", "persons_without_subdistrict",
                                                 "households_of_another_year"))


def test_crosswalk_warns_of_a_missing_agency_and_persons_without_a_sub_district(without_home):
    feedback = Recorder()
    crosswalk.run_crosswalk(without_home, 2024, feedback=feedback)
    assert any("no file of family_welfare is imported" in w for w in feedback.warnings), \
        feedback.warnings
    assert any("have no known sub-district" in w for w in feedback.warnings), feedback.warnings


def test_scoring_without_home_warns_that_most_persons_are_off_the_maps(without_home):
    crosswalk.run_crosswalk(without_home, 2024)
    feedback = Recorder()
    summary = risk_index.score_risk_index(without_home, 2024, feedback=feedback)
    assert summary.scored > 0                                   # it succeeds...
    [warning] = feedback.warnings                               # ...with one warning
    assert "persons (" in warning and "not on the maps" in warning and "HOME" in warning
    found = {f.check: f for f in verify.verify(without_home, 2024, feedback=NullFeedback())}
    assert found["persons_without_subdistrict"].status == "warning"
    assert found["persons_without_subdistrict"].count > 0.2 * summary.persons
    assert found["missing_agencies"].status == "warning" and found["missing_agencies"].count == 1
    assert "family_welfare" in found["missing_agencies"].action


def test_a_household_file_under_another_year_is_a_warning(imported_sample, tmp_path):
    files = imported_sample[0]
    db = _database(tmp_path, files, [
        ("health/PERSON.csv", "health", 2025), ("health/HOME.csv", "health", 2025),
        ("family_welfare/bmn_households.csv", "family_welfare", 2025),
        ("family_welfare/bmn_members.csv", "family_welfare", 2025)])
    feedback = Recorder()
    crosswalk.run_crosswalk(db, 2025, feedback=feedback)
    wrong = [w for w in feedback.warnings if "bmn_households.csv" in w]
    # years as the option says once QGIS shows them ("2025"), "2025 (B.E. 2568)" in scripts
    assert len(wrong) == 1 and "as data year 2025" in wrong[0]
    assert "most in 2024" in wrong[0] and "trafficking:withdrawimport" in wrong[0]
    found = {f.check: f for f in verify.verify(db, 2025)}
    assert found["households_of_another_year"].status == "warning"
    assert found["households_of_another_year"].count == 1


def test_the_algorithm_lists_the_warnings_again_at_the_end(provider, without_home):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(("info", info))

        def reportError(self, error, fatalError=False):  # noqa: N802,N803
            self.lines.append(("fatal" if fatalError else "warning", error))

    log = Log()
    processing.run("trafficking:scoreriskindex", {"DATABASE": str(without_home), "DATA_YEAR": 2024},
                   context=QgsProcessingContext(), feedback=log)
    warnings = [text for kind, text in log.lines if kind == "warning"]
    assert len(warnings) == 2 and "not on the maps" in warnings[0]
    assert warnings[1] == "Warnings:\n• " + warnings[0]               # the closing summary
    core_lines = [text for kind, text in log.lines if kind == "info" and "Risk classes" in text]
    assert log.lines.index(("info", core_lines[0])) < log.lines.index(("warning", warnings[1]))
