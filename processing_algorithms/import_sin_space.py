"""trafficking:importsinspace — a survey of risky workplaces into the establishment layer, scored."""
import os
import sqlite3

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..trafficking_plugin.core.feedback import Canceled
from ..trafficking_plugin.core.ingest import readers
from ..trafficking_plugin.core.shipped_data import plugin_version
from .base import TraffickingAlgorithm, tr_noop
from .layer_input import LayerRows, layer_sha256, needs_gdal


class ImportSinSpace(TraffickingAlgorithm):
    GROUP, GROUP_NAME = "sin_space", "Sin space"
    DATABASE = "DATABASE"
    INPUT = "INPUT"
    DATA_YEAR = "DATA_YEAR"
    ENCODING = "ENCODING"
    HIGH_SCORE = "HIGH_SCORE"
    MEDIUM_SCORE = "MEDIUM_SCORE"
    TOLERANCE_KM = "TOLERANCE_KM"
    SPEC = "SPEC"

    def name(self):
        return "importsinspace"

    def displayName(self):  # noqa: N802
        return self.tr("Import sin space survey (risky workplaces)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Imports a survey or registry of establishments (CSV, XLSX, ODS, DBF or any layer GDAL "
            "reads) into the establishment layer: name, type, licence, workers, minors and foreign "
            "workers seen, complaints, inspections, rescues, linked cases, survey date (B.E. or "
            "C.E.) and the owners' and customers' answers (columns owner_… and customer_…, stored "
            "as JSON).\n"
            "Coordinates: latitude/longitude in decimal degrees, a coordinates cell in degrees-"
            "minutes-seconds (18°47'20.5\"N 98°59'10.2\"E) or decimal degrees, UTM 47N/48N "
            "(utm_easting, utm_northing, utm_zone), or only a village_code (placed at the village, "
            "flagged approximate). A point outside the province or a coordinate that cannot be read "
            "rejects the row unless a village code can place it.\n"
            "Every place is scored: its type's base score plus the points of the enabled place "
            "rules that hold (tables establishment_type and place_rule, editable); high and medium "
            "from the two cut-points. Every village gets the distance to the nearest high-risk "
            "place and border crossing. Run without an input file to re-score after editing the "
            "rules or types.\n"
            "As with agency files: rows read = accepted + rejected (rejected_row, import_run), a "
            "file imported before is refused, an error or cancel leaves the database as it was.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Survey file (empty: only re-score)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DATA_YEAR, self.tr("Data year (Common Era or Buddhist era; default this year)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1990, maxValue=2700))
        self.addParameter(QgsProcessingParameterEnum(
            self.ENCODING, self.tr("Text encoding"), options=list(readers.ENCODINGS), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.HIGH_SCORE, self.tr("Score from which a place is high risk"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=60.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MEDIUM_SCORE, self.tr("Score from which a place is medium risk"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=30.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE_KM, self.tr("Tolerance outside the province boundary (km)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=2.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFile(
            self.SPEC, self.tr("Spec of the survey's columns (optional; default the shipped one)"),
            optional=True, extension="yaml"))
        for key, label in (("RUN_ID", tr_noop("Import run id")), ("ROWS_READ", tr_noop("Rows read")),
                           ("ROWS_STAGED", tr_noop("Rows staged (placed)")),
                           ("ROWS_REJECTED", tr_noop("Rows rejected")),
                           ("ESTABLISHMENTS_SCORED", tr_noop("Establishments scored")),
                           ("HIGH", tr_noop("High-risk establishments"))):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core.ingest import import_file
        from ..trafficking_plugin.core.sin_space import establishments  # numpy: not at QGIS start-up

        database = self.parameterAsFile(parameters, self.DATABASE, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        year = parameters.get(self.DATA_YEAR)
        year = self.parameterAsInt(parameters, self.DATA_YEAR, context) if year not in (None, "") else None
        cuts = {"high_score": self.parameterAsDouble(parameters, self.HIGH_SCORE, context),
                "medium_score": self.parameterAsDouble(parameters, self.MEDIUM_SCORE, context)}
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE_KM, context)
        spec = self.parameterAsFile(parameters, self.SPEC, context) or establishments.SPEC_PATH
        if cuts["high_score"] <= cuts["medium_score"]:
            raise QgsProcessingException(self.tr("The high cut-point must be above the medium one."))
        try:
            if not path:
                feedback.pushInfo(self.tr("No survey file: re-scoring every establishment"))
                result = establishments.rescore(database, feedback=feedback, **cuts)
                return self._outputs(None, result, "rescored")
            file_path = path.split("|")[0]
            if not os.path.isfile(file_path):
                raise QgsProcessingException(self.tr("{} is not a file: choose the survey file")
                                             .format(path))
            common = dict(data_year=year, spec=spec, tolerance_km=tolerance, feedback=feedback,
                          plugin_version=plugin_version(), **cuts)
            if needs_gdal(path):
                layer = LayerRows(path, feedback, point_columns=True)
                summary = establishments.import_survey_rows(
                    database, layer.header, layer.rows(), os.path.basename(path),
                    layer_sha256(path, file_path), fraction=layer.fraction, **common)
            else:
                encoding = readers.ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
                summary = establishments.import_survey(database, path, encoding=encoding, **common)
        except Canceled:
            raise QgsProcessingException(self.tr(
                "Canceled: {} was left as it was.").format(database)) from None
        except (import_file.ImportFailed, establishments.SinSpaceError) as error:
            raise QgsProcessingException(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise self.database_unwritable(database, error) from None
        if summary["status"] == "duplicate":
            feedback.pushWarning(summary["message"])
        return self._outputs(summary, summary, summary["status"])

    @staticmethod
    def _outputs(summary, scored, status):
        summary = summary or {}
        return {"RUN_ID": summary.get("run_id"), "ROWS_READ": summary.get("rows_read", 0),
                "ROWS_STAGED": summary.get("rows_staged", 0),
                "ROWS_REJECTED": summary.get("rows_rejected", 0),
                "ESTABLISHMENTS_SCORED": scored.get("scored", 0),
                "HIGH": scored.get("classes", {}).get("high", 0), "STATUS": status}
