"""QGIS entry point: QGIS calls classFactory() when it loads the plugin."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .trafficking_plugin.plugin import TraffickingPlugin
    return TraffickingPlugin(iface)


def serverClassFactory(serverIface):  # noqa: N802, N803 (QGIS's names)
    """QGIS Server's entry point: the role-based access control of the intranet (docs/web.md)."""
    from .trafficking_plugin.server.access_filter import register
    register(serverIface)
    return _ServerPlugin(serverIface)


class _ServerPlugin:
    """QGIS Server keeps the object serverClassFactory returns; the filters are registered."""

    def __init__(self, server_iface):
        self.server_iface = server_iface
