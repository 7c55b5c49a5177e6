"""Cells of a case file → case values, each with a Vietnamese message saying what to fix when it is wrong.

Converters return (value, error, note). Columns with few distinct values (locality, method, channel, group,
status) are read through per-import caches by the analysis.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from canhgiac.core.money import MoneyError, parse_money
from canhgiac.core.text import fold
from canhgiac.org.models import Unit
from canhgiac.org.tabular import values as cells

from ..models import LOCALITY_KINDS, AgeBand, CaseStatus, Channel, ClosureReason, OffenderAbroad, VictimGroup

_VN_DATE = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*(?:thang|/|-|\.)\s*(\d{1,2})\s*(?:nam|/|-|\.)\s*(\d{4})$")
_TIME = re.compile(r"\s+\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch))?$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:[;\n,]|\s/\s|\bvà\b|\bva\b)\s*", re.IGNORECASE)


def date(cell, *, label: str, today: dt.date) -> tuple[dt.date | None, str | None, str]:
    """A date as registers write it: a real date, an Excel serial, 15/3/2024, 2024-03-15, "ngày 15 tháng 3 năm
    2024", with or without a time after it."""
    if cell is None or cell == "" or (isinstance(cell, str) and not cell.strip()):
        return None, None, ""
    if isinstance(cell, str):
        raw = _TIME.sub("", " ".join(cell.split()))
        match = _VN_DATE.match(fold(raw))
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day), None, ""
            except ValueError:
                return (
                    None,
                    _("%(label)s “%(v)s” không có thật (ngày hoặc tháng sai).") % {"label": label, "v": raw},
                    "",
                )
        cell = raw
    value, problem, year = cells.read_date(cell, today=today)
    if problem == cells.YEAR_ONLY:
        return None, _("%(label)s chỉ có năm %(y)s: ghi đủ ngày/tháng/năm.") % {"label": label, "y": year}, ""
    if problem == cells.IMPOSSIBLE:
        return (
            None,
            _("%(label)s “%(v)s” không có thật (ngày hoặc tháng sai).")
            % {
                "label": label,
                "v": cells.text(cell),
            },
            "",
        )
    if problem:
        return (
            None,
            _("%(label)s “%(v)s” không đọc được: ghi dạng ngày/tháng/năm, ví dụ 15/03/2024.")
            % {
                "label": label,
                "v": cells.text(cell)[:40],
            },
            "",
        )
    return value, None, ""


def money(cell, *, label: str) -> tuple[int | None, str | None]:
    try:
        return parse_money(cell), None
    except MoneyError as exc:
        if exc.code == "negative":
            return None, _("%(label)s không thể âm.") % {"label": label}
        if exc.code == "fraction":
            return None, _("%(label)s tính bằng đồng, không có phần lẻ (“%(v)s”).") % {
                "label": label,
                "v": cells.text(cell)[:40],
            }
        return None, _(
            "%(label)s “%(v)s” không đọc được: ghi bằng chữ số, ví dụ 45.200.000, 45,2 triệu hoặc 1,5 tỷ."
        ) % {"label": label, "v": cells.text(cell)[:40]}


def _words(cell, table: list[tuple[tuple[str, ...], str]], message: str) -> tuple[str, str | None]:
    raw = cells.text(cell)
    if not raw:
        return "", None
    folded = f" {re.sub(r'[^0-9a-z]+', ' ', fold(raw)).strip()} "
    for words, value in table:
        if any(f" {w} " in folded for w in words):
            return value, None
    return "", message % {"v": raw[:60]}


