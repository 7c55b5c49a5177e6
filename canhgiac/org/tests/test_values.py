"""Cell converters, phone numbers, legacy encodings and the fast derived columns of bulk imports."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.org.importer import legacy, values
from canhgiac.org.importer.analyse import _fast_sort_name, fast_search_text
from canhgiac.org.importer.headers import field_for, find_header
from canhgiac.org.models import Person
from canhgiac.org.phones import PhoneError, display_phone, normalise_phone

LETTERS = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
WORD = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=8)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("0912345678", "+84912345678"),
        (912345678.0, "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("0168 912 3456", "+84389123456"),
        ("0122 345 6789", "+84773456789"),
        ("0203 3823 456", "+842033823456"),
        ("9.12345678E+08", "+84912345678"),
    ],
)
def test_phones_are_normalised(cell, expected):
    assert normalise_phone(cell)[0] == expected


@pytest.mark.parametrize("cell", ["12345", "abc", "+1 415 555 0100", "0123456789", "091234567890123"])
def test_bad_phones_say_what_to_fix(cell):
    with pytest.raises(PhoneError) as excinfo:
        normalise_phone(cell)
    assert "số" in str(excinfo.value)


def test_phone_display():
    assert (
        display_phone("+84912345678") == "0912 345 678" and display_phone("+842033823456") == "0203 3823 456"
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("15/03/1985", dt.date(1985, 3, 15)),
        ("5-3-1985", dt.date(1985, 3, 5)),
        ("1985-03-15", dt.date(1985, 3, 15)),
        ("15.03.85", dt.date(1985, 3, 15)),
        (dt.datetime(1985, 3, 15), dt.date(1985, 3, 15)),
        (31121.0, dt.date(1985, 3, 15)),  # an Excel serial number
    ],
)
def test_birth_dates_in_several_formats(cell, expected):
    assert values.birth_date(cell, dt.date(2026, 1, 1))[0] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Đang công tác", Person.Status.ACTIVE),
        ("đang làm việc", Person.Status.ACTIVE),
        ("Đã chuyển công tác", Person.Status.LEFT),
        ("Đã nghỉ làm việc", Person.Status.LEFT),
        ("Nghỉ hưu", Person.Status.LEFT),
        ("Đã nghỉ thai sản", Person.Status.ON_LEAVE),
        ("Tạm nghỉ công tác", Person.Status.ON_LEAVE),
        ("Nghỉ ốm dài ngày", Person.Status.ON_LEAVE),
    ],
)
def test_statuses_in_everyday_words(cell, expected):
    assert values.status(cell) == (expected, None)


def test_birth_year_alone_is_a_note_not_an_error():
    value, error, note = values.birth_date("1985", dt.date(2026, 1, 1))
    assert value is None and error is None and "chỉ có năm" in note


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Họ và tên", "full_name"),
        ("HO TEN", "full_name"),
        ("Họ và tên cán bộ (*)", "full_name"),
        ("SĐT", "phone"),
        ("Điện thoại di động", "phone"),
        ("Đơn vị công tác", "unit_name"),
        ("Mã đơn vị", "unit_code"),
        ("Thư điện tử", "email"),
        ("E-mail", "email"),
        ("Ngày, tháng, năm sinh", "date_of_birth"),
        ("Chức vụ, chức danh", "position"),
        ("STT", None),
        ("Ghi chú", None),
    ],
)
def test_header_spellings(label, field):
    assert field_for(label) == field


def test_header_row_found_under_title_rows():
    rows = [["UBND XÃ BA CHẼ"], ["DANH SÁCH"], [], ["TT", "Họ tên", "Chức danh", "SĐT"], ["1", "A", "B", "C"]]
    assert find_header(rows) == (3, {1: "full_name", 2: "position", 3: "phone"})


@settings(max_examples=200, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=5))
def test_legacy_round_trips(words):
    text = " ".join(words)
    assert legacy.vni_to_unicode(legacy.encode_vni(text)) == text
    lower = text.lower()
    assert legacy.tcvn3_to_unicode(legacy.encode_tcvn3(lower)) == lower


def test_legacy_detection():
    assert legacy.detect([legacy.encode_tcvn3("Họ và tên"), legacy.encode_tcvn3("Số điện thoại")]) == "tcvn3"
    assert legacy.detect([legacy.encode_vni("Nguyễn Văn Hùng"), legacy.encode_vni("Đơn vị")]) == "vni"
    assert legacy.detect(["Nguyễn Văn Hùng", "Đơn vị", "Chuyên viên"]) is None
    assert legacy.tcvn3_to_unicode("Hä vµ tªn") == "Họ và tên"
    assert legacy.vni_to_unicode("Hoï vaø teân") == "Họ và tên"


@settings(max_examples=200, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=4), st.text(alphabet=LETTERS + " -", max_size=20))
def test_fast_derived_columns_match_the_model(words, position):
    name = " ".join(words)
    row = {
        "full_name": name,
        "position": " ".join(position.split()),
        "email": "a@b.vn",
        "phone": "+84912345678",
        "staff_code": "QN1",
    }
    person = Person(**row)
    person.refresh_derived()
    assert fast_search_text(row, {}) == person.search_text
    assert _fast_sort_name(name, {}) == person.sort_name
