"""Check a parsed roster against the database: units, duplicates, who each row is, what committing would do.

`parse.parse` does everything that depends on the file alone; `check` does everything that depends on the
roster, with a constant number of queries (the units of the target subtree, the people already in it, the
staff codes of the file found elsewhere). The preview runs both; the commit runs `check` again inside its
transaction, on the preview's parsed rows when they are still valid (`cache.py`), else on the file read again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.text import fold, sort_key

from ..models import Person, Unit
from ..tabular.jobs import CREATED, REJECTED, UNCHANGED, UPDATED
from .parse import UNIT_CODE, UNIT_NAME, UNIT_SECTION, Parsed, parse
from .reading import Table

COMPARED = ("unit_id", "full_name", "position", "staff_group", "email", "phone", "date_of_birth", "status")
_KIND_WORDS = ("phuong ", "xa ", "dac khu ", "so ", "ban ", "phong ", "uy ban nhan dan ", "ubnd ")
_PERSON_COLUMNS = ("id", "staff_code", *COMPARED)


@dataclass
class Analysis:
    header_row: int = -1
    mapping: dict[int, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    problems: dict[int, list[str]] = field(default_factory=dict)  # {row number in the file: messages}
    notes: dict[int, list[str]] = field(default_factory=dict)
    creates: list[int] = field(default_factory=list)  # row indices of the people to create
    updates: list[tuple[dict, dict]] = field(default_factory=list)  # (person as it is, changed fields)
    sample: list[dict] = field(default_factory=list)
    fatal: str = ""
    parsed: Parsed | None = None
    unit_ids: list[int | None] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return self.outcomes.count(outcome)

    @property
    def rejected(self) -> int:
        return self.count(REJECTED)


def fast_search_text(values: dict, cache: dict) -> str:
    """Person.search_text for a row of values (same result as Person.refresh_derived, which folds the five
    values joined by spaces: folding works word by word, so folded parts can be joined instead)."""
    parts = [_folded(values["full_name"], cache), _folded(values["position"], cache)]
    parts.extend(
        v.lower() if v.isascii() else fold(v)
        for v in (values["email"], values["phone"], values["staff_code"])
    )
    return " ".join(p for p in parts if p)[:400]


def _folded(text: str, cache: dict) -> str:
    folded = cache.get(text)
    if folded is None:
        folded = cache[text] = fold(text)
    return folded


def _fast_sort_name(full_name: str, cache: dict) -> str:
    """Person.sort_name: the sort key of "given name + full name", memoised per name."""
    whole = cache.get(full_name)
    if whole is None:
        words = full_name.split()
        whole = cache[full_name] = sort_key(f"{words[-1]} {full_name}" if words else "")[:400]
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

    def _check(self, row) -> tuple[int | None, str | None]:
        if row[4] is not None and row[4] <= self.on:
            return None, _("Đơn vị “%(name)s” đã đóng từ %(date)s: chọn đơn vị đang hoạt động.") % {
                "name": row[2],
                "date": row[4].strftime("%d/%m/%Y"),
            }
        return row[0], None

    def by_code_value(self, code: str) -> tuple[int | None, str | None]:
        row = self.by_code.get(code)
        if row is None and code.isdigit() and len(code) < 5:
            row = self.by_code.get(code.zfill(5))  # an official code that Excel stored as a number
        if row is None:
            return None, _("Mã đơn vị “%(code)s” không có trong %(unit)s và các đơn vị trực thuộc.") % {
                "code": code,
                "unit": self.target.name,
            }
        return self._check(row)

    def by_name_value(self, shown: str, text: str, *, strict: bool = True) -> tuple[int | None, str | None]:
        found = self.by_name.get(fold(text), [])
        if len(found) == 1:
            return self._check(found[0])
        if not strict:
            return None, None
        if found:
            return None, _("Tên đơn vị “%(name)s” trùng với nhiều đơn vị: dùng cột Mã đơn vị.") % {
                "name": shown
            }
        return None, _("Đơn vị “%(name)s” không có trong %(unit)s và các đơn vị trực thuộc.") % {
            "name": text[:80],
            "unit": self.target.name,
        }


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
    if progress:
        progress(40, _("Đang kiểm tra từng dòng"))
    parsed = parse(table, mapping=mapping, header_row=header_row)
    return check(parsed, target=target, effective_on=effective_on, progress=progress)


def check(parsed: Parsed, *, target: Unit, effective_on: dt.date | None = None, progress=None) -> Analysis:
    """Everything that depends on the database, for rows already parsed. Writes nothing."""
    result = Analysis(
        header_row=parsed.header_row,
        mapping=parsed.mapping,
        columns=parsed.columns,
        fatal=parsed.fatal,
        parsed=parsed,
    )
    if parsed.fatal:
        return result
    on = effective_on or timezone.localdate()
    n = len(parsed)
    result.row_numbers = parsed.row_numbers
    problems: dict[int, list[str]] = {i: list(messages) for i, messages in parsed.cells.items()}
    unit_ids = result.unit_ids = _resolve_units(parsed, target, on, problems)
    for i, message in parsed.names.items():
        problems.setdefault(i, []).append(message)
    if parsed.unit_mode == UNIT_SECTION and None in unit_ids:
        # no unit column: rows outside any known section belong to the target unit itself
        for i in [i for i, unit_id in enumerate(unit_ids) if unit_id is None]:
            if i not in problems:
                unit_ids[i] = target.pk
    elif None in unit_ids:
        for i in [i for i, unit_id in enumerate(unit_ids) if unit_id is None]:
            if i not in problems:
                problems[i] = [_("Thiếu đơn vị: ghi mã đơn vị hoặc tên đơn vị.")]
    for i in parsed.long_codes:
        problems.setdefault(i, []).append(_("Mã cán bộ dài quá 50 ký tự."))
    _find_duplicates(parsed, unit_ids, problems)
    if progress:
        progress(70, _("Đang đối chiếu với danh sách hiện có"))
    _match(result, parsed, target, unit_ids, problems)
    numbers = parsed.row_numbers
    result.problems = {numbers[i]: problems[i] for i in sorted(problems)}
    result.notes = {numbers[i]: notes for i, notes in sorted(parsed.notes.items()) if i not in problems}
    result.sample = [
        {
            "row": numbers[i],
            "full_name": parsed.full[i],
            "staff_code": parsed.codes[i] if parsed.codes else "",
            "unit_id": unit_ids[i],
            "position": parsed.positions[i] if parsed.positions else "",
            "phone": parsed.phones[i] if parsed.phones else "",
            "email": parsed.emails[i] if parsed.emails else "",
            "outcome": result.outcomes[i],
        }
        for i in range(min(n, 8))
    ]
    return result


def _resolve_units(parsed: Parsed, target: Unit, on: dt.date, problems) -> list[int | None]:
    """The unit id of every row (None: unknown, closed or no section), unit problems added to `problems`."""
    units = _UnitIndex(target, on)
    if parsed.unit_mode == UNIT_CODE:
        resolved = [units.by_code_value(code) for (code,) in parsed.unit_inputs]
    elif parsed.unit_mode == UNIT_NAME:
        resolved = [units.by_name_value(shown, text) for shown, text in parsed.unit_inputs]
    else:
        resolved = [units.by_name_value(s, s, strict=False) for (s,) in parsed.unit_inputs]
    ids = [unit_id for unit_id, _message in resolved] + [None]  # key -1: no section
    unit_ids = list(map(ids.__getitem__, parsed.unit_keys))
    bad = {key: message for key, (_unit_id, message) in enumerate(resolved) if message}
    if bad:
        prefix = parsed.unit_label
        for i, key in enumerate(parsed.unit_keys):
            if key in bad:
                problems.setdefault(i, []).append(f"{prefix}: {bad[key]}")
    return unit_ids


def _repeated(column: list[str]) -> set[str]:
    """The non-empty values that appear more than once in a column."""
    distinct = set(column)
    distinct.discard("")
    if len(distinct) == len(column) - column.count(""):
        return set()
    return {value for value, times in Counter(column).items() if times > 1 and value}


def _find_duplicates(parsed: Parsed, unit_ids, problems) -> None:
    """Rows of the file that are the same person: same staff code, same e-mail, or (without either) same name,
    unit and birth date. Every row of a group gets the message listing the group's rows."""
    full, codes, emails, births = parsed.full, parsed.codes, parsed.emails, parsed.births
    n = len(full)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for kind, column in (("code", codes), ("email", emails)):
        if column:
            repeated = _repeated(column)
            if repeated:
                for i, value in enumerate(column):
                    if value in repeated:
                        groups[(kind, value)].append(i)
    if codes and emails:
        anonymous = [i for i in range(n) if not codes[i] and not emails[i] and full[i]]
    elif codes or emails:
        column = codes or emails
        anonymous = [i for i in range(n) if not column[i] and full[i]]
    else:
        anonymous = [i for i in range(n) if full[i]]
    if anonymous:
        by_person: dict[tuple, list[int]] = defaultdict(list)
        for i in anonymous:
            by_person[("name", unit_ids[i], fold(full[i]), births[i] if births else None)].append(i)
        groups.update((key, rows) for key, rows in by_person.items() if len(rows) > 1)
    if not groups:
        return
    numbers = parsed.row_numbers
    rank = {"code": 0, "email": 1, "name": 2}
    for key, rows in sorted(groups.items(), key=lambda item: (item[1][0], rank[item[0][0]])):
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
            problems.setdefault(r, []).append(message)


