"""trafficking:publicwebsite — a static public website of a data year's public export."""
from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..trafficking_plugin.core.dissemination import website
from .base import TraffickingAlgorithm, tr_noop


class PublicWebsite(TraffickingAlgorithm):
    K, ROUNDING, ATTRIBUTION = "K", "ROUNDING", "ATTRIBUTION"
    OUTPUT_FOLDER, INDEX = "OUTPUT_FOLDER", "INDEX"

    def name(self):
        return "publicwebsite"

    def displayName(self):  # noqa: N802
        return self.tr("Public website (static, Thai and English)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "A website of a data year's public figures that any web server or a USB stick can "
            "serve: index.html at the top of the output folder, a map of sub-districts and "
            "districts, sortable tables, the age and sex chart, downloads, the method, the date, "
            "the licence and attribution, in Thai and English, usable on a phone. The page "
            "fetches nothing from the Internet.\n"
            "The figures are the year's public export (sub-districts by age band and sex, in "
            "downloads/), written and recorded in the export register like trafficking:"
            "publicexport: the same cells suppressed, shown as hidden, never as zero. Left empty, "
            "k and rounding are those the year was published with (11 and 1 the first time). "
            "See docs/web.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        number = QgsProcessingParameterNumber
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(number(self.K, self.tr("Smallest count published (k; empty: as the "
                                                 "year was published)"),
                                 number.Type.Integer, optional=True, minValue=2))
        self.addParameter(number(self.ROUNDING, self.tr("Round counts to a multiple of (empty: as "
                                                        "the year was published)"),
                                 number.Type.Integer, optional=True, minValue=1))
        self.addParameter(QgsProcessingParameterString(
            self.ATTRIBUTION, self.tr("Attribution shown with the licence (empty: the province's "
                                      "coordination centre)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile(self.INDEX, self.tr("Website page (index.html)")))
        self.add_number_outputs((("AREAS", tr_noop("Sub-districts on the map")),
                                 ("HIDDEN_AREAS", tr_noop("Sub-districts shown as hidden"))))

    def optional_int(self, parameters, name, context):
        """None when the user left the number empty."""
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsInt(parameters, name, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        summary = self.run_core(lambda: website.write_site(
            database, year, folder, k=self.optional_int(parameters, self.K, context),
            rounding=self.optional_int(parameters, self.ROUNDING, context),
            attribution=self.parameterAsString(parameters, self.ATTRIBUTION, context),
            feedback=feedback), self.tr("Canceled: the website is incomplete."))
        feedback.pushInfo(summary.note)
        feedback.pushInfo(self.tr("Open {} in a browser, or copy the folder to the web "
                                  "server.").format(summary.index))
        return {self.OUTPUT_FOLDER: folder, self.INDEX: summary.index, "AREAS": summary.areas,
                "HIDDEN_AREAS": summary.hidden_areas}
