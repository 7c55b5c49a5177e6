"""Progress of a campaign in one unit's subtree, for dashboards: the unit's figure, its sub-units' figures
(drill-down), the responsible units' pace and projection to the deadline (who is at risk), and the weekly
curve. A constant number of queries whatever the number of units:

- today's figures: the maintained rolled-up rows (`CoverageRollup`: each unit's whole subtree) of the focus and
  its children; the exact recount summed up the tree in memory when the counters are not for today (e.g. a
  closed campaign);
- the pace and the units at risk: ONE query joins the responsible units of the subtree to their rolled-up rows
  of today and of the window's first day (`CoverageDaily`), computes each projection, counts and ranks them in
  the database and returns the names of the lowest only — a country's 5,500 responsible units never come to
  Python. When the history does not hold the window's first day, that day is counted exactly and the units are
  ranked in memory;
- the curve: the focus's rolled-up rows at the weekly dates, missing dates counted exactly in one query.

A unit is **at risk** when it has not reached the target and its projection falls short:
coverage now + (coverage gained per week over the last `window_days`) × weeks left < target.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import NamedTuple

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length
from django.utils import timezone

from canhgiac.org.models import Unit

from ..models import Campaign, CampaignUnit, CoverageDaily, CoverageRollup
from .coverage import (
    _units,
    coverage_counts,
    coverage_over_time,
    default_day,
)

WINDOW_DAYS = 14


@dataclass(frozen=True)
class UnitRef:
    """The few fields of a unit a dashboard row shows: built from a values_list row (a responsible unit of a
    country-sized campaign is one of thousands; a model instance each costs more than the whole count)."""

    pk: int
    path: str
    name: str
    short_name: str
    code: str
    numchild: int

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class _Responsible(NamedTuple):
    pk: int
    path: str


@dataclass
class Progress:
    unit: Unit | UnitRef
    people: int = 0
    reached: int = 0
    target: float = 1.0
    before: int | None = None  # reached at the start of the pace window (None: unknown)
    window_weeks: float = 0.0
    weeks_left: float = 0.0
    responsible: bool = False

    @cached_property
    def coverage(self) -> float | None:
        return self.reached / self.people if self.people else None

    @property
    def remaining(self) -> int:
        return max(0, self.people - self.reached)

    @property
    def target_met(self) -> bool:
        return self.coverage is not None and self.coverage >= self.target - 1e-9

    @cached_property
    def weekly_rate(self) -> float | None:
        """Share of the people reached per week over the window (0.05 = 5 points a week)."""
        if not self.people or self.before is None or self.window_weeks <= 0:
            return None
        return max(0, self.reached - self.before) / self.people / self.window_weeks

    @cached_property
    def projected(self) -> float | None:
        """Coverage expected at the deadline at the recent pace (at most 100 %)."""
        if self.coverage is None or self.weekly_rate is None:
            return None
        return min(1.0, self.coverage + self.weekly_rate * self.weeks_left)

    @property
    def at_risk(self) -> bool:
        projected = self.projected
        return not self.target_met and projected is not None and projected < self.target - 1e-9

    @property
    def band(self) -> str:
        value = self.coverage
        if value is None:
            return "none"
        if value >= self.target - 1e-9:
            return "good"
        return "fair" if value >= 0.6 * self.target else "poor"


@dataclass
class CampaignProgress:
    campaign: Campaign
    focus: Progress
    on: date
    children: list[Progress] = field(default_factory=list)
    responsible_count: int = 0  # responsible units of the subtree with people in the audience
    at_risk_count: int = 0
    at_risk_units: list[Progress] = field(default_factory=list)  # lowest projection first (up to the limit)
    curve: list[tuple[date, int, int]] = field(default_factory=list)  # weekly (day, people, reached) to `on`
    window_start: date | None = None
    live: bool = False  # today's figures came from the counters
    as_of: date | None = None  # the day the counters hold (earlier than today until the hourly task runs)

    @property
    def at_risk(self) -> list[Progress]:
        return self.at_risk_units

    @property
    def stale(self) -> bool:
        return self.as_of is not None and self.as_of < self.on


def _sum_by_paths(rows, paths: set[str], steplen: int, start: int = 0) -> dict[str, list[int]]:
    """{path: [people, reached]} for every wanted path, each summing the rows of its subtree (all rows lie
    under a path `start` characters long: shorter prefixes are not looked at)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    first = max(steplen, start)
    for path, people, reached in rows:
        for end in range(first, len(path) + 1, steplen):
            prefix = path[:end]
            if prefix in paths:
                total = totals[prefix]
                total[0] += people
                total[1] += reached
    return totals


