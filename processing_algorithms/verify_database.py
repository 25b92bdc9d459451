"""trafficking:verifydatabase — the yearly data-quality check, as a report a clerk can act on."""
import os
import sqlite3

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..trafficking_plugin.core.dissemination import verify
from ..trafficking_plugin.core.feedback import Canceled
from ..trafficking_plugin.core.thai_calendar import ce_year
from .base import TraffickingAlgorithm, tr_noop


class VerifyDatabase(TraffickingAlgorithm):
    DATABASE = "DATABASE"
    DATA_YEAR = "DATA_YEAR"
    COVERAGE = "COVERAGE_THRESHOLD"
    PERSONS_JUMP = "PERSONS_JUMP"
    SHARE_JUMP = "SHARE_HIGH_JUMP"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

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
            "districts whose persons or high-risk share jumped from the previous year.\n"
            "Each check has a severity (error: fix before publishing; warning: look at it) and "
            "examples a clerk can find: the agency file and row number, or a village, district or "
            "indicator code; never an ID or a name. The report is written to the output folder "
            "as HTML, CSV (summary and examples) and XLSX; the log has the summary. The database "
            "is only read. See docs/verify.md.")

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
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Report folder")))
        self.addOutput(QgsProcessingOutputFile("REPORT_HTML", self.tr("Report (HTML)")))
        for key, label in (("ERRORS", tr_noop("Checks failed with severity error")),
                           ("WARNINGS", tr_noop("Checks failed with severity warning")),
                           ("PROBLEMS", tr_noop("Problems found (all checks)"))):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        year = ce_year(self.parameterAsInt(parameters, self.DATA_YEAR, context))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        try:
            findings = verify.verify(
                database, year,
                self.parameterAsDouble(parameters, self.COVERAGE, context),
                self.parameterAsDouble(parameters, self.PERSONS_JUMP, context),
                self.parameterAsDouble(parameters, self.SHARE_JUMP, context), feedback)
            paths = verify.write_report(findings, folder, year, os.path.basename(database))
        except Canceled:
            raise QgsProcessingException(self.tr("Canceled: no report was written.")) from None
        except verify.VerifyError as error:
            raise QgsProcessingException(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise self.database_unreadable(database, error) from None
        except OSError as error:
            raise QgsProcessingException(self.tr("The report could not be written to {} ({})")
                                         .format(folder, error)) from None
        for line in verify.summary_lines(findings):
            feedback.pushInfo(line)
        feedback.pushInfo(self.tr("Report: {}").format(paths["html"]))
        return {self.OUTPUT_FOLDER: folder, "REPORT_HTML": paths["html"],
                "ERRORS": sum(f.status == "error" for f in findings),
                "WARNINGS": sum(f.status == "warning" for f in findings),
                "PROBLEMS": sum(f.count for f in findings)}
