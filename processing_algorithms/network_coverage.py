"""trafficking:networkcoverage — high-risk sub-districts without a covering or near responder."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..trafficking_plugin.core.network import coverage
from ..trafficking_plugin.outputs.styles import qml_style, store_output_style, style_output_on_load
from .base import TraffickingAlgorithm, multipolygon

_S, _I, _R = QVariant.String, QVariant.Int, QVariant.Double
GAP_FIELDS = (("code", _S), ("name_th", _S), ("district_code", _S), ("district_name", _S),
              ("risk_class", _S), ("persons_high", _I), ("share_high", _R), ("gap", _S),
              ("why", _S), ("covered_by", _I), ("nearest_km", _R), ("nearest_name", _S),
              ("nearest_type", _S), ("nearest_table", _S))
STYLE_NAME = "network_gap"


class NetworkCoverage(TraffickingAlgorithm):
    MAX_KM = "MAX_KM"
    INCLUDE_MEDIUM = "INCLUDE_MEDIUM"
    OUTPUT = "OUTPUT"

    def name(self):
        return "networkcoverage"

    def displayName(self):  # noqa: N802
        return self.tr("Network coverage gaps")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "High-risk sub-districts of a scored data year (run trafficking:scoreriskindex first) "
            "that the network does not reach: no organisation or member lists the sub-district, "
            "or its district, in its areas (not_covered); or the nearest organisation or member "
            "with a location is farther than the travel distance (too_far).\n"
            "The distance is a straight line from the sub-district's centroid, not a road "
            "distance: in the hills the road is often twice as long, so choose the limit with "
            "that in mind. Tick the option to include medium-risk sub-districts.\n"
            "The gap layer says why for each sub-district, with the nearest responder's name, "
            "type and distance, and is styled by why (stored in the output file when it is a "
            "GeoPackage). DATA_YEAR may be Buddhist era (2567) or Common Era (2024). "
            "See docs/analysis.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_KM, self.tr("Travel distance to the nearest responder (km, straight line)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=30.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_MEDIUM, self.tr("Include medium-risk sub-districts"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Network gaps"), QgsProcessing.SourceType.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        classes = ("high", "medium") if self.parameterAsBool(
            parameters, self.INCLUDE_MEDIUM, context) else ("high",)
        max_km = self.parameterAsDouble(parameters, self.MAX_KM, context)
        found = self.run_core(lambda: coverage.gaps(database, year, max_km, classes,
                                                    feedback=feedback),
                              self.tr("Canceled: nothing was written."))
        dest = self.write_rows(parameters, context, self.OUTPUT, GAP_FIELDS, found, feedback,
                               multipolygon, QgsWkbTypes.MultiPolygon)
        feedback.pushInfo(self.tr("{} sub-districts of class {} lack a covering or near "
                                  "responder ({} km).").format(len(found), " or ".join(classes),
                                                               max_km))
        self._dest = dest
        style_output_on_load(context, dest, STYLE_NAME, qml_style(STYLE_NAME))
        return {self.OUTPUT: dest}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        store_output_style(context, getattr(self, "_dest", None), STYLE_NAME,
                           self.tr("Network gaps by why"), qml_style(STYLE_NAME), feedback)
        return {}
