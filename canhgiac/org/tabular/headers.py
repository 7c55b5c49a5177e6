"""Find the header row of a table and map its columns to fields, whatever the spelling.

Government spreadsheets start with title rows ("UBND PHƯỜNG HỒNG GAI", "DANH SÁCH ..."), often have a header
over two rows and a row numbering the columns "(1) (2) (3)". Header names vary ("Họ và tên", "Ho ten", "HỌ TÊN";
"SĐT", "Điện thoại di động"). Labels are folded (no diacritics, lower case, no punctuation) and looked up in an
importer's synonyms, described by a `HeaderSpec`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from canhgiac.core.text import fold

# Columns no importer reads: numbering, notes, personal details nobody asked for.
DEFAULT_IGNORED = frozenset(
    {"stt", "tt", "so tt", "so thu tu", "ghi chu", "gioi tinh", "nam", "nu", "que quan", "dan toc"}
)

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_NUMBERING = re.compile(r"^\(?\s*[0-9]{1,2}\s*\)?$|^\(?[a-z]\)?$")


def normalise_label(value) -> str:
    """A header cell as folded words: "Số ĐT (di động)" → "so dt"."""
    if value is None or value == "":
        return ""
    text = fold(str(value))
    text = _PARENS.sub(" ", text)
    return _NON_WORD.sub(" ", text).strip()


class HeaderSpec:
    """What one importer reads: its fields, the spellings of each, and which fields make a header row.

    - `synonyms`: {field: [folded labels]}; a label matches when it is the whole header, or (unless listed in
      `exact_only`) when it appears as whole words inside it, the longest synonym winning.
    - `key_fields`: a header row must map at least one of them (a roster needs a name column).
    - `prefer`: {field: words}; a later column whose label contains the words replaces the earlier column of
      that field (a "di động" phone column beats an office phone column).
    - `combine_above`: a header over two rows ("Nạn nhân" merged above "Họ tên", "Năm sinh") is read as one
      row of joined labels ("Nạn nhân Họ tên"), when the row above holds several different labels.
    """

    def __init__(
        self,
        *,
        fields: Mapping[str, str],
        synonyms: Mapping[str, Iterable[str]],
        key_fields: Iterable[str],
        exact_only: Iterable[str] = (),
        ignored: Iterable[str] = DEFAULT_IGNORED,
        prefer: Mapping[str, str] | None = None,
        combine_above: bool = False,
    ):
        self.fields = dict(fields)
        self.key_fields = frozenset(key_fields)
        self.exact_only = frozenset(exact_only)
        self.ignored = frozenset(ignored)
        self.prefer = dict(prefer or {})
        self.combine_above = combine_above
        self.lookup = {syn: key for key, words in synonyms.items() for syn in words}
        self.contained = sorted((s for s in self.lookup if s not in self.exact_only), key=len, reverse=True)

    def field_for(self, label) -> str | None:
        text = normalise_label(label)
        if not text or text in self.ignored:
            return None
        if text in self.lookup:
            return self.lookup[text]
        padded = f" {text} "
        for synonym in self.contained:
            if f" {synonym} " in padded:
                return self.lookup[synonym]
        return None

    def map_row(self, row: list) -> dict[int, str]:
        """{column index: field} for one candidate header row; the first column of a field wins, except as
        `prefer` says."""
        mapping: dict[int, str] = {}
        taken: dict[str, int] = {}
        for index, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            key = self.field_for(cell)
            if key is None:
                continue
            if key in taken:
                words = self.prefer.get(key)
                if words and words in normalise_label(cell):
                    del mapping[taken[key]]
                else:
                    continue
            taken[key] = index
            mapping[index] = key
        return mapping

    def has_key(self, mapping: dict[int, str]) -> bool:
        return bool(self.key_fields & set(mapping.values()))

    def labels(self, rows: list[list], index: int) -> list:
        """The header labels of row `index`: joined with the row above when `combine_above` applies."""
        row = rows[index] if 0 <= index < len(rows) else []
        if not self.combine_above or index == 0:
            return row
        above = rows[index - 1]
        distinct = {str(c).strip() for c in above if isinstance(c, str) and c.strip()}
        if len(distinct) < 2:
            return row  # a title merged across the sheet, not a group header
        out = []
        for col in range(max(len(row), len(above))):
            cell = row[col] if col < len(row) else ""
            top = above[col] if col < len(above) else ""
            cell = cell.strip() if isinstance(cell, str) else cell
            top = top.strip() if isinstance(top, str) else ""
            if isinstance(cell, str) and cell and top and top != cell:
                out.append(f"{top} {cell}")
            elif cell in ("", None) and top:
                out.append(top)
            else:
                out.append(cell)
        return out

    def find_header(self, rows: list[list], max_scan: int = 40) -> tuple[int, dict[int, str]] | None:
        """(index of the header row, mapping) or None when no row maps a key field. The row that names the
        most fields wins."""
        best: tuple[int, dict[int, str]] | None = None
        for index in range(min(len(rows), max_scan)):
            mapping = self.map_row(self.labels(rows, index))
            if not self.has_key(mapping):
                continue
            if best is None or len(set(mapping.values())) > len(set(best[1].values())):
                best = (index, mapping)
        return best


def is_numbering_row(row: list) -> bool:
    """The row under a header that numbers the columns: "(1) (2) (3)", "1 2 3" or "A B C"."""
    cells = [c for c in row if c not in ("", None)]
    if len(cells) < 2:
        return False
    texts = []
    for cell in cells:
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        texts.append(str(cell).strip().lower())
    if not all(_NUMBERING.match(t) for t in texts):
        return False
    digits = [int(re.sub(r"\D", "", t)) for t in texts if re.sub(r"\D", "", t)]
    return len(digits) < 2 or digits == sorted(digits)


def column_labels(rows: list[list], header_row: int, labels: list | None = None) -> list[str]:
    """The header's labels as text, one per column of the table (as wide as the widest of the next 50 rows)."""
    from .values import text

    row = labels if labels is not None else (rows[header_row] if 0 <= header_row < len(rows) else [])
    width = max((len(r) for r in rows[header_row : header_row + 50]), default=len(row))
    width = max(width, len(row))
    return [text(row[i]) if i < len(row) else "" for i in range(width)]
