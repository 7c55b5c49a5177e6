"""Reads of the knowledge base. Other apps use these (never the views): red-flag rules, methods, materials."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count, Prefetch, Q

from canhgiac.core.text import fold, search_terms

from .cache import catalogue_version
from .models import Material, MaterialVersion, RedFlag, ScamMethod, search_words
from .patterns import compile_patterns


class RedFlagRule(NamedTuple):
    """One red flag as the message analyzer uses it (contract: docs/knowledge.md)."""

    code: str
    method_slug: str
    text: str
    weight: float
    patterns: tuple[re.Pattern, ...]


_memo: dict[str, tuple[str, object]] = {}
_memo_lock = threading.Lock()


def _memoised(name: str, build):
    """Process-local memo of `build()`, rebuilt when the catalogue version moves."""
    token = catalogue_version()
    hit = _memo.get(name)
    if hit is not None and hit[0] == token:
        return hit[1]
    value = build()
    with _memo_lock:
        _memo[name] = (token, value)
    return value


def red_flag_rules() -> tuple[RedFlagRule, ...]:
    """Every red flag of the published methods with its compiled patterns (one cache read when warm).

    Patterns are matched with `pattern.search(canhgiac.core.text.fold(message))`.
    """

    def build():
        rows = (
            RedFlag.objects.filter(method__is_published=True)
            .select_related("method")
            .order_by("method__number", "method__name", "order", "id")
        )
        return tuple(
            RedFlagRule(f.code, f.method.slug, f.text, f.weight, compile_patterns(f.patterns)) for f in rows
        )

    return _memoised("rules", build)


def method_names() -> dict[str, str]:
    """slug → name of every method (published or not), for apps that tag records with a method."""
    return _memoised("names", lambda: dict(ScamMethod.objects.values_list("slug", "name")))


def method_choices(*, published_only: bool = False) -> list[tuple[str, str]]:
    """(slug, "12. name") pairs in catalogue order, for forms in other apps."""
    qs = ScamMethod.objects.all()
    if published_only:
        qs = qs.published()
    return [
        (m.slug, f"{m.number}. {m.name}" if m.number else m.name) for m in qs.only("slug", "number", "name")
    ]


def published_methods():
    return ScamMethod.objects.published().annotate(flag_count=Count("red_flags")).order_by("number", "name")


def method_groups(methods) -> list[dict]:
    """Methods grouped by their group, groups in the catalogue's order."""
    groups = []
    for value, label in ScamMethod.Group.choices:
        items = [m for m in methods if m.group == value]
        if items:
            groups.append({"value": value, "label": label, "methods": items})
    return groups


def public_method(slug: str) -> ScamMethod | None:
    return (
        ScamMethod.objects.published()
        .prefetch_related(
            "red_flags",
            "examples",
            Prefetch(
                "related", queryset=ScamMethod.objects.published().only("slug", "name", "number", "group")
            ),
        )
        .filter(slug=slug)
        .first()
    )


# --- search ------------------------------------------------------------------------------------------

# Words that every method shares ("lừa đảo", "hình thức", "thủ đoạn"): dropped when other words remain.
STOP_WORDS = frozenset(
    [
        "lua",
        "dao",
        "thu",
        "doan",
        "hinh",
        "thuc",
        "phuong",
        "cach",
        "nhan",
        "biet",
        "la",
        "gi",
        "cac",
        "nhung",
        "va",
        "cua",
        "bi",
        "qua",
        "tren",
        "mang",
        "online",
    ]
)


@dataclass(frozen=True)
class _Indexed:
    slug: str
    fields: tuple[tuple[frozenset[str], str, int], ...]  # (words, padded text, weight)


def _method_index() -> dict[str, _Indexed]:
    def build():
        index = {}
        methods = ScamMethod.objects.published().prefetch_related("red_flags", "examples")
        for m in methods:
            parts = [
                (search_words(m.name), 6),
                (search_words(m.keywords), 4),
                (search_words(m.summary, m.get_group_display(), m.targets), 2),
                (
                    search_words(
                        *m.steps,
                        *m.do_list,
                        *m.dont_list,
                        *(f.text for f in m.red_flags.all()),
                        *(e.text for e in m.examples.all()),
                    ),
                    1,
                ),
            ]
            index[m.slug] = _Indexed(
                m.slug, tuple((frozenset(text.split()), text, weight) for text, weight in parts)
            )
        return index

    return _memoised("search-index", build)


