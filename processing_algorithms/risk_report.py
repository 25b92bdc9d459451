"""trafficking:riskreport — the risk reports of a data year: PDF (atlas), HTML and XLSX."""
from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
)

from ..trafficking_plugin.core.thai_calendar import shown_year
from .base import TraffickingAlgorithm


class RiskReport(TraffickingAlgorithm):
    OUTPUT_FOLDER, YEARS = "OUTPUT_FOLDER", "YEARS"

    def name(self):
        return "riskreport"

    def displayName(self):  # noqa: N802
        return self.tr("Risk reports (province and districts)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Writes the risk reports of a scored data year into the output folder: one PDF "
            "(risk_report_<year>.pdf) with a page for the province and then a page per district, "
            "made from a QGIS print-layout atlas; one HTML page per report (province.html, "
            "district_<code>.html, index.html) with its map and chart beside it in img/; and "
            "the tables as one workbook (risk_tables_<year>.xlsx: by age band and sex, home town, "
            "sub-district and district).\nEach report has the risk map (sub-districts red, "
            "yellow, green and high-risk villages, in the styles stored in the database), the "
            "table of sub-districts (districts for the province), an age x sex chart of persons "
            "at high risk, the indicators that drive risk and the trend against the latest "
            "earlier scored year.\nThese reports are internal: small counts are shown, but no "
            "person's pseudonym, name or ID. For the public use trafficking:publicexport.\n"
            "Years are shown in the Buddhist era (2567) or the Common Era (2024) as set in the "
            "Plugins menu (Show Buddhist-era years), unless the advanced parameter says otherwise. "
            "See docs/reports.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder")))
        years = QgsProcessingParameterEnum(
            self.YEARS, self.tr("Show years as"), defaultValue=0, options=[
                self.tr("As set in the plugin (Show Buddhist-era years)"),
                self.tr("Buddhist era (2567)"), self.tr("Common Era (2024)")])
        years.setFlags(years.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(years)
        self.addOutput(QgsProcessingOutputFile("PDF", self.tr("Report PDF")))
        self.addOutput(QgsProcessingOutputFile("HTML", self.tr("Report index (HTML)")))
        self.addOutput(QgsProcessingOutputFile("XLSX", self.tr("Report tables (XLSX)")))
        self.addOutput(QgsProcessingOutputNumber("REPORTS", self.tr("Reports written")))

    def _buddhist_era(self, parameters, context):
        choice = self.parameterAsEnum(parameters, self.YEARS, context)
        if choice == 0:
            from ..trafficking_plugin.i18n.translation import buddhist_era
            return buddhist_era()
        return choice == 1

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.outputs.risk_report_layout import write_reports

        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        buddhist_era = self._buddhist_era(parameters, context)
        result = self.run_core(lambda: write_reports(database, year, folder, feedback=feedback,
                                                     buddhist_era=buddhist_era),
                               self.tr("Canceled: the reports in {} are incomplete."), folder)
        feedback.pushInfo(self.tr("{} reports ({} PDF pages) in {}; compared with {}.").format(
            result.reports, result.pages, folder,
            shown_year(result.previous_year, buddhist_era) if result.previous_year
            else self.tr("no earlier year")))
        return {"PDF": str(result.pdf), "HTML": str(result.index), "XLSX": str(result.xlsx),
                "REPORTS": result.reports, self.OUTPUT_FOLDER: folder}
