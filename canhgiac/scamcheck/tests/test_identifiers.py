"""Normalising identifiers from however people type them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from canhgiac.scamcheck.identifiers import (
    BANK_ACCOUNT,
    PHONE,
    SOCIAL,
    URL,
    as_typed,
    classify,
    extract,
    normalise,
    parse_bank_account,
    parse_phone,
    parse_social,
    parse_url,
)


@pytest.mark.parametrize(
    "typed",
    [
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "84912345678",
        "(+84) 912.345.678",
        "0084912345678",
        "SĐT: 0912 345 678",
        "sdt 0912345678",
    ],
)
def test_the_same_mobile_number_however_typed(typed):
    parsed = parse_phone(typed)
    assert parsed is not None and parsed.value == "+84912345678"
    assert parsed.display == "0912 345 678"
    assert "Vinaphone" in parsed.detail


def test_old_eleven_digit_numbers_move_to_their_2018_prefix():
    assert parse_phone("0162 345 6789").value == "+84323456789"
    assert parse_phone("01234567890").value == "+84834567890"


def test_short_codes_landlines_and_foreign_numbers():
    assert parse_phone("113").value == "113"
    assert parse_phone("0203 3123456").value == "+842033123456"
    assert parse_phone("1900 545 413").value == "+841900545413"
    foreign = parse_phone("+855 12 345 678")
    assert foreign.value == "+85512345678" and "KH" in foreign.detail


@pytest.mark.parametrize(
    "typed", ["0912", "091234567899", "12345", "abc", "0912 345 67a", "", "+84", "0" * 40]
)
def test_malformed_numbers_are_not_phones(typed):
    assert parse_phone(typed) is None


def test_bank_accounts_with_and_without_their_bank():
    parsed = parse_bank_account("VCB 0011 0041 23456")
    assert (parsed.kind, parsed.value, parsed.qualifier) == (BANK_ACCOUNT, "0011004123456", "VCB")
    assert parse_bank_account("STK: 19034567890123 Techcombank - CTK NGUYEN VAN A").qualifier == "TCB"
    assert parse_bank_account("Ngoại thương 0011004123456").qualifier == "VCB"
    assert parse_bank_account("MB Bank 0888246135").qualifier == "MB"
    assert parse_bank_account("0011004123456").qualifier == ""
    assert parse_bank_account("0011004123456", bank="Agribank").qualifier == "AGRIBANK"
    assert parse_bank_account("5.000.000 VCB") is None  # an amount, not an account
    assert parse_bank_account("VCB 12345") is None  # too short


def test_links_are_reduced_to_what_a_criminal_registers():
    assert parse_url("hxxps://hotro.vietcombank-xacminh[.]com/otp?x=1").value == "vietcombank-xacminh.com"
    assert parse_url("WWW.Example.COM.VN/path").value == "example.com.vn"
    assert parse_url("bit.ly/3AbCdEf").value == "bit.ly/3AbCdEf"  # shortener: the path is the identity
    assert parse_url("abc.github.io/login").value == "abc.github.io"  # private suffix
    assert parse_url("shop-abc.weebly.com").value == "shop-abc.weebly.com"
    assert parse_url("sites.google.com/view/hotro-vcb/home").value == "sites.google.com/view/hotro-vcb/home"
    assert parse_url("http://203.0.113.9/vcb").value == "203.0.113.9"
    trick = parse_url("http://vietcombank.com.vn@evil-login.top/")
    assert trick.value == "evil-login.top" and trick.link.has_userinfo


def test_internationalised_domains_are_stored_as_punycode():
    parsed = parse_url("vietcombаnk.com")  # Cyrillic "а"
    assert parsed.value == "xn--vietcombnk-6qi.com"
    assert "vietcombаnk.com" in parsed.display and "xn--" in parsed.display
    assert parse_url("vietcombank。com").value == "vietcombank.com"  # ideographic full stop


@pytest.mark.parametrize(
    "typed", ["not a link", "http://", "javascript:alert(1)", "a" * 3000, "-bad-.com", "localhost"]
)
def test_things_that_are_not_links(typed):
    assert parse_url(typed) is None


def test_social_profiles():
    assert parse_social("https://www.facebook.com/nguyen.van.a")[0].value == "facebook:nguyen.van.a"
    assert parse_social("m.facebook.com/profile.php?id=100012345678")[0].value == "facebook:id:100012345678"
    assert parse_social("facebook.com/groups/VayTienNhanh")[0].value == "facebook:group:vaytiennhanh"
    assert parse_social("zalo.me/0912345678")[0].value == "zalo:+84912345678"
    assert parse_social("Zalo: 0912 345 678")[0].value == "zalo:+84912345678"
    assert parse_social("t.me/Hotro_VCB")[0].value == "telegram:hotro_vcb"
    assert parse_social("telegram @Hotro_VCB")[0].value == "telegram:hotro_vcb"
    assert parse_social("tiktok.com/@shop.abc")[0].value == "tiktok:shop.abc"
    assert {p.value for p in parse_social("@abc_def")} == {"telegram:abc_def", "tiktok:abc_def"}
    assert parse_social("facebook.com/watch") == []


def test_normalise_raises_a_clear_vietnamese_error():
    with pytest.raises(ValidationError) as caught:
        normalise(PHONE, "0912")
    assert "không phải số điện thoại hợp lệ" in caught.value.messages[0]
    with pytest.raises(ValidationError):
        normalise(URL, "khong phai link")
    with pytest.raises(ValidationError):
        normalise(SOCIAL, "ai do")
    assert normalise(URL, "t.me/abcde").kind == SOCIAL


def test_classify_tells_identifiers_from_messages():
    assert [p.kind for p in classify("0912 345 678")] == [
        PHONE,
        BANK_ACCOUNT,
    ]  # a mobile number may be an account
    assert [p.kind for p in classify("1900 545 413")] == [PHONE]
    assert classify("Vietcombank 0011 0041 23456 NGUYEN VAN A")[0].kind == BANK_ACCOUNT
    assert classify("vietcombank-hotro.com")[0].kind == URL
    assert classify("Chào bạn, tối nay đi ăn không?") == []
    long_message = (
        "[VCB] Tai khoan cua Quy khach tam khoa. Truy cap https://vcb-hotro.top hoac goi 0868 531 274 ngay."
    )
    assert classify(long_message) == []


def test_extract_finds_every_identifier_with_its_span():
    text = (
        "Vietcombank thong bao: TK cua quy khach bi khoa. Truy cap https://vietcombank-hotro.com/xac-thuc hoac goi "
        "0912.345.678. Chuyen 500.000d vao STK 0011004123456 Vietcombank. Lien he telegram @hotro_vcb, "
        "zalo.me/0987654321"
    )
    found = extract(text)
    kinds = [(f.parsed.kind, f.parsed.value) for f in found]
    assert (URL, "vietcombank-hotro.com") in kinds
    assert (PHONE, "+84912345678") in kinds
    assert (BANK_ACCOUNT, "0011004123456") in kinds
    assert (SOCIAL, "telegram:hotro_vcb") in kinds
    assert (SOCIAL, "zalo:+84987654321") in kinds
    assert all(value != "500000" for _kind, value in kinds)  # the amount is not an account
    for f in found:
        assert text[f.start : f.end].strip() == text[f.start : f.end]
    phone = next(f for f in found if f.parsed.kind == PHONE)
    assert text[phone.start : phone.end] == "0912.345.678"


def test_as_typed_reads_back_as_the_same_identifier():
    for raw in [
        "0912 345 678",
        "VCB 0011004123456",
        "facebook.com/profile.php?id=1000123",
        "zalo.me/0912345678",
        "t.me/abcde_f",
        "tiktok.com/@shop.abc",
        "bit.ly/3AbC",
        "hotro.vietcombank-xacminh.com/x",
    ]:
        first = classify(raw)[0]
        again = classify(as_typed(first))[0]
        assert (again.kind, again.value, again.qualifier) == (first.kind, first.value, first.qualifier), raw


# --- properties ----------------------------------------------------------------------------------------

mobile_prefixes = st.sampled_from(
    [
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "38",
        "39",
        "70",
        "76",
        "77",
        "78",
        "79",
        "81",
        "82",
        "83",
        "84",
        "85",
        "86",
        "88",
        "90",
        "91",
        "94",
        "96",
        "97",
        "98",
    ]
)
separators = st.sampled_from(["", " ", ".", "-"])


@settings(max_examples=200, deadline=None)
@given(
    prefix=mobile_prefixes,
    rest=st.text("0123456789", min_size=7, max_size=7),
    sep=separators,
    style=st.sampled_from(["0", "+84", "84", "(+84) "]),
)
def test_every_way_of_typing_a_mobile_number_gives_one_e164(prefix, rest, sep, style):
    national = prefix + rest
    typed = style + sep.join([national[:3], national[3:6], national[6:]])
    parsed = parse_phone(typed)
    assert parsed is not None
    assert parsed.value == "+84" + national


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_normalisers_never_crash_on_arbitrary_text(text):
    for parse in (parse_phone, parse_bank_account, parse_url, parse_social, classify):
        parse(text)
    extract(text)


@settings(max_examples=150, deadline=None)
@given(
    digits=st.text("0123456789", min_size=6, max_size=19),
    bank=st.sampled_from(["VCB", "Techcombank", "BIDV", "MB Bank", "agribank"]),
    sep=separators,
)
def test_bank_accounts_keep_their_digits(digits, bank, sep):
    typed = f"{bank} {sep.join(digits[i : i + 4] for i in range(0, len(digits), 4))}"
    parsed = parse_bank_account(typed)
    assert parsed is not None
    assert parsed.value == digits
    assert parsed.qualifier


@settings(max_examples=150, deadline=None)
@given(
    label=st.from_regex(r"[a-z][a-z0-9-]{1,20}[a-z0-9]", fullmatch=True),
    suffix=st.sampled_from(["com", "vn", "com.vn", "top", "xyz", "gov.vn"]),
    sub=st.sampled_from(["", "www.", "m.", "hotro."]),
    scheme=st.sampled_from(["", "http://", "https://", "hxxps://"]),
    path=st.sampled_from(["", "/", "/dang-nhap?x=1"]),
)
def test_links_reduce_to_their_registered_domain(label, suffix, sub, scheme, path):
    assume(not label.startswith("xn--") and "--" not in label[2:4])
    parsed = parse_url(f"{scheme}{sub}{label.upper() if len(label) % 2 else label}.{suffix}{path}")
    assert parsed is not None
    assert parsed.value == f"{label}.{suffix}"
