"""trafficking:importsecondarydata — one agency file into the province database's staging tables."""
from qgis.core import QgsProcessingOutputString, QgsProcessingParameterString

from ..trafficking_plugin.core.ingest import spec
from ..trafficking_plugin.i18n.translation import year_text
from .base import TraffickingAlgorithm


class ImportSecondaryData(TraffickingAlgorithm):
    INPUT, SOURCE, ENCODING, IDENTITY = "INPUT", "SOURCE", "ENCODING", "IDENTITY"

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
        self.add_input_parameters(self.tr("Agency file"))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCE, self.tr("Agency source ({}) or spec file (.yaml)").format(
                ", ".join(spec.shipped_sources())), defaultValue="health"))
        self.add_data_year_parameter()
        self.add_identity_parameter()
        self.add_import_outputs()
        self.addOutput(QgsProcessingOutputString("STAGING_TABLE", self.tr("Staging table")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..trafficking_plugin.core.ingest import import_file   # numpy: not at QGIS start-up

        database = self.database(parameters, context)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        year = self.data_year(parameters, context)
        feedback.pushInfo(self.tr("Importing {} as {} data for {}…").format(
            path, source, year_text(year)))
        summary = self.run_core(lambda: import_file.import_file(
            database, path, source, year, self.encoding(parameters, context),
            self.optional_file(parameters, self.IDENTITY, context), feedback), self.tr(
            "Canceled: {} was left as it was (the canceled run is recorded in import_run)."),
            database)
        if summary.status == "duplicate":
            feedback.pushWarning(self.tr("The file was already imported: nothing was added."))
        return {**self.import_results(summary), "STAGING_TABLE": summary.staging_table or ""}
