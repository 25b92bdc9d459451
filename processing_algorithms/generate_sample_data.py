"""trafficking:generatesampledata — a synthetic province's agency export files."""
import os

from qgis.core import (
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from .base import TraffickingAlgorithm, polygon_rings


class GenerateSampleData(TraffickingAlgorithm):
    GROUP = "sample"
    GROUP_NAME = "Sample data"

    def name(self):
        return "generatesampledata"

    def displayName(self):  # noqa: N802
        return self.tr("Generate sample agency data")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Builds a realistic synthetic province on real sub-district boundaries: villages, "
            "households and persons (Thai citizens, highland minorities with and without Thai "
            "registration, migrant workers), then writes each agency's export in its own format and "
            "codes: health (43-file PERSON, HOME, DIAGNOSIS_OPD CSVs), education (school roster XLSX, "
            "Buddhist-era dates), human security (TIS-620 CSV naming places in Thai) and family "
            "welfare (Basic Minimum Needs survey). Files carry realistic faults at stated rates; "
            "manifest.json lists each file, its row count and fault counts, and truth/ holds the "
            "answers tests check against. SCALE 1.0 is Chiang Mai's volume (1.8 million health "
            "records); the same SEED gives the same bytes. The data is fictitious: no real person.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_boundary_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            "SCALE", self.tr("Scale (1.0 = Chiang Mai's volume)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.01, minValue=0.0001,
            maxValue=10.0))
        self.addParameter(QgsProcessingParameterNumber(
            "SEED", self.tr("Random seed"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=1, minValue=0))
        self.add_data_year_parameter(default=2024)
        self.addParameter(QgsProcessingParameterFile(
            "OLD_CODES", self.tr("Older tambon code list for place-name variants (CSV, optional)"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile("MANIFEST", self.tr("Manifest (manifest.json)")))
        self.addOutput(QgsProcessingOutputFile("VILLAGES", self.tr("Villages (GeoJSON points)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        province = self.province(parameters, context)
        units = self.run_core(lambda: self.read_boundaries(parameters, context, steps, province),
                              self.tr("Canceled: nothing was written."))
        subdistricts = []
        for unit, geometry in units:
            unit.polygons = polygon_rings(geometry)
            subdistricts.append(unit)
        steps.setCurrentStep(1)
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        os.makedirs(folder, exist_ok=True)
        old_codes = self.parameterAsFile(parameters, "OLD_CODES", context) or None
        from ..trafficking_plugin.sample import generator  # numpy/pandas: not at QGIS start-up

        manifest = self.run_core(lambda: generator.generate_sample_data(
            subdistricts, folder, scale=self.parameterAsDouble(parameters, "SCALE", context),
            seed=self.parameterAsInt(parameters, "SEED", context),
            data_year=self.data_year(parameters, context), old_codes=old_codes, feedback=steps),
            self.tr("Canceled: the files in {} are incomplete."), folder)
        for entry in manifest["files"]:
            steps.pushInfo(self.tr("{}: {} rows").format(entry["path"], entry["rows"]))
        return {"OUTPUT_FOLDER": folder,
                "MANIFEST": os.path.join(folder, "manifest.json"),
                "VILLAGES": os.path.join(folder, "villages.geojson")}
