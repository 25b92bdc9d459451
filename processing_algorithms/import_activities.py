"""trafficking:importactivities — the programme's prevention activities into the activity table."""
from .base import TraffickingAlgorithm, tr_noop


class ImportActivities(TraffickingAlgorithm):
    INPUT, ENCODING, SPEC = "INPUT", "ENCODING", "SPEC"

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
        self.add_input_parameters(self.tr("Activity file"))
        self.add_data_year_parameter(self.tr("Latest year the file reports on (C.E. or B.E.; "
                                             "default this year)"), optional=True)
        self.add_spec_parameter(self.tr("Spec of the file's columns (default the shipped one)"))
        self.add_import_outputs((("ACTIVITIES", tr_noop("Activities written")),),
                                staged=tr_noop("Rows accepted"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core.risk import activities   # numpy: not at QGIS start-up

        database = self.database(parameters, context)
        summary = self.run_core(lambda: activities.import_activities(
            database, self.parameterAsFile(parameters, self.INPUT, context),
            self.data_year(parameters, context), self.encoding(parameters, context),
            self.optional_file(parameters, self.SPEC, context) or activities.SPEC_PATH,
            feedback=feedback), where=database)
        if summary.status == "duplicate":
            feedback.pushWarning(self.tr("The file was already imported: nothing was added."))
        return {**self.import_results(summary),
                "ACTIVITIES": summary.step.activities if summary.step else 0}
