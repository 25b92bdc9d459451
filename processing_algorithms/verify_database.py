"""trafficking:verifydatabase — the yearly data-quality check, as a report a clerk can act on."""
import os

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..trafficking_plugin.core.dissemination import verify
from .base import TraffickingAlgorithm, tr_noop


class VerifyDatabase(TraffickingAlgorithm):
    COVERAGE = "COVERAGE_THRESHOLD"
    PERSONS_JUMP = "PERSONS_JUMP"
    SHARE_JUMP = "SHARE_HIGH_JUMP"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    IDENTITY = "IDENTITY"

    def name(self):
        return "verifydatabase"

    def displayName(self):  # noqa: N802
        return self.tr("Verify the database (data-quality check)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "The yearly data-quality check of a data year: persons without a village, impossible "
            "ages (born after the data year, older than 110, negative welfare-case ages), the "
            "same person twice in a year's file, the same household id twice, indicators "
            "observed for too few persons, villages with no persons, unmapped codes, and "
            "districts whose persons or high-risk share jumped from the previous year; and the "
            "audit trail of network and case data: columns its triggers miss, and, given the "
            "identity file, rows changed, deleted or cut off after they were sealed.\n"
            "Each check has a severity (error: fix before publishing; warning: look at it) and "
            "examples a clerk can find: the agency file and row number, or a village, district or "
            "indicator code; never an ID or a name. The report is written to the output folder "
            "as HTML, CSV (summary and examples) and XLSX; the log has the summary. The database "
            "is only read, except that given the identity file the audit rows written since the "
            "last check are sealed. See docs/verify.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.COVERAGE, self.tr("Low coverage: share of persons observed below"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=verify.COVERAGE_THRESHOLD,
            minValue=0.0, maxValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERSONS_JUMP, self.tr("Jump: persons of a district changed by more than (share)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=verify.PERSONS_JUMP, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SHARE_JUMP, self.tr("Jump: high share of a district changed by more than "
                                     "(percentage points)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=verify.SHARE_HIGH_JUMP,
            minValue=0.0))
        self.add_identity_parameter(self.tr("Identity file, to check the audit trail's seal and "
                                            "seal its new rows"))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Report folder")))
        self.addOutput(QgsProcessingOutputFile("REPORT_HTML", self.tr("Report (HTML)")))
        self.add_number_outputs((("ERRORS", tr_noop("Checks failed with severity error")),
                                 ("WARNINGS", tr_noop("Checks failed with severity warning")),
                                 ("PROBLEMS", tr_noop("Problems found (all checks)"))))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        identity = self.optional_file(parameters, self.IDENTITY, context)

        def check():
            found = verify.verify(database, year,
                                  self.parameterAsDouble(parameters, self.COVERAGE, context),
                                  self.parameterAsDouble(parameters, self.PERSONS_JUMP, context),
                                  self.parameterAsDouble(parameters, self.SHARE_JUMP, context),
                                  feedback, identity)
            return found, verify.write_report(found, folder, year, os.path.basename(database))

        findings, paths = self.run_core(check, self.tr("Canceled: no report was written."))
        for line in verify.summary_lines(findings):
            feedback.pushInfo(line)
        feedback.pushInfo(self.tr("Report: {}").format(paths["html"]))
        return {self.OUTPUT_FOLDER: folder, "REPORT_HTML": paths["html"],
                "ERRORS": sum(f.status == "error" for f in findings),
                "WARNINGS": sum(f.status == "warning" for f in findings),
                "PROBLEMS": sum(f.count for f in findings)}
