"""Word documents (python-docx) of the needs assessment: a unit's summary and the province's summary for the
police. Times New Roman 13, A4, the heading block of an administrative document (Decree 30/2020 shape), from the
building blocks of core.documents."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from canhgiac.core.documents import (
    Heading,
    docx_bullet,
    docx_bytes,
    docx_heading,
    docx_para,
    docx_section,
    docx_table,
    docx_title,
    new_docx,
    vn_number,
    vn_percent,
)


def _pct(value) -> str:
    return vn_percent(value)


def _number(value) -> str:
    return vn_number(value)


def _document(issuer_top: str, issuer: str):
    doc = new_docx()
    heading = Heading(
        parent=issuer_top, agency=issuer, number=None, place=settings.PROVINCE_NAME, day=timezone.localdate()
    )
    docx_heading(doc, heading)
    return doc


def _table(doc, headers: list[str], rows: list[list[str]], widths: list[float]) -> None:
    docx_table(doc, headers, rows, widths, align=["center", "left"] + ["center"] * (len(headers) - 2))


def unit_needs_docx(data: dict) -> bytes:
    """The unit's needs summary: pre-test by method and the survey."""
    campaign, unit, assessment, pretest = data["campaign"], data["unit"], data["assessment"], data["pretest"]
    doc = _document("Tỉnh " + settings.PROVINCE_NAME, unit.name)
    docx_title(
        doc,
        "Báo cáo đánh giá nhu cầu",
        "tuyên truyền phòng ngừa lừa đảo chiếm đoạt tài sản trên không gian mạng",
    )
    docx_para(
        doc,
        f"Thực hiện {campaign.legal_reference} ({campaign.title}), {unit.name} báo cáo kết quả đánh giá nhu cầu "
        "bồi dưỡng kiến thức, kỹ năng nhận biết, phòng tránh lừa đảo trên không gian mạng như sau:",
    )
    docx_section(doc, "I. KẾT QUẢ KIỂM TRA ĐẦU VÀO")
    summary = pretest.get("summary")
    if pretest.get("course") is None or summary is None or not summary.pre_takers:
        docx_para(doc, "Đơn vị chưa có cán bộ làm bài kiểm tra đầu vào.")
    else:
        docx_para(
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
        docx_para(doc, "Tỷ lệ trả lời đúng theo từng phương thức (thấp nhất ở trên):")
        _table(
            doc, ["STT", "Phương thức lừa đảo", "Trả lời đúng", "Đang gia tăng"], rows, [1.2, 9.5, 2.8, 2.5]
        )
    docx_section(doc, "II. NHU CẦU CỦA ĐƠN VỊ")
    if assessment is None:
        docx_para(doc, "Đơn vị chưa khảo sát nhu cầu.")
    else:
        docx_bullet(doc, "Hình thức phù hợp: " + ("; ".join(assessment.format_labels()) or "chưa chọn") + ".")
        topics = [f"{m.number}. {m.name}" if m.number else m.name for m in assessment.topics.all()]
        docx_bullet(doc, "Chuyên đề cần tuyên truyền: " + ("; ".join(topics) or "chưa chọn") + ".")
        if assessment.other_topics.strip():
            docx_bullet(doc, f"Nội dung khác: {assessment.other_topics.strip()}")
        docx_bullet(doc, f"Số buổi đề nghị: {assessment.sessions_wanted}.")
        if assessment.preferred_period:
            docx_bullet(doc, f"Thời gian thuận lợi: {assessment.preferred_period}.")
        if assessment.priority_groups:
            docx_bullet(doc, "Nhóm cần ưu tiên: " + "; ".join(assessment.priority_group_labels()) + ".")
        docx_bullet(
            doc,
            "Đề nghị Công an tỉnh cử báo cáo viên: " + ("có" if assessment.speaker_needed else "không") + ".",
        )
        if assessment.notes.strip():
            docx_section(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ")
            docx_para(doc, assessment.notes.strip())
        state = (
            f"Đã gửi ngày {timezone.localtime(assessment.submitted_at):%d/%m/%Y}."
            if assessment.is_submitted
            else "Bản nháp, chưa gửi."
        )
        note = doc.add_paragraph(state)
        note.runs[0].italic = True
    return docx_bytes(doc)


def province_needs_docx(data: dict) -> bytes:
    """The province's summary of needs for the provincial police."""
    campaign = data["campaign"]
    doc = _document("Ủy ban nhân dân tỉnh " + settings.PROVINCE_NAME, settings.POLICE_AGENCY_NAME)
    docx_title(doc, "Tổng hợp nhu cầu tuyên truyền", f"theo {campaign.legal_reference}")
    docx_section(doc, "I. TÌNH HÌNH GỬI ĐÁNH GIÁ NHU CẦU")
    docx_para(
        doc,
        f"{data['submitted']}/{data['expected']} đơn vị đã gửi đánh giá nhu cầu; tổng số buổi tuyên truyền đề nghị: "
        f"{data['sessions']}; {data['speaker_needed']} đơn vị đề nghị Công an tỉnh cử báo cáo viên.",
    )
    docx_section(doc, "II. CHUYÊN ĐỀ ĐƯỢC ĐỀ NGHỊ")
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
        docx_para(doc, "Chưa có đơn vị nào gửi đánh giá.")
    docx_section(doc, "III. HÌNH THỨC MONG MUỐN")
    for label, n in data["formats"]:
        docx_bullet(doc, f"{label}: {n} đơn vị.")
    if data["groups"]:
        docx_section(doc, "IV. NHÓM CẦN ƯU TIÊN")
        for label, n in data["groups"]:
            docx_bullet(doc, f"{label}: {n} đơn vị.")
    weakest = data["pretest"].get("weakest") or []
    if weakest:
        docx_section(doc, "V. PHƯƠNG THỨC CÁN BỘ CÒN YẾU (KIỂM TRA ĐẦU VÀO)")
        for m in weakest:
            docx_bullet(doc, f"{m.method.name}: {_pct(m.pre_rate)} trả lời đúng.")
    if data["rising"]:
        docx_section(doc, "VI. PHƯƠNG THỨC ĐANG GIA TĂNG TRONG CÁC VỤ VIỆC")
        for m in data["rising"]:
            docx_bullet(doc, f"{m['name']}: {m['recent']} vụ gần đây (trước đó {m['previous']} vụ).")
    missing = [
        u["participant"].unit.name
        for u in data["units"]
        if not (u["assessment"] and u["assessment"].is_submitted)
    ]
    docx_section(doc, "VII. ĐƠN VỊ CHƯA GỬI")
    docx_para(doc, "; ".join(missing) + "." if missing else "Tất cả đơn vị đã gửi.")
    if data["other_topics"]:
        docx_section(doc, "VIII. ĐỀ XUẤT KHÁC CỦA ĐƠN VỊ")
        for participant, text in data["other_topics"]:
            docx_bullet(doc, f"{participant.unit.name}: {text.strip()}")
    return docx_bytes(doc)
