"""Rules on a case's values, shared by the entry form, the services and the importer (one wording everywhere)."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.org.phones import PhoneError, normalise_phone

from .models import AgeBand

EARLIEST = dt.date(2000, 1, 1)
_ID_NUMBER = re.compile(r"^(?:\d{9}|\d{12})$")
_BAD_NAME = re.compile(r"[0-9@#$%^&*=+<>{}\[\]|\\/_:;!?]")


def date_problems(
    reported_on: dt.date | None, occurred_on: dt.date | None, today: dt.date | None = None
) -> dict:
    """{field: message} for impossible dates."""
    today = today or timezone.localdate()
    problems = {}
    if reported_on and reported_on > today:
        problems["reported_on"] = _("Ngày tiếp nhận %(d)s ở sau hôm nay.") % {
            "d": reported_on.strftime("%d/%m/%Y")
        }
    if occurred_on and occurred_on > today:
        problems["occurred_on"] = _("Ngày xảy ra %(d)s ở sau hôm nay.") % {
            "d": occurred_on.strftime("%d/%m/%Y")
        }
    elif occurred_on and reported_on and occurred_on > reported_on:
        problems["occurred_on"] = _("Ngày xảy ra (%(o)s) phải trước hoặc bằng ngày tiếp nhận (%(r)s).") % {
            "o": occurred_on.strftime("%d/%m/%Y"),
            "r": reported_on.strftime("%d/%m/%Y"),
        }
    for field, value in (("reported_on", reported_on), ("occurred_on", occurred_on)):
        if value and value < EARLIEST and field not in problems:
            problems[field] = _("Ngày %(d)s quá xa: sổ ghi các vụ việc từ năm 2000.") % {
                "d": value.strftime("%d/%m/%Y")
            }
    return problems


def amount_problems(lost: int | None, recovered: int | None) -> dict:
    problems = {}
    if lost is not None and lost < 0:
        problems["amount_lost"] = _("Số tiền bị chiếm đoạt không thể âm.")
    if recovered is not None and recovered < 0:
        problems["amount_recovered"] = _("Số tiền thu hồi không thể âm.")
    elif recovered and (lost or 0) < recovered:
        problems["amount_recovered"] = _("Số tiền thu hồi không thể lớn hơn số tiền bị chiếm đoạt.")
    return problems


def tidy_name(value: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in (value or "").split())


def clean_victim(data: dict, today: dt.date | None = None) -> tuple[dict, dict]:
    """(clean values, {field: message}) for the victim's personal data; every field may be empty."""
    today = today or timezone.localdate()
    out, problems = {}, {}
    name = " ".join((data.get("full_name") or "").split())
    if name and _BAD_NAME.search(name):
        problems["full_name"] = _("Họ và tên nạn nhân có chữ số hoặc ký hiệu lạ.")
    elif len(name) > 150:
        problems["full_name"] = _("Họ và tên dài quá 150 ký tự.")
    out["full_name"] = tidy_name(name)
    phone = data.get("phone")
    out["phone"] = ""
    if phone not in (None, ""):
        try:
            out["phone"], _note = normalise_phone(phone)
        except PhoneError as exc:
            problems["phone"] = str(exc)
    id_number = re.sub(r"[\s.\-]", "", str(data.get("id_number") or ""))
    if id_number.endswith(".0"):
        id_number = id_number[:-2]
    if id_number and not _ID_NUMBER.match(id_number):
        problems["id_number"] = _("Số CCCD có 12 chữ số (CMND cũ 9 chữ số); “%(v)s” không đúng.") % {
            "v": id_number[:20]
        }
    out["id_number"] = id_number
    address = " ".join((data.get("address") or "").split())
    if len(address) > 300:
        problems["address"] = _("Địa chỉ dài quá 300 ký tự.")
    out["address"] = address
    year = data.get("birth_year")
    out["birth_year"] = None
    if year not in (None, ""):
        try:
            year = int(float(str(year).strip()))
        except ValueError:
            problems["birth_year"] = _("Năm sinh ghi bằng 4 chữ số, ví dụ 1968.")
        else:
            if not (1900 <= year <= today.year):
                problems["birth_year"] = _("Năm sinh %(y)s không hợp lý.") % {"y": year}
            else:
                out["birth_year"] = year
    return out, problems


def age_band_for(birth_year: int | None, on: dt.date | None) -> str:
    if not birth_year or not on:
        return AgeBand.UNKNOWN
    return AgeBand.for_age(on.year - birth_year)
