"""What every dialog offers (issue 17, items 3, 6, 9, 10, 13): the current database and its data
year as defaults, typed choices, expert numbers under Advanced, labels and checks in the
plugin's words. Parameters are read from the algorithms as QGIS builds them for a dialog."""
import shutil

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsSettings,
)
from conftest import copy_database
from trafficking_db.processing_algorithms import base
from trafficking_db.trafficking_plugin.core import create_database
from trafficking_db.trafficking_plugin.core.ingest import spec
from trafficking_db.trafficking_plugin.core.shipped_data import data_path
from trafficking_db.trafficking_plugin.i18n.translation import set_buddhist_era

# String parameters whose answers are open (free text, codes, paths); any other string
# parameter would be a closed list that belongs in a drop-down (an enum).
FREE_TEXT = {"PROVINCE", "BANDS", "ATTRIBUTION", "WEIGHTS", "URI", "SCHEMA", "RERELEASE",
             "REASON", "FILE_NAME", "CONTACT_EMAIL"}
EXPERT_NUMBERS = {"HIGH_CUTOFF", "MEDIUM_CUTOFF", "AF_K", "MIN_DIMENSIONS", "AREA_HIGH_RATIO",
                  "AREA_MEDIUM_RATIO", "VILLAGE_HIGH_FRACTION", "VILLAGE_MEDIUM_FRACTION"}


@pytest.fixture()
def fresh_profile(provider):
    """No current database or year in the profile before and after the test."""
    def clear():
        settings = QgsSettings()
        for key in (base.CURRENT_DATABASE_KEY, base.CURRENT_YEAR_KEY):
            settings.remove(key)
        set_buddhist_era(False)
    clear()
    yield
    clear()


_KEPT = []      # Python owns the instances made here: their parameters live as long as they do


def algorithm(name):
    """A new instance, as a dialog, a batch row or a model step gets it."""
    _KEPT.append(QgsApplication.processingRegistry().createAlgorithmById(f"trafficking:{name}"))
    return _KEPT[-1]


def algorithms():
    return [algorithm(a.name()) for a in QgsApplication.processingRegistry()
            .providerById("trafficking").algorithms() if hasattr(a, "add_database_parameter")]


