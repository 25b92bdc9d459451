"""trafficking:preventiontargets — the ranked work list: villages to work in, persons to invite."""
import sqlite3

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..trafficking_plugin.core.feedback import Canceled
from ..trafficking_plugin.core.ingest.pseudonym import default_identity_path
from ..trafficking_plugin.core.risk import monitoring, prevention_targets
from ..trafficking_plugin.core.thai_calendar import ce_year
from .base import TraffickingAlgorithm, sink_fields, tr_noop

_S, _I, _R = QVariant.String, QVariant.Int, QVariant.Double
VILLAGE_FIELDS = (
    ("rank", _I), ("code", _S), ("name_th", _S), ("moo", _I), ("subdistrict_code", _S),
    ("subdistrict_name", _S), ("district_code", _S), ("district_name", _S),
    ("persons_scored", _I), ("persons_high", _I), ("share_high", _R), ("mean_index", _R),
    ("risk_class", _S), ("drivers", _S), ("drivers_en", _S), ("drivers_th", _S),
    ("persons_listed", _I), ("activities_this_year", _I), ("no_activity", _I))
# Programme monitoring (core/risk/monitoring.py): numbers of the data year against the year before.
MONITORING_OUTPUTS = (
    ("SHARE_HIGH", tr_noop("Share of activities in high-risk areas (data year)")),
    ("SHARE_HIGH_PREVIOUS", tr_noop("Share of activities in high-risk areas (previous year)")),
    ("SHARE_CHANGE", tr_noop("Change of that share (percentage points)")),
    ("UNREACHED", tr_noop("High-risk villages without activity this year")))
PERSON_FIELDS = (
    ("village_rank", _I), ("rank", _I), ("village_code", _S), ("village_name", _S),
    ("person_key", _S), ("age", _I), ("age_band", _S), ("sex", _S), ("risk_index", _R),
    ("risk_class", _S), ("selection", _S), ("drivers", _S), ("why", _S), ("why_th", _S))
IDENTITY_FIELDS = (("name", _S), ("address", _S), ("address_source", _S))



