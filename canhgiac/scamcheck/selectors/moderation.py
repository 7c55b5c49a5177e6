"""Reads for the police: moderation queues, yearly reviews, duplicates, histories; public figures.

The public lookup path is: normalise (identifiers.py) → allowlist (in-process index) → one indexed query on
Identifier (kind, value, qualifier) joined to its Listing. That is what bench/scamcheck.py measures.
"""

from __future__ import annotations

import re

from django.db.models import Count, Q
from django.utils import timezone

from ..identifiers import classify
from ..models import (
    AllowlistEntry,
    Dispute,
    Identifier,
    Listing,
    Report,
)

# --- moderation ----------------------------------------------------------------------------------------


def report_queue(
    *, viewer, status: str | None = Report.Status.NEW, query: str = "", method_id: int | None = None
):
    """Reports the viewer moderates, newest first, with what a list row shows (constant number of queries)."""
    reports = Report.objects.visible_to(viewer).select_related("method", "unit")
    if status:
        reports = reports.filter(status=status)
    if method_id:
        reports = reports.filter(method_id=method_id)
    query = (query or "").strip()[:100]
    if query:
        parsed = classify(query)
        if re.fullmatch(r"(?i)PA-[A-Z0-9]{4}-[A-Z0-9]{4}", query):
            reports = reports.filter(code=query.upper())
        elif parsed:
            q = Q()
            for item in parsed:
                q |= Q(identifiers__kind=item.kind, identifiers__value=item.value)
            reports = reports.filter(q).distinct()
        else:
            reports = reports.none()
    return (
        reports.annotate(evidence_count=Count("evidence", distinct=True))
        .order_by("-created_at", "-id")  # GROUP BY queries ignore Meta.ordering
        .prefetch_related("identifiers", "identifiers__listing")
    )


def queue_counts(*, viewer) -> dict[str, int]:
    reports = Report.objects.visible_to(viewer)
    counts = dict(reports.values_list("status").annotate(n=Count("id")).order_by())
    from ..models import is_province_moderator

    province = is_province_moderator(viewer)
    return {
        "new": counts.get(Report.Status.NEW, 0),
        "decided": sum(v for k, v in counts.items() if k != Report.Status.NEW),
        "review": review_due(viewer=viewer).count() if province else 0,
        "disputes": Dispute.objects.visible_to(viewer).filter(status=Dispute.Status.OPEN).count(),
    }


def review_due(*, viewer, now=None):
    """Verified phone listings whose 12-month review date has come."""
    from ..models import is_province_moderator

    if not is_province_moderator(viewer):
        return Listing.objects.none()
    now = now or timezone.now()
    return (
        Listing.objects.filter(verified_at__isnull=False, review_due_at__lte=now)
        .select_related("identifier", "method")
        .order_by("review_due_at")
    )


def possible_duplicates(report: Report, *, viewer, limit: int = 10):
    """Other reports, visible to the viewer, that name one of the same identifiers."""
    ids = list(report.identifiers.values_list("pk", flat=True))
    if not ids:
        return Report.objects.none()
    return (
        Report.objects.visible_to(viewer)
        .filter(identifiers__in=ids)
        .exclude(pk=report.pk)
        .distinct()
        .select_related("method")
        .order_by("-created_at")[:limit]
    )


def identifier_history(identifier: Identifier, *, viewer):
    """For the moderation page of an identifier: its reports (visible ones), verifications and disputes."""
    return {
        "reports": Report.objects.visible_to(viewer).filter(identifiers=identifier).select_related("method"),
        "verifications": identifier.verifications.select_related("actor", "method"),
        "disputes": Dispute.objects.visible_to(viewer).filter(identifier=identifier),
    }


def listing_stats(*, now=None) -> dict[str, int]:
    """Public figures for the home page: verified and live reported identifiers (one query)."""
    from ..models import REPORT_TTL, REPORT_TTL_DEFAULT

    now = now or timezone.now()
    live = Q(identifier__kind__in=list(REPORT_TTL)) & Q(last_reported_at__gte=now - max(REPORT_TTL.values()))
    for kind, ttl in REPORT_TTL.items():
        live &= ~Q(identifier__kind=kind) | Q(last_reported_at__gte=now - ttl)
    live |= ~Q(identifier__kind__in=list(REPORT_TTL)) & Q(last_reported_at__gte=now - REPORT_TTL_DEFAULT)
    return Listing.objects.aggregate(
        verified=Count("pk", filter=Q(verified_at__isnull=False)),
        reported=Count("pk", filter=Q(verified_at__isnull=True, report_count__gt=0) & live),
    )


def public_allowlist():
    return AllowlistEntry.objects.filter(is_active=True).order_by("category", "organisation", "display")
