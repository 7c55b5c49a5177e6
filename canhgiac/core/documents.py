"""Official documents in the layout of Decree 30/2020/NĐ-CP (thể thức văn bản hành chính), as Word (python-docx)
and PDF (fpdf2) from one description, so both say the same thing.

- A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 (tables 11–12).
- Heading block: the parent agency (upper case) and the issuing agency (upper case, bold) at the top left with
  the number and symbol ("Số: 25/BC-CAT") under them; the national motto at the top right
  ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc") with the place and date in italics
  under it ("Quảng Ninh, ngày 28 tháng 11 năm 2026"; a day below 10 and the months 1 and 2 take a leading 0).
- Title (bold, upper case) and its subject; the body as blocks (sections, paragraphs, bullets, tables).
- "Nơi nhận:" at the bottom left, the signature block (title, name) at the bottom right.
- An optional appendix on a new page: its title, what it goes with, a table.

Word through python-docx; PDF drawn with fpdf2 (see the PDF part below for why not WeasyPrint here).

Figures are written the Vietnamese way: 1.234 and 87,5% (`vn_number`, `vn_percent` from the template filters).
"""

from __future__ import annotations

import functools
import io
import logging
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from .templatetags.canhgiac import vn_number, vn_percent

logging.getLogger("fontTools").setLevel(logging.WARNING)  # fpdf2 subsets fonts and logs each step

__all__ = [
    "Appendix",
    "Heading",
    "OfficialDocument",
    "place_date",
    "to_docx",
    "to_pdf",
    "vn_number",
    "vn_percent",
]

# Characters XML 1.0 refuses (user text may carry them); tabs and line breaks are kept.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text) -> str:
    return _BAD_XML.sub("", "" if text is None else str(text))


def place_date(place: str, day: date) -> str:
    """ "Quảng Ninh, ngày 05 tháng 02 năm 2026" — Decree 30: days below 10 and months 1, 2 take a leading 0."""
    d = f"{day.day:02d}" if day.day < 10 else str(day.day)
    m = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {d} tháng {m} năm {day.year}"


@dataclass
class Heading:
    parent: str  # the directly superior agency ("UBND tỉnh Quảng Ninh"); may be empty
    agency: str  # the issuing agency ("Công an tỉnh Quảng Ninh")
    number: str | None  # "25/BC-CAT" without "Số:"; empty → "Số:      /BC"; None → no number line
    place: str
    day: date
    kind_symbol: str = "BC"

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else f"Số:        /{self.kind_symbol}"

    @property
    def date_line(self) -> str:
        return place_date(self.place, self.day)


@dataclass
class Appendix:
    title: str
    subtitle: str  # "(Kèm theo Báo cáo số … ngày … của …)"
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # cm, add up to the text width (16.5 cm)
    align: list[str]  # "left" | "center" | "right" per column
    total: list[str] | None = None


@dataclass
class OfficialDocument:
    heading: Heading
    title: str  # "BÁO CÁO"
    subject: str  # the line(s) under the title
    blocks: list[tuple] = field(default_factory=list)  # ("section"|"para"|"bullet"|"note", text)
    recipients: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""
    appendix: Appendix | None = None
    draft: bool = False  # "DỰ THẢO" under the title

    def section(self, text: str) -> None:
        self.blocks.append(("section", text))

    def para(self, text: str) -> None:
        """A paragraph; user text with several lines becomes several paragraphs."""
        for line in clean(text).splitlines():
            if line.strip():
                self.blocks.append(("para", line.strip()))

    def bullet(self, text: str) -> None:
        self.blocks.append(("bullet", text))

    def note(self, text: str) -> None:
        self.blocks.append(("note", text))


# --- Word ---------------------------------------------------------------------------------------------------

TEXT_WIDTH_CM = 16.5  # A4 21 cm − 3 cm − 1.5 cm
_TWIPS_PER_CM = 567
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def new_docx():
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
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


def _cell_lines(cell, lines, align=None) -> None:
    """lines: [(text, bold, italic, size)]."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    cell.paragraphs[0].text = ""
    for index, (text, bold, italic, size) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(clean(text))
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def docx_heading(doc, heading: Heading) -> None:
    """The heading block of Decree 30: agencies and number at the left, the motto, place and date at the right."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(10)
    lines = []
    if heading.parent:
        lines.append((heading.parent.upper(), False, False, 12))
    lines += [(heading.agency.upper(), True, False, 12), ("―――――", False, False, 8)]
    if heading.number is not None:
        lines.append((heading.number_line, False, False, 13))
    _cell_lines(left, lines)
    _cell_lines(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
            ("Độc lập - Tự do - Hạnh phúc", True, False, 13),
            ("―――――――――――", False, False, 8),
            (heading.date_line, False, True, 13),
        ],
    )


