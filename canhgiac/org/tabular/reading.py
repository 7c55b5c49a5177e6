"""Read a spreadsheet into a table of cells, the way government files really come.

.xlsx and .xls go through python-calamine (values as Python numbers, strings and dates); merged cells are
filled with their top-left value, so a header merged over two rows or a unit name merged down a group of rows
reads as if every cell held it. CSV is decoded from UTF-8, UTF-8 with BOM, UTF-16 or Windows-1258, with its
delimiter sniffed. Text typed in the legacy TCVN3 (ABC) or VNI fonts is converted to Unicode.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from . import legacy

MAX_BYTES = 20 * 1024 * 1024
KINDS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".txt": "csv"}
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ImportFileError(Exception):
    """The file as a whole cannot be used; the message (Vietnamese) says why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    rows: list[list]
    sheet: str = ""
    encoding: str = ""
    legacy: str | None = None
    sheets: list[str] = field(default_factory=list)


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, size // 1024)} KB"


def check_upload(
    name: str, size: int, head: bytes, *, max_bytes: int = MAX_BYTES, noun: str | None = None
) -> str:
    """The kind of an upload ("xlsx", "xls", "csv"), or ImportFileError saying what is wrong.

    `noun` names what the file holds in the messages ("danh sách", "sổ vụ việc"); `max_bytes` is the limit.
    """
    noun = noun or _("bảng dữ liệu")
    suffix = Path(name or "").suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        raise ImportFileError(
            _(
                "Tệp “%(name)s” không phải bảng tính. Hãy tải lên tệp Excel (.xlsx, .xls) hoặc tệp CSV (.csv); "
                "tệp Word, PDF hay ảnh chụp %(noun)s không đọc được."
            )
            % {"name": name, "noun": noun}
        )
    if size == 0:
        raise ImportFileError(_("Tệp “%(name)s” trống (0 byte).") % {"name": name})
    if size > max_bytes:
        raise ImportFileError(
            _(
                "Tệp quá lớn (%(size)s); giới hạn là %(limit)s. Hãy xóa các trang tính, cột và ảnh không cần, "
                "hoặc tách %(noun)s thành nhiều tệp."
            )
            % {"size": human_size(size), "limit": human_size(max_bytes), "noun": noun}
        )
    if kind == "xlsx" and not head.startswith(_ZIP):
        if head.startswith(_OLE):
            raise ImportFileError(
                _(
                    "Tệp có đuôi .xlsx nhưng là bảng tính Excel cũ hoặc đã đặt mật khẩu. Hãy mở tệp, bỏ mật khẩu "
                    "và lưu lại dạng “Excel Workbook (.xlsx)”."
                )
            )
        raise ImportFileError(
            _(
                "Tệp “%(name)s” có đuôi .xlsx nhưng nội dung không phải Excel (tệp hỏng hoặc bị đổi đuôi). Hãy mở "
                "tệp bằng Excel và lưu lại dạng .xlsx."
            )
            % {"name": name}
        )
    if kind == "xls" and not head.startswith(_OLE):
        if head.startswith(_ZIP):
            kind = "xlsx"  # a .xlsx renamed to .xls: read it as what it is
        else:
            raise ImportFileError(
                _("Tệp “%(name)s” có đuôi .xls nhưng không phải bảng tính Excel (tệp hỏng hoặc bị đổi đuôi).")
                % {"name": name}
            )
    if kind == "csv" and (head.startswith(_ZIP) or head.startswith(_OLE)):
        raise ImportFileError(
            _("Tệp “%(name)s” có đuôi .csv nhưng là tệp Excel. Hãy đổi đuôi thành .xlsx rồi tải lên lại.")
            % {"name": name}
        )
    return kind


def read_table(
    path: str | Path,
    kind: str,
    *,
    sheet_index: int | None = None,
    looks_right: Callable[[list[list]], bool] | None = None,
) -> Table:
    """The cells of a file. For a workbook without `sheet_index`, the first visible sheet for which
    `looks_right(rows)` holds (a sheet with the expected header), else the first visible sheet."""
    if kind == "csv":
        return _read_csv(Path(path).read_bytes())
    return _read_excel(path, sheet_index, looks_right)


def _read_excel(path, sheet_index: int | None, looks_right) -> Table:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise ImportFileError(_("Tệp Excel có đặt mật khẩu. Hãy bỏ mật khẩu rồi tải lên lại.")) from None
    except Exception:  # calamine raises several error types for damaged files
        raise ImportFileError(
            _(
                "Không đọc được tệp Excel: tệp bị hỏng hoặc chưa lưu xong. Hãy mở tệp bằng Excel, lưu lại "
                "(Lưu thành → Excel Workbook .xlsx) rồi tải lên lại."
            )
        ) from None
    try:
        visible = [
            index
            for index, meta in enumerate(workbook.sheets_metadata)
            if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet")
        ] or list(range(len(workbook.sheet_names)))
        names = list(workbook.sheet_names)
        if not visible:
            raise ImportFileError(_("Tệp Excel không có trang tính nào."))
        order = [sheet_index] if sheet_index is not None else visible
        tables = []
        for index in order:
            sheet = workbook.get_sheet_by_index(index)
            rows = sheet.to_python(skip_empty_area=False)
            fill_merged(rows, sheet.merged_cell_ranges or [])
            table = Table(rows=rows, sheet=names[index], encoding="xlsx", sheets=names)
            convert_legacy(table)
            tables.append(table)
            if sheet_index is not None or len(order) == 1:
                break
            if looks_right is None or looks_right(table.rows):
                break
        else:
            tables = tables[:1]  # no sheet looks right: keep the first, the analysis explains
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(
            _("Không đọc được nội dung tệp Excel (tệp hỏng). Hãy mở tệp bằng Excel, lưu lại rồi tải lên lại.")
        ) from None
    finally:
        workbook.close()
    return tables[-1]


def fill_merged(rows: list[list], ranges) -> None:
    for (r1, c1), (r2, c2) in ranges:
        if r1 >= len(rows):
            continue
        top = rows[r1]
        value = top[c1] if c1 < len(top) else ""
        if value == "" or value is None:
            continue
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c2:
                row.extend([""] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                if row[c] == "" or row[c] is None:
                    row[c] = value


def convert_legacy(table: Table) -> None:
    """Convert text typed in the TCVN3 or VNI fonts to Unicode, in place (detected on the first 2,000 rows)."""
    texts = [cell for row in table.rows[:2000] for cell in row if isinstance(cell, str) and cell]
    kind = legacy.detect(texts)
    if kind is None:
        return
    convert = legacy.converter(kind)
    table.legacy = kind
    table.rows = [[convert(c) if isinstance(c, str) and c else c for c in row] for row in table.rows]


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a CSV file."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    as_1252 = data.decode("cp1252", errors="replace")
    kind = legacy.detect([as_1252])
    if kind is not None:
        return as_1252, "Windows-1252"
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), "Windows-1258"


def _read_csv(data: bytes) -> Table:
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(_("Tệp .csv chứa dữ liệu nhị phân, không phải văn bản. Hãy xuất lại từ Excel."))
    text, encoding = decode_csv(data)
    sample = "\n".join(text.splitlines()[:50])
    delimiter = max([",", ";", "\t", "|"], key=lambda d: (sample.count(d), d == ","))
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    table = Table(rows=rows, sheet="", encoding=encoding)
    convert_legacy(table)
    return table
