"""Parse a roster table: find the data rows under the header and turn every column into clean values, noting
what is wrong inside the file itself. Nothing here reads the database, so the result (`Parsed`) can be kept
from the preview to the commit (`cache.py`); `analyse.check` then does everything that depends on the roster.

Work is done per column and per distinct value (names, positions, dates and units repeat; a converter runs
once per distinct cell), and the per-row loops only run for the rows that have something to report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from operator import itemgetter

from django.utils import timezone
from django.utils.translation import gettext as _

from ..tabular.headers import column_labels
from ..tabular.rows import data_rows as shared_data_rows
from . import values
from .headers import FIELDS, find_header
from .reading import Table

UNIT_CODE, UNIT_NAME, UNIT_SECTION = "code", "name", "section"


@dataclass
class Parsed:
    """A roster file's rows as clean columns (one entry per data row), with the problems found in the file.

    `unit_keys[i]` indexes `unit_inputs`, the distinct unit cells of the file as the unit lookup needs them:
    (code,) for a unit-code column, (cell as written, cell as text) for a unit-name column, (heading,) for the
    section heading a row sits under when the file has no unit column; -1: no section.
    """

    header_row: int = -1
    mapping: dict[int, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    fatal: str = ""
    today: dt.date | None = None
    row_numbers: list[int] = field(default_factory=list)
    full: list[str] = field(default_factory=list)
    codes: list[str] | None = None
    emails: list[str] | None = None
    phones: list[str] | None = None
    births: list[dt.date | None] | None = None
    positions: list[str] | None = None
    groups: list[str] | None = None
    statuses: list[str] | None = None
    unit_mode: str = UNIT_SECTION
    unit_label: str = ""
    unit_inputs: list[tuple[str, ...]] = field(default_factory=list)
    unit_keys: list[int] = field(default_factory=list)
    # Problems in the order the checks run: cell values (`cells`), then (after the unit, which needs the
    # database) the name, then the staff code's length. {row index: messages}
    cells: dict[int, list[str]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    long_codes: list[int] = field(default_factory=list)
    notes: dict[int, list[str]] = field(default_factory=dict)
    # Person.search_text and sort_name of the rows to create, filled by commit.derive ("" for other rows)
    search_texts: list[str] | None = None
    sort_names: list[str] | None = None

    def __len__(self) -> int:
        return len(self.row_numbers)


def header_labels(rows: list[list], header_row: int) -> list[str]:
    return column_labels(rows, header_row)


def data_rows(rows: list[list], header_row: int, name_cols: list[int]) -> list[tuple[int, list, str]]:
    """(row number, row, section heading) for each data row below the header (canhgiac.org.tabular.rows).

    Skipped: empty rows, the column-numbering row, headings merged across a row ("I. Lãnh đạo UBND",
    "Phòng Kế toán": remembered as the section of the rows below) and footers ("Người lập biểu").
    """
    return shared_data_rows(rows, header_row, name_cols)


def _column(rows: list[list], col: int, shortest: int) -> list:
    if col < shortest:
        return list(map(itemgetter(col), rows))
    return [row[col] if col < len(row) else "" for row in rows]


def convert(cells: list, func, many=None) -> tuple[list, dict[int, str], dict[int, str]]:
    """(values, {row index: error}, {row index: note}) for a column; `func` runs once per distinct cell.

    `many(distinct cells)`, for columns where almost every cell is different (phones, e-mails), answers at once
    for the cells in common shapes: {cell: value}, for cells whose func(cell) would be (value, None[, ""]);
    `func` runs for the others."""
    distinct = set(cells)
    if True in distinct or False in distinct:
        # True == 1 == 1.0 in a set: keep booleans apart from numbers (rare, so done the slow way)
        results = {}
        for cell in cells:
            key = (cell.__class__, cell)
            if key not in results:
                results[key] = func(cell)
        hits = [results[(cell.__class__, cell)] for cell in cells]
        out = [hit[0] for hit in hits]
        errors = {i: hit[1] for i, hit in enumerate(hits) if hit[1]}
        notes = {i: hit[2] for i, hit in enumerate(hits) if len(hit) > 2 and hit[2]}
        return out, errors, notes
    clean = many(distinct) if many is not None else {}
    results = {cell: func(cell) for cell in distinct.difference(clean)} if len(clean) < len(distinct) else {}
    clean.update({cell: hit[0] for cell, hit in results.items()})
    out = list(map(clean.__getitem__, cells))
    errors: dict[int, str] = {}
    notes: dict[int, str] = {}
    bad = {cell: hit for cell, hit in results.items() if hit[1] or (len(hit) > 2 and hit[2])}
    if bad:
        for i, cell in enumerate(cells):
            hit = bad.get(cell)
            if hit is not None:
                if hit[1]:
                    errors[i] = hit[1]
                if len(hit) > 2 and hit[2]:
                    notes[i] = hit[2]
    return out, errors, notes


def parse(
    table: Table, *, mapping: dict[int, str] | None = None, header_row: int | None = None, today=None
) -> Parsed:
    """Find the header (unless given), the data rows, and convert every mapped column."""
    rows = table.rows
    result = Parsed(today=today or timezone.localdate())
    if header_row is None or mapping is None:
        found = find_header(rows)
        if found is None:
            result.fatal = _(
                "Không tìm thấy dòng tiêu đề có cột “Họ và tên” trong %(n)s dòng đầu của tệp. Hãy để một dòng "
                "tiêu đề với các cột như Họ và tên, Mã cán bộ, Đơn vị, Chức vụ, Số điện thoại, hoặc dùng tệp mẫu."
            ) % {"n": min(len(rows), 40)}
            return result
        header_row = found[0] if header_row is None else header_row
        mapping = found[1] if mapping is None else mapping
    result.header_row = header_row
    result.mapping = {int(k): v for k, v in mapping.items() if v in FIELDS}
    result.columns = header_labels(rows, header_row)
    by_field = {v: k for k, v in result.mapping.items()}
    if "full_name" not in by_field and "given_name" not in by_field:
        result.fatal = _("Chưa chọn cột “Họ và tên” (hoặc cột “Tên”): hãy ghép một cột với họ và tên.")
        return result
    name_cols = [by_field[f] for f in ("full_name", "family_name", "given_name") if f in by_field]
    data = data_rows(rows, header_row, name_cols)
    if not data:
        result.fatal = _("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
        return result
    _convert_columns(result, data, by_field)
    return result


def _convert_columns(result: Parsed, data: list[tuple[int, list, str]], by_field: dict[str, int]) -> None:
    n = len(data)
    result.row_numbers = [number for number, _row, _section in data]
    data_rows_only = [row for _number, row, _section in data]
    shortest = min(map(len, data_rows_only))
    cells_problems = result.cells
    today = result.today

    def label(key):
        return result.columns[by_field[key]] or str(FIELDS[key])

    def column(key, func, many=None):
        col = by_field.get(key)
        if col is None:
            return None
        out, errors, notes = convert(_column(data_rows_only, col, shortest), func, many)
        if errors:
            prefix = label(key)
            for i, message in errors.items():
                cells_problems.setdefault(i, []).append(f"{prefix}: {message}")
        for i, note in notes.items():
            result.notes.setdefault(i, []).append(note)
        return out

    full = column("full_name", values.person_name, values.person_names)
    if full is None:
        family = column("family_name", values.person_name, values.person_names) or [""] * n
        given = column("given_name", values.person_name, values.person_names) or [""] * n
        full = [f"{a} {b}".strip() for a, b in zip(family, given, strict=True)]
    result.full = full
    if "staff_code" in by_field:
        raw = _column(data_rows_only, by_field["staff_code"], shortest)
        distinct = set(raw)
        if True in distinct or False in distinct:
            result.codes = [values.code(cell) for cell in raw]
            codes = dict(zip(raw, result.codes, strict=True))
        else:
            codes = values.codes(distinct)
            result.codes = list(map(codes.__getitem__, raw))
        if any(len(code) > 50 for code in codes.values()):
            result.long_codes = [i for i, code in enumerate(result.codes) if len(code) > 50]
    result.emails = column("email", values.email, values.emails)
    result.phones = column("phone", values.phone, values.phones)
    result.births = column("date_of_birth", lambda c: values.birth_date(c, today))
    result.positions = column("position", values.position)
    result.groups = column("staff_group", values.staff_group)
    result.statuses = column("status", values.status)
    _unit_column(result, data, data_rows_only, shortest, by_field, label)
    name_problems = {}
    for name in set(full):
        if not name:
            name_problems[name] = _("Thiếu họ và tên.")
        elif len(name.split()) < 2:
            name_problems[name] = _("Họ và tên “%(value)s” chỉ có một chữ: ghi đủ họ và tên.") % {
                "value": name
            }
    if name_problems:
        result.names = {i: name_problems[name] for i, name in enumerate(full) if name in name_problems}


def _unit_column(result: Parsed, data, data_rows_only, shortest, by_field, label) -> None:
    if "unit_code" in by_field:
        result.unit_mode, key = UNIT_CODE, "unit_code"
    elif "unit_name" in by_field:
        result.unit_mode, key = UNIT_NAME, "unit_name"
    else:
        sections = [section for _number, _row, section in data]
        inputs = sorted(set(sections) - {""})
        index = {section: i for i, section in enumerate(inputs)}
        index[""] = -1
        result.unit_inputs = [(section,) for section in inputs]
        result.unit_keys = list(map(index.__getitem__, sections))
        return
    result.unit_label = label(key)
    cells = _column(data_rows_only, by_field[key], shortest)
    if result.unit_mode == UNIT_CODE:
        keyed = lambda cell: (values.code(cell),)  # noqa: E731
    else:
        keyed = lambda cell: (str(cell), values.text(cell))  # noqa: E731
    distinct = set(cells)
    if True in distinct or False in distinct:
        keys = [keyed(cell) for cell in cells]
    else:
        keys = list(map({cell: keyed(cell) for cell in distinct}.__getitem__, cells))
    result.unit_inputs = sorted(set(keys))
    index = {key: i for i, key in enumerate(result.unit_inputs)}
    result.unit_keys = list(map(index.__getitem__, keys))
