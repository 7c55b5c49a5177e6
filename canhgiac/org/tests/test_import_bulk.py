"""The bulk shortcuts of the importer give what the cell-by-cell definitions give, and the bulk writer stays all
or nothing."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.core.text import fold
from canhgiac.org.importer import commit, parse, values
from canhgiac.org.models import Person, Placement
from canhgiac.org.phones import normalise_many, normalise_phone
from canhgiac.org.tabular import legacy
from canhgiac.org.tabular.rows import FOOTER_WORDS, data_rows
from canhgiac.org.tabular.values import code, codes

DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=13)
PHONE_CELLS = st.one_of(
    st.floats(min_value=1e7, max_value=2e10),
    st.integers(min_value=0, max_value=10**12).map(float),
    DIGITS,
    DIGITS.map(lambda d: "0" + d),
    st.lists(DIGITS, min_size=1, max_size=4).map(" ".join),
    st.lists(DIGITS, min_size=1, max_size=4).map(lambda parts: "0" + " ".join(parts)),
    st.sampled_from(
        ["0912 345 678", "0168 912 3456", "0203 3825 111", "+84 912 345 678", "0912.345.678", ""]
    ),
    st.text(max_size=14),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PHONE_CELLS, max_size=30))
def test_phones_in_bulk_are_what_one_by_one_gives(cells):
    for cell, e164 in normalise_many(set(cells)).items():
        assert normalise_phone(cell) == (e164, "")


def test_the_usual_phones_take_the_bulk_path():
    cells = {912345678.0, "0912 345 679", "0912345680", 1689123456.0, "0203 3825 111", 123.0}
    assert normalise_many(cells) == {
        912345678.0: "+84912345678",
        "0912 345 679": "+84912345679",
        "0912345680": "+84912345680",
    }


EMAIL_CELLS = st.one_of(
    st.emails().map(str),
    st.emails().map(str.lower),
    st.text(alphabet="abc.@-_'+ %ĐđA", max_size=20),
    st.sampled_from(
        ["mailto:a@b.vn", "a@b.c", "ten@quangninh.gov.vn", " ten@quangninh.gov.vn", "a" * 250 + "@b.vn"]
    ),
    st.floats(allow_nan=False),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(EMAIL_CELLS, max_size=30))
def test_emails_in_bulk_are_what_one_by_one_gives(cells):
    for cell, value in values.emails(set(cells)).items():
        assert values.email(cell) == (value, None)


NAME_LETTERS = "aàảãáạăằắâầấđeèéêềếiìíoòóôồốơờớuùúưừứyỳýAÀÁĂÂĐÊÔƠƯZqǅǆß1 "
NAME_CELLS = st.one_of(
    st.text(alphabet=NAME_LETTERS, max_size=20),
    st.lists(
        st.text(alphabet="aăâđêôơưAĂÂĐÊÔƠƯ", min_size=1, max_size=6).map(str.capitalize), max_size=4
    ).map(" ".join),
    st.just("Nguyễn " * 30),
    st.floats(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NAME_CELLS, max_size=30))
def test_names_in_bulk_are_what_one_by_one_gives(cells):
    for cell, value in values.person_names(set(cells)).items():
        assert values.person_name(cell) == (value, None)


@settings(max_examples=300, deadline=None)
@given(
    st.sets(
        st.one_of(
            st.text(max_size=10), st.text(alphabet="abcXYZ019ĐđÂ", max_size=8), st.floats(), st.integers()
        )
    )
)
def test_codes_in_bulk_are_what_one_by_one_gives(cells):
    assert codes(cells) == {cell: code(cell) for cell in cells}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.just(""), PHONE_CELLS, EMAIL_CELLS, NAME_CELLS), max_size=40))
def test_a_column_converted_in_bulk_gives_the_same_values_problems_and_notes(cells):
    for func, many in (
        (values.phone, values.phones),
        (values.email, values.emails),
        (values.person_name, values.person_names),
    ):
        assert parse.convert(cells, func, many) == parse.convert(cells, func)


def reference_data_rows(rows, header_row, key_cols, footer_words=FOOTER_WORDS):
    """data_rows without its shortcut for ordinary rows: every row through the general rules."""
    from canhgiac.org.tabular.headers import is_numbering_row

    out, section = [], ""
    start = header_row + 1
    if start < len(rows) and is_numbering_row(rows[start]):
        start += 1
    for index in range(start, len(rows)):
        row = rows[index]
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


CELL = st.one_of(
    st.just(""),
    st.just(""),
    st.none(),
    st.sampled_from(["Ghi chú", "I. Bộ phận một cửa", "Người lập biểu", "x", "Tổng cộng"]),
    st.integers(min_value=0, max_value=3).map(float),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(1990, 1, 3)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELL, max_size=6), max_size=12), st.integers(min_value=0, max_value=2))
def test_data_rows_shortcut_keeps_every_rule(rows, key):
    rows = [["STT", "Họ và tên", "Mã"], *rows]
    assert data_rows(rows, 0, [key]) == reference_data_rows(rows, 0, [key])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(max_codepoint=0x2200), max_size=40), max_size=20))
def test_legacy_detection_counts_as_defined(texts):
    sample = "".join(texts)
    assert len(legacy._BEYOND_LATIN1.findall(sample)) == sum(
        1 for ch in sample if ord(ch) > 0xFF and ch not in legacy._CP1252_EXTRA
    )
    assert len(legacy._HIGH_LATIN1.findall(sample)) == sum(1 for ch in sample if 0xA0 < ord(ch) <= 0xFF)
    assert len(legacy._TCVN3_SIGN.findall(sample)) == sum(1 for ch in sample if ch in legacy._TCVN3_SIGNS)


def indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (%s, %s) ORDER BY name",
            [Person._meta.db_table, Placement._meta.db_table],
        )
        return cursor.fetchall()


def new_people(tree, count, *, codes=None):
    """Columns for commit._insert: `count` people in Hồng Gai."""
    names = [f"Nguyễn Văn {i}" for i in range(count)]
    return [
        "2026-01-01 00:00:00",
        "2026-01-01 00:00:00",
        tree.hong_gai.pk,
        names,
        "",
        Person.StaffGroup.CIVIL_SERVANT,
        "",
        "",
        codes or [f"HG{i:05d}" for i in range(count)],
        None,
        Person.Status.ACTIVE,
        lambda start, stop: [fold(n) for n in names[start:stop]],
        lambda start, stop: names[start:stop],
        None,
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_indexes_come_back_as_they_were(tree, monkeypatch):
    monkeypatch.setattr(commit, "REBUILD_MIN_ROWS", 100)
    before = indexes()
    assert len(before) >= 7
    with transaction.atomic(), commit.indexes_rebuilt_after((Person, Placement), 5000) as rebuilt:
        assert rebuilt and indexes() == []
        commit._insert(Person, commit._NEW_PERSON, new_people(tree, 5000), 5000)
    assert indexes() == before and Person.objects.count() == 5000
    assert Person.objects.get(staff_code="HG04999").search_text == "nguyen van 4999"
    # a second import the same size no longer doubles the table: a plain block
    with transaction.atomic(), commit.indexes_rebuilt_after((Person, Placement), 4000) as rebuilt:
        assert not rebuilt and indexes() == before


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_a_duplicate_that_slipped_through_fails_the_rebuilt_unique_index_and_nothing_stays(tree, monkeypatch):
    monkeypatch.setattr(commit, "REBUILD_MIN_ROWS", 100)
    before = indexes()
    duplicated = [f"HG{i:05d}" for i in range(2999)] + ["HG00007"]
    with (
        pytest.raises(IntegrityError),
        transaction.atomic(),
        commit.indexes_rebuilt_after((Person, Placement), 3000),
    ):
        commit._insert(Person, commit._NEW_PERSON, new_people(tree, 3000, codes=duplicated), 3000)
    assert indexes() == before and Person.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_failing_statement_fails_the_import_and_leaves_the_connection_usable(tree):
    """On SQLite the statement fails in the writer thread; on PostgreSQL, in COPY."""
    columns = new_people(tree, 4500)
    columns[3] = [f"Nguyễn Văn {i}" for i in range(4500)]
    columns[3][4200] = None  # full_name is NOT NULL: on SQLite, the third statement fails
    with pytest.raises(IntegrityError), transaction.atomic():
        commit._insert(Person, commit._NEW_PERSON, columns, 4500)
    assert Person.objects.count() == 0
    commit._insert(Person, commit._NEW_PERSON, new_people(tree, 10), 10)  # the connection is still usable
    assert Person.objects.count() == 10


def test_staff_codes_elsewhere_are_found_the_same_by_lookup_and_by_scan(tree):
    from canhgiac.org.importer import analyse

    make = Person.objects.create
    make(unit=tree.finance, full_name="Đỗ Thị Hoa", staff_code="TC900", status=Person.Status.LEFT)
    make(unit=tree.finance, full_name="Đặng Văn Khánh", staff_code="TC901")
    make(unit=tree.budget_office, full_name="Lò Văn Lợi", staff_code="tc902")  # only an exact match counts
    make(
        unit=tree.hong_gai, full_name="Nguyễn Văn An", staff_code="HG001"
    )  # inside the target: not elsewhere
    make(unit=tree.police, full_name="Hà Văn Nam")
    wanted = ["TC900", "TC901", "TC902", "HG001", "XX1"]
    looked_up = analyse._people_elsewhere(wanted, tree.communes)  # a few codes: looked up one by one
    scanned = analyse._people_elsewhere(wanted + [f"QN{i:05d}" for i in range(1500)], tree.communes)
    assert looked_up == scanned
    assert sorted(looked_up) == ["TC900", "TC901"] and looked_up["TC900"][3] == "Đỗ Thị Hoa"
