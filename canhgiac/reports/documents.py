"""The official documents of the reports app: a unit's report and the province report (.docx and .pdf from one
description, core.documents), and the province report's appendix as .xlsx (xlsxwriter, constant memory)."""

from __future__ import annotations

import io
from datetime import date

from django.conf import settings
from django.utils import timezone

from canhgiac.core.documents import (
    Appendix,
    Heading,
    OfficialDocument,
    to_docx,
    to_pdf,
    vn_number,
    vn_percent,
)
from canhgiac.core.exports import safe_cell

from .models import ProvinceReport, UnitReport
from .selectors import Consolidation

COMMUNE_KINDS = {"ward", "commune", "special_zone"}
APPENDIX_HEADERS = [
    "STT",
    "Đơn vị",
    "Báo cáo",
    "Ngày gửi",
    "Phải tuyên truyền",
    "Đã tuyên truyền",
    "Tỷ lệ",
    "Hội nghị",
    "Lượt dự",
]
APPENDIX_WIDTHS = [0.9, 4.2, 2.4, 1.9, 1.6, 1.6, 1.4, 1.2, 1.3]
APPENDIX_ALIGN = ["center", "left", "left", "center", "right", "right", "right", "right", "right"]


def _n(value) -> str:
    return vn_number(value)


def _pct(value) -> str:
    return vn_percent(value) if value is not None else "—"


def _score(value) -> str:
    """An average score already in percent (62.5 → "62,5%")."""
    return f"{vn_number(value, 1)}%" if value is not None else "—"


def signer_lines(title: str) -> str:
    """ "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" → two lines (the form takes one line; documents show two)."""
    return "\n".join(part.strip() for part in title.replace(" / ", "\n").splitlines() if part.strip())


def unit_heading(unit, number: str, day: date) -> Heading:
    """Who issues a unit's report: a commune's People's Committee under no parent line; a department or other
    provincial body under the province's People's Committee."""
    province = settings.PROVINCE_NAME
    if unit.kind in COMMUNE_KINDS:
        return Heading(
            parent="", agency=f"Ủy ban nhân dân {unit.name}", number=number, place=province, day=day
        )
    if unit.kind == "party_body":
        return Heading(parent=f"Tỉnh ủy {province}", agency=unit.name, number=number, place=province, day=day)
    if unit.kind == "front":
        return Heading(parent="", agency=unit.name, number=number, place=province, day=day)
    return Heading(parent=f"UBND tỉnh {province}", agency=unit.name, number=number, place=province, day=day)


def _subject(campaign) -> str:
    subject = campaign.legal_subject.strip() or campaign.title
    return f"Kết quả thực hiện Văn bản số {campaign.legal_number} ({subject[:1].lower()}{subject[1:]})"


def figure_lines(figures, *, on: date | None) -> list[str]:
    """The figures of a report (a UnitReport or a Consolidation) as sentences."""
    lines = [
        f"Tổng số cán bộ, công chức, viên chức, người lao động thuộc đối tượng: {_n(figures.headcount)} người; "
        f"miễn, vắng dài hạn: {_n(figures.exempt)} người; phải tuyên truyền: {_n(figures.people)} người"
        + (f" (số liệu đến ngày {on:%d/%m/%Y})." if on else "."),
        f"Đã được tuyên truyền: {_n(figures.reached)} người, đạt {_pct(figures.coverage)}.",
        f"Hội nghị tuyên truyền đã tổ chức: {_n(figures.conferences_held)} hội nghị với "
        f"{_n(figures.attendance)} lượt người dự.",
    ]
    if figures.pre_takers or figures.post_takers:
        lines.append(
            f"Kiểm tra kiến thức: đầu vào {_n(figures.pre_takers)} người, điểm trung bình {_score(figures.pre_avg)}; "
            f"đầu ra {_n(figures.post_takers)} người, điểm trung bình {_score(figures.post_avg)}."
        )
    else:
        lines.append("Kiểm tra kiến thức: chưa có cán bộ làm bài kiểm tra trực tuyến.")
    return lines


def unit_report_document(report: UnitReport) -> OfficialDocument:
    campaign, unit = report.campaign, report.unit
    day = timezone.localdate(report.submitted_at) if report.submitted_at else timezone.localdate()
    doc = OfficialDocument(
        heading=unit_heading(unit, report.number, day),
        title="Báo cáo",
        subject=_subject(campaign),
        recipients=[f"{settings.POLICE_AGENCY_NAME} (để tổng hợp);", "Lưu: VT."],
        signer_title=signer_lines(report.signer_title),
        signer_name=report.signer_name,
        draft=not report.was_submitted,
    )
    doc.para(f"Thực hiện {campaign.legal_reference}, {unit.name} báo cáo kết quả thực hiện như sau:")
    doc.section("I. KẾT QUẢ THỰC HIỆN")
    doc.section("1. Số liệu")
    for line in figure_lines(report, on=report.figures_on):
        doc.bullet(line)
    if report.weakest_methods:
        names = "; ".join(
            f"{m.get('name', '')} ({_pct(m.get('rate'))} trả lời đúng)" for m in report.weakest_methods
        )
        doc.bullet(f"Phương thức lừa đảo cán bộ còn nắm chưa chắc: {names}.")
    doc.section("2. Kết quả triển khai")
    doc.para(report.results or "Chưa nêu.")
    doc.section("II. KHÓ KHĂN, VƯỚNG MẮC")
    doc.para(report.difficulties or "Không có.")
    doc.section("III. ĐỀ XUẤT, KIẾN NGHỊ")
    doc.para(report.proposals or "Không có.")
    doc.para(f"Trên đây là báo cáo kết quả thực hiện của {unit.name}./.")
    return doc


