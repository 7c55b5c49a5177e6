"""Red-flag patterns: the contract with the message analyzer (docs/knowledge.md).

A pattern is a Python regular expression matched with `re.search` against `canhgiac.core.text.fold(message)`:
lower-case text without diacritics (đ → d), white space collapsed to single spaces. Patterns are therefore
written in lower case without diacritics, usually with \\b word boundaries.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

MAX_PATTERNS = 20
MAX_PATTERN_LENGTH = 600

# Ordinary sentences that no pattern may match: a pattern that fires on them is far too broad.
NEUTRAL_SENTENCES = (
    "chao anh, chieu nay 5 gio minh hop o phong 203 nhe",
    "me oi con ve den nha roi, toi nay con an com o nha",
    "ngan hang xin thong bao lich nghi le cua cac chi nhanh trong tinh",
    "cam on ban da mua hang, don hang se duoc giao trong 3 ngay",
    "uy ban nhan dan phuong thong bao lich tiem chung cho tre em thang nay",
)

_ESCAPE = re.compile(r"\\.")


def pattern_errors(patterns) -> list[str]:
    """Vietnamese messages saying what is wrong with a list of patterns (empty: all good)."""
    if not isinstance(patterns, list | tuple):
        return [_("Mẫu nhận diện phải là một danh sách.")]
    if len(patterns) > MAX_PATTERNS:
        return [_("Tối đa %(n)s mẫu cho một dấu hiệu.") % {"n": MAX_PATTERNS}]
    errors = []
    for raw in patterns:
        if not isinstance(raw, str) or not raw.strip():
            errors.append(_("Có một mẫu trống: hãy xóa dòng trống."))
            continue
        pattern = raw
        if len(pattern) > MAX_PATTERN_LENGTH:
            errors.append(
                _("Mẫu “%(p)s…” dài quá %(n)s ký tự.") % {"p": pattern[:40], "n": MAX_PATTERN_LENGTH}
            )
            continue
        bare = _ESCAPE.sub("", pattern)
        if any(ch.isupper() for ch in bare) or not bare.isascii():
            errors.append(
                _(
                    "Mẫu “%(p)s” phải viết thường, không dấu (đ viết là d), vì tin nhắn được so sau khi bỏ dấu."
                )
                % {"p": pattern}
            )
            continue
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            errors.append(
                _("Mẫu “%(p)s” không phải biểu thức chính quy hợp lệ: %(e)s.") % {"p": pattern, "e": exc}
            )
            continue
        if compiled.search("") is not None or compiled.search(" ") is not None:
            errors.append(_("Mẫu “%(p)s” khớp cả chuỗi rỗng: hãy viết cụ thể hơn.") % {"p": pattern})
            continue
        hit = next((s for s in NEUTRAL_SENTENCES if compiled.search(s)), None)
        if hit:
            errors.append(
                _("Mẫu “%(p)s” quá rộng: khớp cả câu bình thường “%(s)s”.") % {"p": pattern, "s": hit}
            )
    return errors


def compile_patterns(patterns) -> tuple[re.Pattern, ...]:
    """Compile the valid patterns of a flag; a broken one (edited outside the product) is skipped."""
    compiled = []
    for pattern in patterns or ():
        try:
            compiled.append(re.compile(pattern))
        except (re.error, TypeError):
            continue
    return tuple(compiled)
