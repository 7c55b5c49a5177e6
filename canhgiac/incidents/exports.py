"""Case workbooks: the export of the register (the columns its importer reads back) and the blank template.

An exported file re-imported unchanged changes nothing. Written with xlsxwriter in constant-memory mode; every
text cell goes through core.exports.safe_cell (formula injection). Victims' personal data is written only
when an investigator asks for it, and the caller audits that (services.victim_view).
"""

from __future__ import annotations

import datetime as dt

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canhgiac.core.exports import safe_cell

from .models import AgeBand, CaseStatus, Channel, ClosureReason, OffenderAbroad, VictimGroup

COLUMNS = [
    (gettext_lazy("Mã vụ việc"), 14),
    (gettext_lazy("Số hồ sơ, số tin báo"), 16),
    (gettext_lazy("Ngày tiếp nhận"), 12),
    (gettext_lazy("Ngày xảy ra"), 12),
    (gettext_lazy("Xã, phường, đặc khu"), 24),
    (gettext_lazy("Đơn vị thụ lý"), 22),
    (gettext_lazy("Phương thức, thủ đoạn"), 40),
    (gettext_lazy("Kênh tiếp cận"), 14),
    (gettext_lazy("Số tiền bị chiếm đoạt"), 18),
    (gettext_lazy("Số tiền đã thu hồi"), 16),
    (gettext_lazy("Nhóm nạn nhân"), 26),
    (gettext_lazy("Độ tuổi"), 18),
    (gettext_lazy("Đối tượng ở nước ngoài"), 16),
    (gettext_lazy("Tình trạng"), 14),
    (gettext_lazy("Lý do kết thúc"), 24),
    (gettext_lazy("Đã xác minh lừa đảo"), 12),
    (gettext_lazy("Số điện thoại đối tượng"), 22),
    (gettext_lazy("Tài khoản nhận tiền"), 28),
    (gettext_lazy("Đường link, trang web"), 28),
    (gettext_lazy("Tài khoản mạng xã hội đối tượng"), 28),
    (gettext_lazy("Tóm tắt diễn biến"), 60),
]
VICTIM_COLUMNS = [
    (gettext_lazy("Họ tên nạn nhân"), 24),
    (gettext_lazy("Năm sinh nạn nhân"), 10),
    (gettext_lazy("Số điện thoại nạn nhân"), 16),
    (gettext_lazy("Số CCCD nạn nhân"), 16),
    (gettext_lazy("Địa chỉ nạn nhân"), 36),
]
_KIND_COLUMN = {"phone": 16, "bank_account": 17, "url": 18, "social": 19}


