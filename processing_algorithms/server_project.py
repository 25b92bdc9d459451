"""trafficking:serverproject — the intranet's QGIS Server project of a scored data year."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from .base import TraffickingAlgorithm


class ServerProject(TraffickingAlgorithm):
    ATTRIBUTION, CONTACT, OUTPUT = "ATTRIBUTION", "CONTACT_EMAIL", "OUTPUT"

    def name(self):
        return "serverproject"

    def displayName(self):  # noqa: N802
        return self.tr("Write the intranet's QGIS Server project")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Writes a project for QGIS Server from the province database and a scored data year: "
            "the area layers, risk by sub-district and district, establishments, partner "
            "organisations, network members' work contacts and the print layouts, with titles in "
            "Thai and English, WMS, WFS and OGC API - Features and the CRS EPSG:4326, 3857, 32647 "
            "and 32648. No person-level table, identity data or case is in it. The year's "
            "protected figures are published (as publicexport does, recorded in the export "
            "register) into a folder beside the project: they are all the public sees. Which role "
            "(staff, partner, public) sees which layer, feature and field is decided per request "
            "by the plugin's server part from the header X-Trafficking-Role that the web server "
            "sets. The partners' web page (a map of what their role sees, in Thai and English) is "
            "written into a folder <project>_web beside the project. See docs/web.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter(self.tr("Data year (scored)"))
        self.addParameter(QgsProcessingParameterString(
            self.ATTRIBUTION, self.tr("Attribution of the maps (e.g. the boundaries' source)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CONTACT, self.tr("Contact e-mail of the service"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Server project file"), self.tr("QGIS project (*.qgs *.qgz)")))
        self.addOutput(QgsProcessingOutputString("LAYERS", self.tr("Layers served")))
        self.addOutput(QgsProcessingOutputString("PUBLIC_FOLDER", self.tr("Public figures")))
        self.addOutput(QgsProcessingOutputString("WEB_FOLDER", self.tr("Partners' web page")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.outputs.server_project import build_server_project

        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output.lower().endswith((".qgz", ".qgs")):
            raise QgsProcessingException(self.tr("{} is not a QGIS project file name: end it "
                                                 "with .qgs or .qgz").format(output))
        summary = self.run_core(lambda: build_server_project(
            database, output, year, self.parameterAsString(parameters, self.ATTRIBUTION, context),
            self.parameterAsString(parameters, self.CONTACT, context)))
        feedback.pushInfo(self.tr("{}: {} layers, print layouts: {}; public figures in {} (k = "
                                  "{}).").format(output, len(summary.layers),
                                                 ", ".join(summary.layouts), summary.public_folder,
                                                 summary.k))
        feedback.pushInfo(self.tr("The partners' web page is in {}: serve it beside QGIS Server "
                                  "(docs/web.md).").format(summary.web_folder))
        if summary.leaflet is None:
            feedback.pushWarning(self.tr(
                "Leaflet was found neither in the plugin nor in Debian's "
                "/usr/share/javascript/leaflet (package libjs-leaflet): the partners' page draws "
                "its plain map, without zoom. Install libjs-leaflet and run this again for the "
                "full map."))
        return {self.OUTPUT: output, "LAYERS": ", ".join(summary.layers),
                "PUBLIC_FOLDER": summary.public_folder, "WEB_FOLDER": summary.web_folder}