def _rolled_now(campaign: Campaign, unit_ids) -> dict[str, tuple[int, int]]:
    """{path: (people, reached)} of these units' whole subtrees today, from the rolled-up rows."""
    return {
        path: (people, reached)
        for path, people, reached in CoverageRollup.objects.filter(
            campaign=campaign, unit_id__in=list(unit_ids)
        ).values_list("path", "people", "reached")
    }


def counters_usable(campaign: Campaign, on: date) -> date | None:
    """The day the counters hold, when a dashboard may read them for `on` (today): right for today, or for an
    earlier day while the hourly task has not rebuilt them since midnight (the page says so). None otherwise."""
    today = timezone.localdate()
    if campaign.status != Campaign.Status.ACTIVE or campaign.coverage_as_of is None or on != today:
        return None
    return campaign.coverage_as_of


def _exact_rows(viewer, campaign: Campaign, focus: Unit, on: date) -> list[tuple[str, int, int]]:
    units = _units(viewer, focus)
    people, reached = coverage_counts(viewer=viewer, campaign=campaign, on=on, root=focus, units=units)
    paths = {u.pk: u.path for u in units}
    return [(paths[u], n, reached.get(u, 0)) for u, n in people.items() if u in paths]


def coverage_progress(
    *,
    viewer,
    campaign: Campaign,
    focus: Unit,
    today: date | None = None,
    window_days: int = WINDOW_DAYS,
    at_risk_limit: int | None = None,
) -> CampaignProgress:
    """The campaign in `focus`'s subtree (the caller checks `focus` is in the viewer's scope): see the module."""
    today = today or timezone.localdate()
    on = default_day(campaign, today)
    steplen = Unit.steplen
    as_of = counters_usable(campaign, on)
    window_start = max(campaign.starts_on, on - timedelta(days=window_days))
    weeks = (on - window_start).days / 7
    weeks_left = max(0, (campaign.deadline - on).days) / 7
    if as_of is not None:
        ranked = _ranked_in_database(
            campaign, focus, on, window_start, weeks, weeks_left, at_risk_limit, as_of
        )
        if ranked is not None:
            return _with_curve(ranked, viewer)
    # the exact count (not today, or counters being rebuilt), or a window day the history does not hold
    # the children as plain rows (a block of a country has a thousand): see UnitRef
    children = [
        UnitRef(*row)
        for row in Unit.objects.filter(path__startswith=focus.path, depth=focus.depth + 1)
        .order_by("path")
        .values_list("id", "path", "name", "short_name", "code", "numchild")
    ]
    # the responsible units as (id, path) only: the names are read for the units at risk shown
    participants = [
        _Responsible(*row)
        for row in CampaignUnit.objects.filter(
            campaign=campaign, unit__path__startswith=focus.path
        ).values_list("unit_id", "unit__path")
    ]
    wanted = {focus.path} | {c.path for c in children} | {p.path for p in participants}
    if as_of is not None:
        now = _rolled_now(campaign, [focus.pk, *(c.pk for c in children), *(p.pk for p in participants)])
    else:
        now = _sum_by_paths(_exact_rows(viewer, campaign, focus, on), wanted, steplen, start=len(focus.path))
    before = _window_figures(viewer, campaign, focus, window_start, on, wanted, children, participants)

    def progress(unit: Unit, responsible=False) -> Progress:
        people, reached = now.get(unit.path, (0, 0))
        start = before.get(unit.path) if before is not None else None
        return Progress(
            unit=unit,
            people=people,
            reached=reached,
            target=campaign.target_ratio,
            before=start if start is not None else (0 if before is not None else None),
            window_weeks=weeks,
            weeks_left=weeks_left,
            responsible=responsible,
        )

    responsible_ids = {p.pk for p in participants}
    responsible = [p for p in participants if now.get(p.path, (0, 0))[0]]
    result = CampaignProgress(
        campaign=campaign,
        focus=progress(focus, focus.pk in responsible_ids),
        on=on,
        children=[progress(c, c.pk in responsible_ids) for c in children if now.get(c.path, (0, 0))[0]],
        responsible_count=len(responsible),
        window_start=window_start if weeks > 0 else None,
        live=as_of is not None,
        as_of=as_of,
    )
    # the units at risk, by numbers first: only those shown become objects (a country has thousands)
    target = campaign.target_ratio - 1e-9
    risky = []
    for unit in responsible:
        people, reached = now[unit.path]
        start = before.get(unit.path, 0) if before is not None else None
        if reached / people >= target or start is None or weeks <= 0:
            continue
        projected = min(1.0, (reached + max(0, reached - start) / weeks * weeks_left) / people)
        if projected < target:
            risky.append((projected, unit.pk))
    result.at_risk_count = len(risky)
    result.at_risk_units = [progress(unit, True) for unit in _lowest(risky, at_risk_limit)]
    return _with_curve(result, viewer)


