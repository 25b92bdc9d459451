"""trafficking:analysecaseroutes — lessons-learned cases as weighted routes, transit places and tables."""
import sqlite3

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..trafficking_plugin.core.cases import routes
from ..trafficking_plugin.core.feedback import Canceled
from ..trafficking_plugin.outputs.styles import qml_style, store_output_style, style_output_on_load
from .base import TraffickingAlgorithm, sink_fields, tr_noop

_S, _I, _R = QVariant.String, QVariant.Int, QVariant.Double
ROUTE_FIELDS = (("origin", _S), ("origin_name", _S), ("origin_country", _S), ("destination", _S),
                ("destination_name", _S), ("destination_country", _S), ("abroad", _I),
                ("cases", _I), ("first_year", _S), ("last_year", _S))
TRANSIT_FIELDS = (("key", _S), ("name", _S), ("country", _S), ("village_code", _S), ("cases", _I))
TABLE_FIELDS = (("dimension", _S), ("value", _S), ("cases", _I), ("share", _R))
VILLAGE_FIELDS = (("village_code", _S), ("name_th", _S), ("subdistrict_code", _S),
                  ("subdistrict_name", _S), ("district_code", _S), ("district_name", _S),
                  ("cases", _I))
WGS84 = "EPSG:4326"
# Output -> (QML stem in styles/, style description): stored in the outputs and applied on loading.
STYLES = {"OUTPUT_ROUTES": ("case_route", tr_noop("Routes: arrows by cases, abroad or within Thailand")),
          "OUTPUT_TRANSIT": ("case_transit", tr_noop("Transit places by cases")),
          "OUTPUT_VILLAGES": ("case_village", tr_noop("Villages victims came from, by cases"))}



class AnalyseCaseRoutes(TraffickingAlgorithm):
    GROUP, GROUP_NAME = "analysis", "Analysis"
    DATABASE = "DATABASE"
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
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        try:
            found = routes.analyse(database, feedback=feedback)
        except Canceled:
            raise QgsProcessingException(self.tr("Canceled: nothing was written.")) from None
        except routes.CaseRoutesError as error:
            raise QgsProcessingException(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise self.database_unreadable(database, error) from None
        if not found["cases"]:
            feedback.pushWarning(self.tr("The database has no cases: the outputs are empty."))
        crs = QgsCoordinateReferenceSystem(WGS84)
        results = {}

        def write(key, spec, wkb_type, rows, geometry):
            fields = sink_fields(spec)
            sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
            for row in rows:
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Canceled: the outputs are incomplete."))
                feature = QgsFeature(fields)
                feature.setAttributes([row[name] for name, _ in spec])
                shape = geometry(row)
                if shape is not None:
                    feature.setGeometry(shape)
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            results[key] = dest

        def line(row):
            if None in (row["x1"], row["y1"], row["x2"], row["y2"]):
                return None
            return QgsGeometry.fromPolylineXY([QgsPointXY(row["x1"], row["y1"]),
                                               QgsPointXY(row["x2"], row["y2"])])

        def point(row):
            if row["x"] is None:
                return None
            return QgsGeometry.fromPointXY(QgsPointXY(row["x"], row["y"]))

        write(self.OUTPUT_ROUTES, ROUTE_FIELDS, QgsWkbTypes.LineString, found["routes"], line)
        write(self.OUTPUT_TRANSIT, TRANSIT_FIELDS, QgsWkbTypes.Point, found["transit"], point)
        write(self.OUTPUT_TABLES, TABLE_FIELDS, QgsWkbTypes.NoGeometry, found["breakdown"],
              lambda row: None)
        write(self.OUTPUT_VILLAGES, VILLAGE_FIELDS, QgsWkbTypes.Point, found["villages"], point)
        feedback.pushInfo(self.tr("{} cases: {} routes, {} transit places, {} villages.").format(
            found["cases"], len(found["routes"]), len(found["transit"]), len(found["villages"])))
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