def _people(where: str, params: list) -> list[tuple]:
    """People as tuples in _PERSON_COLUMNS order, by raw SQL over person ⋈ unit aliased p and u.

    Raw SQL because the ORM costs ~2 µs per row and per parameter (100,000 of each in a big import). SQLite
    hands dates back as text: they are converted once per distinct value."""
    quote = connection.ops.quote_name
    person, unit = Person._meta, Unit._meta
    columns = ", ".join(f"p.{quote(person.get_field(name).column)}" for name in _PERSON_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {quote(person.db_table)} p "  # noqa: S608 - names from _meta
            f"INNER JOIN {quote(unit.db_table)} u ON p.{quote(person.get_field('unit').column)} = u.{quote('id')} "
            f"WHERE {where}",
            params,
        )
        rows = cursor.fetchall()
    dates = {row[8] for row in rows if isinstance(row[8], str)}
    if dates:
        parsed = {text: dt.date.fromisoformat(text) for text in dates}
        rows = [(*row[:8], parsed[row[8]], *row[9:]) if isinstance(row[8], str) else row for row in rows]
    return rows


def max_params() -> int:
    """How many parameters one statement may take. Django assumes 999 on SQLite; the library says what it
    really takes (32,766 since SQLite 3.32), which makes a 100,000-code lookup 4 queries instead of 102."""
    if connection.vendor == "sqlite":
        import sqlite3

        connection.ensure_connection()
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return connection.features.max_query_params or 65_535


