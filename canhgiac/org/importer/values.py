"""Cell values → clean Person values, each with a Vietnamese message saying what to fix when it is wrong.

Generic cells (text, codes, dates, money) are read by `canhgiac.org.tabular.values`; this module words the
roster's messages.

Converters take one raw cell (str, float, int, bool, date, datetime from calamine; str from CSV) and return
(value, error, note). They are written for speed: a 100,000-row import calls them a million times, so the
columns with few distinct values (unit, position, group, status) go through a per-import cache.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.text import fold

from ..models import Person
from ..phones import PhoneError, normalise_many, normalise_phone
from ..tabular.values import IMPOSSIBLE, UNREADABLE, YEAR_ONLY, code, codes, read_date, text

__all__ = [
    "birth_date",
    "code",
    "codes",
    "email",
    "emails",
    "person_name",
    "person_names",
    "phone",
    "phones",
    "position",
    "staff_group",
    "status",
    "text",
]

_EMAIL = re.compile(r"^[a-z0-9._%+\-']+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}$")
_BAD_NAME = re.compile(r"[0-9@#$%^&*=+<>{}\[\]|\\/_:;!?]")


@lru_cache(maxsize=50_000)
def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def person_name(cell) -> tuple[str, str | None]:
    """("Nguyễn Văn Hùng", None) from "NGUYỄN  VĂN hùng"; an error for digits or symbols."""
    raw = text(cell)
    if not raw:
        return "", None
    if _BAD_NAME.search(raw):
        return raw, _("Họ và tên “%(value)s” có chữ số hoặc ký hiệu lạ.") % {"value": raw[:80]}
    if len(raw) > 150:
        return raw, _("Họ và tên dài quá 150 ký tự.")
    return " ".join(_capitalise(w) for w in raw.split(" ")), None


_LOWER = "abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_WORD = f"[{_LOWER.upper()}][{_LOWER}]*"
# A name person_name() returns as it is: capitalised words of Vietnamese letters (precomposed), single spaces.
_TIDY_NAME = re.compile(f"{_WORD}(?: {_WORD})*")


def person_names(distinct: set) -> dict:
    """{cell: value} for the distinct cells of a name column that person_name() returns unchanged and without
    error (convert's `many`); other cells are left to person_name()."""
    return {
        cell: cell
        for cell in distinct
        if cell.__class__ is str and len(cell) <= 150 and _TIDY_NAME.fullmatch(cell)
    }


def email(cell) -> tuple[str, str | None]:
    value = text(cell).lower().replace(" ", "")
    if not value:
        return "", None
    if value.startswith("mailto:"):
        value = value[7:]
    if len(value) > 254 or not _EMAIL.match(value):
        return value, _("Thư điện tử “%(value)s” không đúng dạng (ví dụ: ten@quangninh.gov.vn).") % {
            "value": value[:80]
        }
    return value, None


# A value email() returns unchanged and without error: lower-case ASCII, no space, valid (checked by one regular
# expression call per distinct value instead of a Python call).
_CLEAN_EMAIL = re.compile(r"[a-z0-9._%+\-']+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")


def emails(distinct: set) -> dict:
    """{cell: value} for the distinct cells of an e-mail column that email() returns unchanged and without
    error (convert's `many`); other cells are left to email()."""
    return {
        cell: cell
        for cell in distinct
        if cell.__class__ is str and len(cell) <= 254 and _CLEAN_EMAIL.fullmatch(cell)
    }


def phone(cell) -> tuple[str, str | None, str]:
    if cell is None or cell == "" or (isinstance(cell, str) and not cell.strip()):
        return "", None, ""
    try:
        value, note = normalise_phone(cell)
    except PhoneError as exc:
        return "", str(exc), ""
    return value, None, note


def phones(distinct: set) -> dict:
    """{cell: value} for the distinct cells of a phone column in the common shapes, which phone() would accept
    without a note (phones.normalise_many; convert's `many`); other cells are left to phone()."""
    return normalise_many(distinct)


def birth_date(cell, today: dt.date | None = None) -> tuple[dt.date | None, str | None, str]:
    """(date, error, note). A year alone is not a date: it is left out with a note, not rejected."""
    if cell is None or cell == "":
        return None, None, ""
    today = today or timezone.localdate()
    numeric = isinstance(cell, float | int) and not isinstance(cell, bool)
    if not numeric and not text(cell):
        return None, None, ""
    value, problem, year = read_date(cell, today=today)
    if problem == YEAR_ONLY:
        return None, None, _("ngày sinh chỉ có năm %(year)s: chưa ghi") % {"year": year}
    if problem == IMPOSSIBLE:
        return (
            None,
            _("Ngày sinh “%(value)s” không có thật (ngày hoặc tháng sai).") % {"value": text(cell)},
            "",
        )
    if problem == UNREADABLE and not numeric:
        return (
            None,
            _("Ngày sinh “%(value)s” không đọc được: ghi dạng ngày/tháng/năm, ví dụ 15/03/1985.")
            % {"value": text(cell)[:40]},
            "",
        )
    if value is None or not (1930 <= value.year <= today.year - 15):
        shown = value.strftime("%d/%m/%Y") if value else text(cell)
        return None, _("Ngày sinh %(value)s không hợp lý cho người đang công tác.") % {"value": shown}, ""
    return value, None, ""


_GROUPS = [
    ("khong chuyen trach", Person.StaffGroup.OTHER),
    ("can bo", Person.StaffGroup.CADRE),
    ("cong chuc", Person.StaffGroup.CIVIL_SERVANT),
    ("vien chuc", Person.StaffGroup.PUBLIC_EMPLOYEE),
    ("nguoi lao dong", Person.StaffGroup.WORKER),
    ("lao dong", Person.StaffGroup.WORKER),
    ("hop dong", Person.StaffGroup.WORKER),
    ("khac", Person.StaffGroup.OTHER),
]
_GROUP_CODES = {
    "cb": Person.StaffGroup.CADRE,
    "cc": Person.StaffGroup.CIVIL_SERVANT,
    "vc": Person.StaffGroup.PUBLIC_EMPLOYEE,
    "nld": Person.StaffGroup.WORKER,
    "hd": Person.StaffGroup.WORKER,
    "hdld": Person.StaffGroup.WORKER,
    "cbcc": Person.StaffGroup.CIVIL_SERVANT,
}


def staff_group(cell) -> tuple[str, str | None]:
    raw = text(cell)
    if not raw:
        return "", None
    folded = fold(raw)
    compact = folded.replace(" ", "").replace(".", "")
    if compact in _GROUP_CODES:
        return _GROUP_CODES[compact], None
    for words, value in _GROUPS:
        if folded.startswith(words) or f" {words}" in f" {folded}":
            return value, None
    return "", _(
        "Nhóm đối tượng “%(value)s” không rõ: ghi Cán bộ, Công chức, Viên chức, Người lao động hoặc Khác."
    ) % {"value": raw[:60]}


# Leave, then departures, then "at work": "Đã chuyển công tác" and "Đã nghỉ làm việc" hold the words of
# "công tác" too, and "Đã nghỉ thai sản" those of a departure.
_STATUSES = [
    (
        (
            "nghi dai han",
            "nghi om",
            "om dau",
            "thai san",
            "di hoc",
            "nghi phep",
            "tam nghi",
            "nghi khong luong",
        ),
        Person.Status.ON_LEAVE,
    ),
    (
        (
            "da chuyen",
            "chuyen cong tac",
            "chuyen di",
            "nghi viec",
            "thoi viec",
            "nghi huu",
            "da nghi",
            "nghi che do",
        ),
        Person.Status.LEFT,
    ),
    (
        ("dang cong tac", "cong tac", "dang lam viec", "lam viec", "hoat dong", "dang lam"),
        Person.Status.ACTIVE,
    ),
]


def status(cell) -> tuple[str, str | None]:
    raw = text(cell)
    if not raw:
        return "", None
    folded = fold(raw)
    for words, value in _STATUSES:
        if any(folded.startswith(w) or f" {w}" in f" {folded}" for w in words):
            return value, None
    return "", _(
        "Trạng thái “%(value)s” không rõ: ghi Đang công tác, Nghỉ dài hạn hoặc Đã chuyển đi, nghỉ việc."
    ) % {"value": raw[:60]}


def position(cell) -> tuple[str, str | None]:
    value = text(cell)
    if len(value) > 150:
        return value[:150], _("Chức vụ dài quá 150 ký tự.")
    return value, None