def _status_text(row) -> str:
    text = row.state_label
    if row.late:
        text += f" (trễ {row.days_late} ngày)"
    return text


def appendix_rows(data: Consolidation) -> tuple[list[list[str]], list[str]]:
    rows = []
    for index, row in enumerate(data.completeness.rows, start=1):
        report = row.report
        figures = row.accepted
        rows.append(
            [
                str(index),
                row.unit.name,
                _status_text(row),
                f"{row.submitted_on:%d/%m/%Y}" if row.submitted_on else "—",
                _n(report.people) if figures else "—",
                _n(report.reached) if figures else "—",
                _pct(report.coverage) if figures else "—",
                _n(report.conferences_held) if figures else "—",
                _n(report.attendance) if figures else "—",
            ]
        )
    total = [
        "",
        f"Cộng ({_n(len(data.reports))} báo cáo đã duyệt)",
        "",
        "",
        _n(data.people),
        _n(data.reached),
        _pct(data.coverage),
        _n(data.conferences_held),
        _n(data.attendance),
    ]
    return rows, total


def province_report_document(province: ProvinceReport, data: Consolidation) -> OfficialDocument:
    campaign = province.campaign
    c = data.completeness
    day = province.issued_on or timezone.localdate()
    agency = province.agency_name or settings.POLICE_AGENCY_NAME
    doc = OfficialDocument(
        heading=Heading(
            parent=province.agency_parent,
            agency=agency,
            number=province.number,
            place=settings.PROVINCE_NAME,
            day=day,
        ),
        title="Báo cáo",
        subject=_subject(campaign),
        recipients=province.recipient_lines(),
        signer_title=signer_lines(province.signer_title),
        signer_name=province.signer_name,
    )
    doc.para(
        province.intro
        or (
            f"Thực hiện {campaign.legal_reference}, {agency} tổng hợp kết quả thực hiện của các cơ quan, đơn vị, "
            "địa phương như sau:"
        )
    )
    doc.section("I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ")
    doc.para(
        f"Có {_n(c.submitted)}/{_n(c.expected)} đơn vị đã gửi báo cáo (đạt {_pct(c.submitted_rate)}), trong đó "
        f"{_n(c.on_time)} đơn vị gửi đúng hạn ({_pct(c.on_time_rate)}) và {_n(c.late)} đơn vị gửi trễ hạn "
        f"(hạn báo cáo: {c.due_on:%d/%m/%Y}). {_n(c.accepted)} báo cáo đã được duyệt ({_pct(c.accepted_rate)}); "
        "số liệu dưới đây chỉ tổng hợp từ các báo cáo đã duyệt."
    )
    missing = [row.unit.name for row in data.missing_rows]
    if missing:
        doc.bullet(f"Đơn vị chưa gửi báo cáo ({_n(len(missing))}): " + "; ".join(missing) + ".")
    late = [f"{row.unit.name} (trễ {row.days_late} ngày)" for row in data.late_rows]
    if late:
        doc.bullet(f"Đơn vị gửi trễ hạn ({_n(len(late))}): " + "; ".join(late) + ".")
    pending = [f"{row.unit.name} ({row.state_label.lower()})" for row in data.not_accepted_rows]
    if pending:
        doc.bullet(
            f"Báo cáo chưa được duyệt, chưa tổng hợp ({_n(len(pending))}): " + "; ".join(pending) + "."
        )
    doc.section("II. KẾT QUẢ THỰC HIỆN")
    for line in figure_lines(data, on=None):
        doc.bullet(line)
    if data.weakest:
        names = "; ".join(f"{m['name']} ({_n(m['units'])} đơn vị)" for m in data.weakest)
        doc.bullet(f"Phương thức lừa đảo cán bộ còn nắm chưa chắc, theo số đơn vị nêu: {names}.")
    doc.bullet("Chi tiết từng đơn vị tại Phụ lục kèm theo.")
    if province.proposals.strip():
        doc.section("III. ĐỀ XUẤT, KIẾN NGHỊ")
        doc.para(province.proposals)
    doc.para(f"Trên đây là báo cáo tổng hợp kết quả thực hiện {campaign.legal_number} của {agency}./.")
    rows, total = appendix_rows(data)
    number = f"số {province.number} " if province.number else ""
    doc.appendix = Appendix(
        title="PHỤ LỤC: KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ",
        subtitle=f"(Kèm theo Báo cáo {number}ngày {day:%d/%m/%Y} của {agency})",
        headers=APPENDIX_HEADERS,
        rows=rows,
        widths=APPENDIX_WIDTHS,
        align=APPENDIX_ALIGN,
        total=total,
    )
    return doc