def _subtree_like(target: Unit) -> str:
    return target.path.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"


def _people_in(target: Unit) -> list[tuple]:
    return _people(f"u.{connection.ops.quote_name('path')} LIKE %s ESCAPE '\\'", [_subtree_like(target)])


def _people_elsewhere(codes: list[str], target: Unit) -> dict[str, tuple]:
    """{staff code: person} for the file's staff codes held by people outside the target subtree (the
    NOT (staff_code = '') term lets the database use the partial unique index on staff codes)."""
    quote = connection.ops.quote_name
    outside = f"AND NOT (p.{quote('staff_code')} = '') AND NOT (u.{quote('path')} LIKE %s ESCAPE '\\')"
    out: dict[str, tuple] = {}
    if len(codes) > 1000:
        with connection.cursor() as cursor:  # counted on the partial unique index of staff codes
            cursor.execute(
                f"SELECT COUNT(*) FROM {quote(Person._meta.db_table)} "  # noqa: S608 - names from _meta
                f"WHERE NOT ({quote('staff_code')} = '')"
            )
            coded = cursor.fetchone()[0]
        if coded <= len(codes):
            # fewer coded people in the whole roster than codes in the file (a first import): reading every
            # coded person outside the subtree costs less than looking the file's codes up one by one
            wanted = set(codes)
            for row in _people(outside.removeprefix("AND "), [_subtree_like(target)]):
                if row[1] in wanted:  # the same exact match as staff_code IN (…)
                    out[row[1].upper()] = row
            return out
    if connection.vendor == "postgresql":  # one array parameter, however many codes
        chunks = [codes] if codes else []
    else:
        size = max(100, min(max_params(), 32_767) - 10)
        chunks = [codes[start : start + size] for start in range(0, len(codes), size)]
    for chunk in chunks:
        if connection.vendor == "postgresql":
            where, params = f"p.{quote('staff_code')} = ANY(%s) {outside}", [chunk, _subtree_like(target)]
        else:
            marks = ", ".join(["%s"] * len(chunk))
            where, params = f"p.{quote('staff_code')} IN ({marks}) {outside}", [*chunk, _subtree_like(target)]
        for row in _people(where, params):
            out[row[1].upper()] = row
    return out


