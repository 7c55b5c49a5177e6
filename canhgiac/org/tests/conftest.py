"""Fixtures for the organisation tests: roster files built the way government offices make them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile

HEADER = [
    "STT",
    "Họ và tên",
    "Mã cán bộ",
    "Chức vụ",
    "Mã đơn vị",
    "Nhóm đối tượng",
    "Số điện thoại",
    "Email",
    "Ngày sinh",
]


def xlsx_bytes(rows, *, title_rows=(), merges=(), sheet="Danh sách", before_sheets=(), start=None) -> bytes:
    """An .xlsx whose first rows are titles; `merges` are (r1, c1, r2, c2, text) written as merged ranges."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    for name in before_sheets:
        workbook.add_worksheet(name).write(0, 0, "Hướng dẫn điền danh sách")
    ws = workbook.add_worksheet(sheet)
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    r = 0
    for title in title_rows:
        ws.write_string(r, 0, title)
        r += 1
    for r1, c1, r2, c2, text in merges:
        ws.merge_range(r1, c1, r2, c2, text)
    r = start if start is not None else max(r, max((m[2] + 1 for m in merges), default=0))
    for row in rows:
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
            elif isinstance(value, int | float):
                ws.write_number(r, c, value)
            elif value is not None:
                ws.write_string(r, c, value)
        r += 1
    workbook.close()
    return out.getvalue()


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as Windows-1258 writes Vietnamese: letters with their modifiers precomposed, tones as combining
    marks after them (Python's codec needs that decomposition done first)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    try:
        return "".join(out).encode("cp1258")
    except UnicodeEncodeError:
        return "".join(unicodedata.normalize("NFC", c) if len(c) == 1 else c for c in out).encode("cp1258")


def csv_bytes(rows, *, encoding="utf-8", delimiter=",") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(rows)
    if encoding == "cp1258":
        return windows_1258(text.getvalue())
    return text.getvalue().encode(encoding)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def good_rows():
    return [
        HEADER,
        [
            1,
            "Nguyễn Văn An",
            "HG001",
            "Chủ tịch UBND",
            "06685",
            "Cán bộ",
            912345001,
            "an.nv@honggai.gov.vn",
            dt.date(1975, 4, 2),
        ],
        [
            2,
            "TRẦN THỊ BÌNH",
            "HG002",
            "Công chức Tư pháp - Hộ tịch",
            "06685",
            "Công chức",
            "0912 345 002",
            "",
            "15/03/1988",
        ],
        [
            3,
            "Lê Văn Cường",
            "HG003",
            "Công chức Văn phòng - Thống kê",
            "06685",
            "công chức",
            "0168 912 3456",
            "",
            "",
        ],
    ]
