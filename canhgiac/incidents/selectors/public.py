"""The public picture of online fraud in the province: aggregates only, no case list, no personal data, every
cell under 3 cases hidden (selectors.suppression). Whole calendar years only, so two answers cannot be
subtracted to isolate a few days."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Min
from django.utils import timezone

from ..models import Case
from .stats import Period, rising_methods, table
from .suppression import THRESHOLD

PUBLIC_TABLES = ("month", "method", "unit", "victim_group")


def public_years(today: dt.date | None = None) -> list[int]:
    """Years with counted cases, newest first (the current year always offered)."""
    today = today or timezone.localdate()
    bounds = Case.objects.counted().aggregate(first=Min("occurred_on"), last=Max("occurred_on"))
    first = bounds["first"].year if bounds["first"] else today.year
    return list(range(today.year, first - 1, -1))


def public_overview(*, year: int, today: dt.date | None = None) -> dict:
    """Headline figures, the tables of PUBLIC_TABLES (suppressed) and the methods on the rise."""
    today = today or timezone.localdate()
    end = dt.date(year, 12, 31) if year < today.year else today
    period = Period(dt.date(year, 1, 1), end)
    qs = Case.objects.counted()
    tables = {key: table(qs, key, period, suppressed=True) for key in PUBLIC_TABLES}
    first = tables["month"]
    total = first["total_cases"]
    rising = []
    if year == today.year:
        for method in rising_methods(today=today):
            shown = dict(method)
            if method["previous"] and method["previous"] < THRESHOLD:
                shown["previous"] = None  # "< 3": the growth would give it away too
                shown["growth"] = None
            rising.append(shown)
    return {
        "year": year,
        "period": period,
        "total_cases": total,
        "total_lost": first["total_lost"],
        "total_recovered": first["total_recovered"],
        "total_small": 0 < total < THRESHOLD,
        "tables": tables,
        "rising": rising,
        "partial": end < dt.date(year, 12, 31),
    }
