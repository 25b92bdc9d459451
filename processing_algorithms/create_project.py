"""trafficking:createproject — a QGIS project (.qgz) that opens a province database ready to work in."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..trafficking_plugin.outputs.project import default_project_path
from .base import TraffickingAlgorithm, remembered_database


class CreateProject(TraffickingAlgorithm):
    ATTRIBUTION, OUTPUT = "ATTRIBUTION", "OUTPUT"

    def name(self):
        return "createproject"

    def displayName(self):  # noqa: N802
        return self.tr("Create province project (.qgz)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Writes a QGIS project for a province database: its layers in groups (administrative "
            "units, sin space, network, lessons learned, risk index, programme monitoring, "
            "tables), drawn with the styles stored in the database, risk by sub-district and the "
            "district and province boundaries shown, the province's UTM zone and extent, and the "
            "print layouts ready: the province map, the risk map and the risk-report atlas (a "
            "page for the province and one per district) of the data year.\nDATA_YEAR (C.E. or "
            "B.E.; 0 = the latest scored year) filters the risk layers; ATTRIBUTION is printed on "
            "the layouts. Data sources are saved relative to the project, so keep the project "
            "beside the database (the default: <database>.qgz). No person-level table is added. "
            "Run it again after scoring a new year. See docs/project.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter(self.tr("Data year of the risk layers (0 = the latest scored)"),
                                     optional=True, default=0)
        self.addParameter(QgsProcessingParameterString(
            self.ATTRIBUTION, self.tr("Sources printed on the layouts (e.g. the boundaries' source)"),
            defaultValue="", optional=True))
        # The dialog shows the project beside the current database (not "[Skip output]"); a
        # project is always written, beside the chosen database unless another file is given.
        current = remembered_database()
        self.offered_output = default_project_path(current) if current else None
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Project file (default: beside the database)"),
            self.tr("QGIS project (*.qgz *.qgs)"), defaultValue=self.offered_output,
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputString("LAYOUTS", self.tr("Print layouts")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.outputs.project import build_project

        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        # An empty destination means the default beside the database, not a temporary file.
        given = parameters.get(self.OUTPUT)
        if isinstance(given, QgsProcessingOutputLayerDefinition):
            given = given.sink.staticValue()
        # The offered default follows the database chosen in the dialog.
        beside = given in (None, "", "TEMPORARY_OUTPUT") or (
            given == self.offered_output and
            default_project_path(database) != self.offered_output)
        output = (default_project_path(database) if beside
                  else self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if not output.lower().endswith((".qgz", ".qgs")):
            raise QgsProcessingException(self.tr("{} is not a QGIS project file name: end it "
                                                 "with .qgz").format(output))
        summary = self.run_core(lambda: build_project(
            database, output, year, self.parameterAsString(parameters, self.ATTRIBUTION, context)))
        for note in summary.notes:
            feedback.pushWarning(note)
        feedback.pushInfo(self.tr("{}: {} groups, print layouts: {}.").format(
            output, len(summary.groups), ", ".join(summary.layouts) or "-"))
        return {self.OUTPUT: output, "LAYOUTS": ", ".join(summary.layouts)}
