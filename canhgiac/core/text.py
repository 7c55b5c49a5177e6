"""Vietnamese text helpers: diacritic folding for search and sorting, and defanging of hostile links."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_D_TABLE = str.maketrans({"đ": "d", "Đ": "d"})

# Vietnamese alphabetical order; ă, â, đ, ê, ô, ơ, ư are letters of their own.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng (after ngang)


def _fold_reference(text: str | None) -> str:
    """The definition of fold(), character by character through unicodedata (fold() is the fast equivalent)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", str(text).translate(_D_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text.lower()).strip()


# Combining marks of U+0300–U+036F that unicodedata.combining() reports (all but the grapheme joiner U+034F).
_MARKS = "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c)))
_NOT_FOLDABLE = re.compile(f"[^\\x00-\\x7f{_MARKS}]")


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse white space: "Lừa  ĐẢO" → "lua dao".

    Same result as _fold_reference, about ten times faster: when the decomposed text holds nothing but ASCII
    and combining marks (all Vietnamese text does), dropping the marks is an ASCII encode that ignores them.
    """
    if not text:
        return ""
    text = str(text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
        if _NOT_FOLDABLE.search(decomposed):
            return _fold_reference(text)
        text = decomposed.encode("ascii", "ignore").decode("ascii")
    return " ".join(text.lower().split())


def search_terms(query: str | None, *, limit: int = 8) -> list[str]:
    """The folded words of a search box: at most `limit` words of at most 64 characters."""
    return [word[:64] for word in fold(query).split(" ") if word][:limit]


_KEY_DIGITS = "123456789abcdefghijklmnopqrstuvwxyz"  # never "0": "0" separates the primary key from the tones


def _key_code(n: int) -> str:
    return _KEY_DIGITS[n // len(_KEY_DIGITS)] + _KEY_DIGITS[n % len(_KEY_DIGITS)]


def _sort_codes(ch: str) -> tuple[str, str]:
    """(two-character primary code, one-digit tone) of one character of a lower-cased NFC string."""
    parts = unicodedata.normalize("NFD", ch)
    letter = unicodedata.normalize("NFC", parts[0] + "".join(c for c in parts[1:] if c in _LETTER_MARKS))
    tone = next((c for c in parts[1:] if c in _TONES), "")
    if letter == " ":
        code = 0
    elif letter.isdigit() and letter.isascii():
        code = 1 + int(letter)
    elif letter in _ALPHABET:
        code = 20 + _ALPHABET.index(letter)
    else:
        code = len(_KEY_DIGITS) ** 2 - 1
    return _key_code(code), str(_TONES.find(tone) + 1) if tone else "0"


def _sort_normalised(text: str) -> str:
    return unicodedata.normalize("NFC", _SPACES.sub(" ", str(text).strip().lower()))


def _sort_key_of_normalised(text: str) -> str:
    codes = [_sort_codes(ch) for ch in text]
    return "".join(c[0] for c in codes) + "0" + "".join(c[1] for c in codes)


def _sort_key_reference(text: str | None) -> str:
    """The definition of sort_key(), character by character (sort_key() is the fast equivalent)."""
    if not text:
        return ""
    return _sort_key_of_normalised(_sort_normalised(text))


def _sort_tables() -> tuple[dict[int, str], dict[int, str]]:
    primary: dict[int, str] = {}
    tones: dict[int, str] = {}
    for span in (range(0, 0x250), range(0x300, 0x370), range(0x1E00, 0x1F00)):
        for code in span:
            primary[code], tones[code] = _sort_codes(chr(code))
    return primary, tones


_SORT_PRIMARY, _SORT_TONES = _sort_tables()


def sort_key(text: str | None) -> str:
    """An ASCII key that orders names by the Vietnamese alphabet, tones breaking ties.

    "Đào" sorts after "Dương", "Ân" after "Anh", as Vietnamese readers expect. The key uses only lower-case
    letters and digits, so the C collation and PostgreSQL's locale collations order it the same way.
    """
    if not text:
        return ""
    text = _sort_normalised(text)
    primary = text.translate(_SORT_PRIMARY)
    if len(primary) != 2 * len(text):  # a character outside the tables (each maps to two): the slow way
        return _sort_key_of_normalised(text)
    return primary + "0" + text.translate(_SORT_TONES)


_SCHEME = re.compile(r"\b([hH])[tT][tT]([pP][sS]?)(:/{1,2})")
_HOST = re.compile(r"(?:[\w-]+\.)+[^\W\d_]{2,}(?![\w-])", re.UNICODE)


def defang(text: str | None) -> str:
    """Disarm links in hostile text so that nobody clicks them by mistake.

    "http://vietcombank-hotro.com/x" → "hxxp://vietcombank-hotro[.]com/x". The result is still plain text,
    which templates escape as usual; it is never rendered as a link.
    """
    if not text:
        return ""
    text = _SCHEME.sub(lambda m: f"{m.group(1)}xx{m.group(2)}{m.group(3)}", str(text))
    return _HOST.sub(lambda m: m.group(0).replace(".", "[.]"), text)
