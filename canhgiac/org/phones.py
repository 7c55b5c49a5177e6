"""Vietnamese phone numbers as rosters really hold them, normalised to E.164 with `phonenumbers`.

Spreadsheets lose the leading 0 when Excel stores a number as a number (912345678), people write spaces,
dots and dashes, add +84 or 84, and old lists still carry the 11-digit mobile numbers that were converted to
10 digits in 2018 (0168 → 038 ...). Landlines (0203 3xxx xxx in Quảng Ninh) are accepted too.

The validity check is done by `phonenumbers`; its answer is memoised per prefix and length, so a 100,000-row
import calls it a few hundred times, not 100,000 times.
"""

from __future__ import annotations

import re

import phonenumbers
from django.utils.translation import gettext as _

# The 2018 conversion of 11-digit mobile numbers (Ministry of Information and Communications): old prefix →
# new prefix; the last 7 digits stay.
OLD_MOBILE_PREFIXES = {
    # Viettel
    "162": "32",
    "163": "33",
    "164": "34",
    "165": "35",
    "166": "36",
    "167": "37",
    "168": "38",
    "169": "39",
    # MobiFone
    "120": "70",
    "121": "79",
    "122": "77",
    "126": "76",
    "128": "78",
    # VinaPhone
    "123": "83",
    "124": "84",
    "125": "85",
    "127": "81",
    "129": "82",
    # Vietnamobile
    "186": "56",
    "188": "58",
    # Gmobile
    "199": "59",
}

_NOISE = re.compile(r"[\s.\-()/_,;]+")
_SEPARATORS = re.compile(r"\s*(?:/|;|,|\bhoặc\b|\bhoac\b|\n)\s*", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")


class PhoneError(ValueError):
    """A value that is not a Vietnamese phone number; the message says what to fix."""


_VALID_PREFIXES: dict[tuple[str, int], bool] = {}


def _valid(prefix: str, length: int, sample: str) -> bool:
    """Whether national numbers starting with `prefix` and of `length` digits are valid.

    Vietnamese numbering is by prefix (mobile networks, landline area codes), so the answer of `phonenumbers`
    for one number holds for every number of the same 4-digit prefix and length; it is memoised.
    """
    key = (prefix, length)
    known = _VALID_PREFIXES.get(key)
    if known is None:
        try:
            known = phonenumbers.is_valid_number(phonenumbers.parse("+84" + sample, None))
        except phonenumbers.NumberParseException:
            known = False
        if len(_VALID_PREFIXES) < 20_000:
            _VALID_PREFIXES[key] = known
    return known


def _digits_from(value) -> tuple[str, bool]:
    """The digits of a cell and whether it started with "+"."""
    if isinstance(value, bool):
        raise PhoneError("")
    if isinstance(value, float):
        if value != value or value < 0:  # NaN
            raise PhoneError("")
        value = f"{value:.0f}"
    elif isinstance(value, int):
        value = str(value)
    text = str(value).strip()
    if _SCIENTIFIC.match(text):  # "9.12345678E+08": a number that went through Excel and back to text
        text = f"{float(text):.0f}"
    plus = text.startswith("+")
    return _NOISE.sub("", text).lstrip("+"), plus


_PLAIN = re.compile(r"\+?[0-9]{8,13}")


def normalise_phone(value) -> tuple[str, str]:
    """(E.164, note) for a cell, or raise PhoneError with a Vietnamese message.

    The note says what was repaired ("đổi đầu số cũ 0168 → 038"), or is empty.
    """
    # The common cells first: a number Excel stored as a number, or plain digits (both give no note).
    if value.__class__ is float and 1e7 <= value < 1e13:
        return _from_digits(f"{value:.0f}", False, "", value)
    if value.__class__ is str and _PLAIN.fullmatch(value):
        return _from_digits(value.lstrip("+"), value[0] == "+", "", value)
    raw = str(value).strip() if not isinstance(value, float | int) else value
    if isinstance(raw, str):
        first = _SEPARATORS.split(raw, maxsplit=1)[0] if raw else raw
        note = _("có nhiều số, lấy số đầu") if first != raw and first else ""
    else:
        first, note = raw, ""
    try:
        digits, plus = _digits_from(first)
    except PhoneError:
        digits, plus = "", False
    if not digits.isdigit():
        raise PhoneError(
            _("“%(value)s” không phải số điện thoại: chỉ gồm chữ số, ví dụ 0912 345 678.") % {"value": value}
        )
    return _from_digits(digits, plus, note, value)


def normalise_many(cells) -> dict:
    """{cell: E.164} for the cells in the two shapes that make up almost every roster, without a Python call per
    cell: a mobile number Excel stored as a number (912345678.0, the leading 0 lost), or 10 digits starting with
    0, possibly spaced ("0912 345 678"). normalise_phone() gives the same answer for them with an empty note;
    cells in any other shape, and numbers whose prefix is not valid, are left out (normalise_phone says why).
    """
    # below 999,999,999.5, which rounds up to ten digits
    found = {
        cell: f"+84{cell:.0f}" for cell in cells if cell.__class__ is float and 1e8 <= cell < 999_999_999.5
    }
    for cell in [c for c in cells if c.__class__ is str and 10 <= len(c) <= 14 and c[0] == "0"]:
        compact = cell.replace(" ", "")
        if len(compact) == 10 and compact.isdigit() and compact.isascii():
            found[cell] = "+84" + compact[1:]
    samples = {e164[3:7]: e164 for e164 in found.values()}
    invalid = {prefix for prefix, e164 in samples.items() if not _valid(prefix, 9, e164[3:])}
    if invalid:
        return {cell: e164 for cell, e164 in found.items() if e164[3:7] not in invalid}
    return found


def _from_digits(digits: str, plus: bool, note: str, value) -> tuple[str, str]:
    national = None
    if digits.startswith("84") and (plus or len(digits) in {11, 12}):
        national = digits[2:]
    elif plus:
        raise PhoneError(
            _("“%(value)s” là số nước ngoài; danh sách chỉ nhận số Việt Nam.") % {"value": value}
        )
    elif digits.startswith("0"):
        national = digits[1:]
    elif len(digits) in {9, 10}:
        national = digits  # Excel dropped the leading 0
    if national is None:
        raise PhoneError(_bad(value))
    if len(national) == 10 and national[:3] in OLD_MOBILE_PREFIXES:
        new = OLD_MOBILE_PREFIXES[national[:3]] + national[3:]
        note = _("đổi đầu số cũ 0%(old)s → 0%(new)s") % {"old": national[:3], "new": new[:2]}
        national = new
    if not (9 <= len(national) <= 10) or not _valid(national[:4], len(national), national):
        raise PhoneError(_bad(value))
    return "+84" + national, note


def _bad(value) -> str:
    return _(
        "“%(value)s” không phải số điện thoại Việt Nam hợp lệ: di động có 10 chữ số (0912 345 678), "
        "máy bàn có 11 chữ số (0203 3xxx xxx)."
    ) % {"value": value}


def display_phone(e164: str) -> str:
    """+84912345678 → "0912 345 678"; +842033123456 → "0203 3123 456"."""
    if not e164 or not e164.startswith("+84"):
        return e164 or ""
    national = "0" + e164[3:]
    if len(national) == 10:
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    if len(national) == 11:
        return f"{national[:4]} {national[4:8]} {national[8:]}"
    return national
