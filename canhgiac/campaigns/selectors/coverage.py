"""Coverage of a campaign = people reached ÷ people in scope (roster headcount on a date, minus exemptions).

Rules (docs/campaigns.md):
- The denominator on date D is org's: people whose roster history places them in a unit of the campaign's
  audience on D, with status "đang công tác", no exemption covering D, of the audience's staff groups.
- The numerator counts the same rows whose person has a Reach of the campaign dated on or before D. So a
  reached person counts where they are on D: **reach follows the person** when they move, and a person who
  left or is exempt on D leaves both numerator and denominator — coverage never exceeds 100%.
- Constant queries: one grouped query gives both counts per unit; the tree is summed in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from canhgiac.core.scoping import scope_paths, scope_q
from canhgiac.org.models import Person, Placement, Unit
from canhgiac.org.selectors import exempt_people_on, placements_in_scope, rollup_counts

from ..models import Campaign, Reach


@dataclass
class UnitCoverage:
    unit: Unit
    level: int
    people: int = 0
    reached: int = 0
    target: float = 1.0

    @property
    def coverage(self) -> float | None:
        return self.reached / self.people if self.people else None

    @property
    def remaining(self) -> int:
        return max(0, self.people - self.reached)

    @property
    def target_met(self) -> bool:
        return self.coverage is not None and self.coverage >= self.target - 1e-9

    @property
    def band(self) -> str:
        """ "good", "fair" or "poor" against the campaign's target (for colours)."""
        value = self.coverage
        if value is None:
            return "none"
        if value >= self.target - 1e-9:
            return "good"
        return "fair" if value >= 0.6 * self.target else "poor"


def default_day(campaign: Campaign, today: date | None = None) -> date:
    """The date coverage is shown for: today while the campaign runs, its deadline once it is closed."""
    today = today or timezone.localdate()
    if campaign.status == Campaign.Status.CLOSED:
        return min(today, campaign.deadline)
    return today


def next_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def audience_paths(campaign: Campaign) -> list[str]:
    """The audience subtrees' paths ([] = the whole province), read once per campaign object."""
    paths = getattr(campaign, "_audience_paths", None)
    if paths is None:
        paths = sorted(u.path for u in campaign.audience_units.all())
        campaign._audience_paths = paths
    return paths


def audience_q(campaign: Campaign, field: str = "unit") -> Q:
    paths = audience_paths(campaign)
    q = Q()
    for path in paths:
        q |= Q(**{f"{field}__path__startswith": path})
    return q


def reached_people(campaign: Campaign, day: date):
    """The ids of people the campaign reached by the end of `day`, as an uncorrelated subquery (evaluated once,
    not probed per roster row)."""
    return Reach.objects.filter(campaign=campaign, reached_at__lt=next_midnight(day)).values("person_id")


def _units(viewer, root: Unit | None):
    units = Unit.objects.visible_to(viewer).only(
        "id", "path", "depth", "name", "short_name", "code", "kind", "numchild"
    )
    if root is not None:
        units = units.filter(path__startswith=root.path)
    return list(units)


def _unit_filter(viewer, campaign: Campaign, root: Unit | None, units: list[Unit]) -> Q:
    """Which roster rows to count, as unit ids: the viewer's units (or `root`'s subtree) inside the audience.
    Ids, not a join on the unit's path: the database then seeks those units' rows through the (unit,
    valid_from) index instead of scanning the province, and nothing at all is added when the viewer and the
    audience are the whole province."""
    paths = audience_paths(campaign)
    whole_audience = not paths or any(len(p) == Unit.steplen for p in paths)
    if root is None and whole_audience and scope_paths(viewer) is None:
        return Q()
    ids = [u.pk for u in units if not paths or any(u.path.startswith(p) for p in paths)]
    return Q(unit_id__in=ids)


def coverage_counts(
    *, viewer, campaign: Campaign, on: date, root: Unit | None = None, units: list[Unit] | None = None
) -> tuple[dict, dict]:
    """({unit id: people}, {unit id: reached}) per unit, not rolled up, in the viewer's scope (or `root`'s
    subtree). One grouped query, plus one for the units when they are not given."""
    units = units if units is not None else _units(viewer, root)
    rows = placements_in_scope(on=on, staff_groups=campaign.audience_groups).filter(
        _unit_filter(viewer, campaign, root, units)
    )
    people, reached = {}, {}
    for unit_id, n, r in (
        rows.values_list("unit_id")
        .annotate(n=Count("id"), r=Count("id", filter=Q(person_id__in=reached_people(campaign, on))))
        .values_list("unit_id", "n", "r")
        .order_by()
    ):
        people[unit_id], reached[unit_id] = n, r
    return people, reached


