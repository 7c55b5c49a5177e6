"""Cell values shared by every importer: tidy text, codes and dates (amounts of money: core.money).

Cells come from calamine (str, float, int, bool, date, datetime) or CSV (str). Functions here never raise on
bad input: they return what they could read and a problem code, and each importer words the message.
"""

from __future__ import annotations

import datetime as dt
import re

_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_DATE_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ T].*)?$")
_YEAR = re.compile(r"^(?:năm\s*)?(\d{4})$", re.IGNORECASE)
EXCEL_EPOCH = dt.date(1899, 12, 30)

# Problems reported by read_date.
YEAR_ONLY = "year_only"
IMPOSSIBLE = "impossible"
UNREADABLE = "unreadable"


def text(cell) -> str:
    """Any cell as tidy text: numbers without ".0", dates as dd/mm/yyyy, white space collapsed."""
    if cell is None or cell == "":
        return ""
    if isinstance(cell, str):
        if cell.isprintable() and "  " not in cell and cell[0] != " " and cell[-1] != " ":
            return cell  # nothing to collapse: the only white space is single ASCII spaces inside
        return " ".join(cell.split())
    if isinstance(cell, bool):
        return "x" if cell else ""
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, dt.datetime | dt.date):
        return cell.strftime("%d/%m/%Y")
    return " ".join(str(cell).split())


def code(cell) -> str:
    """A code: text without spaces, upper case ("qn 001" and "QN001" are the same code)."""
    if cell.__class__ is str and cell.isalnum():  # no white space to remove
        return cell.upper()
    return "".join(text(cell).split()).upper()


def codes(distinct) -> dict:
    """{cell: code(cell)} for distinct cells (no booleans: True == 1 in a set). When every cell is text of letters
    and digits alone, as staff codes almost always are, that is str.upper of each, without a Python call."""
    texts = [cell for cell in distinct if cell.__class__ is str]
    if len(texts) == len(distinct) and "".join(texts).isalnum():  # "" has no letters: code("") is "" too
        return dict(zip(texts, map(str.upper, texts), strict=True))
    return {cell: code(cell) for cell in distinct}


def read_date(cell, *, today: dt.date) -> tuple[dt.date | None, str, str]:
    """(date, problem, year) from a cell: a real date, an Excel serial number, dd/mm/yyyy, d-m-yy, yyyy-mm-dd.

    problem is "" (read), YEAR_ONLY (a year alone: `year` says which), IMPOSSIBLE (31/02) or UNREADABLE.
    A two-digit year is taken in the past century when it is after this year's two digits ("85" → 1985).
    """
    if isinstance(cell, dt.datetime):
        return cell.date(), "", ""
    if isinstance(cell, dt.date):
        return cell, "", ""
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        if 1900 <= cell <= today.year and float(cell).is_integer():
            return None, YEAR_ONLY, str(int(cell))
        if 1 <= cell < 80_000:
            return EXCEL_EPOCH + dt.timedelta(days=int(cell)), "", ""
        return None, UNREADABLE, ""
    raw = text(cell)
    match = _DATE_DMY.match(raw)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            if year < 100:
                year += 1900 if year > today.year % 100 else 2000
            return dt.date(year, month, day), "", ""
        if match := _DATE_YMD.match(raw):
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day), "", ""
        if match := _YEAR.match(raw):
            return None, YEAR_ONLY, match.group(1)
    except ValueError:
        return None, IMPOSSIBLE, ""
    return None, UNREADABLE, ""
