"""core.money: amounts of money as people type them in registers and forms."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canhgiac.core.money import MoneyError, format_billions, parse_money


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("45,2 tỷ", 45_200_000_000),
        ("45.2 tỷ", 45_200_000_000),
        ("45,2 tỷ đồng", 45_200_000_000),
        ("1.500.000", 1_500_000),
        ("1,500,000", 1_500_000),
        ("1 500 000 đồng", 1_500_000),
        ("1500000 đ", 1_500_000),
        ("1500000đ", 1_500_000),
        ("120.000.000 VNĐ", 120_000_000),
        ("VND 1.000.000", 1_000_000),
        ("15 triệu", 15_000_000),
        ("15 trieu", 15_000_000),
        ("15tr", 15_000_000),
        ("1,5 triệu", 1_500_000),
        ("500k", 500_000),
        ("500 nghìn", 500_000),
        ("2 tỷ 300 triệu", 2_300_000_000),
        ("1 tỷ 2", 1_200_000_000),
        ("5 triệu 5", 5_500_000),
        ("15 triệu 500 nghìn", 15_500_000),
        ("1tỷ", 1_000_000_000),
        (45_200_000_000.0, 45_200_000_000),
        (1500000, 1_500_000),
        ("0", 0),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_money_as_people_type_it(cell, expected):
    assert parse_money(cell) == expected


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("khoảng 15 triệu", "unreadable"),
        ("15 triệu USD", "unreadable"),
        ("mười lăm triệu", "unreadable"),
        ("-5 triệu", "negative"),
        (-1.0, "negative"),
        ("1,5 đồng", "fraction"),
        (1500.5, "fraction"),
        (True, "unreadable"),
    ],
)
def test_what_is_not_money_says_why(cell, code):
    with pytest.raises(MoneyError) as excinfo:
        parse_money(cell)
    assert excinfo.value.code == code


@given(st.integers(min_value=0, max_value=10**15))
def test_every_way_of_writing_a_whole_amount_reads_back(n):
    dotted = f"{n:,}".replace(",", ".")
    assert parse_money(dotted) == n
    assert parse_money(f"{dotted} đồng") == n
    assert parse_money(str(n)) == n
    assert parse_money(f"{n:,}") == n
    assert parse_money(float(n)) == n


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from([("triệu", 10**6), ("tỷ", 10**9)]))
def test_decimal_comma_with_a_unit(tenths, unit):
    word, factor = unit
    text = f"{tenths // 10},{tenths % 10} {word}"
    assert parse_money(text) == tenths * factor // 10


def test_billions_read_like_a_report():
    assert format_billions(45_200_000_000) == "45,2 tỷ đồng"
    assert format_billions(45_000_000_000) == "45 tỷ đồng"
    assert format_billions(1_250_000_000, 2) == "1,25 tỷ đồng"
    assert format_billions(1_250_000_000) == "1,3 tỷ đồng"
    assert format_billions(850_000_000) == "850 triệu đồng"
    assert format_billions(12_345) == "12.345 đồng"
    assert format_billions(None) == "—"
