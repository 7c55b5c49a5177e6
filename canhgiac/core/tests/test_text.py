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


# fold() and sort_key() take shortcuts (an ASCII encode, translation tables); they must give exactly what the
# character-by-character definitions give, for Vietnamese and for anything else a user may type.
VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + "  \t\u00a0-–.,0123456789@"),
        st.characters(min_codepoint=0x300, max_codepoint=0x36F),
        st.characters(),
    ),
    max_size=60,
)


@given(st.one_of(st.text(max_size=80), MIXED))
def test_fold_equals_its_reference_definition(text):
    from canhgiac.core.text import _fold_reference

    assert fold(text) == _fold_reference(text)


@given(st.one_of(st.text(max_size=80), MIXED))
def test_sort_key_equals_its_reference_definition(text):
    from canhgiac.core.text import _sort_key_reference

    assert sort_key(text) == _sort_key_reference(text)


def test_fast_fold_and_sort_key_agree_on_every_latin_and_vietnamese_character():
    import unicodedata

    from canhgiac.core.text import _fold_reference, _sort_key_reference

    for code in [*range(0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070)]:
        ch = chr(code)
        for text in (ch, f"a{ch}b", f"Đ{ch}", unicodedata.normalize("NFD", f"Ế{ch}ệ")):
            assert fold(text) == _fold_reference(text), hex(code)
            assert sort_key(text) == _sort_key_reference(text), hex(code)
