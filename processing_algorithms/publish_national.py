"""trafficking:publishnational — a province's analysis tables into the national PostGIS database.

The national database's connection comes from QGIS: a saved PostgreSQL connection or a
service/URI, with the password from QGIS's authentication manager (authcfg). The result is libpq
keyword parameters held in memory for one publication; the plugin writes them nowhere. A URI
typed into the algorithm must not carry a password: Processing keeps its parameters in the
history in plain text.
"""
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
    QgsProviderConnectionException,
    QgsProviderRegistry,
)

from ..trafficking_plugin.core.dissemination import national, national_schema
from .base import TraffickingAlgorithm, tr


class PublishNational(TraffickingAlgorithm):
    CONNECTION, URI, SCHEMA, RERELEASE = "CONNECTION", "URI", "SCHEMA", "RERELEASE"

    def name(self):
        return "publishnational"

    def displayName(self):  # noqa: N802
        return self.tr("Publish to the national database")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Publishes a data year of the province database into the national PostgreSQL/PostGIS "
            "database, in one schema, every row keyed by province_code and data_year: {}. "
            "Areas, not persons: the risk counts are the year's protected figures, the same cells "
            "as the public export with the same cells suppressed (k, rounding and dominance as the "
            "year was first published with, else k = 11), and the publication is recorded in the "
            "export register. Never a per-person row, pseudonym, the identity file, staging, the "
            "network's people or the cases; per-person rows an earlier version published for the "
            "province are deleted.\n"
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
        self.add_rerelease_parameter()
        self.addOutput(QgsProcessingOutputString("PROVINCE", self.tr("Province published")))
        self.addOutput(QgsProcessingOutputNumber("ROWS", self.tr("Rows published")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        database = self.database(parameters, context)
        year = self.data_year(parameters, context)
        schema = self.parameterAsString(parameters, self.SCHEMA, context) or "trafficking"
        params = self._connection(parameters, context)
        feedback.pushInfo(self.tr("Publishing {} ({}) to {}").format(
            database, year, national.describe(params)))
        rerelease = self.parameterAsString(parameters, self.RERELEASE, context)
        result = self.run_core(lambda: national.publish(database, params, year, schema=schema,
                                                        feedback=feedback, rerelease=rerelease),
                               self.tr("Canceled: the national database was left as it was."))
        for table, rows in result.rows.items():
            feedback.pushInfo(self.tr("{}: {} rows").format(table, rows))
        return {"PROVINCE": result.province_code, "ROWS": sum(result.rows.values())}

    def _connection(self, parameters, context):
        name = self.parameterAsConnectionName(parameters, self.CONNECTION, context)
        uri = self.parameterAsString(parameters, self.URI, context)
        if bool(name) == bool(uri):
            raise QgsProcessingException(self.tr(
                "Give either a QGIS PostgreSQL connection or a service / URI for the national "
                "database (one of the two)."))
        try:
            if name:
                return from_connection_name(name)
            return from_uri(uri)
        except NationalConnectionError as error:
            raise QgsProcessingException(str(error)) from None


class NationalConnectionError(Exception):
    """The connection could not be resolved; the message says what to fix."""


def from_connection_name(name):
    """libpq parameters of the QGIS PostgreSQL connection ``name`` (Browser > PostgreSQL)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.findConnection(name)
    except QgsProviderConnectionException:
        connection = None
    if connection is None:
        raise NationalConnectionError(tr("There is no PostgreSQL connection named {!r} in QGIS")
                                      .format(name))
    return _params(QgsDataSourceUri(connection.uri()))


def from_uri(text):
    """libpq parameters of a QGIS-style URI or libpq string, e.g. ``service=national`` or
    ``host=db.example port=5432 dbname=national authcfg=ab12cd3``."""
    uri = QgsDataSourceUri(text)
    if uri.password():
        raise NationalConnectionError(tr(
            "The connection text holds a password. Put it in QGIS's authentication manager and "
            "give authcfg=<id> instead (or use a service with ~/.pgpass): Processing keeps its "
            "parameters in plain text."))
    return _params(uri)


def _params(uri):
    params = {"host": uri.host(), "port": uri.port(), "dbname": uri.database(),
              "user": uri.username(), "password": uri.password(), "service": uri.service(),
              "sslmode": _sslmode(uri)}
    if uri.authConfigId():
        params.update(_credentials(uri.authConfigId()))
    return {k: v for k, v in params.items() if v not in (None, "")}


def _sslmode(uri):
    mode = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    return "" if mode in ("", "prefer") else mode


def _credentials(authcfg):
    """User name and password of a Basic authentication configuration."""
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True):
        raise NationalConnectionError(tr(
            "The authentication configuration {!r} cannot be read (is it in this profile, and the "
            "master password entered?)").format(authcfg))
    if config.method() != "Basic":
        raise NationalConnectionError(tr(
            "The authentication configuration {!r} uses method {!r}: publishing supports Basic "
            "(user name and password)").format(authcfg, config.method()))
    return {"user": config.config("username"), "password": config.config("password")}