def _with_curve(result: CampaignProgress, viewer) -> CampaignProgress:
    result.curve = coverage_curve(
        viewer=viewer, campaign=result.campaign, focus=result.focus.unit, on=result.on
    )
    if result.curve and result.curve[-1][0] == result.on:  # the last point is today's figure
        result.curve[-1] = (result.on, result.focus.people, result.focus.reached)
    return result


# The responsible units of a subtree with people today, their projection at the deadline, how many are at risk
# and the lowest of them (every unit tied with the last one shown included). Written for both databases:
# the arithmetic is Python's, step by step, in double precision (the parameters cast: PostgreSQL would take
# them as numeric), so both rank exactly as `Progress` does.
_FLOAT = "CAST(%s AS DOUBLE PRECISION)"
_AT_RISK_SQL = """
WITH r AS (
    SELECT ro.unit_id, ro.people, ro.reached, COALESCE(d.reached, 0) AS start
    FROM {responsible} cu
    JOIN {rollup} ro ON ro.campaign_id = cu.campaign_id AND ro.unit_id = cu.unit_id
    LEFT JOIN {daily} d ON d.campaign_id = cu.campaign_id AND d.unit_id = cu.unit_id AND d.day = %s
    WHERE cu.campaign_id = %s AND ro.path LIKE %s AND ro.people > 0
), p AS (
    SELECT unit_id, people, reached, start,
        (reached + (CASE WHEN reached > start THEN reached - start ELSE 0 END) / {float} * {float}) / people AS raw
    FROM r WHERE CAST(reached AS DOUBLE PRECISION) / people < {float}
), risky AS (
    SELECT unit_id, people, reached, start, CASE WHEN raw > 1 THEN {float} ELSE raw END AS projected
    FROM p WHERE (CASE WHEN raw > 1 THEN {float} ELSE raw END) < {float}
), ranked AS (
    SELECT risky.*, RANK() OVER (ORDER BY projected) AS n FROM risky
)
SELECT (SELECT COUNT(*) FROM r), (SELECT COUNT(*) FROM risky), ranked.projected, ranked.unit_id,
    ranked.people, ranked.reached, ranked.start
FROM (SELECT 1 AS one) one
LEFT JOIN ranked ON ranked.n <= %s
"""


