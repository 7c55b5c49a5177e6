"""Roster workbooks: the export of a roster and the blank template, with the columns the importer reads back.

An exported roster re-imported unchanged changes nothing (same headers, codes and values). Written with
xlsxwriter in constant-memory mode; every text cell goes through core.exports.safe_cell.
"""

from __future__ import annotations

import datetime as dt

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.exports import safe_cell

from .models import Person

COLUMNS = [
    (_("STT"), 6),
    (_("Họ và tên"), 28),
    (_("Mã cán bộ"), 14),
    (_("Chức vụ, chức danh"), 32),
    (_("Mã đơn vị"), 12),
    (_("Đơn vị"), 34),
    (_("Nhóm đối tượng"), 16),
    (_("Số điện thoại"), 15),
    (_("Thư điện tử"), 30),
    (_("Ngày sinh"), 12),
    (_("Trạng thái"), 22),
]


def _start(target, title: str, subtitle: str):
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet(_("Danh sách"))
    formats = {
        "title": workbook.add_format({"bold": True, "font_size": 13}),
        "muted": workbook.add_format({"italic": True, "font_color": "#5B6676"}),
        "head": workbook.add_format(
            {"bold": True, "bg_color": "#E7F0FA", "border": 1, "text_wrap": True, "valign": "vcenter"}
        ),
        "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
        "text": workbook.add_format({"num_format": "@"}),
    }
    for index, (_label, width) in enumerate(COLUMNS):
        sheet.set_column(index, index, width)
    sheet.write_string(0, 0, safe_cell(title), formats["title"])
    sheet.write_string(1, 0, safe_cell(subtitle), formats["muted"])
    sheet.write_row(3, 0, [str(label) for label, _w in COLUMNS], formats["head"])
    sheet.freeze_panes(4, 2)
    return workbook, sheet, formats


def write_roster(target, people, *, title: str) -> int:
    """Write people (a queryset, iterated in chunks) to `target`; returns how many rows were written."""
    now = timezone.localtime()
    workbook, sheet, formats = _start(
        target, title, _("Xuất lúc %(t)s từ hệ thống Cảnh giác.") % {"t": f"{now:%d/%m/%Y %H:%M}"}
    )
    row = 4
    statuses = dict(Person.Status.choices)
    groups = dict(Person.StaffGroup.choices)
    for number, person in enumerate(people.iterator(chunk_size=2000), start=1):
        sheet.write_number(row, 0, number)
        sheet.write_string(row, 1, safe_cell(person.full_name))
        sheet.write_string(row, 2, safe_cell(person.staff_code))
        sheet.write_string(row, 3, safe_cell(person.position))
        sheet.write_string(row, 4, safe_cell(person.unit.code), formats["text"])
        sheet.write_string(row, 5, safe_cell(person.unit.name))
        sheet.write_string(row, 6, str(groups.get(person.staff_group, "")))
        sheet.write_string(row, 7, safe_cell(person.phone_display), formats["text"])
        sheet.write_string(row, 8, safe_cell(person.email))
        if person.date_of_birth:
            sheet.write_datetime(
                row, 9, dt.datetime.combine(person.date_of_birth, dt.time()), formats["date"]
            )
        sheet.write_string(row, 10, str(statuses.get(person.status, "")))
        row += 1
    workbook.close()
    return row - 4


def write_template(target, *, unit) -> None:
    """A blank roster with the right headers, one example row and a sheet of instructions."""
    workbook, sheet, formats = _start(
        target,
        _("DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG — %(unit)s") % {"unit": unit.name.upper()},
        _(
            "Điền từ dòng 5; xóa dòng ví dụ trước khi tải lên. Cột Mã cán bộ giúp cập nhật đúng người khi nhập lại."
        ),
    )
    example = [
        "1",
        "Nguyễn Thị Minh Anh",
        "",
        "Chuyên viên",
        unit.code,
        unit.name,
        str(Person.StaffGroup.CIVIL_SERVANT.label),
        "0912 345 678",
        "",
        "",
        str(Person.Status.ACTIVE.label),
    ]
    for index, value in enumerate(example):
        sheet.write_string(4, index, safe_cell(value), formats["muted"])
    guide = workbook.add_worksheet(_("Hướng dẫn"))
    guide.set_column(0, 0, 24)
    guide.set_column(1, 1, 90)
    lines = [
        (
            _("Họ và tên"),
            _("Bắt buộc. Ghi đủ họ, tên đệm và tên; có thể tách thành hai cột “Họ và tên đệm” và “Tên”."),
        ),
        (
            _("Mã cán bộ"),
            _(
                "Nên có. Mỗi người một mã; nhập lại tệp sẽ cập nhật đúng người theo mã (không có mã thì theo thư điện tử)."
            ),
        ),
        (
            _("Mã đơn vị"),
            _("Mã của đơn vị trong hệ thống (xem trang Đơn vị). Trống: người thuộc đơn vị chọn khi tải lên."),
        ),
        (_("Nhóm đối tượng"), _("Cán bộ, Công chức, Viên chức, Người lao động hoặc Khác.")),
        (
            _("Số điện thoại"),
            _("10 chữ số (di động) hoặc 11 chữ số (máy bàn); có thể thiếu số 0 đầu, có dấu cách."),
        ),
        (_("Ngày sinh"), _("Ngày/tháng/năm, ví dụ 15/03/1985.")),
        (
            _("Trạng thái"),
            _("Đang công tác, Nghỉ dài hạn, hoặc Đã chuyển đi, nghỉ việc. Trống: đang công tác."),
        ),
        (
            _("Tệp chấp nhận"),
            _("Excel .xlsx, .xls hoặc CSV (UTF-8, Windows-1258); phông TCVN3 (ABC), VNI được tự chuyển."),
        ),
    ]
    guide.write_row(0, 0, [_("Cột"), _("Cách ghi")], formats["head"])
    for index, (column, text) in enumerate(lines, start=1):
        guide.write_string(index, 0, str(column))
        guide.write_string(index, 1, str(text))
    workbook.close()
