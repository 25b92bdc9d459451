"""trafficking:importactivities — the programme's prevention activities into the activity table."""
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


class ImportActivities(TraffickingAlgorithm):
    GROUP, GROUP_NAME = "monitoring", "Programme monitoring"
    DATABASE = "DATABASE"
    INPUT = "INPUT"
    DATA_YEAR = "DATA_YEAR"
    ENCODING = "ENCODING"
    SPEC = "SPEC"

    def name(self):
        return "importactivities"

    def displayName(self):  # noqa: N802
        return self.tr("Import prevention activities")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Imports a file of the programme's prevention activities (CSV, XLSX, ODS, DBF or a "
            "table GDAL reads) into the activity table: date (B.E. or C.E.), 8-digit village code, "
            "kind (training, awareness, school_talk, community_meeting, home_visit, "
            "vocational_training, outreach, or the Thai word), topic, organisation (by name, "
            "linked to the network directory when found), participants and a note.\n"
            "DATA_YEAR is the latest year the file reports on (default this year): an activity "
            "dated after it is rejected. A row whose village is not in the database, whose kind "
            "is unknown, whose participants are negative or which repeats an activity already "
            "recorded (same village, date, kind and organisation) is rejected with the reason.\n"
            "As with agency files: rows read = accepted + rejected (rejected_row, import_run), a "
            "file imported before is refused, an error or cancel leaves the database as it was. "
            "See docs/monitoring.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFile(self.INPUT, self.tr("Activity file")))
        self.addParameter(QgsProcessingParameterNumber(
            self.DATA_YEAR, self.tr("Latest year the file reports on (C.E. or B.E.; default this "
                                    "year)"),
            QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1990, maxValue=2700))
        self.addParameter(QgsProcessingParameterEnum(
            self.ENCODING, self.tr("Text encoding"), options=list(readers.ENCODINGS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.SPEC, self.tr("Spec of the file's columns (optional; default the shipped one)"),
            optional=True, extension="yaml"))
        for key, label in (("RUN_ID", tr_noop("Import run id")), ("ROWS_READ", tr_noop("Rows read")),
                           ("ROWS_STAGED", tr_noop("Rows accepted")),
                           ("ROWS_REJECTED", tr_noop("Rows rejected")),
                           ("ACTIVITIES", tr_noop("Activities written"))):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("Status")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core.ingest import import_file
        from ..trafficking_plugin.core.risk import activities

        database = self.parameterAsFile(parameters, self.DATABASE, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        year = parameters.get(self.DATA_YEAR)
        year = self.parameterAsInt(parameters, self.DATA_YEAR, context) if year not in (None, "") else None
        spec = self.parameterAsFile(parameters, self.SPEC, context) or activities.SPEC_PATH
        file_path = path.split("|")[0]
        if not os.path.isfile(file_path):
            raise QgsProcessingException(self.tr("{} is not a file: choose the activity file")
                                         .format(path))
        common = dict(data_year=year, spec=spec, feedback=feedback, plugin_version=plugin_version())
        try:
            if needs_gdal(path):
                layer = LayerRows(path, feedback)
                summary = activities.import_activity_rows(
                    database, layer.header, layer.rows(), os.path.basename(path),
                    layer_sha256(path, file_path), fraction=layer.fraction, **common)
            else:
                encoding = readers.ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
                summary = activities.import_activities(database, path, encoding=encoding, **common)
        except Canceled:
            raise QgsProcessingException(self.tr(
                "Canceled: {} was left as it was.").format(database)) from None
        except (import_file.ImportFailed, activities.ActivityError) as error:
            raise QgsProcessingException(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise self.database_unwritable(database, error) from None
        if summary["status"] == "duplicate":
            feedback.pushWarning(summary["message"])
        return {"RUN_ID": summary.get("run_id"), "ROWS_READ": summary.get("rows_read", 0),
                "ROWS_STAGED": summary.get("rows_staged", 0),
                "ROWS_REJECTED": summary.get("rows_rejected", 0),
                "ACTIVITIES": summary.get("activities", 0), "STATUS": summary["status"]}