def docx_title(doc, title: str, subject: str, draft: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(clean(title).upper())
    run.bold, run.font.size = True, Pt(14)
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(clean(subject)).bold = True
    if draft:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run("(DỰ THẢO — chưa gửi)")
        run.italic = True


def docx_section(doc, text: str) -> None:
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(9)
    paragraph.add_run(clean(text)).bold = True


def docx_para(doc, text: str, italic: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.add_run(clean(text)).italic = italic


def docx_bullet(doc, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = doc.add_paragraph(f"- {clean(text)}")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)


def _tc(text: str, width_twips: int, align: str, size: int, bold: bool = False) -> str:
    jc = {"left": "left", "center": "center", "right": "right"}.get(align, "left")
    b = "<w:b/>" if bold else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:before="20" w:after="20"/><w:jc w:val="{jc}"/></w:pPr>'
        f'<w:r><w:rPr>{b}<w:sz w:val="{size * 2}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(clean(text).replace(chr(10), " "))}</w:t></w:r></w:p></w:tc>'
    )


def docx_table(
    doc,
    headers: list[str],
    rows: list[list[str]],
    widths: list[float],
    align: list[str] | None = None,
    size: int = 12,
    total: list[str] | None = None,
) -> None:
    """A bordered table. Rows are written as XML directly: python-docx's cell API costs about a millisecond a
    cell, too slow for a 600-unit appendix; the XML is the same Word writes."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import parse_xml

    align = align or ["left"] * len(headers)
    twips = [int(w * _TWIPS_PER_CM) for w in widths]
    table = doc.add_table(rows=0, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl = table._tbl
    grid = tbl.tblGrid
    for col, width in zip(grid.findall("{*}gridCol"), twips, strict=False):
        col.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w", str(width))
    header = "".join(_tc(h, w, "center", size, bold=True) for h, w in zip(headers, twips, strict=True))
    parts = [f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{header}</w:tr>"]
    for values in rows:
        cells = "".join(_tc(v, w, a, size) for v, w, a in zip(values, twips, align, strict=True))
        parts.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    if total:
        cells = "".join(_tc(v, w, a, size, bold=True) for v, w, a in zip(total, twips, align, strict=True))
        parts.append(f"<w:tr>{cells}</w:tr>")
    wrapper = parse_xml(f"<w:tbl {_W}>{''.join(parts)}</w:tbl>")
    for tr in list(wrapper):
        tbl.append(tr)


def docx_closing(doc, recipients: list[str], signer_title: str, signer_name: str) -> None:
    """ "Nơi nhận:" at the left, the signature block at the right."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc.add_paragraph().paragraph_format.space_after = Pt(0)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Cm(8), Cm(8.5)
    _cell_lines(
        left,
        [("Nơi nhận:", True, True, 12)] + [(f"- {r}", False, False, 11) for r in recipients],
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    title_lines = [
        (line.upper(), True, False, 13) for line in (signer_title or "").splitlines() if line.strip()
    ]
    _cell_lines(
        right,
        title_lines + [("", False, False, 13)] * 4 + [(signer_name or "", True, False, 13)],
    )


def to_docx(document: OfficialDocument) -> bytes:
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = new_docx()
    docx_heading(doc, document.heading)
    docx_title(doc, document.title, document.subject, document.draft)
    for kind, text in document.blocks:
        if kind == "section":
            docx_section(doc, text)
        elif kind == "bullet":
            docx_bullet(doc, text)
        elif kind == "note":
            docx_para(doc, text, italic=True)
        else:
            docx_para(doc, text)
    docx_closing(doc, document.recipients, document.signer_title, document.signer_name)
    appendix = document.appendix
    if appendix is not None:
        doc.add_section(WD_SECTION.NEW_PAGE)
        for text, bold, italic in ((appendix.title, True, False), (appendix.subtitle, False, True)):
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(clean(text))
            run.bold, run.italic = bold, italic
        docx_table(
            doc,
            appendix.headers,
            appendix.rows,
            appendix.widths,
            appendix.align,
            size=11,
            total=appendix.total,
        )
    return docx_bytes(doc)


def docx_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- PDF ---------------------------------------------------------------------------------------------------
#
# Drawn with fpdf2, cell by cell. WeasyPrint (used for leaflets and certificates) lays out every table cell as
# an inline formatting context: a 600-unit appendix (5,400 cells) took 4–7 s on this machine, and fpdf2's own
# table helper 5–6 s; placing the cells directly takes about 0.5 s (docs/benchmarks.md).

MM_PER_PT = 25.4 / 72
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 30.0, 15.0, 20.0, 20.0
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R
_STYLES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "Bold Italic"}
_ALIGN = {"left": "L", "center": "C", "right": "R"}


@functools.cache
def font_files() -> dict[str, str]:
    """Times New Roman's files as fontconfig resolves it: the real font when installed, else its metric-compatible
    twin Liberation Serif (Debian fonts-liberation2); DejaVu Serif as a last resort (still Vietnamese)."""
    out = {}
    for style, name in _STYLES.items():
        path = ""
        if shutil.which("fc-match"):
            found = subprocess.run(  # noqa: S603 - fixed arguments
                ["fc-match", "-f", "%{file}", f"Times New Roman:style={name}"],  # noqa: S607
                capture_output=True,
                text=True,
                timeout=10,
            )
            path = found.stdout.strip()
        if not path.lower().endswith((".ttf", ".otf")):
            path = f"/usr/share/fonts/truetype/dejavu/DejaVuSerif{'-Bold' if 'B' in style else ''}.ttf"
        out[style] = path
    return out


def _pdf():
    from fpdf import FPDF

    class OfficialPDF(FPDF):
        def footer(self):  # page numbers from page 2, centred at the bottom (Decree 30)
            if self.page_no() > 1:
                self.set_y(-12)
                self.set_font("Serif", "", 11)
                self.cell(0, 5, str(self.page_no()), align="C")

    pdf = OfficialPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(MARGIN_L, MARGIN_T, MARGIN_R)
    pdf.set_auto_page_break(True, MARGIN_B)
    for style, path in font_files().items():
        pdf.add_font("Serif", style, path)
    pdf.set_font("Serif", "", 13)
    return pdf


def _lh(size: float) -> float:
    """Line height in mm for a font size in points (single spacing, 1.2)."""
    return size * 1.2 * MM_PER_PT


def _centered(pdf, x: float, w: float, lines: list[tuple[str, str, float]], y: float) -> float:
    """Centred lines in the column [x, x + w] from y; returns the y below them. A line "—rule—" draws a short
    rule under the previous line, as wide as a third of it (Decree 30's line under agency and motto)."""
    previous = 0.0
    for text, style, size in lines:
        if text == "—rule—":
            width = max(previous / 3, 12) if style != "wide" else previous
            pdf.set_line_width(0.3)
            pdf.line(x + (w - width) / 2, y + 0.3, x + (w + width) / 2, y + 0.3)
            y += 1.5
            continue
        pdf.set_font("Serif", style, size)
        pdf.set_xy(x, y)
        pdf.multi_cell(w, _lh(size), clean(text), align="C", new_x="LEFT", new_y="NEXT")
        previous = min(pdf.get_string_width(clean(text)), w)
        y = pdf.get_y()
    return y


def _pdf_heading(pdf, heading: Heading) -> None:
    left_w, gap = 71.0, 1.0
    right_x, right_w = MARGIN_L + left_w + gap, TEXT_W - left_w - gap
    top = pdf.get_y()
    left = []
    if heading.parent:
        left.append((heading.parent.upper(), "", 12))
    left += [(heading.agency.upper(), "B", 12), ("—rule—", "", 0)]
    if heading.number is not None:
        left.append((heading.number_line, "", 13))
    y_left = _centered(pdf, MARGIN_L, left_w, left, top)
    y_right = _centered(
        pdf,
        right_x,
        right_w,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "B", 12),
            ("Độc lập - Tự do - Hạnh phúc", "B", 13),
            ("—rule—", "wide", 0),
            (heading.date_line, "I", 13),
        ],
        top,
    )
    pdf.set_xy(MARGIN_L, max(y_left, y_right) + 4)


