from hypothesis import given
from hypothesis import strategies as st

from canhgiac.core.text import defang, fold, search_terms, sort_key


def test_fold_strips_diacritics_and_d():
    assert fold("Lừa  ĐẢO chiếm đoạt") == "lua dao chiem doat"
    assert fold(None) == ""


def test_search_terms_are_folded_and_bounded():
    assert search_terms("Lừa đảo   ĐẦU TƯ") == ["lua", "dao", "dau", "tu"]
    assert len(search_terms("a " * 100)) == 8


def test_sort_key_follows_vietnamese_alphabet():
    names = ["Đức", "Dũng", "Ân", "Anh", "Ăn", "Bình", "An"]
    assert sorted(names, key=sort_key) == ["An", "Anh", "Ăn", "Ân", "Bình", "Dũng", "Đức"]


def test_defang_disarms_schemes_and_hosts_but_not_money():
    text = "Vào https://vietcombank-hotro.com/xac-minh ngay, phí 1.500.000 đồng, TP.HCM"
    out = defang(text)
    assert "hxxps://vietcombank-hotro[.]com/xac-minh" in out
    assert "1.500.000" in out
    assert "https://" not in out


@given(st.text(max_size=300))
def test_defang_never_leaves_a_live_scheme(text):
    out = defang(text).lower()
    assert "http://" not in out and "https://" not in out


@given(st.text(max_size=200))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