def _match(result: Analysis, parsed: Parsed, target: Unit, unit_ids, problems) -> None:
    """Who each row is (by staff code, else e-mail, else name with phone, birth date or unit) and what
    committing would do: outcomes, creates, updates; problems for rows that cannot be matched safely."""
    full = parsed.full
    n = len(full)
    codes = parsed.codes or [""] * n
    emails = parsed.emails or [""] * n
    scope = _people_in(target)
    by_code: dict[str, tuple] = {}
    by_email: dict[str, list[tuple]] = defaultdict(list)
    for person in scope:
        if person[1]:
            by_code[person[1].upper()] = person
        if person[6]:
            by_email[person[6].lower()].append(person)
    wanted = list(set(codes) - by_code.keys() - {""}) if parsed.codes else []
    outside = _people_elsewhere(wanted, target)
    outcomes = result.outcomes
    if not scope and not outside:
        # nobody in the target subtree and no staff code of the file elsewhere: every good row is new
        if problems:
            outcomes.extend(REJECTED if i in problems else CREATED for i in range(n))
            result.creates = [i for i in range(n) if i not in problems]
        else:
            outcomes.extend([CREATED] * n)
            result.creates = list(range(n))
    else:
        _match_rows(result, parsed, codes, emails, unit_ids, problems, scope, by_code, by_email, outside)
    if problems:  # rows rejected after being counted (claimed twice) too: nothing is written
        result.creates = []
        result.updates = []