def _pdf_paragraph(pdf, text: str, *, style: str = "", indent: float = 10.0, align: str = "J") -> None:
    pdf.set_font("Serif", style, 13)
    with (
        pdf.text_columns(text_align=align, line_height=1.15) as cols,
        cols.paragraph(first_line_indent=indent, bottom_margin=1.2) as paragraph,
    ):
        paragraph.write(clean(text))


def _wrap(pdf, text: str, width: float) -> list[str]:
    """Greedy word wrap by measured width (the current font)."""
    text = clean(text).replace("\n", " ")
    if pdf.get_string_width(text) <= width:
        return [text]
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if pdf.get_string_width(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _pdf_row(pdf, values, widths, align, size: float, style: str = "") -> None:
    pdf.set_font("Serif", style, size)
    pad, lh = 1.0, _lh(size)
    cells = [_wrap(pdf, v, w - 2 * pad) for v, w in zip(values, widths, strict=True)]
    height = max(len(c) for c in cells) * lh + 1.2
    if pdf.get_y() + height > PAGE_H - MARGIN_B:
        pdf.add_page()
        if getattr(pdf, "_table_header", None) is not None:
            _pdf_row(pdf, *pdf._table_header)
    x, y = MARGIN_L, pdf.get_y()
    for lines, w, a in zip(cells, widths, align, strict=True):
        pdf.rect(x, y, w, height)
        for index, line in enumerate(lines):
            pdf.set_xy(x + pad, y + 0.6 + index * lh)
            pdf.cell(w - 2 * pad, lh, line, align=_ALIGN.get(a, "L"))
        x += w
    pdf.set_xy(MARGIN_L, y + height)


def _pdf_table(pdf, appendix: Appendix) -> None:
    widths = [w * 10 for w in appendix.widths]  # cm → mm
    scale = TEXT_W / sum(widths)
    widths = [w * scale for w in widths]
    header = (appendix.headers, widths, ["center"] * len(widths), 10.5, "B")
    pdf.set_line_width(0.2)
    pdf._table_header = header
    _pdf_row(pdf, *header)
    for row in appendix.rows:
        _pdf_row(pdf, row, widths, appendix.align, 10.5)
    if appendix.total:
        _pdf_row(pdf, appendix.total, widths, appendix.align, 10.5, "B")
    pdf._table_header = None


def _pdf_closing(pdf, recipients: list[str], signer_title: str, signer_name: str) -> None:
    titles = [line.upper() for line in (signer_title or "").splitlines() if line.strip()]
    needed = 6 + max(len(recipients) * _lh(11) + _lh(12), (len(titles) + 1) * _lh(13) + 24)
    if pdf.get_y() + needed > PAGE_H - MARGIN_B:
        pdf.add_page()
    top = pdf.get_y() + 5
    left_w = 80.0
    pdf.set_xy(MARGIN_L, top)
    pdf.set_font("Serif", "BI", 12)
    pdf.cell(left_w, _lh(12), "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "", 11)
    for line in recipients:
        pdf.multi_cell(left_w, _lh(11), f"- {clean(line)}", align="L", new_x="LMARGIN", new_y="NEXT")
    bottom_left = pdf.get_y()
    x, w = MARGIN_L + left_w, TEXT_W - left_w
    y = _centered(pdf, x, w, [(t, "B", 13) for t in titles], top)
    y = _centered(pdf, x, w, [(signer_name or "", "B", 13)], y + 24)
    pdf.set_xy(MARGIN_L, max(bottom_left, y))


def to_pdf(document: OfficialDocument) -> bytes:
    """The same document as PDF, drawn with fpdf2 (A4, Decree 30 margins, Times New Roman or its twin)."""
    pdf = _pdf()
    pdf.set_title(f"{document.title} {document.heading.number_line}")
    pdf.add_page()
    _pdf_heading(pdf, document.heading)
    pdf.set_font("Serif", "B", 14)
    pdf.cell(0, _lh(14), clean(document.title).upper(), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Serif", "B", 13)
    pdf.multi_cell(0, _lh(13), clean(document.subject), align="C", new_x="LMARGIN", new_y="NEXT")
    if document.draft:
        pdf.set_font("Serif", "I", 13)
        pdf.cell(0, _lh(13), "(DỰ THẢO — chưa gửi)", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for kind, text in document.blocks:
        if kind == "section":
            pdf.ln(1.5)
            _pdf_paragraph(pdf, text, style="B", indent=0, align="L")
        elif kind == "bullet":
            _pdf_paragraph(pdf, f"- {text}")
        elif kind == "note":
            _pdf_paragraph(pdf, text, style="I")
        else:
            _pdf_paragraph(pdf, text)
    _pdf_closing(pdf, document.recipients, document.signer_title, document.signer_name)
    appendix = document.appendix
    if appendix is not None:
        pdf.add_page()
        pdf.set_font("Serif", "B", 13)
        pdf.multi_cell(0, _lh(13), clean(appendix.title), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Serif", "I", 13)
        pdf.multi_cell(0, _lh(13), clean(appendix.subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        _pdf_table(pdf, appendix)
    return bytes(pdf.output())
