"""Legacy Vietnamese font encodings, converted to Unicode: TCVN3 (ABC, the .Vn fonts) and VNI (VNI-Windows).

Files typed before Unicode was common still circulate in government offices. Their text is stored as
single-byte codes that only look right in the legacy fonts; Excel (and CSV exported from it) hands them to us as
the Windows-1252 characters of those bytes: "Hä vµ tªn" is TCVN3 for "Họ và tên", "Hoï vaø teân" is VNI.

TCVN3 gives each precomposed lower-case letter a byte of its own (upper-case toned letters were typed with the
"H" fonts, which reuse the lower-case codes). VNI writes a base letter followed by a mark character. The tables
below were written from the two standards' code charts.
"""

from __future__ import annotations

import re
import unicodedata

# --- TCVN3 (TCVN 5712:1993, VN3 / ABC) ----------------------------------------------------------------------
# byte → Unicode letter. Bytes are given as the Windows-1252 characters Excel shows for them.
_TCVN3_BYTES = {
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    0xA8: "ă",
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",
    0xA9: "â",
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    0xAA: "ê",
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    0xAB: "ô",
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    0xAC: "ơ",
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    0xAD: "ư",
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
    # upper-case letters with a modifier but no tone
    0xA1: "Ă",
    0xA2: "Â",
    0xA7: "Đ",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
}
TCVN3_TABLE = {ord(bytes([code]).decode("cp1252")): letter for code, letter in _TCVN3_BYTES.items()}
# Characters that are symbols in Windows-1252 but letters in TCVN3: real Vietnamese Unicode text never has them.
_TCVN3_SIGNS = frozenset(bytes([c]).decode("cp1252") for c in _TCVN3_BYTES if c < 0xC0) | frozenset("Þ")

# --- VNI (VNI-Windows) ----------------------------------------------------------------------------------------
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

# mark character (lower and upper case forms) → combining marks it stands for
_VNI_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# stand-alone characters
_VNI_SINGLE = {
    "ñ": "đ",
    "Ñ": "Đ",
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "æ": "ỉ",
    "Æ": "Ỉ",
    "ó": "ĩ",
    "Ó": "Ĩ",
    "ò": "ị",
    "Ò": "Ị",
    "î": "ỵ",
    "Î": "Ỵ",
}


def _marks_for(mark: str, base: str) -> str | None:
    low = mark.lower()
    if low in _VNI_TONES and base.lower() in "aeiouyơư":
        return _VNI_TONES[low]
    if low in _VNI_CIRCUMFLEX and base.lower() in "aeo":
        return _CIRC + _VNI_CIRCUMFLEX[low]
    if low in _VNI_BREVE and base.lower() == "a":
        return _BREVE + _VNI_BREVE[low]
    return None


def vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        base = _VNI_SINGLE.get(ch, ch)
        if i + 1 < n and base.lower() in "aeiouyơư":
            marks = _marks_for(text[i + 1], base)
            if marks is not None:
                out.append(unicodedata.normalize("NFC", base + marks))
                i += 2
                continue
        out.append(base)
        i += 1
    return "".join(out)


def tcvn3_to_unicode(text: str) -> str:
    return text.translate(TCVN3_TABLE)


# Counted by regular expressions (a character at a time in Python took 0.1 s on the 2,000 rows sampled).
# Windows-1252 puts these characters beyond Latin-1 where Latin-1 has control codes: legacy text shows them.
_CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_BEYOND_LATIN1 = re.compile(f"[^\\x00-\\xff{_CP1252_EXTRA}]")
_HIGH_LATIN1 = re.compile("[\\xa1-\\xff]")
_TCVN3_SIGN = re.compile("[" + re.escape("".join(sorted(_TCVN3_SIGNS))) + "]")
_VNI_PAIR = re.compile("[aeouyAEOUYôöÔÖ][ùøûõïÙØÛÕÏ]|[aeoAEO][âáàåãäÂÁÀÅÃÄ]|[aA][êéèúüëÊÉÈÚÜË]|[ñÑ]")


def detect(texts: list[str]) -> str | None:
    """ "tcvn3", "vni" or None (Unicode) for the strings of one file.

    Unicode Vietnamese almost always has letters beyond Latin-1 (ạ, ơ, đ...); legacy text has none. Among
    legacy files, TCVN3 shows symbol characters where letters should be and VNI shows vowel + mark pairs.
    """
    sample = "".join(texts)[:200_000]
    if not sample:
        return None
    beyond_latin1 = len(_BEYOND_LATIN1.findall(sample))
    high = len(_HIGH_LATIN1.findall(sample))
    if high < 2 or beyond_latin1 > high // 10:
        return None
    tcvn3 = len(_TCVN3_SIGN.findall(sample))
    vni = len(_VNI_PAIR.findall(sample))
    if max(tcvn3, vni) < 2:
        return None
    return "tcvn3" if tcvn3 >= vni else "vni"


def converter(kind: str | None):
    return {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}.get(kind or "")


def encode_tcvn3(text: str) -> str:
    """Unicode → TCVN3 (as Windows-1252 characters): used by tests to build legacy files."""
    reverse = {letter: chr(code) for code, letter in TCVN3_TABLE.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out.append(reverse[ch])
        elif ch.isupper() and ch.lower() in reverse and not ch.isascii():
            out.append(reverse[ch.lower()])  # the "H" fonts: upper case shown with lower-case codes
        else:
            out.append(ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    """Unicode → VNI (as Windows-1252 characters): used by tests to build legacy files."""
    singles = {v: k for k, v in _VNI_SINGLE.items()}
    tones = {v: k for k, v in _VNI_TONES.items()}
    circ = {v: k for k, v in _VNI_CIRCUMFLEX.items()}
    breve = {v: k for k, v in _VNI_BREVE.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in singles:
            out.append(singles[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) == 1:
            out.append(ch)
            continue
        base, marks = parts[0], parts[1:]
        if _HORN in marks:
            base = singles[unicodedata.normalize("NFC", base + _HORN)]
        tone = "".join(m for m in marks if m not in (_HORN, _CIRC, _BREVE))
        upper = base.isupper()
        if _CIRC in marks:
            mark = circ[tone]
        elif _BREVE in marks:
            mark = breve[tone]
        elif base.lower() == "i" or (base.lower() == "y" and tone == _DOT):
            # i with a tone and ỵ are single characters in VNI (í and ì are the Latin-1 letters themselves)
            composed = unicodedata.normalize("NFC", base + tone)
            out.append(singles.get(composed, composed))
            continue
        else:
            mark = tones.get(tone, "")
        out.append(base + (mark.upper() if upper else mark))
    return "".join(out)
