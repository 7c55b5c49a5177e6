"""What the checker answers: the allowlist index, identifier look-ups, the one search box.

The public lookup path is: normalise (identifiers.py) → allowlist (in-process index) → one indexed query on
Identifier (kind, value, qualifier) joined to its Listing. That is what bench/scamcheck.py measures.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from canhgiac.core.text import fold

from ..identifiers import BANK_ACCOUNT, BRANDNAME, SOCIAL, TEXT, URL, Parsed, classify, parse_phone
from ..links import host_matches
from ..lookalike import Detector, detector_for
from ..models import (
    AllowlistEntry,
    Identifier,
    Listing,
    PublicStatus,
    Verification,
)

ALLOWLIST_VERSION_KEY = "scamcheck:allowlist:version"
CHECK_EVERY = 1.0
STATUS_RANK = {
    PublicStatus.VERIFIED_SCAM: 3,
    PublicStatus.REPORTED: 2,
    PublicStatus.OFFICIAL: 1,
    PublicStatus.NO_INFORMATION: 0,
}


# --- the allowlist, indexed in memory ----------------------------------------------------------------------


@dataclass(frozen=True)
class AllowInfo:
    id: int
    kind: str
    value: str
    qualifier: str
    display: str
    organisation: str
    category: str
    category_label: str
    note: str


@dataclass
class _AllowIndex:
    exact: dict[tuple[str, str, str], AllowInfo] = field(default_factory=dict)
    accounts: dict[str, list[AllowInfo]] = field(default_factory=dict)  # digits -> entries (any bank)
    domains: list[tuple[str, AllowInfo]] = field(default_factory=list)
    brandnames: dict[str, AllowInfo] = field(default_factory=dict)  # folded, no spaces -> entry
    detector: Detector | None = None


class _AllowState:
    def __init__(self):
        self.index = _AllowIndex()
        self.version: str | None = None
        self.checked_at = 0.0
        self.stale = True
        self.lock = threading.Lock()


_allow = _AllowState()


def allowlist_changed() -> None:
    """An allowlist entry changed (signal): this process reloads at once, the others within a second of the
    commit."""
    from django.db import transaction

    _allow.stale = True
    transaction.on_commit(lambda: cache.set(ALLOWLIST_VERSION_KEY, uuid.uuid4().hex, timeout=None))


def _build_allow_index() -> _AllowIndex:
    index = _AllowIndex()
    categories = dict(AllowlistEntry.Category.choices)
    for entry in AllowlistEntry.objects.filter(is_active=True).order_by("id"):
        info = AllowInfo(
            id=entry.pk,
            kind=entry.kind,
            value=entry.value,
            qualifier=entry.qualifier,
            display=entry.display,
            organisation=entry.organisation,
            category=entry.category,
            category_label=str(categories.get(entry.category, entry.category)),
            note=entry.note,
        )
        index.exact[(entry.kind, entry.value, entry.qualifier)] = info
        if entry.kind == BANK_ACCOUNT:
            index.accounts.setdefault(entry.value, []).append(info)
        elif entry.kind == URL:
            index.domains.append((entry.value, info))
        elif entry.kind == BRANDNAME:
            index.brandnames[fold(entry.value).replace(" ", "")] = info
    index.detector = detector_for(frozenset(domain for domain, _info in index.domains if "/" not in domain))
    return index


def _allow_index() -> _AllowIndex:
    now = time.monotonic()
    if not _allow.stale and now - _allow.checked_at < CHECK_EVERY:
        return _allow.index
    with _allow.lock:
        version = cache.get(ALLOWLIST_VERSION_KEY)
        if version is None:
            cache.add(ALLOWLIST_VERSION_KEY, uuid.uuid4().hex, timeout=None)
            version = cache.get(ALLOWLIST_VERSION_KEY)
        if _allow.stale or version != _allow.version:
            _allow.index = _build_allow_index()
            _allow.version = version
            _allow.stale = False
        _allow.checked_at = now
    return _allow.index


def lookalike_detector() -> Detector:
    return _allow_index().detector or detector_for(frozenset())


def official_entry(parsed: Parsed) -> AllowInfo | None:
    index = _allow_index()
    if parsed.kind == BANK_ACCOUNT:
        entries = index.accounts.get(parsed.value, [])
        for info in entries:
            if not parsed.qualifier or not info.qualifier or info.qualifier == parsed.qualifier:
                return info
        return None
    if parsed.kind == URL:
        host = parsed.link.host if parsed.link is not None else parsed.value.split("/", 1)[0]
        for domain, info in index.domains:
            if "/" in domain:
                if parsed.value == domain or parsed.value.startswith(domain + "/"):
                    return info
            elif host_matches(host, domain):
                return info
        return None
    if parsed.kind == BRANDNAME:
        return index.brandnames.get(parsed.value)
    return index.exact.get((parsed.kind, parsed.value, parsed.qualifier)) or index.exact.get(
        (parsed.kind, parsed.value, "")
    )


def brandname_for(query: str) -> Parsed | None:
    """A query that is exactly an allowlisted SMS brandname ("Vietcombank", "VNeID")."""
    key = fold(query).replace(" ", "")
    if not key or len(key) > 40:
        return None
    info = _allow_index().brandnames.get(key)
    if info is None:
        return None
    return Parsed(BRANDNAME, key, display=info.display, detail=info.organisation)


# --- looking identifiers up ----------------------------------------------------------------------------


@dataclass
class ItemResult:
    parsed: Parsed
    status: str = PublicStatus.NO_INFORMATION
    official: AllowInfo | None = None
    identifiers: list[Identifier] = field(default_factory=list)  # the stored identifiers that matched
    report_count: int = 0
    verified_at: datetime | None = None
    reason: str = ""
    dispute_open: bool = False
    under_review: bool = False
    method: object = None  # knowledge.ScamMethod
    related: list[Identifier] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(PublicStatus(self.status).label)

    @property
    def identifier(self) -> Identifier | None:
        return self.identifiers[0] if self.identifiers else None

    def as_dict(self) -> dict:
        parsed = self.parsed
        out = {
            "kind": parsed.kind,
            "value": parsed.value,
            "display": parsed.display,
            "detail": parsed.detail,
            "status": self.status,
            "status_label": self.status_label,
        }
        if parsed.qualifier:
            out["bank"] = parsed.qualifier
        if self.official is not None:
            out["official"] = {"organisation": self.official.organisation, "category": self.official.category}
        if self.status == PublicStatus.REPORTED:
            out["reports"] = self.report_count
        if self.status == PublicStatus.VERIFIED_SCAM:
            out["verified_at"] = self.verified_at.isoformat() if self.verified_at else None
            out["reason"] = self.reason
            out["under_review"] = self.under_review
        if self.dispute_open:
            out["dispute_open"] = True
        if self.method is not None:
            out["method"] = {"slug": self.method.slug, "name": self.method.name}
        if self.related:
            out["related"] = [{"kind": r.kind, "value": r.value, "display": r.display} for r in self.related]
        return out


def parsed_key(parsed: Parsed) -> tuple[str, str, str]:
    return (parsed.kind, parsed.value, parsed.qualifier)


def _matches(parsed: Parsed, identifier: Identifier) -> bool:
    if identifier.kind != parsed.kind or identifier.value != parsed.value:
        return False
    if parsed.kind == BANK_ACCOUNT:
        return not parsed.qualifier or identifier.qualifier in {parsed.qualifier, ""}
    return identifier.qualifier == ""


def _lookup_sql(items: list[Parsed]) -> tuple[str, list]:
    """One indexed query for many identifiers, written out: the ORM's query compilation cost more than the
    query itself on the hot path (the unique index on kind, value, qualifier serves every condition)."""
    from canhgiac.knowledge.models import ScamMethod

    conditions, params = [], []
    for parsed in items:
        if parsed.kind == BANK_ACCOUNT and parsed.qualifier:
            conditions.append("(i.kind = %s AND i.value = %s AND i.qualifier IN (%s, ''))")
            params += [parsed.kind, parsed.value, parsed.qualifier]
        elif parsed.kind == BANK_ACCOUNT:
            conditions.append("(i.kind = %s AND i.value = %s)")
            params += [parsed.kind, parsed.value]
        else:
            conditions.append("(i.kind = %s AND i.value = %s AND i.qualifier = '')")
            params += [parsed.kind, parsed.value]
    sql = (
        "SELECT i.id, i.kind, i.value, i.qualifier, i.display, i.digest, i.created_at, "  # noqa: S608 - see below
        "l.identifier_id, l.report_count, l.first_reported_at, l.last_reported_at, l.verified_at, "
        "l.verified_reason, l.review_due_at, l.cleared_at, l.dispute_open, l.method_id, m.slug, m.name, m.number "
        f"FROM {Identifier._meta.db_table} i "
        f"LEFT JOIN {Listing._meta.db_table} l ON l.identifier_id = i.id "
        f"LEFT JOIN {ScamMethod._meta.db_table} m ON m.id = l.method_id "
        f"WHERE {' OR '.join(conditions)}"  # fixed table names and conditions; every value is a parameter
    )
    return sql, params


def _aware(value):
    if value is None or isinstance(value, datetime):
        return timezone.make_aware(value, UTC) if value is not None and timezone.is_naive(value) else value
    parsed = parse_datetime(str(value))
    return timezone.make_aware(parsed, UTC) if parsed is not None and timezone.is_naive(parsed) else parsed


def _fetch_identifiers(items: list[Parsed]) -> list[Identifier]:
    from canhgiac.knowledge.models import ScamMethod

    sql, params = _lookup_sql(items)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = []
    for (pk, kind, value, qualifier, display, digest, created_at, listing_id, report_count, first, last, verified_at,
         verified_reason, review_due_at, cleared_at, dispute_open, method_id, slug, name, number) in rows:  # fmt: skip
        identifier = Identifier(
            id=pk, kind=kind, value=value, qualifier=qualifier, display=display, digest=digest,
            created_at=_aware(created_at),
        )  # fmt: skip
        if listing_id is None:
            identifier._state.fields_cache["listing"] = None
        else:
            listing = Listing(
                identifier_id=listing_id, report_count=report_count, first_reported_at=_aware(first),
                last_reported_at=_aware(last), verified_at=_aware(verified_at), verified_reason=verified_reason,
                review_due_at=_aware(review_due_at), cleared_at=_aware(cleared_at), dispute_open=bool(dispute_open),
                method_id=method_id,
            )  # fmt: skip
            listing._state.adding = identifier._state.adding = False
            listing._state.fields_cache["identifier"] = identifier
            listing._state.fields_cache["method"] = (
                ScamMethod(id=method_id, slug=slug, name=name, number=number) if method_id else None
            )
            identifier._state.fields_cache["listing"] = listing
        identifier._state.adding = False
        found.append(identifier)
    return found


def lookup_many(items: list[Parsed], *, now=None) -> dict[tuple[str, str, str], ItemResult]:
    """What the checker says about each identifier: the allowlist in memory, then one query for all of them."""
    now = now or timezone.now()
    results: dict[tuple[str, str, str], ItemResult] = {}
    to_query: list[Parsed] = []
    for parsed in items:
        key = parsed_key(parsed)
        if key in results:
            continue
        result = ItemResult(parsed)
        results[key] = result
        official = official_entry(parsed)
        if official is not None:
            result.status = PublicStatus.OFFICIAL
            result.official = official
        elif parsed.kind != BRANDNAME:
            to_query.append(parsed)
    if not to_query:
        return results
    rows = _fetch_identifiers(to_query)
    for parsed in to_query:
        result = results[parsed_key(parsed)]
        matched = [row for row in rows if _matches(parsed, row)]
        _fold_listings(result, matched, now)
    return results


def _fold_listings(result: ItemResult, matched: list[Identifier], now) -> None:
    best = PublicStatus.NO_INFORMATION
    for identifier in matched:
        listing: Listing | None = getattr(identifier, "listing", None)
        if listing is None:
            continue
        status = listing.public_status(now)
        if status == PublicStatus.REPORTED:
            result.report_count += listing.report_count
        if STATUS_RANK[status] > STATUS_RANK[best]:
            best = status
        if status == PublicStatus.VERIFIED_SCAM:
            result.verified_at = listing.verified_at
            result.reason = listing.verified_reason
            result.under_review = listing.review_overdue(now)
        if status != PublicStatus.NO_INFORMATION:
            result.identifiers.append(identifier)
            result.method = result.method or listing.method
        result.dispute_open = result.dispute_open or (
            listing.dispute_open and status != PublicStatus.NO_INFORMATION
        )
    result.status = best
    if best == PublicStatus.VERIFIED_SCAM:
        result.report_count = sum(i.listing.report_count for i in matched if hasattr(i, "listing"))


def related_identifiers(identifiers: list[Identifier], *, limit: int = 12) -> list[Identifier]:
    """Other identifiers the police verified on the same grounds (same report or case): one query."""
    ids = [i.pk for i in identifiers]
    if not ids:
        return []
    sources = Verification.objects.filter(identifier_id__in=ids, is_active=True).values("source")
    return list(
        Identifier.objects.filter(verifications__source__in=sources, verifications__is_active=True)
        .exclude(pk__in=ids)
        .distinct()
        .order_by("kind", "value")[:limit]
    )


@dataclass
class CheckResult:
    query: str
    kind: str  # phone | bank_account | url | social | brandname | text
    status: str
    items: list[ItemResult]
    analysis: object = None  # analyzer.Analysis for free text
    hint: str = ""

    @property
    def primary(self) -> ItemResult | None:
        return self.items[0] if self.items else None

    @property
    def status_label(self) -> str:
        return str(PublicStatus(self.status).label)

    def as_dict(self) -> dict:
        out = {
            "query": self.query[:300],
            "kind": self.kind,
            "status": self.status,
            "status_label": self.status_label,
            "items": [item.as_dict() for item in self.items],
        }
        if self.analysis is not None:
            out["analysis"] = self.analysis.as_dict()
        if self.hint:
            out["hint"] = self.hint
        return out


def _worst(statuses) -> str:
    best = PublicStatus.NO_INFORMATION
    for status in statuses:
        if STATUS_RANK[status] > STATUS_RANK[best]:
            best = status
    return best


def check(query: str, *, with_related: bool = True) -> CheckResult:
    """The one search box: a number, an account, a link, a profile, a brandname or a whole message."""
    from ..analyzer import analyze, sanitize

    query, _truncated = sanitize(query or "")
    query = query.strip()
    parsed = classify(query)
    if not parsed:
        brand = brandname_for(query)
        if brand is not None:
            parsed = [brand]
    if parsed:
        extra = []
        for item in parsed:  # a Zalo account opened by phone number is also that phone number
            if item.kind == SOCIAL and item.value.startswith("zalo:+"):
                phone = parse_phone(item.value.split(":", 1)[1])
                if phone is not None:
                    extra.append(phone)
        found = lookup_many(parsed + extra)
        items = [found[parsed_key(p)] for p in parsed + extra]
        # A secondary reading (a mobile number as an account number) only shows when something is known.
        items = [items[0]] + [
            i for i in items[1:] if i.status != PublicStatus.NO_INFORMATION or i.parsed.kind != BANK_ACCOUNT
        ]
        if with_related:
            for item in items:
                if item.status == PublicStatus.VERIFIED_SCAM:
                    item.related = related_identifiers(item.identifiers)
        kind = parsed[0].kind
        return CheckResult(query=query, kind=kind, status=_worst(i.status for i in items), items=items)
    analysis = analyze(query)
    items = [item.result for item in analysis.identifiers if item.result is not None]
    hint = ""
    digits = re.sub(r"\D", "", query)
    if query and len(query) <= 30 and len(digits) >= 3 and len(digits) >= len(query.replace(" ", "")) - 3:
        hint = (
            "Không nhận ra đây là số điện thoại hay số tài khoản hợp lệ. Kiểm tra lại: số di động Việt Nam có 10 "
            "chữ số (ví dụ 0912 345 678); số tài khoản có từ 6 đến 19 chữ số, nên ghi kèm tên ngân hàng."
        )
    return CheckResult(
        query=query,
        kind=TEXT,
        status=_worst(i.status for i in items),
        items=items,
        analysis=analysis,
        hint=hint,
    )
