"""Who sees what through the intranet's QGIS Server: the roles, their layers and their fields.

The web server authenticates a user and puts their role in the request header
``X-Trafficking-Role`` (docs/web.md); the server plugin (server_access.py at the plugin's root)
asks this module, per layer, whether the role may read it, which of its fields it may see and
which features. A missing or unknown role is the public. No QGIS here, so the rules are tested
without a server.

The server project (outputs/server_project.py) holds only the layers and fields named in
``SERVED``: nothing person-level, no identity data, no case, no narrative. Each layer carries its
key (the table it shows, or the name of a derived layer) as a custom property.
"""
from __future__ import annotations

import re

from ..schema import TABLES_BY_NAME

STAFF, PARTNER, PUBLIC = "staff", "partner", "public"
ROLES = (STAFF, PARTNER, PUBLIC)
ROLE_HEADER = "X-Trafficking-Role"
KEY_PROPERTY = "trafficking/layer"   # the layer's key in SERVED, a custom property of the layer
K_PROPERTY = "trafficking/k"
ROW_NUMBER = "fid"         # the release's k, for the partner's filter of counts

_AREA = ("code", "name_th", "name_en")
# Partners: the class and the persons scored of areas with at least k of them. Not the high
# counts or shares, which may be under k in such an area: the protected ones are in
# public_subdistrict.
_RISK_PARTNER = ("code", "name_th", "data_year", "persons_scored", "risk_class")
_RISK_STAFF = _RISK_PARTNER + ("persons", "persons_high", "persons_medium", "persons_low",
                               "share_high", "share_medium", "share_low", "mean_index",
                               "mean_coverage", "p_high", "robust", "drivers")
_CHANGE = ("code", "name_th", "data_year", "previous_year", "risk_class", "previous_class",
           "class_change", "share_high", "previous_share_high", "share_high_change")
_ORGANISATION = ("name", "name_en", "type", "phone", "email", "line_id", "address", "areas",
                 "mandate", "specialisations", "limitations", "languages")
# A member's work contacts only: no postal address (often their home) and no E.164 duplicate.
_MEMBER = ("name", "organization_id", "role", "phone", "email", "line_id", "areas", "mandate",
           "specialisations", "languages", "availability")
# No case_refs (they point into the case records), no surveys' free text, no import bookkeeping.
_ESTABLISHMENT = ("name", "type", "licence_status", "workers", "minors_observed", "foreign_workers",
                  "complaints", "inspections", "rescues", "village_code", "survey_date",
                  "coordinate_source", "location_approximate", "risk_score", "risk_class",
                  "risk_reasons")
_ESTABLISHMENT_COUNTS = ("code", "name_th", "establishments", "establishments_high")
PUBLIC_COLUMNS = ("area_code", "area_name_th", "area_name_en", "district_code", "persons_scored",
                  "persons_high", "persons_medium", "persons_low", "share_high", "share_medium",
                  "share_low", "note")

# key -> {role: the fields the role sees}; a role not named does not see the layer at all.
SERVED: dict[str, dict[str, tuple[str, ...]]] = {
    "province": {STAFF: _AREA, PARTNER: _AREA, PUBLIC: _AREA},
    "district": {STAFF: _AREA, PARTNER: _AREA, PUBLIC: _AREA},
    "subdistrict": {STAFF: _AREA + ("district_code",), PARTNER: _AREA + ("district_code",),
                    PUBLIC: _AREA + ("district_code",)},
    "village": {STAFF: ("code", "name_th", "moo", "subdistrict_code", "district_code",
                        "km_to_risky_place", "km_to_border_crossing")},
    "risk_subdistrict": {STAFF: _RISK_STAFF, PARTNER: _RISK_PARTNER},
    "risk_district": {STAFF: _RISK_STAFF, PARTNER: _RISK_PARTNER},
    "risk_village": {STAFF: _RISK_STAFF},
    "risk_change_subdistrict": {STAFF: _CHANGE},
    "risk_change_district": {STAFF: _CHANGE},
    "establishment": {STAFF: _ESTABLISHMENT},
    "establishment_district": {STAFF: _ESTABLISHMENT_COUNTS, PARTNER: _ESTABLISHMENT_COUNTS},
    "organization": {STAFF: _ORGANISATION, PARTNER: _ORGANISATION},
    "network_member": {STAFF: _MEMBER},
    "public_subdistrict": {STAFF: PUBLIC_COLUMNS, PARTNER: PUBLIC_COLUMNS, PUBLIC: PUBLIC_COLUMNS},
    # The risk report's atlas (virtual layers over the risk tables): the coordination centre's.
    "report_area": {STAFF: ("page", "level", "code", "title_th", "title_en", "summary",
                            "indicators", "trend", "chart")},
    "report_row": {STAFF: ("area", "code", "name", "scored", "high", "share", "mean", "class",
                           "drivers")},
}
# Counts below k are not shown to partners: their risk areas with fewer persons scored are left out.
PARTNER_COUNTED = ("risk_subdistrict", "risk_district")


