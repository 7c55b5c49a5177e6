"""Statistics of the case register: cases and money by month, method, channel, locality and victim group;
period comparisons; methods on the rise. Grouped queries only: one per table, whatever the number of cases.

Cases closed as "không có dấu hiệu lừa đảo" are not fraud and never count (Case.objects.counted()).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Unit

from .. import permissions
from ..models import AgeBand, Case, CaseStatus, Channel, OffenderAbroad, VictimGroup, case_scope_q
from .suppression import THRESHOLD, Cell, suppress

BASES = {"occurred": "occurred_on", "reported": "reported_on"}
BASIS_LABELS = {"occurred": gettext_lazy("theo ngày xảy ra"), "reported": gettext_lazy("theo ngày tiếp nhận")}

DIMENSIONS = {
    # key: (field grouped on, label)
    "month": ("", gettext_lazy("Theo tháng")),
    "method": ("method_id", gettext_lazy("Theo phương thức, thủ đoạn")),
    "channel": ("channel", gettext_lazy("Theo kênh tiếp cận")),
    "unit": ("unit_id", gettext_lazy("Theo xã, phường, đặc khu")),
    "victim_group": ("victim_group", gettext_lazy("Theo nhóm nạn nhân")),
    "age_band": ("age_band", gettext_lazy("Theo độ tuổi nạn nhân")),
    "offender_abroad": ("offender_abroad", gettext_lazy("Theo nơi hoạt động của đối tượng")),
    "status": ("status", gettext_lazy("Theo tình trạng giải quyết")),
}


ORDERED = {
    "age_band": AgeBand.values,
    "offender_abroad": OffenderAbroad.values,
    "status": CaseStatus.values,
}


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def label(self) -> str:
        return period_label(self.start, self.end)

    def shifted(self, years: int) -> Period:
        """The same days `years` later (earlier when negative); 29 February becomes 28 February."""

        def move(day: dt.date) -> dt.date:
            year = day.year + years
            return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))

        return Period(move(self.start), move(self.end))

    @property
    def months(self) -> list[dt.date]:
        out, day = [], self.start.replace(day=1)
        while day <= self.end:
            out.append(day)
            day = (day + dt.timedelta(days=32)).replace(day=1)
        return out


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_label(start: dt.date, end: dt.date) -> str:
    """ "5 tháng đầu năm 2023", "Năm 2024", "Quý II/2025", "Tháng 3/2026", or the two dates."""
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    if start.year == end.year and start.day == 1 and month_end:
        if start.month == 1 and end.month == 12:
            return _("Năm %(y)s") % {"y": start.year}
        if start.month == end.month:
            return _("Tháng %(m)s/%(y)s") % {"m": start.month, "y": start.year}
        if start.month == 1:
            return _("%(n)s tháng đầu năm %(y)s") % {"n": end.month, "y": start.year}
        if start.month % 3 == 1 and end.month == start.month + 2:
            return _("Quý %(q)s/%(y)s") % {"q": _ROMAN[(start.month + 2) // 3], "y": start.year}
        if start.month == 7 and end.month == 12:
            return _("6 tháng cuối năm %(y)s") % {"y": start.year}
    return _("Từ %(a)s đến %(b)s") % {"a": start.strftime("%d/%m/%Y"), "b": end.strftime("%d/%m/%Y")}


def stats_cases(*, viewer, locality: Unit | None = None) -> QuerySet[Case]:
    """The cases a viewer's statistics cover (counted cases in their subtrees), optionally one locality's."""
    qs = Case.objects.counted().filter(case_scope_q(viewer, permissions.stats_roles(viewer)))
    if locality is not None:
        qs = qs.filter(unit__path__startswith=locality.path)
    return qs


def _in(period: Period, field: str) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def totals(qs: QuerySet[Case], period: Period, basis: str = "occurred") -> dict:
    """{"cases", "lost", "recovered", "abroad"} of a period (one query)."""
    row = qs.filter(_in(period, BASES[basis])).aggregate(
        cases=Count("pk"),
        lost=Coalesce(Sum("amount_lost"), 0),
        recovered=Coalesce(Sum("amount_recovered"), 0),
        abroad=Count("pk", filter=Q(offender_abroad=OffenderAbroad.YES)),
    )
    return row


def compare(qs: QuerySet[Case], period: Period, other: Period, basis: str = "occurred") -> dict:
    """Totals of two periods in one query: {"this": {...}, "other": {...}, "change": {...}}."""
    field = BASES[basis]
    a, b = _in(period, field), _in(other, field)
    row = qs.filter(a | b).aggregate(
        a_cases=Count("pk", filter=a),
        a_lost=Coalesce(Sum("amount_lost", filter=a), 0),
        a_abroad=Count("pk", filter=a & Q(offender_abroad=OffenderAbroad.YES)),
        b_cases=Count("pk", filter=b),
        b_lost=Coalesce(Sum("amount_lost", filter=b), 0),
        b_abroad=Count("pk", filter=b & Q(offender_abroad=OffenderAbroad.YES)),
    )

    def side(prefix, p):
        return {
            "period": p,
            "label": p.label,
            "cases": row[f"{prefix}_cases"],
            "lost": row[f"{prefix}_lost"],
            "abroad": row[f"{prefix}_abroad"],
        }

    this, that = side("a", period), side("b", other)
    return {
        "this": this,
        "other": that,
        "change": {
            "cases": _change(this["cases"], that["cases"]),
            "lost": _change(this["lost"], that["lost"]),
        },
    }


def _change(now: int, before: int) -> float | None:
    if not before:
        return None
    return (now - before) / before


def _labels(dimension: str, keys) -> dict:
    """Readable labels for the keys of one dimension (one query for methods and localities)."""
    if dimension == "method":
        names = {
            pk: (number, name)
            for pk, number, name in ScamMethod.objects.filter(pk__in=[k for k in keys if k]).values_list(
                "pk", "number", "name"
            )
        }
        out = {pk: (f"{n}. {name}" if n else name) for pk, (n, name) in names.items()}
        out[None] = _("Chưa xác định phương thức")
        return out
    if dimension == "unit":
        return dict(Unit.objects.filter(pk__in=list(keys)).values_list("pk", "name"))
    choices = {
        "channel": Channel,
        "victim_group": VictimGroup,
        "age_band": AgeBand,
        "offender_abroad": OffenderAbroad,
        "status": CaseStatus,
    }.get(dimension)
    if choices is not None:
        out = {value: str(label) for value, label in choices.choices}
        out[""] = _("Chưa rõ")
        return out
    return {}


def breakdown(qs: QuerySet[Case], dimension: str, period: Period, basis: str = "occurred") -> list[Cell]:
    """Cells of one table: cases, money lost and recovered per key. Months come in order (empty months as 0),
    other dimensions by cases then money, largest first. One grouped query (two for methods and localities)."""
    field = BASES[basis]
    group = field if dimension == "month" else DIMENSIONS[dimension][0]
    rows = (
        qs.filter(_in(period, field))
        .order_by()
        .values(group)
        .annotate(
            cases=Count("pk"),
            lost=Coalesce(Sum("amount_lost"), 0),
            recovered=Coalesce(Sum("amount_recovered"), 0),
        )
    )
    if dimension == "month":
        # grouped by day (an index range, no per-row date function), rolled up to months here
        months: dict[dt.date, list[int]] = {m: [0, 0, 0] for m in period.months}
        for r in rows:
            bucket = months[r[group].replace(day=1)]
            bucket[0] += r["cases"]
            bucket[1] += r["lost"]
            bucket[2] += r["recovered"]
        return [Cell(m, f"{m.month:02d}/{m.year}", *months[m]) for m in period.months]
    found = {r[group]: r for r in rows}
    labels = _labels(dimension, found.keys())
    cells = [
        Cell(key, labels.get(key, str(key)), r["cases"], r["lost"], r["recovered"])
        for key, r in found.items()
    ]
    if dimension in ORDERED:  # a scale or a workflow reads in its own order
        order = {value: i for i, value in enumerate(ORDERED[dimension])}
        cells.sort(key=lambda c: order.get(c.key, len(order)))
    else:
        cells.sort(key=lambda c: (-c.cases, -c.lost, c.label))
    return cells


def table(qs, dimension: str, period: Period, basis: str = "occurred", *, suppressed: bool = False) -> dict:
    """A table ready for a page, a chart and a CSV: cells, totals, whether small cells are hidden."""
    cells = breakdown(qs, dimension, period, basis)
    withheld = False
    if suppressed:
        nonzero, withheld = suppress([c for c in cells if c.cases])
        if dimension != "month":  # empty months stay as 0; other zero rows are not rows
            cells = nonzero
    total_cases = sum(c.cases for c in cells)
    total_lost = sum(c.lost for c in cells)
    return {
        "key": dimension,
        "title": DIMENSIONS[dimension][1],
        "cells": cells,
        "total_cases": total_cases,
        "total_lost": total_lost,
        "total_recovered": sum(c.recovered for c in cells),
        "suppressed": suppressed,
        "withheld": withheld,
        "hidden_count": sum(1 for c in cells if not c.visible),
        # a total of 1 or 2 cases is itself a small cell
        "total_small": suppressed and 0 < total_cases < THRESHOLD,
    }


# --- methods on the rise --------------------------------------------------------------------------------

DEFAULT_MIN_CASES = 5
SIGNIFICANCE = 0.05


def _months_back(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _binomial_tail(k: int, n: int) -> float:
    """P(X ≥ k) for X ~ Binomial(n, 1/2): how likely a split at least this lopsided is by chance alone."""
    if n == 0:
        return 1.0
    return sum(math.comb(n, i) for i in range(k, n + 1)) / 2**n


def rising_methods(
    *,
    months: int = 3,
    min_cases: int = DEFAULT_MIN_CASES,
    today: dt.date | None = None,
    viewer=None,
    queryset: QuerySet[Case] | None = None,
) -> list[dict]:
    """Methods whose cases grew: the last `months` months against the `months` before, by date reported.

    A method is rising when it had at least `min_cases` cases in the recent window, more than before, and a
    split that lopsided would happen by chance less than 5 % of the time (one-sided binomial test of recent
    against recent + before at 1/2: the two windows are equally long). One grouped query.

    Returns [{"slug", "name", "number", "recent", "previous", "growth", "p_value", "lost"}], strongest first;
    growth is (recent − previous) / previous, None when previous is 0. Province-wide unless `viewer` (their
    statistics scope) or `queryset` is given.
    """
    today = today or timezone.localdate()
    start_recent = _months_back(today, months)
    start_previous = _months_back(today, 2 * months)
    if queryset is None:
        queryset = stats_cases(viewer=viewer) if viewer is not None else Case.objects.counted()
    recent = Q(reported_on__gt=start_recent, reported_on__lte=today)
    previous = Q(reported_on__gt=start_previous, reported_on__lte=start_recent)
    rows = (
        queryset.filter(method__isnull=False, reported_on__gt=start_previous, reported_on__lte=today)
        .order_by()
        .values("method__slug", "method__name", "method__number")
        .annotate(
            recent=Count("pk", filter=recent),
            previous=Count("pk", filter=previous),
            lost=Coalesce(Sum("amount_lost", filter=recent), 0),
        )
    )
    out = []
    for r in rows:
        n_recent, n_previous = r["recent"], r["previous"]
        if n_recent < min_cases or n_recent <= n_previous:
            continue
        p_value = _binomial_tail(n_recent, n_recent + n_previous)
        if p_value >= SIGNIFICANCE:
            continue
        out.append(
            {
                "slug": r["method__slug"],
                "name": r["method__name"],
                "number": r["method__number"],
                "recent": n_recent,
                "previous": n_previous,
                "growth": (n_recent - n_previous) / n_previous if n_previous else None,
                "p_value": p_value,
                "lost": r["lost"],
                "window": (start_recent, today),
            }
        )
    out.sort(key=lambda m: (m["p_value"], -m["recent"]))
    return out


def method_weights(
    *,
    months: int = 3,
    min_cases: int = DEFAULT_MIN_CASES,
    today: dt.date | None = None,
    rising_bonus: float = 1.0,
) -> dict[str, float]:
    """{slug: weight} for drawing quiz questions: every published method weighs at least 1.0 (none disappears),
    plus its share of the last 12 months' cases (0–1, scaled so the most frequent method gets +1.0), plus
    `rising_bonus` when it is rising (rising_methods). Two queries."""
    today = today or timezone.localdate()
    since = _months_back(today, 12)
    counts = dict(
        Case.objects.counted()
        .filter(method__isnull=False, reported_on__gt=since, reported_on__lte=today)
        .order_by()
        .values_list("method__slug")
        .annotate(n=Count("pk"))
    )
    top = max(counts.values(), default=0)
    rising = {m["slug"] for m in rising_methods(months=months, min_cases=min_cases, today=today)}
    weights = {}
    for slug in ScamMethod.objects.published().values_list("slug", flat=True):
        weight = 1.0
        if top:
            weight += counts.get(slug, 0) / top
        if slug in rising:
            weight += rising_bonus
        weights[slug] = round(weight, 3)
    return weights
