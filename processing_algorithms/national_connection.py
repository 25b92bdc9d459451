"""The national database's connection from QGIS: a saved PostgreSQL connection or a service/URI,
with the password from QGIS's authentication manager (authcfg).

The result is libpq keyword parameters held in memory for one publication; the plugin writes
them nowhere. A URI typed into the algorithm must not carry a password: Processing keeps its
parameters in the history in plain text.
"""
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsDataSourceUri,
    QgsProviderConnectionException,
    QgsProviderRegistry,
)

from .base import tr


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
