"""trafficking:importsecondarydata — one agency file into the province database's staging tables."""
import os
import sqlite3

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..trafficking_plugin.core.feedback import Canceled
from ..trafficking_plugin.core.ingest import readers, spec
from ..trafficking_plugin.core.shipped_data import plugin_version
from ..trafficking_plugin.core.thai_calendar import ce_year
from .base import TraffickingAlgorithm, tr_noop
from .layer_input import LayerRows, layer_sha256, needs_gdal


class ImportSecondaryData(TraffickingAlgorithm):
    DATABASE = "DATABASE"
    INPUT = "INPUT"
    SOURCE = "SOURCE"
    DATA_YEAR = "DATA_YEAR"
    ENCODING = "ENCODING"
    IDENTITY = "IDENTITY"

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
        self.addParameter(QgsProcessingParameterFile(self.INPUT, self.tr("Agency file")))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, self.tr("Agency source ({}) or spec file (.yaml)").format(
                ", ".join(spec.shipped_sources())), defaultValue="health"))
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.ENCODING, self.tr("Text encoding"), options=list(readers.ENCODINGS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.IDENTITY, self.tr("Identity file (optional; default beside the database)"),
            optional=True))
        for key, label in (("RUN_ID", tr_noop("Import run id")), ("ROWS_READ", tr_noop("Rows read")),
                           ("ROWS_STAGED", tr_noop("Rows staged")),
                           ("ROWS_REJECTED", tr_noop("Rows rejected"))):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))
        self.addOutput(QgsProcessingOutputString("STAGING_TABLE", self.tr("Staging table")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core.ingest import import_file  # numpy: not at QGIS start-up

        steps = QgsProcessingMultiStepFeedback(2, feedback)
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        year = ce_year(self.parameterAsInt(parameters, self.DATA_YEAR, context))
        encoding = readers.ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        identity = self.parameterAsFile(parameters, self.IDENTITY, context) or None
        try:
            spec.load_spec(source)
        except spec.SpecError as error:
            raise QgsProcessingException(str(error)) from None
        file_path = path.split("|")[0]
        if not os.path.isfile(file_path):
            raise QgsProcessingException(self.tr("{} is not a file: choose the agency's export file")
                                         .format(path))
        common = {"source": source, "data_year": year, "identity_path": identity,
                  "feedback": steps, "plugin_version": plugin_version()}
        steps.pushInfo(self.tr("Importing {} as {} data for {}…").format(path, source, year))
        try:
            if needs_gdal(path):
                layer = LayerRows(path, steps)
                steps.setCurrentStep(1)
                summary = import_file.import_rows(
                    database, layer.header, layer.rows(), os.path.basename(path),
                    layer_sha256(path, file_path), fraction=layer.fraction, **common)
            else:
                steps.setCurrentStep(1)
                summary = import_file.import_file(database, path, encoding=encoding, **common)
        except Canceled:
            raise QgsProcessingException(self.tr(
                "Canceled: {} was left as it was (the canceled run is recorded in import_run).")
                .format(database)) from None
        except import_file.ImportFailed as error:
            raise QgsProcessingException(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise self.database_unwritable(database, error) from None
        if summary["status"] == "duplicate":
            steps.pushWarning(summary["message"])
        return {"RUN_ID": summary["run_id"], "ROWS_READ": summary["rows_read"],
                "ROWS_STAGED": summary["rows_staged"], "ROWS_REJECTED": summary["rows_rejected"],
                "STATUS": summary["status"], "STAGING_TABLE": summary.get("staging_table", "")}