class Log(QgsProcessingFeedback):
    """Feedback that keeps every line with its kind, as the dialog's log shows them."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(("info", text))

    def pushWarning(self, text):  # noqa: N802
        self.lines.append(("warning", text))

    def reportError(self, text, fatalError=False):  # noqa: N802, N803
        self.lines.append(("error" if fatalError else "warning", text))


def run(name, feedback=None, **parameters):
    import processing
    return processing.run(f"trafficking:{name}", parameters, context=QgsProcessingContext(),
                          feedback=feedback or QgsProcessingFeedback())


# --- item 3 and 10: the current database and its latest data year ------------------------------

def test_a_new_profile_offers_the_current_year_never_1990(fresh_profile):
    import datetime
    for name in ("importsecondarydata", "crosswalk", "scoreriskindex", "riskreport",
                 "publicexport", "verifydatabase"):
        definition = algorithm(name).parameterDefinition("DATA_YEAR")
        assert definition.defaultValue() == datetime.date.today().year, name
        assert algorithm(name).parameterDefinition("DATABASE").defaultValue() is None


def test_dialogs_offer_the_last_database_and_its_latest_data_year(fresh_profile, scored_sample,
                                                                 tmp_path):
    _, db = scored_sample
    db = copy_database(db, tmp_path)
    run("crosswalk", DATABASE=str(db), DATA_YEAR=2567)
    assert base.remembered_database() == str(db) and base.remembered_year() == 2024
    for each in algorithms():
        if each.parameterDefinition("DATABASE") is not None and \
                not each.parameterDefinition("DATABASE").flags() & \
                QgsProcessingParameterDefinition.FlagOptional:
            assert each.parameterDefinition("DATABASE").defaultValue() == str(db), each.name()
    assert algorithm("scoreriskindex").parameterDefinition("DATA_YEAR").defaultValue() == 2024
    set_buddhist_era(True)       # years as the user reads them
    assert algorithm("scoreriskindex").parameterDefinition("DATA_YEAR").defaultValue() == 2567
    # A database that is gone is not offered.
    db.unlink()
    assert algorithm("crosswalk").parameterDefinition("DATABASE").defaultValue() is None


def test_a_year_that_rejects_many_rows_as_later_is_a_warning(fresh_profile, imported_sample,
                                                             tmp_path):
    files, _, _ = imported_sample
    db = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(db, "50", {})
    log = Log()
    result = run("importsecondarydata", log, DATABASE=str(db),
                 INPUT=str(files / "health" / "PERSON.csv"), SOURCE="health", DATA_YEAR=1990)
    assert result["STATUS"] == "succeeded"
    warnings = [text for kind, text in log.lines if kind == "warning"]
    assert len(warnings) == 1 and "later than the data year 1990" in warnings[0]
    assert f"run {result['RUN_ID']}" in warnings[0]
    log = Log()
    run("importsecondarydata", log, DATABASE=str(db), INPUT=str(files / "health" / "HOME.csv"),
        SOURCE="health", DATA_YEAR=2024)
    assert not [text for kind, text in log.lines if kind == "warning"]


# --- item 6: typed choices ----------------------------------------------------------------------

def test_the_agency_source_is_a_drop_down_of_the_shipped_specs(fresh_profile):
    alg = algorithm("importsecondarydata")
    source = alg.parameterDefinition("SOURCE")
    assert isinstance(source, QgsProcessingParameterEnum) and source.usesStaticStrings()
    assert source.options() == spec.shipped_sources() and source.defaultValue() == "health"
    spec_file = alg.parameterDefinition("SPEC_FILE")
    assert isinstance(spec_file, QgsProcessingParameterFile)
    assert spec_file.flags() & QgsProcessingParameterDefinition.FlagOptional


def test_a_typo_in_the_source_is_caught_before_the_run(fresh_profile, imported_sample, tmp_path):
    files, _, _ = imported_sample
    db = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(db, "50", {})
    ok, message = algorithm("importsecondarydata").checkParameterValues(
        {"DATABASE": str(db), "INPUT": str(files / "health" / "HOME.csv"), "SOURCE": "helth",
         "DATA_YEAR": 2024}, QgsProcessingContext())
    assert not ok and "'helth'" in message and "health" in message


def test_a_spec_file_as_the_old_source_text_or_as_spec_file(fresh_profile, imported_sample,
                                                             tmp_path):
    files, _, _ = imported_sample
    own = tmp_path / "my_health.yaml"
    shutil.copy(data_path("specs/health.yaml"), own)
    for number, parameters in enumerate(({"SOURCE": str(own)},          # scripts, old models
                                         {"SOURCE": "education", "SPEC_FILE": str(own)})):
        db = tmp_path / f"province{number}.gpkg"
        create_database.create_or_upgrade(db, "50", {})
        result = run("importsecondarydata", DATABASE=str(db),
                     INPUT=str(files / "health" / "HOME.csv"), DATA_YEAR=2024, **parameters)
        assert result["STATUS"] == "succeeded" and result["STAGING_TABLE"] == "staging_health_home"


def test_every_closed_list_in_every_dialog_is_an_enum(fresh_profile):
    models = [algorithm(a.name()) for a in QgsApplication.processingRegistry()
              .providerById("trafficking").algorithms() if not hasattr(a, "add_database_parameter")]
    assert {m.name() for m in models} == {"yearlyupdate", "lateagencyfile"}
    for each in algorithms() + models:
        strings = {p.name() for p in each.parameterDefinitions()
                   if isinstance(p, QgsProcessingParameterString)}
        assert strings <= FREE_TEXT, (each.name(), strings - FREE_TEXT)


# --- item 9: the dialogs' labels and Advanced ---------------------------------------------------

def test_the_scoring_dialogs_expert_numbers_are_under_advanced(fresh_profile):
    alg = algorithm("scoreriskindex")
    advanced = {p.name() for p in alg.parameterDefinitions()
                if p.flags() & QgsProcessingParameterDefinition.FlagAdvanced}
    assert advanced == EXPERT_NUMBERS
    assert not {"DATABASE", "DATA_YEAR", "METHOD", "TARGET"} & advanced


def test_no_label_says_optional_itself(fresh_profile):
    """QGIS adds "[optional]" to the label of an optional parameter."""
    for each in algorithms():
        for p in each.parameterDefinitions():
            if p.flags() & QgsProcessingParameterDefinition.FlagOptional:
                assert "optional" not in p.description().lower(), (each.name(), p.description())


def test_the_project_output_shows_the_project_beside_the_database(fresh_profile, tmp_path):
    output = algorithm("createproject").parameterDefinition("OUTPUT")
    assert output.createByDefault()          # not "[Skip output]"
    db = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(db, "50", {})
    base.remember(database=str(db))
    assert algorithm("createproject").parameterDefinition("OUTPUT").defaultValue() == \
        str(tmp_path / "province.qgz")


def test_decimal_numbers_show_sensible_decimals(fresh_profile):
    radius = algorithm("extractimagerychips").parameterDefinition("RADIUS")
    assert radius.metadata()["widget_wrapper"]["decimals"] == 0      # "250", not "250.000000"
    for each in algorithms():
        for p in each.parameterDefinitions():
            if isinstance(p, QgsProcessingParameterNumber) and \
                    p.dataType() == QgsProcessingParameterNumber.Type.Double:
                assert p.metadata()["widget_wrapper"]["decimals"] <= 4, (each.name(), p.name())
    assert base.sensible_decimals(0.01, 0.0001) == 4 and base.sensible_decimals(30.0, 0.1) == 2


# --- item 13: the database check, an error printed once -----------------------------------------

def test_a_csv_as_the_database_gets_the_plugins_message(fresh_profile, tmp_path):
    csv = tmp_path / "PERSON.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    for each in algorithms():
        definition = each.parameterDefinition("DATABASE")
        if definition is None or not isinstance(definition, QgsProcessingParameterFile):
            continue
        # The dialog's own check lets it through, so that the algorithm can say what is wrong.
        assert definition.checkValueIsAcceptable(str(csv)), each.name()
        ok, message = each.checkParameterValues({"DATABASE": str(csv)}, QgsProcessingContext())
        assert not ok and "not a province database" in message and "GeoPackage" in message, \
            each.name()
    with pytest.raises(QgsProcessingException, match="Import agency data file"):
        run("crosswalk", DATABASE=str(csv), DATA_YEAR=2024)


def test_an_import_error_is_printed_once(fresh_profile, imported_sample, tmp_path):
    files, _, _ = imported_sample
    db = tmp_path / "province.gpkg"
    create_database.create_or_upgrade(db, "50", {})
    log = Log()
    with pytest.raises(QgsProcessingException, match="not a file of source 'education'"):
        run("importsecondarydata", log, DATABASE=str(db), INPUT=str(files / "health" / "HOME.csv"),
            SOURCE="education", DATA_YEAR=2024)
    assert not [text for _, text in log.lines if "not a file of source" in text]


def test_the_database_message_in_thai(fresh_profile, tmp_path):
    import subprocess

    from conftest import REPO
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    csv = tmp_path / "PERSON.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    qm = tmp_path / "th.qm"      # this checkout's translation, compiled here
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5") or "/usr/lib/qt5/bin/lrelease"
    subprocess.run([lrelease, "-silent", str(REPO / "trafficking_plugin" / "i18n" /
                                             "trafficking_db_th.ts"), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        ok, message = algorithm("crosswalk").checkParameterValues({"DATABASE": str(csv)},
                                                                  QgsProcessingContext())
    finally:
        QCoreApplication.removeTranslator(translator)
    assert not ok and "ไม่ใช่ฐานข้อมูลจังหวัด" in message and str(csv) in message


def test_the_shipped_models_offer_the_current_database_and_its_year(fresh_profile, scored_sample):
    _, db = scored_sample
    base.remember(database=str(db))
    for name in ("yearlyupdate", "lateagencyfile"):
        model = algorithm(name)
        assert model.parameterDefinition("DATABASE").defaultValue() == str(db), name
        assert model.parameterDefinition("DATA_YEAR").defaultValue() == 2024, name
        as_shipped = QgsProcessingModelAlgorithm()
        assert as_shipped.fromFile(model.path)      # the same inputs in the same order
        assert [p.name() for p in model.parameterDefinitions()] == \
            [p.name() for p in as_shipped.parameterDefinitions()]
        assert as_shipped.parameterDefinition("DATABASE").defaultValue() is None


def test_a_csv_as_the_models_database_gets_the_plugins_message(fresh_profile, imported_sample,
                                                              tmp_path):
    files, _, _ = imported_sample
    csv = tmp_path / "PERSON.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    log = Log()
    with pytest.raises(QgsProcessingException):       # the model names the step that failed
        run("lateagencyfile", log, DATABASE=str(csv), DATA_YEAR=2024, SOURCE="health",
            INPUT=str(files / "health" / "HOME.csv"))
    # and the step's own message is in the log, not QGIS's "Wrong or missing parameter value"
    assert any("is not a province database: the database is a GeoPackage" in text
               for _, text in log.lines)
