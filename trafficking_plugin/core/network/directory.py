"""The network directory: organisation types, languages, phone numbers, areas, checks and filters.

Plain Python for the Network dock (and any script): the dock hands records here as dicts of the
organization / network_member columns and gets back what to fix, field by field. Messages are
English templates with named arguments; the dock translates them with tr() before formatting.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Container, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..database import PathLike, reading
from ..shipped_data import data_path, read_yaml

TYPES_PATH = data_path("network_types.yaml")

ORGANIZATION, MEMBER = "organization", "network_member"
# The text columns a user edits, per layer, in form order (geometry and fid apart).
FIELDS = {
    ORGANIZATION: ("name", "name_en", "type", "phone", "phone_e164", "email", "line_id", "address",
                   "areas", "mandate", "specialisations", "limitations", "languages"),
    MEMBER: ("name", "role", "organization_id", "phone", "phone_e164", "email", "line_id", "address",
             "areas", "mandate", "specialisations", "limitations", "languages", "availability"),
}


@dataclass(frozen=True)
class Message:
    """An English template and its arguments: ``tr(text).format(**args)`` in the dock."""
    text: str
    args: dict[str, Any] = field(default_factory=dict)

    def format(self, translate: Callable[[str], str] = lambda text: text) -> str:
        return translate(self.text).format(**self.args)


@dataclass(frozen=True)
class Catalogue:
    types: tuple[dict[str, Any], ...]        # dicts: code, name_en, name_th, htcds
    languages: tuple[dict[str, Any], ...]    # dicts: code, name_en, name_th, highland

    def type_codes(self) -> list[str]:
        return [t["code"] for t in self.types]


def load_catalogue(path: PathLike = TYPES_PATH) -> Catalogue:
    """The shipped organisation types and languages (network_types.yaml)."""
    doc = read_yaml(path)
    for item in doc["types"]:
        if set(item) != {"code", "name_en", "name_th", "htcds"}:
            raise ValueError(f"{path}: type {item!r} needs code, name_en, name_th and htcds")
    return Catalogue(tuple(doc["types"]), tuple(doc["languages"]))


# Thai numbers: mobiles 06/08/09 + 8 digits; landlines 0 + area digit 2-5 or 7 + 7 digits.
_MOBILE = re.compile(r"^0[689]\d{8}$")
_LANDLINE = re.compile(r"^0[2-57]\d{7}$")


def _national_digits(text):
    """Digits in national form (leading 0), from local or international writing; None if neither."""
    raw = text.strip()
    if not re.fullmatch(r"\+?[\d\s().\-]+", raw):
        return None
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        if not digits.startswith("66"):
            return None                  # another country's number
        rest = digits[2:]
    elif digits.startswith("0066"):
        rest = digits[4:]
    elif digits.startswith("66") and len(digits) in (10, 11):
        rest = digits[2:]
    else:
        return digits
    # "+66 (0)81 ..." is common: one leading 0 after the country code is dropped
    return "0" + (rest[1:] if rest.startswith("0") else rest)


def phone_e164(text: str | None) -> str | None:
    """E.164 form of one Thai phone number (081-234-5678 -> +66812345678, 053-112233 ->
    +6653112233), or None when it is not a valid Thai mobile or landline number."""
    digits = _national_digits(text or "")
    if digits and (_MOBILE.match(digits) or _LANDLINE.match(digits)):
        return "+66" + digits[1:]
    return None


def phone_local(e164: str) -> str:
    """The usual Thai writing of an E.164 number: 081-234-5678, 02-123-4567, 053-112233."""
    digits = "0" + e164[3:]
    if _MOBILE.match(digits):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if digits.startswith("02"):
        return f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"
    return f"{digits[:3]}-{digits[3:]}"


def split_list(text: str | None) -> list[str]:
    """Items of a comma / semicolon separated text, stripped, empty ones left out."""
    return [item.strip() for item in re.split(r"[,;]", text or "") if item.strip()]


def phones_e164(text: str | None) -> tuple[list[str], list[str]]:
    """(E.164 numbers, bad items) of a field holding one or more numbers separated by , or ;."""
    good, bad = [], []
    for item in split_list(text):
        number = phone_e164(item)
        (good if number else bad).append(number or item)
    return good, bad


def area_codes(text: str | None) -> list[str]:
    """Codes of an areas field: separated by spaces or commas."""
    return [code for code in re.split(r"[\s,;]+", (text or "").strip()) if code]


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LINE_ID = re.compile(r"^@?[a-z0-9._\-]{4,20}$")   # LINE: 4-20 of a-z 0-9 . - _ ; @ for official


def problems(kind: str, record: Mapping[str, Any], known_areas: Container[str],
             type_codes: Collection[str] = (),
             organization_ids: Container[object] | None = None) -> dict[str, Message]:
    """{field: Message} for each field of ``record`` (a dict of the layer's columns) to fix.

    ``known_areas`` holds the district and sub-district codes of the database."""
    found = {}
    if not str(record.get("name") or "").strip():
        found["name"] = Message("Give a name.")
    if kind == ORGANIZATION and record.get("type") and type_codes and record["type"] not in type_codes:
        found["type"] = Message("Unknown type {type}: pick one from the list.", {"type": record["type"]})
    _, bad = phones_e164(record.get("phone"))
    if bad:
        found["phone"] = Message(
            "Not a Thai phone number: {bad}. Write e.g. 081-234-5678, 053-112233 or +66812345678.",
            {"bad": ", ".join(bad)})
    email = str(record.get("email") or "").strip()
    if email and not _EMAIL.match(email):
        found["email"] = Message("Not an email address: {email}.", {"email": email})
    line_id = str(record.get("line_id") or "").strip()
    if line_id and not _LINE_ID.match(line_id.lower()):
        found["line_id"] = Message("A LINE ID has 4 to 20 letters, digits, dots, hyphens or "
                                   "underscores (an official account starts with @).")
    unknown = [c for c in area_codes(record.get("areas")) if c not in known_areas]
    if unknown:
        found["areas"] = Message(
            "Unknown district or sub-district code: {codes}. Use the 4-digit district or 6-digit "
            "sub-district codes of this province.", {"codes": " ".join(unknown)})
    org = record.get("organization_id")
    if kind == MEMBER and isinstance(org, int) and org < 0:   # QGIS's id of an uncommitted feature
        found["organization_id"] = Message("Commit the new organisation first, then choose it.")
    elif kind == MEMBER and org not in (None, "") and organization_ids is not None \
            and org not in organization_ids:
        found["organization_id"] = Message("No organisation with id {id}.", {"id": org})
    return found


def normalised(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record as stored: phones in local writing and E.164, areas and lists tidied."""
    out = dict(record)
    if "phone" in out:
        good, bad = phones_e164(out.get("phone"))
        if not bad:
            out["phone"] = ", ".join(phone_local(n) for n in good) or None
            out["phone_e164"] = " ".join(good) or None
    if "areas" in out:
        out["areas"] = " ".join(dict.fromkeys(area_codes(out.get("areas")))) or None
    for key in ("specialisations", "languages"):
        if key in out:
            out[key] = ", ".join(split_list(out.get(key))) or None
    for key, value in out.items():
        if isinstance(value, str):
            out[key] = value.strip() or None
    return out


def covers(areas_text: str | None, code: str) -> bool:
    """Whether an areas field reaches ``code``: the same unit, a district holding it, or (for a
    district) one of its sub-districts."""
    return any(a == code or code.startswith(a) or a.startswith(code) for a in area_codes(areas_text))


def matches(record: Mapping[str, Any], text: str = "", area: str = "", specialisation: str = "",
            type_code: str = "") -> bool:
    """Whether a record passes the dock's filters (all optional, case-insensitive)."""
    if type_code and record.get("type") != type_code:
        return False
    if area and not covers(record.get("areas"), area):
        return False
    if specialisation and specialisation.lower() not in str(record.get("specialisations") or "").lower():
        return False
    if text:
        needle = text.lower()
        return any(needle in str(v).lower() for v in record.values() if v is not None)
    return True


def known_areas(path: PathLike) -> dict[str, str]:
    """{code: Thai name} of the database's districts and sub-districts (read-only connection)."""
    with reading(path) as conn:
        return dict(conn.execute("SELECT code, name_th FROM district UNION ALL "
                                 "SELECT code, name_th FROM subdistrict ORDER BY 1"))


def organisation_names(path: PathLike) -> list[tuple[int, str]]:
    """[(fid, name)] of the database's organisations, by name (read-only connection)."""
    with reading(path) as conn:
        return [(fid, name) for fid, name in conn.execute(
            "SELECT fid, name FROM organization ORDER BY name")]