def _match_rows(result, parsed, codes, emails, unit_ids, problems, scope, by_code, by_email, outside):
    full = parsed.full
    n = len(full)
    blank, none = [""] * n, [None] * n
    positions, groups, statuses = parsed.positions or blank, parsed.groups or blank, parsed.statuses or blank
    phones, births = parsed.phones or blank, parsed.births or none
    numbers = parsed.row_numbers
    by_name: dict[str, list[tuple]] | None = None  # built when a row has neither staff code nor e-mail
    # the file's columns in COMPARED order (index in a person tuple = 2 + position), absent ones left out
    present = [
        (2 + j, column)
        for j, column in enumerate(
            (
                unit_ids,
                full,
                parsed.positions,
                parsed.groups,
                parsed.emails,
                parsed.phones,
                parsed.births,
                parsed.statuses,
            )
        )
        if column is not None
    ]
    claimed: dict[int, int] = {}
    outcomes, creates, updates = result.outcomes, result.creates, result.updates
    left = Person.Status.LEFT
    for i in range(n):
        code = codes[i]
        email = emails[i]
        person = None
        if i not in problems:
            if code:
                person = by_code.get(code)
                if person is None and code in outside:
                    other = outside[code]
                    if other[-1] == left:
                        person = other  # left another unit: this list takes them in
                    else:
                        problems[i] = [
                            _(
                                "Mã cán bộ “%(code)s” đang có trong danh sách của một đơn vị ngoài phạm vi của "
                                "bạn. Nếu người này đã chuyển đến, đề nghị đơn vị cũ ghi “Đã chuyển đi” trước."
                            )
                            % {"code": code}
                        ]
                if person is None and email and i not in problems:
                    same = by_email.get(email, [])
                    coded = [p for p in same if p[1]]
                    if coded:
                        problems[i] = [
                            _(
                                "Thư điện tử “%(email)s” đã là của %(name)s (mã %(code)s) trong danh sách: kiểm "
                                "tra lại mã cán bộ hoặc thư điện tử."
                            )
                            % {"email": email, "name": coded[0][3], "code": coded[0][1]}
                        ]
                    elif len(same) == 1:
                        person = same[0]
            elif email:
                same = by_email.get(email, [])
                if len(same) > 1:
                    problems[i] = [
                        _(
                            "Thư điện tử “%(email)s” đang dùng cho %(n)s người trong danh sách: ghi thêm mã cán bộ."
                        )
                        % {"email": email, "n": len(same)}
                    ]
                elif same:
                    person = same[0]
            elif full[i]:
                if by_name is None:
                    by_name = defaultdict(list)
                    for p in scope:
                        by_name[fold(p[3])].append(p)
                same = by_name.get(fold(full[i]), [])
                phone = phones[i]
                birth = births[i]
                if phone:
                    same = [p for p in same if p[7] == phone]
                elif birth:
                    same = [p for p in same if p[8] == birth]
                else:
                    same = [p for p in same if p[2] == unit_ids[i]]
                if len(same) > 1:
                    problems[i] = [
                        _(
                            "Có %(n)s người tên “%(name)s” trong danh sách, không biết cập nhật ai: ghi thêm mã "
                            "cán bộ hoặc thư điện tử."
                        )
                        % {"n": len(same), "name": full[i]}
                    ]
                elif same:
                    person = same[0]
        if person is not None and i not in problems:
            first = claimed.setdefault(person[0], i)
            if first != i:
                message = _("Dòng này và dòng %(row)s cùng chỉ một người (%(name)s): xóa bớt một dòng.")
                problems[i] = [message % {"row": numbers[first], "name": person[3]}]
                problems.setdefault(first, []).append(message % {"row": numbers[i], "name": person[3]})
                outcomes[first] = REJECTED
        if i in problems:
            outcomes.append(REJECTED)
            continue
        if person is None:
            creates.append(i)
            outcomes.append(CREATED)
            continue
        for k, column in present:  # the common case of a re-import first: nothing new, no dict built
            value = column[i]
            if value != person[k] and value != "" and value is not None:
                break
        else:
            if person[1] or not code:
                outcomes.append(UNCHANGED)
                continue
        # (unit_id, full_name, position, staff_group, email, phone, date_of_birth, status) as in COMPARED
        new = (unit_ids[i], full[i], positions[i], groups[i], email, phones[i], births[i], statuses[i])
        old = dict(zip(_PERSON_COLUMNS, person, strict=True))
        # blank cells never erase what is known (the defaults of group and status are for new people only)
        changed = {
            key: value
            for key, value in zip(COMPARED, new, strict=True)
            if value not in ("", None) and value != old[key]
        }
        if code and not old["staff_code"]:
            changed["staff_code"] = code
        if old["status"] == left and old["unit_id"] != new[0] and "status" not in changed:
            changed["status"] = Person.Status.ACTIVE  # taken in from another unit
        if changed:
            updates.append((old, changed))
            outcomes.append(UPDATED)
        else:
            outcomes.append(UNCHANGED)
