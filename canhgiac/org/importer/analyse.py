"""Analyse a roster table against the database: every row's values, problems and what committing would do.

Works column by column with caches and a constant number of queries (the units of the target subtree, the
people already in it, the staff codes of the file found elsewhere), so 100,000 rows take seconds, not minutes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.text import fold

from ..models import Person, Unit
from ..tabular.headers import column_labels
from ..tabular.jobs import CREATED, REJECTED, UNCHANGED, UPDATED, Analysis
from ..tabular.reading import Table
from ..tabular.rows import data_rows
from . import values
from .headers import FIELDS, find_header

COMPARED = ("unit_id", "full_name", "position", "staff_group", "email", "phone", "date_of_birth", "status")
_KIND_WORDS = ("phuong ", "xa ", "dac khu ", "so ", "ban ", "phong ", "uy ban nhan dan ", "ubnd ")


def header_labels(rows: list[list], header_row: int) -> list[str]:
    return column_labels(rows, header_row)


def _fast_fold(text: str, cache: dict) -> str:
    """core.text.fold, word by word with a cache (names and positions repeat; e-mails and codes are ASCII)."""
    folded = cache.get(text)
    if folded is not None:
        return folded
    out = []
    for word in text.split():
        if word.isascii():
            out.append(word.lower())
            continue
        folded = cache.get(word)
        if folded is None:
            folded = cache[word] = fold(word)
        out.append(folded)
    folded = " ".join(out)
    if len(cache) < 200_000:
        cache[text] = folded
    return folded


def fast_search_text(values: dict, cache: dict) -> str:
    """Person.search_text for a row of values (same result as Person.refresh_derived)."""
    parts = [_fast_fold(values["full_name"], cache), _fast_fold(values["position"], cache)]
    parts.extend(
        v.lower() if v.isascii() else fold(v)
        for v in (values["email"], values["phone"], values["staff_code"])
    )
    return " ".join(p for p in parts if p)[:400]


def _fast_sort_name(full_name: str, cache: dict) -> str:
    """Person.sort_name (core.text.sort_key of "given name + full name"), assembled from memoised words."""
    from canhgiac.core.text import sort_key

    whole = cache.get(full_name)
    if whole is not None:
        return whole
    words = full_name.split()
    if not words:
        return ""
    primary, tones = [], []
    for word in [words[-1], *words]:
        parts = cache.get(word)
        if parts is None:
            key = sort_key(word)
            head, _sep, tail = key.partition("0")
            parts = cache[word] = (head, tail)
        primary.append(parts[0])
        tones.append(parts[1])
    whole = ("11".join(primary) + "0" + "0".join(tones))[:400]
    if len(cache) < 200_000:
        cache[full_name] = whole
    return whole


class _UnitIndex:
    def __init__(self, target: Unit, on: dt.date):
        rows = list(
            Unit.objects.filter(path__startswith=target.path).values_list(
                "id", "code", "name", "short_name", "closed_on", "path"
            )
        )
        self.target = target
        self.on = on
        self.by_code: dict[str, tuple] = {}
        self.by_name: dict[str, list[tuple]] = defaultdict(list)
        for row in rows:
            self.by_code[row[1].upper()] = row
            names = {fold(row[2]), fold(row[3])}
            for name in list(names):
                for word in _KIND_WORDS:
                    if name.startswith(word):
                        names.add(name[len(word) :])
            for name in names - {""}:
                self.by_name[name].append(row)
        self.cache: dict[tuple[str, str], tuple[int | None, str | None]] = {}

    def _check(self, row) -> tuple[int | None, str | None]:
        if row[4] is not None and row[4] <= self.on:
            return None, _("Đơn vị “%(name)s” đã đóng từ %(date)s: chọn đơn vị đang hoạt động.") % {
                "name": row[2],
                "date": row[4].strftime("%d/%m/%Y"),
            }
        return row[0], None

    def by_code_value(self, cell) -> tuple[int | None, str | None]:
        code = values.code(cell)
        key = ("c", code)
        if key not in self.cache:
            row = self.by_code.get(code)
            if row is None and code.isdigit() and len(code) < 5:
                row = self.by_code.get(code.zfill(5))  # an official code that Excel stored as a number
            if row is None:
                self.cache[key] = (
                    None,
                    _("Mã đơn vị “%(code)s” không có trong %(unit)s và các đơn vị trực thuộc.")
                    % {"code": code, "unit": self.target.name},
                )
            else:
                self.cache[key] = self._check(row)
        return self.cache[key]

    def by_name_value(self, cell, *, strict: bool = True) -> tuple[int | None, str | None]:
        name = fold(values.text(cell))
        key = ("n" if strict else "s", name)
        if key not in self.cache:
            found = self.by_name.get(name, [])
            if len(found) == 1:
                self.cache[key] = self._check(found[0])
            elif not strict:
                self.cache[key] = (None, None)
            elif found:
                self.cache[key] = (
                    None,
                    _("Tên đơn vị “%(name)s” trùng với nhiều đơn vị: dùng cột Mã đơn vị.") % {"name": cell},
                )
            else:
                self.cache[key] = (
                    None,
                    _("Đơn vị “%(name)s” không có trong %(unit)s và các đơn vị trực thuộc.")
                    % {"name": values.text(cell)[:80], "unit": self.target.name},
                )
        return self.cache[key]


def _data_rows(rows: list[list], header_row: int, name_cols: list[int]) -> list[tuple[int, list, str]]:
    """(row number, row, section heading) for each data row below the header."""
    return data_rows(rows, header_row, name_cols)


def analyse(
    table: Table,
    *,
    target: Unit,
    mapping: dict[int, str] | None = None,
    header_row: int | None = None,
    effective_on: dt.date | None = None,
    progress=None,
) -> Analysis:
    """Parse and check every row; read the database to say what committing would do. Writes nothing."""
    rows = table.rows
    result = Analysis()
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
    data = _data_rows(rows, header_row, name_cols)
    if not data:
        result.fatal = _("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
        return result
    today = timezone.localdate()
    on = effective_on or today
    units = _UnitIndex(target, on)
    n = len(data)
    result.row_numbers = [number for number, _row, _section in data]
    problems: list[list[str]] = [[] for _ in range(n)]
    notes: list[list[str]] = [[] for _ in range(n)]

    def column(key):
        col = by_field.get(key)
        if col is None:
            return None
        return [row[col] if col < len(row) else "" for _number, row, _section in data]

    def label(key):
        col = by_field[key]
        return result.columns[col] or str(FIELDS[key])

    def convert(key, func, *, cached=False):
        cells = column(key)
        if cells is None:
            return None
        out = []
        cache: dict = {}
        for i, cell in enumerate(cells):
            if cached:
                hit = cache.get(cell)
                if hit is None:
                    hit = cache[cell] = func(cell)
            else:
                hit = func(cell)
            out.append(hit[0])
            if hit[1]:
                problems[i].append(f"{label(key)}: {hit[1]}")
            if len(hit) > 2 and hit[2]:
                notes[i].append(hit[2])
        return out

    if progress:
        progress(40, _("Đang kiểm tra từng dòng"))
    full = convert("full_name", values.person_name)
    if full is None:
        family = convert("family_name", values.person_name) or [""] * n
        given = convert("given_name", values.person_name) or [""] * n
        full = [f"{a} {b}".strip() for a, b in zip(family, given, strict=True)]
    codes = column("staff_code")
    codes = [values.code(c) for c in codes] if codes is not None else None
    emails = convert("email", values.email)
    phones = convert("phone", values.phone)
    births = convert("date_of_birth", lambda c: values.birth_date(c, today))
    positions = convert("position", values.position, cached=True)
    groups = convert("staff_group", values.staff_group, cached=True)
    statuses = convert("status", values.status, cached=True)
    if "unit_code" in by_field:
        unit_ids = convert("unit_code", units.by_code_value, cached=True)
    elif "unit_name" in by_field:
        unit_ids = convert("unit_name", units.by_name_value, cached=True)
    else:
        unit_ids = [
            units.by_name_value(section, strict=False)[0] if section else None for *_x, section in data
        ]
    for i in range(n):
        if not full[i]:
            problems[i].append(_("Thiếu họ và tên."))
        elif len(full[i].split()) < 2:
            problems[i].append(
                _("Họ và tên “%(value)s” chỉ có một chữ: ghi đủ họ và tên.") % {"value": full[i]}
            )
        if unit_ids[i] is None and not problems[i]:
            unit_ids[i] = target.pk if not ("unit_code" in by_field or "unit_name" in by_field) else None
            if unit_ids[i] is None:
                problems[i].append(_("Thiếu đơn vị: ghi mã đơn vị hoặc tên đơn vị."))
        if codes is not None and len(codes[i]) > 50:
            problems[i].append(_("Mã cán bộ dài quá 50 ký tự."))

    _find_duplicates(result, full, codes, emails, births, unit_ids, problems)
    if progress:
        progress(70, _("Đang đối chiếu với danh sách hiện có"))
    _match(
        result,
        target,
        on,
        full,
        codes,
        emails,
        phones,
        births,
        positions,
        groups,
        statuses,
        unit_ids,
        problems,
    )
    result.problems = {result.row_numbers[i]: p for i, p in enumerate(problems) if p}
    result.notes = {result.row_numbers[i]: p for i, p in enumerate(notes) if p and not problems[i]}
    return result


def _find_duplicates(result, full, codes, emails, births, unit_ids, problems) -> None:
    numbers = result.row_numbers
    keys: dict[tuple, list[int]] = defaultdict(list)
    for i in range(len(full)):
        code = codes[i] if codes else ""
        email = emails[i] if emails else ""
        if code:
            keys[("code", code)].append(i)
        if email:
            keys[("email", email)].append(i)
        if not code and not email and full[i]:
            keys[("name", unit_ids[i], fold(full[i]), births[i] if births else None)].append(i)
    for key, rows in keys.items():
        if len(rows) < 2:
            continue
        shown = ", ".join(str(numbers[r]) for r in rows[:10])
        if key[0] == "code":
            message = _("Mã cán bộ “%(code)s” lặp lại ở các dòng %(rows)s.") % {"code": key[1], "rows": shown}
        elif key[0] == "email":
            message = _("Thư điện tử “%(email)s” lặp lại ở các dòng %(rows)s.") % {
                "email": key[1],
                "rows": shown,
            }
        else:
            message = _(
                "Trùng họ tên, đơn vị và ngày sinh ở các dòng %(rows)s: nếu là hai người khác nhau, hãy ghi mã "
                "cán bộ hoặc thư điện tử để phân biệt; nếu trùng, hãy xóa bớt một dòng."
            ) % {"rows": shown}
        for r in rows:
            problems[r].append(message)


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


_PERSON_COLUMNS = ("id", "staff_code", *COMPARED)


def _match(
    result, target, on, full, codes, emails, phones, births, positions, groups, statuses, unit_ids, problems
):
    scope = list(Person.objects.filter(unit__path__startswith=target.path).values_list(*_PERSON_COLUMNS))
    by_code: dict[str, tuple] = {}
    by_email: dict[str, list[tuple]] = defaultdict(list)
    by_name: dict[str, list[tuple]] = defaultdict(list)
    for person in scope:
        if person[1]:
            by_code[person[1].upper()] = person
        if person[6]:
            by_email[person[6].lower()].append(person)
        by_name[fold(person[3])].append(person)
    outside: dict[str, tuple] = {}
    if codes:
        wanted = sorted({c for c in codes if c and c not in by_code})
        size = max(100, min(connection.features.max_query_params or 10_000, 10_000) - 10)
        for chunk in _chunks(wanted, size):
            for person in (
                Person.objects.filter(staff_code__in=chunk)
                .exclude(unit__path__startswith=target.path)
                .values_list(*_PERSON_COLUMNS)
            ):
                outside[person[1].upper()] = person
    numbers = result.row_numbers
    claimed: dict[int, int] = {}
    creates, updates, outcomes = result.creates, result.updates, result.outcomes
    n = len(full)
    for i in range(n):
        code = codes[i] if codes else ""
        email = emails[i] if emails else ""
        person = None
        if not problems[i]:
            if code:
                person = by_code.get(code)
                if person is None and code in outside:
                    other = outside[code]
                    if other[-1] == Person.Status.LEFT:
                        person = other  # left another unit: this list takes them in
                    else:
                        problems[i].append(
                            _(
                                "Mã cán bộ “%(code)s” đang có trong danh sách của một đơn vị ngoài phạm vi của "
                                "bạn. Nếu người này đã chuyển đến, đề nghị đơn vị cũ ghi “Đã chuyển đi” trước."
                            )
                            % {"code": code}
                        )
                if person is None and email and not problems[i]:
                    same = by_email.get(email, [])
                    coded = [p for p in same if p[1]]
                    if coded:
                        problems[i].append(
                            _(
                                "Thư điện tử “%(email)s” đã là của %(name)s (mã %(code)s) trong danh sách: kiểm "
                                "tra lại mã cán bộ hoặc thư điện tử."
                            )
                            % {"email": email, "name": coded[0][3], "code": coded[0][1]}
                        )
                    elif len(same) == 1:
                        person = same[0]
            elif email:
                same = by_email.get(email, [])
                if len(same) > 1:
                    problems[i].append(
                        _(
                            "Thư điện tử “%(email)s” đang dùng cho %(n)s người trong danh sách: ghi thêm mã cán bộ."
                        )
                        % {"email": email, "n": len(same)}
                    )
                elif same:
                    person = same[0]
            elif full[i]:
                same = by_name.get(fold(full[i]), [])
                phone = phones[i] if phones else ""
                birth = births[i] if births else None
                if phone:
                    same = [p for p in same if p[7] == phone]
                elif birth:
                    same = [p for p in same if p[8] == birth]
                else:
                    same = [p for p in same if p[2] == unit_ids[i]]
                if len(same) > 1:
                    problems[i].append(
                        _(
                            "Có %(n)s người tên “%(name)s” trong danh sách, không biết cập nhật ai: ghi thêm mã "
                            "cán bộ hoặc thư điện tử."
                        )
                        % {"n": len(same), "name": full[i]}
                    )
                elif same:
                    person = same[0]
        if person is not None and not problems[i]:
            first = claimed.setdefault(person[0], i)
            if first != i:
                problems[i].append(
                    _("Dòng này và dòng %(row)s cùng chỉ một người (%(name)s): xóa bớt một dòng.")
                    % {"row": numbers[first], "name": person[3]}
                )
                problems[first].append(
                    _("Dòng này và dòng %(row)s cùng chỉ một người (%(name)s): xóa bớt một dòng.")
                    % {"row": numbers[i], "name": person[3]}
                )
                if outcomes[first] != REJECTED:
                    outcomes[first] = REJECTED
        if problems[i]:
            outcomes.append(REJECTED)
            continue
        new = {
            "unit_id": unit_ids[i],
            "full_name": full[i],
            "position": positions[i] if positions else "",
            "staff_group": groups[i] if groups else "",
            "email": email,
            "phone": phones[i] if phones else "",
            "date_of_birth": births[i] if births else None,
            "status": statuses[i] if statuses else "",
            "staff_code": code,
        }
        if person is None:
            new["staff_group"] = new["staff_group"] or Person.StaffGroup.CIVIL_SERVANT
            new["status"] = new["status"] or Person.Status.ACTIVE
            creates.append(new)
            outcomes.append(CREATED)
            continue
        old = dict(zip(_PERSON_COLUMNS, person, strict=True))
        changed = {
            key: new[key]
            for key in COMPARED
            if new[key] not in ("", None)
            and new[key] != old[key]
            and not (key == "position" and not new[key])
        }
        if code and not old["staff_code"]:
            changed["staff_code"] = code
        if (
            old["status"] == Person.Status.LEFT
            and old["unit_id"] != new["unit_id"]
            and "status" not in changed
        ):
            changed["status"] = Person.Status.ACTIVE  # taken in from another unit
        if changed:
            updates.append((old, changed))
            outcomes.append(UPDATED)
        else:
            outcomes.append(UNCHANGED)
    # rows rejected after being counted (claimed twice) must not be written
    rejected_rows = {i for i in range(n) if problems[i]}
    if rejected_rows:
        result.creates.clear()
        result.updates.clear()
    result.sample = [
        {
            "row": numbers[i],
            "full_name": full[i],
            "staff_code": codes[i] if codes else "",
            "unit_id": unit_ids[i],
            "position": positions[i] if positions else "",
            "phone": phones[i] if phones else "",
            "email": emails[i] if emails else "",
            "outcome": outcomes[i],
        }
        for i in range(min(n, 8))
    ]
