"""trafficking:analysecaseroutes — lessons-learned cases as weighted routes, transit places and tables."""
from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from ..trafficking_plugin.core.cases import routes
from ..trafficking_plugin.outputs.styles import qml_style, store_output_style, style_output_on_load
from .base import TraffickingAlgorithm, line_xy, point_xy, tr_noop

_S, _I, _R = QVariant.String, QVariant.Int, QVariant.Double
ROUTE_FIELDS = (("origin", _S), ("origin_name", _S), ("origin_country", _S), ("destination", _S),
                ("destination_name", _S), ("destination_country", _S), ("abroad", _I),
                ("cases", _I), ("first_year", _S), ("last_year", _S))
TRANSIT_FIELDS = (("key", _S), ("name", _S), ("country", _S), ("village_code", _S), ("cases", _I))
TABLE_FIELDS = (("dimension", _S), ("value", _S), ("cases", _I), ("share", _R))
VILLAGE_FIELDS = (("village_code", _S), ("name_th", _S), ("subdistrict_code", _S),
                  ("subdistrict_name", _S), ("district_code", _S), ("district_name", _S),
                  ("cases", _I))
# Output -> (QML stem in styles/, style description): stored in the outputs and applied on loading.
STYLES = {"OUTPUT_ROUTES": ("case_route", tr_noop("Routes: arrows by cases, abroad or within Thailand")),
          "OUTPUT_TRANSIT": ("case_transit", tr_noop("Transit places by cases")),
          "OUTPUT_VILLAGES": ("case_village", tr_noop("Villages victims came from, by cases"))}



class AnalyseCaseRoutes(TraffickingAlgorithm):
    OUTPUT_ROUTES = "OUTPUT_ROUTES"
    OUTPUT_TRANSIT = "OUTPUT_TRANSIT"
    OUTPUT_TABLES = "OUTPUT_TABLES"
    OUTPUT_VILLAGES = "OUTPUT_VILLAGES"

    def name(self):
        return "analysecaseroutes"

    def displayName(self):  # noqa: N802
        return self.tr("Analyse case routes")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Lessons-learned cases (tables case and case_event) as routes from where victims were "
            "recruited to where they were exploited, in Thailand or abroad.\n"
            "Routes: one line per origin and destination, weighted by the number of cases (origin "
            "= the case's first recruitment event, destination = its last exploitation event). "
            "Transit places: points with the number of cases that passed through. Tables: cases "
            "by recruitment method, means of control, exploitation type, age band, sex and year "
            "(a case with several methods counts under each). Villages: where victims were "
            "recruited, cases per village code.\n"
            "Nothing is written into the province database; victims are never named. The risk "
            "index reads the cases too: a household member of a case victim scores 3 on I20. "
            "See docs/analysis.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROUTES, self.tr("Case routes (origin to destination)"),
            QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TRANSIT, self.tr("Transit places"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLES, self.tr("Cases by recruitment, control, exploitation, age, sex, year"),
            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_VILLAGES, self.tr("Villages victims came from"),
            QgsProcessing.SourceType.TypeVectorPoint))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        found = self.run_core(lambda: routes.analyse(database, feedback=feedback),
                              self.tr("Canceled: nothing was written."))
        if not found.cases:
            feedback.pushWarning(self.tr("The database has no cases: the outputs are empty."))
        results = {}
        for key, spec, rows, geometry, wkb_type in (
                (self.OUTPUT_ROUTES, ROUTE_FIELDS, found.routes, line_xy, QgsWkbTypes.LineString),
                (self.OUTPUT_TRANSIT, TRANSIT_FIELDS, found.transit, point_xy, QgsWkbTypes.Point),
                (self.OUTPUT_TABLES, TABLE_FIELDS, found.breakdown, None, QgsWkbTypes.NoGeometry),
                (self.OUTPUT_VILLAGES, VILLAGE_FIELDS, found.villages, point_xy, QgsWkbTypes.Point)):
            results[key] = self.write_rows(parameters, context, key, spec, rows, feedback,
                                           geometry, wkb_type)
        feedback.pushInfo(self.tr("{} cases: {} routes, {} transit places, {} villages.").format(
            found.cases, len(found.routes), len(found.transit), len(found.villages)))
        for key, (stem, _) in STYLES.items():
            style_output_on_load(context, results[key], stem, qml_style(stem))
        self._dests = results
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        dests = getattr(self, "_dests", {})
        for key, (stem, description) in STYLES.items():
            store_output_style(context, dests.get(key), stem, self.tr(description), qml_style(stem),
                               feedback)
        return {}
