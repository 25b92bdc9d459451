"""With QGIS in Thai, the errors a clerk meets most, the log and the warnings are Thai: the main
algorithms' error paths run with the Thai translator and none leaves an English sentence (a run
of three English words outside file names, codes and algorithm ids); years follow the
Buddhist-era option."""
import contextlib
import re
import sqlite3

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from conftest import copy_database, needs_shared, tambon_layer_uri
from test_translation import locale_th, qm, thai  # noqa: F401 (fixtures)

# Words of a path, a file name, an id (snake_case, trafficking:x, I09=x) are not sentences.
_NOT_WORDS = re.compile(r"\S*[/\\_:=.@]\S*")
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}")


def english_runs(text):
    """The runs of three or more English words left in a message."""
    return _ENGLISH_RUN.findall(_NOT_WORDS.sub(" ", text))


class Log(QgsProcessingFeedback):
    """Every line an algorithm writes to the log."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.lines.append(error)


def _error(name, **parameters):
    """The message of the algorithm's error, and its log."""
    import processing
    log = Log()
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(f"trafficking:{name}", parameters, context=QgsProcessingContext(),
                       feedback=log)
    # QGIS's own prefix when a parameter check fails: Processing's words, translated by QGIS's
    # catalogue (not loaded in tests), not the plugin's.
    qgis_own = "Unable to execute algorithm"
    return str(raised.value).replace(qgis_own, ""), [line.replace(qgis_own, "") for line in log.lines]


@pytest.fixture()
def in_thai(provider, locale_th, thai):  # noqa: F811 (fixtures)
    return provider


def test_main_error_paths_speak_thai(in_thai, imported_sample, scored_sample, tmp_path):
    files, _, imported = imported_sample
    for folder in ("imported", "scored", "broken"):
        (tmp_path / folder).mkdir()
    imported = copy_database(imported, tmp_path / "imported")
    scored = copy_database(scored_sample[1], tmp_path / "scored")
    broken = copy_database(scored_sample[1], tmp_path / "broken")   # a specialist's slip
    with contextlib.closing(sqlite3.connect(broken)) as conn, conn:
        conn.execute("UPDATE indicator SET weight = -1 WHERE code = 'I09'")
    health = tmp_path / "PERSON_new.csv"      # not imported yet: the copy lacks a row
    health.write_bytes(b"".join((files / "health" / "PERSON.csv").open("rb").readlines()[:-1]))
    not_a_database = tmp_path / "people.gpkg"
    not_a_database.write_text("a,b\n1,2\n", encoding="utf-8")
    cases = {
        "wrong file for a source": ("importsecondarydata", dict(
            DATABASE=str(imported), INPUT=str(health), SOURCE="education",
            DATA_YEAR=2567), "ไม่ใช่ไฟล์"),
        "a CSV as the database": ("crosswalk", dict(DATABASE=str(not_a_database), DATA_YEAR=2567),
                                  "ไม่ใช่ฐานข้อมูลจังหวัด"),
        "no import yet": ("crosswalk", dict(DATABASE=str(imported), DATA_YEAR=2566),
                          "พ.ศ. 2566"),
        "bad weights": ("scoreriskindex", dict(DATABASE=str(scored), DATA_YEAR=2567,
                                               WEIGHTS="I09=two"), "I09=two"),
        "unknown weights": ("scoreriskindex", dict(DATABASE=str(scored), DATA_YEAR=2567,
                                                   WEIGHTS="ZZ99=2"), "ZZ99"),
        "a broken indicator table": ("scoreriskindex", dict(DATABASE=str(broken), DATA_YEAR=2567),
                                     "ตัวชี้วัด I09"),
        "nothing to withdraw": ("withdrawimport", dict(DATABASE=str(imported),
                                                       FILE_NAME="nothing.csv",
                                                       REASON="wrong file"), "nothing.csv"),
        "an impossible year": ("crosswalk", dict(DATABASE=str(imported), DATA_YEAR=2700), "2700"),
    }
    untranslated = {}
    for what, (name, parameters, expected) in cases.items():
        message, log = _error(name, **parameters)
        assert expected in message, (what, message)
        left = [run for text in [message, *log] for run in english_runs(text)]
        if left:
            untranslated[what] = (message, left)
    assert not untranslated, untranslated


@needs_shared
def test_another_provinces_database_is_refused_in_thai(in_thai, imported_sample, tmp_path):
    db = copy_database(imported_sample[2], tmp_path)
    message, _ = _error("createdatabase", OUTPUT=str(db), PROVINCE="57",
                        BOUNDARIES=tambon_layer_uri())
    assert "เป็นฐานข้อมูลของจังหวัด 50 ไม่ใช่ 57" in message and not english_runs(message), message


def test_case_checks_method_names_and_logs_speak_thai_with_buddhist_years(in_thai, scored_sample,
                                                                         tmp_path):
    import processing
    from trafficking_db.trafficking_plugin.core.cases import case_records

    problems = case_records.validate_event({"event_type": "walk", "village_code": "123",
                                            "country": "XX"}, set())
    problems.update(case_records.validate_case({"age_trafficked": "200", "legal_status": "x"}))
    assert len(problems) == 5 and not [p for p in problems.values() if english_runs(p)], problems

    score = in_thai.algorithm("scoreriskindex").create()
    methods = score.parameterDefinition("METHOD").options()
    assert all(not english_runs(m) for m in methods) and "(alkire_foster)" in methods[1], methods

    db = copy_database(scored_sample[1], tmp_path)
    log = Log()
    processing.run("trafficking:crosswalk", {"DATABASE": str(db), "DATA_YEAR": 2024},
                   context=QgsProcessingContext(), feedback=log)
    text = "\n".join(log.lines)
    assert "พ.ศ. 2567" in text and "2024" not in text.replace(str(db), ""), text
    assert not [run for line in log.lines for run in english_runs(line)], text
