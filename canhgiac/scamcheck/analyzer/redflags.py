"""Red flags of the knowledge base, compiled once per process and matched on folded text.

Contract with the knowledge base: `RedFlag.patterns` is a list of Python regular expressions matched against
`core.text.fold(message)` (lower-case, no diacritics, đ → d, white space collapsed). Patterns written with
diacritics are stripped of them (not lower-cased: "\\D" must stay "\\D") and compiled case-insensitively, so
"lừa đảo" and "lua dao" both work. A pattern that does not compile is skipped and logged; it never breaks the
checker.

The compiled set is cached per process under a version number kept in the cache: saving or deleting a red flag
or a method bumps it (signals in apps.py), and each process reloads at most once a second when it changed.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import unicodedata
import uuid
from dataclasses import dataclass

from django.core.cache import cache

from ..textmap import original_span

logger = logging.getLogger(__name__)

VERSION_KEY = "scamcheck:redflags:version"
CHECK_EVERY = 1.0  # seconds between two looks at the shared version
MAX_SPANS_PER_FLAG = 5


@dataclass(frozen=True)
class CompiledFlag:
    code: str
    text: str
    weight: float
    method_id: int
    method_slug: str
    method_name: str
    regex: re.Pattern


@dataclass(frozen=True)
class FlagHit:
    code: str
    text: str
    weight: float
    method_id: int
    method_slug: str
    method_name: str
    spans: tuple[tuple[int, int], ...]  # in the original text, end exclusive
    excerpts: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "text": self.text,
            "weight": self.weight,
            "method": self.method_slug,
            "spans": [list(span) for span in self.spans],
            "excerpts": list(self.excerpts),
        }


def strip_marks(pattern: str) -> str:
    """Remove diacritics from a pattern without touching its case or its escapes."""
    pattern = pattern.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", pattern) if not unicodedata.combining(c))


def compile_patterns(patterns: list[str]) -> re.Pattern | None:
    good = []
    for pattern in patterns or []:
        if not isinstance(pattern, str) or not pattern.strip():
            continue
        candidate = strip_marks(pattern.strip())
        try:
            re.compile(candidate, re.IGNORECASE)
        except re.error as exc:
            logger.warning("Bỏ qua mẫu nhận diện không hợp lệ %r: %s", pattern, exc)
            continue
        good.append(f"(?:{candidate})")
    if not good:
        return None
    return re.compile("|".join(good), re.IGNORECASE)


@dataclass(frozen=True)
class MethodInfo:
    id: int
    slug: str
    name: str
    number: int | None


class _State:
    def __init__(self):
        self.version: str | None = None
        self.flags: tuple[CompiledFlag, ...] = ()
        self.methods: dict[str, MethodInfo] = {}
        self.checked_at = 0.0
        self.stale = True
        self.lock = threading.Lock()


_state = _State()


def mark_stale() -> None:
    """Signal receiver target: the red flags or methods changed. This process reloads at once; the others
    within a second of the commit."""
    from django.db import transaction

    _state.stale = True

    def bump():
        try:
            cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        except Exception:  # pragma: no cover - the cache being down must not break saving a red flag
            logger.exception("Không cập nhật được phiên bản dấu hiệu trong bộ nhớ đệm")

    transaction.on_commit(bump)


def _load() -> tuple[tuple[CompiledFlag, ...], dict[str, MethodInfo]]:
    from canhgiac.knowledge.models import RedFlag, ScamMethod

    methods = {
        slug: MethodInfo(pk, slug, name, number)
        for pk, slug, name, number in ScamMethod.objects.published().values_list(
            "id", "slug", "name", "number"
        )
    }
    rows = (
        RedFlag.objects.filter(method__is_published=True)
        .select_related("method")
        .order_by("method__number", "order", "id")
    )
    compiled = []
    for flag in rows:
        regex = compile_patterns(flag.patterns)
        if regex is None:
            continue
        compiled.append(
            CompiledFlag(
                code=flag.code,
                text=flag.text,
                weight=float(flag.weight),
                method_id=flag.method_id,
                method_slug=flag.method.slug,
                method_name=flag.method.name,
                regex=regex,
            )
        )
    return tuple(compiled), methods


def _refresh() -> None:
    now = time.monotonic()
    if not _state.stale and now - _state.checked_at < CHECK_EVERY:
        return
    with _state.lock:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            cache.add(VERSION_KEY, version, timeout=None)
            version = cache.get(VERSION_KEY) or version
        if _state.stale or version != _state.version:
            _state.flags, _state.methods = _load()
            _state.version = version
            _state.stale = False
        _state.checked_at = now


def current_flags() -> tuple[CompiledFlag, ...]:
    _refresh()
    return _state.flags


def published_methods() -> dict[str, MethodInfo]:
    """slug -> MethodInfo for the published methods (same cache as the red flags)."""
    _refresh()
    return _state.methods


def match(
    text: str, folded: str, index: list[int], flags: tuple[CompiledFlag, ...] | None = None
) -> list[FlagHit]:
    """Every red flag found in the message, with its spans mapped back onto the original text."""
    hits = []
    for flag in current_flags() if flags is None else flags:
        spans = []
        for found in flag.regex.finditer(folded):
            if found.end() == found.start():
                continue
            spans.append(original_span(index, text, found.start(), found.end()))
            if len(spans) >= MAX_SPANS_PER_FLAG:
                break
        if spans:
            hits.append(
                FlagHit(
                    code=flag.code,
                    text=flag.text,
                    weight=flag.weight,
                    method_id=flag.method_id,
                    method_slug=flag.method_slug,
                    method_name=flag.method_name,
                    spans=tuple(spans),
                    excerpts=tuple(text[s:e][:120] for s, e in spans),
                )
            )
    return hits
