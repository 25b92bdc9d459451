"""trafficking:preventiontargets — the ranked work list: villages to work in, persons to invite."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..trafficking_plugin.core.risk import prevention_targets
from ..trafficking_plugin.i18n.translation import year_text
from .base import TraffickingAlgorithm, point_xy, tr_noop

_S, _I, _R = QVariant.String, QVariant.Int, QVariant.Double
VILLAGE_FIELDS = (
    ("rank", _I), ("code", _S), ("name_th", _S), ("moo", _I), ("subdistrict_code", _S),
    ("subdistrict_name", _S), ("district_code", _S), ("district_name", _S),
    ("persons_scored", _I), ("persons_at_risk", _R), ("persons_high", _I), ("share_high", _R),
    ("mean_index", _R),
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
        self.add_number_outputs(MONITORING_OUTPUTS)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        identity = self.optional_file(parameters, self.IDENTITY, context)
        feedback.pushInfo(self.tr("Work list of data year {} from {}…").format(year_text(year),
                                                                                database))

        def make_list():
            # Checked before a sink is made: making one writes the file.
            prevention_targets.check_outputs(database, identity, {
                key: self.parameterAsOutputLayer(parameters, key, context)
                for key in (self.OUTPUT_VILLAGES, self.OUTPUT_PERSONS)})
            return prevention_targets.work_list(
                database, year, self.parameterAsInt(parameters, self.VILLAGES, context),
                self.parameterAsInt(parameters, self.PERSONS_PER_VILLAGE, context), identity,
                feedback=feedback)

        found = self.run_core(make_list, self.tr("Canceled: no work list was written."))
        for message in found.messages:
            feedback.pushInfo(message)
        if found.resolved:
            feedback.pushWarning(self.tr(
                "The persons output holds names and addresses: personal data about children and "
                "possible trafficking victims. Keep it for authorised staff only, do not share or "
                "publish it, and delete it when the work is done."))
        results = {
            self.OUTPUT_VILLAGES: self.write_rows(
                parameters, context, self.OUTPUT_VILLAGES, VILLAGE_FIELDS, found.villages,
                feedback, point_xy, QgsWkbTypes.Point),
            self.OUTPUT_PERSONS: self.write_rows(
                parameters, context, self.OUTPUT_PERSONS,
                PERSON_FIELDS + (IDENTITY_FIELDS if found.resolved else ()), found.persons,
                feedback)}
        feedback.pushInfo(self.tr("{} villages and {} persons listed.").format(
            len(found.villages), len(found.persons)))
        monitored = found.monitoring
        if monitored:
            share = monitored.share_high
            results.update(SHARE_HIGH=share[year], SHARE_HIGH_PREVIOUS=share[monitored.previous_year],
                           SHARE_CHANGE=monitored.share_change, UNREACHED=len(monitored.unreached))
        return results