def _ranked_in_database(
    campaign, focus, on, window_start, weeks, weeks_left, at_risk_limit, as_of
) -> CampaignProgress | None:
    """The progress from the rolled-up rows (today) and the history (the window's first day), the units at
    risk ranked by the database: 4 queries. None when the history does not hold the window's first day."""
    # the focus and its children (those with people: the others are not shown) with the children's names,
    # by their level of the subtree rather than a list of keys (a block of a country has a thousand children)
    level = Q(path=focus.path) | Q(path__startswith=focus.path, path_length=len(focus.path) + Unit.steplen)
    responsible = CampaignUnit.objects.filter(campaign=campaign, unit_id=OuterRef("unit_id"))
    now = {}
    children = []
    for unit_id, people, reached, is_responsible, *unit in (
        CoverageRollup.objects.filter(campaign=campaign)
        .annotate(path_length=Length("path"))
        .filter(level)
        .annotate(responsible=Exists(responsible))
        .order_by("path")
        .values_list(
            "unit_id",
            "people",
            "reached",
            "responsible",
            "path",
            "unit__name",
            "unit__short_name",
            "unit__code",
            "unit__numchild",
        )
    ):
        now[unit_id] = (people, reached, is_responsible)
        if unit_id != focus.pk and people:
            children.append(UnitRef(unit_id, *unit))
    ids = [focus.pk, *(c.pk for c in children)]
    before = None
    if weeks > 0:
        stored = dict(
            CoverageDaily.objects.filter(
                campaign=campaign,
                day=window_start,
                unit_id__in=Unit.objects.filter(
                    Q(pk=focus.pk) | Q(path__startswith=focus.path, depth=focus.depth + 1)
                ).values("pk"),
            ).values_list("unit_id", "reached")
        )
        # no row for a unit means nobody in its subtree that day; nothing at all on the first day: 0 reached
        if not stored and window_start != campaign.starts_on and not _has_history(campaign, [window_start]):
            return None
        before = {u: stored.get(u, 0) for u in ids}
    target = campaign.target_ratio - 1e-9
    limit = at_risk_limit if before is not None else 0
    tables = {
        "responsible": CampaignUnit._meta.db_table,
        "rollup": CoverageRollup._meta.db_table,
        "daily": CoverageDaily._meta.db_table,
    }
    params = [
        connection.ops.adapt_datefield_value(window_start),
        campaign.pk,
        focus.path + "%",
        weeks or 1.0,
        weeks_left,
        target,
        1.0,
        1.0,
        target,
        limit if limit is not None else 2**31 - 1,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_AT_RISK_SQL.replace("{float}", _FLOAT).format(**tables), params)
        rows = cursor.fetchall()

    def progress(unit, people, reached, start, responsible):
        return Progress(
            unit=unit,
            people=people,
            reached=reached,
            target=campaign.target_ratio,
            before=start,
            window_weeks=weeks,
            weeks_left=weeks_left,
            responsible=responsible,
        )

    def of(unit):
        people, reached, is_responsible = now.get(unit.pk, (0, 0, False))
        start = before.get(unit.pk) if before is not None else None
        return progress(unit, people, reached, start, is_responsible)

    # the lowest (ties at the cut included) with their figures; their names in one small query (a join in the
    # ranking query would hash the whole unit table for 30 rows)
    figures = {row[3]: row[4:7] for row in rows if row[3] is not None}
    at_risk = _lowest([(row[2], row[3]) for row in rows if row[3] is not None], limit)
    return CampaignProgress(
        campaign=campaign,
        focus=of(focus),
        on=on,
        children=[of(c) for c in children],
        responsible_count=rows[0][0],
        at_risk_count=rows[0][1] if before is not None else 0,
        at_risk_units=[progress(unit, *figures[unit.pk], True) for unit in at_risk],
        window_start=window_start if weeks > 0 else None,
        live=True,
        as_of=as_of,
    )


