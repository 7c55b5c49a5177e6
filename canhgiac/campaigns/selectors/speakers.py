"""Reads of the speaker pool: schedules and workload."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from canhgiac.core.text import search_terms

from ..models import Conference, ConferenceSpeaker, Speaker


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def speaker_list(*, viewer, query: str = "", method=None, active: str = "1"):
    rows = Speaker.objects.visible_to(viewer).select_related("unit", "user").prefetch_related("methods")
    if active == "1":
        rows = rows.filter(is_active=True)
    for term in search_terms(query):
        rows = rows.filter(search_text__contains=term)
    if method is not None:
        rows = rows.filter(methods=method)
    return rows.order_by("full_name", "id")


def speaker_workload(*, viewer, start: date, end: date) -> dict[int, dict]:
    """{speaker id: {sessions, hours, held, upcoming}} between two dates (cancelled excluded). One query."""
    now = timezone.now()
    rows = (
        ConferenceSpeaker.objects.filter(speaker__in=Speaker.objects.visible_to(viewer))
        .filter(
            conference__starts_at__gte=_aware(start),
            conference__starts_at__lt=_aware(end + timedelta(days=1)),
        )
        .exclude(conference__status=Conference.Status.CANCELLED)
        .values("speaker_id")
        .annotate(
            sessions=Count("id"),
            seconds=Sum(F("conference__ends_at") - F("conference__starts_at")),
            held=Count(
                "id", filter=Q(conference__status__in=[Conference.Status.HELD, Conference.Status.REPORTED])
            ),
            upcoming=Count("id", filter=Q(conference__starts_at__gte=now)),
        )
        .order_by()
    )
    out = {}
    for row in rows:
        seconds = row["seconds"]
        hours = (
            seconds.total_seconds() / 3600
            if isinstance(seconds, timedelta)
            else (seconds or 0) / 3_600_000_000
        )
        out[row["speaker_id"]] = {
            "sessions": row["sessions"],
            "hours": hours,
            "held": row["held"],
            "upcoming": row["upcoming"],
        }
    return out


def speaker_schedule(*, speaker: Speaker, start: date | None = None, end: date | None = None):
    """The speaker's assignments (cancelled conferences included, marked), oldest first."""
    rows = ConferenceSpeaker.objects.filter(speaker=speaker).select_related(
        "conference__unit", "conference__campaign"
    )
    if start is not None:
        rows = rows.filter(conference__starts_at__gte=_aware(start))
    if end is not None:
        rows = rows.filter(conference__starts_at__lt=_aware(end + timedelta(days=1)))
    return rows.order_by("conference__starts_at", "id")


def speaker_candidates(*, conference: Conference) -> list[dict]:
    """Active speakers ranked for a conference: free first, then by how many requested methods they cover;
    each with the reason they cannot take it, if any (the checks of services.speaker_check)."""
    from ..services.speakers import check_for_conference

    wanted = set(conference.requested_methods.values_list("id", flat=True))
    assigned = set(conference.assignments.values_list("speaker_id", flat=True))
    out = []
    for speaker in Speaker.objects.active().prefetch_related("methods").select_related("unit"):
        if speaker.pk in assigned:
            continue
        covered = {m.pk for m in speaker.methods.all()} & wanted
        check = check_for_conference(speaker, conference)
        out.append(
            {"speaker": speaker, "covers": len(covered), "errors": check.errors, "warnings": check.warnings}
        )
    out.sort(key=lambda c: (bool(c["errors"]), -c["covers"], c["speaker"].full_name))
    return out