def role_of(header: str | None) -> str:
    """The role a request header names; missing or unknown: the public."""
    role = (header or "").strip().lower()
    return role if role in ROLES else PUBLIC


def may_read(role: str, key: str | None) -> bool:
    """Whether ``role`` may see the layer ``key`` at all (an unknown layer: nobody)."""
    return key is not None and role in SERVED.get(key, {})


def visible_fields(role: str, key: str | None, fields: list[str]) -> list[str]:
    """The fields of ``fields`` (in their order) that ``role`` may see in layer ``key``. The
    GeoPackage's row number (fid) goes with every readable layer: QGIS Server's feature info
    needs it, and it says nothing."""
    allowed = SERVED.get(key or "", {}).get(role)
    if allowed is None:
        return []
    return [f for f in fields if f in allowed or f == ROW_NUMBER]


def served_fields(key: str) -> tuple[str, ...]:
    """Every field of layer ``key`` some role sees: the rest are not published at all."""
    seen: list[str] = []
    for fields in SERVED.get(key, {}).values():
        seen += [f for f in fields if f not in seen]
    return tuple(seen)


def feature_filter(role: str, key: str | None, k: int) -> str:
    """A QGIS expression the features of layer ``key`` must meet for ``role`` ('' = all):
    partners see risk areas only where at least ``k`` persons were scored."""
    if role == PARTNER and key in PARTNER_COUNTED:
        return f'"persons_scored" >= {int(k)}'
    return ""


def may_print(role: str, keys: list[str | None]) -> bool:
    """Whether ``role`` may print a layout whose maps draw the layers ``keys``."""
    return all(may_read(role, key) for key in keys)


# Request parameters holding expressions or filters: a field named in them must be one the role
# sees, or a filter on a hidden field would answer yes/no questions about its values.
FILTER_PARAMETERS = ("FILTER", "EXP_FILTER", "SORTBY", "SORT_BY", "FILTER_GEOM", "RULE",
                     "RULELABEL", "HIGHLIGHT_LABELSTRING")


def _columns(key: str) -> tuple[str, ...]:
    if key in TABLES_BY_NAME:
        return tuple(c.name for c in TABLES_BY_NAME[key].columns)
    if key == "public_subdistrict":
        return PUBLIC_COLUMNS
    return served_fields(key)


def hidden_names(role: str) -> set[str]:
    """Field names ``role`` may not see on some layer it reads (also those no role sees): a
    request may not name them, even where another layer shows a field of the same name."""
    hidden: set[str] = set()
    for key, by_role in SERVED.items():
        if role in by_role:
            hidden |= set(_columns(key)) - set(by_role[role])
    return hidden


def refused_parameter(role: str, parameters: dict[str, str]) -> str | None:
    """The parameter of a request that names a field hidden from ``role`` (a filter, a sort, or
    an OGC API query parameter named after the field); None when there is none."""
    hidden = hidden_names(role)
    for name, value in parameters.items():
        if name.lower() in hidden:
            return name
        if name.upper() in FILTER_PARAMETERS and any(
                word in hidden for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", value or "")):
            return name
    return None
