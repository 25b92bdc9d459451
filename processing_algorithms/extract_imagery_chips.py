"""trafficking:extractimagerychips: imagery clipped around risky places, for surveillance sheets."""
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from .base import TraffickingAlgorithm, decimals

CLASSES = (None, "high", "medium", "low")
SHEETS_NAME = "surveillance_sheets.pdf"


class ExtractImageryChips(TraffickingAlgorithm):
    IMAGERY = "IMAGERY"
    DATABASE = "DATABASE"
    RISK_CLASS = "RISK_CLASS"
    PLACES = "PLACES"
    RADIUS = "RADIUS"
    BANDS = "BANDS"
    RESAMPLING = "RESAMPLING"
    SHEETS = "SHEETS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    FOOTPRINTS = "FOOTPRINTS"
    REPORT = "REPORT"
    SHEETS_PDF = "SHEETS_PDF"
    CHIPS = "CHIPS"
    NOT_CHIPPED = "NOT_CHIPPED"

    def name(self):
        return "extractimagerychips"

    def displayName(self):  # noqa: N802
        return self.tr("Extract imagery chips (surveillance sheets)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Clips the imagery (GeoTIFF, cloud-optimised GeoTIFF or VRT, any CRS, any size: only "
            "the part around each place is read) around each establishment of the province "
            "database (all, or one risk class), or around each point of another layer.\n"
            "Each chip is a square of twice the radius, reprojected to the place's WGS 84 / UTM "
            "zone at the imagery's own resolution, written as a cloud-optimised GeoTIFF "
            "(place_<fid>.tif) with a QML style beside it (true colour from the band order, "
            "2-98 % contrast stretch) that QGIS applies when it opens the chip.\n"
            "The output folder also gets chip_footprints.gpkg (chip_footprint: each chip's "
            "outline with the place's attributes and the chip's path; chip_report: every place "
            "with its status: ok, partial, outside, no_imagery or no_location, and why) and "
            "surveillance_sheets.pdf, one page per chip. A place outside the imagery gets no chip "
            "and is listed in chip_report and the log; one near the edge gets a chip whose part "
            "beyond the imagery is transparent. See docs/imagery.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.IMAGERY, self.tr("Imagery")))
        self.addParameter(QgsProcessingParameterFile(
            self.DATABASE, self.tr("Province database (its establishments)"),
            fileFilter=self.tr("GeoPackage (*.gpkg);;All files (*)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.RISK_CLASS, self.tr("Establishments of risk class"),
            [self.tr("all"), self.tr("high"), self.tr("medium"), self.tr("low")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLACES, self.tr("Or places from a point layer (instead of the database)"),
            [QgsProcessing.SourceType.TypeVectorPoint], optional=True))
        self.addParameter(decimals(QgsProcessingParameterNumber(
            self.RADIUS, self.tr("Radius around each place (metres)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=250, minValue=10, maxValue=10000),
            0))
        self.addParameter(QgsProcessingParameterString(
            self.BANDS, self.tr("Bands shown as red, green, blue (NAIP: 1,2,3 true colour; "
                                "4,1,2 false colour)"), defaultValue="1,2,3"))
        self.addParameter(QgsProcessingParameterEnum(
            self.RESAMPLING, self.tr("Resampling"), ["nearest", "bilinear", "cubic"], defaultValue=1))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SHEETS, self.tr("Surveillance sheets (PDF, one page per place)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputVectorLayer(
            self.FOOTPRINTS, self.tr("Chip footprints"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputVectorLayer(
            self.REPORT, self.tr("Chip report (every place)"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputFile(self.SHEETS_PDF, self.tr("Surveillance sheets")))
        self.addOutput(QgsProcessingOutputNumber(self.CHIPS, self.tr("Chips written")))
        self.addOutput(QgsProcessingOutputNumber(self.NOT_CHIPPED, self.tr("Places without a chip")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:   # rasterio is imported lazily: say so plainly when it is missing
            import rasterio  # noqa: F401

            from ..trafficking_plugin.core.sin_space import imagery, imagery_footprints
            from ..trafficking_plugin.core.sin_space.imagery_establishments import places_from_database
        except ImportError as error:
            raise QgsProcessingException(self.tr(
                "This algorithm needs rasterio and numpy ({}). On Debian: apt install "
                "python3-rasterio.").format(error)) from None
        layer = self.parameterAsRasterLayer(parameters, self.IMAGERY, context)
        if layer is None or layer.providerType() != "gdal":
            raise QgsProcessingException(self.tr("The imagery must be a raster file (GeoTIFF, COG "
                                                 "or VRT) read by GDAL."))
        imagery_path = layer.source().split("|")[0]
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        steps = QgsProcessingMultiStepFeedback(2, feedback)   # chips, then sheets
        places = self.run_core(lambda: self._places(parameters, context, places_from_database))
        if not places:
            raise QgsProcessingException(self.tr("No places to chip: the database or layer has "
                                                 "none (of that risk class)."))
        feedback.pushInfo(self.tr("{} places, imagery {}").format(len(places), imagery_path))
        result = self.run_core(lambda: imagery.extract_chips(
            imagery_path, places, folder, self.parameterAsDouble(parameters, self.RADIUS, context),
            imagery.parse_bands(self.parameterAsString(parameters, self.BANDS, context)),
            imagery.RESAMPLINGS[self.parameterAsEnum(parameters, self.RESAMPLING, context)],
            feedback=steps), self.tr("Canceled: the chips are incomplete."))
        gpkg = imagery_footprints.write_footprints(
            result, os.path.join(folder, imagery_footprints.FOOTPRINTS_NAME))
        chips = sum(1 for row in result["rows"] if row["chip_path"])
        skipped = len(result["rows"]) - chips
        feedback.pushInfo(self.tr("{} chips written; {} places without a chip (see chip_report).")
                          .format(chips, skipped))
        if skipped:
            feedback.pushWarning(self.tr("{} of {} places got no chip: they are listed with the "
                                         "reason in chip_report.").format(skipped, len(places)))
        pdf = None
        if chips and self.parameterAsBool(parameters, self.SHEETS, context):
            steps.setCurrentStep(1)
            pdf = self._sheets(gpkg, folder, steps)
        return {self.FOOTPRINTS: f"{gpkg}|layername=chip_footprint",
                self.REPORT: f"{gpkg}|layername=chip_report", self.SHEETS_PDF: pdf,
                self.CHIPS: chips, self.NOT_CHIPPED: skipped, self.OUTPUT_FOLDER: folder}

    def _places(self, parameters, context, places_from_database):
        from ..trafficking_plugin.core.sin_space.imagery import ImageryError
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        source = self.parameterAsSource(parameters, self.PLACES, context)
        risk_class = CLASSES[self.parameterAsEnum(parameters, self.RISK_CLASS, context)]
        if bool(database) == bool(source):
            raise QgsProcessingException(self.tr("Give either a province database or a point layer "
                                                 "of places, not both and not neither."))
        if database:
            return places_from_database(database, risk_class)
        return _places_from_source(source, context, risk_class, ImageryError)

    def _sheets(self, gpkg, folder, feedback):
        from ..trafficking_plugin.outputs.imagery_sheets import render_surveillance_sheets
        pdf = os.path.join(folder, SHEETS_NAME)
        pages = self.run_core(lambda: render_surveillance_sheets(gpkg, pdf, feedback=feedback),
                              self.tr("Canceled: the sheets are incomplete."))
        feedback.pushInfo(self.tr("{} surveillance sheets in {}").format(pages, pdf))
        return pdf


def _places_from_source(source, context, risk_class, error):
    """Places from any point layer, in WGS 84; fields named like establishment's are carried."""
    from ..trafficking_plugin.core.sin_space.imagery import Place
    from ..trafficking_plugin.core.sin_space.imagery_establishments import PLACE_FIELDS

    to_wgs84 = QgsCoordinateTransform(source.sourceCrs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                      context.transformContext())
    names = source.fields().names()
    if risk_class and "risk_class" not in names:
        raise error(QCoreApplication.translate(
            "TraffickingAlgorithm", "The places layer has no risk_class field to choose class '{}' by.")
            .format(risk_class))
    places = []
    for feature in source.getFeatures():
        attributes = {k: feature[k] for k in PLACE_FIELDS if k in names}
        attributes = {k: (None if v is None or str(v) == "NULL" else v) for k, v in attributes.items()}
        if risk_class and attributes.get("risk_class") != risk_class:
            continue
        lon = lat = None
        geometry = feature.geometry()
        if not geometry.isNull() and not geometry.isEmpty():
            point = to_wgs84.transform(geometry.asMultiPoint()[0] if geometry.isMultipart()
                                       else geometry.asPoint())
            lon, lat = point.x(), point.y()
        places.append(Place(feature.id(), lon, lat, attributes))
    return places
