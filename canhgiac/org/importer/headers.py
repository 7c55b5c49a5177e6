"""The roster's header: its fields and their spellings, read by the shared `canhgiac.org.tabular.headers`.

Government lists start with title rows ("UBND PHƯỜNG HỒNG GAI", "DANH SÁCH CÁN BỘ, CÔNG CHỨC..."), often have a
header over two rows and a row numbering the columns "(1) (2) (3)". Header names vary: "Họ và tên", "Ho ten",
"HỌ TÊN", "Họ tên cán bộ"; "SĐT", "Điện thoại di động"; "Đơn vị công tác". Labels are folded (no diacritics,
lower case, no punctuation) and looked up in the synonyms below.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..tabular.headers import HeaderSpec, is_numbering_row

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

SPEC = HeaderSpec(
    fields=FIELDS,
    synonyms=SYNONYMS,
    key_fields=("full_name", "given_name"),
    exact_only=_EXACT_ONLY,
    prefer={"phone": "di dong"},
)

__all__ = [
    "FIELDS",
    "SPEC",
    "SYNONYMS",
    "field_for",
    "find_header",
    "has_name",
    "is_numbering_row",
    "map_row",
]


def field_for(label) -> str | None:
    return SPEC.field_for(label)


def map_row(row: list) -> dict[int, str]:
    return SPEC.map_row(row)


def has_name(mapping: dict[int, str]) -> bool:
    return SPEC.has_key(mapping)


def find_header(rows: list[list], max_scan: int = 40) -> tuple[int, dict[int, str]] | None:
    """(index of the header row, mapping) or None when no row names the person."""
    return SPEC.find_header(rows, max_scan)