def _lowest(risky: list[tuple[float, int]], limit: int | None) -> list[UnitRef]:
    """The units at risk shown: lowest projection first, then by name; one query for the names of those
    that can be shown (the first `limit` and any tied with the last of them)."""
    if limit == 0 or not risky:
        return []
    risky.sort()
    candidates = risky if limit is None or limit >= len(risky) else risky[:limit]
    if limit is not None and limit < len(risky):
        cutoff = risky[limit - 1][0]
        candidates = [r for r in risky if r[0] <= cutoff]
    units = {
        row[0]: UnitRef(*row)
        for row in Unit.objects.filter(pk__in=[pk for _p, pk in candidates]).values_list(
            "id", "path", "name", "short_name", "code", "numchild"
        )
    }
    ranked = sorted(candidates, key=lambda r: (r[0], units[r[1]].name))
    return [units[pk] for _p, pk in (ranked if limit is None else ranked[:limit])]


def _window_figures(
    viewer, campaign, focus, day, on, wanted, children, participants
) -> dict[str, int] | None:
    """{path: reached} at the start of the pace window; None when the window is empty."""
    if day >= on:
        return None
    ids = [focus.pk, *(c.pk for c in children), *(p.pk for p in participants)]
    paths = {focus.pk: focus.path, **{c.pk: c.path for c in children}}
    paths.update({p.pk: p.path for p in participants})
    responsible = CampaignUnit.objects.filter(campaign=campaign)
    if focus.depth > 1:
        # at a top unit the join to the units' paths costs more than the few rows of other top units it
        # would leave out (they are not looked up below); deeper, it keeps the rows to the subtree's
        responsible = responsible.filter(unit__path__startswith=focus.path)
    stored = dict(
        CoverageDaily.objects.filter(campaign=campaign, day=day)
        .filter(
            Q(unit_id__in=[focus.pk, *(c.pk for c in children)])
            | Q(unit_id__in=responsible.values("unit_id"))
        )
        .values_list("unit_id", "reached")
    )
    if stored or day == campaign.starts_on:
        # no row for a unit means nobody in its subtree that day; nothing at all on the first day: 0 reached
        return {paths[u]: stored.get(u, 0) for u in ids}
    exact = _exact_rows(viewer, campaign, focus, day)
    return {
        path: reached
        for path, (_p, reached) in _sum_by_paths(exact, wanted, Unit.steplen, start=len(focus.path)).items()
    }


def coverage_curve(
    *, viewer, campaign: Campaign, focus: Unit, on: date | None = None
) -> list[tuple[date, int, int]]:
    """[(day, people, reached)] of `focus`'s subtree at the weekly dates from the start to `on`: the stored
    rolled-up history, the dates it does not hold counted exactly (one query)."""
    on = on or default_day(campaign)
    dates = campaign.weekly_dates(until=on)
    stored = {
        day: (people, reached)
        for day, people, reached in CoverageDaily.objects.filter(
            campaign=campaign, unit=focus, day__in=dates
        ).values_list("day", "people", "reached")
    }
    missing = [d for d in dates if d not in stored and d != on]
    if missing and not _has_history(campaign, missing):
        for day, people, reached in coverage_over_time(
            viewer=viewer, campaign=campaign, unit=focus, dates=missing
        ):
            stored[day] = (people, reached)
    return [(d, *stored.get(d, (0, 0))) for d in dates]


def _has_history(campaign: Campaign, days: list[date]) -> bool:
    """Whether the history holds those days for the campaign at all (a unit without a row had nobody)."""
    return CoverageDaily.objects.filter(campaign=campaign, day__in=days).values(
        "day"
    ).distinct().count() == len(set(days))
