"""The 13-digit Thai personal ID (เลขประจำตัวประชาชน) and the education system's G codes.

Layout of a personal ID, as the Interior Ministry (DOPA) issues it::

    T RRRR SSSSS NN C
    T      person type, 0-8 (``../shared/data/codes/th_national_id_person_type.csv``; 0 = persons
           without Thai registration status, e.g. many stateless highland people)
    RRRR   registration office: province (2 digits) + district (2 digits)
    SSSSS  book (group) number;  NN  sequence within the book
    C      check digit: (11 - sum(d_i * (14 - i) for i = 1..12) % 11) % 10

G codes are what schools record for pupils who hold no Thai ID. Their real structure is not
published; OUR ASSUMPTION is "G" followed by 12 digits with no check digit. The generator fills the
digits with the 2-digit province code and a 10-digit serial.

Everything here is public so that import and validation code checks IDs exactly as the sample
data generator made them.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

_WEIGHTS = np.arange(13, 1, -1)          # weight of digit i (1-based) is 14 - i
_THAI_ID = re.compile(r"[0-9]{13}")          # ASCII digits only: \d would take Thai or full-width ones
_G_CODE = re.compile(r"G[0-9]{12}")
_SEPARATORS = re.compile(r"[\s\-]")      # people write IDs as 1-2345-67890-12-1 or with spaces


def normalize_id(text: object) -> str:
    """The ID without the dashes and spaces people type; upper-case (for G codes)."""
    return _SEPARATORS.sub("", str(text)).upper()


def check_digit(first12: str) -> int:
    """Check digit of the first 12 digits of a Thai ID (a string of 12 digits)."""
    if not re.fullmatch(r"[0-9]{12}", first12):
        raise ValueError(f"need 12 digits, got {first12!r}")
    total = sum(int(d) * w for d, w in zip(first12, _WEIGHTS))
    return (11 - total % 11) % 10


def is_valid_thai_id(text: object) -> bool:
    """True for a 13-digit Thai ID whose check digit is right and that is no placeholder (dashes
    and spaces are ignored)."""
    s = normalize_id(text)
    return bool(_THAI_ID.fullmatch(s)) and check_digit(s[:12]) == int(s[12]) \
        and not is_placeholder(s)


def is_g_code(text: object) -> bool:
    """True for a G code as we define it: "G" and 12 digits (dashes and spaces are ignored)."""
    return bool(_G_CODE.fullmatch(normalize_id(text)))


def check_digits(first12: ArrayLike) -> np.ndarray:
    """Vectorised check digits: ``first12`` is an integer array of shape (n, 12), one digit a cell."""
    first12 = np.asarray(first12)
    total = np.zeros(len(first12), dtype=np.int64)
    for i, weight in enumerate(_WEIGHTS):          # column by column: no (n, 12) int64 copy
        total += first12[:, i].astype(np.int64) * weight
    return (11 - total % 11) % 10


# Placeholders clerks type when the ID is unknown, which pass the check digit: the same digit
# twelve times (1111111111119), 1234567890121 and 9876543210987, and no registering office
# (digits 2-5 zero). Taken as IDs they would make every such row one person.
_SEQUENCES = np.array([[int(c) for c in "123456789012"], [int(c) for c in "987654321098"]])


def _placeholders(digits: np.ndarray) -> np.ndarray:
    first12 = digits[:, :12]
    same = (first12 == first12[:, :1]).all(axis=1)
    sequence = (first12[:, None, :] == _SEQUENCES[None, :, :]).all(axis=2).any(axis=1)
    no_office = (digits[:, 1:5] == 0).all(axis=1)
    return same | sequence | no_office


def is_placeholder(text: str) -> bool:
    """True for a 13-digit ID that is a placeholder typed for an unknown ID."""
    return bool(_THAI_ID.fullmatch(text)) and bool(
        _placeholders(np.array([[int(c) for c in text]]))[0])


def valid_thai_id_mask(ids: ArrayLike) -> np.ndarray:
    """Boolean array: which of ``ids`` (any iterable of strings) are valid Thai IDs (placeholders
    are not).

    Strings are taken as they are (no separators removed), as validation of a column needs.
    """
    ids = np.asarray(ids, dtype=object).astype(str)
    mask = np.char.str_len(ids) == 13
    if mask.any():
        codes = ids[mask].astype("U13").view(np.uint32).reshape(-1, 13).astype(np.int64)
        digits = codes - ord("0")
        ascii_digits = ((digits >= 0) & (digits <= 9)).all(axis=1)
        mask[mask] = ascii_digits & (check_digits(digits[:, :12]) == digits[:, 12]) & \
            ~_placeholders(np.where(ascii_digits[:, None], digits, 0))
    return mask


def generate_thai_ids(rng: np.random.Generator, person_types: ArrayLike,
                      office_codes: ArrayLike) -> np.ndarray:
    """Unique valid Thai IDs (array of 13-character strings), one for each person.

    ``person_types``: digit 0-8 per person; ``office_codes``: 4-digit registration office
    (province + district, e.g. 5003) per person, as ints or strings. Book and sequence digits are
    random; IDs that collide are drawn again until all are unique.
    """
    types = np.asarray(person_types, dtype=np.int64)
    offices = np.asarray(office_codes).astype(np.int64)
    if types.shape != offices.shape:
        raise ValueError("person_types and office_codes must have the same length")
    if ((types < 0) | (types > 8)).any() or ((offices < 1000) | (offices > 9999)).any():
        raise ValueError("person types must be 0-8 and office codes 4 digits")
    head = (types * 10_000 + offices) * 10_000_000    # first five digits, then 7 serial digits
    first12 = head + rng.integers(0, 10_000_000, size=types.size)
    while True:
        keep = np.zeros(first12.size, dtype=bool)
        keep[np.unique(first12, return_index=True)[1]] = True   # first of each clash keeps it
        again = np.flatnonzero(~keep)
        if again.size == 0:
            break
        first12[again] = head[again] + rng.integers(0, 10_000_000, size=again.size)
    return _digit_text(first12 * 10 + check_digits(_digit_matrix(first12, 12)), 13)


def generate_g_codes(rng: np.random.Generator, n: int, province_code: int | str) -> np.ndarray:
    """``n`` unique G codes: "G", the 2-digit province code and a random 10-digit serial."""
    serials = rng.choice(10_000_000_000, size=n, replace=False)
    return np.char.add("G", _digit_text(int(province_code) * 10_000_000_000 + serials, 12))


def _digit_text(values, width):
    """Non-negative ints as zero-padded decimal strings of ``width`` characters (vectorised)."""
    chars = _digit_matrix(values, width) + np.uint8(ord("0"))
    return chars.view(f"S{width}").ravel().astype(f"U{width}")


def _digit_matrix(values, width):
    """Decimal digits of non-negative ints as an (n, width) uint8 array, most significant first."""
    values = np.asarray(values, dtype=np.int64)
    digits = np.empty((values.size, width), dtype=np.uint8)
    for j in range(width):                         # column by column: no (n, width) int64 temporaries
        digits[:, j] = values // 10 ** (width - 1 - j) % 10
    return digits
