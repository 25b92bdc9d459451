"""QGIS entry point: QGIS calls classFactory() when it loads the plugin."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .trafficking_plugin.plugin import TraffickingPlugin
    return TraffickingPlugin(iface)
