"""trafficking:importsecondarydata — one agency file into the province database's staging tables."""
import os

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
)

from ..trafficking_plugin.core import thai_calendar
from ..trafficking_plugin.core.database import reading
from ..trafficking_plugin.core.errors import CoreError
from ..trafficking_plugin.core.ingest import spec
from ..trafficking_plugin.i18n.translation import buddhist_era, year_text
from .base import TraffickingAlgorithm

# From this share of the rows read rejected as later than the data year, the year is probably
# wrong (a file of 2024 imported as 1990): the run says so as a warning, not a log line.
AFTER_YEAR_WARNING_SHARE = 0.1
AFTER_YEAR_REASON = "after the data year"     # as core/ingest/validate.py words the reason


class ImportSecondaryData(TraffickingAlgorithm):
    INPUT, SOURCE, ENCODING, IDENTITY = "INPUT", "SOURCE", "ENCODING", "IDENTITY"
    SPEC_FILE = "SPEC_FILE"

    def name(self):
        return "importsecondarydata"

    def displayName(self):  # noqa: N802
        return self.tr("Import agency data file")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Imports one agency file (CSV/TSV, XLSX, ODS, DBF, or any table GDAL reads) into the "
            "province database's staging table for its source and kind, e.g. staging_health_person. "
            "The kind of file is recognised from its header. Values are parsed (dates to the Common "
            "Era, numbers) and checked (Thai ID check digit, G codes, real calendar dates, required "
            "fields, exact duplicate rows); codes are kept as found for the crosswalk.\n"
            "IDs are replaced by a keyed pseudonym (person_key); the IDs and names go to the "
            "identity file beside the database (<database>.identity.sqlite), never into the "
            "GeoPackage.\n"
            "A row that fails a check goes to rejected_row with the reason. Rows read = rows staged "
            "+ rows rejected, recorded in import_run. An error or cancel leaves the database as it "
            "was; a file imported before is not imported twice.\n"
            "SOURCE is one of: {}; or the path of your own spec (.yaml). DATA_YEAR may be "
            "Buddhist era (2567) or Common Era (2024).").format(", ".join(spec.shipped_sources()))

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_input_parameters(self.tr("Agency file"))
        # Static strings: models, scripts and qgis_process keep giving SOURCE=health; the value
        # of an older model or script that names a spec file (.yaml) is still accepted.
        self.addParameter(QgsProcessingParameterEnum(
            self.SOURCE, self.tr("Agency source"), options=spec.shipped_sources(),
            defaultValue="health", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterFile(
            self.SPEC_FILE, self.tr("Or a spec file (.yaml)"),
            fileFilter=self.tr("Spec (*.yaml *.yml)"), optional=True))
        self.add_data_year_parameter()
        self.add_identity_parameter()
        self.add_import_outputs()
        self.addOutput(QgsProcessingOutputString("STAGING_TABLE", self.tr("Staging table")))

    def source(self, parameters: dict, context: QgsProcessingContext) -> str:
        """A shipped source id, or the path of a spec file (SPEC_FILE, or SOURCE as before)."""
        return (self.optional_file(parameters, self.SPEC_FILE, context)
                or self.parameterAsString(parameters, self.SOURCE, context).strip())

    def checkParameterValues(self, parameters, context):  # noqa: N802
        given = self.parameterAsString(parameters, self.SOURCE, context).strip()
        if given.lower().endswith((".yaml", ".yml")):      # a spec file, as SOURCE took before
            parameters = {**parameters, self.SOURCE: "health", self.SPEC_FILE: given}
        elif given and given not in spec.shipped_sources():
            return False, self.tr("There is no agency source '{}': choose one of {}, or give "
                                  "a spec file (.yaml).").format(
                given, ", ".join(spec.shipped_sources()))
        chosen = self.optional_file(parameters, self.SPEC_FILE, context)
        if chosen and not os.path.isfile(chosen):
            return False, self.tr("The spec file {} does not exist.").format(chosen)
        return super().checkParameterValues(parameters, context)

    def warn_of_wrong_year(self, database_path: str, summary, year: int,
                           feedback: QgsProcessingFeedback) -> None:
        """A warning when many rows were rejected for being later than the data year."""
        if not summary.run_id or not summary.rows_read:
            return
        try:
            with reading(database_path) as conn:
                later = conn.execute(
                    "SELECT count(DISTINCT row_number) FROM rejected_row WHERE import_run_id = ? "
                    "AND reason LIKE ?", (summary.run_id, f"%{AFTER_YEAR_REASON}%")).fetchone()[0]
        except CoreError:
            return
        if later >= AFTER_YEAR_WARNING_SHARE * summary.rows_read:
            feedback.reportError(self.tr(
                "Warning: {} of {} rows ({:.0f} %) were rejected as later than the data year {}. "
                "Is the data year right? If the file is of a later year, withdraw this import "
                "(run {}) and import the file again with its year.").format(
                    later, summary.rows_read, 100 * later / summary.rows_read,
                    thai_calendar.shown_year(year, buddhist_era()), summary.run_id),
                fatalError=False)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core.ingest import import_file   # numpy: not at QGIS start-up

        database = self.database(parameters, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        source = self.source(parameters, context)
        year = self.data_year(parameters, context)
        feedback.pushInfo(self.tr("Importing {} as {} data for {}…").format(
            path, source, year_text(year)))
        summary = self.run_core(lambda: import_file.import_file(
            database, path, source, year, self.encoding(parameters, context),
            self.optional_file(parameters, self.IDENTITY, context), feedback), self.tr(
            "Canceled: {} was left as it was (the canceled run is recorded in import_run)."),
            database)
        if summary.status == "duplicate":
            feedback.pushWarning(self.tr("The file was already imported: nothing was added."))
        else:
            self.warn_of_wrong_year(database, summary, year, feedback)
        return {**self.import_results(summary), "STAGING_TABLE": summary.staging_table or ""}
