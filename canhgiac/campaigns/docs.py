"""Word documents (python-docx) of the needs assessment: a unit's summary and the province's summary for the
police. Times New Roman 13, A4, the heading block of an administrative document (Decree 30/2020 shape)."""

from __future__ import annotations

import io

from django.conf import settings
from django.utils import timezone
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def _pct(value) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.1f}".replace(".", ",") + "%"


def _number(value) -> str:
    return f"{value:,}".replace(",", ".")


def _document():
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_after = Pt(3)
    return doc


def _no_borders(table) -> None:
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)


def _cell_lines(cell, lines) -> None:
    cell.paragraphs[0].text = ""
    for index, (text, bold, size) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)


def _heading_block(doc, issuer_top: str, issuer: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    _cell_lines(left, [(issuer_top.upper(), False, 12), (issuer.upper(), True, 12), ("―――――", False, 10)])
    _cell_lines(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, 12),
            ("Độc lập - Tự do - Hạnh phúc", True, 13),
            ("―――――――――――", False, 10),
        ],
    )
    today = timezone.localdate()
    place = doc.add_paragraph()
    place.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = place.add_run(f"{settings.PROVINCE_NAME}, ngày {today.day} tháng {today.month} năm {today.year}")
    run.italic = True


def _title(doc, title: str, subtitle: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(12)
    run = paragraph.add_run(title.upper())
    run.bold = True
    run.font.size = Pt(14)
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(subtitle).bold = True


def _section(doc, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(9)
    paragraph.add_run(text).bold = True


def _para(doc, text: str) -> None:
    paragraph = doc.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)


def _bullet(doc, text: str) -> None:
    paragraph = doc.add_paragraph(f"- {text}")
    paragraph.paragraph_format.left_indent = Cm(1)


def _table(doc, headers: list[str], rows: list[list[str]], widths: list[float]) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text, width in zip(table.rows[0].cells, headers, widths, strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(12)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for values in rows:
        cells = table.add_row().cells
        for index, (cell, text, width) in enumerate(zip(cells, values, widths, strict=True)):
            cell.width = Cm(width)
            cell.paragraphs[0].text = ""
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(12)
            if index > 0 and index != 1:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _save(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def unit_needs_docx(data: dict) -> bytes:
    """The unit's needs summary: pre-test by method and the survey."""
    campaign, unit, assessment, pretest = data["campaign"], data["unit"], data["assessment"], data["pretest"]
    doc = _document()
    _heading_block(doc, "Tỉnh " + settings.PROVINCE_NAME, unit.name)
    _title(
        doc,
        "Báo cáo đánh giá nhu cầu",
        "tuyên truyền phòng ngừa lừa đảo chiếm đoạt tài sản trên không gian mạng",
    )
    _para(
        doc,
        f"Thực hiện {campaign.legal_reference} ({campaign.title}), {unit.name} báo cáo kết quả đánh giá nhu cầu "
        "bồi dưỡng kiến thức, kỹ năng nhận biết, phòng tránh lừa đảo trên không gian mạng như sau:",
    )
    _section(doc, "I. KẾT QUẢ KIỂM TRA ĐẦU VÀO")
    summary = pretest.get("summary")
    if pretest.get("course") is None or summary is None or not summary.pre_takers:
        _para(doc, "Đơn vị chưa có cán bộ làm bài kiểm tra đầu vào.")
    else:
        _para(
            doc,
            f"Số cán bộ, công chức, viên chức, người lao động đang công tác: {_number(summary.people)} người; "
            f"đã làm bài kiểm tra đầu vào: {_number(summary.pre_takers)} người "
            f"({_pct(summary.pre_takers / summary.people if summary.people else None)}); điểm trung bình "
            f"{(summary.pre_avg or 0):.1f}".replace(".", ",")
            + "%.",
        )
        rows = [
            [
                str(i),
                f"{m.method.number}. {m.method.name}" if m.method.number else m.method.name,
                _pct(m.pre_rate),
                "Có" if m.method.slug in data["rising_slugs"] else "",
            ]
            for i, m in enumerate(pretest["methods"], start=1)
        ]
        _para(doc, "Tỷ lệ trả lời đúng theo từng phương thức (thấp nhất ở trên):")
        _table(
            doc, ["STT", "Phương thức lừa đảo", "Trả lời đúng", "Đang gia tăng"], rows, [1.2, 9.5, 2.8, 2.5]
        )
    _section(doc, "II. NHU CẦU CỦA ĐƠN VỊ")
    if assessment is None:
        _para(doc, "Đơn vị chưa khảo sát nhu cầu.")
    else:
        _bullet(doc, "Hình thức phù hợp: " + ("; ".join(assessment.format_labels()) or "chưa chọn") + ".")
        topics = [f"{m.number}. {m.name}" if m.number else m.name for m in assessment.topics.all()]
        _bullet(doc, "Chuyên đề cần tuyên truyền: " + ("; ".join(topics) or "chưa chọn") + ".")
        if assessment.other_topics.strip():
            _bullet(doc, f"Nội dung khác: {assessment.other_topics.strip()}")
        _bullet(doc, f"Số buổi đề nghị: {assessment.sessions_wanted}.")
        if assessment.preferred_period:
            _bullet(doc, f"Thời gian thuận lợi: {assessment.preferred_period}.")
        if assessment.priority_groups:
            _bullet(doc, "Nhóm cần ưu tiên: " + "; ".join(assessment.priority_group_labels()) + ".")
        _bullet(
            doc,
            "Đề nghị Công an tỉnh cử báo cáo viên: " + ("có" if assessment.speaker_needed else "không") + ".",
        )
        if assessment.notes.strip():
            _section(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ")
            _para(doc, assessment.notes.strip())
        state = (
            f"Đã gửi ngày {timezone.localtime(assessment.submitted_at):%d/%m/%Y}."
            if assessment.is_submitted
            else "Bản nháp, chưa gửi."
        )
        note = doc.add_paragraph(state)
        note.runs[0].italic = True
    return _save(doc)


def province_needs_docx(data: dict) -> bytes:
    """The province's summary of needs for the provincial police."""
    campaign = data["campaign"]
    doc = _document()
    _heading_block(doc, "Ủy ban nhân dân tỉnh " + settings.PROVINCE_NAME, settings.POLICE_AGENCY_NAME)
    _title(doc, "Tổng hợp nhu cầu tuyên truyền", f"theo {campaign.legal_reference}")
    _section(doc, "I. TÌNH HÌNH GỬI ĐÁNH GIÁ NHU CẦU")
    _para(
        doc,
        f"{data['submitted']}/{data['expected']} đơn vị đã gửi đánh giá nhu cầu; tổng số buổi tuyên truyền đề nghị: "
        f"{data['sessions']}; {data['speaker_needed']} đơn vị đề nghị Công an tỉnh cử báo cáo viên.",
    )
    _section(doc, "II. CHUYÊN ĐỀ ĐƯỢC ĐỀ NGHỊ")
    if data["topics"]:
        rows = [
            [
                str(i),
                f"{t['method'].number}. {t['method'].name}" if t["method"].number else t["method"].name,
                str(t["votes"]),
                _pct(t["pre_rate"]),
                "Có" if t["rising"] else "",
            ]
            for i, t in enumerate(data["topics"], start=1)
        ]
        _table(
            doc,
            ["STT", "Phương thức", "Số đơn vị", "Đúng (đầu vào)", "Gia tăng"],
            rows,
            [1.2, 8.3, 2.2, 2.6, 2],
        )
    else:
        _para(doc, "Chưa có đơn vị nào gửi đánh giá.")
    _section(doc, "III. HÌNH THỨC MONG MUỐN")
    for label, n in data["formats"]:
        _bullet(doc, f"{label}: {n} đơn vị.")
    if data["groups"]:
        _section(doc, "IV. NHÓM CẦN ƯU TIÊN")
        for label, n in data["groups"]:
            _bullet(doc, f"{label}: {n} đơn vị.")
    weakest = data["pretest"].get("weakest") or []
    if weakest:
        _section(doc, "V. PHƯƠNG THỨC CÁN BỘ CÒN YẾU (KIỂM TRA ĐẦU VÀO)")
        for m in weakest:
            _bullet(doc, f"{m.method.name}: {_pct(m.pre_rate)} trả lời đúng.")
    if data["rising"]:
        _section(doc, "VI. PHƯƠNG THỨC ĐANG GIA TĂNG TRONG CÁC VỤ VIỆC")
        for m in data["rising"]:
            _bullet(doc, f"{m['name']}: {m['recent']} vụ gần đây (trước đó {m['previous']} vụ).")
    missing = [
        u["participant"].unit.name
        for u in data["units"]
        if not (u["assessment"] and u["assessment"].is_submitted)
    ]
    _section(doc, "VII. ĐƠN VỊ CHƯA GỬI")
    _para(doc, "; ".join(missing) + "." if missing else "Tất cả đơn vị đã gửi.")
    if data["other_topics"]:
        _section(doc, "VIII. ĐỀ XUẤT KHÁC CỦA ĐƠN VỊ")
        for participant, text in data["other_topics"]:
            _bullet(doc, f"{participant.unit.name}: {text.strip()}")
    return _save(doc)
