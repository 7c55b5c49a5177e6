"""Amounts of money in Vietnamese đồng as people type them ("45,2 tỷ", "1.500.000 đ", "15 triệu"), and back."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from .text import fold


def text(cell) -> str:
    """A cell or form value as tidy text (numbers without ".0", white space collapsed)."""
    if cell is None or cell == "":
        return ""
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, dt.datetime | dt.date):
        return cell.strftime("%d/%m/%Y")
    return " ".join(str(cell).split())


_UNITS = {
    "ty": 1_000_000_000,
    "ti": 1_000_000_000,
    "trieu": 1_000_000,
    "tr": 1_000_000,
    "m": 1_000_000,
    "nghin": 1_000,
    "ngan": 1_000,
    "k": 1_000,
    "dong": 1,
    "d": 1,
    "vnd": 1,
    "vnđ": 1,
}
_CURRENCY_WORDS = ("vnd", "dong", "d")
_MONEY_PART = re.compile(r"(\d[\d.,\s]*)\s*(ty|ti|trieu|tr|m|nghin|ngan|k|dong|vnd|d)?(?![a-z])")
_GROUPED_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_GROUPED_SPACE = re.compile(r"^\d{1,3}(?: \d{3})+$")


class MoneyError(ValueError):
    """A cell that is not an amount of money; `code` says why ("negative", "fraction", "unreadable")."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _number(token: str, *, with_unit: bool) -> float:
    """ "1.500.000" → 1500000; "45,2" → 45.2 (a decimal comma, Vietnamese style); "45.2" → 45.2 before a unit."""
    token = token.strip()
    if _GROUPED_DOT.match(token) or _GROUPED_SPACE.match(token):
        return float(token.replace(".", "").replace(" ", ""))
    if _GROUPED_COMMA.match(token) and not with_unit:
        return float(token.replace(",", ""))
    if token.count(",") == 1 and "." not in token:
        return float(token.replace(",", "."))
    if token.count(".") == 1 and "," not in token:
        whole, _sep, frac = token.partition(".")
        if with_unit or len(frac) != 3:
            return float(token)
        return float(whole + frac)  # "1.500" without a unit: thousands
    if re.fullmatch(r"\d+(?:\.\d{3})*,\d+", token):  # "1.234,5"
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+", token.replace(" ", "")):
        return float(token.replace(" ", ""))
    raise MoneyError("unreadable")


def parse_money(cell) -> int | None:
    """An amount of VND from a cell as people type it, or None for an empty cell; MoneyError otherwise.

    "1.500.000", "1,500,000", "1500000 đ", "15 triệu", "15tr", "500k", "45,2 tỷ", "45.2 tỷ", "2 tỷ 300 triệu",
    "1 tỷ 2" (1.2 billion), a number from Excel (45200000000.0). Amounts are whole đồng: "1,5 đồng" is refused.
    """
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise MoneyError("unreadable")
    if isinstance(cell, int | float):
        if cell < 0:
            raise MoneyError("negative")
        if not float(cell).is_integer():
            raise MoneyError("fraction")
        return int(cell)
    raw = fold(text(cell)).replace("vnđ", "vnd")
    if not raw:
        return None
    if raw.startswith("-"):
        raise MoneyError("negative")
    compact = raw.replace(" ", "")
    if compact in {"0", "khong", "0d", "0dong"}:
        return 0
    parts = list(_MONEY_PART.finditer(raw))
    leftover = _MONEY_PART.sub(" ", raw)
    leftover = re.sub(r"\b(?:dong|vnd|d)\b|[()\s:]", "", leftover)
    if not parts or leftover:
        raise MoneyError("unreadable")
    total = 0.0
    previous_unit = None
    for index, part in enumerate(parts):
        number, unit = part.group(1), part.group(2)
        factor = _UNITS[unit] if unit else 1
        if unit is None and previous_unit and previous_unit > 1 and index == len(parts) - 1:
            # "1 tỷ 2" = 1.2 billion, "5 triệu 5" = 5.5 million: a bare tail is a fraction of the unit before
            digits = number.strip().replace(" ", "")
            factor = previous_unit // (10 ** len(digits)) if digits.isdigit() else 1
        value = _number(number, with_unit=factor > 1 and unit not in (None, *_CURRENCY_WORDS))
        total += value * factor
        previous_unit = factor if unit else previous_unit
    if abs(total - round(total)) > 1e-6 * max(1.0, total):
        raise MoneyError("fraction")
    return int(round(total))


def format_billions(amount: int | None, decimals: int = 1) -> str:
    """45_200_000_000 → "45,2 tỷ đồng"; amounts under a billion in millions ("850 triệu đồng")."""
    if amount is None:
        return "—"
    if amount >= 1_000_000_000:
        value, unit = amount / 1_000_000_000, "tỷ"
    elif amount >= 1_000_000:
        value, unit = amount / 1_000_000, "triệu"
    else:
        return f"{amount:,}".replace(",", ".") + " đồng"
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    shown = f"{rounded:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if "," in shown:
        shown = shown.rstrip("0").rstrip(",")
    return f"{shown} {unit} đồng"