_CHANNELS = [
    (("zalo",), Channel.ZALO),
    (("telegram", "tele"), Channel.TELEGRAM),
    (("facebook", "fb", "messenger", "face"), Channel.FACEBOOK),
    (("tiktok", "tik tok"), Channel.TIKTOK),
    (("sms", "tin nhan", "nhan tin"), Channel.SMS),
    (("goi dien", "cuoc goi", "dien thoai", "goi", "call"), Channel.CALL),
    (("ung dung", "app", "phan mem"), Channel.APP),
    (("trang web", "website", "web", "link", "duong link"), Channel.WEBSITE),
    (("email", "thu dien tu", "mail"), Channel.EMAIL),
    (("truc tiep", "gap mat"), Channel.IN_PERSON),
    (("khac",), Channel.OTHER),
]


def channel(cell):
    return _words(
        cell,
        _CHANNELS,
        _(
            "Kênh “%(v)s” không rõ: ghi Cuộc gọi, SMS, Zalo, Facebook, Telegram, TikTok, Trang web, Ứng dụng, Email."
        ),
    )


_GROUPS = [
    (("ngan hang", "tai chinh", "ke toan", "chung khoan", "bao hiem"), VictimGroup.FINANCE),
    (
        ("can bo", "cong chuc", "vien chuc", "cbccvc", "cbcc", "giao vien", "bac si", "cong an", "quan doi"),
        VictimGroup.CIVIL_SERVANT,
    ),
    (("hoc sinh", "sinh vien", "hoc vien"), VictimGroup.STUDENT),
    (("nghi huu", "huu tri", "huu", "cao tuoi"), VictimGroup.RETIREE),
    (
        (
            "kinh doanh",
            "doanh nghiep",
            "buon ban",
            "tieu thuong",
            "giam doc",
            "ho kinh doanh",
            "chu cua hang",
        ),
        VictimGroup.BUSINESS,
    ),
    (("cong nhan", "lao dong", "tho", "lai xe", "nong dan", "ngu dan"), VictimGroup.WORKER),
    (("khac", "tu do", "noi tro", "that nghiep"), VictimGroup.OTHER),
]


def victim_group(cell):
    return _words(
        cell,
        _GROUPS,
        _(
            "Nhóm nạn nhân “%(v)s” không rõ: ghi Cán bộ, công chức; Tài chính, ngân hàng; Công nhân, lao động; "
            "Học sinh, sinh viên; Nghỉ hưu; Kinh doanh; hoặc Khác."
        ),
    )


