"""trafficking:monitoractivities — where the prevention activities went: the shift as a map and a
number, and the high-risk villages no activity reached this year."""
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsRendererRange,
    QgsSymbol,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ..trafficking_plugin.core.risk import monitoring
from ..trafficking_plugin.outputs.styles import store_output_style, style_output_on_load
from .base import TraffickingAlgorithm, multipolygon, point_xy, tr_noop

_S, _I, _R = QVariant.String, QVariant.Int, QVariant.Double
DISTRICT_FIELDS = (("code", _S), ("name_th", _S), ("data_year", _I), ("previous_year", _I),
                   ("risk_class", _S), ("activities", _I), ("activities_previous", _I),
                   ("change", _I), ("share", _R), ("share_previous", _R), ("share_change", _R),
                   ("high_villages", _I), ("unreached_villages", _I))
VILLAGE_FIELDS = (("code", _S), ("name_th", _S), ("moo", _I), ("subdistrict_code", _S),
                  ("subdistrict_name", _S), ("district_code", _S), ("district_name", _S),
                  ("persons_scored", _I), ("persons_high", _I), ("share_high", _R))
# share_change (percentage points of the province's activities): purple where the district lost
# its share, green where it gained; pale for about the same.
SHIFT_CLASSES = ((-1000.0, -10.0, "#762a83", "−10 pp or more / ลดลงมาก"),
                 (-10.0, -3.0, "#c2a5cf", "−3 to −10 pp / ลดลง"),
                 (-3.0, 3.0, "#f7f7f7", "about the same (±3 pp) / ใกล้เคียงเดิม"),
                 (3.0, 10.0, "#a6dba0", "+3 to +10 pp / เพิ่มขึ้น"),
                 (10.0, 1000.0, "#1b7837", "+10 pp or more / เพิ่มขึ้นมาก"))
STYLE_NAME = "activity_shift"


def shift_renderer():
    """Districts graduated by share_change, diverging purple (fewer) to green (more)."""
    ranges = []
    for low, high, colour, label in SHIFT_CLASSES:
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PolygonGeometry)
        symbol.setColor(QColor(colour))
        ranges.append(QgsRendererRange(low, high, symbol, label))
    return QgsGraduatedSymbolRenderer("share_change", ranges)


def _apply_shift_style(layer):
    layer.setRenderer(shift_renderer())
    return True


class MonitorActivities(TraffickingAlgorithm):
    DATABASE = "DATABASE"
    DATA_YEAR = "DATA_YEAR"
    OUTPUT_DISTRICTS = "OUTPUT_DISTRICTS"
    OUTPUT_UNREACHED = "OUTPUT_UNREACHED"

    def name(self):
        return "monitoractivities"

    def displayName(self):  # noqa: N802
        return self.tr("Monitor prevention activities (the shift)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Are the prevention activities where the risk is? For a scored data year (run "
            "trafficking:scoreriskindex first) and the year before:\n"
            "- the share of activities held in high-risk areas (a village, or its sub-district, "
            "classed high in the data year) in both years, and its change in percentage points "
            "(outputs SHARE_HIGH, SHARE_HIGH_PREVIOUS, SHARE_CHANGE, and the log);\n"
            "- a district layer with the activities of both years, the change, each district's "
            "share of the province's activities and its change, styled purple (lost share) to "
            "green (gained): the north-to-south shift as a map;\n"
            "- the high-risk villages with no activity in the data year (points).\n"
            "Nothing is written to the province database. See docs/monitoring.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_DISTRICTS, self.tr("Activities by district (the shift)"),
            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_UNREACHED, self.tr("High-risk villages without activity this year"),
            QgsProcessing.SourceType.TypeVectorPoint))
        self.add_number_outputs((
            ("ACTIVITIES", tr_noop("Activities in the data year")),
            ("ACTIVITIES_PREVIOUS", tr_noop("Activities in the previous year")),
            ("SHARE_HIGH", tr_noop("Share of activities in high-risk areas (data year)")),
            ("SHARE_HIGH_PREVIOUS", tr_noop("Share of activities in high-risk areas (previous year)")),
            ("SHARE_CHANGE", tr_noop("Change of that share (percentage points)")),
            ("HIGH_VILLAGES", tr_noop("High-risk villages")),
            ("UNREACHED", tr_noop("High-risk villages without activity this year"))))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        found = self.run_core(lambda: monitoring.monitor(database, year, feedback),
                              self.tr("Canceled: nothing was written."))
        for line in monitoring.summary_lines(found):
            feedback.pushInfo(line)
        districts = [{**row, "data_year": year, "previous_year": found.previous_year}
                     for row in found.districts]
        districts_id = self.write_rows(parameters, context, self.OUTPUT_DISTRICTS, DISTRICT_FIELDS,
                                       districts, feedback, multipolygon, QgsWkbTypes.MultiPolygon)
        unreached_id = self.write_rows(parameters, context, self.OUTPUT_UNREACHED, VILLAGE_FIELDS,
                                       found.unreached, feedback, point_xy, QgsWkbTypes.Point)
        self._dest = districts_id
        style_output_on_load(context, districts_id, STYLE_NAME, _apply_shift_style)
        share, before = found.share_high, found.previous_year
        return {self.OUTPUT_DISTRICTS: districts_id, self.OUTPUT_UNREACHED: unreached_id,
                "ACTIVITIES": found.activities[year], "ACTIVITIES_PREVIOUS": found.activities[before],
                "SHARE_HIGH": share[year], "SHARE_HIGH_PREVIOUS": share[before],
                "SHARE_CHANGE": found.share_change, "HIGH_VILLAGES": len(found.high_villages),
                "UNREACHED": len(found.unreached)}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        store_output_style(context, getattr(self, "_dest", None), STYLE_NAME,
                           self.tr("Shift of activities by district"), _apply_shift_style, feedback)
        return {}
