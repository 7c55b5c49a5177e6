"""The official documents: Decree 30 layout in Word and PDF, the appendix in Excel, hostile text kept inert."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from canhgiac.core.documents import place_date
from canhgiac.reports import services
from canhgiac.reports.selectors import consolidation, province_report_for

HOSTILE = '=HYPERLINK("http://lua-dao.example","Bấm vào")'


@pytest.fixture
def accepted(tree, campaign, coordinator, ward_manager, other_ward_manager, write_report):
    hong_gai = write_report(tree.hong_gai, ward_manager, submit=True, number="45/BC-UBND")
    services.unit_report_accept(report=hong_gai, actor=coordinator)
    write_report(tree.bai_chay, other_ward_manager, submit=True, signer_name="Bùi Thị Ngọc")
    return hong_gai


@pytest.fixture
def province(campaign, coordinator):
    return services.province_report_save(
        campaign=campaign,
        actor=coordinator,
        version=0,
        values={
            "number": "25/BC-CAT",
            "issued_on": date(2026, 11, 28),
            "agency_parent": "UBND tỉnh Quảng Ninh",
            "agency_name": "Công an tỉnh Quảng Ninh",
            "recipients": "UBND tỉnh (để báo cáo);\nLưu: VT, PA05.",
            "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
            "signer_name": "Đại tá Nguyễn Văn Thử",
            "proposals": "Đề nghị UBND tỉnh chỉ đạo các đơn vị chưa báo cáo hoàn thành trước 20/12.",
        },
    )


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _pdftotext(data: bytes, tmp_path, first_page_only=False) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    args = ["pdftotext", "-layout"] + (["-f", "1", "-l", "1"] if first_page_only else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def test_place_and_date_follow_decree_30():
    assert place_date("Quảng Ninh", date(2026, 11, 28)) == "Quảng Ninh, ngày 28 tháng 11 năm 2026"
    assert place_date("Quảng Ninh", date(2026, 2, 5)) == "Quảng Ninh, ngày 05 tháng 02 năm 2026"


def test_the_province_report_in_word(campaign, coordinator, accepted, province):
    from docx import Document

    from canhgiac.reports.documents import province_report_docx

    data = province_report_docx(province, consolidation(viewer=coordinator, campaign=campaign))
    text = _docx_text(data)
    for expected in (
        "UBND TỈNH QUẢNG NINH",
        "CÔNG AN TỈNH QUẢNG NINH",
        "Số: 25/BC-CAT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ninh, ngày 28 tháng 11 năm 2026",
        "BÁO CÁO",
        "Có 2/4 đơn vị đã gửi báo cáo (đạt 50,0%)",
        "Đơn vị chưa gửi báo cáo (2): Sở Tài chính; Xã Ba Chẽ.",
        "Phường Bãi Cháy (chờ duyệt)",
        "Nơi nhận:",
        "- UBND tỉnh (để báo cáo);",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Đại tá Nguyễn Văn Thử",
        "PHỤ LỤC: KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ",
        "(Kèm theo Báo cáo số 25/BC-CAT ngày 28/11/2026 của Công an tỉnh Quảng Ninh)",
    ):
        assert expected in text, expected
    doc = Document(io.BytesIO(data))
    date_run = next(
        r for p in doc.tables[0].rows[0].cells[1].paragraphs for r in p.runs if "ngày 28" in r.text
    )
    assert date_run.italic
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.left_margin.cm, 1) == 3.0
    assert doc.styles["Normal"].font.name == "Times New Roman"
    appendix = doc.tables[-1]
    names = [row.cells[1].text for row in appendix.rows]
    assert names[0] == "Đơn vị" and "Phường Hồng Gai" in names and names[-1].startswith("Cộng (1 báo cáo")
    hong_gai_row = next(row for row in appendix.rows if row.cells[1].text == "Phường Hồng Gai")
    assert hong_gai_row.cells[2].text == "Đã duyệt" and hong_gai_row.cells[4].text == str(accepted.people)
    ba_che_row = next(row for row in appendix.rows if row.cells[1].text == "Xã Ba Chẽ")
    assert ba_che_row.cells[2].text == "Chưa lập báo cáo" and ba_che_row.cells[4].text == "—"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_the_province_report_as_pdf(campaign, coordinator, accepted, province, tmp_path):
    from canhgiac.reports.documents import province_report_pdf

    data = province_report_pdf(province, consolidation(viewer=coordinator, campaign=campaign))
    assert data.startswith(b"%PDF")
    first = _pdftotext(data, tmp_path, first_page_only=True)
    for expected in ("CÔNG AN TỈNH QUẢNG NINH", "Số: 25/BC-CAT", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO"):
        assert expected in first, expected
    assert "ngày 28 tháng 11 năm 2026" in first
    whole = _pdftotext(data, tmp_path)
    assert "PHỤ LỤC" in whole and "Phường Hồng Gai" in whole and "Nơi nhận:" in whole
    fonts = subprocess.run(["pdffonts", str(tmp_path / "doc.pdf")], capture_output=True, text=True).stdout  # noqa: S607
    assert "Liberation" in fonts or "Times" in fonts  # Times New Roman or its metric twin


def test_the_appendix_in_excel_keeps_hostile_text_inert(campaign, coordinator, accepted, province, tree):
    from canhgiac.reports.documents import province_appendix_xlsx

    tree.ba_che.name = HOSTILE
    tree.ba_che.save()
    data = province_appendix_xlsx(province, consolidation(viewer=coordinator, campaign=campaign))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Phụ lục").to_python()
    header = rows[3]
    assert header[:4] == ["STT", "Mã đơn vị", "Đơn vị", "Tình trạng báo cáo"]
    by_name = {row[2]: row for row in rows[4:]}
    hong_gai = by_name["Phường Hồng Gai"]
    assert hong_gai[3] == "Đã duyệt" and hong_gai[5] == "Có" and hong_gai[9] == accepted.people
    assert by_name["'" + HOSTILE][3] == "Chưa lập báo cáo"
    assert rows[-1][2].startswith("Cộng (1 báo cáo")


def test_a_unit_report_in_word_and_pdf(accepted, tmp_path):
    from canhgiac.reports.documents import unit_report_docx, unit_report_pdf

    text = _docx_text(unit_report_docx(accepted))
    assert "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG GAI" in text and "Số: 45/BC-UBND" in text
    assert "I. KẾT QUẢ THỰC HIỆN" in text and "Phường đã tổ chức 01 hội nghị" in text
    assert "KT. CHỦ TỊCH" in text and "Hoàng Văn Nam" in text and "DỰ THẢO" not in text
    if shutil.which("pdftotext"):
        pdf = _pdftotext(unit_report_pdf(accepted), tmp_path)
        assert "ỦY BAN NHÂN DÂN PHƯỜNG" in pdf and "HỒNG GAI" in pdf and "Số: 45/BC-UBND" in pdf


def test_a_draft_says_so(tree, department_manager, write_report):
    from canhgiac.reports.documents import unit_report_docx

    draft = write_report(tree.finance, department_manager)
    text = _docx_text(unit_report_docx(draft))
    assert "DỰ THẢO" in text and "UBND TỈNH QUẢNG NINH" in text and "SỞ TÀI CHÍNH" in text


def test_defaults_of_the_province_report(campaign):
    province = province_report_for(campaign=campaign)
    assert province.pk is None and province.agency_name == "Công an tỉnh Quảng Ninh"