def age_band(cell) -> tuple[str, str | None]:
    raw = cells.text(cell)
    if not raw:
        return "", None
    folded = fold(raw)
    numbers = [int(n) for n in re.findall(r"\d+", folded)]
    unmatched = _("Độ tuổi “%(v)s” không khớp nhóm nào.") % {"v": raw[:40]}
    if folded.startswith(("duoi", "<")) and numbers:
        return (AgeBand.UNDER_18, None) if numbers[0] <= 18 else ("", unmatched)
    if folded.startswith(("tren", ">")) and numbers:
        return (AgeBand.OVER_60, None) if numbers[0] >= 60 else ("", unmatched)
    if len(numbers) == 2:  # a band "31-45" or "31 đến 45": its middle decides
        return AgeBand.for_age((numbers[0] + numbers[1]) // 2), None
    if len(numbers) == 1 and numbers[0] < 120:
        return AgeBand.for_age(numbers[0]), None
    if "chua ro" in folded or "khong ro" in folded:
        return AgeBand.UNKNOWN, None
    return "", _("Độ tuổi “%(v)s” không đọc được: ghi số tuổi (45) hoặc nhóm (31–45).") % {"v": raw[:40]}


def offender_abroad(cell) -> tuple[str, str | None]:
    raw = cells.text(cell)
    if not raw:
        return "", None
    folded = f" {fold(raw)} "
    if any(w in folded for w in (" chua ro ", " khong ro ", " chua xac dinh ", " ? ")):
        return OffenderAbroad.UNKNOWN, None
    if any(w in folded for w in (" trong nuoc ", " khong ", " no ", " k ")):
        return OffenderAbroad.NO, None
    if any(
        w in folded
        for w in (
            " co ",
            " x ",
            " nuoc ngoai ",
            " yes ",
            " campuchia ",
            " trung quoc ",
            " lao ",
            " myanmar ",
            " philippines ",
        )
    ):
        return OffenderAbroad.YES, None
    return "", _("Ô “%(v)s” không rõ: ghi Có (ở nước ngoài), Không hoặc Chưa rõ.") % {"v": raw[:40]}


def yes_no(cell) -> tuple[bool | None, str | None]:
    raw = cells.text(cell)
    if not raw:
        return None, None
    folded = fold(raw)
    if folded in {"co", "x", "yes", "da xac minh", "da", "1", "true"}:
        return True, None
    if folded in {"khong", "chua", "no", "0", "false", "chua xac minh"}:
        return False, None
    return None, _("Ô “%(v)s” không rõ: ghi Có hoặc Không.") % {"v": raw[:40]}


_CLOSURES = [
    (
        ("khong co dau hieu", "khong phai lua dao", "khong khoi to", "khong co toi pham"),
        ClosureReason.NOT_FRAUD,
    ),
    (("chuyen",), ClosureReason.TRANSFERRED),
    (
        ("xet xu", "giai quyet xong", "tra lai", "da giai quyet", "ket thuc", "hoa giai", "khac phuc"),
        ClosureReason.CONCLUDED,
    ),
]


def closure_reason(cell):
    return _words(
        cell,
        _CLOSURES,
        _(
            "Lý do kết thúc “%(v)s” không rõ: ghi Không có dấu hiệu lừa đảo, Chuyển cơ quan khác, hoặc Đã giải quyết xong."
        ),
    )


_STATUSES = [
    (("tam dinh chi", "tdc"), CaseStatus.SUSPENDED),
    (("khong khoi to",), CaseStatus.CLOSED),
    (("khoi to", "da khoi to", "kt"), CaseStatus.PROSECUTED),
    (("xac minh", "dang giai quyet", "dang xu ly", "dang dieu tra", "dang xac minh"), CaseStatus.VERIFYING),
    (("tiep nhan", "moi", "chua xu ly", "moi tiep nhan"), CaseStatus.REPORTED),
    (("ket thuc", "dong", "da giai quyet", "xong", "chuyen", "xet xu"), CaseStatus.CLOSED),
]


def status(cell) -> tuple[tuple[str, str], str | None]:
    """((status, closure reason guessed from the words), error)."""
    value, error = _words(
        cell,
        _STATUSES,
        _(
            "Tình trạng “%(v)s” không rõ: ghi Tiếp nhận, Đang xác minh, Đã khởi tố, Tạm đình chỉ hoặc Đã kết thúc."
        ),
    )
    reason = ""
    if value == CaseStatus.CLOSED:
        reason = closure_reason(cell)[0]
    return (value, reason), error


class LocalityIndex:
    """Wards, communes and special zones of a subtree, found by official code, name with or without diacritics,
    with or without "Phường", "Xã", "P.", "X.", "Đặc khu"."""

    _PREFIXES = ("phuong ", "xa ", "dac khu ", "p. ", "x. ", "p.", "x.", "dk ", "tt ", "thi tran ")

    def __init__(self, target: Unit):
        self.target = target
        self.by_code: dict[str, int] = {}
        self.by_name: dict[str, set[int]] = {}
        self.names: dict[int, str] = {}
        for pk, code, official, name, short in Unit.objects.filter(
            path__startswith=target.path, kind__in=LOCALITY_KINDS
        ).values_list("pk", "code", "official_code", "name", "short_name"):
            self.names[pk] = name
            for c in {code.upper(), official.upper()} - {""}:
                self.by_code[c] = pk
            for n in {self._key(name), self._key(short)} - {""}:
                self.by_name.setdefault(n, set()).add(pk)
            self.by_name.setdefault(fold(name), set()).add(pk)

    def _key(self, name: str) -> str:
        folded = fold(name)
        for prefix in self._PREFIXES:
            if folded.startswith(prefix):
                return folded[len(prefix) :].strip()
        return folded

    def find(self, cell) -> tuple[int | None, str | None]:
        raw = cells.text(cell)
        if not raw:
            return None, None
        code = cells.code(cell)
        if code.isdigit() and len(code) < 5:
            code = code.zfill(5)  # an official code that Excel stored as a number
        if code in self.by_code:
            return self.by_code[code], None
        found = self.by_name.get(fold(raw)) or self.by_name.get(self._key(raw)) or set()
        if len(found) == 1:
            return next(iter(found)), None
        if found:
            return None, _("“%(v)s” trùng tên nhiều xã, phường: ghi thêm “Phường”/“Xã” hoặc dùng mã.") % {
                "v": raw
            }
        return None, _("Xã, phường, đặc khu “%(v)s” không có trong %(unit)s.") % {
            "v": raw[:60],
            "unit": self.target.name,
        }


def _words_of(text: str) -> str:
    """Folded words separated by single spaces: "Kêu gọi đầu tư, tiền ảo" → "keu goi dau tu tien ao"."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


class MethodIndex:
    """Methods of the catalogue by number ("11", "PT11", "11. Kêu gọi…"), slug, or name with or without
    diacritics (a unique method whose name contains what was written, of at least two words)."""

    def __init__(self):
        from canhgiac.knowledge.models import ScamMethod

        rows = list(ScamMethod.objects.values_list("pk", "number", "slug", "name"))
        self.by_number = {n: pk for pk, n, _s, _n in rows if n}
        self.by_slug = {slug: pk for pk, _n, slug, _name in rows}
        self.by_name = {fold(name): pk for pk, _n, _s, name in rows}
        self.folded = [(_words_of(name), pk) for pk, _n, _s, name in rows]

    def find(self, cell) -> tuple[int | None, str | None]:
        raw = cells.text(cell)
        if not raw:
            return None, None
        folded = fold(raw)
        if folded in {"chua xac dinh", "chua ro", "khac", "khong ro"}:
            return None, None
        number = re.match(r"^(?:pt|so|hinh thuc|phuong thuc)?\s*(\d{1,2})(?:[.)\s-]|$)", folded)
        if number and int(number.group(1)) in self.by_number:
            return self.by_number[int(number.group(1))], None
        if raw.strip().lower() in self.by_slug:
            return self.by_slug[raw.strip().lower()], None
        if folded in self.by_name:
            return self.by_name[folded], None
        text = _words_of(raw)
        if len(text.split()) >= 2:
            hits = {pk for name, pk in self.folded if f" {text} " in f" {name} "}
            if len(hits) == 1:
                return hits.pop(), None
        return None, _(
            "Phương thức “%(v)s” không có trong danh mục: ghi số thứ tự (1–29) hoặc tên như trong danh mục "
            "“Nhận diện lừa đảo”."
        ) % {"v": raw[:60]}


def identifiers(cell, kind: str) -> tuple[list, str | None]:
    """Several identifiers of one kind in a cell (separated by ; , / "và" or new lines)."""
    from canhgiac.scamcheck.identifiers import normalise

    raw = cells.text(cell) if not isinstance(cell, str) else cell
    if not raw or not str(raw).strip():
        return [], None
    out, errors = [], []
    parts = (
        [p for p in _SPLIT.split(str(raw)) if p.strip()] if kind != "bank_account" else _accounts(str(raw))
    )
    for part in parts:
        try:
            out.append(normalise(kind, part.strip()))
        except ValidationError as exc:
            errors.append(" ".join(exc.messages))
    return out, ("; ".join(errors) or None)


def _accounts(raw: str) -> list[str]:
    """Accounts are written with their bank ("Techcombank 1903 6742 1850 11"): split on ; and new lines only,
    and on commas that are followed by a bank name or a digit run, not inside a number."""
    return [p for p in re.split(r"\s*(?:[;\n]|,\s(?=\D)|\bvà\b)\s*", raw) if p.strip()]