def coverage_by_unit(
    *,
    viewer,
    campaign: Campaign,
    on: date | None = None,
    root: Unit | None = None,
    depth: int | None = None,
) -> list[UnitCoverage]:
    """One row per unit of the viewer's subtrees (or `root`'s) that holds audience people, figures rolled up
    the tree. `depth` keeps units down to that many levels below the top. 2 queries whatever the units (3 the
    first time a campaign object's audience is read)."""
    on = on or default_day(campaign)
    units = _units(viewer, root)
    if not units:
        return []
    own_people, own_reached = coverage_counts(viewer=viewer, campaign=campaign, on=on, root=root, units=units)
    people = rollup_counts(units, own_people)
    reached = rollup_counts(units, own_reached)
    top = min(u.depth for u in units)
    rows = []
    for unit in units:
        if not people.get(unit.pk):
            continue
        if depth is not None and unit.depth - top > depth:
            continue
        rows.append(
            UnitCoverage(
                unit=unit,
                level=unit.depth - top,
                people=people[unit.pk],
                reached=reached.get(unit.pk, 0),
                target=campaign.target_ratio,
            )
        )
    return rows


def coverage_total(
    *, viewer, campaign: Campaign, on: date | None = None, root: Unit | None = None
) -> UnitCoverage:
    """The whole of the viewer's scope (or of `root`'s subtree) as one figure. Two queries."""
    on = on or default_day(campaign)
    own_people, own_reached = coverage_counts(viewer=viewer, campaign=campaign, on=on, root=root)
    return UnitCoverage(
        unit=root,
        level=0,
        people=sum(own_people.values()),
        reached=sum(own_reached.values()),
        target=campaign.target_ratio,
    )


def exempt_by_unit(*, campaign: Campaign, on: date | None = None, root: Unit | None = None) -> dict[int, int]:
    """{unit id: people} of the campaign's audience whom an exemption (long leave…) takes out of the coverage
    denominator on `on` (their roster history places them in that unit, status active): the "exempt" line of a
    unit report (headcount = in scope + exempt). Per unit, not rolled up — roll up with `rollup_counts`. 1 query."""
    on = on or default_day(campaign)
    rows = Placement.objects.on(on).filter(status=Person.Status.ACTIVE, person_id__in=exempt_people_on(on))
    if root is not None:
        rows = rows.filter(unit__path__startswith=root.path)
    if campaign.audience_groups:
        rows = rows.filter(person__staff_group__in=list(campaign.audience_groups))
    return dict(
        rows.filter(audience_q(campaign))
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
        .order_by()
    )


def coverage_over_time(
    *, viewer, campaign: Campaign, unit: Unit | None = None, dates: list[date] | None = None
) -> list[tuple[date, int, int]]:
    """[(date, people, reached)] for a unit's subtree (or the viewer's whole scope) at each date — weekly from
    the start by default. One query with two counts per date."""
    dates = dates or campaign.weekly_dates()
    base = Placement.objects.filter(status=Person.Status.ACTIVE).filter(
        _unit_filter(viewer, campaign, unit, _units(viewer, unit))
    )
    if campaign.audience_groups:
        base = base.filter(person__staff_group__in=campaign.audience_groups)
    aggregates = {}
    for index, day in enumerate(dates):
        in_scope = (
            (Q(valid_from__isnull=True) | Q(valid_from__lte=day))
            & (Q(valid_to__isnull=True) | Q(valid_to__gt=day))
            & ~Q(person_id__in=exempt_people_on(day))
        )
        aggregates[f"p{index}"] = Count("id", filter=in_scope)
        aggregates[f"r{index}"] = Count(
            "id", filter=in_scope & Q(person_id__in=reached_people(campaign, day))
        )
    row = base.aggregate(**aggregates) if aggregates else {}
    return [(day, row.get(f"p{i}") or 0, row.get(f"r{i}") or 0) for i, day in enumerate(dates)]


def reach_by_via(*, viewer, campaign: Campaign, unit: Unit | None = None) -> dict[str, int]:
    """{via: reaches} of people now in the viewer's scope (or a unit's subtree). One query."""
    rows = Reach.objects.filter(campaign=campaign).filter(scope_q(viewer, "person__unit"))
    if unit is not None:
        rows = rows.filter(person__unit__path__startswith=unit.path)
    return dict(rows.values_list("via").annotate(n=Count("id")).values_list("via", "n").order_by())


def people_status(
    *, campaign: Campaign, unit: Unit, on: date | None = None, query: str = "", reached: str = ""
):
    """The people in scope of a unit's subtree on a date, each with their Reach (or None): who is left to reach.
    A queryset of Placement rows with `person` and `unit` selected and `reach_at` / `reach_via` annotated."""
    from django.db.models import Subquery

    from canhgiac.core.text import search_terms

    on = on or default_day(campaign)
    reach = Reach.objects.filter(
        campaign=campaign, person_id=OuterRef("person_id"), reached_at__lt=next_midnight(on)
    )
    rows = (
        placements_in_scope(on=on, staff_groups=campaign.audience_groups)
        .filter(unit__path__startswith=unit.path)
        .filter(audience_q(campaign))
        .select_related("person", "unit")
        .annotate(
            reach_at=Subquery(reach.values("reached_at")[:1]), reach_via=Subquery(reach.values("via")[:1])
        )
    )
    for term in search_terms(query):
        rows = rows.filter(person__search_text__contains=term)
    if reached == "1":
        rows = rows.filter(Exists(reach))
    elif reached == "0":
        rows = rows.exclude(Exists(reach))
    return rows.order_by("person__sort_name", "person_id")
