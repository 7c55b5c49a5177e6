"""The data rows under a header: skipping the numbering row, section headings merged across a row, and the
signature block at the foot of a government spreadsheet."""

from __future__ import annotations

from canhgiac.core.text import fold

from . import values
from .headers import is_numbering_row

# A row starting with these words is the foot of the sheet, not data.
FOOTER_WORDS = (
    "nguoi lap",
    "thu truong",
    "tong cong",
    "tong so",
    "ky ten",
    "xac nhan",
    "ghi chu:",
    "noi nhan",
)


def data_rows(
    rows: list[list], header_row: int, key_cols: list[int], footer_words: tuple[str, ...] = FOOTER_WORDS
) -> list[tuple[int, list, str]]:
    """(row number counted from 1, row, section heading) for each data row below the header.

    A row with a single filled cell outside the key columns, or the same text repeated across the row (a merged
    heading such as "I. Bộ phận một cửa"), is a section heading: it is returned with the rows under it.
    """
    out = []
    section = ""
    start = header_row + 1
    if start < len(rows) and is_numbering_row(rows[start]):
        start += 1
    for index in range(start, len(rows)):
        row = rows[index]
        # The common case first: the first and the last filled cells differ and a third is filled between them
        # (empty columns at either end, such as "Ghi chú", are stepped over without building a list).
        n = len(row)
        i, j = 0, n - 1
        while i < n and (row[i] == "" or row[i] is None):
            i += 1
        while j > i and (row[j] == "" or row[j] is None):
            j -= 1
        if j - i >= 2 and row[i] != row[j]:
            k = i + 1
            while k < j and (row[k] == "" or row[k] is None):
                k += 1
            if k < j:
                out.append((index + 1, row, section))
                continue
        cells = [c for c in row if c != "" and c is not None]
        if not cells:
            continue
        if len(cells) <= 2 or cells[0] == cells[-1]:
            lone = len(cells) == 1 and not any(c < len(row) and row[c] not in ("", None) for c in key_cols)
            if lone or (len(cells) > 1 and len(set(map(str, cells))) == 1):
                first = values.text(cells[0])
                if not fold(first).startswith(footer_words):
                    section = first
                continue
            if fold(values.text(cells[0])).startswith(footer_words):
                continue
        out.append((index + 1, row, section))
    return out
