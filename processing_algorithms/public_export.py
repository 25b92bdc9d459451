"""trafficking:publicexport — aggregate tables and a map layer safe for the public and the media."""
from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..trafficking_plugin.core.dissemination import public_export
from .base import TraffickingAlgorithm, tr_noop


class PublicExport(TraffickingAlgorithm):
    LEVEL = "LEVEL"
    BY_AGE_BAND, BY_SEX, K, ROUNDING = "BY_AGE_BAND", "BY_SEX", "K", "ROUNDING"
    DOMINANCE = "DOMINANCE"
    RERELEASE = "RERELEASE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def name(self):
        return "publicexport"

    def displayName(self):  # noqa: N802
        return self.tr("Public export (protected aggregates)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Aggregate tables safe for the public and the media from a scored data year: persons "
            "scored and at high, medium and low risk, counts and shares, by area (province, "
            "district, sub-district) and optionally by age band and sex. Never a person.\n"
            "Every cell under k persons (default 11, as CTDC publishes) is suppressed, and further "
            "cells are suppressed so that no suppressed cell can be worked out from the totals, "
            "margins or the other area levels. A group with 90 % or more of its persons in one "
            "risk class (e.g. all 14 girls of a sub-district at high risk) has its class counts "
            "suppressed too, zeros included, so the table does not tell each member's class. "
            "Shares come from published counts only. Counts may be rounded to a base (e.g. 5) "
            "after suppression.\n"
            "A data year is protected once, the first time it is published, and every later "
            "export (any level or breakdown) and the national publication show the same cells and "
            "leave the same cells empty, so that together they give nothing away; each is recorded "
            "in the export register (export_register). An export with other k, rounding or "
            "dominance, or after the year's data changed, is refused, saying what was published: "
            "to publish the year anew, give the reason for a re-release.\n"
            "Writes to the output folder: one CSV per area level, an XLSX with one sheet per table, "
            "a GeoPackage and a GeoJSON of the deepest level with its boundaries for web maps, and "
            "README.txt; each says how it was protected. Never writes into the province database. "
            "See docs/public_export.md.")

    def initAlgorithm(self, config=None):  # noqa: N802
        number = QgsProcessingParameterNumber
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.LEVEL, self.tr("Areas down to"),
            options=[self.tr(level) for level in public_export.LEVELS],   # marked in base.ENUM_WORDS
            defaultValue=2))   # sub-districts: ~25 s at Chiang Mai's volume (docs/public_export.md)
        self.addParameter(QgsProcessingParameterBoolean(
            self.BY_AGE_BAND, self.tr("Break down by age band"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.BY_SEX, self.tr("Break down by sex"), defaultValue=True))
        self.addParameter(number(self.K, self.tr("Smallest count published (k)"),
                                 number.Type.Integer, defaultValue=11, minValue=2))
        self.addParameter(number(self.ROUNDING, self.tr("Round counts to a multiple of (1: none)"),
                                 number.Type.Integer, defaultValue=1, minValue=1))
        dominance = number(self.DOMINANCE, self.tr("Hide a group's risk-class counts when one "
                                                   "class holds this share of it or more (1: only "
                                                   "when everyone is in one class)"),
                           number.Type.Double, defaultValue=public_export.DOMINANCE, minValue=0.5,
                           maxValue=1.0)
        dominance.setFlags(dominance.flags() | dominance.FlagAdvanced)
        self.addParameter(dominance)
        self.add_rerelease_parameter()
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.add_number_outputs((("CELLS", tr_noop("Cells in the tables")),
                                 ("PRIMARY", tr_noop("Cells suppressed under k")),
                                 ("SECONDARY", tr_noop("Cells suppressed to protect others"))))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        summary = self.run_core(lambda: public_export.export(
            database, year, folder,
            level=public_export.LEVELS[self.parameterAsEnum(parameters, self.LEVEL, context)],
            by_age_band=self.parameterAsBool(parameters, self.BY_AGE_BAND, context),
            by_sex=self.parameterAsBool(parameters, self.BY_SEX, context),
            k=self.parameterAsInt(parameters, self.K, context),
            rounding=self.parameterAsInt(parameters, self.ROUNDING, context),
            dominance=self.parameterAsDouble(parameters, self.DOMINANCE, context),
            rerelease=self.parameterAsString(parameters, self.RERELEASE, context),
            feedback=feedback), self.tr("Canceled: the export is incomplete."))
        feedback.pushInfo(summary.note)
        return {self.OUTPUT_FOLDER: folder, "CELLS": summary.cells, "PRIMARY": summary.primary,
                "SECONDARY": summary.secondary}