def unit_report_docx(report: UnitReport) -> bytes:
    return to_docx(unit_report_document(report))


def unit_report_pdf(report: UnitReport) -> bytes:
    return to_pdf(unit_report_document(report))


def province_report_docx(province: ProvinceReport, data: Consolidation) -> bytes:
    return to_docx(province_report_document(province, data))


def province_report_pdf(province: ProvinceReport, data: Consolidation) -> bytes:
    return to_pdf(province_report_document(province, data))


def province_appendix_xlsx(province: ProvinceReport, data: Consolidation) -> bytes:
    """Every responsible unit with its report's state and, for accepted reports, its figures."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "in_memory": True})
    sheet = book.add_worksheet("Phụ lục")
    bold = book.add_format({"bold": True, "font_name": "Times New Roman"})
    head = book.add_format(
        {
            "bold": True,
            "border": 1,
            "text_wrap": True,
            "align": "center",
            "valign": "vcenter",
            "font_name": "Times New Roman",
        }
    )
    text = book.add_format({"border": 1, "font_name": "Times New Roman"})
    day_fmt = book.add_format({"border": 1, "num_format": "dd/mm/yyyy", "font_name": "Times New Roman"})
    number = book.add_format({"border": 1, "num_format": "#,##0", "font_name": "Times New Roman"})
    ratio = book.add_format({"border": 1, "num_format": "0.0%", "font_name": "Times New Roman"})
    score = book.add_format({"border": 1, "num_format": "0.0", "font_name": "Times New Roman"})
    campaign = province.campaign
    c = data.completeness
    sheet.write(
        0, 0, safe_cell(f"Phụ lục: kết quả thực hiện {campaign.legal_number} — {campaign.title}"), bold
    )
    sheet.write(
        1,
        0,
        safe_cell(
            f"Đã gửi {c.submitted}/{c.expected}; đúng hạn {c.on_time}; trễ hạn {c.late}; đã duyệt {c.accepted}; "
            f"hạn báo cáo {c.due_on:%d/%m/%Y}. Số liệu chỉ của báo cáo đã duyệt."
        ),
    )
    headers = [
        "STT",
        "Mã đơn vị",
        "Đơn vị",
        "Tình trạng báo cáo",
        "Ngày gửi lần đầu",
        "Đúng hạn",
        "Ngày duyệt",
        "Tổng số thuộc đối tượng",
        "Miễn, vắng dài hạn",
        "Phải tuyên truyền",
        "Đã tuyên truyền",
        "Tỷ lệ",
        "Hội nghị đã tổ chức",
        "Lượt người dự",
        "Điểm đầu vào (%)",
        "Điểm đầu ra (%)",
    ]
    widths = [5, 12, 40, 22, 12, 9, 12, 11, 10, 11, 11, 8, 10, 10, 10, 10]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    for col, header in enumerate(headers):
        sheet.write(3, col, header, head)
    sheet.freeze_panes(4, 3)
    r = 4
    for index, row in enumerate(c.rows, start=1):
        report = row.report
        sheet.write_number(r, 0, index, text)
        sheet.write(r, 1, safe_cell(row.unit.code), text)
        sheet.write(r, 2, safe_cell(row.unit.name), text)
        sheet.write(r, 3, _status_text(row), text)
        if row.submitted_on:
            sheet.write_datetime(r, 4, _midnight(row.submitted_on), day_fmt)
            sheet.write(r, 5, "Có" if row.on_time else "Không", text)
        else:
            sheet.write_blank(r, 4, None, text)
            sheet.write_blank(r, 5, None, text)
        if row.accepted:
            sheet.write_datetime(r, 6, _midnight(timezone.localdate(report.accepted_at)), day_fmt)
            for col, value in enumerate(
                (report.headcount, report.exempt, report.people, report.reached), start=7
            ):
                sheet.write_number(r, col, value, number)
            if report.coverage is not None:
                sheet.write_number(r, 11, report.coverage, ratio)
            else:
                sheet.write_blank(r, 11, None, ratio)
            sheet.write_number(r, 12, report.conferences_held, number)
            sheet.write_number(r, 13, report.attendance, number)
            for col, value in ((14, report.pre_avg), (15, report.post_avg)):
                if value is None:
                    sheet.write_blank(r, col, None, score)
                else:
                    sheet.write_number(r, col, round(value, 1), score)
        else:
            for col in range(6, 16):
                sheet.write_blank(r, col, None, text)
        r += 1
    sheet.write(r, 2, f"Cộng ({len(data.reports)} báo cáo đã duyệt)", head)
    for col, value in enumerate((data.headcount, data.exempt, data.people, data.reached), start=7):
        sheet.write_number(r, col, value, number)
    if data.coverage is not None:
        sheet.write_number(r, 11, data.coverage, ratio)
    sheet.write_number(r, 12, data.conferences_held, number)
    sheet.write_number(r, 13, data.attendance, number)
    book.close()
    return out.getvalue()


def _midnight(day: date):
    from datetime import datetime, time

    return datetime.combine(day, time.min)
