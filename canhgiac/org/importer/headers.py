"""Find the header row of a roster and map its columns to Person fields, whatever the spelling.

Government lists start with title rows ("UBND PHƯỜNG HỒNG GAI", "DANH SÁCH CÁN BỘ, CÔNG CHỨC..."), often have a
header over two rows and a row numbering the columns "(1) (2) (3)". Header names vary: "Họ và tên", "Ho ten",
"HỌ TÊN", "Họ tên cán bộ"; "SĐT", "Điện thoại di động"; "Đơn vị công tác". Labels are folded (no diacritics,
lower case, no punctuation) and looked up in the synonyms below.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from canhgiac.core.text import fold

FIELDS = {
    "full_name": _("Họ và tên"),
    "family_name": _("Họ và tên đệm"),
    "given_name": _("Tên"),
    "staff_code": _("Mã cán bộ"),
    "unit_code": _("Mã đơn vị"),
    "unit_name": _("Đơn vị"),
    "position": _("Chức vụ, chức danh"),
    "staff_group": _("Nhóm đối tượng"),
    "email": _("Thư điện tử"),
    "phone": _("Số điện thoại"),
    "date_of_birth": _("Ngày sinh"),
    "status": _("Trạng thái"),
}

SYNONYMS = {
    "full_name": [
        "ho va ten",
        "ho ten",
        "hoten",
        "ho va ten can bo",
        "ho ten can bo",
        "ho va ten cbcc",
        "ho va ten cong chuc",
        "ho va ten nguoi lao dong",
        "ho ten nguoi lao dong",
        "ho va ten day du",
        "ten can bo",
        "ten nhan vien",
        "full name",
        "fullname",
        "name",
    ],
    "family_name": ["ho", "ho dem", "ho va dem", "ho va ten dem", "ho ten dem", "ho lot"],
    "given_name": ["ten", "ten goi"],
    "staff_code": [
        "ma can bo",
        "ma cb",
        "ma cbcc",
        "ma cong chuc",
        "ma vien chuc",
        "ma nhan vien",
        "ma nv",
        "ma so",
        "ma so can bo",
        "ma dinh danh",
        "ma ho so",
        "so hieu can bo",
        "so hieu",
        "ma ca nhan",
        "staff code",
        "ma",
    ],
    "unit_code": ["ma don vi", "ma dv", "ma co quan", "ma xa", "ma phuong", "ma xa phuong", "ma dvhc"],
    "unit_name": [
        "don vi",
        "ten don vi",
        "don vi cong tac",
        "co quan",
        "co quan don vi",
        "co quan cong tac",
        "noi cong tac",
        "phong ban",
        "bo phan",
        "phong ban bo phan",
        "don vi truc thuoc",
        "xa phuong",
    ],
    "position": [
        "chuc vu",
        "chuc danh",
        "chuc vu chuc danh",
        "chuc danh chuc vu",
        "vi tri viec lam",
        "vi tri cong tac",
        "vi tri",
        "cong viec",
        "chuc vu hien tai",
    ],
    "staff_group": [
        "nhom doi tuong",
        "doi tuong",
        "nhom",
        "loai can bo",
        "phan loai",
        "loai",
        "ngach",
        "loai hinh",
        "can bo cong chuc vien chuc",
    ],
    "email": [
        "email",
        "e mail",
        "thu dien tu",
        "dia chi email",
        "dia chi e mail",
        "dia chi thu dien tu",
        "hop thu",
        "hop thu cong vu",
        "mail",
    ],
    "phone": [
        "so dien thoai",
        "sdt",
        "so dt",
        "dien thoai",
        "dt",
        "dtdd",
        "di dong",
        "dien thoai di dong",
        "so di dong",
        "so dien thoai di dong",
        "so dien thoai lien he",
        "dien thoai lien he",
        "phone",
        "mobile",
    ],
    "date_of_birth": ["ngay sinh", "ngay thang nam sinh", "sinh ngay", "ns", "ngay sinh dd mm yyyy", "dob"],
    "status": ["trang thai", "tinh trang", "tinh trang cong tac", "trang thai cong tac"],
}
# Short or generic labels are recognised only when they are the whole header.
_EXACT_ONLY = {"ho", "ten", "ma", "ns", "dt", "nhom", "loai", "name", "mail", "vi tri", "so hieu"}
_IGNORED = {"stt", "tt", "so tt", "so thu tu", "ghi chu", "gioi tinh", "nam", "nu", "que quan", "dan toc"}

_LOOKUP = {syn: key for key, words in SYNONYMS.items() for syn in words}
_CONTAINED = sorted((s for s in _LOOKUP if s not in _EXACT_ONLY), key=len, reverse=True)
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_NUMBERING = re.compile(r"^\(?\s*[0-9]{1,2}\s*\)?$|^\(?[a-z]\)?$")


def normalise_label(value) -> str:
    if value is None or value == "":
        return ""
    text = fold(str(value))
    text = _PARENS.sub(" ", text)
    return _NON_WORD.sub(" ", text).strip()


def field_for(label) -> str | None:
    text = normalise_label(label)
    if not text or text in _IGNORED:
        return None
    if text in _LOOKUP:
        return _LOOKUP[text]
    padded = f" {text} "
    for synonym in _CONTAINED:
        if f" {synonym} " in padded:
            return _LOOKUP[synonym]
    return None


def map_row(row: list) -> dict[int, str]:
    """{column index: field} for one candidate header row; the first column of a field wins, except that a
    mobile-phone column beats another phone column."""
    mapping: dict[int, str] = {}
    taken: dict[str, int] = {}
    for index, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        key = field_for(cell)
        if key is None:
            continue
        if key in taken:
            if key == "phone" and "di dong" in normalise_label(cell):
                del mapping[taken[key]]
            else:
                continue
        taken[key] = index
        mapping[index] = key
    return mapping


def has_name(mapping: dict[int, str]) -> bool:
    fields = set(mapping.values())
    return "full_name" in fields or "given_name" in fields


def find_header(rows: list[list], max_scan: int = 40) -> tuple[int, dict[int, str]] | None:
    """(index of the header row, mapping) or None when no row names the person."""
    best: tuple[int, dict[int, str]] | None = None
    for index, row in enumerate(rows[:max_scan]):
        mapping = map_row(row)
        if not has_name(mapping):
            continue
        if best is None or len(set(mapping.values())) > len(set(best[1].values())):
            best = (index, mapping)
    return best


def is_numbering_row(row: list) -> bool:
    """The row under a header that numbers the columns: "(1) (2) (3)", "1 2 3" or "A B C"."""
    cells = [c for c in row if c not in ("", None)]
    if len(cells) < 2:
        return False
    texts = []
    for cell in cells:
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        texts.append(str(cell).strip().lower())
    if not all(_NUMBERING.match(t) for t in texts):
        return False
    digits = [int(re.sub(r"\D", "", t)) for t in texts if re.sub(r"\D", "", t)]
    return len(digits) < 2 or digits == sorted(digits)
