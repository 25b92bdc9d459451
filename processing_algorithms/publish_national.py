"""trafficking:publishnational — a province's analysis tables into the national PostGIS database."""
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..trafficking_plugin.core.dissemination import national, national_schema
from ..trafficking_plugin.core.feedback import Canceled
from ..trafficking_plugin.core.shipped_data import plugin_version
from ..trafficking_plugin.core.thai_calendar import ce_year
from ..trafficking_plugin.outputs.styles import style_path
from . import national_connection
from .base import TraffickingAlgorithm


def plugin_styles():
    """{table: QML} of the plugin's styles for the published layers that have one."""
    styles = {}
    for published in national_schema.PUBLISHED:
        if published.geometry and os.path.exists(style_path(published.table)):
            with open(style_path(published.table), encoding="utf-8") as f:
                styles[published.table] = f.read()
    return styles


class PublishNational(TraffickingAlgorithm):
    GROUP, GROUP_NAME = "outputs", "Outputs"
    DATABASE, DATA_YEAR, CONNECTION, URI, SCHEMA = "DATABASE", "DATA_YEAR", "CONNECTION", "URI", "SCHEMA"

    def name(self):
        return "publishnational"

    def displayName(self):  # noqa: N802
        return self.tr("Publish to the national database")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Publishes a data year of the province database into the national PostgreSQL/PostGIS "
            "database, in one schema, every row keyed by province_code and data_year: {}. "
            "Pseudonymised analysis tables only: never the identity file, staging, the network's "
            "people or the cases.\n"
            "Re-publishing a province and year replaces its rows in one transaction: an error or "
            "cancel leaves the national database as it was. The roll-up views risk_by_province "
            "and risk_by_district sum all provinces, and the layers' styles go to "
            "public.layer_styles so QGIS opens them styled.\n"
            "Connection: a PostgreSQL connection saved in QGIS (Browser), or a service or URI "
            "such as service=national or host=... dbname=... authcfg=ab12cd3. The password comes "
            "from QGIS's authentication manager (authcfg, method Basic), the saved connection or "
            "~/.pgpass; a URI holding a password is refused. See docs/national.md."
        ).format(", ".join(p.table for p in national_schema.PUBLISHED))

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_database_parameter()
        self.add_data_year_parameter()
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.CONNECTION, self.tr("National database: QGIS PostgreSQL connection"), "postgres",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.URI, self.tr("…or a service / URI (no password; authcfg=... for one)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, self.tr("National schema"), defaultValue="trafficking"))
        self.addOutput(QgsProcessingOutputString("PROVINCE", self.tr("Province published")))
        self.addOutput(QgsProcessingOutputNumber("ROWS", self.tr("Rows published")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.parameterAsFile(parameters, self.DATABASE, context)
        year = ce_year(self.parameterAsInt(parameters, self.DATA_YEAR, context))
        schema = self.parameterAsString(parameters, self.SCHEMA, context) or "trafficking"
        params = self._connection(parameters, context)
        feedback.pushInfo(self.tr("Publishing {} ({}) to {}").format(
            database, year, national.describe(params)))
        try:
            result = national.publish(database, params, year, schema=schema, styles=plugin_styles(),
                                      plugin_version=plugin_version(), feedback=feedback)
        except Canceled:
            raise QgsProcessingException(self.tr(
                "Canceled: the national database was left as it was.")) from None
        except national.NationalError as error:
            raise QgsProcessingException(str(error)) from None
        for table, rows in result["rows"].items():
            feedback.pushInfo(self.tr("{}: {} rows").format(table, rows))
        return {"PROVINCE": result["province_code"], "ROWS": sum(result["rows"].values())}

    def _connection(self, parameters, context):
        name = self.parameterAsConnectionName(parameters, self.CONNECTION, context)
        uri = self.parameterAsString(parameters, self.URI, context)
        if bool(name) == bool(uri):
            raise QgsProcessingException(self.tr(
                "Give either a QGIS PostgreSQL connection or a service / URI for the national "
                "database (one of the two)."))
        try:
            if name:
                return national_connection.from_connection_name(name)
            return national_connection.from_uri(uri)
        except national_connection.NationalConnectionError as error:
            raise QgsProcessingException(str(error)) from None
