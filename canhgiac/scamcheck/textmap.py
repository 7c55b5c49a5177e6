"""Folding that remembers where each folded character came from.

Red flags are regular expressions over `core.text.fold(message)`; to highlight a match in the message as the
person typed it (diacritics intact) we need, for every folded character, its position in the original.
`fold_with_map(text)` returns exactly `fold(text)` and that index map.
"""

from __future__ import annotations

import re
import unicodedata

from canhgiac.core.text import fold

_D = {"đ": "d", "Đ": "d"}


_CHAR_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _CHAR_CACHE.get(ch)
    if folded is None:
        source = _D.get(ch, ch)
        folded = "".join(
            c for c in unicodedata.normalize("NFD", source) if not unicodedata.combining(c)
        ).lower()
        if len(_CHAR_CACHE) < 20_000:
            _CHAR_CACHE[ch] = folded
    return folded


_TABLE: dict[int, str] = {}  # code point -> its one-character folding (a str.translate table)
_MULTI: set[str] = set()  # characters that fold to nothing or to several characters
_TOKENS = re.compile(r"\S+")


def _fast(text: str) -> tuple[str, list[int]] | None:
    """The common case, in C loops: every character folds to exactly one character, so folding is a translation
    and only white space runs collapse. None when some character needs the general loop."""
    table = _TABLE
    for ch in set(text):
        code = ord(ch)
        if code in table:
            continue
        if ch in _MULTI or ch == "\u03a3":
            return None
        folded = ch if ch.isspace() else _fold_char(ch)
        if len(folded) != 1 or folded.isspace() != ch.isspace():
            _MULTI.add(ch)
            return None
        if len(table) >= 20_000:
            return None  # the table is full: a character missing from it would pass through unfolded
        table[code] = folded
    translated = text.translate(table)
    pieces: list[str] = []
    index: list[int] = []
    previous_end = -1
    for token in _TOKENS.finditer(translated):
        start, end = token.span()
        if previous_end >= 0:
            index.append(previous_end)  # the collapsed white space comes from its first character
        index.extend(range(start, end))
        pieces.append(token.group())
        previous_end = end
    return " ".join(pieces), index


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """(folded, index) with folded == fold(text) and text[index[i]] the source of folded[i]."""
    fast = _fast(text)
    if fast is not None:
        return fast
    chars: list[str] = []
    index: list[int] = []
    append_char, append_index = chars.append, index.append
    pending_space = -1  # position of the first white space of a run not yet written
    ascii_text = text.isascii()
    for position, ch in enumerate(text):
        if ch.isspace():
            if pending_space < 0:
                pending_space = position
            continue
        folded = ch.lower() if ascii_text else _fold_char(ch)
        if not folded:
            continue
        if pending_space >= 0:
            if chars:
                append_char(" ")
                append_index(pending_space)
            pending_space = -1
        if len(folded) == 1:
            append_char(folded)
            append_index(position)
            continue
        for out in folded:
            if out.isspace():  # folding never makes spaces in practice; keep the contract if it ever does
                if chars and chars[-1] != " ":
                    append_char(" ")
                    append_index(position)
                continue
            append_char(out)
            append_index(position)
    mine = "".join(chars)
    if "\u03a3" in text:
        # Python lower-cases a capital sigma by its context (final ς): take core.fold's answer, same length.
        reference = fold(text)
        if len(reference) == len(mine):
            return reference, index
    return mine, index


def original_span(index: list[int], text: str, start: int, end: int) -> tuple[int, int]:
    """Map a span of the folded text back onto the original text (end exclusive)."""
    if not index or start >= end:
        return 0, 0
    begin = index[start]
    last = index[end - 1]
    stop = last + 1
    # Include the combining marks that follow the last character (decomposed input).
    while stop < len(text) and unicodedata.combining(text[stop]):
        stop += 1
    return begin, stop