def search_methods(query: str) -> list[ScamMethod]:
    """Published methods matching a query with or without diacritics, best first.

    Words are whole folded syllables ("dau tu" finds "đầu tư"); a phrase found as typed scores higher;
    the words every method shares ("lừa đảo", "thủ đoạn") count only when nothing else was typed.
    """
    terms = search_terms(query)
    if not terms:
        return []
    significant = [t for t in terms if t not in STOP_WORDS]
    if not significant:  # "lừa đảo", "thủ đoạn lừa đảo": every method is one
        return list(published_methods())
    phrase = f" {' '.join(significant)} "
    scored = []
    for slug, item in _method_index().items():
        score = 0
        matched = 0
        for term in significant:
            best = max((w for words, _t, w in item.fields if term in words), default=0)
            if best:
                matched += 1
                score += best
        if not matched:
            continue
        phrase_score = (
            sum(3 * w for _words, text, w in item.fields if phrase in text) if len(significant) > 1 else 0
        )
        # Best: the words as typed, side by side; then all the words somewhere; then some of them.
        rank = 2 if phrase_score else 1 if matched == len(significant) else 0
        scored.append((rank, score + phrase_score, slug))
    best = max((rank for rank, _s, _slug in scored), default=0)
    scored = [row for row in scored if row[0] == best]
    scored.sort(key=lambda row: (-row[1], row[2]))
    by_slug = {m.slug: m for m in published_methods().filter(slug__in=[s for _r, _s, s in scored])}
    return [by_slug[s] for _r, _s, s in scored if s in by_slug]


# --- materials -----------------------------------------------------------------------------------------


def material_list(*, viewer, query: str = "", kind: str = "", method: str = "", audience: str = ""):
    """Materials the viewer may see (visibility), filtered; one query plus prefetches."""
    qs = (
        Material.objects.visible_to(viewer)
        .filter(current_version__isnull=False)
        .select_related("current_version", "owner_unit")
        .prefetch_related(Prefetch("methods", queryset=ScamMethod.objects.only("slug", "name", "number")))
    )
    terms = [t for t in search_terms(query) if t not in STOP_WORDS] or search_terms(query)
    for term in terms:
        qs = qs.filter(search_text__contains=f" {term}")
    if kind in Material.Kind.values:
        qs = qs.filter(kind=kind)
    if method:
        qs = qs.filter(methods__slug=method)
    if audience:
        qs = qs.filter(
            Q(audiences=audience)
            | Q(audiences__startswith=f"{audience} ")
            | Q(audiences__endswith=f" {audience}")
            | Q(audiences__contains=f" {audience} ")
        )
    return qs


def material_for_viewer(*, viewer, pk: int) -> Material | None:
    return (
        Material.objects.visible_to(viewer)
        .select_related("current_version", "owner_unit", "created_by")
        .prefetch_related(
            "methods",
            Prefetch(
                "versions", queryset=MaterialVersion.objects.select_related("uploaded_by").order_by("-number")
            ),
        )
        .filter(pk=pk)
        .first()
    )


def materials_for_method(*, viewer, method: ScamMethod, limit: int = 6):
    return list(
        Material.objects.visible_to(viewer)
        .filter(methods=method, current_version__isnull=False)
        .select_related("current_version")[:limit]
    )


# --- pattern tester (coordinators) ---------------------------------------------------------------------


@dataclass(frozen=True)
class FlagHit:
    code: str
    method_slug: str
    text: str
    weight: float
    start: int
    end: int


def flag_hits(message: str, *, extra=(), replace: str | None = None) -> tuple[str, list[FlagHit]]:
    """The folded message and every flag that fires on it (published rules plus `extra` rules), first span each.

    `replace`: a method slug whose published rules are left out (the `extra` rules stand for them: the flags of
    that method as a coordinator is typing them)."""
    folded = fold(message)
    rules = [r for r in red_flag_rules() if replace is None or r.method_slug != replace]
    seen = {r.code for r in rules}
    rules += [r for r in extra if r.code not in seen]
    hits = []
    for rule in rules:
        for pattern in rule.patterns:
            match = pattern.search(folded)
            if match:
                hits.append(FlagHit(rule.code, rule.method_slug, rule.text, rule.weight, *match.span()))
                break
    return folded, hits


def highlighted(folded: str, hits: list[FlagHit]) -> list[tuple[str, bool]]:
    """The folded text cut into (piece, is_flagged) parts for display."""
    marks = [False] * len(folded)
    for hit in hits:
        for i in range(hit.start, hit.end):
            marks[i] = True
    parts: list[tuple[str, bool]] = []
    for ch, flagged in zip(folded, marks, strict=True):
        if parts and parts[-1][1] == flagged:
            parts[-1] = (parts[-1][0] + ch, flagged)
        else:
            parts.append((ch, flagged))
    return parts
