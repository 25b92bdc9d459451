"""trafficking:generatesampledata — a synthetic province's agency export files."""
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)

from ..trafficking_plugin.core import admin
from .base import WGS84, TraffickingAlgorithm, polygon_rings


class GenerateSampleData(TraffickingAlgorithm):

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
            "answers tests check against: each person's latent risk of trafficking or exploitation "
            "and the outcomes of the two following years. The province's international border is "
            "the part of its outline that no other province in the boundary layer shares, so use "
            "the national layer. SCALE 1.0 is Chiang Mai's volume (1.8 million health "
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
            "OLD_CODES", self.tr("Older tambon code list for place-name variants (CSV)"),
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
        from ..trafficking_plugin.sample.border import international_border, line_km

        neighbours = self.neighbour_polygons(parameters, context, province, units)
        if neighbours:
            border = international_border(subdistricts, neighbours)
            steps.pushInfo(self.tr("International border: {} km").format(round(line_km(border))))
        else:
            border = []
            steps.pushWarning(self.tr(
                "The boundary layer holds no other province next to this one, so the international "
                "border cannot be told from the provincial edges: the sample has no border. Use the "
                "national sub-district layer to get the real border."))
        manifest = self.run_core(lambda: generator.generate_sample_data(
            subdistricts, folder, scale=self.parameterAsDouble(parameters, "SCALE", context),
            seed=self.parameterAsInt(parameters, "SEED", context),
            data_year=self.data_year(parameters, context), old_codes=old_codes, feedback=steps,
            border=border),
            self.tr("Canceled: the files in {} are incomplete."), folder)
        for entry in manifest["files"]:
            steps.pushInfo(self.tr("{}: {} rows").format(entry["path"], entry["rows"]))
        return {"OUTPUT_FOLDER": folder,
                "MANIFEST": os.path.join(folder, "manifest.json"),
                "VILLAGES": os.path.join(folder, "villages.geojson")}

    def neighbour_polygons(self, parameters: dict, context, province: str, units: list) -> list:
        """Polygons (rings of lon, lat) of the other provinces' sub-districts near the province,
        read from the same boundary layer, in EPSG:4326 like the province's own."""
        source = self.parameterAsSource(parameters, "BOUNDARIES", context)
        field = self.parameterAsString(parameters, "CODE_FIELD", context) or "tambon_code"
        transform = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem(WGS84),
                                           context.transformContext())
        extent = QgsRectangle()
        for _unit, geometry in units:
            extent.combineExtentWith(geometry.boundingBox())
        extent.grow(0.05)
        request = QgsFeatureRequest().setFilterRect(
            transform.transformBoundingBox(extent, QgsCoordinateTransform.ReverseTransform))
        polygons = []
        for feature in source.getFeatures(request):
            code = admin.normalise_code(feature[field], 6)
            geometry = feature.geometry()
            if code is None or code[:2] == province or geometry.isEmpty():
                continue
            geometry.transform(transform)
            if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.PolygonGeometry:
                continue
            geometry.convertToMultiType()
            polygons.extend(polygon_rings(geometry))
        return [[polygon] for polygon in polygons]
