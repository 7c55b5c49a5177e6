"""Red-flag patterns: the contract with the message analyzer (docs/knowledge.md).

A pattern is a Python regular expression matched with `re.search` against `canhgiac.core.text.fold(message)`:
lower-case text without diacritics (đ → d), white space collapsed to single spaces. Patterns are therefore
written in lower case without diacritics, usually with \\b word boundaries.

Every pattern runs on every message the public pastes, so a pattern that backtracks catastrophically is refused
when a coordinator saves it (`regex_safety`: a static check, then a timed trial in a separate process), and one
that is already stored but fails the static check is skipped when the rules are compiled.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import regex_safety

MAX_PATTERNS = 20
MAX_PATTERN_LENGTH = 1000

# Ordinary sentences that no pattern may match: a pattern that fires on them is far too broad.
NEUTRAL_SENTENCES = (
    "chao anh, chieu nay 5 gio minh hop o phong 203 nhe",
    "me oi con ve den nha roi, toi nay con an com o nha",
    "ngan hang xin thong bao lich nghi le cua cac chi nhanh trong tinh",
    "cam on ban da mua hang, don hang se duoc giao trong 3 ngay",
    "uy ban nhan dan phuong thong bao lich tiem chung cho tre em thang nay",
)

_ESCAPE = re.compile(r"\\.")

SAFETY_MESSAGES = {
    "nested": gettext_lazy(
        "Mẫu “%(p)s” có một phần lặp nằm trong một phần lặp khác (kiểu (a+)+ hoặc (?:\\w+ ?)*): với tin nhắn dài, "
        "máy phải thử số cách ghép tăng theo cấp số nhân và có thể treo bộ phân tích. Hãy viết lại không lồng "
        "nhau, ví dụ (?:chuyen|ck) .{0,30} thay cho (?:\\w+ ?)+."
    ),
    "unbounded": gettext_lazy(
        "Mẫu “%(p)s” có phần lặp không giới hạn (*, +, {n,}) hoặc quá 100 lần mà phía sau còn phần khác: với tin "
        "nhắn dài, máy phải thử lại từ mọi vị trí và chạy rất chậm. Hãy ghi giới hạn, ví dụ .{0,60} thay cho .*, "
        "\\d{1,12} thay cho \\d+."
    ),
    "slow": gettext_lazy(
        "Mẫu “%(p)s” chạy quá chậm khi thử với một văn bản dài 20.000 ký tự (có thể làm chậm mọi lần phân tích). "
        "Hãy viết cụ thể hơn: bắt đầu bằng một cụm từ cố định và giới hạn khoảng cách, ví dụ .{0,60}."
    ),
    "timeout": gettext_lazy(
        "Mẫu “%(p)s” không chạy xong khi thử với một văn bản dài 20.000 ký tự (lặp lồng nhau hoặc quá nhiều cách "
        "ghép): nó sẽ làm treo bộ phân tích. Hãy bỏ các phần lặp lồng nhau và giới hạn khoảng cách, ví dụ .{0,60}."
    ),
}


def pattern_errors(patterns, *, trial: bool = True) -> list[str]:
    """Vietnamese messages saying what is wrong with a list of patterns (empty: all good).

    `trial=False` skips the timed trial (the static checks still run): for content the team tests separately.
    """
    if not isinstance(patterns, list | tuple):
        return [_("Mẫu nhận diện phải là một danh sách.")]
    if len(patterns) > MAX_PATTERNS:
        return [_("Tối đa %(n)s mẫu cho một dấu hiệu.") % {"n": MAX_PATTERNS}]
    errors = []
    checked: list[str] = []  # patterns that passed every other check: they get the timed trial
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
        problem = regex_safety.static_problem(pattern)
        if problem:
            errors.append(SAFETY_MESSAGES[problem] % {"p": pattern})
            continue
        hit = next((s for s in NEUTRAL_SENTENCES if compiled.search(s)), None)
        if hit:
            errors.append(
                _("Mẫu “%(p)s” quá rộng: khớp cả câu bình thường “%(s)s”.") % {"p": pattern, "s": hit}
            )
            continue
        checked.append(pattern)
    if trial and checked:
        for pattern, verdict in regex_safety.trial(checked).items():
            if verdict:
                errors.append(SAFETY_MESSAGES[verdict] % {"p": pattern})
    return errors


def compile_patterns(patterns) -> tuple[re.Pattern, ...]:
    """Compile the valid patterns of a flag. A broken one (edited outside the product) is skipped, and so is one
    that may backtrack catastrophically (saved before the check existed): it could stall every analysis."""
    compiled = []
    for pattern in patterns or ():
        try:
            candidate = re.compile(pattern)
        except (re.error, TypeError):
            continue
        if regex_safety.static_problem(pattern):
            continue
        compiled.append(candidate)
    return tuple(compiled)


def trial_in_advance(patterns) -> None:
    """Run the timed trial of many patterns in one process (e.g. every flag of a method before validating them
    one by one); later `pattern_errors` calls read the memoised results."""
    candidates = []
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern.strip() or len(pattern) > MAX_PATTERN_LENGTH:
            continue
        try:
            re.compile(pattern)
        except re.error:
            continue
        if not regex_safety.static_problem(pattern):
            candidates.append(pattern)
    if candidates:
        regex_safety.trial(candidates)


def unsafe_patterns(patterns) -> list[str]:
    """The stored patterns that `compile_patterns` skips because they may backtrack catastrophically."""
    return [p for p in patterns or () if isinstance(p, str) and regex_safety.static_problem(p)]
