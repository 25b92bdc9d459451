"""The role of each request, enforced by QGIS Server: layers, features, attributes and prints.

Thin: what a role may see is core/dissemination/roles.py's; this reads the role from the header
the web server sets after authenticating the user and answers QGIS Server's questions with it.
"""
from __future__ import annotations

from qgis.core import QgsLayoutItemMap, QgsMapLayer, QgsProject
from qgis.server import (
    QgsAccessControlFilter,
    QgsServerException,
    QgsServerFilter,
    QgsServerInterface,
)

from ..core.dissemination import roles

# qgis_mapserver and the FastCGI binary pass a request header by name; some web servers' CGI
# setups give it only as the environment variable of CGI.
_HEADER_NAMES = (roles.ROLE_HEADER, "HTTP_" + roles.ROLE_HEADER.upper().replace("-", "_"))


def request_role(server_iface: QgsServerInterface) -> str:
    """The role of the request being served; missing or unknown: the public. Header names are
    matched in any case (qgis_mapserver 3.22 keeps the case a client or proxy sent)."""
    handler = server_iface.requestHandler()
    if handler is None:
        return roles.PUBLIC
    for name in _HEADER_NAMES:
        value = handler.requestHeader(name)
        if value:
            return roles.role_of(value)
    wanted = {name.lower() for name in _HEADER_NAMES}
    for name, value in handler.requestHeaders().items():
        if name.lower() in wanted and value:
            return roles.role_of(value)
    return roles.PUBLIC


def layer_key(layer: QgsMapLayer) -> str | None:
    return layer.customProperty(roles.KEY_PROPERTY) or None


class RoleAccessControl(QgsAccessControlFilter):
    """Which layers, features and attributes the request's role may read; nobody edits."""

    def __init__(self, server_iface: QgsServerInterface) -> None:
        super().__init__(server_iface)
        self.server_iface = server_iface

    def _role(self) -> str:
        return request_role(self.server_iface)

    def layerPermissions(self, layer):  # noqa: N802 (QGIS's names)
        permissions = QgsAccessControlFilter.LayerPermissions()
        permissions.canRead = roles.may_read(self._role(), layer_key(layer))
        permissions.canInsert = permissions.canUpdate = permissions.canDelete = False
        return permissions

    def layerFilterExpression(self, layer):  # noqa: N802
        k = int(layer.customProperty(roles.K_PROPERTY) or 11)
        return roles.feature_filter(self._role(), layer_key(layer), k)

    def layerFilterSubsetString(self, layer):  # noqa: N802
        return ""

    def authorizedLayerAttributes(self, layer, attributes):  # noqa: N802
        # QGIS 3.22 asks with field names, and with the fields' aliases for JSON feature info.
        names = {field.alias() or field.name(): field.name() for field in layer.fields()}
        visible = set(roles.visible_fields(self._role(), layer_key(layer),
                                           [names.get(a, a) for a in attributes]))
        return [a for a in attributes if names.get(a, a) in visible]

    def allowToEdit(self, layer, feature):  # noqa: N802
        return False

    def cacheKey(self):  # noqa: N802
        # QGIS Server caches capabilities by this key: one per role, never shared between them.
        return "trafficking-role-" + self._role()


class FilterGuard(QgsServerFilter):
    """A filter, sort or OGC API query naming a field the role may not see is refused: QGIS
    Server hides the field's values but would filter on them (tried on 3.22)."""

    def requestReady(self):  # noqa: N802
        handler = self.serverInterface().requestHandler()
        role = request_role(self.serverInterface())
        refused = roles.refused_parameter(role, dict(handler.parameterMap()))
        if refused:
            handler.setServiceException(QgsServerException(
                f"The parameter {refused} names a field this role may not see.", 403))


class PrintGuard(QgsServerFilter):
    """GetPrint draws a layout's maps with the layers saved in them, whatever the access control
    says of them (tried on 3.22): a print of a layout drawing a layer the role may not read is
    replaced by an error. Checked once the response is made, when QGIS Server has the project."""

    def responseComplete(self):  # noqa: N802
        handler = self.serverInterface().requestHandler()
        params = {k.upper(): v for k, v in handler.parameterMap().items()}
        if params.get("REQUEST", "").lower() != "getprint":
            return
        role = request_role(self.serverInterface())
        if roles.may_print(role, layout_keys(QgsProject.instance(), params.get("TEMPLATE", ""))):
            return
        handler.clear()
        handler.setStatusCode(403)
        handler.setResponseHeader("Content-Type", "text/xml; charset=utf-8")
        handler.appendBody(_EXCEPTION.format(params.get("TEMPLATE", "")).encode("utf-8"))


_EXCEPTION = ('<?xml version="1.0" encoding="UTF-8"?>\n<ServiceExceptionReport version="1.3.0" '
              'xmlns="http://www.opengis.net/ogc"><ServiceException code="Security">The layout '
              '{} draws layers this role may not see.</ServiceException></ServiceExceptionReport>')


def layout_keys(project: QgsProject, name: str) -> list[str | None]:
    """The keys of the layers the maps of layout ``name`` draw ([None]: no such layout, which
    nobody may print)."""
    layout = project.layoutManager().layoutByName(name) if project else None
    if layout is None:
        return [None]
    return [layer_key(layer) for item in layout.items() if isinstance(item, QgsLayoutItemMap)
            for layer in item.layers()]


def register(server_iface: QgsServerInterface) -> None:
    """Register the filters with QGIS Server (called by serverClassFactory)."""
    server_iface.registerAccessControl(RoleAccessControl(server_iface), 100)
    server_iface.registerFilter(FilterGuard(server_iface), 100)
    server_iface.registerFilter(PrintGuard(server_iface), 200)
