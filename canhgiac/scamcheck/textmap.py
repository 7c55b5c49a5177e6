"""Folding that remembers where each folded character came from.

Red flags are regular expressions over `core.text.fold(message)`; to highlight a match in the message as the
person typed it (diacritics intact) we need, for every folded character, its position in the original.
`fold_with_map(text)` returns exactly `fold(text)` and that index map.
"""

from __future__ import annotations

import unicodedata

from canhgiac.core.text import fold

_D = {"đ": "d", "Đ": "d"}


def _fold_char(ch: str) -> str:
    ch = _D.get(ch, ch)
    if ch.isascii():
        return ch.lower()
    out = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return out.lower()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """(folded, index) with folded == fold(text) and text[index[i]] the source of folded[i]."""
    chars: list[str] = []
    index: list[int] = []
    pending_space = -1  # position of the first white space of a run not yet written
    for position, ch in enumerate(text):
        if ch.isspace():
            if pending_space < 0:
                pending_space = position
            continue
        folded = _fold_char(ch)
        if not folded:
            continue
        if pending_space >= 0:
            if chars:
                chars.append(" ")
                index.append(pending_space)
            pending_space = -1
        for out in folded:
            if out.isspace():  # folding never makes spaces in practice; keep the contract if it ever does
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    index.append(position)
                continue
            chars.append(out)
            index.append(position)
    mine = "".join(chars)
    reference = fold(text)
    if len(reference) == len(mine):
        # Same length: the only differences are context-dependent lower-casing (Greek final sigma), 1:1.
        return reference, index
    return mine, index  # pragma: no cover - defensive; the property tests keep this unreachable


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
