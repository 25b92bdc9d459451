"""trafficking:importsinspace — a survey of risky workplaces into the establishment layer, scored."""
import os
import sqlite3

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProcessingException,
    QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterEnum,
    QgsProcessingParameterFile, QgsProcessingParameterNumber, QgsProject, QgsVectorLayer,
    QgsWkbTypes,
)

from ..trafficking_plugin.core import readers
from ..trafficking_plugin.core.feedback import Canceled, check_canceled
from ..trafficking_plugin.version import plugin_version
from .base import TraffickingAlgorithm
from .import_secondary_data import ImportSecondaryData, _layer_sha256, _python_value


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
        self.addParameter(QgsProcessingParameterFile(
            self.DATABASE, self.tr("Province database"), extension="gpkg"))
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
        for key, label in (("RUN_ID", "Import run id"), ("ROWS_READ", "Rows read"),
                           ("ROWS_STAGED", "Rows staged (placed)"), ("ROWS_REJECTED", "Rows rejected"),
                           ("ESTABLISHMENTS_SCORED", "Establishments scored"),
                           ("HIGH", "High-risk establishments")):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core import importer, sin_space   # numpy: not at QGIS start-up

        database = self.parameterAsFile(parameters, self.DATABASE, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        year = parameters.get(self.DATA_YEAR)
        year = self.parameterAsInt(parameters, self.DATA_YEAR, context) if year not in (None, "") else None
        cuts = {"high_score": self.parameterAsDouble(parameters, self.HIGH_SCORE, context),
                "medium_score": self.parameterAsDouble(parameters, self.MEDIUM_SCORE, context)}
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE_KM, context)
        spec = self.parameterAsFile(parameters, self.SPEC, context) or sin_space.SPEC_PATH
        if cuts["high_score"] <= cuts["medium_score"]:
            raise QgsProcessingException(self.tr("The high cut-point must be above the medium one."))
        try:
            if not path:
                feedback.pushInfo(self.tr("No survey file: re-scoring every establishment"))
                result = sin_space.rescore(database, feedback=feedback, **cuts)
                return self._outputs(None, result, "rescored")
            file_path = path.split("|")[0]
            if not os.path.isfile(file_path):
                raise QgsProcessingException(self.tr("{} is not a file: choose the survey file")
                                             .format(path))
            common = dict(data_year=year, spec=spec, tolerance_km=tolerance, feedback=feedback,
                          plugin_version=plugin_version(), **cuts)
            if ImportSecondaryData._needs_gdal(path):
                header, rows, count, done = self._layer_rows(path, feedback)
                summary = sin_space.import_survey_rows(
                    database, header, rows, os.path.basename(path), _layer_sha256(path, file_path),
                    fraction=lambda: done[0] / max(count, 1), **common)
            else:
                encoding = readers.ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
                summary = sin_space.import_survey(database, path, encoding=encoding, **common)
        except Canceled:
            raise QgsProcessingException(self.tr(
                "Canceled: {} was left as it was.").format(database)) from None
        except (importer.ImportFailed, sin_space.SinSpaceError) as error:
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

    def _layer_rows(self, path, feedback):
        """Attribute rows of a layer GDAL reads; a point layer's geometry becomes latitude and
        longitude (EPSG:4326) when the table has no such columns."""
        layer = QgsVectorLayer(path, "input", "ogr")
        if not layer.isValid():
            raise QgsProcessingException(self.tr(
                "{} cannot be read by GDAL: export it as CSV or XLSX").format(path))
        keep = [i for i in range(len(layer.fields())) if i not in layer.primaryKeyAttributes()]
        header = [layer.fields()[i].name() for i in keep]
        points = (layer.geometryType() == QgsWkbTypes.GeometryType.PointGeometry
                  and not {"latitude", "longitude"} & set(header))
        if points:
            header += ["latitude", "longitude"]
            transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                               QgsProject.instance())
        done = [0]

        def rows():
            for feature in layer.getFeatures():
                check_canceled(feedback)
                done[0] += 1
                values = feature.attributes()
                row = [_python_value(values[i]) for i in keep]
                if points:
                    geometry = feature.geometry()
                    if geometry.isEmpty():
                        row += [None, None]
                    else:
                        point = transform.transform(geometry.vertexAt(0).x(), geometry.vertexAt(0).y())
                        row += [round(point.y(), 7), round(point.x(), 7)]
                yield row
        return header, rows(), layer.featureCount(), done