class PreventionTargets(TraffickingAlgorithm):
    GROUP, GROUP_NAME = "outputs", "Outputs"
    DATABASE = "DATABASE"
    DATA_YEAR = "DATA_YEAR"
    VILLAGES = "VILLAGES"
    PERSONS_PER_VILLAGE = "PERSONS_PER_VILLAGE"
    IDENTITY = "IDENTITY"
    OUTPUT_VILLAGES = "OUTPUT_VILLAGES"
    OUTPUT_PERSONS = "OUTPUT_PERSONS"

    def name(self):
        return "preventiontargets"

    def displayName(self):  # noqa: N802
        return self.tr("Prevention targets (work list)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "A ranked work list for a scored data year (run trafficking:scoreriskindex first): the "
            "villages to work in and, in each, the persons to invite, with the indicators that "
            "drive them.\n"
            "Villages rank by the number of high-risk persons, then the share of high-risk persons, "
            "then the mean index. Within a village, high-risk persons come first by risk index; "
            "when fewer than asked are high, medium-risk persons fill the list and the selection "
            "column says so.\n"
            "Persons are shown by pseudonym. Only when you give the identity file "
            "(<database>.identity.sqlite) are their names and addresses added, after checking that "
            "the file belongs to this database. Such an output holds personal data about children "
            "and possible victims: keep it for authorised staff only. Outputs are never written "
            "into the province database. DATA_YEAR may be Buddhist era (2567) or Common Era (2024).\n"
            "Programme monitoring: each listed village shows its activities this year and "
            "no_activity = 1 for a high-risk village no activity reached; the log and the outputs "
            "give the high-risk villages without activity and the share of activities held in "
            "high-risk areas this year and the year before (trafficking:monitoractivities maps "
            "the shift).\n"
            "See docs/prevention_targets.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.VILLAGES, self.tr("Villages to list"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=20, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.PERSONS_PER_VILLAGE, self.tr("Persons to invite per village"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=20, minValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.IDENTITY, self.tr("Identity file, for names and addresses (authorised staff "
                                   "only; leave empty for pseudonyms)"),
            extension="sqlite", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_VILLAGES, self.tr("Villages to work in"),
            QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PERSONS, self.tr("Persons to invite"), QgsProcessing.SourceType.TypeVector))
        for key, label in MONITORING_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        year = ce_year(self.parameterAsInt(parameters, self.DATA_YEAR, context))
        identity = self.parameterAsFile(parameters, self.IDENTITY, context) or None
        # Checked before a sink is made: making one writes the file.
        for key in (self.OUTPUT_VILLAGES, self.OUTPUT_PERSONS):
            out = prevention_targets.output_file(self.parameterAsOutputLayer(parameters, key, context))
            for guarded in (database, identity or default_identity_path(database)):
                if prevention_targets.same_file(out, guarded):
                    raise QgsProcessingException(self.tr(
                        "{} would be written into {}: the work list goes to a file of its own, "
                        "never into the province database or its identity file. Choose another "
                        "output file.").format(key, guarded))
        feedback.pushInfo(self.tr("Work list of data year {} from {}…").format(year, database))
        try:
            found = prevention_targets.work_list(
                database, year, self.parameterAsInt(parameters, self.VILLAGES, context),
                self.parameterAsInt(parameters, self.PERSONS_PER_VILLAGE, context), identity,
                feedback=feedback)
        except Canceled:
            raise QgsProcessingException(self.tr("Canceled: no work list was written.")) from None
        except prevention_targets.TargetsError as error:
            raise QgsProcessingException(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise self.database_unreadable(database, error) from None
        for message in found["messages"]:
            feedback.pushInfo(message)
        if found["resolved"]:
            feedback.pushWarning(self.tr(
                "The persons output holds names and addresses: personal data about children and "
                "possible trafficking victims. Keep it for authorised staff only, do not share or "
                "publish it, and delete it when the work is done."))

        monitored = self._monitoring(database, year, feedback)
        reached = monitored["activities_by_village"] if monitored else {}
        unreached = {v["code"] for v in monitored["unreached"]} if monitored else set()
        listed = {}
        for person in found["persons"]:
            listed[person["village_code"]] = listed.get(person["village_code"], 0) + 1
        village_fields = sink_fields(VILLAGE_FIELDS)
        sink, villages_id = self.parameterAsSink(
            parameters, self.OUTPUT_VILLAGES, context, village_fields, QgsWkbTypes.Point,
            QgsCoordinateReferenceSystem("EPSG:4326"))
        for village in found["villages"]:
            feature = QgsFeature(village_fields)
            extra = {"persons_listed": listed.get(village["code"], 0),
                     "activities_this_year": reached.get(village["code"], 0) if monitored else None,
                     "no_activity": int(village["code"] in unreached) if monitored else None}
            feature.setAttributes([extra[name] if name in extra else village[name]
                                   for name, _ in VILLAGE_FIELDS])
            if village["x"] is not None:
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(village["x"], village["y"])))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)

        spec = PERSON_FIELDS + (IDENTITY_FIELDS if found["resolved"] else ())
        person_fields = sink_fields(spec)
        sink, persons_id = self.parameterAsSink(
            parameters, self.OUTPUT_PERSONS, context, person_fields, QgsWkbTypes.NoGeometry)
        for person in found["persons"]:
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Canceled: the work list is incomplete."))
            feature = QgsFeature(person_fields)
            feature.setAttributes([person[name] for name, _ in spec])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(self.tr("{} villages and {} persons listed.").format(
            len(found["villages"]), len(found["persons"])))
        results = {self.OUTPUT_VILLAGES: villages_id, self.OUTPUT_PERSONS: persons_id}
        if monitored:
            share = monitored["share_high"]
            results.update(SHARE_HIGH=share[year],
                           SHARE_HIGH_PREVIOUS=share[monitored["previous_year"]],
                           SHARE_CHANGE=monitored["share_change"],
                           UNREACHED=len(monitored["unreached"]))
        return results

    def _monitoring(self, database, year, feedback):
        """The monitoring figures (core/risk/monitoring.py) and their log lines; None, with a note,
        when the database cannot give them (an activity table of an older plugin)."""
        try:
            monitored = monitoring.monitor(database, year)
        except monitoring.MonitoringError as error:
            feedback.pushInfo(self.tr("Programme monitoring left out: {}").format(error))
            return None
        for line in monitoring.summary_lines(monitored):
            feedback.pushInfo(line)
        return monitored