def _start(target, title: str, subtitle: str, columns):
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet(_("Sổ vụ việc"))
    formats = {
        "title": workbook.add_format({"bold": True, "font_size": 13}),
        "muted": workbook.add_format({"italic": True, "font_color": "#5B6676"}),
        "head": workbook.add_format(
            {"bold": True, "bg_color": "#E7F0FA", "border": 1, "text_wrap": True, "valign": "vcenter"}
        ),
        "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
        "money": workbook.add_format({"num_format": "#,##0"}),
        "text": workbook.add_format({"num_format": "@"}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
    }
    for index, (_label, width) in enumerate(columns):
        sheet.set_column(index, index, width)
    sheet.write_string(0, 0, safe_cell(title), formats["title"])
    sheet.write_string(1, 0, safe_cell(subtitle), formats["muted"])
    sheet.write_row(3, 0, [str(label) for label, _w in columns], formats["head"])
    sheet.freeze_panes(4, 1)
    return workbook, sheet, formats


def _method_label(method) -> str:
    if method is None:
        return ""
    return f"{method.number}. {method.name}" if method.number else method.name


def write_cases(target, cases, *, title: str, with_victims: bool = False) -> int:
    """Write cases (a queryset; links, identifiers and victims are fetched in chunks) to `target`."""
    from django.db.models import Prefetch

    from .models import CaseIdentifier

    columns = COLUMNS + (VICTIM_COLUMNS if with_victims else [])
    now = timezone.localtime()
    workbook, sheet, formats = _start(
        target, title, _("Xuất lúc %(t)s từ hệ thống Cảnh giác.") % {"t": f"{now:%d/%m/%Y %H:%M}"}, columns
    )
    cases = cases.select_related("unit", "handling_unit", "method").prefetch_related(
        Prefetch("links", queryset=CaseIdentifier.objects.select_related("identifier"))
    )
    if with_victims:
        cases = cases.select_related("victim")
    labels = {
        "channel": dict(Channel.choices),
        "victim_group": dict(VictimGroup.choices),
        "age_band": dict(AgeBand.choices),
        "offender_abroad": dict(OffenderAbroad.choices),
        "status": dict(CaseStatus.choices),
        "closure_reason": dict(ClosureReason.choices),
    }
    row = 4
    for case in cases.iterator(chunk_size=2000):
        put = sheet.write_string
        put(row, 0, case.code)
        put(row, 1, safe_cell(case.external_ref), formats["text"])
        sheet.write_datetime(row, 2, dt.datetime.combine(case.reported_on, dt.time()), formats["date"])
        sheet.write_datetime(row, 3, dt.datetime.combine(case.occurred_on, dt.time()), formats["date"])
        put(row, 4, safe_cell(case.unit.name))
        put(row, 5, safe_cell(case.handling_unit.name if case.handling_unit else ""))
        put(row, 6, safe_cell(_method_label(case.method)))
        put(row, 7, str(labels["channel"].get(case.channel, "")))
        sheet.write_number(row, 8, case.amount_lost, formats["money"])
        sheet.write_number(row, 9, case.amount_recovered, formats["money"])
        for col, field in (
            (10, "victim_group"),
            (11, "age_band"),
            (12, "offender_abroad"),
            (13, "status"),
            (14, "closure_reason"),
        ):
            put(row, col, str(labels[field].get(getattr(case, field), "")))
        put(row, 15, _("Có") if case.is_confirmed else _("Không"))
        by_kind: dict[str, list[str]] = {}
        for link in case.links.all():
            by_kind.setdefault(link.identifier.kind, []).append(link.identifier.typed)
        for kind, col in _KIND_COLUMN.items():
            put(row, col, safe_cell("; ".join(by_kind.get(kind, []))), formats["text"])
        put(row, 20, safe_cell(case.summary))
        if with_victims:
            victim = getattr(case, "victim", None)
            if victim is not None:
                put(row, 21, safe_cell(victim.full_name))
                if victim.birth_year:
                    sheet.write_number(row, 22, victim.birth_year)
                put(row, 23, safe_cell(victim.phone_display), formats["text"])
                put(row, 24, safe_cell(victim.id_number), formats["text"])
                put(row, 25, safe_cell(victim.address))
        row += 1
    workbook.close()
    return row - 4


def write_template(target) -> None:
    """The blank register with one example row (fictitious) and a sheet explaining the accepted values."""
    workbook, sheet, formats = _start(
        target,
        _("SỔ THEO DÕI VỤ VIỆC LỪA ĐẢO CHIẾM ĐOẠT TÀI SẢN TRÊN KHÔNG GIAN MẠNG"),
        _("Mỗi dòng một vụ việc. Để trống “Mã vụ việc” khi ghi vụ mới; hệ thống tự cấp mã."),
        COLUMNS + VICTIM_COLUMNS,
    )
    example = [
        "",
        "12/TB-PA05",
        "15/03/2026",
        "10/03/2026",
        "Phường Hồng Gai",
        "Phòng PA05",
        "14. Giả danh Công an, Viện kiểm sát, Tòa án",
        "Cuộc gọi",
        "1,2 tỷ",
        "0",
        "Cán bộ, công chức, viên chức",
        "Từ 46 đến 60 tuổi",
        "Có",
        "Đang xác minh",
        "",
        "Có",
        "0123 456 789 (số gọi đến)",
        "Techcombank 19000000000000",
        "",
        "telegram @vi_du_doi_tuong",
        "Đối tượng gọi điện xưng cán bộ Công an, yêu cầu chuyển tiền vào tài khoản “tạm giữ”.",
        "Nguyễn Văn Ví Dụ",
        "1970",
        "0900 000 000",
        "000000000000",
        "Tổ 1, khu 2, phường Hồng Gai",
    ]
    guide = workbook.add_worksheet(_("Hướng dẫn"))
    guide.set_column(0, 0, 30)
    guide.set_column(1, 1, 100)
    lines = [
        (_("Ngày"), _("ngày/tháng/năm (15/03/2026), năm-tháng-ngày, hoặc ô ngày của Excel.")),
        (_("Số tiền"), _("1.500.000; 1500000 đ; 15 triệu; 45,2 tỷ; 2 tỷ 300 triệu.")),
        (
            _("Xã, phường, đặc khu"),
            _("tên (có hoặc không dấu, có hoặc không chữ “Phường”, “Xã”) hoặc mã đơn vị hành chính."),
        ),
        (_("Phương thức"), _("số thứ tự trong danh mục (1–29) hoặc tên phương thức.")),
        (_("Kênh tiếp cận"), ", ".join(str(label) for _v, label in Channel.choices)),
        (_("Nhóm nạn nhân"), "; ".join(str(label) for _v, label in VictimGroup.choices)),
        (
            _("Độ tuổi"),
            _("số tuổi (45) hoặc nhóm: ") + "; ".join(str(label) for _v, label in AgeBand.choices),
        ),
        (_("Tình trạng"), ", ".join(str(label) for _v, label in CaseStatus.choices)),
        (_("Lý do kết thúc"), "; ".join(str(label) for _v, label in ClosureReason.choices)),
        (
            _("Định danh của đối tượng"),
            _("nhiều mục trong một ô cách nhau bằng dấu chấm phẩy; số tài khoản ghi kèm tên ngân hàng."),
        ),
        (_("Thông tin nạn nhân"), _("chỉ điều tra viên nhập và xem; mọi lần xem đều được ghi nhật ký.")),
    ]
    for index, (name, text) in enumerate(lines):
        guide.write_string(index, 0, str(name), formats["head"])
        guide.write_string(index, 1, str(text))
    start = len(lines) + 2
    guide.write_string(start, 0, str(_("Ví dụ một dòng (thông tin hư cấu):")), formats["title"])
    for offset, ((label, _w), value) in enumerate(zip(COLUMNS + VICTIM_COLUMNS, example, strict=True)):
        guide.write_string(start + 1 + offset, 0, str(label), formats["muted"])
        guide.write_string(start + 1 + offset, 1, safe_cell(value))
    workbook.close()
