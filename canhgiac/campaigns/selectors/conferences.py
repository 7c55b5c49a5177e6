"""Reads of conferences: lists, the month calendar, per-week counts, one conference's page."""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canhgiac.core.text import search_terms

from ..models import Attendance, Campaign, Conference, ConferenceSpeaker


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def conference_list(
    *,
    viewer,
    campaign: Campaign | None = None,
    status: str = "",
    unit=None,
    start: date | None = None,
    end: date | None = None,
    query: str = "",
):
    """The viewer's conferences (their subtrees, or assigned to them as a speaker), filtered, with the
    attendance count and the speakers prefetched: 2 queries for a page whatever its length."""
    rows = (
        Conference.objects.visible_to(viewer)
        .select_related("unit", "campaign")
        .annotate(attended=Count("attendances", filter=Q(attendances__person__isnull=False)))
        .prefetch_related(
            Prefetch(
                "assignments", queryset=ConferenceSpeaker.objects.select_related("speaker").order_by("id")
            )
        )
    )
    if campaign is not None:
        rows = rows.filter(campaign=campaign)
    if status:
        rows = rows.filter(status=status)
    if unit is not None:
        rows = rows.filter(unit__path__startswith=unit.path)
    if start is not None:
        rows = rows.filter(starts_at__gte=_aware(start))
    if end is not None:
        rows = rows.filter(starts_at__lt=_aware(end + timedelta(days=1)))
    for term in search_terms(query):
        rows = rows.filter(Q(unit__search_text__contains=term) | Q(title__icontains=term))
    return rows.order_by("starts_at", "id")


def conference_for_viewer(*, viewer, pk) -> Conference:
    return get_object_or_404(
        Conference.objects.visible_to(viewer).select_related(
            "unit", "campaign", "confirmed_by", "reported_by"
        ),
        pk=pk,
    )


def managed_conference(*, viewer, pk) -> Conference:
    """A conference the viewer may change (coordinator or unit manager of its unit), else 404."""
    return get_object_or_404(
        Conference.objects.managed_by(viewer).select_related("unit", "campaign"),
        pk=pk,
    )


def month_calendar(*, viewer, year: int, month: int, campaign: Campaign | None = None, unit=None) -> dict:
    """The month as weeks of days (Monday first), each day with its conferences. 2 queries."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_day: dict[date, list[Conference]] = defaultdict(list)
    for conference in conference_list(viewer=viewer, campaign=campaign, unit=unit, start=first, end=last):
        by_day[conference.local_date].append(conference)
    today = timezone.localdate()
    return {
        "weeks": [
            [
                {"day": d, "in_month": d.month == month, "today": d == today, "items": by_day.get(d, [])}
                for d in week
            ]
            for week in weeks
        ],
        "month_start": date(year, month, 1),
        "previous": (date(year, month, 1) - timedelta(days=1)).replace(day=1),
        "next": (date(year, month, 28) + timedelta(days=7)).replace(day=1),
        "count": sum(len(v) for d, v in by_day.items() if d.month == month),
        "items": [c for d in sorted(by_day) if d.month == month for c in by_day[d]],
    }


def conferences_per_week(*, viewer, campaign: Campaign, unit=None) -> list[dict]:
    """[{week (Monday), planned, held, cancelled, attended}] — conferences by the week they take place, and
    people checked in. 2 grouped queries."""
    tz = timezone.get_current_timezone()
    rows = Conference.objects.visible_to(viewer).filter(campaign=campaign)
    if unit is not None:
        rows = rows.filter(unit__path__startswith=unit.path)
    weeks: dict[date, dict] = {}

    def week(key) -> dict:
        day = key.date() if isinstance(key, datetime) else key
        return weeks.setdefault(day, {"week": day, "planned": 0, "held": 0, "cancelled": 0, "attended": 0})

    for key, state, n in (
        rows.annotate(w=TruncWeek("starts_at", tzinfo=tz))
        .values_list("w", "status")
        .annotate(n=Count("id"))
        .values_list("w", "status", "n")
        .order_by()
    ):
        entry = week(key)
        if state in {Conference.Status.HELD, Conference.Status.REPORTED}:
            entry["held"] += n
        elif state == Conference.Status.CANCELLED:
            entry["cancelled"] += n
        else:
            entry["planned"] += n
    attended = (
        Attendance.objects.filter(conference__in=rows, person__isnull=False)
        .annotate(w=TruncWeek("conference__starts_at", tzinfo=tz))
        .values_list("w")
        .annotate(n=Count("id"))
        .values_list("w", "n")
        .order_by()
    )
    for key, n in attended:
        week(key)["attended"] += n
    return [weeks[k] for k in sorted(weeks)]


def conference_detail(*, conference: Conference) -> dict:
    """What the conference page shows beyond the conference itself (5 queries)."""
    assignments = list(conference.assignments.select_related("speaker", "speaker__unit").order_by("id"))
    counts = conference.attendances.aggregate(
        people=Count("id", filter=Q(person__isnull=False)),
        walk_ins=Count("id", filter=Q(person__isnull=True)),
        qr=Count("id", filter=Q(via=Attendance.Via.QR)),
    )
    recent = list(
        conference.attendances.select_related("person__unit").order_by("-checked_in_at", "-id")[:10]
    )
    files = list(conference.files.all())
    return {
        "assignments": assignments,
        "counts": counts,
        "recent": recent,
        "files": files,
        "photos": [f for f in files if f.kind == "photo" and f.is_image],
        "methods": list(conference.requested_methods.order_by("number")),
    }
